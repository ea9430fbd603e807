"""Durable `Idempotency-Key` handling: one transaction holds the write and its stored response.

Same key and same request → the stored response is replayed (marked `Idempotent-Replayed`);
same key, different request → 422. Keys are scoped to the unit. Failed writes (4xx) change
nothing and are not stored, so retrying them simply runs them again.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from starlette.responses import Response

from reference_platform.context import Principal
from reference_platform.db.database import Database
from reference_platform.db.models import IdempotencyRecord
from reference_platform.problems import ProblemError

REPLAY_HEADER = "Idempotent-Replayed"


@dataclass(frozen=True, slots=True)
class StoredResponse:
    """A write's response in a form that can be stored and replayed byte for byte."""

    status: int
    headers: dict[str, str] = field(default_factory=dict)
    body: str | None = None

    @classmethod
    def json(
        cls, status: int, document: Any, headers: dict[str, str] | None = None
    ) -> StoredResponse:
        return cls(status, dict(headers or {}), json.dumps(document, ensure_ascii=False))

    def to_response(self, *, replayed: bool = False) -> Response:
        headers = dict(self.headers)
        if replayed:
            headers[REPLAY_HEADER] = "true"
        if self.body is None:
            return Response(status_code=self.status, headers=headers)
        return Response(
            self.body.encode("utf-8"),
            status_code=self.status,
            headers=headers,
            media_type="application/json",
        )


@dataclass(frozen=True, slots=True)
class WriteRequest:
    """Who asks for which write: what the key is checked against."""

    principal: Principal
    key: str | None
    method: str
    path: str
    fingerprint: str


def validate_key(key: str | None) -> str | None:
    """1-255 visible ASCII characters (a UUID is typical); 400 problem otherwise."""
    if key is None:
        return None
    if not 1 <= len(key) <= 255 or not all(33 <= ord(ch) <= 126 for ch in key):
        raise ProblemError(
            400,
            "invalid_idempotency_key",
            "Idempotency-Key must be 1-255 visible ASCII characters.",
        )
    return key


def fingerprint(method: str, path: str, signals: dict[str, Any]) -> str:
    """A digest of what makes two requests "the same request" (preconditions, parsed body)."""
    canonical = json.dumps(
        [method, path, signals], sort_keys=True, separators=(",", ":"), default=str
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _replay(record: IdempotencyRecord, request: WriteRequest) -> Response:
    if record.fingerprint != request.fingerprint:
        raise ProblemError(
            422,
            "idempotency_key_reused",
            "This Idempotency-Key was already used for a different request.",
        )
    stored = StoredResponse(record.status, dict(record.headers), record.body)
    return stored.to_response(replayed=True)


def _lookup(session: Session, request: WriteRequest) -> IdempotencyRecord | None:
    if request.key is None:
        return None
    return session.get(IdempotencyRecord, (request.principal.unit_code, request.key))


def run_write(
    db: Database,
    request: WriteRequest,
    action: Callable[[Session], StoredResponse],
    now: datetime,
) -> Response:
    """Run `action` in one write transaction with the key's record, or replay the record."""
    for attempt in range(2):
        try:
            with db.write() as session:
                existing = _lookup(session, request)
                if existing is not None:
                    return _replay(existing, request)
                result = action(session)
                if request.key is not None:
                    session.add(
                        IdempotencyRecord(
                            unit_code=request.principal.unit_code,
                            key=request.key,
                            fingerprint=request.fingerprint,
                            username=request.principal.username,
                            method=request.method,
                            path=request.path,
                            status=result.status,
                            headers=result.headers,
                            body=result.body,
                            created_at=now,
                        )
                    )
            return result.to_response()
        except IntegrityError:
            # A concurrent writer won a race (same key or same id); the second attempt sees
            # its committed result and replays it or answers with the proper 412.
            if attempt:
                raise
    raise AssertionError("unreachable")
