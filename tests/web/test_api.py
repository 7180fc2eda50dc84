"""The JSON API and the pages' server side, through FastAPI's test client."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tolltrack.store import Store
from tolltrack.web.app import create_app
from tolltrack.web.security import MAX_BODY


@pytest.fixture()
def client(web_store: Store) -> TestClient:
    return TestClient(create_app(web_store, api_token="secret"), raise_server_exceptions=False)


def test_incidents_filter_sort_and_cursor(client: TestClient) -> None:
    first = client.get("/api/v1/incidents", params={"limit": 2, "sort": "spread"}).json()
    assert first["total"] == 3 and len(first["items"]) == 2 and first["next_cursor"]
    rest = client.get(
        "/api/v1/incidents", params={"limit": 2, "sort": "spread", "cursor": first["next_cursor"]}
    ).json()
    assert len(rest["items"]) == 1 and rest["next_cursor"] is None
    assert first["items"][0]["place_name"] == "Kramatorsk"  # the contested one spreads most
    contested = client.get("/api/v1/incidents", params={"contested": True}).json()
    assert [i["place_name"] for i in contested["items"]] == ["Kramatorsk"]
    assert client.get("/api/v1/incidents", params={"cursor": "garbage"}).status_code == 422


def test_incident_detail(client: TestClient) -> None:
    [quake] = client.get("/api/v1/incidents", params={"q": "earthquake"}).json()["items"]
    detail = client.get(f"/api/v1/incidents/{quake['id']}").json()
    assert detail["bounds"]["killed"]["best"] == 150 and "revised" in detail["flags"]
    sides = {s["side"] for s in detail["timeline"] if s["category"] == "killed"}
    assert sides == {"TR", "INTL"}
    assert client.get("/api/v1/incidents/nope").status_code == 404


def test_claims_documents_claimants(client: TestClient) -> None:
    claims = client.get("/api/v1/claims", params={"limit": 5}).json()
    assert len(claims["items"]) == 5 and claims["next_cursor"]
    doc = client.get(f"/api/v1/documents/{claims['items'][0]['document_id']}").json()
    assert doc["text"]
    assert client.get("/api/v1/documents").json()["items"]
    assert any(c["side"] == "UA" for c in client.get("/api/v1/claimants").json()["items"])


def test_exports(client: TestClient) -> None:
    assert client.get("/api/v1/export.json").json()["incidents"]
    assert client.get("/api/v1/export.csv").text.startswith("id,label")
    assert client.get("/api/v1/export.parquet").content[:4] == b"PAR1"


def test_writes_need_the_token(tmp_path: Path) -> None:
    own = Store(f"sqlite:///{tmp_path / 'w.db'}")  # writes stay out of the shared store
    client = TestClient(create_app(own, api_token="secret"))
    body = {"text": "Four people were killed in a flood near Sumy, officials said."}
    assert client.post("/api/v1/documents", json=body).status_code == 401
    bad = client.post("/api/v1/documents", json=body, headers={"Authorization": "Bearer no"})
    assert bad.status_code == 401
    ok = client.post("/api/v1/documents", json=body, headers={"Authorization": "Bearer secret"})
    assert ok.status_code == 201 and ok.json()["new"] == 1
    assert own.counts()["documents"] == 1
    off = TestClient(create_app(own, api_token=""))
    assert off.post("/api/v1/documents", json=body).status_code == 403


def test_url_ingest_refuses_private_addresses(client: TestClient) -> None:
    auth = {"Authorization": "Bearer secret"}
    for url in (
        "http://127.0.0.1:8000/",
        "http://169.254.169.254/latest/meta-data",
        "http://10.0.0.1/",
        "http://[::1]/",
        "file:///etc/passwd",
    ):
        r = client.post("/api/v1/documents", json={"url": url}, headers=auth)
        assert r.status_code == 422, url


def test_body_size_limit_and_no_stack_traces(client: TestClient) -> None:
    big = "x" * (MAX_BODY + 10)
    r = client.post(
        "/api/v1/documents",
        content=big,
        headers={"Authorization": "Bearer secret", "Content-Type": "application/json"},
    )
    assert r.status_code == 413
    r = client.get("/documents/nope")
    assert r.status_code == 404 and "Traceback" not in r.text


def test_security_headers_on_every_response(client: TestClient) -> None:
    for path in ("/", "/api/v1/incidents", "/static/app.js", "/nope"):
        h = client.get(path).headers
        assert "script-src 'self'" in h["content-security-policy"]
        assert (
            "unsafe-inline" not in h["content-security-policy"].split("script-src")[1].split(";")[0]
        )
        assert h["x-content-type-options"] == "nosniff" and h["x-frame-options"] == "DENY"


def test_hostile_text_is_escaped_in_pages(client: TestClient, web_store: Store) -> None:
    doc = next(d for d in web_store.documents() if d.key == "hostile")
    html = client.get(f"/documents/{doc.id}").text
    assert "<script>window" not in html and "&lt;script&gt;window.__pwned" in html
    assert "<img src=x" not in html and 'href="javascript:' not in html
    listing = client.get("/", params={"q": "<script>"}).text
    assert "<script>alert" not in listing


def test_openapi(client: TestClient) -> None:
    spec = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/incidents" in spec["paths"] and "/api/v1/documents" in spec["paths"]
