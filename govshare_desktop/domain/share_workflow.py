"""The Art. 13 workflow as data: which party may take which step of a share request, from where.

Negotiation first: the requester submits to the provider, who agrees or declines with reasons.
Agreed → the requester files it with the authority, which grants. Declined → the requester
applies to the authority, which asks the provider for a written explanation (15 days), then
records the coordination result (30 days after the explanation) or escalates and decides with
the staffing and secrecy departments. A secrecy dispute (Art. 12 §3) pauses the request until
the authority records the secrecy bureau's determination.

The desktop drafts and queues steps offline with this table; once online, the platform's
`allowed_actions` on each request is the authority (it also knows deadlines and history).
The action names are the platform's path segments (`/share-requests/{id}/<action>`).
"""

from __future__ import annotations

from collections.abc import Set
from dataclasses import dataclass
from enum import StrEnum

from govshare_desktop.domain.enums import ShareRequestState


class Party(StrEnum):
    """Where a unit stands in one request; a unit's role name on the platform is the same word."""

    REQUESTER = "requester"
    PROVIDER = "provider"
    AUTHORITY = "authority"


class RequestAction(StrEnum):
    """A workflow step, named as the platform names its endpoint."""

    SUBMIT = "submit"
    AGREE = "agree"
    DECLINE = "decline"
    FILE = "file"
    GRANT = "grant"
    APPLY = "apply"
    REQUEST_EXPLANATION = "request-explanation"
    EXPLAIN = "explain"
    COORDINATE = "coordinate"
    ESCALATE = "escalate"
    DECIDE = "decide"
    WITHDRAW = "withdraw"
    DISPUTE_SECRECY = "dispute-secrecy"
    RESOLVE_SECRECY = "resolve-secrecy"


S = ShareRequestState

FINAL_STATES = frozenset({S.GRANTED, S.DECIDED_SHARE, S.DECIDED_NO_SHARE, S.WITHDRAWN})
OPEN_AFTER_SUBMISSION = frozenset(
    {
        S.SUBMITTED,
        S.AGREED,
        S.DECLINED,
        S.FILED,
        S.APPLIED,
        S.EXPLANATION_REQUESTED,
        S.EXPLAINED,
        S.ESCALATED,
    }
)


@dataclass(frozen=True, slots=True)
class Step:
    """One workflow step: who may take it, from which states, and where it leads.

    `target` is None when the step's body decides it (an outcome or a determination).
    """

    action: RequestAction
    parties: frozenset[Party]
    sources: frozenset[ShareRequestState]
    target: ShareRequestState | None


def _step(
    action: RequestAction,
    parties: Set[Party],
    sources: Set[ShareRequestState],
    target: ShareRequestState | None,
) -> Step:
    return Step(action, frozenset(parties), frozenset(sources), target)


_R, _P, _A = Party.REQUESTER, Party.PROVIDER, Party.AUTHORITY
_ACT = RequestAction

STEPS: dict[RequestAction, Step] = {
    step.action: step
    for step in (
        _step(_ACT.SUBMIT, {_R}, {S.DRAFT}, S.SUBMITTED),
        _step(_ACT.AGREE, {_P}, {S.SUBMITTED}, S.AGREED),
        _step(_ACT.DECLINE, {_P}, {S.SUBMITTED}, S.DECLINED),
        _step(_ACT.FILE, {_R}, {S.AGREED}, S.FILED),
        _step(_ACT.GRANT, {_A}, {S.FILED}, S.GRANTED),
        _step(_ACT.APPLY, {_R}, {S.DECLINED}, S.APPLIED),
        _step(_ACT.REQUEST_EXPLANATION, {_A}, {S.APPLIED}, S.EXPLANATION_REQUESTED),
        _step(_ACT.EXPLAIN, {_P}, {S.EXPLANATION_REQUESTED}, S.EXPLAINED),
        _step(_ACT.COORDINATE, {_A}, {S.EXPLAINED}, None),
        # From explanation_requested only once the provider's 15 days have passed unanswered.
        _step(_ACT.ESCALATE, {_A}, {S.EXPLAINED, S.EXPLANATION_REQUESTED}, S.ESCALATED),
        _step(_ACT.DECIDE, {_A}, {S.ESCALATED}, None),
        _step(
            _ACT.WITHDRAW, {_R}, {S.DRAFT, S.SECRECY_DISPUTE} | OPEN_AFTER_SUBMISSION, S.WITHDRAWN
        ),
        _step(_ACT.DISPUTE_SECRECY, {_P, _A}, OPEN_AFTER_SUBMISSION, S.SECRECY_DISPUTE),
        _step(_ACT.RESOLVE_SECRECY, {_A}, {S.SECRECY_DISPUTE}, None),
    )
}


def allowed_actions(state: ShareRequestState, parties: Set[Party]) -> list[RequestAction]:
    """The steps these parties may take now (deadlines aside), in workflow order."""
    return [
        action for action, step in STEPS.items() if state in step.sources and step.parties & parties
    ]
