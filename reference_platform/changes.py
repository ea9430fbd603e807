"""The change feed: entries numbered by commit sequence, read per unit, pruned past a horizon.

A cursor is valid only in the current epoch and at or above the horizon (the newest pruned
tombstone); anything else — older, forged, from another epoch or from "the future" after a
restore — is answered with 410 `resync_required`.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import CursorResult, and_, delete, exists, func, select
from sqlalchemy.orm import Session, aliased

from reference_platform.cursors import decode_feed_cursor, encode_feed_cursor
from reference_platform.db.database import next_seq, server_state
from reference_platform.db.models import Change
from reference_platform.problems import ProblemError


def record_change(
    session: Session,
    *,
    seq: int,
    unit_code: str,
    entity_type: str,
    entity_id: str,
    version: int,
    kind: str,
    data: dict[str, Any] | None,
    op_id: str | None,
    now: datetime,
) -> None:
    """Append one feed entry in the caller's transaction, under `seq` from `next_seq`."""
    session.add(
        Change(
            seq=seq,
            unit_code=unit_code,
            entity_type=entity_type,
            entity_id=entity_id,
            version=version,
            kind=kind,
            data=data,
            op_id=op_id,
            created_at=now,
        )
    )


def publish(
    session: Session,
    *,
    seq: int,
    unit_codes: list[str],
    entity_type: str,
    entity_id: str,
    version: int,
    kind: str,
    data: dict[str, Any] | Callable[[str], dict[str, Any]] | None,
    op_id: str | None,
    now: datetime,
) -> None:
    """One feed entry per unit (each its own sequence number, `seq` for the first).

    `data` may be a function of the unit code, for records each unit sees differently.
    """
    for index, unit_code in enumerate(dict.fromkeys(unit_codes)):
        document = data(unit_code) if callable(data) else data
        record_change(
            session,
            seq=seq if index == 0 else next_seq(session),
            unit_code=unit_code,
            entity_type=entity_type,
            entity_id=entity_id,
            version=version,
            kind=kind,
            data=document,
            op_id=op_id,
            now=now,
        )


@dataclass(frozen=True, slots=True)
class FeedPage:
    items: list[dict[str, Any]]
    next_cursor: str
    has_more: bool
    epoch: str


def resync_required(detail: str) -> ProblemError:
    return ProblemError(410, "resync_required", detail)


def read_feed(session: Session, unit_code: str, since: str | None, limit: int) -> FeedPage:
    """One page of the unit's changes after `since`, in commit order."""
    state = server_state(session)  # read first: rows up to this sequence are all committed
    start = 0
    if since is not None:
        decoded = decode_feed_cursor(since, state.cursor_secret)
        if decoded is None:
            raise resync_required("The cursor is not one this server issued; resync.")
        epoch, start = decoded
        if epoch != state.epoch:
            raise resync_required("The server's epoch changed (restored?); resync.")
        if start < state.horizon_seq or start > state.change_seq:
            raise resync_required("The cursor is older than the change retention; resync.")
    rows = session.scalars(
        select(Change)
        .where(Change.unit_code == unit_code, Change.seq > start, Change.seq <= state.change_seq)
        .order_by(Change.seq)
        .limit(limit + 1)
    ).all()
    has_more = len(rows) > limit
    rows = rows[:limit]
    # A full page resumes after its last row; otherwise after everything committed so far.
    position = rows[-1].seq if has_more else max(start, state.change_seq)
    items = [
        {
            "type": row.entity_type,
            "id": row.entity_id,
            "version": row.version,
            "kind": row.kind,
            "data": row.data,
        }
        for row in rows
    ]
    return FeedPage(
        items, encode_feed_cursor(state.epoch, position, state.cursor_secret), has_more, state.epoch
    )


_FINAL_KINDS = ("delete", "revoke")


def prune(session: Session, before: datetime) -> int:
    """Drop entries older than `before` that a client no longer needs; returns how many.

    Superseded entries go freely (a newer entry of the entity for the same unit remains).
    Tombstones and revocations go too, which moves the horizon: cursors from before the newest
    pruned one get 410, so no client can miss a deletion or a revocation.
    """
    newer = aliased(Change)
    superseded = exists().where(
        and_(
            newer.unit_code == Change.unit_code,
            newer.entity_type == Change.entity_type,
            newer.entity_id == Change.entity_id,
            newer.seq > Change.seq,
        )
    )
    old = Change.created_at < before
    newest_tombstone = session.scalar(
        select(func.max(Change.seq)).where(old, Change.kind.in_(_FINAL_KINDS))
    )
    result = session.execute(delete(Change).where(old, Change.kind.in_(_FINAL_KINDS) | superseded))
    removed = cast(CursorResult[Any], result).rowcount
    if newest_tombstone is not None:
        state = server_state(session)
        state.horizon_seq = max(state.horizon_seq, newest_tombstone)
    return int(removed or 0)


def rotate_epoch(session: Session) -> str:
    """A new epoch (as after a restore from backup): every issued cursor becomes invalid."""
    state = server_state(session)
    state.epoch = secrets.token_hex(8)
    return state.epoch
