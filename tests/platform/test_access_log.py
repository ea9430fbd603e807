"""Every call is recorded in the access log: who, when, which endpoint, which resource."""

from __future__ import annotations

import time
import uuid

from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session

from reference_platform.db.models import AccessLogEntry
from tests.platform.conftest import BOTH_BACKENDS, Client, Platform

PLATFORM_BACKENDS = BOTH_BACKENDS  # each test runs on SQLite and on PostgreSQL


def entries_for(platform: Platform, path: str, count: int) -> list[AccessLogEntry]:
    """The log rows for `path`; the server writes them just after answering."""
    engine = create_engine(platform.db_url)
    try:
        deadline = time.monotonic() + 10
        while True:
            with Session(engine) as session:
                rows = list(
                    session.scalars(
                        select(AccessLogEntry)
                        .where(AccessLogEntry.path == path)
                        .order_by(AccessLogEntry.id)
                    )
                )
            if len(rows) >= count or time.monotonic() > deadline:
                return rows
            time.sleep(0.05)  # the entry is written by another process
    finally:
        engine.dispose()


def test_reads_writes_and_refusals_are_recorded(platform: Platform, ga: Client, mz: Client) -> None:
    rid = ga.create({"name": "审计"})["id"]
    path = f"/api/v1/catalog/resources/{rid}"
    ga.get(f"/catalog/resources/{rid}")
    mz.get(f"/catalog/resources/{rid}")  # refused: another unit
    platform.anonymous().get(f"/catalog/resources/{rid}")
    rows = entries_for(platform, path, 4)
    assert [(r.method, r.username, r.status) for r in rows] == [
        ("PUT", "ga-compiler", 201),
        ("GET", "ga-compiler", 200),
        ("GET", "mz-compiler", 404),
        ("GET", None, 401),
    ]
    assert {r.resource_id for r in rows[:3]} == {rid}
    assert rows[0].unit_code == "SJZ-GA"
    assert rows[2].unit_code == "SJZ-MZ"
    assert all(r.route == "/api/v1/catalog/resources/{resource_id}" for r in rows)
    assert rows[0].at <= rows[-1].at


def test_sign_in_failures_are_recorded(platform: Platform) -> None:
    marker = f"/api/v1/catalog/resources/{uuid.uuid4()}"
    Client(platform.api, "bogus").get(marker.removeprefix("/api/v1"))
    (row,) = entries_for(platform, marker, 1)
    assert row.status == 401
    assert row.username is None
