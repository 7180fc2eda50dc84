"""Grouping documents about the same real-world incident.

The method (also in docs/incidents.md):

1. A document whose input names its incident (the JSONL ``event`` field) joins that incident.
2. Otherwise the candidates are incidents reported within ``WINDOW_DAYS`` of the document.
   A candidate matches when one of its documents is textually close to the new one (MinHash
   Jaccard ≥ ``TEXT_MATCH``: follow-ups reuse whole paragraphs), or when it has the same kind
   of event and the same place (same name, or both within ``NEAR_KM``) and the reports are at
   most ``SAME_PLACE_DAYS`` apart. The best-scoring candidate wins; ties go to the smallest id.
3. No match: the document starts a new incident, its id derived from the document's content.

Users correct the grouping with ``tolltrack incident merge`` and ``tolltrack incident split``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from tolltrack.model import Incident, Place
from tolltrack.resolve.dates import parse_day

WINDOW_DAYS = 14
SAME_PLACE_DAYS = 5
TEXT_MATCH = 0.3
NEAR_KM = 30.0

_KINDS: list[tuple[str, str]] = [
    ("earthquake", r"earthquake|quake|tremor|aftershock"),
    ("flood", r"flood|flooding|landslide|mudslide|dam burst"),
    ("storm", r"hurricane|typhoon|cyclone|tornado|storm"),
    ("fire", r"wildfire|blaze|fire broke out|inferno"),
    ("crash", r"crash|collision|derail|capsiz|sank|plane went down"),
    ("collapse", r"collapse"),
    ("shooting", r"shooting|shot|gunman|gunfire|opened fire"),
    ("explosion", r"explosion|blast|exploded|bomb"),
    ("strike", r"strike|shelling|missile|rocket|drone|airstrike|air raid|attack"),
    ("stabbing", r"stabbing|stabbed|knife"),
]
_KIND_RE = [(kind, re.compile(rf"\b(?:{pat})", re.IGNORECASE)) for kind, pat in _KINDS]


def kind_of(text: str) -> str | None:
    """The kind of event a headline and lead describe: the first kind whose words appear."""
    best: tuple[int, str] | None = None
    for kind, regex in _KIND_RE:
        m = regex.search(text)
        if m is not None and (best is None or m.start() < best[0]):
            best = (m.start(), kind)
    return None if best is None else best[1]


@dataclass(frozen=True, slots=True)
class Candidate:
    incident: Incident
    text_similarity: float  # best MinHash Jaccard with one of its documents


def distance_km(a: Place, b: Place) -> float | None:
    if None in (a.lat, a.lon, b.lat, b.lon):
        return None
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))  # type: ignore[arg-type]
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 6371.0 * 2 * math.asin(math.sqrt(h))


def same_place(a: Place | None, b: Place | None) -> bool:
    if a is None or b is None:
        return False
    if a.name == b.name and a.country == b.country:
        return True
    d = distance_km(a, b)
    return d is not None and d <= NEAR_KM


def days_apart(a: str | None, b: str | None) -> int | None:
    da, db = parse_day(a), parse_day(b)
    return None if da is None or db is None else abs((da - db).days)


def choose(
    kind: str | None, place: Place | None, published: str | None, candidates: Sequence[Candidate]
) -> str | None:
    """The incident a new document belongs to, or None for a new incident."""
    scored: list[tuple[float, str]] = []
    for cand in candidates:
        inc = cand.incident
        score = 0.0
        if cand.text_similarity >= TEXT_MATCH:
            score = 1.0 + cand.text_similarity
        else:
            gap = min(
                (
                    d
                    for d in (
                        days_apart(published, inc.first_report),
                        days_apart(published, inc.last_report),
                    )
                    if d is not None
                ),
                default=None,
            )
            if (
                kind is not None
                and kind == inc.kind
                and same_place(place, inc.place)
                and gap is not None
                and gap <= SAME_PLACE_DAYS
            ):
                score = 1.0 - gap / (SAME_PLACE_DAYS + 1)
        if score > 0:
            scored.append((-score, inc.id))
    return min(scored)[1] if scored else None
