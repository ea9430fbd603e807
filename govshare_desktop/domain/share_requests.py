"""Share requests as this PC sees them: its place in each, the draft's content, the words.

The workflow table itself (who may take which step from where) is `share_workflow.py`.
Here: which parties the signed-in unit is in a request (and may act as, by its roles),
which way a request points from here (outgoing, incoming, to the authority), the content
a draft sends to the platform, and the state a request will be in once the steps queued
on this PC reach it — what offline validation checks a new step against.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Set
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from govshare_desktop.domain.entities import ShareRequest
from govshare_desktop.domain.enums import ShareRequestState, SyncState
from govshare_desktop.domain.share_workflow import STEPS, Party, RequestAction, allowed_actions
from govshare_desktop.domain.translatable import QT_TRANSLATE_NOOP

CONTEXT = "ShareRequests"

# The draft's content as it travels (the platform's field names): editable while a draft.
CONTENT_FIELDS = (
    "provider_unit_code", "resource_code", "data_items", "purpose", "legal_basis",
    "share_method", "use_from", "use_until", "contact_name", "contact_phone",
)  # fmt: skip

# Steps whose body must carry written reasons (the platform answers 422 without them).
TEXT_REQUIRED = frozenset(
    {
        RequestAction.DECLINE,
        RequestAction.APPLY,
        RequestAction.EXPLAIN,
        RequestAction.ESCALATE,
        RequestAction.DISPUTE_SECRECY,
        RequestAction.COORDINATE,
        RequestAction.DECIDE,
        RequestAction.RESOLVE_SECRECY,
    }
)


class Direction(StrEnum):
    """Which way a request points from this unit."""

    OUTGOING = "out"  # this unit asks (requester)
    INCOMING = "in"  # this unit is asked (provider)
    AUTHORITY = "authority"  # this unit is the competent authority


def content_of(request: ShareRequest) -> dict[str, Any]:
    """What a draft sends: the requester's fields, under their wire names."""
    return {
        "provider_unit_code": request.provider_unit_code,
        "resource_code": request.resource_code,
        "data_items": list(request.data_item_names),
        "purpose": request.purpose,
        "legal_basis": request.legal_basis,
        "share_method": request.share_method,
        "use_from": request.use_from.isoformat() if request.use_from else None,
        "use_until": request.use_until.isoformat() if request.use_until else None,
        "contact_name": request.contact_name,
        "contact_phone": request.contact_phone,
    }


def parties_of(request: ShareRequest, unit_code: str) -> set[Party]:
    """The parties a unit is in a request (usually one); the platform's rule."""
    parties: set[Party] = set()
    if unit_code and unit_code == request.requester_unit_code:
        parties.add(Party.REQUESTER)
    if unit_code and unit_code == request.provider_unit_code:
        parties.add(Party.PROVIDER)
    if unit_code and unit_code == request.authority_unit_code:
        parties.add(Party.AUTHORITY)
    return parties


def acting_parties(request: ShareRequest, unit_code: str, roles: Set[str]) -> set[Party]:
    """The parties the officer may act as: their unit's place, narrowed to the roles they
    hold (a role is named as its party). An officer without roles on record (signed in
    before roles were kept) is not narrowed: the platform still checks."""
    parties = parties_of(request, unit_code)
    return {p for p in parties if p.value in roles} if roles else parties


def directions_of(request: ShareRequest, unit_code: str) -> set[Direction]:
    parties = parties_of(request, unit_code)
    found: set[Direction] = set()
    if Party.REQUESTER in parties:
        found.add(Direction.OUTGOING)
    if Party.PROVIDER in parties:
        found.add(Direction.INCOMING)
    if Party.AUTHORITY in parties:
        found.add(Direction.AUTHORITY)
    return found


def projected_state(state: ShareRequestState, queued: Iterable[RequestAction]) -> ShareRequestState:
    """The state once the queued steps are taken, in order; a step whose outcome its body
    decides (a decision) leaves the state as it is: the platform will say."""
    for action in queued:
        target = STEPS[action].target
        if target is not None:
            state = target
    return state


def available_actions(
    request: ShareRequest,
    unit_code: str,
    roles: Set[str],
    queued: Iterable[RequestAction] = (),
) -> list[RequestAction]:
    """What the officer may do next. The platform's `allowed_actions` win when it served
    them and nothing is queued here since; otherwise the domain's table decides, from the
    state the queued steps lead to (offline drafting)."""
    queued = list(queued)
    parties = acting_parties(request, unit_code, roles)
    if request.allowed_actions is not None and not queued:
        served = [RequestAction(a) for a in request.allowed_actions if a in _KNOWN]
        return [a for a in served if STEPS[a].parties & parties]
    return allowed_actions(projected_state(request.state, queued), parties)


_KNOWN = frozenset(a.value for a in RequestAction)


