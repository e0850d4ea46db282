"""The view model: what every page shows, already selected, sorted, grouped, formatted and counted.

Templates only loop and print.  Everything here is plain data (dataclasses of strings,
numbers, lists) plus two kinds of trusted markup: the SVG figures of :mod:`.svg` and
nothing else.  All text from articles and YAML stays ``str`` and is escaped by Jinja2.

Links
    Pages are ``.md`` files that MkDocs serves as directory URLs
    (``akteure/kim-jong-un.md`` -> ``akteure/kim-jong-un/``).  Page bodies are raw HTML, whose
    hrefs MkDocs does not rewrite, so :class:`Linker` computes the final relative URL from the
    page that holds the link (``../../quellen/<id>/#s-3``).

Entry point
    :func:`build_pages` returns one :class:`PageSpec` (site path, template, view) per page.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import posixpath
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache, partial
from itertools import combinations

from markupsafe import Markup

from ..model import Actor, Claim, ClaimValue, Event, Evidence, Quote, Source, SourceExtraction, SourceSummary
from ..stages import BuildResult
from .markdown import clean_text, safe_url
from .svg import Edge, Node, StripItem, figure_html, network_svg, timestrip_svg
from .texts import description_text

# --------------------------------------------------------------------------------------------
# labels
# --------------------------------------------------------------------------------------------

MONTHS = (
    "Januar", "Februar", "März", "April", "Mai", "Juni",
    "Juli", "August", "September", "Oktober", "November", "Dezember",
)
KIND_LABELS = {"person": "Person", "organization": "Organisation", "country": "Staat", "place": "Ort"}
KIND_GROUPS = (
    ("person", "Personen", "personen"),
    ("organization", "Organisationen", "organisationen"),
    ("country", "Staaten", "staaten"),
    ("place", "Orte", "orte"),
)
PRECISION_LABELS = {
    "day": "tagesgenau",
    "week": "wochengenau",
    "month": "monatsgenau",
    "year": "jahresgenau",
    "decade": "auf das Jahrzehnt",
    "vague": "vage",
    "unresolved": "nicht aufgelöst",
}
EVENT_STATUS_LABELS = {"announced": "angekündigt", "past": "erfolgt", "ongoing": "andauernd"}
CLAIM_STATUS = {
    # status: (label, admonition type, explanation)
    "contradict": ("widersprüchlich", "danger", "Die Angaben der Quellen schließen sich gegenseitig aus."),
    "differ_in_precision": (
        "unterschiedlich genau", "warning",
        "Die Angaben sind miteinander vereinbar, aber unterschiedlich genau.",
    ),
    "agree": ("übereinstimmend", "success", "Alle Quellen machen dieselbe Angabe."),
    "single_source": ("nur eine Quelle", "note", "Nur eine Quelle macht diese Angabe."),
}
CLAIM_ORDER = {"contradict": 0, "differ_in_precision": 1, "agree": 2, "single_source": 3}
QUALIFIER_LABELS = {
    "presumably": "vermutlich", "approx": "ungefähr", "approx_below": "knapp", "more_than": "mehr als",
    "at_least": "mindestens", "less_than": "weniger als", "up_to": "bis zu", "vague": "unbestimmte Menge",
    "former": "früheres Amt", "current": "aktuelles Amt",
}
_NUMBER_PREFIX = {
    "approx": "≈ ", "approx_below": "knapp ", "more_than": "> ", "at_least": "≥ ", "less_than": "< ",
    "up_to": "≤ ", "vague": "ca. ",
}

DOWNLOADS = {
    "data/dossier.json": "Das ganze Dossier als JSON: Quellen, Akteure, Ereignisse, Angaben und Zitate mit Belegsätzen.",
    "data/events.csv": "Ereignisse als Tabelle (CSV).",
    "data/actors.csv": "Akteure als Tabelle (CSV).",
    "data/claims.csv": "Angaben im Quellenvergleich als Tabelle (CSV).",
    "data/chronik.ics": "Die Chronik als Kalender (iCalendar) für Outlook, Apple Kalender und Co.",
}


def available_exports() -> list[str]:
    """The data files the site publishes (data/dossier.json always), in DOWNLOADS order."""
    try:
        from .exports import EXPORT_PATHS
    except ImportError:  # pragma: no cover - exports are owned elsewhere
        EXPORT_PATHS = ("data/dossier.json",)
    paths = set(EXPORT_PATHS) | {"data/dossier.json"}
    return [p for p in DOWNLOADS if p in paths]


_SAFE_ID = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")
_RESERVED_PAGE_NAMES = {"index"}


@lru_cache(maxsize=1 << 16)  # called for every link; ids repeat thousands of times
def safe_id(value: str) -> str:
    """``value`` when it is a plain slug (usable in paths, ids and CSS), else a stable substitute."""
    if _SAFE_ID.match(value) and len(value) <= 120:
        return value
    digest = hashlib.blake2s(value.encode("utf-8"), digest_size=4).hexdigest()
    stem = re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-")[:60].strip("-")
    return f"{stem}-{digest}" if stem else f"x-{digest}"


def page_name(item_id: str) -> str:
    name = safe_id(item_id)
    return f"{name}-seite" if name in _RESERVED_PAGE_NAMES else name


@lru_cache(maxsize=1 << 16)
def actor_path(actor_id: str) -> str:
    return f"akteure/{page_name(actor_id)}.md"


@lru_cache(maxsize=1 << 16)
def source_path(source_id: str) -> str:
    return f"quellen/{page_name(source_id)}.md"


def sentence_anchor(index: int) -> str:
    return f"s-{index}"


def event_anchor(event_id: str) -> str:
    return f"e-{safe_id(event_id)}"


def claim_anchor(claim_id: str) -> str:
    return f"c-{safe_id(claim_id)}"


def de_int(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def de_number(x: float | None) -> str:
    if x is None:
        return ""
    if float(x).is_integer():
        return de_int(int(x))
    text = f"{x:,.3f}".rstrip("0").rstrip(".")
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def plural(n: int, one: str, many: str) -> str:
    return f"{de_int(n)} {one if n == 1 else many}"


_DANGLING = {"und", "oder", "der", "die", "das", "den", "dem", "des", "ein", "eine", "mit", "von", "zu", "zur", "zum",
             "in", "im", "auf", "an", "für", "nach", "bei", "aus", "über", "–", "-"}


def short_title(title: str, limit: int = 26) -> str:
    """A title cut at a word boundary: "Die neuen (möglichen)…" — the label of a source without outlet."""
    words = title.split()
    out = ""
    for w in words:
        if len(out) + len(w) + (1 if out else 0) > limit:
            break
        out = f"{out} {w}" if out else w
    if not out:
        return shorten(title, limit)
    if out == " ".join(words):
        return out
    kept = out.split()
    while len(kept) > 1 and kept[-1].casefold() in _DANGLING:
        kept.pop()
    return " ".join(kept).rstrip(",;:–-") + "…"


def shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# --------------------------------------------------------------------------------------------
# dates
# --------------------------------------------------------------------------------------------


def _parts(value: str | None) -> tuple[int, int | None, int | None] | None:
    if not value:
        return None
    m = re.match(r"^(\d{1,4})(?:-(\d{2}))?(?:-(\d{2}))?$", value)
    if not m:
        return None
    y = int(m[1])
    mo = int(m[2]) if m[2] else None
    d = int(m[3]) if m[3] else None
    if mo is not None and not 1 <= mo <= 12:
        return None
    if d is not None:
        try:
            dt.date(y, mo or 1, d)
        except ValueError:
            return None
    if y < 1:
        return None
    return y, mo, d


def _first_day(p: tuple[int, int | None, int | None]) -> dt.date:
    return dt.date(p[0], p[1] or 1, p[2] or 1)


def _last_day(p: tuple[int, int | None, int | None]) -> dt.date:
    y, mo, d = p
    if d is not None:
        return dt.date(y, mo or 1, d)
    if mo is not None:
        nxt = dt.date(y + 1, 1, 1) if mo == 12 else dt.date(y, mo + 1, 1)
        return nxt - dt.timedelta(days=1)
    return dt.date(y, 12, 31)


def span_of(date: str | None, date_end: str | None) -> tuple[dt.date, dt.date] | None:
    a = _parts(date)
    if a is None:
        return None
    b = _parts(date_end) or a
    start, end = _first_day(a), _last_day(b)
    return (start, end) if end >= start else (start, _last_day(a))


def _day(p: tuple[int, int | None, int | None]) -> str:
    return f"{p[2]}. {MONTHS[(p[1] or 1) - 1]} {p[0]}"


def format_when(date: str | None, date_end: str | None = None, precision: str = "day") -> str:
    """German text for a (possibly partial) date or range, never claiming more precision than given.

    ``2024-06`` -> "Juni 2024" (never "1. Juni"), ``2019`` -> "2019",
    ``2025-09-01..2025-09-07`` -> "1.–7. September 2025", ``2010`` decade -> "2010er Jahre".
    """
    a = _parts(date)
    if a is None:
        return "ohne Datum"
    b = _parts(date_end)
    if b is not None and _first_day(b) <= _first_day(a) and _last_day(b) <= _last_day(a):
        b = None
    if precision == "decade":
        if b is None or b[0] == a[0] + 9:
            return f"{a[0]}er Jahre"
        return f"{a[0]}–{b[0]}"
    y, mo, d = a
    if mo is None:
        if b is None or b[0] == y:
            return str(y)
        return f"{y}–{b[0]}"
    if d is None:
        if b is None:
            return f"{MONTHS[mo - 1]} {y}"
        if b[1] is None:
            return f"{MONTHS[mo - 1]} {y} – {b[0]}"
        if b[0] == y:
            if b[1] == mo:
                return f"{MONTHS[mo - 1]} {y}"
            return f"{MONTHS[mo - 1]} – {MONTHS[b[1] - 1]} {y}"
        return f"{MONTHS[mo - 1]} {y} – {MONTHS[b[1] - 1]} {b[0]}"
    if b is None:
        return _day(a)
    if b[2] is None:  # day to month: unusual, say both
        return f"{_day(a)} – {format_when(date_end, None, 'month')}"
    if b[0] == y and b[1] == mo:
        return f"{d}.–{b[2]}. {MONTHS[mo - 1]} {y}"
    if b[0] == y:
        return f"{d}. {MONTHS[mo - 1]} – {b[2]}. {MONTHS[b[1] - 1]} {y}"
    return f"{_day(a)} – {_day(b)}"


def numeric_date(value: dt.date | dt.datetime | None) -> str:
    if value is None:
        return "ohne Datum"
    if isinstance(value, dt.datetime):
        value = value.date()
    return value.strftime("%d.%m.%Y")


def long_date(value: dt.date | dt.datetime | None) -> str:
    if value is None:
        return "unbekannt"
    if isinstance(value, dt.datetime):
        return f"{value.day}. {MONTHS[value.month - 1]} {value.year}, {value:%H:%M} Uhr"
    return f"{value.day}. {MONTHS[value.month - 1]} {value.year}"


def iso_date(value: dt.date | dt.datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%dT%H:%M")
    return value.isoformat()


@dataclass(frozen=True)
class DateView:
    text: str
    iso: str  # value of <time datetime>, "" when it cannot be expressed
    precision: str
    precision_label: str


def date_view(date: str | None, date_end: str | None, precision: str) -> DateView:
    a = _parts(date)
    iso = ""
    if a is not None and precision != "decade":
        iso = f"{a[0]:04d}" + (f"-{a[1]:02d}" if a[1] else "") + (f"-{a[2]:02d}" if a[2] else "")
    return DateView(format_when(date, date_end, precision), iso, precision, PRECISION_LABELS.get(precision, precision))


# --------------------------------------------------------------------------------------------
# links
# --------------------------------------------------------------------------------------------


class Urls:
    """Site paths ("akteure/x.md") to the URLs MkDocs serves them at."""

    def __init__(self, directory_urls: bool = True):
        self.directory_urls = directory_urls
        self._href_cache: dict[tuple[str, str], str] = {}

    def url(self, path: str) -> str:
        if not path.endswith(".md"):
            return path
        stem = path[:-3]
        if not self.directory_urls:
            return stem + ".html"
        if stem == "index":
            return ""
        if stem.endswith("/index"):
            return stem[: -len("index")]
        return stem + "/"

    def href(self, from_path: str, to_path: str, fragment: str | None = None) -> str:
        # Pages link to the same few targets thousands of times: one computation per page pair.
        key = (from_path, to_path)
        cached = self._href_cache.get(key)
        if cached is None:
            cached = self._href_cache[key] = self._href(from_path, to_path)
        if fragment:
            return f"{cached}#{fragment}"
        if cached == "":  # a link to the page itself
            return "./" if self.directory_urls else posixpath.basename(self.url(to_path))
        return cached

    def _href(self, from_path: str, to_path: str) -> str:
        """Relative URL from one page to another; "" for the page itself."""
        here = self.url(from_path)
        there = self.url(to_path)
        if here == there:
            return ""
        base = here.rstrip("/") if (here.endswith("/") or here == "") else posixpath.dirname(here)
        rel = _relpath(there.rstrip("/"), base)
        if there.endswith("/") or there == "":
            rel = "./" if rel == "." else rel + "/"
        return rel


def _relpath(target: str, base: str) -> str:
    """posixpath.relpath for site paths (relative, normalised, "" = site root), without its
    abspath() calls, which dominated the rendering of large sites."""
    t = target.split("/") if target else []
    b = base.split("/") if base else []
    common = 0
    while common < min(len(t), len(b)) and t[common] == b[common]:
        common += 1
    return "/".join([".."] * (len(b) - common) + t[common:]) or "."


REVIEW_LABELS = {
    "actor": "Akteure, nicht geprüft",
    "event": "Aus mehreren Quellen zusammengeführte Ereignisse",
    "quote": "Zitate ohne Sprecher",
    "date": "Nicht auflösbare Datumsangaben",
}


@dataclass(frozen=True)
class ReviewRow:
    id: str
    what: str
    target: str | None  # the profile or event the item is about
    sentence: str  # link to the sentence to check
    source: str


@dataclass(frozen=True)
class ReviewView:
    nav: Nav
    total: int
    groups: list[tuple[str, list[ReviewRow]]]


# Outside the Chronik an event lists this many sources, then "N weitere".
MAX_CITES_OUTSIDE_CHRONIK = 3

# The time strip shows at most this many events (the most-cited ones).
STRIP_MAX_EVENTS = 80

# Above this many sources the coverage table shows counts instead of one column per source.
MATRIX_MAX_SOURCES = 12
# A Chronik with more events than this is split into one page per year (and a year with more into
# one page per month): one page of 80,000 events is unreadable and MkDocs holds it whole.
CHRONIK_PAGE_MAX_EVENTS = 400
# The same for the Quellenvergleich: claims of several sources in pages of this many (the first on
# vergleich.md), claims of one source in tables of five times as many rows.
COMPARISON_PAGE_MAX_CLAIMS = 100
# Without a column per source (MATRIX_MAX_SOURCES) the coverage tables keep the rows reported by
# the most sources.
COVERAGE_MAX_ROWS = 200
COMPARISON_MAX_VALUES = 50
# A profile lists at most this many events, quotes, claims, roles and sources: an actor named in
# thousands of articles gets the most-cited events and the newest of the rest, and a note where
# everything is (the Chronik, the source pages, data/dossier.json).
PROFILE_MAX_ROWS = 100


class Linker:
    """Relative hrefs from one page."""

    def __init__(self, urls: Urls, page: str):
        self.urls = urls
        self.page = page

    def to(self, path: str, fragment: str | None = None) -> str:
        return self.urls.href(self.page, path, fragment)


@dataclass(frozen=True)
class Link:
    text: str
    href: str
    title: str = ""


# --------------------------------------------------------------------------------------------
# shared view pieces
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Cite:
    """A link to the exact sentence a fact comes from."""

    href: str
    label: str  # "dpa-AFX, 02.09.2025"
    sentence_no: int  # 1-based, as shown
    sentence: str  # the sentence itself (tooltip)
    source_id: str


@dataclass(frozen=True)
class ActorRef:
    id: str
    name: str
    href: str  # "" when the actor has no page
    kind: str
    kind_label: str
    reviewed: bool


@dataclass(frozen=True)
class DateNote:
    """How a date expression in an article was resolved: „am Mittwoch“ (28.08.2025) -> 3. September 2025."""

    expression: str
    article_date: str
    resolved: str
    precision_label: str
    relative: bool
    cite: Cite


@dataclass(frozen=True)
class EventView:
    id: str
    anchor: str
    href: str  # the event in the Chronik
    title: str
    date: DateView
    status: str
    status_label: str
    actors: list[ActorRef]
    place: ActorRef | None
    cites: list[Cite]
    notes: list[DateNote]
    data_actors: str  # space-separated actor ids for the CSS filter
    reviewed: bool
    notes_label: str  # "Datumsangabe im Text" / "Datumsangaben im Text"
    more_cites: int = 0  # evidence left out here; all of it is in the Chronik


@dataclass(frozen=True)
class Snippet:
    """A sentence with the part that matters marked."""

    before: str
    mark: str
    after: str


@dataclass(frozen=True)
class ClaimValueView:
    source: str  # outlet / short label
    source_href: str
    date: str
    value: str
    number: str  # normalised: "> 10.000"
    qualifier: str
    snippet: Snippet
    cite: Cite


@dataclass(frozen=True)
class ClaimView:
    id: str
    anchor: str
    href: str  # the claim on the Quellenvergleich page
    kind: str
    subject: str
    about: ActorRef | None
    status: str
    status_label: str
    admonition: str
    explanation: str
    note: str
    reviewed: bool
    values: list[ClaimValueView]
    source_count: int
    heading: str  # "Widersprüchlich · 3 Quellen · geprüft"
    more_values: int = 0  # values left out here
    more_href: str = ""  # where all of them are: the Quellenvergleich, or from there the CSV export
    more_text: str = ""


@dataclass(frozen=True)
class QuoteView:
    id: str
    text: str
    partial: bool
    speaker: ActorRef | None
    speaker_text: str
    snippet: Snippet
    cite: Cite
    reviewed: bool


@dataclass(frozen=True)
class Figure:
    label: str
    value: str
    href: str
    note: str = ""


# --------------------------------------------------------------------------------------------
# page views
# --------------------------------------------------------------------------------------------


@dataclass
class PageSpec:
    path: str
    template: str
    title: str  # plain text; escaped by the template
    view: object


@dataclass
class Nav:
    """Links to the main pages, relative to the current page."""

    home: str
    chronik: str
    actors: str
    comparison: str
    sources: str
    method: str
    json: str


@dataclass
class StartView:
    nav: Nav
    title: str
    subtitle: str
    description: str
    figures: list[Figure]
    period: str
    latest: list[EventView]
    reading: list[Link]
    downloads: list[Link]
    strip: Markup


@dataclass
class FilterChip:
    id: str  # input id: "f-<actor>"
    actor: str  # safe actor id as used in data-actors
    name: str
    count: int
    profile: str


@dataclass
class EventGroup:
    """A month (or the part of a year without month) in the Chronik."""

    heading: str  # "" for the year-level part
    anchor: str
    data_actors: str  # union of actor ids of the events in the group (for the filter)
    events: list[EventView]


@dataclass
class YearGroup:
    heading: str
    anchor: str
    data_actors: str
    events: list[EventView]  # events without month precision
    months: list[EventGroup]


@dataclass(frozen=True)
class ChronikPart:
    """One page of a Chronik split by time."""

    path: str
    label: str  # "2025", "September 2025", "Ohne genaues Datum"
    events: tuple[Event, ...]


@dataclass
class ChronikView:
    nav: Nav
    heading: str  # "Chronik", "Chronik: 2025"
    whole: str  # link to the overview; "" on the overview itself
    parts: list[Link]  # the pages of a split Chronik (on the overview only)
    count: int
    period: str
    status_counts: list[tuple[str, int]]
    strip: Markup
    chips: list[FilterChip]
    other_actors: list[Link]  # actors with events but no chip: links to their profile timelines
    other_count: int
    years: list[YearGroup]


@dataclass
class ActorRow:
    ref: ActorRef
    mentions: int
    sources: int
    events: int
    first: Cite | None  # first sentence naming the actor
    description: str


@dataclass
class ActorGroup:
    heading: str
    anchor: str
    rows: list[ActorRow]


@dataclass
class ActorsIndexView:
    nav: Nav
    total: int
    unreviewed: int
    groups: list[ActorGroup]
    network: Markup


@dataclass
class RoleRow:
    role: str
    source: str
    date: str
    cite: Cite


@dataclass
class CoActor:
    ref: ActorRef
    count: int
    cites: list[Cite]
    more: int


@dataclass
class SourceMention:
    source: str
    title: str
    href: str
    date: str
    count: int
    cites: list[Cite]
    more: int  # sentences not listed (see the source page)


@dataclass
class ActorView:
    nav: Nav
    ref: ActorRef
    name: str
    kind_label: str
    aliases: list[Link]  # href to the first sentence using the alias, "" for editorial-only aliases
    description: str
    curated: bool
    reviewed: bool
    mentions: int
    mentions_label: str  # "41 Nennungen in 5 Quellen"
    roles: list[RoleRow]
    timeline: list[EventView]
    quotes: list[QuoteView]
    claims: list[ClaimView]
    co_actors: list[CoActor]
    sources: list[SourceMention]
    network: Markup
    first: Cite | None
    # "" or what a capped list leaves out (PROFILE_MAX_ROWS) and where it is
    roles_note: str = ""
    timeline_note: str = ""
    quotes_note: str = ""
    claims_note: str = ""
    sources_note: str = ""


@dataclass
class MatrixCell:
    cite: Cite | None
    count: int
    count_label: str  # "2" when more than one sentence, else ""


@dataclass
class MatrixRow:
    label: str
    href: str
    note: str
    cells: list[MatrixCell]
    total: int


@dataclass
class SourceColumn:
    text: str
    href: str
    title: str
    date: str


@dataclass
class Omission:
    source: str
    href: str
    events: list[Link]
    actors: list[Link]


@dataclass(frozen=True)
class ComparisonPart:
    """One page of the Quellenvergleich's claims."""

    path: str
    label: str  # "" for vergleich.md itself
    multi: tuple[Claim, ...]  # claims of several sources
    single: tuple[Claim, ...]  # claims of one source


