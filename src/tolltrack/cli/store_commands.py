"""Commands over the store: ingest, incidents, incident, claims, docs, export."""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from tolltrack.cli.common import err_console
from tolltrack.errors import TolltrackError
from tolltrack.export import tables, writers
from tolltrack.extract import Extractor
from tolltrack.model import CATEGORIES, ClaimRecord
from tolltrack.reconcile.incident import Summary, summarize
from tolltrack.runner.ingest import IngestCounts, Ingestor
from tolltrack.runner.local import read_inputs
from tolltrack.runner.stats import incident_stats
from tolltrack.store import DEFAULT_URL, Store

console = Console()
SHORT = 10  # ids are shown shortened; any unique prefix is accepted back

DB = typer.Option(
    None,
    "--db",
    help=f"Database URL (any SQLAlchemy URL). Default: $TOLLTRACK_DB or {DEFAULT_URL}.",
    show_default=False,
)


def open_store(db: str | None) -> Store:
    url = db or os.environ.get("TOLLTRACK_DB") or DEFAULT_URL
    try:
        return Store(url)
    except TolltrackError as exc:
        err_console.print(f"[red]error[/red] {exc}", highlight=False)
        raise typer.Exit(2) from None


def ingest_command(
    sources: list[str] = typer.Argument(..., help="Files, directories, feed or page URLs."),
    db: str | None = DB,
    watch: float | None = typer.Option(
        None,
        "--watch",
        help="Poll the sources again every N minutes (stop with Ctrl-C).",
        metavar="N",
    ),
    input_format: str | None = typer.Option(
        None,
        "--input-format",
        help="Read every source as jsonl, html, feed, warc, telegram or text.",
    ),
    actors: Path | None = typer.Option(None, "--actors", help="Your own actors JSON file."),
    allow_private_urls: bool = typer.Option(
        False,
        "--allow-private-urls",
        help="Let URLs reach loopback, private and link-local addresses (refused by default).",
    ),
) -> None:
    """Read news into the store: extract claims, resolve incidents, skip what is stored.

    Sources: .txt, .html, .jsonl, .warc/.warc.gz, Telegram result.json, RSS/Atom (.rss,
    .atom, .xml or URL), web page URLs, or directories of them. Re-running adds nothing;
    an interrupted run can simply be run again.

    Examples:

      tolltrack ingest samples/articles.jsonl

      tolltrack ingest feeds/world.rss https://example.org/news.atom --db sqlite:///news.db

      tolltrack ingest https://example.org/feed.xml --watch 15
    """
    store = open_store(db)
    ingestor = Ingestor(store, Extractor.with_actors_file(actors))
    failed = False
    try:
        while True:
            counts = _ingest_once(ingestor, sources, input_format, allow_private_urls)
            failed = failed or counts.failed > 0
            if watch is None:
                break
            err_console.print(f"next poll in {watch:g} min (Ctrl-C stops)")
            time.sleep(watch * 60)
    except KeyboardInterrupt:
        err_console.print("interrupted: what was stored stays stored; run again to go on")
        raise typer.Exit(130) from None
    finally:
        store.close()
    if failed:
        raise typer.Exit(1)


def _ingest_once(
    ingestor: Ingestor, sources: list[str], kind: str | None, allow_private: bool
) -> IngestCounts:
    columns = (
        TextColumn("[bold]ingest"),
        BarColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=err_console, transient=False) as progress:
        task = progress.add_task("", total=None)
        reported = 0

        def update(c: IngestCounts) -> None:
            nonlocal reported
            for e in c.errors[reported:]:
                progress.console.print(f"[red]error[/red] {e}", highlight=False)
            reported = len(c.errors)
            progress.update(
                task,
                description=f"read {c.read}  new {c.new}  duplicate "
                f"{c.duplicate}  failed {c.failed}",
            )

        counts = ingestor.ingest(read_inputs(sources, kind, allow_private), on_item=update)
        progress.update(task, total=counts.read, completed=counts.read)
    return counts


