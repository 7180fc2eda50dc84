"""Property tests of the JSON API from its own OpenAPI spec (schemathesis, in process)."""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, settings

from tests.web.stores import build_store
from tolltrack.web.app import create_app

# The schema is loaded at import time, so the app is built on a store of its own.
schema = schemathesis.openapi.from_asgi(
    "/api/v1/openapi.json", create_app(build_store(), api_token="secret")
)


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_schema(case: schemathesis.Case) -> None:  # type: ignore[type-arg]
    case.call_and_validate()
