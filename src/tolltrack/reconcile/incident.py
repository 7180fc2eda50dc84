"""One incident's figures: per-side timelines, low/best/high, revisions and flags.

Pure functions over the incident's stored claims (no I/O). The rules, in the spirit of UCDP
GED's low / best / high estimates:

- **Timeline**: per party (the claimant's side; unattributed claims form their own party,
  ``"?"``) and category, each figure at the day it was stated, in order. Background tolls are
  left out. A syndicated copy repeating its original's figure adds no point; it is listed
  under the original's point.
- **Latest**: a party's latest figure is its last figure that the text does not present as
  superseded; of several on the same day, the largest (a document's sub-totals do not
  replace its total).
- **low**: the smallest of the parties' latest figures. **high**: the largest (an upper
  bound's ``high`` where stated). **best**: the latest figure of an international body if
  there is one, else of an independent monitor, else the median of the parties' latest
  figures (the lower middle one; unattributed figures count only when no party speaks): a
  party to a conflict counts its own losses low and the other side's high, so the middle is
  the safer single figure. Each bound names the claims it was taken from.
- **revised**: a party's latest figure differs from an earlier one (from → to, when, by whom).
  **contested**: the latest figures of two parties differ by 2× or more.
  **single-source**: every claim comes from one claimant.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from tolltrack.model import CATEGORIES, ClaimRecord
from tolltrack.reconcile.estimate import estimate_incident

UNATTRIBUTED = "?"
CONTESTED_RATIO = 2.0


@dataclass(frozen=True, slots=True)
class Point:
    """One figure on a party's timeline."""

    reported: str | None
    low: int | None
    high: int | None
    approx: bool
    superseded: bool
    claimant: str | None
    claim_id: str
    document_id: str
    source: str | None
    evidence: str
    copies: tuple[str, ...] = ()  # documents that repeat it as syndicated copies

    @property
    def value(self) -> int:
        return self.low if self.low is not None else (self.high or 0)


@dataclass(frozen=True, slots=True)
class Series:
    party: str
    category: str
    points: tuple[Point, ...]
    latest: Point


@dataclass(frozen=True, slots=True)
class Bounds:
    category: str
    low: int
    best: int
    high: int
    why: tuple[str, ...]
    claim_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Revision:
    party: str
    category: str
    before: int
    after: int
    when: str | None
    claimant: str | None


@dataclass(frozen=True, slots=True)
class Summary:
    incident_id: str
    series: tuple[Series, ...]
    bounds: dict[str, Bounds]
    revisions: tuple[Revision, ...]
    contested: dict[str, bool]
    spread: dict[str, float]
    single_source: bool
    estimate: dict[str, int] = field(default_factory=dict)

    @property
    def revised(self) -> bool:
        return bool(self.revisions)

    @property
    def flags(self) -> tuple[str, ...]:
        out = []
        if self.revised:
            out.append("revised")
        if any(self.contested.values()):
            out.append("contested")
        if self.single_source:
            out.append("single-source")
        return tuple(out)


def _points(records: Sequence[ClaimRecord]) -> dict[tuple[str, str], list[Point]]:
    series: dict[tuple[str, str], list[Point]] = defaultdict(list)
    originals: dict[tuple[object, ...], int] = {}
    # Originals before copies, so that a copy finds the point it repeats.
    for r in sorted(records, key=lambda r: r.copy_of is not None):
        c = r.claim
        if c.background:
            continue
        party = c.claimant_side or UNATTRIBUTED
        key = (party, c.category)
        point = Point(
            r.reported,
            c.low,
            c.high,
            c.approx,
            c.superseded,
            c.claimant,
            r.id,
            r.document_id,
            r.source,
            c.evidence,
        )
        figure = (party, c.category, c.low, c.high, c.superseded)
        if r.copy_of is not None and (*figure, r.copy_of) in originals:
            i = originals[(*figure, r.copy_of)]
            old = series[key][i]
            series[key][i] = replace(old, copies=(*old.copies, r.document_id))
            continue
        originals[(*figure, r.document_id)] = len(series[key])
        series[key].append(point)
    return series


