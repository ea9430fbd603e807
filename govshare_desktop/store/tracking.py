"""Tracked writes: the one place every synced entity's changes go through.

Repositories store content; what a change means for sync is decided here, for every kind
of entity alike (resources today; share requests, objections and the rest as they come):
the envelope (local revision, sync state, the base the last sync agreed on, tombstone),
the outbox op the change becomes, and the change record the write reports.

The outbox rules (SYNC.md), where "open" means queued and never tried:
- The platform learns of an entity once, whole (create); after that, changed fields only.
- An open create absorbs later edits (create + patch → create); an open patch merges
  them (patch + patch → patch); an open import batch already sends the stored state.
- A delete cancels an open create or takes the entity out of an open batch: an entity the
  platform never saw is deleted without a word sent. Otherwise open patches are dropped
  and one delete is queued (patch + delete → delete).
- An op that has been tried is frozen (its Idempotency-Key must never carry two payloads):
  later changes get ops of their own.
- Secret (涉密) entities never enter the outbox. An entity made secret is withdrawn from
  the platform like a delete; one made shareable again is sent like a restore.
- A remote state (a pull, or another unit's catalog) overwrites an entity with nothing
  waiting to be sent; otherwise it is merged field by field against the base, clashes
  become a conflict for the officer and the open op is rebased onto the remote version.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy import select, update

from govshare_desktop.domain.changes import ChangeAction, EntityKind, Origin
from govshare_desktop.domain.enums import OutboxOp, OutboxStatus, SyncState
from govshare_desktop.domain.merge import Merge, changed_fields, three_way
from govshare_desktop.domain.tracking import Envelope
from govshare_desktop.store.models import SyncConflictRow
from govshare_desktop.store.models.base import utcnow
from govshare_desktop.store.repositories.outbox import OutboxRepository, QueuedOp
from govshare_desktop.store.session import changes_of

Content = Mapping[str, Any]


class TrackedRow(Protocol):
    """The envelope columns every synced table has (`store.models.base.SyncColumns`)."""

    id: str
    server_version: int | None
    base_json: str | None
    local_rev: int
    sync_state: str
    deleted: bool


@dataclass(frozen=True, slots=True)
class Tracking:
    """How one kind of entity is tracked: its kind, and which fields travel together."""

    kind: EntityKind
    groups: tuple[tuple[str, ...], ...] = ()


def envelope_of(row: TrackedRow) -> Envelope:
    return Envelope(
        sync_state=SyncState(row.sync_state),
        local_rev=row.local_rev,
        server_version=row.server_version,
        deleted=row.deleted,
    )


def _exists_remotely(row: TrackedRow, ops: list[QueuedOp]) -> bool:
    """Whether the platform may hold this entity: it acknowledged a version, or a create,
    batch or delete that was tried (and not refused) says so, the latest one counting."""
    exists = row.server_version is not None
    for op in ops:
        if op.may_have_reached and op.op is OutboxOp.DELETE:
            exists = False
        elif op.may_have_reached and op.op in (OutboxOp.CREATE, OutboxOp.IMPORT_BATCH):
            exists = True
    return exists


def _open(ops: list[QueuedOp]) -> QueuedOp | None:
    return next((op for op in reversed(ops) if op.open), None)


class TrackedWrites:
    def __init__(self, session: Any, tracking: Tracking) -> None:
        self._session = session
        self._kind = tracking.kind
        self._groups = tracking.groups
        self._outbox = OutboxRepository(session)
        self._changes = changes_of(session)

    # ------------------------------------------------------------------ local changes
    def saved(
        self,
        row: TrackedRow,
        before: Content | None,
        after: Content,
        *,
        secret: bool = False,
        was_secret: bool = False,
    ) -> None:
        """The officer stored `after` (synced content) over `before` (None: a new entity)."""
        row.local_rev += 1
        action = ChangeAction.CREATED if before is None else ChangeAction.UPDATED
        self._changes.add(self._kind, row.id, action)
        if secret:
            if not was_secret and before is not None:
                self._withdraw(row)
            elif before is None:
                row.sync_state = SyncState.SYNCED.value  # nothing will ever be sent
            return
        if was_secret:
            self._reinstate(row, after)
        else:
            self._send_change(row, before, after)

    def deleted(self, row: TrackedRow, *, secret: bool = False) -> None:
        """A tombstone, never a row delete: the platform must learn of it, codes stay used."""
        row.deleted = True
        row.local_rev += 1
        self._changes.add(self._kind, row.id, ChangeAction.DELETED)
        if not secret:
            self._withdraw(row)

    def restored(self, row: TrackedRow, after: Content, *, secret: bool = False) -> None:
        """A tombstone comes back (the undo of a delete): the platform gets it back too."""
        row.deleted = False
        row.local_rev += 1
        self._changes.add(self._kind, row.id, ChangeAction.CREATED)
        if not secret:
            self._reinstate(row, after)

    def created_in_bulk(
        self, ids: Iterable[str], shared_ids: list[str], payload: dict[str, Any]
    ) -> None:
        """Rows of `ids` were inserted in bulk (an Excel import, by the bulk writer, with
        `initial_sync_state`): one `import_batch` op speaks for the shared ones."""
        self._changes.add_many(self._kind, ids, ChangeAction.CREATED)
        if shared_ids:
            self._outbox.queue_batch(self._kind, shared_ids, payload)

    def arrived_in_bulk(self, ids: Iterable[str]) -> None:
        """Rows of `ids` new to this PC were inserted in bulk as the platform holds them (a
        first pull, by the bulk writer, `synced` at their versions with their base): what
        `remote_arrived` does for a new entity, without the outbox, which has nothing."""
        self._changes.add_many(self._kind, ids, ChangeAction.CREATED, Origin.REMOTE)

    def deleted_in_bulk(self, model: Any, ids: Sequence[str]) -> list[str]:
        """Delete at once live entities of table `model` (taking back an import) that the
        platform never saw and whose only ops are open import batches: they leave their
        batches (a batch left speaking for no one is dropped) and become tombstones with
        nothing to send, as `deleted` would make them one by one. Returns the ids this
        does not cover (a version confirmed, or ops of their own): `deleted` is theirs."""
        rest: set[str] = set()
        batches: dict[int, list[str]] = {}
        for chunk in _chunks(ids):
            versions = self._session.execute(
                select(model.id).where(model.id.in_(chunk), model.server_version.is_not(None))
            )
            rest.update(versions.scalars())
            for entity_id, op in self._outbox.links_of(chunk):
                if op.open and op.op is OutboxOp.IMPORT_BATCH:
                    batches.setdefault(op.seq, []).append(entity_id)
                else:
                    rest.add(entity_id)
        for seq, members in batches.items():
            self._outbox.unlink_many(seq, [m for m in members if m not in rest])
        simple = [i for i in ids if i not in rest]
        for chunk in _chunks(simple):
            self._session.execute(
                update(model)
                .where(model.id.in_(chunk), model.deleted.is_(False))
                .values(
                    deleted=True, local_rev=model.local_rev + 1, sync_state=SyncState.SYNCED.value
                )
            )
        self._changes.add_many(self._kind, simple, ChangeAction.DELETED)
        return [i for i in ids if i in rest]

    def commanded(
        self, row: TrackedRow, op: OutboxOp, payload: dict[str, Any], *, created: bool
    ) -> None:
        """The officer asked the platform to act (submit a filing, a request): a command op
        of its own, never folded into another or cancelled."""
        row.local_rev += 1
        action = ChangeAction.CREATED if created else ChangeAction.UPDATED
        self._changes.add(self._kind, row.id, action)
        self._queue(row, op, payload)

    # ------------------------------------------------------------------ remote changes
    def remote_decided(self, row: TrackedRow, server_version: int | None = None) -> None:
        """Server-owned fields changed (a decision, a state): the server wins, nothing merges."""
        row.local_rev += 1
        if server_version is not None:
            row.server_version = server_version
        row.sync_state = self._waiting_state(row)
        self._changes.add(self._kind, row.id, ChangeAction.UPDATED, Origin.REMOTE)

    def remote_arrived(
        self,
        row: TrackedRow,
        local: Content | None,
        remote: Content,
        *,
        server_version: int | None,
        read_only: bool = False,
    ) -> dict[str, Any]:
        """The platform (or another unit's catalog) says the entity is `remote`; returns the
        synced content the entity must now hold. `local` is what it holds (None: new)."""
        ops = self._outbox.ops_of(row.id) if local is not None else []
        waiting = [o for o in ops if o.status in (OutboxStatus.PENDING, OutboxStatus.IN_FLIGHT)]
        base = json.loads(row.base_json) if row.base_json else None
        row.base_json = json.dumps(remote, ensure_ascii=False, sort_keys=True)
        row.server_version = server_version
        row.deleted = False
        row.local_rev += 1
        action = ChangeAction.CREATED if local is None else ChangeAction.UPDATED
        self._changes.add(self._kind, row.id, action, Origin.REMOTE)
        if local is None or not waiting:
            row.sync_state = (SyncState.READ_ONLY if read_only else SyncState.SYNCED).value
            return dict(remote)
        merge = three_way(base, local, remote)
        self._rebase(row, _open(ops), merge, remote)
        return merge.content

    def remote_deleted(self, row: TrackedRow, server_version: int | None = None) -> None:
        """The entity left the platform (or the other unit's catalog). With local edits
        waiting to be sent it is a "deleted remotely" conflict instead: the officer decides,
        and nothing is re-created or dropped silently (PouchDB #7645)."""
        if self._waiting(row):
            self.deleted_remotely(row)
            return
        row.deleted = True
        row.local_rev += 1
        if server_version is not None:
            row.server_version = server_version
        row.sync_state = SyncState.SYNCED.value if server_version is not None else row.sync_state
        self._changes.add(self._kind, row.id, ChangeAction.DELETED, Origin.REMOTE)

    # ------------------------------------------------------------------ what a push learns
    def acknowledged(self, row: TrackedRow, server: Content, server_version: int) -> bool:
        """The platform applied our op and holds the entity at `server_version` as `server`.
        Returns whether the server's record may replace the local content: only when nothing
        of the entity waits to be sent (an edit made while the op was in flight stays
        pending, and is sent by its own op: the Anki #4366 rule)."""
        row.server_version = server_version
        row.base_json = json.dumps(dict(server), ensure_ascii=False, sort_keys=True)
        waiting = self._waiting(row)
        row.sync_state = (SyncState.PENDING if waiting else SyncState.SYNCED).value
        self._changes.add(self._kind, row.id, ChangeAction.UPDATED)
        return not waiting

    def deletion_acknowledged(self, row: TrackedRow, server_version: int | None) -> None:
        """The platform holds our delete (or had already lost the entity)."""
        if server_version is not None:
            row.server_version = server_version
        row.sync_state = self._waiting_state(row)
        self._changes.add(self._kind, row.id, ChangeAction.UPDATED)

    def reconcile(
        self, row: TrackedRow, local: Content, remote: Content, server_version: int
    ) -> dict[str, Any]:
        """The platform refused our op because the entity moved on (412): merge its state with
        ours against the base, and send what is still ours as a new op on its version (or
        stop at a conflict when both changed the same field). Returns the merged content."""
        base = json.loads(row.base_json) if row.base_json else None
        merge = three_way(base, local, remote)
        row.base_json = json.dumps(dict(remote), ensure_ascii=False, sort_keys=True)
        row.server_version = server_version
        row.local_rev += 1
        self._changes.add(self._kind, row.id, ChangeAction.UPDATED, Origin.REMOTE)
        open_op = _open(self._outbox.ops_of(row.id))
        left = changed_fields(remote, merge.content, self._groups)
        if open_op is None and left and not merge.clashes:
            self._queue(row, OutboxOp.PATCH, left)
        self._rebase(row, open_op, merge, remote)
        return merge.content

    def resolved(self, row: TrackedRow, chosen: Content) -> None:
        """The officer resolved a conflict to `chosen`: what differs from the platform's
        state (the base now) goes out as a new op on the platform's version."""
        base = json.loads(row.base_json) if row.base_json else {}
        row.local_rev += 1
        self._changes.add(self._kind, row.id, ChangeAction.UPDATED)
        for op in self._outbox.ops_of(row.id):
            if op.status is OutboxStatus.BLOCKED:
                self._outbox.drop(op.seq)  # the resolution speaks for it now
        open_op = _open(self._outbox.ops_of(row.id))
        if open_op is not None:
            self._outbox.drop(open_op.seq)
        if changed := changed_fields(base, chosen, self._groups):
            self._queue(row, OutboxOp.PATCH, changed)
        else:
            row.sync_state = self._waiting_state(row)

    def let_go(self, row: TrackedRow) -> None:
        """Deleted remotely, and the officer agrees: the local copy becomes a tombstone and
        nothing of it is sent any more."""
        for op in self._outbox.ops_of(row.id):
            if op.status in (OutboxStatus.BLOCKED, OutboxStatus.PENDING, OutboxStatus.FAILED):
                self._outbox.drop(op.seq)
        row.deleted = True
        row.local_rev += 1
        row.sync_state = SyncState.SYNCED.value
        self._changes.add(self._kind, row.id, ChangeAction.DELETED)

    def refused(self, row: TrackedRow) -> None:
        """The platform refused an op of the entity: it shows as rejected until fixed."""
        row.sync_state = SyncState.REJECTED.value
        self._changes.add(self._kind, row.id, ChangeAction.UPDATED)

    def discarded(self, row: TrackedRow, seq: int) -> None:
        """The officer lets go of an op the platform refused (a stale workflow step): it is
        forgotten, and the entity shows as rejected only while another refused op remains."""
        self._outbox.drop(seq)
        row.local_rev += 1
        self._changes.add(self._kind, row.id, ChangeAction.UPDATED)
        if not self.keep_refusal(row):
            row.sync_state = self._waiting_state(row)

    def keep_refusal(self, row: TrackedRow) -> bool:
        """A refused op stays the officer's to discard: the entity shows as rejected until
        then, whatever the platform says of it meanwhile. True when one is there."""
        if any(op.status is OutboxStatus.FAILED for op in self._outbox.ops_of(row.id)):
            row.sync_state = SyncState.REJECTED.value
            return True
        return False

    def deleted_remotely(self, row: TrackedRow) -> None:
        """Our entity is gone from the platform while we still have changes for it."""
        if row.sync_state != SyncState.CONFLICT.value:
            self._session.add(
                SyncConflictRow(
                    id=str(uuid.uuid4()), entity_type=self._kind.value, entity_id=row.id,
                    kind="deleted_remotely", base_json=row.base_json or "{}",
                    local_json="{}", remote_json="{}", fields_json="[]", created_at=utcnow(),
                )
            )  # fmt: skip
        row.sync_state = SyncState.CONFLICT.value
        self._changes.add(self._kind, row.id, ChangeAction.UPDATED, Origin.REMOTE)

    # ------------------------------------------------------------------ the rules
    def _send_change(self, row: TrackedRow, before: Content | None, after: Content) -> None:
        ops = self._outbox.ops_of(row.id)
        open_op = _open(ops)
        if open_op is not None and open_op.op is OutboxOp.DELETE:
            self._outbox.drop(open_op.seq)  # stored again: not deleted after all
            open_op = None
        if open_op is None:
            if not _exists_remotely(row, ops):
                self._queue(row, OutboxOp.CREATE, dict(after))
            elif changed := changed_fields(before, after, self._groups):
                self._queue(row, OutboxOp.PATCH, changed)
        elif open_op.op is OutboxOp.CREATE:
            self._outbox.rewrite(open_op.seq, dict(after), snapshot_rev=row.local_rev)
        elif open_op.op is OutboxOp.PATCH:
            changed = changed_fields(before, after, self._groups)
            self._outbox.rewrite(open_op.seq, open_op.payload | changed, snapshot_rev=row.local_rev)
        else:  # an open import batch sends what the entity holds when it goes
            self._outbox.carries(open_op.seq, row.id, row.local_rev)

    def _withdraw(self, row: TrackedRow) -> None:
        """Take the entity off the platform (deleted, or made secret)."""
        ops = self._outbox.ops_of(row.id)
        open_op = _open(ops)
        if open_op is not None and open_op.op is OutboxOp.IMPORT_BATCH:
            self._outbox.unlink(open_op.seq, row.id)
        elif open_op is not None:
            self._outbox.drop(open_op.seq)
        for op in ops:
            if op.status is OutboxStatus.FAILED:
                self._outbox.drop(op.seq)  # refused, and now moot
        if _exists_remotely(row, ops):
            self._queue(row, OutboxOp.DELETE, {})
        else:
            row.sync_state = SyncState.SYNCED.value  # the platform never saw it: nothing to say

    def _reinstate(self, row: TrackedRow, after: Content) -> None:
        """Bring the entity back to the platform (restored, or made shareable again)."""
        ops = self._outbox.ops_of(row.id)
        open_op = _open(ops)
        if open_op is not None and open_op.op is OutboxOp.DELETE:
            self._outbox.drop(open_op.seq)
            ops = [op for op in ops if op.seq != open_op.seq]
        if not _exists_remotely(row, ops):
            self._queue(row, OutboxOp.CREATE, dict(after))
            return
        base = json.loads(row.base_json) if row.base_json else None
        if changed := changed_fields(base, after, self._groups):
            self._queue(row, OutboxOp.PATCH, changed)
        elif not any(op.status is OutboxStatus.PENDING for op in ops):
            row.sync_state = SyncState.SYNCED.value

    def _rebase(
        self, row: TrackedRow, open_op: QueuedOp | None, merge: Merge, remote: Content
    ) -> None:
        """After a merge, the open op sends only what still differs from the remote state."""
        if open_op is not None and open_op.op is OutboxOp.PATCH:
            left = changed_fields(remote, merge.content, self._groups)
            if left:
                self._outbox.rewrite(
                    open_op.seq, left, snapshot_rev=row.local_rev, base_version=row.server_version
                )
            else:
                self._outbox.drop(open_op.seq)
        if merge.clashes:
            row.sync_state = SyncState.CONFLICT.value
            self._session.add(
                SyncConflictRow(
                    id=str(uuid.uuid4()),
                    entity_type=self._kind.value,
                    entity_id=row.id,
                    kind="hard",
                    base_json=json.dumps(json.loads(row.base_json or "{}"), ensure_ascii=False),
                    local_json=json.dumps(dict(merge.content), ensure_ascii=False),
                    remote_json=json.dumps(dict(remote), ensure_ascii=False),
                    fields_json=json.dumps(list(merge.clashes)),
                    created_at=utcnow(),
                )
            )
        else:
            row.sync_state = self._waiting_state(row)

    def _waiting(self, row: TrackedRow) -> bool:
        """Whether an op of the entity waits to be sent or is on its way."""
        return any(
            op.status in (OutboxStatus.PENDING, OutboxStatus.IN_FLIGHT)
            for op in self._outbox.ops_of(row.id)
        )

    def _waiting_state(self, row: TrackedRow) -> str:
        """Pending while an op of the entity waits to be sent or is on its way, else synced."""
        return (SyncState.PENDING if self._waiting(row) else SyncState.SYNCED).value

    def _queue(self, row: TrackedRow, op: OutboxOp, payload: dict[str, Any]) -> None:
        self._outbox.queue(
            self._kind, row.id, op, payload,
            base_version=row.server_version, snapshot_rev=row.local_rev,
        )  # fmt: skip
        row.sync_state = SyncState.PENDING.value


def _chunks(ids: Sequence[str], size: int = 5000) -> Iterator[Sequence[str]]:
    """`ids` in slices that stay within SQLite's bound-parameter limit."""
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def initial_sync_state(secret: bool) -> str:
    """The sync state of a row inserted in bulk: a shared one waits for its batch op."""
    return (SyncState.SYNCED if secret else SyncState.PENDING).value
