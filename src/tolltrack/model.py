"""Plain frozen dataclasses shared by every stage. No I/O here."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Category = Literal["killed", "injured", "missing", "casualties"]
CATEGORIES: tuple[Category, ...] = ("killed", "injured", "missing", "casualties")


@dataclass(frozen=True, slots=True)
class Document:
    """One news text as read by ingest: the unit extraction works on."""

    id: str
    text: str
    published: str | None = None
    title: str | None = None
    event: str | None = None
    source: str | None = None  # where it was read from, e.g. "file.jsonl:12"
    warnings: tuple[str, ...] = ()  # e.g. invalid UTF-8 replaced while decoding
    url: str | None = None
    site: str | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True, slots=True)
class Claim:
    """A statement in a document that some number of people were harmed.

    Fields follow ``shared/spec/claims-format.md``; ``start``/``end`` are character
    offsets of ``evidence`` in the document text (``text[start:end] == evidence``).
    """

    category: Category
    low: int | None
    high: int | None
    approx: bool
    claimant: str | None
    claimant_side: str | None
    victims: str | None
    superseded: bool
    evidence: str
    start: int
    end: int
    # Set when the sentence places the figure in another time (a past year, "last year",
    # "so far this year"): a background toll. Not part of the claims format's fields.
    background: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "category": self.category,
            "low": self.low,
            "high": self.high,
            "approx": self.approx,
            "claimant": self.claimant,
            "claimant_side": self.claimant_side,
            "victims": self.victims,
            "superseded": self.superseded,
            "evidence": self.evidence,
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True, slots=True)
class DocumentClaims:
    """A document with the claims extracted from it."""

    document: Document
    claims: tuple[Claim, ...]


@dataclass(frozen=True, slots=True)
class Estimate:
    """Best estimate of one incident's totals, with the rule's reasons."""

    event: str
    killed: int
    injured: int
    missing: int
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Place:
    """A resolved place: a gazetteer entry with its precision."""

    name: str
    country: str | None  # ISO 3166-1 alpha-2
    lat: float | None
    lon: float | None
    precision: Literal["city", "region", "country"]


@dataclass(frozen=True, slots=True)
class ClaimRecord:
    """A stored claim with what resolve added: its date, canonical claimant and incident."""

    id: str
    document_id: str
    incident_id: str | None
    claim: Claim
    reported: str | None  # ISO date the figure was stated (stated day, else publication)
    claimant_key: str | None  # canonical claimant across documents
    source: str | None  # site or URL of the document
    copy_of: str | None = None  # the document this one's is a syndicated copy of


@dataclass(frozen=True, slots=True)
class Incident:
    """A real-world incident: the documents and claims about it across articles and days."""

    id: str
    label: str
    kind: str | None
    place: Place | None
    first_report: str | None
    last_report: str | None
    documents: int = 0
    claims: int = 0
