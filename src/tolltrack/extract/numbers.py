"""Finding quantities: digits, number words, hedges, bounds, ranges, vague words, single victims.

Written with :mod:`re` rather than spaCy's Matcher: the measured Matcher throughput on these
machines (134 k words/s, see shared/notes/measured-dependencies.md) is below the ~450 k words/s
the 1,000 docs/s speed goal needs, and we need exact character offsets anyway. Number words are
converted by text2num, not by hand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from text_to_num import text2num

_UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "thousand",
    "million",
    "billion",
]
_NUMWORD = r"(?:" + "|".join(sorted(_UNITS, key=len, reverse=True)) + r")"
_WORDNUM = (
    rf"(?:(?:an?\s+(?=hundred|thousand|million))?{_NUMWORD}(?:(?:[\s-]+|\s+and\s+){_NUMWORD})*)"
)
_DIGITS = (
    r"(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:[\u00a0\u202f ]\d{3})+(?![\d,.])|\d+)(?:\.\d+)?"
    r"(?:\s+(?:million|billion|thousand))?"
)
# Vague words and the figures the spec gives them.
VAGUE: dict[str, int] = {
    "tens of thousands": 20000,
    "hundreds of thousands": 200000,
    "a dozen": 12,
    "dozens": 24,
    "scores": 40,
    "hundreds": 200,
    "thousands": 2000,
}
_VAGUE = (
    r"(?:tens of thousands|hundreds of thousands|a dozen|dozens|scores(?=\s+of)|hundreds|thousands)"
)
_CORE = rf"(?:{_DIGITS}|{_VAGUE}|{_WORDNUM})"

_LOW = (
    r"at least|more than|over|no fewer than|no less than|not less than|upwards of|in excess of"
    r"|a minimum of|above|exceeding|well over|at least some"
)
_HIGH = (
    r"up to|as many as|as high as|could reach|may reach|might reach|fewer than|less than"
    r"|at most|no more than|a maximum of|could rise to|may rise to"
)
_APPROX = (
    r"about|around|nearly|approximately|roughly|some|an estimated|estimated|almost|close to"
    r"|approx\.|circa|an approximate|perhaps|possibly"
)
_MOD = rf"(?:(?P<low>{_LOW})|(?P<high>{_HIGH})|(?P<approx>{_APPROX}))\s+"

# Searched in lowercased text (no re.IGNORECASE: ~5x faster).
QUANTITY_RE = re.compile(
    rf"(?<![\w$£€¥.,/:-])(?:{_MOD})?(?P<between>between\s+)?(?P<a>{_CORE})"
    rf"(?:\s*(?P<sep>-|–|to|or|and)\s*(?P<b>{_CORE}))?(?P<plus>\+|\s+or more)?(?![\w%])"
)

# Words right after a number that say it is not a count of people.
_NON_PEOPLE = re.compile(
    r"-[a-z]|\s*%|\s*(?:percent|per cent|years?|months?|weeks?|days?|hours?|minutes?|seconds?"
    r"|a\.?m\b|p\.?m\b|km|kilomet|miles?|met(?:re|er)s?|feet|foot|inches|yards?|acres?|tons?|tonnes?"
    r"|dollars|euros|pounds|rupees|shekels|rubles|roubles|rockets?|missiles?|drones?|shells?"
    r"|launchers?|bombs?|buildings?|homes?|houses?|vehicles?|cars?|tanks?|aircraft|planes?|ships?"
    r"|boats?|shots?|rounds?|bullets?|times|counts?|seats?|votes?|storeys?|stories|floors?"
    r"|degrees?|points?|calibre|caliber|mm\b|gallons?|litres?|liters?|schools?|hospitals?"
    r"|apartments?|blocks?|satellites?|locations?|countries|cases?|charges?|incidents?"
    r"|shootings?|attacks?|strikes?|counties|states|provinces|cities|villages?|districts?|block)\b",
    re.IGNORECASE,
)

PERSON_NOUNS = (
    "man|woman|boy|girl|person|teen|teenager|child|baby|toddler|infant|student|photographer"
    "|journalist|reporter|officer|policeman|policewoman|soldier|civilian|worker|driver|passenger"
    "|resident|victim|deputy|trooper|guard|employee|customer|pedestrian|motorist|cyclist|bystander"
    "|father|mother|son|daughter|husband|wife|brother|sister|youth|juvenile|male|female|adult"
    "|gunman|shooter|suspect|attacker|teacher|doctor|nurse|firefighter|security guard|clerk"
    "|cashier|homeowner|neighbor|neighbour|friend|relative|child|patient|pilot|fisherman|farmer"
    "|stepdaughter|stepson|grandson|granddaughter|grandmother|grandfather|girlfriend|boyfriend"
    "|nephew|niece|cousin|uncle|aunt|roommate|classmate|coworker|co-worker|husband|fiance|fiancee"
    "|teenage boy|teenage girl|\\d+-year-old|[a-z]+-year-old|\\d+ year old"
)
# Words between the article and the noun are modifiers, never another phrase's start.
_ADJ = r"(?!(?:a|an|the|and|or|of|was|were|is|are|who|that|by|in|at|on|to|with)\b)"
# "a man", "a 28-year-old woman", "an off-duty police officer": one person.
SINGLE_RE = re.compile(
    rf"(?<![\w-])(?:(?:an?|one|his|her|their|the(?=\s+\S+-year-old))\s+(?:{_ADJ}[\w'-]+\s+){{0,3}}?"
    rf"(?:{PERSON_NOUNS})|the (?:man|woman|boy|girl|victim|teen|teenager|toddler|child|baby))(?!-)\b"
)
# Headlines drop the article: "Man shot while cleaning handgun", "Teen killed in crash".
HEADLINE_SINGLE_RE = re.compile(rf"^(?:[\w'-]+\s+){{0,2}}?(?:{PERSON_NOUNS})\b(?![-'’])")
# "Journi Johnson was pronounced dead", "he later died": a named person or a pronoun with a
# strong predicate is one person too (checked by the linker like any quantity).
NAMED_RE = re.compile(
    r"(?<![\w.])(?!(?:The|Police|County|Sheriff|Officers?|Authorities|Department|Deputies|State"
    r"|City|Chief|Detectives?|Investigators?|Officials?|Witnesses|Neighbors|Residents)\b)"
    r"(?:[A-Z][a-z'’-]+\s(?:[A-Z]\.\s)?[A-Z][a-z'’-]+|(?<=[.;] )(?:He|She)|(?<=^)(?:He|She))"
    r"(?=,?\s(?:\d{1,2},\s)?(?:was|has been|had been|later|died|succumbed)\b)"
    # a surname alone, with a predicate that only a person has: "Gomez later died"
    r"|(?<![\w.])(?!(?:The|Police|He|She|It|They|Officers?|Authorities|Deputies|Officials?)\b)"
    r"[A-Z][a-z'’-]{2,}(?=\s(?:later\s|also\s)?(?:died|succumbed|passed away|was pronounced dead))"
)
# "Mishari A. Halbrook, 28, died": a name with an age in commas is one person.
AGE_APPOSITION_RE = re.compile(r"(?<=[A-Za-z.]),\s(?P<age>\d{1,2}),\s")


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number found in text, with the span of its hedges and its reading as low/high."""

    start: int
    end: int
    low: int | None
    high: int | None
    approx: bool
    value: int  # the number itself, used when the bounds are one-sided
    vague: bool = False
    single: bool = False  # "a man", an age apposition: one person without a numeral


