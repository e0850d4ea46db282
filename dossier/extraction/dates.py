"""Recognise and normalise German temporal expressions (standard library only).

``find_temporal_expressions(text, anchor)`` scans one sentence and returns every
date-like expression with its character offsets and an ISO value:

* absolute dates ........ "am 3. September 2025", "18. und 19. Juni", "02.09.25",
                          "2025-09-02", "vom 30. Juni bis 2. Juli"
* months ................ "im Juli 2000", "Ende August", "im Mai", "seit März",
                          "von Mai bis Juli 2024", "im Mai letzten Jahres"
* parts of a year ....... "im dritten Quartal", "im ersten Halbjahr 2023",
                          "in den ersten neun Monaten des Vorjahres"
* years / decades ....... "2019", "im Jahr 2023", "seit 2024", "Ende 2023",
                          "2019 bis 2021", "2019/20", "in den 1990er Jahren",
                          "zuletzt 2001", "das 1807 erlassene Gesetz"
* relative days ......... "heute", "gestern Abend", "morgen und übermorgen"
* weekdays .............. "am Mittwoch", "Dienstagabend", "am kommenden Freitag"
* relative periods ...... "nächste Woche", "im vergangenen Jahr", "Ende des Monats",
                          "am Wochenende", "im Vorjahr", "Anfang der Woche" (the next
                          one's when it is over in a future sentence)
* offsets ............... "vor rund 14 Jahren", "seit sechs Jahren", "in zwei Wochen",
                          "vor mehr als dreieinhalb Jahren", "vor einem halben Jahr"
* vague ................. "seit langem", "in den letzten Jahren", "in jüngster Zeit"

Everything that needs the publication date (``anchor``) becomes precision
"unresolved" with ``date=None`` when no anchor is given; nothing is guessed and
``date.today()`` is never consulted.  Whether an expression such as "am Mittwoch"
or "im Mai" points backwards or forwards is decided by the ``tense`` hint or,
failing that, by ``detect_tense`` applied to the clause around the expression.
Overlapping candidates are resolved in favour of the longest one.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from .fold import WordCache, fold, is_word_char, whole_word_starts

__all__ = ["PastForms", "Precision", "Tense", "TemporalExpression", "TenseMemo", "detect_tense", "find_in_sentences", "find_temporal_expressions",
           "tense_of"]

Precision = Literal["day", "week", "month", "year", "decade", "vague", "unresolved"]
Tense = Literal["past", "future"]


@dataclass(frozen=True, slots=True)
class TemporalExpression:
    text: str  # the expression exactly as written: text[start:end]
    start: int
    end: int
    date: str | None  # "YYYY", "YYYY-MM" or "YYYY-MM-DD" (week: its Monday)
    date_end: str | None  # last day/month/year of a range, else None
    precision: Precision
    relative: bool  # value computed from the anchor (publication date)
    qualifier: str | None  # "Ende", "Anfang", "Mitte", "seit", "vor", "circa", ...


# --------------------------------------------------------------------------- tables

MONTHS: dict[str, int] = {
    "januar": 1, "jänner": 1, "jan.": 1,
    "februar": 2, "feber": 2, "feb.": 2,
    "märz": 3, "maerz": 3, "mär.": 3, "mrz.": 3,
    "april": 4, "apr.": 4,
    "mai": 5,
    "juni": 6, "jun.": 6,
    "juli": 7, "jul.": 7,
    "august": 8, "aug.": 8,
    "september": 9, "sept.": 9, "sep.": 9,
    "oktober": 10, "okt.": 10,
    "november": 11, "nov.": 11,
    "dezember": 12, "dez.": 12,
}

WEEKDAYS: dict[str, int] = {  # ISO: Monday = 0
    "montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3,
    "freitag": 4, "samstag": 5, "sonnabend": 5, "sonntag": 6,
}

RELATIVE_DAYS: dict[str, int] = {"vorgestern": -2, "gestern": -1, "heute": 0, "morgen": 1, "übermorgen": 2}

TIMES_OF_DAY = ("vormittag", "nachmittag", "mittag", "morgen", "abend", "nacht", "früh")

_UNIT_NUMBERS = {"ein": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9}
_TENS = {"zwanzig": 20, "dreißig": 30, "vierzig": 40, "fünfzig": 50, "sechzig": 60, "siebzig": 70, "achtzig": 80, "neunzig": 90}
NUMBER_WORDS: dict[str, int] = {
    "eins": 1, "eine": 1, "einem": 1, "einer": 1, "einen": 1, **_UNIT_NUMBERS,
    "zehn": 10, "elf": 11, "zwölf": 12, "dreizehn": 13, "vierzehn": 14, "fünfzehn": 15,
    "sechzehn": 16, "siebzehn": 17, "achtzehn": 18, "neunzehn": 19, **_TENS,
    "hundert": 100, "einhundert": 100,
    **{f"{u}und{t}": uv + tv for u, uv in _UNIT_NUMBERS.items() for t, tv in _TENS.items()},
}

# preposition / part-of-period words -> qualifier
_PREPOSITION_QUALIFIERS = {
    "seit": "seit", "ab": "ab", "bis": "bis", "vor": "vor", "nach": "nach",
    "um": "circa", "gegen": "circa", "circa": "circa", "ca.": "circa", "etwa": "circa", "ungefähr": "circa",
}
PERIOD_PARTS = ("Anfang", "Beginn", "Mitte", "Ende")
SEASONS = ("Frühjahr", "Frühling", "Sommer", "Herbst", "Winter")

# modifiers of weekdays, months and periods: "nächste Woche", "am vergangenen Freitag"
_MODIFIER_DELTAS = {"dies": 0, "laufend": 0, "nächst": 1, "kommend": 1, "vergangen": -1, "letzt": -1, "vorig": -1}


def _alt(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first; a space matches any whitespace."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "(?:" + "|".join(r"\s+".join(map(re.escape, w.split())) for w in ordered) + ")"


def _inflected(stems: Iterable[str]) -> str:
    """Adjective stems with any strong/weak ending: "nächst" -> nächste, nächsten, nächstes..."""
    return "(?:" + "|".join(stems) + r")e[mnrs]?"


_FLAGS = re.VERBOSE | re.IGNORECASE
_MONTH = _alt(MONTHS) + r"(?!\w)(?!-[^\W\d_])"  # not "Maikundgebung", "Mai-Regen"
_WEEKDAY = _alt(WEEKDAYS)
_TIME_OF_DAY = _alt(TIMES_OF_DAY)
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_YEAR4 = r"\d{4}(?!\w)(?![.,]\d)"
_NUMBER = r"(?:\d{1,3}|" + _alt(NUMBER_WORDS) + r")"
# a number and a half: "anderthalb", "eineinhalb", "dreieinhalb" (one word each)
_HALVES: dict[str, float] = {
    "anderthalb": 1.5,
    **{f"{word}einhalb": value + 0.5 for word, value in NUMBER_WORDS.items()
       if value < 100 and word not in ("eins", "eine", "einem", "einer", "einen")},
}
_AMOUNT = r"(?:" + _alt(_HALVES) + "|" + _NUMBER[3:]
_MODIFIER = _inflected(_MODIFIER_DELTAS)
_PART = _alt(PERIOD_PARTS)
_LEFT = r"(?<![\w.,/-])"  # nothing glued to the left of an expression

# --------------------------------------------------------------------------- patterns

_ISO_DATE_RE = re.compile(rf"""
    {_LEFT} (?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d) (?![\w-])
""", _FLAGS)

_NUMERIC_DATE_RE = re.compile(rf"""
    {_LEFT}
    (?:(?P<prep>am|vom|zum|bis(?:\s+zum)?|seit(?:\s+dem)?|ab(?:\s+dem)?)\s+)?
    (?P<day>\d{{1,2}})\.(?P<month>\d{{1,2}})\.(?P<year>\d{{4}}|\d{{2}})?
    (?!\w)(?![.,]\d)
""", _FLAGS)

_DAY_PREFIX = rf"""
    (?:(?P<prep>am|vom|von|zum|bis(?:\s+zum)?|seit(?:\s+dem)?|ab(?:\s+dem)?
        |vor\s+dem|nach\s+dem|zwischen\s+dem|um\s+den|gegen)\s+)?
    (?:{_WEEKDAY}(?:{_TIME_OF_DAY})?\s*,?\s+(?:(?:den|dem)\s+)?)?   # "Mittwoch, den"
"""

_DAY_MONTH_RE = re.compile(rf"""
    (?<![\w.,]) {_DAY_PREFIX}
    (?P<day>{_DAY})\.\s*(?P<month>{_MONTH})(?:\s+(?P<year>{_YEAR4}))?
""", _FLAGS)

# "18. und 19. Juni", "18.-19. Juni 2024", "vom 1. bis zum 3. Mai", "3., 4. und 5. Mai"
_DAY_RANGE_RE = re.compile(rf"""
    (?<![\w.,]) {_DAY_PREFIX}
    (?P<day1>{_DAY})\.(?:\s*,\s*{_DAY}\.)*
    \s*(?:und|bis(?:\s+zum)?|-|–|—)\s*(?:{_WEEKDAY}\s*,?\s+(?:(?:den|dem)\s+)?)?
    (?P<day2>{_DAY})\.\s*(?P<month>{_MONTH})(?:\s+(?P<year>{_YEAR4}))?
""", _FLAGS)

# "vom 30. Juni bis 2. Juli 2024"
_CROSS_MONTH_RANGE_RE = re.compile(rf"""
    (?<![\w.,]) {_DAY_PREFIX}
    (?P<day1>{_DAY})\.\s*(?P<month1>{_MONTH})(?:\s+(?P<year1>{_YEAR4}))?
    \s*(?:und|bis(?:\s+zum)?|-|–|—)\s*
    (?P<day2>{_DAY})\.\s*(?P<month2>{_MONTH})(?:\s+(?P<year2>{_YEAR4}))?
""", _FLAGS)

_MONTH_PREFIX = rf"""
    (?:(?P<prep>im|seit(?:\s+dem)?|ab(?:\s+dem)?|bis(?:\s+zum)?|vor(?:\s+dem)?|nach(?:\s+dem)?|vom|von|um|gegen|in)\s+)?
    (?:(?P<part>{_PART})\s+)?
