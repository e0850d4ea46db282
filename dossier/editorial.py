"""Stage 4 input: editorial YAML in content/ (written by people, never by the program)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pydantic import Field, field_validator

from .errors import DossierError, Problem
from .model import ActorsFile, CorrectionsFile, DossierSettings, Strict
from .yamlio import YamlDocument, read_yaml


class RolesFile(Strict):
    person: list[str] = Field(default_factory=list)
    organization: list[str] = Field(default_factory=list)
    place: list[str] = Field(default_factory=list)
    # organisation words named by their seat, not by a name of their own ("Amtsgericht Schweinfurt")
    seated: list[str] = Field(default_factory=list)
    modifiers: list[str] = Field(default_factory=list)


class KnownName(Strict):
    name: str = Field(min_length=1)
    aliases: list[str] = Field(default_factory=list)


class StateName(KnownName):
    @field_validator("name")
    @classmethod
    def _babel_name(cls, name: str) -> str:
        from .extraction.lexicon import country_names  # the extraction's list of states

        if name not in country_names():
            raise ValueError(f"'{name}' is not the German name of a state (CLDR, as babel has it)")
        return name


class NamesFile(Strict):
    """content/lexicon/names.yml: general knowledge, found in any article (not curated)."""

    organizations: list[KnownName] = Field(default_factory=list)
    places: list[KnownName] = Field(default_factory=list)
    # other names of states whose German name comes from babel ("Großbritannien")
    states: list[StateName] = Field(default_factory=list)
    # states that no longer exist, which babel does not list ("Sowjetunion")
    former_states: list[KnownName] = Field(default_factory=list)
    # family names written before the given name (East Asia): "Pak Thae Song", "Li Qiang"
    family_names: list[str] = Field(default_factory=list)
    # platforms whose name is also a letter or a word ("X"): named only where a verb of writing and
    # "auf" or a platform word stand before ("schrieb er auf X")
    platforms: list[str] = Field(default_factory=list)


@dataclass
class Editorial:
    settings: DossierSettings
    actors: ActorsFile
    roles: RolesFile
    corrections: CorrectionsFile = field(default_factory=CorrectionsFile)
    known_names: NamesFile = field(default_factory=NamesFile)
    documents: dict[str, YamlDocument] = field(default_factory=dict)


def _load(path: Path, model: type, default: object) -> tuple[object, YamlDocument | None]:
    if not path.exists():
        return default, None
    doc = read_yaml(path)
    if doc.data is None:
        raise DossierError.at(path, 1, "file is empty: remove it or add content")
    return doc.validate(model), doc


def check_actors(actors: ActorsFile, doc: YamlDocument | None) -> list[Problem]:
    """Duplicate ids and aliases that point at two actors are errors."""
    problems: list[Problem] = []
    path = doc.path if doc else Path("content/actors.yml")

    def where(loc: tuple) -> int | None:
        return doc.line_of(loc) if doc else None

    seen_ids: dict[str, int] = {}
    owner: dict[str, str] = {}
    for i, actor in enumerate(actors.actors):
        if actor.id in seen_ids:
            problems.append(Problem(path, where(("actors", i, "id")), f"duplicate actor id '{actor.id}'"))
        seen_ids.setdefault(actor.id, i)
        for j, name in enumerate([actor.name, *actor.aliases]):
            key = name.casefold()
            if key in owner and owner[key] != actor.id:
                loc = ("actors", i, "name") if j == 0 else ("actors", i, "aliases", j - 1)
                problems.append(Problem(path, where(loc), f"alias '{name}' already belongs to actor '{owner[key]}'"))
            owner.setdefault(key, actor.id)
    return problems


def load_editorial(content_dir: Path) -> Editorial:
    content_dir = Path(content_dir)
    problems: list[Problem] = []
    docs: dict[str, YamlDocument] = {}
    loaded: dict[str, object] = {}
    specs = {
        "dossier.yml": (DossierSettings, DossierSettings(title="Dossier")),
        "actors.yml": (ActorsFile, ActorsFile()),
        "lexicon/roles.yml": (RolesFile, RolesFile()),
        "corrections.yml": (CorrectionsFile, CorrectionsFile()),
        "lexicon/names.yml": (NamesFile, NamesFile()),
    }
    for name, (model, default) in specs.items():
        try:
            loaded[name], doc = _load(content_dir / name, model, default)
        except DossierError as exc:
            problems.extend(exc.problems)
            continue
        if doc is not None:
            docs[name] = doc
    if not problems:
        problems.extend(check_actors(loaded["actors.yml"], docs.get("actors.yml")))  # type: ignore[arg-type]
    if problems:
        raise DossierError(problems)
    return Editorial(
        settings=loaded["dossier.yml"],  # type: ignore[arg-type]
        actors=loaded["actors.yml"],  # type: ignore[arg-type]
        roles=loaded["lexicon/roles.yml"],  # type: ignore[arg-type]
        corrections=loaded["corrections.yml"],  # type: ignore[arg-type]
        known_names=loaded["lexicon/names.yml"],  # type: ignore[arg-type]
        documents=docs,
    )
