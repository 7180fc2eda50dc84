"""Property tests: any text, any Unicode, never a crash and always valid claims."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tolltrack.extract import extract_claims
from tolltrack.model import CATEGORIES, Document

_SALAD = (
    "killed dead wounded injured missing at least about more than up to between and to "
    "sixty-three 1,404 11 300 2.5 million dozens hundreds a man was shot toll rose said "
    "Moscow Kyiv police according , . ' \" - \n ( ) ministry had previously earlier from "
    "no one of the bodies lives claimed himself 2023 12:30 % $"
)
WORDS = st.sampled_from(_SALAD.split(" "))
NEWSLIKE = st.lists(st.one_of(WORDS, st.text(max_size=6)), max_size=60).map(" ".join)


def check(text: str) -> None:
    for c in extract_claims(Document(id="p", text=text)):
        assert text[c.start : c.end] == c.evidence
        assert c.category in CATEGORIES
        assert c.low is not None or c.high is not None
        assert c.low is None or c.high is None or c.low <= c.high
        assert (c.claimant_side is None) or (c.claimant is not None)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_arbitrary_unicode(text: str) -> None:
    check(text)


@settings(max_examples=500, deadline=None)
@given(NEWSLIKE)
def test_newslike_word_salad(text: str) -> None:
    check(text)


def test_long_single_line_document_is_linear() -> None:
    # A 540 KB single line of casualty-word salad must finish (no catastrophic backtracking).
    text = "At least 12 people were killed and 30 wounded, police said " * 9000
    claims = extract_claims(Document(id="big", text=text))
    assert {(c.category, c.low) for c in claims} == {("killed", 12), ("injured", 30)}