@dataclass
class ComparisonPartView:
    nav: Nav
    heading: str
    whole: str  # link to vergleich.md
    multi: list[ClaimView]
    single: list[ClaimView]


@dataclass
class ComparisonView:
    nav: Nav
    multi_count: int
    multi: list[ClaimView]
    single: list[ClaimView]
    multi_parts: list[Link]  # further pages of claims of several sources
    single_parts: list[Link]  # pages of claims of one source, when not on this page
    coverage_note: str  # "" or which rows the coverage tables keep
    status_counts: list[tuple[str, str, int]]  # (status, label, count)
    columns: list[SourceColumn]
    event_rows: list[MatrixRow]
    actor_rows: list[MatrixRow]
    actors_left_out: int
    omissions: list[Omission]
    omission_text: str  # "mindestens 2 andere Quellen berichten"


@dataclass
class SourceRow:
    href: str
    title: str
    outlet: str
    date: str
    iso: str
    note: str
    sentences: int
    actors: int
    events: int
    numbers: int


@dataclass
class SourcesIndexView:
    nav: Nav
    count: int
    rows: list[SourceRow]


@dataclass
class Segment:
    text: str
    kind: str  # "" plain | "actor" | "date" | "quantity"
    href: str = ""
    title: str = ""


@dataclass
class Run:
    """A piece of a paragraph: a (part of a) sentence, or text between sentences."""

    sentence: bool
    anchor: str  # id for the first piece of a sentence, else ""
    number: int  # 1-based sentence number, 0 for continuation pieces / gaps
    segments: list[Segment]


