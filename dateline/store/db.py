"""Opening a store: SQLite file or PostgreSQL URL, one code path, serialized writers."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.pool import NullPool

from dateline.store import schema

_PG_LOCK_KEY = 72_914_305  # advisory lock serializing dateline writers on PostgreSQL


def default_db_path() -> Path:
    """``$XDG_DATA_HOME/dateline/dateline.db``, else ``~/.local/share/dateline/dateline.db``."""
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local",
                                                          "share")
    return Path(base) / "dateline" / "dateline.db"


def database_url(target: str | os.PathLike | None, create: bool = True) -> str:
    """A SQLAlchemy URL for a file path, a ``sqlite:`` or a ``postgresql:`` URL.

    With ``create`` false a missing SQLite file is an error: a read command given a
    mistyped path must say so, not report an empty store it just made."""
    if target is None:
        target = default_db_path()
    value = os.fspath(target)
    if value.startswith(("postgresql://", "postgres://")):
        rest = value.split("://", 1)[1]
        return "postgresql+psycopg://" + rest
    if "://" in value:
        return value
    path = Path(value).expanduser()
    if not create:
        if not path.is_file():
            raise StoreError(f"no store at {path} (create one with 'dateline add')")
        return "sqlite:///" + str(path.resolve())
    path.parent.mkdir(parents=True, exist_ok=True)
    return "sqlite:///" + str(path.resolve())


def db_reason(error: BaseException) -> str:
    """A driver error's one-line reason, never the SQL statement or its parameters (which
    hold article text)."""
    original = getattr(error, "orig", None) or error
    lines = str(original).strip().splitlines()
    return lines[0] if lines else type(original).__name__


class StoreError(Exception):
    """The store cannot be opened or used (bad URL, unreachable server, newer schema)."""


class Store:
    """A handle on one dateline database. Cheap to open; close it when done."""

    def __init__(self, target: str | os.PathLike | None = None, create: bool = True) -> None:
        self.url = database_url(target, create)
        self.dialect = self.url.split(":", 1)[0].split("+", 1)[0]
        self.engine = self._engine()
        try:
            with self.write() as conn:
                version = schema.current_version(conn)
                if version > schema.LATEST:
                    raise StoreError(f"the store has schema version {version}, newer than this "
                                     f"dateline understands ({schema.LATEST}); upgrade dateline")
                schema.migrate(conn)
        except StoreError:
            self.engine.dispose()
            raise
        except Exception as error:  # driver errors: unreachable server, unreadable file...
            self.engine.dispose()
            raise StoreError(f"cannot open the store {self.display_name}: "
                             f"{db_reason(error)}") from error

    @property
    def display_name(self) -> str:
        if self.dialect == "sqlite":
            return self.url[len("sqlite:///"):]
        head, _, tail = self.url.rpartition("@")  # never print a password
        return f"{self.dialect}://…@{tail}" if head else self.url

    def _engine(self) -> Engine:
        if self.dialect == "sqlite":
            engine = create_engine(self.url, connect_args={"timeout": 120},
                                   poolclass=NullPool)

            @event.listens_for(engine, "connect")
            def _connect(dbapi_conn, _record) -> None:
                dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
                cursor = dbapi_conn.cursor()
                cursor.execute("PRAGMA journal_mode=WAL")
                cursor.execute("PRAGMA synchronous=FULL")
                cursor.execute("PRAGMA foreign_keys=ON")
                cursor.close()

            @event.listens_for(engine, "begin")
            def _begin(conn: Connection) -> None:
                immediate = conn.get_execution_options().get("dateline_write")
                conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

            return engine
        if self.dialect == "postgresql":
            return create_engine(self.url, pool_pre_ping=True,
                                 connect_args={"connect_timeout": 10})
        raise StoreError(f"unsupported database URL {self.url!r} "
                         "(use a file path, sqlite:///PATH or postgresql://...)")

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """One transaction holding the store's write lock; commits on success."""
        with self.engine.connect() as raw:
            conn = raw.execution_options(dateline_write=True)
            with conn.begin():
                if self.dialect == "postgresql":
                    conn.execute(text("SELECT pg_advisory_xact_lock(:key)"),
                                 {"key": _PG_LOCK_KEY})
                yield conn

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """One read-only transaction: a consistent snapshot of the store."""
        with self.engine.connect() as conn, conn.begin():
            yield conn

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def open_store(target: str | os.PathLike | None = None, create: bool = True) -> Store:
    """Open (creating and migrating as needed, unless ``create`` is false) the store at a
    path or URL."""
    return Store(target, create)
