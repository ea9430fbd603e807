"""`govshare login | logout`: the officer's sign-in to the platform, headless.

The password is read from stdin when stdin is not a terminal (a script pipes it, one line),
else asked for without echo; it is never an argument (arguments show in process lists and
shell histories). Exit codes as every command: 0 done; 1 `logout` refused because changes
wait to be sent (`--force` signs out anyway; the changes stay); 2 the sign-in failed
(wrong password, another unit's account, no keyring, the platform unreachable, ...).
"""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import TYPE_CHECKING

from govshare_desktop.cli.common import EXIT_OK, EXIT_PROBLEMS, print_json
from govshare_desktop.cli.terminal import terminal_safe
from govshare_desktop.domain.errors import ErrorCode, KnownError
from govshare_desktop.domain.messages import error_text
from govshare_desktop.domain.translatable import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from govshare_desktop.app.context import AppContext
    from govshare_desktop.domain.identity import Identity
    from govshare_desktop.domain.messages import Translate

TEXT = {
    "password": QT_TRANSLATE_NOOP("Cli", "Password: "),
    "signed_in": QT_TRANSLATE_NOOP("Cli", "Signed in as {name} ({officer}) of {unit} ({code})."),
    "platform": QT_TRANSLATE_NOOP("Cli", "Platform"),
    "signed_out": QT_TRANSLATE_NOOP("Cli", "Signed out."),
    "still_waiting": QT_TRANSLATE_NOOP(
        "Cli", "{n} change(s) stay on this PC until someone of the unit signs in again."
    ),
    "force": QT_TRANSLATE_NOOP(
        "Cli", "Sync first, or sign out anyway (the changes stay): govshare logout --force"
    ),
}


def _say(speak: Translate, key: str, **params: object) -> str:
    return speak("Cli", TEXT[key]).format(**params)


def _password(speak: Translate) -> str:
    """One line from a pipe, or typed without echo at a terminal."""
    if sys.stdin is None or not sys.stdin.isatty():
        line = sys.stdin.readline() if sys.stdin is not None else ""
        return line.removesuffix("\n").removesuffix("\r")
    return getpass.getpass(_say(speak, "password"))


def _identity(officer: Identity, url: str) -> dict[str, object]:
    return {
        "officer": officer.officer,
        "display_name": officer.display_name,
        "unit_code": officer.unit_code,
        "unit_name": officer.unit_name,
        "unit_credit_code": officer.unit_credit_code,
        "roles": sorted(officer.roles),
        "platform": url,
    }


def cmd_login(ctx: AppContext, args: argparse.Namespace, speak: Translate) -> int:
    service = ctx.services.sign_in
    url = service.platform.check_url(args.platform or service.platform.url)
    officer = service.sign_in(url, args.user, _password(speak))
    if args.json:
        print_json({"ok": True, **_identity(officer, url)})
    else:
        print(
            _say(
                speak,
                "signed_in",
                name=terminal_safe(officer.display_name or officer.officer),
                officer=terminal_safe(officer.officer),
                unit=terminal_safe(officer.unit_name),
                code=terminal_safe(officer.unit_code),
            )
        )
        print(f"{_say(speak, 'platform')}: {terminal_safe(url)}")
    return EXIT_OK


def cmd_logout(ctx: AppContext, args: argparse.Namespace, speak: Translate) -> int:
    service = ctx.services.sign_in
    try:
        service.sign_out(force=args.force)
    except KnownError as error:
        if error.code is not ErrorCode.SIGN_OUT_UNSENT:
            raise
        message = error_text(error, speak)
        print(message, file=sys.stderr)
        print(_say(speak, "force"), file=sys.stderr)
        if args.json:
            count = error.params["count"]
            print_json(
                {"ok": False, "error": error.code.value, "message": message, "unsent": count}
            )
        return EXIT_PROBLEMS
    waiting = service.unsent()
    if args.json:
        print_json({"ok": True, "unsent": waiting})
    else:
        print(_say(speak, "signed_out"))
        if waiting:
            print(_say(speak, "still_waiting", n=waiting))
    return EXIT_OK
