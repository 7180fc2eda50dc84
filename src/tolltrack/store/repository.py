"""The repository: the one module that reads and writes the database."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import Engine, Row, func, select, text, update
from sqlalchemy.exc import IntegrityError, OperationalError

from tolltrack.model import Claim, ClaimRecord, Incident, Place
from tolltrack.store import migrate
from tolltrack.store.engine import make_engine
from tolltrack.store.schema import claims, documents, incident_stats, incidents

DEFAULT_URL = "sqlite:///tolltrack.db"
# (incident id, its claims) -> the incident_stats columns (everything but ids and documents)
StatsFunction = Callable[[str, list[ClaimRecord]], dict[str, Any]]


def content_id(prefix: str, *parts: object) -> str:
    """A stable id from content: the same input always gives the same id."""
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return f"{prefix}{digest[:24]}"


@dataclass(frozen=True, slots=True)
class DocumentRow:
    """A document as stored."""

    id: str
    key: str
    content_hash: str
    source: str | None
    url: str | None
    site: str | None
    title: str | None
    published: str | None
    text: str
    copy_of: str | None
    incident_id: str | None
    minhash: bytes | None = None


@dataclass(frozen=True, slots=True)
class IncidentQuery:
    """Filters, order and page of an incident list."""

    text: str | None = None
    place: str | None = None
    since: str | None = None
    until: str | None = None
    category: str | None = None
    contested: bool = False
    sort: str = "latest"  # latest, spread or best
    limit: int = 50
    offset: int = 0


@dataclass(frozen=True, slots=True)
class NewIncident:
    id: str
    event: str | None
    label: str
    kind: str | None
    place: Place | None
    reported: str | None


class Store:
    """Documents, claims and incidents in one database (any SQLAlchemy URL)."""

    def __init__(self, url: str = DEFAULT_URL, engine: Engine | None = None) -> None:
        self.url = url
        self.engine = engine or make_engine(url)
        migrate.upgrade(self.engine)

    def close(self) -> None:
        self.engine.dispose()

    # -- writing ------------------------------------------------------------------------
    def has_content(self, content_hash: str) -> bool:
        with self.engine.connect() as c:
            q = select(documents.c.id).where(documents.c.content_hash == content_hash)
            return c.execute(q).first() is not None

    def add_document(
        self,
        doc: DocumentRow,
        records: Sequence[tuple[Claim, str | None, str | None]],
        incident: NewIncident | None,
        stats: StatsFunction | None = None,
    ) -> bool:
        """Store a document with its claims (claim, reported date, claimant key) atomically.

        Returns False, changing nothing, when a document with the same content is stored.
        ``incident`` is created first when it does not exist yet. ``stats`` computes the
        incident's figures from its claims; they are stored in the same transaction.

        Two writers racing on the same document or incident (two ingests into one PostgreSQL
        database) meet a unique constraint; the loser retries, and then finds the document
        stored (False) or the incident created.
        """
        for attempt in range(5):
            try:
                return self._add_document(doc, records, incident, stats)
            except (IntegrityError, OperationalError):
                if attempt == 4:
                    raise
                time.sleep(0.05 * (attempt + 1))
        return False  # not reached

    def _add_document(
        self,
        doc: DocumentRow,
        records: Sequence[tuple[Claim, str | None, str | None]],
        incident: NewIncident | None,
        stats: StatsFunction | None,
    ) -> bool:
        with self.engine.begin() as c:
            if doc.incident_id is not None and c.dialect.name == "postgresql":
                # One writer at a time per incident, so its stored figures see every claim.
                c.execute(
                    text("SELECT pg_advisory_xact_lock(hashtext(:i))"), {"i": doc.incident_id}
                )
            if c.execute(
                select(documents.c.id).where(documents.c.content_hash == doc.content_hash)
            ).first():
                return False
            if incident is not None:
                self._ensure_incident(c, incident)
            seq = c.execute(select(func.coalesce(func.max(documents.c.seq), 0))).scalar_one()
            # DocumentRow's fields are the table's columns, but for the two set here.
            c.execute(
                documents.insert().values(**asdict(doc), incident_locked=False, seq=seq + 1)
            )
            rows = [_claim_values(doc, claim, reported, key) for claim, reported, key in records]
            if rows:
                c.execute(claims.insert(), rows)
            if doc.incident_id is not None:
                self._touch_incident(c, doc.incident_id, doc.published)
                if stats is not None:
                    self._save_stats(c, doc.incident_id, stats)
        return True

    def _save_stats(self, c: Any, incident_id: str, stats: StatsFunction) -> None:
        row = stats(incident_id, self._claim_records(c, incident_id))
        n_docs = c.execute(
            select(func.count()).where(documents.c.incident_id == incident_id)
        ).scalar_one()
        c.execute(incident_stats.delete().where(incident_stats.c.incident_id == incident_id))
        c.execute(incident_stats.insert().values(incident_id=incident_id, documents=n_docs, **row))

    def refresh_stats(self, incident_ids: Iterable[str], stats: StatsFunction) -> None:
        """Recompute the stored figures of these incidents (after a merge or split)."""
        with self.engine.begin() as c:
            for incident_id in incident_ids:
                exists = c.execute(select(incidents.c.id).where(incidents.c.id == incident_id))
                if exists.first() is None:
                    c.execute(
                        incident_stats.delete().where(incident_stats.c.incident_id == incident_id)
                    )
                    continue
                self._save_stats(c, incident_id, stats)

    @staticmethod
    def _ensure_incident(c: Any, inc: NewIncident) -> None:
        if c.execute(select(incidents.c.id).where(incidents.c.id == inc.id)).first():
            return
        place = inc.place
        c.execute(
            incidents.insert().values(
                id=inc.id,
                event=inc.event,
                label=inc.label,
                kind=inc.kind,
                place_name=place.name if place else None,
                country=place.country if place else None,
                lat=place.lat if place else None,
                lon=place.lon if place else None,
                precision=place.precision if place else None,
                first_report=inc.reported,
                last_report=inc.reported,
            )
        )

    @staticmethod
    def _touch_incident(c: Any, incident_id: str, published: str | None) -> None:
        row = c.execute(
            select(incidents.c.first_report, incidents.c.last_report).where(
                incidents.c.id == incident_id
            )
        ).first()
        if row is None or published is None:
            return
        first = min(x for x in (row.first_report, published) if x)
        last = max(x for x in (row.last_report, published) if x)
        c.execute(
            update(incidents)
            .where(incidents.c.id == incident_id)
            .values(first_report=first, last_report=last)
        )

    def bulk_insert(self, table_name: str, rows: Sequence[dict[str, Any]]) -> None:
        """Insert prepared rows into ``incidents``, ``documents``, ``claims`` or
        ``incident_stats`` in one transaction (loaders and benchmarks)."""
        table = {t.name: t for t in (incidents, documents, claims, incident_stats)}[table_name]
        if rows:
            with self.engine.begin() as c:
                c.execute(table.insert(), list(rows))

    # -- incidents: correction by hand ----------------------------------------------------
    def merge_incidents(self, keep: str, other: str) -> None:
        """Move everything of ``other`` into ``keep`` and delete ``other``."""
        with self.engine.begin() as c:
            for table in (documents, claims):
                c.execute(
                    update(table).where(table.c.incident_id == other).values(incident_id=keep)
                )
            c.execute(
                update(documents)
                .where(documents.c.incident_id == keep)
                .values(incident_locked=True)
            )
            c.execute(incident_stats.delete().where(incident_stats.c.incident_id == other))
            c.execute(incidents.delete().where(incidents.c.id == other))
            self._recompute_reports(c, keep)

    def split_incident(self, incident_id: str, document_ids: Sequence[str]) -> str:
        """Move the given documents (and their claims) of an incident into a new one."""
        with self.engine.begin() as c:
            src = c.execute(select(incidents).where(incidents.c.id == incident_id)).first()
            if src is None:
                raise KeyError(incident_id)
            new_id = content_id("i", incident_id, *sorted(document_ids))
            c.execute(
                incidents.insert().values(
                    id=new_id,
                    event=None,
                    label=f"{src.label} (split)",
                    kind=src.kind,
                    place_name=src.place_name,
                    country=src.country,
                    lat=src.lat,
                    lon=src.lon,
                    precision=src.precision,
                    first_report=None,
                    last_report=None,
                )
            )
            for table, col in ((documents, documents.c.id), (claims, claims.c.document_id)):
                c.execute(
                    update(table)
                    .where(table.c.incident_id == incident_id, col.in_(list(document_ids)))
                    .values(incident_id=new_id)
                )
            c.execute(
                update(documents)
                .where(documents.c.id.in_(list(document_ids)))
                .values(incident_locked=True)
            )
            self._recompute_reports(c, incident_id)
            self._recompute_reports(c, new_id)
        return new_id

    @staticmethod
    def _recompute_reports(c: Any, incident_id: str) -> None:
        first, last = c.execute(
            select(func.min(documents.c.published), func.max(documents.c.published)).where(
                documents.c.incident_id == incident_id
            )
        ).one()
        c.execute(
            update(incidents)
            .where(incidents.c.id == incident_id)
            .values(first_report=first, last_report=last)
        )

    # -- reading ---------------------------------------------------------------------------
    def incident_by_event(self, event: str) -> str | None:
        with self.engine.connect() as c:
            row = c.execute(select(incidents.c.id).where(incidents.c.event == event)).first()
            return None if row is None else str(row.id)

    def recent_incidents(self, since: str | None, until: str | None) -> list[Incident]:
        """Incidents reported in a date window (candidates for a new document)."""
        q = select(incidents)
        if since is not None:
            q = q.where(incidents.c.last_report >= since)
        if until is not None:
            q = q.where(incidents.c.first_report <= until)
        with self.engine.connect() as c:
            return [_incident(r) for r in c.execute(q.order_by(incidents.c.id))]

    def incident_minhashes(self, incident_ids: Iterable[str]) -> dict[str, list[bytes]]:
        ids = list(incident_ids)
        out: dict[str, list[bytes]] = {i: [] for i in ids}
        if not ids:
            return out
        q = select(documents.c.incident_id, documents.c.minhash).where(
            documents.c.incident_id.in_(ids), documents.c.minhash.is_not(None)
        )
        with self.engine.connect() as c:
            for r in c.execute(q):
                out[r.incident_id].append(r.minhash)
        return out

    def all_minhashes(self) -> Iterator[tuple[str, bytes]]:
        q = select(documents.c.id, documents.c.minhash).where(documents.c.minhash.is_not(None))
        with self.engine.connect() as c:
            for r in c.execute(q.order_by(documents.c.seq)):
                yield r.id, r.minhash

    def incidents(self) -> list[Incident]:
        doc_counts = (
            select(documents.c.incident_id, func.count().label("n"))
            .group_by(documents.c.incident_id)
            .subquery()
        )
        claim_counts = (
            select(claims.c.incident_id, func.count().label("n"))
            .group_by(claims.c.incident_id)
            .subquery()
        )
        q = (
            select(incidents, doc_counts.c.n.label("n_docs"), claim_counts.c.n.label("n_claims"))
            .outerjoin(doc_counts, doc_counts.c.incident_id == incidents.c.id)
            .outerjoin(claim_counts, claim_counts.c.incident_id == incidents.c.id)
            .order_by(incidents.c.id)
        )
        with self.engine.connect() as c:
            return [_incident(r) for r in c.execute(q)]

    def resolve_id(self, table_name: str, prefix: str) -> str | None:
        """The one id of ``incidents`` or ``documents`` starting with ``prefix``, if unique."""
        table = incidents if table_name == "incidents" else documents
        escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        q = select(table.c.id).where(table.c.id.like(f"{escaped}%", escape="\\")).limit(2)
        with self.engine.connect() as c:
            ids = [r.id for r in c.execute(q)]
        return ids[0] if len(ids) == 1 else None

    def list_incidents(self, query: IncidentQuery) -> tuple[list[dict[str, Any]], int]:
        """One page of incidents with their stored figures, and how many match in all."""
        s = incident_stats
        q = select(incidents, *[col for col in s.c if col.name != "incident_id"]).outerjoin(
            s, s.c.incident_id == incidents.c.id
        )
        conditions: list[Any] = []
        if query.text:
            pattern = f"%{query.text.lower()}%"
            conditions.append(
                func.lower(incidents.c.label).like(pattern)
                | func.lower(func.coalesce(incidents.c.place_name, "")).like(pattern)
            )
        if query.place:
            pattern = f"%{query.place.lower()}%"
            conditions.append(
                func.lower(func.coalesce(incidents.c.place_name, "")).like(pattern)
                | func.lower(func.coalesce(incidents.c.country, "")).like(pattern)
            )
        if query.since:
            conditions.append(incidents.c.last_report >= query.since)
        if query.until:
            conditions.append(incidents.c.first_report <= query.until)
        if query.category in ("killed", "injured", "missing", "casualties"):
            conditions.append(s.c[f"{query.category}_best"].is_not(None))
        if query.contested:
            conditions.append(s.c.contested.is_(True))
        for cond in conditions:
            q = q.where(cond)
        sort_col: Any = {
            "spread": func.coalesce(s.c.spread, 0.0),
            "best": func.coalesce(s.c.killed_best, -1),
        }.get(query.sort, func.coalesce(incidents.c.last_report, ""))
        q = q.order_by(sort_col.desc(), incidents.c.id).limit(query.limit).offset(query.offset)
        count_q = select(func.count()).select_from(
            incidents.outerjoin(s, s.c.incident_id == incidents.c.id)
        )
        for cond in conditions:
            count_q = count_q.where(cond)
        with self.engine.connect() as c:
            rows = [dict(r._mapping) for r in c.execute(q)]
            total = int(c.execute(count_q).scalar_one())
        return rows, total

    def claims_page(
        self, incident_id: str | None, claimant_key: str | None, limit: int, offset: int
    ) -> list[ClaimRecord]:
        q = _claims_with_source()
        if incident_id is not None:
            q = q.where(claims.c.incident_id == incident_id)
        if claimant_key is not None:
            q = q.where(claims.c.claimant_key == claimant_key)
        q = q.order_by(claims.c.id).limit(limit).offset(offset)
        with self.engine.connect() as c:
            return [_record(r) for r in c.execute(q)]

    def documents_page(self, limit: int, offset: int) -> list[DocumentRow]:
        q = select(documents).order_by(documents.c.id).limit(limit).offset(offset)
        with self.engine.connect() as c:
            return [_document(r) for r in c.execute(q)]

    def document_copies(self, document_id: str) -> list[str]:
        """Ids of the documents linked to this one as syndicated copies (either way)."""
        with self.engine.connect() as c:
            row = c.execute(select(documents.c.copy_of).where(documents.c.id == document_id))
            original = row.scalar_one_or_none() or document_id
            q = select(documents.c.id).where(
                (documents.c.copy_of == original) | (documents.c.id == original)
            )
            return sorted(r.id for r in c.execute(q) if r.id != document_id)

    def claimants(self, limit: int, offset: int) -> list[dict[str, Any]]:
        q = (
            select(
                claims.c.claimant_key,
                func.min(claims.c.claimant).label("name"),
                func.min(claims.c.claimant_side).label("side"),
                func.count().label("claims"),
                func.count(func.distinct(claims.c.incident_id)).label("incidents"),
            )
            .where(claims.c.claimant_key.is_not(None))
            .group_by(claims.c.claimant_key)
            .order_by(claims.c.claimant_key)
            .limit(limit)
            .offset(offset)
        )
        with self.engine.connect() as c:
            return [dict(r._mapping) for r in c.execute(q)]

    def find_incidents(self, words: str) -> list[str]:
        """Ids of incidents whose label or place contains ``words`` (case-insensitive)."""
        pattern = f"%{words.lower()}%"
        q = select(incidents.c.id).where(
            func.lower(incidents.c.label).like(pattern)
            | func.lower(func.coalesce(incidents.c.place_name, "")).like(pattern)
        )
        with self.engine.connect() as c:
            return sorted(r.id for r in c.execute(q))

    def incident(self, incident_id: str) -> Incident | None:
        n_docs = (
            select(func.count()).where(documents.c.incident_id == incident_id).scalar_subquery()
        )
        n_claims = select(func.count()).where(claims.c.incident_id == incident_id).scalar_subquery()
        q = select(incidents, n_docs.label("n_docs"), n_claims.label("n_claims")).where(
            incidents.c.id == incident_id
        )
        with self.engine.connect() as c:
            row = c.execute(q).first()
        return None if row is None else _incident(row)

    def claim_records(self, incident_id: str | None = None) -> list[ClaimRecord]:
        with self.engine.connect() as c:
            return self._claim_records(c, incident_id)

    @staticmethod
    def _claim_records(c: Any, incident_id: str | None) -> list[ClaimRecord]:
        q = _claims_with_source()
        if incident_id is not None:
            q = q.where(claims.c.incident_id == incident_id)
        q = q.order_by(claims.c.reported, claims.c.document_id, claims.c.start, claims.c.id)
        return [_record(r) for r in c.execute(q)]

    def documents(self, incident_id: str | None = None) -> list[DocumentRow]:
        q = select(documents)
        if incident_id is not None:
            q = q.where(documents.c.incident_id == incident_id)
        with self.engine.connect() as c:
            return [_document(r) for r in c.execute(q.order_by(documents.c.id))]

    def document(self, document_id: str) -> DocumentRow | None:
        with self.engine.connect() as c:
            r = c.execute(select(documents).where(documents.c.id == document_id)).first()
            return None if r is None else _document(r)

    def counts(self) -> dict[str, int]:
        with self.engine.connect() as c:
            return {
                name: int(c.execute(select(func.count()).select_from(t)).scalar_one())
                for name, t in (
                    ("incidents", incidents),
                    ("documents", documents),
                    ("claims", claims),
                )
            }


def _claims_with_source() -> Any:
    """Claims with what ClaimRecord needs of their document: site, URL, copy link."""
    return select(claims, documents.c.site, documents.c.url, documents.c.copy_of).join(
        documents, documents.c.id == claims.c.document_id
    )


def _claim_values(
    doc: DocumentRow, claim: Claim, reported: str | None, key: str | None
) -> dict[str, Any]:
    return {
        "id": content_id(
            "c",
            doc.id,
            claim.start,
            claim.end,
            claim.category,
            claim.low,
            claim.high,
            claim.claimant,
        ),
        "document_id": doc.id,
        "incident_id": doc.incident_id,
        "category": claim.category,
        "low": claim.low,
        "high": claim.high,
        "approx": claim.approx,
        "claimant": claim.claimant,
        "claimant_side": claim.claimant_side,
        "claimant_key": key,
        "victims": claim.victims,
        "superseded": claim.superseded,
        "background": claim.background,
        "evidence": claim.evidence,
        "start": claim.start,
        "end": claim.end,
        "reported": reported,
    }


def _incident(r: Row[Any]) -> Incident:
    m = r._mapping
    place = None
    if m["place_name"]:
        place = Place(m["place_name"], m["country"], m["lat"], m["lon"], m["precision"] or "city")
    return Incident(
        id=m["id"],
        label=m["label"],
        kind=m["kind"],
        place=place,
        first_report=m["first_report"],
        last_report=m["last_report"],
        documents=int(m.get("n_docs") or 0),
        claims=int(m.get("n_claims") or 0),
    )


def _document(r: Row[Any]) -> DocumentRow:
    m = r._mapping
    return DocumentRow(
        id=m["id"],
        key=m["key"],
        content_hash=m["content_hash"],
        source=m["source"],
        url=m["url"],
        site=m["site"],
        title=m["title"],
        published=m["published"],
        text=m["text"],
        copy_of=m["copy_of"],
        incident_id=m["incident_id"],
    )


def _record(r: Row[Any]) -> ClaimRecord:
    m = r._mapping
    claim = Claim(
        category=m["category"],
        low=m["low"],
        high=m["high"],
        approx=bool(m["approx"]),
        claimant=m["claimant"],
        claimant_side=m["claimant_side"],
        victims=m["victims"],
        superseded=bool(m["superseded"]),
        evidence=m["evidence"],
        start=m["start"],
        end=m["end"],
        background=bool(m["background"]),
    )
    return ClaimRecord(
        id=m["id"],
        document_id=m["document_id"],
        incident_id=m["incident_id"],
        claim=claim,
        reported=m["reported"],
        claimant_key=m["claimant_key"],
        source=m["site"] or m["url"],
        copy_of=m["copy_of"],
    )
