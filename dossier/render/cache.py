"""Rendered pages keyed by a hash of their view (like the cache of Material's blog plugin).

A page is rendered again only when its view (the data the template prints), the templates or the
rendering code changed; the bytes are the same either way, because the same view through the same
templates gives the same text.

With a cache file (``.cache/dossier/pages.index``) every page is written to a folder beside it
(``.cache/dossier/pages/``) and MkDocs reads it from there: at 10,000 sources the site's Markdown
is gigabytes and is never held in memory at once. The index maps each page to the key it was
rendered with; a missing or unreadable index means everything is rendered.

Writes: before the first page file of a build changes, the index file is removed, and the new
index is written (atomically) after the last page. A build that stops half-way therefore leaves
no index, and the next one renders everything: no index ever names a page file that is half
written or newer than its key. So page files need no temporary file and rename each (that was
about 7 % of the render at 1,000 sources).
"""

from __future__ import annotations

import hashlib
import io
import pickle
from pathlib import Path

from ..yamlio import write_bytes_atomic

_RENDER_CODE = Path(__file__).resolve().parent


def templates_fingerprint(templates_dir: Path) -> str:
    """Hash of every template and of the rendering code: a change to either renders all pages."""
    digest = hashlib.blake2b(digest_size=16)
    for folder in (Path(templates_dir), _RENDER_CODE):
        for path in sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix in (".j2", ".py", ".css")):
            digest.update(path.relative_to(folder).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def view_bytes(view: object) -> bytes | None:
    """The view pickled for hashing; None when it cannot be pickled (then always rendered)."""
    # Without the memo ("fast" mode) the bytes depend on the values only: with it, an object
    # that appears twice is written once, so they would depend on which equal strings happen
    # to be one object (warm caches in a second build of the same process, `mkdocs serve`).
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.fast = True
    try:
        pickler.dump(view)
    except (pickle.PicklingError, TypeError, AttributeError, ValueError, RecursionError):
        return None
    return buffer.getvalue()


class PageCache:
    """Page texts by site path, on disk beside `path` (or in memory without one); `key` hashes
    the fingerprint, the template name and the view. `reuse=False` renders everything anew."""

    def __init__(self, path: Path | None, fingerprint: str, *, reuse: bool = True):
        self.path = path
        self.reuse = reuse
        self.pages_dir = path.parent / path.stem if path is not None else None
        self.fingerprint = fingerprint.encode()
        self.index: dict[str, bytes] = {}
        self.fresh: dict[str, bytes] = {}
        self.texts: dict[str, str] = {}  # without a folder
        self.written: set[str] = set()
        self.hits = self.misses = 0
        self._index_removed = False
        self._folders: set[Path] = set()
        if path is not None and reuse:
            try:
                with path.open("rb") as handle:
                    index = pickle.load(handle)
                if isinstance(index, dict):
                    self.index = index
            except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError, TypeError):
                self.index = {}

    def key(self, template: str, view: object) -> bytes | None:
        return self.key_of(template, view_bytes(view))

    def key_of(self, template: str, data: bytes | None) -> bytes | None:
        """The key of a view pickled by :func:`view_bytes` (None: not cacheable)."""
        if data is None:
            return None
        return hashlib.blake2b(self.fingerprint + template.encode() + b"\0" + data, digest_size=20).digest()

    def keep(self, page: str) -> bool:
        """The page stays as the last build left it and counts as part of this one; False when
        its file is gone."""
        if self.pages_dir is None or not self.file(page).is_file():
            return False
        if page in self.index:
            self.fresh[page] = self.index[page]
        self.written.add(page)
        self.hits += 1
        return True

    def file(self, page: str) -> Path:
        assert self.pages_dir is not None
        return self.pages_dir / page

    def has(self, page: str, key: bytes | None) -> bool:
        """The page as rendered with `key` is stored (and now counts as part of this build)."""
        if key is not None and self.index.get(page) == key and self.pages_dir is not None and self.file(page).is_file():
            self.hits += 1
            self.fresh[page] = key
            self.written.add(page)
            return True
        self.misses += 1
        return False

    def get(self, page: str, key: bytes | None) -> str | None:
        return self.text(page) if self.has(page, key) else None

    def remove_index(self) -> None:
        """Remove the index file before page files change (see the module's docstring); the
        render workers' parent calls it before they start."""
        if self.path is not None and not self._index_removed:
            self.path.unlink(missing_ok=True)
            self._index_removed = True

    def put(self, page: str, key: bytes | None, text: str) -> None:
        if self.pages_dir is None:
            self.texts[page] = text
        else:
            self.remove_index()
            path = self.file(page)
            if path.parent not in self._folders:
                path.parent.mkdir(parents=True, exist_ok=True)
                self._folders.add(path.parent)
            with open(path, "wb") as handle:
                handle.write(text.encode("utf-8"))
        self.written.add(page)
        if key is not None:
            self.fresh[page] = key

    def adopt(self, fresh: dict[str, bytes], hits: int, misses: int) -> None:
        """Take over the pages another process rendered into the same folder."""
        self.fresh.update(fresh)
        self.written.update(fresh)
        self.hits += hits
        self.misses += misses

    def text(self, page: str) -> str:
        # bytes, not read_text: that would turn the calendar's CRLF line ends into LF
        return self.texts[page] if self.pages_dir is None else self.file(page).read_bytes().decode("utf-8")

    def save(self) -> None:
        """Index this build's pages only; files of pages this build no longer has are removed."""
        if self.path is None:
            return
        assert self.pages_dir is not None
        for page in sorted(self.index.keys() - self.written):
            self.file(page).unlink(missing_ok=True)
        if self.fresh != self.index or self._index_removed:
            write_bytes_atomic(self.path, pickle.dumps(self.fresh, protocol=pickle.HIGHEST_PROTOCOL))
