"""Writing tables as JSON, CSV or Parquet."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from tolltrack.errors import MissingExtraError


def to_json(incidents: list[dict[str, Any]], claims: list[dict[str, Any]]) -> str:
    return (
        json.dumps(
            {"incidents": incidents, "claims": claims}, ensure_ascii=False, sort_keys=True, indent=1
        )
        + "\n"
    )


def to_csv(rows: list[dict[str, Any]], columns: list[str]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def to_parquet(rows: list[dict[str, Any]], columns: list[str], path: Path) -> None:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise MissingExtraError(
            str(path), "Parquet needs pyarrow: pip install 'tolltrack[parquet]'"
        ) from None
    table = pa.Table.from_pylist([{c: r.get(c) for c in columns} for r in rows])
    pq.write_table(table, path)
