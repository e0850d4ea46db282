"""Find direct quotes and their speakers in one German sentence.

Standard library and spaCy's German stop words; works on one sentence string, all offsets are
relative to it (a speaker taken from the previous sentence has offsets in that one).

Steps
    1. ``_scan_marks`` pairs quotation marks: „…“ „…” „…"  "…"  »…«  «…»  “…”  ‚…‘  ‘…’.
       A closer only ends the opener actually used (»…« German, «…» Swiss/French).
       An opening mark without its closer runs to the end of the string (a sentence splitter
       may cut a long quote); a closing mark before any opener is the tail of a quote begun in
       the previous sentence (accepted unless ``previous_sentence`` is given and has no open quote).
       Nested quotes are skipped with their outer quote.  ’ between letters is an apostrophe.
    2. Speech cues are searched in the sentence with all quoted text masked out (``_find_cues``):
       verbs (sagte, erklärte, betonte, schrieb, warnte, nannte, äußerte, dankte, meldete, zitierte,
       "hat zu … aufgerufen", "ließ verlauten", "ließ ausrichten" (not "ein Turnier ausrichten"); for
       quotes only, not read by the actor rules: spottete, würdigte, scherzte, beteuerte, behauptete,
       entgegnete, erwiderte, konterte, ausgesagt, gelobt, gemahnt, gedroht; "rief" and "berichtete"
       only right after a comma (rief: a quote and its comma) or before a colon quote ("„…“, rief Xi",
       "X habe „…“ gelobt, berichtete die Agentur": the participle is the nearer cue; not
       "berichtete über den „…“", a topic)), separable verbs
       (teilte … mit, fügte … hinzu, wies … zurück, hob … hervor, warf … vor, rief … auf (also around
       a quote after a preposition: "rief X zu „…“ auf"), stellte … in Aussicht,
       sicherte … zu (a "zu" before a quote is a preposition, not the particle), ...), "sprach von",
       "hieß es"/"heißt es" (kind "impersonal") (also "sprach in Bern von einem „…“"),
       prepositional frames (laut X, nach Angaben X, unter Berufung auf X, X zufolge, "…, so X")
       and "nach seinen/ihren Worten". A dateline opening the sentence ("TIANJIN (dpa) - ") is masked.
    3. A quoted *name or term* is dropped (``_is_term``): a noun-phrase-shaped span of at most
       ``TERM_MAX_WORDS`` words (capitalised words, function words, adjectives before a noun)
       with no cue within ``NEAR_BEFORE`` words before / ``NEAR_AFTER`` words after it; a span
       right after a title noun (Buch, Film, Titel, Motto, ...); any span, however long, after a
       naming word ("heißt der Tag „…“", "hieß", "nennt sich", "sogenannte", "namens"; not "heißt
       es", which reports); a short span in a clause opened by generic "wer" before its speech verb
       ("Wer von einer „Achse“ spricht, …": nobody's words); single-quoted spans and »…«/«…»
       spans (book/film titles) without a nearby cue unless they start lower-case; a short name in
       the dative after a speech verb (the addressee: "sagte er der „Zeitung“"); a capitalised
       noun-phrase-shaped span of up to ``NAME_MAX_WORDS`` words (prepositions allowed) right after a
       definite article without a cue near ("den „Vertrag über umfassende strategische Partnerschaft“");
       a comparison of at most six words completed in quotes without a cue near ("galt als so eng
       „wie Lippen und Zähne“": a saying). A »…«/«…» span without a cue is a title only when it
       is not sentence-shaped (ends with . ! ?, or over eight words with a comma: speech).  A span starting
       lower-case is near a speech verb when it stands in the speech the verb reports after its
       comma (``_in_reported_clause``): the one clause after a short adverbial ("sagte in Bonn, man
       beobachte das „mit Sorge“") or, up to 25 words on, a clause with a subjunctive ("erklärte,
       Gespräche seien nur denkbar, wenn X das als „unumkehrbare Realität“ anerkenne").
    4. Each remaining quote takes a cue: the cue right after the closing mark ("…“, sagte X"),
       else the last cue before a colon-introduced quote ("X sagte: „…“"), else the nearest cue,
       leaving out a speech verb after the quote in a main clause of its own whose subject comes
       first ("X nannte die Hilfe eine „…“, Y lobte den „…“": "lobte" is Y's clause, not this quote's).
    5. The cue's speaker (``_speaker_for``): the subject noun phrase before the verb in its clause
       ("Kremlberater Juri Uschakow wies …", "Kim wiederum betonte …"; before a relative clause:
       "Der 57-Jährige, der …, sprach"; not a stop word opening the clause: "Zugleich sagte er";
       "er" right after the verb always wins; a genitive before the adjectives is part of it:
       "Putins außenpolitischer Berater X sagte"; a clause may open with "und": "– und X spricht
       von „…“"), else the pronoun or noun
       phrase right after the verb ("erklärte er", "sagte Kremlsprecher Dmitri Peskow", "teilte der
       Kreml mit"), else the noun phrase opening the clause ("Moskau hat … erklärt"), else the
       speaker of another cue in the sentence, else the noun phrase opening the sentence.  A quote
       without a cue after a colon is the sentence subject's ("X hält das für falsch: … „…“"); a
       sentence that is only a quote, without a cue, takes the last speech verb of the previous
       sentence in the same paragraph and its speaker ("…, sagte X. „…“"), else that sentence's
       subject (cue None; "Künftig will der 58-Jährige … . „…“"); so does a partial quote in a
       sentence with a subjunctive verb ("Die Behörden seien „blind und taub“"), and one of four
       words or more that starts lower-case after a speech verb ("X warnte … . Die G20 liefen
       Gefahr, „ihre Daseinsberechtigung zu verlieren“"). Reported speech may go on over several
       sentences in the subjunctive without a cue ("…, sagte X. Das Volk stehe „…“. Der Aufstieg sei
       „…“"): the caller (components) then passes the sentences since X's speech verb as
       ``previous_sentence`` and records how far back it starts in ``previous_back``
       (``is_speech_sentence``, ``reports_without_cue``); a short lower-case quote after the finite
       subjunctive verb of such a sentence is speech, not a term ("X und Y verbinde eine „…“"; the
       subject may be two noun phrases with "und").
       "zitierte" gives whom it cites, its object ("zitierte ihn die Agentur X", "zitierte die Zeitung
       den Minister"), not the agency. "hieß es" gives the author of the document in its clause ("in
       einer Mitteilung des Ministeriums", "aus dem Kreml"; not "in der von X verbreiteten Erklärung"),
       for a document named before ("in der Erklärung", "Darin heißt es") the speaker (else the
       subject) of the sentence before, else nobody: never the sentence's subject, which is what was
       said. A verb-final speech verb takes the subject after the finite auxiliary that opens its
       clause or follows a fronted adverbial or prepositional phrase ("„…“, hatte die Ministerin im
       Frühjahr erklärt", "Kurz zuvor hatte X … genannt"). A colon quote after a fronted predicative
       adjective is the subject's after the copula ("Skeptischer ist X: „…“"). A pronoun opening the
       clause beats a noun phrase after the verb ("Er rief die Bürger … auf").
       A fronted time expression ("Ende August hatte X erklärt") is no subject; a sentence end the
       splitter missed ("vom Typ X-20. Die Agentur nannte …": a period after a word or number, then an
       article or pronoun) starts a clause. Without a cue: "Für die Expertin X ist Y „…“" (the
       frame opening the sentence before its copula) is X's view (cue "für"; a short quote starting
       lower-case there is a judgement, no term); a quote with a first- or second-person pronoun
       ("„Wir …“", "„während ihr …“"; not the possessive "ihr") is the speech of the sentence's
       subject. "Darin heißt es" / "hieß es in der Erklärung" after a sentence that names one
       document with its author in the genitive ("eine Erklärung der Militärkommission") is that
       author's. (records: a quote in a heading that the text below repeats takes the speaker given
       there; a headline that is only a quote takes the article's first speaker; a
       feminine description "die Ministerin" skips people named with a masculine role, and back.)
       A short bracket after a name ("Karner (ÖVP)") is blanked for these rules; "X, genannt Y,"
       is an apposition; a quote within ``NEAR_IN_CLAUSE`` words after a speech verb in its clause
       is near it.
       Noun phrases are: optional article, up to three lowercase adjectives, a run of capitalised
       words (name particles von/van/de/al/bin/... allowed).  Pronouns (er/sie) are returned as
       written; the caller resolves them.

``partial`` is False when the quote opens the sentence, follows a colon, continues a quote from
the previous sentence, or follows an earlier full quote after a short cue frame ("„A“, sagte er,
„B“"); otherwise True.  Known limits: the speaker of a quote continued from the previous
sentence is not looked up there (speaker None unless this sentence has a cue); appositions are
handled in the forms "…, Name, sagte", "Name, Rolle der X, sagte" and "Der Chef im Senat, Name, …".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.lang.de.stop_words import STOP_WORDS

from .dates import MONTHS, PERIOD_PARTS, WEEKDAYS
from .fold import whole_word_starts

__all__ = ["QuoteSpan", "find_quotes", "is_speech_sentence", "reports_without_cue"]

TERM_MAX_WORDS = 3
NEAR_BEFORE = 6  # words between a cue and the opening mark
NEAR_AFTER = 4  # words between the closing mark and a cue
SPEECH_MIN_WORDS = 4  # a quote in the indicative continues the last speech verb from this length
NEAR_IN_CLAUSE = 10  # words between a speech verb and the opening mark in the verb's clause
NEAR_REPORTED = 12  # words between "sagte," and the opening mark in the clause it reports


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """A quote; ``text == sentence[start:end]`` (marks excluded)."""

    text: str
    start: int
    end: int
    partial: bool
    speaker_text: str | None
    speaker_start: int | None
    speaker_end: int | None
    cue: str | None
    # the speaker (and cue) was found in ``previous_sentence``; the speaker offsets are in it
    speaker_in_previous: bool = False
    # for a speaker that is only a description ("sagte der Senator"): the speaker of the speech verb
    # before it in this sentence, or of the last one of ``previous_sentence`` (then
    # ``antecedent_in_previous``): whom the description most likely refers to
    antecedent_start: int | None = None
    antecedent_end: int | None = None
    antecedent_in_previous: bool = False
    # how many sentences back ``previous_sentence`` starts (set by the caller when it passes the
    # sentences since the last speech verb: "X sagte, … . Die Lage sei „…“. Das sei „…“.")
    previous_back: int = 1


# --------------------------------------------------------------------------- quotation marks

# opener -> the closers that end it
_CLOSERS = {
    "„": "“”\"",
    "‚": "‘’",
    "»": "«",
    "«": "»",
    "“": "”“",  # English “…”
    "”": "”",  # Swedish ”…”
    '"': '"',
    "‘": "’",
}
_SINGLE = frozenset("‚‘’")
_GUILLEMETS = frozenset("»«")
_LONE_CLOSERS = frozenset("“”«»\"")
_MARKS = frozenset(_CLOSERS) | frozenset("’")
_OPEN_CONTEXT = frozenset("([{–—-/")
_MARK_RE = re.compile("[" + re.escape("".join(sorted(_MARKS))) + "]")
_CLOSER_RES = {opener: re.compile("[" + re.escape(closers) + "]") for opener, closers in _CLOSERS.items()}


@dataclass(slots=True)
class _Raw:
    """A quote as paired: ``start``/``end`` inside the marks, ``outer_*`` including them."""

    start: int
    end: int
    outer_start: int
    outer_end: int
    opener: str | None
    closed: bool
    continuation: bool = False


def _role(s: str, i: int) -> str | None:
    """ "open", "close" or None for the mark at ``s[i]``, judged by its neighbours."""
    c = s[i]
    if c in "„‚":
        return "open"
    prev = s[i - 1] if i > 0 else ""
    nxt = s[i + 1] if i + 1 < len(s) else ""
    if c == "’" and prev.isalpha() and nxt.isalpha():
        return None  # apostrophe: "geht’s"
    if (not prev or prev.isspace() or prev in _OPEN_CONTEXT) and nxt and not nxt.isspace():
        return None if c == "’" else "open"
    if prev and not prev.isspace():
        return "close"
    return None


def _find_closer(s: str, start: int, opener: str) -> int | None:
    for m in _CLOSER_RES[opener].finditer(s, start):
        j = m.start()
        if opener == '"' or _role(s, j) == "close":
            return j
    return None


def _trimmed(s: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) to exclude surrounding whitespace."""
    while start < end and s[start].isspace():
        start += 1
    while end > start and s[end - 1].isspace():
        end -= 1
    return start, end


