"""Where the offline unlock verifier is kept: one `sync_meta` entry (a small key/value
table already in every DB), as the JSON `security/password_verifier.py` writes — a salt,
the scrypt parameters and the derived bytes, never the password."""

from __future__ import annotations

from sqlalchemy.orm import Session

from govshare_desktop.store.repositories.sync_meta import SyncMetaRepository

KEY = "unlock_verifier"


class UnlockRepository:
    def __init__(self, session: Session) -> None:
        self._meta = SyncMetaRepository(session)

    def get(self) -> str | None:
        return self._meta.get(KEY) or None

    def put(self, verifier_json: str) -> None:
        self._meta.set(KEY, verifier_json)
