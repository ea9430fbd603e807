"""`govshare`: headless commands over the same services as the GUI.

Exit codes: 0 success; 1 the command ran and found problems (e.g. `db check`, `catalog
validate`); 2 it could not run (bad usage, or an environment error such as a locked or
too-new database, or a full disk); 141 the reader of its output went away (`govshare
catalog list | head -1`), as a Unix tool killed by SIGPIPE ends, so that a `set -o
pipefail` script sees what it sees of `cat` or `grep` — and no traceback.

`parser.py` declares every command; this module imports only the handler module of the
command it runs, so a quick answer does not pay for the whole application's imports.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import logging
import os
import sys
from collections.abc import Callable, Sequence
from contextlib import redirect_stderr, redirect_stdout
from typing import TYPE_CHECKING, TextIO, cast

from govshare_desktop.cli.common import (
    EXIT_BROKEN_PIPE,
    EXIT_UNUSABLE,
    label,
    print_json,
    translator,
)
from govshare_desktop.cli.parser import build_parser
from govshare_desktop.cli.session import Session
from govshare_desktop.cli.terminal import TerminalSafeWriter
from govshare_desktop.domain.errors import KnownError

if TYPE_CHECKING:
    from govshare_desktop.domain.messages import Translate

log = logging.getLogger(__name__)
# A command that fails before its log file is open must not have its log records printed
# by Python's last-resort handler: the officer gets the one translated sentence instead.
logging.getLogger("govshare_desktop").addHandler(logging.NullHandler())


def _handler(name: str) -> Callable[..., int]:
    """The function a command names as "module:function", its module imported only now."""
    module, _, function = name.partition(":")
    found = getattr(importlib.import_module(f"govshare_desktop.cli.{module}"), function)
    return cast("Callable[..., int]", found)


def _report(error: KnownError, speak: Translate, *, as_json: bool) -> int:
    # the sentences of every code import the validation rules: only a failure pays for them
    from govshare_desktop.domain.messages import error_text  # noqa: PLC0415

    log.warning("command failed: %s", error)
    print(error_text(error, speak), file=sys.stderr)
    if as_json:  # scripts reading --json get one object whatever happened
        print_json({"ok": False, "error": error.code.value, "message": error_text(error, speak)})
    return EXIT_UNUSABLE


def _run(args: argparse.Namespace) -> int:
    speak = translator("zh_CN")
    try:
        session = Session.open(args.home, exclusive=args.exclusive, migrate=args.migrate)
    except KnownError as error:
        return _report(error, speak, as_json=args.json)
    args.prepared = None
    try:
        speak = translator(str(session.preflight.settings.get("ui.language")))
        if args.preflight_only:
            return _handler(args.handler)(session, args, speak)
        if getattr(args, "prepare", None):  # e.g. read the workbook while the store loads
            args.prepared = _handler(args.prepare)(args)
        from govshare_desktop.services.gc_pause import collection_paused  # noqa: PLC0415

        # Loading the command's module and the store (SQLAlchemy, the models, the services)
        # allocates a few hundred thousand long-lived objects: the cyclic collector walked
        # them again and again. It is held off meanwhile, and what loaded is set aside
        # (`gc.freeze`) so that no later collection walks it either.
        with collection_paused():
            handler = _handler(args.handler)
            ctx = session.ctx
            gc.freeze()
        if args.needs_head and ctx.services.database.needs_migration():
            print(label(speak, "behind"), file=sys.stderr)
            return EXIT_UNUSABLE
        return handler(ctx, args, speak)
    except KnownError as error:
        return _report(error, speak, as_json=args.json)
    finally:
        if args.prepared is not None:  # not taken: the command ended before it got there
            args.prepared.discard()
        session.close()


def _safe(stream: TextIO) -> TextIO:
    return cast("TextIO", TerminalSafeWriter(stream))


def _stdout_gone() -> int:
    """The reader closed the pipe: nothing more can be said, and Python must not try again
    at exit (the flush there would print 'Exception ignored … BrokenPipeError')."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # not a real file (a test's capture): nothing to protect
        pass
    return EXIT_BROKEN_PIPE


def main(argv: Sequence[str] | None = None) -> int:
    stdout = sys.stdout
    try:
        try:
            with redirect_stderr(_safe(sys.stderr)):
                args = build_parser().parse_args(argv)
                # --json needs no wrapper: print_json escapes whatever a terminal would act on
                with redirect_stdout(stdout if args.json else _safe(stdout)):
                    return _run(args)
        finally:  # a closed pipe shows here (--help's exit too), not in the interpreter's exit
            stdout.flush()
    except BrokenPipeError:
        return _stdout_gone()
