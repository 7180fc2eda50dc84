"""Plain-text files: one document per file, its id the file name."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import PurePath

from tolltrack.errors import InputError
from tolltrack.ingest.base import ReadResult, decode_text
from tolltrack.model import Document


def read_text(source: str, data: bytes) -> Iterator[ReadResult]:
    try:
        text, warnings = decode_text(source, data)
    except InputError as exc:
        yield exc
        return
    if not text.strip():
        yield InputError(source, "empty document (no text)")
        return
    yield Document(
        id=PurePath(source).stem or source,
        text=text,
        source=source,
        warnings=warnings,
    )