@dataclass
class ExtractedActor:
    ref: ActorRef
    count: int
    cites: list[Cite]


@dataclass
class ExtractedDate:
    text: str
    resolved: str
    precision_label: str
    relative: bool
    cite: Cite


@dataclass
class ExtractedNumber:
    text: str
    value: str
    counted: str
    claim: Link | None
    cite: Cite


@dataclass
class FurnitureRow:
    line: int
    text: str
    reason: str


@dataclass
class SourceView:
    nav: Nav
    id: str
    title: str
    outlet: str
    date: str
    iso: str
    url: str | None
    note: str
    file: str
    counts: list[tuple[str, int]]
    paragraphs: list[list[Run]]
    furniture: list[FurnitureRow]
    furniture_count: int
    actors: list[ExtractedActor]
    dates: list[ExtractedDate]
    numbers: list[ExtractedNumber]
    quotes: list[QuoteView]
    events: list[EventView]


@dataclass
class MethodView:
    nav: Nav
    counts: dict[str, str]
    pipelines: list[str]
    model: str
    role_words: int
    known_names: int  # content/lexicon/names.yml
    curated_actors: int
    aliases: int
    rejected: int
    reviewed_actors: int
    unreviewed_actors: int
    claim_status: list[tuple[str, str, int]]
    event_status: list[tuple[str, int]]
    precisions: list[tuple[str, int]]


# --------------------------------------------------------------------------------------------
# the model
# --------------------------------------------------------------------------------------------


@dataclass
class _SourceInfo:
    summary: SourceSummary
    short: str  # outlet or shortened title
    date: str  # 02.09.2025
    source: Source | None
    extraction: SourceExtraction | None


