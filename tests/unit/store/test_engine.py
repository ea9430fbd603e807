from __future__ import annotations

from pathlib import Path

import pytest

from govshare_desktop.store.engine import BUSY_TIMEOUT_MS, make_engine
from govshare_desktop.store.session import Database


def test_every_connection_gets_the_pragmas(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "t.db")
    with engine.connect() as connection:
        pragma = lambda name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()  # noqa: E731
        assert pragma("journal_mode") == "wal"
        assert pragma("foreign_keys") == 1
        assert pragma("synchronous") == 2  # FULL
        assert pragma("busy_timeout") == BUSY_TIMEOUT_MS
    engine.dispose()


def test_a_write_block_that_raises_keeps_nothing(tmp_path: Path) -> None:
    db = Database(make_engine(tmp_path / "t.db"))
    with db.write() as session:
        session.connection().exec_driver_sql("CREATE TABLE t (x INTEGER)")
    with pytest.raises(RuntimeError), db.write() as session:
        session.connection().exec_driver_sql("INSERT INTO t VALUES (1)")
        session.connection().exec_driver_sql("INSERT INTO t VALUES (2)")
        raise RuntimeError("crash between two statements")
    with db.read() as session:
        assert session.connection().exec_driver_sql("SELECT count(*) FROM t").scalar() == 0
    db.dispose()


def test_ddl_is_transactional_too(tmp_path: Path) -> None:
    db = Database(make_engine(tmp_path / "t.db"))
    with pytest.raises(RuntimeError), db.write() as session:
        session.connection().exec_driver_sql("CREATE TABLE t (x INTEGER)")
        raise RuntimeError("abort")
    with db.read() as session:
        assert (
            session.connection().exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar() == 0
        )
    db.dispose()
