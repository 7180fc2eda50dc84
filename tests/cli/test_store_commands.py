"""ingest → incidents → incident → claims → docs → export, as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tolltrack.cli.main import app

runner = CliRunner()
SAMPLES = str(Path(__file__).resolve().parents[2] / "samples" / "articles.jsonl")


@pytest.fixture()
def db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    result = runner.invoke(app, ["ingest", SAMPLES, "--db", url])
    assert result.exit_code == 0, result.output
    assert "new 7" in result.stderr
    return url


def test_incidents_table_and_json(db: str) -> None:
    table = runner.invoke(app, ["incidents", "--db", db])
    assert table.exit_code == 0 and "2 incidents" in table.stdout
    rows = [
        json.loads(x)
        for x in runner.invoke(
            app, ["incidents", "--db", db, "--format", "json", "--contested"]
        ).stdout.splitlines()
    ]
    assert [r["place"] for r in rows] == ["Kramatorsk"]
    assert (rows[0]["killed_low"], rows[0]["killed_high"]) == (5, 150)


def test_incident_by_words_shows_timeline_bounds_and_evidence(db: str) -> None:
    result = runner.invoke(app, ["incident", "Malatya", "--db", db])
    assert result.exit_code == 0, result.output
    for text in ("Timeline per side", "Current figures", "revised", "AFAD", "164"):
        assert text in result.stdout


def test_claims_json_has_spec_fields_and_ids(db: str) -> None:
    out = runner.invoke(app, ["claims", "--db", db, "--format", "json"]).stdout
    claims = [json.loads(x) for x in out.splitlines()]
    assert len(claims) > 10
    for c in claims:
        assert {
            "category",
            "low",
            "high",
            "approx",
            "claimant",
            "claimant_side",
            "victims",
            "superseded",
            "evidence",
            "document_id",
            "incident_id",
        } <= set(c)


def test_export_is_byte_identical_across_stores(db: str, tmp_path: Path) -> None:
    other = f"sqlite:///{tmp_path / 'other.db'}"
    assert runner.invoke(app, ["ingest", SAMPLES, "--db", other]).exit_code == 0
    a = runner.invoke(app, ["export", "--format", "json", "--db", db]).stdout
    b = runner.invoke(app, ["export", "--format", "json", "--db", other]).stdout
    assert a == b and json.loads(a)["incidents"]


def test_export_csv_and_parquet(db: str, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert (
        runner.invoke(app, ["export", "--format", "csv", "--db", db, "--out", str(out)]).exit_code
        == 0
    )
    header = (out / "incidents.csv").read_text().splitlines()[0]
    assert "killed_low,killed_best,killed_high" in header
    assert (
        runner.invoke(
            app, ["export", "--format", "parquet", "--db", db, "--out", str(out)]
        ).exit_code
        == 0
    )
    import pyarrow.parquet as pq

    assert pq.read_table(out / "claims.parquet").num_rows > 10


def test_merge_and_split_from_the_command_line(db: str) -> None:
    ids = [
        json.loads(x)["id"]
        for x in runner.invoke(
            app, ["incidents", "--db", db, "--format", "json"]
        ).stdout.splitlines()
    ]
    assert runner.invoke(app, ["incident", "merge", ids[0], ids[1], "--db", db]).exit_code == 0
    rows = runner.invoke(app, ["incidents", "--db", db, "--format", "json"]).stdout.splitlines()
    assert len(rows) == 1
    doc = json.loads(
        runner.invoke(app, ["claims", "--db", db, "--format", "json"]).stdout.splitlines()[0]
    )["document_id"]
    split = runner.invoke(app, ["incident", "split", ids[0], doc, "--db", db])
    assert split.exit_code == 0 and "new incident" in split.stdout


def test_unknown_incident_and_bad_input(db: str, tmp_path: Path) -> None:
    assert runner.invoke(app, ["incident", "nothing-like-this", "--db", db]).exit_code == 1
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "text": "Two people died."}\n{oops\n', "utf-8")
    result = runner.invoke(app, ["ingest", str(bad), "--db", db])
    assert result.exit_code == 1 and f"{bad}:2" in result.stderr


def test_db_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    url = f"sqlite:///{tmp_path / 'env.db'}"
    monkeypatch.setenv("TOLLTRACK_DB", url)
    assert runner.invoke(app, ["ingest", SAMPLES]).exit_code == 0
    assert (tmp_path / "env.db").exists()


def test_cli_url_ingest_refuses_private_addresses_unless_allowed(tmp_path: Path) -> None:
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class Page(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = (
                b"<html><body><article><p>Four people were killed in the storm, officials "
                b"said on Monday, and dozens were hurt.</p></article></body></html>"
            )
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Page)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{httpd.server_address[1]}/storm"
    db = f"sqlite:///{tmp_path / 'u.db'}"
    refused = runner.invoke(app, ["ingest", url, "--db", db])
    assert refused.exit_code == 1 and "non-public" in refused.stderr
    allowed = runner.invoke(app, ["ingest", url, "--db", db, "--allow-private-urls"])
    assert allowed.exit_code == 0 and "new 1" in allowed.stderr
    httpd.shutdown()
