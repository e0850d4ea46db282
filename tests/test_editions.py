"""Editions: the diff between two editions, finding the previous edition on gh-pages, and mike end to end."""

from __future__ import annotations

import copy
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from support import ROOT, copy_project, write_source

from dossier.editions import MIKE_VERSION_ENV, current_edition, list_editions, previous_edition_data
from dossier.render.changes import Changes, changes_page, diff_dossiers, render_changes
from dossier.render.site import environment

# --- helpers -----------------------------------------------------------------------------------


def git(repo: Path, *args: str, input: bytes | None = None) -> str:
    proc = subprocess.run(["git", *args], cwd=repo, capture_output=True, input=input, timeout=120)
    assert proc.returncode == 0, f"git {' '.join(args)} failed:\n{proc.stderr.decode()}"
    return proc.stdout.decode("utf-8")


def init_repo(repo: Path) -> Path:
    repo.mkdir(parents=True, exist_ok=True)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "user.name", "Test Redaktion")
    git(repo, "config", "user.email", "redaktion@example.org")
    git(repo, "config", "commit.gpgsign", "false")
    return repo


def commit_all(repo: Path, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


def data_of(dossier) -> dict:
    return json.loads(json.dumps(dossier.model_dump(mode="json")))


@pytest.fixture(scope="module")
def current(real) -> dict:
    return data_of(real.dossier)


@pytest.fixture(scope="module")
def env():
    return environment(ROOT / "templates")


# --- diff_dossiers -----------------------------------------------------------------------------


def test_first_edition_lists_nothing(current):
    changes = diff_dossiers(None, current)
    assert changes.first and changes.empty
    assert [k.kind for k in changes.kinds] == ["sources", "actors", "events", "claims", "quotes"]


def test_same_data_has_no_changes(current):
    changes = diff_dossiers(copy.deepcopy(current), current)
    assert not changes.first and changes.empty


def test_added_removed_changed_by_id(current):
    previous = copy.deepcopy(current)
    # the current edition has a source, an actor and a quote the previous one lacked
    new_source = previous["sources"].pop(0)
    new_actors = sorted(previous["actors"].pop(i)["id"] for i in (5, 3))
    previous["quotes"].pop()
    # the previous edition had an event that is gone now
    previous["events"].append({**previous["events"][0], "id": "0000-weggefallen", "title": "Weggefallen"})
    # field changes
    kim = next(a for a in previous["actors"] if a["id"] == "kim-jong-un")
    kim["description"] = "Alte Beschreibung"
    kim["reviewed"] = False
    kim["aliases"] = list(reversed(kim["aliases"]))  # order alone is no change
    visit = next(e for e in previous["events"] if e["date"] == "2024-06-18")
    visit["date_end"] = None
    visit["status"] = "past"
    claim = next(c for c in previous["claims"] if c["id"] == "amt-donald-trump-praesident")
    claim["values"][0]["value"] = "Präsident"
    claim["status"] = "agree"
    quote = previous["quotes"][0]
    quote["speaker"] = None

    changes = diff_dossiers(previous, current)
    assert not changes.first and not changes.empty
    assert [i.id for i in changes["sources"].added] == [new_source["id"]]
    assert changes.new_sources[0].label == new_source["title"]
    assert changes.new_sources[0].href == f"../quellen/{new_source['id']}/"
    assert [i.id for i in changes["actors"].added] == new_actors
    assert [i.id for i in changes["quotes"].added] == [current["quotes"][-1]["id"]]
    assert [i.id for i in changes["events"].removed] == ["0000-weggefallen"]
    assert changes["events"].removed[0].href == ""

    actor = next(c for c in changes["actors"].changed if c.id == "kim-jong-un")
    fields = {f.field: f for f in actor.fields}
    assert set(fields) == {"description", "reviewed"}
    assert fields["description"].old == "Alte Beschreibung"
    assert fields["description"].new == next(a["description"] for a in current["actors"] if a["id"] == "kim-jong-un")
    assert (fields["reviewed"].old, fields["reviewed"].new) == ("nicht geprüft", "geprüft")

    event = next(c for c in changes["events"].changed if c.id == visit["id"])
    fields = {f.field: f for f in event.fields}
    assert set(fields) == {"date_end", "status"}
    assert (fields["date_end"].old, fields["date_end"].new) == ("—", "2024-06-19")
    assert (fields["status"].old, fields["status"].new) == ("erfolgt", "angekündigt")
    assert event.href == f"../chronik/#e-{visit['id']}"

    claim_change = next(c for c in changes["claims"].changed if c.id == "amt-donald-trump-praesident")
    fields = {f.field: f for f in claim_change.fields}
    assert set(fields) == {"status", "values"}
    assert "dpa-AFX: Präsident" in fields["values"].old and "dpa-AFX: US-Präsident" in fields["values"].new

    quote_change = next(c for c in changes["quotes"].changed if c.id == quote["id"])
    assert [(f.field, f.old) for f in quote_change.fields] == [("speaker", "unbekannt")]
    speaker = next(a["name"] for a in current["actors"] if a["id"] == current["quotes"][0]["speaker"])
    assert quote_change.fields[0].new == speaker

    for kind in changes.kinds:
        for group in (kind.added, kind.removed, kind.changed):
            assert [i.id for i in group] == sorted(i.id for i in group)


def test_diff_tolerates_older_data(current):
    """An edition built by older code may lack fields or whole kinds."""
    previous = {"sources": [{"id": s["id"], "title": s["title"]} for s in current["sources"]],
                "actors": [{"id": "kim-jong-un", "name": "Kim"}]}
    changes = diff_dossiers(previous, current)
    assert changes["quotes"].added and not changes["quotes"].removed
    assert any(f.field == "name" for f in changes["actors"].changed[0].fields)


# --- the page ----------------------------------------------------------------------------------


def test_page_first_edition(real, env):
    page = changes_page(real.dossier, None, env, current_version="2025-09-03")
    assert page.startswith("# Änderungen\n")
    assert "Erste Ausgabe" in page and "2025-09-03" in page
    assert "Neue Quellen" not in page


def test_page_lists_new_sources_and_changes_escaped(real, current, env):
    previous = copy.deepcopy(current)
    new_source = previous["sources"].pop(0)
    previous["events"][0]["title"] = "Alt <script>alert(1)</script> *fett*"
    previous["quotes"].append({"id": "zz-weg", "speaker": None, "text": "<b>weg</b>", "source": "x"})
    page = changes_page(real.dossier, ("2025-09-03", previous), env, current_version="2025-09-10", link_previous=True)
    assert "Erste Ausgabe" not in page
    assert '<a href="../../2025-09-03/">2025-09-03</a>' in page
    assert "## Neue Quellen" in page and new_source["title"] in page.split("## Neue Quellen")[1]
    assert "### Geändert" in page and "### Entfernt" in page
    assert "&lt;script&gt;" in page and "<script>" not in page
    assert "&lt;b&gt;weg&lt;/b&gt;" in page
    assert "→" in page


def test_page_without_changes(real, current, env):
    page = render_changes(diff_dossiers(copy.deepcopy(current), current), "2025-09-03", env)
    assert "Keine Änderungen" in page and "<strong>2025-09-03</strong>" in page


def test_page_is_markdown_safe(env):
    """Data never lands in a Markdown heading: every data line is inside an HTML block."""
    previous = {"sources": [], "actors": [], "events": [], "claims": [], "quotes": []}
    evil = "# Überschrift [x](javascript:alert(1)) <img src=x onerror=alert(1)>"
    current = {"sources": [{"id": "s1", "title": evil, "outlet": evil, "published": "2025-09-01"}],
               "actors": [{"id": "a1", "name": evil, "type": "person"}],
               "events": [], "claims": [], "quotes": []}
    page = render_changes(diff_dossiers(previous, current), evil, env)
    for line in page.splitlines():
        if line.startswith("#"):
            assert "Überschrift" not in line
    assert "<img" not in page and "&lt;img" in page


# --- previous_edition_data ---------------------------------------------------------------------


def make_pages_branch(repo: Path, editions: dict[str, dict | None], order: list[str]) -> None:
    """A gh-pages branch like mike writes it: versions.json (newest first) and <version>/data/dossier.json."""
    init_repo(repo)
    (repo / "README.md").write_text("Projekt\n", encoding="utf-8")
    commit_all(repo, "main")
    git(repo, "checkout", "-q", "--orphan", "gh-pages")
    git(repo, "rm", "-q", "-rf", ".")
    versions = [{"version": v, "title": v, "aliases": ["latest"] if i == 0 else []} for i, v in enumerate(order)]
    (repo / "versions.json").write_text(json.dumps(versions), encoding="utf-8")
    for version, data in editions.items():
        folder = repo / version / "data"
        folder.mkdir(parents=True)
        (repo / version / "index.html").write_text("<html></html>", encoding="utf-8")
        if data is not None:
            (folder / "dossier.json").write_text(json.dumps(data), encoding="utf-8")
    commit_all(repo, "pages")
    git(repo, "checkout", "-q", "main")


def test_no_repository_or_branch(tmp_path):
    assert previous_edition_data(tmp_path) is None
    repo = init_repo(tmp_path / "repo")
    assert previous_edition_data(repo) is None
    (repo / "x.txt").write_text("x", encoding="utf-8")
    commit_all(repo, "x")
    assert previous_edition_data(repo) is None
    assert list_editions(repo) == []


def test_previous_edition_order(tmp_path):
    repo = tmp_path / "repo"
    make_pages_branch(repo, {
        "2025-09-10": {"title": "drei"},
        "2025-09-03": {"title": "zwei"},
        "2025-08-28": {"title": "eins"},
    }, ["2025-09-10", "2025-09-03", "2025-08-28"])
    assert [v["version"] for v in list_editions(repo)] == ["2025-09-10", "2025-09-03", "2025-08-28"]
    # plain build: the newest published edition
    assert previous_edition_data(repo) == ("2025-09-10", {"title": "drei"})
    # deploying a new edition: the newest one before it
    assert previous_edition_data(repo, current="2025-09-17") == ("2025-09-10", {"title": "drei"})
    # re-deploying an edition: the one before it, never itself
    assert previous_edition_data(repo, current="2025-09-10") == ("2025-09-03", {"title": "zwei"})
    assert previous_edition_data(repo, current="2025-09-03") == ("2025-08-28", {"title": "eins"})
    assert previous_edition_data(repo, current="2025-08-28") is None
    # a new edition named older than published ones goes where mike sorts it
    assert previous_edition_data(repo, current="2025-09-05") == ("2025-09-03", {"title": "zwei"})
    # any directory inside the working tree works
    (repo / "sub").mkdir()
    assert previous_edition_data(repo / "sub", current="2025-09-10") == ("2025-09-03", {"title": "zwei"})
    assert previous_edition_data(repo, branch="no-such-branch") is None


def test_edition_without_data_is_skipped(tmp_path):
    repo = tmp_path / "repo"
    make_pages_branch(repo, {"2.0": None, "1.0": {"title": "eins"}}, ["2.0", "1.0"])
    assert previous_edition_data(repo) == ("1.0", {"title": "eins"})


def test_remote_tracking_branch_is_used_without_local_branch(tmp_path):
    repo = tmp_path / "repo"
    make_pages_branch(repo, {"1.0": {"title": "eins"}}, ["1.0"])
    sha = git(repo, "rev-parse", "gh-pages").strip()
    git(repo, "update-ref", "refs/remotes/origin/gh-pages", sha)
    git(repo, "branch", "-q", "-D", "gh-pages")
    assert previous_edition_data(repo) == ("1.0", {"title": "eins"})
    assert previous_edition_data(repo, remote=None) is None


def test_current_edition_from_mike_environment():
    assert MIKE_VERSION_ENV == "MIKE_DOCS_VERSION"
    assert current_edition({"MIKE_DOCS_VERSION": "2025-09-10"}) == "2025-09-10"
    assert current_edition({}) is None
    assert current_edition({"MIKE_DOCS_VERSION": " "}) is None


# --- mike end to end ---------------------------------------------------------------------------

NEW_SOURCE_FRONT = """
id: testagentur-beloussow-in-pjoengjang
title: Russlands Verteidigungsminister besucht Pjöngjang
outlet: Testagentur
url: null
published: 2025-09-08
language: de
note: Testartikel für die zweite Ausgabe.
"""

NEW_SOURCE_BODY = """Russlands Verteidigungsminister besucht Pjöngjang

PJÖNGJANG (Testagentur) - Der russische Verteidigungsminister Andrej Beloussow besuchte am 7. September 2025 Pjöngjang und traf dort Nordkoreas Machthaber Kim Jong Un. Beloussow sprach von einer „neuen Etappe“ der militärischen Zusammenarbeit.

Verteidigungsminister Andrej Beloussow hatte Nordkorea bereits im November 2024 besucht, berichtete die staatliche Nachrichtenagentur KCNA.
"""


def mike(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "NO_MKDOCS_2_WARNING": "1",
    }
    env.pop(MIKE_VERSION_ENV, None)
    proc = subprocess.run([str(Path(sys.executable).parent / "mike"), *args], cwd=repo, capture_output=True,
                          text=True, timeout=600, env=env)
    assert proc.returncode == 0, f"mike {' '.join(args)} failed:\n{proc.stdout}\n{proc.stderr}"
    return proc


@pytest.fixture(scope="module")
def deployed(tmp_path_factory) -> Path:
    """Two editions deployed with mike: 2025-09-03 (the committed content) and 2025-09-10 (+ a source)."""
    repo = init_repo(tmp_path_factory.mktemp("editions") / "dossier")
    copy_project(repo)
    (repo / ".gitignore").write_text("site/\n", encoding="utf-8")
    commit_all(repo, "Ausgabe 2025-09-03")
    mike(repo, "deploy", "--update-aliases", "2025-09-03", "latest")

    # editorial change + a sixth source
    actors = repo / "content" / "actors.yml"
    text = actors.read_text(encoding="utf-8")
    old = "description: Staatliche Nachrichtenagentur Chinas."
    assert old in text
    actors.write_text(text.replace(old, "description: Staatliche Nachrichtenagentur der Volksrepublik China."),
                      encoding="utf-8")
    write_source(repo, "testagentur-beloussow-in-pjoengjang.md", NEW_SOURCE_FRONT, NEW_SOURCE_BODY)
    commit_all(repo, "Ausgabe 2025-09-10")
    mike(repo, "deploy", "--update-aliases", "2025-09-10", "latest")
    mike(repo, "set-default", "latest")
    return repo


def test_mike_versions_and_aliases(deployed):
    versions = json.loads(git(deployed, "show", "gh-pages:versions.json"))
    by_version = {v["version"]: v for v in versions}
    assert [v["version"] for v in versions] == ["2025-09-10", "2025-09-03"]
    assert by_version["2025-09-10"]["aliases"] == ["latest"]
    assert by_version["2025-09-03"]["aliases"] == []


def test_previous_edition_data_on_mike_branch(deployed):
    """What the plugin sees while mike builds: the branch before the commit of the new edition."""
    prev = previous_edition_data(deployed, current="2025-09-10")
    assert prev is not None and prev[0] == "2025-09-03"
    assert "testagentur-beloussow-in-pjoengjang" not in {s["id"] for s in prev[1]["sources"]}
    newest = previous_edition_data(deployed)
    assert newest is not None and newest[0] == "2025-09-10"
    assert "testagentur-beloussow-in-pjoengjang" in {s["id"] for s in newest[1]["sources"]}
    changes: Changes = diff_dossiers(prev[1], newest[1])
    assert [i.id for i in changes.new_sources] == ["testagentur-beloussow-in-pjoengjang"]
    assert "andrej-beloussow" in [i.id for i in changes["actors"].added]
    xinhua = next(c for c in changes["actors"].changed if c.id == "xinhua")
    assert [(f.field, f.new) for f in xinhua.fields] == [
        ("description", "Staatliche Nachrichtenagentur der Volksrepublik China.")]


def test_exports_published_with_each_edition(deployed):
    for version in ("2025-09-03", "2025-09-10"):
        for name in ("dossier.json", "events.csv", "actors.csv", "claims.csv", "chronik.ics"):
            git(deployed, "cat-file", "-e", f"gh-pages:{version}/data/{name}")


def test_changes_pages_of_both_editions(deployed):
    first = git(deployed, "show", "gh-pages:2025-09-03/aenderungen/index.html")
    assert "Erste Ausgabe" in first
    second = git(deployed, "show", "gh-pages:2025-09-10/aenderungen/index.html")
    assert "Erste Ausgabe" not in second
    # compared with the edition before it (also when 2025-09-10 is deployed again)
    assert re.search(r'class="dossier-changes-intro">[^<]*<(a|strong)[^>]*>2025-09-03</', second)
    assert "Neue Quellen" in second
    assert "Russlands Verteidigungsminister besucht Pjöngjang" in second
    assert "Andrej Beloussow" in second
    assert "Staatliche Nachrichtenagentur der Volksrepublik China." in second
    assert "→" in second


@pytest.mark.browser
def test_reader_switches_editions_with_the_version_selector(deployed, tmp_path):
    """Both editions served as mike published them; Material's selector leads from one to the other."""
    import functools
    import tarfile
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    from playwright.sync_api import sync_playwright

    archive = tmp_path / "pages.tar"
    archive.write_bytes(subprocess.run(["git", "archive", "gh-pages"], cwd=deployed, capture_output=True,
                                       check=True).stdout)
    root = tmp_path / "pages"
    with tarfile.open(archive) as tar:
        tar.extractall(root, filter="data")

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=[
                "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"])
            page = browser.new_page()
            page.goto(base)  # the site root redirects to the default alias, latest = 2025-09-10
            page.wait_for_url("**/latest/**", timeout=10_000)
            assert "2025-09-10" in page.locator(".md-version__current").inner_text()
            page.locator(".md-version").hover()  # Material opens the edition list on hover
            page.locator(".md-version__link", has_text="2025-09-03").click()
            page.wait_for_url("**/2025-09-03/**", timeout=10_000)
            assert page.locator("h1").first.inner_text().strip()
            page.goto(base + "2025-09-03/aenderungen/")
            assert "Erste Ausgabe" in page.content()
            browser.close()
    finally:
        server.shutdown()
