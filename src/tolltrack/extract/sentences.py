"""Sentence spans with character offsets.

A small rule-based splitter instead of spaCy's sentencizer: the sentencizer needs the spaCy
tokenizer first (659 k words/s measured, shared/notes/measured-dependencies.md), more than the
whole extraction budget, and news text only needs the abbreviation rules below. Paragraph
breaks always end a sentence, so headlines and datelines stand alone.
"""

from __future__ import annotations

import re

# End of sentence: . ! ? (with closing quotes/brackets) followed by space and an opening
# capital, digit or quote; or a blank line. Abbreviations are excluded below.
_BOUNDARY = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])|\n\s*\n|\n(?=[A-Z\"'“‘])")
_ABBREV = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Maj|Capt|Sgt|Cpl|Gov|Sen|Rep|St|Mt|Jr|Sr|No|Co|Corp"
    r"|Inc|Ltd|vs|etc|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|U\.S|U\.K|U\.N|a\.m|p\.m"
    r"|Ave|Blvd|Rd|Lt\. Gen|approx)|\b[A-Z])\.$"
)


# Longer "sentences" (tables, lists, text without punctuation) are cut into pieces of at most
# this many characters, so that the work per sentence is bounded and time stays linear.
MAX_SENTENCE = 1500


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return (start, end) spans of the sentences of ``text``, whitespace trimmed."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        if m.group(0)[0] == "." and _ABBREV.search(
            text[max(start, m.start() - 12) : m.start() + 1]
        ):
            continue
        _append(text, spans, start, m.start() + len(m.group(0).rstrip()))
        start = m.end()
    _append(text, spans, start, len(text))
    return spans


def _append(text: str, spans: list[tuple[int, int]], start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE:
        cut = max(
            text.rfind(",", start, start + MAX_SENTENCE),
            text.rfind(" ", start, start + MAX_SENTENCE),
        )
        cut = cut + 1 if cut > start else start + MAX_SENTENCE
        spans.append((start, cut))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        spans.append((start, end))
