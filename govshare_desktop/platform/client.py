"""One HTTP client of the platform API: one requests Session, every call bounded in time,
every answer checked to be the platform's, every failure a typed error (platform/errors.py).

The calling surface, for the sign-in and the sync engine alike (through
`PlatformSession.request`, which adds the officer's token):

    reply = client.request("PUT", f"/catalog/resources/{rid}", json=body,
                           headers={"If-None-Match": "*", "Idempotency-Key": op_id},
                           token=access_token, accept=(412,))
    reply.status, reply.body (parsed JSON, or None when empty), reply.headers["ETag"]

- `path` is below the API root (`/api/v1`), which the client appends to the platform
  address; `params` is the query, `json` a JSON body, `form` a form-encoded one.
- A 2xx or 304 comes back as a `Reply`; so does any status listed in `accept` (a 412 the
  caller merges, a 409 it reports). Any other status raises `PlatformError` — `Throttled`
  for 429/503 with `Retry-After` — carrying the problem document.
- Nothing the platform did not say is returned: an answer without `API-Version`, a redirect,
  or a 2xx whose body is not JSON is a captive portal or a proxy's page and raises
  `Offline(portal=True)`; a JSON body cut short raises `Offline` as well.
- Time: `timeout=(10, 60)` (connect, each read) on every call, and an overall `deadline`
  (default 300 s) that a server dripping bytes cannot stretch: the body is read in chunks
  as they arrive and the call ends when the deadline passes.
- Redirects are never followed, cookies never kept, and the environment's netrc and CA
  variables never read (`trust_env` off; proxies are chosen in network.py).

Thread-safe: the sync engine and the UI's network lane share one client.
"""

from __future__ import annotations

import json as jsonlib
import logging
import time
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from http.cookiejar import DefaultCookiePolicy
from typing import Any
from urllib.parse import urlsplit

import requests
import urllib3.exceptions

from govshare_desktop import __version__
from govshare_desktop.domain.errors import ErrorCode, KnownError
from govshare_desktop.domain.identity import Identity, Tokens
from govshare_desktop.platform.errors import (
    CredentialsRefused,
    Offline,
    PlatformError,
    ProxyAuthRequired,
    Throttled,
    TlsUntrusted,
)
from govshare_desktop.platform.network import (
    NetworkConfig,
    ProxyChooser,
    TrustStoreAdapter,
    offline_reason,
    tls_context,
    unreachable,
)
from govshare_desktop.platform.wire.identity import (
    UnitInfo,
    identity_from_wire,
    tokens_from_wire,
    units_from_wire,
)

log = logging.getLogger(__name__)

API_VERSION_HEADER = "API-Version"
JSON_TYPES = frozenset({"application/json", "application/problem+json"})
# files the platform serves as they are (a share request's attachment): the body is the bytes
FILE_TYPES = frozenset({"application/pdf"})
CHUNK = 64 * 1024
MAX_BODY = 256 * 1024 * 1024  # far above any page the platform sends; a portal may stream
SMALL_CALL_DEADLINE = 60.0  # sign-in and its small answers: an officer waits on them


@dataclass(frozen=True, slots=True)
class Reply:
    """What the platform answered: status, headers (case-insensitive), parsed JSON body."""

    status: int
    headers: Mapping[str, str]
    body: Any

    def header(self, name: str) -> str | None:
        return self.headers.get(name)


def retry_after_seconds(value: str | None, now: datetime) -> float | None:
    """`Retry-After` as seconds from now: delta-seconds or an HTTP date (RFC 9110 §10.2.3)."""
    if not value:
        return None
    text = value.strip()
    if text.isdigit():
        return float(text)
    try:
        moment = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return max(0.0, (moment - now).total_seconds())


def _media_type(headers: Mapping[str, str]) -> str:
    return headers.get("Content-Type", "").split(";")[0].strip().lower()


