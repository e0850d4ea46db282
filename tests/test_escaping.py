"""Hostile input: article text and YAML values must render as text, never as HTML, Markdown
or template syntax.  Builds a one-source dossier with `mkdocs build` in a temporary folder
and inspects the generated HTML with html.parser (tags and attributes, not grep)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
from html.parser import HTMLParser
from pathlib import Path

import pytest

from dossier.render.markdown import finalize, md_escape, safe_url, yaml_string

ROOT = Path(__file__).resolve().parents[1]

# Everything a hostile or merely unlucky text may contain.
EVIL = (
    "<script>alert(1)</script> <img src=x onerror=alert(2)> [klick](javascript:alert(3)) "
    "*stern* _unter_ `code` | a|b {{ 7*7 }} {% if true %}X{% endif %} &amp; &lt;b&gt; "
    '<a href="javascript:alert(4)">link</a> </title><script>alert(5)</script> # ## \\*'
)
EVIL_TITLE = "Titel </title><script>alert(6)</script> *fett* [x](javascript:alert(7)) {{ 7*7 }} #"
EVIL_NAME = "Mallory <img src=x onerror=alert(8)> *Corp* {{ 6*7 }}"
EVIL_SLUG = "mallory"

SOURCE = """\
---
id: boese-quelle
title: {title}
outlet: {outlet}
url: "https://example.org/artikel?a=1&b=*x*_[y]"
published: 2025-09-01
language: de
note: {note}
---
{title_line}

Mallory besuchte am 3. September 2025 Peking. {evil}

Wladimir Putin traf Mallory in Moskau. Mehr als 20 Soldaten wurden entsandt. {evil}

„{evil}“, sagte Mallory.
"""

ACTORS = """\
actors:
  - id: {slug}
    name: {name}
    type: organization
    aliases: [Mallory]
    description: {description}
    reviewed: false
  - id: wladimir-putin
    name: Wladimir Putin
    type: person
    aliases: [Putin]
    description: Präsident Russlands.
    reviewed: true
