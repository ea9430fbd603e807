"""The Art. 13 machine, exhaustively: every (state, step, party), the fields of every step,
the deadline rules, and the words it is shown in."""

from __future__ import annotations

import itertools
from datetime import date, datetime, timedelta, timezone

import pytest

from govshare_desktop.assets import i18n_dir
from govshare_desktop.domain.clock import FixedClock
from govshare_desktop.domain.deadlines import DayCount, DeadlineCalendar
from govshare_desktop.domain.enums import ShareRequestState
from govshare_desktop.domain.errors import ErrorCode, KnownError
from govshare_desktop.domain.messages import error_text, untranslated
from govshare_desktop.domain.share_words import (
    ACTION_WORDS,
    PARTY_WORDS,
    STATE_WORDS,
    word,
)
from govshare_desktop.domain.share_workflow import (
    COMMAND_FORMS,
    FINAL_STATES,
    STEPS,
    CommandField,
    DecisionOutcome,
    GrantTerms,
    Party,
    RequestAction,
    RequestCommand,
    RequestPosition,
    SecrecyDetermination,
    actions_now,
    advance,
    allowed_actions,
    check_step,
    involved_after,
    is_blank,
    running_deadline,
    target_state,
)
from govshare_desktop.domain.ts_catalog import TsCatalog
from reference_platform.sharing import schemas as platform_schemas
from reference_platform.sharing import workflow as platform_workflow

S = ShareRequestState
A = RequestAction
R, P, AU = Party.REQUESTER, Party.PROVIDER, Party.AUTHORITY
CST = timezone(timedelta(hours=8))
NOW = datetime(2026, 9, 30, 10, tzinfo=CST)
EVERYONE = frozenset(Party)

# Where each step leads, written out from Art. 13 (not read from the table under test).
TARGETS: dict[A, S] = {
    A.SUBMIT: S.SUBMITTED,
    A.AGREE: S.AGREED,
    A.DECLINE: S.DECLINED,
    A.FILE: S.FILED,
    A.GRANT: S.GRANTED,
    A.APPLY: S.APPLIED,
    A.REQUEST_EXPLANATION: S.EXPLANATION_REQUESTED,
    A.EXPLAIN: S.EXPLAINED,
    A.ESCALATE: S.ESCALATED,
    A.WITHDRAW: S.WITHDRAWN,
    A.DISPUTE_SECRECY: S.SECRECY_DISPUTE,
}
OPEN = {S.SUBMITTED, S.AGREED, S.DECLINED, S.FILED, S.APPLIED}
OPEN |= {S.EXPLANATION_REQUESTED, S.EXPLAINED, S.ESCALATED}
# Who may take each step, from where.
TABLE: dict[A, tuple[set[Party], set[S]]] = {
    A.SUBMIT: ({R}, {S.DRAFT}),
    A.AGREE: ({P}, {S.SUBMITTED}),
    A.DECLINE: ({P}, {S.SUBMITTED}),
    A.FILE: ({R}, {S.AGREED}),
    A.GRANT: ({AU}, {S.FILED}),
    A.APPLY: ({R}, {S.DECLINED}),
    A.REQUEST_EXPLANATION: ({AU}, {S.APPLIED}),
    A.EXPLAIN: ({P}, {S.EXPLANATION_REQUESTED}),
    A.COORDINATE: ({AU}, {S.EXPLAINED}),
    A.ESCALATE: ({AU}, {S.EXPLAINED, S.EXPLANATION_REQUESTED}),
    A.DECIDE: ({AU}, {S.ESCALATED}),
    A.WITHDRAW: ({R}, {S.DRAFT, S.SECRECY_DISPUTE} | OPEN),
    A.DISPUTE_SECRECY: ({P, AU}, set(OPEN)),
    A.RESOLVE_SECRECY: ({AU}, {S.SECRECY_DISPUTE}),
}


