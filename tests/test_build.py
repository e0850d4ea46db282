"""The whole chain through MkDocs: strict build of the real content, nothing committed changes,
same input -> same bytes, and bad editorial YAML stops the build with file:line."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from support import ROOT, copy_project, dossier_cli, mkdocs


def tree_digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("site"))
    result = mkdocs(project)
    assert result.returncode == 0, result.stderr
    return project


def test_strict_build_of_real_content(built):
    site = built / "site"
    assert (site / "index.html").exists()
    data = json.loads((site / "data" / "dossier.json").read_text(encoding="utf-8"))
    assert {"sources", "actors", "events", "claims", "quotes"} <= set(data)
    assert len(data["sources"]) == 5
    kim = next(a for a in data["actors"] if a["id"] == "kim-jong-un")
    assert kim["type"] == "person" and "Kim Jong Un" in kim["aliases"] and len(kim["sources"]) == 5
    event = data["events"][0]
    assert set(event) >= {"id", "title", "date", "precision", "actors", "place", "evidence"}
    assert set(event["evidence"][0]) >= {"source", "sentence", "expression"}
    assert {c["status"] for c in data["claims"]} >= {"contradict", "differ_in_precision", "single_source"}
    assert all(set(q) >= {"speaker", "text", "source", "sentence"} for q in data["quotes"])


def test_search_index_has_articles_and_profiles_but_not_derived_lists(built):
    """Derived lists (evidence links, co-mentions, coverage tables) repeat the articles; in the
    search index they would bury the article text and make the index grow with the square."""
    index = json.loads((built / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))
    section = {doc["location"]: doc["title"] + " " + doc["text"] for doc in index["docs"]}
    assert "Kim Jong-un" in section["akteure/kim-jong-un/"]
    for derived in ("zeitleiste", "zusammen-genannt", "quellen"):
        assert not re.search(r"Satz \d", section[f"akteure/kim-jong-un/#{derived}"])
    assert "Militärparade" not in section["akteure/kim-jong-un/#zeitleiste"]
    article = section["quellen/putin-besucht-nordkorea-juni-2024/#text"]
    assert "Pjöngjang" in article
    assert "Nennungen" not in section["quellen/putin-besucht-nordkorea-juni-2024/#erkannt-akteure"]
    chronik = " ".join(text for loc, text in section.items() if loc.startswith("chronik/"))
    assert "Militärparade" in chronik and not re.search(r"Satz \d", chronik)


def test_committed_extraction_is_up_to_date(built):
    """The build in the copy re-used or rewrote extracted/: it must equal what is committed."""
    assert tree_digest(built / "extracted") == tree_digest(ROOT / "extracted")
    assert tree_digest(built / "content") == tree_digest(ROOT / "content")


def test_rebuild_is_byte_identical(built, tmp_path):
    first = tree_digest(built / "site")
    again = mkdocs(built, "--site-dir", str(tmp_path / "again"))
    assert again.returncode == 0, again.stderr
    second = tree_digest(tmp_path / "again")
    # MkDocs stamps the build date into sitemap.xml.gz's mtime header only; everything else must match.
    differing = [k for k in first if first[k] != second.get(k) and k not in ("sitemap.xml.gz",)]
    assert not differing
    assert set(first) == set(second)


def test_builds_with_source_date_epoch_are_identical_to_the_byte(project, tmp_path):
    """With SOURCE_DATE_EPOCH even MkDocs' own stamp (the sitemap's gzip header) is fixed."""
    epoch = {"SOURCE_DATE_EPOCH": "1767225600"}
    first = mkdocs(project, "--site-dir", str(tmp_path / "one"), env=epoch)
    assert first.returncode == 0, first.stderr
    second = mkdocs(project, "--site-dir", str(tmp_path / "two"), env=epoch)
    assert second.returncode == 0, second.stderr
    one, two = tree_digest(tmp_path / "one"), tree_digest(tmp_path / "two")
    assert "sitemap.xml.gz" in one and one == two


def test_build_without_a_writable_cache_folder_gives_the_same_site(project, tmp_path):
    """.cache/ is only an optimisation: where it cannot be written (here: a file in its place)
    the build still succeeds, with pages in a temporary folder, and gives the same site."""
    epoch = {"SOURCE_DATE_EPOCH": "1767225600"}
    assert mkdocs(project, "--site-dir", str(tmp_path / "one"), env=epoch).returncode == 0
    shutil.rmtree(project / ".cache")
    (project / ".cache").write_text("not a folder\n", encoding="utf-8")
    second = mkdocs(project, "--site-dir", str(tmp_path / "two"), env=epoch)
    assert second.returncode == 0, second.stderr
    assert "not writable" in second.stderr
    assert tree_digest(tmp_path / "one") == tree_digest(tmp_path / "two")


def test_failed_build_leaves_the_previous_site_whole(project):
    """The site is built beside site/ and moved into place only when the build succeeded."""
    assert mkdocs(project).returncode == 0
    before = tree_digest(project / "site")
    actors = project / "content" / "actors.yml"
    actors.write_text(actors.read_text(encoding="utf-8") + "\tbroken: [\n", encoding="utf-8")
    failed = mkdocs(project)
    assert failed.returncode != 0 and "actors.yml" in failed.stderr
    assert tree_digest(project / "site") == before
    assert sorted(p.name for p in project.iterdir() if "site" in p.name) == ["site"]


def test_extraction_yaml_is_deterministic(project):
    for path in (project / "extracted").glob("*.yml"):
        path.unlink()
    assert dossier_cli(project, "extract").returncode == 0
    assert tree_digest(project / "extracted") == tree_digest(ROOT / "extracted")


def test_yaml_is_the_same_with_and_without_libyaml(real):
    """extracted/*.yml is written with libyaml when PyYAML has it; a machine without it must
    write the same bytes (the files are committed)."""
    from dossier.yamlio import _PyDumper, dump_yaml

    tricky = {"text": ["yes", "no", "null", "007", "1e3", " leading", "trailing ", "a: b", "- x", "# c", "„Zitat“",
                       "\u202eRTL\u200b", "tab\there", "line\nbreak", "'quote'", '"double"', "ä" * 300, ""],
              "nested": [{"a": 1, "b": None, "c": 1.5, "d": True}]}
    for data in [x.model_dump(mode="json") for x in real.run.extractions] + [tricky]:
        assert dump_yaml(data) == dump_yaml(data, dumper=_PyDumper)


def test_bad_editorial_yaml_stops_the_build_with_file_and_line(project):
    actors = project / "content" / "actors.yml"
    text = actors.read_text(encoding="utf-8")
    actors.write_text(text.replace("    type: person\n", "    typ: person\n", 1), encoding="utf-8")
    result = mkdocs(project)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    line = text.splitlines().index("    type: person") + 1
    assert f"actors.yml:{line}: unknown field 'typ'" in result.stderr
    assert not (project / "site").exists()


def test_validate_reports_all_problems_at_once(project):
    (project / "content" / "sources" / "neu.md").write_text("kein front matter", encoding="utf-8")
    (project / "content" / "lexicon" / "roles.yml").write_text("person: [a\n", encoding="utf-8")
    result = dossier_cli(project, "validate")
    assert result.returncode == 1
    assert "neu.md:1: missing front matter" in result.stderr
    assert "roles.yml:2" in result.stderr and "invalid YAML" in result.stderr
    assert "2 problem(s)" in result.stderr


@pytest.mark.parametrize("yaml_text, message", [
    ("actors:\n  - id: a\n    name: A\n    type: person\n  - id: a\n    name: B\n    type: person\n", "actors.yml:5: duplicate actor id 'a'"),
    ("actors:\n\t- id: a\n", "actors.yml:2"),
    ("actors: !!python/object:os.system {}\n", "actors.yml:1"),
    ("a: &a [x, x]\nb: [*a, *a]\n", "anchors and aliases"),
    ("actors:\n  - id: a\n    name: A\n    type: person\n    name: B\n", "duplicate key 'name'"),
    ("", "actors.yml:1: file is empty"),
    ("actors:\n  - id: a\n    name: A\n    type: robot\n", "actors.yml:4"),
])
def test_bad_actor_files(project, yaml_text, message):
    (project / "content" / "actors.yml").write_text(yaml_text, encoding="utf-8")
    result = dossier_cli(project, "validate")
    assert result.returncode == 1 and message in result.stderr, result.stderr


def test_schemas_are_generated_from_the_model(tmp_path):
    result = subprocess.run(["git", "status", "--porcelain", "schemas"], cwd=ROOT, capture_output=True, text=True)
    copy = copy_project(tmp_path)
    assert dossier_cli(copy, "schema").returncode == 0
    assert tree_digest(copy / "schemas") == tree_digest(ROOT / "schemas"), result.stdout


def test_parsed_cache_follows_the_yaml_files(project):
    from dossier.stages import Project, build

    first = build(Project.at(project))
    cache = project / ".cache" / "dossier" / "extracted.pickle"
    assert cache.exists() and first.run.extracted == 0
    # A YAML file changed behind the cache's back (e.g. by git) is read again, not served stale.
    path = project / "extracted" / "dpa-afx-kim-auf-dem-weg-nach-peking.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("Kim zu seltener", "Kim zu sehr seltener", 1), encoding="utf-8")
    again = build(Project.at(project))
    dpa = next(ex for ex in again.run.extractions if ex.source == path.stem)
    assert dpa.sentences[0].text.startswith("Kim zu sehr seltener") or again.run.extracted == 1
