"""备案 (Art. 11): freeze the unit's catalog as a numbered version, submit it, follow the decision.

States: 编制中 (the working copy) → 报备中 (submitted) → 已备案 (filed) or 退回修改
(returned with the authority's reasons). After filing, edits make the next version; filing
again after a reorganisation or a change of duties (Art. 11 §4) needs a reason.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from govshare_desktop.domain.catalog_diff import CatalogDiff, Snapshot, diff_catalogs
from govshare_desktop.domain.clock import utc_naive
from govshare_desktop.domain.entities import CatalogVersion
from govshare_desktop.domain.enums import CatalogVersionState, Severity
from govshare_desktop.domain.errors import ErrorCode, KnownError
from govshare_desktop.domain.resource_content import resource_content
from govshare_desktop.domain.validation import validate_catalog
from govshare_desktop.services.executor import writes
from govshare_desktop.services.runtime import Service
from govshare_desktop.store.repositories.resources import ResourceRepository
from govshare_desktop.store.repositories.versions import VersionRepository

DRAFT = "draft"


@dataclass(frozen=True, slots=True)
class FilingStatus:
    latest: CatalogVersion | None
    draft_differs: bool  # the working copy has changes the latest version does not hold
    reason_required: bool  # a version was filed before: filing again needs a reason
    resources: int = 0  # live resources in the working copy
    errors: int = 0  # errors in the working copy (filing refuses a catalog with any)

    @property
    def can_submit(self) -> bool:
        return not self._in_filing and (self.draft_differs or self._returned)

    @property
    def _in_filing(self) -> bool:
        return self.latest is not None and self.latest.state is CatalogVersionState.SUBMITTED

    def blocker(self) -> KnownError | None:
        """Why a submission now would be refused (a reason aside), or None: what the 备案
        dialog says beside a disabled 提交备案, in the words the refusal itself would use."""
        if self.latest is not None and self._in_filing:
            return KnownError(ErrorCode.FILING_IN_PROGRESS, number=self.latest.number)
        if not self.can_submit:
            return KnownError(ErrorCode.NOTHING_TO_FILE)
        if self.errors:
            return KnownError(ErrorCode.CATALOG_INVALID, errors=self.errors)
        return None

    @property
    def _returned(self) -> bool:
        return self.latest is not None and self.latest.state is CatalogVersionState.RETURNED


class FilingService(Service):
    def _draft(self, session: Any, unit_code: str) -> Snapshot:
        resources = ResourceRepository(session).list_live(unit_code)
        return {r.id: resource_content(r) for r in resources}

    @staticmethod
    def _status(session: Any, unit_code: str, draft: Snapshot) -> FilingStatus:
        versions = VersionRepository(session)
        latest = versions.latest(unit_code)
        frozen = versions.snapshot(unit_code, latest.number) if latest else None
        filed_before = any(
            v.state is CatalogVersionState.FILED for v in versions.for_unit(unit_code)
        )
        differs = not diff_catalogs(frozen or {}, draft).empty if (frozen or draft) else False
        return FilingStatus(latest, differs, filed_before)

    def status(self, unit_code: str) -> FilingStatus:
        """Where the catalog stands, with its size and its errors (from one read)."""
        with self._db.read() as session:
            resources = ResourceRepository(session).list_live(unit_code)
            draft = {r.id: resource_content(r) for r in resources}
            status = self._status(session, unit_code, draft)
        findings = validate_catalog(resources, self.profile)
        errors = sum(
            1 for found in findings.values() for f in found if f.severity is Severity.ERROR
        )
        return replace(status, resources=len(resources), errors=errors)

    def versions(self, unit_code: str) -> list[CatalogVersion]:
        with self._db.read() as session:
            return VersionRepository(session).for_unit(unit_code)

    @writes
    def submit(self, unit_code: str, reason: str = "") -> CatalogVersion:
        """Freeze and submit the working copy; refuses a catalog with errors, or one in filing.

        Checked and frozen in one transaction, from one read of the resources.
        """
        with self._db.write() as session:
            resources = ResourceRepository(session).list_live(unit_code)
            draft = {r.id: resource_content(r) for r in resources}
            status = self._status(session, unit_code, draft)
            latest = status.latest
            if latest is not None and latest.state is CatalogVersionState.SUBMITTED:
                raise KnownError(ErrorCode.FILING_IN_PROGRESS, number=latest.number)
            if status.reason_required and not reason.strip():
                raise KnownError(ErrorCode.FILING_REASON_REQUIRED)
            if not status.can_submit:
                raise KnownError(ErrorCode.NOTHING_TO_FILE)
            findings = validate_catalog(resources, self.profile)
            errors = sum(
                1 for found in findings.values() for f in found if f.severity is Severity.ERROR
            )
            if errors:
                raise KnownError(ErrorCode.CATALOG_INVALID, errors=errors)
            secret = {r.id for r in resources if r.secret}
            version = VersionRepository(session).submit(
                unit_code, draft, secret, reason=reason.strip(),
                actor=self._rt.identity.get().officer, at=utc_naive(self._rt.clock),
            )  # fmt: skip
            self._rt.audit(
                session, "catalog.submit", "catalog_version", version.id,
                {"number": version.number},
            )  # fmt: skip
        return version

    @writes
    def record_decision(
        self, version_id: str, *, filed: bool, comment: str, actor: str
    ) -> CatalogVersion:
        """Apply the authority's decision (from the platform; tests and sync call this)."""
        with self._db.write() as session:
            return VersionRepository(session).record_decision(
                version_id, filed=filed, comment=comment, actor=actor, at=utc_naive(self._rt.clock)
            )

    def history(self, version_id: str) -> list[tuple[str, str, datetime, str]]:
        with self._db.read() as session:
            return VersionRepository(session).history(version_id)

    def diff(self, unit_code: str, old: int | str, new: int | str) -> CatalogDiff:
        """Differences between two versions by number, or a version and the working copy."""
        with self._db.read() as session:
            return diff_catalogs(
                self._state(session, unit_code, old), self._state(session, unit_code, new)
            )

    def resource_states(self, unit_code: str) -> dict[str, str]:
        """Each live resource against the last filed version: "new", "changed" or "filed"."""
        with self._db.read() as session:
            versions = VersionRepository(session)
            filed = [
                v for v in versions.for_unit(unit_code) if v.state is CatalogVersionState.FILED
            ]
            frozen = versions.snapshot(unit_code, filed[-1].number) if filed else None
            draft = self._draft(session, unit_code)
        diff = diff_catalogs(frozen or {}, draft)
        states = dict.fromkeys(draft, "filed")
        states.update({c.resource_id: "new" for c in diff.added})
        states.update({c.resource_id: "changed" for c in diff.changed})
        return states

    def _state(self, session: Any, unit_code: str, which: int | str) -> Snapshot:
        if which == DRAFT:
            return self._draft(session, unit_code)
        snapshot = VersionRepository(session).snapshot(unit_code, int(which))
        if snapshot is None:
            raise KnownError(ErrorCode.NOT_FOUND, what=f"v{which}")
        return snapshot
