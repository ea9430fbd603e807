"""Grants (授权): pull-only, as the platform last served them; the server always wins.

Nothing here is tracked for sending: a grant arrives from the feed (`kind: grant`, and
`kind: revoke` with `revoked_at` set), is stored read-only, and is reported on the change
bus as a remote change. Cached rows of a revoked grant are the data viewer's to purge.
"""

from __future__ import annotations

import json

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from govshare_desktop.domain.changes import ChangeAction, EntityKind, Origin
from govshare_desktop.domain.entities import Grant, GrantedItem
from govshare_desktop.domain.enums import SyncState
from govshare_desktop.store.models import GrantRow
from govshare_desktop.store.session import changes_of


def _grant(row: GrantRow) -> Grant:
    items = json.loads(row.data_items_json or "[]")
    if not items:  # a row from before 0008 kept names only
        items = [{"id": "", "name": n} for n in json.loads(row.data_item_names_json or "[]")]
    return Grant(
        id=row.id,
        request_id=row.request_id,
        grantee_unit_code=row.grantee_unit_code,
        provider_unit_code=row.provider_unit_code,
        authority_unit_code=row.authority_unit_code,
        resource_id=row.resource_id,
        resource_code=row.resource_code,
        resource_name=row.resource_name,
        data_items=tuple(
            GrantedItem(str(i["id"]), str(i["name"]), str(i.get("data_type") or "")) for i in items
        ),
        purpose=row.purpose,
        valid_from=row.valid_from,
        valid_to=row.valid_to,
        allow_offline_cache=row.allow_offline_cache,
        allow_export=row.allow_export,
        granted_at=row.granted_at,
        granted_by=row.granted_by,
        revoked_at=row.revoked_at,
        revoked_by=row.revoked_by,
        revocation_reason=row.revocation_reason,
    )


class GrantRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def get(self, grant_id: str) -> Grant | None:
        row = self._session.get(GrantRow, grant_id)
        return None if row is None or row.deleted else _grant(row)

    def for_unit(self, unit_code: str) -> list[Grant]:
        """The grants the unit holds, provides or issued (revoked ones too), newest first."""
        rows = self._session.scalars(
            select(GrantRow)
            .where(
                GrantRow.deleted.is_(False),
                or_(
                    GrantRow.grantee_unit_code == unit_code,
                    GrantRow.provider_unit_code == unit_code,
                    GrantRow.authority_unit_code == unit_code,
                ),
            )
            .order_by(GrantRow.granted_at.desc(), GrantRow.id)
        )
        return [_grant(row) for row in rows]

    def store_remote(self, grant: Grant, version: int) -> bool:
        """The platform's grant (new, changed or revoked); False when not newer than held."""
        row = self._session.get(GrantRow, grant.id)
        if row is not None and row.server_version is not None and row.server_version >= version:
            return False
        action = ChangeAction.UPDATED
        if row is None:
            row = GrantRow(id=grant.id, local_rev=0, deleted=False)
            self._session.add(row)
            action = ChangeAction.CREATED
        row.request_id = grant.request_id
        row.grantee_unit_code = grant.grantee_unit_code
        row.provider_unit_code = grant.provider_unit_code
        row.authority_unit_code = grant.authority_unit_code
        row.resource_id = grant.resource_id
        row.resource_code = grant.resource_code
        row.resource_name = grant.resource_name
        row.data_item_names_json = json.dumps(list(grant.data_item_names), ensure_ascii=False)
        row.data_items_json = json.dumps(
            [{"id": i.id, "name": i.name, "data_type": i.data_type} for i in grant.data_items],
            ensure_ascii=False,
        )
        row.purpose = grant.purpose
        row.valid_from = grant.valid_from
        row.valid_to = grant.valid_to
        row.allow_offline_cache = grant.allow_offline_cache
        row.allow_export = grant.allow_export
        row.granted_at = grant.granted_at
        row.granted_by = grant.granted_by
        row.revoked_at = grant.revoked_at
        row.revoked_by = grant.revoked_by
        row.revocation_reason = grant.revocation_reason
        row.server_version = version
        row.local_rev = (row.local_rev or 0) + 1
        row.sync_state = SyncState.READ_ONLY.value
        self._session.flush()
        changes_of(self._session).add(EntityKind.GRANT, grant.id, action, Origin.REMOTE)
        return True