def _scan_marks(s: str) -> list[_Raw]:
    """Pair quotation marks left to right (top level only)."""
    out: list[_Raw] = []
    i = 0
    while i < len(s):
        mark = _MARK_RE.search(s, i)  # only marks can start or end a quote
        if mark is None:
            break
        i = mark.start()
        c = s[i]
        role = _role(s, i)
        if role == "open" and c in _CLOSERS:
            j = _find_closer(s, i + 1, c)
            if j is None:
                if c in _SINGLE:
                    i += 1
                    continue
                start, end = _trimmed(s, i + 1, len(s))
                out.append(_Raw(start, end, i, len(s), c, closed=False))
                break
            start, end = _trimmed(s, i + 1, j)
            out.append(_Raw(start, end, i, j + 1, c, closed=True))
            i = j + 1
            continue
        if role == "close" and not out and c in _LONE_CLOSERS and not s[i - 1].isdigit():
            start, end = _trimmed(s, 0, i)
            while start < end and s[start] in "–—-":
                start, end = _trimmed(s, start + 1, end)
            out.append(_Raw(start, end, 0, i + 1, None, closed=True, continuation=True))
        i += 1
    return [r for r in out if r.end > r.start]


def _has_open_quote(text: str) -> bool:
    raws = _scan_marks(text)
    return bool(raws) and not raws[-1].closed


def _mask(s: str, raws: list[_Raw]) -> str:
    """``s`` with every quote (marks included) replaced by "□", offsets preserved; a short
    bracket after a capitalised word ("Gerhard Karner (ÖVP)", "Merz (70)") becomes spaces: a
    party, an age or an acronym added to a name is no part of the sentence's grammar."""
    chars = list(s)
    for r in raws:
        chars[r.outer_start:r.outer_end] = "□" * (r.outer_end - r.outer_start)
    if m := _DATELINE_RE.match(s):  # "TIANJIN (dpa) - ", "Berlin (AFP) – ": no part of the sentence
        chars[:m.end()] = " " * m.end()
    if "(" in s:
        masked = "".join(chars)
        for m in _NAME_BRACKET_RE.finditer(masked):
            start, end = m.span("br")
            chars[start:end] = " " * (end - start)
    return "".join(chars)


# A dateline opening a report: a city in capitals ("TIANJIN", "NEW YORK"), or any city before an
# agency in brackets ("Berlin (dpa)"), then a dash.
_DATELINE_RE = re.compile(
    r"\s*(?:[A-ZÄÖÜ]{3,}(?:[ /.-]+[A-ZÄÖÜ]{2,})*(?:\s*\([^()]{1,40}\))?|[A-ZÄÖÜ][\w./-]*\s*\([^()]{1,40}\))\s*[-–—]\s+")
# "(ÖVP)", "(SPD/CDU)", "(65)", "(Grüne)": at most three words in brackets after a capitalised word
_NAME_BRACKET_RE = re.compile(r"\b[A-ZÄÖÜ][\w-]*(?P<br>\s*\([^()□,;:.!?\s]+(?:\s[^()□,;:.!?\s]+){0,2}\))")


# --------------------------------------------------------------------------- noun phrases

# Capital letters a name may start with: A-Z and those of Latin-1 and Latin Extended-A ("Čeferin",
# "Łukasz", "Ørsted")
_UPPER = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x180)) if c.isupper() and c.lower() != c)
# "Peskow", "Jong-un", initial "J.", "76-Jährige" (also written "76-jährige")
_NAME = rf"(?:(?:Prof|Dr|Dres|Dipl|Ing)\.|(?:\d+-)?[{_UPPER}](?:[\w'’-]*\w|\.)?|\d+-jährige[nr]?\b)"
_PARTICLE = r"(?:von|van|de|da|di|del|al|bin|ibn|le|la)"
_CAPRUN = rf"{_NAME}(?:\s+(?:{_PARTICLE}\s+)?{_NAME})*"
_ARTICLE = r"(?:[Dd](?:er|ie|as|en|em|es)|[Ee]in(?:e|er|en|em|es)?)"
_ADJ = r"(?!(?:der|die|das|den|dem|des|ein\w*|und|oder|sowie|aber|seine\w*|ihre\w*)\b)[a-zäöüß][\w-]*(?:e|en|er|es|em)"
_NP = rf"(?:{_ARTICLE}\s+)?(?:\d+\s+Jahre\s+alte[nr]?\s+)?(?:{_ADJ}\s+){{0,3}}(?P<run>{_CAPRUN})"
_PRONOUN = r"(?:[Ee]r|[Ss]ie)\b"
_PREPOSITIONS = "in|an|auf|aus|bei|mit|nach|von|vor|zu|für|gegen|über|unter|durch|um|seit|hinter|neben|zwischen"

# Capitalised words that cannot start a speaker name (sentence-initial function words).
_NOT_NAMES = frozenset(
    """
    Der Die Das Den Dem Des Ein Eine Einer Einen Einem Eines Dies Diese Dieser Dieses Diesem
    Es Er Sie Wir Ich Ihr Man Wer Was Wie Wo Wann Warum Welche Welcher Jeder Jede Alle Beide
    Im Am In An Auf Aus Bei Mit Nach Vor Von Zu Zum Zur Ohne Unter Über Für Gegen Seit Bis Ab
    Laut Trotz Wegen Während Durch Um Neben Zwischen Hinter Dabei Dazu Damit Darauf Daher Dann
    Doch Aber Und Oder Auch Noch So Nun Jetzt Hier Dort Heute Gestern Morgen Zudem Zuvor Zuletzt
    Anschließend Außerdem Allerdings Jedoch Bereits Schon Später Danach Deshalb Deswegen Denn
    Sondern Sowohl Weder Wenn Weil Dass Ob Als Obwohl Nachdem Bevor Sobald Falls Zunächst
    Teilen Lesen Mehr Weitere Weiter Nein Ja Ihre Seine Sein Unser Unsere
    Darin Darüber Daraus Dafür Dagegen Davon Dadurch Darunter Daneben Dahinter Dorthin
    """.split()
)

