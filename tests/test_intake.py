"""Stage 0: `dossier add` turns a copied page into a source file, its front matter read from the page."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from support import ROOT, dossier_cli

from dossier.intake import draft_source, source_file_text
from dossier.sources import load_furniture_rules, read_source

SEEDS = ROOT.parent / "shared" / "seeds"
RULES = load_furniture_rules(ROOT / "content" / "lexicon" / "furniture.yml")
TODAY = dt.date(2026, 12, 1)


def seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def test_wire_report_gets_its_date_line_and_agency(tmp_path):
    draft = draft_source(seed("001"), RULES, today=TODAY)
    meta = draft.meta
    assert (meta.id, meta.title) == ("kim-zu-seltener-auslandsreise-auf-dem-weg-nach-peking",
                                     "Kim zu seltener Auslandsreise auf dem Weg nach Peking")
    assert meta.published == dt.datetime(2025, 9, 2, 5, 24)
    assert meta.outlet == "dpa-AFX"
    assert "„02.09.25 05:24 Uhr“" in meta.note and "(dpa-AFX)" in meta.note
    # the written file is a valid source whose body is the one the project has for this article
    path = tmp_path / f"{meta.id}.md"
    path.write_text(source_file_text(draft), encoding="utf-8")
    assert "published: 2025-09-02T05:24:00\n" in path.read_text(encoding="utf-8")
    written = read_source(path, RULES)
    committed = read_source(ROOT / "content" / "sources" / "dpa-afx-kim-auf-dem-weg-nach-peking.md", RULES)
    assert written.body == committed.body
    assert written.meta.published == committed.meta.published


def test_page_without_headline_or_date_says_so_and_invents_nothing():
    meta = draft_source(seed("002"), RULES, today=TODAY).meta
    assert meta.published is None
    assert meta.outlet == "IT BOLTWISE"
    # the first words of the first sentence, without its dateline
    assert meta.title == "Nordkoreas Führer Kim Jong Un wird nächste Woche China besuchen, …"
    assert "keine Überschrift" in meta.note and "bitte `published` eintragen" in meta.note


@pytest.mark.parametrize("line, published", [
    ("Stand: 3. September 2025", dt.date(2025, 9, 3)),
    ("aktualisiert am 14.03.2025, 18:42 Uhr", dt.datetime(2025, 3, 14, 18, 42)),
    ("2025-09-03", dt.date(2025, 9, 3)),
    ("02.09.25 25:70 Uhr", dt.date(2025, 9, 2)),  # no time of day: the day alone
    ("31.02.25", None),  # no such day
    ("03.09.2031", None),  # after today: not a publication date
    ("Am 3. September 2025 begann die Parade.", None),  # a sentence, no date line
])
def test_date_lines(line, published):
    text = f"Überschrift der Meldung\n{line}\nPutin reiste am Mittwoch nach Peking."
    assert draft_source(text, RULES, today=TODAY).meta.published == published


def test_editor_values_win():
    meta = draft_source(seed("001"), RULES, today=TODAY, id="dpa-kim", title="Kim reist", outlet="dpa",
                        url="https://example.org/a", published=dt.date(2025, 9, 1)).meta
    assert (meta.id, meta.title, meta.outlet, meta.url, meta.published) == \
        ("dpa-kim", "Kim reist", "dpa", "https://example.org/a", dt.date(2025, 9, 1))
    assert meta.note is None


def test_furniture_only_is_refused():
    with pytest.raises(ValueError, match="no article text"):
        draft_source("Teilen Sie dies:\n\nFacebook\n", RULES, today=TODAY)


def _project(tmp_path: Path) -> Path:
    (tmp_path / "content" / "sources").mkdir(parents=True)
    (tmp_path / "content" / "sources" / "schon-da.md").write_text("---\nid: schon-da\n---\n", encoding="utf-8")
    return tmp_path


def test_cli_adds_files_and_refuses_all_when_one_is_bad(tmp_path):
    project = _project(tmp_path)
    good = tmp_path / "gut.txt"
    good.write_text("Kim reist nach Peking\n\nKim Jong-un ist am Dienstag abgereist.\n", encoding="utf-8")
    bad = tmp_path / "kaputt.txt"
    bad.write_bytes("Zeile eins\nZeile zwei mit \xe4\n".encode("latin-1"))
    taken = tmp_path / "doppelt.txt"
    taken.write_text("Schon da\n\nEin Satz über Kim.\n", encoding="utf-8")

    result = dossier_cli(project, "add", str(good), str(bad), str(taken))
    assert result.returncode == 1
    assert "kaputt.txt:2: not valid UTF-8" in result.stderr
    assert "doppelt.txt: a source 'schon-da' exists already" in result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in (project / "content" / "sources").iterdir()) == ["schon-da.md"]

    result = dossier_cli(project, "add", str(good), "--published", "2025-09-02")
    assert result.returncode == 0, result.stderr
    written = read_source(project / "content" / "sources" / "kim-reist-nach-peking.md", RULES)
    assert written.meta.published == dt.date(2025, 9, 2)
    assert written.body == "Kim reist nach Peking\n\nKim Jong-un ist am Dienstag abgereist."


def test_cli_rejects_a_bad_id_and_date(tmp_path):
    project = _project(tmp_path)
    good = tmp_path / "gut.txt"
    good.write_text("Kim reist nach Peking\n\nKim Jong-un ist abgereist.\n", encoding="utf-8")
    result = dossier_cli(project, "add", str(good), "--id", "../../etc")
    assert result.returncode == 1 and "not a valid id" in result.stderr and "Traceback" not in result.stderr
    result = dossier_cli(project, "add", str(good), "--published", "gestern")
    assert result.returncode == 2 and "no ISO date" in result.stderr
    assert sorted(p.name for p in (project / "content" / "sources").iterdir()) == ["schon-da.md"]
