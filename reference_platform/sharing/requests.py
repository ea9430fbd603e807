"""Share requests (共享申请): drafting, the Art. 13 steps, their deadlines, and who sees what.

The requester's unit sees its requests from the draft on; the provider's once submitted;
the competent authority's once filed with it, applied to it, or disputed as secret. Every
other unit gets 404 for the id, exactly as for an unknown one.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel
from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from reference_platform.authority import competent_authority
from reference_platform.calendar import COORDINATION_DAYS, EXPLANATION_DAYS, due_date, is_past
from reference_platform.changes import publish
from reference_platform.context import Principal
from reference_platform.db.database import next_seq
from reference_platform.db.keyset import Page, keyset_page
from reference_platform.db.models import Grant, ShareRequest, ShareRequestEvent, Unit
from reference_platform.preconditions import check_if_match
from reference_platform.problems import ProblemError
from reference_platform.sharing.common import conflict, item_ids_by_name, live_resource_by_code
from reference_platform.sharing.common import not_found as _not_found
from reference_platform.sharing.documents import parties_of, share_request_document
from reference_platform.sharing.grants import create_grant
from reference_platform.sharing.schemas import (
    DecisionCommand,
    GrantCommand,
    SecrecyDetermination,
    ShareRequestCreate,
    ShareRequestFields,
    ShareRequestPatch,
)
from reference_platform.sharing.workflow import STEPS, Party, State, Step, allowed_actions

ENTITY_TYPE = "share_request"
_FIELDS = (
    "provider_unit_code", "resource_code", "data_items", "purpose", "legal_basis",
    "share_method", "use_from", "use_until", "contact_name", "contact_phone",
)  # fmt: skip
_PLAIN = _FIELDS[3:]  # stored under their own names


def not_found(request_id: str) -> ProblemError:
    return _not_found("share request", request_id)


def visible_to(unit_code: str) -> Any:
    """The SQL condition: requests this unit may see."""
    return or_(
        ShareRequest.requester_unit_code == unit_code,
        and_(ShareRequest.provider_unit_code == unit_code, ShareRequest.provider_involved),
        and_(ShareRequest.authority_unit_code == unit_code, ShareRequest.authority_involved),
    )


def get_request(session: Session, unit_code: str, request_id: str) -> ShareRequest:
    """A request the unit may see; 404 otherwise."""
    row = session.scalar(
        select(ShareRequest).where(ShareRequest.id == request_id, visible_to(unit_code))
    )
    if row is None:
        raise not_found(request_id)
    return row


def list_requests(
    session: Session, unit_code: str, limit: int, after: str | None, state: str | None
) -> Page[ShareRequest]:
    """The requests the unit may see, in id order, keyset-paged."""
    query = select(ShareRequest).where(visible_to(unit_code))
    if state is not None:
        query = query.where(ShareRequest.state == state)
    return keyset_page(session, query, ShareRequest.id, limit, after)


def _audience(row: ShareRequest) -> list[str]:
    units = [row.requester_unit_code]
    if row.provider_involved:
        units.append(row.provider_unit_code)
    if row.authority_involved:
        units.append(row.authority_unit_code)
    return units


def _publish(
    session: Session, seq: int, row: ShareRequest, op_id: str | None, now: datetime
) -> None:
    publish(
        session,
        seq=seq,
        unit_codes=_audience(row),
        entity_type=ENTITY_TYPE,
        entity_id=row.id,
        version=row.version,
        kind="upsert",
        data=lambda unit: share_request_document(row, unit),
        op_id=op_id,
        now=now,
    )


def _check_target(session: Session, requester_unit: str, fields: ShareRequestFields) -> None:
    """The provider must be another existing unit with a live resource naming these items."""
    if (
        fields.provider_unit_code == requester_unit
        or session.get(Unit, fields.provider_unit_code) is None
    ):
        raise ProblemError(
            422, "invalid_provider", "The provider must be another unit of the platform."
        )
    resource = live_resource_by_code(session, fields.provider_unit_code, fields.resource_code)
    if resource is None:
        raise ProblemError(
            422,
            "unknown_resource",
            f"Unit {fields.provider_unit_code} has no resource {fields.resource_code}.",
        )
    item_ids_by_name(resource, list(fields.data_items))


def _add_event(
    row: ShareRequest,
    principal: Principal,
    action: str,
    now: datetime,
    *,
    text: str = "",
    from_state: str | None,
    details: dict[str, Any] | None = None,
) -> None:
    row.events.append(
        ShareRequestEvent(
            request_id=row.id,
            seq=len(row.events) + 1,
            action=action,
            at=now,
            actor=principal.username,
            actor_unit_code=principal.unit_code,
            text=text,
            from_state=from_state,
            to_state=row.state,
            details=details or {},
        )
    )


def create_request(
    session: Session,
    principal: Principal,
    request_id: str,
    *,
    body: ShareRequestCreate,
    op_id: str | None,
    now: datetime,
) -> ShareRequest:
    """A draft under the client's UUID; 412 if the id exists anywhere."""
    seq = next_seq(session)
    if session.get(ShareRequest, request_id) is not None:
        raise ProblemError(
            412, "already_exists", f"A share request with id {request_id} already exists."
        )
    _check_target(session, principal.unit_code, body)
    row = ShareRequest(
        id=request_id,
        requester_unit_code=principal.unit_code,
        provider_unit_code=body.provider_unit_code,
        authority_unit_code=competent_authority(session, principal.unit_code),
        resource_code=body.resource_code,
        data_item_names=list(body.data_items),
        **{name: getattr(body, name) for name in _PLAIN},
        state=State.DRAFT,
        provider_involved=False,
        authority_involved=False,
        version=1,
        created_at=now,
        created_by=principal.username,
        updated_at=now,
    )
    row.events = []
    _add_event(row, principal, "create", now, from_state=None)
    session.add(row)
    session.flush()
    _publish(session, seq, row, op_id, now)
    return row


