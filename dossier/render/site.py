"""Render every page of the site from the assembled dossier.

The view model (:mod:`.views`) selects, sorts, groups, formats and counts; the Jinja2
templates in ``templates/`` only loop and print.  Autoescaping is on for every template and
undefined names are errors.  Page bodies are raw HTML blocks inside the Markdown files; the
few places Markdown parses (headings) use the ``md_escape`` filter (:mod:`.markdown`).
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from ..stages import BuildResult
from .cache import PageCache, templates_fingerprint
from .changes import CHANGES_PATH, changes_page
from .exports import export_files
from .markdown import finalize, md_escape, yaml_string
from .views import build_pages

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
             previous: tuple[str, dict] | None = None, current_version: str | None = None) -> list[str]:
    """Render every generated file into `cache` (unchanged views are not rendered again) and
    return their site paths, sorted; the same input gives the same bytes.

    `previous` is the last published edition (name, its data/dossier.json) for the change log."""
    env = environment(templates_dir)
    paths = []
    for spec in build_pages(result, directory_urls=directory_urls):
        key = cache.key(spec.template, (spec.title, spec.view))
        if not cache.has(spec.path, key):
            cache.put(spec.path, key, env.get_template(spec.template).render(page=spec.view, title=spec.title).rstrip("\n") + "\n")
        paths.append(spec.path)
    extra = export_files(result.dossier, cache)
    extra[CHANGES_PATH] = changes_page(result.dossier, previous, env, current_version=current_version,
                                       link_previous=current_version is not None,
                                       directory_urls=directory_urls).rstrip("\n") + "\n"
    extra["assets/dossier.css"] = stylesheet(templates_dir)
    for path, text in extra.items():
        cache.put(path, None, text)
        paths.append(path)
    cache.save()
    return sorted(paths)


def render_site(result: BuildResult, templates_dir: Path, *, directory_urls: bool = True,
                previous: tuple[str, dict] | None = None, current_version: str | None = None,
                cache_file: Path | None = None) -> dict[str, str]:
    """{site path: content} for every generated file (see :func:`generate`).

    `cache_file`: rendered pages from the last build, reused where the view is unchanged."""
    cache = PageCache(cache_file, templates_fingerprint(templates_dir))
    paths = generate(result, templates_dir, cache, directory_urls=directory_urls, previous=previous,
                     current_version=current_version)
    return {path: cache.text(path) for path in paths}
