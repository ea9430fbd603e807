"""`govshare info` and `govshare db upgrade|check`: where the data is and whether it is sound."""

from __future__ import annotations

import argparse

from govshare_desktop import __version__
from govshare_desktop.app.context import AppContext
from govshare_desktop.cli.common import (
    EXIT_OK,
    EXIT_PROBLEMS,
    label,
    print_json,
)
from govshare_desktop.domain.messages import Translate
from govshare_desktop.store.schema_version import HEAD_REVISION


def cmd_info(ctx: AppContext, args: argparse.Namespace, speak: Translate) -> int:
    revision = ctx.services.database.schema_revision()
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
        print_json(data)
    else:
        for key, value in data.items():
            print(f"{label(speak, key)}: {value if value is not None else label(speak, 'none')}")
    return EXIT_OK


def cmd_db_check(ctx: AppContext, args: argparse.Namespace, speak: Translate) -> int:
    report = ctx.services.database.check()
    if args.json:
        print_json(
            {
                "ok": report.ok,
                "schema": report.schema,
                "head": HEAD_REVISION,
                "problems": list(report.problems),
            }
        )
    else:
        print(f"{label(speak, 'db')}: {ctx.paths.db}")
        print(f"{label(speak, 'schema')}: {report.schema}  ({label(speak, 'head')}: {report.head})")
        for problem in report.problems:
            print(f"{label(speak, 'problem')}: {problem}")
        if not report.at_head:
            print(label(speak, "behind"))
        elif report.ok:
            print(label(speak, "ok"))
    return EXIT_OK if report.ok else EXIT_PROBLEMS


def cmd_db_upgrade(ctx: AppContext, args: argparse.Namespace, speak: Translate) -> int:
    result = ctx.upgrade
    if args.json:
        print_json(
            {
                "from": result.from_revision if result else None,
                "to": result.to_revision if result else ctx.services.database.schema_revision(),
                "backup": str(result.backup) if result and result.backup else None,
            }
        )
    elif result is not None and result.changed:
        print(
            label(
                speak,
                "upgraded",
                old=result.from_revision or label(speak, "none"),
                new=result.to_revision,
            )
        )
        if result.backup:
            print(f"{label(speak, 'backup')}: {result.backup}")
    else:
        print(label(speak, "current"))
    return EXIT_OK


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
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
