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
from tolltrack.model import Claim, DocumentClaims
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
        console = Console()
        for dc in results:
            console.print(_claims_table(dc))
    else:
        write = sys.stdout.write
        for dc in results:
            write(to_line(dc) + "\n")
    err_console.print(f"{tally.documents} documents, {tally.claims} claims, {tally.failed} failed")
    if tally.failed:
        raise typer.Exit(1)


def figure_text(c: Claim) -> str:
    """A claim's figure as a reader writes it: "89", "~400", "≥ 2,012", "≤ 200", "10–20"."""
    approx = "~" if c.approx else ""
    if c.low is not None and c.high is not None and c.low != c.high:
        return f"{approx}{c.low:,}–{c.high:,}"
    if c.low is not None and c.high is None:
        return f"≥ {approx}{c.low:,}"
    if c.low is None and c.high is not None:
        return f"≤ {approx}{c.high:,}"
    return f"{approx}{c.low:,}"


def _claims_table(dc: DocumentClaims) -> Table:
    title = dc.document.id + (f" ({dc.document.published})" if dc.document.published else "")
    table = Table(title=title, title_justify="left", expand=True)
    table.add_column("category")
    table.add_column("figure", justify="right", no_wrap=True)
    table.add_column("claimant (side)", ratio=2)
    table.add_column("evidence", ratio=3)
    for c in dc.claims:
        who = f"{c.claimant or '—'} ({c.claimant_side})" if c.claimant_side else c.claimant or "—"
        evidence = f"[dim](earlier)[/dim] {c.evidence}" if c.superseded else c.evidence
        table.add_row(c.category, figure_text(c), who, evidence)
    if not dc.claims:
        table.add_row("—", "", "", "no casualty figure found")
    return table


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
