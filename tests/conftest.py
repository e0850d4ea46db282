"""Shared fixtures: the real five-article project, and throw-away copies to change."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import ROOT, copy_project

from dossier.stages import BuildResult, Project, build


@pytest.fixture(scope="session")
def real() -> BuildResult:
    """The committed content, extracted in memory (nothing written)."""
    return build(Project.at(ROOT), write_extractions=False)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path)
