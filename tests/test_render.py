"""The reader-facing pages on the real content: order, dates, links, nav, determinism.

One session builds the dossier (without writing extracted/) and renders it; one more builds
the whole MkDocs site into a temporary folder to check every link in the generated HTML.
"""

from __future__ import annotations

import json
import os
import posixpath
import re
from collections import Counter
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from dossier.render.site import render_site
from dossier.render.views import Urls, actor_path, build_pages, format_when, source_path, span_of
from dossier.stages import BuildResult, Project, build

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def result() -> BuildResult:
    return build(Project.at(ROOT), write_extractions=False)


@pytest.fixture(scope="session")
def pages(result: BuildResult) -> dict[str, str]:
    return render_site(result, ROOT / "templates")


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        self.tags.append((tag, a))
        if "id" in a:
            self.ids.add(a["id"])


def tags(html: str) -> Tags:
    parser = Tags()
    parser.feed(html)
    parser.close()
    return parser


# ---- dates ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("date", "end", "precision", "text"),
    [
        ("2024-06", None, "month", "Juni 2024"),
        ("2019", None, "year", "2019"),
        ("2025-09-01", "2025-09-07", "week", "1.–7. September 2025"),
        ("2024-06-18", "2024-06-19", "day", "18.–19. Juni 2024"),
        ("2025-09-03", None, "day", "3. September 2025"),
        ("2024-06-29", "2024-07-02", "day", "29. Juni – 2. Juli 2024"),
        ("2024-12-30", "2025-01-02", "day", "30. Dezember 2024 – 2. Januar 2025"),
        ("2024-06", "2024-08", "month", "Juni – August 2024"),
        ("2010", "2019", "decade", "2010er Jahre"),
        ("2019", "2021", "year", "2019–2021"),
        (None, None, "unresolved", "ohne Datum"),
    ],
)
def test_format_when(date, end, precision, text) -> None:
    assert format_when(date, end, precision) == text


def test_links_between_directory_urls() -> None:
    urls = Urls(directory_urls=True)
    assert urls.href("akteure/kim-jong-un.md", "quellen/x.md", "s-3") == "../../quellen/x/#s-3"
    assert urls.href("index.md", "chronik.md") == "chronik/"
    assert urls.href("akteure/index.md", "akteure/kim.md") == "kim/"
    assert urls.href("akteure/kim.md", "index.md") == "../../"
    assert urls.href("quellen/x.md", "quellen/x.md", "s-1") == "#s-1"
    assert urls.href("chronik.md", "data/dossier.json") == "../data/dossier.json"
    flat = Urls(directory_urls=False)
    assert flat.href("akteure/kim.md", "quellen/x.md", "s-3") == "../quellen/x.html#s-3"
    assert actor_path("index") != "akteure/index.md"
    assert source_path("../etc") .startswith("quellen/") and ".." not in source_path("../etc")


# ---- pages ------------------------------------------------------------------------------------


def test_every_page_type_renders(result: BuildResult, pages: dict[str, str]) -> None:
    for path in ("index.md", "chronik.md", "akteure/index.md", "vergleich.md", "quellen/index.md", "methodik.md",
                 "data/dossier.json", "assets/dossier.css"):
        assert pages.get(path, "").strip(), path
    for actor in result.dossier.actors:
        assert actor_path(actor.id) in pages
    for source in result.dossier.sources:
        assert source_path(source.id) in pages
    assert json.loads(pages["data/dossier.json"])["title"] == result.dossier.title
    for spec in build_pages(result):
        text = pages[spec.path]
        assert text.startswith("---\ntitle: "), spec.path
        assert re.search(r"^# \S", text, re.MULTILINE), spec.path


def test_chronik_in_date_order_with_month_names(result: BuildResult, pages: dict[str, str]) -> None:
    chronik = pages["chronik.md"]
    order = re.findall(r'<article class="dossier-event[^"]*" id="e-([^"]+)"', chronik)
    events = {e.id: e for e in result.dossier.events}
    assert sorted(order) == sorted(events)
    spans = [span_of(events[i].date, events[i].date_end) for i in order]
    dated = [s for s in spans if s is not None]
    assert dated == sorted(dated, key=lambda s: (s[0], s[1]))
    months = [e for e in result.dossier.events if e.precision == "month"]
    assert months, "the real content has month-precision events"
    for e in months:
        block = chronik.split(f'id="e-{e.id}"', 1)[1].split("</article>", 1)[0]
        shown = re.search(r'<time class="dossier-date" datetime="([^"]+)">([^<]+)</time>', block)
        assert shown and shown.group(1) == e.date
        assert re.fullmatch(r"(Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember) \d{4}",
                            shown.group(2)), shown.group(2)
    # headings per year and month, every event carries its actors for the filter
    assert re.search(r"^## \d{4} \{: #j-\d{4} \}$", chronik, re.MULTILINE)
    assert re.search(r"^### (Juni|September) \d{4} \{: #m-\d{4}-\d{2} \}$", chronik, re.MULTILINE)
    for e in result.dossier.events:
        block = chronik.split(f'id="e-{e.id}"', 1)[1].split(">", 1)[0]
        for a in e.actors:
            assert a in re.search(r'data-actors="([^"]*)"', block).group(1).split()


