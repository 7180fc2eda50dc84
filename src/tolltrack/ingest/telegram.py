"""Telegram Desktop channel exports (``result.json``): one document per message with text."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from tolltrack.errors import InputError
from tolltrack.ingest.base import ReadResult, decode_text
from tolltrack.model import Document


def _text(value: Any) -> str:
    """Message text: a string, or a list of strings and entity objects ({"text": ...})."""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return "".join(
            v if isinstance(v, str) else str(v.get("text", ""))
            for v in value
            if isinstance(v, str | dict)
        )
    return ""


def is_telegram_export(data: bytes) -> bool:
    head = data[:4096].decode("utf-8", errors="ignore")
    return '"messages"' in head or ('"type"' in head and "channel" in head)


def read_telegram(source: str, data: bytes) -> Iterator[ReadResult]:
    try:
        content, _ = decode_text(source, data)
        export = json.loads(content)
    except InputError as exc:
        yield exc
        return
    except json.JSONDecodeError as exc:
        yield InputError(source, f"malformed JSON ({exc.msg} at line {exc.lineno})")
        return
    if not isinstance(export, dict) or not isinstance(export.get("messages"), list):
        yield InputError(source, "not a Telegram export (no 'messages' list)")
        return
    channel = str(export.get("name") or "telegram")
    channel_id = export.get("id")
    for message in export["messages"]:
        if not isinstance(message, dict) or message.get("type") != "message":
            continue
        text = _text(message.get("text")).strip()
        if not text:
            continue
        mid = message.get("id")
        date = str(message.get("date") or "") or None
        yield Document(
            id=f"telegram:{channel_id or channel}:{mid}",
            text=text,
            published=date[:10] if date else None,
            source=f"{source}#{mid}",
            url=f"https://t.me/{export.get('username')}/{mid}" if export.get("username") else None,
            site=channel,
        )
