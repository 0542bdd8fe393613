"""The embedded engine, one class per database vendor (as Wagtail splits its database search
backend into `postgres` and `sqlite`): `base` holds what they share, `make_database_engine`
picks the class for the connection the hub runs on."""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured
from django.db import connection

from .base import DatabaseEngine
from .postgres import PostgresDatabaseEngine
from .sqlite import SQLiteDatabaseEngine

__all__ = ["ENGINES", "DatabaseEngine", "PostgresDatabaseEngine", "SQLiteDatabaseEngine", "make_database_engine"]

ENGINES: dict[str, type[DatabaseEngine]] = {
    PostgresDatabaseEngine.vendor: PostgresDatabaseEngine,
    SQLiteDatabaseEngine.vendor: SQLiteDatabaseEngine,
}


def make_database_engine(*, url: str = "", index_prefix: str = "hub") -> DatabaseEngine:
    """The database engine for the default connection's vendor (PostgreSQL or SQLite)."""
    try:
        engine = ENGINES[connection.vendor]
    except KeyError:
        raise ImproperlyConfigured(
            f"The database search engine runs on PostgreSQL or SQLite, not {connection.vendor!r}."
        ) from None
    return engine(url=url, index_prefix=index_prefix)
