"""Import a catalog workbook: read, judge every row by the editor's rules, store all or nothing.

A real import is one write transaction: every resource of the workbook is stored, or (on an
error finding, a cancel, a crash) none is. Rows are matched to resources already held by
resource code, so importing the same workbook again updates instead of duplicating, and
the report says what is new, changed or unchanged. Columns the workbook does not have
keep their stored values (a one-source note, a derivation link).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from govshare_desktop.domain.entities import DataItem, Resource
from govshare_desktop.domain.enums import Severity, SyncState
from govshare_desktop.domain.profile import CatalogProfile
from govshare_desktop.domain.progress import Progress
from govshare_desktop.domain.resource_content import resource_content
from govshare_desktop.domain.sheet_findings import CellFinding, SheetCode, column_letter
from govshare_desktop.domain.validation import validate_catalog
from govshare_desktop.excel.catalog_reader import (
    CatalogReader,
    Overrides,
    ParsedCatalog,
    catalog_matcher,
)
from govshare_desktop.excel.header import TableHeader
from govshare_desktop.excel.values import text
from govshare_desktop.excel.workbook import open_workbook
from govshare_desktop.services.executor import Executor
from govshare_desktop.services.gc_pause import collection_paused
from govshare_desktop.services.runtime import Runtime
from govshare_desktop.store.repositories.audit import AuditRepository
from govshare_desktop.store.repositories.bulk_import import BulkResourceWriter
from govshare_desktop.store.repositories.resources import ResourceRepository

AUDIT_ACTION = "catalog.import"
# Fields an import never takes from a workbook: identity, unit and the unit's own notes.
_KEPT = ("id", "unit_code", "source_resource_id", "source_version", "one_source_note", "extra")


@dataclass(frozen=True, slots=True)
class MappedColumn:
    """A column of the workbook and the template column it was read as (None: ignored)."""

    sheet: str
    index: int
    letter: str
    header: str
    key: str | None


@dataclass(frozen=True, slots=True)
class ImportReport:
    file: str
    sha256: str
    layout: str
    resources: int  # what the workbook holds, valid or not
    data_items: int
    findings: tuple[CellFinding, ...]
    columns: tuple[MappedColumn, ...]
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    stored: bool = False
    dry_run: bool = False
    imported_before: str | None = None  # when the same file (by sha256) was imported

    @property
    def errors(self) -> list[CellFinding]:
        return [f for f in self.findings if f.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[CellFinding]:
        return [f for f in self.findings if f.severity is not Severity.ERROR]

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass(slots=True)
class _Plan:
    fresh: list[Resource] = field(default_factory=list)
    updates: list[tuple[Resource, Resource]] = field(default_factory=list)
    deleted: set[str] = field(default_factory=set)  # updated ids that were tombstones
    unchanged: int = 0


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _mapped(header: TableHeader) -> list[MappedColumn]:
    indexes = sorted(set(header.headers) | set(header.columns))
    return [
        MappedColumn(
            header.sheet,
            i,
            column_letter(i),
            header.headers.get(i, ""),
            header.columns[i].key if i in header.columns else None,
        )
        for i in indexes
    ]


def _merge_items(old: tuple[DataItem, ...], new: tuple[DataItem, ...]) -> tuple[DataItem, ...]:
    """The workbook's data items, keeping the id (and unwritten fields) of same-named ones."""
    by_name = {i.name: i for i in old}
    merged = []
    for item in new:
        before = by_name.pop(item.name, None)
        if before is None:
            merged.append(item)
        else:
            merged.append(
                replace(before, data_type=item.data_type, length=item.length,
                        description=item.description, extra={**before.extra, **item.extra})
            )  # fmt: skip
    return tuple(merged)


def judge(parsed: ParsedCatalog, profile: CatalogProfile) -> list[CellFinding]:
    """Reading findings, then the editor's rules placed at their cells; a cell the reader
    could not read is not judged again (one finding per bad cell)."""
    findings = list(parsed.findings)
    unreadable = {(f.sheet, f.cell) for f in findings if f.cell and f.severity is Severity.ERROR}
    judged = validate_catalog([p.resource for p in parsed.resources], profile)
    for p in parsed.resources:
        for finding in judged.get(p.resource.id, ()):
            located = parsed.locate(p, finding)
            if located is not None and (located.sheet, located.cell) not in unreadable:
                findings.append(located)
    return findings