"""

_MONTH_YEAR_RE = re.compile(rf"""
    {_LEFT} {_MONTH_PREFIX}
    (?P<month>{_MONTH})\s+(?P<year>{_YEAR4})
""", _FLAGS)

_MONTH_ONLY_RE = re.compile(rf"""
    {_LEFT} {_MONTH_PREFIX}
    (?:(?:im|am)\s+)?
    (?:(?P<mod>{_MODIFIER})\s+)?
    (?P<month>{_MONTH})
    (?:\s+(?P<yearref>(?:{_MODIFIER}|des)\s+(?:Vorjahres|Jahres)))?
    (?!\w)
""", _FLAGS)

_MONTH_RANGE_RE = re.compile(rf"""
    {_LEFT}
    (?:(?P<prep>von|zwischen|seit|ab)\s+)?
    (?P<month1>{_MONTH})(?:\s+(?P<year1>{_YEAR4}))?
    \s*(?P<sep>bis|und|-|–|—)\s*(?:(?:zum|Ende|Anfang|Mitte)\s+)?
    (?P<month2>{_MONTH})(?:\s+(?P<year2>{_YEAR4}))?
""", _FLAGS)

# "im Frühjahr", "seit dem Sommer", "bis zum kommenden Herbst"; with a year ("im Sommer 2024")
# the year pattern takes it. Winter is left out: it spans two years, and "im Winter" says which
# one no better than the reader can guess.
_SEASON_RE = re.compile(rf"""
    {_LEFT}
    (?P<prep>im|seit\s+dem|bis\s+zum|ab\s+dem|vom)\s+
    (?:(?P<mod>{_MODIFIER})\s+)?
    (?P<season>Frühjahr|Frühling|Sommer|Herbst)
    (?!\w)(?!\s+(?:des\s+Jahres\s+)?\d)
""", _FLAGS)
_SEASON_FIRST_MONTH = {"frühjahr": 3, "frühling": 3, "sommer": 6, "herbst": 9}

# Parts of a calendar year: "im dritten Quartal", "im ersten Halbjahr 2023", "in der zweiten
# Jahreshälfte", "in den ersten neun Monaten (des Vorjahres)", "in den ersten drei Quartalen".
# Not when a genitive or "nach"/"seit" ties the period to something else than the calendar year
# ("in den ersten neun Monaten seiner Amtszeit", "im ersten Quartal des Geschäftsjahres"), nor a
# count of quarters ("im dritten Quartal in Folge").
_ORDINALS = {"erst": 1, "zweit": 2, "dritt": 3, "viert": 4}
_QUARTER_UNITS = ("Quartal", "Quartals", "Quartales", "Halbjahr", "Halbjahres", "Halbjahrs", "Jahreshälfte")
_FIRST_MONTHS_UNITS = ("Monate", "Monaten", "Quartale", "Quartalen")
_QUARTER_RE = re.compile(rf"""
    {_LEFT}
    (?:(?P<prep>im|in\s+der|in\s+den|seit\s+dem|seit\s+der|seit\s+den|bis\s+zum|bis\s+zur|ab\s+dem|ab\s+der|vom|zum|zur)\s+)?
    (?:
        (?:(?P<ordinal>{_inflected(_ORDINALS)})\s+|(?P<digit>[1-4])\.\s*)(?P<unit>{_alt(_QUARTER_UNITS)})
      | ersten\s+(?P<count>{_NUMBER}|beiden)\s+(?P<units>{_alt(_FIRST_MONTHS_UNITS)})
    )
    (?>  # atomic: a year given is not given up for a shorter match ("im dritten Quartal 2024 der AG")
        \s+(?:(?P<year>{_YEAR4})
             |(?:des\s+)?(?:(?P<mod>{_MODIFIER})\s+)?(?P<jahr>Vorjahres|Jahres)(?:\s+(?P<year2>{_YEAR4}))?)(?!\w)
      | (?!\w)(?!\s+(?:des|der|eines|einer|seine[rs]|ihre[rs]|unsere[rs]|nach|seit|in\s+Folge|hintereinander
                      |nacheinander)(?!\w))
    )
""", _FLAGS)

_YEAR_RE = re.compile(rf"""
    {_LEFT}
    (?:(?P<prep>seit|ab|bis|vor|nach|um|gegen|circa|ca\.|etwa|ungefähr|von|im|in|zwischen)\s+)?
    (?:(?P<part>{_alt(PERIOD_PARTS + SEASONS)})\s+)?
    (?:(?:(?:im|dem|des|das)\s+)?(?P<jahr>Jahr(?:es|e)?)\s+)?
    (?P<year>\d{{4}})
    (?!\w)(?![.,]\d)
""", _FLAGS)

_YEAR_RANGE_RE = re.compile(rf"""
    {_LEFT}
    (?:(?P<prep>von|zwischen|seit|(?:in\s+)?den\s+Jahren|der\s+Jahre)\s+)?
    (?P<year1>\d{{4}})\s*(?P<sep>bis|und|-|–|—|/)\s*(?P<year2>\d{{4}}|\d{{2}})
    (?!\w)(?![.,]\d)
""", _FLAGS)

_DECADE_RE = re.compile(rf"""
    {_LEFT}
    (?:(?P<prep>seit|bis|ab|in|vor|nach)\s+)?
    (?:(?P<part>{_PART})\s+)?
    (?:(?P<article>den|der|die)\s+)?
    (?P<decade>(?:1\d|20)?\d0)er
    (?P<jahre>\s*-?\s*Jahren?|n)?
    (?![\w-])
""", _FLAGS)

_RELATIVE_DAY_RE = re.compile(rf"""
    (?<![\w.])
    (?:(?P<prep>seit|ab|bis|von)\s+)?
    (?P<word1>{_alt(RELATIVE_DAYS)})(?:\s+{_TIME_OF_DAY})?(?!\w)
    (?:\s+(?:und|bis)\s+(?P<word2>{_alt(RELATIVE_DAYS)})(?:\s+{_TIME_OF_DAY})?(?!\w))?
""", _FLAGS)

_WEEKDAY_RE = re.compile(rf"""
    (?<![\w.])
    (?:(?P<prep>am|an|vom|zum|für|bis(?:\s+zum)?|seit(?:\s+dem)?|ab(?:\s+dem)?)\s+)?
    (?:(?P<mod>{_MODIFIER}|{_inflected(("heutig", "gestrig", "vorgestrig", "morgig"))})\s+)?
    (?P<weekday>{_WEEKDAY})(?:{_TIME_OF_DAY})?
    (?:\s+(?:und|bis)\s+(?P<weekday2>{_WEEKDAY})(?!{_TIME_OF_DAY}))?  # "Donnerstag und Freitag"
    (?!\w)
""", _FLAGS)

_PERIOD_UNIT_WORDS = (
    "Wochenende", "Woche", "Monats", "Monat", "Jahres", "Jahr", "Vorwoche", "Vormonats", "Vormonat", "Vorjahres", "Vorjahr",
    "Jahresende", "Jahresanfang", "Jahresbeginn", "Jahresmitte", "Monatsende", "Monatsanfang", "Monatsbeginn", "Monatsmitte",
    "heuer",  # Austrian and Bavarian: this year
)
_PERIOD_UNIT = "(?:" + "|".join(_PERIOD_UNIT_WORDS) + ")"
_RELATIVE_PERIOD_RE = re.compile(rf"""
    (?<![\w.])
    (?:(?P<prep>seit|ab|bis)\s+)?
    (?:(?P<part>{_PART})\s+)?
    (?:(?P<article>im|in\s+der|in|am|an|des|der|dem|zum|zur|übers)\s+)?
    (?:(?P<mod>{_MODIFIER})\s+)?
    (?P<unit>{_PERIOD_UNIT})
    (?!\w)
""", _FLAGS)

_OFFSET_UNIT_WORDS = ("Tagen", "Tag", "Wochen", "Woche", "Monaten", "Monat", "Jahrzehnten", "Jahrzehnt", "Jahren", "Jahr")
_OFFSET_UNIT = "(?:" + "|".join(_OFFSET_UNIT_WORDS) + ")"
_OFFSET_RE = re.compile(rf"""
    (?<![\w.])
    (?P<prep>vor|seit|in)\s+
    (?:(?:rund|etwa|knapp|fast|gut|über|mehr\s+als|weniger\s+als|ungefähr|circa|ca\.|genau|exakt
        |nur|erst|bereits|schon|mindestens)\s+)?
    (?P<number>{_AMOUNT}|(?P<half>ein(?:em|er))\s+halben)\s+  # "vor einem halben Jahr"
    (?P<unit>{_OFFSET_UNIT})
    (?!\w)
""", _FLAGS)

_VAGUE_UNITS = r"(?:Jahrzehnten|Jahren|Monaten|Wochen|Tagen)"
# every _VAGUE_RE match ends with one of these
_VAGUE_LAST_WORDS = ("langem", "längerem", "kurzem", "Zeit", "Jahrzehnten", "Jahren", "Monaten", "Wochen", "Tagen")
_VAGUE_RE = re.compile(rf"""
    (?<![\w.])
    (?:
        (?P<seit>seit)\s+(?:langem|längerem|kurzem|einiger\s+Zeit|geraumer\s+Zeit
            |(?:(?:vielen|einigen|mehreren|wenigen)\s+)?{_VAGUE_UNITS})
      | (?P<vor>vor)\s+(?:kurzem|langer\s+Zeit|einiger\s+Zeit|Jahren|Jahrzehnten
            |(?:ein\s+paar|wenigen|einigen|mehreren|vielen)\s+{_VAGUE_UNITS})
      | in\s+den\s+(?:letzten|vergangenen|zurückliegenden|kommenden|nächsten)\s+
            (?:(?:{_AMOUNT}|paar|beiden)\s+)?{_VAGUE_UNITS}
      | in\s+(?:jüngster|jüngerer|letzter)\s+Zeit
    )
    (?!\w)
