"""The 概览's figures against the store: each one recounted here with plain SQL over the
same database file (sqlite3, no repository, no service), after seeding it the way the
officer's edits and a sync would (tests/support/overview_seed.py)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from govshare_desktop.app.context import AppContext
from govshare_desktop.domain.clock import FixedClock
from govshare_desktop.domain.enums import CatalogVersionState, ShareRequestState
from govshare_desktop.domain.overview import OverviewSnapshot, TodoKind
from govshare_desktop.domain.share_requests import Direction
from tests.support.overview_seed import NOW, TODAY, UNIT, seed

OPTIONAL = "('withdraw', 'dispute_secrecy')"


@pytest.fixture
def ctx(home: Path) -> Iterator[AppContext]:
    opened = AppContext.open(home, clock=FixedClock(NOW))
    yield opened
    opened.close()


def one(db: sqlite3.Connection, sql: str, *args: object) -> int:
    return int(db.execute(sql, args).fetchone()[0] or 0)


@pytest.fixture
def seeded(ctx: AppContext, home: Path) -> Iterator[tuple[OverviewSnapshot, sqlite3.Connection]]:
    seed(ctx)
    snapshot = ctx.services.overview.snapshot()
    with sqlite3.connect(f"file:{home / 'govshare.db'}?mode=ro", uri=True) as db:
        yield snapshot, db


def test_catalog_figures_equal_the_stores_counts(
    seeded: tuple[OverviewSnapshot, sqlite3.Connection], ctx: AppContext
) -> None:
    snapshot, db = seeded
    live = "FROM resources WHERE deleted = 0 AND unit_code = ?"
    assert snapshot.catalog.resources == one(db, f"SELECT count(*) {live}", UNIT) == 4
    items = one(
        db, f"SELECT count(*) FROM data_items WHERE resource_id IN (SELECT id {live})", UNIT
    )
    assert snapshot.catalog.data_items == items == 3 + 2 + 1 + 1
    state, number = db.execute(
        "SELECT state, number FROM catalog_versions WHERE unit_code = ? ORDER BY number DESC",
        (UNIT,),
    ).fetchone()
    assert (snapshot.catalog.filing_state, snapshot.catalog.filing_version) == (
        CatalogVersionState(state), number,
    )  # fmt: skip
    assert snapshot.catalog.filing_state is CatalogVersionState.RETURNED
    # the problems list's own count: the resource without an abstract has errors
    found = ctx.services.catalog.validate_all(UNIT)
    errors = sum(1 for fs in found.values() for f in fs if f.severity.value == "error")
    assert snapshot.catalog.errors == errors > 0
    quick = ctx.services.overview.snapshot(findings=False)  # what the page shows first
    assert (quick.catalog.resources, quick.catalog.data_items) == (4, 7)
    assert (quick.catalog.errors, quick.catalog.warnings) == (None, None)
    assert ctx.services.overview.problems() == (snapshot.catalog.errors, snapshot.catalog.warnings)
    [returned] = snapshot.todos_of(TodoKind.FILING_RETURNED)
    assert returned.detail == "摘要不完整，请补充。"


def test_request_figures_by_direction_and_state_equal_the_stores_counts(
    seeded: tuple[OverviewSnapshot, sqlite3.Connection],
) -> None:
    snapshot, db = seeded
    columns = {
        Direction.OUTGOING: "requester_unit_code",
        Direction.INCOMING: "provider_unit_code",
        Direction.AUTHORITY: "authority_unit_code",
    }
    for direction, column in columns.items():
        rows = db.execute(
            f"SELECT state, count(*) FROM share_requests WHERE deleted = 0 AND {column} = ? "
            "GROUP BY state",
            (UNIT,),
        ).fetchall()
        expected = {(direction, ShareRequestState(s)): n for s, n in rows}
        got = {k: n for k, n in snapshot.requests.counts.items() if k[0] is direction}
        assert got == expected, direction
    assert snapshot.requests.total(Direction.INCOMING) == 5
    assert snapshot.requests.total(Direction.OUTGOING) == 4  # three served, one draft here
    # awaiting: past the draft, with a served step that is not merely on offer
    awaiting = one(db, f"""
        SELECT count(*) FROM share_requests r WHERE deleted = 0 AND state != 'draft'
        AND (requester_unit_code = ?1 OR provider_unit_code = ?1)
        AND EXISTS (SELECT 1 FROM json_each(r.allowed_actions_json)
                    WHERE value NOT IN {OPTIONAL})""", UNIT)  # fmt: skip
    overdue = one(db, """
        SELECT count(*) FROM share_requests WHERE deleted = 0 AND provider_unit_code = ?
        AND state = 'explanation_requested' AND explanation_due < ?""",
        UNIT, TODAY.isoformat())  # fmt: skip
    assert (snapshot.requests.awaiting, snapshot.requests.overdue) == (awaiting, overdue) == (5, 1)
    todos = snapshot.todos_of(TodoKind.REQUEST)
    assert len(todos) == awaiting
    late = [t for t in todos if t.overdue]
    assert [(t.subject_id, t.days_left) for t in late] == [("r-in-000002", -2)]
    assert snapshot.todos[0] is late[0]  # the overdue one heads the list
    soon = next(t for t in todos if t.subject_id == "r-in-000003")
    assert (soon.due, soon.days_left) == (TODAY + timedelta(days=5), 5)


def test_grant_figures_equal_the_stores_counts(
    seeded: tuple[OverviewSnapshot, sqlite3.Connection],
) -> None:
    snapshot, db = seeded
    held = "FROM grants WHERE deleted = 0 AND grantee_unit_code = ?"
    today, soon = TODAY.isoformat(), (TODAY + timedelta(days=30)).isoformat()
    in_force = (f"{held} AND revoked_at IS NULL AND valid_from <= ?2 "
                "AND (valid_to IS NULL OR valid_to >= ?2)")  # fmt: skip
    g = snapshot.grants
    assert g.held == one(db, f"SELECT count(*) {held}", UNIT) == 5
    assert g.in_force == one(db, f"SELECT count(*) {in_force}", UNIT, today) == 3
    expiring = one(db, f"SELECT count(*) {in_force} AND valid_to <= ?3", UNIT, today, soon)
    assert g.expiring == expiring == 2
    assert g.revoked == one(db, f"SELECT count(*) {held} AND revoked_at IS NOT NULL", UNIT) == 1
    expired = one(
        db, f"SELECT count(*) {held} AND revoked_at IS NULL AND valid_to < ?2", UNIT, today
    )
    assert g.expired == expired == 1
    todos = snapshot.todos_of(TodoKind.GRANT_EXPIRING)
    assert sorted((t.subject_id, t.days_left) for t in todos) == [
        ("g-0000000002", 10), ("g-0000000003", 30),
    ]  # fmt: skip


def test_objection_figures_equal_the_stores_counts(
    seeded: tuple[OverviewSnapshot, sqlite3.Connection],
) -> None:
    snapshot, db = seeded
    o = snapshot.objections
    ours = "FROM objections WHERE deleted = 0"
    assert o.raised == one(db, f"SELECT count(*) {ours} AND raiser_unit_code = ?", UNIT) == 1
    assert o.received == one(db, f"SELECT count(*) {ours} AND provider_unit_code = ?", UNIT) == 2
    answered = one(db, f"""SELECT count(*) {ours} AND ? IN (raiser_unit_code, provider_unit_code)
                   AND state IN ('accepted', 'corrected', 'rejected')""", UNIT)  # fmt: skip
    assert (o.answered, o.open) == (answered, o.raised + o.received - answered) == (1, 2)
    to_answer = one(db, f"""SELECT count(*) {ours} AND provider_unit_code = ?
                    AND state = 'submitted'""", UNIT)  # fmt: skip
    assert o.to_answer == to_answer == len(snapshot.todos_of(TodoKind.OBJECTION)) == 1


def test_sync_figures_and_their_todos_equal_the_stores_counts(
    seeded: tuple[OverviewSnapshot, sqlite3.Connection],
) -> None:
    snapshot, db = seeded
    s = snapshot.sync
    outbox = "SELECT count(*) FROM sync_outbox WHERE status IN "
    assert s.pending == one(db, outbox + "('pending', 'in_flight')") > 0
    assert s.failed == one(db, outbox + "('failed', 'blocked')") == 1
    conflicts = one(db, "SELECT count(*) FROM sync_conflicts WHERE resolved_at IS NULL")
    assert s.conflicts == conflicts == 1
    assert len(snapshot.todos_of(TodoKind.CONFLICT)) == conflicts
    [failed] = snapshot.todos_of(TodoKind.FAILED_SEND)
    assert failed.detail == "状态已变"
    assert s.last_sync_at is None  # never synced


def test_each_unread_notice_is_a_todo(
    seeded: tuple[OverviewSnapshot, sqlite3.Connection],
) -> None:
    snapshot, db = seeded
    unread = {row[0] for row in db.execute("SELECT id FROM notices WHERE read_at IS NULL")}
    todos = snapshot.todos_of(TodoKind.NOTICE)
    assert {t.subject_id for t in todos} == unread == {"n-000000001", "n-000000002"}
    titles = dict(db.execute("SELECT id, title FROM notices"))
    assert all(t.title == titles[t.subject_id] for t in todos)


def test_before_sign_in_the_overview_counts_the_catalog_only(ctx: AppContext) -> None:
    snapshot = ctx.services.overview.snapshot()
    assert not snapshot.signed_in and snapshot.todos == ()
    assert (snapshot.catalog.resources, snapshot.requests.awaiting, snapshot.grants.held) == (
        0,
        0,
        0,
    )