@dataclass(frozen=True, slots=True)
class QueuedStep:
    """A workflow step waiting in the outbox (or refused there), as the request shows it."""

    seq: int  # the outbox op: what `discard_refused` takes
    action: RequestAction
    text: str
    refused: bool
    http_status: int | None
    error: str  # the platform's own words when it refused


@dataclass(frozen=True, slots=True)
class ShareRequestView:
    """One request with everything a page or `govshare requests show` prints."""

    request: ShareRequest
    sync_state: SyncState
    server_version: int | None
    directions: frozenset[Direction]
    queued: tuple[QueuedStep, ...]  # steps of this PC not yet accepted, oldest first
    actions: tuple[RequestAction, ...]  # what the officer may do next

    @property
    def editable(self) -> bool:
        """The content may change: a draft, and no step queued that leaves the draft."""
        waiting = [s.action for s in self.queued if not s.refused]
        return projected_state(self.request.state, waiting) is ShareRequestState.DRAFT


def payload_of(action: RequestAction, text: str, extra: Mapping[str, Any]) -> dict[str, Any]:
    """The body of a step as queued: the text, and what a decision adds (outcome, terms)."""
    body: dict[str, Any] = dict(extra)
    if text or action in TEXT_REQUIRED:
        body["text"] = text
    return body


STATE_LABELS: dict[ShareRequestState, str] = {
    ShareRequestState.DRAFT: QT_TRANSLATE_NOOP("ShareRequests", "Draft"),
    ShareRequestState.SUBMITTED: QT_TRANSLATE_NOOP("ShareRequests", "Submitted to provider"),
    ShareRequestState.AGREED: QT_TRANSLATE_NOOP("ShareRequests", "Agreed"),
    ShareRequestState.DECLINED: QT_TRANSLATE_NOOP("ShareRequests", "Declined"),
    ShareRequestState.FILED: QT_TRANSLATE_NOOP("ShareRequests", "Filed with the authority"),
    ShareRequestState.GRANTED: QT_TRANSLATE_NOOP("ShareRequests", "Granted"),
    ShareRequestState.APPLIED: QT_TRANSLATE_NOOP("ShareRequests", "Applied to the authority"),
    ShareRequestState.EXPLANATION_REQUESTED: QT_TRANSLATE_NOOP(
        "ShareRequests", "Explanation requested"
    ),
    ShareRequestState.EXPLAINED: QT_TRANSLATE_NOOP("ShareRequests", "Explained"),
    ShareRequestState.ESCALATED: QT_TRANSLATE_NOOP("ShareRequests", "Escalated"),
    ShareRequestState.DECIDED_SHARE: QT_TRANSLATE_NOOP("ShareRequests", "Decided: share"),
    ShareRequestState.DECIDED_NO_SHARE: QT_TRANSLATE_NOOP("ShareRequests", "Decided: no share"),
    ShareRequestState.SECRECY_DISPUTE: QT_TRANSLATE_NOOP("ShareRequests", "Secrecy dispute"),
    ShareRequestState.WITHDRAWN: QT_TRANSLATE_NOOP("ShareRequests", "Withdrawn"),
}

ACTION_LABELS: dict[str, str] = {
    "create": QT_TRANSLATE_NOOP("ShareRequests", "Drafted"),
    "edit": QT_TRANSLATE_NOOP("ShareRequests", "Edited"),
    RequestAction.SUBMIT: QT_TRANSLATE_NOOP("ShareRequests", "Submit"),
    RequestAction.AGREE: QT_TRANSLATE_NOOP("ShareRequests", "Agree"),
    RequestAction.DECLINE: QT_TRANSLATE_NOOP("ShareRequests", "Decline"),
    RequestAction.FILE: QT_TRANSLATE_NOOP("ShareRequests", "File"),
    RequestAction.GRANT: QT_TRANSLATE_NOOP("ShareRequests", "Grant"),
    RequestAction.APPLY: QT_TRANSLATE_NOOP("ShareRequests", "Apply to the authority"),
    RequestAction.REQUEST_EXPLANATION: QT_TRANSLATE_NOOP("ShareRequests", "Request an explanation"),
    RequestAction.EXPLAIN: QT_TRANSLATE_NOOP("ShareRequests", "Explain"),
    RequestAction.COORDINATE: QT_TRANSLATE_NOOP("ShareRequests", "Coordinate"),
    RequestAction.ESCALATE: QT_TRANSLATE_NOOP("ShareRequests", "Escalate"),
    RequestAction.DECIDE: QT_TRANSLATE_NOOP("ShareRequests", "Decide"),
    RequestAction.WITHDRAW: QT_TRANSLATE_NOOP("ShareRequests", "Withdraw"),
    RequestAction.DISPUTE_SECRECY: QT_TRANSLATE_NOOP("ShareRequests", "Dispute secrecy"),
    RequestAction.RESOLVE_SECRECY: QT_TRANSLATE_NOOP("ShareRequests", "Resolve secrecy"),
}