def test_status_and_precision_visible(pages: dict[str, str]) -> None:
    chronik = pages["chronik.md"]
    assert "dossier-status--announced\">angekündigt<" in chronik
    assert "dossier-status--past\">erfolgt<" in chronik
    assert "monatsgenau" in chronik and "jahresgenau" in chronik
    assert "im Artikel vom" in chronik  # the original expression and its anchor date


def test_comparison_disagreements_first(result: BuildResult, pages: dict[str, str]) -> None:
    page = pages["vergleich.md"]
    rank = {"contradict": 0, "differ_in_precision": 1, "agree": 2}
    multi = [c for c in result.dossier.claims if len({v.source for v in c.values}) > 1]
    shown = re.findall(r'<div class="admonition \w+ dossier-claim dossier-claim--(\w+)">', page)
    assert len(shown) == len(multi)
    assert [rank[s] for s in shown] == sorted(rank[s] for s in shown)


def test_profile_content(result: BuildResult, pages: dict[str, str]) -> None:
    kim = pages[actor_path("kim-jong-un")]
    for heading in ("Rollen laut Quellen", "Zeitleiste", "Zitate", "Oft zusammen genannt", "Quellen"):
        assert f"## {heading}" in kim
    assert "Staats- und Parteichef Nordkoreas" in kim  # editorial description
    assert 'class="dossier-figure dossier-figure--network"' in kim
    unreviewed = [a for a in result.dossier.actors if not a.reviewed]
    if unreviewed:
        assert "nicht geprüft" in pages[actor_path(unreviewed[0].id)]
        assert "nicht geprüft" in pages["akteure/index.md"]


def test_profile_of_a_much_named_actor_is_capped_with_a_note(result: BuildResult, monkeypatch) -> None:
    """An actor named in thousands of articles: the profile keeps PROFILE_MAX_ROWS of each list
    (the most-cited events, the newest sources) and says how many there are and where."""
    from dossier.render import views

    monkeypatch.setattr(views, "PROFILE_MAX_ROWS", 2)
    kim_id = "kim-jong-un"
    events = [e for e in result.dossier.events if kim_id in e.actors or e.place == kim_id]
    sources = {ev.source for a in result.dossier.actors if a.id == kim_id for ev in a.evidence}
    assert len(events) > 2 and len(sources) > 2
    path, view = views.SiteModel(result).actor(next(a for a in result.dossier.actors if a.id == kim_id))
    assert len(view.timeline) == 2 and len(view.sources) == 2
    ranked = sorted(events, key=lambda e: (-len({ev.source for ev in e.evidence}), -len(e.evidence), views.chronik_order(e)))
    assert {v.id for v in view.timeline} == {e.id for e in ranked[:2]}
    assert [v.id for v in view.timeline] == [e.id for e in sorted(ranked[:2], key=views.chronik_order)]
    assert view.timeline_note == f"Gezeigt: die am häufigsten belegten 2 von {len(events)} Ereignissen; alle stehen in der Chronik."
    assert view.sources_note.startswith(f"Gezeigt: die neuesten 2 von {len(sources)} Quellen")
    assert view.mentions_label.endswith(f"in {len(sources)} Quellen")  # all of them, not the shown ones
    page = render_site(result, ROOT / "templates")[path]
    assert view.timeline_note in page and view.sources_note in page


