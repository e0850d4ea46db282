"""Build the spaCy pipeline and run it over sources (stage 2)."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from pathlib import Path

import spacy
from spacy.language import Language

from ..model import Source, SourceExtraction
from . import components  # noqa: F401  (registers the factories)
from .components import register_extensions
from .lexicon import Lexicon
from .records import to_extraction
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
        nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
        # initialize() loads the lemma tables; our own components are initialised after it,
        # because nlp.initialize() would reset patterns given before.
        nlp.initialize()
    for name in COMPONENTS:
        nlp.add_pipe(name)
    nlp.get_pipe("dossier_actors").initialize(nlp=nlp, lexicon=lexicon)
    return nlp


def extract(sources: Iterable[Source], nlp: Language, version: str, lexicon: Lexicon) -> Iterator[SourceExtraction]:
    """One SourceExtraction per source, in input order (nlp.pipe, batched)."""
    sources = list(sources)

    def docs():
        for source in sources:
            doc = nlp.make_doc(source.body)
            doc._.anchor = source.meta.published_date
            yield doc

    for source, doc in zip(sources, nlp.pipe(docs(), batch_size=32)):
        yield to_extraction(source, doc, version, lexicon)
