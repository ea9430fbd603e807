"""The FastAPI dependency that turns `Authorization: Bearer …` into the current officer."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from reference_platform.auth.tokens import officer_for_token
from reference_platform.context import Ctx, Principal, audit_note
from reference_platform.problems import ProblemError


def _bearer(request: Request) -> str:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise ProblemError(401, "unauthenticated", "Sign in first: send a bearer access token.")
    return token.strip()


def current_officer(request: Request, ctx: Ctx) -> Principal:
    """The officer of a live access token; 401 problem otherwise."""
    token = _bearer(request)
    with ctx.db.read() as session:
        officer = officer_for_token(session, token, ctx.settings.clock())
        if officer is None:
            raise ProblemError(
                401, "token_expired", "The access token is expired, revoked or unknown."
            )
        principal = Principal(
            officer.username, officer.display_name, officer.unit_code, tuple(officer.roles)
        )
    note = audit_note(request)
    note["username"], note["unit_code"] = principal.username, principal.unit_code
    return principal


CurrentOfficer = Annotated[Principal, Depends(current_officer)]


def require_role(principal: Principal, role: str) -> None:
    """403 problem unless the officer holds `role`."""
    if role not in principal.roles:
        raise ProblemError(403, "role_required", f"This action needs the role '{role}'.")
