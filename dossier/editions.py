"""Published editions: find the previous edition's data on mike's ``gh-pages`` branch.

mike (``mike deploy <version> [aliases]``) keeps every edition in a folder of its own on the
``gh-pages`` branch and lists them in ``versions.json`` at the branch root (newest first,
mike's own version order).  Each edition contains ``data/dossier.json``, the public data
contract, which is all the Änderungen page needs to compare two editions.

The name of the edition being built
    mike does not tell MkDocs the version through the config: ``mike deploy`` runs
    ``mkdocs build`` as a subprocess with the environment variable ``MIKE_DOCS_VERSION`` set
    to the version being deployed (mike 2.2.0, ``mike/mkdocs_utils.py``: ``docs_version_var =
    'MIKE_DOCS_VERSION'`` (line 19) and ``build()`` setting ``env[docs_version_var] = version``
    (lines 124-135); mike's own plugin reads it back in ``mike/mkdocs_plugin.py``
    ``on_config``, line 50).  :func:`current_edition` reads it; it is unset for a plain
    ``mkdocs build`` / ``mkdocs serve``.

    mike commits the new edition and the updated ``versions.json`` only *after* the build,
    so while ``2025-09-10`` is being built the branch lists the editions before it -- and,
    when an edition is deployed again, the old copy of itself, which must be skipped.

Everything here reads the local git repository only (``git cat-file``; no fetch, no network).
mike itself fast-forwards the local branch from ``origin/<branch>`` before it builds; for a
plain build in a fresh clone the remote-tracking branch ``<remote>/<branch>`` is used when
there is no local branch.
"""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Mapping
from pathlib import Path
from typing import Any

__all__ = ["MIKE_VERSION_ENV", "current_edition", "list_editions", "previous_edition_data"]

#: Set by ``mike deploy`` for the ``mkdocs build`` it runs (see the module docstring).
MIKE_VERSION_ENV = "MIKE_DOCS_VERSION"
DATA_PATH = "data/dossier.json"
_GIT_TIMEOUT = 60


def current_edition(environ: Mapping[str, str] | None = None) -> str | None:
    """The edition mike is deploying right now, or None outside ``mike deploy``."""
    value = (os.environ if environ is None else environ).get(MIKE_VERSION_ENV, "").strip()
    return value or None


def _git_blob(repo_dir: Path, rev: str, path: str) -> bytes | None:
    """Content of ``path`` at ``rev``, or None (no such branch/file, not a repository, no git)."""
    if rev.startswith("-"):
        return None
    try:
        proc = subprocess.run(
            ["git", "-C", str(repo_dir), "cat-file", "blob", f"{rev}:{path}"],
            capture_output=True, timeout=_GIT_TIMEOUT, check=False,
            env={**os.environ, "GIT_TERMINAL_PROMPT": "0"},
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return proc.stdout if proc.returncode == 0 else None


def _join(prefix: str, *parts: str) -> str:
    return "/".join(p.strip("/") for p in (prefix, *parts) if p.strip("/"))


def _resolve_ref(repo_dir: Path, branch: str, remote: str | None, prefix: str) -> tuple[str, bytes] | None:
    """The first of ``branch``, ``<remote>/<branch>`` that has versions.json, with its content."""
    candidates = [branch] + ([f"{remote}/{branch}"] if remote else [])
    for rev in candidates:
        blob = _git_blob(repo_dir, rev, _join(prefix, "versions.json"))
        if blob is not None:
            return rev, blob
    return None


def _parse_versions(blob: bytes) -> list[dict[str, Any]]:
    try:
        data = json.loads(blob.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return []
    if not isinstance(data, list):
        return []
    return [v for v in data if isinstance(v, dict) and isinstance(v.get("version"), str) and v["version"]]


def list_editions(repo_dir: Path, *, branch: str = "gh-pages", remote: str | None = "origin",
                  prefix: str = "") -> list[dict[str, Any]]:
    """The entries of mike's ``versions.json`` (``version``, ``title``, ``aliases``), newest first.

    Empty when the repository, the branch or the file does not exist.  ``prefix`` is mike's
    ``--deploy-prefix``.
    """
    found = _resolve_ref(Path(repo_dir), branch, remote, prefix)
    return _parse_versions(found[1]) if found else []


def _older_than(current: str, versions: list[str]) -> list[str]:
    """The versions mike would list after ``current`` (newest first), ``current`` excluded.

    When ``current`` is already listed (a re-deploy) that is simply everything after it.  When
    it is new, mike's own ordering decides where it goes (``mike.versions.Versions``), so
    deploying an edition named older than existing ones compares it with the one before it.
    """
    if current in versions:
        return versions[versions.index(current) + 1:]
    try:
        from mike.versions import Versions

        ordered = Versions.from_json([{"version": v, "title": v, "aliases": []} for v in versions])
        ordered.add(current)
        names = [str(info.version) for info in ordered]
    except Exception:  # noqa: BLE001 - mike missing or an odd name: keep the listed order
        return versions
    return names[names.index(current) + 1:] if current in names else versions


def previous_edition_data(
    repo_dir: Path,
    *,
    branch: str = "gh-pages",
    current: str | None = None,
    remote: str | None = "origin",
    prefix: str = "",
) -> tuple[str, dict[str, Any]] | None:
    """(version, parsed ``<version>/data/dossier.json``) of the edition before ``current``.

    ``repo_dir`` is any directory inside the git working tree (the project root).  ``current``
    is the edition being built (:func:`current_edition`; None for a plain build, which then
    compares with the newest published edition).  Editions are taken in mike's order, newest
    first; one whose ``data/dossier.json`` is missing or unreadable (published before the data
    export existed) is skipped in favour of the one before it.  None when there is no
    repository, no branch, no ``versions.json`` or no earlier edition with data.
    """
    found = _resolve_ref(Path(repo_dir), branch, remote, prefix)
    if found is None:
        return None
    rev, blob = found
    versions = [v["version"] for v in _parse_versions(blob)]
    candidates = _older_than(current, versions) if current else versions
    for version in candidates:
        raw = _git_blob(Path(repo_dir), rev, _join(prefix, version, DATA_PATH))
        if raw is None:
            continue
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            continue
        if isinstance(data, dict):
            return version, data
    return None
