"""Finding casualty words: what category a figure belongs to, and how it links to a number.

Two kinds of trigger:
- *after* a number: "400 soldiers were killed", "63 dead", "25 injured", "four bodies";
- *before* a number: verbs "killed 400", "wounding 12" and toll nouns "the death toll rose to 89".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tolltrack.model import Category

# (category, pattern) pairs; earlier ones win at the same position, so longer phrases first.
_AFTER: list[tuple[Category, str]] = [
    ("casualties", r"dead (?:and|or) (?:wounded|injured)|killed (?:and|or) (?:wounded|injured)"),
    ("casualties", r"(?:dead|killed|deaths) (?:and|or) (?:wounded|injured|hurt)"),
    (
        "killed",
        r"shot (?:dead|to death)|shot and killed|fatally (?:shot|wounded|injured|stabbed|struck|hit)",
    ),
    (
        "killed",
        r"(?:stabbed|beaten|burned|burnt|crushed|hacked) to death|lost (?:their|his|her) li(?:ves|fe)",
    ),
    ("killed", r"(?:was|were) pronounced dead|found dead|lives were lost|lives lost"),
    ("killed", r"fatally|passed away"),
    (
        "injured",
        r"(?:is|was|are|were|remains?|remained) (?:now |still |currently )?(?:recovering|in (?:stable|critical|serious|good|fair|guarded) condition)",
    ),
    (
        "injured",
        r"(?:was |were )?(?:taken|rushed|transported|airlifted|sent|driven) to (?:a |the |an )?(?:[\w'.-]+ ){0,4}?(?:hospitals?|medical center)",
    ),
    (
        "killed",
        r"suffered (?:a )?fatal (?:gunshot )?(?:wounds?|injuries|injury)|(?:later |has |have )died",
    ),
    (
        "injured",
        r"shot and (?:wounded|injured)|non-?fatally shot|(?:seriously |critically |slightly )?(?:wounded|injured|hurt)",
    ),
    (
        "injured",
        r"hospitali[sz]ed|treated for (?:injuries|wounds|gunshot wounds)|(?:suffered|sustained|suffering) (?:minor |serious |critical |non-life-threatening |life-threatening |(?:non-)?life threatening )?(?:injuries|wounds)",
    ),
    (
        "killed",
        r"killed|dead|died|deaths|fatalities|slain|perished|martyred|martyrs|martyr|bodies|body|deceased|succumbed|murdered|drowned",
    ),
    ("missing", r"missing|unaccounted for|trapped"),
    (
        "casualties",
        r"casualties|shot|struck by (?:gunfire|bullets?)|hit by (?:gunfire|bullets?|stray)|(?:suffering|suffered|sustained|with|nursing|has|had) (?:from )?(?:an? )?(?:[\w-]+ ){0,3}?gunshot wounds?|(?:struck|hit|grazed|wounded) (?:in|on) the (?:\w+ ){0,2}?(?:head|chest|legs?|arms?|shoulder|back|foot|feet|hand|hip|neck|abdomen|stomach|face|side|thigh|knee|buttocks|torso|wrist|ankle|groin|jaw|eye)|grazed|wounded by gunfire",
    ),
    ("casualties", r"victims"),
    ("killed", r"lives"),  # only after "claimed", "cost", "took": checked when linking
]
# A verb or noun before the number it counts: "killing 12", "wounded 365".
_BEFORE: list[tuple[Category, str]] = [
    (
        "killed",
        r"shot dead|killed|killing|kills|kill|massacred|slaughtered|fatally (?:shooting|shot|stabbing|stabbed)",
    ),
    ("killed", r"(?:fatal shooting|shooting death|killing|murder|death|homicide|slaying) of"),
    ("injured", r"wounded|wounding|wounds|injured|injuring|injures|hurt|hurting"),
    ("casualties", r"shot|struck|grazed|grazing"),
]
# "the death toll rose to 89", "put the number of dead at 46", "the toll is now 288".
_TOLL: list[tuple[Category, str]] = [
    (
        "casualties",
        r"number of (?:the )?(?:\w+ )?(?:victims|casualties|dead and (?:wounded|injured))|casualty (?:toll|figure|count)",
    ),
    ("casualties", r"(?:the )?dead and (?:wounded|injured)"),
    (
        "injured",
        r"number of (?:the )?(?:\w+ )?(?:injured|wounded)|(?:injury|injured) (?:toll|count|tally)",
    ),
    ("missing", r"number of (?:the )?(?:\w+ )?missing"),
    (
        "killed",
        r"death toll|toll of (?:the )?dead|toll|number of (?:the )?(?:\w+ ){0,2}?(?:dead|deaths|killed|fatalities|people killed|bodies)|fatality (?:count|figure)",
    ),
]


def _alternation(pairs: list[tuple[Category, str]]) -> tuple[re.Pattern[str], dict[str, Category]]:
    groups = {f"g{i}": cat for i, (cat, _) in enumerate(pairs)}
    body = "|".join(f"(?P<g{i}>{pat})" for i, (_, pat) in enumerate(pairs))
    # Compiled without re.IGNORECASE: callers search lowercased text, which is ~5x faster.
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])"), groups


AFTER_RE, AFTER_CATS = _alternation(_AFTER)
BEFORE_RE, BEFORE_CATS = _alternation(_BEFORE)
TOLL_RE, TOLL_CATS = _alternation(_TOLL)

# Cheap prefilter, run once over the lowercased document (re.IGNORECASE is ~5x slower, see
# shared/notes/measured-dependencies.md): a sentence with none of these holds no claim.
KEYWORDS_LOWER_RE = re.compile(
    r"\b(?:kill|dead|death|died|dies\b|die\b|fatal|slain|perish|martyr|bod(?:y|ies)\b|decease"
    r"|succumb|murder|drown|massacr|slaughter|wound|injur|hurt|hospital|missing|unaccounted"
    r"|trapped|casualt|victim|shot\b|shoot|gunfire|gunshot|toll|lives\b|life\b|suicide"
    r"|himself|herself|passed away|struck|grazed|grazing|recovering|condition)"
)


@dataclass(frozen=True, slots=True)
class Trigger:
    category: Category
    start: int
    end: int
    kind: str  # "after", "before" or "toll"


def find_triggers(lower: str, offset: int = 0) -> list[Trigger]:
    """Casualty words in ``lower`` (lowercased text, see :func:`lower_keep_offsets`)."""
    found: list[Trigger] = []
    for kind, regex, cats in (
        ("toll", TOLL_RE, TOLL_CATS),
        ("after", AFTER_RE, AFTER_CATS),
        ("before", BEFORE_RE, BEFORE_CATS),
    ):
        for m in regex.finditer(lower):
            found.append(
                Trigger(cats[m.lastgroup or ""], m.start() + offset, m.end() + offset, kind)
            )
    found.sort(key=lambda t: (t.start, -t.end))
    return found


def lower_keep_offsets(text: str) -> str:
    """``text.lower()`` with the same length, so offsets found in it hold in ``text``."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
