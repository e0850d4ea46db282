"""Render every page of the site from the assembled dossier.

The view model (:mod:`.views`) selects, sorts, groups, formats and counts; the Jinja2
templates in ``templates/`` only loop and print.  Autoescaping is on for every template and
undefined names are errors.  Page bodies are raw HTML blocks inside the Markdown files; the
few places Markdown parses (headings) use the ``md_escape`` filter (:mod:`.markdown`).
"""

from __future__ import annotations

import gc
import multiprocessing
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from ..stages import BuildResult
from .cache import PageCache, templates_fingerprint, view_bytes
from .changes import CHANGES_PATH, ChangeLinks, changes_page
from .exports import ExportTemplate, export_files_and_templates
from .markdown import finalize, md_escape, yaml_string
from .texts import TEXT_MARK, pickle_without_texts
from .views import PagePlan, SiteModel, page_plans

CSS_FILES = ("dossier.css", "dossier-svg.css")


def environment(templates_dir: Path) -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(templates_dir)),
        auto_reload=False,  # one build renders thousands of includes; don't stat() each time
        autoescape=True,
        undefined=StrictUndefined,
        finalize=finalize,
        keep_trailing_newline=False,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["md_escape"] = md_escape
    env.filters["yaml_string"] = yaml_string
    return env


def stylesheet(templates_dir: Path) -> str:
    """templates/assets/*.css as one file: ours first, then the SVG figures', then any others."""
    folder = Path(templates_dir) / "assets"
    if not folder.is_dir():
        return ""
    files = sorted(folder.glob("*.css"), key=lambda p: (CSS_FILES.index(p.name) if p.name in CSS_FILES else len(CSS_FILES), p.name))
    return "\n".join(p.read_text(encoding="utf-8").rstrip("\n") + "\n" for p in files)


def generate(result: BuildResult, templates_dir: Path, cache: PageCache, *, directory_urls: bool = True,
             previous: tuple[str, dict] | None = None, current_version: str | None = None,
             workers: int = 1, record: TextRecord | None = None) -> list[str]:
    """Render every generated file into `cache` (unchanged views are not rendered again) and
    return their site paths, sorted; the same input gives the same bytes.

    `previous` is the last published edition (name, its data/dossier.json) for the change log.
    `workers` > 1 renders the pages in that many forked processes (pages on disk only): views
    and templates are independent per page, and MkDocs itself uses one core.
    `record` receives what a rebuild after a text-only change needs (see :mod:`.rebuild`)."""
    env = environment(templates_dir)
    model = SiteModel(result, directory_urls=directory_urls)
    plans = page_plans(model)
    parallel = workers > 1 and cache.pages_dir is not None and len(plans) >= PARALLEL_MIN_PAGES
    if parallel:
        model.prepare_shared()
    text_views: dict[str, TextView | None] = {}
    pending = _render_in_workers(plans, env, cache, workers) if parallel else None
    if pending is None:
        for plan in plans:
            _render_page(plan, env, cache, text_views)
    extra, export_templates = export_files_and_templates(result.dossier, cache)
    links = ChangeLinks.of(result.dossier)
    extra[CHANGES_PATH] = changes_page(result.dossier, previous, env, links=links, current_version=current_version,
                                       link_previous=current_version is not None,
                                       directory_urls=directory_urls).rstrip("\n") + "\n"
    extra["assets/dossier.css"] = stylesheet(templates_dir)
    for path, text in extra.items():
        cache.put(path, None, text)
    if pending is not None:
        for fresh, hits, misses, views in pending():
            cache.adopt(fresh, hits, misses)
            text_views.update(views)
    cache.save()
    paths = sorted([plan.path for plan in plans] + list(extra))
    if record is not None:
        record.paths, record.links = paths, links
        record.views = dict(sorted(text_views.items()))
        record.exports = export_templates
    return paths


# Below this many pages, starting processes costs more than it saves.
PARALLEL_MIN_PAGES = 200


