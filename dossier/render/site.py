"""Render every page of the site from the assembled dossier (placeholder set; see issue 4)."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from ..stages import BuildResult
from .exports import dossier_json


def environment(templates_dir: Path) -> Environment:
    return Environment(
        loader=FileSystemLoader(str(templates_dir)),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_site(result: BuildResult, templates_dir: Path) -> dict[str, str]:
    env = environment(templates_dir)
    d = result.dossier
    pages = {
        "index.md": env.get_template("index.md.j2").render(dossier=d),
        "data/dossier.json": dossier_json(d),
    }
    for name in ("chronik.md", "akteure/index.md", "vergleich.md", "quellen/index.md", "methodik.md"):
        pages[name] = f"# {name}\n"
    css = Path(templates_dir) / "assets"
    if css.is_dir():
        pages["assets/dossier.css"] = "\n".join(p.read_text(encoding="utf-8") for p in sorted(css.glob("*.css")))
    else:
        pages["assets/dossier.css"] = ""
    return pages
