"""Where each to-do of the 概览 leads: the page, and the record selected there."""

from __future__ import annotations

from govshare_desktop.domain.overview import Todo, TodoKind
from govshare_desktop.ui.pages.reveal import Reveal, RevealKind

_TARGETS: dict[TodoKind, tuple[str, RevealKind]] = {
    TodoKind.REQUEST: ("share_requests", RevealKind.REQUEST),
    TodoKind.OBJECTION: ("share_requests", RevealKind.OBJECTION),
    TodoKind.CONFLICT: ("sync", RevealKind.CONFLICT),
    TodoKind.FAILED_SEND: ("sync", RevealKind.CHANGE),
    TodoKind.FILING_RETURNED: ("catalog", RevealKind.PAGE),
    TodoKind.GRANT_EXPIRING: ("authorized_data", RevealKind.GRANT),
    TodoKind.NOTICE: ("overview", RevealKind.NOTICE),
}


def target_of(todo: Todo) -> Reveal:
    page, kind = _TARGETS[todo.kind]
    return Reveal(page, kind, todo.subject_id)
