"""Engines: SQLite (WAL) as the embedded default, PostgreSQL through psycopg 3."""

from __future__ import annotations

import importlib.util
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

from tolltrack.errors import ConfigError, MissingExtraError


def normalise_url(url: str) -> str:
    """Accept plain ``postgresql://`` URLs; tolltrack talks to PostgreSQL with psycopg 3."""
    try:
        parsed = make_url(url)
    except Exception as exc:  # SQLAlchemy raises ArgumentError; say which input was bad
        raise ConfigError(url, f"not a database URL ({exc})") from None
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.render_as_string(hide_password=False)


def make_engine(url: str) -> Engine:
    url = normalise_url(url)
    backend = make_url(url).get_backend_name()
    if backend == "postgresql":
        if importlib.util.find_spec("psycopg") is None:
            raise MissingExtraError(
                url, "PostgreSQL needs psycopg: pip install 'tolltrack[postgres]'"
            )
        return create_engine(url, pool_pre_ping=True)
    if backend == "sqlite":
        engine = create_engine(url, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    raise ConfigError(url, f"unsupported database {backend!r} (use sqlite or postgresql)")


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # WAL lets a reader (the web server) read while an ingest writes; NORMAL is durable
    # at every transaction boundary in WAL mode, which is what crash consistency needs.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()
