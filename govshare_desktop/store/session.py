"""Units of work: one session, one transaction, committed whole or rolled back whole."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from govshare_desktop.store.errors import translate_db_errors


class Database:
    """The store's entry point: hands out read and write transactions on one engine."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A transaction that commits when the block ends and rolls back on any exception."""
        with translate_db_errors(self.path), self._sessions.begin() as session:
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A transaction for reading; nothing written in it is kept."""
        with translate_db_errors(self.path), self._sessions() as session:
            try:
                yield session
            finally:
                session.rollback()

    @property
    def path(self) -> str:
        return str(self.engine.url.database or "")

    def dispose(self) -> None:
        self.engine.dispose()
