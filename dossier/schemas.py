"""JSON Schemas generated from the pydantic model: for editors' YAML (completion and errors in
their editor via `# yaml-language-server: $schema=...`) and for the data/dossier.json contract."""

from __future__ import annotations

from typing import Any

from .editorial import NamesFile, RolesFile
from .extraction.lexicon import EventsFile
from .model import ActorsFile, CorrectionsFile, Dossier, DossierSettings, SourceExtraction
from .sources import FurnitureFile


def schema_files() -> dict[str, dict[str, Any]]:
    models = {
        "actors.schema.json": ActorsFile,
        "corrections.schema.json": CorrectionsFile,
        "dossier.schema.json": DossierSettings,
        "roles.schema.json": RolesFile,
        "names.schema.json": NamesFile,
        "events.schema.json": EventsFile,
        "furniture.schema.json": FurnitureFile,
        "extraction.schema.json": SourceExtraction,
        "dossier-json.schema.json": Dossier,
    }
    return {name: model.model_json_schema() for name, model in sorted(models.items())}