@lru_cache(maxsize=4096)
def word_value(words: str) -> int | None:
    """The integer value of a number written in words or digits, or None."""
    w = " ".join(words.lower().replace("\u00a0", " ").replace("\u202f", " ").split())
    if w in VAGUE:
        return VAGUE[w]
    scale = 1
    for name, factor in (("million", 10**6), ("billion", 10**9), ("thousand", 10**3)):
        if w.endswith(" " + name) and w[0].isdigit():
            w, scale = w[: -len(name) - 1], factor
            break
    if w[:1].isdigit():
        digits = w.replace(",", "").replace(" ", "")
        try:
            return round(float(digits) * scale) if "." in digits else int(digits) * scale
        except ValueError:
            return None
    if w.startswith(("a ", "an ")):
        w = "one " + w.split(" ", 1)[1]
    try:
        return int(text2num(w, "en"))
    except ValueError:
        return None


def _is_decimal_without_scale(core: str) -> bool:
    return "." in core and not re.search(r"million|billion|thousand", core, re.IGNORECASE)


def _parse(m: re.Match[str], offset: int) -> Quantity | None:
    a_text, b_text = m.group("a"), m.group("b")
    if _is_decimal_without_scale(a_text):
        return None
    a = word_value(a_text)
    if a is None:
        return None
    vague = a_text.lower() in VAGUE
    start, end = m.start() + offset, m.end() + offset
    if b_text is not None:
        b = word_value(b_text)
        if b is not None and _is_range(m):
            return Quantity(start, end, a, b, bool(m.group("approx")), a)
        # Not a range ("65 and 365", "from 288 to 275"): keep the first number alone.
        end = m.end("a") + offset
    approx = vague or bool(m.group("approx"))
    if m.group("low") or m.group("plus"):
        return Quantity(start, end, a, None, approx, a, vague)
    if m.group("high"):
        return Quantity(start, end, None, a, approx, a, vague)
    if vague:
        return Quantity(start, end, a, None, True, a, vague)
    return Quantity(start, end, a, a, approx, a)