class CatalogImportService:
    def __init__(self, runtime: Runtime) -> None:
        self._rt = runtime
        self._db = runtime.database
        self.profile: CatalogProfile = runtime.profile

    @property
    def executor(self) -> Executor:
        return self._rt.executor

    def column_choices(self) -> list[tuple[str, str]]:
        """(key, Chinese label) of every template column a workbook column can be read as."""
        matcher = catalog_matcher(self.profile)
        seen: dict[str, str] = {}
        for column in matcher.columns:
            if column.part is None and column.key != "sequence_no":
                group = f"{column.group} › " if column.group and column.is_item is False else ""
                seen.setdefault(column.key, f"{group}{column.label}")
        return list(seen.items())

    def sheet_rows(self, path: Path, sheet: str) -> list[list[str]]:
        """One sheet's cells as text, for the import dialog's preview of a finding's row."""
        with open_workbook(path) as workbook:
            return [[text(v) for v in row] for row in workbook.sheet(sheet).rows]

    def write_marked(
        self, source: Path, report: ImportReport, messages: Sequence[str], out: Path
    ) -> None:
        """The officer's workbook with each finding's cell highlighted and commented."""
        from govshare_desktop.excel.report_writer import write_report  # noqa: PLC0415 - openpyxl

        write_report(source, report.findings, messages, out)

    def export_template(self, out: Path, resources: Sequence[Resource] = ()) -> None:
        """The catalog template (empty, or holding `resources`) for compilers to fill."""
        from govshare_desktop.excel.template_writer import write_template  # noqa: PLC0415

        write_template(out, self.profile, resources)

    def run(
        self,
        path: Path,
        *,
        unit_code: str = "",
        dry_run: bool = False,
        overrides: Overrides | None = None,
        progress: Progress | None = None,
    ) -> ImportReport:
        """Read, check and (unless `dry_run` or an error was found) store the workbook.

        Raises `KnownError` when the file itself is unusable; findings in its rows are in
        the report. `progress` may cancel: nothing is stored then.
        """
        with collection_paused():
            unit = unit_code or self._rt.unit_code
            return self._run(path, unit, dry_run, overrides or {}, progress)

    def _run(
        self,
        path: Path,
        unit_code: str,
        dry_run: bool,
        overrides: Overrides,
        progress: Progress | None,
    ) -> ImportReport:
        progress = progress or Progress.silent()
        progress.report(0, 0, "read")
        with open_workbook(path) as workbook:
            parsed = CatalogReader(self.profile, unit_code).read(workbook, overrides, progress)
        progress.report(0, 0, "check")
        findings = judge(parsed, self.profile)
        sha = _sha256(path)
        with self._db.read() as session:
            owners = ResourceRepository(session).code_owners()
            before = AuditRepository(session).last_with(AUDIT_ACTION, sha)
        findings += self._foreign_codes(parsed, owners)
        columns = tuple(_mapped(parsed.resource_header))
        if parsed.item_header is not None and parsed.item_header is not parsed.resource_header:
            columns += tuple(_mapped(parsed.item_header))
        report = ImportReport(
            file=str(path), sha256=sha, layout=parsed.layout,
            resources=len(parsed.resources), data_items=parsed.data_items + parsed.orphan_items,
            findings=tuple(findings), columns=columns, dry_run=dry_run,
            imported_before=before.at.isoformat(timespec="seconds") if before else None,
        )  # fmt: skip
        if not report.ok:
            return report
        progress.report(0, 0, "store")
        if dry_run:
            with self._db.read() as session:
                plan = self._plan(session, parsed, owners)
            return replace(report, new=len(plan.fresh), changed=len(plan.updates),
                           unchanged=plan.unchanged)  # fmt: skip

        def store() -> _Plan:
            with self._db.write() as session:
                plan = self._plan(session, parsed, owners)
                self._write(session, plan, {"file": path.name, "sha256": sha}, progress)
                self._audit(session, path, sha, plan)
            return plan

        plan = self.executor.write(store)  # read and checked here, stored by the writer
        return replace(report, new=len(plan.fresh), changed=len(plan.updates),
                       unchanged=plan.unchanged, stored=True)  # fmt: skip

    def _foreign_codes(
        self, parsed: ParsedCatalog, owners: dict[str, tuple[str, str, bool]]
    ) -> list[CellFinding]:
        header = parsed.resource_header
        index = header.index("code")
        found = []
        for p in parsed.resources:
            owner = owners.get(p.resource.code)
            if index is not None and owner and owner[1] == SyncState.READ_ONLY and not owner[2]:
                found.append(
                    CellFinding(header.sheet, p.row, header.headers.get(index, ""),
                                f"{column_letter(index)}{p.row}", SheetCode.CODE_NOT_OURS,
                                {"value": p.resource.code})
                )  # fmt: skip
        return found

    def _plan(
        self, session: Session, parsed: ParsedCatalog, owners: dict[str, tuple[str, str, bool]]
    ) -> _Plan:
        """Sort the workbook's resources into new, changed (with the stored state it
        replaces) and unchanged, against what the DB holds in this transaction."""
        repo = ResourceRepository(session)
        plan = _Plan()
        present = parsed.present_fields()
        for p in parsed.resources:
            owner = owners.get(p.resource.code)
            tracked = repo.get_tracked(owner[0]) if owner is not None else None
            if tracked is None:
                plan.fresh.append(p.resource)
                continue
            current, deleted = tracked.content, tracked.envelope.deleted
            incoming = self._onto(current, p.resource, present)
            if not deleted and resource_content(incoming) == resource_content(current):
                plan.unchanged += 1
            else:
                plan.updates.append((current, incoming))
                if deleted:
                    plan.deleted.add(current.id)
        return plan

    @staticmethod
    def _write(session: Session, plan: _Plan, source: dict[str, str], progress: Progress) -> None:
        repo = ResourceRepository(session)
        for done, (current, incoming) in enumerate(plan.updates):
            if current.id in plan.deleted:
                repo.restore(current.id)
            repo.save(incoming)
            if done % 200 == 0:
                progress.report(done, len(plan.updates), "store")
        progress.cancel.raise_if_cancelled()
        BulkResourceWriter(session).insert_new(plan.fresh, source)
        progress.cancel.raise_if_cancelled()

    @staticmethod
    def _onto(current: Resource, incoming: Resource, present: set[str]) -> Resource:
        """The stored resource with what the workbook says of it (its columns only)."""
        changes: dict[str, Any] = {
            name: getattr(incoming, name)
            for name in present
            if name not in _KEPT and name != "data_items"
        }
        if "data_items" in present:
            changes["data_items"] = _merge_items(current.data_items, incoming.data_items)
        return replace(current, **changes)

    def _audit(self, session: Session, path: Path, sha: str, plan: _Plan) -> None:
        self._rt.audit(
            session, AUDIT_ACTION, "workbook", sha,
            {"file": path.name, "sha256": sha, "new": len(plan.fresh),
             "changed": len(plan.updates), "unchanged": plan.unchanged},
        )  # fmt: skip
