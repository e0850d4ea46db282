"""The built site in a real browser: headless Chromium (Debian's /usr/bin/chromium) against a
strict build of the real content, served over HTTP on 127.0.0.1.

The build is served the way mike publishes it: the edition lives in a folder
(``/<edition>/``) and ``/versions.json`` sits at the server root, because the theme's version
selector (``extra.version.provider: mike``) fetches ``../versions.json`` on every page.

Set DOSSIER_SCREENSHOTS=1 to also write full-page screenshots of every page type (1280 and
390 px wide, light and dark) to /tmp/shots/browser/; without it the run writes nothing outside
pytest's temp dirs.

Run alone with ``pytest -m browser``; everything here is marked ``browser``.
"""

from __future__ import annotations

import functools
import json
import os
import re
import threading
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from support import copy_project, mkdocs

import playwright.sync_api as playwright_sync  # noqa: E402  (a test dependency in pyproject)

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
EDITION = "test-edition"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
SHOTS = Path("/tmp/shots/browser")
TIMEOUT_MS = 10_000


# --------------------------------------------------------------------------- fixtures


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - signature of the base class
        pass


@dataclass
class Site:
    root: Path       # the built edition (mkdocs --site-dir)
    base: str        # http://127.0.0.1:<port>/  -- every request must stay below this
    url: str         # base + "<edition>/"       -- the site's home page
    pages: dict[str, str]  # page type -> path relative to url

    def at(self, path: str) -> str:
        return self.url + path


def _page_types(root: Path) -> dict[str, str]:
    """One path per page type; the profile and source page are picked from what was built."""
    def subpages(folder: str) -> list[Path]:
        return sorted(p.parent for p in (root / folder).glob("*/index.html"))

    profiles = subpages("akteure")
    assert profiles, "no actor profile pages under akteure/"
    kim = root / "akteure" / "kim-jong-un"
    profile = kim if kim in profiles else profiles[0]
    sources = subpages("quellen")
    assert sources, "no source pages under quellen/"
    # the longest source page: most sentences, most likely to break the layout
    source = max(sources, key=lambda p: ((p / "index.html").stat().st_size, p.name))
    return {
        "start": "",
        "chronik": "chronik/",
        "akteure": "akteure/",
        "profil": profile.relative_to(root).as_posix() + "/",
        "vergleich": "vergleich/",
        "quellen": "quellen/",
        "quelle": source.relative_to(root).as_posix() + "/",
        "methodik": "methodik/",
        "aenderungen": "aenderungen/",
        "ueber": "ueber/",
        "redaktion": "redaktion/",
    }


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Site:
    tmp = tmp_path_factory.mktemp("browser")
    project = copy_project(tmp / "project")
    www = tmp / "www"
    root = www / EDITION
    result = mkdocs(project, "--site-dir", str(root))
    assert result.returncode == 0, result.stderr
    (www / "versions.json").write_text(
        json.dumps([{"version": EDITION, "title": EDITION, "aliases": ["latest"]}]), encoding="utf-8")

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(www)))
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        yield Site(root=root, base=base, url=f"{base}{EDITION}/", pages=_page_types(root))
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture(scope="module")
def browser():
    pw = playwright_sync.sync_playwright().start()
    try:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()
    finally:
        pw.stop()


def new_context(browser, viewport=DESKTOP, color_scheme="light"):
    ctx = browser.new_context(viewport=viewport, color_scheme=color_scheme)
    ctx.set_default_timeout(TIMEOUT_MS)
    return ctx


@pytest.fixture
def context(browser):
    ctx = new_context(browser)
    yield ctx
    ctx.close()


# --------------------------------------------------------------------------- page visits


@dataclass
class Visit:
    url: str
    status: int | None = None
    h1: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)     # console errors, page errors, HTTP >= 400
    requests: list[str] = field(default_factory=list)   # every URL the page asked for


def watch(page, visit: Visit) -> None:
    page.on("console", lambda m: m.type == "error" and visit.errors.append(
        f"console: {m.text} ({m.location.get('url', '')})"))
    page.on("pageerror", lambda e: visit.errors.append(f"pageerror: {e}"))
    page.on("request", lambda r: visit.requests.append(r.url))
    page.on("response", lambda r: r.status >= 400 and visit.errors.append(f"HTTP {r.status}: {r.url}"))
    page.on("requestfailed", lambda r: visit.errors.append(f"request failed: {r.url} ({r.failure})"))


