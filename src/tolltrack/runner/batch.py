"""Batch runs: shards of input, parsed and extracted in parallel, written as Parquet shards
with a manifest; then loaded into a store.

Engines: Ray (``ray`` extra; Ray Data ``map_batches`` over the shard list, locally or on a
cluster) or a local process pool. A re-run skips the shards the manifest lists as done; a
shard that fails is retried, then recorded as failed with its reason, and the rest goes on.
Errors cross process boundaries as tolltrack errors, which pickle.
"""

from __future__ import annotations

import glob
import hashlib
import json
import logging
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

from tolltrack.errors import InputError, MissingExtraError, TolltrackError
from tolltrack.extract import Extractor
from tolltrack.ingest import read_path
from tolltrack.ingest.base import kind_of
from tolltrack.model import Claim, Document

MANIFEST = "manifest.jsonl"
SHARD_DOCS = 5_000  # documents a JSONL shard holds
RETRIES = 2

DOC_FIELDS = ["id", "text", "published", "title", "event", "source", "url", "site"]
# A claim's row: the document it belongs to, then the Claim's own fields.
CLAIM_FIELDS = ["document", *(f.name for f in fields(Claim))]


@dataclass(frozen=True, slots=True)
class Shard:
    """A piece of input: a whole file, or a range of lines of a JSONL file."""

    id: str
    path: str
    first_line: int = 0  # JSONL only: lines [first_line, last_line)
    last_line: int = 0


@dataclass(frozen=True, slots=True)
class ShardResult:
    shard: str
    input: str
    status: str  # "done" or "failed"
    documents: int = 0
    claims: int = 0
    errors: tuple[str, ...] = ()
    seconds: float = 0.0
    first_line: int = 0  # where the shard starts in its input, for loading in input order


def expand_inputs(inputs: Sequence[str]) -> list[Path]:
    """Files from paths, directories and glob patterns, in a stable order."""
    files: list[Path] = []
    for item in inputs:
        matches = sorted(glob.glob(item, recursive=True)) if glob.has_magic(item) else [item]
        for m in matches:
            p = Path(m)
            if p.is_dir():
                files.extend(sorted(x for x in p.rglob("*") if x.is_file()))
            else:
                files.append(p)
    return files


def plan_shards(inputs: Sequence[str], shard_docs: int = SHARD_DOCS) -> list[Shard]:
    """Shards of the inputs. Ids depend on each file's path, size and modification time, so
    a changed file is processed again and an unchanged one is skipped."""
    shards: list[Shard] = []
    for path in expand_inputs(inputs):
        try:
            stat = path.stat()
        except OSError:
            shards.append(Shard(_shard_id(str(path), "missing"), str(path)))
            continue
        base = f"{path.resolve()}:{stat.st_size}:{stat.st_mtime_ns}"
        if kind_of(path.name) == "jsonl":
            with path.open("rb") as f:
                lines = sum(1 for _ in f)
            for first in range(0, max(lines, 1), shard_docs):
                last = min(lines, first + shard_docs)
                shards.append(Shard(_shard_id(base, first, last), str(path), first, last))
        else:
            shards.append(Shard(_shard_id(base), str(path)))
    return shards


def _shard_id(*parts: object) -> str:
    return "s" + hashlib.sha256("\x1f".join(map(str, parts)).encode()).hexdigest()[:20]


def _documents(shard: Shard) -> Iterator[Document | InputError]:
    path = Path(shard.path)
    if not path.exists():
        yield InputError(shard.path, "no such file")
        return
    if shard.last_line > shard.first_line:
        from tolltrack.ingest.jsonl import parse_line

        with path.open("rb") as f:
            for n, raw in enumerate(f):
                if n < shard.first_line:
                    continue
                if n >= shard.last_line:
                    break
                line = raw.decode("utf-8", errors="replace")
                if not line.strip():
                    continue
                try:
                    yield parse_line(f"{shard.path}:{n + 1}", line)
                except InputError as exc:
                    yield exc
        return
    yield from read_path(path)


