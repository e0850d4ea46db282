"""Plain-Python views of a spaCy Doc that the dossier components share.

Creating a spaCy ``Token`` (``doc[i]``, ``for t in doc``, ``doc.sents``) costs far more than
indexing a list, and every component needs the same few facts: token texts, their character
offsets and the sentence boundaries. They are computed once per Doc (vectorised through
``Doc.to_array``) and kept in ``doc.user_data`` for the components that follow.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import Any

import numpy
from spacy.attrs import IDX, LENGTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

_TEXT_KEY = ("dossier", "text")
_TOKENS_KEY = ("dossier", "tokens")
_INDEX_KEY = ("dossier", "index")
TENSES_KEY = ("dossier", "tenses")  # the tenses DateFinder detected (dates.tense_of), for records.py


@dataclass(slots=True)
class Tokens:
    """Token texts and start offsets (``text[starts[i]:starts[i] + len(words[i])] == words[i]``)."""

    text: str  # Doc.text
    words: list[str]
    starts: list[int]


@dataclass(slots=True)
class Sentence:
    index: int
    start: int  # token indices
    end: int
    start_char: int
    end_char: int  # end of the last token, without its trailing whitespace (as Span.end_char)
    text: str  # doc.text[start_char:end_char], as Span.text


@dataclass(slots=True)
class DocIndex:
    """Tokens plus sentences of one Doc, after sentence boundaries are final."""

    text: str
    words: list[str]
    starts: list[int]
    sentences: list[Sentence]
    sentence_starts: list[int]  # token index of each sentence's first token (for bisect)

    def token_at(self, char: int) -> int:
        """Index of the token covering ``char`` (its trailing whitespace included), as spaCy's token_by_char."""
        return bisect_right(self.starts, char) - 1

    def sentence_of(self, token: int) -> int:
        return bisect_right(self.sentence_starts, token) - 1

    def expand(self, start_char: int, end_char: int) -> tuple[int, int] | None:
        """Token range of ``doc.char_span(start_char, end_char, alignment_mode="expand")``."""
        if not (0 <= start_char < len(self.text)) or not (0 < end_char <= len(self.text)):
            return None
        start = self.token_at(start_char)
        if start_char == self.starts[start] + len(self.words[start]):
            start += 1  # the char is the previous token's trailing whitespace
        return start, self.token_at(end_char - 1) + 1

    def expand_span(self, doc: Doc, start_char: int, end_char: int, label: str = "") -> Span | None:
        """``doc.char_span(start_char, end_char, alignment_mode="expand")`` without the Token objects."""
        found = self.expand(start_char, end_char)
        return Span(doc, found[0], found[1], label=label) if found else None

    def end_char(self, token_end: int) -> int:
        """Span.end_char of a span ending before token ``token_end``."""
        return self.starts[token_end - 1] + len(self.words[token_end - 1])


def make_doc(nlp: Language, text: str) -> Doc:
    """``nlp.make_doc(text)``, remembering ``text``: ``Doc.text`` joins all tokens on every call."""
    doc = nlp.make_doc(text)
    doc.user_data[_TEXT_KEY] = text
    return doc


def _text(doc: Doc) -> str:
    text = doc.user_data.get(_TEXT_KEY)
    if isinstance(text, str) and len(doc) and len(text) == doc[-1].idx + len(doc[-1].text_with_ws):
        return text
    return doc.text


def tokens(doc: Doc) -> Tokens:
    """Token texts and offsets of ``doc`` (cached: the tokenisation does not change in the pipeline)."""
    cached = doc.user_data.get(_TOKENS_KEY)
    if isinstance(cached, Tokens) and len(cached.words) == len(doc):
        return cached
    text = _text(doc)
    starts, lengths = doc.to_array([IDX, LENGTH]).T.tolist() if len(doc) else ([], [])
    found = Tokens(text, [text[s:s + n] for s, n in zip(starts, lengths)], starts)
    doc.user_data[_TOKENS_KEY] = found
    return found


def set_sentence_starts(doc: Doc, first_tokens: list[int]) -> None:
    """Mark exactly ``first_tokens`` as sentence starts, every other token as not (one vectorised call)."""
    if not len(doc):
        return
    values = numpy.full(len(doc), -1, dtype=numpy.int64)
    values[first_tokens] = 1
    doc.from_array([SENT_START], values.astype(numpy.uint64).reshape(-1, 1))
    doc.user_data.pop(_INDEX_KEY, None)


def doc_index(doc: Doc) -> DocIndex:
    """Tokens and sentences of ``doc``; built by the first component that asks after the sentence
    boundaries are set (a trained parser, if any, runs before our finders)."""
    cached = doc.user_data.get(_INDEX_KEY)
    if isinstance(cached, DocIndex) and len(cached.words) == len(doc):
        return cached
    toks = tokens(doc)
    text, words, starts = toks.text, toks.words, toks.starts
    if len(doc):
        flags = doc.to_array(SENT_START).astype(numpy.int64)
        flags[0] = 1  # Doc.sents always starts a sentence at token 0
        firsts = numpy.flatnonzero(flags == 1).tolist()
    else:
        firsts = []
    sentences = []
    for n, start in enumerate(firsts):
        end = firsts[n + 1] if n + 1 < len(firsts) else len(words)
        start_char, end_char = starts[start], starts[end - 1] + len(words[end - 1])
        sentences.append(Sentence(n, start, end, start_char, end_char, text[start_char:end_char]))
    index = DocIndex(text, words, starts, sentences, firsts)
    doc.user_data[_INDEX_KEY] = index
    return index


_VALUES_KEY = "dossier.values"


@dataclass(slots=True)
class Found:
    """One result of a component: a token range, its label and its parsed value."""

    start: int
    end: int
    label: str
    value: Any


def set_spans(doc: Doc, group: str, found: list[Found]) -> None:
    """``doc.spans[group]`` with ``span._.value`` set, as every reader of the Doc expects.

    ``span._.value = v`` builds an Underscore object per span only to store ``v`` in
    ``doc.user_data`` under ``value_key(span)``; the value is stored there directly (about a
    quarter of the cost; ``register_extensions`` checks that spaCy still reads it back).
    A plain copy of the results is kept as well: reading ``span._.value`` back costs several
    microseconds per span, and records.py reads every span of every document.
    """
    spans = [Span(doc, item.start, item.end, label=item.label) if item.label else Span(doc, item.start, item.end)
             for item in found]
    user_data = doc.user_data
    for span, item in zip(spans, found):
        user_data[value_key(span)] = item.value
    doc.spans[group] = spans
    user_data[(_VALUES_KEY, group)] = found


def value_key(span: Span) -> tuple[str, str, int, int]:
    """Where ``span._.value`` lives in ``doc.user_data`` (spacy.tokens.underscore.Underscore._get_key)."""
    return ("._.", "value", span.start_char, span.end_char)


def get_spans(doc: Doc, group: str) -> list[Found]:
    """The results in ``doc.spans[group]``: the plain copy while it matches the group, else read back."""
    spans = doc.spans.get(group)
    if spans is None:
        return []
    cached = doc.user_data.get((_VALUES_KEY, group))
    if isinstance(cached, list) and len(cached) == len(spans):
        return cached
    return [Found(span.start, span.end, span.label_, span._.value) for span in spans]
