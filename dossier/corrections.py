"""Stage 4b: apply content/corrections.yml to the assembled dossier. Editorial values win.

Corrections name their target by id. One whose target no longer exists (its source changed and
the fact was not extracted again) is an error with file:line: it is never silently dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .errors import DossierError, Problem
from .model import CorrectionsFile, Dossier, Event, Evidence
from .yamlio import YamlDocument


def apply_corrections(dossier: Dossier, corrections: CorrectionsFile, doc: YamlDocument | None,
                      sentences: dict[str, list[tuple[int, int, str]]]) -> Dossier:
    """Correct `dossier` in place and return it (assemble hands over a fresh one; a deep copy
    of thousands of events costs seconds). `sentences` maps source id -> [(start, end, text)]
    for new evidence."""
    path = doc.path if doc else Path("content/corrections.yml")
    problems: list[Problem] = []

    def stale(loc: tuple, what: str) -> None:
        problems.append(Problem(path, doc.line_of(loc) if doc else None, what))

    d = dossier
    actor_ids = {a.id for a in d.actors}
    events = {e.id: e for e in d.events}

    def merge_event(event: Event, other: Event) -> None:
        event.evidence += other.evidence
        event.actors = sorted(set(event.actors) | set(other.actors))

    _apply(events, corrections.events, "events", "event", ("title", "date", "date_end", "precision", "status", "place", "actors"),
           merge_event, stale)
    for i, fix in enumerate(corrections.events):
        for j, actor in enumerate(fix.actors or []):
            if actor not in actor_ids:
                stale(("events", i, "actors", j), f"unknown actor '{actor}'")
        if fix.place and fix.place not in actor_ids:
            stale(("events", i, "place"), f"unknown place '{fix.place}'")
    for i, new in enumerate(corrections.add_events):
        evidence = []
        for j, ref in enumerate(new.evidence):
            found = _find_sentence(sentences.get(ref.source, []), ref.sentence)
            if found is None:
                stale(("add_events", i, "evidence", j), f"no sentence {ref.sentence!r} in source '{ref.source}'")
                continue
            index, (start, end, text) = found
            evidence.append(Evidence(source=ref.source, sentence=text, sentence_index=index, start=start, end=end))
        events[new.id] = Event(id=new.id, title=new.title, date=new.date, date_end=new.date_end, precision=new.precision,
                               status=new.status, actors=new.actors, place=new.place, evidence=evidence, reviewed=True)
    d.events = sorted(events.values(), key=lambda e: (e.date or "", e.date_end or "", e.id))

    claims = {c.id: c for c in d.claims}

    def merge_claim(claim, other) -> None:
        claim.values += other.values

    _apply(claims, corrections.claims, "claims", "claim", ("subject", "status", "note"), merge_claim, stale)
    d.claims = sorted(claims.values(), key=lambda c: c.id)

    quotes = {q.id: q for q in d.quotes}
    for i, fix in enumerate(corrections.quotes):
        quote = quotes.get(fix.id)
        if quote is None:
            stale(("quotes", i, "id"), f"quote '{fix.id}' does not exist (any more)")
            continue
        if fix.speaker is not None:
            if fix.speaker not in actor_ids:
                stale(("quotes", i, "speaker"), f"unknown actor '{fix.speaker}'")
            quote.speaker = fix.speaker
        quote.reviewed = quote.reviewed or fix.reviewed
        if fix.reject:
            quotes.pop(fix.id)
    d.quotes = [q for q in d.quotes if q.id in quotes]
    if problems:
        raise DossierError(problems)
    return d


def _apply(items: dict, fixes: list, section: str, noun: str, fields: tuple[str, ...],
           merge: Callable[[object, object], None], stale: Callable[[tuple, str], None]) -> None:
    """The shared part of event and claim corrections: merge others in, override fields, mark
    reviewed, reject; every id that does not exist (any more) is reported."""
    for i, fix in enumerate(fixes):
        item = items.get(fix.id)
        if item is None:
            stale((section, i, "id"), f"{noun} '{fix.id}' does not exist (any more): update or remove this correction")
            continue
        for j, other_id in enumerate(fix.merge):
            other = items.pop(other_id, None)
            if other is None:
                stale((section, i, "merge", j), f"{noun} '{other_id}' to merge does not exist")
                continue
            merge(item, other)
        for field in fields:
            value = getattr(fix, field)
            if value is not None:
                setattr(item, field, value)
        item.reviewed = item.reviewed or fix.reviewed
        if fix.reject:
            items.pop(fix.id)


def _find_sentence(sentences: list[tuple[int, int, str]], ref: str | int):
    if isinstance(ref, int):
        return (ref, sentences[ref]) if 0 <= ref < len(sentences) else None
    for index, sentence in enumerate(sentences):
        if sentence[2].strip() == ref.strip():
            return index, sentence
    return None
