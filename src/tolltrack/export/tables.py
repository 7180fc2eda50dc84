"""Incident and claim tables for export, with UCDP-like columns. Deterministic: rows sorted
by id, ids derived from content, no ingestion timestamps."""

from __future__ import annotations

from typing import Any

from tolltrack.model import CATEGORIES, ClaimRecord, Incident
from tolltrack.reconcile.incident import Summary, summarize
from tolltrack.store import Store

INCIDENT_COLUMNS = [
    "id",
    "label",
    "kind",
    "place",
    "country",
    "lat",
    "lon",
    "precision",
    "first_report",
    "last_report",
    "documents",
    "claims",
    "sides",
    *[f"{c}_{b}" for c in CATEGORIES for b in ("low", "best", "high")],
    "revised",
    "contested",
    "single_source",
]
CLAIM_COLUMNS = [
    "id",
    "incident_id",
    "document_id",
    "category",
    "low",
    "high",
    "approx",
    "claimant",
    "claimant_side",
    "claimant_key",
    "victims",
    "superseded",
    "background",
    "reported",
    "source",
    "evidence",
    "start",
    "end",
]


def incident_row(inc: Incident, summary: Summary) -> dict[str, Any]:
    place = inc.place
    row: dict[str, Any] = {
        "id": inc.id,
        "label": inc.label,
        "kind": inc.kind,
        "place": place.name if place else None,
        "country": place.country if place else None,
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "precision": place.precision if place else None,
        "first_report": inc.first_report,
        "last_report": inc.last_report,
        "documents": inc.documents,
        "claims": inc.claims,
        "sides": " ".join(sorted({s.party for s in summary.series})),
    }
    for cat in CATEGORIES:
        b = summary.bounds.get(cat)
        row[f"{cat}_low"] = b.low if b else None
        row[f"{cat}_best"] = b.best if b else None
        row[f"{cat}_high"] = b.high if b else None
    row["revised"] = summary.revised
    row["contested"] = any(summary.contested.values())
    row["single_source"] = summary.single_source
    return row


def claim_row(r: ClaimRecord) -> dict[str, Any]:
    c = r.claim
    return {
        "id": r.id,
        "incident_id": r.incident_id,
        "document_id": r.document_id,
        "category": c.category,
        "low": c.low,
        "high": c.high,
        "approx": c.approx,
        "claimant": c.claimant,
        "claimant_side": c.claimant_side,
        "claimant_key": r.claimant_key,
        "victims": c.victims,
        "superseded": c.superseded,
        "background": c.background,
        "reported": r.reported,
        "source": r.source,
        "evidence": c.evidence,
        "start": c.start,
        "end": c.end,
    }


def build(store: Store) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(incident rows, claim rows), both sorted by id."""
    records = store.claim_records()
    by_incident: dict[str, list[ClaimRecord]] = {}
    for r in records:
        if r.incident_id is not None:
            by_incident.setdefault(r.incident_id, []).append(r)
    incidents = [
        incident_row(inc, summarize(inc.id, by_incident.get(inc.id, [])))
        for inc in sorted(store.incidents(), key=lambda i: i.id)
    ]
    claims = sorted((claim_row(r) for r in records), key=lambda row: str(row["id"]))
    return incidents, claims
