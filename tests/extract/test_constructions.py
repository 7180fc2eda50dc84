"""One sentence per construction the extractor must read (written for these tests)."""

from __future__ import annotations

import pytest

from tolltrack.extract import extract_claims
from tolltrack.model import Claim, Document

Row = tuple[str, int | None, int | None, bool]


def claims_of(text: str) -> list[Claim]:
    return extract_claims(Document(id="t", text=text))


def figures(text: str) -> set[Row]:
    return {(c.category, c.low, c.high, c.approx) for c in claims_of(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # digits, separators, decimals with scale words, number words
        ("The flood killed 1,404 people.", {("killed", 1404, 1404, False)}),
        ("Officials said 11 300 people were injured.", {("injured", 11300, 11300, False)}),
        ("The famine has killed 1.5 million people.", {("killed", 1500000, 1500000, False)}),
        ("Sixty-three soldiers died in the blast.", {("killed", 63, 63, False)}),
        ("Forty-three worshippers were killed at dawn.", {("killed", 43, 43, False)}),
        # hedges and bounds
        ("About 400 people were killed.", {("killed", 400, 400, True)}),
        ("Some 30 miners remain missing.", {("missing", 30, 30, True)}),
        ("An estimated 2,000 people died.", {("killed", 2000, 2000, True)}),
        ("At least 65 people were killed.", {("killed", 65, None, False)}),
        ("More than 1,000 were wounded.", {("injured", 1000, None, False)}),
        ("No fewer than 43 people died.", {("killed", 43, None, False)}),
        ("Up to 20 people were hurt.", {("injured", None, 20, False)}),
        ("The strike killed as many as 200 fighters.", {("killed", None, 200, False)}),
        ("The toll could reach 20,000.", {("killed", None, 20000, False)}),
        # ranges
        ("Between 18,000 and 20,000 people were killed.", {("killed", 18000, 20000, False)}),
        ("Rescuers said 18,000 to 20,000 people died.", {("killed", 18000, 20000, False)}),
        ("The clashes left 10-20 people dead.", {("killed", 10, 20, False)}),
        # vague words
        ("Dozens of people were injured.", {("injured", 24, None, True)}),
        ("Hundreds were killed in the fighting.", {("killed", 200, None, True)}),
        ("Tens of thousands have died since 2011.", {("killed", 20000, None, True)}),
        ("A dozen passengers were hurt.", {("injured", 12, None, True)}),
        # single victims
        ("A man was shot dead outside the store.", {("killed", 1, 1, False)}),
        ("The blast went off in the square, killing a photographer.", {("killed", 1, 1, False)}),
        ("The gunman then killed himself.", {("killed", 1, 1, False)}),
        # several categories in one sentence, headline and toll forms
        (
            "The attack killed 65 and wounded 365.",
            {("killed", 65, 65, False), ("injured", 365, 365, False)},
        ),
        ("Death toll rises to 65 - Health Ministry", {("killed", 65, 65, False)}),
        ("The death toll rose to 89 on Wednesday.", {("killed", 89, 89, False)}),
        ("The storm claimed 12 lives.", {("killed", 12, 12, False)}),
        ("Rescuers said 14 bodies were recovered.", {("killed", 14, 14, False)}),
        ("Medics said 30 people were martyred.", {("killed", 30, 30, False)}),
        ("Nine people remain unaccounted for.", {("missing", 9, 9, False)}),
        ("The dead and wounded numbered in the hundreds.", {("casualties", 200, None, True)}),
        ("Five people were shot near the park.", {("casualties", 5, 5, False)}),
        # single victims without a numeral: names, pronouns, possessives, ages, headlines
        ("Jordan Miles was pronounced dead at the scene.", {("killed", 1, 1, False)}),
        (
            "Officers found him in the street. He later died at a hospital.",
            {("killed", 1, 1, False)},
        ),
        (
            "Police said his 2-year-old stepdaughter died from a gunshot wound.",
            {("killed", 1, 1, False)},
        ),
        ("Mishari Halbrook, 28, died shortly after midnight.", {("killed", 1, 1, False)}),
        ("Man shot while cleaning handgun", {("casualties", 1, 1, False)}),
        ("A 17-year-old boy is recovering in the hospital.", {("injured", 1, 1, False)}),
        ("The 8-year-old was taken to a hospital in stable condition.", {("injured", 1, 1, False)}),
        (
            "Three people were shot, one fatally, on Sunday.",
            {("casualties", 3, 3, False), ("killed", 1, 1, False)},
        ),
        ("Two teens who were shot on Wednesday have died.", {("killed", 2, 2, False)}),
        ("Police charged him in the fatal shooting of a 16-year-old.", {("killed", 1, 1, False)}),
        ("A bullet struck an 11-year-old girl in the car.", {("casualties", 1, 1, False)}),
        ("The woman was struck in the shoulder.", {("casualties", 1, 1, False)}),
        (
            "Three of the victims were taken to Memorial Regional Hospital.",
            {("injured", 3, 3, False)},
        ),
        ("A 12-year-old boy is nursing a gunshot wound.", {("casualties", 1, 1, False)}),
        (
            "She was taken to the hospital, but doctors could not save her.",
            {("killed", 1, 1, False)},
        ),
    ],
)
def test_construction(text: str, expected: set[Row]) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The 28-year-old man was arrested in 2019.",
        "The missile flew 650 kilometres and reached an altitude of 50 km.",
        "Turnout was 84.4 percent, with 317 seats for the ruling party.",
        "The rebels fired 40 rockets and destroyed 12 buildings and 3 vehicles.",
        "Rescuers pulled 40 people from the rubble alive.",
        "The floods displaced 12,000 people and left 3,000 homeless.",
        "Police arrested 15 people after the protest.",
        "No casualties were reported.",
        "No one was killed in the attack.",
        "The damage was estimated at $3 million.",
        "The shooting happened at 2:15 a.m. on Dec. 31.",
        "A man shot at a passing car.",
        "The 911 call came in at night and two people were arrested.",
        "A woman who lives nearby heard the shots.",
        "Officers responded to the 2500 block of Main Street after a shooting.",
    ],
)
def test_not_a_claim(text: str) -> None:
    assert claims_of(text) == []


