"""What a committed write changed: the record every screen refreshes itself from.

A write transaction collects one `EntityChange` per entity it touched; when it commits,
the change set is published on the change bus (services/change_bus.py), and the GUI
relays it to its pages on the GUI thread. Pages never keep their own "something was
saved" flags: whatever wrote — the officer, an import, a pull from the platform — they
learn from the same record (Anki's OpChanges, STYLE.md).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class EntityKind(StrEnum):
    """Every kind of record the store keeps and reports changes of; also the outbox's
    `entity_type`, so the codes never change once released."""

    RESOURCE = "resource"
    CATALOG_VERSION = "catalog_version"
    SHARE_REQUEST = "share_request"
    OBJECTION = "objection"
    GRANT = "grant"
    NOTICE = "notice"
    AUDIT_EVENT = "audit_event"
    CLASS_NAME = "class_name"  # a unit's own name for a class (local only, never sent)
    IDENTITY = "identity"  # the officer and unit of this data directory (sign-in); never sent
    DIRECTORY_ENTRY = "directory_entry"  # another unit's filed resource (共享目录); never sent


class ChangeAction(StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    DELETED = "deleted"


class Origin(StrEnum):
    """Who made a change: the officer on this PC, or the outside world (the platform, or
    another unit's catalog file). Undo only ever takes back local changes."""

    LOCAL = "local"
    REMOTE = "remote"


@dataclass(frozen=True, slots=True)
class EntityChange:
    kind: EntityKind
    id: str
    action: ChangeAction
    origin: Origin = Origin.LOCAL


@dataclass(frozen=True, slots=True)
class ChangeSet:
    """The entities one committed transaction (or several, merged) changed."""

    changes: tuple[EntityChange, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.changes)

    def touches(self, kind: EntityKind) -> bool:
        return any(c.kind is kind for c in self.changes)

    def ids(
        self, kind: EntityKind, *, origin: Origin | None = None, action: ChangeAction | None = None
    ) -> frozenset[str]:
        return frozenset(
            c.id
            for c in self.changes
            if c.kind is kind
            and (origin is None or c.origin is origin)
            and (action is None or c.action is action)
        )

    def merged(self, other: ChangeSet) -> ChangeSet:
        collector = ChangeCollector()
        for change in (*self.changes, *other.changes):
            collector.add(change.kind, change.id, change.action, change.origin)
        return collector.freeze()


class ChangeCollector:
    """Gathers a transaction's changes, one entry per entity and origin.

    A record created and then updated in one transaction is reported as created; one
    touched in any way and then deleted as deleted; a tombstone brought back as updated.
    """

    def __init__(self) -> None:
        self._found: dict[tuple[EntityKind, str, Origin], ChangeAction] = {}

    def add(
        self,
        kind: EntityKind,
        entity_id: str,
        action: ChangeAction,
        origin: Origin = Origin.LOCAL,
    ) -> None:
        key = (kind, entity_id, origin)
        before = self._found.get(key)
        if before is ChangeAction.CREATED and action is ChangeAction.UPDATED:
            return
        self._found[key] = action

    def add_many(
        self,
        kind: EntityKind,
        ids: Iterable[str],
        action: ChangeAction,
        origin: Origin = Origin.LOCAL,
    ) -> None:
        for entity_id in ids:
            self.add(kind, entity_id, action, origin)

    def freeze(self) -> ChangeSet:
        return ChangeSet(tuple(EntityChange(k, i, a, o) for (k, i, o), a in self._found.items()))

    def clear(self) -> None:
        self._found.clear()