_B_PREFIX_RE = re.compile(
    rf"""^\s*(?P<sp>(?P<gen>[{_UPPER}][\w-]*s\s+(?=(?:{_ADJ}\s+){{1,3}}[{_UPPER}]))?
        (?:{_PRONOUN}|{_NP})(?:\s+(?:und|sowie)\s+{_NP.replace('?P<run>', '')})?)
        (?:\s+[a-zäöüß]+){{0,2}}\s*$""",
    re.VERBOSE,
)
_APPOSITION_RE = re.compile(rf",\s*(?P<sp>{_NP})\s*,\s*$", re.VERBOSE)
_AFTER_RE = re.compile(rf"\s+(?P<sp>{_PRONOUN}|{_NP})")
_CLAUSE_START_RE = re.compile(rf"\s*(?P<sp>{_PRONOUN}|{_NP})\s+[a-zäöüß]")
_NP_BEFORE_RE = re.compile(rf"(?P<sp>{_NP})\s*$")
# "Der 57-Jährige, der … abgibt, sprach": the subject before a relative clause that ends right
# before the verb (one clause without commas or quotes), which may open with a preposition ("X,
# in dessen Zuständigkeit … fällt, betonte"); also before an apposition that names the subject
# otherwise ("X, genannt Y, erklärte") or describes it: a noun with a genitive or a prepositional
# phrase ("Bijan Moini, Koordinator der Gruppe, sprach"; a bare name there is the apposition's own
# subject: "Der Sprecher, Jan Novak, sagte").
_RELATIVE_RE = re.compile(
    rf"""(?:^|[;:–—(]|[.!?]\s)\s*(?P<sp>{_NP}|{_PRONOUN})\s*,\s*
        (?:(?:(?:{_PREPOSITIONS})\s+)?(?:der|die|das|dem|den|deren|dessen|welche[rnms]?)\s[^□;:,]*
           |(?:genannt|alias|auch)\s+{_NP.replace('?P<run>', '')}\s*
           |[A-ZÄÖÜ][\w-]*\s+(?:des|der|im|am|vom|von|für|bei)\s+[^□;:,.]*),\s*$""",
    re.VERBOSE,
)
# "Der Mehrheitsführer im Senat, John Thune, verteidigte": a description (article and noun, maybe
# a genitive or prepositional phrase) with a name in apposition is that name's.
_NAMING_APPOSITION_RE = re.compile(
    rf"""(?:\s+(?:{_PREPOSITIONS}|im|am|vom|zum|zur|des|der)\s+[^,□;:.!?]{{1,40}}?)?\s*,\s*(?P<sp>{_NP})\s*,""",
    re.VERBOSE,
)
_DESCRIPTION_RE = re.compile(rf"{_ARTICLE}\s")


def _named(masked: str, span: _Span) -> _Span:
    """The name in apposition after a description ``span``, else ``span``."""
    if _DESCRIPTION_RE.match(masked, span[0]):
        m = _NAMING_APPOSITION_RE.match(masked, span[1])
        if _valid(m) and m.group("run").split()[0] not in _NOT_NAMES:
            return m.span("sp")
    return span
# A word opening a main clause that is no subject: spaCy's German stop words ("Zugleich", "Dabei")
# and the function words above; the subject then follows the verb ("Zugleich sagte er").
_FRONTED = frozenset(STOP_WORDS) | {w.casefold() for w in _NOT_NAMES}
# Between a speech verb and a quoted title: the addressee in the dative ("sagte er der „Zeitung“",
# "sagte der Minister dem „Sender“"), optionally after the speaker.
_ADDRESSEE_RE = re.compile(rf"\s+(?:(?:{_PRONOUN}|{_NP})\s+)?(?:der|dem)\s*")
_BOUNDARY_RE = re.compile(r"[,;:–—()]")
_CONJUNCTION_RE = re.compile(r"\s*(?:und|oder|aber|sondern)\s+(?=[A-ZÄÖÜ]|(?:der|die|das)\s)")
_Span = tuple[int, int]


def _valid(m: re.Match[str] | None) -> bool:
    """The match names someone: its capitalised run does not start with a function word."""
    if m is None:
        return False
    run = m.groupdict().get("run")
    if run is None:  # pronoun
        return True
    return run.split()[0] not in _NOT_NAMES


# --------------------------------------------------------------------------- cues

_SIMPLE_VERBS = """
    sagte sagten sagt sage sagen gesagt
    erklärte erklärten erklärt erkläre erklären
    betonte betonten betont betone betonen
    schrieb schrieben schreibt geschrieben
    warnte warnten warnt warne gewarnt
    meinte meinten meint
    erläuterte erläuterten erläutert
    bekräftigte bekräftigten bekräftigt
    versicherte versicherten versichert
    unterstrich unterstrichen unterstreicht
    kritisierte kritisierten kritisiert
    forderte forderten fordert gefordert
    verkündete verkündeten verkündet
    bestätigte bestätigten bestätigt
    ergänzte ergänzten ergänzt
    antwortete antworteten antwortet geantwortet
    fragte fragten fragt gefragt
    nannte nannten nennt genannt
    bezeichnete bezeichneten bezeichnet
    mitteilte mitteilten mitgeteilt
    hinzufügte hinzufügten hinzugefügt
    zurückwies zurückwiesen zurückgewiesen
    hervorhob hervorhoben hervorgehoben hervorzuheben
    twitterte twitterten postete posteten
    sprach sprachen spricht
    zeigte zeigten zeigt
    mahnte mahnten mahnt
    lobte lobten lobt
    beklagte beklagten beklagt
    erinnerte erinnerten erinnert
    appellierte appellierten appelliert
    drohte drohten droht
    versprach versprachen verspricht versprochen
    äußerte äußerten äußert geäußert äusserte äusserten äussert geäussert
    dankte dankten dankt gedankt bedankte bedankten bedankt
    aufgerufen
    verlauten
    meldete meldeten meldet gemeldet
    zitierte zitierten zitiert
""".split()
# Speech verbs for quotes only (not read by the actor rules): mocking, praising, swearing, testifying,
# and "ließ ausrichten" (as "ließ verlauten")
_QUOTE_ONLY_VERBS = """
    spottete spotteten spottet gespottet höhnte höhnten höhnt witzelte witzelten witzelt
    scherzte scherzten scherzt würdigte würdigten würdigt gewürdigt
    beteuerte beteuerten beteuert behauptete behaupteten behauptet
    entgegnete entgegneten entgegnet erwiderte erwiderten erwidert konterte konterten kontert
    ausgesagt ausrichten
    berichtete berichteten berichtet gelobt gemahnt gedroht
""".split()
_SIMPLE_VERBS = _SIMPLE_VERBS + _QUOTE_ONLY_VERBS

_SIMPLE_RE = re.compile(rf"\b(?P<verb>{'|'.join(_SIMPLE_VERBS)})\b", re.IGNORECASE)

# Separable verbs: finite part ... particle at the end of the clause.
_SEPARABLE_RE = re.compile(
    r"""
    \b(?P<verb>teilte|teilten|teilt
        |fügte|fügten|fügt
        |wies|wiesen|weist
        |hob|hoben|hebt
        |räumte|räumten|räumt
        |kündigte|kündigten|kündigt
        |stellte|stellten|stellt
        |warf|warfen|wirft
        |rief|riefen|ruft
        |sicherte|sicherten|sichert)\b
    (?P<gap>(?:\b(?:zu|zur|zum|für|gegen|mit)\s+□+(?=\s)|[^,.;:!?□]|,\s*[A-ZÄÖÜ][\w-]*(?:\s+[A-ZÄÖÜ][\w-]*){0,3}\s*,){0,80}?)  # a name in apposition, a quote after a preposition ("rief X zu „…“ auf")
    \b(?P<particle>mit|hinzu|zurück|hin|hervor|ein|an|auf|klar|vor|zu(?!\s*□)|in\s+Aussicht)\b
    (?=\s*(?:[,.;:!?–—□"]|und\b|oder\b|$))
    """,
    re.VERBOSE | re.IGNORECASE,
)
# Only these verb+particle pairs are speech cues.
_SEPARABLE_PAIRS = {
    ("teil", "mit"), ("füg", "hinzu"), ("wies", "zurück"), ("weis", "zurück"), ("wies", "hin"),
    ("weis", "hin"), ("hob", "hervor"), ("heb", "hervor"), ("räum", "ein"), ("kündig", "an"),
    ("stell", "klar"), ("warf", "vor"), ("wirf", "vor"), ("stell", "in aussicht"),
    ("rief", "auf"), ("ruf", "auf"),  # "rief die EU auf, … zu beschließen"
    ("sicher", "zu"),  # "sicherte ihm zu, …"
}

# "sprach von"; words between verb and "von" ("sprach vor den Medien von einem „…“") only when a
# quote follows "von" after at most three lower-case words (article, adjectives).
_SPRACH_VON_RE = re.compile(
    r"""\b(?P<verb>sprach|sprachen|spricht|sprechen|gesprochen)\s+(?:(?P<gap>[^,.;:!?□]{1,60}?)\s+)?von\b
        (?(gap)(?=(?:\s+(?-i:[a-zäöüß])[\w-]*){0,3}\s*□))""",
    re.IGNORECASE | re.VERBOSE,
)

_PREP_RE = re.compile(
    r"""\b(?P<prep>laut|nach\s+Angaben(?:\s+(?:von|vom))?|unter\s+Berufung\s+auf)(?=\s)""",
    re.VERBOSE | re.IGNORECASE,
)
_SO_RE = re.compile(r"[,–—]\s*(?P<so>so)\s+(?=[A-ZÄÖÜ]|(?:der|die|das|den)\s)")
_ZUFOLGE_RE = re.compile(r"\b(?P<zufolge>zufolge)\b")
# "hieß es", "heißt es": an impersonal report; who said it is the author of the document named
# with it ("in einer Mitteilung des Ministeriums", "aus dem Kreml"), not the sentence's subject
_HIESS_ES_RE = re.compile(r"\b(?P<verb>hieß|hiess|heißt|heisst)\s+es\b", re.IGNORECASE)
_HIESS_WORDS = frozenset({"hieß", "hiess", "heißt", "heisst"})
_WORTEN_RE = re.compile(r"\bnach\s+(?:seinen|ihren|eigenen)\s+Worten\b", re.IGNORECASE)

