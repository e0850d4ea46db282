"""Turn an annotated spaCy Doc into the plain records stored as YAML (SourceExtraction)."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Callable
from typing import Any, TypeVar

from pydantic import BaseModel
from spacy.attrs import LEMMA
from spacy.tokens import Doc

from ..model import (
    DateRecord, EventRecord, MentionRecord, QuantityRecord, QuoteRecord, SentenceRecord, Source, SourceExtraction,
)
from .actors import role_class_of
from .dates import tense_of
from .doctext import TENSES_KEY, DocIndex, Found, Sentence, doc_index, get_spans
from .lexicon import EventGroup, Lexicon, common_nouns

_DESTINATION = re.compile(r"\b(nach|in)\s+$")
_FIRST_SINCE = {"erste", "ersten", "erstes", "erstmals", "zuletzt", "letzte", "letzten"}
_PRONOUNS = {"er", "sie", "ihm", "ihr", "ihn"}  # "ihn": "zitierte ihn die Agentur"
_M = TypeVar("_M", bound="BaseModel")
LEMMA_TABLE = "lemma_lookup"  # name of spaCy's lookup lemmatizer table (spacy-lookups-data)


def to_extraction(source: Source, doc: Doc, version: str, lexicon: Lexicon) -> SourceExtraction:
    """The Doc's spans as one SourceExtraction.

    The records are built as plain dicts (the rules below read them more cheaply than model
    attributes) and become models without validation (`constructed`): every value comes from
    the rules, not from a file, and has the field's type already. What is read back from
    extracted/*.yml is validated (store.py); tests/test_extraction.py checks that validating
    these records gives the same models.
    """
    index = doc_index(doc)  # sentences and token texts as plain lists (no Token objects)
    sents = index.sentences
    text, starts, words = index.text, index.starts, index.words

    sentences = []
    for s in sents:
        sentence_text = s.text.rstrip()
        sentences.append({"start": s.start_char, "end": s.start_char + len(sentence_text), "text": sentence_text})

    mentions = []
    sentence_starts = index.sentence_starts
    for span in get_spans(doc, "actors"):
        entry = span.value["entry"]
        start = starts[span.start]
        end = starts[span.end - 1] + len(words[span.end - 1])  # DocIndex.end_char
        mentions.append({
            "text": text[start:end], "start": start, "end": end,
            "sentence": bisect_right(sentence_starts, span.start) - 1,  # DocIndex.sentence_of
            "type": entry.type, "actor": entry.actor, "name": entry.name, "curated": entry.curated,
            "role": span.value["role"],
        })

    dates = []
    for span in get_spans(doc, "dates"):
        sentence = bisect_right(sentence_starts, span.start) - 1
        expr, base = span.value, sents[sentence].start_char
        dates.append({
            "text": expr.text, "start": base + expr.start, "end": base + expr.end, "sentence": sentence,
            "date": expr.date, "date_end": expr.date_end, "precision": expr.precision, "relative": expr.relative,
            "qualifier": expr.qualifier,
        })

    quantities = []
    for span in get_spans(doc, "quantities"):
        sentence = bisect_right(sentence_starts, span.start) - 1
        q, base = span.value, sents[sentence].start_char
        quantities.append({
            "text": q.text, "start": base + q.start, "end": base + q.end, "sentence": sentence,
            "value": float(q.value), "value_text": q.value_text, "unit": q.unit, "counted": q.counted,
            "key": q.counted_lemma, "qualifier": q.qualifier, "qualifier_text": q.qualifier_text,
        })

    quotes = []
    for span in get_spans(doc, "quotes"):
        sentence = bisect_right(sentence_starts, span.start) - 1
        # a speaker found in the sentence before (quotes.find_quotes) has offsets in that one
        back = span.value.previous_back  # previous_sentence may start further back (components)
        previous_base = sents[sentence - back].start_char if sentence >= back else None
        speaker_base = previous_base if span.value.speaker_in_previous else None
        quotes.append(_quote_record(span, sentence, sents[sentence].start_char, mentions, lexicon, speaker_base, text,
                                    previous_base))
    _heading_speakers(quotes, text, sents)
    _headline_speaker(quotes, text, sents)
    events = _events(doc, index, dates, mentions, lexicon)
    return constructed(SourceExtraction, {
        "source": source.meta.id, "pipeline": version, "text_sha256": source.text_sha256,
        "anchor": source.meta.published_date,
        "sentences": [constructed(SentenceRecord, r) for r in sentences],
        "mentions": [constructed(MentionRecord, r) for r in mentions],
        "dates": [constructed(DateRecord, r) for r in dates],
        "quantities": [constructed(QuantityRecord, r) for r in quantities],
        "quotes": [constructed(QuoteRecord, r) for r in quotes],
        "events": [constructed(EventRecord, r) for r in events],
    })


_Record = dict[str, Any]  # a record as a plain dict, with every field of its model, in field order

_set = object.__setattr__  # what BaseModel.model_construct uses (the model's own __setattr__ checks fields)
_new = object.__new__


def constructed(model: type[_M], fields: dict[str, Any]) -> _M:
    """``model.model_construct(**fields)`` when `fields` has every field of `model` in field
    order (so no defaults to fill in), without model_construct's loop over the fields: `fields`
    becomes the model's ``__dict__``. The result is the model that ``model.model_validate(fields)``
    gives for values of the fields' types (the same ``__dict__`` and set fields)."""
    m = _new(model)
    _set(m, "__dict__", fields)
    _set(m, "__pydantic_fields_set__", set(fields))
    _set(m, "__pydantic_extra__", None)
    _set(m, "__pydantic_private__", None)
    return m


def _quote_record(span: Found, sentence: int, base: int, mentions: list[_Record], lexicon: Lexicon,
                  speaker_base: int | None = None, text: str = "", previous_base: int | None = None) -> _Record:
    q = span.value
    antecedent = None
    if q.antecedent_start is not None:
        a_base = previous_base if q.antecedent_in_previous else base
        if a_base is not None:
            antecedent = (a_base + q.antecedent_start, a_base + q.antecedent_end)
    speaker = _resolve_speaker(q, base if speaker_base is None else speaker_base, mentions, lexicon,
                               # the subject of the sentence before, without a speech verb: a person only
                               person_only=q.speaker_in_previous and q.cue is None, text=text,
                               quote=(base + q.start, base + q.end), antecedent=antecedent)
    return {
        "text": q.text, "start": base + q.start, "end": base + q.end, "sentence": sentence, "partial": q.partial,
        "speaker": speaker, "speaker_text": q.speaker_text, "cue": q.cue,
    }


def _heading_speakers(quotes: list[_Record], text: str, sents) -> None:
    """A quote in a heading (a sentence on a line of its own: "16:20 Uhr – Japan äußert „ernste
    Besorgnis“") that the text below repeats takes the speaker the text gives it there
    ("Regierungssprecher X äußerte „ernste Besorgnis“"): the heading sums up what the text reports."""
    for i, q in enumerate(quotes):
        sent = sents[q["sentence"]]
        before, after = text[:sent.start_char].rstrip(" \t"), text[sent.end_char:]
        if before and not before.endswith("\n") or not (after.startswith("\n") or text[sent.start_char:sent.end_char].endswith("\n")):
            continue
        same = [r["speaker"] for r in quotes[i + 1:] if r["speaker"] is not None
                and r["sentence"] > q["sentence"] and r["text"].casefold() == q["text"].casefold()]
        if same:
            q["speaker"] = same[0]


def _headline_speaker(quotes: list[_Record], text: str, sents) -> None:
    """A headline that is only a quote, without a cue („Xi will Kim nicht allein Putin überlassen“ on
    a line of its own opening the text), is the words of the article's first speaker: the speaker
    of the first quote after it whose speaker is known."""
    if not quotes or quotes[0]["sentence"] != 0 or quotes[0]["speaker"] is not None or quotes[0]["cue"] is not None:
        return
    first = sents[0]
    head = text[first.start_char:first.end_char]
    if not text[first.end_char:].startswith("\n") and not head.endswith("\n"):
        return  # no line of its own
    if text[first.start_char:quotes[0]["start"]].strip(" \t„“\"»«") or text[quotes[0]["end"]:first.end_char].strip(" \t\n„“\"»«.!?"):
        return  # more than the quote
    later = [r["speaker"] for r in quotes[1:] if r["speaker"] is not None]
    if later:
        quotes[0]["speaker"] = later[0]


def _resolve_speaker(q, base: int, mentions: list[_Record], lexicon: Lexicon, person_only: bool = False,
                     text: str = "", quote: tuple[int, int] | None = None,
                     antecedent: tuple[int, int] | None = None) -> str | None:
    """The actor named by the speaker expression; a pronoun, or a role without a name ("sagte der
    SPD-Vorsitzende"), refers to the last person named before it, never to one named inside the
    quote itself (``quote``: its offsets; "„Putin bombardiert“, sagte der Niederländer").
    A role ("sagte der Senator") refers to the last person named with a role ending in that word
    ("Senator", "US-Senator"), else to the person speaking in ``antecedent`` (the speaker of the
    speech verb before: "Der Fraktionschef Jan Novak warf X vor, … . „…“, warnte der Senator"),
    else to the last person named. ``person_only``: None unless the expression names a person."""
    if q.speaker_text is None or q.speaker_start is None:
        return None
    start, end = base + q.speaker_start, base + q.speaker_end
    inside = [m for m in mentions if m["start"] < end and m["end"] > start]
    if not inside and not person_only and _SPOKESPERSON.fullmatch(q.speaker_text) and (
            spoken_for := _spoken_for(text, start, end, mentions, lexicon)):
        return spoken_for
    if q.speaker_text.casefold() in _PRONOUNS or not inside and (
            _is_role_reference(q.speaker_text, lexicon) or _is_person_description(q.speaker_text, lexicon)):
        before = [m for m in mentions if m["type"] == "person" and m["end"] <= start
                  and not (quote and quote[0] <= m["start"] and m["end"] <= quote[1])]
        if not before:
            return None
        word = q.speaker_text.split()[-1].casefold()
        same_role = [m for m in before if m["role"] and m["role"].casefold().endswith(word)]
        if same_role and q.speaker_text.casefold() not in _PRONOUNS:
            return same_role[-1]["actor"]
        if q.speaker_text.casefold() not in _PRONOUNS and (gender := _gender(q.speaker_text.split()[-1])):
            # "die Ministerin" is not the man named "Außenminister X" before: people of the other
            # gender by a role they have in the text are left out (when someone else remains)
            other = {m["actor"] for m in mentions if m["type"] == "person" and m["role"]
                     and _gender(m["role"].split()[-1]) not in (None, gender)}
            before = [m for m in before if m["actor"] not in other] or before
        if antecedent is not None:
            named = [m for m in before if antecedent[0] <= m["start"] and m["end"] <= antecedent[1]]
            if named:
                return named[-1]["actor"]
        return before[-1]["actor"]
    people = [m for m in inside if m["type"] == "person"] or ([] if person_only else inside)
    return people[-1]["actor"] if people else None


# "Ein Sprecher", "die Sprecherin": who speaks for an organisation named after it in the genitive
_SPOKESPERSON = re.compile(r"(?:[Ee]ine?|[Dd]e[rn]|[Dd]ie)\s+Sprecher(?:in)?")
_SENTENCE_STOP = re.compile(r"[.;:!?„“\"»«]")
_GENITIVE = re.compile(r"\s+(?:des|der)\s+(?:[a-zäöüß][\w-]*\s+){0,2}(?P<noun>[A-ZÄÖÜ][\w-]*)")


def _spoken_for(text: str, start: int, end: int, mentions: list[_Record], lexicon: Lexicon) -> str | None:
    """The organisation a spokesperson speaks for: "Ein Sprecher des Konzerns X" → X, "Ein Sprecher
    des Unternehmens" (an organisation word) → the last organisation named before; a name in
    apposition ("der Sprecher der Fraktion, Jan Novak") is the person's, as without this rule."""
    m = _GENITIVE.match(text, end)
    if m is None:
        return None
    stop = _SENTENCE_STOP.search(text, m.end(), m.end() + 60)
    after = [x for x in mentions if m.start("noun") <= x["start"] < (stop.start() if stop else m.end() + 60)]
    if any(x["type"] == "person" for x in after):
        return None  # "der Sprecher der Fraktion, Jan Novak": the rules for people decide
    named = [x for x in after if x["type"] in ("organization", "country")
             and (x["start"] < m.end() or not text[m.end():x["start"]].strip())]  # "des Konzerns X"
    if named:
        return named[0]["actor"]
    if role_class_of(m.group("noun").lower(), lexicon) == "organization":
        before = [x for x in mentions if x["type"] == "organization" and x["end"] <= start]
        return before[-1]["actor"] if before else None
    return None


def _is_role_reference(text: str, lexicon: Lexicon) -> bool:
    """'der SPD-Vorsitzende', 'die Ministerin': a definite article and a person's role word."""
    words = text.split()
    return len(words) >= 2 and words[0].casefold() in ("der", "die") and role_class_of(words[-1].lower(), lexicon) == "person"


_AGE_NOUN = re.compile(r"(?:\d+-|\w+)jährige[rn]?")


def _is_person_description(text: str, lexicon: Lexicon) -> bool:
    """'der 76-Jährige', 'der Slowake', 'die Slowakin', 'der Angeklagte': a definite article and a
    noun that can only mean a person, found by its grammar, not listed: an age ("-Jährige"), a
    masculine noun of the weak declension in -e (genitive -en, not -ens: "des Slowaken", "des
    Experten", but "des Namens") or an adjective used as a noun ("des Angeklagten"), a feminine
    noun in -in with the plural -innen ("Slowakinnen"). The nouns' forms are those of the
    Wiktionary list (german-nouns)."""
    words = text.split()
    if len(words) < 2 or words[0].casefold() not in ("der", "die"):
        return False
    noun = words[-1].rsplit("-", 1)[-1] if not _AGE_NOUN.fullmatch(words[-1].casefold()) else words[-1]
    if _AGE_NOUN.fullmatch(noun.casefold()):
        return True
    if not noun[:1].isupper() or role_class_of(noun.lower(), lexicon) in ("organization", "place"):
        return False
    nouns = common_nouns()
    if words[0].casefold() == "der" and noun.endswith("e"):
        return noun in nouns and noun + "n" in nouns and noun + "ns" not in nouns
    if words[0].casefold() == "die" and noun.endswith("in"):
        return noun + "nen" in nouns
    if words[0].casefold() == "der":  # "der Mediziner", "der Arzt": there is a feminine in -in(nen)
        return any(f in nouns and f + "nen" in nouns for f in _feminines(noun))
    return False


def _gender(noun: str) -> str | None:
    """"f" for a feminine noun of a person in -in with the plural -innen ("Ministerin",
    "Amtskollegin"), "m" for a masculine one that has such a feminine ("Minister", "Arzt"), else None."""
    noun = noun.rsplit("-", 1)[-1]
    if not noun[:1].isupper():
        return None
    nouns = common_nouns()
    if noun.endswith("in") and noun + "nen" in nouns:
        return "f"
    if any(f in nouns and f + "nen" in nouns for f in _feminines(noun)):
        return "m"
    return None


_LAST_VOWEL = re.compile(r"(au|a|o|u)(?=[^aeiouäöü]*$)")
_UMLAUT = {"au": "äu", "a": "ä", "o": "ö", "u": "ü"}


def _feminines(noun: str) -> tuple[str, ...]:
    """The feminine forms in -in a masculine noun of a person may have: "Mediziner" →
    "Medizinerin", "Arzt" → "Ärztin" (umlaut of the last vowel)."""
    m = _LAST_VOWEL.search(noun.lower())
    if m is None:
        return (noun + "in",)
    umlaut = _UMLAUT[m.group(1)]
    if m.start() == 0:
        umlaut = umlaut.capitalize()
    return noun + "in", noun[:m.start()] + umlaut + noun[m.end():] + "in"


def _lemmas(doc: Doc, index: DocIndex) -> tuple[Callable[[int], str], bool]:
    """Token index -> lemma, and whether the lemma depends on the word alone: from the lemma
    table that build_nlp puts on the vocab (the lookup lemmatizer's table, looked up only for
    the few words that need it), else from a trained pipeline's lemmatizer ("" without one)."""
    lookups = doc.vocab.lookups
    if lookups.has_table(LEMMA_TABLE):
        table, words = lookups.get_table(LEMMA_TABLE), index.words
        return (lambda i: table.get(words[i], words[i])), True
    strings = doc.vocab.strings
    lemmas = doc.to_array(LEMMA).tolist()
    return (lambda i: strings[lemmas[i]] if lemmas[i] else ""), False


class _EventWords:
    """Which event group a word triggers; cached across documents (the same words come back)."""

    def __init__(self, groups: tuple[EventGroup, ...]):
        self.groups = groups  # kept: the cache below is keyed by its id
        self.group_words = [(g, "noun", n) for g in groups for n in g.nouns] + [
            (g, "verb", v) for g in groups for v in g.verbs
        ]
        self.by_key: dict[tuple[str, str, bool], EventGroup | None] = {}
        self.by_word: dict[str, EventGroup | None] = {}  # when the lemma depends on the word alone

    def group(self, low: str, lemma: str, upper: bool) -> EventGroup | None:
        key = (low, lemma, upper)
        if key not in self.by_key:
            self.by_key[key] = _event_group(low, lemma, upper, self.group_words)
        return self.by_key[key]


_event_words_cache: dict[int, _EventWords] = {}


def _event_words(lexicon: Lexicon) -> _EventWords:
    found = _event_words_cache.get(id(lexicon.event_groups))
    if found is None or found.groups is not lexicon.event_groups:
        if len(_event_words_cache) > 16:
            _event_words_cache.clear()
        found = _event_words_cache[id(lexicon.event_groups)] = _EventWords(lexicon.event_groups)
    return found


_UNSEEN = object()


def _trigger(index: DocIndex, sentence: Sentence, lemmas: tuple[Callable[[int], str], bool],
             event_words: _EventWords) -> list[tuple[int, EventGroup]]:
    """(token index, group) for every event word in the sentence, in order."""
    hits = []
    words = index.words
    lemma, by_word = lemmas[0], (event_words.by_word if lemmas[1] else None)
    for i in range(sentence.start, sentence.end):
        word = words[i]
        group = by_word.get(word, _UNSEEN) if by_word is not None else _UNSEEN
        if group is _UNSEEN:
            group = event_words.group(word.lower(), lemma(i).casefold(), word[:1].isupper())  # Token.lower_, .lemma_
            if by_word is not None:
                by_word[word] = group
        if group is not None:
            hits.append((i, group))
    return hits


def _event_group(low: str, lemma: str, upper: bool, group_words: list[tuple[EventGroup, str, str]]) -> EventGroup | None:
    for group, kind, word in group_words:
        if (kind == "noun" and upper and low.rstrip("sn").endswith(word.rstrip("sn"))) or (
            kind == "verb" and not upper and (lemma.startswith(word) or low.startswith(word))
        ):
            return group
    return None


def _events(doc: Doc, index: DocIndex, dates: list[_Record], mentions: list[_Record],
            lexicon: Lexicon) -> list[_Record]:
    event_words = _event_words(lexicon)
    events: list[_Record] = []
    sents, words = index.sentences, index.words
    anchor: dt.date | None = doc._.anchor
    tenses = doc.user_data.get(TENSES_KEY)  # of the sentences the dates looked at (None: not run)
    lemmas: tuple[Callable[[int], str], bool] | None = None
    dates_by_sentence: dict[int, list[_Record]] = {}
    for d in dates:
        if d["precision"] != "vague":
            dates_by_sentence.setdefault(d["sentence"], []).append(d)
    mentions_by_sentence: dict[int, list[_Record]] = {}
    for m in mentions:
        mentions_by_sentence.setdefault(m["sentence"], []).append(m)
    for index_, sent_dates in sorted(dates_by_sentence.items()):
        sent = sents[index_]
        if lemmas is None:
            lemmas = _lemmas(doc, index)
        triggers = _trigger(index, sent, lemmas, event_words)
        if not triggers:
            continue
        future = tense_of(sent.text, tenses) == "future"
        in_sentence = mentions_by_sentence.get(index_, [])
        pairs = []
        for date in sent_dates:
            # The event word closest to the date; when that is a verb, the event nouns of the
            # sentence too ("nächste Woche China besuchen, um an einer Militärparade teilzunehmen").
            date_span = index.expand(date["start"], date["end"])
            at = date_span[0] if date_span is not None else sent.start
            nearest = min(triggers, key=lambda t: (abs(t[0] - at), t[0]))
            chosen = [nearest]
            if words[nearest[0]][:1].islower():
                chosen += [t for t in triggers if words[t[0]][:1].isupper()]
            pairs += [(date, group) for _, group in chosen]
        first_since: bool | None = None  # "erste"/"zuletzt"/... in the sentence, looked up when needed
        seen: set[tuple] = set()
        for date, group in pairs:
            key = (date["date"], date["date_end"], group.group)
            if key in seen:
                continue
            seen.add(key)
            # Place and actors: those of the date's clause (a semicolon starts another statement:
            # "seit der Machtübernahme der Taliban im August 2021 ...; nur Russland hat ...").
            in_clause = _in_clause(in_sentence, sent.text, sent.start_char, date["start"])
            places = [m for m in in_clause if m["type"] == "place"]
            destinations = [m for m in in_clause if m["type"] in ("country", "place")
                            and _DESTINATION.search(index.text[max(0, m["start"] - 6):m["start"]])]
            place = (places or destinations or [None])[0]
            actors = sorted({m["actor"] for m in in_clause if m["type"] in ("person", "organization", "country")})
            # After the publication date nothing has happened yet, however it is written
            # ("am 18. und 19. Dezember", "bis Ende November").
            status = "announced" if future or (date["qualifier"] != "seit" and _after_anchor(date, anchor)) else "past"
            # "seit 2024 ... entsandt" goes on; "die erste Reise seit 2019" points back to a past one.
            if date["qualifier"] == "seit" and not future:
                if first_since is None:
                    first_since = any(words[i].lower() in _FIRST_SINCE for i in range(sent.start, sent.end))
                if not first_since:
                    status = "ongoing"
            events.append({
                "sentence": index_, "title": group.title + (f" in {place['name']}" if place else ""),
                "trigger": group.group, "expression": date["text"], "date": date["date"],
                "date_end": date["date_end"], "precision": date["precision"], "status": status,
                "actors": list(actors), "place": place["actor"] if place else None,
            })
    return events


def _in_clause(mentions: list[_Record], sentence: str, base: int, at: int) -> list[_Record]:
    """The mentions between the semicolons around character `at` (offsets in the document)."""
    if ";" not in sentence:
        return mentions
    start = sentence.rfind(";", 0, at - base) + 1 + base
    stop = sentence.find(";", at - base)
    end = base + stop if stop >= 0 else base + len(sentence)
    return [m for m in mentions if start <= m["start"] and m["end"] <= end]


def _after_anchor(date: _Record, anchor: dt.date | None) -> bool:
    return bool(anchor and date["date"] and date["date"] > anchor.isoformat())
