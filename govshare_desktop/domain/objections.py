"""Objections (异议, Art. 16): the checks made before one is queued, and how one is shown.

A grantee raises an objection about granted data (its accuracy, completeness or
timeliness, naming the data item when it concerns one); the provider answers once —
accepted, corrected or rejected — with its text. The platform owns the state; the desktop
checks what it can offline, in the platform's terms (`ObjectionCreate`, `ObjectionAnswer`),
so an officer hears of a mistake at once rather than after the next sync.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from govshare_desktop.domain.entities import Grant, Objection
from govshare_desktop.domain.enums import (
    ObjectionAspect,
    ObjectionOutcome,
    ObjectionState,
    SyncState,
)
from govshare_desktop.domain.errors import ErrorCode, KnownError
from govshare_desktop.domain.share_workflow import is_blank

TEXT_MAX = 4000  # the platform's `RequiredText`
ANSWER = "answer"  # the action an answer op carries in its payload (`OutboxOp.STEP`)
RAISER_ROLE, ANSWER_ROLE = "requester", "provider"  # the platform's roles for each


class ObjectionDirection(StrEnum):
    """Raised by this unit (out), or addressed to it as the provider (in)."""

    OUTGOING = "out"
    INCOMING = "in"


def direction_of(objection: Objection, unit_code: str) -> ObjectionDirection | None:
    if objection.provider_unit_code == unit_code:
        return ObjectionDirection.INCOMING
    if objection.raiser_unit_code == unit_code:
        return ObjectionDirection.OUTGOING
    return None


def checked_text(text: str, field: str) -> str:
    """`text` stripped, as the platform takes it: not blank, at most TEXT_MAX characters."""
    text = text.strip()
    if not text or is_blank(text):
        raise KnownError(ErrorCode.OBJECTION_TEXT_REQUIRED, field=field)
    if len(text) > TEXT_MAX:
        raise KnownError(
            ErrorCode.OBJECTION_TEXT_TOO_LONG, field=field, length=len(text), max=TEXT_MAX
        )
    return text


def checked_aspect(aspect: ObjectionAspect | str) -> ObjectionAspect:
    try:
        return ObjectionAspect(aspect)
    except ValueError:
        raise KnownError(ErrorCode.OBJECTION_ASPECT_INVALID, aspect=str(aspect)) from None


def checked_outcome(outcome: ObjectionOutcome | str) -> ObjectionOutcome:
    try:
        return ObjectionOutcome(outcome)
    except ValueError:
        raise KnownError(ErrorCode.OBJECTION_OUTCOME_INVALID, outcome=str(outcome)) from None


def checked_item(grant: Grant, data_item: str | None) -> str:
    """The data item named (stripped; "" for the whole resource), which the grant must grant."""
    name = (data_item or "").strip()
    if name and name not in grant.data_item_names:
        raise KnownError(
            ErrorCode.OBJECTION_ITEM_NOT_GRANTED,
            item=name,
            granted="、".join(grant.data_item_names) or "-",
        )
    return name


def content_of(objection: Objection) -> dict[str, Any]:
    """What the raiser sends (an `ObjectionCreate` in the client's terms): tracked content."""
    return {
        "grant_id": objection.grant_id,
        "data_item": objection.data_item_name or None,
        "aspect": objection.aspect.value,
        "description": objection.description,
    }


def answer_payload(outcome: ObjectionOutcome, text: str) -> dict[str, Any]:
    """The payload of an answer's op: the action and the `ObjectionAnswer` body."""
    return {"action": ANSWER, "body": {"outcome": outcome.value, "text": text}}


def answer_of(payload: Mapping[str, Any]) -> tuple[ObjectionOutcome | None, str]:
    body = payload.get("body") or {}
    try:
        outcome: ObjectionOutcome | None = ObjectionOutcome(str(body.get("outcome")))
    except ValueError:
        outcome = None
    return outcome, str(body.get("text") or "")


@dataclass(frozen=True, slots=True)
class QueuedObjectionOp:
    """An op of this PC for an objection not yet accepted: the raise, or the answer."""

    seq: int
    action: str  # "raise" or ANSWER
    outcome: ObjectionOutcome | None
    text: str
    refused: bool
    http_status: int | None
    error: str


@dataclass(frozen=True, slots=True)
class ObjectionView:
    """An objection as a list or the CLI shows it: the platform's record (or our draft),
    where it stands in sync, which side of it this unit is, and what waits to be sent."""

    objection: Objection
    sync_state: SyncState
    server_version: int | None
    direction: ObjectionDirection | None
    queued: tuple[QueuedObjectionOp, ...] = ()

    @property
    def answer_queued(self) -> bool:
        return any(op.action == ANSWER and not op.refused for op in self.queued)

    @property
    def answerable(self) -> bool:
        """This unit is the provider, the platform waits for its answer, none is queued."""
        return (
            self.direction is ObjectionDirection.INCOMING
            and self.objection.state is ObjectionState.SUBMITTED
            and not self.answer_queued
        )
