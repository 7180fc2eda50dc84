"""Batch throughput: 1 and 2 workers, Ray and the local pool, against single-process extract.

Generates a corpus of ≥ 50,000 documents from a JSONL source (each document made distinct),
then measures in one run: single-process `extract` docs/s; `batch` docs/s with the local
pool and with Ray, each with 1 and 2 workers. Reports ratios.

Usage: python benchmarks/bench_batch.py ../shared/data/gvc-dev.jsonl [--docs 50000]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import logging
import shutil
import sys
import tempfile
import time
from pathlib import Path

from tolltrack.extract import Extractor
from tolltrack.model import Document
from tolltrack.runner import batch


def make_corpus(source: Path, target: Path, n: int) -> None:
    rows = [json.loads(x) for x in source.read_text("utf-8").splitlines() if x.strip()]
    with target.open("w", encoding="utf-8") as f:
        for i in range(n):
            row = rows[i % len(rows)]
            f.write(
                json.dumps(
                    {
                        "id": f"{row['id']}-{i}",
                        "text": f"{row['text']} ({i})",
                        "published": row.get("published"),
                    }
                )
                + "\n"
            )


def single_process(corpus: Path) -> float:
    extractor = Extractor()
    start = time.perf_counter()
    n = 0
    with corpus.open(encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            extractor.extract(Document(id=row["id"], text=row["text"]))
            n += 1
    return n / (time.perf_counter() - start)


def batch_rate(corpus: Path, engine: str, workers: int, n: int) -> float:
    out = Path(tempfile.mkdtemp(prefix="tolltrack-batch-"))
    if engine == "ray":
        # Ray's start-up (a few seconds, once per session) is measured apart.
        import ray

        t0 = time.perf_counter()
        ray.init(
            num_cpus=workers,
            include_dashboard=False,
            log_to_driver=False,
            logging_level=logging.ERROR,
        )
        print(f"  ray.init with {workers} worker(s): {time.perf_counter() - t0:.1f} s")
    start = time.perf_counter()
    results = batch.run([str(corpus)], out, engine, workers, "local" if engine == "ray" else None)
    elapsed = time.perf_counter() - start
    assert sum(r.documents for r in results) == n, "every document processed"
    shutil.rmtree(out)
    if engine == "ray":
        import ray

        ray.shutdown()
    return n / elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("source", type=Path)
    parser.add_argument("--docs", type=int, default=50_000)
    args = parser.parse_args()
    if not args.source.is_file():
        print(f"{args.source}: not found (the evaluation data lives in ../shared/data)")
        return 0
    corpus = Path(tempfile.mkdtemp(prefix="tolltrack-corpus-")) / "corpus.jsonl"
    make_corpus(args.source, corpus, args.docs)
    print(f"corpus: {args.docs:,} documents, {corpus.stat().st_size / 1e6:.0f} MB")
    base = single_process(corpus)
    print(f"single-process extract: {base:,.0f} docs/s")
    engines = ["pool"] + (["ray"] if importlib.util.find_spec("ray") else [])
    for engine in engines:
        one = batch_rate(corpus, engine, 1, args.docs)
        two = batch_rate(corpus, engine, 2, args.docs)
        print(
            f"batch ({engine}): 1 worker {one:,.0f} docs/s, 2 workers {two:,.0f} docs/s; "
            f"2 vs 1 worker {two / one:.2f}x; 1 worker vs single-process extract "
            f"{one / base:.2f}x"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
