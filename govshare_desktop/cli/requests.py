"""`govshare requests`: the share requests (共享申请) held here, headless and offline.

`list` by direction (in: this unit is the provider; out: the requester; authority: the
competent authority) and state; `show` one with its attachments, its history, the steps
queued on this PC (and any the platform refused, with its words) and what may be done
next. The platform's latest word arrives with `govshare sync --once`.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from govshare_desktop.cli.common import EXIT_OK, EXIT_PROBLEMS, label, print_json
from govshare_desktop.cli.terminal import terminal_safe
from govshare_desktop.cli.words import EMPTY, Words, local_time
from govshare_desktop.domain.enums import ShareRequestState
from govshare_desktop.domain.share_requests import Direction, ShareRequestView
from govshare_desktop.domain.share_words import history_word, word

if TYPE_CHECKING:
    from govshare_desktop.app.context import AppContext
    from govshare_desktop.domain.messages import Translate

DIRECTIONS = {"in": Direction.INCOMING, "out": Direction.OUTGOING, "authority": Direction.AUTHORITY}
_ORDER = (Direction.OUTGOING, Direction.INCOMING, Direction.AUTHORITY)
_DIRECTION_LABELS = {
    Direction.OUTGOING: "request_out",
    Direction.INCOMING: "request_in",
    Direction.AUTHORITY: "request_authority",
}


def _state(speak: Translate, state: ShareRequestState | None) -> str:
    return word(state, speak) if state is not None else EMPTY


def _action(speak: Translate, action: str) -> str:
    return history_word(action, speak)


def _summary(view: ShareRequestView) -> dict[str, Any]:
    request = view.request
    return {
        "id": request.id,
        "state": request.state.value,
        "directions": sorted(d.value for d in view.directions),
        "requester_unit_code": request.requester_unit_code,
        "provider_unit_code": request.provider_unit_code,
        "authority_unit_code": request.authority_unit_code,
        "resource_code": request.resource_code,
        "data_items": list(request.data_item_names),
        "purpose": request.purpose,
        "legal_basis": request.legal_basis,
        "share_method": request.share_method,
        "use_from": request.use_from,
        "use_until": request.use_until,
        "contact_name": request.contact_name,
        "contact_phone": request.contact_phone,
        "explanation_due": request.explanation_due,
        "coordination_due": request.coordination_due,
        "grant_id": request.grant_id,
        "sync_state": view.sync_state.value,
        "server_version": view.server_version,
        "allowed_actions": [a.value for a in view.actions],
        "queued": [
            {
                "seq": s.seq, "action": s.action.value, "text": s.text, "refused": s.refused,
                "http_status": s.http_status, "error": s.error,
            }
            for s in view.queued
        ],
    }  # fmt: skip


def cmd_list(ctx: AppContext, args: argparse.Namespace, speak: Translate) -> int:
    direction = DIRECTIONS[args.direction] if args.direction else None
    state = ShareRequestState(args.state) if args.state else None
    views = ctx.services.share_requests.requests(direction, state)
    if args.json:
        print_json({"requests": [_summary(v) for v in views]})
        return EXIT_OK
    heads = ("request_direction", "request_state", "request_provider", "code", "request_id")
    print("\t".join(label(speak, h) for h in heads))
    for view in views:
        request = view.request
        ways = "、".join(label(speak, _DIRECTION_LABELS[d]) for d in _ORDER if d in view.directions)
        state_text = _state(speak, request.state)
        if any(s.refused for s in view.queued):
            state_text += " " + label(speak, "request_refused_mark")
        elif view.queued:
            state_text += " " + label(speak, "request_queued_mark", n=len(view.queued))
        cells = (ways or EMPTY, state_text, request.provider_unit_code, request.resource_code,
                 request.id)  # fmt: skip
        print("\t".join(terminal_safe(c) for c in cells))
    print(label(speak, "request_count", n=len(views)))
    return EXIT_OK


def cmd_show(ctx: AppContext, args: argparse.Namespace, speak: Translate) -> int:
    view = ctx.services.share_requests.get(args.id.strip())
    if view is None:
        if args.json:
            print_json({"error": "not_found", "id": args.id})
        else:
            print(label(speak, "request_not_found", id=terminal_safe(args.id)))
        return EXIT_PROBLEMS
    request = view.request
    if args.json:
        document = _summary(view)
        document["events"] = [
            {
                "seq": e.seq, "action": e.action, "at": e.at, "actor": e.actor,
                "actor_unit_code": e.actor_unit_code, "text": e.text,
                "from_state": e.from_state.value if e.from_state else None,
                "to_state": e.to_state.value if e.to_state else None, "details": e.details,
            }
            for e in request.events
        ]  # fmt: skip
        document["attachments"] = [
            {"id": a.id, "name": a.name, "size": a.size, "sha256": a.sha256,
             "uploaded_by": a.uploaded_by, "held": a.held, "sent": not a.local}
            for a in view.attachments
        ]  # fmt: skip
        print_json(document)
        return EXIT_OK
    words = Words.of(ctx, speak)
    period = EMPTY
    if request.use_from or request.use_until:
        period = f"{request.use_from or EMPTY} – {request.use_until or EMPTY}"
    contact = " ".join(filter(None, (request.contact_name, request.contact_phone))) or EMPTY
    rows = (
        ("request_id", request.id),
        ("request_state", _state(speak, request.state)),
        ("request_requester", request.requester_unit_code),
        ("request_provider", request.provider_unit_code),
        ("request_authority", request.authority_unit_code or EMPTY),
        ("code", request.resource_code),
        ("items", "、".join(request.data_item_names) or EMPTY),
        ("request_purpose", request.purpose),
        ("request_legal_basis", request.legal_basis or EMPTY),
        ("share_method", words.field("share_method", request.share_method)),
        ("request_period", period),
        ("request_contact", contact),
        ("request_explanation_due", request.explanation_due or EMPTY),
        ("request_coordination_due", request.coordination_due or EMPTY),
    )
    for key, value in rows:
        print(f"{label(speak, key)}: {terminal_safe(str(value))}")
    actions = "、".join(_action(speak, a.value) for a in view.actions) or EMPTY
    print(f"{label(speak, 'request_actions')}: {actions}")
    if view.attachments:
        print(f"{label(speak, 'request_attachments')}:")
        for a in view.attachments:
            line = label(speak, "request_attachment", name=terminal_safe(a.name), size=a.size,
                         sha256=a.sha256)  # fmt: skip
            print(f"  {line}")
    print(f"{label(speak, 'request_history')}:")
    for event in request.events:
        moved = f"{_state(speak, event.from_state)} → {_state(speak, event.to_state)}"
        text = f"：{terminal_safe(event.text)}" if event.text else ""
        who = f"{terminal_safe(event.actor)}（{event.actor_unit_code}）"
        print(f"  {local_time(event.at)}\t{_action(speak, event.action)}\t{who}\t{moved}{text}")
    for step in view.queued:
        if step.refused:
            line = label(speak, "request_step_refused", action=_action(speak, step.action),
                         reason=terminal_safe(step.error))  # fmt: skip
        else:
            line = label(speak, "request_step_queued", action=_action(speak, step.action))
        print(f"  {line}")
    return EXIT_OK
