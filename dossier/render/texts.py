"""Editorial texts: what editors write that the site only prints (today: actor descriptions).

Such a text finds, merges, groups and sorts nothing, so a change to it changes only the pages
and exports that print it. Views carry it as :class:`EditorialText` (a ``str`` that knows its
key) and exports get it through slots (:func:`fill`), so that :mod:`.rebuild` can bind a new
text into the last build's views and export templates without assembling the dossier again.
"""

from __future__ import annotations

import csv
import io
import pickle
import re
from collections.abc import Mapping

import pydantic_core

from ..editorial import Editorial

__all__ = [
    "TEXT_MARK", "EditorialText", "SlotError", "description_text", "editorial_texts", "fill",
    "pickle_without_texts", "slot", "unpickle_with_texts",
]


class EditorialText(str):
    """A printed editorial text; `key` is the curated actor id it belongs to."""

    key: str

    def __new__(cls, value: str, key: str) -> EditorialText:
        text = super().__new__(cls, value)
        text.key = key
        return text

    def __reduce__(self):  # the same bytes for the same text and key (page cache keys hash them)
        return (EditorialText, (str(self), self.key))


def description_text(actor_id: str, description: str | None) -> EditorialText:
    """How a view shows a curated actor's description; the rebuild binds new texts with it too."""
    return EditorialText(description or "", actor_id)


def editorial_texts(editorial: Editorial) -> dict[str, str | None]:
    """Every editorial text by key: {curated actor id: description}."""
    return {actor.id: actor.description for actor in editorial.actors.actors}


# --- slots in exports --------------------------------------------------------------------------
# An export is written once with a slot where each text goes and then filled; the filled file is
# what a build writes, and the template is kept so that a new text can be filled in later. The
# marks are private-use characters: were one in an article, the slot count would not match and
# the template is not kept (:class:`SlotError`), never filled wrongly.

_MARK = "\ue000dossier-text\ue001"
_SLOT = re.compile(re.escape(_MARK) + r"(\d+)\ue002")


class SlotError(ValueError):
    """The text of an export holds slot marks that are not ours."""


def slot(index: int) -> str:
    return f"{_MARK}{index}\ue002"


def _json(value: str | None) -> str:
    # pydantic's own serializer, so a filled slot is byte for byte what model_dump_json writes
    return pydantic_core.to_json(value).decode("utf-8")


def _csv_cell(value: str | None) -> str:
    if not value:
        return ""
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\n").writerow([value])
    return out.getvalue()[:-1]


ENCODERS = {"json": _json, "csv": _csv_cell}


def fill(template: str, fmt: str, values: list[str | None]) -> str:
    """The export text with slot i holding values[i], encoded as `fmt` ("json" with the quotes
    a JSON string needs, "csv" as a cell); every slot must appear exactly once."""
    encode = ENCODERS[fmt]
    seen = [0] * len(values)

    def put(match: re.Match) -> str:
        index = int(match.group(1))
        if index >= len(values):
            raise SlotError(f"slot {index} of {len(values)}")
        seen[index] += 1
        return encode(values[index])

    # JSON writes the mark as a quoted string: the quotes belong to the slot
    pattern = re.compile('"' + _SLOT.pattern + '"') if fmt == "json" else _SLOT
    text = pattern.sub(put, template)
    if _MARK in text or any(count != 1 for count in seen):
        raise SlotError("slots missing, repeated or not ours")
    return text


# --- views that print texts --------------------------------------------------------------------

#: In the pickled bytes of every view that holds an EditorialText (the class is named there).
TEXT_MARK = EditorialText.__qualname__.encode()


class _RefPickler(pickle.Pickler):
    def __init__(self, buffer: io.BytesIO):
        super().__init__(buffer, protocol=pickle.HIGHEST_PROTOCOL)
        self.keys: set[str] = set()

    def persistent_id(self, obj: object) -> str | None:
        if type(obj) is EditorialText:
            self.keys.add(obj.key)
            return obj.key
        return None


class _TextUnpickler(pickle.Unpickler):
    def __init__(self, buffer: io.BytesIO, texts: Mapping[str, str | None]):
        super().__init__(buffer)
        self.texts = texts

    def persistent_load(self, key: str) -> EditorialText:
        return description_text(key, self.texts[key])


def pickle_without_texts(view: object) -> tuple[bytes, frozenset[str]]:
    """The view pickled with each editorial text as a reference to its key, and those keys."""
    buffer = io.BytesIO()
    pickler = _RefPickler(buffer)
    pickler.dump(view)
    return buffer.getvalue(), frozenset(pickler.keys)


def unpickle_with_texts(data: bytes, texts: Mapping[str, str | None]) -> object:
    """A view from :func:`pickle_without_texts` with the texts of `texts` bound in."""
    return _TextUnpickler(io.BytesIO(data), texts).load()
