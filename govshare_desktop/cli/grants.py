"""`govshare grants`: the grants this unit holds (授权, Art. 14) and their rows.

`list` shows what each grant allows and how it stands; `rows` prints a grant's rows —
granted columns only, from the encrypted copy on this PC where the grant allows one and
the platform confirmed the grant within the offline lease, else from the platform — and is
audited as a view, exactly like the viewer.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from govshare_desktop.cli.common import EXIT_OK, print_json
from govshare_desktop.cli.terminal import terminal_safe
from govshare_desktop.cli.words import EMPTY
from govshare_desktop.domain.grant_data import GrantView
from govshare_desktop.domain.translatable import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from govshare_desktop.app.context import AppContext
    from govshare_desktop.domain.messages import Translate

LABELS = {
    "heads": QT_TRANSLATE_NOOP("Cli", "Resource\tProvider\tValid until\tAllowed\tStatus\tGrant"),
    "count": QT_TRANSLATE_NOOP("Cli", "{n} grant(s)."),
    "offline": QT_TRANSLATE_NOOP("Cli", "offline copy"),
    "export": QT_TRANSLATE_NOOP("Cli", "export"),
    "view": QT_TRANSLATE_NOOP("Cli", "view"),
    "in_force": QT_TRANSLATE_NOOP("Cli", "in force"),
    "expiring": QT_TRANSLATE_NOOP("Cli", "expires within 30 days"),
    "expired": QT_TRANSLATE_NOOP("Cli", "expired"),
    "revoked": QT_TRANSLATE_NOOP("Cli", "revoked: {reason}"),
    "cached": QT_TRANSLATE_NOOP("Cli", "{rows} row(s) kept offline"),
    "lease": QT_TRANSLATE_NOOP("Cli", "offline copy hidden until the next sync"),
    "from_cache": QT_TRANSLATE_NOOP("Cli", "{n} row(s) from the encrypted copy on this PC."),
    "from_platform": QT_TRANSLATE_NOOP("Cli", "{n} row(s) from the platform."),
    "more": QT_TRANSLATE_NOOP("Cli", "More rows follow; ask with --limit."),
}


def _say(speak: Translate, which: str, **params: object) -> str:
    return speak("Cli", LABELS[which]).format(**params)


def _summary(view: GrantView) -> dict[str, Any]:
    grant = view.grant
    return {
        "id": grant.id,
        "resource_code": grant.resource_code,
        "resource_name": grant.resource_name,
        "provider_unit_code": grant.provider_unit_code,
        "data_items": [{"id": i.id, "name": i.name, "data_type": i.data_type}
                       for i in grant.data_items],
        "purpose": grant.purpose,
        "valid_from": grant.valid_from.isoformat(),
        "valid_to": grant.valid_to.isoformat() if grant.valid_to else None,
        "allow_offline_cache": grant.allow_offline_cache,
        "allow_export": grant.allow_export,
        "in_force": view.in_force,
        "expiring_soon": view.expiring_soon,
        "expired": view.expired,
        "revoked_at": grant.revoked_at.isoformat() if grant.revoked_at else None,
        "revocation_reason": grant.revocation_reason,
        "confirmed_at": view.confirmed_at.isoformat() if view.confirmed_at else None,
        "lease_over": view.lease_over,
        "cached_rows": view.cache.rows if view.cache else None,
        "cache_complete": view.cache.complete if view.cache else None,
    }  # fmt: skip


def _status(speak: Translate, view: GrantView) -> str:
    grant = view.grant
    if grant.revoked:
        return _say(speak, "revoked", reason=grant.revocation_reason)
    if view.expired:
        return _say(speak, "expired")
    parts = [_say(speak, "expiring" if view.expiring_soon else "in_force")]
    if view.cache is not None:
        parts.append(_say(speak, "lease") if view.lease_over
                     else _say(speak, "cached", rows=view.cache.rows))  # fmt: skip
    return "；".join(parts)


def cmd_list(ctx: AppContext, args: argparse.Namespace, speak: Translate) -> int:
    views = ctx.services.grant_data.grants()
    if args.json:
        print_json({"grants": [_summary(v) for v in views]})
        return EXIT_OK
    print(_say(speak, "heads"))
    for view in views:
        grant = view.grant
        allowed = [_say(speak, "view")]
        if grant.allow_offline_cache:
            allowed.append(_say(speak, "offline"))
        if grant.allow_export:
            allowed.append(_say(speak, "export"))
        cells = (f"{grant.resource_name}（{grant.resource_code}）", grant.provider_unit_code,
                 grant.valid_to.isoformat() if grant.valid_to else EMPTY, "、".join(allowed),
                 _status(speak, view), grant.id)  # fmt: skip
        print("\t".join(terminal_safe(c) for c in cells))
    print(_say(speak, "count", n=len(views)))
    return EXIT_OK


def cmd_rows(ctx: AppContext, args: argparse.Namespace, speak: Translate) -> int:
    service = ctx.services.grant_data
    source = service.open_rows(args.grant_id.strip())
    limit = max(int(args.limit), 0)
    rows: list[tuple[str | None, ...]] = []
    page, more = 0, limit > 0
    while more and len(rows) < limit:
        found = source.fetch(page)
        rows += found.rows
        more = found.more
        page += 1
    more = more or len(rows) > limit
    rows = rows[:limit]
    names = [c.name for c in source.columns]
    if args.json:
        print_json({
            "grant_id": source.grant.id,
            "source": "cache" if source.offline else "platform",
            "columns": [{"id": c.id, "name": c.name} for c in source.columns],
            "rows": [list(r) for r in rows],
            "more": more,
            "watermark": {"officer": (w := service.watermark()).officer, "unit": w.unit,
                          "time": w.time},
        })  # fmt: skip
        return EXIT_OK
    print("\t".join(terminal_safe(n) for n in names))
    for row in rows:
        print("\t".join(terminal_safe(v or "") for v in row))
    which = "from_cache" if source.offline else "from_platform"
    print(_say(speak, which, n=len(rows)))
    if more:
        print(_say(speak, "more"))
    return EXIT_OK
