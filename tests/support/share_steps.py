"""Random share-request steps for property tests: who takes which step with what, or days passing.

By default three steps in four are ones some party may take now, taken by that party, so
walks get deep into the workflow; the rest are any step by anyone. Three in four carry the
right fields for their step, the rest any mix (blank reasons, missing outcomes, stray terms).
The same draw gives the desktop's `RequestCommand` and the platform's JSON body, so both
can be asked the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from hypothesis import strategies as st

from govshare_desktop.domain.errors import KnownError
from govshare_desktop.domain.share_workflow import (
    COMMAND_FORMS,
    STEPS,
    CommandField,
    GrantTerms,
    Party,
    RequestAction,
    RequestCommand,
    RequestPosition,
    allowed_actions,
)

_SIDE_EXITS = {RequestAction.WITHDRAW, RequestAction.DISPUTE_SECRECY}
TEXTS = ["", " ", "\u3000", "理由。", "因" * 4001]


@dataclass(frozen=True)
class Move:
    party: Party
    action: RequestAction
    fields: dict[str, Any]

    def command(self) -> RequestCommand | KnownError:
        """The desktop's command, or why it cannot be made (the platform's 422)."""
        fields = dict(self.fields)
        terms = fields.pop("terms", None)
        try:
            return RequestCommand(
                self.action, **fields, terms=GrantTerms() if terms is not None else None
            )
        except KnownError as error:
            return error

    def body(self) -> dict[str, Any]:
        """The same fields as the platform's JSON body."""
        return {k: v for k, v in self.fields.items() if k == "text" or v not in (None, "")}


@dataclass(frozen=True)
class Wait:
    days: int


def _right_fields(data: st.DataObject, action: RequestAction) -> dict[str, Any]:
    form = COMMAND_FORMS[action]
    fields: dict[str, Any] = {"text": "理由。" if CommandField.TEXT in form.required else ""}
    if CommandField.OUTCOME in form.required:
        fields["outcome"] = data.draw(st.sampled_from(["share", "no_share"]))
    if CommandField.DETERMINATION in form.required:
        fields["determination"] = data.draw(st.sampled_from(["secret", "not_secret"]))
    return fields


def _any_fields(data: st.DataObject) -> dict[str, Any]:
    return {
        "text": data.draw(st.sampled_from(TEXTS)),
        "outcome": data.draw(st.sampled_from([None, "share", "no_share"])),
        "determination": data.draw(st.sampled_from([None, "secret", "not_secret"])),
        "terms": data.draw(st.sampled_from([None, {}])),
        "reference": data.draw(st.sampled_from(["", "石保〔2025〕1号"])),
    }


def draw_step(
    data: st.DataObject,
    position: RequestPosition,
    *,
    wait_one_in: int | None = 10,
    stray_one_in: int = 4,
) -> Move | Wait:
    """One random step from `position`: days pass once in `wait_one_in` steps (None: never);
    once in `stray_one_in` the step is any step, and once in `stray_one_in` its fields any."""
    if wait_one_in and data.draw(st.integers(1, wait_one_in)) == 1:
        return Wait(data.draw(st.sampled_from([1, 16, 31])))
    stray = data.draw(st.integers(1, stray_one_in)) == 1
    useful = [] if stray else allowed_actions(position.state, set(Party))
    onwards = [a for a in useful if a not in _SIDE_EXITS]  # withdrawals and disputes end walks
    if onwards and data.draw(st.integers(0, 3)):
        useful = onwards
    action = data.draw(st.sampled_from(useful or list(RequestAction)))
    takers = sorted(STEPS[action].parties) if useful else list(Party)
    party = data.draw(st.sampled_from(takers))
    right = data.draw(st.integers(1, stray_one_in)) > 1
    fields = _right_fields(data, action) if right else _any_fields(data)
    return Move(party, action, fields)
