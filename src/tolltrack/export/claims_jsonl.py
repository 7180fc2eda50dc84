"""The claims format of shared/spec/claims-format.md: one JSON object per document."""

from __future__ import annotations

import json
from typing import Any

from tolltrack.model import DocumentClaims


def to_record(dc: DocumentClaims) -> dict[str, Any]:
    doc = dc.document
    record: dict[str, Any] = {"id": doc.id}
    if doc.published is not None:
        record["published"] = doc.published
    if doc.title is not None:
        record["title"] = doc.title
    record["text"] = doc.text
    if doc.event is not None:
        record["event"] = doc.event
    record["claims"] = [c.to_dict() for c in dc.claims]
    return record


def to_line(dc: DocumentClaims) -> str:
    return json.dumps(to_record(dc), ensure_ascii=False)