def _summaries(store: Store) -> dict[str, Summary]:
    by_incident: dict[str, list[ClaimRecord]] = {}
    for r in store.claim_records():
        if r.incident_id:
            by_incident.setdefault(r.incident_id, []).append(r)
    return {i: summarize(i, rs) for i, rs in by_incident.items()}


def incidents_command(
    db: str | None = DB,
    since: str | None = typer.Option(None, help="Last report on or after this date."),
    until: str | None = typer.Option(None, help="First report on or before this date."),
    place: str | None = typer.Option(None, help="Place or country name contains this."),
    category: str | None = typer.Option(None, help="Has figures of this category."),
    contested: bool = typer.Option(False, "--contested", help="Only contested incidents."),
    sort: str = typer.Option("latest", help="latest (update) or spread."),
    output: str = typer.Option("table", "--format", help="table or json."),
) -> None:
    """List incidents with their current low / best / high figures and flags.

    Examples:

      tolltrack incidents

      tolltrack incidents --contested --sort spread

      tolltrack incidents --since 2023-01-01 --place Ukraine --format json
    """
    store = open_store(db)
    summaries = _summaries(store)
    rows = []
    for inc in store.incidents():
        s = summaries.get(inc.id) or summarize(inc.id, [])
        where = " ".join(
            x
            for x in (inc.place.name if inc.place else "", inc.place.country if inc.place else "")
            if x
        )
        if since and (inc.last_report or "") < since:
            continue
        if until and (inc.first_report or "9999") > until:
            continue
        if place and place.lower() not in f"{where} {inc.label}".lower():
            continue
        if category and category not in s.bounds:
            continue
        if contested and not any(s.contested.values()):
            continue
        rows.append((inc, s, where))
    if sort == "spread":
        rows.sort(key=lambda r: (-max(r[1].spread.values(), default=1.0), r[0].id))
    else:
        rows.sort(key=lambda r: (r[0].last_report or "", r[0].id), reverse=True)
    if output == "json":
        for inc, s, _ in rows:
            sys.stdout.write(json.dumps(tables.incident_row(inc, s), sort_keys=True) + "\n")
        return
    table = Table(title=f"{len(rows)} incidents", expand=True)
    for col in ("id", "incident", "place", "last report", "killed", "injured", "flags"):
        table.add_column(col, overflow="fold")
    for inc, s, where in rows:
        table.add_row(
            inc.id[:SHORT],
            inc.label,
            where,
            inc.last_report or "",
            _bounds_text(s, "killed"),
            _bounds_text(s, "injured"),
            " ".join(s.flags),
        )
    console.print(table)


def _bounds_text(s: Summary, category: str) -> str:
    b = s.bounds.get(category)
    if b is None:
        return ""
    return f"{b.best:,}" if b.low == b.high else f"{b.low:,}–{b.high:,} (best {b.best:,})"


def incident_command(
    args: list[str] = typer.Argument(
        ...,
        metavar="ID | merge A B | split ID DOC...",
        help="An incident id (or a unique prefix, or words of its label or place); or "
        "merge A B; or split ID DOC...",
    ),
    db: str | None = DB,
) -> None:
    """Show an incident (timeline per side, low/best/high and why, claims with evidence);
    merge two incidents; or split documents out of one.

    Examples:

      tolltrack incident i3f2c...

      tolltrack incident merge i3f2c... i9a01...   (keeps the first)

      tolltrack incident split i3f2c... d77b1... d0c4e...
    """
    store = open_store(db)
    if args[0] == "merge" and len(args) == 3:
        keep, other = _full_id(store, "incidents", args[1]), _full_id(store, "incidents", args[2])
        store.merge_incidents(keep, other)
        store.refresh_stats([keep, other], incident_stats)
        console.print(f"merged {other} into {keep}")
        return
    if args[0] == "split" and len(args) >= 3:
        inc = _full_id(store, "incidents", args[1])
        new = store.split_incident(inc, [_full_id(store, "documents", d) for d in args[2:]])
        store.refresh_stats([inc, new], incident_stats)
        console.print(f"documents moved to new incident {new}")
        return
    if len(args) != 1:
        err_console.print("[red]error[/red] give an incident id, merge A B, or split ID DOC...")
        raise typer.Exit(2)
    _show_incident(store, _full_id(store, "incidents", args[0]))


