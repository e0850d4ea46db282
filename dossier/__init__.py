"""dossier: German news articles in, a curated, versioned dossier website out.

The stages, in the order data flows through them:

    sources      content/sources/*.md  -> Source (front matter + cleaned body)
    extraction   Source -> SourceExtraction (spaCy pipeline)
    store        SourceExtraction <-> extracted/*.yml (cache keyed by text hash)
    editorial    content/*.yml -> Editorial (curated actors, corrections)
    assemble     extractions + editorial -> Dossier (the model every page reads)
    render       Dossier -> Markdown pages, SVG, data exports
    mkdocs_plugin / cli   thin adapters over the stages above
"""

__version__ = "0.1.0"