def patch_request(
    session: Session,
    principal: Principal,
    request_id: str,
    *,
    if_match: str | None,
    patch: ShareRequestPatch,
    op_id: str | None,
    now: datetime,
) -> ShareRequest:
    """Change a draft's fields (requester's unit only); 409 once it was submitted."""
    seq = next_seq(session)
    row = get_request(session, principal.unit_code, request_id)
    if principal.unit_code != row.requester_unit_code:
        raise _wrong_party("edit", {Party.REQUESTER})
    check_if_match(if_match, row.version)
    if row.state != State.DRAFT:
        raise _illegal(row, "edit", principal.unit_code)
    sent = patch.model_fields_set
    merged = _fields_of(row).model_copy(update={name: getattr(patch, name) for name in sent})
    if all(getattr(merged, name) == _current(row, name) for name in _FIELDS):
        return row
    _check_target(session, principal.unit_code, merged)
    row.provider_unit_code = merged.provider_unit_code
    row.resource_code = merged.resource_code
    row.data_item_names = list(merged.data_items)
    for name in _PLAIN:
        setattr(row, name, getattr(merged, name))
    row.version += 1
    row.updated_at = now
    _add_event(row, principal, "edit", now, from_state=row.state, details={"fields": sorted(sent)})
    session.flush()
    _publish(session, seq, row, op_id, now)
    return row


def _current(row: ShareRequest, name: str) -> object:
    return list(row.data_item_names) if name == "data_items" else getattr(row, name)


def _wrong_party(action: str, parties: set[Party] | frozenset[Party]) -> ProblemError:
    names = " or ".join(sorted(parties))
    return ProblemError(403, "wrong_party", f"Only the {names} may {action} this request.")


def _illegal(row: ShareRequest, action: str, unit_code: str) -> ProblemError:
    return conflict(
        "invalid_transition",
        f"A request in state '{row.state}' cannot '{action}'.",
        state=row.state,
        allowed_actions=allowed_actions(row.state, parties_of(row, unit_code)),
    )


def _authorise(row: ShareRequest, principal: Principal, step: Step) -> Party:
    """The party the officer acts as: 403 for the wrong unit or a missing role."""
    parties = parties_of(row, principal.unit_code) & step.parties
    if not parties:
        raise _wrong_party(step.action, step.parties)
    for party in sorted(parties):
        if party.value in principal.roles:
            return party
    role = sorted(parties)[0].value
    raise ProblemError(403, "role_required", f"This action needs the role '{role}'.")


