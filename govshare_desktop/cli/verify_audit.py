"""`govshare verify-audit`: check the audit log's HMAC chain (Art. 17); exit 1 at a break.

Exit 0 when every sealed event matches its seal and the chain's head (the count and the
last seal recorded beside it) — events written while no keyring was usable are listed as
not sealed yet, since they are sealed at the next start that can read the key. Exit 1 names
the first broken link: its sequence number, event id, time, and what is wrong. Exit 2 when
the check cannot run (no usable keyring, or the key is not this user's).
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from govshare_desktop.cli.common import EXIT_OK, EXIT_PROBLEMS, print_json
from govshare_desktop.domain.audit import BreakKind, ChainReport
from govshare_desktop.domain.clock import CHINA_STANDARD_TIME
from govshare_desktop.domain.translatable import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from datetime import datetime

    from govshare_desktop.app.context import AppContext
    from govshare_desktop.domain.messages import Translate

CONTEXT = "VerifyAudit"

WORDS = {
    "intact": QT_TRANSLATE_NOOP(
        "VerifyAudit", "The audit log is intact: {n} sealed event(s) checked."
    ),
    "unsealed": QT_TRANSLATE_NOOP(
        "VerifyAudit",
        "{n} event(s) written while no system credential store was usable are not sealed "
        "yet; they are sealed, in order, the next time GovShare Desktop can read its key.",
    ),
    "broken": QT_TRANSLATE_NOOP(
        "VerifyAudit", "The audit log is broken at event {seq} (id {id}, {at}): {what}"
    ),
    "before": QT_TRANSLATE_NOOP("VerifyAudit", "The {n} sealed event(s) before it are intact."),
    "no_time": QT_TRANSLATE_NOOP("VerifyAudit", "time unknown"),
}

WHAT = {
    BreakKind.ALTERED: QT_TRANSLATE_NOOP(
        "VerifyAudit", "it does not match its seal: it was changed after it was written."
    ),
    BreakKind.MISSING: QT_TRANSLATE_NOOP(
        "VerifyAudit",
        "the event(s) from number {expected} up to it are missing: they were removed.",
    ),
    BreakKind.REORDERED: QT_TRANSLATE_NOOP(
        "VerifyAudit", "it was sealed at another place in the log: events were reordered."
    ),
    BreakKind.TRUNCATED: QT_TRANSLATE_NOOP(
        "VerifyAudit",
        "the log ends here, but was sealed up to event {expected}: events were removed "
        "from its end.",
    ),
    BreakKind.HEAD_ALTERED: QT_TRANSLATE_NOOP(
        "VerifyAudit",
        "the record of where the log ends does not match its seal: it was changed or removed.",
    ),
    BreakKind.UNSEALED_GAP: QT_TRANSLATE_NOOP(
        "VerifyAudit", "it is not sealed, but sealed events follow it: its seal was removed."
    ),
    BreakKind.CHECKSUM: QT_TRANSLATE_NOOP(
        "VerifyAudit",
        "it is not sealed yet and does not match its checksum: it was changed or damaged.",
    ),
}


def _time(at: datetime | None, speak: Translate) -> str:
    if at is None:
        return speak(CONTEXT, WORDS["no_time"])
    from datetime import UTC  # noqa: PLC0415

    return at.replace(tzinfo=UTC).astimezone(CHINA_STANDARD_TIME).strftime("%Y-%m-%d %H:%M:%S")


def _json(report: ChainReport) -> dict[str, object]:
    broken = report.broken
    return {
        "ok": report.intact,
        "sealed": report.sealed,
        "unsealed": report.unsealed,
        "broken": None
        if broken is None
        else {
            "kind": broken.kind.value,
            "seq": broken.seq,
            "id": broken.event_id,
            "at": broken.at,
            "expected_seq": broken.expected_seq,
        },
    }


def cmd_verify_audit(ctx: AppContext, args: argparse.Namespace, speak: Translate) -> int:
    report = ctx.services.audit.verify()
    if args.json:
        print_json(_json(report))
        return EXIT_OK if report.intact else EXIT_PROBLEMS
    broken = report.broken
    if broken is None:
        print(speak(CONTEXT, WORDS["intact"]).format(n=report.sealed))
        if report.unsealed:
            print(speak(CONTEXT, WORDS["unsealed"]).format(n=report.unsealed))
        return EXIT_OK
    what = speak(CONTEXT, WHAT[broken.kind]).format(expected=broken.expected_seq)
    at = _time(broken.at, speak)
    print(speak(CONTEXT, WORDS["broken"]).format(seq=broken.seq, id=broken.event_id, at=at,
                                                 what=what))  # fmt: skip
    print(speak(CONTEXT, WORDS["before"]).format(n=report.sealed))
    return EXIT_PROBLEMS