def commands() -> list[RequestCommand]:
    """A valid command of every step, with each outcome and determination."""
    made: list[RequestCommand] = []
    for action in A:
        form = COMMAND_FORMS[action]
        text = "理由。" if CommandField.TEXT in form.required else ""
        if CommandField.OUTCOME in form.required:
            made += [RequestCommand(action, text, outcome=o) for o in DecisionOutcome]
        elif CommandField.DETERMINATION in form.required:
            made += [RequestCommand(action, text, determination=d) for d in SecrecyDetermination]
        else:
            made.append(RequestCommand(action, text))
    return made


def expected_target(command: RequestCommand, resume: S) -> S:
    if command.action in TARGETS:
        return TARGETS[command.action]
    if command.outcome is not None:
        return {"share": S.DECIDED_SHARE, "no_share": S.DECIDED_NO_SHARE}[command.outcome]
    return S.DECIDED_NO_SHARE if command.determination == "secret" else resume


def codes(error: pytest.ExceptionInfo[KnownError]) -> ErrorCode:
    return error.value.code


def test_the_table_is_the_platforms() -> None:
    ours = {(a.value, frozenset(map(str, s.parties)), frozenset(s.sources), s.target)
            for a, s in STEPS.items()}  # fmt: skip
    theirs = {(name, frozenset(map(str, s.parties)), frozenset(s.sources), s.target)
              for name, s in platform_workflow.STEPS.items()}  # fmt: skip
    assert ours == theirs
    assert list(STEPS) == list(platform_workflow.STEPS)  # the same workflow order
    assert FINAL_STATES == platform_workflow.FINAL


@pytest.mark.parametrize("party", list(Party))
@pytest.mark.parametrize("state", list(S))
@pytest.mark.parametrize("command", commands(), ids=lambda c: f"{c.action}-{c.outcome or ''}"
                         f"{c.determination or ''}")  # fmt: skip
def test_every_state_step_and_party(party: Party, state: S, command: RequestCommand) -> None:
    resume = S.EXPLAINED
    position = RequestPosition(
        state, resume_state=resume if state is S.SECRECY_DISPUTE else None, involved=EVERYONE
    )
    clock = FixedClock(NOW)
    parties, sources = TABLE[command.action]
    if party not in parties:
        with pytest.raises(KnownError) as refused:
            target_state(position, command, {party}, clock=clock)
        assert codes(refused) is ErrorCode.REQUEST_WRONG_PARTY
        assert set(refused.value.params["parties"]) == parties
    elif state not in sources:
        with pytest.raises(KnownError) as refused:
            advance(position, command, {party}, clock=clock)
        assert codes(refused) is ErrorCode.REQUEST_INVALID_TRANSITION
        assert refused.value.params["state"] is state
        assert command.action not in allowed_actions(state, {party})
    else:
        after = advance(position, command, {party}, clock=clock)
        assert after.state is expected_target(command, resume)
        assert target_state(position, command, {party}, clock=clock) is after.state
        assert command.action in allowed_actions(state, {party})
        assert command.action in actions_now(position, {party}, clock=clock)
        assert state not in FINAL_STATES


@pytest.mark.parametrize("state", list(S))
def test_allowed_actions_per_party(state: S) -> None:
    for party in Party:
        expected = [a for a in A if state in TABLE[a][1] and party in TABLE[a][0]]
        assert allowed_actions(state, {party}) == expected
    assert (allowed_actions(state, EVERYONE) == []) is (state in FINAL_STATES)


