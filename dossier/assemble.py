"""Stage 5: extractions + editorial YAML -> the Dossier every page and export reads.

Editorial values always win: curated names, types, aliases and descriptions replace what
the extractor proposed; rejected names disappear.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from .corrections import apply_corrections
from .editorial import Editorial
from .extraction.lexicon import slugify
from .model import (
    Actor, Claim, ClaimValue, Dossier, Event, EventRecord, Evidence, MentionRecord, Quote, RoleStatement, Source,
    SourceExtraction, SourceSummary,
)

_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3, "decade": 4, "vague": 5, "unresolved": 6}
_FORMER = ("ehemalig", "früher", "einstig", "ex-")
# How far a stated number may be from the true one, by qualifier: (low factor, high factor).
_QUALIFIER_RANGE = {
    None: (1.0, 1.0), "presumably": (1.0, 1.0), "approx": (0.85, 1.15), "approx_below": (0.85, 1.0),
    "more_than": (1.0, math.inf), "at_least": (1.0, math.inf), "less_than": (0.0, 1.0), "up_to": (0.0, 1.0),
    "vague": (1.0, 1000.0),
}


class ActorIndex:
    """Maps an extracted mention to its actor id under the current editorial data."""

    def __init__(self, editorial: Editorial):
        self.curated = {a.id: a for a in editorial.actors.actors}
        self.by_name: dict[str, str] = {}
        self.merged: dict[str, str] = {}
        for actor in editorial.actors.actors:
            for name in (actor.name, *actor.aliases):
                self.by_name[name.casefold()] = actor.id
            for other in actor.merge:
                self.merged[other] = actor.id
        self.reject = {r.casefold() for r in editorial.actors.reject}

    def resolve(self, mention: MentionRecord) -> str | None:
        if mention.name.casefold() in self.reject or mention.actor in self.reject or mention.text.casefold() in self.reject:
            return None
        actor = self.merged.get(mention.actor, mention.actor)
        if actor in self.curated:
            return actor
        return self.by_name.get(mention.name.casefold(), actor)

    def resolve_id(self, actor_id: str | None) -> str | None:
        if actor_id is None or actor_id in self.reject:
            return None
        return self.merged.get(actor_id, actor_id)


def evidence(extraction: SourceExtraction, sentence: int, expression: str | None = None) -> Evidence:
    s = extraction.sentences[sentence]
    return Evidence(source=extraction.source, sentence=s.text, sentence_index=sentence, start=s.start, end=s.end,
                    expression=expression, anchor=extraction.anchor if expression else None)


def assemble(sources: list[Source], extractions: list[SourceExtraction], editorial: Editorial) -> Dossier:
    index = ActorIndex(editorial)
    known_ids = {n.casefold(): slugify(k.name) for k in editorial.known_names.organizations for n in (k.name, *k.aliases)}
    own_outlets = {s.meta.id: outlet_actor_ids(s.meta.outlet, known_ids, index) for s in sources}
    actors = build_actors(extractions, index, own_outlets)
    known = {a.id for a in actors}
    events = build_events(extractions, index, known, {a.id for a in actors if a.type in PARTICIPANT_TYPES})
    claims = build_claims(extractions, actors)
    quotes = build_quotes(extractions, index, known)
    dossier = Dossier(
        title=editorial.settings.title,
        description=editorial.settings.description,
        sources=[
            SourceSummary(id=s.meta.id, title=s.meta.title, outlet=s.meta.outlet, url=s.meta.url,
                          published=s.meta.published, note=s.meta.note)
            for s in sorted(sources, key=lambda s: (str(s.meta.published or ""), s.meta.id))
        ],
        actors=actors, events=events, claims=claims, quotes=quotes,
    )
    sentences = {ex.source: [(s.start, s.end, s.text) for s in ex.sentences] for ex in extractions}
    return apply_corrections(dossier, editorial.corrections, editorial.documents.get("corrections.yml"), sentences)


def outlet_actor_ids(outlet: str | None, known_ids: dict[str, str], index: ActorIndex) -> frozenset[str]:
    """The actor ids a source's own outlet may have ("dpa" -> the known name "Deutsche
    Presse-Agentur", "tagesschau.de" -> "tagesschau"): a source does not name its publisher as
    an actor ("wie Reporter der Deutschen Presse-Agentur beobachteten" in a dpa report)."""
    if not outlet:
        return frozenset()
    names = {outlet.casefold(), re.sub(r"\.(de|ch|at|com|net|org)$", "", outlet.casefold())}
    # known_ids: every casefolded name and alias of content/lexicon/names.yml -> its actor id
    ids = {slugify(name) for name in names} | {index.by_name[name] for name in names if name in index.by_name} \
        | {known_ids[name] for name in names if name in known_ids}
    return frozenset(filter(None, (index.resolve_id(i) for i in ids)))


def build_actors(extractions: list[SourceExtraction], index: ActorIndex,
                 own_outlets: dict[str, frozenset[str]] | None = None) -> list[Actor]:
    mentions: dict[str, list[tuple[SourceExtraction, MentionRecord]]] = defaultdict(list)
    for ex in extractions:
        own = own_outlets.get(ex.source, frozenset()) if own_outlets else frozenset()
        for m in ex.mentions:
            actor = index.resolve(m)
            if actor is not None and actor not in own:
                mentions[actor].append((ex, m))
    actors = []
    for actor_id, items in mentions.items():
        curated = index.curated.get(actor_id)
        names = Counter(m.name for _, m in items)
        name = curated.name if curated else sorted(names.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))[0][0]
        types = Counter(m.type for _, m in items)
        kind = curated.type if curated else sorted(types.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        aliases = set(curated.aliases if curated else []) | {m.text for _, m in items} | set(names)
        aliases.discard(name)
        roles, seen_roles, seen_sentences, ev = [], set(), set(), []
        for ex, m in items:
            if m.role and (ex.source, m.role) not in seen_roles:
                seen_roles.add((ex.source, m.role))
                roles.append(RoleStatement(role=m.role, evidence=evidence(ex, m.sentence)))
            if (ex.source, m.sentence) not in seen_sentences:
                seen_sentences.add((ex.source, m.sentence))
                ev.append(evidence(ex, m.sentence))
        actors.append(Actor(
            id=actor_id, name=name, type=kind, aliases=sorted(aliases, key=str.casefold),
            roles=sorted(roles, key=lambda r: (r.evidence.source, r.evidence.sentence_index, r.role)),
            sources=sorted({ex.source for ex, _ in items}), mentions=len(items),
            description=curated.description if curated else None, curated=curated is not None,
            reviewed=bool(curated and curated.reviewed), evidence=ev,
        ))
    return sorted(actors, key=lambda a: (-a.mentions, a.id))


def _interval(date: str | None, date_end: str | None, precision: str) -> tuple[dt.date, dt.date] | None:
    """The days a date value can mean: '2024-06' -> June 1..30."""
    if not date or precision in ("vague", "unresolved"):
        return None
    start = _parse(date, first=True)
    end = _parse(date_end or date, first=False)
    return start, end


def _parse(value: str, *, first: bool) -> dt.date:
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return dt.date(*parts)
    if len(parts) == 2:
        if first:
            return dt.date(parts[0], parts[1], 1)
        nxt = dt.date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
        return nxt - dt.timedelta(days=1)
    return dt.date(parts[0], 1, 1) if first else dt.date(parts[0], 12, 31)


# Who took part tells two events apart; countries and places say where or on whose behalf, and
# would join every visit to Pjöngjang in a month into one. They count only where no one is named.
PARTICIPANT_TYPES = frozenset({"person", "organization"})


@dataclass
class _Cluster:
    """Candidates told as one event. `people` and `places` are those of the first candidate
    naming any (fixed): comparing with everyone gathered so far would chain A+B, B+C, C+D ...
    into one event with hundreds of participants."""
    end: dt.date
    people: frozenset[str]
    places: frozenset[str]
    members: list

    def takes(self, people: frozenset[str], places: frozenset[str]) -> bool:
        """Someone takes part in both; without people on one side, a country or place in
        common; a side that names nobody cannot tell, so it may join."""
        if people and self.people:
            return not people.isdisjoint(self.people)
        return not places or not self.places or not places.isdisjoint(self.places)


def build_events(extractions: list[SourceExtraction], index: ActorIndex, known: set[str],
                 participants: set[str]) -> list[Event]:
    """Event candidates of all sources; the same kind of event on overlapping dates, with a
    participant in common, is one event."""
    candidates: list[tuple[SourceExtraction, EventRecord, tuple[dt.date, dt.date], frozenset[str], frozenset[str]]] = []
    for ex in extractions:
        for rec in ex.events:
            span = _interval(rec.date, rec.date_end, rec.precision)
            if span is not None:
                named = {a for a in (index.resolve_id(x) for x in rec.actors) if a in known}
                people = frozenset(named & participants)
                candidates.append((ex, rec, span, people, frozenset(named - people)))
    candidates.sort(key=lambda c: (c[1].trigger, c[2][0], c[2][1], c[0].source, c[1].sentence))
    clusters: list[_Cluster] = []
    # Sweep in date order per kind of event: only clusters still "open" at this start date
    # (latest end >= start) can take the candidate, so the work stays near-linear.
    open_clusters: dict[str, list[_Cluster]] = defaultdict(list)
    for cand in candidates:
        _, _, span, people, places = cand
        active = [c for c in open_clusters[cand[1].trigger] if c.end >= span[0]]
        for cluster in active:
            if cluster.takes(people, places) and any(_same_time(c[2], span) for c in cluster.members):
                cluster.members.append(cand)
                cluster.end = max(cluster.end, span[1])
                cluster.people = cluster.people or people
                cluster.places = cluster.places or places
                break
        else:
            cluster = _Cluster(span[1], people, places, [cand])
            clusters.append(cluster)
            active.append(cluster)
        open_clusters[cand[1].trigger] = active
    events = []
    for cluster in (c.members for c in clusters):
        best = min(cluster, key=lambda c: (_PRECISION_RANK[c[1].precision], (c[2][1] - c[2][0]).days, c[1].date))
        rec = best[1]
        titles = Counter(c[1].title for c in cluster)
        title = sorted(titles.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))[0][0]
        actors = sorted({a for c in cluster for a in (index.resolve_id(x) for x in c[1].actors) if a in known})
        places = Counter(p for c in cluster if (p := index.resolve_id(c[1].place)) in known)
        statuses = {c[1].status for c in cluster}
        status = "past" if "past" in statuses else "ongoing" if "ongoing" in statuses else "announced"
        ev = [evidence(c[0], c[1].sentence, c[1].expression) for c in sorted(cluster, key=lambda c: (c[0].source, c[1].sentence))]
        events.append(Event(
            id=f"{rec.date}-{slugify(title)}", title=title, date=rec.date, date_end=rec.date_end,
            precision=rec.precision, status=status, actors=actors,
            place=sorted(places.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] if places else None, evidence=ev,
        ))
    events = _unique_ids(sorted(events, key=lambda e: (e.date or "", e.date_end or "", e.id)))
    return events


def _same_time(a: tuple[dt.date, dt.date], b: tuple[dt.date, dt.date]) -> bool:
    """Overlapping, and neither is so coarse (a whole year) that overlap means little."""
    overlap = a[0] <= b[1] and b[0] <= a[1]
    coarse = max((a[1] - a[0]).days, (b[1] - b[0]).days) > 31
    return overlap and (not coarse or a == b)


def _unique_ids(items: list) -> list:
    seen: Counter[str] = Counter()
    for item in items:
        seen[item.id] += 1
        if seen[item.id] > 1:
            item.id = f"{item.id}-{seen[item.id]}"
    return items


def build_claims(extractions: list[SourceExtraction], actors: list[Actor]) -> list[Claim]:
    return sorted(quantity_claims(extractions) + role_claims(actors), key=lambda c: c.id)


def quantity_claims(extractions: list[SourceExtraction]) -> list[Claim]:
    groups: dict[str, list[tuple[SourceExtraction, object]]] = defaultdict(list)
    for ex in extractions:
        for q in ex.quantities:
            if q.key:
                groups[q.key].append((ex, q))
    claims = []
    for key, items in groups.items():
        values = []
        for ex, q in items:
            qualifier = q.qualifier_text if q.qualifier_text != q.value_text else None
            shown = " ".join(p for p in (qualifier, q.value_text, q.unit if q.unit == "%" else None) if p)
            values.append(ClaimValue(source=ex.source, value=shown, number=q.value, qualifier=q.qualifier,
                                     sentence=ex.sentences[q.sentence].text, evidence=evidence(ex, q.sentence, q.text)))
        subjects = Counter(q.counted or key for _, q in items)
        subject = sorted(subjects.items(), key=lambda kv: (-kv[1], len(kv[0]), kv[0]))[0][0]
        claims.append(Claim(id=f"anzahl-{slugify(key)}", kind="quantity", subject=f"Anzahl: {subject}",
                            values=values, status=quantity_status([(q.value, q.qualifier) for _, q in items],
                                                                  {ex.source for ex, _ in items})))
    return claims


def quantity_status(values: list[tuple[float, str | None]], sources: set[str]) -> str:
    if len(sources) < 2:
        return "single_source"
    if len({v for v in values}) == 1:
        return "agree"
    ranges = [(v * _QUALIFIER_RANGE.get(q, (1, 1))[0], v * _QUALIFIER_RANGE.get(q, (1, 1))[1]) for v, q in values]
    low, high = max(r[0] for r in ranges), min(r[1] for r in ranges)
    return "differ_in_precision" if low <= high else "contradict"


def role_claims(actors: list[Actor]) -> list[Claim]:
    """What office a person holds, per source: 'US-Präsident' against 'ehemaliger Präsident'."""
    claims = []
    for actor in actors:
        if actor.type != "person":
            continue
        by_office: dict[str, list[RoleStatement]] = defaultdict(list)
        for statement in actor.roles:
            by_office[_office(statement.role)].append(statement)
        for office, statements in sorted(by_office.items()):
            sources = {s.evidence.source for s in statements}
            if len(sources) < 2:
                continue
            former = {_is_former(s.role) for s in statements}
            values = [ClaimValue(source=s.evidence.source, value=s.role, qualifier="former" if _is_former(s.role) else "current",
                                 sentence=s.evidence.sentence, evidence=s.evidence) for s in statements]
            claims.append(Claim(id=f"amt-{actor.id}-{slugify(office)}", kind="role", subject=f"Amt: {actor.name} – {office}",
                                about=actor.id, values=values, status="contradict" if len(former) > 1 else "agree"))
    return claims


def _office(role: str) -> str:
    word = role.split()[-1]
    return word.split("-")[-1].capitalize() if "-" in word else word


def _is_former(role: str) -> bool:
    low = role.casefold()
    return any(low.startswith(f) or f" {f}" in low for f in _FORMER)


def build_quotes(extractions: list[SourceExtraction], index: ActorIndex, known: set[str]) -> list[Quote]:
    quotes = []
    for ex in extractions:
        for n, q in enumerate(ex.quotes, start=1):
            speaker = index.resolve_id(q.speaker)
            quotes.append(Quote(id=f"{ex.source}-zitat-{n}", speaker=speaker if speaker in known else None, text=q.text,
                                source=ex.source, sentence=ex.sentences[q.sentence].text, partial=q.partial,
                                evidence=evidence(ex, q.sentence)))
    return quotes

