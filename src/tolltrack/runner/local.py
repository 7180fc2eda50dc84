"""Run ingest and extraction in this process, input by input."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from tolltrack.errors import InputError
from tolltrack.extract import Extractor
from tolltrack.ingest import ReadResult, read_path, read_stream
from tolltrack.model import Claim, Document, DocumentClaims, Estimate
from tolltrack.reconcile import estimate_incident


def read_inputs(
    paths: Iterable[str], kind: str | None = None, allow_private_urls: bool = False
) -> Iterator[ReadResult]:
    """Documents (or errors) from files, directories, URLs, or ``-`` for standard input.

    URLs that resolve to loopback, private, link-local or metadata addresses are refused
    unless ``allow_private_urls`` (the CLI's ``--allow-private-urls``).
    """
    for p in paths:
        if p == "-":
            yield from read_stream("<stdin>", sys.stdin.buffer.read(), kind or "jsonl")
            continue
        if p.startswith(("http://", "https://")):
            from tolltrack.ingest.urlguard import check_url
            from tolltrack.ingest.web import read_url

            yield from read_url(p, guard=None if allow_private_urls else check_url)
            continue
        path = Path(p)
        if not path.exists():
            yield InputError(p, "no such file or directory")
            continue
        yield from read_path(path, kind)


def extract_all(
    results: Iterable[ReadResult], extractor: Extractor
) -> Iterator[DocumentClaims | InputError]:
    for item in results:
        if isinstance(item, InputError):
            yield item
            continue
        yield DocumentClaims(item, tuple(extractor.extract(item)))


def estimate_events(documents: Iterable[Document], extractor: Extractor) -> Iterator[Estimate]:
    """Group documents by ``event`` and estimate each incident's totals.

    The headline is read with the text here: for an incident-level estimate it is one more
    statement of the toll, though a claim's evidence must come from the text itself.
    """
    by_event: dict[str, list[tuple[str | None, list[Claim]]]] = {}
    for doc in documents:
        with_title = doc.text if not doc.title else f"{doc.title}\n\n{doc.text}"
        claims = extractor.extract(replace(doc, text=with_title))
        by_event.setdefault(doc.event or doc.id, []).append((doc.published, claims))
    for event, docs in by_event.items():
        yield estimate_incident(event, docs)
