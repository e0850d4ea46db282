"""MkDocs adapter: runs the dossier stages and hands the pages to MkDocs as generated files.

Each hook is a short driver over the library (dossier.stages, dossier.render); nothing here
knows about articles, actors or templates.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files

from .editions import current_edition, previous_edition_data
from .errors import DossierError
from .render.cache import PageCache, templates_fingerprint
from .render.rebuild import build_site
from .stages import Project

log = logging.getLogger("mkdocs.plugins.dossier")


class DossierConfig(base.Config):
    content_dir = c.Type(str, default="content")
    templates_dir = c.Type(str, default="templates")
    extracted_dir = c.Type(str, default="extracted")
    # false: never touch extracted/ (e.g. read-only checkouts); extraction still runs in memory
    write_extractions = c.Type(bool, default=True)
    # where mike publishes editions; the change log compares with the newest one there
    editions_branch = c.Type(str, default="gh-pages")
    # `mkdocs build` writes into a temporary folder beside site_dir and moves it into place at
    # the end: a failed build leaves the previous site as it was, never a half-written one.
    atomic_build = c.Type(bool, default=True)
    # rendered pages are kept in .cache/dossier/pages/ and reused while their data is unchanged;
    # false renders every page anew (they are still written there, for MkDocs to read)
    page_cache = c.Type(bool, default=True)
    # processes that render pages under `mkdocs build`; 0: one per available core. `mkdocs serve`
    # always renders in its own process (forking a process with server threads is not safe).
    render_workers = c.Type(int, default=0)


class DossierPlugin(BasePlugin[DossierConfig]):
    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command, self.dirty = command, dirty

    @event_priority(100)  # before other plugins read site_dir
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.staging: StagedSite | None = None
        if self.config.atomic_build and getattr(self, "command", "build") == "build" and not getattr(self, "dirty", False):
            self.staging = StagedSite(Path(config.site_dir))
            config.site_dir = str(self.staging.begin())
        root = self.root = Path(config.config_file_path or ".").resolve().parent
        self.project = Project(
            content_dir=root / self.config.content_dir,
            templates_dir=root / self.config.templates_dir,
            extracted_dir=root / self.config.extracted_dir,
        )
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        try:
            current = current_edition()
            previous = previous_edition_data(self.root, branch=self.config.editions_branch, current=current)
            # Pages go to files that MkDocs reads when it needs them: held in memory, the
            # Markdown of 10,000 sources would sit beside the HTML MkDocs makes of it.
            cache = PageCache(self._cache_dir() / "pages.index", templates_fingerprint(self.project.templates_dir),
                              reuse=self.config.page_cache)
            made = build_site(self.project, cache, directory_urls=config.use_directory_urls, previous=previous,
                              current_version=current, workers=self._workers(),
                              write_extractions=self.config.write_extractions)
        except DossierError as exc:
            raise PluginError(f"dossier: invalid input\n{exc}") from None
        log.info("dossier: %d sources (%d extracted, %d from cache), %d pages (%d rendered, %d unchanged)%s",
                 made.sources, made.extracted, made.reused, len(made.paths), made.rendered, made.unchanged,
                 "" if made.full else "; only editorial texts can differ from the last build")
        for path in made.paths:
            existing = files.get_file_from_path(path)
            if existing is not None:
                files.remove(existing)
            files.append(File.generated(config, path, abs_src_path=str(cache.file(path))))
        return files

    def _cache_dir(self) -> Path:
        """.cache/dossier/ of the project, or a temporary folder when that cannot be written."""
        folder = self.project.cache_dir
        try:
            folder.mkdir(parents=True, exist_ok=True)
            if os.access(folder, os.W_OK):
                return folder
        except OSError:
            pass
        log.info("dossier: %s is not writable; rendered pages go to a temporary folder", folder)
        self._tmp = tempfile.TemporaryDirectory(prefix="dossier-pages-")  # removed with the plugin
        return Path(self._tmp.name)

    def _workers(self) -> int:
        if getattr(self, "command", "build") != "build":
            return 1
        if self.config.render_workers > 0:
            return self.config.render_workers
        return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1

    def on_page_content(self, html: str, *, page, config: MkDocsConfig, files: Files) -> str:
        # MkDocs keeps every page's Markdown to the end of the build; once a generated page is HTML
        # nothing reads it again, and at 10,000 sources it is gigabytes.
        if page.file.generated_by == "dossier":
            page.markdown = ""
            page.file.content_bytes = b""
        return html

    @event_priority(-100)  # after every other plugin has written its files
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.staging is not None:
            self.staging.commit()
            config.site_dir = str(self.staging.target)

    def on_build_error(self, *, error: Exception) -> None:
        if getattr(self, "staging", None) is not None:
            self.staging.abort()

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        # Editors change content/ and templates/; mkdocs only watches docs_dir by itself.
        for folder in (self.project.content_dir, self.project.templates_dir):
            if folder.exists():
                server.watch(str(folder))
        return server


class StagedSite:
    """A site folder written beside its target and swapped in whole (two renames)."""

    def __init__(self, target: Path):
        self.target = target.resolve()
        self.staging = self.target.with_name(f".{self.target.name}.dossier-new")
        self.old = self.target.with_name(f".{self.target.name}.dossier-old")

    def begin(self) -> Path:
        for leftover in (self.staging, self.old):  # from a build that was killed
            shutil.rmtree(leftover, ignore_errors=True)
        self.staging.mkdir(parents=True)
        return self.staging

    def commit(self) -> None:
        if self.target.exists():
            self.target.rename(self.old)
        self.staging.rename(self.target)
        shutil.rmtree(self.old, ignore_errors=True)

    def abort(self) -> None:
        shutil.rmtree(self.staging, ignore_errors=True)
