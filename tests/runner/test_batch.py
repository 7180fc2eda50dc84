"""Batch runs: shards, manifest, resume, failures, Ray and the local pool, and load."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.runner.test_ingest import SAMPLES, export_json
from tolltrack.runner import batch
from tolltrack.runner.ingest import Ingestor
from tolltrack.runner.local import read_inputs
from tolltrack.store import Store


def _corpus(path: Path, n: int) -> Path:
    lines = SAMPLES.read_text("utf-8").splitlines()
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            row = json.loads(lines[i % len(lines)])
            row["id"] = f"{row['id']}-{i}"
            row["text"] += f" (Item {i}.)"
            f.write(json.dumps(row) + "\n")
    return path


def test_pool_run_resume_and_failure(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "c.jsonl", 50)
    broken = tmp_path / "broken.warc"
    broken.write_bytes(b"not a warc at all\n" * 4)
    out = tmp_path / "out"
    results = batch.run([str(corpus), str(broken)], out, "pool", workers=2, shard_docs=20)
    by_status = sorted((r.status, r.documents) for r in results)
    assert by_status == [("done", 0), ("done", 10), ("done", 20), ("done", 20)]
    warc = next(r for r in results if r.input == str(broken))
    assert "not a WARC" in warc.errors[0]  # a bad input is an error inside a done shard
    assert batch.run([str(corpus), str(broken)], out, "pool", workers=2, shard_docs=20) == []
    manifest = batch.read_manifest(out)
    assert len(manifest) == 4 and all(v["status"] == "done" for v in manifest.values())


def test_a_shard_that_raises_is_recorded_as_failed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = _corpus(tmp_path / "c.jsonl", 10)

    def boom(shard: batch.Shard, out_dir: str) -> batch.ShardResult:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(batch, "process_shard", boom)
    [result] = batch.run([str(corpus)], tmp_path / "out", "pool", workers=1)
    assert result.status == "failed" and "disk on fire" in result.errors[0]


def test_load_equals_direct_ingest_and_is_idempotent(tmp_path: Path) -> None:
    out = tmp_path / "out"
    batch.run([str(SAMPLES)], out, "pool", workers=1)
    loaded = f"sqlite:///{tmp_path / 'loaded.db'}"
    store = Store(loaded)
    assert batch.load(out, Ingestor(store).add) == (7, 0)
    assert batch.load(out, Ingestor(store).add) == (0, 7)
    direct = f"sqlite:///{tmp_path / 'direct.db'}"
    Ingestor(Store(direct)).ingest(read_inputs([str(SAMPLES)]))
    assert export_json(loaded) == export_json(direct)


def test_ray_engine(tmp_path: Path) -> None:
    pytest.importorskip("ray")
    corpus = _corpus(tmp_path / "c.jsonl", 30)
    results = batch.run(
        [str(corpus)], tmp_path / "out", "ray", workers=2, address="local", shard_docs=10
    )
    assert sorted(r.documents for r in results) == [10, 10, 10]
    assert all(r.status == "done" for r in results)
