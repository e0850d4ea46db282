"""Editorial corrections in content/*.yml: they win over extraction, survive re-extraction, and
a correction whose target vanished is reported with file:line."""

from __future__ import annotations

import pytest

from dossier.errors import DossierError
from dossier.stages import Project, build

from support import dossier_cli


def rebuild(project):
    return build(Project.at(project), write_extractions=True).dossier


def append(path, text):
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_actor_rename_merge_reject_and_review(project):
    actors = project / "content" / "actors.yml"
    text = actors.read_text(encoding="utf-8")
    text = text.replace("    name: Kim Jong-un\n", "    name: Kim Jong Un\n", 1)
    text = text.replace("reject:\n", "reject:\n  - Kurt Campbell\n")
    text += ("  - Taiwan\n")
    text = text.replace("actors:\n", "actors:\n  - id: uschakow\n    name: Juri Uschakow\n    type: person\n"
                        "    description: Außenpolitischer Berater des Kremls.\n    reviewed: true\n    merge: [juri-uschakow]\n", 1)
    actors.write_text(text, encoding="utf-8")
    d = rebuild(project)
    ids = {a.id: a for a in d.actors}
    assert ids["kim-jong-un"].name == "Kim Jong Un"
    assert "kurt-campbell" not in ids and "taiwan" not in ids
    assert "juri-uschakow" not in ids and ids["uschakow"].reviewed and ids["uschakow"].description
    assert any(q.speaker == "uschakow" for q in d.quotes)


def test_event_fix_survives_reextraction(project):
    append(project / "content" / "corrections.yml", "")
    corrections = project / "content" / "corrections.yml"
    corrections.write_text(corrections.read_text(encoding="utf-8").replace(
        "  - id: 2025-09-03-militaerparade-in-peking\n",
        "  - id: 2025-09-03-militaerparade-in-peking\n    title: Parade zum Kriegsende\n    place: peking\n"
        "    merge: [2025-09-02-besuch]\n"), encoding="utf-8")
    first = rebuild(project)
    for path in (project / "extracted").glob("*.yml"):
        path.unlink()
    again = rebuild(project)
    for d in (first, again):
        parade = next(e for e in d.events if e.id == "2025-09-03-militaerparade-in-peking")
        assert parade.title == "Parade zum Kriegsende" and parade.reviewed
        assert not any(e.id == "2025-09-02-besuch" for e in d.events)
        assert any(ev.expression == "am Dienstagmorgen" for ev in parade.evidence)


def test_add_event_with_sentence_evidence_and_claim_and_quote_fixes(project):
    corrections = project / "content" / "corrections.yml"
    text = corrections.read_text(encoding="utf-8").replace("quotes: []\n", "")
    text = text.replace("claims:\n", "claims:\n  - id: anzahl-soldat\n    status: contradict\n    note: umstritten\n", 1)
    corrections.write_text(text + """
add_events:
  - id: 2025-09-03-gespraech-im-diaoyutai
    title: Vier-Augen-Gespräch Putin – Kim
    date: 2025-09-03
    precision: day
    actors: [wladimir-putin, kim-jong-un]
    place: diaoyutai-staatsgaestehaus
    evidence:
      - source: nume-putin-lobt-kim-in-peking
        sentence: Danach kam es zu einem persönlichen Vier-Augen-Gespräch der beiden Führer.
quotes:
  - id: putin-besucht-nordkorea-juni-2024-zitat-2
    reject: true
""", encoding="utf-8")
    d = rebuild(project)
    added = next(e for e in d.events if e.id == "2025-09-03-gespraech-im-diaoyutai")
    assert added.evidence[0].sentence.startswith("Danach kam es") and added.reviewed
    soldiers = next(c for c in d.claims if c.id == "anzahl-soldat")
    assert (soldiers.status, soldiers.note) == ("contradict", "umstritten")
    assert not any(q.id == "putin-besucht-nordkorea-juni-2024-zitat-2" for q in d.quotes)


def test_stale_correction_is_reported_with_file_and_line(project):
    corrections = project / "content" / "corrections.yml"
    text = corrections.read_text(encoding="utf-8").replace("quotes: []", "quotes:") + "  - id: gibt-es-nicht\n    speaker: kim-jong-un\n"
    corrections.write_text(text, encoding="utf-8")
    with pytest.raises(DossierError) as exc:
        rebuild(project)
    line = len(text.splitlines()) - 1
    assert f"corrections.yml:{line}: quote 'gibt-es-nicht' does not exist" in str(exc.value)
    result = dossier_cli(project, "extract")
    assert result.returncode == 1 and "gibt-es-nicht" in result.stderr