def settle(page) -> None:
    """Wait until the theme's asynchronous work (search worker, versions.json) is done."""
    page.wait_for_load_state("load")
    page.wait_for_load_state("networkidle")


def visit(page, url: str) -> Visit:
    v = Visit(url)
    watch(page, v)
    response = page.goto(url)
    v.status = response.status if response else None
    settle(page)
    v.h1 = [t.strip() for t in page.locator(".md-content h1").all_inner_texts()]
    return v


@pytest.fixture(scope="module")
def tour(site, browser) -> dict[str, Visit]:
    """Every page type loaded once at desktop width, light scheme, in a fresh tab each."""
    ctx = new_context(browser)
    visits = {}
    try:
        for kind, path in site.pages.items():
            page = ctx.new_page()
            visits[kind] = visit(page, site.at(path))
            page.close()
    finally:
        ctx.close()
    return visits


# --------------------------------------------------------------------------- tests


PAGE_TYPES = ["start", "chronik", "akteure", "profil", "vergleich", "quellen", "quelle", "methodik", "aenderungen",
              "ueber", "redaktion"]


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_page_loads_cleanly(tour, kind):
    """HTTP 200, exactly one non-empty <h1> in the content, no console/page errors, no broken requests."""
    v = tour[kind]
    assert v.status == 200, v.url
    assert len(v.h1) == 1 and v.h1[0], f"{v.url}: expected one non-empty <h1>, got {v.h1}"
    assert not v.errors, f"{v.url}:\n" + "\n".join(v.errors)


def test_no_request_leaves_localhost(site, tour):
    """No fonts, scripts, trackers or images from third-party hosts on any page."""
    outside = sorted({f"{kind}: {url}" for kind, v in tour.items() for url in v.requests
                      if not (url.startswith(site.base) or url.startswith("data:"))})
    assert not outside, "requests leaving 127.0.0.1:\n" + "\n".join(outside)
    assert all(v.requests for v in tour.values())  # the listener did record something


CITATION = "a[href*='quellen/'][href*='#s-']"

# Where the fragment target sits after the browser scrolled to it: its first line box, whether
# the fixed header covers it, and what element is actually painted at that spot.
TARGET_JS = """
(id) => {
  const el = document.getElementById(id);
  if (!el) return null;
  const r = el.getClientRects()[0] || el.getBoundingClientRect();
  const header = document.querySelector('.md-header');
  const headerBottom = header ? header.getBoundingClientRect().bottom : 0;
  const x = r.left + Math.min(4, r.width / 2), y = r.top + r.height / 2;
  const hit = document.elementFromPoint(x, y);
  return {top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: r.width, height: r.height,
          headerBottom, vw: window.innerWidth, vh: window.innerHeight,
          text: (el.textContent || '').trim(), painted: !!hit && el.contains(hit),
          paintedInstead: hit && !el.contains(hit) ? hit.outerHTML.slice(0, 120) : null};
}
"""


def _on_screen(t) -> bool:
    return (t is not None and t["width"] > 0 and t["height"] > 0
            and t["top"] >= t["headerBottom"] - 1 and t["bottom"] <= t["vh"] + 1
            and t["left"] >= -1 and t["right"] <= t["vw"] + 1 and t["painted"])


def test_citation_lands_on_visible_sentence(site, context):
    """A citation link (Chronik, else a profile) opens the source page scrolled to the cited sentence."""
    page = context.new_page()
    v = Visit("")
    watch(page, v)
    link = None
    for kind in ("chronik", "profil"):
        page.goto(site.at(site.pages[kind]))
        settle(page)  # let the search worker finish loading, or the click aborts its requests
        candidates = page.locator(CITATION).filter(visible=True)  # not one inside a closed <details>
        if candidates.count():
            link = candidates.first
            break
    assert link is not None, "no link to a source sentence (quellen/...#s-N) on Chronik or the profile page"
    href = link.get_attribute("href")
    link.click()
    page.wait_for_url(re.compile(r"/quellen/[^/#]+/#s-\d+$"))
    settle(page)

    fragment = urlsplit(page.url).fragment
    assert page.locator(f"[id='{fragment}']").count() == 1, f"{page.url}: no single element id={fragment} (link {href})"
    target = page.evaluate(TARGET_JS, fragment)
    for _ in range(30):  # the jump may finish a moment after "load" (theme scripts, late layout)
        if _on_screen(target):
            break
        page.wait_for_timeout(100)
        target = page.evaluate(TARGET_JS, fragment)
    if os.environ.get("DOSSIER_SCREENSHOTS"):
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / "zitat-sprung-1280-light.png"))
    assert target["text"], f"{page.url}: #{fragment} is empty"
    assert _on_screen(target), f"{page.url}: #{fragment} not visible in the viewport after the jump: {target}"
    assert not v.errors, "\n".join(v.errors)


