"""spaCy components of the dossier pipeline, registered the spaCy way (factories + initialize).

Each component writes one span group: doc.spans["actors"|"dates"|"quantities"|"quotes"],
with the parsed value on span._.value. Run them with nlp.pipe over Docs whose doc._.anchor
(the publication date) is set.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from itertools import compress
from pathlib import Path
from typing import Any, Self

import srsly
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import minibatch, raise_error
from spacy.vocab import Vocab

from .actors import ActorFinder
from .dates import PastForms, TenseMemo, find_in_sentences
from .doctext import TENSES_KEY, Found, doc_index, set_sentence_starts, set_spans, tokens, value_key
from .fold import WordCache
from .lexicon import AliasEntry, EventGroup, Lexicon, city_names, common_nouns, first_names
from .quantities import find_quantities
from .quotes import find_quotes, is_speech_sentence, reports_without_cue
from .records import LEMMA_TABLE

_OPENING_QUOTES = {"„", "»", "«", "“", '"', "‚"}
_CLOSING_QUOTES = {"“", "”", "«", "»", '"', "‘"}
_CLOSING_AFTER_STOP = _CLOSING_QUOTES - {"«", "»"}
_GUILLEMET_PAIR = {"«": "»", "»": "«"}  # closing mark -> the opener it ends
_TERMINAL = {".", "!", "?"}
_YEAR_WITH_STOP = re.compile(r"^(1[89]|20)\d\d\.$")
_SPLIT_WORDS = {"„", "»", "“", "«", '"'} | _TERMINAL  # the only tokens that change the state


def register_extensions() -> None:
    """Idempotent: tests and repeated pipeline builds call it again."""
    if not Doc.has_extension("anchor"):
        Doc.set_extension("anchor", default=None)
    if not Span.has_extension("value"):
        Span.set_extension("value", default=None)
    _check_value_key()


def _check_value_key() -> None:
    """set_spans stores span._.value straight into doc.user_data; make sure spaCy reads it there."""
    doc = Doc(Vocab(), words=["a", "b"])
    span = Span(doc, 0, 2)
    doc.user_data[value_key(span)] = "value"
    if Span(doc, 0, 2)._.value != "value" or Span.get_extension("value")[1:] != (None, None, None):
        raise RuntimeError("spaCy no longer stores span._.value where doctext.value_key says")


class _BatchedComponent:
    """``pipe`` runs the component over a whole batch of Docs before the next component sees
    them (as spaCy's trainable components do): one rule set at a time keeps its code and its
    per-word caches warm, measurably faster than passing each Doc through all components.
    Errors go to the error handler as in spaCy's own components (nlp.set_error_handler)."""

    name = ""  # the name in the pipeline (the factory sets it)
    _error_handler: Callable[..., Any] = staticmethod(raise_error)

    def __call__(self, doc: Doc) -> Doc:
        raise NotImplementedError

    def named(self, name: str) -> Self:
        self.name = name
        return self

    def pipe(self, docs: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        for batch in minibatch(docs, size=batch_size):
            done = []
            for doc in batch:
                try:
                    done.append(self(doc))
                except Exception as e:
                    self._error_handler(self.name, self, [doc], e)
            yield from done

    def set_error_handler(self, error_handler: Callable[..., Any]) -> None:
        self._error_handler = error_handler

    def get_error_handler(self) -> Callable[..., Any]:
        return self._error_handler


@Language.factory("dossier_sentences")
def make_sentence_splitter(nlp: Language, name: str) -> SentenceSplitter:
    return SentenceSplitter().named(name)


class SentenceSplitter(_BatchedComponent):
    """Sentence ends at . ! ? (not inside „quotes“) and at every line break.

    spaCy's rule-based sentencizer leaves an opening quote mark at the end of the previous
    sentence and splits quotes apart; quotes must stay with their speaker.
    """

    def __init__(self) -> None:
        self._eventful = WordCache(_changes_state)

    def __call__(self, doc: Doc) -> Doc:
        # A loop over plain strings (no Token objects); the result is written in one call.
        words = tokens(doc).words
        last = len(words) - 1
        # Only whitespace, quote marks, . ! ? and years can change the state; the loop jumps from
        # one of them to the next (compress and the cached map run in C), except that the token
        # after a sentence end is always looked at, as it starts the next sentence.
        eventful = list(compress(range(len(words)), map(self._eventful.__getitem__, words)))
        firsts: list[int] = []
        opener = ""  # the mark that opened the quote we are in ("" outside quotes)
        start_next = True
        i, k = 0, 0  # the next token to look at; the next eventful one is eventful[k]
        while i <= last:
            if not start_next:
                k = bisect_left(eventful, i, k)
                if k == len(eventful):
                    break
                i = eventful[k]
            text = words[i]
            if text.isspace():  # Token.is_space
                if i == 0:
                    firsts.append(0)  # whitespace belongs to the sentence before it
                if "\n" in text:
                    opener = ""
                    start_next = True
                i += 1
                continue
            if start_next:
                firsts.append(i)
                start_next = False
            if text in _SPLIT_WORDS:
                if text in _TERMINAL:
                    if not opener:
                        # a closing mark right after . ! ? belongs to this sentence; a guillemet
                        # there opens the next quote (outside a quote it cannot close one)
                        start_next = i == last or words[i + 1] not in _CLOSING_AFTER_STOP
                elif _closes(opener, text):
                    if opener and i > 0 and words[i - 1] in _TERMINAL:
                        start_next = True
                    opener = ""
                elif not opener or text == "„":
                    opener = text
            elif text[:1] in "12" and not opener and _YEAR_WITH_STOP.match(text):
                # The tokenizer keeps "1996." whole (as it does "3." in "3. September"): a year
                # with a full stop before a capitalised word ends the sentence.
                start_next = i < last and not words[i + 1].isspace() and words[i + 1][:1].isupper()
            i += 1
        set_sentence_starts(doc, firsts)
        return doc


def _closes(opener: str, mark: str) -> bool:
    """Whether quote mark ``mark`` ends the quote opened by ``opener`` ("" outside a quote).

    Guillemets pair with the opener actually used: German »…« and Swiss/French «…»; inside a
    „…“ or "…" quote a guillemet is a nested quote and closes nothing. “ ends any quote (and
    outside one it is the tail of a quote the splitter did not see open); " toggles."""
    if mark in _GUILLEMET_PAIR:
        return opener == _GUILLEMET_PAIR[mark]
    if mark == '"':
        return bool(opener)
    return mark == "“"


def _changes_state(word: str) -> bool:
    """Whether SentenceSplitter must look at this word even inside a sentence."""
    return word.isspace() or word in _SPLIT_WORDS or (word[:1] in "12" and _YEAR_WITH_STOP.match(word) is not None)


def _lexicon_to_data(lexicon: Lexicon) -> dict[str, Any]:
    return {
        "aliases": {k: [v.actor, v.name, v.type, v.curated] for k, v in lexicon.aliases.items()},
        "person_roles": list(lexicon.person_roles),
        "organization_heads": list(lexicon.organization_heads),
        "place_heads": list(lexicon.place_heads),
        "seated_heads": list(lexicon.seated_heads),
        "modifiers": list(lexicon.modifiers),
        "reject": sorted(lexicon.reject),
        "event_groups": [g.model_dump() for g in lexicon.event_groups],
        "family_names": sorted(lexicon.family_names),
        "platforms": sorted(lexicon.platforms),
    }


def _lexicon_from_data(data: dict[str, Any]) -> Lexicon:
    return Lexicon(
        aliases={k: AliasEntry(*v) for k, v in data["aliases"].items()},
        person_roles=tuple(data["person_roles"]),
        organization_heads=tuple(data["organization_heads"]),
        place_heads=tuple(data["place_heads"]),
        seated_heads=tuple(data["seated_heads"]),
        modifiers=tuple(data["modifiers"]),
        reject=frozenset(data["reject"]),
        event_groups=tuple(EventGroup(**g) for g in data["event_groups"]),
        family_names=frozenset(data["family_names"]),
        platforms=frozenset(data["platforms"]),
    )


_ENT_TYPES = {"PER": "person", "PERSON": "person", "ORG": "organization", "LOC": "place", "GPE": "place"}


@Language.factory("dossier_actors", default_config={"use_model_ents": True})
def make_actor_recognizer(nlp: Language, name: str, *, use_model_ents: bool) -> ActorRecognizer:
    return ActorRecognizer(nlp, name, use_model_ents=use_model_ents)


class ActorRecognizer(_BatchedComponent):
    """Actors from curated aliases and general name rules; a trained NER's ents are added
    where they do not overlap (only when the pipeline has one)."""

    def __init__(self, nlp: Language, name: str, *, use_model_ents: bool = True):
        self.nlp = nlp
        self.name = name
        self.use_model_ents = use_model_ents
        self.lexicon: Lexicon | None = None
        self.finder: ActorFinder | None = None

    def initialize(self, get_examples=None, *, nlp: Language | None = None, lexicon: Lexicon | None = None) -> None:
        self.lexicon = lexicon or Lexicon()
        lookups = (nlp or self.nlp).vocab.lookups
        lemmas = lookups.get_table(LEMMA_TABLE) if lookups.has_table(LEMMA_TABLE) else None
        self.finder = ActorFinder(self.lexicon, (nlp or self.nlp).make_doc, common_nouns(), city_names(), first_names(),
                                  lemmas)

    def __call__(self, doc: Doc) -> Doc:
        if self.finder is None:
            raise ValueError(f"{self.name}: call initialize(lexicon=...) before use")
        found = [Found(f.start, f.end, f.entry.type, {"entry": f.entry, "role": f.role}) for f in self.finder.find(doc)]
        if self.use_model_ents and doc.has_annotation("ENT_IOB"):
            taken = {i for f in found for i in range(f.start, f.end)}
            for ent in doc.ents:
                kind = _ENT_TYPES.get(ent.label_)
                if kind and not taken.intersection(range(ent.start, ent.end)):
                    from .lexicon import slugify

                    entry = AliasEntry(slugify(ent.text), ent.text, kind, False)
                    found.append(Found(ent.start, ent.end, kind, {"entry": entry, "role": None}))
        set_spans(doc, "actors", sorted(found, key=lambda f: f.start))
        return doc

    def to_disk(self, path: str | Path, *, exclude: tuple = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / "lexicon.json", _lexicon_to_data(self.lexicon or Lexicon()))

    def from_disk(self, path: str | Path, *, exclude: tuple = ()) -> ActorRecognizer:
        self.initialize(lexicon=_lexicon_from_data(srsly.read_json(Path(path) / "lexicon.json")))
        return self


@Language.factory("dossier_dates")
def make_date_finder(nlp: Language, name: str) -> DateFinder:
    return DateFinder(nlp).named(name)


class DateFinder(_BatchedComponent):
    """German temporal expressions, resolved against doc._.anchor (the publication date)."""

    def __init__(self, nlp: Language | None = None):
        self.nlp = nlp
        self._past_forms: PastForms | None = None

    @property
    def past_forms(self) -> PastForms:
        """Weak verbs' past forms for the tense rules, by the pipeline's lemma table (read at the
        first Doc: the table is added after the components)."""
        if self._past_forms is None:
            lookups = self.nlp.vocab.lookups if self.nlp is not None else None
            table = lookups.get_table(LEMMA_TABLE) if lookups is not None and lookups.has_table(LEMMA_TABLE) else None
            self._past_forms = PastForms(table)
        return self._past_forms

    def __call__(self, doc: Doc) -> Doc:
        anchor: dt.date | None = doc._.anchor
        index = doc_index(doc)
        found = []
        sentences = index.sentences
        tenses = doc.user_data[TENSES_KEY] = TenseMemo(self.past_forms)
        per_sentence = find_in_sentences(index.text, [(s.start_char, s.end_char) for s in sentences], anchor, tenses)
        for sent, exprs in zip(sentences, per_sentence):
            for expr in exprs:
                tokens_ = index.expand(sent.start_char + expr.start, sent.start_char + expr.end)
                if tokens_ is not None:
                    found.append(Found(*tokens_, "", expr))
        set_spans(doc, "dates", found)
        return doc


@Language.factory("dossier_quantities")
def make_quantity_finder(nlp: Language, name: str) -> QuantityFinder:
    return QuantityFinder().named(name)


class QuantityFinder(_BatchedComponent):
    def __call__(self, doc: Doc) -> Doc:
        index = doc_index(doc)
        found = []
        for sent in index.sentences:
            for quantity in find_quantities(sent.text):
                tokens_ = index.expand(sent.start_char + quantity.start, sent.start_char + quantity.end)
                if tokens_ is not None:
                    found.append(Found(*tokens_, "", quantity))
        set_spans(doc, "quantities", found)
        return doc


@Language.factory("dossier_quotes")
def make_quote_finder(nlp: Language, name: str) -> QuoteFinder:
    return QuoteFinder().named(name)


class QuoteFinder(_BatchedComponent):
    def __call__(self, doc: Doc) -> Doc:
        index = doc_index(doc)
        found = []
        previous = None
        sentences = index.sentences
        anchor = None  # the last sentence with a speech verb that reported speech since continues
        for i, sent in enumerate(sentences):
            back = 1
            if anchor is not None and anchor < i - 1:
                # "…, sagte X. Das Volk stehe „…“. Der Aufstieg sei „…“": X's speech goes on
                back = i - anchor
                previous = index.text[sentences[anchor].start_char:sentences[i - 1].end_char]
            for quote in find_quotes(sent.text, previous_sentence=previous):
                tokens_ = index.expand(sent.start_char + quote.start, sent.start_char + quote.end)
                if tokens_ is not None:
                    if back > 1:
                        quote = replace(quote, previous_back=back)
                    found.append(Found(*tokens_, "", quote))
            previous = sent.text
            if is_speech_sentence(sent.text):
                anchor = i
            elif anchor is not None and not reports_without_cue(sent.text):
                anchor = None
        set_spans(doc, "quotes", found)
        return doc


def lexicon_json(lexicon: Lexicon) -> str:
    return json.dumps(_lexicon_to_data(lexicon), ensure_ascii=False, sort_keys=True)
