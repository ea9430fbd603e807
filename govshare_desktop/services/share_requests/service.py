"""Share requests: list by direction and state, show one with its history, draft and edit
offline, take a workflow step (queued, sent exactly once), let go of a refused one.

The platform owns every state after the draft. A step is checked here before it is queued
— with the platform's `allowed_actions` when it served them and nothing is queued since,
otherwise with the domain's table (`domain/share_workflow.py`) from the state the queued
steps lead to, for the parties the signed-in officer's unit and roles make them — and the
platform checks it again when it arrives. One it refuses (the state moved on meanwhile)
stays in the outbox as refused, with the platform's words, until `discard_refused`.

Every write runs on the writer thread (`@writes`); the change bus tells the pages.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from govshare_desktop.domain.entities import ShareRequest, new_id
from govshare_desktop.domain.enums import ShareMethod, ShareRequestState
from govshare_desktop.domain.errors import ErrorCode, KnownError
from govshare_desktop.domain.share_requests import (
    Direction,
    QueuedStep,
    ShareRequestView,
    available_actions,
    command_of,
    directions_of,
    payload_of,
)
from govshare_desktop.domain.share_workflow import RequestAction
from govshare_desktop.domain.tracking import Tracked
from govshare_desktop.services.executor import writes
from govshare_desktop.services.runtime import Service
from govshare_desktop.store.repositories.grants import GrantRepository
from govshare_desktop.store.repositories.share_request_attachments import AttachmentRepository
from govshare_desktop.store.repositories.share_requests import ShareRequestRepository, as_draft

_CONTENT = (
    "provider_unit_code", "resource_code", "data_item_names", "purpose", "legal_basis",
    "share_method", "use_from", "use_until", "contact_name", "contact_phone",
)  # fmt: skip


def _checked(draft: ShareRequest) -> ShareRequest:
    """A draft's content as the platform would accept it: a known share method, a period
    of use that does not end before it begins (a KnownError for the officer otherwise)."""
    if draft.share_method:
        ShareMethod(draft.share_method)  # ValueError: a caller's bug, not the officer's
    if draft.use_from and draft.use_until and draft.use_until < draft.use_from:
        raise KnownError(
            ErrorCode.REQUEST_PERIOD_INVALID,
            since=draft.use_from.isoformat(), until=draft.use_until.isoformat(),
        )  # fmt: skip
    return draft


class ShareRequestService(Service):
    # ------------------------------------------------------------------ reading
    def requests(
        self, direction: Direction | None = None, state: ShareRequestState | None = None
    ) -> list[ShareRequestView]:
        """The requests this unit is a party to (newest first), without their history;
        `direction`: only outgoing (requester), incoming (provider) or the authority's."""
        unit = self._rt.unit_code
        with self._db.read() as session:
            repo = ShareRequestRepository(session)
            found = repo.for_unit(unit, state)
            steps = repo.all_steps()  # the queue is small; one query, not one per request
            views = [self._view(repo, t, steps.get(t.content.id, [])) for t in found]
        return [v for v in views if direction is None or direction in v.directions]

    def get(self, request_id: str) -> ShareRequestView | None:
        """One request with its whole history, its queued steps, what may be done next, its
        attachments and the grant it brought (when held here)."""
        with self._db.read() as session:
            repo = ShareRequestRepository(session)
            tracked = repo.get(request_id)
            if tracked is None:
                return None
            grant_id = tracked.content.grant_id
            return replace(
                self._view(repo, tracked),
                attachments=tuple(AttachmentRepository(session).of_request(request_id)),
                grant=GrantRepository(session).get(grant_id) if grant_id else None,
            )

    def _view(
        self,
        repo: ShareRequestRepository,
        tracked: Tracked[ShareRequest],
        steps: Sequence[QueuedStep] | None = None,
    ) -> ShareRequestView:
        request = tracked.content
        identity = self._rt.identity.get()
        queued = tuple(repo.steps(request.id) if steps is None else steps)
        waiting = [s.action for s in queued if not s.refused]
        return ShareRequestView(
            request=request,
            sync_state=tracked.envelope.sync_state,
            server_version=tracked.envelope.server_version,
            directions=frozenset(directions_of(request, identity.unit_code)),
            queued=queued,
            actions=tuple(
                available_actions(
                    request, identity.unit_code, identity.roles, waiting, clock=self._rt.clock
                )
            ),
        )

    # ------------------------------------------------------------------ the requester's draft
    @writes
    def new_draft(
        self,
        provider_unit_code: str,
        resource_code: str,
        data_item_names: Sequence[str],
        purpose: str,
        legal_basis: str = "",
        *,
        share_method: str = "",
        use_from: date | None = None,
        use_until: date | None = None,
        contact_name: str = "",
        contact_phone: str = "",
        request_id: str | None = None,
    ) -> ShareRequest:
        """A draft of this unit, stored at once and queued to be created on the platform.
        `share_method`: a `ShareMethod` value, or "" to leave it to the provider."""
        unit = self._rt.unit_code
        if not unit:
            raise KnownError(ErrorCode.SIGN_IN_REQUIRED)
        draft = ShareRequest(
            id=request_id or new_id(),
            requester_unit_code=unit,
            provider_unit_code=provider_unit_code.strip(),
            resource_code=resource_code.strip(),
            data_item_names=tuple(n.strip() for n in data_item_names if n.strip()),
            purpose=purpose.strip(),
            legal_basis=legal_basis.strip(),
            share_method=share_method,
            use_from=use_from,
            use_until=use_until,
            contact_name=contact_name.strip(),
            contact_phone=contact_phone.strip(),
        )
        _checked(draft)
        with self._db.write() as session:
            saved = ShareRequestRepository(session).save_draft(draft)
            self._rt.audit(session, "share_request.draft", "share_request", saved.id)
        return saved

    @writes
    def edit_draft(self, request_id: str, **changes: Any) -> ShareRequest:
        """Change a draft's content (`provider_unit_code`, `resource_code`,
        `data_item_names`, `purpose`, `legal_basis`, `share_method`, `use_from`,
        `use_until`, `contact_name`, `contact_phone`); refused once it left the draft, or
        once its submission is queued."""
        unknown = set(changes) - set(_CONTENT)
        if unknown:
            raise TypeError(f"not a draft field: {sorted(unknown)}")
        with self._db.write() as session:
            repo = ShareRequestRepository(session)
            tracked = repo.get(request_id)
            if tracked is None:
                raise KnownError(ErrorCode.NOT_FOUND, what=request_id)
            view = self._view(repo, tracked)
            if not view.editable:
                raise KnownError(
                    ErrorCode.REQUEST_NOT_EDITABLE, id=request_id, state=tracked.content.state
                )
            saved = repo.save_draft(_checked(as_draft(tracked.content, **changes)))
            self._rt.audit(
                session, "share_request.edit", "share_request", request_id,
                {"fields": sorted(changes)},
            )  # fmt: skip
        return saved

    # ------------------------------------------------------------------ workflow steps
    def available_actions(self, request_id: str) -> list[RequestAction]:
        view = self.get(request_id)
        return list(view.actions) if view is not None else []

    @writes
    def take_step(
        self, request_id: str, action: RequestAction | str, text: str = "", **extra: Any
    ) -> ShareRequestView:
        """Queue a workflow step (sent with the next sync, exactly once, after the request's
        earlier ops). `extra`: what a decision adds (`outcome`, `terms`, `determination`,
        `reference`). Refused here when the officer may not take it now."""
        step = RequestAction(action)
        text = text.strip()
        command_of(step, text, extra)  # the fields the step requires, checked before queueing
        with self._db.write() as session:
            repo = ShareRequestRepository(session)
            tracked = repo.get(request_id)
            if tracked is None:
                raise KnownError(ErrorCode.NOT_FOUND, what=request_id)
            view = self._view(repo, tracked)
            if step not in view.actions:
                raise KnownError(
                    ErrorCode.REQUEST_STEP_NOT_ALLOWED,
                    id=request_id,
                    action=step.value,
                    state=tracked.content.state.value,
                    allowed=", ".join(a.value for a in view.actions) or "-",
                )
            repo.queue_step(request_id, step, payload_of(step, text, extra))
            self._rt.audit(
                session, f"share_request.{step.value}", "share_request", request_id,
                {"text": text} if text else None,
            )  # fmt: skip
            after = repo.get(request_id)
            assert after is not None  # noqa: S101 - written in this transaction
            return self._view(repo, after)

    @writes
    def discard_refused(self, seq: int) -> str:
        """Let go of a step the platform refused (outbox op `seq`); the request's later
        steps go out with the next sync. Returns the request's id."""
        with self._db.write() as session:
            request_id = ShareRequestRepository(session).discard_refused(seq)
            if request_id is None:
                raise KnownError(ErrorCode.REQUEST_NOT_REFUSED, seq=seq)
            self._rt.audit(
                session, "share_request.discard_refused", "share_request", request_id,
                {"seq": seq},
            )  # fmt: skip
        return request_id
