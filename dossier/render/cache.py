"""Rendered pages keyed by a hash of their view (like the cache of Material's blog plugin).

A page is rendered again only when its view (the data the template prints), the templates or the
rendering code changed; the bytes are the same either way, because the same view through the same
templates gives the same text. The cache lives under .cache/ and is only ever an optimisation:
a missing or unreadable file means everything is rendered.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path

_RENDER_CODE = Path(__file__).resolve().parent


def templates_fingerprint(templates_dir: Path) -> str:
    """Hash of every template and of the rendering code: a change to either renders all pages."""
    digest = hashlib.blake2b(digest_size=16)
    for folder in (Path(templates_dir), _RENDER_CODE):
        for path in sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix in (".j2", ".py", ".css")):
            digest.update(path.relative_to(folder).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


class PageCache:
    """{site path: (key, text)}; `key` hashes the fingerprint, the template name and the view."""

    def __init__(self, path: Path | None, fingerprint: str):
        self.path = path
        self.fingerprint = fingerprint.encode()
        self.entries: dict[str, tuple[bytes, str]] = {}
        self.fresh: dict[str, tuple[bytes, str]] = {}
        self.hits = self.misses = 0
        if path is not None:
            try:
                with path.open("rb") as handle:
                    self.entries = pickle.load(handle)
            except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError, TypeError):
                self.entries = {}

    def key(self, template: str, view: object) -> bytes | None:
        try:
            data = pickle.dumps(view, protocol=pickle.HIGHEST_PROTOCOL)
        except (pickle.PicklingError, TypeError, AttributeError):
            return None  # not cacheable: always rendered
        return hashlib.blake2b(self.fingerprint + template.encode() + b"\0" + data, digest_size=20).digest()

    def get(self, page: str, key: bytes | None) -> str | None:
        entry = self.entries.get(page)
        if key is not None and entry is not None and entry[0] == key:
            self.hits += 1
            self.fresh[page] = entry
            return entry[1]
        self.misses += 1
        return None

    def put(self, page: str, key: bytes | None, text: str) -> None:
        if key is not None:
            self.fresh[page] = (key, text)

    def save(self) -> None:
        """Keep this build's pages only (deleted pages leave the cache); written atomically."""
        if self.path is None or (self.misses == 0 and self.fresh.keys() == self.entries.keys()):
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        try:
            with tmp.open("wb") as handle:
                pickle.dump(self.fresh, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, self.path)
        finally:
            tmp.unlink(missing_ok=True)