""", _FLAGS)

# what may follow / precede a bare four-digit number that is a count, not a year
_UNIT_AFTER_RE = re.compile(r"""
    \s*(?: [%‰€$£°]
         | (?:Prozent|Promille|Euro|Cent|Dollar|US-Dollar|Franken|Pfund|Rubel|Yuan|Yen|Mal|Stück
             |Meter|Kilometer|Quadratmeter|Hektar|Kilogramm|Gramm|Tonne|Liter|Stunde|Minute|Sekunde
             |Tag|Woche|Monat|Jahr|Million|Milliard|Menschen|Person|Soldat|Einwohner)\w*
         | (?:km|m|qm|m²|ha|kg|g|t|l|h|min|Mio|Mrd|Tsd|mal)\b )
""", _FLAGS)
_COUNT_BEFORE_RE = re.compile(r"""
    (?:rund|etwa|über|mehr\s+als|weniger\s+als|knapp|fast|bis\s+zu|insgesamt|mindestens|höchstens
      |ungefähr|circa|ca\.|nur|weitere|zusätzlich|Nr\.|Nummer|Seite|Platz|Artikel|Paragraf|§)\s*$
""", _FLAGS)
_CAPITALISED_AFTER_RE = re.compile(r"\s+[A-ZÄÖÜ][a-zäöüß]")
# a year between an article and a participle: "das 1807 erlassene Gesetz" (see _attributive_year)
_ARTICLES = frozenset("der die das des dem den ein eine einer eines einem einen seines seiner ihres ihrer".split())
_PARTICIPLE_AFTER_RE = re.compile(r"""\s+(?:[a-zäöüß]*?(?:ge|be|er|ver|zer|ent|emp)[a-zäöüß]+?(?:t|en)
                                        |[a-zäöüß]+iert)(?:e|en|er|es|em)(?![\w-])""", re.VERBOSE)
# adverbs that date what follows: "zuletzt 2001 Gastgeber", "erstmals 1990 Weltmeister"
_DATING_ADVERB_BEFORE_RE = re.compile(r"(?<!\w)(?:zuletzt|erstmals|erstmalig|letztmals|letztmalig)\s+$", re.IGNORECASE)


# --------------------------------------------------------------------------- tense

def _inflected_words(*stems: str) -> tuple[str, ...]:
    """ "letzte" -> letzte, letztem, letzten, letzter, letztes (as the pattern letzte[mnrs]?)."""
    return tuple(stem + ending for stem in stems for ending in ("", "m", "n", "r", "s"))


_PAST_WORDS = (
    "hatte", "hatten", "hattest", "war", "waren", "warst", "wurde", "wurden", "worden", "gewesen", "gestern",
    "vorgestern", "damals", "zuletzt", "zuvor", "bislang", "bisher", *_inflected_words("vergangene", "letzte", "vorige"),
    "fand", "fanden", "kam", "kamen", "traf", "trafen", "gab", "gaben", "ging", "gingen", "sprach", "sprachen", "hielt",
    "hielten", "nahm", "nahmen", "begann", "begannen", "sagte", "sagten", "erklärte", "erklärten", "betonte",
    "betonten", "teilte", "teilten", "kündigte", "kündigten", "berichtete", "berichteten", "meldete", "meldeten",
    "reiste", "reisten", "besuchte", "besuchten",
)
_PAST_UNITS = ("Tagen", "Tag", "Wochen", "Woche", "Monaten", "Monat", "Jahren", "Jahr", "Jahrzehnten", "kurzem")
_PAST_RE = re.compile(rf"""
    \b(?:{"|".join(_PAST_WORDS)})\b
  | \bvor\s+(?:\w+\s+){{0,2}}?(?:{"|".join(_PAST_UNITS)})\b
""", _FLAGS)
_FUTURE_WORDS = (
    "wird", "werden", "werde", "wirst", "will", "wollen", "wolle", "soll", "sollen", "solle", "plant", "planen",
    "geplant", "vorgesehen", "angesetzt", "beabsichtigt", "übermorgen", *_inflected_words("kommende", "nächste"),
    "künftig", "demnächst", "bald",
)
_FUTURE_UNITS = ("Tagen", "Wochen", "Monaten", "Jahren")
_FUTURE_RE = re.compile(rf"""
    \b(?:{"|".join(_FUTURE_WORDS)})\b
  | \bin\s+(?:\w+\s+)?(?:{"|".join(_FUTURE_UNITS)})\b
""", _FLAGS)
# The same, as sets of lowercase words (see _count_tense_words).
_PAST_SET, _FUTURE_SET = frozenset(w.lower() for w in _PAST_WORDS), frozenset(w.lower() for w in _FUTURE_WORDS)
_PAST_UNIT_SET, _FUTURE_UNIT_SET = frozenset(w.lower() for w in _PAST_UNITS), frozenset(w.lower() for w in _FUTURE_UNITS)
_TOMORROW_RE = re.compile(r"\bmorgen\b")  # case-sensitive: "Morgen" is usually the noun
# participle shapes: gelobt, abgehalten, passiert, entsandt
_PARTICIPLE = r"""(?:(?:ge[a-zäöüß]{2,}|[a-zäöüß]+ge[a-zäöüß]{2,}|(?:be|ent|er|ver|zer|emp|miss)[a-zäöüß]{2,})(?:t|en)
                  |[a-zäöüß]+iert)"""
_PARTICIPLE_RE = re.compile(_PARTICIPLE, re.VERBOSE)
_PERFECT_INFINITIVE_RE = re.compile(rf"\b(?P<participle>{_PARTICIPLE})\s+(?:haben|sein)\b", re.VERBOSE)
_PERFECT_AUX = frozenset({"hat", "haben", "habe", "hast", "habt", "ist", "sind", "sei", "seien", "bin", "bist"})
_NOT_PARTICIPLES = frozenset({
    "bereit", "gerecht", "gewillt", "gespannt", "gegen", "gesamten", "geplant", "vorgesehen",
    "angesetzt", "erwartet", "beabsichtigt", "geeignet", "erneut", "bekannt",
})
_WORD_RE = re.compile(r"[A-Za-zÄÖÜäöüß]+")
_CLAUSE_BREAK_RE = re.compile(r"[,;:–—]|\s-\s")  # parentheses are insertions, not clauses


def _ends_with_participle(clause: str) -> bool:
    """True for a perfect-tense clause: an auxiliary and a verb-final participle."""
    words = _WORD_RE.findall(clause)
    if _PERFECT_AUX.isdisjoint(map(str.lower, words)):  # no auxiliary (a C loop, not a generator)
        return False
    while words and words[-1].lower() in _PERFECT_AUX:  # "..., die er gelobt hat"
        words.pop()
    if not words or words[-1] in _NOT_PARTICIPLES:
        return False
    return _PARTICIPLE_RE.fullmatch(words[-1]) is not None


def _count_tense_words(text: str, words: list[str] | None, pattern: re.Pattern[str], single: frozenset[str],
                       lead: str, units: frozenset[str]) -> int:
    """``len(pattern.findall(text))`` for _PAST_RE/_FUTURE_RE. Their first branch matches whole
    words, so without a match of the second ("vor"/"in" ... a unit word) the count is the number
    of words in ``single``; ``words`` are the lowercase word runs (None: no fast path)."""
    if words is None or (lead in words and not units.isdisjoint(words)):
        return len(pattern.findall(text))
    return sum(map(single.__contains__, words))  # True counts 1


# Modal verbs whose past forms mostly speak of what may come ("sollte er kommen", "könnte")
_NOT_PAST_FORMS = frozenset({"sollte", "sollten", "könnte", "könnten", "müsste", "müssten", "dürfte", "dürften",
                             "möchte", "möchten", "würde", "würden"})


class PastForms:
    """Weak verbs' past forms by the lemma table ("zeigte" -> "zeigen", "kritisierte",
    "arbeiteten"): the tense words name only the strong verbs and the speech verbs. Cached per
    word; without a table (a trained pipeline may have none) nothing is added."""

    def __init__(self, lemmas=None):
        self.lemmas = lemmas
        self._known: dict[str, bool] = {}

    def __call__(self, word: str) -> bool:
        known = self._known.get(word)
        if known is None:
            known = self._known[word] = self._is_past_form(word)
        return known

    def _is_past_form(self, word: str) -> bool:
        if self.lemmas is None or word in _NOT_PAST_FORMS or word in _PAST_SET:
            return False
        lemma = self.lemmas.get(word)
        if not lemma or not lemma.islower() or not lemma.endswith("en") or lemma == word:
            return False
        stem = lemma[:-2]
        return word in (stem + "te", stem + "ten", stem + "ete", stem + "eten")


class TenseMemo(dict):
    """The tenses of one article's sentences and clauses (text -> tense), and the past forms."""

    def __init__(self, past_forms: PastForms | None = None):
        super().__init__()
        self.past_forms = past_forms


def _weak_past(words: list[str] | None, text: str, past_forms: PastForms | None) -> int:
    if past_forms is None or past_forms.lemmas is None:
        return 0
    runs = words if words is not None else _WORD_RUN_RE.findall(text)
    return sum(map(past_forms, [w for w in runs if w.endswith(_PAST_ENDINGS) and w[:1].islower()]))


_PAST_ENDINGS = ("te", "ten")


def detect_tense(text: str, past_forms: PastForms | None = None) -> Tense | None:
    """Guess whether ``text`` talks about the past or the future (simple German rules)."""
    if ("haben" in text or "sein" in text) and any(  # the pattern needs one of them
            m["participle"] not in _NOT_PARTICIPLES for m in _PERFECT_INFINITIVE_RE.finditer(text)):
        return "past"  # "soll ... passiert haben"
    low = text.lower()
    words = _WORD_RUN_RE.findall(low) if len(low) == len(text) and not _ODD_CASE_RE.search(text) else None
    past = _count_tense_words(text, words, _PAST_RE, _PAST_SET, "vor", _PAST_UNIT_SET) + _ends_with_participle(text) \
        + _weak_past(words, text, past_forms)
    future = _count_tense_words(text, words, _FUTURE_RE, _FUTURE_SET, "in", _FUTURE_UNIT_SET) + (
        len(_TOMORROW_RE.findall(text)) if "morgen" in text else 0)
    if past > future:
        return "past"
    if future > past:
        return "future"
    return None


def tense_of(text: str, memo: TenseMemo | None) -> Tense | None:
    """``detect_tense(text)``, remembered in ``memo``: the tenses of one article's sentences and
    clauses, which the dates ask about and the events (records.py) ask about again."""
    if memo is None:
        return detect_tense(text)
    if text not in memo:
        memo[text] = detect_tense(text, memo.past_forms)
    return memo[text]


