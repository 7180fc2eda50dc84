"""``tolltrack extract`` and ``tolltrack estimate``."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from tolltrack.cli.common import Tally, documents, err_console, extracted
from tolltrack.export.claims_jsonl import to_line
from tolltrack.extract import Extractor
from tolltrack.runner.local import estimate_events

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
    extractor = Extractor.with_actors_file(actors)
    n = 0
    for est in estimate_events(documents(paths or [], input_format, tally), extractor):
        n += 1
        line = {
            "event": est.event,
            "killed": est.killed,
            "injured": est.injured,
            "missing": est.missing,
        }
        sys.stdout.write(json.dumps(line) + "\n")
    err_console.print(f"{n} incidents from {tally.documents} documents, {tally.failed} failed")
    if tally.failed:
        raise typer.Exit(1)