class PlatformClient:
    def __init__(
        self, config: NetworkConfig, now: Callable[[], datetime] = lambda: datetime.now(UTC)
    ) -> None:
        self.config = config
        self._root = config.api_root
        self._now = now
        session = requests.Session()
        session.trust_env = False
        session.cookies.set_policy(DefaultCookiePolicy(allowed_domains=[]))
        adapter = TrustStoreAdapter(tls_context(config.ca_bundle))
        session.mount("https://", adapter)
        session.mount("http://", adapter)
        session.headers.update(
            {"Accept": "application/json", "User-Agent": f"GovShareDesktop/{__version__}"}
        )
        self._session = session
        self._proxies = ProxyChooser(config, session)

    @property
    def url(self) -> str:
        return self.config.platform_url

    def close(self) -> None:
        self._session.close()

    # ------------------------------------------------------------------ the one call
    def request(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        form: Mapping[str, str] | None = None,
        content: bytes | None = None,
        headers: Mapping[str, str] | None = None,
        params: Mapping[str, Any] | None = None,
        token: str | None = None,
        accept: Collection[int] = (),
        deadline: float | None = None,
    ) -> Reply:
        """Send one request and read the whole answer; see the module docstring.
        `deadline` (seconds) may shorten the configured one, never lengthen it."""
        url = self._root + path
        limit = min(deadline, self.config.deadline) if deadline else self.config.deadline
        deadline_at = time.monotonic() + limit
        sent = dict(headers or {})
        if token:
            sent["Authorization"] = f"Bearer {token}"
        kwargs: dict[str, Any] = {"params": params, "headers": sent}
        if json is not None:
            kwargs["json"] = json
        if form is not None:
            kwargs["data"] = dict(form)
        if content is not None:  # a file, sent as it is (its Content-Type in `headers`)
            kwargs["data"] = content
        last: BaseException | None = None
        for proxy in self._proxies.candidates(url):
            try:
                response = self._send(method, url, proxy, kwargs, deadline_at)
            except requests.exceptions.ProxyError as error:
                if "407" in str(error):
                    raise ProxyAuthRequired(proxy or self._proxies.description) from error
                if proxy is not None:
                    self._proxies.ban(proxy)
                last = error
                continue
            return self._reply(response, proxy, deadline_at, frozenset(accept))
        raise unreachable(self.url, last or RuntimeError("no proxy could be used"))

    def _send(
        self,
        method: str,
        url: str,
        proxy: str | None,
        kwargs: dict[str, Any],
        deadline_at: float,
    ) -> requests.Response:
        remaining = deadline_at - time.monotonic()
        if remaining <= 0:
            raise Offline(self.url, "timed out")
        timeout = (
            min(self.config.connect_timeout, remaining),
            min(self.config.read_timeout, remaining),
        )
        try:
            return self._session.request(
                method,
                url,
                timeout=timeout,
                proxies={"http": proxy, "https": proxy} if proxy else {},
                stream=True,
                allow_redirects=False,
                **kwargs,
            )
        except requests.exceptions.SSLError as error:
            host = urlsplit(url).hostname or url
            raise TlsUntrusted(host, offline_reason(error)) from error
        except requests.exceptions.ProxyError:
            raise
        except requests.exceptions.Timeout as error:
            raise Offline(self.url, "timed out") from error
        except requests.exceptions.ConnectionError as error:
            raise unreachable(self.url, error) from error
        except (requests.exceptions.InvalidURL, requests.exceptions.MissingSchema) as error:
            raise KnownError(
                ErrorCode.SETTING_INVALID, key="platform.url", reason=str(error)
            ) from error

    def _reply(
        self,
        response: requests.Response,
        proxy: str | None,
        deadline_at: float,
        accept: frozenset[int],
    ) -> Reply:
        status, headers = response.status_code, response.headers
        kind = _media_type(headers)
        try:
            if status == 407:
                raise ProxyAuthRequired(proxy or self._proxies.description)
            if API_VERSION_HEADER not in headers:
                # not the platform: a portal's or proxy's page, a redirect, a wrong address
                portal = status < 400 or status in (401, 403)
                reason = f"HTTP {status} {kind or '-'}, no {API_VERSION_HEADER}"
                raise Offline(self.url, reason, portal=portal)
            body = self._read(response, deadline_at)
        finally:
            response.close()
        if 200 <= status < 300 or status == 304 or status in accept:
            return Reply(status, headers, self._json(status, kind, body))
        if 300 <= status < 400:
            raise Offline(self.url, f"HTTP {status} redirect", portal=True)
        raise self._problem(status, kind, body, headers, response.reason or "")

    def _read(self, response: requests.Response, deadline_at: float) -> bytes:
        """The body, chunk by chunk as it arrives, until the deadline."""
        chunks: list[bytes] = []
        size = 0
        raw = response.raw
        while True:
            if time.monotonic() > deadline_at:
                raise Offline(self.url, "timed out")
            try:
                chunk = raw.read1(CHUNK, decode_content=True)
            except (urllib3.exceptions.HTTPError, OSError, ValueError) as error:
                raise Offline(self.url, f"answer cut off ({offline_reason(error)})") from error
            if not chunk:
                return b"".join(chunks)
            size += len(chunk)
            if size > MAX_BODY:
                raise Offline(self.url, "answer too large")
            chunks.append(chunk)

    def _json(self, status: int, kind: str, body: bytes) -> Any:
        if status in (204, 304) or not body:
            return None
        if kind in FILE_TYPES and 200 <= status < 300:
            return body
        if kind not in JSON_TYPES:
            raise Offline(self.url, f"HTTP {status} {kind or '-'}", portal=True)
        try:
            return jsonlib.loads(body)
        except ValueError as error:
            raise Offline(self.url, "answer cut off or garbled") from error

    def _problem(
        self, status: int, kind: str, body: bytes, headers: Mapping[str, str], reason: str
    ) -> PlatformError:
        document: dict[str, Any] = {}
        if kind in JSON_TYPES and body:
            try:
                parsed = jsonlib.loads(body)
            except ValueError:
                parsed = None
            if isinstance(parsed, dict):
                document = parsed
        problem = str(document.get("code") or f"http_{status}")
        detail = str(document.get("detail") or document.get("title") or reason)
        now = self._now()
        retry_after = retry_after_seconds(headers.get("Retry-After"), now)
        if status in (429, 503) and retry_after is not None:
            return Throttled(
                status,
                problem,
                detail,
                retry_after=retry_after,
                now=now,
                document=document,
                headers=headers,
            )
        return PlatformError(
            status, problem, detail, retry_after=retry_after, document=document, headers=headers
        )

    # ------------------------------------------------------------------ endpoints
    def health(self, deadline: float = SMALL_CALL_DEADLINE) -> dict[str, Any]:
        """`GET /health`: a cheap "is the platform there" (no sign-in), with its time."""
        body = self.request("GET", "/health", deadline=deadline).body
        return body if isinstance(body, dict) else {}

    def password_grant(self, username: str, password: str) -> Tokens:
        """`POST /auth/token` (grant_type=password); `CredentialsRefused` for a wrong
        user name or password."""
        form = {"grant_type": "password", "username": username, "password": password}
        try:
            reply = self.request("POST", "/auth/token", form=form, deadline=SMALL_CALL_DEADLINE)
        except Throttled:
            raise
        except PlatformError as error:
            if error.status in (400, 401) and error.problem == "invalid_grant":
                raise CredentialsRefused(error) from None
            raise
        return self._tokens(reply)

    def refresh_grant(self, refresh_token: str) -> Tokens:
        """`POST /auth/token` (grant_type=refresh_token): spends `refresh_token` (rotation)."""
        form = {"grant_type": "refresh_token", "refresh_token": refresh_token}
        reply = self.request("POST", "/auth/token", form=form, deadline=SMALL_CALL_DEADLINE)
        return self._tokens(reply)

    def _tokens(self, reply: Reply) -> Tokens:
        try:
            return tokens_from_wire(reply.body)
        except (KeyError, TypeError) as error:
            raise Offline(self.url, "the token answer is not the platform's") from error

    def me(self, token: str) -> Identity:
        """`GET /me`: the officer, the unit (with its credit code) and the roles."""
        reply = self.request("GET", "/me", token=token, deadline=SMALL_CALL_DEADLINE)
        try:
            return identity_from_wire(reply.body)
        except (KeyError, TypeError) as error:
            raise Offline(self.url, "the /me answer is not the platform's") from error

    def units(self, token: str) -> list[UnitInfo]:
        """`GET /units`: every unit of the platform, superiors by `parent_code`."""
        reply = self.request("GET", "/units", token=token)
        try:
            return units_from_wire(reply.body)
        except (KeyError, TypeError, AttributeError) as error:
            raise Offline(self.url, "the /units answer is not the platform's") from error
