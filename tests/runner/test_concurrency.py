"""Concurrent writers and readers: two ingests into one PostgreSQL database, and an ingest
while the web server reads the same SQLite file."""

from __future__ import annotations

import json
import subprocess
import threading
import time
from pathlib import Path

import httpx
import pytest

from tests.pg import fresh_database
from tests.runner.test_ingest import _ingest_cmd, export_json


def _corpus(path: Path, n: int) -> Path:
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            text_ = (
                f"A shelling of district {i % 40} killed {i % 17 + 1} people and wounded "
                f"{i % 23 + 2}, the governor said in report {i} of the series."
            )
            f.write(
                json.dumps(
                    {
                        "id": f"r{i}",
                        "text": text_,
                        "event": f"e{i % 40}",
                        "published": f"2024-06-{1 + i % 28:02d}",
                    }
                )
                + "\n"
            )
    return path


def _ingest(corpus: Path, db: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(_ingest_cmd(corpus, db), stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_two_ingests_at_once_into_postgresql(tmp_path: Path, postgres_url: str) -> None:
    corpus = _corpus(tmp_path / "c.jsonl", 300)
    together, alone = fresh_database(postgres_url), fresh_database(postgres_url)
    procs = [_ingest(corpus, together), _ingest(corpus, together)]
    outputs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [o[1][-2000:] for o in outputs]
    assert subprocess.run(_ingest(corpus, alone).args, capture_output=True).returncode == 0
    assert export_json(together) == export_json(alone)


def test_ingest_while_the_web_server_reads_sqlite(tmp_path: Path) -> None:
    pytest.importorskip("uvicorn")
    import socket

    import uvicorn

    from tolltrack.store import Store
    from tolltrack.web.app import create_app

    db = f"sqlite:///{tmp_path / 'shared.db'}"
    store = Store(db)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(create_app(store), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    proc = _ingest(_corpus(tmp_path / "c.jsonl", 400), db)
    statuses: list[int] = []
    with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
        while proc.poll() is None:
            for path in ("/", "/api/v1/incidents", "/api/v1/claims?limit=20"):
                statuses.append(client.get(path).status_code)
        seen = client.get("/api/v1/incidents").json()["total"]
    server.should_exit = True
    thread.join(timeout=10)
    assert proc.returncode == 0
    assert statuses and set(statuses) == {200}, sorted(set(statuses))
    assert seen == 40
