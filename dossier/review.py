"""What still needs an editor: unreviewed actors, unresolved dates, quotes without speaker,
events merged from several sources that nobody has checked."""

from __future__ import annotations

from dataclasses import dataclass

from .stages import BuildResult


@dataclass(frozen=True)
class ReviewItem:
    kind: str  # actor | date | quote | event
    id: str
    what: str
    source: str  # where to look: this source's sentence
    sentence: int

    @property
    def where(self) -> str:
        return f"{self.source}#s-{self.sentence}"


def review_items(result: BuildResult) -> list[ReviewItem]:
    d = result.dossier
    items: list[ReviewItem] = []
    for actor in sorted(d.actors, key=lambda a: a.id):
        if not actor.reviewed:
            ev = actor.evidence[0]
            items.append(ReviewItem("actor", actor.id, f"{actor.name} ({actor.type}, {actor.mentions}× genannt) nicht geprüft",
                                    ev.source, ev.sentence_index))
    for ex in result.run.extractions:
        for date in ex.dates:
            if date.precision == "unresolved":
                items.append(ReviewItem("date", f"{ex.source}:{date.start}", f"Datum „{date.text}“ nicht auflösbar",
                                        ex.source, date.sentence))
    for quote in d.quotes:
        if quote.speaker is None:
            items.append(ReviewItem("quote", quote.id, f"Zitat ohne Sprecher: „{quote.text[:60]}“",
                                    quote.source, quote.evidence.sentence_index))
    for event in d.events:
        if not event.reviewed and len({ev.source for ev in event.evidence}) > 1:
            ev = event.evidence[0]
            items.append(ReviewItem("event", event.id, f"{len(event.evidence)} Belege aus mehreren Quellen zusammengeführt",
                                    ev.source, ev.sentence_index))
    return items
