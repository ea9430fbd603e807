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

Beyond the table, this module is the machine the desktop drafts with: the fields each step
needs (`COMMAND_FORMS`, checked when a `RequestCommand` is made, as the platform checks its
bodies), and `check_step` / `target_state` / `advance`, which refuse a step exactly where
the platform would — a unit the request has not reached, the wrong party, the wrong state, a
deadline — with a `KnownError`, and otherwise say where it leads. A `RequestPosition` holds
what that needs: the state, the state a secrecy dispute returns to, the due dates and who
has been brought in.
"""

from __future__ import annotations

from collections.abc import Iterable, Set
from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum

from govshare_desktop.domain.clock import Clock
from govshare_desktop.domain.deadlines import (
    CALENDAR_DAYS,
    DeadlineCalendar,
    coordination_due,
    explanation_due,
    is_past,
)
from govshare_desktop.domain.enums import ShareRequestState
from govshare_desktop.domain.errors import ErrorCode, KnownError


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


# -- the fields each step takes (the platform's COMMAND_BODIES) ------------------------------

TEXT_MAX = 4000  # a step's text
REFERENCE_MAX = 200  # the secrecy bureau's document number
TERM_ITEMS_MAX = 500  # data items a grant may name
ITEM_NAME_MAX = 100
EARLIEST_GRANT_DAY = date(2000, 1, 1)
LATEST_GRANT_DAY = date(2999, 12, 31)
# Unicode White_Space, as the platform's pattern reads "blank" (U+3000, the full-width space
# of Chinese input methods, is one; the separators U+001C-U+001F are not).
_BLANK = frozenset("\t\n\v\f\r \x85\xa0\u1680\u2028\u2029\u202f\u205f\u3000") | frozenset(
    chr(c) for c in range(0x2000, 0x200B)
)


class DecisionOutcome(StrEnum):
    """What coordination or a decision concludes."""

    SHARE = "share"
    NO_SHARE = "no_share"


class SecrecyDetermination(StrEnum):
    """The secrecy bureau's determination (Art. 12 §3)."""

    SECRET = "secret"  # noqa: S105 - a determination, not a password
    NOT_SECRET = "not_secret"  # noqa: S105


class CommandField(StrEnum):
    """A field of a step's body, named as the platform names it."""

    TEXT = "text"
    OUTCOME = "outcome"
    TERMS = "terms"
    DETERMINATION = "determination"
    REFERENCE = "reference"


@dataclass(frozen=True, slots=True)
class CommandForm:
    """The fields of one step: those it needs and those it may carry (a form to draw)."""

    required: frozenset[CommandField]
    optional: frozenset[CommandField]

    def allows(self, name: CommandField) -> bool:
        return name in self.required or name in self.optional


_F = CommandField
_NOTE = CommandForm(frozenset(), frozenset({_F.TEXT}))
_REASONED = CommandForm(frozenset({_F.TEXT}), frozenset())
_GRANT = CommandForm(frozenset(), frozenset({_F.TEXT, _F.TERMS}))
_DECISION = CommandForm(frozenset({_F.OUTCOME, _F.TEXT}), frozenset({_F.TERMS}))
_SECRECY = CommandForm(frozenset({_F.DETERMINATION, _F.TEXT}), frozenset({_F.REFERENCE}))

COMMAND_FORMS: dict[RequestAction, CommandForm] = {
    _ACT.SUBMIT: _NOTE,
    _ACT.AGREE: _NOTE,
    _ACT.DECLINE: _REASONED,
    _ACT.FILE: _NOTE,
    _ACT.GRANT: _GRANT,
    _ACT.APPLY: _REASONED,
    _ACT.REQUEST_EXPLANATION: _NOTE,
    _ACT.EXPLAIN: _REASONED,
    _ACT.COORDINATE: _DECISION,
    _ACT.ESCALATE: _REASONED,
    _ACT.DECIDE: _DECISION,
    _ACT.WITHDRAW: _NOTE,
    _ACT.DISPUTE_SECRECY: _REASONED,
    _ACT.RESOLVE_SECRECY: _SECRECY,
}


def is_blank(text: str) -> bool:
    """True when `text` has nothing but white space (full-width spaces included)."""
    return all(char in _BLANK for char in text)


@dataclass(frozen=True, slots=True)
class GrantTerms:
    """The terms of a grant; unset: every requested item, from the day of the grant, a year."""

    data_items: tuple[str, ...] | None = None
    valid_from: date | None = None
    valid_to: date | None = None
    allow_offline_cache: bool = False
    allow_export: bool = False


@dataclass(frozen=True, slots=True)
class RequestCommand:
    """One step as drafted, checked when made: a command that exists has the fields it needs.

    Raises `KnownError` (REQUEST_TEXT_REQUIRED, REQUEST_OUTCOME_REQUIRED, ...) otherwise.
    """

    action: RequestAction
    text: str = ""
    outcome: DecisionOutcome | None = None
    terms: GrantTerms | None = None
    determination: SecrecyDetermination | None = None
    reference: str = ""

    def __post_init__(self) -> None:
        # Codes read from the store or the wire may arrive as plain strings.
        object.__setattr__(self, "action", RequestAction(self.action))
        if self.outcome is not None:
            object.__setattr__(self, "outcome", DecisionOutcome(self.outcome))
        if self.determination is not None:
            object.__setattr__(self, "determination", SecrecyDetermination(self.determination))
        _check_fields(self)


