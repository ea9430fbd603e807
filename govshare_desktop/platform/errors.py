"""What can go wrong talking to the platform, as types a caller can act on.

Each is a `KnownError`, so whatever reaches the officer (the sign-in dialog, `govshare
login`, the sync page) is one translated sentence (domain/messages.py), never a traceback.
The types tell the sync engine what to do (SYNC.md "Retries and errors"):

- `Offline`: no answer from the platform — connection refused, DNS, timeout, the overall
  deadline, a cut-off body, or an answer that is not the platform's (a captive portal or a
  proxy's login page: a 200 that is not our JSON, any answer without `API-Version`, a
  redirect). Back off and try later; the queue stays.
- `TlsUntrusted`: the certificate is not trusted. Never retried in a storm, never "fixed"
  by turning verification off: the officer or IT must act.
- `ProxyAuthRequired`: the proxy wants a sign-in (407).
- `SignInRequired`: the tokens are gone or the refresh was refused; keep the queue, ask.
- `PlatformError`: the platform answered with a problem document (`status`, `problem`
  code, `detail`, `retry_after`, the whole `document` and the response `headers`).
  `Throttled` is the 429/503 with `Retry-After` case of it.

`KnownError.code` stays the app's `ErrorCode`; the platform's own code is `problem`.
This module imports nothing but the domain, so naming these types costs no HTTP imports.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

from govshare_desktop.domain.errors import ErrorCode, KnownError

THROTTLE_PROBLEMS = frozenset({"sign_in_throttled"})


class PlatformFailure(KnownError):
    """Any failure of a call to the platform."""


class Offline(PlatformFailure):
    """The platform did not answer; `portal` when something else answered in its place."""

    def __init__(self, url: str, reason: str, *, portal: bool = False) -> None:
        code = ErrorCode.PLATFORM_PORTAL if portal else ErrorCode.PLATFORM_UNREACHABLE
        super().__init__(code, url=url, reason=reason)
        self.url = url
        self.reason = reason
        self.portal = portal


class TlsUntrusted(PlatformFailure):
    def __init__(self, host: str, reason: str) -> None:
        super().__init__(ErrorCode.TLS_UNTRUSTED, host=host, reason=reason)
        self.host = host
        self.reason = reason


class ProxyAuthRequired(PlatformFailure):
    def __init__(self, proxy: str) -> None:
        super().__init__(ErrorCode.PROXY_AUTH_REQUIRED, proxy=proxy)
        self.proxy = proxy


class ProxyConfigInvalid(PlatformFailure):
    """The PAC file was fetched but cannot be run."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(ErrorCode.PROXY_CONFIG_INVALID, url=url, reason=reason)


class SignInRequired(PlatformFailure):
    def __init__(self) -> None:
        super().__init__(ErrorCode.SIGN_IN_REQUIRED)


class PlatformError(PlatformFailure):
    """The platform answered with a problem document (RFC 9457, openapi.yaml `Problem`)."""

    def __init__(
        self,
        status: int,
        problem: str,
        detail: str,
        *,
        retry_after: float | None = None,
        document: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        code: ErrorCode = ErrorCode.PLATFORM_ERROR,
        **params: Any,
    ) -> None:
        super().__init__(code, status=status, problem=problem, detail=detail, **params)
        self.status = status
        self.problem = problem
        self.detail = detail
        self.retry_after = retry_after
        self.document: Mapping[str, Any] = document or {}
        self.headers: Mapping[str, str] = headers or {}

    @property
    def transient(self) -> bool:
        """Worth trying again later without changing anything (5xx, 429)."""
        return self.status >= 500 or self.status == 429


class Throttled(PlatformError):
    """429, or 503 with `Retry-After`: wait `retry_after` seconds before the next call."""

    def __init__(
        self,
        status: int,
        problem: str,
        detail: str,
        *,
        retry_after: float,
        now: datetime,
        document: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        seconds = max(0, math.ceil(retry_after))
        until = (now + timedelta(seconds=seconds)).astimezone().strftime("%H:%M:%S")
        code = (
            ErrorCode.SIGN_IN_THROTTLED
            if problem in THROTTLE_PROBLEMS
            else ErrorCode.PLATFORM_THROTTLED
        )
        super().__init__(
            status,
            problem,
            detail,
            retry_after=retry_after,
            document=document,
            headers=headers,
            code=code,
            seconds=seconds,
            until=until,
        )


class CredentialsRefused(PlatformError):
    """The password grant was refused: wrong user name or password (or a locked account)."""

    def __init__(self, error: PlatformError) -> None:
        super().__init__(
            error.status,
            error.problem,
            error.detail,
            document=error.document,
            headers=error.headers,
            code=ErrorCode.SIGN_IN_FAILED,
        )
