"""Bad and hostile input: each case ends in a clear error (file, line, problem), a non-zero exit,
no traceback, and no changed or half-written file."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from support import dossier_cli, mkdocs, write_source

from dossier.store import read_extraction

FRONT = "id: {id}\ntitle: Test\noutlet: null\nurl: null\npublished: 2025-09-01\nlanguage: de"


def digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def assert_refused(project: Path, *messages: str) -> None:
    before = digest(project / "content"), digest(project / "extracted")
    for result in (dossier_cli(project, "validate"), mkdocs(project)):
        assert result.returncode != 0
        assert "Traceback" not in result.stderr
        for message in messages:
            assert message in result.stderr, result.stderr
    assert (digest(project / "content"), digest(project / "extracted")) == before
    assert not (project / "site").exists()


ACTOR = "actors:\n  - id: a\n    name: A\n    type: person\n"
GOOD_FRONT = FRONT.format(id="neu")

# (file under content/, its new text, what the error must say). Every case runs through both
# `dossier validate` and `mkdocs build` (see assert_refused).
HOSTILE_FILES = {
    "yaml syntax error": ("actors.yml", "actors: [\n  - id: a\n", ["actors.yml:2", "invalid YAML"]),
    "yaml tab indent": ("actors.yml", "actors:\n\t- id: a\n", ["actors.yml:2", "invalid YAML"]),
    "yaml wrong type": ("actors.yml", ACTOR + "    reviewed: vielleicht\n", ["actors.yml:5", "reviewed"]),
    "yaml unknown key": ("actors.yml", ACTOR + "    descripton: x\n", ["actors.yml:5: unknown field 'descripton'"]),
    "yaml duplicate id": ("actors.yml", ACTOR + ACTOR.removeprefix("actors:\n"), ["actors.yml:5: duplicate actor id 'a'"]),
    "yaml python tag": ("actors.yml", "actors: !!python/object/apply:os.system ['true']\n", ["actors.yml:1"]),
    "yaml billion laughs": ("actors.yml", "a: &a [x, x, x]\nb: &b [*a, *a, *a]\nc: [*b, *b, *b]\n",
                            ["actors.yml:1", "anchors and aliases"]),
    "yaml empty file": ("corrections.yml", "", ["corrections.yml:1: file is empty"]),
    "correction of a missing id": ("corrections.yml", "events:\n  - id: gibt-es-nicht\n    title: X\n",
                                   ["corrections.yml:2: event 'gibt-es-nicht' does not exist"]),
    "known names with a typo": ("lexicon/names.yml", "organizations:\n  - {name: Nato, alias: [NATO]}\n",
                                ["names.yml:2", "unknown field 'alias'"]),
    "source without front matter": ("sources/neu.md", "Nur Text.\n", ["neu.md:1: missing front matter"]),
    "source with unclosed front matter": ("sources/neu.md", "---\n" + GOOD_FRONT + "\nText.\n", ["neu.md:1"]),
    "source date not a date": ("sources/neu.md", f"---\n{GOOD_FRONT.replace('2025-09-01', 'gestern')}\n---\nText.\n",
                               ["neu.md:6", "published"]),
    "source date in the future": ("sources/neu.md", f"---\n{GOOD_FRONT.replace('2025-09-01', '2999-01-01')}\n---\nText.\n",
                                  ["neu.md:6", "in the future"]),
    "source with empty body": ("sources/neu.md", f"---\n{GOOD_FRONT}\n---\n\n", ["neu.md", "body is empty"]),
    "source with a duplicate id": ("sources/zz-kopie.md", f"---\n{FRONT.format(id='putin-besucht-nordkorea-juni-2024')}\n---\nText.\n",
                                   ["zz-kopie.md:2: duplicate source id"]),
}


@pytest.mark.parametrize("case", sorted(HOSTILE_FILES))
def test_hostile_file_is_refused_by_validate_and_build(project, case):
    name, text, messages = HOSTILE_FILES[case]
    path = project / "content" / name
    before = digest(project / "content")
    path.write_text(text, encoding="utf-8")
    changed = digest(project / "content")
    assert changed != before
    assert_refused(project, *messages)


def test_huge_yaml_file_is_refused_before_parsing(project):
    path = project / "content" / "actors.yml"
    with path.open("a", encoding="utf-8") as handle:
        handle.write("# " + "x" * (50 * 1024 * 1024) + "\n")
    assert_refused(project, "actors.yml: file is larger than 5 MB")


def test_huge_source_body_is_refused(project):
    write_source(project, "gross.md", FRONT.format(id="gross"), "Ein Satz über Kim. " * 300_000)
    assert_refused(project, "gross.md: file is larger than 2 MB")


def test_empty_source_file(project):
    (project / "content" / "sources" / "leer.md").write_text("", encoding="utf-8")
    assert_refused(project, "leer.md:1: missing front matter")


def test_non_utf8_source(project):
    (project / "content" / "sources" / "latin.md").write_bytes(
        ("---\n" + FRONT.format(id="latin") + "\n---\nGrüße aus Pjöngjang.\n").encode("latin-1"))
    assert_refused(project, "latin.md:9: not valid UTF-8")


@pytest.mark.parametrize("bad_id", ["../../etc", "a/b", "Großbuchstaben", "", "a..b"])
def test_ids_cannot_leave_the_output_directory(project, bad_id):
    write_source(project, "x.md", FRONT.format(id=repr(bad_id) if bad_id else "''"), "Ein Satz.")
    assert_refused(project, "x.md:2:")


def test_file_names_with_spaces_and_umlauts_work(project, tmp_path):
    write_source(project, "Neue Quelle über Kim.md", FRONT.format(id="neue-quelle"),
                 "Nordkoreas Machthaber Kim Jong-un reiste am Montag nach Peking.")
    result = mkdocs(project)
    assert result.returncode == 0, result.stderr
    assert (project / "site" / "quellen" / "neue-quelle" / "index.html").exists()
    assert (project / "extracted" / "neue-quelle.yml").exists()


def test_killed_extraction_leaves_previous_yaml_and_next_run_completes(project):
    # Change every source so that all of them must be extracted again.
    sources = sorted((project / "content" / "sources").glob("*.md"))
    for i in range(12):
        for path in sources:
            text = path.read_text(encoding="utf-8")
            stem = f"{path.stem}-kopie-{i}"
            copy = text.replace(f"id: {path.stem}", f"id: {stem}") + f"\nZusatz {i}."
            (path.parent / f"{stem}.md").write_text(copy, encoding="utf-8")
    previous = digest(project / "extracted")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "dossier.cli", "--root", str(project), "extract"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(list((project / "extracted").glob("*-kopie-*.yml"))) < 3:
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    written = list((project / "extracted").glob("*-kopie-*.yml"))
    assert 3 <= len(written) < 60, "the kill must land mid-run"
    for path in (project / "extracted").glob("*.yml"):
        assert read_extraction(path) is not None, f"{path.name} is damaged"
    assert {k: v for k, v in digest(project / "extracted").items() if "kopie" not in k and not k.startswith(".")} == previous
    result = dossier_cli(project, "extract")
    assert result.returncode == 0, result.stderr
    assert len(list((project / "extracted").glob("*.yml"))) == 65
    assert not list((project / "extracted").glob(".*.tmp"))