class SiteModel:
    """Indexes over one BuildResult; builds the view of every page."""

    def __init__(self, result: BuildResult, *, directory_urls: bool = True):
        self.result = result
        self.dossier = result.dossier
        self.urls = Urls(directory_urls)
        d = self.dossier
        by_source = {s.meta.id: s for s in result.sources}
        by_extraction = {x.source: x for x in result.run.extractions}
        self.sources: dict[str, _SourceInfo] = {}
        for s in d.sources:
            short = clean_text(s.outlet).strip() or short_title(clean_text(s.title))
            self.sources[s.id] = _SourceInfo(s, short, numeric_date(s.published), by_source.get(s.id), by_extraction.get(s.id))
        self.source_order = [s.id for s in d.sources]  # by date, then id (assemble sorts them)
        self.actors: dict[str, Actor] = {a.id: a for a in d.actors}
        self.events = sorted(d.events, key=self._event_key)
        # co-occurrence: actors named in the same sentence
        self.sentence_actors: dict[tuple[str, int], set[str]] = defaultdict(set)
        for a in d.actors:
            for ev in a.evidence:
                self.sentence_actors[(ev.source, ev.sentence_index)].add(a.id)
        self.co: dict[str, dict[str, list[tuple[str, int]]]] = defaultdict(lambda: defaultdict(list))
        for key in sorted(self.sentence_actors):
            for a, b in combinations(sorted(self.sentence_actors[key]), 2):
                self.co[a][b].append(key)
                self.co[b][a].append(key)
        self.chronik_parts = chronik_parts(self.events)
        self.event_page: dict[str, str] = {e.id: part.path for part in self.chronik_parts for e in part.events}
        self.comparison_parts = comparison_parts(d.claims)
        self.claim_page = {c.id: part.path for part in self.comparison_parts for c in part.multi + part.single}
        self.events_of: dict[str, list[Event]] = defaultdict(list)
        self.events_of_source: dict[str, list[Event]] = defaultdict(list)
        for e in self.events:
            for a in sorted(set(e.actors) | ({e.place} if e.place else set())):
                self.events_of[a].append(e)
            for sid in sorted({ev.source for ev in e.evidence}):
                self.events_of_source[sid].append(e)
        # Indexes instead of a scan of all quotes or claims per page: pages grow with the corpus,
        # scans per page would make the site grow with its square.
        self.quotes_of_source: dict[str, list[Quote]] = defaultdict(list)
        self.quotes_of_speaker: dict[str, list[Quote]] = defaultdict(list)
        for q in d.quotes:
            self.quotes_of_source[q.source].append(q)
            if q.speaker:
                self.quotes_of_speaker[q.speaker].append(q)
        self.claim_of_number: dict[str, dict[tuple[int, str], Claim]] = defaultdict(dict)
        for c in d.claims:
            for v in c.values:
                if v.evidence.expression:
                    self.claim_of_number[v.source].setdefault((v.evidence.sentence_index, v.evidence.expression), c)
        self.resolve = self._mention_resolver()
        self._mention_counts: dict[str, Counter[str]] | None = None
        self._source_rank: dict[str, int] = {sid: i for i, sid in enumerate(self.source_order)}
        # an event's evidence in source order, whole and per source (built on first use)
        self._evidence_sorted: dict[str, list[Evidence]] = {}
        self._evidence_grouped: dict[str, dict[str, list[Evidence]]] = {}
        self._claims_by_sentence: dict[tuple[str, int], list[Claim]] | None = None
        self._values_sorted: dict[str, list[ClaimValue]] = {}
        self.claims_about: dict[str, list[Claim]] = defaultdict(list)
        for c in d.claims:
            if c.about:
                self.claims_about[c.about].append(c)
        # first sentence (in source order) where an actor is named with a given form
        self.first_mention: dict[tuple[str, str], tuple[str, int]] = {}
        for sid in self.source_order:
            x = self.sources[sid].extraction
            for m in (x.mentions if x else []):
                aid = self.resolve(m)
                if aid is not None:
                    for form in (m.text, m.name):
                        self.first_mention.setdefault((aid, form.casefold()), (sid, m.sentence))

    # ---- helpers ---------------------------------------------------------------------------

    def _mention_resolver(self):
        """Mention -> assembled actor id, with the editorial merges and rejects applied."""
        try:
            from ..assemble import ActorIndex

            index = ActorIndex(self.result.editorial)
            return lambda m: index.resolve(m)
        except Exception:  # pragma: no cover - the assembly code is owned elsewhere
            return lambda m: m.actor

    _event_key = staticmethod(lambda e: chronik_order(e))

    def nav(self, link: Linker) -> Nav:
        return Nav(
            home=link.to("index.md"), chronik=link.to("chronik.md"), actors=link.to("akteure/index.md"),
            comparison=link.to("vergleich.md"), sources=link.to("quellen/index.md"), method=link.to("methodik.md"),
            json=link.to("data/dossier.json"),
        )

    def cite(self, ev: Evidence, link: Linker) -> Cite:
        info = self.sources.get(ev.source)
        label = f"{info.short}, {info.date}" if info else ev.source
        return Cite(
            href=link.to(source_path(ev.source), sentence_anchor(ev.sentence_index)),
            label=label, sentence_no=ev.sentence_index + 1, sentence=clean_text(ev.sentence), source_id=ev.source,
        )

    def actor_ref(self, actor_id: str, link: Linker) -> ActorRef:
        a = self.actors.get(actor_id)
        if a is None:
            return ActorRef(actor_id, actor_id, "", "", "", False)
        return ActorRef(a.id, a.name, link.to(actor_path(a.id)), a.type, KIND_LABELS.get(a.type, a.type), a.reviewed)

    def snippet(self, sentence: str, expression: str | None) -> Snippet:
        if expression:
            i = sentence.find(expression)
            if i >= 0:
                return Snippet(sentence[:i], expression, sentence[i + len(expression):])
        return Snippet(sentence, "", "")

    def _date_record(self, ev: Evidence):
        info = self.sources.get(ev.source)
        if not info or not info.extraction or not ev.expression:
            return None
        for rec in info.extraction.dates:
            if rec.sentence == ev.sentence_index and rec.text == ev.expression:
                return rec
        return None

    def event_view(self, e: Event, link: Linker, max_cites: int | None = None,
                   first_source: str | None = None) -> EventView:
        """`max_cites`: outside the Chronik an event shows its first few sources only; a much-cited
        event on every profile of its actors would make those pages grow with the corpus squared.
        `first_source`: on a source page, that source's own evidence comes first and is always shown."""
        actors = [self.actor_ref(a, link) for a in e.actors]
        actors.sort(key=lambda r: (r.name.casefold(), r.id))
        place = self.actor_ref(e.place, link) if e.place else None
        all_evidence = self._sorted_evidence(e)
        own = list(self._evidence_by_source(e).get(first_source, ())) if first_source else []
        if max_cites:
            # This source's sentences, then the first others up to max_cites, without sorting a
            # much-cited event's whole evidence again on every source page that shows it.
            wanted = max(max_cites, len(own)) - len(own)
            others = []
            for ev in all_evidence:
                if len(others) >= wanted:
                    break
                if ev.source != first_source:
                    others.append(ev)
            ev_sorted = own + others
        else:
            ev_sorted = own + [ev for ev in all_evidence if ev.source != first_source] if own else all_evidence
        cites = [self.cite(ev, link) for ev in ev_sorted]
        notes = []
        # How each date was read is explained in the Chronik; elsewhere the event links there.
        for ev in ev_sorted if not max_cites else ():
            if not ev.expression:
                continue
            rec = self._date_record(ev)
            if rec is not None:
                resolved = format_when(rec.date, rec.date_end, rec.precision)
                precision, relative = rec.precision, rec.relative
            else:
                resolved = format_when(e.date, e.date_end, e.precision)
                precision, relative = e.precision, False
            notes.append(DateNote(
                expression=clean_text(ev.expression),
                article_date=numeric_date(ev.anchor) if ev.anchor else self.sources[ev.source].date if ev.source in self.sources else "",
                resolved=resolved, precision_label=PRECISION_LABELS.get(precision, precision), relative=relative,
                cite=self.cite(ev, link),
            ))
        ids = sorted({safe_id(a) for a in e.actors} | ({safe_id(e.place)} if e.place else set()))
        return EventView(
            id=e.id, anchor=event_anchor(e.id), href=link.to(self.event_page[e.id], event_anchor(e.id)), title=e.title,
            date=date_view(e.date, e.date_end, e.precision), status=e.status,
            status_label=EVENT_STATUS_LABELS.get(e.status, e.status), actors=actors, place=place, cites=cites,
            notes=notes, data_actors=" ".join(ids), reviewed=e.reviewed,
            notes_label="Datumsangaben im Text" if len(notes) > 1 else "Datumsangabe im Text",
            more_cites=len(all_evidence) - len(ev_sorted),
        )

    def _index_claims_by_sentence(self) -> dict[tuple[str, int], list[Claim]]:
        index: dict[tuple[str, int], list[Claim]] = defaultdict(list)
        for c in self.dossier.claims:
            for v in c.values:
                index[(v.evidence.source, v.evidence.sentence_index)].append(c)
        return index

    def prepare_shared(self) -> None:
        """Build the indexes that pages build on first use, before the model is shared by forked
        render workers (each would otherwise build them again)."""
        if self._claims_by_sentence is None:
            self._claims_by_sentence = self._index_claims_by_sentence()
        self._mentions_per_source("")
        for e in self.events:
            self._sorted_evidence(e)

    def _sorted_evidence(self, e: Event) -> list[Evidence]:
        found = self._evidence_sorted.get(e.id)
        if found is None:
            found = self._evidence_sorted[e.id] = sorted(e.evidence, key=self._evidence_key)
        return found

    def _evidence_by_source(self, e: Event) -> dict[str, list[Evidence]]:
        found = self._evidence_grouped.get(e.id)
        if found is None:
            found = self._evidence_grouped[e.id] = defaultdict(list)
            for ev in self._sorted_evidence(e):
                found[ev.source].append(ev)
        return found

    def _evidence_key(self, ev: Evidence):
        order = self._source_rank.get(ev.source, len(self.source_order))
        return (order, ev.source, ev.sentence_index)

    def _sorted_values(self, c: Claim) -> list[ClaimValue]:
        """A claim's values in source order, sorted once (a claim is shown on many profiles)."""
        found = self._values_sorted.get(c.id)
        if found is None:
            found = self._values_sorted[c.id] = sorted(c.values, key=lambda v: (self._evidence_key(v.evidence), v.value))
        return found

    def claim_view(self, c: Claim, link: Linker, max_values: int | None = None) -> ClaimView:
        """`max_values`: outside the Quellenvergleich a claim shows its first few values; there
        at most COMPARISON_MAX_VALUES (a number said by thousands of sources is a table, not a page)."""
        label, admonition, explanation = CLAIM_STATUS.get(c.status, (c.status, "note", ""))
        all_values = self._sorted_values(c)
        on_comparison = max_values is None
        values = all_values[:max_values or COMPARISON_MAX_VALUES]
        n_sources = len({v.source for v in c.values})
        heading = label[:1].upper() + label[1:]
        if n_sources > 1:
            heading += f" · {n_sources} Quellen"
        if c.reviewed:
            heading += " · geprüft"
        return ClaimView(
            id=c.id, anchor=claim_anchor(c.id), href=link.to(self.claim_page[c.id], claim_anchor(c.id)), kind=c.kind,
            subject=c.subject, about=self.actor_ref(c.about, link) if c.about else None, status=c.status,
            status_label=label, admonition=admonition, explanation=explanation, note=c.note or "",
            reviewed=c.reviewed, values=[self.claim_value(v, link) for v in values],
            source_count=n_sources, heading=heading, more_values=len(all_values) - len(values),
            more_href=link.to("data/claims.csv") if on_comparison else link.to(self.claim_page[c.id], claim_anchor(c.id)),
            more_text=_more_values_text(len(all_values) - len(values), on_comparison),
        )

    def claim_value(self, v: ClaimValue, link: Linker) -> ClaimValueView:
        info = self.sources.get(v.source)
        if v.number is not None:
            number = _NUMBER_PREFIX.get(v.qualifier or "", "") + de_number(v.number)
        else:
            number = ""
        expression = v.evidence.expression or (v.value if v.value in v.sentence else None)
        return ClaimValueView(
            source=info.short if info else v.source, source_href=link.to(source_path(v.source)),
            date=info.date if info else "", value=v.value, number=number,
            qualifier=QUALIFIER_LABELS.get(v.qualifier or "", v.qualifier or ""),
            snippet=self.snippet(v.sentence, expression), cite=self.cite(v.evidence, link),
        )

    def quote_view(self, q: Quote, link: Linker) -> QuoteView:
        speaker = self.actor_ref(q.speaker, link) if q.speaker else None
        return QuoteView(
            id=q.id, text=q.text, partial=q.partial, speaker=speaker,
            speaker_text=speaker.name if speaker else "Sprecher nicht erkannt",
            snippet=self.snippet(q.sentence, q.text), cite=self.cite(q.evidence, link), reviewed=q.reviewed,
        )

    def _strip(self, link: Linker) -> Markup:
        """The time strip of the start page and the Chronik: every event while they fit; beyond
        STRIP_MAX_EVENTS the most-cited ones (thousands of marks are neither readable nor small)."""
        events = self.events
        title = "Zeitleiste aller Ereignisse"
        if len(events) > STRIP_MAX_EVENTS:
            ranked = sorted(events, key=lambda e: (-len({ev.source for ev in e.evidence}), -len(e.evidence), e.id))
            chosen = {e.id for e in ranked[:STRIP_MAX_EVENTS]}
            events = [e for e in events if e.id in chosen]
            title = f"Zeitleiste der {STRIP_MAX_EVENTS} am häufigsten belegten von {de_int(len(self.events))} Ereignissen"
        items = []
        for e in events:
            if e.date is None or e.precision in ("vague", "unresolved"):
                continue
            precision = {"week": "day", "decade": "year"}.get(e.precision, e.precision)
            end = e.date_end
            if e.precision == "decade" and not end and _parts(e.date):
                end = str(_parts(e.date)[0] + 9)
            items.append(StripItem(
                id=e.id, label=e.title, start=e.date, end=end, precision=precision,
                announced=e.status == "announced", href=link.to(self.event_page[e.id], event_anchor(e.id)),
            ))
        svg = timestrip_svg(items, title=title)
        return Markup(figure_html(svg, None, css_class="dossier-figure dossier-figure--strip"))

    @cached_property  # on every page of a split Chronik; a scan of all events each time
    def period(self) -> str:
        spans = [s for e in self.events if (s := span_of(e.date, e.date_end))]
        if not spans:
            return ""
        first = min(s[0] for s in spans).year
        last = max(s[1] for s in spans).year
        return str(first) if first == last else f"{first}–{last}"

    def _network(self, link: Linker, actor_ids: list[str], center: str | None, title: str, max_nodes: int) -> Markup:
        chosen = set(actor_ids)
        nodes = [
            Node(a, self.actors[a].name, self.actors[a].type, self.actors[a].mentions, link.to(actor_path(a)))
            for a in actor_ids
        ]
        edges = []
        ordered = sorted(chosen)
        for a in ordered:
            # Pairs among the few chosen nodes: a hub's own co-mention list has thousands of entries.
            mentioned_with = self.co.get(a, {})
            for b in ordered:
                if a < b and b in mentioned_with:
                    edges.append(Edge(a, b, len(mentioned_with[b])))
        svg = network_svg(nodes, edges, center=center, title=title, max_nodes=max_nodes)
        return Markup(figure_html(svg, None, css_class="dossier-figure dossier-figure--network"))

    # ---- pages -----------------------------------------------------------------------------

    def open_disagreements(self) -> list[Claim]:
        return [c for c in self.dossier.claims if c.status in ("contradict", "differ_in_precision")]

    def start(self, path: str = "index.md") -> StartView:
        link = Linker(self.urls, path)
        d = self.dossier
        settings = self.result.editorial.settings
        disagreements = self.open_disagreements()
        figures = [
            Figure("Quellen", de_int(len(d.sources)), link.to("quellen/index.md"), "Artikel, Satz für Satz ausgewertet"),
            Figure("Akteure", de_int(len(d.actors)), link.to("akteure/index.md"),
                   f"davon {de_int(sum(1 for a in d.actors if not a.reviewed))} nicht geprüft"),
            Figure("Ereignisse", de_int(len(d.events)), link.to("chronik.md"), self.period),
            Figure("Offene Widersprüche", de_int(len(disagreements)), link.to("vergleich.md"),
                   "widersprüchliche oder unterschiedlich genaue Angaben"),
        ]
        # most recent first by start date; a bare year ("2025") says too little to count as recent
        dated = [(span, e) for e in self.events if (span := span_of(e.date, e.date_end))]
        precise = [(span, e) for span, e in dated if e.precision in ("day", "week", "month")]
        dated = precise if len(precise) >= 3 else dated
        dated.sort(key=lambda se: (se[0][0], se[0][1], se[1].id), reverse=True)
        latest_events = [e for _, e in dated[:5]]
        reading = [
            Link("Chronik", link.to("chronik.md"), "Alle Ereignisse in zeitlicher Folge, mit Belegen und Filter nach Akteur."),
            Link("Quellenvergleich", link.to("vergleich.md"), "Wo die Quellen sich widersprechen oder unterschiedlich genau sind."),
            Link("Akteure", link.to("akteure/index.md"), "Wer vorkommt, wer mit wem genannt wird; ein Profil je Akteur."),
            Link("Quellen", link.to("quellen/index.md"), "Die Artikel selbst, mit markierten Namen, Daten und Zahlen."),
            Link("Methodik", link.to("methodik.md"), "Wie die Angaben gewonnen werden und wo die Grenzen liegen."),
        ]
        downloads = [Link(posixpath.basename(p), link.to(p), DOWNLOADS[p]) for p in available_exports()]
        return StartView(
            nav=self.nav(link), title=d.title, subtitle=settings.subtitle or "", description=d.description,
            figures=figures, period=self.period, latest=[self.event_view(e, link, max_cites=MAX_CITES_OUTSIDE_CHRONIK) for e in latest_events],
            reading=reading, downloads=downloads,
            strip=self._strip(link),
        )

    def chronik(self, part: ChronikPart | None = None, max_chips: int = 24) -> ChronikView:
        """The Chronik: all events on one page, or (`part`) one page of a split Chronik; the
        overview of a split Chronik (part None, several parts) lists the pages instead."""
        path = part.path if part else "chronik.md"
        link = Linker(self.urls, path)
        split = len(self.chronik_parts) > 1
        events = list(part.events) if part else [] if split else self.events
        views = [(e, self.event_view(e, link)) for e in events]
        years: list[YearGroup] = []
        undated: list[EventView] = []
        by_year: dict[tuple[int, bool], list[tuple[Event, EventView]]] = defaultdict(list)
        for e, v in views:
            year = _chronik_year(e)
            if year is None:
                undated.append(v)
            else:
                by_year[year].append((e, v))
        for (year, decade), items in sorted(by_year.items()):
            top = [v for e, v in items if _parts(e.date)[1] is None]
            months: dict[int, list[EventView]] = defaultdict(list)
            for e, v in items:
                mo = _parts(e.date)[1]
                if mo is not None:
                    months[mo].append(v)
            groups = [
                EventGroup(f"{MONTHS[mo - 1]} {year}", f"m-{year:04d}-{mo:02d}", _union(evs), evs)
                for mo, evs in sorted(months.items())
            ]
            years.append(YearGroup(
                heading=f"{year}er Jahre" if decade else str(year),
                anchor=f"j-{year:04d}" + ("-jahrzehnt" if decade else ""),
                data_actors=_union([v for _, v in items]), events=top, months=groups,
            ))
        if undated:
            years.append(YearGroup("Ohne genaues Datum", "ohne-datum", _union(undated), undated, []))
        # filter chips: the actors with the most events (at least two), the rest link to their profiles
        counts = Counter(a for e in events for a in set(e.actors) | ({e.place} if e.place else set()))
        ranked = sorted(
            (a for a in counts if a in self.actors),
            key=lambda a: (-counts[a], self.actors[a].name.casefold(), a),
        )
        chip_ids = [a for a in ranked if counts[a] >= 2][:max_chips]
        chips = [
            FilterChip(f"f-{safe_id(a)}", safe_id(a), self.actors[a].name, counts[a], link.to(actor_path(a)))
            for a in chip_ids
        ]
        others = [
            Link(self.actors[a].name, link.to(actor_path(a), "zeitleiste"), plural(counts[a], "Ereignis", "Ereignisse"))
            for a in sorted(set(ranked) - set(chip_ids), key=lambda a: (self.actors[a].name.casefold(), a))
        ]
        status = Counter(e.status for e in (events if part else self.events))
        parts = [] if part or not split else [
            Link(p.label, link.to(p.path), plural(len(p.events), "Ereignis", "Ereignisse")) for p in self.chronik_parts
        ]
        return ChronikView(
            nav=self.nav(link), heading=f"Chronik: {part.label}" if part else "Chronik",
            whole=link.to("chronik.md") if part else "", parts=parts,
            count=len(events) if part else len(self.events), period=self.period,
            status_counts=[(EVENT_STATUS_LABELS[s], status[s]) for s in ("past", "ongoing", "announced") if status[s]],
            strip=Markup("") if part else self._strip(link), chips=chips, other_actors=others,
            other_count=len(others), years=years,
        )

    def actors_index(self, path: str = "akteure/index.md") -> ActorsIndexView:
        link = Linker(self.urls, path)
        groups = []
        for kind, heading, anchor in KIND_GROUPS:
            members = sorted((a for a in self.dossier.actors if a.type == kind), key=lambda a: (-a.mentions, a.name.casefold(), a.id))
            if not members:
                continue
            rows = [
                ActorRow(
                    ref=self.actor_ref(a.id, link), mentions=a.mentions, sources=len(a.sources),
                    events=len(self.events_of.get(a.id, [])),
                    first=self.cite(min(a.evidence, key=self._evidence_key), link) if a.evidence else None,
                    description=self.description(a),
                )
                for a in members
            ]
            groups.append(ActorGroup(heading, anchor, rows))
        ranked = [a.id for a in sorted(self.dossier.actors, key=lambda a: (-a.mentions, a.id))]
        return ActorsIndexView(
            nav=self.nav(link), total=len(self.dossier.actors),
            unreviewed=sum(1 for a in self.dossier.actors if not a.reviewed), groups=groups,
            network=self._network(link, ranked[:40], None, "Wer mit wem in einem Satz genannt wird", 40),
        )

    def actor(self, a: Actor) -> tuple[str, ActorView]:
        path = actor_path(a.id)
        link = Linker(self.urls, path)
        ref = self.actor_ref(a.id, link)
        roles = [
            RoleRow(r.role, self.sources[r.evidence.source].short if r.evidence.source in self.sources else r.evidence.source,
                    self.sources[r.evidence.source].date if r.evidence.source in self.sources else "",
                    self.cite(r.evidence, link))
            for r in sorted(a.roles, key=lambda r: (self._evidence_key(r.evidence), r.role))[-PROFILE_MAX_ROWS:]
        ]
        events = self.events_of.get(a.id, [])
        if len(events) > PROFILE_MAX_ROWS:
            ranked = sorted(events, key=lambda e: (-len(self._evidence_by_source(e)), -len(e.evidence), chronik_order(e)))
            chosen = {e.id for e in ranked[:PROFILE_MAX_ROWS]}
            events = [e for e in events if e.id in chosen]
        timeline = [self.event_view(e, link, max_cites=MAX_CITES_OUTSIDE_CHRONIK) for e in events]
        spoken = sorted(self.quotes_of_speaker.get(a.id, []), key=lambda q: (self._evidence_key(q.evidence), q.id))
        quotes = [self.quote_view(q, link) for q in spoken[-PROFILE_MAX_ROWS:]]
        if self._claims_by_sentence is None:  # one index instead of a scan per actor
            self._claims_by_sentence = self._index_claims_by_sentence()
        found: dict[str, Claim] = {c.id: c for c in self.claims_about.get(a.id, [])}
        for ev in a.evidence:
            for c in self._claims_by_sentence.get((ev.source, ev.sentence_index), []):
                found.setdefault(c.id, c)
        claims = list(found.values())
        claims.sort(key=lambda c: (c.about != a.id, CLAIM_ORDER.get(c.status, 9), c.subject.casefold(), c.id))
        co = []
        for other, keys in sorted(self.co.get(a.id, {}).items(), key=lambda kv: (-len(kv[1]), self.actors[kv[0]].name.casefold(), kv[0]))[:10]:
            ordered = sorted(keys, key=lambda k: (self._source_rank.get(k[0], 0), k))
            cites = [self._cite_key(k, link) for k in ordered[:3]]
            co.append(CoActor(self.actor_ref(other, link), len(keys), cites, max(0, len(keys) - 3)))
        per_source: dict[str, list[Evidence]] = defaultdict(list)
        for ev in a.evidence:
            per_source[ev.source].append(ev)
        mention_counts = self._mentions_per_source(a.id)
        sources = []
        for sid in sorted(per_source, key=lambda s: (self._source_rank.get(s, 0), s))[-PROFILE_MAX_ROWS:]:
            info = self.sources.get(sid)
            evs = sorted(per_source[sid], key=lambda ev: ev.sentence_index)
            sources.append(SourceMention(
                source=info.short if info else sid, title=info.summary.title if info else sid, href=link.to(source_path(sid)),
                date=info.date if info else "", count=mention_counts.get(sid, len(evs)),
                cites=[self.cite(ev, link) for ev in evs[:MAX_CITES_OUTSIDE_CHRONIK]],
                more=max(0, len(evs) - MAX_CITES_OUTSIDE_CHRONIK),
            ))
        neighbours = [other for other, _ in sorted(self.co.get(a.id, {}).items(), key=lambda kv: (-len(kv[1]), kv[0]))[:15]]
        network = self._network(link, [a.id] + neighbours, a.id, f"Wer mit {a.name} in einem Satz genannt wird", 16)
        first = self.cite(min(a.evidence, key=self._evidence_key), link) if a.evidence else None
        return path, ActorView(
            nav=self.nav(link), ref=ref, name=a.name, kind_label=KIND_LABELS.get(a.type, a.type),
            aliases=self._aliases(a, link), description=self.description(a), curated=a.curated,
            reviewed=a.reviewed, mentions=a.mentions,
            mentions_label=f"{plural(a.mentions, 'Nennung', 'Nennungen')} in {plural(len(per_source), 'Quelle', 'Quellen')}",
            roles=roles, timeline=timeline, quotes=quotes,
            claims=[self.claim_view(c, link, max_values=MAX_CITES_OUTSIDE_CHRONIK) for c in claims[:PROFILE_MAX_ROWS]],
            co_actors=co, sources=sources, network=network, first=first,
            roles_note=_left_out(len(a.roles), len(roles), "Rollenangaben", "die neuesten", "stehen in data/dossier.json"),
            timeline_note=_left_out(len(self.events_of.get(a.id, [])), len(timeline), "Ereignissen", "die am häufigsten belegten",
                                    "stehen in der Chronik"),
            quotes_note=_left_out(len(spoken), len(quotes), "Zitaten", "die neuesten", "stehen auf den Seiten der Quellen"),
            claims_note=_left_out(len(claims), min(len(claims), PROFILE_MAX_ROWS), "Angaben", "die ersten", "stehen im Quellenvergleich"),
            sources_note=_left_out(len(per_source), len(sources), "Quellen", "die neuesten", "stehen in data/dossier.json"),
        )

    @staticmethod
    def description(a: Actor) -> str:
        """A curated description as an editorial text: a rebuild can bind a new one (.texts)."""
        return description_text(a.id, a.description) if a.curated else a.description or ""

    def _aliases(self, a: Actor, link: Linker) -> list[Link]:
        out = []
        for alias in a.aliases:
            if alias == a.name:
                continue
            key = self.first_mention.get((a.id, alias.casefold()))
            if key is None:
                out.append(Link(alias, "", ""))
            else:
                cite = self._cite_key(key, link)
                out.append(Link(alias, cite.href, f"{cite.label}, Satz {cite.sentence_no}: {cite.sentence}"))
        return out

    def _cite_key(self, key: tuple[str, int], link: Linker) -> Cite:
        sid, index = key
        info = self.sources.get(sid)
        text = ""
        if info and info.extraction and 0 <= index < len(info.extraction.sentences):
            text = info.extraction.sentences[index].text
        return Cite(link.to(source_path(sid), sentence_anchor(index)),
                    f"{info.short}, {info.date}" if info else sid, index + 1, clean_text(text), sid)

    def _mentions_per_source(self, actor_id: str) -> dict[str, int]:
        if self._mention_counts is None:  # one pass over all mentions, not one per actor
            counts: dict[str, Counter[str]] = defaultdict(Counter)
            for sid, info in self.sources.items():
                if info.extraction:
                    for m in info.extraction.mentions:
                        aid = self.resolve(m)
                        if aid is not None:
                            counts[aid][sid] += 1
            self._mention_counts = counts
        return dict(self._mention_counts.get(actor_id, {}))

    def comparison_part(self, part: ComparisonPart) -> ComparisonPartView:
        link = Linker(self.urls, part.path)
        return ComparisonPartView(
            nav=self.nav(link), heading=f"Quellenvergleich: {part.label}", whole=link.to("vergleich.md"),
            multi=[self.claim_view(c, link) for c in part.multi], single=[self.claim_view(c, link) for c in part.single],
        )

    def comparison(self, path: str = "vergleich.md") -> ComparisonView:
        link = Linker(self.urls, path)
        main_part, *more_parts = self.comparison_parts
        multi = [c for part in self.comparison_parts for c in part.multi]
        single = list(main_part.single)
        status = Counter(c.status for c in multi)
        # A matrix with one column per source is readable for a handful of sources only; beyond
        # that the rows keep their "k Quellen" count and the per-source view is the source page.
        matrix_sources = self.source_order if len(self.source_order) <= MATRIX_MAX_SOURCES else []
        columns = [
            SourceColumn(self.sources[s].short, link.to(source_path(s)), self.sources[s].summary.title, self.sources[s].date)
            for s in matrix_sources
        ]
        coverage_events = self.events
        coverage_actors = [a for a in self.dossier.actors if len(a.sources) > 1]
        coverage_note = ""
        if not matrix_sources:
            by_reach = sorted((e for e in self.events if len({ev.source for ev in e.evidence}) > 1),
                              key=lambda e: (-len({ev.source for ev in e.evidence}), chronik_order(e)))
            chosen = {e.id for e in by_reach[:COVERAGE_MAX_ROWS]}
            coverage_events = [e for e in self.events if e.id in chosen]
            coverage_actors.sort(key=lambda a: (-len(a.sources), -a.mentions, a.name.casefold(), a.id))
            coverage_actors = coverage_actors[:COVERAGE_MAX_ROWS]
            coverage_note = (f"Die Tabellen nennen die Ereignisse und Akteure, über die die meisten Quellen berichten "
                             f"(je höchstens {COVERAGE_MAX_ROWS}).")
        event_rows = []
        for e in coverage_events:
            first: dict[str, Evidence] = {}
            counts: Counter[str] = Counter()
            for ev in sorted(e.evidence, key=lambda ev: ev.sentence_index):
                first.setdefault(ev.source, ev)
                counts[ev.source] += 1
            cells = [_cell(self.cite(first[s], link) if s in first else None, counts[s]) for s in matrix_sources]
            event_rows.append(MatrixRow(e.title, link.to(self.event_page[e.id], event_anchor(e.id)),
                                        format_when(e.date, e.date_end, e.precision), cells, len(first)))
        multi_actors = [a for a in self.dossier.actors if len(a.sources) > 1]
        multi_actors.sort(key=lambda a: (-len(a.sources), -a.mentions, a.name.casefold(), a.id))
        actor_rows = []
        for a in (coverage_actors if not matrix_sources else multi_actors):
            first = {}
            counts = Counter()
            for ev in sorted(a.evidence, key=lambda ev: ev.sentence_index):
                first.setdefault(ev.source, ev)
                counts[ev.source] += 1
            cells = [_cell(self.cite(first[s], link) if s in first else None, counts[s]) for s in matrix_sources]
            actor_rows.append(MatrixRow(a.name, link.to(actor_path(a.id)), KIND_LABELS.get(a.type, a.type), cells, len(first)))
        # "Left out" means: most other sources report it (at least 2, at least half of them).
        threshold = 1 if len(self.source_order) <= 2 else max(2, len(self.source_order) // 2)
        event_sources = [(e, {ev.source for ev in e.evidence}) for e in self.events]
        common_events = [(e, srcs) for e, srcs in event_sources if len(srcs) >= threshold]
        common_actors = [(a, set(a.sources)) for a in multi_actors if len(a.sources) >= threshold]
        omissions = []
        for s in self.source_order:
            missing_events = [
                Link(e.title, link.to(self.event_page[e.id], event_anchor(e.id)), format_when(e.date, e.date_end, e.precision))
                for e, srcs in common_events if s not in srcs
            ]
            missing_actors = [
                Link(a.name, link.to(actor_path(a.id)), plural(len(a.sources), "Quelle", "Quellen"))
                for a, srcs in common_actors if s not in srcs
            ]
            omissions.append(Omission(self.sources[s].short, link.to(source_path(s)), missing_events, missing_actors))
        return ComparisonView(
            nav=self.nav(link), multi_count=len(multi), multi=[self.claim_view(c, link) for c in main_part.multi],
            single=[self.claim_view(c, link) for c in single],
            multi_parts=[Link(p.label, link.to(p.path), plural(len(p.multi), "Angabe", "Angaben")) for p in more_parts if p.multi],
            single_parts=[Link(p.label, link.to(p.path), plural(len(p.single), "Angabe", "Angaben")) for p in more_parts if p.single],
            coverage_note=coverage_note,
            status_counts=[(s, CLAIM_STATUS[s][0], status[s]) for s in ("contradict", "differ_in_precision", "agree") if status[s]],
            columns=columns, event_rows=event_rows, actor_rows=actor_rows,
            actors_left_out=len(self.dossier.actors) - len(multi_actors), omissions=omissions,
            omission_text="eine andere Quelle berichtet" if threshold == 1 else f"mindestens {threshold} andere Quellen berichten",
        )

    def review(self, path: str = "redaktion.md") -> ReviewView:
        """What still needs an editor, grouped by kind, each with the sentence to check."""
        from ..review import review_items

        link = Linker(self.urls, path)
        groups: dict[str, list[ReviewRow]] = defaultdict(list)
        for item in review_items(self.result):
            target = {
                "actor": lambda: link.to(actor_path(item.id)),
                "event": lambda: link.to(self.event_page[item.id], event_anchor(item.id)) if item.id in self.event_page else None,
            }.get(item.kind, lambda: None)()
            groups[item.kind].append(ReviewRow(
                item.id, item.what, target, link.to(source_path(item.source), sentence_anchor(item.sentence)),
                self.sources[item.source].short if item.source in self.sources else item.source,
            ))
        ordered = [(REVIEW_LABELS[k], groups[k]) for k in REVIEW_LABELS if groups.get(k)]
        return ReviewView(self.nav(link), sum(len(rows) for _, rows in ordered), ordered)

    def sources_index(self, path: str = "quellen/index.md") -> SourcesIndexView:
        link = Linker(self.urls, path)
        rows = []
        for sid in self.source_order:
            info = self.sources[sid]
            x = info.extraction
            rows.append(SourceRow(
                href=link.to(source_path(sid)), title=info.summary.title, outlet=info.summary.outlet or "nicht angegeben",
                date=long_date(info.summary.published), iso=iso_date(info.summary.published), note=info.summary.note or "",
                sentences=len(x.sentences) if x else 0, actors=len({self.resolve(m) for m in x.mentions} - {None}) if x else 0,
                events=len(self.events_of_source.get(sid, [])),
                numbers=len(x.quantities) if x else 0,
            ))
        return SourcesIndexView(self.nav(link), len(rows), rows)

    def source(self, sid: str) -> tuple[str, SourceView]:
        path = source_path(sid)
        link = Linker(self.urls, path)
        info = self.sources[sid]
        src, x = info.source, info.extraction
        summary = info.summary
        body = src.body if src else ""
        paragraphs = self._paragraphs(body, x, link) if x else [[Run(False, "", 0, [Segment(body, "")])]]
        actors: dict[str, list] = defaultdict(list)
        if x:
            for m in x.mentions:
                aid = self.resolve(m)
                if aid is not None:
                    actors[aid].append(m)
        extracted_actors = []
        for aid, ms in sorted(actors.items(), key=lambda kv: (-len(kv[1]), self.actors[kv[0]].name.casefold() if kv[0] in self.actors else kv[0], kv[0])):
            sentences = sorted({m.sentence for m in ms})
            extracted_actors.append(ExtractedActor(self.actor_ref(aid, link), len(ms), [self._cite_key((sid, i), link) for i in sentences]))
        dates = [
            ExtractedDate(d.text, format_when(d.date, d.date_end, d.precision) if d.date else "nicht aufgelöst",
                          PRECISION_LABELS.get(d.precision, d.precision), d.relative, self._cite_key((sid, d.sentence), link))
            for d in (x.dates if x else [])
        ]
        claim_of = self.claim_of_number.get(sid, {})
        numbers = []
        for q in (x.quantities if x else []):
            c = claim_of.get((q.sentence, q.text))
            numbers.append(ExtractedNumber(
                q.text, _NUMBER_PREFIX.get(q.qualifier or "", "") + de_number(q.value) + (f" {q.unit}" if q.unit else ""),
                q.counted or "", Link(c.subject, link.to(self.claim_page[c.id], claim_anchor(c.id))) if c else None,
                self._cite_key((sid, q.sentence), link),
            ))
        quotes = [self.quote_view(q, link) for q in self.quotes_of_source.get(sid, [])]
        # This source's own sentences first; other sources' only up to the limit (see event_view).
        events = [self.event_view(e, link, max_cites=MAX_CITES_OUTSIDE_CHRONIK, first_source=sid)
                  for e in self.events_of_source.get(sid, [])]
        counts = [
            ("Sätze", len(x.sentences) if x else 0),
            ("Akteursnennungen", len(x.mentions) if x else 0),
            ("Datumsangaben", len(x.dates) if x else 0),
            ("Zahlenangaben", len(x.quantities) if x else 0),
            ("Zitate", len(x.quotes) if x else 0),
            ("Ereignisse", len(events)),
        ]
        file = posixpath.join("content/sources", posixpath.basename(src.path.replace("\\", "/"))) if src else ""
        return path, SourceView(
            nav=self.nav(link), id=sid, title=summary.title, outlet=summary.outlet or "nicht angegeben",
            date=long_date(summary.published), iso=iso_date(summary.published), url=safe_url(summary.url),
            note=summary.note or "", file=file, counts=counts, paragraphs=paragraphs,
            furniture=[FurnitureRow(f.line, f.text, f.reason) for f in (src.furniture if src else [])],
            furniture_count=len(src.furniture) if src else 0,
            actors=extracted_actors, dates=dates, numbers=numbers, quotes=quotes, events=events,
        )

    def _paragraphs(self, body: str, x: SourceExtraction, link: Linker) -> list[list[Run]]:
        """The body as paragraphs of sentence runs with marked actors, dates and numbers."""
        marks = []  # (start, end, kind, href, title)
        for d in x.dates:
            resolved = format_when(d.date, d.date_end, d.precision) if d.date else "nicht aufgelöst"
            marks.append((d.start, d.end, "date", "", f"Datum: {resolved} ({PRECISION_LABELS.get(d.precision, d.precision)})"))
        for q in x.quantities:
            value = _NUMBER_PREFIX.get(q.qualifier or "", "") + de_number(q.value)
            marks.append((q.start, q.end, "quantity", "", f"Zahl: {value}" + (f" {q.counted}" if q.counted else "")))
        for m in x.mentions:
            aid = self.resolve(m)
            if aid is None:
                continue
            a = self.actors.get(aid)
            href = link.to(actor_path(aid)) if a else ""
            title = f"{a.name} ({KIND_LABELS.get(a.type, a.type)})" if a else m.name
            marks.append((m.start, m.end, "actor", href, title))
        # longest first at each position; drop anything overlapping an accepted mark
        marks.sort(key=lambda t: (t[0], -(t[1] - t[0]), t[2]))
        accepted = []
        last_end = -1
        for mk in marks:
            if mk[0] < 0 or mk[1] > len(body) or mk[1] <= mk[0]:
                continue
            if mk[0] >= last_end:
                accepted.append(mk)
                last_end = mk[1]
        sentences = [(s.start, s.end, i) for i, s in enumerate(x.sentences) if 0 <= s.start < s.end <= len(body)]
        paragraphs: list[list[Run]] = []
        for p_start, p_end in _paragraph_spans(body):
            runs: list[Run] = []
            pos = p_start
            for s_start, s_end, i in sentences:
                a, b = max(s_start, p_start), min(s_end, p_end)
                if a >= b:
                    continue
                if a > pos:
                    runs.append(Run(False, "", 0, [Segment(body[pos:a], "")]))
                first = a == s_start
                runs.append(Run(True, sentence_anchor(i) if first else "", i + 1 if first else 0,
                                _segments(body, a, b, accepted)))
                pos = b
            if pos < p_end:
                runs.append(Run(False, "", 0, [Segment(body[pos:p_end], "")]))
            paragraphs.append(runs)
        return paragraphs

    def method(self, path: str = "methodik.md") -> MethodView:
        link = Linker(self.urls, path)
        d = self.dossier
        ex = self.result.run.extractions
        ed = self.result.editorial
        roles = ed.roles
        claim_status = Counter(c.status for c in d.claims)
        event_status = Counter(e.status for e in d.events)
        precisions = Counter(dd.precision for x in ex for dd in x.dates)
        counts = {
            "sources": de_int(len(d.sources)),
            "sentences": de_int(sum(len(x.sentences) for x in ex)),
            "mentions": de_int(sum(len(x.mentions) for x in ex)),
            "actors": de_int(len(d.actors)),
            "actors_curated": de_int(sum(1 for a in d.actors if a.curated)),
            "actors_new": de_int(sum(1 for a in d.actors if not a.curated)),
            "dates": de_int(sum(len(x.dates) for x in ex)),
            "dates_relative": de_int(sum(1 for x in ex for dd in x.dates if dd.relative)),
            "dates_unresolved": de_int(sum(1 for x in ex for dd in x.dates if dd.date is None)),
            "quantities": de_int(sum(len(x.quantities) for x in ex)),
            "quotes": de_int(len(d.quotes)),
            "quotes_speaker": de_int(sum(1 for q in d.quotes if q.speaker)),
            "events": de_int(len(d.events)),
            "event_candidates": de_int(sum(len(x.events) for x in ex)),
            "claims": de_int(len(d.claims)),
            "claims_quantity": de_int(sum(1 for c in d.claims if c.kind == "quantity")),
            "claims_role": de_int(sum(1 for c in d.claims if c.kind == "role")),
            "furniture": de_int(sum(len(s.furniture) for s in self.result.sources)),
            "reviewed_events": de_int(sum(1 for e in d.events if e.reviewed)),
            "reviewed_claims": de_int(sum(1 for c in d.claims if c.reviewed)),
            "reviewed_quotes": de_int(sum(1 for q in d.quotes if q.reviewed)),
        }
        return MethodView(
            nav=self.nav(link), counts=counts,
            pipelines=sorted({x.pipeline for x in ex}),
            model=ed.settings.pipeline or "",
            role_words=len(roles.person) + len(roles.organization) + len(roles.place),
            known_names=len(ed.known_names.organizations) + len(ed.known_names.places) + len(ed.known_names.states),
            curated_actors=len(ed.actors.actors),
            aliases=sum(len(a.aliases) for a in ed.actors.actors),
            rejected=len(ed.actors.reject),
            reviewed_actors=sum(1 for a in d.actors if a.reviewed),
            unreviewed_actors=sum(1 for a in d.actors if not a.reviewed),
            claim_status=[(s, CLAIM_STATUS[s][0], claim_status[s]) for s in CLAIM_ORDER if claim_status[s]],
            event_status=[(EVENT_STATUS_LABELS[s], event_status[s]) for s in ("past", "ongoing", "announced") if event_status[s]],
            precisions=[(PRECISION_LABELS[p], precisions[p]) for p in PRECISION_LABELS if precisions[p]],
        )


def chronik_order(e: Event) -> tuple:
    """Events in the Chronik: by date range, the undated last."""
    span = span_of(e.date, e.date_end)
    if span is None:
        return (1, dt.date.max, dt.date.max, e.id)
    return (0, span[0], span[1], e.id)


def _chronik_year(e: Event) -> tuple[int, bool] | None:
    """(year, is a decade) under which the Chronik lists an event; None: "Ohne genaues Datum"."""
    p = _parts(e.date)
    if p is None or e.precision in ("vague", "unresolved"):
        return None
    return p[0], e.precision == "decade"


def event_pages(events: list[Event]) -> dict[str, str]:
    """{event id: the Chronik page that shows it}."""
    return {e.id: part.path for part in chronik_parts(sorted(events, key=chronik_order)) for e in part.events}


def chronik_parts(events: list[Event]) -> list[ChronikPart]:
    """The pages of the Chronik (`events` in Chronik order): one while the events fit on it, else
    one per year (a decade counts as one), a year too large for one page split into its months,
    and the undated."""
    if len(events) <= CHRONIK_PAGE_MAX_EVENTS:
        return [ChronikPart("chronik.md", "", tuple(events))]
    by_year: dict[tuple[int, bool], list[Event]] = defaultdict(list)
    undated: list[Event] = []
    for e in events:
        year = _chronik_year(e)
        if year is None:
            undated.append(e)
        else:
            by_year[year].append(e)
    parts = []
    for (year, decade), items in sorted(by_year.items()):
        if decade:
            parts.append(ChronikPart(f"chronik/{year:04d}er.md", f"{year}er Jahre", tuple(items)))
            continue
        if len(items) <= CHRONIK_PAGE_MAX_EVENTS:
            parts.append(ChronikPart(f"chronik/{year:04d}.md", str(year), tuple(items)))
            continue
        months: dict[int | None, list[Event]] = defaultdict(list)
        for e in items:
            months[_parts(e.date)[1]].append(e)
        if months.get(None):
            parts.append(ChronikPart(f"chronik/{year:04d}.md", f"{year} ohne Monat", tuple(months[None])))
        for month in sorted(m for m in months if m is not None):
            parts.append(ChronikPart(f"chronik/{year:04d}-{month:02d}.md", f"{MONTHS[month - 1]} {year}", tuple(months[month])))
    if undated:
        parts.append(ChronikPart("chronik/ohne-datum.md", "Ohne genaues Datum", tuple(undated)))
    return parts


def claim_pages(claims: list[Claim]) -> dict[str, str]:
    """{claim id: the Quellenvergleich page that shows it}."""
    return {c.id: part.path for part in comparison_parts(claims) for c in part.multi + part.single}


def comparison_parts(claims: list[Claim]) -> list[ComparisonPart]:
    """The pages of the Quellenvergleich's claims, contradictions first: vergleich.md while they
    fit, else pages of COMPARISON_PAGE_MAX_CLAIMS claims of several sources (the first on
    vergleich.md) and pages of five times as many claims of one source (table rows)."""
    ordered = sorted(claims, key=lambda c: (CLAIM_ORDER.get(c.status, 9), c.subject.casefold(), c.id))
    multi = [c for c in ordered if len({v.source for v in c.values}) > 1]
    single = [c for c in ordered if len({v.source for v in c.values}) <= 1]
    if len(ordered) <= COMPARISON_PAGE_MAX_CLAIMS:
        return [ComparisonPart("vergleich.md", "", tuple(multi), tuple(single))]
    size = COMPARISON_PAGE_MAX_CLAIMS
    parts = [ComparisonPart("vergleich.md", "", tuple(multi[:size]), ())]
    for k, start in enumerate(range(size, len(multi), size), start=2):
        parts.append(ComparisonPart(f"vergleich/mehrere-quellen-{k}.md", f"Angaben mehrerer Quellen, Teil {k}",
                                    tuple(multi[start:start + size]), ()))
    size *= 5
    for k, start in enumerate(range(0, len(single), size), start=1):
        parts.append(ComparisonPart(f"vergleich/eine-quelle-{k}.md", f"Angaben nur einer Quelle, Teil {k}",
                                    (), tuple(single[start:start + size])))
    return parts


def _more_values_text(n: int, on_comparison: bool) -> str:
    where = "in der Tabelle claims.csv" if on_comparison else "im Quellenvergleich"
    if n == 1:
        return f"1 weitere Angabe {where}"
    return f"{de_int(n)} weitere Angaben {where}" if on_comparison else f"Alle {de_int(n)} weiteren Angaben {where}"


def _left_out(total: int, shown: int, what: str, which: str, where: str) -> str:
    """The note under a capped list: "Gezeigt: die neuesten 100 von 2.345 Zitaten; alle stehen ..."."""
    if shown >= total:
        return ""
    return f"Gezeigt: {which} {de_int(shown)} von {de_int(total)} {what}; alle {where}."


def _cell(cite: Cite | None, count: int) -> MatrixCell:
    return MatrixCell(cite, count, str(count) if count > 1 else "")


def _union(events: list[EventView]) -> str:
    return " ".join(sorted({a for v in events for a in v.data_actors.split()}))


def _paragraph_spans(body: str) -> list[tuple[int, int]]:
    """(start, end) of the paragraphs: text between blank lines, surrounding whitespace excluded."""
    spans = []
    pos = 0
    for m in re.finditer(r"\n[ \t]*\n\s*", body):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(body)))
    out = []
    for a, b in spans:
        while a < b and body[a].isspace():
            a += 1
        while b > a and body[b - 1].isspace():
            b -= 1
        if a < b:
            out.append((a, b))
    return out


