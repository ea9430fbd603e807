"""What this PC alone knows of each grant (never sent, never tracked): the platform's last
confirmation (the offline lease counts from it) and the officer's acknowledgement of a
revocation (the list shows a revoked grant with its reason until then)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from govshare_desktop.domain.changes import ChangeAction, EntityKind, Origin
from govshare_desktop.store.models import GrantLocalRow
from govshare_desktop.store.session import changes_of


@dataclass(frozen=True, slots=True)
class GrantLocal:
    confirmed_at: datetime | None = None
    revocation_acknowledged_at: datetime | None = None


class GrantLocalRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def all(self) -> dict[str, GrantLocal]:
        return {
            row.grant_id: GrantLocal(row.confirmed_at, row.revocation_acknowledged_at)
            for row in self._session.scalars(select(GrantLocalRow))
        }

    def get(self, grant_id: str) -> GrantLocal:
        row = self._session.get(GrantLocalRow, grant_id)
        return (
            GrantLocal()
            if row is None
            else GrantLocal(row.confirmed_at, row.revocation_acknowledged_at)
        )

    def _row(self, grant_id: str) -> GrantLocalRow:
        row = self._session.get(GrantLocalRow, grant_id)
        if row is None:
            row = GrantLocalRow(grant_id=grant_id)
            self._session.add(row)
        return row

    def confirm(self, grant_ids: Iterable[str], at: datetime) -> None:
        """The platform said these grants are in force at `at` (naive UTC)."""
        for grant_id in grant_ids:
            self._row(grant_id).confirmed_at = at
        self._session.flush()

    def acknowledge(self, grant_id: str, at: datetime) -> None:
        self._row(grant_id).revocation_acknowledged_at = at
        self._session.flush()
        changes_of(self._session).add(
            EntityKind.GRANT, grant_id, ChangeAction.UPDATED, Origin.LOCAL
        )
