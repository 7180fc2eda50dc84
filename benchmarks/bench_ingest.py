"""Ingest end to end over a JSONL corpus: speed, database size, idempotence, incident latency.

Usage: python benchmarks/bench_ingest.py ../shared/data/gvc-dev.jsonl [--db-dir DIR]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from tolltrack.reconcile.incident import summarize
from tolltrack.runner.ingest import Ingestor
from tolltrack.runner.local import read_inputs
from tolltrack.store import Store


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--db-dir", type=Path, default=None)
    args = parser.parse_args()
    if not args.corpus.is_file():
        print(f"{args.corpus}: not found (the evaluation data lives in ../shared/data)")
        return 0
    workdir = args.db_dir or Path(tempfile.mkdtemp(prefix="tolltrack-bench-"))
    db_path = workdir / "bench.db"
    db_path.unlink(missing_ok=True)
    store = Store(f"sqlite:///{db_path}")
    t0 = time.perf_counter()
    first = Ingestor(store).ingest(read_inputs([str(args.corpus)]))
    t1 = time.perf_counter()
    second = Ingestor(store).ingest(read_inputs([str(args.corpus)]))
    t2 = time.perf_counter()
    counts = store.counts()
    size_mb = sum(p.stat().st_size for p in workdir.glob("bench.db*")) / 1e6
    print(f"corpus: {args.corpus} ({first.read} documents)")
    print(
        f"first run: {first.new} new, {first.duplicate} duplicate, {first.failed} failed in "
        f"{t1 - t0:.1f} s = {first.read / (t1 - t0):,.0f} docs/s"
    )
    print(f"second run: {second.new} new, {second.duplicate} duplicate in {t2 - t1:.1f} s")
    print(f"store: {counts}, {size_mb:.1f} MB on disk (SQLite, WAL)")
    ids = [i.id for i in store.incidents()]
    times = []
    for incident_id in ids[:300]:
        s = time.perf_counter()
        inc = store.incident(incident_id)
        summarize(incident_id, store.claim_records(incident_id))
        assert inc is not None
        times.append((time.perf_counter() - s) * 1000)
    times.sort()
    p95 = times[int(len(times) * 0.95) - 1]
    print(
        f"incident view (load + reconcile), {len(times)} incidents: median "
        f"{statistics.median(times):.1f} ms, p95 {p95:.1f} ms"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