"""

DOSSIER = """\
title: {title}
subtitle: {subtitle}
description: {description}
pipeline: null
"""


def q(value: str) -> str:
    """A YAML double-quoted scalar."""
    return json.dumps(value, ensure_ascii=False)


class Inspector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.stack: list[str] = []
        self.script_text: list[str] = []
        self.text: list[str] = []
        self.title: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in ("img", "br", "input", "meta", "link", "hr", "source", "wbr"):
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass

    def handle_data(self, data):
        if self.stack and self.stack[-1] in ("script", "style"):
            self.script_text.append(data)
        elif self.stack and self.stack[-1] == "title":
            self.title.append(data)
        else:
            self.text.append(data)


def inspect(path: Path) -> Inspector:
    parser = Inspector()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("hostile")
    shutil.copy(ROOT / "mkdocs.yml", tmp / "mkdocs.yml")
    shutil.copytree(ROOT / "templates", tmp / "templates")
    content = tmp / "content"
    (content / "sources").mkdir(parents=True)
    (content / "pages").mkdir()
    shutil.copytree(ROOT / "content" / "lexicon", content / "lexicon")
    (content / "pages" / "ueber.md").write_text("# Über\n\nTest.\n", encoding="utf-8")
    (content / "dossier.yml").write_text(
        DOSSIER.format(title=q("Dossier " + EVIL_TITLE), subtitle=q(EVIL), description=q(EVIL)), encoding="utf-8")
    (content / "actors.yml").write_text(
        ACTORS.format(slug=EVIL_SLUG, name=q(EVIL_NAME), description=q(EVIL)), encoding="utf-8")
    (content / "sources" / "boese-quelle.md").write_text(
        SOURCE.format(title=q(EVIL_TITLE), outlet=q("Outlet " + EVIL), note=q(EVIL), title_line=EVIL_TITLE, evil=EVIL),
        encoding="utf-8")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    res = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(tmp / "site")],
        cwd=tmp, env=env, capture_output=True, text=True, timeout=120,
    )
    assert res.returncode == 0, res.stdout + res.stderr
    return tmp / "site"


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def _scheme(value: str) -> str:
    return re.sub(r"[\x00-\x20]", "", value).lower()


def test_no_live_script_handler_or_javascript_url(hostile_site: Path) -> None:
    files = html_files(hostile_site)
    assert len(files) >= 8
    for path in files:
        parsed = inspect(path)
        for tag, attrs in parsed.tags:
            for name, value in attrs.items():
                assert not name.startswith("on"), f"{path}: <{tag} {name}=…>"
                if value and name in ("href", "src", "action", "formaction", "xlink:href", "data", "srcdoc"):
                    assert not _scheme(value).startswith(("javascript:", "data:", "vbscript:")), f"{path}: {name}={value}"
            if tag == "img":
                assert attrs.get("src") != "x", f"{path}: injected <img>"
            assert tag not in ("iframe", "object", "embed"), f"{path}: <{tag}>"
        assert "alert(" not in "".join(parsed.script_text), f"{path}: injected script"


def test_hostile_text_is_shown_literally(hostile_site: Path) -> None:
    page = hostile_site / "quellen" / "boese-quelle" / "index.html"
    parsed = inspect(page)
    text = " ".join(" ".join(parsed.text).split())
    # HTML, Markdown and template syntax all come out as the characters typed
    for literal in ("<script>alert(1)</script>", "<img src=x onerror=alert(2)>", "[klick](javascript:alert(3))",
                    "*stern*", "_unter_", "`code`", "{{ 7*7 }}", "{% if true %}X{% endif %}", "&amp;", "&lt;b&gt;",
                    '<a href="javascript:alert(4)">link</a>', "</title><script>alert(5)</script>"):
        assert literal in text, literal
    assert "49" not in text
    # the title is text in <title> and in the H1
    title = " ".join(parsed.title)
    assert "</title><script>alert(6)</script>" in title
    h1 = page.read_text(encoding="utf-8").split("<h1", 1)[1].split("</h1>", 1)[0]
    assert "&lt;/title&gt;&lt;script&gt;alert(6)&lt;/script&gt;" in h1
    assert "*fett*" in h1 and "<em>" not in h1 and "<a " not in h1.split(">", 1)[1].replace('<a class="headerlink"', "")
    # the http(s) URL is a link, quoted correctly
    hrefs = [a.get("href") for t, a in parsed.tags if t == "a"]
    assert "https://example.org/artikel?a=1&b=*x*_[y]" in hrefs


def test_actor_profile_and_index_escape_name(hostile_site: Path) -> None:
    profile = hostile_site / "akteure" / EVIL_SLUG / "index.html"
    assert profile.exists()
    parsed = inspect(profile)
    text = " ".join(" ".join(parsed.text).split())
    assert EVIL_NAME in text
    assert "<script>alert(1)</script>" in text  # the description
    assert "42" not in text.replace("42 ", "")  # {{ 6*7 }} not evaluated
    assert EVIL_NAME in " ".join(parsed.title)
    index = inspect(hostile_site / "akteure" / "index.html")
    assert EVIL_NAME in " ".join(index.text)


def test_home_page_escapes_dossier_settings(hostile_site: Path) -> None:
    parsed = inspect(hostile_site / "index.html")
    text = " ".join(" ".join(parsed.text).split())
    assert "<script>alert(1)</script>" in text
    assert "Dossier Titel </title><script>alert(6)</script> *fett*" in text


def test_search_index_has_no_markup_from_content(hostile_site: Path) -> None:
    """Material renders search results as HTML: hostile text must be escaped there too."""
    data = json.loads((hostile_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    for doc in data["docs"]:
        for key in ("title", "text"):
            value = doc.get(key) or ""
            assert "<script" not in value.lower(), (doc["location"], key, value[:200])
            assert "<img" not in value.lower(), (doc["location"], key, value[:200])
            assert "<a href=\"javascript" not in value.lower(), (doc["location"], key, value[:200])


# ---- the helpers themselves -------------------------------------------------------------------


def test_md_escape() -> None:
    out = str(md_escape("<b>*a*_b_ [c](d) `e` | # {f} \\ &\n## g"))
    assert "<" not in out and "&lt;b&gt;" in out
    assert "\\*a\\*\\_b\\_ \\[c\\]\\(d\\) \\`e\\` \\| \\# \\{f\\} \\\\ &amp; \\#\\# g" == out.replace("&lt;b&gt;", "")
    assert "\n" not in out


def test_finalize_removes_markdown_placeholders() -> None:
    assert finalize("a\x02wzxhzdk:0\x03b") == "awzxhzdk:0b"
    assert finalize(None) == ""
    assert finalize(3) == 3


def test_safe_url() -> None:
    assert safe_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    assert safe_url("http://example.org") == "http://example.org"
    for bad in ("javascript:alert(1)", " javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,x",
                "//example.org", "https://", "https://exa mple.org", 'https://e.org/"onmouseover=x', None, 3,
                "ftp://example.org", "https:\\\\example.org"):
        assert safe_url(bad) is None, bad


def test_yaml_string_is_escaped_yaml() -> None:
    import yaml

    out = yaml_string('</title><script>"x"\\</script>\nzwei')
    assert yaml.safe_load(f"title: {out}")["title"] == "&lt;/title&gt;&lt;script&gt;&quot;x&quot;\\&lt;/script&gt; zwei"


def test_fixture_text_is_hostile() -> None:
    # guard: the fixture must keep containing every dangerous construct
    for needle in ("<script>", "onerror=", "javascript:", "{{", "{%", "*", "_", "[", "|", "`", "&amp;"):
        assert needle in EVIL + EVIL_TITLE + EVIL_NAME
    assert textwrap.dedent(SOURCE).startswith("---")
