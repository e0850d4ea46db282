"""The extraction's cache key, computed without importing spaCy (a cache hit needs no spaCy)."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from .. import __version__
from .lexicon import Lexicon


@lru_cache(maxsize=1)
def rules_fingerprint() -> str:
    """Hash of the extraction code itself: any change to a rule invalidates cached extractions."""
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


def pipeline_version(lexicon: Lexicon, model: str | None) -> str:
    """The cache key besides the text: code, editorial lexicon and trained model (if any)."""
    return f"dossier {__version__} rules {rules_fingerprint()} lexicon {lexicon.fingerprint()} model {model or 'none'}"
