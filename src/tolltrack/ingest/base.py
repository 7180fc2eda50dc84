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


def kind_of(name: str) -> str:
    """The input kind a file name says: jsonl, html, feed, warc, json or text."""
    lower = name.lower()
    for kind, endings in (
        ("jsonl", (".jsonl", ".ndjson")),
        ("html", (".html", ".htm", ".xhtml")),
        ("feed", (".rss", ".atom", ".xml")),
        ("warc", (".warc", ".warc.gz")),
        ("json", (".json",)),
    ):
        if lower.endswith(endings):
            return kind
    return "text"


def _reader(kind: str) -> Reader:
    # Imported here so that each format's module (and its library) loads only when used.
    if kind == "jsonl":
        from tolltrack.ingest.jsonl import read_jsonl

        return read_jsonl
    if kind == "html":
        from tolltrack.ingest.html import read_html

        return read_html
    if kind == "feed":
        from tolltrack.ingest.feeds import read_feed

        return read_feed
    if kind == "warc":
        from tolltrack.ingest.warc import read_warc

        return read_warc
    if kind in ("json", "telegram"):
        from tolltrack.ingest.telegram import read_telegram

        return read_telegram
    from tolltrack.ingest.text import read_text

    return read_text


def read_stream(name: str, data: bytes, kind: str | None = None) -> Iterator[ReadResult]:
    """Read one input given as bytes. ``kind`` overrides what the name says."""
    yield from _reader(kind or kind_of(name))(name, data)


def read_path(path: Path, kind: str | None = None) -> Iterator[ReadResult]:
    """Read a file, or every regular file below a directory, in a stable order."""
    if path.is_dir():
        for child in sorted(p for p in path.rglob("*") if p.is_file()):
            yield from read_path(child, kind)
        return
    if (kind or kind_of(path.name)) == "warc":
        from tolltrack.ingest.warc import read_warc_file

        yield from read_warc_file(path)  # streamed: archives can be larger than memory
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield InputError(str(path), f"cannot read: {exc.strerror or exc}")
        return
    yield from read_stream(str(path), data, kind)
