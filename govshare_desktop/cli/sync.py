"""`govshare sync --once`: one sync cycle, headless, for an officer's script or a scheduled
task. The exit code says what to do next:

- 0: everything was sent and the platform's changes were taken in;
- 1: the platform refused some changes (listed; they wait on the 同步 page);
- 2: the platform address is not set (Settings, or `govshare login --platform URL`);
- 3: the platform could not be reached, or asked to come back later: try again later;
- 4: conflicts wait for the officer (resolve them in the app's 同步 page);
- 5: sign-in needed (`govshare login`); every change waits on this PC meanwhile.

Exit 3 takes precedence over 4 (the conflicts listed may be out of date offline).
"""

from __future__ import annotations

import argparse
import logging
import sys
from typing import TYPE_CHECKING

from govshare_desktop.cli.common import EXIT_OK, EXIT_PROBLEMS, EXIT_UNUSABLE, print_json
from govshare_desktop.cli.terminal import terminal_safe
from govshare_desktop.cli.words import local_time
from govshare_desktop.domain.messages import error_text
from govshare_desktop.domain.progress import Progress
from govshare_desktop.domain.sync_result import SyncOutcome, SyncResult
from govshare_desktop.domain.translatable import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from govshare_desktop.app.context import AppContext
    from govshare_desktop.domain.messages import Translate

log = logging.getLogger(__name__)

EXIT_UNREACHABLE, EXIT_CONFLICTS, EXIT_SIGN_IN = 3, 4, 5

TEXT = {
    "done": QT_TRANSLATE_NOOP(
        "Cli", "Synced: {sent} change(s) sent, {applied} change(s) from the platform taken in."
    ),
    "resynced": QT_TRANSLATE_NOOP(
        "Cli", "The platform's changes were read again from the start (its cursor had expired)."
    ),
    "pending": QT_TRANSLATE_NOOP("Cli", "{n} change(s) still wait to be sent."),
    "failed": QT_TRANSLATE_NOOP(
        "Cli", "{n} change(s) were refused by the platform: see the 同步 page in the app."
    ),
    "conflicts": QT_TRANSLATE_NOOP(
        "Cli",
        "{n} conflict(s) wait for you: the platform and this PC changed the same field. "
        "Resolve them on the 同步 page in the app.",
    ),
    "last": QT_TRANSLATE_NOOP("Cli", "Last successful sync: {when}"),
}


def _say(speak: Translate, key: str, **params: object) -> str:
    return speak("Cli", TEXT[key]).format(**params)


EXITS = {
    SyncOutcome.NOT_CONFIGURED: EXIT_UNUSABLE,
    SyncOutcome.SIGN_IN: EXIT_SIGN_IN,
    SyncOutcome.OFFLINE: EXIT_UNREACHABLE,
    SyncOutcome.BUSY: EXIT_UNREACHABLE,
    SyncOutcome.ALREADY_RUNNING: EXIT_UNREACHABLE,
    SyncOutcome.REFUSED: EXIT_PROBLEMS,
}


def exit_code(result: SyncResult) -> int:
    if result.outcome in EXITS:
        return EXITS[result.outcome]
    if result.conflicts:
        return EXIT_CONFLICTS
    return EXIT_PROBLEMS if result.failed else EXIT_OK


def cmd_sync(ctx: AppContext, args: argparse.Namespace, speak: Translate) -> int:
    progress = Progress(lambda done, total, phase: log.info("sync %s %s/%s", phase, done, total))
    result = ctx.services.sync.run_once(progress)
    code = exit_code(result)
    message = error_text(result.error, speak) if result.error is not None else ""
    if args.json:
        print_json(
            {
                "ok": code == EXIT_OK,
                "outcome": result.outcome.value,
                "sent": result.sent,
                "refused": result.refused,
                "applied": result.applied,
                "resynced": result.resynced,
                "pending": result.pending,
                "failed": result.failed,
                "conflicts": result.conflicts,
                "retry_after": result.retry_after,
                "error": result.error.code.value if result.error is not None else None,
                "message": message,
                "detail": result.detail,  # the technical cause, for IT support
            }
        )
        return code
    if message:
        print(terminal_safe(message), file=sys.stderr)
    if result.outcome is SyncOutcome.DONE:
        print(_say(speak, "done", sent=result.sent, applied=result.applied))
        if result.resynced:
            print(_say(speak, "resynced"))
    for key, count in (
        ("pending", result.pending),
        ("failed", result.failed),
        ("conflicts", result.conflicts),
    ):
        if count:
            print(_say(speak, key, n=count))
    if result.outcome is not SyncOutcome.DONE:
        last = ctx.services.status.snapshot().last_sync_at
        if last is not None:
            print(_say(speak, "last", when=local_time(last)))
    return code
