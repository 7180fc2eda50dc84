"""WARC archives (.warc, .warc.gz) with warcio: every HTML response is one page."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from tolltrack.errors import InputError
from tolltrack.ingest.base import ReadResult
from tolltrack.ingest.html import MAX_HTML_BYTES, page_document


def read_warc(source: str, data: bytes) -> Iterator[ReadResult]:
    yield from _records(source, io.BytesIO(data))


def read_warc_file(path: Path) -> Iterator[ReadResult]:
    try:
        stream = path.open("rb")
    except OSError as exc:
        yield InputError(str(path), f"cannot read: {exc.strerror or exc}")
        return
    with stream:
        yield from _records(str(path), stream)


def _records(source: str, stream: BinaryIO) -> Iterator[ReadResult]:
    from warcio.archiveiterator import ArchiveIterator  # loaded on first use

    head = stream.read(5)
    stream.seek(0)
    if not (head.startswith(b"WARC/") or head.startswith(b"\x1f\x8b")):
        yield InputError(source, "not a WARC file (no WARC/ header, not gzip)")
        return
    try:
        for n, record in enumerate(ArchiveIterator(stream), 1):
            if record.rec_type != "response":
                continue
            ctype = (
                (record.http_headers.get_header("Content-Type") or "")
                if record.http_headers
                else ""
            )
            if "html" not in ctype.lower():
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            where = f"{source}#{n}"
            body = record.content_stream().read(MAX_HTML_BYTES + 1)
            if len(body) > MAX_HTML_BYTES:
                yield InputError(where, f"HTML larger than {MAX_HTML_BYTES:,} bytes")
                continue
            try:
                yield page_document(where, body.decode("utf-8", errors="replace"), url)
            except InputError as exc:
                yield exc
    except Exception as exc:  # warcio raises on truncated or non-WARC data
        yield InputError(source, f"cannot read WARC ({type(exc).__name__}: {exc})")
