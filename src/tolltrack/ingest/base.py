"""The reader interface and dispatch by input kind."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from tolltrack.errors import InputError
from tolltrack.model import Document

ReadResult = Document | InputError
# A reader takes the input's name and its bytes and yields documents or errors.
Reader = Callable[[str, bytes], Iterator[ReadResult]]


def decode_text(source: str, data: bytes) -> tuple[str, tuple[str, ...]]:
    """Decode UTF-8, replacing invalid bytes and saying so; refuse binary data."""
    if b"\x00" in data[:65536]:
        raise InputError(source, "binary data (NUL bytes), not text")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), ()
    except UnicodeDecodeError as exc:
        text = data.decode("utf-8", errors="replace")
        return text, (f"{source}: invalid UTF-8 at byte {exc.start}, replaced with U+FFFD",)


def _reader_for(name: str) -> Reader:
    # Imported here so that each format's module loads only when used.
    if name.endswith((".jsonl", ".ndjson", ".jsonl.txt")):
        from tolltrack.ingest.jsonl import read_jsonl

        return read_jsonl
    from tolltrack.ingest.text import read_text

    return read_text


def read_stream(name: str, data: bytes, kind: str | None = None) -> Iterator[ReadResult]:
    """Read one input given as bytes. ``kind`` ("jsonl" or "text") overrides the name."""
    if kind == "jsonl":
        from tolltrack.ingest.jsonl import read_jsonl

        yield from read_jsonl(name, data)
        return
    if kind == "text":
        from tolltrack.ingest.text import read_text

        yield from read_text(name, data)
        return
    yield from _reader_for(name)(name, data)


def read_path(path: Path, kind: str | None = None) -> Iterator[ReadResult]:
    """Read a file, or every regular file below a directory, in a stable order."""
    if path.is_dir():
        for child in sorted(p for p in path.rglob("*") if p.is_file()):
            yield from read_path(child, kind)
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield InputError(str(path), f"cannot read: {exc.strerror or exc}")
        return
    yield from read_stream(str(path), data, kind)