def process_shard(shard: Shard, out_dir: str) -> ShardResult:
    """Parse and extract one shard; write its Parquet files. Runs in a worker."""
    import time

    import pyarrow as pa
    import pyarrow.parquet as pq

    start = time.perf_counter()
    extractor = _extractor()
    docs: list[dict[str, Any]] = []
    claims: list[dict[str, Any]] = []
    errors: list[str] = []
    for item in _documents(shard):
        if isinstance(item, InputError):
            errors.append(str(item))
            continue
        docs.append({f: getattr(item, f) for f in DOC_FIELDS})
        for c in extractor.extract(item):
            claims.append({"document": item.id, **{f: getattr(c, f) for f in CLAIM_FIELDS[1:]}})
    out = Path(out_dir)
    for name, rows in (("documents", docs), ("claims", claims)):
        table = pa.Table.from_pylist(rows, schema=_schema(name))
        tmp = out / f".{name}-{shard.id}.parquet.tmp"
        pq.write_table(table, tmp)
        os.replace(tmp, out / f"{name}-{shard.id}.parquet")  # atomic: no half-written shard
    return ShardResult(
        shard.id,
        shard.path,
        "done",
        len(docs),
        len(claims),
        tuple(errors),
        round(time.perf_counter() - start, 3),
        shard.first_line,
    )


def _schema(name: str) -> Any:
    import pyarrow as pa

    if name == "documents":
        return pa.schema([(f, pa.string()) for f in DOC_FIELDS])
    types = {
        "low": pa.int64(),
        "high": pa.int64(),
        "start": pa.int64(),
        "end": pa.int64(),
        "approx": pa.bool_(),
        "superseded": pa.bool_(),
        "background": pa.bool_(),
    }
    return pa.schema([(f, types.get(f, pa.string())) for f in CLAIM_FIELDS])


_EXTRACTOR: Extractor | None = None


def _extractor() -> Extractor:
    global _EXTRACTOR  # one per worker process, built on first use
    if _EXTRACTOR is None:
        _EXTRACTOR = Extractor()
    return _EXTRACTOR


def _with_retries(shard: Shard, out_dir: str) -> ShardResult:
    last = ""
    for _ in range(RETRIES + 1):
        try:
            return process_shard(shard, out_dir)
        except TolltrackError as exc:
            last = str(exc)
        except Exception as exc:  # a worker bug or a library failure: report, go on
            last = f"{shard.path}: {type(exc).__name__}: {exc}"
    return ShardResult(shard.id, shard.path, "failed", errors=(last,), first_line=shard.first_line)


# -- the manifest ------------------------------------------------------------------------------
def read_manifest(out_dir: Path) -> dict[str, dict[str, Any]]:
    """Shard id → its latest manifest entry."""
    entries: dict[str, dict[str, Any]] = {}
    path = out_dir / MANIFEST
    if path.exists():
        for line in path.read_text("utf-8").splitlines():
            try:
                entry = json.loads(line)
            except json.JSONDecodeError:
                continue  # a line cut by a crash: that shard is simply not done
            entries[entry["shard"]] = entry
    return entries


def _record(out_dir: Path, result: ShardResult) -> None:
    with (out_dir / MANIFEST).open("a", encoding="utf-8") as f:
        f.write(json.dumps(asdict(result)) + "\n")
        f.flush()
        os.fsync(f.fileno())


