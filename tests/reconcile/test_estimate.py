from __future__ import annotations

from tolltrack.model import Category, Claim
from tolltrack.reconcile import estimate_incident


def claim(cat: Category, low: int, sup: bool = False, approx: bool = False) -> Claim:
    return Claim(cat, low, low, approx, None, None, None, sup, "x", 0, 1)


def test_no_figures_estimates_zero() -> None:
    est = estimate_incident("e", [("", [])])
    assert (est.killed, est.injured, est.missing) == (0, 0, 0)
    assert "no document states a figure" in est.reasons[0]


def test_median_of_documents_beats_an_early_partial_count() -> None:
    docs = [("1", [claim("killed", 2)]), ("2", [claim("killed", 5)]), ("3", [claim("killed", 5)])]
    assert estimate_incident("e", docs).killed == 5


def test_document_figure_is_its_largest_current_figure() -> None:
    docs = [("", [claim("killed", 275), claim("killed", 288, sup=True), claim("killed", 3)])]
    assert estimate_incident("e", docs).killed == 275


def test_approximate_figures_count_only_without_an_exact_one() -> None:
    assert (
        estimate_incident(
            "e", [("", [claim("injured", 24, approx=True), claim("injured", 9)])]
        ).injured
        == 9
    )
    assert estimate_incident("e", [("", [claim("injured", 24, approx=True)])]).injured == 24


def test_background_statistic_is_dropped() -> None:
    docs = [("1", [claim("killed", 1)]), ("2", [claim("killed", 1)]), ("3", [claim("killed", 100)])]
    est = estimate_incident("e", docs)
    assert est.killed == 1
    assert "background [100]" in est.reasons[0]


def test_people_shot_count_as_injured_unless_killed() -> None:
    est = estimate_incident("e", [("", [claim("casualties", 5), claim("killed", 1)])])
    assert (est.killed, est.injured) == (1, 4)
    assert any("casualties minus killed" in r for r in est.reasons)


def test_of_two_disagreeing_documents_the_later_wins() -> None:
    docs = [("2020-01-02", [claim("killed", 3)]), ("2020-01-01", [claim("killed", 2)])]
    assert estimate_incident("e", docs).killed == 3
    docs = [("2020-01-02", [claim("killed", 2)]), ("2020-01-01", [claim("killed", 3)])]
    assert estimate_incident("e", docs).killed == 2


def test_background_claims_do_not_count() -> None:
    background = Claim("killed", 100, 100, False, None, None, None, False, "x", 0, 1, True)
    assert estimate_incident("e", [("", [claim("killed", 2), background])]).killed == 2
