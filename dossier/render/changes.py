"""What changed since the previous edition: the "Änderungen" page.

Both sides are the parsed ``data/dossier.json`` of an edition (the public contract, so an
edition built by an older version of this code can still be compared).  Items are matched by
id per kind; for items present in both, only the fields a reader cares about are compared
(:data:`FIELDS`).  Everything is plain data; the page is rendered by
``templates/aenderungen.md.j2``, whose data is printed in raw HTML blocks only (escaped by
Jinja2's autoescape), never in Markdown.

Entry points
    :func:`diff_dossiers` -> :class:`Changes`;
    :func:`render_changes` (template) and :func:`changes_page` (dossier + previous edition ->
    page text, what ``render_site`` calls).
"""

from __future__ import annotations

from urllib.parse import quote
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from jinja2 import Environment

from ..model import Dossier
from .views import (
    CLAIM_STATUS,
    EVENT_STATUS_LABELS,
    KIND_LABELS,
    PRECISION_LABELS,
    Urls,
    actor_path,
    claim_anchor,
    claim_pages,
    event_anchor,
    event_pages,
    sentence_anchor,
    source_path,
)

__all__ = [
    "CHANGES_PATH",
    "FIELDS",
    "KINDS",
    "Changes",
    "ChangedItem",
    "FieldChange",
    "Item",
    "KindChanges",
    "ChangeLinks",
    "changes_page",
    "changes_page_of",
    "diff_dossiers",
    "render_changes",
]

#: Where the page lives in the site (URL ``aenderungen/``).
CHANGES_PATH = "aenderungen.md"
TEMPLATE = "aenderungen.md.j2"

#: (key in dossier.json, German heading), in page order.
KINDS: tuple[tuple[str, str], ...] = (
    ("sources", "Quellen"),
    ("actors", "Akteure"),
    ("events", "Ereignisse"),
    ("claims", "Angaben im Quellenvergleich"),
    ("quotes", "Zitate"),
)

#: Per kind: the compared fields, (key, German label), in display order.
FIELDS: dict[str, tuple[tuple[str, str], ...]] = {
    "sources": (("title", "Titel"), ("outlet", "Medium"), ("published", "Veröffentlicht"), ("url", "Adresse"),
                ("note", "Anmerkung")),
    "actors": (("name", "Name"), ("type", "Art"), ("aliases", "Andere Namen"), ("description", "Beschreibung"),
               ("reviewed", "Geprüft")),
    "events": (("title", "Titel"), ("date", "Datum"), ("date_end", "Bis"), ("precision", "Genauigkeit"),
               ("status", "Status"), ("actors", "Beteiligte"), ("place", "Ort"), ("sources", "Belegt in")),
    "claims": (("status", "Befund"), ("values", "Angaben"), ("note", "Anmerkung")),
    "quotes": (("speaker", "Sprecher"), ("text", "Wortlaut")),
}

NONE = "—"


# --- data ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FieldChange:
    field: str  # key in dossier.json ("title", "values", ...)
    label: str  # German label ("Titel")
    old: str  # display text of the previous value ("—" when empty)
    new: str


@dataclass(frozen=True)
class Item:
    """An added or removed item."""

    id: str
    label: str  # what a reader recognises: title, name, subject, quote text
    detail: str = ""  # a short second line: outlet and date, type, date of an event, speaker
    href: str = ""  # link to the item in this edition ("" for removed items)


@dataclass(frozen=True)
class ChangedItem:
    id: str
    label: str
    fields: list[FieldChange]
    href: str = ""


@dataclass
class KindChanges:
    kind: str  # "sources", "actors", ...
    title: str  # German heading
    added: list[Item] = field(default_factory=list)
    removed: list[Item] = field(default_factory=list)
    changed: list[ChangedItem] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed)


@dataclass
class Changes:
    first: bool  # no previous edition to compare with
    kinds: list[KindChanges]

    def __getitem__(self, kind: str) -> KindChanges:
        for k in self.kinds:
            if k.kind == kind:
                return k
        raise KeyError(kind)

    @property
    def empty(self) -> bool:
        return all(k.empty for k in self.kinds)

    @property
    def new_sources(self) -> list[Item]:
        return self["sources"].added


# --- formatting ---------------------------------------------------------------------------------


def _items(data: Mapping[str, Any] | None, kind: str) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for item in (data or {}).get(kind) or []:
        if isinstance(item, dict) and isinstance(item.get("id"), str):
            out[item["id"]] = item
    return out


class _Names:
    """Display names from both editions (the current one wins)."""

    def __init__(self, previous: Mapping[str, Any] | None, current: Mapping[str, Any]):
        self.actors: dict[str, str] = {}
        self.sources: dict[str, str] = {}
        for data in (previous, current):
            for a in _items(data, "actors").values():
                self.actors[a["id"]] = str(a.get("name") or a["id"])
            for s in _items(data, "sources").values():
                self.sources[s["id"]] = str(s.get("outlet") or s.get("title") or s["id"])

    def actor(self, actor_id: object) -> str:
        return self.actors.get(str(actor_id), str(actor_id)) if actor_id else NONE

    def source(self, source_id: object) -> str:
        return self.sources.get(str(source_id), str(source_id))


