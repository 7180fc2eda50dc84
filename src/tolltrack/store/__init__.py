"""Store: the database (SQLite by default, PostgreSQL for teams) behind one repository API.

``repository.Store`` is the only code that writes SQL; everything goes through SQLAlchemy Core
with bound parameters. The schema is versioned with Alembic (``migrations/``).
"""

from tolltrack.store.repository import DEFAULT_URL, Store

__all__ = ["DEFAULT_URL", "Store"]