# A subordinate clause puts its finite verb last ("..., der den Posten am 1. Januar abgibt, ...").
# Its first word, and lowercase words ending in -t that are no verbs (which would end the clause
# where its verb does).
_SUBORDINATE_FIRST = frozenset({
    "der", "die", "das", "dem", "den", "deren", "dessen", "denen", "welche", "welcher", "welches", "welchem",
    "welchen", "dass", "wenn", "weil", "ob", "sobald", "bevor", "ehe", "falls", "sofern", "wo", "womit", "wobei",
})
_NOT_PRESENT_VERBS = frozenset({
    "nicht", "jetzt", "erst", "bereits", "längst", "meist", "zuerst", "selbst", "sonst", "zuletzt", "gut", "mit",
    "seit", "fast", "bekannt", "geplant", "angesetzt", "erwartet", "bereit", "bestimmt", "zunächst", "mindestens",
    "höchstens", "spätestens", "frühestens", "derzeit", "weit", "mehrfach", "recht", "geeignet", "wert",
})


def _present_subordinate(clause: str) -> bool:
    """True for a subordinate clause in the present tense: it starts with a relative pronoun or
    a conjunction and ends with a finite verb in -t ("abgibt", "tritt", "beginnt"). With a
    date it speaks of what is still to come ("..., der am 1. Januar sein Amt antritt, sagte ..."),
    whatever the tense of the sentence around it."""
    words = _WORD_RE.findall(clause)
    if len(words) < 3 or words[0].lower() not in _SUBORDINATE_FIRST:
        return False
    last = words[-1]
    if last in _PERFECT_AUX and words[-2].islower():
        return False  # "übernommen hat": a perfect the participle rules do not know
    return last.islower() and last.endswith("t") and len(last) > 2 and last not in _NOT_PRESENT_VERBS


def _clause_around(text: str, pos: int) -> str:
    start, end = 0, len(text)
    for m in _CLAUSE_BREAK_RE.finditer(text):
        if m.end() <= pos:
            start = m.end()
        elif m.start() >= pos:
            end = m.start()
            break
    return text[start:end]


# --------------------------------------------------------------------------- values

_Value = tuple[str | None, str | None, Precision]  # (date, date_end, precision)


def _day_value(first: date, last: date | None = None) -> _Value:
    return first.isoformat(), (last.isoformat() if last and last != first else None), "day"


def _week_value(day: date) -> _Value:
    monday = day - timedelta(days=day.weekday())
    return monday.isoformat(), (monday + timedelta(days=6)).isoformat(), "week"


def _month_value(year: int, month: int, end: tuple[int, int] | None = None) -> _Value | None:
    if year < 1:
        return None
    return f"{year:04d}-{month:02d}", (f"{end[0]:04d}-{end[1]:02d}" if end else None), "month"


def _year_value(year: int, end: int | None = None, precision: Precision = "year") -> _Value | None:
    if year < 1:
        return None
    return f"{year:04d}", (f"{end:04d}" if end is not None else None), precision


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month_year(month: int, anchor: date, direction: Tense | None) -> int:
    """Year of a month named without year: same year, or the nearest one in ``direction``."""
    if direction == "past" and month > anchor.month:
        return anchor.year - 1
    if direction == "future" and month < anchor.month:
        return anchor.year + 1
    return anchor.year


def _day_month_date(day: int, month: int, anchor: date, direction: Tense | None) -> date | None:
    """The occurrence of day/month nearest to the anchor (±6 months).

    Beyond 45 days from the anchor the tense, when known, picks the direction."""
    candidates = [d for y in (anchor.year - 1, anchor.year, anchor.year + 1) if (d := _safe_date(y, month, day))]
    if not candidates:
        return None
    def distance(d: date) -> int:
        return abs((d - anchor).days)

    nearest = min(candidates, key=lambda d: (distance(d), d > anchor))
    if distance(nearest) <= 45 or direction is None:
        return nearest
    wanted = [d for d in candidates if (d <= anchor if direction == "past" else d >= anchor)]
    return min(wanted, key=distance) if wanted else nearest


def _weekday_date(weekday: int, anchor: date, direction: Tense | None) -> date:
    back = (anchor.weekday() - weekday) % 7  # most recent occurrence, on or before the anchor
    forward = (weekday - anchor.weekday()) % 7 or 7  # next occurrence, strictly after
    # "am Montag" in Monday's paper is that day, also in the future tense ("sollen am Montag
    # eintreffen"); a week later is written "am kommenden Montag".
    if back and (direction == "future" or (direction is None and forward < back)):
        return anchor + timedelta(days=forward)
    return anchor - timedelta(days=back)


def _two_digit_year(yy: int) -> int:
    return 2000 + yy if yy < 69 else 1900 + yy


def _modifier_delta(word: str | None) -> int | None:
    if not word:
        return None
    lower = word.lower()
    return next((delta for stem, delta in _MODIFIER_DELTAS.items() if lower.startswith(stem)), None)


def _qualifier(*words: str | None) -> str | None:
    """Join qualifier words: ("seit dem", "Anfang") -> "seit Anfang"; plain "am"/"im" drop out."""
    out = []
    for word in words:
        if not word:
            continue
        first = word.split()[0]
        if first.lower() in _PREPOSITION_QUALIFIERS:
            out.append(_PREPOSITION_QUALIFIERS[fold(first)])
        elif first.capitalize() in PERIOD_PARTS + SEASONS:
            out.append(first.capitalize())
    return " ".join(out) or None


# --------------------------------------------------------------------------- context


# --------------------------------------------------------------------------- fast scanning
#
# Running every family regex over every sentence is what made this module slow: each tries a
# match at every position. But every expression of a family contains a trigger word (a number,
# a month name, "Woche", ...) that is a whole word (a run of \w characters), and starts at a
# word start at most `reach` whitespace gaps before it (counted in the pattern, plus one).
# `_Context.finditer` tries `pattern.match` only at those word starts: the same matches as
# `pattern.finditer(text)`, and nothing at all to do in a sentence without trigger words.

_MONTH_WORD, _WEEKDAY_WORD, _RELATIVE_DAY_WORD, _PERIOD_WORD, _OFFSET_WORD, _VAGUE_WORD = (1 << n for n in range(6))
# A number is a trigger only at a word start (as every number of the patterns is), by its length:
# a day ("3." in "3. Mai", "3.9.") has one or two digits, a year four (or more: "2019bis2021"
# is one word), a decade ("90er", "1990er") two or four.
_DAY_NUMBER, _YEAR_NUMBER, _DECADE_NUMBER = (1 << n for n in range(6, 9))
_SEASON_WORD, _QUARTER_WORD = 1 << 14, 1 << 15
_NUMBER_FLAGS = {1: _DAY_NUMBER, 2: _DAY_NUMBER | _DECADE_NUMBER, 4: _YEAR_NUMBER | _DECADE_NUMBER}
# What follows a number in its sentence narrows the patterns it can be part of (see
# ``_narrowed_number_flags``): most numbers of an article are counts ("15.000 Soldaten"), and
# without this every day- or decade-shaped number would be tried by the day and decade patterns.
_ISO_YEAR, _NUMERIC_DAY, _DAY_DOT, _LISTED_DAY, _RANGE_YEAR = (1 << n for n in range(9, 14))
_NUMBER_TRIGGERS = _DAY_NUMBER | _YEAR_NUMBER | _DECADE_NUMBER
_TRIGGER_WORDS: tuple[tuple[int, Iterable[str]], ...] = (  # flag, the (case-insensitive) trigger words
    (_MONTH_WORD, {m.rstrip(".") for m in MONTHS}),  # "jan." is the word "jan" and a full stop
    (_WEEKDAY_WORD, {w + t for w in WEEKDAYS for t in ("", *TIMES_OF_DAY)}),  # as _WEEKDAY_RE: "Dienstagabend"
    (_RELATIVE_DAY_WORD, RELATIVE_DAYS),
    (_PERIOD_WORD, _PERIOD_UNIT_WORDS),
    (_OFFSET_WORD, _OFFSET_UNIT_WORDS),
    (_VAGUE_WORD, _VAGUE_LAST_WORDS),
    (_SEASON_WORD, _SEASON_FIRST_MONTH),
    (_QUARTER_WORD, _QUARTER_UNITS + _FIRST_MONTHS_UNITS),
)
_TRIGGER_FLAGS: dict[str, int] = {}  # lowercase trigger word -> flags
for _flag, _words in _TRIGGER_WORDS:
    for _word in _words:
        _TRIGGER_FLAGS[_word.lower()] = _TRIGGER_FLAGS.get(_word.lower(), 0) | _flag
_TRIGGER_SET = frozenset(_TRIGGER_FLAGS)
_TRIGGER_FULLMATCH = tuple((flag, re.compile(_alt(words), _FLAGS)) for flag, words in _TRIGGER_WORDS)
_DIGITS_RE = re.compile(r"\d+")
_RANGE_AFTER_RE = re.compile(r"\s*(?:bis|und|-|–|—|/)\s*\d", _FLAGS)  # as _YEAR_RANGE_RE after year1
_NUMERIC_MONTH_RE = re.compile(r"\.\d{1,2}\.")  # as _NUMERIC_DATE_RE after the day
_DAY_LIST_AFTER_RE = re.compile(r"\.\s*(?:,|und|bis|-|–|—)", _FLAGS)  # as _DAY_RANGE_RE after day1
_WORD_RUN_RE = re.compile(r"\w+")
# Characters that IGNORECASE matches differently from str.lower() ("ſ" matches "s"; "İ" lowercases
# to two characters): with one of them the words are classified one by one, the exact slow way.
_ODD_CASE_RE = re.compile("[ſıİ]")


