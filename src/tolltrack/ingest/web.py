"""Fetching a page or feed the user names, with httpx: timeouts, a size cap, redirects,
retries and a clear user agent."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from typing import Any

from tolltrack import __version__
from tolltrack.errors import InputError
from tolltrack.ingest.base import ReadResult, read_stream
from tolltrack.ingest.html import page_document

USER_AGENT = (
    f"tolltrack/{__version__} (casualty-figure tracker; +https://pypi.org/project/tolltrack/)"
)
MAX_BYTES = 10_000_000
TIMEOUT_S = 20.0
RETRIES = 2


def fetch(url: str, guard: Callable[[str], None] | None = None) -> tuple[bytes, str, str]:
    """(body, content type, final URL) of a GET, or an InputError saying why not.

    ``guard`` is called with the URL of every request, redirects included, and refuses one
    by raising InputError (see :mod:`tolltrack.ingest.urlguard`).
    """
    import httpx  # loaded on first use

    hooks: dict[str, list[Callable[[Any], None]]] = {}
    if guard is not None:
        check = guard
        hooks["request"] = [lambda request: check(str(request.url))]
    last: Exception | None = None
    for attempt in range(RETRIES + 1):
        try:
            with (
                httpx.Client(
                    follow_redirects=True,
                    max_redirects=5,
                    timeout=TIMEOUT_S,
                    headers={"User-Agent": USER_AGENT},
                    event_hooks=hooks,
                ) as client,
                client.stream("GET", url) as response,
            ):
                if response.status_code >= 500 and attempt < RETRIES:
                    last = InputError(url, f"HTTP {response.status_code}")
                    time.sleep(1.0 * (attempt + 1))
                    continue
                if response.status_code >= 400:
                    raise InputError(url, f"HTTP {response.status_code} {response.reason_phrase}")
                body = bytearray()
                for chunk in response.iter_bytes():
                    body.extend(chunk)
                    if len(body) > MAX_BYTES:
                        raise InputError(url, f"response larger than {MAX_BYTES:,} bytes")
                ctype = response.headers.get("content-type", "")
                return bytes(body), ctype, str(response.url)
        except InputError:
            raise
        except httpx.HTTPError as exc:
            last = exc
            if attempt < RETRIES:
                time.sleep(1.0 * (attempt + 1))
    raise InputError(url, f"cannot fetch ({type(last).__name__}: {last})")


def read_url(url: str, guard: Callable[[str], None] | None = None) -> Iterator[ReadResult]:
    """A web page (one document) or a feed (one per entry)."""
    try:
        body, ctype, final = fetch(url, guard)
    except InputError as exc:
        yield exc
        return
    head = body[:512].lstrip().lower()
    is_feed = (
        any(t in ctype for t in ("rss", "atom", "xml"))
        or head.startswith(b"<?xml")
        or (b"<rss" in head or b"<feed" in head)
    )
    if is_feed:
        yield from read_stream(final, body, "feed")
        return
    try:
        yield page_document(final, body.decode("utf-8", errors="replace"), url=final)
    except InputError as exc:
        yield exc
