"""Initial schema: incidents, documents, claims.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

from alembic import op

from tolltrack.store.schema import metadata

revision = "0001"
down_revision = None


def upgrade() -> None:
    # The first revision creates the tables as schema.py declares them; later revisions
    # change them with explicit operations.
    metadata.create_all(bind=op.get_bind())


def downgrade() -> None:
    metadata.drop_all(bind=op.get_bind())
