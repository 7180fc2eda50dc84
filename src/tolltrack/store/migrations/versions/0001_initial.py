"""Initial schema: incidents, documents, claims.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

from alembic import op

from tolltrack.store.schema import claims, documents, incidents, metadata

revision = "0001"
down_revision = None


def upgrade() -> None:
    # The first revision creates its tables as schema.py declares them; later revisions
    # add to them with their own operations.
    metadata.create_all(bind=op.get_bind(), tables=[incidents, documents, claims])


def downgrade() -> None:
    metadata.drop_all(bind=op.get_bind(), tables=[claims, documents, incidents])
