"""`govshare`: headless commands over the same services as the GUI.

Exit codes: 0 success; 1 the command ran and found problems (e.g. `db check`, `catalog
validate`); 2 it could not run (bad usage, or an environment error such as a locked or
too-new database). Each capability registers its subcommands from its own module here.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from govshare_desktop import __version__
from govshare_desktop.app.context import AppContext
from govshare_desktop.cli import catalog, data_files, db, excel
from govshare_desktop.cli.common import (
    EXIT_UNUSABLE,
    Command,
    common_options,
    label,
    print_json,
    translator,
)
from govshare_desktop.domain.errors import KnownError
from govshare_desktop.domain.messages import error_text

log = logging.getLogger(__name__)


def build_parser() -> argparse.ArgumentParser:
    common = common_options()
    parser = argparse.ArgumentParser(
        prog="govshare", description="GovShare Desktop, headless.", parents=[common]
    )
    parser.add_argument("--version", action="version", version=f"govshare {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    db.register(commands, common)
    catalog.register(commands, common)
    excel.register(commands, common)
    data_files.register(commands, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    speak = translator("zh_CN")
    try:
        ctx = AppContext.open(args.home, exclusive=args.exclusive, migrate=args.migrate)
    except KnownError as error:
        print(error_text(error, speak), file=sys.stderr)
        return EXIT_UNUSABLE
    try:
        speak = translator(str(ctx.settings.get("ui.language")))
        if getattr(args, "needs_head", False) and ctx.services.database.needs_migration():
            print(label(speak, "behind"), file=sys.stderr)
            return EXIT_UNUSABLE
        handler: Command = args.handler
        return handler(ctx, args, speak)
    except KnownError as error:
        log.warning("command failed: %s", error)
        print(error_text(error, speak), file=sys.stderr)
        if getattr(args, "json", False):
            # scripts reading --json get one object whatever happened
            print_json(
                {"ok": False, "error": error.code.value, "message": error_text(error, speak)}
            )
        return EXIT_UNUSABLE
    finally:
        ctx.close()