def _full_id(store: Store, table: str, prefix: str) -> str:
    """Ids may be shortened to any unique prefix, as shown in the tables."""
    full = store.resolve_id(table, prefix)
    if full is None and table == "incidents":
        found = store.find_incidents(prefix)  # words of its label or place
        full = found[0] if len(found) == 1 else None
    if full is None:
        err_console.print(
            f"[red]error[/red] {prefix}: no {table[:-1]} with a unique id like that",
            highlight=False,
        )
        raise typer.Exit(1)
    return full


def _show_incident(store: Store, incident_id: str) -> None:
    inc = store.incident(incident_id)
    if inc is None:
        err_console.print(f"[red]error[/red] {incident_id}: no such incident")
        raise typer.Exit(1)
    records = store.claim_records(incident_id)
    s = summarize(incident_id, records)
    where = f"{inc.place.name} ({inc.place.country}, {inc.place.precision})" if inc.place else "?"
    console.print(
        f"[bold]{inc.label}[/bold]\n{inc.id} · {inc.kind or 'event'} · {where} · "
        f"{inc.first_report or '?'} → {inc.last_report or '?'} · {inc.documents} "
        f"documents · flags: {' '.join(s.flags) or 'none'}"
    )
    bounds = Table(title="Current figures", title_justify="left")
    for col in ("category", "low", "best", "high", "why"):
        bounds.add_column(col)
    for cat in CATEGORIES:
        b = s.bounds.get(cat)
        if b:
            bounds.add_row(cat, f"{b.low:,}", f"{b.best:,}", f"{b.high:,}", "\n".join(b.why))
    console.print(bounds)
    timeline = Table(title="Timeline per side", title_justify="left")
    for col in ("side", "category", "date", "figure", "claimant", "source"):
        timeline.add_column(col, overflow="fold")
    for series in s.series:
        for p in series.points:
            fig = f"{p.value:,}" + (" (earlier)" if p.superseded else "")
            if p is series.latest:
                fig = f"[bold]{fig}[/bold]"
            copies = f" +{len(p.copies)} copies" if p.copies else ""
            timeline.add_row(
                series.party,
                series.category,
                p.reported or "",
                fig,
                p.claimant or "",
                f"{p.source or p.document_id[:SHORT]}{copies}",
            )
    console.print(timeline)
    for rev in s.revisions:
        console.print(
            f"revised: {rev.party} {rev.category} {rev.before:,} → {rev.after:,} "
            f"({rev.when or '?'}, {rev.claimant or 'unattributed'})"
        )
    claims = Table(title="Claims and evidence", title_justify="left", show_lines=True)
    for col in ("claim", "document", "evidence"):
        claims.add_column(col, overflow="fold")
    for r in records:
        claims.add_row(r.id[:SHORT], r.document_id[:SHORT], r.claim.evidence)
    console.print(claims)


