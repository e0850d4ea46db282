"""Stage 1: read content/sources/ into Source objects (front matter + cleaned body)."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from pathlib import Path

from pydantic import Field

from .cleaner import FurnitureRule, clean
from .errors import DossierError, Problem
from .model import Source, SourceMeta, Strict
from .yamlio import parse_yaml, read_text, read_yaml

SOURCE_SUFFIXES = (".md", ".txt")
MAX_SOURCE_BYTES = 2 * 1024 * 1024


class _RuleSpec(Strict):
    reason: str
    pattern: str
    tail: bool = False


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
        rules.append(FurnitureRule(rule.reason, pattern, rule.tail))
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


def load_sources(content_dir: Path) -> list[Source]:
    """All sources, sorted by id; every problem in every file reported at once."""
    content_dir = Path(content_dir)
    rules = load_furniture_rules(content_dir / "lexicon" / "furniture.yml")
    sources: list[Source] = []
    problems: list[Problem] = []
    first_path: dict[str, str] = {}
    for path in source_files(content_dir / "sources"):
        try:
            source = read_source(path, rules)
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
    return sorted(sources, key=lambda s: s.meta.id)
