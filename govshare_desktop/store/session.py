"""Units of work: one session, one transaction, committed whole or rolled back whole.

A write transaction collects what it changed (`changes_of`); once it has committed, the
change set goes to the `on_commit` listener the composition root gave the database (the
change bus). A transaction that rolls back reports nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from govshare_desktop.domain.changes import ChangeCollector, ChangeSet
from govshare_desktop.store.errors import translate_db_errors

_CHANGES = "govshare.changes"


def changes_of(session: Session) -> ChangeCollector:
    """Where a write records what it changed; a read transaction's collector is discarded."""
    collector = session.info.get(_CHANGES)
    if collector is None:
        collector = session.info[_CHANGES] = ChangeCollector()
    return collector


class Database:
    """The store's entry point: hands out read and write transactions on one engine."""

    def __init__(
        self, engine: Engine, on_commit: Callable[[ChangeSet], None] | None = None
    ) -> None:
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._on_commit = on_commit

    def set_on_commit(self, listener: Callable[[ChangeSet], None] | None) -> None:
        self._on_commit = listener

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A transaction that commits when the block ends and rolls back on any exception;
        after a commit, what it changed is published."""
        with translate_db_errors(self.path), self._sessions.begin() as session:
            collector = changes_of(session)
            yield session
        changes = collector.freeze()
        if changes and self._on_commit is not None:
            self._on_commit(changes)

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