@dataclass(frozen=True)
class TextView:
    """A page that prints editorial texts: its view pickled with the texts left out (.texts)."""

    template: str
    title: str
    keys: frozenset[str]
    view: bytes


@dataclass
class TextRecord:
    """What :func:`generate` leaves for a rebuild after a text-only change: every file it made,
    the pages and exports that print texts, and the links the change log needs."""

    paths: list[str] = field(default_factory=list)
    views: dict[str, TextView | None] = field(default_factory=dict)  # None: could not be pickled
    exports: dict[str, ExportTemplate] = field(default_factory=dict)
    links: ChangeLinks | None = None

    @property
    def usable(self) -> bool:
        """Every page that may print a text is recorded, and the exports have their slots."""
        return bool(self.exports) and self.links is not None and None not in self.views.values()


def _render_page(plan: PagePlan, env: Environment, cache: PageCache, text_views: dict[str, TextView | None]) -> None:
    view = plan.make_view()
    data = view_bytes((plan.title, view))
    key = cache.key_of(plan.template, data)
    if data is None:
        text_views[plan.path] = None  # whether it prints a text is unknown: no rebuild by texts
    elif TEXT_MARK in data:
        pickled, keys = pickle_without_texts(view)
        if keys:
            text_views[plan.path] = TextView(plan.template, plan.title, keys, pickled)
    render_page(plan.path, plan.template, plan.title, view, key, env, cache)


def render_page(path: str, template: str, title: str, view: object, key: bytes | None, env: Environment,
                cache: PageCache) -> None:
    """Render the page into `cache` unless it holds the page as rendered with `key`."""
    if not cache.has(path, key):
        cache.put(path, key, env.get_template(template).render(page=view, title=title).rstrip("\n") + "\n")


# What the forked workers render: set just before they start (fork copies it, nothing is pickled).
_JOB: tuple[list[PagePlan], Environment, PageCache, int] | None = None


def _render_share(worker: int) -> tuple[dict[str, bytes], int, int, dict[str, TextView | None]]:
    assert _JOB is not None
    plans, env, cache, workers = _JOB
    text_views: dict[str, TextView | None] = {}
    for plan in plans[worker::workers]:
        _render_page(plan, env, cache, text_views)
    return cache.fresh, cache.hits, cache.misses, text_views


def _render_in_workers(plans: list[PagePlan], env: Environment, cache: PageCache, workers: int):
    """Start rendering every `workers`-th page in each of `workers` forked processes; returns a
    function that waits for them and gives each worker's cache entries. None without fork."""
    global _JOB
    if "fork" not in multiprocessing.get_all_start_methods():
        return None
    cache.remove_index()  # here, not in each worker: save() must know the index file is gone
    _JOB = (plans, env, cache, workers)
    # The workers' garbage collector would walk (and so copy) every object of the model they
    # share with this process: frozen, the model stays out of their collections.
    freeze = gc.get_freeze_count() == 0  # never undo a freeze that somebody else made
    if freeze:
        gc.freeze()
    try:
        pool = multiprocessing.get_context("fork").Pool(workers)
    finally:
        _JOB = None
        if freeze:
            gc.unfreeze()
    result = pool.map_async(_render_share, range(workers), chunksize=1)
    pool.close()

    def wait() -> list[tuple[dict[str, bytes], int, int, dict[str, TextView | None]]]:
        try:
            return result.get()
        finally:
            pool.join()

    return wait


def render_site(result: BuildResult, templates_dir: Path, *, directory_urls: bool = True,
                previous: tuple[str, dict] | None = None, current_version: str | None = None,
                cache_file: Path | None = None) -> dict[str, str]:
    """{site path: content} for every generated file (see :func:`generate`).

    `cache_file`: rendered pages from the last build, reused where the view is unchanged."""
    cache = PageCache(cache_file, templates_fingerprint(templates_dir))
    paths = generate(result, templates_dir, cache, directory_urls=directory_urls, previous=previous,
                     current_version=current_version)
    return {path: cache.text(path) for path in paths}