def _resolve(page_url: str, href: str) -> tuple[str, str] | None:
    """(site-relative file path, fragment) of an internal href, None for external ones."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("mailto:", "//")):
        return None
    base = page_url if page_url.endswith("/") or page_url == "" else posixpath.dirname(page_url) + "/"
    target = posixpath.normpath(posixpath.join(base, unquote(parts.path))) if parts.path else page_url.rstrip("/")
    if target in (".", ""):
        target = ""
    if parts.path.endswith("/") or target == "" or (not parts.path and page_url.endswith("/")) or (not parts.path and page_url == ""):
        target = posixpath.join(target, "index.html") if target else "index.html"
    return target, parts.fragment


def test_every_citation_targets_an_existing_sentence(result: BuildResult, pages: dict[str, str]) -> None:
    urls = Urls()
    anchors = {
        urls.url(source_path(s.id)) + "index.html": set(re.findall(r'id="(s-\d+)"', pages[source_path(s.id)]))
        for s in result.dossier.sources
    }
    sentences = {x.source: len(x.sentences) for x in result.run.extractions}
    for s in result.dossier.sources:
        assert anchors[urls.url(source_path(s.id)) + "index.html"] == {f"s-{i}" for i in range(sentences[s.id])}
    count = 0
    for path, text in pages.items():
        if not path.endswith(".md"):
            continue
        for tag, attrs in tags(text).tags:
            if tag == "a" and "dossier-cite" in attrs.get("class", "").split():
                target, fragment = _resolve(urls.url(path), attrs["href"])
                assert target in anchors, (path, attrs["href"])
                assert fragment in anchors[target], (path, attrs["href"])
                count += 1
    assert count > 100


def test_a_large_dossier_splits_the_chronik_and_the_comparison(result: BuildResult, monkeypatch) -> None:
    """With small page limits the five articles behave like a large corpus: the Chronik goes to
    one page per year (a full year per month), claims to pages of their own, and every link to
    an event or claim still reaches the page that holds its anchor."""
    from dossier.render import views

    monkeypatch.setattr(views, "CHRONIK_PAGE_MAX_EVENTS", 4)
    monkeypatch.setattr(views, "COMPARISON_PAGE_MAX_CLAIMS", 2)
    monkeypatch.setattr(views, "COMPARISON_MAX_VALUES", 2)
    pages = render_site(result, ROOT / "templates")
    many = [c for c in result.dossier.claims if len(c.values) > 2]
    assert many
    assert re.search(r'<a href="(\.\./)+data/claims\.csv">(1 weitere Angabe|\d+ weitere Angaben) in der Tabelle claims\.csv</a>',
                     "".join(pages[p] for p in pages if p.startswith("vergleich")))
    parts = sorted(p for p in pages if p.startswith("chronik/"))
    assert "chronik/2025-09.md" in parts and "chronik/2024.md" in parts, parts
    shown = Counter(re.findall(r'<article class="dossier-event[^"]*" id="e-([^"]+)"', "".join(pages[p] for p in parts)))
    assert sorted(shown) == sorted(e.id for e in result.dossier.events) and set(shown.values()) == {1}
    assert "<article" not in pages["chronik.md"].split("<svg", 1)[0]
    assert 'href="2025-09/"' in pages["chronik.md"]
    claims = [p for p in pages if p.startswith("vergleich/")]
    assert claims and "vergleich/mehrere-quellen-2.md" in claims, claims
    anchors = {p: set(re.findall(r'id="([^"]+)"', t)) | set(re.findall(r"\{: #([^ }]+) \}", t)) for p, t in pages.items()}
    held = Counter(c.id for p in claims + ["vergleich.md"] for c in result.dossier.claims if views.claim_anchor(c.id) in anchors[p])
    assert sorted(held) == sorted(c.id for c in result.dossier.claims) and set(held.values()) == {1}

    urls = Urls()
    by_url = {urls.url(p) + "index.html": p for p in pages if p.endswith(".md")}
    checked = 0
    for path, text in pages.items():
        if not path.endswith(".md"):
            continue
        for href in re.findall(r'href="([^"]+)"', text):
            resolved = _resolve(urls.url(path), href.replace("&amp;", "&"))
            if resolved is None or not resolved[1].startswith(("e-", "c-")):
                continue
            target, fragment = resolved
            assert target in by_url, (path, href)
            assert fragment in anchors[by_url[target]], (path, href)
            checked += 1
    assert checked > 50


def test_render_is_deterministic(result: BuildResult, pages: dict[str, str]) -> None:
    again = render_site(build(Project.at(ROOT), write_extractions=False), ROOT / "templates")
    assert again == pages
    assert list(again) == sorted(again)


def test_templates_do_not_compute() -> None:
    """Templates loop and print: no sorting, grouping or arithmetic filters in them."""
    for path in (ROOT / "templates").rglob("*.j2"):
        text = path.read_text(encoding="utf-8")
        compact = text.replace(" ", "")
        for forbidden in ("|sort", "|groupby", "|sum", "|selectattr", "|map(", "|safe", "|length", "|count", "|capitalize",
                          "|format", "|round", "|int", "|unique", "|batch", "|dictsort", "|reverse"):
            assert forbidden not in compact, f"{path.name}: {forbidden}"


def test_view_paths_unique(result: BuildResult) -> None:
    specs = list(build_pages(result))
    assert len({s.path for s in specs}) == len(specs)


# ---- the built site --------------------------------------------------------------------------


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """`mkdocs build --strict` of the real content into a temporary folder (extracted/ untouched)."""
    tmp = tmp_path_factory.mktemp("site")
    q = lambda p: json.dumps(str(p))  # noqa: E731
    (tmp / "mkdocs.yml").write_text(
        f"INHERIT: {q(ROOT / 'mkdocs.yml')}\n"
        f"docs_dir: {q(ROOT / 'content' / 'pages')}\n"
        f"site_dir: {q(tmp / 'site')}\n"
        "plugins:\n"
        "  - search:\n"
        "      lang: de\n"
        "  - dossier:\n"
        f"      content_dir: {q(ROOT / 'content')}\n"
        f"      templates_dir: {q(ROOT / 'templates')}\n"
        f"      extracted_dir: {q(ROOT / 'extracted')}\n"
        "      write_extractions: false\n",
        encoding="utf-8",
    )
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    res = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(tmp / "mkdocs.yml")],
                         cwd=tmp, env=env, capture_output=True, text=True, timeout=180)
    assert res.returncode == 0, res.stdout + res.stderr
    return tmp / "site"


def test_every_internal_link_resolves(site: Path) -> None:
    files = {p.relative_to(site).as_posix(): p for p in site.rglob("*") if p.is_file()}
    ids: dict[str, set[str]] = {}
    parsed: dict[str, Tags] = {}
    for rel, path in files.items():
        if rel.endswith(".html"):
            parsed[rel] = tags(path.read_text(encoding="utf-8"))
            ids[rel] = parsed[rel].ids
    broken = []
    checked = 0
    for rel, doc in parsed.items():
        if rel == "404.html":  # served at any depth, so it uses root-absolute URLs
            continue
        page_url = rel[: -len("index.html")] if rel.endswith("index.html") else rel
        for tag, attrs in doc.tags:
            for attr in ("href", "src"):
                href = attrs.get(attr)
                if not href or tag in ("link",) and attrs.get("rel") in ("canonical", "alternate"):
                    continue
                if tag == "link" and attr == "href" and attrs.get("rel") == "canonical":
                    continue
                resolved = _resolve(page_url, href)
                if resolved is None:
                    continue
                target, fragment = resolved
                checked += 1
                if target not in files:
                    broken.append((rel, href, "missing file"))
                elif fragment and target.endswith(".html") and fragment not in ids.get(target, set()):
                    broken.append((rel, href, "missing anchor"))
    assert checked > 1000
    assert not broken, broken[:20]


def test_profiles_not_in_nav(site: Path, result: BuildResult) -> None:
    nav_links = set()
    for tag, attrs in tags((site / "index.html").read_text(encoding="utf-8")).tags:
        if tag == "a" and "md-nav__link" in attrs.get("class", ""):
            nav_links.add(attrs["href"].strip("./"))
    assert "akteure" in nav_links and "quellen" in nav_links
    for actor in result.dossier.actors:
        assert f"akteure/{actor.id}" not in nav_links
    for source in result.dossier.sources:
        assert f"quellen/{source.id}" not in nav_links
    # but every profile is linked from the actors index
    index = (site / "akteure" / "index.html").read_text(encoding="utf-8")
    for actor in result.dossier.actors:
        assert f'href="{actor.id}/"' in index


def test_no_third_party_requests(site: Path) -> None:
    for path in site.rglob("*.html"):
        for tag, attrs in tags(path.read_text(encoding="utf-8")).tags:
            if tag in ("script", "img", "iframe", "source") and attrs.get("src"):
                assert not urlsplit(attrs["src"]).netloc, (path, attrs["src"])
            if tag == "link" and attrs.get("rel") in ("stylesheet", "preconnect", "preload", "icon"):
                assert not urlsplit(attrs.get("href", "")).netloc, (path, attrs["href"])


def test_review_page_lists_unreviewed_actors_with_their_sentence(real):
    from dossier.render import render_site
    from support import ROOT

    page = render_site(real, ROOT / "templates")["redaktion.md"]
    assert "choe-son-hui" in page and "Choe Son Hui" in page
    assert 'href="../quellen/dpa-afx-kim-auf-dem-weg-nach-peking/#s-' in page
    assert "kim-jong-un</code>" not in page  # curated and reviewed
