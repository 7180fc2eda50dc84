"""The web tests' shared store."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.web.stores import build_store
from tolltrack.store import Store


@pytest.fixture(scope="session")
def web_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    store = build_store(tmp_path_factory.mktemp("web"))
    yield store
    store.close()
