"""Incident-level scoring: exact-match accuracy and mean absolute error per category.

Gold comes from each document's ``event`` and ``gold`` ({"killed": n, "injured": n}); the
estimates are computed without reading ``gold``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class IncidentScore:
    category: str
    n: int
    exact: int
    abs_error: int

    @property
    def accuracy(self) -> float:
        return self.exact / self.n if self.n else 0.0

    @property
    def mae(self) -> float:
        return self.abs_error / self.n if self.n else 0.0


def incident_gold(docs: Iterable[Mapping[str, Any]]) -> dict[str, dict[str, int]]:
    gold: dict[str, dict[str, int]] = {}
    for d in docs:
        event, g = d.get("event"), d.get("gold")
        if isinstance(event, str) and isinstance(g, dict):
            gold.setdefault(event, {k: int(v) for k, v in g.items() if isinstance(v, int)})
    return gold


def score_incidents(
    gold: Mapping[str, Mapping[str, int]], estimates: Mapping[str, Mapping[str, int]]
) -> list[IncidentScore]:
    categories = sorted({k for g in gold.values() for k in g})
    scores = []
    for cat in categories:
        n = exact = err = 0
        for event, g in gold.items():
            if cat not in g:
                continue
            guess = int(estimates.get(event, {}).get(cat, 0))
            n += 1
            exact += guess == g[cat]
            err += abs(guess - g[cat])
        scores.append(IncidentScore(cat, n, exact, err))
    return scores
