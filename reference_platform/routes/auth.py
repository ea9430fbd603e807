"""`POST /auth/token`: the OAuth2 password and refresh_token grants, form-encoded.

Failed password sign-ins are throttled per account and per address (auth/throttle.py).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from starlette.responses import Response

from reference_platform.auth import throttle, tokens
from reference_platform.context import Ctx
from reference_platform.problems import ProblemError
from reference_platform.routes.responses import json_response

router = APIRouter()

OptionalForm = Annotated[str | None, Form()]


def _oauth_error(code: str, detail: str) -> ProblemError:
    # RFC 6749 §5.2 names the error in `error`; the problem document carries it as well.
    return ProblemError(400, code, detail, extra={"error": code})


@router.post("/auth/token")
def token(
    request: Request,
    *,
    ctx: Ctx,
    grant_type: OptionalForm = None,
    username: OptionalForm = None,
    password: OptionalForm = None,
    refresh_token: OptionalForm = None,
) -> Response:
    settings = ctx.settings
    now = settings.clock()
    ttl = (settings.access_token_ttl, settings.refresh_token_ttl)
    if grant_type == "password":
        if not username or not password:
            raise _oauth_error("invalid_request", "The password grant needs username and password.")
        address = throttle.client_address(request.client.host if request.client else None)
        with ctx.db.write() as session:  # 429 while throttled; else counted as a failure
            attempt = throttle.begin(session, settings.sign_in, username, address, now)
        with ctx.db.read() as session:  # scrypt runs outside the write lock
            known = tokens.authenticate(session, username, password)
        with ctx.db.write() as session:
            throttle.succeeded(session, attempt)
            issued = tokens.sign_in(session, known, now, *ttl)
    elif grant_type == "refresh_token":
        if not refresh_token:
            raise _oauth_error("invalid_request", "The refresh_token grant needs refresh_token.")
        try:
            with ctx.db.write() as session:
                issued = tokens.refresh(session, refresh_token, now, *ttl)
        except tokens.ReusedRefreshToken as reused:
            with ctx.db.write() as session:
                tokens.revoke_family(session, reused.family_id)
            raise tokens.invalid_grant(
                "The refresh token was already used; sign in again."
            ) from None
    elif not grant_type:
        raise _oauth_error(
            "invalid_request", "Send grant_type=password or grant_type=refresh_token."
        )
    else:
        raise _oauth_error("unsupported_grant_type", f"Grant type {grant_type!r} is not supported.")
    return json_response(
        {
            "access_token": issued.access_token,
            "token_type": "Bearer",
            "expires_in": issued.expires_in,
            "refresh_token": issued.refresh_token,
            "refresh_expires_in": issued.refresh_expires_in,
        },
        headers={"Cache-Control": "no-store", "Pragma": "no-cache"},
    )