_TITLE_NOUN_RE = re.compile(
    r"""(?:Buch|Roman|Film|Titel|Serie|Sendung|Album|Lied|Song|Zeitung|Magazin|Operation|Motto
        |Slogan|Programm|Initiative|Projekt|Kampagne|Dokumentation|Bestseller|Kolumne|Rubrik
        |Hashtag|Schlagzeile)(?:s|es|e|en|n)?
        \s+(?:{art}\s+)?$""".format(art=_ARTICLE),
    re.VERBOSE,
)

_FUNCTION_WORDS = frozenset(
    "und oder des der die das den dem von vom an am im in zu zum zur für mit gegen auf aus ohne "
    "nach ein eine einer eines einem einen".split()
)


@dataclass(frozen=True, slots=True)
class _Cue:
    start: int
    end: int
    text: str
    # "verb", "after" (speaker follows: laut/so/...), "before" (zufolge), "anaphoric", "impersonal" (hieß es)
    kind: str
    verb_start: int
    verb_end: int


# The words each cue pattern starts with (lowercase, whole words: \b...\b). A case-insensitive
# alternation of many verbs is slow to try at every position of a sentence, so the patterns are
# tried only where a \w+ run is one of their first words: the same matches as finditer.
_SEPARABLE_WORDS = frozenset("teilte teilten teilt fügte fügten fügt wies wiesen weist hob hoben hebt "
                             "räumte räumten räumt kündigte kündigten kündigt stellte stellten stellt "
                             "warf warfen wirft rief riefen ruft sicherte sicherten sichert".split())
_SIMPLE_WORDS = frozenset(_SIMPLE_VERBS)
# also read by the actor rules: "sagte Selenskyj" (not "meldete Reuters", "zitierte die Agentur Kim")
SPEECH_VERBS = _SIMPLE_WORDS - set(_QUOTE_ONLY_VERBS) - {"meldete", "meldeten", "meldet", "gemeldet", "zitierte", "zitierten", "zitiert"}
_ZITIER = frozenset({"zitierte", "zitierten", "zitiert"})
_SPRACH_WORDS = frozenset("sprach sprachen spricht sprechen gesprochen".split())
_PREP_WORDS = frozenset({"laut", "nach", "unter"})
_CUE_WORDS = _SEPARABLE_WORDS | _SIMPLE_WORDS | _SPRACH_WORDS | _PREP_WORDS | _HIESS_WORDS | {"so", "zufolge"}
_WORD_RUN_RE = re.compile(r"\w+")
# Letters that re.IGNORECASE matches differently from str.lower() ("ſ" matches "s"): with one
# of them the patterns are tried everywhere (finditer).
_ODD_CASE_RE = re.compile("[\u017f\u0131\u0130\u212a]")  # ſ ı İ and the Kelvin sign


def _word_starts(masked: str) -> dict[str, list[int]] | None:
    """Cue word (lowercase) -> where it starts in ``masked``, for the cue words it has; None when
    lower-casing cannot stand in for re.IGNORECASE."""
    if _ODD_CASE_RE.search(masked):
        return None
    low = masked.lower()  # same offsets: no odd letters
    return {word: whole_word_starts(word, low)
            for word in _CUE_WORDS.intersection(_WORD_RUN_RE.findall(low))}


def _matches(pattern: re.Pattern[str], masked: str, starts: dict[str, list[int]] | None,
             first_words: frozenset[str]) -> list[re.Match[str]]:
    """``list(pattern.finditer(masked))`` for a pattern whose every match starts with one of
    ``first_words`` as a whole word."""
    if starts is None:
        return list(pattern.finditer(masked))
    found: list[re.Match[str]] = []
    candidates = [pos for word in first_words.intersection(starts) for pos in starts[word]]
    end = 0
    for pos in sorted(candidates):
        if pos >= end and (m := pattern.match(masked, pos)):
            found.append(m)
            end = m.end() if m.end() > pos else pos + 1
    return found


def _simple_verbs(masked: str, starts: dict[str, list[int]] | None) -> list[tuple[int, int]]:
    """Spans of ``_SIMPLE_RE.finditer(masked)``: a match is a whole word, so it is exactly a word
    that is one of the verbs (no pattern to try at all)."""
    if starts is None:
        return [m.span() for m in _SIMPLE_RE.finditer(masked)]
    return sorted((pos, pos + len(word)) for word in _SIMPLE_WORDS.intersection(starts) for pos in starts[word])


def _find_cues(masked: str) -> list[_Cue]:
    """All speech cues outside quotes, in order."""
    starts = _word_starts(masked)
    cues: list[_Cue] = []
    for m in _matches(_SEPARABLE_RE, masked, starts, _SEPARABLE_WORDS):
        verb, particle = m.group("verb"), _SPACES_RE.sub(" ", m.group("particle"))
        stem = _STEM_END_RE.sub("", verb.lower()) or verb.lower()
        if (stem, particle.lower()) in _SEPARABLE_PAIRS:
            cues.append(_Cue(m.start(), m.end(), f"{verb} {particle}", "verb", *m.span("verb")))
    taken = [(c.verb_start, c.verb_end) for c in cues]
    for start, end in _simple_verbs(masked, starts):
        if masked[start:end] == "genannt" and masked[:start].rstrip().endswith(","):
            continue  # an apposition names someone otherwise: "Daglo, genannt Hemeti, erklärte"
        if masked[start:end].lower() == "ausrichten" and not _LIESS_RE.search(masked, 0, start):
            continue  # "ließ ausrichten" reports, "ein Turnier ausrichten" hosts
        if masked[start:end].lower() in _BERICHT and not masked[:start].rstrip().endswith(",") and not (
                _COLON_QUOTE_AHEAD_RE.match(masked, end)):
            continue  # "…, berichtete X" reports speech, "berichtete über den „…“" a topic
        if all(not (s <= start < e) for s, e in taken):
            cues.append(_Cue(start, end, masked[start:end], "verb", start, end))
    taken = [(c.verb_start, c.verb_end) for c in cues]
    for m in _matches(_RIEF_RE, masked, starts, _RIEF_WORDS):
        # "„…“, rief Xi", "rief er: „…“": exclaimed (elsewhere "rief" calls someone: "rief die Polizei")
        if all(not (s <= m.start("verb") < e) for s, e in taken) and (
                m.group("colon") is not None or _AFTER_QUOTE_COMMA_RE.search(masked, 0, m.start())):
            cues.append(_Cue(*m.span("verb"), m.group("verb"), "verb", *m.span("verb")))
    for m in _matches(_SPRACH_VON_RE, masked, starts, _SPRACH_WORDS):
        cues.append(_Cue(m.start(), m.end(), f"{m.group('verb')} von", "verb", *m.span("verb")))
    for m in _matches(_HIESS_ES_RE, masked, starts, _HIESS_WORDS):
        cues.append(_Cue(m.start(), m.end(), _SPACES_RE.sub(" ", m.group()), "impersonal", *m.span("verb")))
    for m in _matches(_PREP_RE, masked, starts, _PREP_WORDS):
        cues.append(_Cue(m.start(), m.end(), _SPACES_RE.sub(" ", m.group()), "after", m.start(), m.end()))
    if starts is None or "so" in starts:  # the match starts at the comma or dash before "so"
        for m in _SO_RE.finditer(masked):
            cues.append(_Cue(*m.span("so"), "so", "after", *m.span("so")))
    if starts is None or "zufolge" in starts:  # case-sensitive
        for m in _ZUFOLGE_RE.finditer(masked):
            cues.append(_Cue(m.start(), m.end(), "zufolge", "before", m.start(), m.end()))
    for m in _matches(_WORTEN_RE, masked, starts, _NACH):
        cues.append(_Cue(m.start(), m.end(), _SPACES_RE.sub(" ", m.group()), "anaphoric", m.start(), m.end()))
    return sorted(cues, key=lambda c: c.start)


_NACH = frozenset({"nach"})
_BERICHT = frozenset({"berichtete", "berichteten", "berichtet"})
_COLON_QUOTE_AHEAD_RE = re.compile(r"[^,.;:!?□]{0,40}:\s*□")
_LIESS_RE = re.compile(r"\b(?:ließ|ließen|liess|liessen|lässt|lassen)\b[^,;:.!?□]{0,60}$", re.IGNORECASE)
_RIEF_WORDS = frozenset({"rief", "riefen", "ruft"})
_RIEF_RE = re.compile(r"(?P<verb>rief|riefen|ruft)\b(?P<colon>(?=[^,.;:!?□]{0,40}:\s*□))?", re.IGNORECASE)
_AFTER_QUOTE_COMMA_RE = re.compile(r"□\s*,\s*$")
_STEM_END_RE = re.compile(r"(?:te|ten|t|en)$")
_SPACES_RE = re.compile(r"\s+")
_WORD_OR_HYPHEN_RE = re.compile(r"[\w-]+")


def _words_between(masked: str, a: int, b: int) -> int:
    return len(_WORD_OR_HYPHEN_RE.findall(masked, a, b)) if a < b else 0


def _distance(masked: str, cue: _Cue, raw: _Raw) -> tuple[int, str]:
    """Words between cue and quote, and on which side the cue is."""
    if cue.end <= raw.outer_start:
        return _words_between(masked, cue.end, raw.outer_start), "before"
    return _words_between(masked, raw.outer_end, cue.start), "after"


