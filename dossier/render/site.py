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
from .exports import dossier_json
from .markdown import finalize, md_escape, yaml_string
from .views import build_pages

CSS_FILES = ("dossier.css", "dossier-svg.css")


def environment(templates_dir: Path) -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(templates_dir)),
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


def render_site(result: BuildResult, templates_dir: Path, *, directory_urls: bool = True) -> dict[str, str]:
    """{site path: content} for every generated file; the same input gives the same bytes."""
    env = environment(templates_dir)
    pages: dict[str, str] = {}
    for spec in build_pages(result, directory_urls=directory_urls):
        text = env.get_template(spec.template).render(page=spec.view, title=spec.title)
        pages[spec.path] = text.rstrip("\n") + "\n"
    pages["data/dossier.json"] = dossier_json(result.dossier)
    pages["assets/dossier.css"] = stylesheet(templates_dir)
    return dict(sorted(pages.items()))