def test_a_unit_the_request_has_not_reached_may_do_nothing() -> None:
    draft = RequestPosition()
    with pytest.raises(KnownError) as refused:
        check_step(draft, A.AGREE, {P}, clock=FixedClock(NOW))
    assert codes(refused) is ErrorCode.REQUEST_NOT_INVOLVED
    submitted = advance(draft, RequestCommand(A.SUBMIT), {R}, clock=FixedClock(NOW))
    assert submitted.involved == {R, P}
    # The authority sees a request only once filed, applied to or disputed.
    assert actions_now(submitted, {AU}, clock=FixedClock(NOW)) == []
    with pytest.raises(KnownError) as refused:
        check_step(submitted, A.DISPUTE_SECRECY, {AU}, clock=FixedClock(NOW))
    assert codes(refused) is ErrorCode.REQUEST_NOT_INVOLVED
    disputed = advance(
        submitted, RequestCommand(A.DISPUTE_SECRECY, "涉密"), {P}, clock=FixedClock(NOW)
    )
    assert disputed.involved == EVERYONE
    assert involved_after(["create", "submit", "dispute-secrecy"]) == EVERYONE
    assert involved_after(["create", "edit", "withdraw"]) == {R}
    assert involved_after(["submit", "decline", "apply"]) == EVERYONE


# -- the fields of each step -------------------------------------------------------------------


def test_the_fields_are_the_platforms_bodies() -> None:
    for action, form in COMMAND_FORMS.items():
        model = platform_schemas.COMMAND_BODIES[action.value]
        fields = model.model_fields
        assert set(fields) == {str(f) for f in form.required | form.optional}, action
        required = {name for name, spec in fields.items() if spec.is_required()}
        assert required == {str(f) for f in form.required}, action


TEXT_STEPS = [a for a in A if CommandField.TEXT in COMMAND_FORMS[a].required]


def test_the_steps_that_need_written_reasons() -> None:
    assert set(TEXT_STEPS) == {
        A.DECLINE, A.APPLY, A.EXPLAIN, A.ESCALATE, A.DISPUTE_SECRECY,
        A.COORDINATE, A.DECIDE, A.RESOLVE_SECRECY,
    }  # fmt: skip


@pytest.mark.parametrize("action", list(A))
@pytest.mark.parametrize("text", ["", "  ", "\u3000\n\t", "\u2003"])
def test_blank_text_is_refused_where_reasons_are_required(action: A, text: str) -> None:
    extra: dict[str, object] = {}
    if action in {A.COORDINATE, A.DECIDE}:
        extra["outcome"] = DecisionOutcome.NO_SHARE
    if action is A.RESOLVE_SECRECY:
        extra["determination"] = SecrecyDetermination.SECRET
    if action in TEXT_STEPS:
        with pytest.raises(KnownError) as refused:
            RequestCommand(action, text, **extra)  # type: ignore[arg-type]
        assert codes(refused) is ErrorCode.REQUEST_TEXT_REQUIRED
        assert refused.value.params["action"] is action
    else:
        assert RequestCommand(action, text).text == text


@pytest.mark.parametrize("action", [A.COORDINATE, A.DECIDE])
def test_a_decision_needs_its_outcome_and_terms_only_to_share(action: A) -> None:
    with pytest.raises(KnownError) as refused:
        RequestCommand(action, "协调结果")
    assert codes(refused) is ErrorCode.REQUEST_OUTCOME_REQUIRED
    with pytest.raises(KnownError) as refused:
        RequestCommand(action, "", outcome=DecisionOutcome.SHARE)
    assert codes(refused) is ErrorCode.REQUEST_TEXT_REQUIRED
    with pytest.raises(KnownError) as refused:
        RequestCommand(action, "不予共享", outcome=DecisionOutcome.NO_SHARE, terms=GrantTerms())
    assert codes(refused) is ErrorCode.REQUEST_TERMS_ONLY_TO_SHARE
    terms = GrantTerms(("姓名",), date(2026, 10, 1), date(2027, 9, 30), allow_export=True)
    assert RequestCommand(action, "共享", outcome=DecisionOutcome.SHARE, terms=terms).terms == terms
    assert RequestCommand(action, "共享", outcome="share").outcome is DecisionOutcome.SHARE  # type: ignore[arg-type]