def _is_near(masked: str, cue: _Cue, raw: _Raw) -> bool:
    """Within ``NEAR_BEFORE``/``NEAR_AFTER`` words of the cue; after a speech verb in the same
    clause (no comma, colon, dash or bracket between) within ``NEAR_IN_CLAUSE`` words: "nannte den
    Gipfel trotz der Abwesenheit der USA „ein wichtiges Signal“"."""
    words, side = _distance(masked, cue, raw)
    if side == "after":
        return words <= NEAR_AFTER
    return words <= NEAR_BEFORE or cue.kind == "verb" and (
        words <= NEAR_IN_CLAUSE and _BOUNDARY_RE.search(masked, cue.end, raw.outer_start) is None
        # the clause a speech verb introduces after its comma: "hatte gesagt, ein Angriff auf das
        # Land könne für die Region eine „ernste Lage“ darstellen"
        or words <= NEAR_REPORTED and _REPORTED_RE.fullmatch(masked, cue.end, raw.outer_start) is not None)


_REPORTED_RE = re.compile(r"\s*,[^,;:–—()□]*")


# --------------------------------------------------------------------------- term filter


def _np_shaped(text: str, prepositions: bool = False) -> bool:
    """Looks like a name/term: capitalised words, function words, adjectives before a noun
    (``prepositions``: any preposition too, "Vertrag über umfassende strategische Partnerschaft")."""
    if re.search(r"[.!?…]\s*$", text):
        return False
    words = [w.strip(",;:()'’") for w in text.split()]
    if not any(w[:1].isupper() for w in words):
        return False
    for i, w in enumerate(words):
        if w[:1].isupper() or w in _FUNCTION_WORDS or prepositions and w in _PP_FRONT:
            continue
        if re.fullmatch(_ADJ, w) and i < len(words) - 1:
            continue
        return False
    return True


def _is_term(sentence: str, masked: str, raw: _Raw, cues: list[_Cue],
             reported: Callable[[], bool] | None = None) -> bool:
    """True when the quoted span names a thing rather than reporting speech. ``reported()``: the
    sentence continues the speech reported in the sentence before (a subjunctive after a speech
    verb there), where a short quote starting lower-case right after a subjunctive copula is the
    speaker's judgement ("Die Frage sei eine „innere Angelegenheit“"), not a name (as "Die Ziele der
    „militärischen Operation“ würden erreicht")."""
    near = any(_is_near(masked, c, raw) for c in cues)
    if raw.opener is not None and _TITLE_NOUN_RE.search(sentence, 0, raw.outer_start):
        return True
    if raw.opener in _SINGLE and not near:
        return True
    if raw.opener is not None and _is_addressee(sentence, masked, raw, cues):
        return True
    if raw.opener is not None and _NAMING_RE.search(masked, 0, raw.outer_start):
        return True  # a name, however long: "Offiziell heißt der Tag „…“", "die sogenannte „…“"
    text = sentence[raw.start:raw.end]
    if len(text.split()) <= TERM_MAX_WORDS and _in_generic_clause(masked, raw, cues):
        return True  # what anyone says is a word talked about: "Wer von einer „Achse“ spricht, …"
    if not near and _opinion_frame(masked, raw) is not None and not text[:1].isupper():
        near = True  # a judgement in the view framed: "Für die Expertin X ist das „ein Irrweg“"
    if not near and text[:1].islower() and any(_in_reported_clause(masked, c, raw) for c in cues):
        near = True  # "erklärte, Gespräche seien nur denkbar, wenn X das als „…“ anerkenne"
    if not near and _COMPARISON_RE.search(masked, 0, raw.outer_start) and _COMPARISON_START_RE.match(text) \
            and len(text.split()) <= 2 * TERM_MAX_WORDS:
        return True  # a comparison, a saying: "galt als so eng „wie Lippen und Zähne“"
    if raw.closed and sentence.startswith("-", raw.outer_end) and _np_shaped(text):
        return True  # the first part of a compound: "die „Bild“-Zeitung"
    if raw.opener in _GUILLEMETS and not near and not text[:1].islower() and (
            not cues and not _sentence_shaped(text) or _np_shaped(text)):
        # a title ("Sein Buch »Digitale Demenz«"); words of speech may start lower-case, and a
        # sentence in a sentence with a speech verb is speech, as in „…“
        return True
    n_words = len(text.split())
    if (raw.opener is not None and not near and text[:1].isupper() and n_words <= NAME_MAX_WORDS
            and _DEFINITE_BEFORE_RE.search(masked, 0, raw.outer_start) and _np_shaped(text, prepositions=True)):
        return True  # a name after a definite article: "den „Vertrag über umfassende strategische Partnerschaft“"
    if n_words > TERM_MAX_WORDS or near or not _np_shaped(text):
        return False
    return not (text[:1].islower() and reported is not None
                and (_PREDICATE_RE.search(masked, 0, raw.outer_start) is not None
                     or _after_subjunctive_verb(masked, raw)) and reported())


def _after_subjunctive_verb(masked: str, raw: _Raw) -> bool:
    """The quote stands after the finite subjunctive verb of a main clause, in that clause: its
    object or predicate ("X und Y verbinde eine „unbesiegbare Kampfbruderschaft“"), not a part of
    its subject ("Die Ziele der „militärischen Operation“ würden erreicht")."""
    m = _V2_SUBJUNCTIVE_RE.match(masked)
    return m is not None and m.end() <= raw.outer_start and _BOUNDARY_RE.search(masked, m.end(), raw.outer_start) is None


NAME_MAX_WORDS = 8
# "so eng „wie …“", "gilt „als …“": the quote completes a comparison made outside it
_COMPARISON_RE = re.compile(r"\b(?:so|genauso|ebenso)\s+[a-zäöüß]+\s*$")
_COMPARISON_START_RE = re.compile(r"wie\s")


def _sentence_shaped(text: str) -> bool:
    """A sentence of speech, no title: it ends with . ! ? or runs over a comma into a second clause."""
    return re.search(r"[.!?…]\s*$", text) is not None or len(text.split()) > NAME_MAX_WORDS and "," in text

_DEFINITE_BEFORE_RE = re.compile(r"\b(?:der|die|das|den|dem|des)\s*$")


# A verb that names ("heißt", "hieß", "nennt sich"; not "heißt es", which reports), or "sogenannt",
# "namens", then at most three words (the named thing, an adverb) before the opening mark.
_NAMING_RE = re.compile(
    r"""\b(?:(?:hei(?:ß|ss)(?:t|en)|hie(?:ß|ss)(?:en)?)(?!\s+es\b)|(?:nennt|nennen|nannte|nannten)\s+sich
        |(?:so\s*)?genannte[nmrs]?|namens)
        (?:\s+[^\s□,;:.!?–—()]+){0,3}\s*$""",
    re.VERBOSE | re.IGNORECASE,
)
# A clause opened by the generic "wer" (maybe after "doch", "und", "aber")
_GENERIC_RE = re.compile(r"\s*(?:(?:[Dd]och|[Uu]nd|[Aa]ber|[Dd]enn)\s+)?[Ww]er\b")


def _in_generic_clause(masked: str, raw: _Raw, cues: list[_Cue]) -> bool:
    """The quote stands in a clause opened by "wer" before that clause's speech verb: "Wer „Nein“
    sagt, …", "Doch wer von einer „Achse“ spricht, übersieht …" (nobody's words: a term)."""
    for c in cues:
        if c.kind == "verb" and raw.outer_end <= c.verb_start:
            start = _clause_start(masked, c.verb_start)
            if start <= raw.outer_start and _GENERIC_RE.match(masked, start):
                return True
    return False


# After a speech verb, maybe a short adverbial, a comma and the clauses it reports (commas only)
_REPORTED_CLAUSES_RE = re.compile(r"[^,;:–—()□.!?]{0,40},[^;:–—()□.!?]*")
_ADVERBIAL_REPORTED_RE = re.compile(r"(?:\s+[^\s,;:–—()□.!?]+){1,4}\s*,[^,;:–—()□]*")
# A verb-final subjunctive I ("…, wenn X das anerkenne"; not the preterite "-te")
_FINAL_SUBJUNCTIVE_RE = re.compile(r"\b[a-zäöüß]{2,}[^aeiouäöüt\s]e\s*$")


def _in_reported_clause(masked: str, cue: _Cue, raw: _Raw) -> bool:
    """The quote stands in the speech a verb reports after its comma: in the one clause after a
    short adverbial ("sagte in Bonn, man beobachte das „mit Sorge“"), or in a clause with a verb in
    the subjunctive ("erklärte, Gespräche seien
    nur denkbar, wenn X den Besitz als „unumkehrbare Realität“ anerkenne" (not in a clause in the
    indicative after it: "…, der Plan komme, und in der Region wurde die „ernste Lage“ ausgerufen")."""
    if cue.kind != "verb" or cue.end > raw.outer_start or _words_between(masked, cue.end, raw.outer_start) > 25:
        return False
    if _REPORTED_CLAUSES_RE.fullmatch(masked, cue.end, raw.outer_start) is None:
        return False
    if (_words_between(masked, cue.end, raw.outer_start) <= NEAR_REPORTED
            and _ADVERBIAL_REPORTED_RE.fullmatch(masked, cue.end, raw.outer_start)):
        return True  # the one clause after a short adverbial and the comma: "sagte in Bonn, man …"
    start = _clause_start(masked, raw.outer_start)
    end = _BOUNDARY_RE.search(masked, raw.outer_end)
    end_sentence = re.search(r"[.!?]", masked[raw.outer_end:])
    stop = min(x for x in (end.start() if end else len(masked),
                           raw.outer_end + end_sentence.start() if end_sentence else len(masked)))
    clause = masked[start:stop]
    return (_SUBJUNCTIVE_RE.search(clause) is not None or _V2_SUBJUNCTIVE_RE.match(clause) is not None
            or _FINAL_SUBJUNCTIVE_RE.search(clause) is not None)


