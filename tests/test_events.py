"""Event merging across sources (dossier.assemble): the same kind of event at the same time is one
event only when someone takes part in both; unrelated events of the same month stay apart."""

from __future__ import annotations

import shutil

from dossier.stages import Project, build

from support import write_source

FRONT = "id: {id}\ntitle: Test {id}\noutlet: Testblatt\nurl: https://example.org/{id}\npublished: 2025-03-10\nlanguage: de"


def only_sources(project, texts: dict[str, str]):
    shutil.rmtree(project / "content" / "sources")
    (project / "content" / "corrections.yml").write_text("events: []\nadd_events: []\nclaims: []\nquotes: []\n",
                                                         encoding="utf-8")
    for sid, body in texts.items():
        write_source(project, f"{sid}.md", FRONT.format(id=sid), body + "\n")
    return build(Project.at(project), write_extractions=False).dossier


def visits(dossier):
    return sorted((e.date, tuple(e.actors), tuple(sorted({ev.source for ev in e.evidence})))
                  for e in dossier.events if e.title.startswith("Besuch"))


def test_same_month_same_actor_is_one_event_other_actors_another(project):
    d = only_sources(project, {
        "a": "Wladimir Putin besuchte im Februar 2025 Nordkorea.",
        "b": "Im Februar 2025 reiste Putin zu einem Besuch nach Nordkorea.",
        "c": "Xi Jinping besuchte im Februar 2025 Japan.",
    })
    found = visits(d)
    merged = [v for v in found if v[2] == ("a", "b")]
    apart = [v for v in found if v[2] == ("c",)]
    assert merged and "wladimir-putin" in merged[0][1], found
    assert apart and "wladimir-putin" not in apart[0][1], found
    assert len(found) == 2, found


def test_visits_do_not_chain_through_shared_people_or_a_shared_country(project):
    # a+b share Putin, b+c share Lawrow, c+d share Nordkorea only: four visits to one country
    # in one month, but a and c, or a and d, have no one in common.
    d = only_sources(project, {
        "a": "Wladimir Putin besuchte im Februar 2025 mit Xi Jinping Nordkorea.",
        "b": "Im Februar 2025 besuchten Putin und Außenminister Sergej Lawrow Nordkorea.",
        "c": "Lawrow besuchte im Februar 2025 mit Ministerpräsident Fumio Kishida Nordkorea.",
        "d": "Im Februar 2025 besuchte Fumio Kishida erneut Nordkorea.",
    })
    found = visits(d)
    by_sources = {v[2]: v[1] for v in found}
    assert sorted(by_sources) == [("a", "b"), ("c", "d")], found
    assert "xi-jinping" in by_sources[("a", "b")] and "fumio-kishida" not in by_sources[("a", "b")], found


def test_a_visit_naming_only_the_country_joins_the_visit_there(project):
    d = only_sources(project, {
        "a": "Wladimir Putin besuchte im Februar 2025 Nordkorea.",
        "b": "Nordkorea erwartete im Februar 2025 einen Besuch aus Moskau.",
    })
    found = visits(d)
    assert [v[2] for v in found] == [("a", "b")], found
