"""A store with the sample articles and hostile documents, and the app over it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

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


@pytest.fixture(scope="session")
def web_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    db = tmp_path_factory.mktemp("web") / "web.db"
    store = Store(f"sqlite:///{db}")
    ingestor = Ingestor(store)
    ingestor.ingest(read_inputs([str(SAMPLES)]))
    ingestor.add(
        Document(
            id="hostile", text=HOSTILE, title="<script>alert('t')</script>", published="2026-05-01"
        )
    )
    yield store
    store.close()
