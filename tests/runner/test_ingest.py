"""Ingest end to end: idempotent re-runs, syndicated copies, incidents, and kill -9."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from tolltrack.export import tables, writers
from tolltrack.model import Document
from tolltrack.runner.ingest import Ingestor
from tolltrack.runner.local import read_inputs
from tolltrack.store import Store

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "articles.jsonl"


def export_json(url: str) -> str:
    store = Store(url)
    try:
        return writers.to_json(*tables.build(store))
    finally:
        store.close()


def test_reingest_adds_nothing(db_url: str) -> None:
    store = Store(db_url)
    first = Ingestor(store).ingest(read_inputs([str(SAMPLES)]))
    assert (first.read, first.new, first.duplicate, first.failed) == (7, 7, 0, 0)
    before = export_json(db_url)
    again = Ingestor(store).ingest(read_inputs([str(SAMPLES)]))
    assert (again.new, again.duplicate) == (0, 7)
    assert export_json(db_url) == before


def test_samples_group_into_two_incidents(db_url: str) -> None:
    store = Store(db_url)
    Ingestor(store).ingest(read_inputs([str(SAMPLES)]))
    labels = sorted((i.place.name if i.place else "", i.documents) for i in store.incidents())
    assert labels == [("Kramatorsk", 3), ("Malatya", 4)]


def test_syndicated_copy_is_linked_and_its_figure_counts_once(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'c.db'}")
    text = (
        "At least 12 people were killed and 40 injured when a bus plunged into a ravine near "
        "Cusco on Tuesday, regional police said. The bus was carrying 52 passengers to Lima. "
        "Rescuers worked through the night to reach the wreck at the bottom of the gorge."
    )
    ing = Ingestor(store)
    assert ing.add(Document(id="a", text=text, published="2024-03-05", site="wire"))
    assert ing.add(
        Document(id="b", text=text + " (Reporting by staff.)", published="2024-03-05", site="paper")
    )
    docs = {d.key: d for d in store.documents()}
    assert docs["b"].copy_of == docs["a"].id and docs["a"].incident_id == docs["b"].incident_id
    from tolltrack.reconcile.incident import summarize

    inc = docs["a"].incident_id
    assert inc is not None
    summary = summarize(inc, store.claim_records(inc))
    [killed] = [s for s in summary.series if s.category == "killed"]
    assert len(killed.points) == 1 and killed.points[0].copies == (docs["b"].id,)


def _corpus(path: Path, n: int) -> None:
    rng = random.Random(7)
    places = ["Kharkiv", "Odesa", "Dnipro", "Lviv", "Kherson", "Sumy", "Mykolaiv", "Chernihiv"]
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            place = places[i % len(places)]
            day = 1 + (i // len(places)) % 27
            k, w = rng.randint(1, 40), rng.randint(1, 90)
            text = (
                f"A missile strike on {place} killed {k} people and wounded {w} on day {i}, "
                f"the regional governor said. Report number {i} with details {rng.random()}."
            )
            f.write(
                json.dumps(
                    {
                        "id": f"n{i}",
                        "text": text,
                        "title": f"Strike on {place}",
                        "published": f"2024-05-{day:02d}",
                    }
                )
                + "\n"
            )


def _ingest_cmd(corpus: Path, db: str) -> list[str]:
    return [
        sys.executable,
        "-c",
        "from tolltrack.cli.main import main; main()",
        "ingest",
        str(corpus),
        "--db",
        db,
    ]


KILLS = 20


def _killed_runs(cmd: list[str], kills: int, seed: int, window: tuple[float, float]) -> int:
    """Start ``cmd`` and SIGKILL it at a random moment, ``kills`` times, each followed by a
    complete re-run. Returns how many kills hit a running process."""
    rng = random.Random(seed)
    hits = 0
    for _ in range(kills):
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(*window))
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            hits += 1
        proc.wait()
    subprocess.run(cmd, check=True, capture_output=True)
    return hits


def test_killed_and_rerun_equals_an_uninterrupted_run(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    _corpus(corpus, 300)
    clean = f"sqlite:///{tmp_path / 'clean.db'}"
    subprocess.run(_ingest_cmd(corpus, clean), check=True, capture_output=True)
    db = f"sqlite:///{tmp_path / 'killed.db'}"
    # Kills land anywhere from start-up to the last documents; the store must come out equal.
    hits = _killed_runs(_ingest_cmd(corpus, db), KILLS, 11, (0.8, 3.5))
    assert hits >= KILLS // 2
    assert export_json(db) == export_json(clean)


def test_killed_batch_and_load_equal_an_uninterrupted_run(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    _corpus(corpus, 300)
    cli = [sys.executable, "-c", "from tolltrack.cli.main import main; main()"]
    out = tmp_path / "out"
    batch_cmd = [
        *cli,
        "batch",
        str(corpus),
        "--out",
        str(out),
        "--workers",
        "1",
        "--shard-docs",
        "30",
    ]
    _killed_runs(batch_cmd, 5, 12, (1.0, 3.0))
    db = f"sqlite:///{tmp_path / 'loaded.db'}"
    _killed_runs([*cli, "load", str(out), "--db", db], 5, 13, (1.0, 3.0))
    clean = f"sqlite:///{tmp_path / 'clean.db'}"
    subprocess.run(_ingest_cmd(corpus, clean), check=True, capture_output=True)
    assert export_json(db) == export_json(clean)
