"""Actor knowledge: which party a claimant speaks for.

The knowledge lives in a data file (``tolltrack/data/actors.json``) that users extend with
their own (``--actors FILE``). Names are matched on word boundaries; short all-capital
acronyms (``WHO``, ``AP``) only in capitals. Spelling variants of single names
(``Zelenskyy``/``Zelenskyi``/``Zelensky``) are matched with rapidfuzz.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process

from tolltrack.errors import ConfigError


@dataclass(frozen=True, slots=True)
class Mention:
    side: str
    start: int
    end: int
    kind: str  # "body" (a named actor) or "country" (a country, demonym, capital or place)


def _alias_pattern(names: Iterable[str]) -> str:
    return "|".join(re.escape(n) for n in sorted(set(names), key=len, reverse=True) if n)


class Actors:
    """Compiled actor knowledge: named bodies, countries, and marker words."""

    def __init__(self, data: dict[str, Any]) -> None:
        self._side_of: dict[str, str] = {}
        exact_ci: list[str] = []
        exact_cs: list[str] = []
        for body in data.get("bodies", []):
            for name in body["names"]:
                self._side_of[name.lower()] = body["side"]
                (exact_cs if name.isupper() and len(name) <= 5 else exact_ci).append(name)
        country_names: list[str] = []
        for country in data.get("countries", []):
            for key in ("names", "demonyms", "capitals", "places"):
                for name in country.get(key, []):
                    self._side_of.setdefault(name.lower(), country["code"])
                    country_names.append(name)
        self._bodies_ci = re.compile(rf"(?<![\w-])(?:{_alias_pattern(exact_ci)})(?![\w-])", re.I)
        self._bodies_cs = re.compile(rf"(?<![\w-])(?:{_alias_pattern(exact_cs)})(?![\w-])")
        self._countries = re.compile(
            # Every name starts with a capital: the lookahead fails fast elsewhere.
            rf"(?=[A-Z])(?<![\w-])(?:{_alias_pattern(country_names)})(?:'s|’s)?(?![\w-])"
        )
        self._fuzzy_names = [n for n in exact_ci if " " not in n and len(n) >= 6]
        words = data.get("words", {})
        self._indep = re.compile(rf"\b(?:{_alias_pattern(words.get('indep', []))})\b", re.I)
        self._state = re.compile(rf"\b(?:{_alias_pattern(words.get('state', []))})\b", re.I)

    @classmethod
    def load(cls, extra: Path | None = None) -> Actors:
        """The bundled actors, plus those of a user's file (entries are added)."""
        text = resources.files("tolltrack").joinpath("data/actors.json").read_text("utf-8")
        data: dict[str, Any] = json.loads(text)
        if extra is not None:
            try:
                user = json.loads(extra.read_text("utf-8"))
            except (OSError, json.JSONDecodeError) as exc:
                raise ConfigError(str(extra), f"cannot read actors file: {exc}") from None
            if not isinstance(user, dict):
                raise ConfigError(str(extra), "an actors file must hold a JSON object")
            for key in ("countries", "bodies"):
                data[key] = list(user.get(key, [])) + data.get(key, [])
            for key, values in user.get("words", {}).items():
                data.setdefault("words", {}).setdefault(key, []).extend(values)
        return cls(data)

    def side_of_name(self, name: str) -> str | None:
        return self._side_of.get(name.lower().removesuffix("'s").removesuffix("’s"))

    def body_in(self, text: str) -> tuple[str, str | None] | None:
        """The first named body or person in ``text`` (exactly as written), with its side."""
        m = self._bodies_cs.search(text) or self._bodies_ci.search(text)
        return None if m is None else (m.group(0), self.side_of_name(m.group(0)))

    def body_side(self, text: str) -> str | None:
        """Side of a named body or person in ``text`` (exact, then fuzzy)."""
        found = self.body_in(text)
        if found is not None:
            return found[1]
        for token in re.findall(r"[A-Z][\w'-]{5,}", text):
            hit = process.extractOne(token, self._fuzzy_names, scorer=fuzz.ratio, score_cutoff=85)
            if hit is not None:
                return self.side_of_name(hit[0])
        return None

    def country_side(self, text: str) -> str | None:
        m = self._countries.search(text)
        return self.side_of_name(m.group(0)) if m else None

    def is_independent(self, text: str) -> bool:
        return self._indep.search(text) is not None

    def is_state(self, text: str) -> bool:
        return self._state.search(text) is not None

    def _inside_body(self, text: str, start: int, end: int) -> bool:
        lo = max(0, start - 60)
        window = text[lo : end + 60]
        for regex in (self._bodies_ci, self._bodies_cs):
            for b in regex.finditer(window):
                if (
                    lo + b.start() <= start
                    and end <= lo + b.end()
                    and b.group(0) != text[start:end]
                ):
                    return True
        return False

    def country_mentions(self, text: str) -> list[Mention]:
        """Countries, capitals and places named in ``text``, in order."""
        out: list[Mention] = []
        for m in self._countries.finditer(text):
            if self._inside_body(text, m.start(), m.end()):
                continue  # "New York" in "The New York Times"
            side = self.side_of_name(m.group(0))
            if side is not None:
                out.append(Mention(side, m.start(), m.end(), "country"))
        return out
