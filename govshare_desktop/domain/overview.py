"""概览 as plain data: what needs doing (待办) and the unit's figures (Art. 17, 21).

One frozen snapshot, computed offline from the local store by `services/overview/`, so the
page, a test or a report reads the same figures. A to-do names the record it concerns
(`subject_id`) so the page can open it; the figures are counts a test can recount with
SQL over the same database.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from govshare_desktop.domain.enums import CatalogVersionState, ShareRequestState
from govshare_desktop.domain.share_requests import Direction
from govshare_desktop.domain.share_workflow import RequestAction

# Steps a requester or provider may always take while a request is open: offered, never
# awaited. A request whose only steps are these does not wait for this unit.
OPTIONAL_STEPS = frozenset({RequestAction.WITHDRAW, RequestAction.DISPUTE_SECRECY})


class TodoKind(StrEnum):
    """What a to-do asks; the order is the list's order (most pressing first)."""

    REQUEST = "request"  # a share request waits for this unit's step
    OBJECTION = "objection"  # an objection waits for this unit's answer
    CONFLICT = "conflict"  # a sync conflict to resolve
    FAILED_SEND = "failed_send"  # the platform refused a change, or it cannot be sent
    FILING_RETURNED = "filing_returned"  # the authority returned the catalog for changes
    GRANT_EXPIRING = "grant_expiring"  # a grant held here ends within 30 days
    NOTICE = "notice"  # a notice (通报) nobody of the unit has read yet


TODO_ORDER = {kind: index for index, kind in enumerate(TodoKind)}


@dataclass(frozen=True, slots=True)
class Todo:
    kind: TodoKind
    subject_id: str  # the request, objection, conflict, outbox op (seq), version or grant
    title: str  # what the officer knows it by: a resource code and name, a record's name
    due: date | None = None  # the day the period ends (a request's step, a grant's validity)
    days_left: int | None = None  # negative when overdue; None without a due date
    detail: str = ""  # the platform's words (a refusal, the authority's comment)

    @property
    def overdue(self) -> bool:
        return self.days_left is not None and self.days_left < 0


@dataclass(frozen=True, slots=True)
class CatalogFigures:
    resources: int
    data_items: int
    errors: int | None  # findings of severity error (filing refuses a catalog with any)
    warnings: int | None  # None: not validated in this read (`snapshot(findings=False)`)
    filing_state: CatalogVersionState | None  # of the latest version; None: never frozen
    filing_version: int | None


@dataclass(frozen=True, slots=True)
class RequestFigures:
    """Share requests by direction and state; a request counts once per direction it has
    from here (a unit may be requester and authority of one request)."""

    counts: Mapping[tuple[Direction, ShareRequestState], int] = field(default_factory=dict)
    awaiting: int = 0  # requests waiting for this unit's step
    overdue: int = 0  # of those, past their statutory period

    def total(self, direction: Direction) -> int:
        return sum(n for (d, _s), n in self.counts.items() if d is direction)

    def of(self, direction: Direction, state: ShareRequestState) -> int:
        return self.counts.get((direction, state), 0)


@dataclass(frozen=True, slots=True)
class GrantFigures:
    held: int  # grants this unit holds, revoked and expired ones too
    in_force: int
    expiring: int  # in force, ending within 30 days
    expired: int
    revoked: int


@dataclass(frozen=True, slots=True)
class ObjectionFigures:
    raised: int  # by this unit
    received: int  # addressed to this unit as the provider
    open: int  # not answered yet (either direction)
    answered: int
    to_answer: int  # this unit may answer now


@dataclass(frozen=True, slots=True)
class SyncFigures:
    last_sync_at: datetime | None  # UTC, naive
    pending: int  # changes waiting to be sent
    failed: int  # refused or blocked changes
    conflicts: int
    failures_30d: int = 0  # sync cycles refused or failed at the platform in 30 days


@dataclass(frozen=True, slots=True)
class OverviewSnapshot:
    signed_in: bool
    todos: tuple[Todo, ...]
    catalog: CatalogFigures
    requests: RequestFigures
    grants: GrantFigures
    objections: ObjectionFigures
    sync: SyncFigures

    def todos_of(self, kind: TodoKind) -> tuple[Todo, ...]:
        return tuple(t for t in self.todos if t.kind is kind)


def todo_sort_key(todo: Todo) -> tuple[int, int, int, str]:
    """Overdue first, then by kind, then the soonest due, then the title."""
    left = todo.days_left if todo.days_left is not None else 1_000_000
    return (0 if todo.overdue else 1, TODO_ORDER[todo.kind], left, todo.title)
