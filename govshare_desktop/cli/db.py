"""`govshare info` and `govshare db upgrade|check`: where the data is and whether it is sound."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from govshare_desktop import __version__
from govshare_desktop.assets import DEFAULT_PROFILE, profile_path
from govshare_desktop.cli.common import EXIT_OK, EXIT_PROBLEMS, label, print_json
from govshare_desktop.cli.terminal import terminal_safe
from govshare_desktop.domain.profile import load_profile
from govshare_desktop.store.schema_version import HEAD_REVISION

if TYPE_CHECKING:
    from govshare_desktop.app.context import AppContext
    from govshare_desktop.cli.session import Session
    from govshare_desktop.domain.messages import Translate


def cmd_info(session: Session, args: argparse.Namespace, speak: Translate) -> int:
    """Answered from the preflight alone when the database is at this build's schema; a
    missing or older one is opened (a missing one created) as every command opens it."""
    preflight = session.preflight
    if preflight.needs_migration:
        ctx = session.ctx
        revision, profile = ctx.services.database.schema_revision(), ctx.profile
    else:
        revision, profile = preflight.revision, load_profile(profile_path(DEFAULT_PROFILE))
    paths = preflight.paths
    data = {
        "version": __version__,
        "home": str(paths.home),
        "db": str(paths.db),
        "schema": revision,
        "head": HEAD_REVISION,
        "profile": f"{profile.id} ({profile.name})",
        "log": str(paths.log_file),
    }
    if args.json:
        print_json(data)
    else:
        for key, value in data.items():
            shown = terminal_safe(value) if value is not None else label(speak, "none")
            print(f"{label(speak, key)}: {shown}")
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
        schema = report.schema or label(speak, "none")
        print(f"{label(speak, 'db')}: {terminal_safe(str(ctx.paths.db))}")
        print(f"{label(speak, 'schema')}: {schema}  ({label(speak, 'head')}: {report.head})")
        for problem in report.problems:
            print(f"{label(speak, 'problem')}: {terminal_safe(problem)}")
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
            print(f"{label(speak, 'backup')}: {terminal_safe(str(result.backup))}")
    else:
        print(label(speak, "current"))
    return EXIT_OK