def _present(command: RequestCommand) -> set[CommandField]:
    present = {_F.TEXT} if command.text else set()
    present |= {_F.OUTCOME} if command.outcome is not None else set()
    present |= {_F.TERMS} if command.terms is not None else set()
    present |= {_F.DETERMINATION} if command.determination is not None else set()
    return present | ({_F.REFERENCE} if command.reference else set())


def _check_fields(command: RequestCommand) -> None:
    action, form = command.action, COMMAND_FORMS[command.action]
    for name in sorted(_present(command)):
        if not form.allows(name):
            raise KnownError(ErrorCode.REQUEST_FIELD_NOT_ALLOWED, action=action, field=name)
    if _F.OUTCOME in form.required and command.outcome is None:
        raise KnownError(ErrorCode.REQUEST_OUTCOME_REQUIRED, action=action)
    if _F.DETERMINATION in form.required and command.determination is None:
        raise KnownError(ErrorCode.REQUEST_DETERMINATION_REQUIRED, action=action)
    _check_text(action, _F.TEXT, command.text, TEXT_MAX)
    if _F.TEXT in form.required and is_blank(command.text):
        raise KnownError(ErrorCode.REQUEST_TEXT_REQUIRED, action=action)
    _check_text(action, _F.REFERENCE, command.reference, REFERENCE_MAX)
    if command.terms is not None:
        if command.outcome is DecisionOutcome.NO_SHARE:
            raise KnownError(ErrorCode.REQUEST_TERMS_ONLY_TO_SHARE, action=action)
        _check_terms(command.terms)


def _check_text(action: RequestAction, name: CommandField, text: str, limit: int) -> None:
    if len(text) > limit:
        raise KnownError(
            ErrorCode.REQUEST_TEXT_TOO_LONG, action=action, field=name, length=len(text), max=limit
        )
    if "\x00" in text:
        raise KnownError(
            ErrorCode.REQUEST_TEXT_BAD_CHARACTER, action=action, field=name, char="U+0000"
        )


def _check_terms(terms: GrantTerms) -> None:
    items = terms.data_items
    if items is not None and (
        not 1 <= len(items) <= TERM_ITEMS_MAX
        or any(not 1 <= len(name) <= ITEM_NAME_MAX or "\x00" in name for name in items)
    ):
        raise KnownError(
            ErrorCode.REQUEST_GRANT_ITEMS_INVALID, max=TERM_ITEMS_MAX, length=ITEM_NAME_MAX
        )
    days = [d for d in (terms.valid_from, terms.valid_to) if d is not None]
    backwards = terms.valid_from and terms.valid_to and terms.valid_to < terms.valid_from
    if backwards or any(not EARLIEST_GRANT_DAY <= d <= LATEST_GRANT_DAY for d in days):
        raise KnownError(
            ErrorCode.REQUEST_GRANT_PERIOD_INVALID,
            valid_from=terms.valid_from.isoformat() if terms.valid_from else "",
            valid_to=terms.valid_to.isoformat() if terms.valid_to else "",
        )


# -- the machine ------------------------------------------------------------------------------

# Steps that bring a party in: it sees the request (on the platform, in its inbox) from then on.
_BRINGS_IN: dict[RequestAction, Party] = {
    _ACT.SUBMIT: _P,
    _ACT.FILE: _A,
    _ACT.APPLY: _A,
    _ACT.DISPUTE_SECRECY: _A,
}


@dataclass(frozen=True, slots=True)
class RequestPosition:
    """Where one request stands, as much as the workflow needs to take the next step.

    `resume_state` is the state a secrecy dispute returns to (set by the dispute, cleared by
    the determination; a request withdrawn while disputed keeps it, as on the platform);
    `involved` are the parties the request has reached: the requester from the draft on,
    the provider once submitted, the authority once filed, applied to or disputed.
    """

    state: ShareRequestState = S.DRAFT
    resume_state: ShareRequestState | None = None
    explanation_due: date | None = None
    coordination_due: date | None = None
    involved: frozenset[Party] = field(default_factory=lambda: frozenset({_R}))

    def __post_init__(self) -> None:
        # Codes read from the store or the wire may arrive as plain strings.
        object.__setattr__(self, "state", ShareRequestState(self.state))
        if self.resume_state is not None:
            object.__setattr__(self, "resume_state", ShareRequestState(self.resume_state))
        object.__setattr__(self, "involved", frozenset(Party(p) for p in self.involved))


def involved_after(actions: Iterable[str]) -> frozenset[Party]:
    """The parties a request has reached after these steps (its history's action names;
    names that are not steps, like the platform's `create` and `edit`, bring nobody in)."""
    involved = {_R}
    for name in actions:
        if name in RequestAction.__members__.values():
            party = _BRINGS_IN.get(RequestAction(name))
            if party is not None:
                involved.add(party)
    return frozenset(involved)