def test_superseded_markers() -> None:
    text = (
        "The ministry raised the toll to 89. Moscow had previously said 63 troops died. "
        "Officials cut the death toll from 288 to 275."
    )
    got = {(c.low, c.superseded) for c in claims_of(text)}
    assert got == {(89, False), (63, True), (288, True), (275, False)}


def test_coordinated_figures_share_revision_status() -> None:
    text = (
        "He said 14 people had been killed and 25 injured, "
        "having earlier reported 15 dead and 24 hurt."
    )
    got = {(c.category, c.low, c.superseded) for c in claims_of(text)}
    assert got == {
        ("killed", 14, False),
        ("injured", 25, False),
        ("killed", 15, True),
        ("injured", 24, True),
    }


def test_one_claim_per_claimant_category_figure() -> None:
    text = (
        "Russia's defence ministry said 89 soldiers were killed. "
        "'The number of our dead has risen to 89,' the ministry said. "
        "Ukraine said 89 soldiers were killed, not 400."
    )
    got = sorted((c.claimant_side or "", c.low or 0) for c in claims_of(text))
    assert got == [("RU", 89), ("UA", 89)]


def test_evidence_is_verbatim_with_offsets() -> None:
    text = "Officials said at least 2,012 people were killed and 2,059 injured."
    for c in claims_of(text):
        assert text[c.start : c.end] == c.evidence
        assert c.low is None or c.high is None or c.low <= c.high


def test_background_tolls_are_claims_flagged_as_background() -> None:
    doc = Document(
        id="t",
        published="2016-06-02",
        text="A man was shot dead on Sunday. Last year 43 people were killed in the city. "
        "In 2012, 12 people died in a similar attack.",
    )
    got = {(c.low, c.background) for c in extract_claims(doc)}
    assert got == {(1, False), (43, True), (12, True)}


def test_ages_are_not_counts() -> None:
    assert figures("Two men, ages 26 and 27, were shot in the foot.") == {
        ("casualties", 2, 2, False)
    }
    assert figures("The other victims, ages 28-45, are recovering.") == set()
    assert figures("Two of the boys, 14 and 15, were taken to Stroger Hospital.") == {
        ("injured", 2, 2, False)
    }
    assert figures("The victims, 13 and 15 years old, were taken to the hospital.") == set()


def test_round_ups_are_flagged_as_background() -> None:
    doc = Document(id="t", text="Seven people were wounded in shootings across the West Side.")
    assert [(c.low, c.background) for c in extract_claims(doc)] == [(7, True)]
