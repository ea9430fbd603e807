"""The officer and unit this data directory belongs to, kept across offline restarts."""

from __future__ import annotations

import json

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from govshare_desktop.domain.changes import ChangeAction, EntityKind
from govshare_desktop.domain.identity import ANONYMOUS, Identity
from govshare_desktop.store.models import CatalogVersionRow, ResourceRow
from govshare_desktop.store.repositories.sync_meta import SyncMetaRepository
from govshare_desktop.store.session import changes_of

KEY = "identity"


class IdentityRepository:
    def __init__(self, session: Session) -> None:
        self._session = session
        self._meta = SyncMetaRepository(session)

    def get(self) -> Identity:
        value = self._meta.get(KEY)
        if not value:
            return ANONYMOUS
        data = json.loads(value)
        return Identity(
            officer=str(data.get("officer", "")),
            display_name=str(data.get("display_name", "")),
            unit_code=str(data.get("unit_code", "")),
            unit_name=str(data.get("unit_name", "")),
            roles=frozenset(str(r) for r in data.get("roles", ())),
            unit_credit_code=str(data.get("unit_credit_code", "")),
        )

    def put(self, identity: Identity) -> None:
        self._meta.set(
            KEY,
            json.dumps(
                {
                    "officer": identity.officer,
                    "display_name": identity.display_name,
                    "unit_code": identity.unit_code,
                    "unit_name": identity.unit_name,
                    "roles": sorted(identity.roles),
                    "unit_credit_code": identity.unit_credit_code,
                },
                ensure_ascii=False,
            ),
        )
        changes_of(self._session).add(EntityKind.IDENTITY, KEY, ChangeAction.UPDATED)

    def adopt_unitless(self, unit_code: str) -> list[str]:
        """Give the catalog compiled before the first sign-in (no unit yet) to `unit_code`:
        its resources and versions. The unit is local bookkeeping (the platform derives it
        from the officer), so nothing is queued; returns the resources' ids."""
        session = self._session
        ids = list(session.scalars(select(ResourceRow.id).where(ResourceRow.unit_code == "")))
        if ids:
            session.execute(
                update(ResourceRow).where(ResourceRow.unit_code == "").values(unit_code=unit_code)
            )
            changes_of(session).add_many(EntityKind.RESOURCE, ids, ChangeAction.UPDATED)
        versions = list(
            session.scalars(select(CatalogVersionRow.id).where(CatalogVersionRow.unit_code == ""))
        )
        if versions:
            session.execute(
                update(CatalogVersionRow)
                .where(CatalogVersionRow.unit_code == "")
                .values(unit_code=unit_code)
            )
            changes_of(session).add_many(EntityKind.CATALOG_VERSION, versions, ChangeAction.UPDATED)
        return ids
