"""``tolltrack eval``: score extraction (or incident estimates) against a gold file."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from tolltrack.errors import InputError
from tolltrack.evaluate.claims import ClaimScores, score_claims
from tolltrack.evaluate.gold import blind_document
from tolltrack.evaluate.incidents import incident_gold, score_incidents
from tolltrack.extract import Extractor
from tolltrack.model import Claim, Document
from tolltrack.runner.local import estimate_events

console = Console()


def _load_jsonl(path: Path) -> list[dict[str, Any]]:
    rows = []
    try:
        lines = path.read_text("utf-8").splitlines()
    except OSError as exc:
        raise typer.BadParameter(f"{path}: cannot read ({exc.strerror})") from None
    for i, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            console.print(
                f"[red]error[/red] {InputError(f'{path}:{i}', f'malformed JSON ({exc.msg})')}"
            )
            continue
        if isinstance(row, dict) and "id" in row:
            rows.append(row)
    return rows


def _extract(rows: list[dict[str, Any]], actors: Path | None) -> dict[str, list[Claim]]:
    extractor = Extractor.with_actors_file(actors)
    out: dict[str, list[Claim]] = {}
    with Progress(console=console, transient=True) as progress:
        task = progress.add_task("extracting", total=len(rows))
        for row in rows:
            out[str(row["id"])] = extractor.extract(blind_document(row))
            progress.advance(task)
    return out


def eval_command(
    gold: Path = typer.Argument(..., help="Gold JSONL (claims format, or incident-level gold)."),
    pred: Path | None = typer.Option(
        None,
        "--pred",
        help="Score these predictions (JSONL in the claims format) instead of running extraction.",
    ),
    errors: bool = typer.Option(
        False, "--errors", help="List each miss and false positive with its sentence."
    ),
    incidents: bool = typer.Option(
        False,
        "--incidents",
        help="Score incident estimates (killed/injured per event) against the documents' 'gold'.",
    ),
    actors: Path | None = typer.Option(None, "--actors", help="Your own actors JSON file."),
) -> None:
    """Score extraction against gold: figure and attributed P/R/F1, superseded accuracy.

    Examples:

      tolltrack eval ../shared/data/paraphrased-dev.jsonl

      tolltrack eval gold.jsonl --pred claims.jsonl --errors

      tolltrack eval --incidents ../shared/data/gvc-dev.jsonl
    """
    rows = _load_jsonl(gold)
    if incidents:
        _eval_incidents(rows, actors)
        return
    if pred is not None:
        predicted = {str(r["id"]): list(r.get("claims") or []) for r in _load_jsonl(pred)}
    else:
        predicted = {k: [c.to_dict() for c in v] for k, v in _extract(rows, actors).items()}
    scores = score_claims(rows, predicted, keep_errors=errors)
    _print_claim_scores(scores)


def _print_claim_scores(s: ClaimScores) -> None:
    t = Table(title="Claims")
    for col in ("measure", "precision", "recall", "F1", "matched", "predicted", "gold"):
        t.add_column(col, justify="right" if col != "measure" else "left")
    for name, prf in [("figure", s.figure), ("attributed", s.attributed)] + [
        (f"  {c}", p) for c, p in s.per_category.items()
    ]:
        t.add_row(
            name,
            f"{prf.precision:.3f}",
            f"{prf.recall:.3f}",
            f"{prf.f1:.3f}",
            str(prf.tp),
            str(prf.n_pred),
            str(prf.n_gold),
        )
    console.print(t)
    console.print(
        f"superseded accuracy: {s.superseded_accuracy:.3f} "
        f"({s.superseded_correct}/{s.superseded_total} matched claims)"
    )
    for e in s.errors:
        c = e.claim
        console.print(
            f"[bold]{e.kind}[/bold] {e.doc_id}: {c.get('category')} {c.get('low')}..{c.get('high')}"
            f" side={c.get('claimant_side')} claimant={c.get('claimant')!r}\n    {e.sentence}",
            highlight=False,
        )


def _eval_incidents(rows: list[dict[str, Any]], actors: Path | None) -> None:
    extractor = Extractor.with_actors_file(actors)
    estimates: dict[str, dict[str, int]] = {}
    with Progress(console=console, transient=True) as progress:
        task = progress.add_task("estimating", total=len(rows))

        def blind_rows() -> Iterator[Document]:
            for row in rows:
                yield blind_document(row)
                progress.advance(task)

        for est in estimate_events(blind_rows(), extractor):
            estimates[est.event] = {
                "killed": est.killed,
                "injured": est.injured,
                "missing": est.missing,
            }
    t = Table(title="Incidents")
    for col in ("category", "incidents", "exact accuracy", "mean abs. error"):
        t.add_column(col)
    for sc in score_incidents(incident_gold(rows), estimates):
        t.add_row(sc.category, str(sc.n), f"{sc.accuracy:.3f}", f"{sc.mae:.3f}")
    console.print(t)
