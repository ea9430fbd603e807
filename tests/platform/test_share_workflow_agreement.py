"""The desktop's Art. 13 machine agrees with the reference platform, step by step, over HTTP.

Random sequences (the property test's draw) run against a real server and through
`domain/share_workflow.py` side by side: each step is accepted by both or refused by both
for the same reason, leads to the same state, resume state and due dates, and afterwards
every party sees the request (or not) and may take the same steps on both. Days pass on the
server through its `shift_clock` fault and on the desktop's clock alike.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govshare_desktop.domain.enums import ShareRequestState
from govshare_desktop.domain.errors import ErrorCode, KnownError
from govshare_desktop.domain.share_workflow import (
    STEPS,
    Party,
    RequestAction,
    RequestPosition,
    advance,
    allowed_actions,
)
from tests.platform.conftest import Client, Platform
from tests.platform.workflow import GA_RESIDENTS, draft, step
from tests.support.share_steps import Move, Wait, draw_step

USERS = {
    Party.REQUESTER: "mz-requester",
    Party.PROVIDER: "ga-provider",
    Party.AUTHORITY: "sjz-authority",
}
RUNNING = {ShareRequestState.EXPLANATION_REQUESTED, ShareRequestState.EXPLAINED}
# The platform's answer to each refusal of the desktop's machine.
ANSWERS = {
    ErrorCode.REQUEST_NOT_INVOLVED: (404, "not_found"),
    ErrorCode.REQUEST_WRONG_PARTY: (403, "wrong_party"),
    ErrorCode.REQUEST_INVALID_TRANSITION: (409, "invalid_transition"),
    ErrorCode.REQUEST_DEADLINE_PASSED: (409, "deadline_passed"),
    ErrorCode.REQUEST_DEADLINE_NOT_REACHED: (409, "deadline_not_reached"),
}


class Officers:
    """One officer per party, and the days the server's clock has been moved on."""

    def __init__(self, platform: Platform) -> None:
        self.platform = platform
        self.days = 0
        self.clients: dict[Party, Client] = {}
        self.sign_in()

    def sign_in(self) -> None:
        self.clients = {party: self.platform.login(user) for party, user in USERS.items()}

    def wait(self, days: int) -> None:
        self.days += days
        self.platform.fault(action="shift_clock", days=self.days)
        self.sign_in()  # tokens issued before the jump have expired by the server's clock

    def now(self) -> datetime:
        """The desktop's clock: the same instant as the server's shifted one."""
        return datetime.now(UTC) + timedelta(days=self.days)


def _day(value: Any) -> date | None:
    return None if value is None else date.fromisoformat(value)


def assert_same(document: dict[str, Any], position: RequestPosition) -> None:
    assert document["state"] == position.state
    assert document["resume_state"] == position.resume_state
    assert _day(document["explanation_due"]) == position.explanation_due
    assert _day(document["coordination_due"]) == position.coordination_due


def assert_views_agree(officers: Officers, rid: str, position: RequestPosition) -> None:
    for party, client in officers.clients.items():
        response = client.get(f"/share-requests/{rid}")
        if party not in position.involved:
            assert response.status_code == 404, (party, response.text)
            continue
        assert response.status_code == 200, response.text
        document = response.json()
        assert_same(document, position)
        assert document["allowed_actions"] == allowed_actions(position.state, {party}), party


class Walk:
    """One request taken through the same steps on the platform and on the desktop's machine."""

    def __init__(self, officers: Officers) -> None:
        self.officers = officers
        self.rid = draft(officers.clients[Party.REQUESTER], GA_RESIDENTS)["id"]
        self.position = RequestPosition()

    def take(self, move: Move | Wait) -> str:
        """Take `move` on both sides and check they agree; returns what happened."""
        if isinstance(move, Wait):
            self.officers.wait(move.days)
            return "wait"
        client = self.officers.clients[move.party]
        answer = step(client, self.rid, move.action, move.body())
        command = move.command()
        if isinstance(command, KnownError):
            assert answer.status_code == 422, (move, command, answer.text)
            return str(command.code)
        try:
            after = advance(self.position, command, {move.party}, clock=_Clock(self.officers))
        except KnownError as refused:
            got = (answer.status_code, answer.json().get("code"))
            assert got == ANSWERS[refused.code], (move, refused, answer.text)
            return str(refused.code)
        assert answer.status_code == 200, (move, answer.text)
        assert_same(answer.json(), after)
        self.position = after
        assert_views_agree(self.officers, self.rid, after)
        return str(after.state)


def test_random_steps_agree_with_the_platform(platform: Platform) -> None:
    officers = Officers(platform)

    @settings(
        max_examples=30,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
    @given(st.data())
    def walk(data: st.DataObject) -> None:
        request = Walk(officers)
        for _ in range(data.draw(st.integers(1, 16))):
            # Days pass (an HTTP call and three sign-ins) only where a deadline runs.
            running = request.position.state in RUNNING
            wait_one_in = 2 if running else None
            request.take(draw_step(data, request.position, wait_one_in=wait_one_in, stray_one_in=6))

    try:
        walk()
    finally:
        platform.clear_faults()


def _move(party: Party, action: str, text: str = "", **fields: Any) -> Move:
    return Move(party, RequestAction(action), {"text": text, **fields})


def test_the_deadlines_agree_with_the_platform(platform: Platform) -> None:
    """The disagreement path with time passing: the 15 days, the 30 days, a dispute between."""
    r, p, a = Party.REQUESTER, Party.PROVIDER, Party.AUTHORITY
    officers = Officers(platform)
    try:
        late, slow = Walk(officers), Walk(officers)
        for request in (late, slow):
            for move in (
                _move(r, "submit"),
                _move(p, "decline", "不属于法定职责。"),
                _move(r, "apply", "申请协调。"),
                _move(a, "request-explanation"),
            ):
                assert request.take(move) == STEPS[move.action].target
        assert late.take(_move(a, "escalate", "未说明。")) == "request_deadline_not_reached"
        assert slow.take(_move(p, "explain", "说明。")) == "explained"
        assert slow.take(_move(p, "dispute-secrecy", "可能涉密。")) == "secrecy_dispute"
        assert late.take(Wait(15)) == "wait"  # the last day: still in time, not yet overdue
        assert late.take(_move(a, "escalate", "未说明。")) == "request_deadline_not_reached"
        assert late.take(Wait(1)) == "wait"
        assert late.take(_move(p, "explain", "迟到。")) == "request_deadline_passed"
        assert late.take(_move(a, "escalate", "逾期未说明。")) == "escalated"
        assert late.take(_move(a, "decide", "决定共享。", outcome="share")) == "decided_share"
        # The dispute ends 16 days on: the 30 days of coordination start afresh from then.
        not_secret = {"determination": "not_secret"}
        assert slow.take(_move(a, "resolve-secrecy", "不涉密。", **not_secret)) == "explained"
        assert slow.take(Wait(31)) == "wait"
        coordinate = _move(a, "coordinate", "协调不成。", outcome="no_share")
        assert slow.take(coordinate) == "request_deadline_passed"
        assert slow.take(_move(a, "escalate", "三十日内未协调一致。")) == "escalated"
    finally:
        platform.clear_faults()


class _Clock:
    def __init__(self, officers: Officers) -> None:
        self._officers = officers

    def now(self) -> datetime:
        return self._officers.now()
