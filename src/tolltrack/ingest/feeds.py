"""RSS and Atom feeds with feedparser: one document per entry.

An entry's text is its full content when the feed carries it, else its summary (HTML
reduced to text). Feeds that declare XML entities are refused: feedparser would expand them
(a "billion laughs" feed), and news feeds have no use for them.
"""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Iterator
from typing import Any

from tolltrack.errors import InputError
from tolltrack.ingest.base import ReadResult
from tolltrack.model import Document

_TAG = re.compile(r"<[^>]+>")
_ENTITY_DECL = re.compile(rb"<!ENTITY", re.IGNORECASE)


def _plain(markup: str) -> str:
    # Entry summaries are short HTML fragments; stripping tags is enough for them and much
    # cheaper than a full page extraction.
    text = _TAG.sub(" ", markup)
    return " ".join(html_lib.unescape(text).split())


def _published(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed"):
        t = entry.get(key)
        if t:
            return f"{t.tm_year:04d}-{t.tm_mon:02d}-{t.tm_mday:02d}"
    return None


def read_feed(source: str, data: bytes) -> Iterator[ReadResult]:
    import feedparser  # loaded on first use

    if _ENTITY_DECL.search(data[:200_000]):
        # feedparser expands internal entities: a "billion laughs" feed would eat memory.
        yield InputError(source, "feed declares XML entities (refused: entity expansion)")
        return
    parsed: Any = feedparser.parse(data)
    entries = list(parsed.get("entries", []))
    if parsed.get("bozo") and not entries:
        reason = parsed.get("bozo_exception")
        yield InputError(source, f"not a readable RSS/Atom feed ({reason})")
        return
    site = parsed.get("feed", {}).get("title")
    for i, entry in enumerate(entries, 1):
        content = entry.get("content")
        markup = content[0].get("value", "") if content else entry.get("summary", "")
        title = entry.get("title")
        text = _plain(markup or "")
        where = f"{source}#{i}"
        if not text:
            yield InputError(where, "feed entry without text")
            continue
        link = entry.get("link")
        yield Document(
            id=entry.get("id") or link or where,
            text=text,
            title=_plain(title) if title else None,
            published=_published(entry),
            source=where,
            url=link,
            site=site,
        )
