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


def render_site(result: BuildResult, templates_dir: Path, *, directory_urls: bool = True,
                previous: tuple[str, dict] | None = None, current_version: str | None = None,
                cache_file: Path | None = None) -> dict[str, str]:
    """{site path: content} for every generated file; the same input gives the same bytes.

    `previous` is the last published edition (name, its data/dossier.json) for the change log.
    `cache_file`: rendered pages from the last build, reused where the view is unchanged.
    """
    env = environment(templates_dir)
    cache = PageCache(cache_file, templates_fingerprint(templates_dir))
    pages: dict[str, str] = {}
    for spec in build_pages(result, directory_urls=directory_urls):
        key = cache.key(spec.template, (spec.title, spec.view))
        text = cache.get(spec.path, key)
        if text is None:
            text = env.get_template(spec.template).render(page=spec.view, title=spec.title).rstrip("\n") + "\n"
            cache.put(spec.path, key, text)
        pages[spec.path] = text
    pages.update(export_files(result.dossier, cache))
    pages[CHANGES_PATH] = changes_page(result.dossier, previous, env, current_version=current_version,
                                       link_previous=current_version is not None,
                                       directory_urls=directory_urls).rstrip("\n") + "\n"
    pages["assets/dossier.css"] = stylesheet(templates_dir)
    cache.save()
    return dict(sorted(pages.items()))
