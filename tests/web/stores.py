"""A store with the sample articles and one hostile document, for the web tests."""

from __future__ import annotations

import tempfile
from pathlib import Path

from tolltrack.model import Document
from tolltrack.runner.ingest import Ingestor
from tolltrack.runner.local import read_inputs
from tolltrack.store import Store

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "articles.jsonl"
HOSTILE = (
    "<script>window.__pwned = 1</script> Five people were killed in the attack, police said. "
    '<img src=x onerror="window.__pwned = 2"> <a href="javascript:window.__pwned=3">click</a> '
    "</article></body><b><i>unclosed"
)


def build_store(directory: Path | None = None) -> Store:
    directory = directory or Path(tempfile.mkdtemp(prefix="tolltrack-web-"))
    store = Store(f"sqlite:///{directory / 'web.db'}")
    ingestor = Ingestor(store)
    ingestor.ingest(read_inputs([str(SAMPLES)]))
    ingestor.add(
        Document(
            id="hostile", text=HOSTILE, title="<script>alert('t')</script>", published="2026-05-01"
        )
    )
    return store
