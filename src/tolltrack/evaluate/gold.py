"""Reading gold files without letting the answers reach the system under test."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tolltrack.model import Document


def _str_or_none(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def blind_document(row: Mapping[str, Any]) -> Document:
    """The document as extraction may see it: id, text, title, date, event; no claims, no gold."""
    return Document(
        id=str(row["id"]),
        text=str(row.get("text") or ""),
        published=_str_or_none(row.get("published")),
        title=_str_or_none(row.get("title")),
        event=_str_or_none(row.get("event")),
    )
