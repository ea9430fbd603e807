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
from datetime import date
from enum import StrEnum
from typing import Any

from govshare_desktop.domain.attachments import Attachment
from govshare_desktop.domain.clock import Clock
from govshare_desktop.domain.entities import Grant, ShareRequest
from govshare_desktop.domain.enums import ShareRequestState, SyncState
from govshare_desktop.domain.share_workflow import (
    COMMAND_FORMS,
    STEPS,
    CommandField,
    GrantTerms,
    Party,
    RequestAction,
    RequestCommand,
    RequestPosition,
    actions_now,
    allowed_actions,
    involved_after,
)

# The draft's content as it travels (the platform's field names): editable while a draft.
CONTENT_FIELDS = (
    "provider_unit_code", "resource_code", "data_items", "purpose", "legal_basis",
    "share_method", "use_from", "use_until", "contact_name", "contact_phone",
)  # fmt: skip


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


def position_of(
    request: ShareRequest, queued: Iterable[RequestAction] = (), viewer: Set[Party] = frozenset()
) -> RequestPosition:
    """Where the request stands for the workflow machine once the queued steps are taken:
    its state, the state a dispute returns to, the running due dates and who it reached
    (its history says; a request the platform served to the `viewer` has reached them)."""
    queued = list(queued)
    served_to = frozenset(viewer) if request.state is not ShareRequestState.DRAFT else frozenset()
    history = [event.action for event in request.events] + [a.value for a in queued]
    return RequestPosition(
        state=projected_state(request.state, queued),
        resume_state=request.resume_state,
        explanation_due=request.explanation_due,
        coordination_due=request.coordination_due,
        involved=involved_after(history) | served_to,
    )


def available_actions(
    request: ShareRequest,
    unit_code: str,
    roles: Set[str],
    queued: Iterable[RequestAction] = (),
    *,
    clock: Clock | None = None,
) -> list[RequestAction]:
    """What the officer may do next. The platform's `allowed_actions` win when it served
    them and nothing is queued here since; otherwise the domain's machine decides, from the
    position the queued steps lead to, deadlines included when a clock is given (offline
    drafting)."""
    queued = list(queued)
    parties = acting_parties(request, unit_code, roles)
    if request.allowed_actions is not None and not queued:
        served = [RequestAction(a) for a in request.allowed_actions if a in _KNOWN]
        return [a for a in served if STEPS[a].parties & parties]
    if clock is None:
        return allowed_actions(projected_state(request.state, queued), parties)
    return actions_now(position_of(request, queued, parties), parties, clock=clock)


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
    # read with one request (`get`), not with the lists: its 附件, and the grant it brought
    attachments: tuple[Attachment, ...] = ()
    grant: Grant | None = None

    @property
    def editable(self) -> bool:
        """The content may change: a draft, and no step queued that leaves the draft."""
        waiting = [s.action for s in self.queued if not s.refused]
        return projected_state(self.request.state, waiting) is ShareRequestState.DRAFT


def command_of(action: RequestAction, text: str, extra: Mapping[str, Any]) -> RequestCommand:
    """A step as drafted, checked by the workflow machine (the fields each step requires:
    reasons, an outcome, a determination); `KnownError` in plain words otherwise."""
    terms = extra.get("terms")
    if isinstance(terms, Mapping):
        terms = _terms_of(terms)
    return RequestCommand(
        action=action,
        text=text,
        outcome=extra.get("outcome"),
        terms=terms,
        determination=extra.get("determination"),
        reference=str(extra.get("reference", "")),
    )


def payload_of(action: RequestAction, text: str, extra: Mapping[str, Any]) -> dict[str, Any]:
    """The body of a step as queued: the text, and what a decision adds (outcome, terms)."""
    body: dict[str, Any] = dict(extra)
    if text or COMMAND_FORMS[action].allows(CommandField.TEXT):
        body["text"] = text
    return body


def _terms_of(raw: Mapping[str, Any]) -> GrantTerms:
    """Grant terms as a step's body carries them (wire names, ISO dates)."""
    items = raw.get("data_items")
    return GrantTerms(
        data_items=tuple(items) if items is not None else None,
        valid_from=_day(raw.get("valid_from")),
        valid_to=_day(raw.get("valid_to")),
        allow_offline_cache=bool(raw.get("allow_offline_cache", False)),
        allow_export=bool(raw.get("allow_export", False)),
    )


def _day(value: object) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))
