"""Data exports: every file parses back, ids/counts/dates match the dossier, output is deterministic."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest
from icalendar import Calendar

from dossier.model import Event
from dossier.render.exports import (
    DEFAULT_DTSTAMP,
    EXPORT_PATHS,
    actors_csv,
    chronik_ics,
    claims_csv,
    dossier_json,
    event_span,
    events_csv,
    export_files,
)


@pytest.fixture(autouse=True)
def _no_source_date_epoch(monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def calendar_events(text: str) -> dict[str, object]:
    cal = Calendar.from_ical(text)
    return {str(e["UID"]): e for e in cal.walk("VEVENT")}


def test_export_files_has_every_path_and_json_is_unchanged(real):
    files = export_files(real.dossier)
    assert tuple(files) == EXPORT_PATHS
    assert files["data/dossier.json"] == dossier_json(real.dossier)
    assert json.loads(files["data/dossier.json"])["events"][0]["id"] == real.dossier.events[0].id


def test_exports_are_deterministic(real):
    assert export_files(real.dossier) == export_files(real.dossier)


def test_dossier_json_is_plain_json_dumps_output(real):
    """dossier_json uses pydantic's faster serializer; its bytes must be what json.dumps writes."""
    expected = json.dumps(real.dossier.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"
    assert dossier_json(real.dossier) == expected


def test_calendar_is_reused_from_the_cache_only_while_its_inputs_are_unchanged(real, tmp_path):
    from dossier.render.cache import PageCache

    first = PageCache(tmp_path / "c.pickle", "f")
    files = export_files(real.dossier, first)
    first.save()
    again = PageCache(tmp_path / "c.pickle", "f")
    assert export_files(real.dossier, again) == files and again.hits == 1
    changed = real.dossier.model_copy(deep=True)
    changed.events[0].title = "Neuer Titel"
    third = PageCache(tmp_path / "c.pickle", "f")
    ics = export_files(changed, third)["data/chronik.ics"]
    assert third.hits == 0 and "Neuer Titel" in ics


@pytest.mark.parametrize("name", ["data/events.csv", "data/actors.csv", "data/claims.csv"])
def test_csv_format(real, name):
    text = export_files(real.dossier)[name]
    assert "\r" not in text and text.endswith("\n")
    text.encode("utf-8")
    assert not text.startswith("\ufeff")


def test_events_csv(real):
    d = real.dossier
    table = rows(events_csv(d))
    assert [r["id"] for r in table] == [e.id for e in d.events]
    assert list(table[0]) == ["id", "date", "date_end", "precision", "status", "title", "place", "actors", "sources", "reviewed"]
    by_id = {r["id"]: r for r in table}
    for e in d.events:
        r = by_id[e.id]
        assert r["title"] == e.title
        assert r["date"] == (e.date or "")
        assert r["date_end"] == (e.date_end or "")
        assert r["precision"] == e.precision
        assert r["actors"] == "; ".join(e.actors)
        assert r["place"] == (e.place or "")
        assert set(r["sources"].split("; ")) == {ev.source for ev in e.evidence}
        assert r["reviewed"] in ("true", "false")
    visit = next(e for e in d.events if e.date == "2024-06-18" and e.date_end == "2024-06-19")
    assert by_id[visit.id]["precision"] == "day"


def test_actors_csv(real):
    d = real.dossier
    table = rows(actors_csv(d))
    assert [r["id"] for r in table] == [a.id for a in d.actors]
    by_id = {r["id"]: r for r in table}
    kim = by_id["kim-jong-un"]
    assert kim["name"] == "Kim Jong-un" and kim["type"] == "person" and kim["curated"] == "true"
    assert "Kim Jong Un" in kim["aliases"].split("; ")
    assert int(kim["mentions"]) == next(a.mentions for a in d.actors if a.id == "kim-jong-un")
    # role words are listed once each, in order of first appearance
    roles = kim["roles"].split("; ")
    assert len(roles) == len(set(roles)) and "Machthaber" in roles
    assert kim["sources"].split("; ") == next(a.sources for a in d.actors if a.id == "kim-jong-un")


def test_claims_csv(real):
    d = real.dossier
    table = rows(claims_csv(d))
    assert [r["id"] for r in table] == [c.id for c in d.claims]
    for c, r in zip(d.claims, table):
        assert r["status"] == c.status and r["kind"] == c.kind and r["subject"] == c.subject
        assert r["values"] == "; ".join(f"{v.source}: {v.value}" for v in c.values)
        assert r["note"] == (c.note or "")
    trump = next(r for r in table if r["id"] == "amt-donald-trump-praesident")
    assert trump["status"] == "contradict"
    assert "dpa-afx-kim-auf-dem-weg-nach-peking: US-Präsident" in trump["values"].split("; ")


def test_chronik_ics_day_range_is_all_day_and_exclusive(real):
    d = real.dossier
    visit = next(e for e in d.events if e.date == "2024-06-18" and e.date_end == "2024-06-19")
    events = calendar_events(chronik_ics(d))
    v = events[f"{visit.id}@dossier"]
    assert v["DTSTART"].params["VALUE"] == "DATE" and v["DTEND"].params["VALUE"] == "DATE"
    assert v.decoded("DTSTART") == dt.date(2024, 6, 18)
    assert v.decoded("DTEND") == dt.date(2024, 6, 20)
    assert str(v["SUMMARY"]) == visit.title
    description = str(v["DESCRIPTION"])
    for ev in visit.evidence:
        assert ev.sentence in description
    assert v.decoded("DTSTAMP") == DEFAULT_DTSTAMP


def test_chronik_ics_precisions(real):
    d = real.dossier
    events = calendar_events(chronik_ics(d))
    month = next(e for e in d.events if e.precision == "month" and not e.date_end)
    year = next(e for e in d.events if e.precision == "year" and not e.date_end)
    single_day = next(e for e in d.events if e.precision == "day" and not e.date_end)
    m = events[f"{month.id}@dossier"]
    y_, mo = int(month.date[:4]), int(month.date[5:7])
    assert m.decoded("DTSTART") == dt.date(y_, mo, 1)
    assert m.decoded("DTEND") == dt.date(y_ + (mo == 12), mo % 12 + 1, 1)
    y = events[f"{year.id}@dossier"]
    assert (y.decoded("DTSTART"), y.decoded("DTEND")) == (dt.date(int(year.date), 1, 1), dt.date(int(year.date) + 1, 1, 1))
    s = events[f"{single_day.id}@dossier"]
    start = dt.date.fromisoformat(single_day.date)
    assert (s.decoded("DTSTART"), s.decoded("DTEND")) == (start, start + dt.timedelta(days=1))
    # one VEVENT per event with a usable date, nothing else
    dated = [e for e in d.events if event_span(e) is not None]
    assert sorted(events) == sorted(f"{e.id}@dossier" for e in dated)
    assert len(dated) == len([e for e in d.events if e.date and e.precision not in ("vague", "unresolved")])


def _event(date, precision, date_end=None) -> Event:
    return Event(id="x", title="x", date=date, date_end=date_end, precision=precision, status="past",
                 actors=[], place=None, evidence=[])


@pytest.mark.parametrize(("date", "date_end", "precision", "span"), [
    ("2025-09-03", None, "day", ("2025-09-03", "2025-09-04")),
    ("2024-06-18", "2024-06-19", "day", ("2024-06-18", "2024-06-20")),
    ("2025-09-01", "2025-09-07", "week", ("2025-09-01", "2025-09-08")),
    ("2025-09-01", None, "week", ("2025-09-01", "2025-09-08")),
    ("2025-12", None, "month", ("2025-12-01", "2026-01-01")),
    ("2025-02", "2025-04", "month", ("2025-02-01", "2025-05-01")),
    ("2019", None, "year", ("2019-01-01", "2020-01-01")),
    ("2019", "2021", "year", ("2019-01-01", "2022-01-01")),
    ("2010", "2019", "decade", ("2010-01-01", "2020-01-01")),
    ("2025-09", None, "day", ("2025-09-01", "2025-10-01")),  # written less precisely than claimed
    ("2025-09-03", None, "month", ("2025-09-01", "2025-10-01")),
    ("2025", None, "vague", None),
    (None, None, "unresolved", None),
    ("2025-02-30", None, "day", None),
])
def test_event_span(date, date_end, precision, span):
    got = event_span(_event(date, precision, date_end))
    want = None if span is None else tuple(dt.date.fromisoformat(x) for x in span)
    assert got == want


def test_dtstamp_from_source_date_epoch(real, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1756857600")  # 2025-09-03T00:00:00Z
    events = calendar_events(chronik_ics(real.dossier))
    stamps = {e.decoded("DTSTAMP") for e in events.values()}
    assert stamps == {dt.datetime(2025, 9, 3, tzinfo=dt.timezone.utc)}


def _icalendar_reference(dossier) -> str:
    """The calendar as the icalendar library writes it: the oracle for our own writer."""
    from icalendar import Event as CalendarEvent

    names = {a.id: a.name for a in dossier.actors}
    sources = {s.id: s for s in dossier.sources}
    cal = Calendar()
    for key, value in (("prodid", "-//dossier//DE"), ("version", "2.0"), ("calscale", "GREGORIAN"), ("method", "PUBLISH")):
        cal.add(key, value)
    cal.add("x-wr-calname", dossier.title)
    for event in dossier.events:
        span = event_span(event)
        if span is None:
            continue
        lines = [f"Ort: {names.get(event.place, event.place)}"] if event.place else []
        lines.append("Status: " + {"announced": "angekündigt", "ongoing": "andauernd", "past": "erfolgt"}[event.status])
        if event.actors:
            lines.append("Beteiligt: " + ", ".join(names.get(a, a) for a in event.actors))
        lines += ["", "Belege:"]
        for ev in event.evidence:
            s = sources[ev.source]
            published = s.published.date() if isinstance(s.published, dt.datetime) else s.published
            lines.append(f"- {ev.sentence} ({s.outlet or s.title}, {published.strftime('%d.%m.%Y')})")
        vevent = CalendarEvent()
        vevent.add("uid", f"{event.id}@dossier")
        vevent.add("dtstamp", DEFAULT_DTSTAMP)
        vevent.add("dtstart", span[0])
        vevent.add("dtend", span[1])
        vevent.add("summary", event.title)
        vevent.add("description", "\n".join(lines))
        if event.place:
            vevent.add("location", names.get(event.place, event.place))
        vevent.add("transp", "TRANSPARENT")
        cal.add_component(vevent)
    return cal.to_ical().decode("utf-8")


def test_chronik_ics_is_what_icalendar_writes(real):
    """Our writer escapes and folds like icalendar (UTF-8 sequences and backslash escapes never
    split), on the real events and on titles and sentences made to stress it; only the calendar
    name differs: icalendar leaves the commas of X-WR-CALNAME unescaped, RFC 5545 escapes TEXT."""
    d = real.dossier.model_copy(deep=True)
    d.title = "Dossier Kim Putin Xi"
    tricky = ["a,b;c\\d", "x" * 73 + "\\n" + "ö" * 80, "Zeile\r\nzwei\rdrei\nvier \\N fünf", "€" * 30 + ",;" * 40,
              "^" * 100, "🙂" * 40 + "x"]
    for event, text in zip(d.events, tricky * 3):
        event.title = text + event.title
        event.evidence[0].sentence = text + " " + event.evidence[0].sentence
    assert chronik_ics(d) == _icalendar_reference(d)
    assert chronik_ics(real.dossier).split("\r\n")[5] == "X-WR-CALNAME:Dossier: Kim\\, Putin\\, Xi"


def test_chronik_ics_calendar_properties(real):
    text = chronik_ics(real.dossier, prodid="-//test//DE")
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    cal = Calendar.from_ical(text)
    assert str(cal["PRODID"]) == "-//test//DE" and str(cal["VERSION"]) == "2.0"
    assert chronik_ics(real.dossier) == chronik_ics(real.dossier)
