"""Machine-readable exports: data/dossier.json (the public contract)."""

from __future__ import annotations

import json

from ..model import Dossier


def dossier_json(dossier: Dossier) -> str:
    """Stable key order and formatting: the same dossier gives the same bytes."""
    return json.dumps(dossier.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"
