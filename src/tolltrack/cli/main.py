"""``tolltrack``: the command-line entry point."""

from __future__ import annotations

import typer

from tolltrack import __version__
from tolltrack.cli import evaluate, extract, store_commands

app = typer.Typer(
    name="tolltrack",
    help="Track contested, revised casualty tolls in news text: who says how many were "
    "killed, injured or missing, with the sentence behind every number.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)
app.command("extract")(extract.extract_command)
app.command("estimate")(extract.estimate_command)
app.command("eval")(evaluate.eval_command)
app.command("ingest")(store_commands.ingest_command)
app.command("incidents")(store_commands.incidents_command)
app.command("incident")(store_commands.incident_command)
app.command("claims")(store_commands.claims_command)
app.command("docs")(store_commands.docs_command)
app.command("export")(store_commands.export_command)
app.command("serve")(store_commands.serve_command)
app.command("batch")(store_commands.batch_command)
app.command("load")(store_commands.load_command)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"tolltrack {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """Track contested, revised casualty tolls in news text."""


def main() -> None:
    app()
