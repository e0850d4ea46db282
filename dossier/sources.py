"""Stage 1: read content/sources/ into Source objects (front matter + cleaned body)."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import pickle
import re
from pathlib import Path

from pydantic import Field

from .cleaner import FurnitureRule, clean
from .errors import DossierError, Problem
from .model import Source, SourceMeta, Strict
from .yamlio import parse_yaml, read_text, read_yaml, save_cache_pickle

SOURCE_SUFFIXES = (".md", ".txt")
MAX_SOURCE_BYTES = 2 * 1024 * 1024


class _RuleSpec(Strict):
    reason: str
    pattern: str
    tail: bool = False
    heading: bool = False
    caption: bool = False
    # a date line: the line right above it, a name of two to four words alone, is the author's
    byline: bool = False


class FurnitureFile(Strict):
    rules: list[_RuleSpec] = Field(default_factory=list)


def source_files(sources_dir: Path) -> list[Path]:
    """Article files in name order (hidden and temporary files ignored)."""
    if not sources_dir.is_dir():
        return []
    return sorted(
        p for p in sources_dir.iterdir()
        if p.is_file() and p.suffix in SOURCE_SUFFIXES and not p.name.startswith((".", "_"))
    )


def load_furniture_rules(path: Path) -> list[FurnitureRule]:
    if not path.exists():
        return []
    doc = read_yaml(path)
    spec = doc.validate(FurnitureFile)
    rules = []
    for i, rule in enumerate(spec.rules):
        try:
            pattern = re.compile(rule.pattern, re.IGNORECASE)
        except re.error as exc:
            raise DossierError(doc.problem(("rules", i, "pattern"), f"invalid regular expression: {exc}")) from None
        rules.append(FurnitureRule(rule.reason, pattern, rule.tail, rule.heading, rule.caption, rule.byline))
    return rules


def split_front_matter(text: str, path: Path) -> tuple[str, str, int]:
    """Return (front matter YAML, body, line number of the body's first line)."""
    if not text.startswith("---\n"):
        raise DossierError.at(path, 1, "missing front matter: the file must start with a line '---'")
    end = re.search(r"^---[ \t]*$", text[4:], re.MULTILINE)
    if end is None:
        raise DossierError.at(path, 1, "front matter is not closed: add a line '---' after it")
    front = text[4 : 4 + end.start()]
    body = text[4 + end.end() :].removeprefix("\n")
    body_line = front.count("\n") + 3
    return front, body, body_line


def today() -> dt.date:
    """Build date; SOURCE_DATE_EPOCH makes it reproducible."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()
    return dt.date.today()


def read_source(path: Path, rules: list[FurnitureRule]) -> Source:
    if path.stat().st_size > MAX_SOURCE_BYTES:
        raise DossierError.at(path, None, f"file is larger than {MAX_SOURCE_BYTES // (1024 * 1024)} MB")
    text = read_text(path)
    front, body, body_line = split_front_matter(text, path)
    doc = parse_yaml(front, path, line_offset=1)
    if not isinstance(doc.data, dict):
        raise DossierError.at(path, 2, "front matter must be a mapping of fields (id:, title:, ...)")
    meta = doc.validate(SourceMeta)
    assert isinstance(meta, SourceMeta)
    if meta.published_date and meta.published_date > today():
        raise DossierError(doc.problem(("published",), f"published date {meta.published} is in the future"))
    cleaned = clean(body, rules, keep=meta.keep, drop=meta.drop, first_line=body_line)
    if not cleaned.body.strip():
        raise DossierError.at(path, body_line, "the article body is empty (after removing page furniture)")
    return Source(
        meta=meta,
        path=path.as_posix(),
        body=cleaned.body,
        furniture=cleaned.furniture,
        text_sha256=hashlib.sha256(cleaned.body.encode("utf-8")).hexdigest(),
    )


_CODE = [Path(__file__), Path(__file__).with_name("cleaner.py"), Path(__file__).with_name("model.py")]


class _ReadCache:
    """Sources read before, keyed by (file name, mtime, size) and pickled under .cache/: reading
    and cleaning 10,000 articles takes seconds, their pickle a fraction. Any change to a file,
    to the furniture rules or to the reading code misses it; invalid files are never stored."""

    def __init__(self, path: Path, rules_file: Path):
        self.path = path
        digest = hashlib.sha256()
        for file in [rules_file, *_CODE]:
            digest.update(file.read_bytes() if file.exists() else b"-")
        self.version = digest.hexdigest()
        self.entries: dict[str, tuple[int, int, Source]] = {}
        self.fresh: dict[str, tuple[int, int, Source]] = {}
        try:
            with path.open("rb") as handle:
                version, entries = pickle.load(handle)
            if version == self.version and isinstance(entries, dict):
                self.entries = entries
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError, TypeError):
            self.entries = {}

    def read(self, path: Path, rules: list[FurnitureRule]) -> Source:
        stat = path.stat()
        entry = self.entries.get(path.name)
        fresh = entry is not None and entry[:2] == (stat.st_mtime_ns, stat.st_size) and entry[2].path == path.as_posix()
        # "in the future" depends on the day of the build: such a file is read again (and fails)
        if fresh and not (entry[2].meta.published_date and entry[2].meta.published_date > today()):
            source = entry[2]
        else:
            source = read_source(path, rules)
        self.fresh[path.name] = (stat.st_mtime_ns, stat.st_size, source)
        return source

    def save(self) -> None:
        if self.fresh.keys() == self.entries.keys() and all(self.fresh[k][:2] == self.entries[k][:2] for k in self.fresh):
            return
        save_cache_pickle(self.path, (self.version, self.fresh))


def load_sources(content_dir: Path, *, cache_file: Path | None = None) -> list[Source]:
    """All sources, sorted by id; every problem in every file reported at once.

    `cache_file`: sources read by an earlier run, reused while their files are unchanged."""
    content_dir = Path(content_dir)
    rules_file = content_dir / "lexicon" / "furniture.yml"
    rules = load_furniture_rules(rules_file)
    cache = _ReadCache(cache_file, rules_file) if cache_file is not None else None
    sources: list[Source] = []
    problems: list[Problem] = []
    first_path: dict[str, str] = {}
    for path in source_files(content_dir / "sources"):
        try:
            source = cache.read(path, rules) if cache else read_source(path, rules)
        except DossierError as exc:
            problems.extend(exc.problems)
            continue
        if source.meta.id in first_path:
            problems.append(Problem(path, 2, f"duplicate source id '{source.meta.id}' (also in {first_path[source.meta.id]})"))
            continue
        first_path[source.meta.id] = path.name
        sources.append(source)
    if problems:
        raise DossierError(problems)
    if cache:
        cache.save()
    return sorted(sources, key=lambda s: s.meta.id)