_MONTH_BEFORE = re.compile(
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+$", re.IGNORECASE
)


_AGE_LIST_AFTER = re.compile(r"(?:\s*,\s*\d{1,2})*,?\s+and\s+\d{1,2}\s*(?:,|years?\b|and\b)")
_AGE_LIST_BEFORE = re.compile(r"(?<![\d,.])\d{1,2}\s*(?:,|,?\s*and)\s*$")
_AGES_BEFORE = re.compile(r"\bage[sd]?\s+(?:\d+\s*(?:,|and|to|-|–)?\s*)*$")


def find_quantities(text: str, offset: int = 0, lower: str | None = None) -> list[Quantity]:
    """Every people-countable quantity in ``text`` (offsets shifted by ``offset``).

    ``lower`` is ``text`` lowercased with the same length; computed when not given.
    """
    if lower is None:
        lower = text.lower() if len(text.lower()) == len(text) else text
    found: list[Quantity] = []
    ages = [m.span("age") for m in AGE_APPOSITION_RE.finditer(text)]
    for s, e in ages:
        found.append(Quantity(s + offset, e + offset, 1, 1, False, 1, single=True))
    age_starts = {s for s, _ in ages}
    pos = 0
    while (m := QUANTITY_RE.search(lower, pos)) is not None:
        pos = m.end()
        if m.group("b") is not None and not _is_range(m):
            pos = m.end("a")  # "from 288 to 275": read the second number on its own
        if m.group("b") is None and m.group("between"):
            continue
        if m.start("a") in age_starts:
            continue
        after = lower[pos : pos + 24]
        if after[:1] in ":./" and after[1:2].isdigit():
            continue  # times, dates, decimals
        if _NON_PEOPLE.match(after) and not m.group("a").lower().startswith("a"):
            continue
        if m.group("a") == "911" and re.match(
            r"\s*(?:call|dispatch|operator|emergency|cent)", after
        ):
            continue
        if _AGES_BEFORE.search(lower[max(0, m.start() - 30) : m.start()]):
            continue  # "two men, ages 26 and 27", "the victims, ages 28-45"
        if _AGE_LIST_AFTER.match(lower, pos) or _AGE_LIST_BEFORE.search(
            lower[max(0, m.start() - 12) : m.start()]
        ):
            continue  # "Two of the boys, 14 and 15, were", "The victims, 13 and 15 years old"
        if _MONTH_BEFORE.search(text[max(0, m.start() - 12) : m.start()]):
            continue  # "Dec. 31", "January 1"
        q = _parse(m, offset)
        if q is None or q.value > 1_000_000_000:
            continue
        if _looks_like_year(m.group("a")) and m.group(0) == m.group("a"):
            continue
        found.append(q)
    for m in SINGLE_RE.finditer(lower):
        found.append(Quantity(m.start() + offset, m.end() + offset, 1, 1, False, 1, single=True))
    m0 = HEADLINE_SINGLE_RE.match(lower)
    if m0 is not None:
        found.append(Quantity(m0.start() + offset, m0.end() + offset, 1, 1, False, 1, single=True))
    for m in NAMED_RE.finditer(text):
        found.append(Quantity(m.start() + offset, m.end() + offset, 1, 1, False, 1, single=True))
    return _drop_overlaps(found)


def _is_range(m: re.Match[str]) -> bool:
    a, b = word_value(m.group("a")), word_value(m.group("b") or "")
    sep = (m.group("sep") or "").lower()
    return a is not None and b is not None and a < b and (sep != "and" or bool(m.group("between")))


def _looks_like_year(core: str) -> bool:
    return core.isdigit() and len(core) == 4 and 1800 <= int(core) <= 2100


def _drop_overlaps(items: list[Quantity]) -> list[Quantity]:
    """Keep the longest of overlapping quantities, in text order."""
    items.sort(key=lambda q: (q.start, -(q.end - q.start)))
    kept: list[Quantity] = []
    for q in items:
        if kept and q.start < kept[-1].end:
            if (q.end - q.start) > (kept[-1].end - kept[-1].start):
                kept[-1] = q
            continue
        kept.append(q)
    return kept