def claims_command(
    db: str | None = DB,
    incident: str | None = typer.Option(None, help="Only this incident's claims."),
    output: str = typer.Option("table", "--format", help="table or json (one claim a line)."),
) -> None:
    """List stored claims with their claimant, date, document and incident.

    Examples:

      tolltrack claims --format json > claims.jsonl

      tolltrack claims --incident i3f2c...
    """
    store = open_store(db)
    records = store.claim_records(incident)
    if output == "json":
        for r in sorted(records, key=lambda r: r.id):
            row = {
                **r.claim.to_dict(),
                "id": r.id,
                "document_id": r.document_id,
                "incident_id": r.incident_id,
                "reported": r.reported,
            }
            sys.stdout.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
        return
    table = Table(title=f"{len(records)} claims", expand=True)
    for col in ("date", "category", "figure", "claimant (side)", "evidence", "incident"):
        table.add_column(col, overflow="fold")
    from tolltrack.cli.extract import figure_text

    for r in records:
        c = r.claim
        who = f"{c.claimant or '—'} ({c.claimant_side or '?'})"
        table.add_row(
            r.reported or "", c.category, figure_text(c), who, c.evidence, r.incident_id or ""
        )
    console.print(table)


def docs_command(
    db: str | None = DB,
    incident: str | None = typer.Option(None, help="Only this incident's documents."),
) -> None:
    """List stored documents: id, date, site, title, incident and syndication.

    Example:

      tolltrack docs --incident i3f2c...
    """
    store = open_store(db)
    docs = store.documents(incident)
    table = Table(title=f"{len(docs)} documents", expand=True)
    for col in ("id", "published", "site", "title", "incident", "copy of"):
        table.add_column(col, overflow="fold")
    for d in docs:
        table.add_row(
            d.id,
            d.published or "",
            d.site or "",
            d.title or d.key,
            d.incident_id or "",
            d.copy_of or "",
        )
    console.print(table)


def export_command(
    output: str = typer.Option("json", "--format", help="json, csv or parquet."),
    db: str | None = DB,
    out: Path | None = typer.Option(
        None,
        "--out",
        help="Directory to write incidents and "
        "claims files to (needed for parquet); default stdout.",
    ),
) -> None:
    """Export incidents (UCDP-like: low/best/high per category, sides, claim counts, first
    and last report) and claims. The same stored content gives byte-identical output.

    Examples:

      tolltrack export --format json > tolls.json

      tolltrack export --format csv --out export/

      tolltrack export --format parquet --out export/
    """
    store = open_store(db)
    incidents, claims = tables.build(store)
    try:
        _write_export(output, incidents, claims, out)
    except TolltrackError as exc:
        err_console.print(f"[red]error[/red] {exc}", highlight=False)
        raise typer.Exit(2) from None


def _write_export(
    fmt: str, incidents: list[dict[str, object]], claims: list[dict[str, object]], out: Path | None
) -> None:
    if fmt == "json":
        text = writers.to_json(incidents, claims)
        if out is None:
            sys.stdout.write(text)
        else:
            out.mkdir(parents=True, exist_ok=True)
            (out / "tolltrack.json").write_text(text, "utf-8")
        return
    if fmt == "csv":
        inc_csv = writers.to_csv(incidents, tables.INCIDENT_COLUMNS)
        if out is None:
            sys.stdout.write(inc_csv)
            return
        out.mkdir(parents=True, exist_ok=True)
        (out / "incidents.csv").write_text(inc_csv, "utf-8")
        (out / "claims.csv").write_text(writers.to_csv(claims, tables.CLAIM_COLUMNS), "utf-8")
        return
    if fmt == "parquet":
        if out is None:
            raise TolltrackError("--out", "parquet export needs --out DIR")
        out.mkdir(parents=True, exist_ok=True)
        writers.to_parquet(incidents, tables.INCIDENT_COLUMNS, out / "incidents.parquet")
        writers.to_parquet(claims, tables.CLAIM_COLUMNS, out / "claims.parquet")
        return
    raise TolltrackError("--format", f"unknown format {fmt!r} (json, csv or parquet)")


