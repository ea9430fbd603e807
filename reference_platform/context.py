"""What every request handler may use: settings, the database, the profile, the officer."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, Request

from reference_platform.db.database import Database
from reference_platform.settings import Settings

AUDIT_SCOPE_KEY = "govshare.audit"


@dataclass(frozen=True, slots=True)
class Profile:
    """The catalog profile file as served: its bytes and a strong ETag of them."""

    body: bytes
    etag: str

    @classmethod
    def load(cls, path: Path) -> Profile:
        body = path.read_bytes()
        return cls(body, '"' + hashlib.sha256(body).hexdigest()[:32] + '"')


@dataclass(frozen=True, slots=True)
class PlatformContext:
    """Built once at start by `create_app`; lives in `app.state.context`."""

    settings: Settings
    db: Database
    profile: Profile


@dataclass(frozen=True, slots=True)
class Principal:
    """The signed-in officer of this request."""

    username: str
    display_name: str
    unit_code: str
    roles: tuple[str, ...]


def get_context(request: Request) -> PlatformContext:
    context: PlatformContext = request.app.state.context
    return context


def audit_note(request: Request) -> dict[str, Any]:
    """The per-request dict the access-log middleware reads after the response."""
    note: dict[str, Any] = request.scope.setdefault(AUDIT_SCOPE_KEY, {})
    return note


Ctx = Annotated[PlatformContext, Depends(get_context)]
