"""Take a stored import back, inside the caller's write transaction (see `importing.undo`).

First every resource the import touched is checked, then (only if all may be taken back)
everything is written through the resource repository, so the outbox rules apply as for
any edit: a created resource still in the import's unsent batch leaves it and nothing is
ever sent for it; a changed one folds its previous content into the op that carried the
import. Refusals name up to three resources.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy.orm import Session

from govshare_desktop.domain.entities import Resource
from govshare_desktop.domain.errors import ErrorCode, KnownError
from govshare_desktop.domain.import_undo import (
    ChangedResource,
    ImportRecord,
    UndoneImport,
    content_of,
    resource_of,
)
from govshare_desktop.store.repositories.outbox import OutboxRepository
from govshare_desktop.store.repositories.resources import ResourceRepository

NAMED = 3  # resources a refusal names; the rest are counted


def _names(repo: ResourceRepository, ids: list[str]) -> str:
    names = [f"“{r.name}”" for rid in ids[:NAMED] if (r := repo.get(rid)) is not None]
    more = len(ids) - len(names)
    return "、".join(names) + (f" +{more}" if more > 0 else "")


class _Check:
    """Which resources stop the undo, and what it will write when nothing does."""

    def __init__(self, session: Session, imported: Sequence[Resource]) -> None:
        self.repo = ResourceRepository(session)
        self.outbox = OutboxRepository(session)
        self._imported = imported
        self.synced: list[str] = []
        self.edited: list[str] = []
        self.doomed: list[str] = []  # created ones to delete
        self.restore: list[tuple[ChangedResource, dict[str, Any]]] = []

    def created(self, record: ImportRecord) -> None:
        if not record.created:
            return
        states = self.repo.revisions(list(record.created))
        moved = []
        for rid in record.created:
            if (state := states.get(rid)) is None:
                continue
            rev, version, deleted = state
            if version is not None:
                self.synced.append(rid)  # the platform confirmed a version of it
            elif deleted:
                continue  # deleted since: nothing left to take back
            elif rev != 1:
                moved.append(rid)
            else:
                self.doomed.append(rid)
        if moved:
            as_imported = {r.id: r for r in self._imported}
            for rid in moved:
                now, then = self.repo.get(rid), as_imported.get(rid)
                same = now is not None and then is not None and content_of(now) == content_of(then)
                (self.doomed if same else self.edited).append(rid)
        batch = self.outbox.op(record.batch_seq) if record.batch_seq is not None else None
        if batch is not None and not batch.open:  # tried: any resource it carries may be there
            carried = set(self.outbox.batch_ids(batch.seq))
            self.synced.extend(rid for rid in self.doomed if rid in carried)

    def changed(self, entry: ChangedResource) -> None:
        tracked = self.repo.get_tracked(entry.resource_id)
        if tracked is None:
            return
        envelope = tracked.envelope
        carrier = self.outbox.op(entry.op_seq) if entry.op_seq is not None else None
        if envelope.server_version != entry.server_version or (
            carrier is not None and not carrier.open
        ):
            self.synced.append(entry.resource_id)
            return
        if envelope.local_rev == entry.rev:
            self.restore.append((entry, entry.before))
            return
        if envelope.deleted:
            if not entry.revived:  # the officer deleted it since: the undo would revive it
                self.edited.append(entry.resource_id)
            return
        target = entry.reverted(content_of(tracked.content))
        if target is None:
            self.edited.append(entry.resource_id)
        else:
            self.restore.append((entry, target))

    def refusal(self, record: ImportRecord) -> KnownError | None:
        if self.synced:
            code, ids = ErrorCode.IMPORT_UNDO_SYNCED, self.synced
        elif self.edited:
            code, ids = ErrorCode.IMPORT_UNDO_EDITED, self.edited
        else:
            return None
        return KnownError(code, file=record.file, names=_names(self.repo, ids), count=len(ids))


def take_back(
    session: Session, record: ImportRecord, imported: Sequence[Resource] = ()
) -> UndoneImport:
    """Undo `record` in `session`, or raise `KnownError` having written nothing.

    `imported`: the resources the import created, as it stored them, when still known (a
    created resource edited since is then taken back if it holds that content again)."""
    check = _Check(session, imported)
    check.created(record)
    for entry in record.changed:
        check.changed(entry)
    if (refused := check.refusal(record)) is not None:
        raise refused
    repo = check.repo
    for entry, content in check.restore:
        repo.save(resource_of(entry.resource_id, content))
        if entry.revived:
            repo.delete(entry.resource_id)
    repo.delete_many(check.doomed)
    return UndoneImport(record.import_id, record.file, len(check.doomed), len(check.restore))
