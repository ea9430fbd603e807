"""Opaque access and refresh tokens: random strings, stored as SHA-256, with expiry and rotation."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from reference_platform.auth.passwords import DUMMY_HASH, verify_password
from reference_platform.db.models import AccessToken, Officer, RefreshToken
from reference_platform.problems import ProblemError


def token_digest(token: str) -> str:
    """The stored form of a token; tokens carry 256 bits, so a plain hash suffices."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class IssuedTokens:
    """What the token endpoint returns."""

    access_token: str
    refresh_token: str
    expires_in: int
    refresh_expires_in: int


def invalid_grant(detail: str) -> ProblemError:
    return ProblemError(401, "invalid_grant", detail, extra={"error": "invalid_grant"})


def _issue(
    session: Session,
    username: str,
    *,
    family_id: str,
    now: datetime,
    access_ttl: int,
    refresh_ttl: int,
) -> IssuedTokens:
    access, refresh = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    session.add(
        AccessToken(
            token_hash=token_digest(access),
            username=username,
            family_id=family_id,
            issued_at=now,
            expires_at=now + timedelta(seconds=access_ttl),
        )
    )
    session.add(
        RefreshToken(
            token_hash=token_digest(refresh),
            username=username,
            family_id=family_id,
            issued_at=now,
            expires_at=now + timedelta(seconds=refresh_ttl),
        )
    )
    return IssuedTokens(access, refresh, access_ttl, refresh_ttl)


class ReusedRefreshToken(Exception):
    """A spent refresh token came back: its family must be revoked (in its own transaction)."""

    def __init__(self, family_id: str) -> None:
        super().__init__(family_id)
        self.family_id = family_id


def authenticate(session: Session, username: str, password: str) -> str:
    """The username of a known, active officer with this password; 401 problem otherwise."""
    # A NUL can be in no username, and PostgreSQL refuses it in a query parameter.
    officer = None if "\x00" in username else session.get(Officer, username)
    stored = officer.password_hash if officer is not None else DUMMY_HASH
    if not verify_password(password, stored) or officer is None or not officer.active:
        raise invalid_grant("The username or password is not correct.")
    return officer.username


def sign_in(
    session: Session, username: str, now: datetime, access_ttl: int, refresh_ttl: int
) -> IssuedTokens:
    """A new token family for an authenticated officer."""
    family = secrets.token_hex(16)
    return _issue(
        session, username, family_id=family, now=now, access_ttl=access_ttl, refresh_ttl=refresh_ttl
    )


def refresh(
    session: Session, token: str, now: datetime, access_ttl: int, refresh_ttl: int
) -> IssuedTokens:
    """Refresh grant: spend the refresh token and issue a new pair in its family.

    A spent refresh token presented again means it leaked or the client is confused:
    `ReusedRefreshToken` tells the caller to revoke the whole family, access tokens included.
    """
    row = session.get(RefreshToken, token_digest(token), with_for_update=True)
    if row is None or row.revoked or row.expires_at <= now:
        raise invalid_grant("The refresh token is not valid.")
    if row.used_at is not None:
        raise ReusedRefreshToken(row.family_id)
    officer = session.get(Officer, row.username)
    if officer is None or not officer.active:
        raise invalid_grant("The refresh token is not valid.")
    row.used_at = now
    return _issue(
        session,
        row.username,
        family_id=row.family_id,
        now=now,
        access_ttl=access_ttl,
        refresh_ttl=refresh_ttl,
    )


def revoke_family(session: Session, family_id: str) -> None:
    """Revoke every access and refresh token of one sign-in."""
    for table in (AccessToken, RefreshToken):
        session.execute(update(table).where(table.family_id == family_id).values(revoked=True))


def officer_for_token(session: Session, token: str, now: datetime) -> Officer | None:
    """The officer a live access token belongs to, or None."""
    row = session.scalar(select(AccessToken).where(AccessToken.token_hash == token_digest(token)))
    if row is None or row.revoked or row.expires_at <= now:
        return None
    officer = session.get(Officer, row.username)
    return officer if officer is not None and officer.active else None


def expire_all_access_tokens(session: Session, now: datetime, *, refresh_too: bool) -> None:
    """Fault injection: every access token (and optionally refresh token) expires now."""
    session.execute(update(AccessToken).values(expires_at=now - timedelta(seconds=1)))
    if refresh_too:
        session.execute(update(RefreshToken).values(expires_at=now - timedelta(seconds=1)))
