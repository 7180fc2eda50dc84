from __future__ import annotations

from tolltrack.model import Category, Claim, ClaimRecord
from tolltrack.reconcile.incident import summarize


def rec(
    n: int,
    cat: Category,
    low: int | None,
    side: str | None,
    day: str,
    high: int | None = -1,
    sup: bool = False,
    claimant: str | None = "x",
) -> ClaimRecord:
    hi = low if high == -1 else high
    c = Claim(cat, low, hi, False, claimant if side else None, side, None, sup, "e", 0, 1)
    return ClaimRecord(f"c{n}", f"d{n}", "i", c, day, f"{side}:{claimant}", "site")


def test_timeline_latest_revision_and_flags() -> None:
    records = [
        rec(1, "killed", 63, "RU", "2023-01-02", claimant="ministry"),
        rec(2, "killed", 89, "RU", "2023-01-04", claimant="ministry"),
        rec(3, "killed", 63, "RU", "2023-01-04", sup=True, claimant="Moscow"),
        rec(4, "killed", 400, "UA", "2023-01-02", claimant="army"),
        rec(5, "killed", 300, "INDEP", "2023-01-03", claimant="journalist"),
    ]
    s = summarize("i", records)
    ru = next(x for x in s.series if x.party == "RU")
    assert [p.value for p in ru.points] == [63, 63, 89] and ru.latest.value == 89
    [rev] = s.revisions
    assert (rev.party, rev.before, rev.after, rev.when) == ("RU", 63, 89, "2023-01-04")
    b = s.bounds["killed"]
    assert (b.low, b.best, b.high) == (89, 300, 400)
    assert "INDEP" in b.why[1]
    assert s.contested["killed"] and s.spread["killed"] == round(400 / 89, 2)
    assert s.flags == ("revised", "contested")


def test_best_is_the_median_of_parties_without_a_neutral_source() -> None:
    records = [
        rec(1, "killed", 5, "UA", "d"),
        rec(2, "killed", None, "RU", "d", high=150),
        rec(3, "killed", 150, None, "d"),
    ]
    b = summarize("i", records).bounds["killed"]
    assert (b.low, b.best, b.high) == (5, 5, 150)


def test_single_source_and_background() -> None:
    bg = rec(2, "killed", 1000, "UA", "d")
    bg = ClaimRecord(
        bg.id,
        bg.document_id,
        "i",
        Claim("killed", 1000, 1000, False, "x", "UA", None, False, "e", 0, 1, True),
        "d",
        bg.claimant_key,
        "s",
    )
    s = summarize("i", [rec(1, "killed", 3, "UA", "d"), bg])
    assert s.single_source and s.bounds["killed"].high == 3 and s.flags == ("single-source",)


def test_a_ministry_named_two_ways_is_one_source() -> None:
    a, b = rec(1, "killed", 63, "RU", "d"), rec(2, "killed", 89, "RU", "d2")
    a = ClaimRecord(a.id, a.document_id, "i", a.claim, "d", "RU:defence ministry", "s")
    b = ClaimRecord(b.id, b.document_id, "i", b.claim, "d2", "RU:ministry", "s")
    assert summarize("i", [a, b]).single_source
