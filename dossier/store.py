"""Stage 3: extraction YAML in extracted/ — one deterministic file per source, doubling as a
cache keyed by the cleaned text's hash and the pipeline version."""

from __future__ import annotations

import logging
import pickle
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import ValidationError

from .editorial import Editorial
from .errors import DossierError
from .extraction.lexicon import build_lexicon, load_events
from .model import Source, SourceExtraction
from .yamlio import dump_yaml, read_text, save_cache_pickle, write_atomic

log = logging.getLogger("dossier")

HEADER = (
    "# Written by dossier from content/sources/ — do not edit by hand:\n"
    "# corrections go into content/*.yml and survive re-extraction.\n"
)
_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# Below this many sources to extract, progress is not shown.
PROGRESS_THRESHOLD = 20


@dataclass
class ExtractionRun:
    extractions: list[SourceExtraction]
    reused: int
    extracted: int
    removed: list[str]


def extraction_path(out_dir: Path, source_id: str) -> Path:
    return Path(out_dir) / f"{source_id}.yml"


def to_yaml(extraction: SourceExtraction) -> str:
    return dump_yaml(extraction.model_dump(mode="json"), header=HEADER)


def read_extraction(path: Path) -> SourceExtraction | None:
    """A cached extraction, or None when missing or unreadable (it is then redone)."""
    if not path.exists():
        return None
    try:
        # Machine-written files: the C safe loader (if built) in one pass; editors' files go
        # through yamlio.parse_yaml with its line-numbered checks instead.
        data = yaml.load(read_text(path), Loader=_FAST_LOADER)
        return SourceExtraction.model_validate(data)
    except (DossierError, ValidationError, yaml.YAMLError) as exc:
        log.warning("dossier: ignoring unreadable %s, extracting again (%s)", path, str(exc).splitlines()[0])
        return None


class ParsedCache:
    """Parsed extraction files keyed by (file name, mtime, size), pickled under .cache/.

    Reading 1,000 YAML files costs ~16 s even with the C loader; unpickling them ~1 s. The YAML
    stays the source of truth: any change to a file (by us or by git) misses this cache.
    """

    def __init__(self, path: Path):
        self.path = path
        self.entries: dict[str, tuple[int, int, SourceExtraction]] = {}
        self.changed = False
        try:
            with path.open("rb") as handle:
                self.entries = pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError):
            self.entries = {}

    def read(self, yml: Path) -> SourceExtraction | None:
        try:
            stat = yml.stat()
        except OSError:
            return None
        entry = self.entries.get(yml.name)
        if entry and entry[:2] == (stat.st_mtime_ns, stat.st_size):
            return entry[2]
        extraction = read_extraction(yml)
        if extraction is not None:
            self.remember(yml, extraction)
        return extraction

    def remember(self, yml: Path, extraction: SourceExtraction) -> None:
        stat = yml.stat()
        self.entries[yml.name] = (stat.st_mtime_ns, stat.st_size, extraction)
        self.changed = True

    def save(self, keep: set[str]) -> None:
        stale = set(self.entries) - keep
        for name in stale:
            del self.entries[name]
        if self.changed or stale:
            save_cache_pickle(self.path, self.entries)


def update_extractions(
    sources: list[Source], editorial: Editorial, content_dir: Path, out_dir: Path, *,
    write: bool = True, progress: Callable[[int, int], None] | None = None,
) -> ExtractionRun:
    """Extract what changed, reuse the rest, write YAML atomically, remove files of deleted sources."""
    from .extraction.version import pipeline_version

    if write and Path(out_dir).is_dir():
        # Left behind by a run that was killed between writing and renaming; never read.
        for leftover in Path(out_dir).glob(".*.tmp"):
            leftover.unlink()
    lexicon = build_lexicon(editorial, load_events(content_dir))
    model = editorial.settings.pipeline
    version = pipeline_version(lexicon, model)
    cached: dict[str, SourceExtraction] = {}
    todo: list[Source] = []
    parsed = ParsedCache(Path(out_dir).parent / ".cache" / "dossier" / f"{Path(out_dir).name}.pickle")
    for source in sources:
        old = parsed.read(extraction_path(out_dir, source.meta.id))
        if old and old.pipeline == version and old.text_sha256 == source.text_sha256 and old.anchor == source.meta.published_date:
            cached[source.meta.id] = old
        else:
            todo.append(source)
    if todo:
        from .extraction.pipeline import build_nlp, extract  # spaCy is imported only when needed

        nlp = build_nlp(lexicon, model)
        report = progress or (_terminal_progress if len(todo) >= PROGRESS_THRESHOLD else None)
        for n, extraction in enumerate(extract(todo, nlp, version, lexicon), start=1):
            cached[extraction.source] = extraction
            if write:
                path = extraction_path(out_dir, extraction.source)
                write_atomic(path, to_yaml(extraction))
                parsed.remember(path, extraction)
            if report:
                report(n, len(todo))
    removed = []
    if write and Path(out_dir).is_dir():
        ids = {s.meta.id for s in sources}
        for path in sorted(Path(out_dir).glob("*.yml")):
            if path.stem not in ids:
                path.unlink()
                removed.append(path.stem)
    if write:
        parsed.save({f"{s.meta.id}.yml" for s in sources})
    return ExtractionRun(
        extractions=[cached[s.meta.id] for s in sources], reused=len(sources) - len(todo), extracted=len(todo),
        removed=removed,
    )


_last_report = [0.0]


def _terminal_progress(done: int, total: int) -> None:
    now = time.monotonic()
    if done == total or now - _last_report[0] > 1.0:
        _last_report[0] = now
        # On a terminal the line updates in place; in a log each report is a line of its own.
        tty = sys.stderr.isatty()
        print(f"{chr(13) if tty else ''}dossier: extracting {done}/{total} sources",
              end="\n" if done == total or not tty else "", file=sys.stderr, flush=True)
