"""概览 (Art. 17, 21): what needs doing and where the unit stands, from the local store only.

Every figure is read from what this PC holds — never the network — through the services
that own each capability (their lists are what the other pages show, so the overview and
those pages agree), and put together in one frozen `OverviewSnapshot`. The GUI reads it on
the runner's read pool and reads it again after each change set on the bus.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

from govshare_desktop.domain.clock import china_today, utc_naive
from govshare_desktop.domain.deadlines import countdown
from govshare_desktop.domain.enums import (
    CatalogVersionState,
    ObjectionState,
    OutboxStatus,
    Severity,
    ShareRequestState,
)
from govshare_desktop.domain.grant_data import GrantView
from govshare_desktop.domain.objections import ObjectionDirection, ObjectionView
from govshare_desktop.domain.outbox import WaitingChange
from govshare_desktop.domain.overview import (
    OPTIONAL_STEPS,
    CatalogFigures,
    GrantFigures,
    ObjectionFigures,
    OverviewSnapshot,
    RequestFigures,
    SyncFigures,
    Todo,
    TodoKind,
    todo_sort_key,
)
from govshare_desktop.domain.share_requests import Direction, ShareRequestView, position_of
from govshare_desktop.domain.share_workflow import running_deadline
from govshare_desktop.domain.validation import validate_catalog
from govshare_desktop.services.grant_data.service import GrantDataService
from govshare_desktop.services.notices.service import NoticeService
from govshare_desktop.services.objections.service import ObjectionService
from govshare_desktop.services.runtime import Runtime, Service
from govshare_desktop.services.share_requests.service import ShareRequestService
from govshare_desktop.services.sync.conflicts import ConflictService
from govshare_desktop.services.sync.outbox import OutboxService
from govshare_desktop.services.sync.status import StatusService
from govshare_desktop.store.repositories.resources import ResourceRepository
from govshare_desktop.store.repositories.sync_meta import FAILURE_LOG_DAYS, SyncMetaRepository
from govshare_desktop.store.repositories.versions import VersionRepository

ANSWERED = frozenset({ObjectionState.ACCEPTED, ObjectionState.CORRECTED, ObjectionState.REJECTED})


def awaits_this_unit(view: ShareRequestView) -> bool:
    """A request past its draft where this unit has a step to take that is not merely
    on offer (withdrawing, disputing secrecy): what 待我答复 reminds of."""
    if view.request.state is ShareRequestState.DRAFT:
        return False
    return bool(set(view.actions) - OPTIONAL_STEPS)


class OverviewService(Service):
    def __init__(
        self,
        runtime: Runtime,
        *,
        share_requests: ShareRequestService,
        objections: ObjectionService,
        grants: GrantDataService,
        conflicts: ConflictService,
        outbox: OutboxService,
        status: StatusService,
        notices: NoticeService,
    ) -> None:
        super().__init__(runtime)
        self._notices = notices
        self._requests = share_requests
        self._objections = objections
        self._grants = grants
        self._conflicts = conflicts
        self._outbox = outbox
        self._status = status

    def snapshot(self, *, findings: bool = True) -> OverviewSnapshot:
        """The whole overview; a read (call it off the GUI thread). `findings=False` leaves
        the catalog's errors and warnings out (None): `problems()` reads them apart."""
        unit = self._rt.unit_code
        todos: list[Todo] = []
        catalog = self._catalog(unit, todos, findings)
        requests = self._requests_figures(self._requests.requests() if unit else [], todos)
        objections = self._objection_figures(self._objections.objections() if unit else [], todos)
        grants = self._grant_figures(self._grants.grants(caches=False) if unit else [], todos)
        sync = self._sync_figures(todos)
        if unit:
            todos.extend(
                Todo(TodoKind.NOTICE, view.notice.id, view.notice.title)
                for view in self._notices.notices()
                if view.unread
            )
        return OverviewSnapshot(
            signed_in=bool(unit),
            todos=tuple(sorted(todos, key=todo_sort_key)),
            catalog=catalog,
            requests=requests,
            grants=grants,
            objections=objections,
            sync=sync,
        )

    def _today(self) -> date:
        return china_today(self._rt.clock)

    # ------------------------------------------------------------------ catalog
    def problems(self) -> tuple[int, int]:
        """The catalog's errors and warnings, as its problems list finds them: every live
        resource loaded and validated (seconds on 10,000 resources), hence a read of its own
        that the page runs after the quick figures are shown."""
        unit = self._rt.unit_code
        with self._db.read() as session:
            resources = ResourceRepository(session).list_live(unit or None)
        findings = validate_catalog(resources, self.profile)
        severities = Counter(f.severity for found in findings.values() for f in found)
        return severities[Severity.ERROR], severities[Severity.WARNING]

    def _catalog(self, unit: str, todos: list[Todo], findings: bool) -> CatalogFigures:
        with self._db.read() as session:  # one read: the counts and the latest version
            resources, items = ResourceRepository(session).live_counts(unit or None)
            latest = VersionRepository(session).latest(unit) if unit else None
        errors, warnings = self.problems() if findings else (None, None)
        if latest is not None and latest.state is CatalogVersionState.RETURNED:
            todos.append(
                Todo(
                    TodoKind.FILING_RETURNED,
                    latest.id,
                    str(latest.number),
                    detail=latest.authority_comment,
                )
            )
        return CatalogFigures(
            resources=resources,
            data_items=items,
            errors=errors,
            warnings=warnings,
            filing_state=latest.state if latest is not None else None,
            filing_version=latest.number if latest is not None else None,
        )

    # ------------------------------------------------------------------ requests
    def _requests_figures(self, views: list[ShareRequestView], todos: list[Todo]) -> RequestFigures:
        counts: Counter[tuple[Direction, ShareRequestState]] = Counter()
        awaiting = overdue = 0
        for view in views:
            for direction in view.directions:
                counts[(direction, view.request.state)] += 1
            if not awaits_this_unit(view):
                continue
            awaiting += 1
            due = running_deadline(position_of(view.request))
            left = None
            if due is not None:
                count = countdown(due, self._rt.clock)
                left = count.days_left  # negative once overdue
                overdue += count.overdue
            request = view.request
            todos.append(
                Todo(
                    TodoKind.REQUEST,
                    request.id,
                    request.resource_code,
                    due=due,
                    days_left=left,
                )
            )
        return RequestFigures(counts=dict(counts), awaiting=awaiting, overdue=overdue)

    # ------------------------------------------------------------------ objections
    @staticmethod
    def _objection_figures(views: list[ObjectionView], todos: list[Todo]) -> ObjectionFigures:
        raised = received = answered = to_answer = 0
        for view in views:
            objection = view.objection
            if view.direction is ObjectionDirection.OUTGOING:
                raised += 1
            elif view.direction is ObjectionDirection.INCOMING:
                received += 1
            if objection.state in ANSWERED:
                answered += 1
            if view.answerable:
                to_answer += 1
                todos.append(
                    Todo(
                        TodoKind.OBJECTION,
                        objection.id,
                        f"{objection.resource_code} {objection.data_item_name}".strip(),
                        detail=objection.description,
                    )
                )
        return ObjectionFigures(
            raised=raised,
            received=received,
            open=len(views) - answered,
            answered=answered,
            to_answer=to_answer,
        )

    # ------------------------------------------------------------------ grants
    def _grant_figures(self, views: list[GrantView], todos: list[Todo]) -> GrantFigures:
        today = self._today()
        for view in views:
            grant, ends = view.grant, view.grant.valid_to
            if view.expiring_soon and ends is not None:
                todos.append(
                    Todo(
                        TodoKind.GRANT_EXPIRING,
                        grant.id,
                        f"{grant.resource_code} {grant.resource_name}".strip(),
                        due=ends,
                        days_left=(ends - today).days,
                    )
                )
        return GrantFigures(
            held=len(views),
            in_force=sum(v.in_force for v in views),
            expiring=sum(v.expiring_soon for v in views),
            expired=sum(v.expired and not v.grant.revoked for v in views),
            revoked=sum(v.grant.revoked for v in views),
        )

    # ------------------------------------------------------------------ sync
    def _sync_figures(self, todos: list[Todo]) -> SyncFigures:
        status = self._status.snapshot()
        for conflict in self._conflicts.open():
            todos.append(Todo(TodoKind.CONFLICT, conflict.id, conflict.name or conflict.entity_id))
        for change in self._outbox.waiting():
            if _stuck(change):
                todos.append(
                    Todo(
                        TodoKind.FAILED_SEND,
                        str(change.seq),
                        change.name or change.entity_id,
                        detail=change.error,
                    )
                )
        since = utc_naive(self._rt.clock) - timedelta(days=FAILURE_LOG_DAYS)
        with self._db.read() as session:
            failures = SyncMetaRepository(session).failures_since(since)
        return SyncFigures(
            last_sync_at=status.last_sync_at,
            pending=status.pending_changes,
            failed=status.failed_changes,
            conflicts=status.conflicts,
            failures_30d=failures,
        )


def _stuck(change: WaitingChange) -> bool:
    """Refused by the platform, or blocked behind a refusal: the officer must act."""
    return change.status in (OutboxStatus.FAILED, OutboxStatus.BLOCKED)