def test_a_secrecy_determination_is_required_and_may_cite_its_document() -> None:
    with pytest.raises(KnownError) as refused:
        RequestCommand(A.RESOLVE_SECRECY, "经确定")
    assert codes(refused) is ErrorCode.REQUEST_DETERMINATION_REQUIRED
    made = RequestCommand(
        A.RESOLVE_SECRECY, "经确定", determination=SecrecyDetermination.NOT_SECRET,
        reference="石保〔2025〕1号",
    )  # fmt: skip
    assert made.reference == "石保〔2025〕1号"
    with pytest.raises(KnownError) as refused:
        RequestCommand(A.RESOLVE_SECRECY, "x", determination="secret", reference="号" * 201)  # type: ignore[arg-type]
    assert codes(refused) is ErrorCode.REQUEST_TEXT_TOO_LONG
    assert refused.value.params["field"] is CommandField.REFERENCE


@pytest.mark.parametrize(
    ("action", "fields", "field"),
    [
        (A.AGREE, {"outcome": DecisionOutcome.SHARE}, CommandField.OUTCOME),
        (A.SUBMIT, {"terms": GrantTerms()}, CommandField.TERMS),
        (A.ESCALATE, {"text": "x", "determination": "secret"}, CommandField.DETERMINATION),
        (A.DECIDE, {"text": "x", "outcome": "share", "reference": "1"}, CommandField.REFERENCE),
        (A.GRANT, {"outcome": "share"}, CommandField.OUTCOME),
    ],
)
def test_fields_a_step_does_not_take_are_refused(
    action: A, fields: dict[str, object], field: CommandField
) -> None:
    with pytest.raises(KnownError) as refused:
        RequestCommand(action, **fields)  # type: ignore[arg-type]
    assert codes(refused) is ErrorCode.REQUEST_FIELD_NOT_ALLOWED
    assert refused.value.params["field"] is field


def test_texts_the_platform_would_not_take() -> None:
    assert len(RequestCommand(A.DECLINE, "因" * 4000).text) == 4000
    with pytest.raises(KnownError) as refused:
        RequestCommand(A.DECLINE, "因" * 4001)
    assert codes(refused) is ErrorCode.REQUEST_TEXT_TOO_LONG
    assert refused.value.params["length"] == 4001
    with pytest.raises(KnownError) as refused:
        RequestCommand(A.AGREE, "同意\x00")
    assert codes(refused) is ErrorCode.REQUEST_TEXT_BAD_CHARACTER
    assert RequestCommand(A.DECLINE, "\x1c").text == "\x1c"  # not white space to the platform


@pytest.mark.parametrize(
    ("terms", "code"),
    [
        (GrantTerms(data_items=()), ErrorCode.REQUEST_GRANT_ITEMS_INVALID),
        (GrantTerms(data_items=("",)), ErrorCode.REQUEST_GRANT_ITEMS_INVALID),
        (GrantTerms(data_items=("名" * 101,)), ErrorCode.REQUEST_GRANT_ITEMS_INVALID),
        (GrantTerms(data_items=tuple(f"项{n}" for n in range(501))), ErrorCode.REQUEST_GRANT_ITEMS_INVALID),
        (GrantTerms(valid_from=date(2027, 1, 2), valid_to=date(2027, 1, 1)), ErrorCode.REQUEST_GRANT_PERIOD_INVALID),
        (GrantTerms(valid_to=date(1999, 12, 31)), ErrorCode.REQUEST_GRANT_PERIOD_INVALID),
        (GrantTerms(valid_from=date(3000, 1, 1)), ErrorCode.REQUEST_GRANT_PERIOD_INVALID),
    ],
)  # fmt: skip
def test_grant_terms_the_platform_would_not_take(terms: GrantTerms, code: ErrorCode) -> None:
    with pytest.raises(KnownError) as refused:
        RequestCommand(A.GRANT, terms=terms)
    assert codes(refused) is code


# -- deadlines and the secrecy dispute ------------------------------------------------------------


def applied_position() -> RequestPosition:
    return RequestPosition(S.APPLIED, involved=EVERYONE)


