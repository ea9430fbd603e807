"""The officer and unit this data directory belongs to, kept across offline restarts."""

from __future__ import annotations

import json

from sqlalchemy.orm import Session

from govshare_desktop.domain.identity import ANONYMOUS, Identity
from govshare_desktop.store.repositories.sync_meta import SyncMetaRepository

KEY = "identity"


class IdentityRepository:
    def __init__(self, session: Session) -> None:
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
                },
                ensure_ascii=False,
            ),
        )
