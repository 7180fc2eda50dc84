"""Run ingest and extraction in this process, input by input."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from tolltrack.errors import InputError
from tolltrack.extract import Extractor
from tolltrack.ingest import ReadResult, read_path, read_stream
from tolltrack.model import DocumentClaims


def read_inputs(paths: Iterable[str], kind: str | None = None) -> Iterator[ReadResult]:
    """Documents (or errors) from files, directories, or ``-`` for standard input."""
    for p in paths:
        if p == "-":
            yield from read_stream("<stdin>", sys.stdin.buffer.read(), kind or "jsonl")
            continue
        path = Path(p)
        if not path.exists():
            yield InputError(p, "no such file or directory")
            continue
        yield from read_path(path, kind)


def extract_all(
    results: Iterable[ReadResult], extractor: Extractor
) -> Iterator[DocumentClaims | InputError]:
    for item in results:
        if isinstance(item, InputError):
            yield item
            continue
        yield DocumentClaims(item, tuple(extractor.extract(item)))
