"""Deciding which quantities are casualty figures: link a number to its category word."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tolltrack.extract.numbers import Quantity
from tolltrack.extract.triggers import Trigger
from tolltrack.model import Category

# Words in the gap between a number and its category word that say they are not linked.
_GAP_BLOCK = re.compile(
    r"[;:()]|\b(?:according|after|before|when|while|but|because|although|though|whereas|if"
    r"|unless|whom|whose|than|until|despite|rescued|evacuated|displaced|arrested|detained|freed"
    r"|saved|survived|escaped|fled|charged|homeless|not|no|never|without|fired"
    r"|launched|destroyed|damaged|injuring|killing|wounding|during|per|as|he|she|they|we|i"
    r"|you)\b",
    re.IGNORECASE,
)
# A long gap is accepted only when it ends like a passive or partitive link to the word.
_GAP_LINK_END = re.compile(
    r"(?:\b(?:were|was|are|is|been|be|being|have|has|had|among the|of the|of|among|reportedly|now"
    r"|also|later|all|both|who|already|feared|believed to be|believed to have|thought to have"
    r"|known to have|said to have|confirmed|found|left|more|other|others|people|say|says|said"
    r"|pronounced)"
    r"|[,'’])\s*$",
    re.IGNORECASE,
)
_BEFORE_GAP = re.compile(
    r"^\s*(?:a total of\s+|another\s+|an additional\s+|a further\s+|at least\s+)?$", re.I
)
_TOLL_GAP_END = re.compile(
    r"(?:\b(?:at|to|of|is|was|now|reached|reach|hit|passed|past|exceeded|exceeds|topped|tops"
    r"|surpassed|numbered|numbers|in the|stands at|stood at|from|as|been|over|above|climbed"
    r"|rose|risen|jumped|reaching|hitting)|:)\s*['\"‘“]?\s*$",
    re.IGNORECASE,
)
_LIVES_VERB = re.compile(r"\b(?:claim\w*|cost\w*|took|tak\w+|lost)\s+$", re.IGNORECASE)
# Active voice: the trigger has an object right after it ("shot a bartender", "killed his wife").
_AGENT_OBJECT = re.compile(
    r"\s+(?:a|an|the|his|her|their|him|them|himself|herself|themselves|two|three|four|five|six"
    r"|seven|eight|nine|ten|\d+|at least|several|multiple|another)\b",
    re.IGNORECASE,
)
_TRANSITIVE = re.compile(r"(?:shot|killed|fatally|wounded|injured|hurt|stabbed)$")
_PASSIVE_END = re.compile(r"\b(?:was|were|been|be|being|is|are|get|got)\s*$", re.IGNORECASE)
# "a man was shot ... and later died", "taken to hospital, where she was pronounced dead".
_DIED_LATER = re.compile(
    r"[^.;]{0,100}?\b(?:(?:and|but)\s+(?:later\s+)?(?:died|was killed|were killed)"
    r"|(?:have|has|later) died|where (?:he|she) (?:later )?died"
    r"|where (?:he|she) was (?:later )?pronounced dead"
    r"|(?:not able|unable|could not|couldn't) (?:to )?save)\b",
    re.IGNORECASE,
)
# "two of the wounded died in hospital"
_DIED_NOW = re.compile(r"\s+(?:\w+\s+){0,2}?(?:died|succumbed|have died|had died)\b", re.I)
_SUB_FIGURE = re.compile(r"\b(?:including|among them|among whom|of whom|of them)\s+$", re.I)
_NEGATED = re.compile(r"\b(?:no|none of the|not a|not one|not)\s*$", re.IGNORECASE)
_WORD = re.compile(r"[\w'’-]+")
_VICTIM_NOISE = re.compile(
    r"\b(?:were|was|are|is|been|be|being|have|has|had|reportedly|now|also|later|already"
    r"|believed to|known to|thought to|said to|more|who)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Figure:
    """A quantity linked to a casualty category, with its evidence span."""

    quantity: Quantity
    category: Category
    start: int
    end: int
    link: str  # "after", "before", "toll", "list", "self"
    victims: str | None


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def _victims(gap: str) -> str | None:
    text = _VICTIM_NOISE.sub(" ", gap)
    text = " ".join(text.replace(",", " ").split()).strip(" '\"")
    return text or None


def link_figures(text: str, quantities: list[Quantity], triggers: list[Trigger]) -> list[Figure]:
    """Link each quantity of one sentence to at most one category (``text`` is the document)."""
    figures: list[Figure] = []
    # "Fifteen people, including 3 children, were shot": a sub-figure tied to a total belongs
    # to the total's victims; it is no claim of its own and does not cut the total's link.
    main = [q for q in quantities if not _SUB_FIGURE.search(text[max(0, q.start - 16) : q.start])]
    for i, q in enumerate(main):
        if _NEGATED.search(text[max(0, q.start - 12) : q.start]):
            continue
        prev_end = main[i - 1].end if i > 0 else -1
        next_start = main[i + 1].start if i + 1 < len(main) else 1 << 62
        fig = (
            _link_before(text, q, triggers)
            or _link_after(text, q, triggers, next_start)
            or _link_toll(text, q, triggers, prev_end)
            or _link_list(text, q, figures)
        )
        if fig is not None:
            figures.append(fig)
    return figures


def _link_before(text: str, q: Quantity, triggers: list[Trigger]) -> Figure | None:
    for t in triggers:
        if t.kind == "before" and t.end <= q.start and _BEFORE_GAP.match(text[t.end : q.start]):
            after = text[q.end : q.end + 40]
            m = re.match(
                r"\s*([\w'’ -]{0,30}?)(?=[,.;:]|\s+(?:and|in|on|at|as|from|near)\b|$)", after
            )
            victims = m.group(1).strip() if m and not q.single else text[q.start : q.end]
            return Figure(q, t.category, t.start, q.end, "before", victims or None)
    return None


def _link_after(text: str, q: Quantity, triggers: list[Trigger], next_start: int) -> Figure | None:
    for t in triggers:
        if t.kind != "after" or t.start < q.end:
            continue
        if t.start > next_start:
            return None
        gap = text[q.end : t.start]
        if _GAP_BLOCK.search(gap) or "\n" in gap:
            return None
        n = _words(gap)
        if n > 16 or (n > 5 and not _GAP_LINK_END.search(gap)):
            return None
        word = text[t.start : t.end].lower()
        if word == "lives" and (
            gap.strip() or not _LIVES_VERB.search(text[max(0, q.start - 24) : q.start])
        ):
            return None  # "claimed 12 lives", not "a boy who lives"
        if word == "victims" and re.search(r"\bof(?: the)?\s*$", gap):
            continue  # "one of the victims died": the verb decides
        if _is_agent(text, word, t.end, gap):
            return None  # "a man shot his neighbour": the number counts the attacker
        category = t.category
        partitive = re.search(r"\bof (?:the|its|their)\s*$", gap) is not None
        if category in ("casualties", "injured") and (
            _DIED_LATER.match(text[t.end : t.end + 110])
            or (partitive and _DIED_NOW.match(text[t.end : t.end + 40]))
        ):
            category = "killed"  # "a man was shot ... and later died"
        return Figure(
            q,
            category,
            q.start,
            t.end,
            "after",
            _victims(gap) if not q.single else text[q.start : q.end],
        )
    return None


def _is_agent(text: str, word: str, end: int, gap: str) -> bool:
    """Is the quantity the subject of an active transitive casualty verb?"""
    if _PASSIVE_END.search(gap) or not _TRANSITIVE.search(word):
        return False
    if word.endswith("shot") and re.match(r"\s+(?:at|into|toward|towards)\b", text[end : end + 10]):
        return True  # "shot at a car": fired, nobody hit
    return _AGENT_OBJECT.match(text, end) is not None


def _link_toll(text: str, q: Quantity, triggers: list[Trigger], prev_end: int) -> Figure | None:
    best: Trigger | None = None
    for t in triggers:
        if t.kind == "toll" and prev_end <= t.start and t.end <= q.start:
            best = t
    if best is None:
        return None
    gap = text[best.end : q.start]
    verbal = re.match(r"(?:could|may|might)\b", text[q.start : q.end], re.IGNORECASE)
    if _words(gap) > 16 or re.search(r"[;]", gap):
        return None
    if not (_TOLL_GAP_END.search(gap) or (verbal and not gap.strip())):
        return None
    return Figure(q, best.category, best.start, q.end, "toll", None)


def _link_list(text: str, q: Quantity, figures: list[Figure]) -> Figure | None:
    """ "Al Haouz accounts for 1,293 of the dead, Taroudant for 452": same category."""
    if not figures:
        return None
    prev = figures[-1]
    gap = text[prev.end : q.start]
    if re.fullmatch(r"\s+to\s+", gap) and re.search(r"\bfrom\s+$", text[: prev.quantity.start]):
        # "cut the toll from 288 to 275": the new figure has the old one's category.
        return Figure(q, prev.category, q.start, q.end, "list", prev.victims)
    if len(gap) > 50 or re.search(r"[.;:]", gap):
        return None
    word_before = re.search(r"(\w+)\s+$", text[max(0, q.start - 20) : q.start])
    prev_before = re.search(
        r"(\w+)\s+$", text[max(0, prev.quantity.start - 20) : prev.quantity.start]
    )
    if not word_before or not prev_before or word_before.group(1) != prev_before.group(1):
        return None
    if word_before.group(1).lower() not in {"for", "in", "from"}:
        return None
    place = re.search(r"([A-Z][\w'’ -]{1,40}?)\s+\w+\s+$", text[max(0, q.start - 50) : q.start])
    start = q.start - len(place.group(0)) if place else q.start
    return Figure(q, prev.category, max(start, prev.end), q.end, "list", None)
