"""Every aspect, state and outcome of an objection has its label; an outcome reads as the
state it leads to."""

from __future__ import annotations

from govshare_desktop.domain.enums import ObjectionAspect, ObjectionOutcome, ObjectionState
from govshare_desktop.domain.objection_words import objection_word


def echo(context: str, text: str) -> str:
    return f"{context}:{text}"


def test_every_code_has_a_label_under_messages() -> None:
    for enum in (ObjectionAspect, ObjectionState, ObjectionOutcome):
        for value in enum:
            label = objection_word(value, echo)
            assert label.startswith("Messages:") and label != f"Messages:{value}", value


def test_an_outcome_reads_as_the_state_it_leads_to() -> None:
    for outcome in ObjectionOutcome:
        assert objection_word(outcome, echo) == objection_word(ObjectionState(outcome), echo)
    assert objection_word(ObjectionAspect.TIMELINESS, echo) == "Messages:Timeliness"
