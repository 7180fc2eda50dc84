"""The day a figure was stated: a day the sentence names, resolved against publication.

A small rule of our own instead of dateparser: measured here, dateparser read tolls as years
("rose to 89 on Wednesday" → 1989) and resolves neither "New Year's Day" nor "New Year's Eve"
(shared/notes/measured-dependencies.md); the forms news uses for "when" are few.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for m in names
}
_HOLIDAYS = {
    "new year's day": (1, 1),
    "new year's eve": (12, 31),
    "christmas day": (12, 25),
    "christmas eve": (12, 24),
    "christmas": (12, 25),
}
_STATED = re.compile(
    r"\b(?:(?:on|as of|since|by|late on|early on|last|this)\s+)"
    r"(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
    r"|\b(?:on|as of)\s+(?P<holiday>new year's (?:day|eve)|christmas(?: day| eve)?)\b"
    r"|\b(?:on|as of)\s+(?P<month>[a-z]+)\.?\s+(?P<day>\d{1,2})\b"
    r"|\b(?P<rel>yesterday|today|tonight|last night)\b",
    re.IGNORECASE,
)


def parse_day(text: str | None) -> date | None:
    """An ISO date (or datetime) string's day, or None."""
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def stated_day(sentence: str, published: str | None) -> str | None:
    """The day the sentence says the figure holds for, else the publication day (ISO)."""
    pub = parse_day(published)
    if pub is None:
        return None
    m = _STATED.search(sentence)
    if m is None:
        return pub.isoformat()
    day = _resolve(m, pub)
    return (day or pub).isoformat()


def _resolve(m: re.Match[str], pub: date) -> date | None:
    if m.group("weekday"):
        back = (pub.weekday() - _WEEKDAYS.index(m.group("weekday").lower())) % 7
        return pub - timedelta(days=back)  # the latest such day on or before publication
    if m.group("holiday"):
        month, day = _HOLIDAYS[m.group("holiday").lower()]
        return _latest(pub, month, day)
    if m.group("month"):
        named = _MONTHS.get(m.group("month").lower())
        return None if named is None else _latest(pub, named, int(m.group("day")))
    rel = m.group("rel").lower()
    return pub - timedelta(days=1) if rel in ("yesterday", "last night") else pub


def _latest(pub: date, month: int, day: int) -> date | None:
    """That month and day in the publication's year, or the year before if still to come."""
    try:
        d = date(pub.year, month, day)
        return d if d <= pub else date(pub.year - 1, month, day)
    except ValueError:
        return None
