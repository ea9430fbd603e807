"""`govshare objections`: the data-quality objections (异议, Art. 16) held here, offline.

`list` by direction (in: this unit is the provider and answers; out: this unit raised
them), with their state, what waits to be sent and what the platform refused. The
platform's latest word arrives with `govshare sync --once`.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from govshare_desktop.cli.common import EXIT_OK, label, print_json
from govshare_desktop.cli.terminal import terminal_safe
from govshare_desktop.cli.words import EMPTY
from govshare_desktop.domain.objections import ObjectionDirection, ObjectionView

if TYPE_CHECKING:
    from govshare_desktop.app.context import AppContext
    from govshare_desktop.domain.messages import Translate

DIRECTIONS = {"in": ObjectionDirection.INCOMING, "out": ObjectionDirection.OUTGOING}


def _summary(view: ObjectionView) -> dict[str, Any]:
    objection = view.objection
    return {
        "id": objection.id,
        "direction": view.direction.value if view.direction else None,
        "state": objection.state.value,
        "grant_id": objection.grant_id,
        "raiser_unit_code": objection.raiser_unit_code,
        "provider_unit_code": objection.provider_unit_code,
        "resource_code": objection.resource_code,
        "data_item": objection.data_item_name or None,
        "aspect": objection.aspect.value,
        "description": objection.description,
        "raised_at": objection.raised_at,
        "raised_by": objection.raised_by,
        "answer": objection.answer,
        "answered_at": objection.answered_at,
        "answered_by": objection.answered_by,
        "sync_state": view.sync_state.value,
        "server_version": view.server_version,
        "answerable": view.answerable,
        "queued": [
            {
                "seq": q.seq, "action": q.action,
                "outcome": q.outcome.value if q.outcome else None, "text": q.text,
                "refused": q.refused, "http_status": q.http_status, "error": q.error,
            }
            for q in view.queued
        ],
    }  # fmt: skip


def cmd_list(ctx: AppContext, args: argparse.Namespace, speak: Translate) -> int:
    direction = DIRECTIONS[args.direction] if args.direction else None
    views = ctx.services.objections.objections(direction)
    if args.json:
        print_json({"objections": [_summary(v) for v in views]})
        return EXIT_OK
    heads = ("objection_direction", "objection_state", "objection_aspect", "code",
             "objection_item", "objection_id")  # fmt: skip
    print("\t".join(label(speak, h) for h in heads))
    for view in views:
        objection = view.objection
        way = label(speak, f"objection_{view.direction.value}") if view.direction else EMPTY
        state = label(speak, f"objection_{objection.state.value}")
        if any(q.refused for q in view.queued):
            state += " " + label(speak, "objection_refused_mark")
        elif view.queued:
            state += " " + label(speak, "objection_queued_mark")
        cells = (way, state, label(speak, f"aspect_{objection.aspect.value}"),
                 objection.resource_code or EMPTY, objection.data_item_name or EMPTY,
                 objection.id)  # fmt: skip
        print("\t".join(terminal_safe(c) for c in cells))
    print(label(speak, "objection_count", n=len(views)))
    return EXIT_OK
