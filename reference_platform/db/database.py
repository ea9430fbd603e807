"""Engine set-up and the two kinds of transaction the server uses: read, and serialised write.

Writes are serialised on both backends, so a write sees every earlier write, and checks
made before taking the commit sequence (an idempotency key, a precondition) still hold
when it commits:

- SQLite gets WAL, a busy timeout and `BEGIN IMMEDIATE` for writes, so two writers queue
  instead of failing on a stale snapshot; reads see one snapshot.
- PostgreSQL (`postgresql+psycopg://...`): a write transaction (READ COMMITTED) first takes
  one transaction-scoped advisory lock, so writers queue there and each of its statements
  sees what the previous writer committed. The commit-sequence row lock alone came too late:
  two replays of one keyed create both found no stored key, and the second answered 412.
  Reads run REPEATABLE READ and READ ONLY: one snapshot per read, as on SQLite.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import URL, Connection, Engine, create_engine, event, make_url, select, text, update
from sqlalchemy.orm import Session
from sqlalchemy.pool import StaticPool

from reference_platform.db.models import Base, ServerState

_WRITE_OPTION = "govshare_write"
# The key of the advisory lock every PostgreSQL write transaction takes first ("govs").
WRITE_LOCK_KEY = 0x676F7673


def _install_sqlite_hooks(engine: Engine) -> None:
    """Take transaction control from pysqlite, as SQLAlchemy's documentation recommends."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        write = connection.get_execution_options().get(_WRITE_OPTION, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def _with_driver(url: str) -> URL:
    """The URL, with psycopg (3) as the driver of a bare `postgresql://` (or `postgres://`)."""
    parsed = make_url(url)
    if parsed.drivername in {"postgresql", "postgres"}:
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() not in {"sqlite", "postgresql"}:
        raise ValueError(f"unsupported database {parsed.drivername!r}: use SQLite or PostgreSQL")
    return parsed


class Database:
    """One engine for the server's lifetime; sessions are opened per operation."""

    def __init__(self, url: str) -> None:
        self.url = url
        parsed = _with_driver(url)
        self.is_sqlite = parsed.get_backend_name() == "sqlite"
        self.is_postgresql = not self.is_sqlite
        kwargs: dict[str, Any] = {}
        if self.is_sqlite:
            kwargs["connect_args"] = {"check_same_thread": False, "timeout": 30}
            if url in {"sqlite://", "sqlite:///:memory:"}:
                kwargs["poolclass"] = StaticPool
        else:
            kwargs["pool_pre_ping"] = True  # a restarted database server is not a 500
        self.engine = create_engine(parsed, **kwargs)
        self._read_engine = self.engine
        if self.is_sqlite:
            _install_sqlite_hooks(self.engine)
        else:
            self._read_engine = self.engine.execution_options(
                isolation_level="REPEATABLE READ", postgresql_readonly=True
            )

    def create_schema(self) -> None:
        """Create missing tables and the server-state row (a fresh epoch and cursor key)."""
        Base.metadata.create_all(self.engine)
        with self.write() as session:
            if session.get(ServerState, 1) is None:
                session.add(
                    ServerState(
                        id=1,
                        epoch=secrets.token_hex(8),
                        cursor_secret=secrets.token_hex(32),
                        change_seq=0,
                        horizon_seq=0,
                    )
                )

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reads; whatever it began is rolled back on close."""
        with Session(self._read_engine, expire_on_commit=False) as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A write transaction: committed if the block returns, rolled back if it raises."""
        with self.engine.connect() as connection:
            options: dict[str, Any] = {_WRITE_OPTION: True}
            if self.is_postgresql:
                options["isolation_level"] = "READ COMMITTED"  # whatever the server's default
            connection.execution_options(**options)
            with Session(bind=connection, expire_on_commit=False) as session, session.begin():
                if self.is_postgresql:
                    session.execute(
                        text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITE_LOCK_KEY}
                    )
                yield session

    def dispose(self) -> None:
        self.engine.dispose()


def server_state(session: Session) -> ServerState:
    """The server-state row; the schema must have been created."""
    state = session.get(ServerState, 1)
    if state is None:
        raise RuntimeError("database not initialised: run `govshare-platform seed` or serve once")
    return state


def next_seq(session: Session) -> int:
    """Take the next commit sequence number; the row stays locked until this transaction ends."""
    session.execute(
        update(ServerState).where(ServerState.id == 1).values(change_seq=ServerState.change_seq + 1)
    )
    return session.execute(select(ServerState.change_seq).where(ServerState.id == 1)).scalar_one()
