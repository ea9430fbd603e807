"""`govshare validate-data FILE --resource CODE`: check a data file before it is uploaded (Art. 7).

Exit 0 when the file has no errors (warnings allowed), 1 when it has, 2 when it cannot be
read at all (`main` turns the `KnownError` into a message). A script reads `--json`; an
officer reads one line per finding, located as Excel names cells ("数据!B7").
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path
from typing import TYPE_CHECKING

from govshare_desktop.cli.common import EXIT_OK, EXIT_PROBLEMS, finding_entry, print_json
from govshare_desktop.cli.terminal import terminal_safe
from govshare_desktop.domain.enums import Severity
from govshare_desktop.domain.messages import cell_finding_text
from govshare_desktop.domain.translatable import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from govshare_desktop.app.context import AppContext
    from govshare_desktop.domain.messages import Translate
    from govshare_desktop.domain.sheet_findings import CellFinding
    from govshare_desktop.services.catalog.data_files import DataFileReport

LABELS = {
    "checked": QT_TRANSLATE_NOOP(
        "Cli", "Checked {rows} row(s) of sheet {sheet} (header on row {header}) for {code} {name}."
    ),
    "clean": QT_TRANSLATE_NOOP("Cli", "No errors: the file fits the resource's data items."),
    "summary": QT_TRANSLATE_NOOP("Cli", "{errors} error(s) and {warnings} warning(s)."),
    "truncated": QT_TRANSLATE_NOOP("Cli", "{n} more finding(s) are counted but not listed."),
    "row": QT_TRANSLATE_NOOP("Cli", "row {n}"),
    "warning": QT_TRANSLATE_NOOP("Cli", "warning"),
    "report": QT_TRANSLATE_NOOP("Cli", "Report written to {path}."),
}

_PLAIN_SHEET_NAME = re.compile(r"\w+")


def _say(speak: Translate, which: str, **params: object) -> str:
    return speak("Cli", LABELS[which]).format(**params)


def _where(finding: CellFinding, speak: Translate) -> str:
    """Sheet and cell as Excel writes a reference: 数据!B7, 'My data'!B7; the row alone
    for a finding about a whole column (a data item without one)."""
    sheet = finding.sheet
    if not _PLAIN_SHEET_NAME.fullmatch(sheet):
        sheet = "'" + sheet.replace("'", "''") + "'"
    if finding.cell:
        return terminal_safe(f"{sheet}!{finding.cell}")
    return terminal_safe(f"{sheet} {_say(speak, 'row', n=finding.row)}")


def _print_json(report: DataFileReport, messages: list[str]) -> None:
    pairs = list(zip(report.findings, messages, strict=True))
    print_json(
        {
            "ok": report.ok,
            "resource": report.resource.code,
            "sheet": report.sheet,
            "header_row": report.header_row,
            "rows": report.rows_checked,
            "errors": [finding_entry(f, m) for f, m in pairs if f.severity is Severity.ERROR],
            "warnings": [finding_entry(f, m) for f, m in pairs if f.severity is not Severity.ERROR],
            "error_count": report.errors,
            "warning_count": report.warnings,
            "truncated": report.truncated,
        }
    )


def _print_text(report: DataFileReport, messages: list[str], speak: Translate) -> None:
    warning = _say(speak, "warning")
    for finding, message in zip(report.findings, messages, strict=True):
        mark = "" if finding.severity is Severity.ERROR else f"{warning}: "
        column, text = terminal_safe(finding.column), terminal_safe(message)
        print(f"{_where(finding, speak)} {column}: {mark}{text}")
    if report.truncated:
        print(_say(speak, "truncated", n=report.truncated))
    resource = report.resource
    print(_say(speak, "checked", rows=report.rows_checked, sheet=terminal_safe(report.sheet),
               header=report.header_row, code=terminal_safe(resource.code),
               name=terminal_safe(resource.name)))  # fmt: skip
    if report.findings or report.truncated:
        print(_say(speak, "summary", errors=report.errors, warnings=report.warnings))
    if report.ok:
        print(_say(speak, "clean"))


def cmd_validate_data(ctx: AppContext, args: argparse.Namespace, speak: Translate) -> int:
    service = ctx.services.data_files
    report = service.check(Path(args.file), args.resource)
    messages = [cell_finding_text(f, speak) for f in report.findings]
    if args.report:
        service.write_report(report, messages, Path(args.report))
    if args.json:
        _print_json(report, messages)
    else:
        _print_text(report, messages, speak)
        if args.report:
            print(_say(speak, "report", path=terminal_safe(args.report)))
    return EXIT_OK if report.ok else EXIT_PROBLEMS
