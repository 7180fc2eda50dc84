from __future__ import annotations

from typing import Any

import pytest

from tolltrack.evaluate.claims import score_claims
from tolltrack.evaluate.incidents import incident_gold, score_incidents


def c(
    cat: str, low: int | None, high: int | None, side: str | None = None, sup: bool = False
) -> dict[str, Any]:
    return {
        "category": cat,
        "low": low,
        "high": high,
        "claimant_side": side,
        "superseded": sup,
        "evidence": "x",
    }


def test_matching_is_one_to_one_and_side_aware() -> None:
    gold = [
        {
            "id": "d",
            "text": "x",
            "claims": [
                c("killed", 89, 89, "RU"),
                c("killed", 89, 89, "UA"),
                c("injured", 5, None, "RU", True),
            ],
        }
    ]
    pred = {
        "d": [
            c("killed", 89, 89, "UA"),
            c("killed", 89, 89, "UA"),
            c("injured", 5, None, "RU"),
            c("missing", 3, 3),
        ]
    }
    s = score_claims(gold, pred)
    assert (s.figure.tp, s.figure.n_pred, s.figure.n_gold) == (3, 4, 3)
    assert s.attributed.tp == 2
    assert s.figure.precision == pytest.approx(0.75) and s.figure.recall == 1.0
    assert (s.superseded_correct, s.superseded_total) == (2, 3)
    assert s.per_category["missing"].n_pred == 1 and s.per_category["missing"].tp == 0


def test_errors_list_misses_and_false_positives() -> None:
    gold = [{"id": "d", "text": "Two died. Three were hurt.", "claims": [c("killed", 2, 2)]}]
    s = score_claims(gold, {"d": [c("injured", 3, 3)]}, keep_errors=True)
    assert sorted(e.kind for e in s.errors) == ["false positive", "miss"]


def test_incident_scores() -> None:
    docs = [
        {"event": "a", "gold": {"killed": 1, "injured": 2}},
        {"event": "a", "gold": {"killed": 1, "injured": 2}},
        {"event": "b", "gold": {"killed": 0, "injured": 4}},
    ]
    gold = incident_gold(docs)
    scores = {s.category: s for s in score_incidents(gold, {"a": {"killed": 1, "injured": 3}})}
    assert scores["killed"].accuracy == 1.0
    assert scores["injured"].exact == 0 and scores["injured"].mae == pytest.approx((1 + 4) / 2)
