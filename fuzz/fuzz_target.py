"""Coverage-guided fuzzing of one reader (or the extractor) with atheris.

Usage: python fuzz/fuzz_target.py KIND [libFuzzer options]
KIND: jsonl, text, html, feed, warc, telegram or extract. `make fuzz` runs each for a
bounded time. A crash is any exception other than the reader yielding an InputError; the
input that caused it is saved by libFuzzer (crash-*) and becomes a regression test.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    # The readers load lazily; import them here so that their code is instrumented too.
    from tolltrack.errors import InputError
    from tolltrack.extract import extract_claims
    from tolltrack.ingest import feeds, html, jsonl, read_stream, telegram, text, warc  # noqa: F401
    from tolltrack.model import Document

KIND = sys.argv.pop(1) if len(sys.argv) > 1 else "text"


def one_input(data: bytes) -> None:
    if KIND == "extract":
        text = atheris.FuzzedDataProvider(data).ConsumeUnicodeNoSurrogates(len(data))
        for c in extract_claims(Document(id="f", text=text)):
            assert text[c.start : c.end] == c.evidence
            assert c.low is None or c.high is None or c.low <= c.high
        return
    for item in read_stream(f"fuzz.{KIND}", data, KIND):
        assert isinstance(item, Document | InputError)


if __name__ == "__main__":
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()
