"""Throttling of failed password sign-ins: 429 `sign_in_throttled` with `Retry-After`.

Three counters of failures over a sliding window (`SignInLimits.window`, default 15 min):
- one username from one address (default 5): stops a guesser at the account it guesses, and
  only there: the officer signing in from their own desk is not locked out by it;
- one address, any usernames (default 20): stops one address trying many accounts;
- one username, any addresses (default 20): stops a guesser spread over many addresses.

What one address can do to others: lock out itself, and with it whoever shares it (a NAT),
for a lockout that starts short. It cannot lock an officer out anywhere else: the first
counter holds its failures against any one account to at most 8 in any window with the
defaults (test_internals checks this), below the account-wide 20, so locking an account for
everyone takes three addresses or more, and lasts only as long as their lockout.

When a counter reaches its limit, the next attempt waits `lockout` seconds (default 60)
after the latest failure; each failure after that doubles the wait, up to the window.
While a counter is locked the password is not checked at all: a lucky guess is not
confirmed and costs no scrypt. Unknown usernames count and answer exactly like known ones,
so the answers reveal no accounts. A success forgets that username's failures from that
address, and nothing else: signing in to one's own account clears no other counter.

An attempt is recorded before its password is checked, inside the serialised write
transaction (db/database.py), so parallel guesses cannot slip past a limit; a success
deletes it again. Failures live in the database, so they survive a restart and hold across
several server processes sharing one PostgreSQL. Usernames are kept only as SHA-256.

The address is the TCP peer as uvicorn reports it (it takes `X-Forwarded-For` only from
`FORWARDED_ALLOW_IPS`, loopback by default); IPv6 addresses by their /64, which one
subscriber usually holds whole. Refresh tokens are not throttled: 256 random bits are not
guessed.
"""

from __future__ import annotations

import hashlib
import ipaddress
import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, and_, delete, func, select
from sqlalchemy.orm import Session

from reference_platform.db.models import SignInFailure
from reference_platform.problems import ProblemError
from reference_platform.settings import SignInLimits

_MAX_DOUBLINGS = 30


def account_key(username: str) -> str:
    """How a username is stored: its SHA-256 (what people type there is sometimes a password)."""
    return hashlib.sha256(username.encode("utf-8", "surrogatepass")).hexdigest()


def client_address(host: str | None) -> str:
    """The throttled address of a client: IPv4 as it is, IPv6 by its /64."""
    if not host:
        return "unknown"
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        return host[:64]
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.IPv6Network((ip, 64), strict=False))
    return str(ip)


def lockout_seconds(limits: SignInLimits, failures: int, limit: int) -> int:
    """How long a counter at `failures` stays locked after its latest failure (0: not locked)."""
    if failures < limit:
        return 0
    doublings = min(failures - limit, _MAX_DOUBLINGS)
    longest = max(limits.window, limits.lockout)
    return min(limits.lockout * (1 << doublings), longest)


@dataclass(frozen=True, slots=True)
class Attempt:
    """A password sign-in under way, recorded as a failure until it succeeds."""

    account: str
    address: str


def _locked_until(
    session: Session,
    limits: SignInLimits,
    where: ColumnElement[bool],
    limit: int,
    since: datetime,
) -> datetime | None:
    failures, latest = session.execute(
        select(func.count(), func.max(SignInFailure.at)).where(where, SignInFailure.at > since)
    ).one()
    seconds = lockout_seconds(limits, int(failures), limit)
    if not seconds or latest is None:
        return None
    until: datetime = latest + timedelta(seconds=seconds)
    return until


def begin(
    session: Session, limits: SignInLimits, username: str, address: str, now: datetime
) -> Attempt:
    """429 while any counter of this username or address is locked; else record the attempt."""
    since = now - timedelta(seconds=limits.window)
    session.execute(delete(SignInFailure).where(SignInFailure.at <= since))
    account = account_key(username)
    counters: list[tuple[ColumnElement[bool], int]] = [
        (
            and_(SignInFailure.account == account, SignInFailure.address == address),
            limits.per_account_address,
        ),
        (SignInFailure.address == address, limits.per_address),
        (SignInFailure.account == account, limits.per_account),
    ]
    ends = [_locked_until(session, limits, where, limit, since) for where, limit in counters]
    until = max((end for end in ends if end is not None and end > now), default=None)
    if until is not None:
        wait = max(1, math.ceil((until - now).total_seconds()))
        raise ProblemError(
            429,
            "sign_in_throttled",
            f"Too many failed sign-ins; try again in {wait} seconds.",
            headers={"Retry-After": str(wait)},
        )
    session.add(SignInFailure(account=account, address=address, at=now))
    return Attempt(account, address)


def succeeded(session: Session, attempt: Attempt) -> None:
    """The officer is in: forget this username's failures from this address, the attempt too."""
    session.execute(
        delete(SignInFailure).where(
            SignInFailure.account == attempt.account, SignInFailure.address == attempt.address
        )
    )
