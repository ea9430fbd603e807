"""The names a unit gives its own classes (项 / 目): read them all, set or clear one."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from govshare_desktop.domain.changes import ChangeAction, EntityKind
from govshare_desktop.store.models import ClassNameRow
from govshare_desktop.store.session import changes_of


class ClassNameRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def for_unit(self, unit_code: str) -> dict[str, str]:
        """Class code → name, for one unit."""
        query = select(ClassNameRow.code, ClassNameRow.name).where(
            ClassNameRow.unit_code == unit_code
        )
        return {row.code: row.name for row in self._session.execute(query)}

    def set(self, unit_code: str, code: str, name: str) -> str:
        """Name class `code` (an empty name clears it); returns the name it had ("" if none).
        The change is reported as the entity "<unit>/<code>" of kind CLASS_NAME."""
        row = self._session.get(ClassNameRow, (unit_code, code))
        old = row.name if row is not None else ""
        if name == old:
            return old
        if not name:
            self._session.delete(row)
            action = ChangeAction.DELETED
        elif row is None:
            self._session.add(ClassNameRow(unit_code=unit_code, code=code, name=name))
            action = ChangeAction.CREATED
        else:
            row.name = name
            action = ChangeAction.UPDATED
        changes_of(self._session).add(EntityKind.CLASS_NAME, f"{unit_code}/{code}", action)
        return old
