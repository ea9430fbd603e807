"""What the officer may do next with a request, offline: the platform's word when it gave
one and nothing is queued since, else the workflow table from where the queue leads, for
the parties the officer's unit and roles make them."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta, timezone

from govshare_desktop.domain.clock import FixedClock
from govshare_desktop.domain.entities import ShareRequest
from govshare_desktop.domain.enums import ShareRequestState
from govshare_desktop.domain.share_requests import (
    Direction,
    acting_parties,
    available_actions,
    directions_of,
    projected_state,
)
from govshare_desktop.domain.share_workflow import Party, RequestAction

S, A = ShareRequestState, RequestAction
REQUEST = ShareRequest(
    requester_unit_code="SJZ-MZ", provider_unit_code="SJZ-GA", authority_unit_code="SJZ-XXGX",
    resource_code="101001/000001", purpose="核验。",
)  # fmt: skip


def test_a_draft_never_served_follows_the_table() -> None:
    assert available_actions(REQUEST, "SJZ-MZ", {"requester"}) == [A.SUBMIT, A.WITHDRAW]
    assert available_actions(REQUEST, "SJZ-GA", {"provider"}) == []


def test_queued_steps_move_the_state_the_table_is_read_from() -> None:
    assert projected_state(S.DRAFT, [A.SUBMIT]) is S.SUBMITTED
    assert projected_state(S.EXPLAINED, [A.COORDINATE]) is S.EXPLAINED  # the body decides
    served = replace(REQUEST, state=S.DECLINED, allowed_actions=("apply", "withdraw"))
    assert available_actions(served, "SJZ-MZ", {"requester"}) == [A.APPLY, A.WITHDRAW]
    assert available_actions(served, "SJZ-MZ", {"requester"}, [A.APPLY]) == [A.WITHDRAW]


def test_the_platforms_word_wins_while_nothing_is_queued() -> None:
    # a deadline the table does not know of: the platform leaves escalation out
    served = replace(REQUEST, state=S.EXPLANATION_REQUESTED, allowed_actions=("dispute-secrecy",))
    assert available_actions(served, "SJZ-XXGX", {"authority"}) == [A.DISPUTE_SECRECY]
    assert available_actions(served, "SJZ-XXGX", set()) == [A.DISPUTE_SECRECY]
    unknown = replace(served, allowed_actions=("dispute-secrecy", "something-new"))
    assert available_actions(unknown, "SJZ-XXGX", {"authority"}) == [A.DISPUTE_SECRECY]


def test_roles_narrow_the_parties_a_unit_is() -> None:
    both = replace(REQUEST, provider_unit_code="SJZ-MZ")  # a unit asking itself (in tests)
    assert acting_parties(both, "SJZ-MZ", {"provider"}) == {Party.PROVIDER}
    assert acting_parties(both, "SJZ-MZ", set()) == {Party.REQUESTER, Party.PROVIDER}
    assert available_actions(REQUEST, "SJZ-MZ", {"compiler"}) == []
    assert directions_of(REQUEST, "SJZ-GA") == {Direction.INCOMING}
    assert directions_of(REQUEST, "SJZ-XXGX") == {Direction.AUTHORITY}
    assert directions_of(REQUEST, "") == set()


def test_offline_choice_knows_the_deadlines_and_who_the_request_reached() -> None:
    cst = timezone(timedelta(hours=8))
    waiting = replace(
        REQUEST, state=S.EXPLANATION_REQUESTED, explanation_due=date(2026, 3, 16)
    )  # served without allowed_actions (an older copy): the machine decides
    on_due_day = FixedClock(datetime(2026, 3, 16, 23, 0, tzinfo=cst))
    after_due = FixedClock(datetime(2026, 3, 17, 0, 30, tzinfo=cst))
    authority = available_actions(waiting, "SJZ-XXGX", {"authority"}, clock=on_due_day)
    assert A.ESCALATE not in authority  # the provider's 15 days are not over yet
    assert A.ESCALATE in available_actions(waiting, "SJZ-XXGX", {"authority"}, clock=after_due)
    assert A.EXPLAIN in available_actions(waiting, "SJZ-GA", {"provider"}, clock=on_due_day)
    assert A.EXPLAIN not in available_actions(waiting, "SJZ-GA", {"provider"}, clock=after_due)
    # a draft queued for submission has not reached the provider's authority yet
    assert available_actions(REQUEST, "SJZ-XXGX", {"authority"}, [A.SUBMIT], clock=after_due) == []
