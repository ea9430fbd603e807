"""`govshare`: headless commands over the same services as the GUI.

Exit codes: 0 success; 1 the command ran and found problems (e.g. `db check`); 2 it could not
run (bad usage, or an environment error such as a locked or too-new database). Each later
capability adds its subcommands here.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Callable, Sequence
from typing import Any

from govshare_desktop import __version__
from govshare_desktop.app.context import AppContext
from govshare_desktop.assets import i18n_dir
from govshare_desktop.domain.errors import KnownError
from govshare_desktop.domain.messages import Translate, error_text
from govshare_desktop.domain.translatable import QT_TRANSLATE_NOOP
from govshare_desktop.domain.ts_catalog import TsCatalog
from govshare_desktop.store.schema_version import HEAD_REVISION

log = logging.getLogger(__name__)

EXIT_OK, EXIT_PROBLEMS, EXIT_UNUSABLE = 0, 1, 2

LABELS = {
    "version": QT_TRANSLATE_NOOP("Cli", "Version"),
    "home": QT_TRANSLATE_NOOP("Cli", "Data directory"),
    "db": QT_TRANSLATE_NOOP("Cli", "Database"),
    "schema": QT_TRANSLATE_NOOP("Cli", "Schema revision"),
    "head": QT_TRANSLATE_NOOP("Cli", "Newest schema known"),
    "profile": QT_TRANSLATE_NOOP("Cli", "Catalog profile"),
    "log": QT_TRANSLATE_NOOP("Cli", "Log file"),
    "ok": QT_TRANSLATE_NOOP("Cli", "The database is sound and at the newest schema."),
    "behind": QT_TRANSLATE_NOOP(
        "Cli", "The database schema is older than this version; run: govshare db upgrade"
    ),
    "problem": QT_TRANSLATE_NOOP("Cli", "Integrity problem"),
    "upgraded": QT_TRANSLATE_NOOP("Cli", "Upgraded the database from {old} to {new}."),
    "backup": QT_TRANSLATE_NOOP("Cli", "Backup"),
    "current": QT_TRANSLATE_NOOP("Cli", "The database is already at the newest schema."),
    "none": QT_TRANSLATE_NOOP("Cli", "(none)"),
}


def _translator(language: str) -> Translate:
    if language == "en":
        return lambda _context, text: text
    return TsCatalog.load(i18n_dir() / f"govshare_{language}.ts").translate


def _label(speak: Translate, key: str, **params: object) -> str:
    return speak("Cli", LABELS[key]).format(**params)


def _print_json(data: dict[str, Any]) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def cmd_info(ctx: AppContext, args: argparse.Namespace, speak: Translate) -> int:
    revision = ctx.db_service.schema_revision()
    data = {
        "version": __version__,
        "home": str(ctx.paths.home),
        "db": str(ctx.paths.db),
        "schema": revision,
        "head": HEAD_REVISION,
        "profile": f"{ctx.profile.id} ({ctx.profile.name})",
        "log": str(ctx.paths.log_file),
    }
    if args.json:
        _print_json(data)
    else:
        for key, value in data.items():
            print(f"{_label(speak, key)}: {value if value is not None else _label(speak, 'none')}")
    return EXIT_OK


def cmd_db_check(ctx: AppContext, args: argparse.Namespace, speak: Translate) -> int:
    report = ctx.db_service.check()
    if args.json:
        _print_json(
            {
                "ok": report.ok,
                "schema": report.schema,
                "head": HEAD_REVISION,
                "problems": list(report.problems),
            }
        )
    else:
        print(f"{_label(speak, 'db')}: {ctx.paths.db}")
        print(
            f"{_label(speak, 'schema')}: {report.schema}  ({_label(speak, 'head')}: {report.head})"
        )
        for problem in report.problems:
            print(f"{_label(speak, 'problem')}: {problem}")
        if not report.at_head:
            print(_label(speak, "behind"))
        elif report.ok:
            print(_label(speak, "ok"))
    return EXIT_OK if report.ok else EXIT_PROBLEMS


def cmd_db_upgrade(ctx: AppContext, args: argparse.Namespace, speak: Translate) -> int:
    result = ctx.upgrade
    if args.json:
        _print_json(
            {
                "from": result.from_revision if result else None,
                "to": result.to_revision if result else ctx.db_service.schema_revision(),
                "backup": str(result.backup) if result and result.backup else None,
            }
        )
    elif result is not None and result.changed:
        print(
            _label(
                speak,
                "upgraded",
                old=result.from_revision or _label(speak, "none"),
                new=result.to_revision,
            )
        )
        if result.backup:
            print(f"{_label(speak, 'backup')}: {result.backup}")
    else:
        print(_label(speak, "current"))
    return EXIT_OK


Command = Callable[[AppContext, argparse.Namespace, Translate], int]


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--home",
        metavar="DIR",
        help="data directory (default: per-user data dir, or $GOVSHARE_HOME)",
    )
    common.add_argument("--json", action="store_true", help="print one JSON object")
    parser = argparse.ArgumentParser(
        prog="govshare", description="GovShare Desktop, headless.", parents=[common]
    )
    parser.add_argument("--version", action="version", version=f"govshare {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    info = commands.add_parser(
        "info", parents=[common], help="version, data directory, DB, schema, profile"
    )
    info.set_defaults(handler=cmd_info, exclusive=False, migrate=False)
    db = commands.add_parser("db", help="database maintenance")
    db_commands = db.add_subparsers(dest="db_command", required=True, metavar="ACTION")
    upgrade = db_commands.add_parser(
        "upgrade", parents=[common], help="back up, then upgrade to the newest schema"
    )
    upgrade.set_defaults(handler=cmd_db_upgrade, exclusive=True, migrate=True)
    check = db_commands.add_parser(
        "check", parents=[common], help="integrity check; exit 1 unless sound and at head"
    )
    check.set_defaults(handler=cmd_db_check, exclusive=False, migrate=False)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    speak = _translator("zh_CN")
    try:
        ctx = AppContext.open(args.home, exclusive=args.exclusive, migrate=args.migrate)
    except KnownError as error:
        print(error_text(error, speak), file=sys.stderr)
        return EXIT_UNUSABLE
    try:
        speak = _translator(str(ctx.settings.get("ui.language")))
        handler: Command = args.handler
        return handler(ctx, args, speak)
    except KnownError as error:
        log.warning("command failed: %s", error)
        print(error_text(error, speak), file=sys.stderr)
        return EXIT_UNUSABLE
    finally:
        ctx.close()


if __name__ == "__main__":
    raise SystemExit(main())
