"""Objections (异议, Art. 16): list by direction, show one, raise one offline from a grant,
answer one as the provider (queued, sent exactly once), let go of a refused one.

The platform owns the state. What can be checked offline is checked here before anything
is queued — the aspect and outcome, a text that is not blank, the grant held by this unit,
the data item granted by it, the officer's role, an objection still waiting for its
answer — with a `KnownError` in the officer's words; the platform checks again on arrival,
and an op it refuses stays in the outbox, refused, until `discard_refused`.

Every write runs on the writer thread (`@writes`); the change bus tells the pages.
"""

from __future__ import annotations

from govshare_desktop.domain.entities import Grant, Objection, new_id
from govshare_desktop.domain.enums import ObjectionAspect, ObjectionOutcome
from govshare_desktop.domain.errors import ErrorCode, KnownError
from govshare_desktop.domain.objections import (
    ANSWER_ROLE,
    RAISER_ROLE,
    ObjectionDirection,
    ObjectionView,
    checked_aspect,
    checked_item,
    checked_outcome,
    checked_text,
    direction_of,
)
from govshare_desktop.domain.tracking import Tracked
from govshare_desktop.services.executor import writes
from govshare_desktop.services.runtime import Service
from govshare_desktop.store.repositories.grants import GrantRepository
from govshare_desktop.store.repositories.objections import ObjectionRepository


class ObjectionService(Service):
    # ------------------------------------------------------------------ reading
    def objections(self, direction: ObjectionDirection | None = None) -> list[ObjectionView]:
        """The objections this unit raised (`OUTGOING`) or must answer (`INCOMING`), newest
        first; both when `direction` is None."""
        unit = self._rt.unit_code
        with self._db.read() as session:
            repo = ObjectionRepository(session)
            views = [self._view(repo, tracked, unit) for tracked in repo.for_unit(unit)]
        return [v for v in views if direction is None or v.direction is direction]

    def get(self, objection_id: str) -> ObjectionView | None:
        with self._db.read() as session:
            repo = ObjectionRepository(session)
            tracked = repo.get(objection_id)
            return self._view(repo, tracked, self._rt.unit_code) if tracked else None

    def grants(self) -> list[Grant]:
        """The grants this unit holds (revoked ones too: their data was received), the
        ones an objection may be raised from; newest first."""
        unit = self._rt.unit_code
        with self._db.read() as session:
            held = GrantRepository(session).for_unit(unit)
        return [g for g in held if g.grantee_unit_code == unit]

    @staticmethod
    def _view(
        repo: ObjectionRepository, tracked: Tracked[Objection], unit_code: str
    ) -> ObjectionView:
        objection = tracked.content
        return ObjectionView(
            objection=objection,
            sync_state=tracked.envelope.sync_state,
            server_version=tracked.envelope.server_version,
            direction=direction_of(objection, unit_code),
            queued=tuple(repo.queued(objection.id)),
        )

    # ------------------------------------------------------------------ the raiser
    @writes
    def raise_objection(
        self,
        grant_id: str,
        aspect: ObjectionAspect | str,
        description: str,
        data_item: str | None = None,
        *,
        objection_id: str | None = None,
    ) -> ObjectionView:
        """An objection of this unit about data of a grant it holds (`data_item`: the
        granted item it concerns, None for the resource as a whole): stored at once and
        queued to be raised on the platform with the next sync."""
        identity = self._rt.identity.get()
        if not identity.unit_code:
            raise KnownError(ErrorCode.SIGN_IN_REQUIRED)
        kind = checked_aspect(aspect)
        text = checked_text(description, "description")
        with self._db.write() as session:
            grant = GrantRepository(session).get(grant_id.strip())
            if grant is None or grant.grantee_unit_code != identity.unit_code:
                raise KnownError(ErrorCode.OBJECTION_GRANT_UNKNOWN, grant=grant_id)
            if RAISER_ROLE not in identity.roles:
                raise KnownError(ErrorCode.OBJECTION_ROLE_REQUIRED, role=RAISER_ROLE)
            item = checked_item(grant, data_item)
            item_id = next((i.id for i in grant.data_items if i.name == item), None)
            repo = ObjectionRepository(session)
            raised = repo.raise_objection(
                Objection(
                    id=objection_id or new_id(),
                    grant_id=grant.id,
                    aspect=kind,
                    description=text,
                    data_item_name=item,
                    data_item_id=item_id or None,
                    raiser_unit_code=identity.unit_code,
                    provider_unit_code=grant.provider_unit_code,
                    resource_id=grant.resource_id,
                    resource_code=grant.resource_code,
                    raised_by=identity.officer,
                )
            )
            view = self._after(repo, raised.id)
            self._rt.audit(
                session, "objection.raise", "objection", view.objection.id,
                {"grant": grant.id, "aspect": kind.value},
            )  # fmt: skip
            return view

    # ------------------------------------------------------------------ the provider
    @writes
    def answer(
        self, objection_id: str, outcome: ObjectionOutcome | str, text: str
    ) -> ObjectionView:
        """The provider's answer (accepted, corrected or rejected, with its text), queued to
        be sent exactly once; refused here unless this unit must answer it and has not."""
        result = checked_outcome(outcome)
        words = checked_text(text, "answer")
        identity = self._rt.identity.get()
        with self._db.write() as session:
            repo = ObjectionRepository(session)
            tracked = repo.get(objection_id)
            if tracked is None:
                raise KnownError(ErrorCode.NOT_FOUND, what=objection_id)
            view = self._view(repo, tracked, identity.unit_code)
            if not view.answerable or ANSWER_ROLE not in identity.roles:
                raise KnownError(
                    ErrorCode.OBJECTION_NOT_ANSWERABLE,
                    id=objection_id,
                    state=tracked.content.state.value,
                )
            repo.queue_answer(objection_id, result, words)
            self._rt.audit(
                session, "objection.answer", "objection", objection_id,
                {"outcome": result.value},
            )  # fmt: skip
            return self._after(repo, objection_id)

    @writes
    def discard_refused(self, seq: int) -> str:
        """Let go of an objection's op the platform refused (outbox op `seq`); returns the
        objection's id."""
        with self._db.write() as session:
            objection_id = ObjectionRepository(session).discard_refused(seq)
            if objection_id is None:
                raise KnownError(ErrorCode.OBJECTION_NOT_REFUSED, seq=seq)
            self._rt.audit(
                session, "objection.discard_refused", "objection", objection_id, {"seq": seq}
            )
        return objection_id

    def _after(self, repo: ObjectionRepository, objection_id: str) -> ObjectionView:
        tracked = repo.get(objection_id)
        assert tracked is not None  # noqa: S101 - written in this transaction
        return self._view(repo, tracked, self._rt.unit_code)
