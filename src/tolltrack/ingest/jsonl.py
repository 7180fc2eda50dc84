"""JSONL: one document per line with at least ``id`` and ``text``.

Optional fields ``published``, ``title``, ``event`` are kept; any other field (a gold
answer, for instance) is kept in ``extra`` and never read by extraction.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from tolltrack.errors import InputError
from tolltrack.ingest.base import ReadResult, decode_text
from tolltrack.model import Document

_KNOWN = {"id", "text", "published", "title", "event"}


def _optional_str(obj: dict[str, Any], key: str) -> str | None:
    value = obj.get(key)
    return value if isinstance(value, str) else None


def parse_line(where: str, line: str) -> Document:
    """Parse one JSONL line into a document, or raise an :class:`InputError`."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(where, f"malformed JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(obj, dict):
        raise InputError(where, "a line must be a JSON object")
    doc_id, text = obj.get("id"), obj.get("text")
    if isinstance(doc_id, int) and not isinstance(doc_id, bool):
        doc_id = str(doc_id)
    if not isinstance(doc_id, str) or not doc_id:
        raise InputError(where, "missing or non-string 'id'")
    if not isinstance(text, str):
        raise InputError(where, "missing or non-string 'text'")
    return Document(
        id=doc_id,
        text=text,
        published=_optional_str(obj, "published"),
        title=_optional_str(obj, "title"),
        event=_optional_str(obj, "event"),
        source=where,
        extra={k: v for k, v in obj.items() if k not in _KNOWN},
    )


def read_jsonl(source: str, data: bytes) -> Iterator[ReadResult]:
    try:
        content, warnings = decode_text(source, data)
    except InputError as exc:
        yield exc
        return
    for number, line in enumerate(content.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            doc = parse_line(where, line)
        except InputError as exc:
            yield exc
            continue
        if warnings and "\ufffd" in line:
            doc = replace(doc, warnings=(f"{where}: invalid UTF-8 replaced with U+FFFD",))
        yield doc
