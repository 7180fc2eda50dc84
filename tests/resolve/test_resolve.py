from __future__ import annotations

import pytest

from tolltrack.model import Incident, Place
from tolltrack.resolve import incidents
from tolltrack.resolve.claimants import claimant_key
from tolltrack.resolve.dates import stated_day
from tolltrack.resolve.places import find_place


@pytest.mark.parametrize(
    ("sentence", "published", "day"),
    [
        ("The toll rose to 89 on Wednesday.", "2023-01-04", "2023-01-04"),
        ("On Monday Moscow had put the toll at 63.", "2023-01-04", "2023-01-02"),
        ("As of Tuesday, 40 were missing.", "2023-01-04", "2023-01-03"),
        ("The strike came on New Year's Day.", "2023-01-04", "2023-01-01"),
        ("Figures released on New Year's Eve.", "2023-01-04", "2022-12-31"),
        ("On Jan. 2 the ministry said 63 died.", "2023-01-04", "2023-01-02"),
        ("Yesterday police said two died.", "2023-01-04", "2023-01-03"),
        ("Two people died.", "2023-01-04", "2023-01-04"),
        ("Two people died.", None, None),
    ],
)
def test_stated_day(sentence: str, published: str | None, day: str | None) -> None:
    assert stated_day(sentence, published) == day


def test_claimant_key_is_one_for_one_claimant() -> None:
    keys = {
        claimant_key("Russia's defence ministry", "RU"),
        claimant_key("the Russian Defense Ministry", "RU"),
        claimant_key("Defence Ministry", "RU"),
    }
    assert keys == {"RU:defence ministry"}
    assert claimant_key("Lieutenant General Sergei Sevryukov", "RU") == "RU:sevryukov"
    # a spokesman for a body speaks for the body
    assert claimant_key("Lt Gen Sevryukov, speaking for the ministry", "RU") == "RU:ministry"
    assert claimant_key(None, None) is None


@pytest.mark.parametrize(
    ("text", "name", "country", "precision"),
    [
        ("Russia says 89 killed in Makiivka strike", "Makiyivka", "UA", "city"),
        ("Makeevka toll rises", "Makiyivka", "UA", "city"),
        ("Flooding in Derna, Libya", "Darnah", "LY", "city"),
        (
            "Shooting in Decatur, Illinois, police spokeswoman Dana Ruiz said",
            "Decatur",
            "US",
            "city",
        ),
        ("Unrest spreads across Ecuador", "Ecuador", "EC", "country"),
    ],
)
def test_find_place(text: str, name: str, country: str, precision: str) -> None:
    place = find_place(text)
    assert place is not None
    assert (place.name, place.country, place.precision) == (name, country, precision)


def test_kind_of() -> None:
    assert incidents.kind_of("Strong earthquake hits eastern Turkey") == "earthquake"
    assert incidents.kind_of("Missile strike on depot kills three") == "strike"
    assert incidents.kind_of("Council meets") is None


def _incident(i: str, kind: str, place: Place, day: str) -> Incident:
    return Incident(i, "x", kind, place, day, day)


def test_choose_by_text_or_by_kind_place_and_time() -> None:
    kyiv = Place("Kyiv", "UA", 50.45, 30.52, "city")
    near = Place("Brovary", "UA", 50.51, 30.79, "city")
    far = Place("Lviv", "UA", 49.84, 24.03, "city")
    cands = [
        incidents.Candidate(_incident("a", "strike", kyiv, "2024-01-01"), 0.05),
        incidents.Candidate(_incident("b", "strike", far, "2024-01-02"), 0.05),
    ]
    assert incidents.choose("strike", near, "2024-01-03", cands) == "a"
    assert incidents.choose("strike", near, "2024-01-20", cands) is None
    assert incidents.choose("flood", near, "2024-01-03", cands) is None
    text_match = [incidents.Candidate(_incident("c", "flood", far, "2024-01-02"), 0.6)]
    assert incidents.choose("strike", None, "2024-01-03", text_match) == "c"
