"""Stage 0: a copied article page becomes a source file, its front matter read from its own text.

Editors copy a page as it was published; the front matter (content/sources/ format, see
:class:`~dossier.model.SourceMeta`) is what the page itself says, and nothing is invented:

    title      the headline: the first line of the body that is no sentence; a page without one
               gets the first words of its first sentence, and the note says so
    published  a date line near the top ("02.09.25 05:24 Uhr", "Stand: 3. September 2025",
               "aktualisiert am 14.03.2025, 18:42 Uhr"); none found: null, and the note says that
               relative dates ("morgen") stay unresolved until an editor fills it in
    outlet     the agency tag of a dateline ("PJÖNGJANG/PEKING (dpa-AFX) -"), else null
    id         the headline as a slug, or what the editor gives

Anything the editor passes (``--title``, ``--published``, ...) wins over what is read.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import ValidationError

from .cleaner import FurnitureRule, clean
from .errors import DossierError, Problem
from .extraction.dates import MONTHS
from .extraction.lexicon import slugify
from .model import SourceMeta
from .sources import load_furniture_rules, source_files
from .yamlio import read_text, write_atomic

__all__ = ["Draft", "add_sources", "draft_source", "source_file_text"]

_HEAD_LINES = 15  # date lines and datelines stand in the page head
_MAX_TITLE_WORDS = 25
_FALLBACK_TITLE_WORDS = 10
_MAX_ID_LENGTH = 60

_MONTH_NAMES = "|".join(sorted((re.escape(name) for name in MONTHS), key=len, reverse=True))
_DATE_LINE = re.compile(
    r"^\s*(?:(?:stand|(?:zuletzt\s+)?aktualisiert(?:\s+am)?|veröffentlicht(?:\s+am)?|erstellt(?:\s+am)?|datum)\s*:?\s*)?"
    r"(?:(?P<day>\d{1,2})\.\s*(?P<month>\d{1,2})\.\s*(?P<year>\d{4}|\d{2})"
    rf"|(?P<wday>\d{{1,2}})\.\s*(?P<wmonth>{_MONTH_NAMES})\s+(?P<wyear>\d{{4}})"
    r"|(?P<iyear>\d{4})-(?P<imonth>\d{2})-(?P<iday>\d{2}))"
    r"(?:\s*(?:,|-|–|\||um)?\s*(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?:\s*uhr)?)?\s*$",
    re.IGNORECASE,
)
# "PJÖNGJANG/PEKING (dpa-AFX) -", "KAIRO (dpa) –", "PEKING / LONDON (IT BOLTWISE) –"
_DATELINE_TAG = re.compile(r"^[A-ZÄÖÜ][A-ZÄÖÜ.\- /]*\s\((?P<tag>[^()]{2,30})\)\s*[-–—:]")
_SENTENCE_END = re.compile(r"[.!?…][“”\"»«’)]*$")


@dataclass(frozen=True)
class Draft:
    """A new source: its front matter and the page text it goes with."""

    meta: SourceMeta
    text: str


def draft_source(text: str, rules: Sequence[FurnitureRule], *, today: dt.date, id: str | None = None,
                 title: str | None = None, outlet: str | None = None, url: str | None = None,
                 published: dt.date | dt.datetime | None = None) -> Draft:
    """The front matter of `text` (a copied page), with the editor's values where given.
    Raises ValueError when the page has no article text or a given value is invalid."""
    text = text.replace("\r\n", "\n").strip("\n") + "\n"
    body = clean(text, rules).body
    if not body.strip():
        raise ValueError("the text has no article text (only page furniture or nothing)")
    notes: list[str] = []
    head = [line.strip() for line in text.split("\n") if line.strip()][:_HEAD_LINES]

    if title is None:
        title, how = _title(body)
        if how:
            notes.append(how)
    if published is None:
        published, line = _published(head, today)
        notes.append(f"Datum aus der Datumszeile „{line}“." if line else
                     "Kein Datum auf der Seite gefunden: bitte `published` eintragen, sonst bleiben "
                     "relative Angaben wie „morgen“ unaufgelöst.")
    if outlet is None:
        outlet = next((m.group("tag").strip() for line in head if (m := _DATELINE_TAG.match(line))), None)
        if outlet:
            notes.append(f"Medium aus dem Kürzel „({outlet})“ in der Ortsmarke.")
    try:
        meta = SourceMeta(id=id or _slug(title), title=title, outlet=outlet, url=url, published=published,
                          language="de", note=" ".join(notes) or None)
    except ValidationError as exc:  # an editor's --id or --url
        raise ValueError("; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())) from None
    return Draft(meta, text)


def add_sources(files: Sequence[Path], content_dir: Path, *, today: dt.date, id: str | None = None,
                **given: object) -> list[tuple[Path, SourceMeta]]:
    """Write content/sources/<id>.md for each page in `files` (see :func:`draft_source` for
    `given`). All or nothing: every problem of every file is reported and no file is written
    then; an id that a source has already is one."""
    if id is not None and len(files) > 1:
        raise DossierError(Problem(Path(files[1]), None, "--id names one source: add the files one by one"))
    sources_dir = Path(content_dir) / "sources"
    rules = load_furniture_rules(Path(content_dir) / "lexicon" / "furniture.yml")
    taken = {path.stem for path in source_files(sources_dir)}
    drafts: list[Draft] = []
    problems: list[Problem] = []
    for path in files:
        try:
            draft = draft_source(read_text(path), rules, today=today, id=id, **given)  # type: ignore[arg-type]
        except DossierError as exc:
            problems.extend(exc.problems)
            continue
        except ValueError as exc:
            problems.append(Problem(Path(path), None, str(exc)))
            continue
        if draft.meta.id in taken:
            problems.append(Problem(Path(path), None, f"a source '{draft.meta.id}' exists already in {sources_dir}: give another --id"))
            continue
        taken.add(draft.meta.id)
        drafts.append(draft)
    if problems:
        raise DossierError(problems)
    added = []
    for draft in drafts:
        target = sources_dir / f"{draft.meta.id}.md"
        write_atomic(target, source_file_text(draft))
        added.append((target, draft.meta))
    return added


def source_file_text(draft: Draft) -> str:
    """The file for content/sources/: YAML front matter, then the page text unchanged."""
    meta = draft.meta
    fields = {
        "id": meta.id, "title": meta.title, "outlet": meta.outlet, "url": meta.url,
        # as the README writes it ("2025-09-02T05:24:00"), not YAML's "2025-09-02 05:24:00"
        "published": _Iso(meta.published.isoformat()) if meta.published else None, "language": meta.language, "note": meta.note,
    }
    front = yaml.dump(fields, Dumper=_FrontMatterDumper, allow_unicode=True, sort_keys=False, width=100)
    return f"---\n{front}---\n{draft.text}"


class _Iso(str):
    """A date or date-time written as a plain YAML scalar (PyYAML would quote the string)."""


class _FrontMatterDumper(yaml.SafeDumper):
    pass


_FrontMatterDumper.add_representer(_Iso, lambda dumper, value: dumper.represent_scalar("tag:yaml.org,2002:timestamp", value))


def _title(body: str) -> tuple[str, str | None]:
    first = body.split("\n", 1)[0].strip()
    if not _SENTENCE_END.search(first) and len(first.split()) <= _MAX_TITLE_WORDS:
        return first, None
    dateline = _DATELINE_TAG.match(first)
    words = first[dateline.end():].split() if dateline else first.split()
    short = " ".join(words[:_FALLBACK_TITLE_WORDS]) + (" …" if len(words) > _FALLBACK_TITLE_WORDS else "")
    return short, "Titel: Anfang des ersten Satzes (die Seite hat keine Überschrift)."


def _published(head: list[str], today: dt.date) -> tuple[dt.date | dt.datetime | None, str | None]:
    for line in head:
        match = _DATE_LINE.match(line)
        if match is None:
            continue
        value = _date_of(match)
        if value is not None and (value.date() if isinstance(value, dt.datetime) else value) <= today:
            return value, line
    return None, None


def _date_of(m: re.Match[str]) -> dt.date | dt.datetime | None:
    if m.group("day"):
        year = int(m.group("year"))
        day, month, year = int(m.group("day")), int(m.group("month")), year + 2000 if year < 100 else year
    elif m.group("wday"):
        day, month, year = int(m.group("wday")), MONTHS[m.group("wmonth").lower()], int(m.group("wyear"))
    else:
        day, month, year = int(m.group("iday")), int(m.group("imonth")), int(m.group("iyear"))
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None  # "31.02.25" is no date
    if m.group("hour"):
        try:
            return dt.datetime(year, month, day, int(m.group("hour")), int(m.group("minute")))
        except ValueError:
            pass  # "25:70 Uhr": the day alone
    return date


def _slug(title: str) -> str:
    slug = slugify(title)
    if len(slug) > _MAX_ID_LENGTH:
        slug = slug[:_MAX_ID_LENGTH].rsplit("-", 1)[0]
    return slug
