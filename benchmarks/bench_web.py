"""Latency of the web UI and API over a generated store of 20,000 incidents and 200,000 claims.

Generates the store (SQLite), starts `tolltrack serve` on loopback in a subprocess, sends a
few hundred requests per endpoint from this process, and prints p50 / p95 latency.

Usage: python benchmarks/bench_web.py [--incidents 20000] [--requests 300]
"""

from __future__ import annotations

import argparse
import random
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import httpx

from tolltrack.model import Claim, ClaimRecord
from tolltrack.runner.stats import incident_stats
from tolltrack.store import Store
from tolltrack.store.repository import content_id

SIDES = ["UA", "RU", "INTL", "INDEP", None]
PLACES = [
    ("Kharkiv", "UA"),
    ("Gaza", "PS"),
    ("Khartoum", "SD"),
    ("Aleppo", "SY"),
    ("Lagos", "NG"),
    ("Antakya", "TR"),
    ("Derna", "LY"),
    ("Chicago", "US"),
]


def generate(store: Store, n_incidents: int, claims_per_incident: int) -> list[str]:
    rng = random.Random(1)
    inc_rows, doc_rows, claim_rows, stat_rows = [], [], [], []
    ids = []
    for i in range(n_incidents):
        inc_id = content_id("i", "bench", i)
        ids.append(inc_id)
        place, country = PLACES[i % len(PLACES)]
        day = f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}"
        inc_rows.append(
            {
                "id": inc_id,
                "event": None,
                "label": f"Strike on {place} #{i}",
                "kind": "strike",
                "place_name": place,
                "country": country,
                "lat": None,
                "lon": None,
                "precision": "city",
                "first_report": day,
                "last_report": day,
            }
        )
        records = []
        for d in range(2):
            doc_id = content_id("d", "bench", i, d)
            text = f"Report {i}.{d}: people were killed in {place}, officials said. " * 5
            doc_rows.append(
                {
                    "id": doc_id,
                    "key": doc_id,
                    "content_hash": content_id("h", i, d),
                    "source": "bench",
                    "url": None,
                    "site": "bench",
                    "title": None,
                    "published": day,
                    "text": text,
                    "copy_of": None,
                    "minhash": None,
                    "incident_id": inc_id,
                    "incident_locked": False,
                    "seq": 2 * i + d + 1,
                }
            )
            for k in range(claims_per_incident // 2):
                side = SIDES[(i + k) % len(SIDES)]
                low = rng.randint(1, 500)
                claim = Claim(
                    "killed" if k % 3 else "injured",
                    low,
                    low,
                    False,
                    "officials" if side else None,
                    side,
                    None,
                    False,
                    "killed",
                    k,
                    k + 6,
                )
                cid = content_id("c", i, d, k)
                records.append(
                    ClaimRecord(cid, doc_id, inc_id, claim, day, f"{side}:officials", "bench")
                )
                claim_rows.append(
                    {
                        "id": cid,
                        "document_id": doc_id,
                        "incident_id": inc_id,
                        "category": claim.category,
                        "low": low,
                        "high": low,
                        "approx": False,
                        "claimant": claim.claimant,
                        "claimant_side": side,
                        "claimant_key": f"{side}:officials",
                        "victims": None,
                        "superseded": False,
                        "background": False,
                        "evidence": "killed",
                        "start": k,
                        "end": k + 6,
                        "reported": day,
                    }
                )
        stat_rows.append({"incident_id": inc_id, "documents": 2, **incident_stats(inc_id, records)})
    for name, rows in (
        ("incidents", inc_rows),
        ("documents", doc_rows),
        ("claims", claim_rows),
        ("incident_stats", stat_rows),
    ):
        store.bulk_insert(name, rows)
    return ids


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(p * (len(values) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--incidents", type=int, default=20_000)
    parser.add_argument("--claims", type=int, default=200_000)
    parser.add_argument("--requests", type=int, default=300)
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="tolltrack-web-bench-"))
    url = f"sqlite:///{workdir / 'web.db'}"
    t0 = time.perf_counter()
    store = Store(url)
    ids = generate(store, args.incidents, args.claims // args.incidents)
    print(f"generated {store.counts()} in {time.perf_counter() - t0:.0f} s")
    store.close()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from tolltrack.cli.main import main; main()",
            "serve",
            "--db",
            url,
            "--port",
            str(port),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(base_url=base, timeout=30) as client:
            for _ in range(100):
                try:
                    client.get("/api/v1/incidents?limit=1")
                    break
                except httpx.TransportError:
                    time.sleep(0.2)
            rng = random.Random(2)
            endpoints: dict[str, Callable[[], str]] = {
                "incidents page (/)": lambda: "/?page=" + str(rng.randint(1, 400)),
                "incident page": lambda: "/incidents/" + rng.choice(ids),
                "API list (/api/v1/incidents)": lambda: (
                    f"/api/v1/incidents?sort=spread&limit=50&cursor=o{rng.randint(0, 19_000)}"
                ),
            }
            for name, path in endpoints.items():
                times = []
                for _ in range(args.requests):
                    start = time.perf_counter()
                    r = client.get(path())
                    times.append((time.perf_counter() - start) * 1000)
                    assert r.status_code == 200, (name, r.status_code)
                print(
                    f"{name}: {args.requests} requests, p50 {percentile(times, 0.5):.1f} ms, "
                    f"p95 {percentile(times, 0.95):.1f} ms"
                )
    finally:
        server.terminate()
        server.wait(timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
