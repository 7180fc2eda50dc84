"""Best estimate of an incident's totals from all of its documents' claims.

The rule (also in docs/estimate.md):

1. Per document and category, the document's figure is the largest current figure it states
   (neither superseded nor set in another time: "last year", a past year, "so far this
   year"); a lower bound counts as its bound, a range as its low end, an upper bound as its
   bound. Approximate and vague figures ("dozens") count only when the document states no
   exact one.
2. Background statistics and round-ups are kept out: a document figure over five times the
   median of the other documents' figures (and at least 10) is dropped.
3. Across documents, the median of the document figures is taken: an early partial count
   and a round-up's larger total both lose to what most reports say. With an even number of
   documents, of the two middle figures the one reported later wins (counts get revised).
   Measured against the largest or the latest figure on gvc-dev, the median scores best.
4. Injured also counts people shot whose fate is not stated ("casualties"): injured is at
   least the casualties figure minus the killed figure. People shot "in addition" to the
   dead ("three other victims were shot") are counted as injured directly.
5. An incident whose documents state no figure has the estimate 0.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Iterable, Sequence

from tolltrack.model import Claim, Estimate


def _value(c: Claim) -> int | None:
    return c.low if c.low is not None else c.high


_OTHERS = re.compile(r"\b(?:other|others|more|additional|another|also)\b", re.IGNORECASE)


def _category(c: Claim) -> str:
    """Rule 4b: people shot "in addition" ("three other victims", "was also shot") are the
    injured ones."""
    if c.category == "casualties" and _OTHERS.search(c.evidence):
        return "injured"
    return c.category


def document_figure(claims: Iterable[Claim], category: str) -> int | None:
    """Rule 1: one document's figure for a category, or None."""
    exact: list[int] = []
    loose: list[int] = []
    for c in claims:
        if _category(c) != category or c.superseded or c.background:
            continue
        v = _value(c)
        if v is not None:
            (loose if c.approx else exact).append(v)
    if exact:
        return max(exact)
    return max(loose) if loose else None


Dated = tuple[str, int]  # (published, figure); "" sorts undated documents first


def _drop_outliers(values: list[Dated]) -> list[Dated]:
    """Rule 2."""
    if len(values) < 2:
        return values
    kept = []
    for i, (when, v) in enumerate(values):
        others = [x for _, x in values[:i] + values[i + 1 :]]
        if v >= 10 and v > 5 * statistics.median(others):
            continue
        kept.append((when, v))
    return kept or values


def combine(values: list[Dated]) -> tuple[int, str]:
    """Rules 2, 3 and 5: one figure from the documents' dated figures, with the reason."""
    kept = _drop_outliers(values)
    if not kept:
        return 0, "no document states a figure"
    dropped = sorted({v for _, v in values} - {v for _, v in kept})
    note = f"; dropped as background {dropped}" if dropped else ""
    figures = sorted(v for _, v in kept)
    if len(set(figures)) == 1:
        return figures[0], f"{len(kept)} document(s) agree on {figures[0]}{note}"
    by_value = sorted(kept, key=lambda wv: (wv[1], wv[0]))
    mid = len(by_value) // 2
    # Odd: the middle one; even: of the two middle ones, the later report.
    middle = by_value[mid] if len(by_value) % 2 else max(by_value[mid - 1], by_value[mid])
    best = middle[1]
    return best, f"documents say {figures}: median {best}{note}"


def estimate_incident(
    event: str, documents: Sequence[tuple[str | None, Sequence[Claim]]]
) -> Estimate:
    """Estimate one incident's totals from (published, claims) of each of its documents."""
    totals: dict[str, int] = {}
    reasons: list[str] = []
    for category in ("killed", "injured", "missing", "casualties"):
        figures = [(when or "", document_figure(claims, category)) for when, claims in documents]
        totals[category], why = combine([(w, f) for w, f in figures if f is not None])
        reasons.append(f"{category}: {why}")
    injured = max(totals["injured"], totals["casualties"] - totals["killed"])
    if injured != totals["injured"]:
        reasons.append(f"injured: casualties minus killed is larger ({injured})")
    return Estimate(event, totals["killed"], injured, totals["missing"], tuple(reasons))
