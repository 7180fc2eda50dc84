"""Per-incident figures for fast lists: incident_stats.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from alembic import op

from tolltrack.store.schema import incident_stats, metadata

revision = "0002"
down_revision = "0001"


def upgrade() -> None:
    metadata.create_all(bind=op.get_bind(), tables=[incident_stats])


def downgrade() -> None:
    metadata.drop_all(bind=op.get_bind(), tables=[incident_stats])
