"""The typed data model: what a source, an extraction and the assembled dossier are.

Every fact carries provenance: the source id, the sentence index and the sentence's
character offsets in the cleaned body.  Field order here is the order in YAML and JSON.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field

ActorType = Literal["person", "organization", "country", "place"]
Precision = Literal["day", "week", "month", "year", "decade", "vague", "unresolved"]
EventStatus = Literal["past", "ongoing", "announced"]
ClaimStatus = Literal["agree", "differ_in_precision", "contradict", "single_source"]
ClaimKind = Literal["quantity", "role"]

_SLUG = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")


def _check_slug(value: str) -> str:
    if not _SLUG.match(value) or len(value) > 120:
        raise ValueError(
            f"'{value}' is not a valid id: use lowercase letters a-z, digits and single hyphens (no '/', '.', spaces)"
        )
    return value


Slug = Annotated[str, AfterValidator(_check_slug)]


def _iso_date(value: object) -> object:
    """YAML reads 2025-09-03 as a date and 2019 as a number; both mean the ISO text."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int):
        value = str(value)
    if isinstance(value, str) and not re.match(r"^\d{4}(-\d{2}(-\d{2})?)?$", value):
        raise ValueError(f"'{value}' is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
    return value


IsoDate = Annotated[str, BeforeValidator(_iso_date)]


def _check_url(value: str | None) -> str | None:
    if value is not None and not re.match(r"^https?://[^\s<>\"']+$", value):
        raise ValueError(f"'{value}' is not an http(s) URL")
    return value


class Strict(BaseModel):
    """Unknown fields are errors: a typo in YAML must not be silently ignored."""

    model_config = ConfigDict(extra="forbid")


# --- stage 1: sources -------------------------------------------------------------------------


class SourceMeta(Strict):
    """Front matter of a file in content/sources/."""

    id: Slug
    title: str = Field(min_length=1)
    outlet: str | None
    url: Annotated[str | None, AfterValidator(_check_url)]
    published: dt.datetime | dt.date | None
    language: Literal["de"]
    note: str | None = None
    keep: list[str] = Field(default_factory=list, description="Lines the cleaner would drop that are article text.")
    drop: list[str] = Field(default_factory=list, description="Lines that are page furniture although the cleaner keeps them.")

    @property
    def published_date(self) -> dt.date | None:
        if isinstance(self.published, dt.datetime):
            return self.published.date()
        return self.published


class Furniture(Strict):
    """A line the cleaner removed from the article, with the rule that removed it."""

    line: int
    text: str
    reason: str


class Source(Strict):
    meta: SourceMeta
    path: str
    body: str = Field(description="The article text without page furniture; all offsets point into it.")
    furniture: list[Furniture]
    text_sha256: str


# --- stage 2: extraction (one YAML file per source) --------------------------------------------


class SentenceRecord(Strict):
    start: int
    end: int
    text: str


class MentionRecord(Strict):
    text: str
    start: int
    end: int
    sentence: int
    type: ActorType
    actor: str = Field(description="Actor id: a curated actor's id, or a proposed id for a new one.")
    name: str = Field(description="Base form of the name as found (genitive removed).")
    curated: bool
    role: str | None = None


class DateRecord(Strict):
    text: str
    start: int
    end: int
    sentence: int
    date: str | None
    date_end: str | None = None
    precision: Precision
    relative: bool
    qualifier: str | None = None


class QuantityRecord(Strict):
    text: str
    start: int
    end: int
    sentence: int
    value: float
    value_text: str
    unit: str | None = None
    counted: str | None = None
    key: str | None = Field(default=None, description="What is counted, normalised, for grouping across sources.")
    qualifier: str | None = None
    qualifier_text: str | None = None


class QuoteRecord(Strict):
    text: str
    start: int
    end: int
    sentence: int
    partial: bool
    speaker: str | None = Field(description="Actor id of the speaker, null when unresolved.")
    speaker_text: str | None = None
    cue: str | None = None


class EventRecord(Strict):
    sentence: int
    title: str
    trigger: str = Field(description="Normalised main word of what happened, used to group the same event.")
    expression: str
    date: str | None
    date_end: str | None = None
    precision: Precision
    status: EventStatus
    actors: list[str]
    place: str | None = None


class SourceExtraction(Strict):
    source: str
    pipeline: str
    text_sha256: str
    anchor: dt.date | None
    sentences: list[SentenceRecord]
    mentions: list[MentionRecord] = Field(default_factory=list)
    dates: list[DateRecord] = Field(default_factory=list)
    quantities: list[QuantityRecord] = Field(default_factory=list)
    quotes: list[QuoteRecord] = Field(default_factory=list)
    events: list[EventRecord] = Field(default_factory=list)


# --- stage 4: editorial YAML (content/*.yml, written by people only) ----------------------------


class CuratedActor(Strict):
    id: Slug
    name: str = Field(min_length=1)
    type: ActorType
    aliases: list[str] = Field(default_factory=list)
    description: str | None = None
    reviewed: bool = False
    merge: list[Slug] = Field(default_factory=list, description="Ids of extracted actors that are this actor.")


class ActorsFile(Strict):
    actors: list[CuratedActor] = Field(default_factory=list)
    reject: list[str] = Field(default_factory=list, description="Names or ids that are not actors.")


class DossierSettings(Strict):
    title: str
    subtitle: str | None = None
    description: str = ""
    pipeline: str | None = Field(default=None, description="Name or path of an installed spaCy pipeline to use besides the rules.")


# --- stage 5: the assembled dossier (what pages and data/dossier.json show) ---------------------


class Evidence(Strict):
    source: str
    sentence: str
    sentence_index: int
    start: int
    end: int
    expression: str | None = None
    anchor: dt.date | None = None


class SourceSummary(Strict):
    id: str
    title: str
    outlet: str | None
    url: str | None
    published: dt.datetime | dt.date | None
    note: str | None = None


class RoleStatement(Strict):
    role: str
    evidence: Evidence


class Actor(Strict):
    id: str
    name: str
    type: ActorType
    aliases: list[str]
    roles: list[RoleStatement]
    sources: list[str]
    mentions: int
    description: str | None = None
    curated: bool
    reviewed: bool
    evidence: list[Evidence] = Field(description="The sentences that name the actor.")


class Event(Strict):
    id: str
    title: str
    date: str | None
    date_end: str | None = None
    precision: Precision
    status: EventStatus
    actors: list[str]
    place: str | None
    evidence: list[Evidence]
    reviewed: bool = False


class ClaimValue(Strict):
    source: str
    value: str
    number: float | None = None
    qualifier: str | None = None
    sentence: str
    evidence: Evidence


class Claim(Strict):
    id: str
    kind: ClaimKind
    subject: str
    about: str | None = Field(default=None, description="Actor id the claim is about, if any.")
    values: list[ClaimValue]
    status: ClaimStatus
    note: str | None = None
    reviewed: bool = False


class Quote(Strict):
    id: str
    speaker: str | None
    text: str
    source: str
    sentence: str
    partial: bool
    evidence: Evidence
    reviewed: bool = False


class Dossier(Strict):
    title: str
    description: str
    sources: list[SourceSummary]
    actors: list[Actor]
    events: list[Event]
    claims: list[Claim]
    quotes: list[Quote]


# --- editorial corrections (content/corrections.yml) ---------------------------------------------


class EvidenceRef(Strict):
    """A sentence of a source, given by its text (as on the source page) or its index."""

    source: Slug
    sentence: str | int


class EventCorrection(Strict):
    id: str = Field(description="Id of the extracted event (see Chronik / data/dossier.json).")
    title: str | None = None
    date: IsoDate | None = None
    date_end: IsoDate | None = None
    precision: Precision | None = None
    status: EventStatus | None = None
    place: str | None = None
    actors: list[str] | None = None
    merge: list[str] = Field(default_factory=list, description="Ids of duplicate events folded into this one.")
    reject: bool = False
    reviewed: bool = False


class NewEvent(Strict):
    id: Slug
    title: str
    date: IsoDate
    date_end: IsoDate | None = None
    precision: Precision
    status: EventStatus = "past"
    place: str | None = None
    actors: list[str] = Field(default_factory=list)
    evidence: list[EvidenceRef] = Field(min_length=1)


class ClaimCorrection(Strict):
    id: str
    subject: str | None = None
    status: ClaimStatus | None = None
    note: str | None = Field(default=None, description="Why, e.g. 'umstritten: …'; shown with the claim.")
    merge: list[str] = Field(default_factory=list, description="Ids of claims whose values belong to this one.")
    reject: bool = False
    reviewed: bool = False


class QuoteCorrection(Strict):
    id: str
    speaker: str | None = None
    reject: bool = False
    reviewed: bool = False


class CorrectionsFile(Strict):
    events: list[EventCorrection] = Field(default_factory=list)
    add_events: list[NewEvent] = Field(default_factory=list)
    claims: list[ClaimCorrection] = Field(default_factory=list)
    quotes: list[QuoteCorrection] = Field(default_factory=list)
