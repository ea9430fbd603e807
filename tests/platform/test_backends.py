"""What differs between SQLite and PostgreSQL: write serialisation, refused values, time zones.

Each test runs on both backends. On PostgreSQL these found real faults: concurrent replays
of one keyed create answered 412 (the write lock came too late), and a NUL in a sign-in name,
a list cursor or a row filter, a NaN in an audit event, or an oversized row cursor was a 500.
"""

from __future__ import annotations

import base64
import json
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import requests
from sqlalchemy import text

from reference_platform.db.database import WRITE_LOCK_KEY, Database
from tests.platform import postgres
from tests.platform.conftest import (
    BOTH_BACKENDS,
    Client,
    Platform,
    assert_keys_survive_restart,
)
from tests.platform.test_auth import assert_problem, sign_in
from tests.platform.test_grants import held

PLATFORM_BACKENDS = BOTH_BACKENDS  # each test runs on SQLite and on PostgreSQL


def forged_cursor(after: str) -> str:
    """A list cursor in the server's format, naming a position it never issued."""
    return base64.urlsafe_b64encode(json.dumps({"after": after}).encode()).rstrip(b"=").decode()


def test_concurrent_replays_of_keyed_creates_all_get_the_one_outcome(platform: Platform) -> None:
    clients = [platform.login("ga-compiler") for _ in range(8)]
    head = clients[0].feed_head()
    created = []
    for _ in range(4):
        rid, key = str(uuid.uuid4()), str(uuid.uuid4())

        def create(n: int, rid: str = rid, key: str = key) -> requests.Response:
            return clients[n].put(
                f"/catalog/resources/{rid}",
                json={"name": "并发重放"},
                headers={"If-None-Match": "*", "Idempotency-Key": key},
            )

        with ThreadPoolExecutor(max_workers=8) as pool:
            responses = list(pool.map(create, range(8)))
        assert [r.status_code for r in responses] == [201] * 8, [r.text for r in responses]
        assert sum("Idempotent-Replayed" not in r.headers for r in responses) == 1
        assert len({r.text for r in responses}) == 1
        created.append(rid)
    assert [c["id"] for c in clients[0].feed_since(head)] == created


def test_concurrent_writers_get_gapless_feed_entries(platform: Platform) -> None:
    clients = [platform.login("ga-compiler") for _ in range(6)]
    head = clients[0].feed_head()

    def create(n: int) -> str:
        return str(clients[n % 6].create({"name": f"并发 {n}"})["id"])

    with ThreadPoolExecutor(max_workers=6) as pool:
        ids = list(pool.map(create, range(18)))
    feed = clients[0].feed_since(head, limit=5)
    assert sorted(c["id"] for c in feed) == sorted(ids)  # each exactly once, none lost
    assert clients[0].feed_since(clients[0].feed_head()) == []


def test_values_postgresql_cannot_hold_are_refused_not_a_500(
    platform: Platform, ga: Client
) -> None:
    # A NUL can be in no stored text: PostgreSQL refuses it even as a query parameter.
    body = assert_problem(sign_in(platform, "ga-compiler\x00", "x"), 401, "invalid_grant")
    assert body["error"] == "invalid_grant"
    for path in ("/catalog/resources", "/share-requests", "/grants", "/notices"):
        response = ga.get(path, params={"cursor": forged_cursor("a\x00b")})
        assert_problem(response, 400, "invalid_cursor")
    mz = platform.login("mz-requester")
    grant = held(mz, "SJZ-MZ", revoked=False)
    column = mz.get(f"/grants/{grant['id']}/rows").json()["columns"][0]["name"]
    rows = f"/grants/{grant['id']}/rows"
    assert_problem(mz.get(rows, params={"eq": f"{column}:a\x00"}), 400, "invalid_filter")
    # Row numbers are 32-bit; "²" is a digit to Python but not to int().
    for after in (str(2**31), "9" * 18, "²"):
        assert_problem(mz.get(rows, params={"cursor": forged_cursor(after)}), 400, "invalid_cursor")
    # Python's JSON parser takes NaN; a json column (and every JSON client) does not.
    event = {"id": str(uuid.uuid4()), "at": "2025-01-01T08:00:00+08:00", "action": "x"}
    raw = json.dumps({"events": [{**event, "actor": "", "hash": "ab"}]})
    nan = raw.replace('"actor": ""', '"actor": "", "details": {"ratio": NaN}')
    response = mz.post("/audit-events", data=nan, headers={"Content-Type": "application/json"})
    assert_problem(response, 422, "validation_failed")
    # A NUL inside JSON is an escape, which a json column keeps.
    kept = {**event, "actor": "", "hash": "ab", "details": {"note": "a\x00b"}}
    response = mz.post("/audit-events", json={"events": [kept]})
    assert response.json()["accepted"] == [event["id"]]


def test_times_are_utc_whatever_the_database_server_zone(ga: Client) -> None:
    before = datetime.now(UTC).replace(microsecond=0)
    document = ga.create({"name": "时区"})
    after = datetime.now(UTC) + timedelta(seconds=1)
    for field in ("created_at", "updated_at"):
        stamp = datetime.fromisoformat(str(document[field]).replace("Z", "+00:00"))
        assert stamp.utcoffset() == timedelta(0)
        assert before <= stamp <= after, (field, stamp, before)
    again = ga.get(f"/catalog/resources/{document['id']}").json()
    assert again["created_at"] == document["created_at"]


# ---------------------------------------------------------------- PostgreSQL only


@pytest.fixture
def pg_url(postgres_cluster: postgres.Cluster) -> Callable[[], str]:
    return lambda: postgres_cluster.create_database("backends")


def test_a_bare_postgresql_url_uses_psycopg_and_writes_queue(pg_url: Callable[[], str]) -> None:
    url = pg_url().replace("postgresql+psycopg://", "postgresql://")
    db = Database(url)
    try:
        assert db.engine.url.drivername == "postgresql+psycopg"
        db.create_schema()
        with db.read() as session:
            assert session.scalar(text("SHOW transaction_isolation")) == "repeatable read"
            assert session.scalar(text("SHOW transaction_read_only")) == "on"
        with db.write() as session:
            assert session.scalar(text("SHOW transaction_isolation")) == "read committed"
            held_locks = session.scalar(
                text(
                    "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
                    " AND pid = pg_backend_pid() AND objid = :key"
                ),
                {"key": WRITE_LOCK_KEY},
            )
            assert held_locks == 1
            # Another writer waits for this one: it cannot take the lock meanwhile.
            with db.engine.connect() as other:
                taken = other.scalar(
                    text("SELECT pg_try_advisory_xact_lock(:key)"), {"key": WRITE_LOCK_KEY}
                )
                assert taken is False
                other.rollback()
    finally:
        db.dispose()


def test_other_databases_are_refused() -> None:
    with pytest.raises(ValueError, match="unsupported database"):
        Database("mysql://user@127.0.0.1/db")


def test_postgresql_keeps_idempotency_keys_across_a_server_restart(
    pg_url: Callable[[], str], tmp_path: Path
) -> None:
    assert_keys_survive_restart(pg_url(), tmp_path)
