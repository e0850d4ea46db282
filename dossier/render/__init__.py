"""Stage 6: the Dossier as site files (Markdown pages via Jinja2, SVG, data exports)."""

from .site import render_site

__all__ = ["render_site"]
