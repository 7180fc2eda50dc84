"""``tolltrack extract`` and ``tolltrack estimate``."""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from tolltrack.cli.common import Tally, err_console, extracted
from tolltrack.export.claims_jsonl import to_line
from tolltrack.model import Claim
from tolltrack.reconcile import estimate_incident

PATHS = typer.Argument(None, help="Text or JSONL files, directories, or - for stdin.")
ACTORS = typer.Option(None, "--actors", help="Your own actors JSON file, added to the bundled one.")
FORMAT = typer.Option(
    None,
    "--input-format",
    help="Read inputs as 'jsonl' or 'text' (default: by file name; stdin is JSONL).",
)


def extract_command(
    paths: list[str] | None = PATHS,
    table: bool = typer.Option(False, "--table", help="Show a table instead of JSONL."),
    actors: Path | None = ACTORS,
    input_format: str | None = FORMAT,
) -> None:
    """Extract attributed casualty claims from text or JSONL documents.

    Writes one JSONL line per document in the claims format
    (shared/spec/claims-format.md); every claim carries start/end offsets of its evidence.

    Examples:

      tolltrack extract samples/*.txt --table

      tolltrack extract articles.jsonl > claims.jsonl

      cat articles.jsonl | tolltrack extract -
    """
    tally = Tally()
    results = extracted(paths or [], actors, input_format, tally)
    if table:
        out = Table(title="Casualty claims", show_lines=False)
        for col in (
            "document",
            "category",
            "low",
            "high",
            "~",
            "claimant",
            "side",
            "sup.",
            "evidence",
        ):
            out.add_column(col, overflow="fold")
        for dc in results:
            for c in dc.claims:
                out.add_row(
                    dc.document.id,
                    c.category,
                    _n(c.low),
                    _n(c.high),
                    "~" if c.approx else "",
                    c.claimant or "",
                    c.claimant_side or "",
                    "yes" if c.superseded else "",
                    c.evidence,
                )
        Console().print(out)
    else:
        write = sys.stdout.write
        for dc in results:
            write(to_line(dc) + "\n")
    err_console.print(f"{tally.documents} documents, {tally.claims} claims, {tally.failed} failed")
    if tally.failed:
        raise typer.Exit(1)


def _n(v: int | None) -> str:
    return "" if v is None else f"{v:,}"


def estimate_command(
    paths: list[str] | None = PATHS,
    actors: Path | None = ACTORS,
    input_format: str | None = FORMAT,
) -> None:
    """Estimate each incident's killed / injured / missing totals from all its documents.

    Documents are grouped by their 'event' field; one JSONL line per event is printed:
    {"event", "killed", "injured", "missing"}. The rule is in docs/estimate.md.

    Example:

      tolltrack estimate articles.jsonl > estimates.jsonl
    """
    tally = Tally()
    by_event: dict[str, list[tuple[str | None, tuple[Claim, ...]]]] = defaultdict(list)
    for dc in extracted(paths or [], actors, input_format, tally):
        event = dc.document.event or dc.document.id
        by_event[event].append((dc.document.published, dc.claims))
    for event, docs in by_event.items():
        est = estimate_incident(event, docs)
        sys.stdout.write(
            json.dumps(
                {
                    "event": event,
                    "killed": est.killed,
                    "injured": est.injured,
                    "missing": est.missing,
                }
            )
            + "\n"
        )
    err_console.print(
        f"{len(by_event)} incidents from {tally.documents} documents, {tally.failed} failed"
    )
    if tally.failed:
        raise typer.Exit(1)