def _trigger_hits(text: str) -> list[tuple[int, int]]:
    """(position, flags) inside every trigger word of ``text``, in order (digits: each digit run)."""
    hits = []
    for m in _DIGITS_RE.finditer(text):
        start = m.start()
        if start == 0 or not is_word_char(text[start - 1]):
            digits = m.end() - start
            hits.append((start, _NUMBER_FLAGS.get(digits, _YEAR_NUMBER if digits > 4 else 0)))
    low = text.lower()
    if len(low) == len(text) and not _ODD_CASE_RE.search(text):
        # findall and the set intersection run in C; most sentences stop here
        for word in _TRIGGER_SET.intersection(_WORD_RUN_RE.findall(low)):
            flags = _TRIGGER_FLAGS[word]
            hits += [(pos, flags) for pos in whole_word_starts(word, low)]
    else:
        for m in _WORD_RUN_RE.finditer(text):
            flags = sum(flag for flag, pattern in _TRIGGER_FULLMATCH if pattern.fullmatch(m[0]))
            if flags:
                hits.append((m.start(), flags))
    hits.sort()
    return hits


class _Context:
    """The sentence, its anchor and the tense hint shared by all expression families."""

    def __init__(self, text: str, anchor: date | None, tense: Tense | None,
                 hits: list[tuple[int, int]] | None = None, tenses: TenseMemo | None = None) -> None:
        self.text = text
        self._tenses = tenses
        self.anchor = anchor
        self._tense = tense
        self._sentence_tense_known = tense is not None
        self._sentence_tense_value = tense
        self.flags = 0  # union of the trigger flags of all words
        self._triggers: list[tuple[int, int]] = []  # (start of a trigger word, its flags)
        self._before: dict[tuple[int, int], list[tuple[int, int]]] = {}  # see _words_before
        self._candidates: dict[tuple[int, int, int], list[int]] = {}
        if hits is None:
            hits = _trigger_hits(text)
        if hits:
            self._index_words(hits)

    def _index_words(self, hits: list[tuple[int, int]]) -> None:
        text = self.text
        hits = [(hit, _narrowed_number_flags(text, hit, flags) if flags & _NUMBER_TRIGGERS else flags)
                for hit, flags in hits]
        for _, flags in hits:
            self.flags |= flags
        # Every hit is a word start. The words before it are looked at only where a family needs
        # them (_words_before), not indexed for the whole sentence.
        self._triggers = [hit for hit in hits if hit[1]]

    def finditer(self, pattern: re.Pattern[str], trigger: int, reach: int) -> Iterator[re.Match[str]]:
        """``pattern.finditer(self.text)`` for a family whose every match starts at a word start at
        most ``reach`` whitespace gaps before a word with the ``trigger`` flag: at that word, or
        at one of the pattern's first words before it (``_FIRST_WORDS``)."""
        if not self.flags & trigger:
            return
        pos = 0
        for start in self._candidate_starts(trigger, reach, _PATTERN_BITS[pattern]):
            if start < pos:
                continue
            m = pattern.match(self.text, start)
            if m:
                yield m
                pos = m.end()

    def _candidate_starts(self, trigger: int, reach: int, pattern_bit: int) -> list[int]:
        key = (trigger, reach, pattern_bit)
        found = self._candidates.get(key)
        if found is None:
            picked: set[int] = set()
            for pos, flags in self._triggers:
                if flags & trigger:
                    picked.update([start for start, bits in self._words_before(pos, reach) if bits & pattern_bit])
                    picked.add(pos)
            found = self._candidates[key] = sorted(picked)
        return found

    def _words_before(self, pos: int, reach: int) -> list[tuple[int, int]]:
        """(start, _FIRST_WORD_BITS) of the words before ``pos`` in its whitespace-delimited chunk
        and the ``reach`` chunks before it (all words before ``pos`` when there are fewer)."""
        key = (pos, reach)
        found = self._before.get(key)
        if found is None:
            text = self.text
            # the chunk ``pos`` is in starts before it unless whitespace (or nothing) precedes it
            inside = pos > 0 and not text[pos - 1].isspace()
            # rsplit from the right: what is left in parts[0] ends where the whitespace before the
            # first chunk wanted starts, so no word starts between the two
            parts = text[:pos].rsplit(None, reach + inside)
            first = len(parts[0]) if len(parts) > reach + inside else 0
            if reach >= _MAX_REACH:
                runs = list(_WORD_RUN_RE.finditer(text, first, pos))
                found = list(zip(map(_match_start, runs), map(_FIRST_WORD_BITS.__getitem__, map(_match_text, runs))))
            else:  # a part of the widest reach's words (found once per trigger): those from ``first`` on
                found = [word for word in self._words_before(pos, _MAX_REACH) if word[0] >= first]
            self._before[key] = found
        return found

    @property
    def _sentence_tense(self) -> Tense | None:
        # Only relative expressions need the tense; most sentences have none.
        if not self._sentence_tense_known:
            self._sentence_tense_value = tense_of(self.text, self._tenses)
            self._sentence_tense_known = True
        return self._sentence_tense_value

    def tense_at(self, pos: int) -> Tense | None:
        if self._tense is not None:
            return self._tense
        return tense_of(_clause_around(self.text, pos), self._tenses) or self._sentence_tense

    def direction(self, pos: int, qualifier: str | None) -> Tense | None:
        """Where "am Mittwoch", "im Mai", "am 1. Januar" lie from the anchor: "seit" looks back;
        else the tense of the clause, a present-tense subordinate clause looking ahead (German
        speaks of a dated future in the present: "..., der am 1. Januar abgibt, sprach ..."),
        else the tense of the sentence."""
        if qualifier and qualifier.startswith("seit"):
            return "past"
        if self._tense is not None:
            return self._tense
        clause = _clause_around(self.text, pos)
        own = tense_of(clause, self._tenses)
        if own is None and _present_subordinate(clause):
            return "future"
        return own or self._sentence_tense

    def absolute(self, m: re.Match[str], value: _Value | None, qualifier: str | None) -> TemporalExpression | None:
        if value is None:
            return None
        return TemporalExpression(m[0], m.start(), m.end(), value[0], value[1], value[2], False, qualifier)

    def relative(self, m: re.Match[str], resolve: Callable[[date], _Value | None],
                 qualifier: str | None) -> TemporalExpression | None:
        """An expression whose value needs the anchor; "unresolved" without one."""
        if self.anchor is None:
            return TemporalExpression(m[0], m.start(), m.end(), None, None, "unresolved", True, qualifier)
        value = resolve(self.anchor)
        if value is None:
            return None
        return TemporalExpression(m[0], m.start(), m.end(), value[0], value[1], value[2], True, qualifier)

    def vague(self, m: re.Match[str], qualifier: str | None) -> TemporalExpression:
        return TemporalExpression(m[0], m.start(), m.end(), None, None, "vague", False, qualifier)


_match_start = re.Match.start
_match_text = re.Match.group
_MAX_REACH = 6  # the largest ``reach`` of a family (``_Context.finditer``)


def _narrowed_number_flags(text: str, pos: int, flags: int) -> int:
    """The trigger flags of the digit run at ``pos``, given what follows it in the sentence.

    In every pattern but _YEAR_RE's a number is a whole digit run followed by something fixed:
    a decade by "er" ("1990er"), an ISO year by "-", a year range's first year by a separator
    and a digit ("2019 bis 2021"), a numeric date's day by "." and a month ("2.9."), any other
    day by "." and no digit ("3. Mai"), the first day of a range also by a separator ("18. und
    19. Juni"). Computed on the sentence itself, as the patterns see it (the text after a
    sentence's last number is not the sentence's).
    """
    end = _DIGITS_RE.match(text, pos).end()
    narrowed = flags & _YEAR_NUMBER  # _YEAR_RE takes any year-shaped number
    if flags & _DECADE_NUMBER and text[end:end + 2].lower() == "er":
        narrowed |= _DECADE_NUMBER
    if flags & _DAY_NUMBER and text[end:end + 1] == ".":
        if _NUMERIC_MONTH_RE.match(text, end):
            narrowed |= _NUMERIC_DAY
        elif not text[end + 1:end + 2].isdecimal():  # isdecimal: what \d matches
            narrowed |= _DAY_DOT | (_LISTED_DAY if _DAY_LIST_AFTER_RE.match(text, end) else 0)
    if flags & _YEAR_NUMBER and end - pos == 4:
        if text[end:end + 1] == "-":
            narrowed |= _ISO_YEAR
        if _RANGE_AFTER_RE.match(text, end):
            narrowed |= _RANGE_YEAR
    return narrowed


def _words_of(*groups: Iterable[str]) -> frozenset[str]:
    """The words (folded, as \\w runs) that regex alternatives written as plain words start with:
    "bis zum" -> "bis", "ca." -> "ca"."""
    return frozenset(fold(alternative.split()[0].rstrip(".")) for group in groups for alternative in group)


def _inflected_all(*stems: str) -> tuple[str, ...]:
    """Every word of ``_inflected(stems)``: stem + e, em, en, er, es."""
    return tuple(stem + "e" + ending for stem in stems for ending in ("", "m", "n", "r", "s"))


# The words a match of each pattern can start with, besides its trigger word: its optional
# prefixes, read off the patterns above. A match starts at one of them or at the trigger word
# (tests/test_dates.py checks the result against pattern.finditer).
_MODIFIER_WORDS = _inflected_all(*_MODIFIER_DELTAS)
_WEEKDAY_WORDS = tuple(w + t for w in WEEKDAYS for t in ("", *TIMES_OF_DAY))
_DAY_PREFIX_WORDS = _words_of("am vom von zum bis seit ab vor nach zwischen um gegen".split(), _WEEKDAY_WORDS)
_MONTH_PREFIX_WORDS = _words_of("im seit ab bis vor nach vom von um gegen in".split(), PERIOD_PARTS)
_FIRST_WORDS: dict[re.Pattern[str], frozenset[str]] = {
    _ISO_DATE_RE: frozenset(),
    _NUMERIC_DATE_RE: _words_of("am vom zum bis seit ab".split()),
    _DAY_MONTH_RE: _DAY_PREFIX_WORDS,
    _DAY_RANGE_RE: _DAY_PREFIX_WORDS,
    _CROSS_MONTH_RANGE_RE: _DAY_PREFIX_WORDS,
    _MONTH_YEAR_RE: _MONTH_PREFIX_WORDS,
    _MONTH_ONLY_RE: _MONTH_PREFIX_WORDS | _words_of("im am".split(), _MODIFIER_WORDS),
    _MONTH_RANGE_RE: _words_of("von zwischen seit ab".split()),
    _YEAR_RE: _words_of("seit ab bis vor nach um gegen circa ca. etwa ungefähr von im in zwischen".split(),
                        PERIOD_PARTS, SEASONS, "im dem des das Jahr Jahre Jahres".split()),
    _YEAR_RANGE_RE: _words_of("von zwischen seit in den der".split()),
    _DECADE_RE: _words_of("seit bis ab in vor nach den der die".split(), PERIOD_PARTS),
    _RELATIVE_DAY_RE: _words_of("seit ab bis von".split()),
    _WEEKDAY_RE: _words_of("am an vom zum für bis seit ab".split(), _MODIFIER_WORDS,
                           _inflected_all("heutig", "gestrig", "vorgestrig", "morgig")),
    _RELATIVE_PERIOD_RE: _words_of("seit ab bis im in am an des der dem zum zur übers".split(), PERIOD_PARTS,
                                   _MODIFIER_WORDS),
    _OFFSET_RE: _words_of("vor seit in".split()),
    _VAGUE_RE: _words_of("seit vor in".split()),
    _SEASON_RE: _words_of("im seit bis ab vom".split()),
    _QUARTER_RE: _words_of("im in seit bis ab vom zum zur 1 2 3 4".split(), _inflected_all(*_ORDINALS)),
}
_PATTERN_BITS = {pattern: 1 << n for n, pattern in enumerate(_FIRST_WORDS)}