def _text(value: object) -> str:
    if value is None or value == "" or value == []:
        return NONE
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, list):
        return "; ".join(_text(v) for v in value)
    return str(value)


def _date(value: object) -> str:
    """ISO date or datetime as in dossier.json -> German short form (02.09.2025)."""
    text = str(value or "")
    if len(text) >= 10 and text[4] == "-" and text[7] == "-":
        return f"{text[8:10]}.{text[5:7]}.{text[:4]}"
    return text or NONE


def _sources_of(item: Mapping[str, Any]) -> list[str]:
    return list(dict.fromkeys(str(e.get("source")) for e in item.get("evidence") or [] if isinstance(e, dict)))


def _claim_values(item: Mapping[str, Any]) -> list[tuple[str, str]]:
    return sorted(
        (str(v.get("source")), str(v.get("value")))
        for v in item.get("values") or [] if isinstance(v, dict)
    )


def _raw(kind: str, key: str, item: Mapping[str, Any]) -> object:
    """The compared value of a field (lists in a canonical order)."""
    if kind == "events" and key == "sources":
        return sorted(_sources_of(item))
    if kind == "claims" and key == "values":
        return _claim_values(item)
    value = item.get(key)
    if key in ("aliases", "actors") and isinstance(value, list):
        return sorted(str(v) for v in value)
    if key == "reviewed":
        return bool(value)
    return value


def _display(kind: str, key: str, value: object, names: _Names) -> str:
    if kind == "claims" and key == "values":
        return "; ".join(f"{names.source(s)}: {v}" for s, v in value) or NONE  # type: ignore[union-attr]
    if kind == "events" and key == "sources":
        return "; ".join(names.source(s) for s in value) or NONE  # type: ignore[union-attr]
    if kind == "events" and key == "actors":
        return "; ".join(names.actor(a) for a in value) or NONE  # type: ignore[union-attr]
    if (kind == "events" and key == "place") or (kind == "quotes" and key == "speaker"):
        return names.actor(value) if value else ("unbekannt" if key == "speaker" else NONE)
    if key == "reviewed":
        return "geprüft" if value else "nicht geprüft"
    labels: dict[str, str] = {}
    if kind == "actors" and key == "type":
        labels = KIND_LABELS
    elif kind == "events" and key == "precision":
        labels = PRECISION_LABELS
    elif kind == "events" and key == "status":
        labels = EVENT_STATUS_LABELS
    elif kind == "claims" and key == "status":
        labels = {k: v[0] for k, v in CLAIM_STATUS.items()}
    if isinstance(value, str) and value in labels:
        return labels[value]
    if kind == "sources" and key == "published":
        return _date(value)
    return _text(value)


def _label(kind: str, item: Mapping[str, Any]) -> str:
    key = {"sources": "title", "actors": "name", "events": "title", "claims": "subject", "quotes": "text"}[kind]
    text = str(item.get(key) or item["id"])
    if kind == "quotes":
        text = f"„{text}“"
    return text


def _detail(kind: str, item: Mapping[str, Any], names: _Names) -> str:
    if kind == "sources":
        parts = [str(item.get("outlet") or "Medium unbekannt")]
        if item.get("published"):
            parts.append(_date(item["published"]))
        return ", ".join(parts)
    if kind == "actors":
        return KIND_LABELS.get(str(item.get("type")), str(item.get("type") or ""))
    if kind == "events":
        when = item.get("date") or "ohne Datum"
        if item.get("date_end"):
            when = f"{when} bis {item['date_end']}"
        return str(when)
    if kind == "claims":
        return _display("claims", "status", item.get("status"), names)
    if kind == "quotes":
        speaker = names.actor(item.get("speaker")) if item.get("speaker") else "Sprecher unbekannt"
        return f"{speaker}, {names.source(item.get('source'))}"
    return ""


def _linker(page: str, directory_urls: bool, event_pages: Mapping[str, str],
            claim_pages: Mapping[str, str]) -> Callable[[str, Mapping[str, Any]], str]:
    urls = Urls(directory_urls)

    def href(kind: str, item: Mapping[str, Any]) -> str:
        item_id = str(item["id"])
        if kind == "sources":
            return urls.href(page, source_path(item_id))
        if kind == "actors":
            return urls.href(page, actor_path(item_id))
        if kind == "events":
            return urls.href(page, event_pages.get(item_id, "chronik.md"), event_anchor(item_id))
        if kind == "claims":
            return urls.href(page, claim_pages.get(item_id, "vergleich.md"), claim_anchor(item_id))
        if kind == "quotes" and item.get("source"):
            evidence = item.get("evidence") or {}
            index = evidence.get("sentence_index") if isinstance(evidence, dict) else None
            anchor = sentence_anchor(index) if isinstance(index, int) else None
            return urls.href(page, source_path(str(item["source"])), anchor)
        return ""

    return href


