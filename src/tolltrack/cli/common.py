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


def documents(paths: list[str], kind: str | None, tally: Tally) -> Iterator[Document]:
    """Every document of the inputs; bad inputs are reported and counted, the rest goes on."""
    for item in read_inputs(paths or ["-"], kind):
        if isinstance(item, InputError):
            tally.report(item)
            continue
        for w in item.warnings:
            err_console.print(f"[yellow]warning[/yellow] {w}", highlight=False)
        tally.documents += 1
        yield item


def extracted(
    paths: list[str], actors: Path | None, kind: str | None, tally: Tally
) -> Iterator[DocumentClaims]:
    """Extract from every input's documents."""
    extractor = Extractor.with_actors_file(actors)
    for dc in extract_all(documents(paths, kind, tally), extractor):
        if isinstance(dc, InputError):  # extract_all passes errors through; none come here
            tally.report(dc)
            continue
        tally.claims += len(dc.claims)
        yield dc
