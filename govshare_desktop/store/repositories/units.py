"""Units (机关单位) known locally: this unit, its superior, and those it shares with."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from govshare_desktop.domain.entities import Unit
from govshare_desktop.store.models import UnitRow


def _to_domain(row: UnitRow) -> Unit:
    return Unit(
        id=row.id,
        code=row.code,
        name=row.name,
        parent_code=row.parent_code,
        credit_code=row.credit_code,
    )


class UnitRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def get_by_code(self, code: str) -> Unit | None:
        row = self._session.scalar(select(UnitRow).where(UnitRow.code == code))
        return _to_domain(row) if row else None

    def list(self) -> list[Unit]:
        return [
            _to_domain(r) for r in self._session.scalars(select(UnitRow).order_by(UnitRow.code))
        ]

    def upsert(self, unit: Unit) -> None:
        """Units come from the platform (server-owned), so they are stored as read-only."""
        row = self._session.scalar(select(UnitRow).where(UnitRow.code == unit.code))
        if row is None:
            row = UnitRow(id=unit.id, code=unit.code, sync_state="read_only")
            self._session.add(row)
        row.name = unit.name
        row.parent_code = unit.parent_code
        row.credit_code = unit.credit_code
