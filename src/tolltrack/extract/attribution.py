"""Finding who states a figure: reporting frames and their speakers.

A frame is a reporting verb with its speaker: "X said", "X told", "according to X",
"..., said X", "X put the toll at", "X gave a figure of", or a headline's trailing source
("Death toll rises to 65 - Health Ministry"). Deciding which frame a figure belongs to is
done by the pipeline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_VERBS = (
    r"said|says|say|told|tells|claimed|claims|claim|reported|reports|report|announced|announces"
    r"|confirmed|confirms|stated|states|added|adds|estimated|estimates|wrote|writes|posted"
    r"|tweeted|speaks of|spoke of|cited|quoted|indicated|indicates|noted|notes|acknowledged"
    r"|admitted|admits|explained|warned|insisted|recorded|counted|registered|believe|believes"
    r"|put|puts|gave|gives|raised|raises|cut|cuts|revised|revises|lowered|updated|increased"
    r"|documented|tallied|listed|identified|declared|declares|saying|repeated|repeats"
    r"|reiterated|reiterates|maintained|maintains"
)
# Verbs that only report when the toll follows: "put the toll at", "raised to 89".
_OBJECT_VERBS = {
    "put",
    "puts",
    "gave",
    "gives",
    "raised",
    "raises",
    "cut",
    "cuts",
    "revised",
    "revises",
    "lowered",
    "updated",
    "increased",
    "recorded",
    "counted",
    "registered",
    "documented",
    "tallied",
    "listed",
    "identified",
    "declared",
    "declares",
}
_OBJECT_OK = re.compile(
    r"^\s+(?:(?:on|late on|early on) \w+ )?(?:the |a |its |their |his |her )?(?:\w+ )?"
    r"(?:death toll|toll|figure|number|count|tally|to |from |deaths|casualties|\d|at least)",
    re.IGNORECASE,
)
VERB_RE = re.compile(rf"(?<![\w-])(?P<verb>{_VERBS})(?![\w-])", re.IGNORECASE)
ACCORDING_RE = re.compile(
    r"\baccording to (?P<np>[^,.;:()\"“”]+?)(?=\s*(?:[,.;:()\"“”]|$| on | in a | who | which ))",
    re.IGNORECASE,
)
INVERTED_RE = re.compile(
    r"[,'’\"”]\s*(?P<verb>said|says|told|added|according to)\s+(?P<np>[A-Z][^,.;:()\"“”]{1,80}?)"
    r"\s*(?:[.,;]|$| in a | on | who | after )",
)
HEADLINE_SOURCE_RE = re.compile(r"\s[-–—|:]\s+(?P<np>[A-Z][\w'’. -]{2,60})\s*$")

# Words that end a speaker's phrase when reading leftwards from the verb.
_LEFT_STOP = re.compile(
    r"(?:^|[;:\"“”]|\s'|'\s|\s[-–—]\s|\b(?:that|and then|but|while|as|which|who|whom|when|after"
    r"|because|where|than|though|although|if|since|before|so|cite|cites|cited|quoted|quoting)\b)",
    re.IGNORECASE,
)
_TIME_WORD = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|morning|evening|afternoon"
    r"|night|day|week|weekend|today|tonight|month|year)"
)
_LEADING_NOISE = re.compile(
    rf"^(?:(?:(?:late |early )?(?:on|in|at|by|during|this|last|earlier|later)\s+(?:the\s+)?"
    rf"(?:[\w,]+\s+){{0,3}}?{_TIME_WORD}s?\b|also|meanwhile|however|separately|earlier|later|then"
    r"|now|still|overnight|so far|and|but|speaking)\s*,?\s*)+",
    re.IGNORECASE,
)
_ADVERB = (
    r"(?:also|previously|earlier|later|initially|first|then|now|again|separately|further|has|have"
    r"|had|had also|(?:late |early )?on \w+|in a statement|in an update|in a video statement"
    r"|on Telegram|on X|on Facebook)"
)
_TRAILING_NOISE = re.compile(rf"(?:\s+{_ADVERB})+$", re.IGNORECASE)
_DAY_TAIL = re.compile(
    r"\s+(?:(?:late |early )?on|in|at)\s+(?:the\s+)?(?:monday|tuesday|wednesday|thursday|friday"
    r"|saturday|sunday|\w+day|evening|morning|afternoon|night)\b.*$",
    re.IGNORECASE,
)
_NOT_A_SPEAKER = re.compile(r"^(?:[a-z]+ing\b|and\b|but\b|or\b|to\b|the$|a$)")
_DETERMINER_BEFORE = re.compile(r"\b(?:its|their|his|her|the|a|an|this|that|our)\s+$", re.I)
_PASSIVE = {"been", "be", "being", "was", "were", "is", "are", "get", "got"}
PRONOUNS = {"he", "she", "it", "they", "we", "i", "who", "which", "this", "that"}


@dataclass(frozen=True, slots=True)
class Frame:
    """A reporting frame: ``speaker`` said something around ``verb_start``."""

    speaker: str
    appositive: str  # a phrase set off by commas after the speaker, e.g. a role
    verb_start: int
    verb_end: int
    kind: str  # "verb", "according", "inverted", "headline"


_PARENS = re.compile(r"\s*\([^)]*\)")


def _clean_speaker(np: str) -> str:
    np = _PARENS.sub("", np)
    np = np.strip(" ,'\"‘’“”")
    np = _LEADING_NOISE.sub("", np)
    np = _DAY_TAIL.sub("", np)
    np = _TRAILING_NOISE.sub("", np)
    np = np.strip(" ,'\"‘’“”")
    return "" if _NOT_A_SPEAKER.match(np) else np


def _speaker_before(sentence: str, verb_start: int) -> tuple[str, str]:
    """The speaker's phrase left of a verb, and a comma-set appositive if there is one."""
    # A speaker is a short phrase: a bounded window keeps long sentences linear.
    left = sentence[max(0, verb_start - 300) : verb_start].rstrip()
    appositive = ""
    left = _TRAILING_NOISE.sub("", left).rstrip()
    left = re.sub(r"\s+as$", "", left)  # "cite X as saying"
    if left.endswith(","):
        # "X, quoted by Y, said": skip the appositive between commas.
        body = left[:-1]
        comma = body.rfind(",")
        if comma > 0:
            appositive = body[comma + 1 :].strip()
            left = body[:comma]
        else:
            left = body
    stops = list(_LEFT_STOP.finditer(left))
    start = stops[-1].end() if stops else 0
    comma = left.rfind(",", start)
    if comma >= 0:
        start = comma + 1
    words = left[start:].split()
    if len(words) > 12 or (words and words[-1].lower() in _PASSIVE):
        return "", appositive
    return _clean_speaker(left[start:]), appositive