def _check_deadlines(row: ShareRequest, step: Step, now: datetime) -> None:
    if step.action == "explain" and row.explanation_due and is_past(row.explanation_due, now):
        raise conflict(
            "deadline_passed",
            f"The explanation was due on {row.explanation_due.isoformat()}.",
            state=row.state,
            due=row.explanation_due.isoformat(),
        )
    if step.action == "coordinate" and row.coordination_due and is_past(row.coordination_due, now):
        raise conflict(
            "deadline_passed",
            f"Coordination was due on {row.coordination_due.isoformat()}; escalate instead.",
            state=row.state,
            due=row.coordination_due.isoformat(),
        )
    if (
        step.action == "escalate"
        and row.state == State.EXPLANATION_REQUESTED
        and row.explanation_due
        and not is_past(row.explanation_due, now)
    ):
        raise conflict(
            "deadline_not_reached",
            "The provider may explain until "
            f"{row.explanation_due.isoformat()}; escalate after that, or after the explanation.",
            state=row.state,
            due=row.explanation_due.isoformat(),
        )


def act(
    session: Session,
    principal: Principal,
    request_id: str,
    action: str,
    body: BaseModel,
    *,
    op_id: str | None,
    now: datetime,
) -> ShareRequest:
    """Take one workflow step: 404 unseen, 403 wrong party or role, 409 wrong state or time."""
    seq = next_seq(session)
    step = STEPS[action]
    row = get_request(session, principal.unit_code, request_id)
    _authorise(row, principal, step)
    if row.state not in step.sources:
        raise _illegal(row, action, principal.unit_code)
    _check_deadlines(row, step, now)
    before = row.state
    details: dict[str, Any] = {}
    _bookkeeping(session, row, action, now, details)
    grant = _outcome(session, row, principal, action=action, body=body, now=now, details=details)
    if step.target is not None:
        row.state = step.target
    if grant is not None:
        row.grant_id = grant.id
        details["grant_id"] = grant.id
    row.version += 1
    row.updated_at = now
    text = str(getattr(body, "text", ""))
    _add_event(row, principal, action, now, text=text, from_state=before, details=details)
    session.flush()
    _publish(session, seq, row, op_id, now)
    return row


def _bookkeeping(
    session: Session, row: ShareRequest, action: str, now: datetime, details: dict[str, Any]
) -> None:
    """Who gets involved, and which statutory period starts, with this step."""
    if action == "submit":
        _check_target(session, row.requester_unit_code, _fields_of(row))
        row.provider_involved = True
    elif action in {"file", "apply"}:
        row.authority_involved = True
    elif action == "request-explanation":
        row.explanation_due = due_date(now, EXPLANATION_DAYS)
        details["explanation_due"] = row.explanation_due.isoformat()
    elif action == "explain":
        row.coordination_due = due_date(now, COORDINATION_DAYS)
        details["coordination_due"] = row.coordination_due.isoformat()
    elif action == "dispute-secrecy":
        row.authority_involved = True
        row.resume_state = row.state


def _outcome(
    session: Session,
    row: ShareRequest,
    principal: Principal,
    *,
    action: str,
    body: BaseModel,
    now: datetime,
    details: dict[str, Any],
) -> Grant | None:
    """The state a decision leads to, and the grant a decision to share creates."""
    if action == "grant":
        assert isinstance(body, GrantCommand)  # noqa: S101 - the route parsed it per action
        return create_grant(session, row, body.terms, principal, now)
    if action in {"coordinate", "decide"}:
        assert isinstance(body, DecisionCommand)  # noqa: S101
        details["outcome"] = body.outcome
        if body.outcome == "no_share":
            row.state = State.DECIDED_NO_SHARE
            return None
        row.state = State.DECIDED_SHARE
        return create_grant(session, row, body.terms, principal, now)
    if action == "resolve-secrecy":
        assert isinstance(body, SecrecyDetermination)  # noqa: S101
        details.update(determination=body.determination, reference=body.reference)
        secret = body.determination == "secret"
        row.state = State.DECIDED_NO_SHARE if secret else _resume(row, now)
        row.resume_state = None
    return None


def _resume(row: ShareRequest, now: datetime) -> str:
    """Back to the state before the dispute; a running statutory period starts afresh."""
    state = row.resume_state or State.SUBMITTED
    if state == State.EXPLANATION_REQUESTED:
        row.explanation_due = due_date(now, EXPLANATION_DAYS)
    elif state == State.EXPLAINED:
        row.coordination_due = due_date(now, COORDINATION_DAYS)
    return state


def _fields_of(row: ShareRequest) -> ShareRequestFields:
    return ShareRequestFields(
        provider_unit_code=row.provider_unit_code,
        resource_code=row.resource_code,
        data_items=list(row.data_item_names),
        **{name: getattr(row, name) for name in _PLAIN},
    )