# -- running -------------------------------------------------------------------------------------
def run(
    inputs: Sequence[str],
    out_dir: Path,
    engine: str = "pool",
    workers: int = 2,
    address: str | None = None,
    on_result: Callable[[ShardResult], None] | None = None,
    shard_docs: int = SHARD_DOCS,
) -> list[ShardResult]:
    """Process every shard not yet done; return this run's results."""
    out_dir.mkdir(parents=True, exist_ok=True)
    done = {k for k, v in read_manifest(out_dir).items() if v.get("status") == "done"}
    todo = [s for s in plan_shards(inputs, shard_docs) if s.id not in done]
    results: list[ShardResult] = []

    def finish(result: ShardResult) -> None:
        _record(out_dir, result)
        results.append(result)
        if on_result is not None:
            on_result(result)

    if not todo:
        return results
    if engine == "ray":
        _run_ray(todo, out_dir, workers, address, finish)
    else:
        _run_pool(todo, out_dir, workers, finish)
    return results


def _run_pool(
    todo: list[Shard], out_dir: Path, workers: int, finish: Callable[[ShardResult], None]
) -> None:
    if workers <= 1:
        for shard in todo:
            finish(_with_retries(shard, str(out_dir)))
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(_with_retries, s, str(out_dir)) for s in todo]
        for fut in as_completed(futures):
            finish(fut.result())


def _run_ray(
    todo: list[Shard],
    out_dir: Path,
    workers: int,
    address: str | None,
    finish: Callable[[ShardResult], None],
) -> None:
    try:
        import ray
    except ImportError:
        raise MissingExtraError(
            "ray",
            "Ray is not installed: pip install 'tolltrack[ray]' "
            "(or use the local pool: --engine pool --workers N)",
        ) from None
    if not ray.is_initialized():
        kwargs: dict[str, Any] = {
            "include_dashboard": False,
            "log_to_driver": False,
            "logging_level": logging.ERROR,
        }
        if address in (None, "local"):
            kwargs["num_cpus"] = workers
        else:
            kwargs["address"] = address
        ray.init(**kwargs)
    ray.data.DataContext.get_current().enable_progress_bars = False
    out = str(out_dir)

    def process_batch(batch: dict[str, Any]) -> dict[str, list[Any]]:
        rows: dict[str, list[Any]] = {"result": []}
        for sid, path, first, last in zip(
            batch["id"], batch["path"], batch["first_line"], batch["last_line"], strict=True
        ):
            res = _with_retries(Shard(str(sid), str(path), int(first), int(last)), out)
            rows["result"].append(json.dumps(asdict(res)))
        return rows

    ds = ray.data.from_items([asdict(s) for s in todo]).map_batches(
        process_batch,
        batch_size=1,
        compute=ray.data.TaskPoolStrategy(size=max(1, workers)),
        num_cpus=1,
    )
    for row in ds.iter_rows():
        data = json.loads(row["result"])
        finish(ShardResult(**{**data, "errors": tuple(data["errors"])}))


# -- loading into a store ------------------------------------------------------------------------
def load(out_dir: Path, add: Callable[[Document, list[Claim]], bool]) -> tuple[int, int]:
    """Feed every done shard's documents (with their claims) to ``add``, in input order
    (input path, then position in it), whatever order the workers finished in: incidents
    are resolved in that order, as a plain ingest of the same input would. Returns (new,
    duplicate)."""
    import pyarrow.parquet as pq

    new = duplicate = 0
    done = [v for v in read_manifest(out_dir).values() if v.get("status") == "done"]
    for entry in sorted(done, key=lambda v: (v["input"], v.get("first_line", 0), v["shard"])):
        shard_id = entry["shard"]
        docs = pq.read_table(out_dir / f"documents-{shard_id}.parquet").to_pylist()
        by_doc: dict[str, list[Claim]] = {}
        for row in pq.read_table(out_dir / f"claims-{shard_id}.parquet").to_pylist():
            values = {f: row[f] for f in CLAIM_FIELDS[1:]}
            by_doc.setdefault(row["document"], []).append(Claim(**values))
        for row in docs:
            doc = Document(**{f: row[f] for f in DOC_FIELDS})
            if add(doc, by_doc.get(doc.id, [])):
                new += 1
            else:
                duplicate += 1
    return new, duplicate