# --- diff ---------------------------------------------------------------------------------------


def diff_dossiers(
    previous: Mapping[str, Any] | None,
    current: Mapping[str, Any],
    *,
    page: str = CHANGES_PATH,
    directory_urls: bool = True,
    event_pages: Mapping[str, str] | None = None,
    claim_pages: Mapping[str, str] | None = None,
) -> Changes:
    """Added, removed and changed items per kind, each list sorted by id.

    ``previous`` and ``current`` are parsed ``data/dossier.json`` files; ``previous`` is None
    for the first edition (then nothing is listed and :attr:`Changes.first` is true).  Links
    (``href``) point from ``page`` to the items in the current edition; ``event_pages`` and
    ``claim_pages`` say which page shows an event or claim when the Chronik or the
    Quellenvergleich is split (default: chronik.md, vergleich.md).
    """
    names = _Names(previous, current)
    href = _linker(page, directory_urls, event_pages or {}, claim_pages or {})
    kinds: list[KindChanges] = []
    for kind, title in KINDS:
        result = KindChanges(kind, title)
        kinds.append(result)
        if previous is None:
            continue
        old, new = _items(previous, kind), _items(current, kind)
        for item_id in sorted(new.keys() - old.keys()):
            item = new[item_id]
            result.added.append(Item(item_id, _label(kind, item), _detail(kind, item, names), href(kind, item)))
        for item_id in sorted(old.keys() - new.keys()):
            item = old[item_id]
            result.removed.append(Item(item_id, _label(kind, item), _detail(kind, item, names)))
        for item_id in sorted(old.keys() & new.keys()):
            before, after = old[item_id], new[item_id]
            fields = []
            for key, label in FIELDS[kind]:
                a, b = _raw(kind, key, before), _raw(kind, key, after)
                if a != b:
                    fields.append(FieldChange(key, label, _display(kind, key, a, names), _display(kind, key, b, names)))
            if fields:
                result.changed.append(ChangedItem(item_id, _label(kind, after), fields, href(kind, after)))
    return Changes(first=previous is None, kinds=kinds)


# --- page ---------------------------------------------------------------------------------------


def render_changes(
    changes: Changes,
    previous_version: str | None,
    env: Environment,
    *,
    current_version: str | None = None,
    previous_href: str | None = None,
) -> str:
    """The Änderungen page (Markdown with raw HTML blocks) from ``templates/aenderungen.md.j2``.

    ``previous_href`` links the name of the previous edition (under mike: ``../../<version>/``
    from ``aenderungen/``); None prints the name without a link.
    """
    return env.get_template(TEMPLATE).render(
        changes=changes,
        previous_version=previous_version,
        current_version=current_version,
        previous_href=previous_href,
    )


def changes_page(dossier: Dossier, previous: tuple[str, Mapping[str, Any]] | None, env: Environment, *,
                 links: ChangeLinks | None = None, **options: Any) -> str:
    """Page text for :data:`CHANGES_PATH`: ``dossier`` compared with ``previous`` = (version, data);
    `links` when the caller has them already, `options` as for :func:`changes_page_of`."""
    # the same data as data/dossier.json; without a previous edition nothing is compared, and at
    # 10,000 sources this dict alone is gigabytes
    current = dossier.model_dump(mode="json") if previous is not None else {}
    return changes_page_of(current, links or ChangeLinks.of(dossier), previous, env, **options)


@dataclass(frozen=True)
class ChangeLinks:
    """Which page shows each event and claim: all the change log needs of the dossier besides
    its data."""

    event_pages: Mapping[str, str]
    claim_pages: Mapping[str, str]

    @classmethod
    def of(cls, dossier: Dossier) -> ChangeLinks:
        return cls(event_pages(dossier.events), claim_pages(dossier.claims))


def changes_page_of(
    current: Mapping[str, Any],
    links: ChangeLinks,
    previous: tuple[str, Mapping[str, Any]] | None,
    env: Environment,
    *,
    current_version: str | None = None,
    link_previous: bool = False,
    directory_urls: bool = True,
) -> str:
    """The change log from the parsed data/dossier.json (`current`, unread without a previous
    edition) and the pages of events and claims.

    ``previous`` is what :func:`dossier.editions.previous_edition_data` returns.  With
    ``link_previous`` (only when the site is deployed by mike, where editions are sibling
    folders) the previous edition's name links to it.
    """
    version, data = previous if previous is not None else (None, None)
    changes = diff_dossiers(data, current, page=CHANGES_PATH, directory_urls=directory_urls,
                            event_pages=links.event_pages, claim_pages=links.claim_pages)
    href = None
    if version is not None and link_previous:
        # the site root is "../" from aenderungen/ (directory URLs); editions are its siblings
        root = "../" if directory_urls else ""
        href = f"{root}../{quote(version, safe='')}/"
    return render_changes(changes, version, env, current_version=current_version, previous_href=href)
