"""Every reader on random and mutated inputs: it yields documents or errors, never raises,
and what it yields is well formed."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.ingest.test_formats import PAGE, RSS, _warc
from tolltrack.errors import InputError
from tolltrack.extract import extract_claims
from tolltrack.ingest import read_stream
from tolltrack.model import Document

KINDS = ["jsonl", "text", "html", "feed", "warc", "telegram"]
SEEDS = {
    "jsonl": b'{"id": "a", "text": "Five people were killed, police said."}\n',
    "html": PAGE.encode(),
    "feed": RSS.encode(),
    "warc": _warc([("https://example.org/a", PAGE)]),
    "telegram": json.dumps(
        {
            "name": "c",
            "id": 1,
            "messages": [
                {
                    "id": 1,
                    "type": "message",
                    "date": "2024-01-01T00:00:00",
                    "text": "Two people died.",
                }
            ],
        }
    ).encode(),
    "text": b"Three people were injured in the blast.",
}


def check(kind: str, data: bytes) -> None:
    for item in read_stream(f"fuzz.{kind}", data, kind):
        assert isinstance(item, Document | InputError)
        if isinstance(item, InputError):
            assert item.source and item.reason
            continue
        assert isinstance(item.text, str) and item.id
        for c in extract_claims(item):
            assert item.text[c.start : c.end] == c.evidence


def mutate(data: bytes, edits: list[tuple[int, int, bytes]]) -> bytes:
    out = bytearray(data)
    for pos, cut, insert in edits:
        pos = pos % (len(out) + 1)
        out[pos : pos + cut] = insert
    return bytes(out)


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(KINDS), st.binary(max_size=2000))
def test_random_bytes(kind: str, data: bytes) -> None:
    check(kind, data)


@settings(max_examples=150, deadline=None)
@given(
    st.sampled_from(KINDS),
    st.lists(
        st.tuples(st.integers(0, 10**6), st.integers(0, 40), st.binary(max_size=20)),
        min_size=1,
        max_size=6,
    ),
)
def test_mutated_real_looking_inputs(kind: str, edits: list[tuple[int, int, bytes]]) -> None:
    check(kind, mutate(SEEDS[kind], edits))