def _first_word_bits(word: str) -> int:
    """The patterns (their _PATTERN_BITS) a match of which can start with ``word`` (a \\w run)."""
    folded = fold(word)
    return sum(bit for pattern, bit in _PATTERN_BITS.items() if folded in _FIRST_WORDS[pattern])


_FIRST_WORD_BITS = WordCache(_first_word_bits)  # the same words come back in every sentence


_Found = Iterator[TemporalExpression | None]


# --------------------------------------------------------------------------- families


def _numeric_dates(ctx: _Context) -> _Found:
    """ "2025-09-02", "02.09.2025", "02.09.25", "am 2.9." """
    for m in ctx.finditer(_ISO_DATE_RE, _ISO_YEAR, 1):
        d = _safe_date(int(m["year"]), int(m["month"]), int(m["day"]))
        yield ctx.absolute(m, _day_value(d) if d else None, None)
    for m in ctx.finditer(_NUMERIC_DATE_RE, _NUMERIC_DAY, 3):
        day, month, year = int(m["day"]), int(m["month"]), m["year"]
        qualifier = _qualifier(m["prep"])
        if year is None:
            if not m["prep"]:
                continue  # "3.4." alone is too ambiguous
            def resolve(anchor: date, day=day, month=month, q=qualifier, pos=m.start()) -> _Value | None:
                d = _day_month_date(day, month, anchor, ctx.direction(pos, q))
                return _day_value(d) if d else None
            yield ctx.relative(m, resolve, qualifier)
            continue
        full_year = int(year) if len(year) == 4 else _two_digit_year(int(year))
        d = _safe_date(full_year, month, day)
        yield ctx.absolute(m, _day_value(d) if d else None, qualifier)


def _day_month_dates(ctx: _Context) -> _Found:
    """ "3. September", "am Mittwoch, 3. September 2025", "18. und 19. Juni", "30. Juni bis 2. Juli" """
    if not ctx.flags & _MONTH_WORD:
        return  # all three patterns need a month name
    for m in ctx.finditer(_DAY_MONTH_RE, _DAY_DOT, 6):
        day, month, qualifier = int(m["day"]), MONTHS[fold(m["month"])], _qualifier(m["prep"])
        if m["year"]:
            d = _safe_date(int(m["year"]), month, day)
            yield ctx.absolute(m, _day_value(d) if d else None, qualifier)
        else:
            yield ctx.relative(m, _day_resolver(ctx, m, day, month, day, month, qualifier), qualifier)
    for m in ctx.finditer(_DAY_RANGE_RE, _LISTED_DAY, 6):
        month, qualifier = MONTHS[fold(m["month"])], _qualifier(m["prep"])
        day1, day2 = int(m["day1"]), int(m["day2"])
        if day2 <= day1:
            continue
        if m["year"]:
            first, last = _safe_date(int(m["year"]), month, day1), _safe_date(int(m["year"]), month, day2)
            yield ctx.absolute(m, _day_value(first, last) if first and last else None, qualifier)
        else:
            yield ctx.relative(m, _day_resolver(ctx, m, day1, month, day2, month, qualifier), qualifier)
    for m in ctx.finditer(_CROSS_MONTH_RANGE_RE, _DAY_DOT, 6):
        month1, month2 = MONTHS[fold(m["month1"])], MONTHS[fold(m["month2"])]
        day1, day2, qualifier = int(m["day1"]), int(m["day2"]), _qualifier(m["prep"])
        if m["year2"]:
            year2 = int(m["year2"])
            year1 = int(m["year1"]) if m["year1"] else (year2 if month1 <= month2 else year2 - 1)
            first, last = _safe_date(year1, month1, day1), _safe_date(year2, month2, day2)
            ok = first and last and first < last
            yield ctx.absolute(m, _day_value(first, last) if ok else None, qualifier)
        elif not m["year1"]:
            yield ctx.relative(m, _day_resolver(ctx, m, day1, month1, day2, month2, qualifier), qualifier)


def _day_resolver(ctx: _Context, m: re.Match[str], day1: int, month1: int, day2: int, month2: int,
                  qualifier: str | None) -> Callable[[date], _Value | None]:
    """Resolve a year-less day (or day range) against the anchor."""
    def resolve(anchor: date) -> _Value | None:
        first = _day_month_date(day1, month1, anchor, ctx.direction(m.start(), qualifier))
        if first is None:
            return None
        last = _safe_date(first.year, month2, day2)
        if last is not None and last < first:
            last = _safe_date(first.year + 1, month2, day2)
        return _day_value(first, last) if last else None
    return resolve


def _months(ctx: _Context) -> _Found:
    """ "im Juli 2000", "Ende August", "im Mai", "im Mai letzten Jahres", "von Mai bis Juli 2024" """
    for m in ctx.finditer(_MONTH_YEAR_RE, _MONTH_WORD, 4):
        qualifier = _qualifier(m["prep"], m["part"])
        yield ctx.absolute(m, _month_value(int(m["year"]), MONTHS[fold(m["month"])]), qualifier)

    for m in ctx.finditer(_MONTH_ONLY_RE, _MONTH_WORD, 6):
        if not (m["prep"] or m["part"] or m["mod"] or m["yearref"]):
            continue  # a bare "Mai" is not enough evidence
        month, qualifier = MONTHS[fold(m["month"])], _qualifier(m["prep"], m["part"])

        def resolve(anchor: date, month=month, m=m, qualifier=qualifier) -> _Value | None:
            if m["yearref"]:
                ref = m["yearref"].lower()
                delta = -1 if "vorjahr" in ref else (_modifier_delta(ref) or 0)
                return _month_value(anchor.year + delta, month)
            delta = _modifier_delta(m["mod"])
            if delta is None:
                return _month_value(_month_year(month, anchor, ctx.direction(m.start(), qualifier)), month)
            if delta == 0:
                return _month_value(anchor.year, month)
            year = anchor.year
            if delta > 0 and month <= anchor.month:
                year += 1
            if delta < 0 and month >= anchor.month:
                year -= 1
            return _month_value(year, month)
        yield ctx.relative(m, resolve, qualifier)

    for m in ctx.finditer(_MONTH_RANGE_RE, _MONTH_WORD, 2):
        if m["sep"].lower() == "und" and (m["prep"] or "").lower() != "zwischen":
            continue
        month1, month2 = MONTHS[fold(m["month1"])], MONTHS[fold(m["month2"])]
        qualifier = _qualifier(m["prep"])
        if m["year2"] or m["year1"]:
            year2 = int(m["year2"]) if m["year2"] else int(m["year1"]) + (month2 < month1)
            year1 = int(m["year1"]) if m["year1"] else year2 - (month2 < month1)
            if (year1, month1) < (year2, month2):
                yield ctx.absolute(m, _month_value(year1, month1, (year2, month2)), qualifier)
            continue

        def resolve_range(anchor: date, m=m, month1=month1, month2=month2, q=qualifier) -> _Value | None:
            year1 = _month_year(month1, anchor, ctx.direction(m.start(), q))
            return _month_value(year1, month1, (year1 + (month2 < month1), month2))
        yield ctx.relative(m, resolve_range, qualifier)


def _seasons(ctx: _Context) -> _Found:
    """ "im Frühjahr" (of the year the tense points to), "seit dem Sommer", "im kommenden Herbst" """
    for m in ctx.finditer(_SEASON_RE, _SEASON_WORD, 4):
        qualifier = _qualifier(m["prep"], m["season"])

        def resolve(anchor: date, m=m, qualifier=qualifier) -> _Value | None:
            first = _SEASON_FIRST_MONTH[fold(m["season"])]
            delta = _modifier_delta(m["mod"])
            if delta is None:
                direction = ctx.direction(m.start(), qualifier)
                # a season still to come this year, or one that has begun, is this year's
                delta = 1 if direction == "future" and first + 2 < anchor.month else \
                    -1 if direction == "past" and first > anchor.month else 0
            elif delta > 0 and first <= anchor.month or delta < 0 and first >= anchor.month:
                pass  # "im kommenden Frühjahr" in May: next year's; "im vergangenen Herbst" in May: last year's
            else:
                delta = 0
            return _year_value(anchor.year + delta)
        yield ctx.relative(m, resolve, qualifier)


