"""Speed of `extract` over a JSONL corpus, against a floor measured in the same run.

The floor reads the same texts (JSON parsing included) and runs one compiled regex scan for
the casualty keywords: no extraction can be faster than reading its input. Reported as a
ratio, since absolute times vary by up to ~35 % between identical runs on these machines.
Also checks that time grows linearly with document length (1 MB vs 10 MB single documents).

Usage: python benchmarks/bench_extract.py ../shared/data/gvc-dev.jsonl [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import sys
import time
from pathlib import Path

from tolltrack.extract import Extractor
from tolltrack.model import Document

FLOOR_RE = re.compile(
    r"kill|dead|death|died|wound|injur|hurt|missing|casualt|victim|shot|toll", re.IGNORECASE
)


def floor_pass(lines: list[str]) -> int:
    hits = 0
    for line in lines:
        text = json.loads(line)["text"]
        hits += len(FLOOR_RE.findall(text))
    return hits


def extract_pass(lines: list[str], extractor: Extractor) -> int:
    n = 0
    for line in lines:
        obj = json.loads(line)
        n += len(extractor.extract(Document(id=str(obj["id"]), text=obj["text"])))
    return n


def best_of(repeat: int, fn: object, *args: object) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn(*args)  # type: ignore[operator]
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not args.corpus.is_file():
        print(f"{args.corpus}: not found (the evaluation data lives in ../shared/data)")
        return 0
    lines = [x for x in args.corpus.read_text("utf-8").splitlines() if x.strip()]
    size_mb = sum(len(json.loads(x)["text"].encode("utf-8")) for x in lines) / 1e6
    extractor = Extractor()
    extract_pass(lines[:50], extractor)  # warm caches and lazy loads
    t_floor = best_of(args.repeat, floor_pass, lines)
    t_extract = best_of(args.repeat, extract_pass, lines, extractor)
    n_docs = len(lines)
    print(f"corpus: {args.corpus} ({n_docs} documents, {size_mb:.2f} MB of text)")
    print(
        f"floor (read + one regex scan): {n_docs / t_floor:,.0f} docs/s, "
        f"{size_mb / t_floor:.2f} MB/s"
    )
    print(
        f"extract:                       {n_docs / t_extract:,.0f} docs/s, "
        f"{size_mb / t_extract:.2f} MB/s"
    )
    print(f"extract is {t_extract / t_floor:.2f}x the floor's time (goal: within 5x)")
    texts = [json.loads(x)["text"] for x in lines]
    big = "\n\n".join(texts)
    # The same 1 MB of news text, once and repeated ten times, so that only length differs.
    one_mb = Document(id="1mb", text=big[:1_000_000])
    ten_mb = Document(id="10mb", text="\n\n".join([one_mb.text] * 10))
    t1 = best_of(1, extractor.extract, one_mb)
    t10 = best_of(1, extractor.extract, ten_mb)
    print(
        f"one 1 MB document: {t1:.2f} s; one 10 MB document: {t10:.2f} s "
        f"(ratio {t10 / t1:.1f}, linear is 10)"
    )
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (max RSS of this process): {peak_mb:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
