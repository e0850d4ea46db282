"""A site build that skips the dossier stages when only editorial texts changed.

An editor's most common fix is to a text the site only prints (an actor's description, see
:mod:`.texts`). Nothing is extracted, merged or counted differently then, so such a build binds
the new texts into what the last build left instead of reading every extraction, assembling the
dossier and building every view again:

    inputs fingerprint   everything but the texts: sources and extracted/ (name, mtime, size),
                         content/ (actors.yml without its descriptions), templates, the dossier
                         code, library versions and the build options
    memo                 written after every full build (.cache/dossier/rebuild.pickle): that
                         fingerprint, the texts, every generated path, the pages that print texts
                         as views with the texts left out, the exports as templates with slots

When the fingerprint equals the memo's, the pages and exports that print a changed text are made
again from the memo and everything else stays as the last build wrote it; otherwise (or without
a memo) the full build runs. Either way the files are byte for byte the same (tested). The memo is
removed before any file changes and written last, so a build stopped half-way is followed by a
full one.
"""

from __future__ import annotations

import hashlib
import json
import pickle
import sys
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from jinja2 import Environment

from ..editorial import Editorial, load_editorial
from ..errors import DossierError
from ..stages import Project, build
from ..yamlio import write_bytes_atomic
from .cache import PageCache
from .changes import CHANGES_PATH, changes_page_of
from .site import TextRecord, environment, generate, render_page
from .texts import editorial_texts, unpickle_with_texts

__all__ = ["SiteBuild", "build_site", "inputs_fingerprint"]

MEMO_NAME = "rebuild.pickle"
MEMO_VERSION = 1
_PACKAGE = Path(__file__).resolve().parent.parent
# Libraries whose version can change what a build writes (read from metadata, not imported).
_LIBRARIES = ("jinja2", "markupsafe", "pydantic", "pydantic-core", "pyyaml", "spacy")


@dataclass
class SiteBuild:
    """What a build made: every generated path (sorted) and counts for the log."""

    paths: list[str]
    sources: int
    extracted: int
    reused: int
    rendered: int
    unchanged: int
    full: bool  # False: only the pages and exports that print a changed text were made


@dataclass
class Memo:
    inputs: str
    texts: dict[str, str | None]
    sources: int
    record: TextRecord = field(default_factory=TextRecord)
    version: int = MEMO_VERSION


def build_site(project: Project, cache: PageCache, *, directory_urls: bool = True,
               previous: tuple[str, dict] | None = None, current_version: str | None = None,
               workers: int = 1, write_extractions: bool = True) -> SiteBuild:
    """Every generated file of the site into `cache` (see :func:`.site.generate`), by the short
    way when the memo of the last build allows it."""
    options = (directory_urls, current_version, previous[0] if previous else None, write_extractions)
    memo_path = cache.path.with_name(MEMO_NAME) if cache.path is not None and cache.reuse else None
    editorial = None
    if memo_path is not None:
        try:
            editorial = load_editorial(project.content_dir)
        except DossierError:
            pass  # the full build reports it, together with the problems of every other file
    if memo_path is not None and editorial is not None:
        memo = _load(memo_path)
        if memo is not None and memo.inputs == inputs_fingerprint(project, editorial, cache, options):
            memo_path.unlink()
            done = _rebuild_texts(memo, editorial_texts(editorial), environment(project.templates_dir), cache,
                                  previous=previous, current_version=current_version, directory_urls=directory_urls)
            if done is not None:
                write_bytes_atomic(memo_path, pickle.dumps(memo, protocol=pickle.HIGHEST_PROTOCOL))
                return done
    if memo_path is not None:
        memo_path.unlink(missing_ok=True)
    result = build(project, write_extractions=write_extractions, editorial=editorial)
    record = TextRecord()
    paths = generate(result, project.templates_dir, cache, directory_urls=directory_urls, previous=previous,
                     current_version=current_version, workers=workers, record=record)
    if memo_path is not None and record.usable:
        memo = Memo(inputs_fingerprint(project, result.editorial, cache, options), editorial_texts(result.editorial),
                    len(result.sources), record)
        write_bytes_atomic(memo_path, pickle.dumps(memo, protocol=pickle.HIGHEST_PROTOCOL))
    return SiteBuild(paths, len(result.sources), result.run.extracted, result.run.reused, cache.misses, cache.hits, True)


def _rebuild_texts(memo: Memo, texts: dict[str, str | None], env: Environment, cache: PageCache, *,
                   previous: tuple[str, dict] | None, current_version: str | None,
                   directory_urls: bool) -> SiteBuild | None:
    """Make again what prints a changed text; None when a file of the last build is gone."""
    record = memo.record
    changed = {key for key, text in texts.items() if memo.texts.get(key) != text}
    made: set[str] = set()
    for path, page in record.views.items():
        if page is not None and page.keys & changed:
            view = unpickle_with_texts(page.view, texts)
            render_page(path, page.template, page.title, view, cache.key(page.template, (page.title, view)), env, cache)
            made.add(path)
    for path, template in record.exports.items():
        if set(template.keys) & changed:
            cache.put(path, None, template.fill(texts))
            made.add(path)
    if previous is not None and record.links is not None:  # that edition may have been published anew
        current = json.loads(cache.text("data/dossier.json"))
        cache.put(CHANGES_PATH, None, changes_page_of(
            current, record.links, previous, env, current_version=current_version,
            link_previous=current_version is not None, directory_urls=directory_urls).rstrip("\n") + "\n")
        made.add(CHANGES_PATH)
    rendered = cache.misses
    if not all(cache.keep(path) for path in record.paths if path not in made):
        return None
    cache.save()
    memo.texts = texts
    return SiteBuild(record.paths, memo.sources, 0, memo.sources, rendered, cache.hits, False)


def inputs_fingerprint(project: Project, editorial: Editorial, cache: PageCache, options: tuple) -> str:
    """A hash of every input of a build except the editorial texts (see the module docstring)."""
    digest = hashlib.blake2b(digest_size=20)

    def add(*parts: object) -> None:
        digest.update(repr(parts).encode("utf-8", "surrogatepass") + b"\0")

    add(MEMO_VERSION, sys.version, options, cache.fingerprint)
    add(*((name, _version(name)) for name in _LIBRARIES))
    for path in sorted(_PACKAGE.rglob("*.py")):
        add(path.relative_to(_PACKAGE).as_posix(), path.read_bytes())
    for folder in (project.content_dir / "sources", project.extracted_dir):
        for path in sorted(folder.rglob("*")) if folder.is_dir() else ():
            stat = path.stat()
            add(path.relative_to(folder).as_posix(), stat.st_mtime_ns, stat.st_size)
    actors = project.content_dir / "actors.yml"
    for path in sorted(project.content_dir.rglob("*")):
        if path.is_file() and path != actors and not path.is_relative_to(project.content_dir / "sources"):
            add(path.relative_to(project.content_dir).as_posix(), path.read_bytes())
    # actors.yml as read, descriptions left out: the only values a memo may bind anew
    add(editorial.actors.model_dump(mode="json", exclude={"actors": {"__all__": {"description"}}}))
    return digest.hexdigest()


def _version(name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def _load(path: Path) -> Memo | None:
    try:
        with path.open("rb") as handle:
            memo = pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError, TypeError):
        return None
    return memo if isinstance(memo, Memo) and memo.version == MEMO_VERSION else None