def serve_command(
    db: str | None = DB,
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
    port: int = typer.Option(8000, "--port", help="Port to listen on."),
) -> None:
    """Serve the web UI and the JSON API (/api/v1, OpenAPI at /api/v1/openapi.json).

    Writes (POST /api/v1/documents) need a bearer token set in TOLLTRACK_API_TOKEN.

    Examples:

      tolltrack serve

      TOLLTRACK_API_TOKEN=secret tolltrack serve --db postgresql://tt@db/tolltrack --port 9000
    """
    try:
        import uvicorn

        from tolltrack.web.app import create_app
    except ImportError:
        err_console.print(
            "[red]error[/red] the web UI needs its extra: pip install 'tolltrack[web]'"
        )
        raise typer.Exit(2) from None
    store = open_store(db)
    uvicorn.run(create_app(store), host=host, port=port, log_level="info")


def batch_command(
    inputs: list[str] = typer.Argument(
        ..., help="WARC, JSONL or other inputs: files, directories or glob patterns."
    ),
    out: Path = typer.Option(..., "--out", help="Directory for Parquet shards and manifest."),
    address: str | None = typer.Option(
        None,
        "--address",
        help="Ray: local, auto or ray://HOST:PORT. Without it, a local process pool.",
    ),
    workers: int = typer.Option(2, "--workers", help="Parallel workers."),
    shard_docs: int = typer.Option(5000, "--shard-docs", help="Documents per JSONL shard."),
) -> None:
    """Parse and extract inputs in parallel into Parquet shards plus a manifest.

    With --address, runs on Ray (the `ray` extra): locally (`local`), on the cluster of this
    machine (`auto`) or a remote one (`ray://HOST:PORT`). Without it, or without Ray, a local
    pool of --workers processes. A re-run skips shards already done; load the result with
    `tolltrack load`.

    Examples:

      tolltrack batch crawl/*.warc.gz --out batch/ --workers 2

      tolltrack batch news.jsonl --out batch/ --address local --workers 2

      tolltrack load batch/ --db postgresql://tt@db/tolltrack
    """
    from tolltrack.runner import batch

    engine = "ray" if address else "pool"
    if engine == "ray":
        import importlib.util

        if importlib.util.find_spec("ray") is None:
            err_console.print(
                "[yellow]Ray is not installed[/yellow]: pip install "
                "'tolltrack[ray]'. Using a local pool of "
                f"{workers} processes instead."
            )
            engine = "pool"
    start = time.perf_counter()
    columns = (
        TextColumn("[bold]batch"),
        BarColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
    )
    failed = 0
    with Progress(*columns, console=err_console) as progress:
        shards = len(batch.plan_shards(inputs, shard_docs))
        done = {k for k, v in batch.read_manifest(out).items() if v.get("status") == "done"}
        task = progress.add_task(
            "",
            total=shards,
            completed=len(done & {s.id for s in batch.plan_shards(inputs, shard_docs)}),
        )
        docs = 0

        def on_result(r: batch.ShardResult) -> None:
            nonlocal docs, failed
            docs += r.documents
            failed += r.status == "failed"
            for e in r.errors:
                progress.console.print(f"[red]error[/red] {e}", highlight=False)
            rate = docs / max(time.perf_counter() - start, 1e-9)
            progress.update(
                task,
                advance=1,
                description=f"{docs} documents, {rate:,.0f} docs/s, {failed} shards failed",
            )

        try:
            batch.run(inputs, out, engine, workers, address, on_result, shard_docs)
        except TolltrackError as exc:
            err_console.print(f"[red]error[/red] {exc}", highlight=False)
            raise typer.Exit(2) from None
    if failed:
        raise typer.Exit(1)


def load_command(
    directory: Path = typer.Argument(..., help="A `tolltrack batch` output directory."),
    db: str | None = DB,
) -> None:
    """Load a batch run's Parquet shards into the store (idempotent: run it again freely).

    Example:

      tolltrack load batch/ --db sqlite:///news.db
    """
    from tolltrack.runner import batch

    store = open_store(db)
    ingestor = Ingestor(store)
    new, duplicate = batch.load(directory, ingestor.add)
    err_console.print(f"loaded {new} new documents, {duplicate} already stored")
