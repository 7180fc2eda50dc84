"""HTML pages: main text, title, date, URL and site with trafilatura."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from tolltrack.errors import InputError
from tolltrack.ingest.base import ReadResult, decode_text
from tolltrack.model import Document

MAX_HTML_BYTES = 20_000_000  # larger pages are refused rather than parsed


def page_document(source: str, html: str, url: str | None = None) -> Document:
    """A document from one HTML page, or an InputError when it holds no article text."""
    from trafilatura import bare_extraction  # a heavy import: load it on first use

    try:
        result: Any = bare_extraction(html, url=url, with_metadata=True, fast=True)
    except Exception as exc:  # trafilatura raises many kinds on broken markup
        raise InputError(source, f"cannot parse HTML ({type(exc).__name__}: {exc})") from None
    text = getattr(result, "text", None) if result is not None else None
    if not text or not text.strip():
        raise InputError(source, "no article text found in the HTML")
    page_url = getattr(result, "url", None) or url
    return Document(
        id=page_url or source,
        text=text,
        title=getattr(result, "title", None),
        published=getattr(result, "date", None),
        source=source,
        url=page_url,
        site=getattr(result, "sitename", None) or getattr(result, "hostname", None),
    )


def read_html(source: str, data: bytes) -> Iterator[ReadResult]:
    if len(data) > MAX_HTML_BYTES:
        yield InputError(source, f"HTML larger than {MAX_HTML_BYTES:,} bytes")
        return
    try:
        html, warnings = decode_text(source, data)
        doc = page_document(source, html)
    except InputError as exc:
        yield exc
        return
    yield Document(**{**_fields(doc), "warnings": warnings}) if warnings else doc


def _fields(doc: Document) -> dict[str, Any]:
    return {name: getattr(doc, name) for name in Document.__slots__}
