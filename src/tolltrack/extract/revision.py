"""Finding revision markers: is a figure presented as an earlier, superseded count?"""

from __future__ import annotations

import re

# Markers in the stretch of text before a figure (since the previous figure or clause start).
_MARKERS = re.compile(
    r"\b(?:previous(?:ly)?|earlier|initial(?:ly)?|original(?:ly)?|at first"
    r"|first (?:statement|report|count|figure|toll|tally|update|estimate)s?"
    r"|had (?:previously |earlier |initially |first |also )?"
    r"(?:said|put|reported|given|claimed|stated|announced|"
    r"confirmed|estimated|counted|"
    r"recorded|cited|set)|had been (?:put|given|reported|estimated) at|old (?:figure|toll|count)"
    r"|up from|down from|revised (?:down|up)(?:ward)? from)\b",
    re.IGNORECASE,
)
# "cut the toll from 288 to 275": the number right after "from" is the old one.
_FROM_BEFORE = re.compile(r"\bfrom\s+$", re.IGNORECASE)
_REVISED_FROM = re.compile(
    r"\b(?:rose|risen|raised|cut|revised|lowered|increased|decreased|jumped|climbed|changed"
    r"|updated|corrected|reduced|dropped|fell|went|rising|raising|cutting|revising|brought)\b",
    re.IGNORECASE,
)
# Coordinated figures share their status: "earlier reported 15 dead and 24 hurt".
COORDINATED = re.compile(r"^[\s,]*(?:[\w'-]+\s+){0,2}?(?:and|,|as well as|plus)\s+$", re.IGNORECASE)


def is_superseded(before: str, sentence_before: str) -> bool:
    """Is the figure presented as an earlier count?

    ``before`` is the text since the previous figure; ``sentence_before`` the sentence up to
    the figure.
    """
    if _FROM_BEFORE.search(before) and _REVISED_FROM.search(sentence_before):
        return True
    return _MARKERS.search(before) is not None


# A figure set in another time than the reported incident (a background toll), or summed
# over several incidents (a round-up).
_OTHER_TIME = re.compile(
    r"\b(?:last|past|previous) (?:year|month|decade|summer|winter|spring|fall|autumn)\b"
    r"|\b(?:years|decades|months) ago\b|\bso far this (?:year|month)\b|\bthis year\b"
    r"|\bsince (?:19|20)\d\d\b|\bin recent (?:years|months)\b|\bevery year\b"
    r"|\ba year (?:ago|earlier)\b|\bper year\b|\bannually\b"
    # round-ups of several incidents
    r"|\bshootings\b|\bseparate (?:incidents|attacks|shootings)\b|\bcitywide\b",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(?:19[5-9]\d|20[0-4]\d)\b")


def is_background(sentence: str, published: str | None) -> bool:
    """Does the sentence set its figures in another time than the document's own?"""
    if _OTHER_TIME.search(sentence):
        return True
    if published and published[:4].isdigit():
        return any(y != published[:4] for y in _YEAR.findall(sentence))
    return False
