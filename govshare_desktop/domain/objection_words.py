"""The words for objections (异议, Art. 16): aspects, states and the provider's outcomes.

Beside `share_words.py` and in the same way: the store, the platform and `--json` keep the
codes (`timeliness`, `corrected`); the GUI shows these labels, translated under the
`Messages` context (Simplified Chinese in `i18n/govshare_zh_CN.ts`), so a list, a detail and
a dialog name an aspect or an outcome the same way. The aspects are the regulation's own
(准确性、完整性和时效性, Art. 16).
"""

from __future__ import annotations

from enum import StrEnum

from govshare_desktop.domain.enums import ObjectionAspect, ObjectionOutcome, ObjectionState
from govshare_desktop.domain.share_words import CONTEXT, Translate
from govshare_desktop.domain.translatable import QT_TRANSLATE_NOOP

ASPECT_WORDS: dict[ObjectionAspect, str] = {
    ObjectionAspect.ACCURACY: QT_TRANSLATE_NOOP("Messages", "Accuracy"),
    ObjectionAspect.COMPLETENESS: QT_TRANSLATE_NOOP("Messages", "Completeness"),
    ObjectionAspect.TIMELINESS: QT_TRANSLATE_NOOP("Messages", "Timeliness"),
}

STATE_WORDS: dict[ObjectionState, str] = {
    ObjectionState.DRAFT: QT_TRANSLATE_NOOP("Messages", "Not yet on the platform"),
    ObjectionState.SUBMITTED: QT_TRANSLATE_NOOP("Messages", "Awaiting the provider's answer"),
    ObjectionState.ACCEPTED: QT_TRANSLATE_NOOP("Messages", "Accepted"),
    ObjectionState.CORRECTED: QT_TRANSLATE_NOOP("Messages", "Corrected"),
    ObjectionState.REJECTED: QT_TRANSLATE_NOOP("Messages", "Not accepted"),
}

# The provider's answer: the objection's state becomes it, so it reads the same.
OUTCOME_WORDS: dict[ObjectionOutcome, str] = {
    ObjectionOutcome.ACCEPTED: STATE_WORDS[ObjectionState.ACCEPTED],
    ObjectionOutcome.CORRECTED: STATE_WORDS[ObjectionState.CORRECTED],
    ObjectionOutcome.REJECTED: STATE_WORDS[ObjectionState.REJECTED],
}

_WORDS: dict[type[StrEnum], dict[str, str]] = {
    ObjectionAspect: {str(k): v for k, v in ASPECT_WORDS.items()},
    ObjectionState: {str(k): v for k, v in STATE_WORDS.items()},
    ObjectionOutcome: {str(k): v for k, v in OUTCOME_WORDS.items()},
}


def objection_word(
    value: ObjectionAspect | ObjectionState | ObjectionOutcome, translate: Translate
) -> str:
    """An aspect, state or outcome as a label in the language `translate` speaks."""
    source = _WORDS[type(value)].get(str(value))
    return str(value) if source is None else translate(CONTEXT, source)
