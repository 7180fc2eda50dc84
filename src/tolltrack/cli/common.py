"""Helpers shared by commands: reading inputs with progress, reporting bad inputs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from rich.console import Console

from tolltrack.errors import InputError
from tolltrack.extract import Extractor
from tolltrack.model import Document, DocumentClaims
from tolltrack.runner.local import extract_all, read_inputs

err_console = Console(stderr=True)


class Tally:
    """Counts of what a run read, and whether any input failed."""

    def __init__(self) -> None:
        self.documents = 0
        self.claims = 0
        self.failed = 0

    def report(self, item: InputError) -> None:
        self.failed += 1
        err_console.print(f"[red]error[/red] {item}", highlight=False)


def extracted(
    paths: list[str], actors: Path | None, kind: str | None, tally: Tally
) -> Iterator[DocumentClaims]:
    """Extract from every input; errors are reported and counted, the rest goes on."""
    extractor = Extractor.with_actors_file(actors)
    for item in extract_all(read_inputs(paths or ["-"], kind), extractor):
        if isinstance(item, InputError):
            tally.report(item)
            continue
        _warn(item.document)
        tally.documents += 1
        tally.claims += len(item.claims)
        yield item


def _warn(doc: Document) -> None:
    for w in doc.warnings:
        err_console.print(f"[yellow]warning[/yellow] {w}", highlight=False)
