"""Notices (通报, Art. 17): what the platform's authority tells a unit, as the unit holds it.

The platform owns a notice's content; the unit only marks it read (the first reading is
kept) and is told once of its arrival. A notice may name the records it concerns
(`subjects`), which the desktop opens from it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

READ = "read"  # the action a read mark's op carries in its payload (`OutboxOp.STEP`)
SUBJECTS_MAX = 50  # the platform's `NoticeCreate.subjects`


class SubjectKind(StrEnum):
    """The kinds of record a notice may concern (the platform's `NoticeSubject.type`)."""

    SHARE_REQUEST = "share_request"
    GRANT = "grant"
    OBJECTION = "objection"
    RESOURCE = "resource"


@dataclass(frozen=True, slots=True)
class NoticeSubject:
    kind: SubjectKind
    id: str


@dataclass(frozen=True, slots=True)
class Notice:
    """A notice delivered to this unit: read once anyone of the unit has read it."""

    id: str
    title: str
    body: str
    issued_at: datetime
    issuer_unit_code: str = ""
    issued_by: str = ""
    read_at: datetime | None = None
    read_by: str = ""
    subjects: tuple[NoticeSubject, ...] = ()

    @property
    def read(self) -> bool:
        return self.read_at is not None


def subjects_of(items: object) -> tuple[NoticeSubject, ...]:
    """The subjects of a served or stored list, the kinds this version knows only (a
    later platform's new kind is left out rather than refusing the notice)."""
    if not isinstance(items, Sequence) or isinstance(items, str):
        return ()
    found: list[NoticeSubject] = []
    for item in items[:SUBJECTS_MAX]:
        if not isinstance(item, Mapping):
            continue
        try:
            kind = SubjectKind(str(item.get("type")))
        except ValueError:
            continue
        if ident := str(item.get("id") or ""):
            found.append(NoticeSubject(kind, ident))
    return tuple(found)


def subjects_to_plain(subjects: Sequence[NoticeSubject]) -> list[dict[str, Any]]:
    return [{"type": s.kind.value, "id": s.id} for s in subjects]


@dataclass(frozen=True, slots=True)
class NoticeView:
    """A notice as the officer sees it: `read_pending` while the read mark waits to be sent."""

    notice: Notice
    read_pending: bool = False

    @property
    def unread(self) -> bool:
        return not self.notice.read
