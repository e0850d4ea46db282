"""The whole chain as plain functions; the MkDocs plugin and the CLI are adapters over these.

    load_inputs  -> sources + editorial (read everything first, like pelican)
    run_extraction -> extractions (cached in extracted/)
    assemble      -> Dossier
    render_site   -> {site path: file content}
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .assemble import assemble
from .editorial import Editorial, load_editorial
from .errors import DossierError
from .model import Dossier, Source
from .sources import load_sources
from .store import ExtractionRun, update_extractions


@dataclass(frozen=True)
class Project:
    content_dir: Path
    templates_dir: Path
    extracted_dir: Path

    @property
    def cache_dir(self) -> Path:
        """.cache/dossier/ beside content/: only ever an optimisation, safe to delete."""
        return self.content_dir.parent / ".cache" / "dossier"

    @classmethod
    def at(cls, root: Path) -> Project:
        root = Path(root)
        return cls(root / "content", root / "templates", root / "extracted")


@dataclass
class BuildResult:
    sources: list[Source]
    editorial: Editorial
    run: ExtractionRun
    dossier: Dossier


def load_inputs(project: Project, editorial: Editorial | None = None) -> tuple[list[Source], Editorial]:
    """Read and validate every input (`editorial` when the caller has read it already); all
    problems of all files are reported together."""
    problems = []
    sources: list[Source] = []
    try:
        sources = load_sources(project.content_dir, cache_file=project.cache_dir / "sources.pickle")
    except DossierError as exc:
        problems.extend(exc.problems)
    try:
        editorial = editorial or load_editorial(project.content_dir)
    except DossierError as exc:
        problems.extend(exc.problems)
    if problems:
        raise DossierError(problems)
    assert editorial is not None
    return sources, editorial


def build(project: Project, *, write_extractions: bool = True, editorial: Editorial | None = None) -> BuildResult:
    sources, editorial = load_inputs(project, editorial)
    run = update_extractions(sources, editorial, project.content_dir, project.extracted_dir, write=write_extractions)
    dossier = assemble(sources, run.extractions, editorial)
    return BuildResult(sources, editorial, run, dossier)
