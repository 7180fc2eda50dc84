from __future__ import annotations

from tolltrack.model import Claim
from tolltrack.reconcile import estimate_incident


def claim(
    cat: str, low: int | None, high: int | None = None, sup: bool = False, approx: bool = False
) -> Claim:
    high = low if high is None and not approx else high
    return Claim(cat, low, high, approx, None, None, None, sup, "x", 0, 1)  # type: ignore[arg-type]


def test_no_figures_estimates_zero() -> None:
    est = estimate_incident("e", [("2020-01-01", [])])
    assert (est.killed, est.injured, est.missing) == (0, 0, 0)


def test_latest_document_wins_when_counts_are_revised() -> None:
    docs = [
        ("2020-01-01", [claim("killed", 2)]),
        ("2020-01-03", [claim("killed", 5)]),
        ("2020-01-02", [claim("killed", 4)]),
    ]
    assert estimate_incident("e", docs).killed == 5


def test_superseded_figures_do_not_count() -> None:
    docs = [("2020-01-02", [claim("killed", 275), claim("killed", 288, sup=True)])]
    assert estimate_incident("e", docs).killed == 275


def test_background_statistic_is_dropped() -> None:
    docs = [
        ("2020-01-01", [claim("killed", 1)]),
        ("2020-01-02", [claim("killed", 1)]),
        ("2020-01-03", [claim("killed", 100)]),
    ]
    assert estimate_incident("e", docs).killed == 1


def test_people_shot_count_as_injured_unless_killed() -> None:
    docs = [("2020-01-01", [claim("casualties", 5), claim("killed", 1)])]
    est = estimate_incident("e", docs)
    assert (est.killed, est.injured) == (1, 4)
    assert any("casualties" in r for r in est.reasons)
