"""The throwaway database a benchmark runs on: a SQLite file in a temporary directory, or a
database of the benchmark's own on a PostgreSQL server, gone at the end either way."""

from __future__ import annotations

import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit


@dataclass(frozen=True)
class Scratch:
    url: str  # the DATABASE_URL to give Django
    shown: str  # the database as printed: no password on screen
    tmpdir: Path  # for the SQLite file, media, logs: deleted at the end


@contextmanager
def scratch_database(
    server_url: str | None, name: str, prefix: str, keep: bool = False
) -> Iterator[Scratch]:
    """A new database: ``name`` on the PostgreSQL server at ``server_url`` (an older one of
    that name is dropped first), else SQLite in a temporary directory named from ``prefix``.
    Django's connections are closed at the end (PostgreSQL refuses to drop a database in
    use); ``keep`` leaves the database and the directory in place and says where."""
    drop = f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'
    tmpdir = Path(tempfile.mkdtemp(prefix=prefix))
    if server_url:
        pg_admin(server_url, drop, f'CREATE DATABASE "{name}"')
        scratch = Scratch(with_database(server_url, name), f"{name} (PostgreSQL)", tmpdir)
    else:
        url = f"sqlite:///{tmpdir}/bench.sqlite3"
        scratch = Scratch(url, url, tmpdir)
    try:
        yield scratch
    finally:
        if "django.db" in sys.modules:
            from django.db import connections

            connections.close_all()
        if keep:
            print(f"Kept the database: {scratch.shown}, and the files in {tmpdir}")
        else:
            shutil.rmtree(tmpdir, ignore_errors=True)
            if server_url:
                pg_admin(server_url, drop)


def with_database(url: str, name: str) -> str:
    """``url`` naming database ``name``; by hand, as geturl() drops an empty host's "//"."""
    parts = urlsplit(url)
    return f"postgresql://{parts.netloc}/{name}" + (f"?{parts.query}" if parts.query else "")


def pg_admin(url: str, *statements: str) -> None:
    """Run statements on the server's ``postgres`` database (CREATE/DROP DATABASE need one)."""
    import psycopg

    with psycopg.connect(with_database(url, "postgres"), autocommit=True) as conn:
        for statement in statements:
            conn.execute(statement)
