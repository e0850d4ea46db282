"""spaCy components of the dossier pipeline, registered the spaCy way (factories + initialize).

Each component writes one span group: doc.spans["actors"|"dates"|"quantities"|"quotes"],
with the parsed value on span._.value. Run them with nlp.pipe over Docs whose doc._.anchor
(the publication date) is set.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import srsly
from spacy.language import Language
from spacy.tokens import Doc, Span

from .actors import ActorFinder
from .dates import find_temporal_expressions
from .doctext import Found, doc_index, set_sentence_starts, set_spans, tokens
from .lexicon import AliasEntry, EventGroup, Lexicon, city_names, common_nouns
from .quantities import find_quantities
from .quotes import find_quotes

_OPENING_QUOTES = {"„", "»", "«", "“", '"', "‚"}
_CLOSING_QUOTES = {"“", "”", "«", "»", '"', "‘"}
_TERMINAL = {".", "!", "?"}
_YEAR_WITH_STOP = re.compile(r"^(1[89]|20)\d\d\.$")
_SPLIT_WORDS = {"„", "»", "“", "«", '"'} | _TERMINAL  # the only tokens that change the state


def register_extensions() -> None:
    """Idempotent: tests and repeated pipeline builds call it again."""
    if not Doc.has_extension("anchor"):
        Doc.set_extension("anchor", default=None)
    if not Span.has_extension("value"):
        Span.set_extension("value", default=None)


@Language.factory("dossier_sentences")
def make_sentence_splitter(nlp: Language, name: str) -> SentenceSplitter:
    return SentenceSplitter()


class SentenceSplitter:
    """Sentence ends at . ! ? (not inside „quotes“) and at every line break.

    spaCy's rule-based sentencizer leaves an opening quote mark at the end of the previous
    sentence and splits quotes apart; quotes must stay with their speaker.
    """

    def __call__(self, doc: Doc) -> Doc:
        # A loop over plain strings (no Token objects); the result is written in one call.
        words = tokens(doc).words
        last = len(words) - 1
        firsts: list[int] = []
        in_quote = False
        start_next = True
        for i, text in enumerate(words):
            if text.isspace():  # Token.is_space
                if i == 0:
                    firsts.append(0)  # whitespace belongs to the sentence before it
                if "\n" in text:
                    in_quote = False
                    start_next = True
                continue
            if start_next:
                firsts.append(i)
                start_next = False
            if text in _SPLIT_WORDS:
                if text in ("„", "»") or (text == '"' and not in_quote):
                    in_quote = True
                elif text in ("“", "«") or (text == '"' and in_quote):
                    if in_quote and i > 0 and words[i - 1] in _TERMINAL:
                        start_next = True
                    in_quote = False
                elif not in_quote:  # . ! ?
                    start_next = i == last or words[i + 1] not in _CLOSING_QUOTES
            elif text[:1] in "12" and not in_quote and _YEAR_WITH_STOP.match(text):
                # The tokenizer keeps "1996." whole (as it does "3." in "3. September"): a year
                # with a full stop before a capitalised word ends the sentence.
                start_next = i < last and not words[i + 1].isspace() and words[i + 1][:1].isupper()
        set_sentence_starts(doc, firsts)
        return doc


def _lexicon_to_data(lexicon: Lexicon) -> dict[str, Any]:
    return {
        "aliases": {k: [v.actor, v.name, v.type, v.curated] for k, v in lexicon.aliases.items()},
        "person_roles": list(lexicon.person_roles),
        "organization_heads": list(lexicon.organization_heads),
        "place_heads": list(lexicon.place_heads),
        "modifiers": list(lexicon.modifiers),
        "reject": sorted(lexicon.reject),
        "event_groups": [g.model_dump() for g in lexicon.event_groups],
    }


def _lexicon_from_data(data: dict[str, Any]) -> Lexicon:
    return Lexicon(
        aliases={k: AliasEntry(*v) for k, v in data["aliases"].items()},
        person_roles=tuple(data["person_roles"]),
        organization_heads=tuple(data["organization_heads"]),
        place_heads=tuple(data["place_heads"]),
        modifiers=tuple(data["modifiers"]),
        reject=frozenset(data["reject"]),
        event_groups=tuple(EventGroup(**g) for g in data["event_groups"]),
    )


_ENT_TYPES = {"PER": "person", "PERSON": "person", "ORG": "organization", "LOC": "place", "GPE": "place"}


@Language.factory("dossier_actors", default_config={"use_model_ents": True})
def make_actor_recognizer(nlp: Language, name: str, *, use_model_ents: bool) -> ActorRecognizer:
    return ActorRecognizer(nlp, name, use_model_ents=use_model_ents)


class ActorRecognizer:
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
        self.finder = ActorFinder(self.lexicon, (nlp or self.nlp).make_doc, common_nouns(), city_names())

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
    return DateFinder()


class DateFinder:
    """German temporal expressions, resolved against doc._.anchor (the publication date)."""

    def __call__(self, doc: Doc) -> Doc:
        anchor: dt.date | None = doc._.anchor
        index = doc_index(doc)
        found = []
        for sent in index.sentences:
            for expr in find_temporal_expressions(sent.text, anchor):
                tokens_ = index.expand(sent.start_char + expr.start, sent.start_char + expr.end)
                if tokens_ is not None:
                    found.append(Found(*tokens_, "", expr))
        set_spans(doc, "dates", found)
        return doc


@Language.factory("dossier_quantities")
def make_quantity_finder(nlp: Language, name: str) -> QuantityFinder:
    return QuantityFinder()


class QuantityFinder:
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
    return QuoteFinder()


class QuoteFinder:
    def __call__(self, doc: Doc) -> Doc:
        index = doc_index(doc)
        found = []
        previous = None
        for sent in index.sentences:
            for quote in find_quotes(sent.text, previous_sentence=previous):
                tokens_ = index.expand(sent.start_char + quote.start, sent.start_char + quote.end)
                if tokens_ is not None:
                    found.append(Found(*tokens_, "", quote))
            previous = sent.text
        set_spans(doc, "quotes", found)
        return doc


def lexicon_json(lexicon: Lexicon) -> str:
    return json.dumps(_lexicon_to_data(lexicon), ensure_ascii=False, sort_keys=True)
