"""Escaping helpers for the generated Markdown pages.

Page bodies are raw HTML blocks inside the ``.md`` files (Python-Markdown passes a block
that starts with a block-level tag at column 0 through untouched), so everything printed
there only needs HTML escaping, which Jinja2's autoescape does.  Text that *is* parsed as
Markdown -- headings, which must stay Markdown for the table of contents and the search
index -- goes through :func:`md_escape`: HTML escaping plus a backslash before every
character Python-Markdown treats as markup.

Two more rules hold for every printed value (see :func:`finalize`):

* control characters are removed -- Python-Markdown marks stashed raw HTML with
  ``\\x02...\\x03`` placeholders, so text containing them could smuggle HTML back in;
* only ``http(s)`` URLs become external links (:func:`safe_url`).
"""

from __future__ import annotations

import html
import json
import re
from urllib.parse import urlsplit

from markupsafe import Markup

__all__ = ["clean_text", "finalize", "md_escape", "safe_url", "yaml_string"]

# C0 controls except tab/newline/carriage return, DEL, C1 controls, lone surrogates, non-characters.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
# Characters Python-Markdown (with the tables extension) accepts a backslash escape for.
# '<', '>' and '&' are not in the list: they are HTML-escaped instead.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")


def clean_text(value: object) -> str:
    """The value as text without control characters (placeholders, NUL ...)."""
    return _CONTROL.sub("", "" if value is None else str(value))


def md_escape(value: object) -> Markup:
    """Text for a place Markdown parses (a heading): printed literally, never as markup.

    Whitespace is collapsed to single spaces so a value cannot end the heading line or
    start a new block; Markdown specials get a backslash; then the text is HTML-escaped.
    """
    text = " ".join(clean_text(value).split())
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return Markup(html.escape(text, quote=True))


def finalize(value: object) -> object:
    """Jinja2 ``finalize``: strip control characters from everything a template prints."""
    if value is None:
        return ""
    if isinstance(value, str):  # Markup too; called for every printed value: no copy when clean
        if _CONTROL.search(value) is None:
            return value
        cleaned = _CONTROL.sub("", str(value))
        return Markup(cleaned) if isinstance(value, Markup) else cleaned
    return value


_URL_OK = re.compile(r"^https?://[^\s<>\"'`\\]+$", re.IGNORECASE)


def safe_url(value: object) -> str | None:
    """``value`` if it is an absolute http(s) URL with a host, else None (never a link)."""
    if not isinstance(value, str):
        return None
    url = value.strip()
    if not _URL_OK.match(url) or _CONTROL.search(url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return url


def yaml_string(value: object) -> Markup:
    """An HTML-escaped YAML double-quoted scalar for page front matter (``title:``).

    MkDocs themes print ``page.meta.title`` unescaped (``<title>``, header), so the value is
    HTML-escaped first; JSON string syntax is valid YAML and keeps quotes and backslashes safe.
    """
    text = html.escape(" ".join(clean_text(value).split()), quote=True)
    return Markup(json.dumps(text, ensure_ascii=True))
