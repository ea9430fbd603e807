"""The Art. 13 workflow as data: which party, with which role, may take which step from where.

Negotiation: the requester submits to the provider, who agrees or declines with reasons.
Agreed → the requester files it with the authority, which grants. Declined → the requester
applies to the authority, which asks the provider for a written explanation (15 days),
then records the coordination result (30 days after the explanation) or escalates and
decides with the staffing and secrecy departments. A secrecy dispute (Art. 12 §3) pauses
the request until the authority records the secrecy bureau's determination.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Party(StrEnum):
    """Who stands where in a request."""

    REQUESTER = "requester"
    PROVIDER = "provider"
    AUTHORITY = "authority"


class State(StrEnum):
    """The states of a share request (the names the desktop uses too)."""

    DRAFT = "draft"
    SUBMITTED = "submitted"
    AGREED = "agreed"
    DECLINED = "declined"
    FILED = "filed"
    GRANTED = "granted"
    APPLIED = "applied"
    EXPLANATION_REQUESTED = "explanation_requested"
    EXPLAINED = "explained"
    ESCALATED = "escalated"
    DECIDED_SHARE = "decided_share"
    DECIDED_NO_SHARE = "decided_no_share"
    SECRECY_DISPUTE = "secrecy_dispute"
    WITHDRAWN = "withdrawn"


FINAL = frozenset({State.GRANTED, State.DECIDED_SHARE, State.DECIDED_NO_SHARE, State.WITHDRAWN})
OPEN_AFTER_SUBMISSION = frozenset(
    {
        State.SUBMITTED,
        State.AGREED,
        State.DECLINED,
        State.FILED,
        State.APPLIED,
        State.EXPLANATION_REQUESTED,
        State.EXPLAINED,
        State.ESCALATED,
    }
)


@dataclass(frozen=True, slots=True)
class Step:
    """One command: the parties that may take it (the role is the party's name) and from where.

    `target` is None when the body decides it (an outcome or a determination).
    """

    action: str
    parties: frozenset[Party]
    sources: frozenset[State]
    target: State | None


def _step(action: str, parties: set[Party], sources: set[State], target: State | None) -> Step:
    return Step(action, frozenset(parties), frozenset(sources), target)


R, P, A = Party.REQUESTER, Party.PROVIDER, Party.AUTHORITY
S = State

STEPS: dict[str, Step] = {
    step.action: step
    for step in (
        _step("submit", {R}, {S.DRAFT}, S.SUBMITTED),
        _step("agree", {P}, {S.SUBMITTED}, S.AGREED),
        _step("decline", {P}, {S.SUBMITTED}, S.DECLINED),
        _step("file", {R}, {S.AGREED}, S.FILED),
        _step("grant", {A}, {S.FILED}, S.GRANTED),
        _step("apply", {R}, {S.DECLINED}, S.APPLIED),
        _step("request-explanation", {A}, {S.APPLIED}, S.EXPLANATION_REQUESTED),
        _step("explain", {P}, {S.EXPLANATION_REQUESTED}, S.EXPLAINED),
        _step("coordinate", {A}, {S.EXPLAINED}, None),
        # From explanation_requested only once the provider's 15 days have passed unanswered.
        _step("escalate", {A}, {S.EXPLAINED, S.EXPLANATION_REQUESTED}, S.ESCALATED),
        _step("decide", {A}, {S.ESCALATED}, None),
        _step("withdraw", {R}, {S.DRAFT, S.SECRECY_DISPUTE} | OPEN_AFTER_SUBMISSION, S.WITHDRAWN),
        _step("dispute-secrecy", {P, A}, set(OPEN_AFTER_SUBMISSION), S.SECRECY_DISPUTE),
        _step("resolve-secrecy", {A}, {S.SECRECY_DISPUTE}, None),
    )
}


def allowed_actions(state: str, parties: set[Party]) -> list[str]:
    """The actions these parties may take now (deadlines aside), in workflow order."""
    return [
        name for name, step in STEPS.items() if state in step.sources and step.parties & parties
    ]
