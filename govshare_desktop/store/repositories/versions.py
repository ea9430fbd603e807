"""Catalog versions and their 备案 history: frozen snapshots, states, the authority's word.

Submitting freezes every live resource of the unit into the version's snapshot and queues
a `submit` op for the platform in the same transaction; secret resources are frozen locally
(so diffs show them) but left out of what is sent.
"""

from __future__ import annotations

import json
import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from govshare_desktop.domain.changes import EntityKind
from govshare_desktop.domain.entities import CatalogVersion
from govshare_desktop.domain.enums import CatalogVersionState, OutboxOp
from govshare_desktop.store.models import CatalogFilingRow, CatalogVersionRow
from govshare_desktop.store.tracking import TrackedWrites, Tracking

VERSIONS = Tracking(EntityKind.CATALOG_VERSION)


def to_domain(row: CatalogVersionRow) -> CatalogVersion:
    return CatalogVersion(
        id=row.id,
        unit_code=row.unit_code,
        number=row.number,
        state=CatalogVersionState(row.state),
        reason=row.reason,
        authority_comment=row.authority_comment,
        frozen_at=row.frozen_at,
    )


class VersionRepository:
    def __init__(self, session: Session) -> None:
        self._session = session
        self._tracked = TrackedWrites(session, VERSIONS)

    def for_unit(self, unit_code: str) -> list[CatalogVersion]:
        rows = self._session.scalars(
            select(CatalogVersionRow)
            .where(CatalogVersionRow.unit_code == unit_code)
            .order_by(CatalogVersionRow.number)
        )
        return [to_domain(r) for r in rows]

    def latest(self, unit_code: str) -> CatalogVersion | None:
        versions = self.for_unit(unit_code)
        return versions[-1] if versions else None

    def snapshot(self, unit_code: str, number: int) -> dict[str, dict[str, Any]] | None:
        row = self._row(unit_code, number)
        return json.loads(row.snapshot_json) if row and row.snapshot_json else None

    def _row(self, unit_code: str, number: int) -> CatalogVersionRow | None:
        return self._session.scalar(
            select(CatalogVersionRow).where(
                CatalogVersionRow.unit_code == unit_code, CatalogVersionRow.number == number
            )
        )

    def submit(
        self,
        unit_code: str,
        snapshot: dict[str, dict[str, Any]],
        secret_ids: set[str],
        *,
        reason: str,
        actor: str,
        at: datetime,
    ) -> CatalogVersion:
        latest = self.latest(unit_code)
        row = CatalogVersionRow(
            id=str(uuid.uuid4()),
            unit_code=unit_code,
            number=(latest.number + 1) if latest else 1,
            state=CatalogVersionState.SUBMITTED.value,
            reason=reason,
            snapshot_json=json.dumps(snapshot, ensure_ascii=False, default=str),
            frozen_at=at,
            local_rev=0,
        )
        self._session.add(row)
        self._session.flush()  # the filing row refers to it; no ORM relationship orders them
        self._session.add(
            CatalogFilingRow(id=str(uuid.uuid4()), version_id=row.id, action="submitted",
                             actor=actor, at=at, comment=reason)
        )  # fmt: skip
        shared = {rid: payload for rid, payload in snapshot.items() if rid not in secret_ids}
        self._tracked.commanded(
            row,
            OutboxOp.SUBMIT,
            {"unit_code": unit_code, "number": row.number, "reason": reason, "resources": shared},
            created=True,
        )
        self._session.flush()
        return to_domain(row)

    def record_decision(
        self, version_id: str, *, filed: bool, comment: str, actor: str, at: datetime
    ) -> CatalogVersion:
        """The authority's decision as the platform reports it (server-owned, never sent up)."""
        row = self._session.get(CatalogVersionRow, version_id)
        if row is None:
            raise LookupError(version_id)
        row.state = (CatalogVersionState.FILED if filed else CatalogVersionState.RETURNED).value
        row.authority_comment = comment
        self._tracked.remote_decided(row)
        self._session.add(
            CatalogFilingRow(id=str(uuid.uuid4()), version_id=row.id,
                             action="filed" if filed else "returned", actor=actor, at=at,
                             comment=comment)
        )  # fmt: skip
        self._session.flush()
        return to_domain(row)

    def history(self, version_id: str) -> list[tuple[str, str, datetime, str]]:
        """(action, actor, at, comment) of a version, oldest first."""
        rows = self._session.scalars(
            select(CatalogFilingRow)
            .where(CatalogFilingRow.version_id == version_id)
            .order_by(CatalogFilingRow.at)
        )
        return [(r.action, r.actor, r.at, r.comment) for r in rows]
