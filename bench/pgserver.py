"""Whole databases on the benchmark's PostgreSQL server: exists, drop, create, rename.

A catalogue database is built under a `_partial` name and renamed when complete, so an
interrupted build leaves nothing that a later run could take for a finished one.
"""

from urllib.parse import urlsplit, urlunsplit


def name_of(url: str) -> str:
    return urlsplit(url).path.lstrip("/")


def with_name(url: str, name: str) -> str:
    return urlunsplit(urlsplit(url)._replace(path=f"/{name}"))


def _admin(url: str):
    """A connection to the server's maintenance database (never to the one being changed)."""
    import psycopg

    return psycopg.connect(with_name(url, "postgres"), autocommit=True)


def _quoted(name: str) -> str:
    if not name.replace("_", "").isalnum():
        raise ValueError(f"unexpected database name {name!r}")
    return f'"{name}"'


def exists(url: str, name: str) -> bool:
    with _admin(url) as conn:
        return conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone() is not None


def drop(url: str, name: str) -> None:
    with _admin(url) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {_quoted(name)} WITH (FORCE)")


def create(url: str, name: str, template: str | None = None) -> None:
    """An empty database, or a copy of `template` (which nobody may be connected to)."""
    with _admin(url) as conn:
        copy = f" TEMPLATE {_quoted(template)}" if template else ""
        conn.execute(f"CREATE DATABASE {_quoted(name)}{copy}")


def rename(url: str, old: str, new: str) -> None:
    with _admin(url) as conn:
        conn.execute(f"ALTER DATABASE {_quoted(old)} RENAME TO {_quoted(new)}")