def summarize(incident_id: str, records: Sequence[ClaimRecord]) -> Summary:
    """Everything the incident view shows, from the incident's claims."""
    all_series: list[Series] = []
    revisions: list[Revision] = []
    for (party, category), points in sorted(_points(records).items()):
        # Within a day, an earlier count first and the largest current figure last: a
        # document's sub-totals ("1,293 of them in Al Haouz") do not replace its total.
        points.sort(key=lambda p: (p.reported or "", not p.superseded, p.value))
        current = [p for p in points if not p.superseded] or points
        latest = current[-1]
        all_series.append(Series(party, category, tuple(points), latest))
        # The figure it replaced: the last different one stated on an earlier day, or
        # presented as earlier; a same-day partial figure is not a revision.
        before = [
            p
            for p in points
            if p.value != latest.value
            and (p.superseded or (p.reported or "") < (latest.reported or ""))
        ]
        if before:
            earlier = before[-1]
            revisions.append(
                Revision(
                    party, category, earlier.value, latest.value, latest.reported, latest.claimant
                )
            )
    bounds: dict[str, Bounds] = {}
    contested: dict[str, bool] = {}
    spread: dict[str, float] = {}
    for category in CATEGORIES:
        of_category = [s for s in all_series if s.category == category]
        if not of_category:
            continue
        bounds[category] = _bounds(category, of_category)
        attributed = [
            s.latest.value for s in of_category if s.party != UNATTRIBUTED and s.latest.value
        ]
        ratio = max(attributed) / min(attributed) if len(attributed) > 1 else 1.0
        spread[category] = round(ratio, 2)
        contested[category] = ratio >= CONTESTED_RATIO
    claimants = set(canonical_claimants(records).values())
    by_doc: dict[str, list[ClaimRecord]] = defaultdict(list)
    for r in records:
        by_doc[r.document_id].append(r)
    est = estimate_incident(
        incident_id, [(rs[0].reported, [r.claim for r in rs]) for rs in by_doc.values()]
    )
    return Summary(
        incident_id=incident_id,
        series=tuple(all_series),
        bounds=bounds,
        revisions=tuple(revisions),
        contested=contested,
        spread=spread,
        single_source=len(claimants) == 1,
        estimate={"killed": est.killed, "injured": est.injured, "missing": est.missing},
    )


def canonical_claimants(records: Sequence[ClaimRecord]) -> dict[str, str | None]:
    """Claim id → claimant key, with "RU:ministry" read as "RU:defence ministry" when that is
    the only ministry of that side in the incident."""
    keys = {r.claimant_key for r in records if r.claimant_key}
    qualified: dict[str, set[str]] = defaultdict(set)
    for key in keys:
        side, _, name = key.partition(":")
        if " " in name:
            qualified[f"{side}:{name.rsplit(' ', 1)[1]}"].add(key)
    out: dict[str, str | None] = {}
    for r in records:
        found = r.claimant_key
        if found in qualified and len(qualified[found]) == 1:
            found = next(iter(qualified[found]))
        out[r.id] = found if found is not None else r.claim.claimant
    return out


def _bounds(category: str, series: list[Series]) -> Bounds:
    latest = sorted((s.latest for s in series), key=lambda p: (p.value, p.claim_id))
    by_party = {s.latest.claim_id: s.party for s in series}
    low = latest[0]
    high = max(latest, key=lambda p: (p.high if p.high is not None else p.value, p.claim_id))
    high_value = high.high if high.high is not None else high.value
    why = [
        f"low {low.value}: smallest latest figure ({by_party[low.claim_id]}, {low.claimant})",
        f"high {high_value}: largest latest figure ({by_party[high.claim_id]}, {high.claimant})",
    ]
    neutral = [s for s in series if s.party == "INTL"] or [s for s in series if s.party == "INDEP"]
    if neutral:
        pick = max((s.latest for s in neutral), key=lambda p: (p.reported or "", p.value))
        best, reason = pick, f"latest figure of a {by_party[pick.claim_id]} source"
    else:
        # Unattributed figures are no party's: they count only when no party speaks.
        parties = [s.latest for s in series if s.party != UNATTRIBUTED] or [
            s.latest for s in series
        ]
        values = sorted(p.value for p in parties)
        median = statistics.median_low(values)
        best = next(p for p in parties if p.value == median)
        reason = f"median of {len(values)} parties' latest figures {values}"
    why.insert(1, f"best {best.value}: {reason} ({best.claimant})")
    return Bounds(
        category,
        low.value,
        best.value,
        high_value,
        tuple(why),
        tuple(dict.fromkeys((low.claim_id, best.claim_id, high.claim_id))),
    )
