"""Bring a database to the current schema with Alembic."""

from __future__ import annotations

from importlib import resources

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, text


def upgrade(engine: Engine) -> None:
    config = Config()
    config.set_main_option(
        "script_location", str(resources.files("tolltrack.store") / "migrations")
    )
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            # Two processes opening a new database at once: one migrates, the other waits.
            connection.execute(text("SELECT pg_advisory_xact_lock(7212917)"))
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
