"""Import a catalog workbook: read, judge every row by the editor's rules, store all or nothing.

A real import is one write transaction: every resource of the workbook is stored, or (on an
error finding, a cancel, a crash) none is. Rows are matched to resources already held by
resource code, so importing the same workbook again updates instead of duplicating, and
the report says what is new, changed or unchanged. Columns the workbook does not have
keep their stored values (a one-source note, a derivation link).

An import never changes an existing resource unless asked to (`update_existing`): the
template's example code is the first free code, the very one the editor gives the first
resource typed by hand. The report lists every existing resource the workbook would
change, name before and after and field by field; without consent such rows are
`code_taken` errors and nothing is stored. A stored import keeps a record (the ids it
created, the content it replaced) in its own transaction, so `undo` can take the whole
import back as one step for as long as none of it has been synced and no later edit
would be overwritten.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from govshare_desktop.domain.catalog_diff import FieldChange, ResourceChange, resource_change
from govshare_desktop.domain.entities import DataItem, Resource, new_id
from govshare_desktop.domain.enums import Severity, SyncState
from govshare_desktop.domain.errors import ErrorCode, KnownError
from govshare_desktop.domain.import_undo import (
    ChangedResource,
    ImportRecord,
    UndoneImport,
    content_of,
)
from govshare_desktop.domain.profile import CatalogProfile
from govshare_desktop.domain.progress import Progress
from govshare_desktop.domain.sheet_findings import CellFinding, SheetCode, column_letter
from govshare_desktop.domain.validation import validate_catalog
from govshare_desktop.excel.catalog_reader import (
    CatalogReader,
    Overrides,
    ParsedCatalog,
    ParsedResource,
    catalog_matcher,
)
from govshare_desktop.excel.header import TableHeader
from govshare_desktop.excel.read_ahead import ReadAhead
from govshare_desktop.excel.values import text
from govshare_desktop.excel.workbook import open_workbook
from govshare_desktop.services.catalog.import_undo import take_back
from govshare_desktop.services.executor import writes
from govshare_desktop.services.gc_pause import collection_paused
from govshare_desktop.services.runtime import Runtime, Service
from govshare_desktop.store.repositories.audit import AuditRepository
from govshare_desktop.store.repositories.bulk_import import BulkResourceWriter
from govshare_desktop.store.repositories.imports import ImportRecords
from govshare_desktop.store.repositories.outbox import OutboxRepository
from govshare_desktop.store.repositories.resources import ResourceRepository

AUDIT_ACTION = "catalog.import"
UNDO_ACTION = "catalog.import.undo"
# True: any existing resource may be changed; a set: only these (the ones the officer saw
# and agreed to); False: none (rows that would change one are `code_taken` errors).
UpdateExisting = bool | frozenset[str]
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
class ExistingChange:
    """An existing resource the workbook changes, as the officer must see it before agreeing:
    its code, its name before and after, and every field that differs (data items by name).
    `revived`: it had been deleted and comes back with the workbook's content."""

    resource_id: str
    code: str
    sheet: str
    row: int  # the workbook row, as Excel numbers it
    name_before: str
    name_after: str
    diff: ResourceChange
    revived: bool = False

    @property
    def renamed(self) -> bool:
        """Another name under the same code: most likely another resource whose code
        collides with one of the catalog's, not an update of it."""
        return not self.revived and self.name_before.strip() != self.name_after.strip()

    @property
    def fields(self) -> tuple[FieldChange, ...]:
        return self.diff.fields


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
    changes: tuple[ExistingChange, ...] = ()  # existing resources it changes, by row
    import_id: str | None = None  # the stored import, to undo it
    created: tuple[str, ...] = ()  # ids of the resources the stored import created

    @property
    def overwrites(self) -> tuple[ExistingChange, ...]:
        """The live resources it changes (what the officer must agree to)."""
        return tuple(c for c in self.changes if not c.revived)

    @property
    def renamed(self) -> tuple[ExistingChange, ...]:
        return tuple(c for c in self.changes if c.renamed)

    @property
    def errors(self) -> list[CellFinding]:
        return [f for f in self.findings if f.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[CellFinding]:
        return [f for f in self.findings if f.severity is not Severity.ERROR]

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass(frozen=True, slots=True)
class _Update:
    parsed: ParsedResource
    current: Resource
    incoming: Resource
    before: dict[str, Any]  # content_of(current)
    revived: bool  # current is a tombstone


@dataclass(slots=True)
class _Plan:
    fresh: list[Resource] = field(default_factory=list)
    updates: list[_Update] = field(default_factory=list)
    unchanged: int = 0

    def changes(self, sheet: str, profile: CatalogProfile) -> tuple[ExistingChange, ...]:
        """Each update as the officer reads it, its fields in the editor's order."""
        order = {f.key: float(i) for i, f in enumerate(profile.fields)}
        order["format_detail"] = order.get("format_category", len(order)) + 0.5

        def place(change: FieldChange) -> float:
            key = "classification" if change.field.startswith("class_") else change.field
            return order.get(key, len(order))

        found = []
        for u in self.updates:
            diff = resource_change(u.current.id, u.before, content_of(u.incoming))
            if diff is None:  # a revived tombstone the workbook leaves as it was
                diff = ResourceChange(u.current.id, u.incoming.code, u.incoming.name)
            diff = replace(diff, fields=tuple(sorted(diff.fields, key=place)))
            found.append(
                ExistingChange(u.current.id, u.current.code, sheet, u.parsed.row,
                               u.current.name, u.incoming.name, diff, u.revived)
            )  # fmt: skip
        return tuple(found)


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


class CatalogImportService(Service):
    def __init__(self, runtime: Runtime) -> None:
        super().__init__(runtime)
        # The resources the latest import created, as it stored them: an undo compares
        # one edited since against it (equal again after the edit was taken back).
        # Memory only, this session; without it a resource edited since counts as changed.
        self._fresh: tuple[str, Sequence[Resource]] = ("", ())

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
        update_existing: UpdateExisting = False,
        read_ahead: ReadAhead | None = None,
    ) -> ImportReport:
        """Read, check and (unless `dry_run` or an error was found) store the workbook.

        Existing resources are changed only as `update_existing` allows; a row that would
        change another one is a `code_taken` error. Raises `KnownError` when the file
        itself is unusable; findings in its rows are in the report. `progress` may cancel:
        nothing is stored then. `read_ahead`: the same file, already being read (the CLI
        starts it before the store loads); it is taken whatever happens.
        """
        if read_ahead is not None and read_ahead.path != path:
            read_ahead.discard()
            raise ValueError(f"{read_ahead.path} was read ahead, not {path}")
        with collection_paused():
            unit = unit_code or self._rt.unit_code
            return self._run(
                path, unit, dry_run=dry_run, overrides=overrides or {}, progress=progress,
                update_existing=update_existing, read_ahead=read_ahead,
            )  # fmt: skip

    def _run(
        self,
        path: Path,
        unit_code: str,
        *,
        dry_run: bool,
        overrides: Overrides,
        progress: Progress | None,
        update_existing: UpdateExisting,
        read_ahead: ReadAhead | None,
    ) -> ImportReport:
        progress = progress or Progress.silent()
        progress.report(0, 0, "read")
        opened = read_ahead.take() if read_ahead is not None else open_workbook(path)
        with opened as workbook:
            parsed = CatalogReader(self.profile, unit_code).read(workbook, overrides, progress)
        progress.report(0, 0, "check")
        findings = judge(parsed, self.profile)
        sha = _sha256(path)
        with self._db.read() as session:
            owners = ResourceRepository(session).code_owners()
            before = self._imported_before(session, sha)
        findings += self._foreign_codes(parsed, owners)
        columns = tuple(_mapped(parsed.resource_header))
        if parsed.item_header is not None and parsed.item_header is not parsed.resource_header:
            columns += tuple(_mapped(parsed.item_header))
        report = ImportReport(
            file=str(path), sha256=sha, layout=parsed.layout,
            resources=len(parsed.resources), data_items=parsed.data_items + parsed.orphan_items,
            findings=tuple(findings), columns=columns, dry_run=dry_run,
            imported_before=before,
        )  # fmt: skip
        if not report.ok or dry_run:
            # what it would change, even when it cannot be stored: the officer fixes it all
            # in one go, code collisions included
            with self._db.read() as session:
                plan = self._plan(session, parsed, owners)
            return self._reported(report, parsed, plan, self._taken(parsed, plan, update_existing))
        progress.report(0, 0, "store")

        def store() -> tuple[_Plan, list[CellFinding], str | None]:
            with self._db.write() as session:
                plan = self._plan(session, parsed, owners)
                if refused := self._taken(parsed, plan, update_existing):
                    return plan, refused, None  # nothing written: the transaction is empty
                import_id, source = new_id(), {"file": path.name, "sha256": sha}
                changed = self._write(session, plan, source, progress)
                self._record(session, import_id, source, plan, changed)
                self._audit(session, path, sha, plan, import_id)
            self._fresh = (import_id, plan.fresh)
            return plan, [], import_id

        plan, refused, import_id = self.executor.write(store)  # stored by the writer
        report = self._reported(report, parsed, plan, refused)
        if import_id is None:
            return report
        return replace(
            report, stored=True, import_id=import_id, created=tuple(r.id for r in plan.fresh)
        )

    def _reported(
        self, report: ImportReport, parsed: ParsedCatalog, plan: _Plan, refused: list[CellFinding]
    ) -> ImportReport:
        return replace(
            report, findings=report.findings + tuple(refused), new=len(plan.fresh),
            changed=len(plan.updates), unchanged=plan.unchanged,
            changes=plan.changes(parsed.resource_header.sheet, self.profile),
        )  # fmt: skip

    @staticmethod
    def _imported_before(session: Session, sha: str) -> str | None:
        """When this very file was last imported, unless that import was taken back since."""
        audit = AuditRepository(session)
        before = audit.last_with(AUDIT_ACTION, sha)
        if before is None:
            return None
        undone = audit.last_with(UNDO_ACTION, sha)
        if undone is not None and undone.at >= before.at:
            return None
        return before.at.isoformat(timespec="seconds")

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

    @staticmethod
    def _taken(
        parsed: ParsedCatalog, plan: _Plan, update_existing: UpdateExisting
    ) -> list[CellFinding]:
        """A `code_taken` error at the code cell of each row that would change a live
        resource the officer did not agree to change."""
        if update_existing is True:
            return []
        allowed = update_existing if isinstance(update_existing, frozenset) else frozenset()
        header = parsed.resource_header
        index = header.index("code")
        found = []
        for u in plan.updates:
            if u.revived or u.current.id in allowed:
                continue
            row = u.parsed.row
            found.append(
                CellFinding(
                    header.sheet, row, header.headers.get(index, "") if index is not None else "",
                    f"{column_letter(index)}{row}" if index is not None else "",
                    SheetCode.CODE_TAKEN,
                    {"value": u.current.code, "name": u.current.name, "new_name": u.incoming.name},
                )
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
            before = content_of(current)
            if not deleted and content_of(incoming) == before:
                plan.unchanged += 1
            else:
                plan.updates.append(_Update(p, current, incoming, before, deleted))
        return plan

    @staticmethod
    def _write(
        session: Session, plan: _Plan, source: dict[str, str], progress: Progress
    ) -> list[ChangedResource]:
        """Store the plan; returns each changed resource as the undo needs it."""
        repo = ResourceRepository(session)
        outbox = OutboxRepository(session)
        changed = []
        for done, u in enumerate(plan.updates):
            if u.revived:
                repo.restore(u.current.id)
            stored = repo.save(u.incoming)
            carrier = next((op for op in reversed(outbox.ops_of(u.current.id)) if op.open), None)
            changed.append(
                ChangedResource(
                    u.current.id, u.before, content_of(stored.content), stored.envelope.local_rev,
                    stored.envelope.server_version, carrier.seq if carrier else None, u.revived,
                )
            )  # fmt: skip
            if done % 200 == 0:
                progress.report(done, len(plan.updates), "store")
        progress.cancel.raise_if_cancelled()
        BulkResourceWriter(session).insert_new(plan.fresh, source)
        progress.cancel.raise_if_cancelled()
        return changed

    @staticmethod
    def _record(
        session: Session,
        import_id: str,
        source: dict[str, str],
        plan: _Plan,
        changed: list[ChangedResource],
    ) -> None:
        """What the undo needs, in the import's own transaction (nothing to keep when the
        workbook changed nothing)."""
        if not (plan.fresh or changed):
            return
        shared = next((r.id for r in plan.fresh if not r.secret), None)
        batch = OutboxRepository(session).ops_of(shared)[-1].seq if shared else None
        ImportRecords(session).add(
            ImportRecord(import_id, source["file"], source["sha256"],
                         tuple(r.id for r in plan.fresh), tuple(changed), batch)
        )  # fmt: skip

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

    def _audit(self, session: Session, path: Path, sha: str, plan: _Plan, import_id: str) -> None:
        self._rt.audit(
            session, AUDIT_ACTION, "workbook", sha,
            {"file": path.name, "sha256": sha, "new": len(plan.fresh),
             "changed": len(plan.updates), "unchanged": plan.unchanged, "import": import_id},
        )  # fmt: skip

    # ------------------------------------------------------------------ undo
    def latest_import(self) -> str | None:
        """The id of the latest import kept for undoing (it may no longer be undoable)."""
        with self._db.read() as session:
            return ImportRecords(session).latest()

    @writes
    def undo(self, import_id: str) -> UndoneImport:
        """Take a stored import back as one step, in one transaction: the resources it
        created are deleted (an unsent batch loses them: nothing is ever sent for them),
        those it changed get their previous content back, tombstones it revived are
        deleted again.

        Raises `KnownError` and changes nothing when any of it may have reached the
        platform since (`import_undo_synced`), when a later edit would be overwritten
        (`import_undo_edited`), or when the import is not kept (`import_undo_gone`).
        """
        fresh_id, fresh = self._fresh
        with self._db.write() as session:
            records = ImportRecords(session)
            record = records.get(import_id)
            if record is None:
                raise KnownError(ErrorCode.IMPORT_UNDO_GONE)
            done = take_back(session, record, fresh if fresh_id == import_id else ())
            records.remove(import_id)
            self._rt.audit(
                session, UNDO_ACTION, "workbook", record.sha256,
                {"file": record.file, "import": import_id, "deleted": done.deleted,
                 "restored": done.restored},
            )  # fmt: skip
        if fresh_id == import_id:
            self._fresh = ("", [])
        return done
