"""The words for share requests: states, steps, parties, outcomes and fields, as people read them.

The platform, the store and `--json` keep the codes (`explanation_requested`, `dispute-secrecy`);
the GUI and the CLI show these labels instead, translated like every message (English source
under the `Messages` context, Simplified Chinese in `i18n/govshare_zh_CN.ts`), so a list, a
history and an error name a state or a step the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from enum import StrEnum

from govshare_desktop.domain.enums import ShareRequestState
from govshare_desktop.domain.share_workflow import (
    CommandField,
    DecisionOutcome,
    Party,
    RequestAction,
    SecrecyDetermination,
)
from govshare_desktop.domain.translatable import QT_TRANSLATE_NOOP

CONTEXT = "Messages"
Translate = Callable[[str, str], str]
S = ShareRequestState

STATE_WORDS: dict[ShareRequestState, str] = {
    S.DRAFT: QT_TRANSLATE_NOOP("Messages", "Draft"),
    S.SUBMITTED: QT_TRANSLATE_NOOP("Messages", "With the provider"),
    S.AGREED: QT_TRANSLATE_NOOP("Messages", "Agreed by the provider"),
    S.DECLINED: QT_TRANSLATE_NOOP("Messages", "Declined by the provider"),
    S.FILED: QT_TRANSLATE_NOOP("Messages", "Filed with the authority"),
    S.GRANTED: QT_TRANSLATE_NOOP("Messages", "Granted"),
    S.APPLIED: QT_TRANSLATE_NOOP("Messages", "Applied to the authority"),
    S.EXPLANATION_REQUESTED: QT_TRANSLATE_NOOP("Messages", "Awaiting the provider's explanation"),
    S.EXPLAINED: QT_TRANSLATE_NOOP("Messages", "Explained; in coordination"),
    S.ESCALATED: QT_TRANSLATE_NOOP("Messages", "Escalated for decision"),
    S.DECIDED_SHARE: QT_TRANSLATE_NOOP("Messages", "Decided: share"),
    S.DECIDED_NO_SHARE: QT_TRANSLATE_NOOP("Messages", "Decided: do not share"),
    S.SECRECY_DISPUTE: QT_TRANSLATE_NOOP("Messages", "Secrecy in dispute"),
    S.WITHDRAWN: QT_TRANSLATE_NOOP("Messages", "Withdrawn"),
}

A = RequestAction
ACTION_WORDS: dict[RequestAction, str] = {
    A.SUBMIT: QT_TRANSLATE_NOOP("Messages", "Submit to the provider"),
    A.AGREE: QT_TRANSLATE_NOOP("Messages", "Agree"),
    A.DECLINE: QT_TRANSLATE_NOOP("Messages", "Decline"),
    A.FILE: QT_TRANSLATE_NOOP("Messages", "File with the authority"),
    A.GRANT: QT_TRANSLATE_NOOP("Messages", "Grant"),
    A.APPLY: QT_TRANSLATE_NOOP("Messages", "Apply to the authority"),
    A.REQUEST_EXPLANATION: QT_TRANSLATE_NOOP("Messages", "Request a written explanation"),
    A.EXPLAIN: QT_TRANSLATE_NOOP("Messages", "Explain in writing"),
    A.COORDINATE: QT_TRANSLATE_NOOP("Messages", "Record the coordination result"),
    A.ESCALATE: QT_TRANSLATE_NOOP("Messages", "Escalate for decision"),
    A.DECIDE: QT_TRANSLATE_NOOP("Messages", "Record the decision"),
    A.WITHDRAW: QT_TRANSLATE_NOOP("Messages", "Withdraw"),
    A.DISPUTE_SECRECY: QT_TRANSLATE_NOOP("Messages", "Raise a secrecy dispute"),
    A.RESOLVE_SECRECY: QT_TRANSLATE_NOOP("Messages", "Record the secrecy determination"),
}

PARTY_WORDS: dict[Party, str] = {
    Party.REQUESTER: QT_TRANSLATE_NOOP("Messages", "requester"),
    Party.PROVIDER: QT_TRANSLATE_NOOP("Messages", "provider"),
    Party.AUTHORITY: QT_TRANSLATE_NOOP("Messages", "sharing authority"),
}

OUTCOME_WORDS: dict[DecisionOutcome, str] = {
    DecisionOutcome.SHARE: QT_TRANSLATE_NOOP("Messages", "Share"),
    DecisionOutcome.NO_SHARE: QT_TRANSLATE_NOOP("Messages", "Do not share"),
}

DETERMINATION_WORDS: dict[SecrecyDetermination, str] = {
    SecrecyDetermination.SECRET: QT_TRANSLATE_NOOP("Messages", "A state secret"),
    SecrecyDetermination.NOT_SECRET: QT_TRANSLATE_NOOP("Messages", "Not a state secret"),
}

FIELD_WORDS: dict[CommandField, str] = {
    CommandField.TEXT: QT_TRANSLATE_NOOP("Messages", "text"),
    CommandField.OUTCOME: QT_TRANSLATE_NOOP("Messages", "result"),
    CommandField.TERMS: QT_TRANSLATE_NOOP("Messages", "terms of use"),
    CommandField.DETERMINATION: QT_TRANSLATE_NOOP("Messages", "secrecy determination"),
    CommandField.REFERENCE: QT_TRANSLATE_NOOP("Messages", "document number"),
}

# Entries of a request's history that are not workflow steps (the platform's own names).
HISTORY_WORDS: dict[str, str] = {
    "create": QT_TRANSLATE_NOOP("Messages", "Drafted"),
    "edit": QT_TRANSLATE_NOOP("Messages", "Edited"),
    "answer": QT_TRANSLATE_NOOP("Messages", "Answer objection"),  # an objection's answer op
    "attach": QT_TRANSLATE_NOOP("Messages", "Add attachment"),  # a request's upload op
    "detach": QT_TRANSLATE_NOOP("Messages", "Remove attachment"),  # and its removal
}

_TABLES: tuple[dict[ShareRequestState, str] | dict[RequestAction, str] | dict[Party, str]
               | dict[DecisionOutcome, str] | dict[SecrecyDetermination, str]
               | dict[CommandField, str], ...] = (
    STATE_WORDS,
    ACTION_WORDS,
    PARTY_WORDS,
    OUTCOME_WORDS,
    DETERMINATION_WORDS,
    FIELD_WORDS,
)  # fmt: skip
_WORDS: dict[type[StrEnum], dict[str, str]] = {
    type(next(iter(table))): {str(code): text for code, text in table.items()} for table in _TABLES
}
SEPARATOR = " / "  # between alternatives: "provider / sharing authority"


def source_word(value: StrEnum) -> str | None:
    """The English source label of a workflow code, or None if it has none."""
    table = _WORDS.get(type(value))
    return None if table is None else table.get(str(value))


def word(value: StrEnum, translate: Translate) -> str:
    """A workflow code as a label in the language `translate` speaks (the code if unknown)."""
    source = source_word(value)
    return str(value) if source is None else translate(CONTEXT, source)


def words(values: Iterable[StrEnum], translate: Translate) -> str:
    """Several codes as alternatives, e.g. the parties a step belongs to."""
    return SEPARATOR.join(word(value, translate) for value in values)


def history_word(action: str, translate: Translate) -> str:
    """An entry of a request's history by name: a step's label, a draft's creation or edit,
    or the name itself when it is none of these (a newer platform's entry)."""
    if action in HISTORY_WORDS:
        return translate(CONTEXT, HISTORY_WORDS[action])
    if action in _WORDS[RequestAction]:
        return translate(CONTEXT, _WORDS[RequestAction][action])
    return action
