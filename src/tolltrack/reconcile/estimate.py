"""Best estimate of an incident's totals from all of its documents' claims.

The rule (documented in docs/estimate.md):

1. Per document and category, the document's figure is the largest current (not superseded)
   figure it states: a bound counts as its bound, a range as its low end. Vague words
   ("dozens") and approximate figures count only when no exact figure exists.
2. Background statistics and round-ups are kept out: a figure far above what the other
   documents of the incident say (over 5 times their median, and at least 10) is dropped.
3. Across documents, the latest document's figure wins when documents disagree; early counts
   are revised, so the later report is taken. Documents without a date count as earliest.
4. Injured also takes people shot whose fate is not stated ("casualties"): injured is at least
   the casualties figure minus the killed figure.
5. An incident whose documents state no figure has the estimate 0.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence

from tolltrack.model import Claim, Estimate


def _value(c: Claim) -> int | None:
    return c.low if c.low is not None else c.high


def document_figure(claims: Iterable[Claim], category: str) -> int | None:
    exact: list[int] = []
    loose: list[int] = []
    for c in claims:
        if c.category != category or c.superseded:
            continue
        v = _value(c)
        if v is None:
            continue
        (loose if c.approx else exact).append(v)
    if exact:
        return max(exact)
    return max(loose) if loose else None


def _drop_outliers(values: list[tuple[str, int]]) -> list[tuple[str, int]]:
    if len(values) < 2:
        return values
    kept = []
    for i, (when, v) in enumerate(values):
        others = [x for j, (_, x) in enumerate(values) if j != i]
        if v >= 10 and v > 5 * statistics.median(others):
            continue
        kept.append((when, v))
    return kept or values


def _combine(per_doc: list[tuple[str, int]]) -> tuple[int, str]:
    per_doc = _drop_outliers(per_doc)
    if not per_doc:
        return 0, "no document states a figure"
    per_doc.sort(key=lambda wv: wv[0])
    values = {v for _, v in per_doc}
    if len(values) == 1:
        return per_doc[0][1], f"all {len(per_doc)} documents agree"
    latest_when = per_doc[-1][0]
    latest = max(v for w, v in per_doc if w == latest_when)
    return (
        latest,
        f"documents disagree ({sorted(values)}); latest ({latest_when or 'undated'}) taken",
    )


def estimate_incident(
    event: str, documents: Sequence[tuple[str | None, Sequence[Claim]]]
) -> Estimate:
    """``documents``: (published date or None, claims) for each document of the incident."""
    totals: dict[str, int] = {}
    reasons: list[str] = []
    for category in ("killed", "injured", "missing", "casualties"):
        per_doc = []
        for published, claims in documents:
            v = document_figure(claims, category)
            if v is not None:
                per_doc.append((published or "", v))
        totals[category], why = _combine(per_doc)
        reasons.append(f"{category}: {why}")
    injured = max(totals["injured"], totals["casualties"] - totals["killed"])
    if injured != totals["injured"]:
        reasons.append(f"injured: raised to casualties minus killed ({injured})")
    return Estimate(event, totals["killed"], injured, totals["missing"], tuple(reasons))
