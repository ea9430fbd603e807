"""Resolving what a sync could not merge: the officer picks, field by field, mine or theirs.

The platform's state is the base of the resolution, so what the officer keeps of theirs
is not sent again and what they keep of their own goes out as one new change on the
platform's current version (SYNC.md: "the resolution is a new op based on the current
server version"). A record the platform deleted is either let go, or kept as a new
record with a new id (the old one is a tombstone there).
"""

from __future__ import annotations

from dataclasses import replace

from govshare_desktop.domain.clock import utc_naive
from govshare_desktop.domain.conflicts import Choice, Conflict, ConflictKind
from govshare_desktop.domain.entities import Resource, new_id
from govshare_desktop.domain.errors import ErrorCode, KnownError
from govshare_desktop.services.executor import writes
from govshare_desktop.services.runtime import Service
from govshare_desktop.store.repositories.conflicts import ConflictRepository
from govshare_desktop.store.repositories.resources import ResourceRepository


class ConflictService(Service):
    def open(self) -> list[Conflict]:
        with self._db.read() as session:
            return ConflictRepository(session).open()

    @writes
    def resolve(self, conflict_id: str, choices: dict[str, Choice]) -> Resource:
        """Keep mine or theirs for every clashing field; the result is sent on."""
        with self._db.write() as session:
            conflicts = ConflictRepository(session)
            conflict = self._get(conflicts, conflict_id, ConflictKind.HARD)
            try:
                chosen = conflict.resolved_content(choices)
            except ValueError as exc:
                raise KnownError(ErrorCode.NOT_FOUND, what=str(exc)) from exc
            stored = ResourceRepository(session).resolve(conflict.entity_id, chosen)
            conflicts.close(conflict_id, utc_naive(self._rt.clock))
            self._rt.audit(session, "conflict.resolve", "resource", conflict.entity_id,
                           {"choices": {k: v.value for k, v in choices.items()}})  # fmt: skip
        return stored.content

    @writes
    def let_go(self, conflict_id: str) -> None:
        """The platform deleted it, and so be it: nothing of this PC's changes is sent."""
        with self._db.write() as session:
            conflicts = ConflictRepository(session)
            conflict = self._get(conflicts, conflict_id, ConflictKind.DELETED_REMOTELY)
            ResourceRepository(session).let_go(conflict.entity_id)
            conflicts.close(conflict_id, utc_naive(self._rt.clock))
            self._rt.audit(session, "conflict.let_go", "resource", conflict.entity_id)

    @writes
    def keep_as_new(self, conflict_id: str) -> Resource:
        """The platform deleted it, the officer keeps it: a new record (new id, same code
        and content), sent whole; the old one becomes a tombstone here too."""
        with self._db.write() as session:
            conflicts = ConflictRepository(session)
            conflict = self._get(conflicts, conflict_id, ConflictKind.DELETED_REMOTELY)
            repo = ResourceRepository(session)
            held = repo.get(conflict.entity_id)
            if held is None:
                raise KnownError(ErrorCode.NOT_FOUND, what=conflict.entity_id)
            repo.let_go(held.id)
            copy = replace(
                held, id=new_id(),
                data_items=tuple(replace(item, id=new_id()) for item in held.data_items),
            )  # fmt: skip
            stored = repo.save(copy)
            conflicts.close(conflict_id, utc_naive(self._rt.clock))
            self._rt.audit(session, "conflict.keep_as_new", "resource", copy.id,
                           {"was": held.id})  # fmt: skip
        return stored.content

    @staticmethod
    def _get(repo: ConflictRepository, conflict_id: str, kind: ConflictKind) -> Conflict:
        conflict = repo.get(conflict_id)
        if conflict is None or conflict.kind is not kind:
            raise KnownError(ErrorCode.NOT_FOUND, what=conflict_id)
        return conflict