def test_the_provider_explains_within_15_days_then_the_authority_may_escalate() -> None:
    clock = FixedClock(NOW)  # 30 September 2026, 10:00 in China
    asked = advance(applied_position(), RequestCommand(A.REQUEST_EXPLANATION), {AU}, clock=clock)
    assert asked.explanation_due == date(2026, 10, 15)
    with pytest.raises(KnownError) as refused:
        check_step(asked, A.ESCALATE, {AU}, clock=clock)
    assert codes(refused) is ErrorCode.REQUEST_DEADLINE_NOT_REACHED
    assert refused.value.params["due"] == "2026-10-15"
    assert actions_now(asked, {AU}, clock=clock) == [A.DISPUTE_SECRECY]
    assert allowed_actions(asked.state, {AU}) == [A.ESCALATE, A.DISPUTE_SECRECY]  # deadlines aside

    clock = FixedClock(datetime(2026, 10, 15, 23, 59, tzinfo=CST))  # the last day: still in time
    assert A.EXPLAIN in actions_now(asked, {P}, clock=clock)
    assert A.ESCALATE not in actions_now(asked, {AU}, clock=clock)
    clock.advance(timedelta(minutes=1))
    with pytest.raises(KnownError) as refused:
        advance(asked, RequestCommand(A.EXPLAIN, "说明"), {P}, clock=clock)
    assert codes(refused) is ErrorCode.REQUEST_DEADLINE_PASSED
    escalated = advance(asked, RequestCommand(A.ESCALATE, "逾期未说明"), {AU}, clock=clock)
    assert escalated.state is S.ESCALATED


def test_coordination_within_30_days_of_the_explanation() -> None:
    clock = FixedClock(NOW)
    asked = advance(applied_position(), RequestCommand(A.REQUEST_EXPLANATION), {AU}, clock=clock)
    clock.advance(timedelta(days=3))
    explained = advance(asked, RequestCommand(A.EXPLAIN, "说明"), {P}, clock=clock)
    assert explained.coordination_due == date(2026, 11, 2)
    assert explained.explanation_due == date(2026, 10, 15)  # kept, as on the platform
    decision = RequestCommand(A.COORDINATE, "协调一致", outcome=DecisionOutcome.SHARE)
    assert target_state(explained, decision, {AU}, clock=clock) is S.DECIDED_SHARE
    assert actions_now(explained, {AU}, clock=clock) == [
        A.COORDINATE,
        A.ESCALATE,
        A.DISPUTE_SECRECY,
    ]
    clock.advance(timedelta(days=31))
    with pytest.raises(KnownError) as refused:
        target_state(explained, decision, {AU}, clock=clock)
    assert codes(refused) is ErrorCode.REQUEST_DEADLINE_PASSED
    assert actions_now(explained, {AU}, clock=clock) == [A.ESCALATE, A.DISPUTE_SECRECY]


def test_the_running_deadline_is_the_one_a_countdown_shows() -> None:
    clock = FixedClock(NOW)
    asked = advance(applied_position(), RequestCommand(A.REQUEST_EXPLANATION), {AU}, clock=clock)
    assert running_deadline(asked) == date(2026, 10, 15)
    explained = advance(asked, RequestCommand(A.EXPLAIN, "说明"), {P}, clock=clock)
    assert running_deadline(explained) == date(2026, 10, 30)
    escalated = advance(explained, RequestCommand(A.ESCALATE, "报请"), {AU}, clock=clock)
    assert running_deadline(escalated) is None
    assert running_deadline(applied_position()) is None


def test_working_days_from_the_profile_set_the_due_dates() -> None:
    days = DeadlineCalendar(
        DayCount.WORKING,
        holidays=frozenset(date(2026, 10, d) for d in range(1, 8)),
        working_days=frozenset({date(2026, 10, 10)}),
    )
    asked = advance(
        applied_position(), RequestCommand(A.REQUEST_EXPLANATION), {AU},
        clock=FixedClock(NOW), calendar=days,
    )  # fmt: skip
    # 8, 9, Sat 10 (worked), 12-16, 19-23, 26, 27: the 15th working day after 30 September.
    assert asked.explanation_due == date(2026, 10, 27)