def _segments(body: str, a: int, b: int, marks: list[tuple[int, int, str, str, str]]) -> list[Segment]:
    out = []
    pos = a
    for start, end, kind, href, title in marks:
        if end <= a or start >= b:
            continue
        if start < a or end > b:
            continue  # a mark across a sentence or paragraph border stays unmarked
        if start > pos:
            out.append(Segment(body[pos:start], ""))
        out.append(Segment(body[start:end], kind, href, title))
        pos = end
    if pos < b:
        out.append(Segment(body[pos:b], ""))
    return out


# --------------------------------------------------------------------------------------------
# all pages
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PagePlan:
    """A page before its view is built: `make_view()` builds it (see :func:`page_plans`)."""

    path: str
    template: str
    title: str  # plain text; escaped by the template
    make_view: Callable[[], object]


def page_plans(m: SiteModel) -> list[PagePlan]:
    """Every generated page of the site model, in a fixed order, without building any view yet:
    views are built one at a time (and can be built in several processes)."""
    d = m.dossier
    plans = [
        PagePlan("index.md", "index.md.j2", d.title, m.start),
        PagePlan("chronik.md", "chronik.md.j2", "Chronik", m.chronik),
    ]
    if len(m.chronik_parts) > 1:
        plans += [PagePlan(part.path, "chronik.md.j2", f"Chronik: {part.label}", partial(m.chronik, part))
                  for part in m.chronik_parts]
    plans += [
        PagePlan("akteure/index.md", "akteure.md.j2", "Akteure", m.actors_index),
        PagePlan("vergleich.md", "vergleich.md.j2", "Quellenvergleich", m.comparison),
        *(PagePlan(part.path, "vergleich_teil.md.j2", f"Quellenvergleich: {part.label}", partial(m.comparison_part, part))
          for part in m.comparison_parts[1:]),
        PagePlan("quellen/index.md", "quellen.md.j2", "Quellen", m.sources_index),
        PagePlan("methodik.md", "methodik.md.j2", "Methodik", m.method),
        PagePlan("redaktion.md", "redaktion.md.j2", "Redaktion: offene Prüfungen", m.review),
    ]
    plans += [PagePlan(actor_path(a.id), "akteur.md.j2", a.name, partial(_view_of, m.actor, a))
              for a in sorted(d.actors, key=lambda a: a.id)]
    plans += [PagePlan(source_path(sid), "quelle.md.j2", m.sources[sid].summary.title, partial(_view_of, m.source, sid))
              for sid in sorted(m.sources)]
    paths = [p.path for p in plans]
    if len(set(paths)) != len(paths):
        raise ValueError(f"two pages at {sorted(p for p in paths if paths.count(p) > 1)[0]}")
    return plans


def _view_of(build: Callable, item) -> object:
    path, view = build(item)
    return view


def build_pages(result: BuildResult, *, directory_urls: bool = True) -> Iterator[PageSpec]:
    """Every generated page: site path, template, page title (plain text) and its view.

    A generator: each view is rendered and dropped before the next is built. Holding every view
    at once took more memory than the rendered site (and the garbage collector's time with it)."""
    for plan in page_plans(SiteModel(result, directory_urls=directory_urls)):
        yield PageSpec(plan.path, plan.template, plan.title, plan.make_view())
