"""Turn an annotated spaCy Doc into the plain records stored as YAML (SourceExtraction)."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from ..model import (
    DateRecord, EventRecord, MentionRecord, QuantityRecord, QuoteRecord, SentenceRecord, Source, SourceExtraction,
)
from .dates import detect_tense
from .lexicon import EventGroup, Lexicon

_DESTINATION = re.compile(r"\b(nach|in)\s+$")
_FIRST_SINCE = {"erste", "ersten", "erstes", "erstmals", "zuletzt", "letzte", "letzten"}
_PRONOUNS = {"er", "sie", "ihm", "ihr"}


def to_extraction(source: Source, doc: Doc, version: str, lexicon: Lexicon) -> SourceExtraction:
    sents = list(doc.sents)
    # token index -> sentence index, once (span.sent walks the doc on every call)
    sentence_of = [0] * len(doc)
    for i, s in enumerate(sents):
        sentence_of[s.start : s.end] = [i] * (s.end - s.start)

    def index_of(span: Span) -> int:
        return sentence_of[span.start]

    sentences = []
    for s in sents:
        text = s.text.rstrip()
        sentences.append(SentenceRecord(start=s.start_char, end=s.start_char + len(text), text=text))

    mentions = []
    for span in doc.spans.get("actors", []):
        entry, role = span._.value["entry"], span._.value["role"]
        mentions.append(MentionRecord(
            text=span.text, start=span.start_char, end=span.end_char, sentence=index_of(span), type=entry.type,
            actor=entry.actor, name=entry.name, curated=entry.curated, role=role,
        ))

    dates = []
    for span in doc.spans.get("dates", []):
        expr, base = span._.value, sents[index_of(span)].start_char
        dates.append(DateRecord(
            text=expr.text, start=base + expr.start, end=base + expr.end, sentence=index_of(span), date=expr.date,
            date_end=expr.date_end, precision=expr.precision, relative=expr.relative, qualifier=expr.qualifier,
        ))

    quantities = []
    for span in doc.spans.get("quantities", []):
        q, base = span._.value, sents[index_of(span)].start_char
        quantities.append(QuantityRecord(
            text=q.text, start=base + q.start, end=base + q.end, sentence=index_of(span), value=float(q.value),
            value_text=q.value_text, unit=q.unit, counted=q.counted, key=q.counted_lemma, qualifier=q.qualifier,
            qualifier_text=q.qualifier_text,
        ))

    quotes = [_quote_record(span, index_of(span), sents[index_of(span)].start_char, mentions)
              for span in doc.spans.get("quotes", [])]
    events = _events(sents, dates, mentions, lexicon)
    return SourceExtraction(
        source=source.meta.id, pipeline=version, text_sha256=source.text_sha256, anchor=source.meta.published_date,
        sentences=sentences, mentions=mentions, dates=dates, quantities=quantities, quotes=quotes, events=events,
    )


def _quote_record(span: Span, sentence: int, base: int, mentions: list[MentionRecord]) -> QuoteRecord:
    q = span._.value
    return QuoteRecord(
        text=q.text, start=base + q.start, end=base + q.end, sentence=sentence, partial=q.partial,
        speaker=_resolve_speaker(q, base, mentions), speaker_text=q.speaker_text, cue=q.cue,
    )


def _resolve_speaker(q, base: int, mentions: list[MentionRecord]) -> str | None:
    """The actor named by the speaker expression; a pronoun refers to the last person named before it."""
    if q.speaker_text is None or q.speaker_start is None:
        return None
    start, end = base + q.speaker_start, base + q.speaker_end
    if q.speaker_text.casefold() in _PRONOUNS:
        before = [m for m in mentions if m.type == "person" and m.end <= start]
        return before[-1].actor if before else None
    inside = [m for m in mentions if m.start < end and m.end > start]
    people = [m for m in inside if m.type == "person"] or inside
    return people[-1].actor if people else None


def _trigger(sentence: Span, group_words: list[tuple[EventGroup, str, str]], cache: dict) -> list[tuple[int, EventGroup]]:
    """(token index, group) for every event word in the sentence, in order."""
    hits = []
    for token in sentence:
        key = (token.lower_, token.lemma_.casefold(), token.text[:1].isupper())
        if key not in cache:
            cache[key] = _event_group(*key, group_words)
        if cache[key] is not None:
            hits.append((token.i, cache[key]))
    return hits


def _event_group(low: str, lemma: str, upper: bool, group_words: list[tuple[EventGroup, str, str]]) -> EventGroup | None:
    for group, kind, word in group_words:
        if (kind == "noun" and upper and low.rstrip("sn").endswith(word.rstrip("sn"))) or (
            kind == "verb" and not upper and (lemma.startswith(word) or low.startswith(word))
        ):
            return group
    return None


def _events(sents: list[Span], dates: list[DateRecord], mentions: list[MentionRecord], lexicon: Lexicon) -> list[EventRecord]:
    group_words = [(g, "noun", n) for g in lexicon.event_groups for n in g.nouns] + [
        (g, "verb", v) for g in lexicon.event_groups for v in g.verbs
    ]
    events: list[EventRecord] = []
    trigger_cache: dict = {}
    for index, sent in enumerate(sents):
        sent_dates = [d for d in dates if d.sentence == index and d.precision not in ("vague",)]
        if not sent_dates:
            continue
        triggers = _trigger(sent, group_words, trigger_cache)
        if not triggers:
            continue
        doc = sent.doc
        future = detect_tense(sent.text) == "future"
        in_sentence = [m for m in mentions if m.sentence == index]
        seen: set[tuple] = set()
        pairs = []
        for date in sent_dates:
            # The event word closest to the date; when that is a verb, the event nouns of the
            # sentence too ("nächste Woche China besuchen, um an einer Militärparade teilzunehmen").
            date_span = doc.char_span(date.start, date.end, alignment_mode="expand")
            at = date_span.start if date_span is not None else sent.start
            nearest = min(triggers, key=lambda t: (abs(t[0] - at), t[0]))
            chosen = [nearest]
            if doc[nearest[0]].text[:1].islower():
                chosen += [t for t in triggers if doc[t[0]].text[:1].isupper()]
            pairs += [(date, group) for _, group in chosen]
        for date, group in pairs:
            key = (date.date, date.date_end, group.group)
            if key in seen:
                continue
            seen.add(key)
            places = [m for m in in_sentence if m.type == "place"]
            destinations = [m for m in in_sentence if m.type in ("country", "place")
                            and _DESTINATION.search(doc.text[max(0, m.start - 6):m.start])]
            place = (places or destinations or [None])[0]
            actors = sorted({m.actor for m in in_sentence if m.type in ("person", "organization", "country")})
            status = "announced" if future or (date.relative and date.qualifier is None and _after_anchor(date, sents)) else "past"
            # "seit 2024 ... entsandt" goes on; "die erste Reise seit 2019" points back to a past one.
            if date.qualifier == "seit" and not future and not any(t.lower_ in _FIRST_SINCE for t in sent):
                status = "ongoing"
            events.append(EventRecord(
                sentence=index, title=group.title + (f" in {place.name}" if place else ""), trigger=group.group,
                expression=date.text, date=date.date, date_end=date.date_end, precision=date.precision,
                status=status, actors=actors, place=place.actor if place else None,
            ))
    return events


def _after_anchor(date: DateRecord, sents: list[Span]) -> bool:
    anchor = sents[0].doc._.anchor if sents else None
    return bool(anchor and date.date and date.date > anchor.isoformat())
