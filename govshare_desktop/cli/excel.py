"""`govshare import-catalog | export-template | export-catalog`: Excel templates, scriptable.

Exit codes as every command: 0 imported (or a dry run found no errors), 1 errors were found
and nothing was stored, 2 the file is unusable (damaged, encrypted, no catalog table).

The writers (openpyxl) are imported only where a workbook is written (`--report`, the
exports): an import reads with calamine and would otherwise pay a fifth of a second for them.
"""

from __future__ import annotations

import argparse
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from govshare_desktop.cli.common import (
    EXIT_OK,
    EXIT_PROBLEMS,
    finding_entry,
    label,
    print_json,
)
from govshare_desktop.cli.terminal import terminal_safe
from govshare_desktop.cli.words import local_time
from govshare_desktop.domain.enums import Severity
from govshare_desktop.domain.messages import cell_finding_text
from govshare_desktop.domain.progress import Progress
from govshare_desktop.domain.translatable import QT_TRANSLATE_NOOP
from govshare_desktop.services.catalog.importing import ImportReport

if TYPE_CHECKING:
    from govshare_desktop.app.context import AppContext
    from govshare_desktop.domain.messages import Translate

log = logging.getLogger(__name__)

TEXT = {
    "imported": QT_TRANSLATE_NOOP(
        "Cli",
        "Imported {resources} resource(s) with {items} data item(s): {new} new, {changed} "
        "changed, {unchanged} unchanged.",
    ),
    "dry_run": QT_TRANSLATE_NOOP(
        "Cli",
        "Dry run: {resources} resource(s) with {items} data item(s) would be imported: {new} "
        "new, {changed} changed, {unchanged} unchanged. Nothing was stored.",
    ),
    "rejected": QT_TRANSLATE_NOOP(
        "Cli",
        "{errors} error(s) and {warnings} warning(s) in {resources} resource(s). Nothing was "
        "stored; fix the workbook and import it again.",
    ),
    "again": QT_TRANSLATE_NOOP("Cli", "This workbook was already imported on {at}."),
    "report": QT_TRANSLATE_NOOP("Cli", "The workbook with the problems marked: {path}"),
    "template": QT_TRANSLATE_NOOP("Cli", "Wrote the catalog template to {path}."),
    "catalog": QT_TRANSLATE_NOOP("Cli", "Exported {n} resource(s) to {path}."),
}


def _say(speak: Translate, key: str, **params: object) -> str:
    return speak("Cli", TEXT[key]).format(**params)


def _print_findings(report: ImportReport, speak: Translate) -> None:
    for finding in report.findings:
        where = terminal_safe(f"{finding.sheet}!{finding.cell or finding.row}")
        level = label(speak, "error" if finding.severity is Severity.ERROR else "warning")
        message = terminal_safe(cell_finding_text(finding, speak))
        print(f"{where}\t{terminal_safe(finding.column)}\t{level}: {message}")


def _summary(report: ImportReport, speak: Translate) -> str:
    counts = {"resources": report.resources, "items": report.data_items, "new": report.new,
              "changed": report.changed, "unchanged": report.unchanged}  # fmt: skip
    if not report.ok:
        return _say(speak, "rejected", errors=len(report.errors),
                    warnings=len(report.warnings), resources=report.resources)  # fmt: skip
    return _say(speak, "imported" if report.stored else "dry_run", **counts)


def cmd_import(ctx: AppContext, args: argparse.Namespace, speak: Translate) -> int:
    source = Path(args.file)
    progress = Progress(lambda done, total, phase: log.info("import %s %s/%s", phase, done, total))
    report = ctx.services.catalog_import.run(source, dry_run=args.dry_run, progress=progress)
    if args.report:
        from govshare_desktop.excel.report_writer import write_report  # noqa: PLC0415 - openpyxl

        messages = [cell_finding_text(f, speak) for f in report.findings]
        write_report(source, report.findings, messages, Path(args.report))
    if args.json:
        print_json(
            {
                "ok": report.ok,
                "resources": report.resources,
                "data_items": report.data_items,
                "errors": [finding_entry(f, cell_finding_text(f, speak)) for f in report.errors],
                "warnings": [
                    finding_entry(f, cell_finding_text(f, speak)) for f in report.warnings
                ],
                "layout": report.layout,
                "dry_run": report.dry_run,
                "stored": report.stored,
                "new": report.new,
                "changed": report.changed,
                "unchanged": report.unchanged,
                "sha256": report.sha256,
                "imported_before": report.imported_before,
            }
        )
    else:
        _print_findings(report, speak)
        if report.imported_before:
            print(_say(speak, "again", at=local_time(report.imported_before)))
        print(_summary(report, speak))
        if args.report:
            print(_say(speak, "report", path=terminal_safe(args.report)))
    return EXIT_OK if report.ok else EXIT_PROBLEMS


def cmd_export_template(ctx: AppContext, args: argparse.Namespace, speak: Translate) -> int:
    from govshare_desktop.excel.template_writer import write_template  # noqa: PLC0415 - openpyxl

    write_template(Path(args.output), ctx.profile)
    if args.json:
        print_json({"ok": True, "path": args.output})
    else:
        print(_say(speak, "template", path=terminal_safe(args.output)))
    return EXIT_OK


def cmd_export_catalog(ctx: AppContext, args: argparse.Namespace, speak: Translate) -> int:
    from govshare_desktop.excel.template_writer import write_template  # noqa: PLC0415 - openpyxl

    resources = ctx.services.catalog.list_resources(args.unit)
    write_template(Path(args.output), ctx.profile, resources)
    if args.json:
        print_json({"ok": True, "path": args.output, "resources": len(resources)})
    else:
        print(_say(speak, "catalog", n=len(resources), path=terminal_safe(args.output)))
    return EXIT_OK
