"""What an import did, kept so the whole import can be taken back as one step.

An import creates resources, changes existing ones and may revive deleted ones (a
tombstone whose code the workbook uses again). Taking it back deletes what it created and
gives every resource it changed its previous content, but never at the cost of what
happened since: whatever of the import the platform may have seen makes the undo
impossible, and a later change of a field the import set makes it refuse, naming the
resource, instead of overwriting that change. Fields the import did not touch keep any
later edit.

Contents are `resource_content` plus the secret flag (which `resource_content` leaves out),
as plain JSON values, so a record can be stored as JSON and compared field by field.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from govshare_desktop.domain.entities import Resource
from govshare_desktop.domain.resource_content import resource_content, resource_from_content

Content = Mapping[str, Any]


def content_of(resource: Resource) -> dict[str, Any]:
    """Everything an import may change of a resource, as JSON values (secret flag included)."""
    return {**resource_content(resource), "secret": resource.secret}


def resource_of(resource_id: str, content: Content) -> Resource:
    """The inverse of `content_of`: the resource exactly as it was, derivation link and
    secret flag included (which `resource_from_content`, reading another unit's entry,
    leaves out)."""
    version = content.get("source_version")
    return replace(
        resource_from_content(resource_id, dict(content)),
        secret=bool(content.get("secret")),
        source_resource_id=content.get("source_resource_id") or None,
        source_version=None if version is None else int(version),
    )


def differing(one: Content, other: Content) -> frozenset[str]:
    """The keys whose values differ between two contents of one resource."""
    return frozenset(k for k in set(one) | set(other) if one.get(k) != other.get(k))


@dataclass(frozen=True, slots=True)
class ChangedResource:
    """An existing resource an import changed (or revived): its content before and after,
    and where it stood once the import was stored."""

    resource_id: str
    before: dict[str, Any]
    after: dict[str, Any]
    rev: int  # the local revision the import left it at
    server_version: int | None  # the platform's version it held then
    op_seq: int | None  # the outbox op carrying the import's change; None: nothing to send
    revived: bool = False  # it was deleted before the import

    @property
    def fields(self) -> frozenset[str]:
        """The fields the import changed."""
        return differing(self.before, self.after)

    def reverted(self, current: Content) -> dict[str, Any] | None:
        """The content that takes the import back from `current` (what the resource holds
        now): the fields the import changed get their values from before, later edits of
        other fields stay. None when a later change touched a field the import set (or,
        for a revived resource, anything: undoing deletes it again)."""
        later = differing(current, self.after)
        if self.revived:
            return None if later else dict(self.before)
        if later & self.fields:
            return None
        return {**current, **{k: self.before.get(k) for k in self.fields}}


@dataclass(frozen=True, slots=True)
class ImportRecord:
    """One stored import, as far as its undo needs it."""

    import_id: str
    file: str
    sha256: str
    created: tuple[str, ...]  # ids of the resources it created (at revision 1)
    changed: tuple[ChangedResource, ...]
    batch_seq: int | None  # its `import_batch` op; None when it created nothing shared


@dataclass(frozen=True, slots=True)
class UndoneImport:
    """What taking an import back did."""

    import_id: str
    file: str
    deleted: int  # resources it had created
    restored: int  # resources given back their previous content (revived ones deleted again)