def _deadline_problem(
    position: RequestPosition, action: RequestAction, clock: Clock
) -> KnownError | None:
    """Why the clock forbids this step now (the platform's deadline rules), if it does."""
    now = clock.now()
    due = position.explanation_due
    if action is _ACT.EXPLAIN and due is not None and is_past(due, now):
        return KnownError(ErrorCode.REQUEST_DEADLINE_PASSED, action=action, due=due.isoformat())
    waiting = action is _ACT.ESCALATE and position.state is S.EXPLANATION_REQUESTED
    if waiting and due is not None and not is_past(due, now):
        return KnownError(ErrorCode.REQUEST_DEADLINE_NOT_REACHED, due=due.isoformat())
    due = position.coordination_due
    if action is _ACT.COORDINATE and due is not None and is_past(due, now):
        return KnownError(ErrorCode.REQUEST_DEADLINE_PASSED, action=action, due=due.isoformat())
    return None


def check_step(
    position: RequestPosition, action: RequestAction, parties: Set[Party], *, clock: Clock
) -> Step:
    """The step, if these parties may take it now; `KnownError` saying why not otherwise.

    Checked in the platform's order: the request must have reached one of the parties
    (REQUEST_NOT_INVOLVED, the platform's 404), the step must be theirs (REQUEST_WRONG_PARTY),
    the state must allow it (REQUEST_INVALID_TRANSITION), and so must the deadlines.
    """
    action = RequestAction(action)
    step = STEPS[action]
    if not parties & position.involved:
        raise KnownError(ErrorCode.REQUEST_NOT_INVOLVED, action=action)
    if not parties & step.parties:
        takers = tuple(p for p in Party if p in step.parties)
        raise KnownError(ErrorCode.REQUEST_WRONG_PARTY, action=action, parties=takers)
    if position.state not in step.sources:
        raise KnownError(
            ErrorCode.REQUEST_INVALID_TRANSITION,
            action=action,
            state=position.state,
            allowed=tuple(allowed_actions(position.state, parties)),
        )
    problem = _deadline_problem(position, action, clock)
    if problem is not None:
        raise problem
    return step


def target_state(
    position: RequestPosition, command: RequestCommand, parties: Set[Party], *, clock: Clock
) -> ShareRequestState:
    """Where `command` leads from `position`, or `KnownError` if these parties may not take it.

    Coordination and decisions lead to decided_share or decided_no_share by their outcome;
    a secrecy determination to decided_no_share (secret) or back to the state before the
    dispute (not secret; submitted if that state is unknown, as on the platform).
    """
    step = check_step(position, command.action, parties, clock=clock)
    if step.target is not None:
        return step.target
    if command.outcome is not None:
        return S.DECIDED_SHARE if command.outcome is DecisionOutcome.SHARE else S.DECIDED_NO_SHARE
    if command.determination is SecrecyDetermination.SECRET:
        return S.DECIDED_NO_SHARE
    return position.resume_state or S.SUBMITTED


def advance(
    position: RequestPosition,
    command: RequestCommand,
    parties: Set[Party],
    *,
    clock: Clock,
    calendar: DeadlineCalendar = CALENDAR_DAYS,
) -> RequestPosition:
    """The position after `command`, with the due dates it starts (counted with `calendar`):
    the explanation's from its request, coordination's from the explanation, and a running
    period afresh when a dispute ends (as the platform does). Refusals as `target_state`."""
    target = target_state(position, command, parties, clock=clock)
    action, now = command.action, clock.now()
    brought_in = _BRINGS_IN.get(action)
    involved = position.involved | {brought_in} if brought_in else position.involved
    resumed = action is _ACT.RESOLVE_SECRECY
    resume_state = None if resumed else position.resume_state
    if action is _ACT.DISPUTE_SECRECY:
        resume_state = position.state
    explanation, coordination = position.explanation_due, position.coordination_due
    if action is _ACT.REQUEST_EXPLANATION or (resumed and target is S.EXPLANATION_REQUESTED):
        explanation = explanation_due(now, calendar)
    if action is _ACT.EXPLAIN or (resumed and target is S.EXPLAINED):
        coordination = coordination_due(now, calendar)
    return replace(
        position,
        state=target,
        resume_state=resume_state,
        explanation_due=explanation,
        coordination_due=coordination,
        involved=frozenset(involved),
    )


def running_deadline(position: RequestPosition) -> date | None:
    """The due date of the statutory period running now, for a countdown: the provider's
    explanation while it is awaited, the authority's coordination once explained."""
    if position.state is S.EXPLANATION_REQUESTED:
        return position.explanation_due
    if position.state is S.EXPLAINED:
        return position.coordination_due
    return None


def actions_now(
    position: RequestPosition, parties: Set[Party], *, clock: Clock
) -> list[RequestAction]:
    """The steps these parties may take now, deadlines and involvement included: what to
    offer offline (online, the platform's `allowed_actions` on the request decides)."""
    if not parties & position.involved:
        return []
    return [
        action
        for action in allowed_actions(position.state, parties)
        if _deadline_problem(position, action, clock) is None
    ]
