"""What the engine needs of the platform: one call, its answer, and the two ways it fails.

Every HTTP answer, 4xx and 5xx included, comes back as a `Reply`: what it means for an op
(a conflict, a refusal, a wait) is the engine's decision. Only a call that got no answer
of ours raises: `Unreachable` (offline, timed out, a captive portal's page instead of our
JSON) or `SignInNeeded` (the token was refused even after one refresh).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from govshare_desktop.domain.errors import KnownError


class TransportError(Exception):
    """A call without an answer the engine can act on; `reason` is the typed error the
    officer reads (a translated sentence), when the transport has one."""

    def __init__(self, text: str, *, reason: KnownError | None = None) -> None:
        super().__init__(text)
        self.reason = reason


class Unreachable(TransportError):
    """No answer from the platform: try again later, keep everything."""


class SignInNeeded(TransportError):
    """The platform wants the officer to sign in again; the queue waits."""


# answers that mean "not now": the cycle stops and tries again later
TRANSIENT_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})


class PlatformBusy(Exception):
    """The platform answered, but asks us to come back later (429, 503, 5xx)."""

    def __init__(self, status: int, retry_after: float | None, text: str) -> None:
        super().__init__(text)
        self.status = status
        self.retry_after = retry_after


@dataclass(frozen=True, slots=True)
class Reply:
    status: int
    body: Any = None  # the parsed JSON document, the bytes of a file (a PDF), or None
    headers: Mapping[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300

    @property
    def problem_code(self) -> str:
        """The `code` of a problem+json answer (e.g. `version_mismatch`), else ""."""
        return str(self.body.get("code", "")) if isinstance(self.body, dict) else ""

    @property
    def problem_text(self) -> str:
        if not isinstance(self.body, dict):
            return f"HTTP {self.status}"
        return str(self.body.get("detail") or self.body.get("title") or f"HTTP {self.status}")

    @property
    def transient(self) -> bool:
        return self.status in TRANSIENT_STATUSES

    def busy(self) -> PlatformBusy:
        return PlatformBusy(self.status, self.retry_after, self.problem_text)

    @property
    def retry_after(self) -> float | None:
        """Seconds from a `Retry-After` header, when it gives seconds."""
        value = next((v for k, v in self.headers.items() if k.lower() == "retry-after"), None)
        try:
            return max(0.0, float(value)) if value is not None else None
        except ValueError:
            return None


class Transport(Protocol):
    def request(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        headers: Mapping[str, str] | None = None,
        params: Mapping[str, Any] | None = None,
        content: bytes | None = None,
    ) -> Reply: ...