def find_frames(sentence: str, is_headline: bool = False) -> list[Frame]:
    frames: list[Frame] = []
    for m in VERB_RE.finditer(sentence):
        verb = m.group("verb").lower()
        if _DETERMINER_BEFORE.search(sentence[max(0, m.start() - 8) : m.start()]):
            continue  # "its claim that", "the report": a noun, not a reporting verb
        if verb in _OBJECT_VERBS and not _OBJECT_OK.match(sentence[m.end() :]):
            continue
        speaker, appositive = _speaker_before(sentence, m.start())
        if not speaker and frames and re.search(r"\band\s+$", sentence[: m.start()]):
            # "X cut the toll ..., and said 1,175 were injured": the subject is shared.
            speaker, appositive = frames[-1].speaker, frames[-1].appositive
        if speaker and speaker.lower() != "this":
            frames.append(Frame(speaker, appositive, m.start(), m.end(), "verb"))
    for m in ACCORDING_RE.finditer(sentence):
        frames.append(Frame(_clean_speaker(m.group("np")), "", m.start(), m.end(), "according"))
    for m in INVERTED_RE.finditer(sentence):
        if m.group("verb").lower() == "according to":
            continue
        np = _clean_speaker(m.group("np"))
        if np:
            frames.append(Frame(np, "", m.start("verb"), m.end("np"), "inverted"))
    headline = HEADLINE_SOURCE_RE.search(sentence) if is_headline else None
    if headline:
        frames.append(
            Frame(headline.group("np").strip(), "", headline.start(), headline.end(), "headline")
        )
    frames.sort(key=lambda f: f.verb_start)
    return frames
