"""Tables. Ids are derived from content (hashes), so the same input gives the same rows."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

incidents = Table(
    "incidents",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("event", String(200), unique=True),  # an input's own event key, when it has one
    Column("label", Text, nullable=False),
    Column("kind", String(40)),
    Column("place_name", String(200)),
    Column("country", String(8)),
    Column("lat", Float),
    Column("lon", Float),
    Column("precision", String(16)),
    Column("first_report", String(32)),
    Column("last_report", String(32)),
)

documents = Table(
    "documents",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("key", String(500), nullable=False),  # the input's id, or its URL
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("source", Text),
    Column("url", Text),
    Column("site", String(200)),
    Column("title", Text),
    Column("published", String(32)),
    Column("text", Text, nullable=False),
    Column("copy_of", String(40), ForeignKey("documents.id")),
    Column("minhash", LargeBinary),
    Column("incident_id", String(40), ForeignKey("incidents.id")),
    Column("incident_locked", Boolean, nullable=False, default=False),
    Column("seq", Integer, nullable=False),  # order of ingestion, for resolving in order
)
Index("ix_documents_published", documents.c.published)
Index("ix_documents_incident", documents.c.incident_id)

claims = Table(
    "claims",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("document_id", String(40), ForeignKey("documents.id"), nullable=False),
    Column("incident_id", String(40), ForeignKey("incidents.id")),
    Column("category", String(16), nullable=False),
    Column("low", Integer),
    Column("high", Integer),
    Column("approx", Boolean, nullable=False),
    Column("claimant", Text),
    Column("claimant_side", String(8)),
    Column("claimant_key", String(200)),
    Column("victims", Text),
    Column("superseded", Boolean, nullable=False),
    Column("background", Boolean, nullable=False),
    Column("evidence", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("reported", String(32)),
)
Index("ix_claims_incident", claims.c.incident_id)
Index("ix_claims_document", claims.c.document_id)

# Per-incident figures from reconcile, kept current at ingest, so that lists of incidents can
# be filtered, sorted and paginated in SQL.
incident_stats = Table(
    "incident_stats",
    metadata,
    Column("incident_id", String(40), ForeignKey("incidents.id"), primary_key=True),
    Column("documents", Integer, nullable=False),
    Column("claims", Integer, nullable=False),
    Column("sides", String(200), nullable=False),
    Column("killed_low", Integer),
    Column("killed_best", Integer),
    Column("killed_high", Integer),
    Column("injured_low", Integer),
    Column("injured_best", Integer),
    Column("injured_high", Integer),
    Column("missing_low", Integer),
    Column("missing_best", Integer),
    Column("missing_high", Integer),
    Column("casualties_low", Integer),
    Column("casualties_best", Integer),
    Column("casualties_high", Integer),
    Column("spread", Float, nullable=False),
    Column("revised", Boolean, nullable=False),
    Column("contested", Boolean, nullable=False),
    Column("single_source", Boolean, nullable=False),
)
Index("ix_stats_killed_best", incident_stats.c.killed_best)
Index("ix_stats_spread", incident_stats.c.spread)