# A subjunctive copula and at most two of: an article, a negation, "nur" ("sei eine", "wären keine")
_PREDICATE_RE = re.compile(
    r"\b(?:sei|seien|wäre|wären|werde|würde|würden)\s+(?:(?:ein|eine|einer|eines|kein|keine|keiner|nicht|nur|nichts)\s+){0,2}$")


def _is_addressee(sentence: str, masked: str, raw: _Raw, cues: list[_Cue]) -> bool:
    """A quoted name in the dative after a speech verb is whom it was said to, a newspaper or a
    broadcaster ("sagte er der „Zeitung“"), not a quote: short, noun-phrase-shaped, capitalised."""
    text = sentence[raw.start:raw.end]
    if not text[:1].isupper() or len(text.split()) > TERM_MAX_WORDS or not _np_shaped(text):
        return False
    return any(c.kind == "verb" and c.verb_end < raw.outer_start
               and _ADDRESSEE_RE.fullmatch(masked, c.verb_end, raw.outer_start) for c in cues)


# --------------------------------------------------------------------------- speakers

def _clause_start(masked: str, pos: int) -> int:
    last = None
    for last in _CLAUSE_BOUNDARY_RE.finditer(masked, 0, pos):
        pass
    return last.end() if last else 0


# a boundary, or a sentence end the sentence splitter missed: a period after a number or a word
# and an article or pronoun opening the next sentence ("vom Typ Hwasong-20. Die Agentur nannte …")
_CLAUSE_BOUNDARY_RE = re.compile(r"[,;:–—()]|(?<=[\w-][\w])[.!?]\s+(?=(?:Der|Die|Das|Ein|Eine|Er|Sie|Es|Wir|Ich)\s)")


def _impersonal_source(masked: str, cue: _Cue) -> tuple[str, _Span | None]:
    """Who "hieß es" reports: ("author", span) for the author of the document named in its clause
    ("hieß es in einer Mitteilung des Ministeriums", "von X", "hieß es aus dem Kreml"); ("previous",
    None) for a document already named ("hieß es in der Erklärung", "Darin heißt es"): the speaker
    of the sentence before; else ("none", None): not the sentence's subject, which is what was said."""
    start = _clause_start(masked, cue.start)
    end = _BOUNDARY_RE.search(masked, cue.end)
    stop = re.search(r"[.!?]\s|[.!?]$", masked[cue.end:])
    clause_end = min(end.start() if end else len(masked), cue.end + stop.start() if stop else len(masked))
    clause = (start, clause_end)
    for m in _DOCUMENT_AUTHOR_RE.finditer(masked, *clause):
        if _valid(m):
            return "author", m.span("sp")
    m = _FROM_SOURCE_RE.search(masked, cue.end, clause_end)
    if _valid(m):
        return "author", m.span("sp")
    if _DEFINITE_DOCUMENT_RE.search(masked, *clause):
        return "previous", None
    return "none", None


# "in einer Mitteilung des Außenministeriums", "in einer Erklärung von X": a document and its author
_DOCUMENT_AUTHOR_RE = re.compile(
    rf"""\b(?:in|aus)\s+(?:{_ARTICLE}|seine[rmn]?|ihre[rmn]?)\s+(?:{_ADJ}\s+){{0,3}}[A-ZÄÖÜ][\w-]*
        \s+(?:von\s+|vom\s+)?(?P<sp>(?:(?:des|der|dem)\s+)?(?:{_ADJ}\s+){{0,3}}(?P<run>{_CAPRUN}))""",
    re.VERBOSE,
)
# A document named with its author in the genitive: "eine Erklärung der Zentralen Militärkommission"
_DOCUMENT_NOUN = (r"[\w-]*(?:Erklärung|Mitteilung|Stellungnahme|Bericht|Brief|Schreiben|Papier|Dokument"
                  r"|Resolution|Beschluss|Botschaft|Kommuniqué|Kommunique|Studie|Gutachten)(?:e|en|s|es)?")
_DOCUMENT_GENITIVE_RE = re.compile(
    rf"""\b{_ARTICLE}\s+(?:{_ADJ}\s+){{0,3}}{_DOCUMENT_NOUN}
        \s+(?P<sp>(?:des|der)\s+(?:{_ADJ}\s+){{0,3}}(?P<run>{_CAPRUN}))""",
    re.VERBOSE,
)


def _document_author(previous: str) -> _Span | None:
    """The author of the one document the sentence before names in the genitive, which a
    following "Darin heißt es" / "hieß es in der Erklärung" quotes."""
    if previous.rstrip(" \t").endswith("\n"):
        return None  # a new paragraph
    masked = _mask(previous, _scan_marks(previous))
    found = [m for m in _DOCUMENT_GENITIVE_RE.finditer(masked) if _valid(m)]
    return found[-1].span("sp") if len(found) == 1 else None


# "hieß es aus dem Kreml", "hieß es von der Regierung"
# (not an attribute: "in der von KCNA verbreiteten Erklärung" names who spread it)
_FROM_SOURCE_RE = re.compile(rf"\b(?:aus|von|vom)\s+(?P<sp>{_NP})\b(?!\s+[a-zäöüß][\w-]*\s+[A-ZÄÖÜ])")
# "in der Erklärung", "in dem Papier", "in der von X verbreiteten Erklärung", "darin", "dort"
_DEFINITE_DOCUMENT_RE = re.compile(
    r"\b(?:(?:in|aus)\s+(?:der|dem|diese[rm])\s|[Dd]arin\b|[Dd]ort\b)")


def _zitiert_speaker(masked: str, cue: _Cue, subject: _Span | None) -> _Span | None:
    """Whom "zitierte" cites: its object, not the agency citing ("zitierte ihn die Agentur X",
    "zitierte die Agentur X den Minister", "Die Zeitung zitierte den Minister"); without an object
    the one named ("Kim wurde mit den Worten zitiert")."""
    if m := re.match(r"\s+(?P<sp>ihn|ihm)\b|\s+(?P<sie>[Ss]ie)\s+(?=(?:der|die|das|den)\s)", masked[cue.verb_end:]):
        group = "sp" if m.group("sp") else "sie"
        return cue.verb_end + m.start(group), cue.verb_end + m.end(group)
    after = _AFTER_RE.match(masked, cue.verb_end)
    if subject is not None:
        return after.span("sp") if _valid(after) and after.group("sp") not in ("er", "sie") else subject
    if not _valid(after):
        return None
    if (obj := _AFTER_RE.match(masked, after.end("sp"))) and _valid(obj) and obj.group("sp") not in ("er", "sie"):
        return obj.span("sp")
    return after.span("sp")


def _direct_speaker(masked: str, cue: _Cue) -> _Span | None:
    """Speaker tied to the cue by position: before the verb, after it, or at its clause start."""
    if cue.kind == "anaphoric":
        return None
    if cue.kind == "impersonal":
        return _impersonal_source(masked, cue)[1]
    if cue.text.lower() in _ZITIER:
        return _zitiert_speaker(masked, cue, _plain_direct_speaker(masked, cue, before_only=True))
    return _plain_direct_speaker(masked, cue)


def _plain_direct_speaker(masked: str, cue: _Cue, before_only: bool = False) -> _Span | None:
    if cue.kind == "after":
        m = _AFTER_RE.match(masked, cue.end)
        return m.span("sp") if _valid(m) else None
    if cue.kind == "before":
        m = _NP_BEFORE_RE.search(masked, 0, cue.start)
        return m.span("sp") if _valid(m) else None
    start = _clause_start(masked, cue.verb_start)
    if m := _CONJUNCTION_RE.match(masked, start, cue.verb_start):
        start = m.end()  # "… – und Machthaber X spricht von „…“": a main clause after "und"
    after = _AFTER_RE.match(masked, cue.verb_end)
    after = after if _valid(after) else None
    if after and after.group("sp") == "er":
        return after.span("sp")  # nominative only: "er" after the verb is its subject
    m = _B_PREFIX_RE.match(masked[start:cue.verb_start])
    prefix = _valid(m)
    if prefix:
        sp, sp_start = m.group("sp"), m.start("sp")
        if (gen := m.group("gen")) and (gen.strip().casefold() in _FRONTED or _ADVERB_RE.fullmatch(gen.strip())):
            sp, sp_start = sp[len(gen):], m.end("gen")  # "Erstmals", "Bislang": no genitive
        # a genitive before the adjectives is part of the subject: "Chinas neuer Präsident X sagte"
        if not (after and sp == m.group("run") and sp.casefold() in _FRONTED):
            return sp_start + start, m.end("sp") + start
    if before_only:
        return None
    if not prefix and start > 0 and masked[start - 1] == "," and not masked[start:cue.verb_start].strip():
        m = _RELATIVE_RE.search(masked, 0, start)
        if _valid(m):
            return m.span("sp")
    m = _AUX_SUBJECT_RE.match(masked, start, cue.verb_start)
    if _valid(m) and _fronted_ok(m.group("front")):
        # a verb-final speech verb: the subject follows the finite auxiliary ("„…“, hatte die
        # Ministerin im Frühjahr erklärt", "Kurz zuvor hatte die Ministerin X einen „…“ genannt")
        return _named(masked, m.span("sp"))
    m = _APPOSITION_RE.search(masked, 0, cue.verb_start)
    if _valid(m):
        return m.span("sp")
    if after:
        return _named(masked, after.span("sp"))  # "wies der Sprecher des Amts, Jan Novak, … zurück"
    m = _CLAUSE_START_RE.match(masked, start, cue.verb_start)
    if _valid(m):
        return _named(masked, m.span("sp"))
    return None