@pytest.mark.parametrize("before", sorted(OPEN))
def test_a_dispute_returns_to_the_state_before_it(before: S) -> None:
    clock = FixedClock(NOW)
    position = RequestPosition(before, explanation_due=date(2026, 10, 1), involved=EVERYONE)
    disputed = advance(position, RequestCommand(A.DISPUTE_SECRECY, "可能涉密"), {P}, clock=clock)
    assert (disputed.state, disputed.resume_state) == (S.SECRECY_DISPUTE, before)
    assert allowed_actions(disputed.state, {P}) == []
    clock.advance(timedelta(days=40))
    not_secret = RequestCommand(
        A.RESOLVE_SECRECY, "不属于国家秘密", determination=SecrecyDetermination.NOT_SECRET
    )
    resumed = advance(disputed, not_secret, {AU}, clock=clock)
    assert (resumed.state, resumed.resume_state) == (before, None)
    if before is S.EXPLANATION_REQUESTED:  # the running period starts afresh
        assert resumed.explanation_due == date(2026, 11, 24)
    secret = RequestCommand(A.RESOLVE_SECRECY, "属于", determination=SecrecyDetermination.SECRET)
    closed = advance(disputed, secret, {AU}, clock=clock)
    assert (closed.state, closed.resume_state) == (S.DECIDED_NO_SHARE, None)


def test_codes_from_the_wire_are_taken_as_plain_strings() -> None:
    position = RequestPosition("secrecy_dispute", resume_state="explained", involved={"requester"})  # type: ignore[arg-type]
    assert position.state is S.SECRECY_DISPUTE and position.involved == {R}
    assert RequestCommand("withdraw").action is A.WITHDRAW  # type: ignore[arg-type]
    assert (
        check_step(position, "withdraw", {"requester"}, clock=FixedClock(NOW)).action is A.WITHDRAW
    )  # type: ignore[arg-type]


# -- words -------------------------------------------------------------------------------------


def test_every_state_step_and_party_has_a_word() -> None:
    assert set(STATE_WORDS) == set(S)
    assert set(ACTION_WORDS) == set(A)
    assert set(PARTY_WORDS) == set(Party)


def test_refusals_read_in_chinese_with_the_state_named() -> None:
    catalog = TsCatalog.load(i18n_dir() / "govshare_zh_CN.ts")
    for value in itertools.chain(S, A, Party, DecisionOutcome, SecrecyDetermination, CommandField):
        assert word(value, catalog.translate) != word(value, untranslated), value
    position = RequestPosition(S.EXPLANATION_REQUESTED, involved=EVERYONE)
    with pytest.raises(KnownError) as refused:
        check_step(position, A.AGREE, {P}, clock=FixedClock(NOW))
    text = error_text(refused.value, catalog.translate)
    assert "待提供方书面说明" in text and "同意" in text, text
    assert "“Awaiting the provider's explanation”" in error_text(refused.value, untranslated)
    with pytest.raises(KnownError) as refused:
        check_step(position, A.DISPUTE_SECRECY, {R}, clock=FixedClock(NOW))
    assert "提供方 / 信息共享主管部门" in error_text(refused.value, catalog.translate)
    with pytest.raises(KnownError) as refused:
        RequestCommand(A.DECLINE, " ")
    assert "不同意" in error_text(refused.value, catalog.translate)


def test_blank_means_what_it_means_to_the_platform() -> None:
    """Full-width spaces are blank, the information separators U+001C-U+001F are not."""
    candidates = {chr(c) for c in range(0x3100) if chr(c).isspace() or is_blank(chr(c))}
    for char in sorted(candidates | {"\u3000", "\u200b", "\ufeff"}):
        try:
            platform_schemas.ReasonedCommand(text=char)
            platform_blank = False
        except ValueError:
            platform_blank = True
        assert is_blank(char) is platform_blank, hex(ord(char))
