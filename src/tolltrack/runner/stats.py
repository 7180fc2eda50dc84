"""An incident's stored figures, computed by reconcile (the store only keeps them)."""

from __future__ import annotations

from typing import Any

from tolltrack.model import CATEGORIES, ClaimRecord
from tolltrack.reconcile.incident import summarize


def incident_stats(incident_id: str, records: list[ClaimRecord]) -> dict[str, Any]:
    s = summarize(incident_id, records)
    row: dict[str, Any] = {
        "claims": len(records),
        "sides": " ".join(sorted({x.party for x in s.series})),
        "spread": max(s.spread.values(), default=1.0),
        "revised": s.revised,
        "contested": any(s.contested.values()),
        "single_source": s.single_source,
    }
    for cat in CATEGORIES:
        b = s.bounds.get(cat)
        row[f"{cat}_low"], row[f"{cat}_best"], row[f"{cat}_high"] = (
            (b.low, b.best, b.high) if b else (None, None, None)
        )
    return row
