"""Find counted quantities ("über zehntausend Soldaten", "97 % des Außenhandels") in one German sentence.

Pure standard library; works on a single sentence string, all offsets are relative to it.

What is reported
    * digit numbers with German separators: ``15.000``, ``1,2``, ``1.000,5``;
    * number words: ``zwei``, ``zwölf``, ``einundzwanzig``, ``zehntausend``, ``zweieinhalb``;
    * an optional multiplier after either: ``2,5 Millionen``, ``zwei Mrd.``, ``eine Million``;
    * vague amounts: ``Tausende``, ``tausender``, ``Hunderte``, ``Dutzende``, ``Millionen`` (alone),
      ``mehrere Tausend`` -> the base value (1000, 100, 12, ...) with qualifier ``"vague"``;
    * percentages (``97 %``, ``97%``, ``97 Prozent``) -> unit ``"%"``, counted = following genitive;
    * ages/durations in years (``mit 94 Jahren``, ``der 41-Jährige``, ``Emilio Fede (94)``) -> unit ``"Jahre"``.

What is skipped
    * dates and times: ``3. September``, ``02.09.25``, ``05:24 Uhr``, ``17.30 Uhr``, ``3 September``;
    * years: a plain 4-digit number 1800..2100 (``2019``, ``im Jahr 2023``) unless it carries a
      percent sign/multiplier or is directly followed by a counted noun without a year cue before it;
    * ordinals: a number followed by ``.`` and more text (``80. Jahrestag``); ordinal words (``erste``);
    * time points: a number + Jahr/Monat/Woche/Tag/Stunde/... preceded by vor/seit/nach/in/im/ab/
      innerhalb/binnen (also "innerhalb von") or followed by nach/später/zuvor/...
      (``vor zwei Jahren``, ``seit sechs Jahren``, ``zwei Monate nach``).  Choice: this also skips
      ``In 14 Jahren Herrschaft`` -- "in N Jahren" is far more often a future time point, and the
      temporal module owns both readings;
    * numbers glued to letters or inside compounds: ``Tg1``, ``G20``, ``COVID-19``, ``20er``,
      ``Vier-Augen-Gespräch``, ``zweitägigen``, ``100-Meter-Lauf``; identifiers (``Nr. 5``, ``Platz 3``).

Qualifiers (the word directly before the number) are normalised, see ``_QUALIFIERS``.
Known limits: "über"/"unter" are always read as more_than/less_than (also in "sprachen über zwei
Themen"); ranges ("20 bis 30") give two separate quantities; English decimals ("1.2") are dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from .fold import fold, is_word_char

__all__ = ["Quantity", "find_quantities", "parse_number_word", "counted_lemma"]


@dataclass(frozen=True, slots=True)
class Quantity:
    """One quantity expression; ``text == sentence[start:end]``."""

    text: str
    start: int
    end: int
    value: float | int
    value_text: str
    unit: str | None
    counted: str | None
    counted_lemma: str | None
    qualifier: str | None
    qualifier_text: str | None


# --------------------------------------------------------------------------- number words

_UNITS = {
    "eins": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5,
    "sechs": 6, "sieben": 7, "acht": 8, "neun": 9,
}
_TEENS = {
    "zehn": 10, "elf": 11, "zwölf": 12, "dreizehn": 13, "vierzehn": 14, "fünfzehn": 15,
    "sechzehn": 16, "siebzehn": 17, "achtzehn": 18, "neunzehn": 19,
}
_TENS = {
    "zwanzig": 20, "dreißig": 30, "vierzig": 40, "fünfzig": 50,
    "sechzig": 60, "siebzig": 70, "achtzig": 80, "neunzig": 90,
}


def _unit_prefix(word: str) -> int | None:
    """A multiplier prefix inside a compound: "ein"/"" -> 1, "zwei" -> 2, ..."""
    if word in ("", "ein"):
        return 1
    return _UNITS.get(word) if word != "eins" else None


def _below_100(word: str) -> int | None:
    if word in _UNITS:
        return _UNITS[word]
    if word in _TEENS:
        return _TEENS[word]
    if word in _TENS:
        return _TENS[word]
    unit, sep, tens = word.partition("und")  # "einundzwanzig"
    if sep and tens in _TENS and unit:
        factor = _unit_prefix(unit)
        return None if factor is None else factor + _TENS[tens]
    return None


def _below_1000(word: str) -> int | None:
    if "hundert" not in word:
        return _below_100(word)
    left, _, right = word.partition("hundert")
    factor = _unit_prefix(left)
    if factor is None:
        return None
    right = right.removeprefix("und")
    rest = 0 if not right else _below_100(right)
    return None if rest is None else factor * 100 + rest


def parse_number_word(word: str) -> Decimal | None:
    """Value of a German cardinal number word ("zehntausend" -> 10000), else None.

    Accepts compounds up to 999 999 and the "-einhalb" suffix ("zweieinhalb" -> 2.5).
    The article "ein"/"eine" alone is *not* a number.
    """
    word = word.lower()
    if word == "anderthalb":
        return Decimal("1.5")
    if word.endswith("einhalb") and len(word) > len("einhalb"):
        base = word.removesuffix("einhalb")
        whole = 1 if base == "ein" else parse_number_word(base)
        return None if whole is None else Decimal(whole) + Decimal("0.5")
    if "tausend" in word:
        left, _, right = word.partition("tausend")
        factor = 1 if left in ("", "ein") else _below_1000(left)
        rest = 0 if not right else _below_1000(right.removeprefix("und"))
        if factor is None or rest is None:
            return None
        return Decimal(factor * 1000 + rest)
    value = _below_1000(word)
    return None if value is None else Decimal(value)


# --------------------------------------------------------------------------- regexes

_LETTER = r"[^\W\d_]"

# Digit numbers: German thousands dots and decimal comma.  Date/time shapes are skipped
# by the look-arounds (no letter, no digit/dot/colon/slash glued on either side). The leading
# (?=\d) changes no match; it spares the look-behinds at every position that is no digit.
_DIGITS_RE = re.compile(
    rf"""
    (?=\d)(?<!{_LETTER})(?<!{_LETTER}-)(?<![\d.,:/§])      # not Tg1, COVID-19, 3.9, 5:24, 2024/
    (?P<num>\d{{1,3}}(?:\.\d{{3}})+(?:,\d+)?          # 15.000  1.000,5
          | \d+(?:,\d+)?)                             # 97  1,2
    (?![\d\w])(?![:/]\d)(?![.,]\d)                  # not 20er, 5:24, 24/7, 1.2
    """,
    re.VERBOSE,
)

_ANY_DIGIT_RE = re.compile(r"\d")

# Candidate number words: a whole run of letters, not part of a word or of a hyphenated
# compound (checked by _standalone; a pattern starting with that look-behind would be tried at
# every position of the sentence).
_LETTERS_RE = re.compile(rf"{_LETTER}+")

# Vague amounts: "Tausende", "tausender", "Hunderten", "Dutzende", "Millionen", "mehrere Tausend".
_VAGUE_RE = re.compile(
    r"""
    (?<![\w-])
    (?:(?P<pre>mehrere|einige|etliche|viele|ein\s+paar)\s+
       (?P<base>[Hh]undert|[Tt]ausend|[Zz]ehntausend|Dutzend)
     | (?P<plural>(?:[Hh]undert|[Zz]ehntausend|[Hh]underttausend|[Tt]ausend)(?:e|en|er)
                 | [Dd]utzende[n]? | Millionen | Milliarden))
    (?![\w-])
    """,
    re.VERBOSE,
)
_VAGUE_PARTS = ("undert", "ausend", "utzend", "Millionen", "Milliarden")  # every _VAGUE_RE match has one
_VAGUE_PART_RE = re.compile("|".join(_VAGUE_PARTS))
_VAGUE_VALUES = {
    "hundert": 100, "tausend": 1000, "zehntausend": 10_000, "hunderttausend": 100_000,
    "dutzend": 12, "millionen": 1_000_000, "milliarden": 1_000_000_000,
}

# "eine Million", "einer Milliarde": the article counts as 1 only before a multiplier.
_ONE_MULT_RE = re.compile(r"(?<![\w-])(?P<num>[Ee]in(?:e|er|en|em)?)(?=\s+Milli(?:on|arde)\b)")

_MULTIPLIER_RE = re.compile(
    r"""\s+(?P<mult>Millionen|Million|Mio\.|Milliarden|Milliarde|Mrd\.|Billionen|Billion)(?![\w-])""",
    re.VERBOSE,
)
_MULTIPLIERS = {
    "million": 10**6, "millionen": 10**6, "mio.": 10**6,
    "milliarde": 10**9, "milliarden": 10**9, "mrd.": 10**9,
    "billion": 10**12, "billionen": 10**12,
}

_PERCENT_RE = re.compile(r"\s*(?P<unit>%|Prozent(?![\w-]))")

# "41-Jährige", "20-jährigen": an age glued to the number with a hyphen.
_AGE_SUFFIX_RE = re.compile(r"-(?P<word>[Jj]ährige[nrms]?)(?![\w-])")

# "Emilio Fede (94)": an age in brackets right after a capitalised name.
_BRACKET_AGE_RE = re.compile(r"[A-ZÄÖÜ]\w*\s*\($")

_ADJ_STOP = (
    "der|die|das|den|dem|des|eine|einer|einem|einen|eines|diese|dieser|diesen|dieses|jene|jener|"
    "jede|jeder|keine|keiner|alle|aller|allen|andere|aber|oder|über|unter|wieder|immer|sondern|"
    "hinter|außer|seine|seiner|seinen|ihre|ihrer|ihren|deren|dessen|werden|wurden|worden|haben|"
    "hatten|waren|seien|wären|hätten|sollen|sollten|können|konnten|müssen|wollen|dürfen|"
    "wegen|gegen|zwischen|neben|binnen|entgegen|morgen|später|eher|weniger"
)

# The counted noun phrase after a number: up to three adjectives, then a (possibly coordinated)
# capitalised noun: "ausländische Staats- und Regierungschefs", "Soldaten".
_COUNTED_RE = re.compile(
    rf"""
    \s+
    (?P<np>
      (?:(?!(?:{_ADJ_STOP})\b)[a-zäöüß][\w-]*(?:e|en|er|es|em)\s+){{0,3}}
      (?P<noun>
        (?:[A-ZÄÖÜ]\w*-\s+(?:und|oder|bzw\.|sowie)\s+)?   # "Staats- und "
        [A-ZÄÖÜ](?:[\w-]*\w)?)
    )
    """,
    re.VERBOSE,
)
_VON_RE = re.compile(r"\s+von(?=\s)")

# Genitive after a percentage: "des nordkoreanischen Außenhandels", "der Befragten".
_GENITIVE_RE = re.compile(
    rf"""
    \s+
    (?P<np>(?:des|der)\s+
      (?:(?!(?:{_ADJ_STOP})\b)[a-zäöüß][\w-]*(?:e|en|er|es|em)\s+){{0,3}}
      (?P<noun>[A-ZÄÖÜ](?:[\w-]*\w)?))
    """,
    re.VERBOSE,
)

_QUALIFIERS = {
    "mehr als": "more_than", "über": "more_than",
    "weniger als": "less_than", "unter": "less_than",
    "rund": "approx", "etwa": "approx", "ca.": "approx", "circa": "approx", "zirka": "approx",
    "ungefähr": "approx", "annähernd": "approx",
    "knapp": "approx_below", "fast": "approx_below", "nahezu": "approx_below", "beinahe": "approx_below",
    "vermutlich": "presumably", "mutmaßlich": "presumably",
    "bis zu": "up_to", "höchstens": "up_to", "maximal": "up_to",
    "mindestens": "at_least", "wenigstens": "at_least",
}
_QUALIFIER_RE = re.compile(
    r"""
    (?:^|(?<=[\s(„"»]))
    (?P<q>mehr\s+als|weniger\s+als|bis\s+zu|über|unter|rund|etwa|ca\.|circa|zirka|ungefähr
        |annähernd|knapp|fast|nahezu|beinahe|vermutlich|mutmaßlich|mindestens|wenigstens
        |höchstens|maximal)
    \s+$
    """,
    re.VERBOSE | re.IGNORECASE,
)

_MONTHS = frozenset(
    "Januar Jänner Februar März April Mai Juni Juli August September Oktober November Dezember".split()
)
_YEAR_WORDS = re.compile(r"^Jahr(?:e|en|es)?$")
_TIME_WORDS = re.compile(
    r"^(?:Jahr(?:e|en|es)?|Jahrzehnt\w*|Jahrhundert\w*|Monat(?:e|en|s)?|Woche[n]?|Tag(?:e|en|es)?"
    r"|Stunde[n]?|Minute[n]?)$"
)
_TIME_POINT_BEFORE = frozenset("vor seit nach in im ab innerhalb binnen".split())
_TIME_POINT_AFTER = frozenset("nach später zuvor danach vorher darauf früher her".split())
_YEAR_CUES = frozenset(
    "jahr jahres im in seit bis ab von vor nach um zwischen und anfang mitte ende frühjahr frühling "
    "sommer herbst winter".split()
) | {m.lower() for m in _MONTHS}
_ID_WORDS = frozenset(
    "nr. nr nummer artikel art. paragraf paragraph § platz seite kapitel absatz resolution punkt "
    "folge staffel version kanal gleis linie block route band level stufe".split()
)
# Words before a number that make a final "N." an ordinal/date cut off by a sentence splitter.
_ORDINAL_CUES = frozenset("am zum vom im beim des dem den der die das seit bis ab und".split())
_PREV_WORD_RE = re.compile(r"(\S+)\s*$")  # the previous word; _last_word finds it without a search
# the last word of every _QUALIFIER_RE alternative (case-insensitive)
_QUALIFIER_LAST_WORDS = tuple({q.split()[-1] for q in _QUALIFIERS})
# characters that IGNORECASE matches differently from str.lower() ("ſ" matches "s")
_ODD_CASE_RE = re.compile("[\u017f\u0131\u0130\u212a]")  # ſ ı İ and the Kelvin sign
_NEXT_WORD_RE = re.compile(r"\s*(\S+)")
_MONTHS_AND_UHR = _MONTHS | {"Uhr"}
# compiled once here: re's own cache of patterns given as strings costs a lookup on every call
_WORD_CHAR_RE = re.compile(r"\w")
_PLURAL_END_RE = re.compile(r"(?:e|en|er|n)$")
_ORDINAL_DOT_RE = re.compile(r"\.\s*\S")  # "80. Jahrestag"
_FINAL_DOT_RE = re.compile(r"\.\s*")  # "am 3." at the end of a cut sentence
_SPACES_RE = re.compile(r"\s+")
_FOUR_DIGITS_RE = re.compile(r"\d{4}")


# --------------------------------------------------------------------------- helpers


# Larger numbers are not quantities a news text reports (a world population has 10 digits).
MAX_VALUE = Decimal(10) ** 15


def _number_value(text: str) -> Decimal:
    """ "15.000" -> 15000, "1,2" -> 1.2."""
    return Decimal(text.replace(".", "").replace(",", "."))


def _plain(value: Decimal) -> int | float:
    """int when integral, else float."""
    return int(value) if value == value.to_integral_value() else float(value)


def _last_word(sentence: str, pos: int) -> str | None:
    """The last word before ``pos``: group 1 of ``_PREV_WORD_RE.search(sentence, 0, pos)``.
    str.rsplit splits at the same whitespace as ``\\s`` (str.isspace) and looks only at the end,
    where the regex search would try every position of the string."""
    words = sentence[:pos].rsplit(None, 1)
    return words[-1] if words else None


def _qualifier_before(sentence: str, pos: int) -> re.Match[str] | None:
    """``_QUALIFIER_RE.search(sentence, 0, pos)``, searched only when the word before ``pos``
    ends like a qualifier (a match ends with one and whitespace up to ``pos``)."""
    if not (pos and sentence[pos - 1].isspace()):
        return None
    word = _last_word(sentence, pos)
    if word is None:
        return None
    if not _ODD_CASE_RE.search(word) and not word.lower().endswith(_QUALIFIER_LAST_WORDS):
        return None
    return _QUALIFIER_RE.search(sentence, 0, pos)


def _prev_word(sentence: str, pos: int) -> str:
    word = _last_word(sentence, pos)
    return word.lower().strip("„\"»«(") if word is not None else ""


def _next_word(sentence: str, pos: int) -> str:
    m = _NEXT_WORD_RE.match(sentence, pos)
    return m.group(1).lower().rstrip(".,;:!?)“\"«") if m else ""


def _at_sentence_start(sentence: str, pos: int) -> bool:
    return not _WORD_CHAR_RE.search(sentence, 0, pos)


_STEM_RULES = (
    ("innen", "in"), ("ungen", "ung"), ("heiten", "heit"), ("keiten", "keit"),
    ("schaften", "schaft"), ("ern", "er"), ("eln", "el"), ("en", ""), ("es", ""), ("e", ""),
)


def _stem(word: str) -> str:
    """Crude German plural/case stripper; a grouping key, not a real lemma.

    Rules, first match wins, only if at least 3 letters remain:
    -innen->-in, -ungen->-ung, -heiten/-keiten/-schaften->-heit/-keit/-schaft, -ern->-er,
    -eln->-el, then strip -en, -es, -e, or a final -s (not -ss/-us/-is).
    "Soldaten"->"soldat", "Regierungschefs"->"regierungschef", "Jahren"->"jahr", "Außenhandels"->"außenhandel".
    """
    for suffix, repl in _STEM_RULES:
        if word.endswith(suffix) and len(word) - len(suffix) + len(repl) >= 3:
            return word[: len(word) - len(suffix)] + repl
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


@lru_cache(maxsize=8192)  # the same counted words come back in every article
def counted_lemma(counted: str | None) -> str | None:
    """Grouping key for ``counted``: lowercase noun part, last word stemmed (see ``_stem``).

    Leading articles/adjectives (lowercase words) are dropped; a coordination of truncated
    compounds is kept: "ausländische Staats- und Regierungschefs" -> "staats- und regierungschef".
    """
    if not counted:
        return None
    words = counted.split()
    first_noun = next((i for i, w in enumerate(words) if w[:1].isupper()), len(words) - 1)
    words = [w.lower() for w in words[first_noun:]]
    words[-1] = _stem(words[-1])
    return " ".join(words)


# --------------------------------------------------------------------------- candidates


@dataclass(slots=True)
class _Candidate:
    """A number as found, before context checks."""

    start: int  # start of the number (or of "mehrere" for "mehrere Tausend")
    end: int  # end of the number
    value: Decimal
    vague_text: str | None = None  # the word that makes it vague ("tausender", "mehrere")
    digits: bool = False


def _digit_candidates(sentence: str) -> list[_Candidate]:
    if not _ANY_DIGIT_RE.search(sentence):
        return []
    out = []
    for m in _DIGITS_RE.finditer(sentence):
        value = _number_value(m.group("num"))
        if value < MAX_VALUE:  # a run of 400 digits is not a count (and would not fit a float)
            out.append(_Candidate(m.start(), m.end(), value, digits=True))
    return out


def _word_candidates(sentence: str) -> list[_Candidate]:
    out = []
    # Most sentences have no number word: every one contains one of _NUMBER_PARTS, and else
    # the distinct words are looked up first (findall and the set operations run in C).
    numbers = _NUMBER_PART_RE.search(sentence.lower()) is not None and _has_number_word(set(_LETTERS_RE.findall(sentence)))
    for m in _LETTERS_RE.finditer(sentence) if numbers else ():
        word = m.group()
        value = _number_word_value(word)
        if value is None or not _standalone(sentence, m.start(), m.end()):
            continue
        # Capitalised small numbers mid-sentence are usually nouns ("Acht", "Elf").
        if word[0].isupper() and value < 13 and not _at_sentence_start(sentence, m.start()):
            continue
        out.append(_Candidate(m.start(), m.end(), value))
    if "Milli" in sentence:  # _ONE_MULT_RE needs "Million"/"Milliarde"
        for m in _ONE_MULT_RE.finditer(sentence):
            out.append(_Candidate(m.start(), m.end(), Decimal(1)))
    return out


def _standalone(sentence: str, start: int, end: int) -> bool:
    """Neither a word character nor a hyphen right before or after sentence[start:end]."""
    before = sentence[start - 1] if start else ""
    after = sentence[end] if end < len(sentence) else ""
    return not (before and (before == "-" or is_word_char(before)) or after and (after == "-" or is_word_char(after)))


# Every word parse_number_word accepts contains one of these (lowercase).
_NUMBER_PARTS = ("eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf",
                 "zig", "ßig", "hundert", "tausend", "halb")
_NUMBER_PART_RE = re.compile("|".join(_NUMBER_PARTS))
_number_words: dict[str, Decimal | None] = {}
_known_numbers: set[str] = set()  # the words in _number_words with a value


def _number_word_value(word: str) -> Decimal | None:
    """parse_number_word, cached: the same words come back in every sentence."""
    if word not in _number_words:
        if len(_number_words) > 100_000:
            _number_words.clear()
            _known_numbers.clear()
        value = _number_words[word] = parse_number_word(word)
        if value is not None:
            _known_numbers.add(word)
    return _number_words[word]


def _has_number_word(words: set[str]) -> bool:
    """Whether one of ``words`` is a number word (only words not seen before are parsed)."""
    for word in words.difference(_number_words):
        _number_word_value(word)
    return not _known_numbers.isdisjoint(words)


def _vague_candidates(sentence: str) -> list[_Candidate]:
    if not _VAGUE_PART_RE.search(sentence):
        return []
    out = []
    for m in _VAGUE_RE.finditer(sentence):
        if m.group("pre"):
            base = m.group("base").lower()
            out.append(_Candidate(m.start(), m.end(), Decimal(_VAGUE_VALUES[base]), m.group("pre")))
        else:
            word = m.group("plural")
            key = _PLURAL_END_RE.sub("", word.lower())
            key = {"million": "millionen", "milliard": "milliarden"}.get(key, key)
            if key == "dutzend" or key in _VAGUE_VALUES:
                out.append(_Candidate(m.start(), m.end(), Decimal(_VAGUE_VALUES[key]), word))
    return out


def _drop_overlaps(found: list[Quantity]) -> list[Quantity]:
    """Keep the first/longest of overlapping quantities ("zwei Millionen" over "Millionen")."""
    kept: list[Quantity] = []
    for q in sorted(found, key=lambda q: (q.start, -(q.end - q.start))):
        if kept and q.start < kept[-1].end:
            continue
        kept.append(q)
    return kept


# --------------------------------------------------------------------------- building


def _is_ordinal_or_date(sentence: str, c: _Candidate) -> bool:
    """ "80. Jahrestag", "3. September", "3 September", "5 Uhr", and a string cut after "am 3."."""
    if c.digits and _ORDINAL_DOT_RE.match(sentence, c.end):
        return True
    if c.digits and _FINAL_DOT_RE.fullmatch(sentence, c.end) and _prev_word(sentence, c.start) in _ORDINAL_CUES:
        return True
    nxt = _NEXT_WORD_RE.match(sentence, c.end)
    return bool(nxt and nxt.group(1).rstrip(".,;:") in _MONTHS_AND_UHR)


def _build(sentence: str, c: _Candidate) -> Quantity | None:
    """Extend a candidate with multiplier, unit and counted phrase; None when it is no quantity."""
    if c.vague_text is None and _is_ordinal_or_date(sentence, c):
        return None
    if _prev_word(sentence, c.start) in _ID_WORDS:
        return None
    value = c.value
    num_end = c.end
    if c.vague_text is None:
        m = _MULTIPLIER_RE.match(sentence, num_end)
        if m:
            value *= _MULTIPLIERS[fold(m.group("mult"))]
            num_end = m.end()
        elif c.value == 1 and not c.digits and sentence[c.start:c.end].lower() != "eins":
            return None  # "ein"/"eine" without Million: an article
    if sentence[num_end:num_end + 1] == "-" and not _AGE_SUFFIX_RE.match(sentence, num_end):
        return None  # "Vier-Augen-Gespräch", "100-Meter-Lauf"
    value_text = sentence[c.start:num_end]
    if c.vague_text and c.vague_text[0].islower() and " " in value_text:
        value_text = value_text.split(None, 1)[1].lstrip()  # "mehrere Tausend" -> "Tausend"

    unit = counted = None
    end = num_end
    counted_span = None
    if m := _PERCENT_RE.match(sentence, num_end):
        unit, end = "%", m.end()
        if g := _GENITIVE_RE.match(sentence, end):
            counted_span, end = g.span("np"), g.end()
    elif m := _AGE_SUFFIX_RE.match(sentence, num_end):
        unit, end = "Jahre", m.end()
        counted_span = m.span("word")
    elif sentence[num_end:num_end + 1] == ")" and _BRACKET_AGE_RE.search(sentence, 0, c.start):
        unit = "Jahre"
    else:
        pos = num_end
        if c.vague_text and (v := _VON_RE.match(sentence, pos)):
            pos = v.end()  # "Tausende von Menschen"
        if m := _COUNTED_RE.match(sentence, pos):
            counted_span, end = m.span("np"), m.end()
    if counted_span:
        counted = sentence[counted_span[0]:counted_span[1]]

    qualifier = qualifier_text = None
    start = c.start
    if c.vague_text:
        qualifier, qualifier_text = "vague", c.vague_text
    elif q := _qualifier_before(sentence, c.start):
        qualifier_text = q.group("q")
        qualifier = _QUALIFIERS[_SPACES_RE.sub(" ", fold(qualifier_text))]
        start = q.start("q")

    head = counted.split()[-1] if counted else ""
    if head in _MONTHS or head == "Uhr":
        return None
    if unit is None and _TIME_WORDS.match(head):
        before = _prev_word(sentence, start)
        two_before = sentence[:start].lower().split()[-2:]
        if (
            before in _TIME_POINT_BEFORE
            or two_before in (["innerhalb", "von"], ["binnen", "von"])
            or _next_word(sentence, end) in _TIME_POINT_AFTER
        ):
            return None  # "vor zwei Jahren", "zwei Monate nach": a time point
        if _YEAR_WORDS.match(head):
            unit = "Jahre"
    if _is_year(sentence, c, value_text, unit, num_end, counted):
        return None

    return Quantity(
        text=sentence[start:end],
        start=start,
        end=end,
        value=_plain(value),
        value_text=value_text,
        unit=unit,
        counted=counted,
        counted_lemma=counted_lemma(counted),
        qualifier=qualifier,
        qualifier_text=qualifier_text,
    )


def _is_year(
    sentence: str, c: _Candidate, value_text: str, unit: str | None, num_end: int, counted: str | None
) -> bool:
    """A bare 4-digit 1800..2100 is a year unless it clearly counts something."""
    if not (c.digits and _FOUR_DIGITS_RE.fullmatch(value_text) and 1800 <= c.value <= 2100):
        return False
    if unit == "%":
        return False
    if counted and _prev_word(sentence, c.start) not in _YEAR_CUES and not _year_before_participle(sentence, c, num_end):
        return False
    return True


_ARTICLES = frozenset("der die das des dem den ein eine einer eines einem einen seines seiner ihres ihrer".split())
# A participle used as an adjective: "ermordeten", "gegründete", "gewählten", "verstorbene".
_PARTICIPLE = re.compile(r"^[a-zäöüß]*?(?:ge|be|er|ver|zer|ent|emp)[a-zäöüß]+?(?:t|en)(?:e|en|er|es|em)$")


def _year_before_participle(sentence: str, c: _Candidate, num_end: int) -> bool:
    """'des 2022 ermordeten Regierungschefs', 'die 2019 gegründete Partei': between an article
    and a participle a year says when, not how many."""
    following = sentence[num_end:].split(maxsplit=1)
    return (_prev_word(sentence, c.start) in _ARTICLES and bool(following)
            and _PARTICIPLE.match(following[0]) is not None)


def find_quantities(sentence: str) -> list[Quantity]:
    """All quantities in ``sentence``, in order of appearance."""
    cands = _digit_candidates(sentence) + _word_candidates(sentence) + _vague_candidates(sentence)
    if not cands:
        return []  # most sentences
    found = (_build(sentence, c) for c in cands)
    return _drop_overlaps([q for q in found if q is not None])