# A clause with a finite auxiliary or modal verb first or after a fronted adverbial, then its subject
_AUX_SUBJECT_RE = re.compile(
    rf"""\s*(?P<front>(?:[^\s,;:–—()□.!?]+\s+){{0,3}}?)
        (?:hat|hatte|hatten|haben|habe|hätte|hätten|ist|war|waren|sind|wird|wurde|wurden|würde|würden
           |soll|sollte|will|wollte|kann|konnte|muss|musste)
        \s+(?P<sp>{_PRONOUN}|{_NP})(?=[\s,;:.!?□–—]|$)""",
    re.VERBOSE,
)
_PP_FRONT = frozenset(_PREPOSITIONS.split("|")) | {"im", "am", "vom", "zum", "zur", "beim", "ins"}


def _fronted_ok(front: str) -> bool:
    """What stands before the auxiliary is no subject: nothing, adverbs and function words ("Kurz
    zuvor", "Damals"), or a prepositional phrase ("Im Frühjahr", "Nach dem Treffen")."""
    words = front.split()
    if not words or words[0].casefold() in _PP_FRONT:
        return True
    return all(w.casefold() in _FRONTED or _ADVERB_RE.fullmatch(w) or w.islower() or w in _TIME_WORDS
               or w.rstrip(".").isdigit() for w in words)


# Words of a fronted time expression ("Ende August", "Vergangene Woche", "Anfang 2024"): no subject
# Words that open a time expression ("Ende August hatte X erklärt"): no speaker
_TIME_WORDS = frozenset([*(w.capitalize() for w in (*MONTHS, *WEEKDAYS) if not w.endswith(".")), *PERIOD_PARTS,
                         *"Woche Wochenende Monat Jahr Vergangene Vergangenen Letzte Letzten Vorige Vorigen".split()])


def _speaker_for(masked: str, cue: _Cue, cues: list[_Cue]) -> _Span | None:
    """Speaker of ``cue``; falls back to another cue's speaker, then to the sentence subject."""
    span = _direct_speaker(masked, cue)
    if span or cue.kind == "impersonal":
        return span  # "Pyongyang habe „…“, hieß es": the subject is what was said, not who said it
    others = sorted((c for c in cues if c is not cue), key=lambda c: abs(c.start - cue.start))
    for other in others:
        if span := _direct_speaker(masked, other):
            return span
    m = _CLAUSE_START_RE.match(masked)
    return _named(masked, m.span("sp")) if _valid(m) else None


def _choose_cue(sentence: str, masked: str, raw: _Raw, cues: list[_Cue]) -> _Cue | None:
    """Postposed cue ("…“, sagte"), else cue before a colon ("sagte: „…“"), else the nearest."""
    if not cues:
        return None
    after = re.match(r"[\s,–—-]*", masked[raw.outer_end:]).end() + raw.outer_end
    for c in cues:
        if c.start == after and c.kind in ("verb", "after"):
            return c
    if sentence[:raw.outer_start].rstrip().endswith(":"):
        before = [c for c in cues if c.end <= raw.outer_start]
        if before:
            return before[-1]
    # a speech verb after the quote in a main clause of its own, its subject first ("Kim nannte die
    # Hilfe eine „…“, Putin lobte den „…“"), reports that clause, not this quote
    own = [c for c in cues if not _own_clause_after(masked, c, raw)]
    return min(own or cues, key=lambda c: (_distance(masked, c, raw)[0], c.start > raw.start))


def _own_clause_after(masked: str, cue: _Cue, raw: _Raw) -> bool:
    if cue.kind != "verb" or cue.start < raw.outer_end:
        return False
    start = _clause_start(masked, cue.verb_start)
    if start <= raw.outer_end:
        return False
    m = _B_PREFIX_RE.match(masked[start:cue.verb_start])
    return _valid(m) and m.group("sp").strip().casefold() not in _FRONTED


# --------------------------------------------------------------------------- main


def _is_partial(sentence: str, masked: str, raw: _Raw, prev: QuoteSpan | None, prev_raw: _Raw | None) -> bool:
    if raw.continuation:
        return False
    before = sentence[:raw.outer_start].strip()
    if not before or before.endswith(":"):
        return False
    if prev is not None and prev_raw is not None and not prev.partial:
        between = masked[prev_raw.outer_end:raw.outer_start]
        if _words_between(masked, prev_raw.outer_end, raw.outer_start) <= 8 and _find_cues(between):
            return False  # „A“, sagte er, „B“
    return True


def find_quotes(sentence: str, *, previous_sentence: str | None = None) -> list[QuoteSpan]:
    """Direct quotes in ``sentence`` with speaker and cue; quoted names/terms are left out.

    A quote that is the whole sentence and has no cue of its own takes the last speech verb of
    ``previous_sentence`` and its speaker (``speaker_in_previous``: offsets in that sentence)."""
    raws = _scan_marks(sentence)
    if raws and raws[0].continuation and previous_sentence is not None:
        if not _has_open_quote(previous_sentence):
            raws = raws[1:]
    if not raws:
        return []  # no quotation marks, nothing to attribute
    masked = _mask(sentence, raws)
    cues = _find_cues(masked)

    out: list[QuoteSpan] = []
    prev_raw: _Raw | None = None
    reported: list[bool] = []  # computed once, when a quote needs it

    def reports() -> bool:
        if not reported:
            found = _speech_before(previous_sentence) if previous_sentence is not None and not cues else None
            reported.append(found is not None and found[0] is not None and _reports_speech(masked))
        return reported[0]

    for raw in raws:
        if _is_term(sentence, masked, raw, cues, reports):
            continue
        cue = _choose_cue(sentence, masked, raw, cues)
        span = _speaker_for(masked, cue, cues) if cue else None
        partial = _is_partial(sentence, masked, raw, out[-1] if out else None, prev_raw)
        speaker_source, in_previous = sentence, False
        if cue is not None and cue.kind == "impersonal" and previous_sentence is not None and (
                _impersonal_source(masked, cue)[0] == "previous"):
            # "Darin wies sie … zurück. X habe „…“, hieß es in der Erklärung": the document's author
            # (or the subject of the sentence before: a person only, as for a quote without a cue)
            found = _speech_before(previous_sentence)
            author = _document_author(previous_sentence)
            if author is not None:
                # "KCNA veröffentlichte eine Erklärung der Militärkommission. Darin heißt es, …": its author
                span, speaker_source, in_previous = author, previous_sentence, True
            elif found is not None:
                span, speaker_source, in_previous = found[1], previous_sentence, True
                cue = found[0]  # None: the records take the subject only when it names a person
        elif cue is None and ":" in masked[:raw.outer_start]:
            # "X hält das für einen Fehler: …verlange „…“": what follows a colon is the subject's
            # (after a fronted predicative adjective: "Skeptischer ist X: „…“")
            m = _PREDICATIVE_FRONT_RE.match(masked) or _CLAUSE_START_RE.match(masked)
            span = _named(masked, m.span("sp")) if _valid(m) else None
        elif cue is None and previous_sentence is not None and (
                _is_whole_sentence(sentence, raw) or partial):
            found = _speech_before(previous_sentence)
            if found is not None and not (_is_whole_sentence(sentence, raw) or _reports_speech(masked)) and (
                    found[0] is None or not _words_of_speech(sentence[raw.start:raw.end])):
                found = None  # indicative: only words of a clause, after a speech verb
            if found is not None:
                cue, span = found
                speaker_source, in_previous = previous_sentence, True
        if span is None and cue is None and not in_previous:
            if m := _opinion_frame(masked, raw):
                # "Für die Expertin X ist Kim „der eigentliche Gewinner“": X's view
                span, cue = _named(masked, m.span("sp")), _OPINION_CUE
            elif _SPEECH_PRONOUN_RE.search(sentence, raw.start, raw.end):
                # words to someone, or of a speaker ("„während ihr …“", "„Wir …“"): speech of the
                # sentence's subject ("X schickte auf Truth Social Grüße, „während ihr …“")
                m = _CLAUSE_START_RE.match(masked)
                if _valid(m) and m.group("sp").casefold() not in _DUMMY_SUBJECTS:
                    span = _named(masked, m.span("sp"))
        antecedent, antecedent_in_previous = None, False
        if span and cue is not None and _BARE_DESCRIPTION_RE.fullmatch(speaker_source, *span):
            antecedent, antecedent_in_previous = _antecedent(masked, cue, cues, previous_sentence, in_previous)
        out.append(
            QuoteSpan(
                text=sentence[raw.start:raw.end],
                start=raw.start,
                end=raw.end,
                partial=partial,
                speaker_text=speaker_source[span[0]:span[1]] if span else None,
                speaker_start=span[0] if span else None,
                speaker_end=span[1] if span else None,
                cue=cue.text if cue else None,
                speaker_in_previous=in_previous,
                antecedent_start=antecedent[0] if antecedent else None,
                antecedent_end=antecedent[1] if antecedent else None,
                antecedent_in_previous=antecedent_in_previous,
            )
        )
        prev_raw = raw
    return out