def _quarters(ctx: _Context) -> _Found:
    """ "im dritten Quartal", "im ersten Halbjahr 2023", "in den ersten neun Monaten des Vorjahres":
    a range of months; without a year that of the tense (a quarter not yet begun in a past
    sentence is last year's, one already over in a future sentence next year's) """
    for m in ctx.finditer(_QUARTER_RE, _QUARTER_WORD, 5):
        if m["unit"]:
            ordinal = int(m["digit"]) if m["digit"] else \
                next(n for stem, n in _ORDINALS.items() if fold(m["ordinal"]).startswith(stem))
            size = 3 if fold(m["unit"]).startswith("quartal") else 6
            if ordinal * size > 12:
                continue  # "drittes Halbjahr"
            first, last = ordinal * size - size + 1, ordinal * size
        else:
            count = m["count"]
            n = 2 if fold(count) == "beiden" else int(count) if count.isdigit() else NUMBER_WORDS[fold(count)]
            last = n * (3 if fold(m["units"]).startswith("quartal") else 1)
            if not 1 <= last <= 12:
                continue
            if not (m["year"] or m["jahr"] or (m["prep"] or "").lower().startswith("in")):
                continue  # "die ersten neun Monate" of anything
            first = 1
        qualifier = _qualifier(m["prep"])
        year = m["year"] or m["year2"]
        if year:
            yield ctx.absolute(m, _month_value(int(year), first, (int(year), last)), qualifier)
            continue

        def resolve(anchor: date, m=m, first=first, last=last, qualifier=qualifier) -> _Value | None:
            if m["jahr"] and (m["jahr"].lower().startswith("vorjahr") or m["mod"]):
                delta = -1 if m["jahr"].lower().startswith("vorjahr") else _modifier_delta(m["mod"]) or 0
            else:
                direction = ctx.direction(m.start(), qualifier)
                delta = -1 if direction == "past" and first > anchor.month else \
                    1 if direction == "future" and last < anchor.month else 0
            return _month_value(anchor.year + delta, first, (anchor.year + delta, last))
        yield ctx.relative(m, resolve, qualifier)


def _looks_like_count(ctx: _Context, m: re.Match[str], trusted: bool) -> bool:
    """A bare four-digit number followed by a unit/noun or preceded by "rund" is a count."""
    after = ctx.text[m.end():]
    if _UNIT_AFTER_RE.match(after):
        return True
    if trusted:
        return False
    return bool(_CAPITALISED_AFTER_RE.match(after) or _count_word_before(ctx.text, m.start()))


def _count_word_before(text: str, end: int) -> re.Match[str] | None:
    """``_COUNT_BEFORE_RE.search(text[:end])``, searched from the second-last word on: a match
    (at most two words, then whitespace to the end) cannot start before it, and a search from
    the start would try every position of the text before."""
    rest = text[:end].rsplit(None, 2)
    return _COUNT_BEFORE_RE.search(text, len(rest[0]) if len(rest) == 3 else 0, end)


def _attributive_year(text: str, m: re.Match[str]) -> bool | None:
    """A bare number between an article and a participle used as an adjective: a year ("das
    1807 erlassene Gesetz", "die 2019 gegründete Partei") unless the noun after the participle
    counts ("die 2000 geretteten Menschen": False); None when the number stands otherwise."""
    before = text[max(0, m.start() - 8):m.start()].rsplit(None, 1)
    if not before or before[-1].lower() not in _ARTICLES or not text[m.start() - 1:m.start()].isspace():
        return None
    participle = _PARTICIPLE_AFTER_RE.match(text, m.end())
    if participle is None:
        return None
    return not _UNIT_AFTER_RE.match(text, participle.end())


def _years(ctx: _Context) -> _Found:
    """ "2019", "im Jahr 2023", "seit 2024", "Ende 2023", "2019 bis 2021", "in den 1990er Jahren" """
    blocked: list[tuple[int, int]] = []
    for m in ctx.finditer(_YEAR_RANGE_RE, _RANGE_YEAR, 4):
        year1, raw2 = int(m["year1"]), m["year2"]
        year2 = year1 // 100 * 100 + int(raw2) if len(raw2) == 2 else int(raw2)
        if len(raw2) == 2 and year2 <= year1:
            year2 += 100
        sep, prep = m["sep"].lower(), (m["prep"] or "").lower()
        if len(raw2) == 2 and sep not in "-–—/":
            continue
        if sep == "und" and not (prep.startswith("zwischen") or "jahre" in prep):
            continue
        if not (1900 <= year1 < year2 <= 2099) or _looks_like_count(ctx, m, trusted=bool(prep)):
            blocked.append(m.span())  # "2000 bis 3000 Soldaten": the parts are no years either
            continue
        yield ctx.absolute(m, _year_value(year1, year2), _qualifier(m["prep"]))

    for m in ctx.finditer(_YEAR_RE, _YEAR_NUMBER, 5):
        if any(s <= m.start("year") < e for s, e in blocked):
            continue
        year = int(m["year"])
        prep = (m["prep"] or "").lower()
        trusted = bool(m["jahr"] or m["part"] or prep in ("seit", "ab", "bis", "nach"))
        attributive = None if trusted or prep else _attributive_year(ctx.text, m)
        if attributive is False:
            continue  # "die 2000 geretteten Menschen"
        if not (1000 if m["jahr"] or attributive else 1900) <= year <= 2099:
            continue
        # "zuletzt 2001 Gastgeber": after an adverb that dates, a number followed by a noun is a year
        trusted = trusted or bool(attributive) or (not prep and _DATING_ADVERB_BEFORE_RE.search(
            ctx.text, max(0, m.start() - 16), m.start()) is not None)
        if not m["jahr"] and _looks_like_count(ctx, m, trusted):
            continue
        yield ctx.absolute(m, _year_value(year), _qualifier(m["prep"], m["part"]))

    for m in ctx.finditer(_DECADE_RE, _DECADE_NUMBER, 4):
        digits = m["decade"]
        if len(digits) == 2 and not (m["jahre"] or m["article"]):
            continue  # "90er" alone could be anything
        start = int(digits) if len(digits) == 4 else (2000 if int(digits) <= 20 else 1900) + int(digits)
        yield ctx.absolute(m, _year_value(start, start + 9, "decade"), _qualifier(m["prep"], m["part"]))


def _inside_sentence(text: str, pos: int) -> bool:
    """Some word (not only quotes or a bracket) stands before ``pos``: a capitalised word there is
    no sentence start."""
    return text[:pos].strip(" \"„“'»«(") != ""


def _relative_days(ctx: _Context) -> _Found:
    """ "heute", "gestern Abend", "bis morgen", "morgen und übermorgen" """
    for m in ctx.finditer(_RELATIVE_DAY_RE, _RELATIVE_DAY_WORD, 2):
        word1 = m["word1"]
        if word1 == "Morgen" and _inside_sentence(ctx.text, m.start("word1")):
            continue  # capitalised "Morgen" inside a sentence is the noun ("am Morgen")
        offset1 = RELATIVE_DAYS[fold(word1)]
        offset2 = RELATIVE_DAYS[fold(m["word2"])] if m["word2"] else offset1
        first, last = sorted((offset1, offset2))
        yield ctx.relative(m, lambda a, f=first, t=last: _day_value(a + timedelta(f), a + timedelta(t)),
                           _qualifier(m["prep"]))


def _weekdays(ctx: _Context) -> _Found:
    """ "am Mittwoch", "Dienstagabend", "am kommenden Freitag", "am heutigen Dienstag" """
    for m in ctx.finditer(_WEEKDAY_RE, _WEEKDAY_WORD, 4):
        weekday, qualifier = WEEKDAYS[fold(m["weekday"])], _qualifier(m["prep"])
        mod = (m["mod"] or "").lower()

        def resolve(anchor: date, weekday=weekday, mod=mod, m=m, qualifier=qualifier) -> _Value:
            fixed = {"heutig": 0, "gestrig": -1, "vorgestrig": -2, "morgig": 1}
            for stem, offset in fixed.items():
                if mod.startswith(stem):
                    return _day_value(anchor + timedelta(offset))
            delta = _modifier_delta(mod)
            if delta == 0:  # "diesen Freitag": the one in the anchor's week
                return _day_value(anchor + timedelta(weekday - anchor.weekday()))
            if delta is not None and delta > 0:  # "am kommenden Mittwoch": strictly after
                return _day_value(anchor + timedelta((weekday - anchor.weekday()) % 7 or 7))
            if delta is not None:  # "am vergangenen Mittwoch": strictly before
                return _day_value(anchor - timedelta((anchor.weekday() - weekday) % 7 or 7))
            # "für Donnerstag" plans a day to come, whatever the tense ("hat ... angekündigt")
            direction = "future" if (m["prep"] or "").lower() == "für" else ctx.direction(m.start(), qualifier)
            first = _weekday_date(weekday, anchor, direction)
            if m["weekday2"]:  # the second day of "Donnerstag und Freitag": the next one from the first on
                return _day_value(first, first + timedelta((WEEKDAYS[fold(m["weekday2"])] - first.weekday()) % 7))
            return _day_value(first)
        yield ctx.relative(m, resolve, qualifier)


_PERIOD_UNITS = {  # unit word -> (unit, implied delta, implied part)
    "woche": ("week", None, None), "wochenende": ("weekend", None, None),
    "monat": ("month", None, None), "monats": ("month", None, None),
    "jahr": ("year", None, None), "jahres": ("year", None, None),
    "vorwoche": ("week", -1, None), "vormonat": ("month", -1, None), "vormonats": ("month", -1, None),
    "vorjahr": ("year", -1, None), "vorjahres": ("year", -1, None),
    "jahresende": ("year", 0, "Ende"), "jahresanfang": ("year", 0, "Anfang"),
    "jahresbeginn": ("year", 0, "Beginn"), "jahresmitte": ("year", 0, "Mitte"),
    "monatsende": ("month", 0, "Ende"), "monatsanfang": ("month", 0, "Anfang"),
    "monatsbeginn": ("month", 0, "Beginn"), "monatsmitte": ("month", 0, "Mitte"),
    "heuer": ("year", 0, None),
}


def _weekend(anchor: date, delta: int | None, direction: Tense | None) -> _Value:
    saturday = anchor - timedelta(anchor.weekday()) + timedelta(5)  # Saturday of the anchor's week
    if delta is None:  # plain "am Wochenende": by tense, else the nearest weekend
        previous = direction == "past" and anchor.weekday() < 5
        previous = previous or (direction is None and anchor.weekday() <= 2)
        delta = -1 if previous else 0
    elif delta > 0:  # "kommendes Wochenende": this week's, or next week's when said on a weekend
        delta = 1 if anchor.weekday() >= 5 else 0
    saturday += timedelta(weeks=delta)
    return _day_value(saturday, saturday + timedelta(1))