def test_search_finds_pjoengjang(site, context):
    """Material's client-side search (web worker + lunr, German) finds a word from the articles."""
    page = context.new_page()
    v = visit(page, site.url)
    page.keyboard.press("/")
    search = page.locator(".md-search__input")
    if not search.evaluate("el => el === document.activeElement"):
        page.locator("label.md-search__icon").first.click()  # the "/" shortcut did not focus it
    search.press_sequentially("Pjöngjang")
    results = page.locator(".md-search-result__item")
    results.first.wait_for(state="visible", timeout=15_000)
    assert results.count() >= 1
    texts = " ".join(results.all_inner_texts()).lower()
    assert "pjöngjang" in texts, texts[:500]
    assert not v.errors, "\n".join(v.errors)


# Elements sticking out to the right of the viewport that no scrolling/clipping ancestor contains.
OVERFLOW_JS = """
() => {
  const vw = document.documentElement.clientWidth;
  const clipped = (el) => {
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      const ox = getComputedStyle(a).overflowX;
      if (ox !== 'visible') return true;
    }
    return false;
  };
  const out = [];
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.right > vw + 1 && !clipped(el)) {
      const cls = typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\\s+/).join('.') : '';
      out.push(`${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${cls} right=${Math.round(r.right)}`);
    }
  }
  return {scrollWidth: document.documentElement.scrollWidth, bodyScrollWidth: document.body.scrollWidth,
          offenders: out.slice(0, 15)};
}
"""


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_phone_has_no_horizontal_overflow(site, browser, kind):
    """At 390 px the page itself never scrolls sideways (wide tables/figures scroll inside their wrapper)."""
    ctx = new_context(browser, viewport=PHONE)
    try:
        page = ctx.new_page()
        page.goto(site.at(site.pages[kind]))
        settle(page)
        m = page.evaluate(OVERFLOW_JS)
    finally:
        ctx.close()
    width = PHONE["width"]
    assert m["scrollWidth"] <= width + 1 and m["bodyScrollWidth"] <= width + 1, (
        f"{kind} ({site.pages[kind] or '/'}) is {m['scrollWidth']} px wide at {width} px; "
        f"sticking out: {m['offenders']}")


def _luminance(css_color: str) -> float:
    r, g, b = (int(x) for x in re.findall(r"\d+", css_color)[:3])
    return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255


def test_dark_scheme_follows_system_preference(site, browser):
    """prefers-color-scheme: dark selects Material's "slate" palette: dark background, light text."""
    ctx = new_context(browser, color_scheme="dark")
    try:
        page = ctx.new_page()
        v = visit(page, site.url)
        page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'", timeout=5_000)
        colors = page.evaluate("""() => {
            const s = getComputedStyle(document.body), t = getComputedStyle(document.querySelector('.md-typeset'));
            return {bg: s.backgroundColor, fg: t.color};
        }""")
    finally:
        ctx.close()
    assert _luminance(colors["bg"]) < 0.3, colors
    assert _luminance(colors["fg"]) > 0.6, colors
    assert not v.errors, "\n".join(v.errors)


def test_screenshots(site, browser, tmp_path):
    """Full-page screenshots, 1280 and 390 px wide, light and dark: every page type into
    /tmp/shots/browser/ with DOSSIER_SCREENSHOTS=1 (for eyeballing), else two page types into a
    temp dir, checking that real pictures come out."""
    every = bool(os.environ.get("DOSSIER_SCREENSHOTS"))
    folder = SHOTS if every else tmp_path
    kinds = PAGE_TYPES if every else [k for k in PAGE_TYPES if k in ("start", "quelle")]
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for scheme in ("light", "dark"):
        for viewport in (DESKTOP, PHONE):
            ctx = new_context(browser, viewport=viewport, color_scheme=scheme)
            try:
                page = ctx.new_page()
                for kind in kinds:
                    page.goto(site.at(site.pages[kind]))  # waits for "load"; no network-idle wait here
                    path = folder / f"{kind}-{viewport['width']}-{scheme}.png"
                    page.screenshot(path=str(path), full_page=True)
                    written.append(path)
            finally:
                ctx.close()
    assert len(written) == 4 * len(kinds)
    assert all(p.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and p.stat().st_size > 5000 for p in written)