# "Für die Expertin X (von der Y) ist …": the view of X, a frame opening the sentence before its copula
_OPINION_RE = re.compile(
    rf"""\s*Für\s+(?P<sp>{_NP})(?:\s+(?:von|vom|der|des|aus|am|im|an)\s+[^,□;:.!?–—]{{1,60}}?)?\s*
        \s(?:ist|sind|war|waren|bleibt|blieb|bleiben|wäre|wären|gilt|galt)\b""",
    re.VERBOSE,
)
_OPINION_CUE = _Cue(0, 3, "für", "after", 0, 3)


def _opinion_frame(masked: str, raw: _Raw) -> re.Match[str] | None:
    """The "Für X ist" frame opening the sentence, when the quote stands after it in its clause."""
    m = _OPINION_RE.match(masked)
    if _valid(m) and m.group("run").split()[0] not in _TIME_WORDS and m.end() <= raw.outer_start and _BOUNDARY_RE.search(masked, m.end(), raw.outer_start) is None:
        return m
    return None
# A pronoun of the first or second person: the quote is spoken (wir, uns, ich, euch, du; "ihr" as
# the subject of a clause, not the possessive "ihr Mann")
_SPEECH_PRONOUN_RE = re.compile(
    r"""\b(?:[Ii]ch|[Ww]ir|uns|unsere?[mnrs]?|[Ee]uch|[Ee]uer|[Ee]ure[mnrs]?|[Dd]u|dich|dir|mich|mir)\b
        |(?:^|\b(?:während|dass|weil|wenn|ob|als|wie|damit|bevor|nachdem|und|aber|denn|ob)\s+)[Ii]hr\s
            (?!(?:[A-ZÄÖÜ]|eigene|neue|erste|letzte))""",
    re.VERBOSE,
)
# An adjective (by its suffix, maybe as a comparative) before a copula, then the subject
_PREDICATIVE_FRONT_RE = re.compile(
    rf"""\s*[A-ZÄÖÜ][a-zäöüß]+(?:(?:isch|lich|bar|sam|haft|los|voll|end)(?:er)?|iger)
        \s+(?:ist|war|sind|waren|bleibt|blieb|wird|wurde|zeigt\s+sich|zeigte\s+sich|gibt\s+sich|gab\s+sich
           |äußert\s+sich|äußerte\s+sich)
        \s+(?P<sp>{_NP})""",
    re.VERBOSE,
)
_AFTER_QUOTE_RE = re.compile(r"[\s.!?…]*")
# "der Senator", "die frühere Ministerin": a definite article, adjectives and one noun, no name
_BARE_DESCRIPTION_RE = re.compile(rf"(?:[Dd]er|[Dd]ie)\s+(?:{_ADJ}\s+){{0,2}}[A-ZÄÖÜ][\w-]*")


def _antecedent(masked: str, cue: _Cue, cues: list[_Cue], previous_sentence: str | None,
                in_previous: bool) -> tuple[_Span | None, bool]:
    """The speaker of the speech verb before ``cue`` in its sentence ("Der Fraktionschef Jan Novak
    warf X vor, … . „…“, warnte der Senator"), else of the last one in the sentence before."""
    if not in_previous:
        for other in reversed(cues):
            if other.kind == "verb" and other.end <= cue.start and (span := _direct_speaker(masked, other)):
                return span, False
        if previous_sentence is not None and (found := _speech_before(previous_sentence)) and found[0] is not None:
            return found[1], True
    return None, False


def _is_whole_sentence(sentence: str, raw: _Raw) -> bool:
    """The quote is the whole sentence: it opens it and only . ! ? follow its closing mark."""
    return (raw.closed and not raw.continuation and not sentence[:raw.outer_start].strip()
            and _AFTER_QUOTE_RE.fullmatch(sentence, raw.outer_end) is not None)


def _speech_before(previous: str) -> tuple[_Cue | None, _Span] | None:
    """The last speech verb of the previous sentence of the same paragraph and its speaker: a
    sentence that is only a quote, or reports speech in the subjunctive, continues what that
    sentence attributed ("…, sagte X. „…“"). Without a speech verb there, its subject (cue None:
    the records take it only when it names a person: "Künftig will der 58-Jährige … . „…“")."""
    if previous.rstrip(" \t").endswith("\n"):
        return None  # a new paragraph
    raws = _scan_marks(previous)
    masked = _mask(previous, raws)
    cues = _find_cues(masked)
    for cue in reversed(cues):
        if cue.kind == "verb" and (span := _direct_speaker(masked, cue)):
            return cue, span
    if cues:
        return None  # a cue without a speaker of its own: nothing certain to continue
    m = _CLAUSE_START_RE.match(masked)
    if not _valid(m) or _ADVERB_RE.fullmatch(m.group("sp")):
        m = _FRONTED_SUBJECT_RE.match(masked)  # "Künftig will der 58-Jährige …"
        front = m.group("front").casefold() if m else ""
        if not _valid(m) or front in _DUMMY_SUBJECTS or not (front in _FRONTED or _ADVERB_RE.fullmatch(m.group("front"))):
            return None
    return None, _named(masked, m.span("sp"))


def is_speech_sentence(sentence: str) -> bool:
    """The sentence has a speech verb with a speaker that a following sentence may continue."""
    found = _speech_before(sentence)
    return found is not None and found[0] is not None


def reports_without_cue(sentence: str) -> bool:
    """The sentence reports speech in the subjunctive without a speech cue of its own, and its
    paragraph goes on: "… , sagte X. Das Volk stehe „…“." continues X's speech, and so may the
    sentence after it ("Der Aufstieg sei „…“"): the caller then passes the sentences since X's
    speech verb as ``previous_sentence``."""
    if sentence.rstrip(" \t").endswith("\n"):
        return False
    masked = _mask(sentence, _scan_marks(sentence))
    return not _find_cues(masked) and _reports_speech(masked)


# "Es kamen die Minister zusammen": a pronoun before the verb is the subject, so what follows is not
_DUMMY_SUBJECTS = frozenset({"es", "das", "dies", "man", "wer", "was", "ich", "wir", "ihr", "er", "sie"})
# A capitalised word opening a sentence that is an adverb by its ending ("Künftig", "Kürzlich",
# "Erstmals", "Normalerweise", "Bislang", "Mittlerweile")
_ADVERB_RE = re.compile(r"[A-ZÄÖÜ][a-zäöüß]+(?:ig|lich|weise|mals|falls|dings|wärts|lang|weile|dem|her|hin)")


# A main clause opened by one word that is not its subject (an adverb: "Künftig", "Gestern"),
# then the finite verb, then the subject.
_FRONTED_SUBJECT_RE = re.compile(rf"\s*(?P<front>[A-ZÄÖÜ][a-zäöüß]+)\s+[a-zäöüß]+\s+(?P<sp>{_PRONOUN}|{_NP})")

# Finite verbs of reported speech: the subjunctive (Konjunktiv I, and II where I equals the
# indicative) of the auxiliaries and modal verbs, and of full verbs in the third person singular
# after a pronoun subject ("er gebe", "man wolle").
_SUBJUNCTIVE_RE = re.compile(
    r"""\b(?:sei|seien|seiest|habe|hätte|hätten|wäre|wären|werde|würde|würden|könne|könnten
        |müsse|müssten|solle|dürfe|dürften|wolle|möge|mögen)\b
        |\b(?:[Ee]r|[Ss]ie|[Ee]s|[Mm]an)\s+(?!(?:die|eine|keine|diese|jede|alle|seine|ihre|unsere|jene|welche
            |solche|manche|viele|beide|andere|mehrere|wurde|gerade|gerne|ohne|lange|alleine|bitte)\b)
            [a-zäöüß]{2,}[^aeiouäöüt\s]e\b""",
    re.VERBOSE,
)


def _words_of_speech(text: str) -> bool:
    """Quoted words of a clause rather than a term or a phrase: lower-case start, four words or
    more ("ihre Daseinsberechtigung zu verlieren", not „blind und taub“)."""
    return text[:1].islower() and len(text.split()) >= SPEECH_MIN_WORDS


def _reports_speech(masked: str) -> bool:
    """A finite verb in the subjunctive outside the quotes: the sentence reports what someone said
    ("Die Behörden seien bisher „blind und taub“", "Der Bürgermeister der Stadt, Jan Novak,
    gehöre „ins Gefängnis“")."""
    return _SUBJUNCTIVE_RE.search(masked) is not None or _V2_SUBJUNCTIVE_RE.match(masked) is not None


_NP_PLAIN = _NP.replace("?P<run>", "")
_SUBJUNCTIVE_NOT = r"""(?:ohne|gerade|gerne|lange|alleine|bitte|heute|ebenfalls|beide|selbe|gleiche|eine|keine|diese|jede
    |alle|seine|ihre|unsere|jene|welche|solche|manche|viele|andere|mehrere|große|kleine|neue|alte|ganze|gute|erste|letzte)"""
# The finite verb of a main clause (second place, after its subject: a noun phrase, maybe with a
# genitive or prepositional phrase and a name in apposition) in the subjunctive I of a full verb:
# -e, not the preterite -te ("gehöre", not "gehörte").
_V2_SUBJUNCTIVE_RE = re.compile(
    rf"""\s*{_NP_PLAIN}(?:\s+und\s+{_NP_PLAIN})?
        (?:\s+(?:{_PREPOSITIONS}|im|am|vom|zum|zur|des|der)\s+(?:(?:der|die|das|dem|den|des)\s+)?
           (?:[a-zäöüß]+e[nrms]?\s+)?[A-ZÄÖÜ][\w-]*)?
        (?:\s*,\s*{_NP_PLAIN}\s*,)?
        \s+(?!{_SUBJUNCTIVE_NOT}\b)[a-zäöüß]{{2,}}[^aeiouäöüt\s]e\b""",
    re.VERBOSE,
)
