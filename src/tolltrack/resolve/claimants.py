"""One canonical claimant across documents.

"Russia's defence ministry", "the Russian Defense Ministry" and "Lt Gen Sevryukov, speaking
for the ministry" are one claimant: the side, plus the body they name (or a person's surname).
"""

from __future__ import annotations

import re

_SPELLING = {"defense": "defence", "organization": "organisation", "center": "centre"}
_BODY = re.compile(
    r"\b(?:(?P<qual>defen[cs]e|health|interior|foreign|emergency|emergencies|civil defen[cs]e|"
    r"home front|general|state)\s+)?(?P<head>ministry|staff|army|military|armed forces|police|"
    r"government|command|authorities|officials|agency|department|service|services|office|"
    r"council|commission|coroner|sheriff|forces)\b",
    re.IGNORECASE,
)
_NAME = re.compile(r"\b([A-Z][a-z'’-]+)\b(?!.*\b[A-Z][a-z'’-]+\b)")
_NOISE = re.compile(r"^(?:the|a|an)\s+|(?:'s|’s)\b", re.IGNORECASE)


def claimant_key(claimant: str | None, side: str | None) -> str | None:
    """A key that is equal for the same claimant named in different ways."""
    if claimant is None:
        return None
    prefix = (side or "-") + ":"
    body = _BODY.search(claimant)
    if body is not None:
        qual = (body.group("qual") or "").lower()
        words = f"{qual} {body.group('head').lower()}".split()
        return prefix + " ".join(_SPELLING.get(w, w) for w in words)
    name = _NAME.search(claimant)
    if name is not None:
        return prefix + name.group(1).lower()
    text = " ".join(_NOISE.sub("", claimant.lower()).split())
    return prefix + " ".join(_SPELLING.get(w, w) for w in text.split())
