"""The extraction pipeline: sentences → quantities + triggers → figures → attributed claims."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz

from tolltrack.extract.actors import Actors
from tolltrack.extract.attribution import PRONOUNS, Frame, find_frames
from tolltrack.extract.linking import Figure, link_figures
from tolltrack.extract.numbers import find_quantities
from tolltrack.extract.revision import COORDINATED, is_background, is_superseded
from tolltrack.extract.sentences import split_sentences
from tolltrack.extract.triggers import KEYWORDS_LOWER_RE, find_triggers, lower_keep_offsets
from tolltrack.model import Claim, Document

_SELF_KILL = re.compile(
    r"\bkilled (?:himself|herself)\b|\btook (?:his|her) own life\b"
    r"|\bcommitted suicide\b"
    r"|\b(?:turned|turning|turns) the (?:gun|weapon) on (?:himself|herself)\b",
    re.IGNORECASE,
)
_INTENT_BEFORE = re.compile(
    r"\b(?:plan(?:ned|s)?|tr(?:y|ied|ies)|attempt(?:ed|s)?|threaten(?:ed|s)?|want(?:ed|s)?"
    r"|intend(?:ed|s)?|going) to\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)
_OWNED_DOC = re.compile(
    r"\s*(?:'s|’s)\s+(?:\w+\s+)?(?:statement|update|report|figures?|data|count|tally|post"
    r"|message|bulletin|announcement|account)$",
    re.IGNORECASE,
)
_NON_ACTOR = re.compile(
    r"\b(?:toll|figure|count|tally|number|estimate|total|strike|attack|explosion|blast"
    r"|there|crash|quake|earthquake|fire)s?$",
    re.IGNORECASE,
)
_PERSON = re.compile(r"^(?:[A-Z][\w'’.-]+\s+){0,4}[A-Z][\w'’-]+$")


@dataclass
class _DocState:
    """What extraction of one document remembers from sentence to sentence."""

    text: str
    lower: str
    published: str | None
    last_speaker: tuple[str, str | None] | None = None
    mention_starts: list[int] = field(default_factory=list)
    mention_sides: list[str] = field(default_factory=list)
    mentions_ready: bool = False
    roles: dict[str, str] = field(default_factory=dict)
    unread: list[tuple[int, int, bool]] = field(default_factory=list)


class Extractor:
    """Extract claims from documents. Reusable and thread-safe after construction."""

    def __init__(self, actors: Actors | None = None) -> None:
        self.actors = actors or Actors.load()

    @classmethod
    def with_actors_file(cls, path: Path | None) -> Extractor:
        return cls(Actors.load(path))

    def extract(self, doc: Document) -> list[Claim]:
        text = doc.text
        lower = lower_keep_offsets(text)
        hits = [m.start() for m in KEYWORDS_LOWER_RE.finditer(lower)]
        if not hits:
            return []
        state = _DocState(text, lower, doc.published)
        claims: list[Claim] = []
        h = 0
        for s, e in split_sentences(text):
            while h < len(hits) and hits[h] < s:
                h += 1
            if h == len(hits):
                break
            if hits[h] < e:  # the sentence holds a casualty word
                claims.extend(self._sentence_claims(state, s, e, is_headline=s == 0))
        return _merge(claims)

    # -- one sentence -------------------------------------------------------------------
    def _sentence_claims(self, state: _DocState, s: int, e: int, is_headline: bool) -> list[Claim]:
        text = state.text
        sentence = text[s:e]
        lower = state.lower[s:e]
        triggers = find_triggers(lower, s)
        quantities = find_quantities(sentence, s, lower) if triggers else []
        figures = link_figures(text, quantities, triggers) if quantities else []
        self_kills = list(_SELF_KILL.finditer(sentence))
        if not figures and not self_kills:
            # Frames only matter here for a later "he said": read them when that happens.
            state.unread.append((s, e, is_headline))
            return []
        frames = find_frames(sentence, is_headline and "\n" in text[e : e + 2])
        claims: list[Claim] = []
        background = is_background(sentence, state.published)
        prev: Figure | None = None
        prev_superseded = False
        for fig in figures:
            q = fig.quantity
            seg_start = prev.end if prev is not None else s
            before = text[seg_start : q.start]
            if prev is not None and COORDINATED.match(before):
                superseded = prev_superseded
            else:
                superseded = is_superseded(before, text[s : q.start])
            claimant, side = self._attribute(state, frames, s, fig)
            claims.append(
                Claim(
                    category=fig.category,
                    low=q.low,
                    high=q.high,
                    approx=q.approx,
                    claimant=claimant,
                    claimant_side=side,
                    victims=fig.victims,
                    superseded=superseded,
                    evidence=text[fig.start : fig.end],
                    start=fig.start,
                    end=fig.end,
                    background=background,
                )
            )
            prev, prev_superseded = fig, superseded
        for m in self_kills:
            if _INTENT_BEFORE.search(sentence[max(0, m.start() - 30) : m.start()]):
                continue
            start, end = s + m.start(), s + m.end()
            if any(c.start <= start < c.end for c in claims):
                continue
            claimant, side = self._attribute(state, frames, s, None, start)
            claims.append(
                Claim(
                    "killed",
                    1,
                    1,
                    False,
                    claimant,
                    side,
                    "perpetrator",
                    False,
                    text[start:end],
                    start,
                    end,
                )
            )
        self._remember_speakers(state, frames, s)
        return claims

    def _remember_speakers(self, state: _DocState, frames: list[Frame], s: int) -> None:
        for f in frames:
            name, side = self._resolve(state, f, s)
            if name is not None and f.speaker.lower() not in PRONOUNS:
                state.last_speaker = (name, side)
                state.unread.clear()  # older speakers can no longer be the last one

    def _read_unread_frames(self, state: _DocState) -> None:
        """Speakers of earlier sentences without figures, in order, for "he said"."""
        unread, state.unread = state.unread, []
        for s, e, is_headline in unread:
            headline = is_headline and "\n" in state.text[e : e + 2]
            self._remember_speakers(state, find_frames(state.text[s:e], headline), s)

    # -- attribution --------------------------------------------------------------------
    def _attribute(
        self, state: _DocState, frames: list[Frame], s: int, fig: Figure | None, pos: int = 0
    ) -> tuple[str | None, str | None]:
        start = fig.quantity.start if fig is not None else pos
        end = fig.quantity.end if fig is not None else pos
        sentence = state.text[s : max(end, start) + 1]
        preceding = [f for f in frames if s + f.verb_end <= start]
        following = [f for f in frames if s + f.verb_start >= end]
        frame: Frame | None = None
        if preceding:
            frame = preceding[-1]
            between = sentence[frame.verb_end : start - s]
            if following and re.search(r"['’\"”],?\s*$", state.text[end : end + 2] + between[-1:]):
                frame = following[0]
        elif following:
            frame = following[0]
        if frame is None:
            return None, None
        return self._resolve(state, frame, s)

    def _resolve(self, state: _DocState, frame: Frame, s: int) -> tuple[str | None, str | None]:
        speaker = _OWNED_DOC.sub("", frame.speaker).strip()
        lower = speaker.lower()
        if not speaker or _NON_ACTOR.search(speaker):
            return None, None
        if lower in PRONOUNS or lower.split(" ", 1)[0] in {"its", "his", "her", "their"}:
            self._read_unread_frames(state)
            if state.last_speaker is not None:
                return state.last_speaker
            return self._sentence_body(state, s)
        return speaker, self._side(state, speaker, frame.appositive, s + frame.verb_start)

    def _sentence_body(self, state: _DocState, s: int) -> tuple[str | None, str | None]:
        """For "he said" with no earlier speaker: a named actor in the same sentence."""
        found = self.actors.body_in(state.text[s : s + 600])
        return found if found is not None else (None, None)

    def _side(self, state: _DocState, speaker: str, appositive: str, pos: int) -> str | None:
        """A named body's side; else an independent voice; else a country named in the
        phrase; else a state body of the country in context. A person's side is read the
        same way from their role ("Prague Police Chief Martin Vondrasek")."""
        side = self._side_of_phrase(state, speaker, pos)
        if side is None and _PERSON.match(speaker):
            surname = speaker.split()[-1]
            if surname not in state.roles:
                state.roles[surname] = self._role_of(state.text, surname, pos)
            side = self._side_of_phrase(state, f"{appositive} {state.roles[surname]}", pos)
        return side

    def _side_of_phrase(self, state: _DocState, phrase: str, pos: int) -> str | None:
        actors = self.actors
        side = actors.body_side(phrase)
        if side is not None:
            return side
        if actors.is_independent(phrase):
            return "INDEP"
        side = actors.country_side(phrase)
        if side is None and actors.is_state(phrase):
            side = self._context_country(state, pos)
        return side

    @staticmethod
    def _role_of(text: str, surname: str, pos: int) -> str:
        """Words around a person's first mention: "Prague Police Chief Martin Vondrasek".

        The first mention is looked for in the 20,000 characters before ``pos`` only, so
        that a long document with many names stays linear.
        """
        i = text.find(surname, max(0, pos - 20_000), pos + 1)
        if i < 0:
            return ""
        left = text[max(0, i - 70) : i]
        left = re.split(r"[.;:!?\n]", left)[-1]
        right = re.match(r"[^.;\n]{0,80}", text[i + len(surname) :])
        appositive = ""
        if right and right.group(0).startswith(","):
            appositive = right.group(0).split(",")[1]
        return f"{left} {appositive}"

    def _context_country(self, state: _DocState, pos: int) -> str | None:
        """The country named last before ``pos``; else the one the document names most."""
        if not state.mentions_ready:
            mentions = self.actors.country_mentions(state.text)
            state.mention_starts = [m.start for m in mentions]
            state.mention_sides = [m.side for m in mentions]
            state.mentions_ready = True
        i = bisect_left(state.mention_starts, pos)
        if i > 0:
            return state.mention_sides[i - 1]
        if state.mention_sides:
            sides = state.mention_sides
            return max(set(sides), key=sides.count)
        return None


def _merge(claims: list[Claim]) -> list[Claim]:
    """One claim per (party, category, figure): repeats merge, the current reading wins.

    The party is the claimant's side, or its text when no side is known (near-identical
    texts, e.g. "police" and "police spokeswoman Ruiz", are one party). A figure repeated
    without attribution is the same claim as the attributed one (whichever comes first).
    """
    out: list[Claim] = []
    by_party: dict[tuple[object, ...], int] = {}
    by_figure: dict[tuple[object, ...], list[int]] = {}
    unattributed: dict[tuple[object, ...], int] = {}
    for c in claims:
        # The attacker killing himself is one more person, not a repeat of a victim's figure.
        figure: tuple[object, ...] = (c.category, c.low, c.high, c.victims == "perpetrator")
        party = c.claimant_side or (c.claimant or "").lower() or None
        same = by_figure.get(figure, [])
        i = by_party.get((party, *figure))
        if i is None and c.claimant_side is None and c.claimant is not None:
            # Compare with the latest few only: bounded work keeps long documents linear.
            i = next((j for j in same[-16:] if _same_speaker(out[j], c)), None)
        if i is None and party is None and same:
            i = same[0]
        if i is None:
            i = unattributed.get(figure)
        if i is None:
            by_party[(party, *figure)] = len(out)
            by_figure.setdefault(figure, []).append(len(out))
            if c.claimant is None:
                unattributed[figure] = len(out)
            out.append(c)
            continue
        kept = out[i]
        if kept.superseded and not c.superseded:
            kept = _replace(kept, superseded=False)
        if kept.claimant is None and c.claimant is not None:
            kept = _replace(kept, claimant=c.claimant, claimant_side=c.claimant_side)
            by_party[(party, *figure)] = i
            unattributed.pop(figure, None)
        out[i] = kept
    return out


def _same_speaker(a: Claim, b: Claim) -> bool:
    """Sideless claimants that name the same speaker ("police", "police spokeswoman X")."""
    if a.claimant_side is not None or a.claimant is None or b.claimant is None:
        return False
    return bool(fuzz.token_set_ratio(a.claimant.lower(), b.claimant.lower()) >= 90)


def _replace(c: Claim, **changes: object) -> Claim:
    from dataclasses import replace

    return replace(c, **changes)  # type: ignore[arg-type]


_DEFAULT: Extractor | None = None


def extract_claims(doc: Document) -> list[Claim]:
    """Extract with the bundled actors (the extractor is built once and reused)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Extractor()
    return _DEFAULT.extract(doc)
