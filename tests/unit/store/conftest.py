"""A migrated database in the test's own directory, for the repository tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from govshare_desktop.store.engine import make_engine
from govshare_desktop.store.migrate import upgrade_database
from govshare_desktop.store.session import Database


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    engine = make_engine(tmp_path / "t.db")
    upgrade_database(engine, tmp_path / "t.db", tmp_path / "backups")
    database = Database(engine)
    yield database
    database.dispose()