# Where in a week (weekdays, Monday 0), a month (days) or a year (months) its parts lie.
_PART_SPANS: dict[str, dict[str, tuple[int, int]]] = {
    "week": {"anfang": (0, 1), "beginn": (0, 1), "mitte": (2, 3), "ende": (4, 6)},
    "month": {"anfang": (1, 10), "beginn": (1, 10), "mitte": (11, 20), "ende": (21, 31)},
    "year": {"anfang": (1, 4), "beginn": (1, 4), "mitte": (5, 8), "ende": (9, 12)},
}


def _part_delta(unit: str, part: str, anchor: date, direction: Tense | None, since: bool) -> int:
    """Which week/month/year "Anfang der Woche", "Mitte des Monats", "Ende des Jahres" mean, as
    a month or a quarter named without year: the anchor's, unless it lies on the wrong side of
    the anchor: a part already over in a future sentence is the next period's ("wird Anfang der
    Woche erwartet" on a Saturday: the coming week), one not yet begun after "seit" the last
    one's ("seit Ende des Jahres" in March). A past tense alone does not move it back: a past
    sentence may tell of a plan ("sollte bis Ende des Jahres ...")."""
    first, last = _PART_SPANS[unit][part.lower()]
    now = anchor.weekday() if unit == "week" else anchor.day if unit == "month" else anchor.month
    if direction == "future" and last < now:
        return 1
    if since and first > now:
        return -1
    return 0


def _relative_periods(ctx: _Context) -> _Found:
    """ "nächste Woche", "in der kommenden Woche", "dieses Jahr", "Ende des Monats", "im Vorjahr" """
    for m in ctx.finditer(_RELATIVE_PERIOD_RE, _PERIOD_WORD, 6):
        if m["unit"] == "Heuer" and (_inside_sentence(ctx.text, m.start("unit")) or ctx.text[m.end():m.end() + 1] == "-"):
            continue  # capitalised inside a sentence it is the noun or the surname (as "Morgen")
        unit, delta, part = _PERIOD_UNITS[fold(m["unit"])]
        article = (m["article"] or "").lower()
        if delta is None:
            delta = _modifier_delta(m["mod"])
        if delta is None:
            if unit == "weekend" and article in ("am", "an", "übers"):
                pass  # "am Wochenende"
            elif m["part"] and article in ("des", "der"):
                delta = 0  # "Ende des Jahres"
            else:
                continue  # "im Jahr", "Person des Jahres"
        qualifier = _qualifier(m["prep"], m["part"] or part)
        # "Anfang der Woche", "Ende des Jahres", "zum Jahresbeginn": this period's part, or the next
        # or last one's (_part_delta)
        part_word = (m["part"] or part) if delta == 0 and not m["mod"] else None

        def resolve(anchor: date, unit=unit, delta=delta, m=m, qualifier=qualifier,
                    part_word=part_word) -> _Value | None:
            if part_word and unit in _PART_SPANS:
                since = (qualifier or "").startswith("seit")
                delta = _part_delta(unit, part_word, anchor, None if since else ctx.direction(m.start(), qualifier),
                                    since)
            if unit == "week":
                return _week_value(anchor + timedelta(weeks=delta))
            if unit == "weekend":
                return _weekend(anchor, delta, ctx.direction(m.start(), qualifier))
            if unit == "month":
                return _month_value(*_add_months(anchor.year, anchor.month, delta))
            return _year_value(anchor.year + delta)
        yield ctx.relative(m, resolve, qualifier)


def _fractional_offset(anchor: date, n: float, unit: str) -> _Value | None:
    """ "vor dreieinhalb Jahren" (42 months back: the year of that month), "in anderthalb
    Wochen", "vor zweieinhalb Monaten": the precision of the unit, as for whole numbers."""
    if unit.startswith("jahrzehnt"):
        return _year_value(anchor.year + round(10 * n), precision="decade")
    if unit.startswith("jahr"):
        return _year_value(_add_months(anchor.year, anchor.month, round(12 * n))[0])
    if unit.startswith("tag"):
        return _day_value(anchor + timedelta(days=round(n)))
    if unit.startswith("woche"):
        return _week_value(anchor + timedelta(days=round(7 * n)))
    day = anchor + timedelta(days=round(30.44 * n))  # months: an average month's days
    return _month_value(day.year, day.month)


def _offsets(ctx: _Context) -> _Found:
    """ "vor rund 14 Jahren", "seit sechs Jahren", "vor zwei Monaten", "in zwei Wochen" """
    for m in ctx.finditer(_OFFSET_RE, _OFFSET_WORD, 6):
        number = m["number"]
        amount = int(number) if number.isdigit() else 0.5 if m["half"] else \
            NUMBER_WORDS.get(fold(number)) or _HALVES[fold(number)]
        sign = 1 if m["prep"].lower() == "in" else -1
        if sign > 0 and (_CAPITALISED_AFTER_RE.match(ctx.text, m.end()) or ctx.tense_at(m.start()) == "past"):
            continue  # a duration: "In 14 Jahren Herrschaft hatte er nie ..."
        unit = m["unit"].lower()

        def resolve(anchor: date, n=sign * amount, unit=unit) -> _Value | None:
            if not isinstance(n, int):  # "vor dreieinhalb Jahren": counted in the next smaller unit
                return _fractional_offset(anchor, n, unit)
            if unit.startswith("tag"):
                return _day_value(anchor + timedelta(days=n))
            if unit.startswith("woche"):
                return _week_value(anchor + timedelta(weeks=n))
            if unit.startswith("monat"):
                return _month_value(*_add_months(anchor.year, anchor.month, n))
            if unit.startswith("jahrzehnt"):
                return _year_value(anchor.year + 10 * n, precision="decade")
            return _year_value(anchor.year + n)
        yield ctx.relative(m, resolve, m["prep"].lower())


def _vague(ctx: _Context) -> _Found:
    """ "seit langem", "seit Jahren", "vor kurzem", "in den letzten Jahren", "in jüngster Zeit" """
    for m in ctx.finditer(_VAGUE_RE, _VAGUE_WORD, 5):
        yield ctx.vague(m, "seit" if m["seit"] else "vor" if m["vor"] else None)


# in priority order: on equal length and start, the earlier family wins
# (family, the trigger flags it needs: without any of them it cannot match)
_FAMILIES: tuple[tuple[Callable[[_Context], _Found], int], ...] = (
    (_numeric_dates, _ISO_YEAR | _NUMERIC_DAY),
    (_day_month_dates, _DAY_DOT),
    (_months, _MONTH_WORD),
    (_years, _YEAR_NUMBER | _DECADE_NUMBER),
    (_relative_days, _RELATIVE_DAY_WORD),
    (_weekdays, _WEEKDAY_WORD),
    (_relative_periods, _PERIOD_WORD),
    (_offsets, _OFFSET_WORD),
    (_vague, _VAGUE_WORD),
    (_seasons, _SEASON_WORD),
    (_quarters, _QUARTER_WORD),
)


# --------------------------------------------------------------------------- API


def find_temporal_expressions(text: str, anchor: date | None, *,
                              tense: Tense | None = None) -> list[TemporalExpression]:
    """All temporal expressions in ``text``, sorted by start and non-overlapping.

    ``anchor`` is the publication date; expressions that need it are returned with
    precision "unresolved" when it is None.  ``tense`` ("past"/"future") overrides the
    built-in tense detection used to resolve "am Mittwoch", "im Mai" and the like.
    """
    if tense not in (None, "past", "future"):
        raise ValueError(f"tense must be 'past', 'future' or None, not {tense!r}")
    return _find(_Context(text, anchor, tense))


def find_in_sentences(text: str, sentences: Iterable[tuple[int, int]], anchor: date | None,
                      tenses: TenseMemo | None = None) -> list[list[TemporalExpression]]:
    """``find_temporal_expressions(text[start:end], anchor)`` for every sentence, offsets
    relative to the sentence; the trigger words of the whole text are found in one scan, and a
    sentence without one is done at once (most sentences of an article have none). The tenses
    detected on the way are kept in ``tenses`` (see ``tense_of``)."""
    scan = _TextScan.of(text)
    found = []
    for start, end in sentences:
        if scan is None or not scan.clean(start, end):
            found.append(find_temporal_expressions(text[start:end], anchor))
            continue
        hits = scan.hits_in(start, end)
        found.append(_find(_Context(text[start:end], anchor, None, hits, tenses)) if hits else [])
    return found


class _TextScan:
    """The trigger hits (``_trigger_hits``) of a whole text, to be shared out to its sentences.

    Inside a sentence the hits are the sentence's own, unless a run of word characters crosses
    the sentence's edge (the regexes would see a longer word than the sentence has): ``clean``
    tells, and such a sentence is scanned on its own.
    """

    def __init__(self, text: str, low: str, hits: list[tuple[int, int]]) -> None:
        self.text, self.low = text, low
        self.hits = hits
        self.positions = [pos for pos, _ in hits]

    @classmethod
    def of(cls, text: str) -> _TextScan | None:
        """None when lower-casing cannot stand in for re.IGNORECASE (see ``_trigger_hits``)."""
        low = text.lower()
        if len(low) != len(text) or _ODD_CASE_RE.search(text):
            return None
        return cls(text, low, _trigger_hits(text))

    def clean(self, start: int, end: int) -> bool:
        text, low = self.text, self.low
        if start > 0 and (is_word_char(text[start - 1]) and is_word_char(text[start])
                          or is_word_char(low[start - 1]) and is_word_char(low[start])):
            return False
        return not (end < len(text) and (is_word_char(text[end - 1]) and is_word_char(text[end])
                                         or is_word_char(low[end - 1]) and is_word_char(low[end])))

    def hits_in(self, start: int, end: int) -> list[tuple[int, int]]:
        """The hits inside text[start:end], relative to ``start``."""
        first, last = bisect_left(self.positions, start), bisect_left(self.positions, end)
        return [(pos - start, flags) for pos, flags in self.hits[first:last]]


def _find(ctx: _Context) -> list[TemporalExpression]:
    if not ctx.flags:
        return []  # no trigger word: no family can match
    candidates = [expr for family, needs in _FAMILIES if ctx.flags & needs for expr in family(ctx) if expr is not None]
    chosen: list[TemporalExpression] = []
    for expr in sorted(candidates, key=lambda e: (e.start - e.end, e.start)):  # longest first (stable)
        if all(expr.end <= other.start or expr.start >= other.end for other in chosen):
            chosen.append(expr)
    return sorted(chosen, key=lambda e: e.start)
