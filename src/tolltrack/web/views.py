"""Turning stored rows and reconcile summaries into what pages and the API show."""

from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup, escape

from tolltrack.model import ClaimRecord, Incident
from tolltrack.reconcile.incident import Summary


def summary_json(inc: Incident, s: Summary) -> dict[str, Any]:
    place = inc.place
    return {
        "id": inc.id,
        "label": inc.label,
        "kind": inc.kind,
        "place": None
        if place is None
        else {
            "name": place.name,
            "country": place.country,
            "lat": place.lat,
            "lon": place.lon,
            "precision": place.precision,
        },
        "first_report": inc.first_report,
        "last_report": inc.last_report,
        "documents": inc.documents,
        "flags": list(s.flags),
        "spread": s.spread,
        "estimate": s.estimate,
        "bounds": {
            c: {
                "low": b.low,
                "best": b.best,
                "high": b.high,
                "why": list(b.why),
                "claims": list(b.claim_ids),
            }
            for c, b in s.bounds.items()
        },
        "revisions": [
            {
                "side": r.party,
                "category": r.category,
                "from": r.before,
                "to": r.after,
                "when": r.when,
                "by": r.claimant,
            }
            for r in s.revisions
        ],
        "timeline": [
            {
                "side": x.party,
                "category": x.category,
                "latest": x.latest.claim_id,
                "points": [
                    {
                        "date": p.reported,
                        "low": p.low,
                        "high": p.high,
                        "value": p.value,
                        "approx": p.approx,
                        "superseded": p.superseded,
                        "claimant": p.claimant,
                        "claim": p.claim_id,
                        "document": p.document_id,
                        "source": p.source,
                        "copies": list(p.copies),
                    }
                    for p in x.points
                ],
            }
            for x in s.series
        ],
    }


def script_json(value: Any) -> Markup:
    """JSON for a <script type="application/json"> block. The block's text is not decoded as
    HTML, so it is not HTML-escaped; instead <, > and & are written as JSON escapes, so that
    no "</script>" in an article can end the block."""
    text = json.dumps(value, ensure_ascii=False)
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def claim_json(r: ClaimRecord) -> dict[str, Any]:
    return {
        **r.claim.to_dict(),
        "id": r.id,
        "document_id": r.document_id,
        "incident_id": r.incident_id,
        "reported": r.reported,
        "claimant_key": r.claimant_key,
        "source": r.source,
    }


def highlighted(text: str, records: list[ClaimRecord], current: str | None) -> Markup:
    """The document text, escaped, with each claim's evidence in a <mark>.

    Offsets come from the store; overlapping evidence keeps the first claim's mark.
    """
    parts: list[str] = []
    pos = 0
    for r in sorted(records, key=lambda r: (r.claim.start, r.claim.end)):
        start, end = r.claim.start, r.claim.end
        if start < pos or end > len(text) or start >= end:
            continue
        cls = "claim current" if r.id == current else "claim"
        parts.append(str(escape(text[pos:start])))
        parts.append(
            f'<mark id="claim-{escape(r.id)}" class="{cls}" '
            f'title="{escape(r.claim.category)} {escape(r.claim.low)}–'
            f'{escape(r.claim.high)}">{escape(text[start:end])}</mark>'
        )
        pos = end
    parts.append(str(escape(text[pos:])))
    return Markup("".join(parts))
