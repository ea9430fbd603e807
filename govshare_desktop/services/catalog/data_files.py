"""Check a data file against its catalogued resource before it is attached for upload (Art. 7).

The resource's data items say which columns the file must have and what each may hold; the
officer gets every finding located at its cell, in the GUI or from `govshare validate-data`.
Read-only: nothing is stored, so it runs as a read op and may be cancelled at any row.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from govshare_desktop.domain.data_values import ItemRule
from govshare_desktop.domain.entities import Resource
from govshare_desktop.domain.enums import Severity
from govshare_desktop.domain.errors import ErrorCode, KnownError
from govshare_desktop.domain.progress import Progress
from govshare_desktop.domain.sheet_findings import CellFinding
from govshare_desktop.excel.data_file import check_data_file
from govshare_desktop.services.catalog.resources import CatalogService
from govshare_desktop.services.gc_pause import collection_paused


@dataclass(frozen=True, slots=True)
class DataFileReport:
    """The findings of one data file; `errors`/`warnings` also count the `truncated` ones."""

    path: Path
    resource: Resource
    sheet: str
    header_row: int  # as Excel numbers it
    rows_checked: int
    findings: tuple[CellFinding, ...]
    truncated: int
    errors: int
    warnings: int
    columns: dict[str, str] = field(default_factory=dict)  # item name → header as written

    @property
    def ok(self) -> bool:
        """Ready to attach: no errors (an optional item without a column is only a warning)."""
        return self.errors == 0

    def of_severity(self, severity: Severity) -> list[CellFinding]:
        return [f for f in self.findings if f.severity is severity]


class DataFileService:
    def __init__(self, catalog: CatalogService) -> None:
        self._catalog = catalog

    def rules(self, resource: Resource) -> list[ItemRule]:
        """One rule per data item, types named as the catalog profile labels them."""
        profile = self._catalog.profile
        return [
            ItemRule(item, profile.enum_label("data_type", str(item.data_type)))
            for item in resource.data_items
        ]

    def check(
        self, path: Path, resource_key: str, progress: Progress | None = None
    ) -> DataFileReport:
        """Check the file at `path` against the resource with code or id `resource_key`.

        Raises `KnownError`: NOT_FOUND for an unknown resource or one without data items
        (there is nothing to check against), WORKBOOK_* for a file that cannot be read or
        has no header naming any data item, CANCELLED through `progress`.
        """
        resource = self._catalog.find(resource_key)
        if resource is None:
            raise KnownError(ErrorCode.NOT_FOUND, what=resource_key)
        if not resource.data_items:
            raise KnownError(ErrorCode.NOT_FOUND, what=f"{resource_key} 信息项")
        with collection_paused():  # a sheet of a million cells: see services/gc_pause.py
            result = check_data_file(path, self.rules(resource), progress)
        return DataFileReport(
            path=path,
            resource=resource,
            sheet=result.sheet,
            header_row=result.header_row,
            rows_checked=result.rows_checked,
            findings=tuple(result.findings),
            truncated=result.truncated,
            errors=result.errors,
            warnings=result.warnings,
            columns=result.columns,
        )

    def write_report(self, report: DataFileReport, messages: Sequence[str], out: Path) -> None:
        """Save the findings as a workbook for the officer who fixes the file.

        `messages` are the findings' sentences in the caller's language, one per finding.
        openpyxl is imported only here: most checks never write a report.
        """
        from govshare_desktop.excel.report_writer import write_report  # noqa: PLC0415

        write_report(report.path, report.findings, messages, out)
