"""The engine's `Transport` over the product's platform session (sign-in, refresh, proxies,
TLS through the OS trust store, deadlines, portal detection: platform/).

The engine wants every HTTP answer back as a `Reply` — a 412 it merges, a 409 or 422 it
records, a 429 or 503 it waits on — so every status but 401 is accepted; a 401 stays the
session's, which refreshes once and then raises `SignInRequired`. What is not an answer of
the platform becomes `Unreachable` (offline, timed out, cut off, a captive portal, an
untrusted certificate, a proxy that wants a sign-in), keeping the typed error as `reason`
so the officer reads one translated sentence for it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from govshare_desktop.platform.errors import PlatformFailure, SignInRequired
from govshare_desktop.platform.session import PlatformSession
from govshare_desktop.sync.transport import Reply, SignInNeeded, Unreachable

# every status a platform may answer, but 401 (the session's own: refresh, then sign in)
ANSWERS = frozenset(range(200, 600)) - {401}


class SessionTransport:
    def __init__(self, session: PlatformSession, *, deadline: float | None = None) -> None:
        self._session = session
        self._deadline = deadline

    def request(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        headers: Mapping[str, str] | None = None,
        params: Mapping[str, Any] | None = None,
        content: bytes | None = None,
    ) -> Reply:
        try:
            reply = self._session.request(
                method, path, json=json, headers=headers, params=params, content=content,
                accept=ANSWERS, deadline=self._deadline,
            )  # fmt: skip
        except SignInRequired as error:
            raise SignInNeeded(str(error), reason=error) from error
        except PlatformFailure as error:  # no answer of the platform's
            raise Unreachable(str(error), reason=error) from error
        return Reply(reply.status, reply.body, dict(reply.headers))
