"""Build the spaCy pipeline and run it over sources (stage 2)."""

from __future__ import annotations

import gc
import logging
from collections.abc import Iterable, Iterator
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.lookups import load_lookups

from ..model import Source, SourceExtraction
from . import components  # noqa: F401  (registers the factories)
from .components import register_extensions
from .doctext import make_doc
from .lexicon import Lexicon
from .records import LEMMA_TABLE, to_extraction
from .version import pipeline_version, rules_fingerprint  # noqa: F401  (re-exported)

log = logging.getLogger("dossier")

COMPONENTS = ("dossier_actors", "dossier_dates", "dossier_quantities", "dossier_quotes")


def build_nlp(lexicon: Lexicon, model: str | None = None) -> Language:
    """Rules on spacy.blank("de") by default; with `model` (an installed pipeline name or a
    path, e.g. "de_core_news_lg"), the trained pipeline runs first and its ents are merged."""
    register_extensions()
    if model:
        if not (spacy.util.is_package(model) or Path(model).exists()):
            raise OSError(f"spaCy pipeline '{model}' is not installed (content/dossier.yml: pipeline)")
        nlp = spacy.load(model)
        first = nlp.pipe_names[0] if nlp.pipe_names else None
        nlp.add_pipe("dossier_sentences", before=first) if first else nlp.add_pipe("dossier_sentences")
    else:
        nlp = spacy.blank("de")
        nlp.add_pipe("dossier_sentences")
        # our own components are initialised after this, because nlp.initialize() would reset
        # patterns given before.
        nlp.initialize()
        # Only event words need lemmas (records.py), a few per article: instead of a lemmatizer
        # that sets all of them, its lookup table goes on the vocab and is read where needed.
        if not nlp.vocab.lookups.has_table(LEMMA_TABLE):
            tables = load_lookups(nlp.lang, [LEMMA_TABLE])
            nlp.vocab.lookups.set_table(LEMMA_TABLE, tables.get_table(LEMMA_TABLE))
    for name in COMPONENTS:
        nlp.add_pipe(name)
    nlp.get_pipe("dossier_actors").initialize(nlp=nlp, lexicon=lexicon)
    return nlp


def extract(sources: Iterable[Source], nlp: Language, version: str, lexicon: Lexicon) -> Iterator[SourceExtraction]:
    """One SourceExtraction per source, in input order (nlp.pipe, batched)."""
    sources = list(sources)

    def docs():
        for source in sources:
            doc = make_doc(nlp, source.body)
            doc._.anchor = source.meta.published_date
            yield doc

    # Everything that exists now (pipeline, lexicon, sources) outlives the run, so the cyclic
    # garbage collector need not scan it again and again while the run allocates its many
    # small objects (a full collection over the loaded pipeline costs ~0.1 s each time).
    # The run's own objects are short-lived and freed by reference counting, yet every 700
    # allocations start a collection of the youngest generation, which walks the batch of Docs
    # in flight with their plain-list views again and again (up to a tenth of the run time).
    # While the run goes on (this generator is not exhausted), collections start less often.
    freeze = gc.get_freeze_count() == 0  # never undo a freeze that somebody else made
    thresholds = gc.get_threshold()
    if freeze:
        gc.freeze()
    gc.set_threshold(max(thresholds[0], _RUN_GC_THRESHOLD), *thresholds[1:])
    try:
        for source, doc in zip(sources, nlp.pipe(docs(), batch_size=32)):
            yield to_extraction(source, doc, version, lexicon)
    finally:
        gc.set_threshold(*thresholds)
        if freeze:
            gc.unfreeze()


_RUN_GC_THRESHOLD = 50_000  # allocations between collections of the youngest generation (default 700)
