"""Grants and objections as a pull leaves them in the store, and a refusal as the push leaves
it: shared by the GUI tests of the 异议 view and of the 同步 page's 放弃此操作."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from govshare_desktop.app.gui import Shell
from govshare_desktop.domain.changes import EntityKind
from govshare_desktop.domain.entities import Grant, GrantedItem, Objection
from govshare_desktop.domain.enums import ObjectionAspect, ObjectionState, OutboxStatus
from govshare_desktop.store.repositories.grants import GrantRepository
from govshare_desktop.store.repositories.objections import ObjectionRepository
from govshare_desktop.store.repositories.outbox import OutboxQueue, OutboxRepository
from govshare_desktop.store.repositories.share_requests import ShareRequestRepository
from tests.gui.test_share_requests_page import LABOUR, ME, POLICE, on_writer

GRANTED_AT = datetime(2026, 11, 20, 1, 0, tzinfo=UTC)


def grant(
    code: str, provider: str = POLICE, grantee: str = ME, *, revoked: bool = False,
    items: tuple[str, ...] = ("公民身份号码", "姓名", "户籍地址"), name: str = "人口基础信息",
) -> Grant:  # fmt: skip
    return Grant(
        id=f"grant-{code}", request_id=None, grantee_unit_code=grantee,
        provider_unit_code=provider, authority_unit_code=LABOUR, resource_id=f"res-{code}",
        resource_code=f"{code}/000001", resource_name=name,
        data_items=tuple(GrantedItem(f"item-{code}-{i}", n, "C") for i, n in enumerate(items)),
        purpose="社会救助对象核查", valid_from=date(2026, 11, 20), valid_to=date(2027, 11, 19),
        granted_at=GRANTED_AT, granted_by="xxgx-officer",
        revoked_at=GRANTED_AT if revoked else None, revoked_by="xxgx-officer" if revoked else "",
    )  # fmt: skip


def pull_grants(shell: Shell, *grants: Grant) -> None:
    def work(session: Any) -> None:
        for held in grants:
            GrantRepository(session).store_remote(held, 1)

    on_writer(shell, work)


def served_objection(
    held: Grant, raiser: str, provider: str, *, item_index: int | None = 1,
    state: ObjectionState = ObjectionState.SUBMITTED, answer: str = "",
    aspect: ObjectionAspect = ObjectionAspect.ACCURACY, description: str = "第3行姓名有误。",
) -> Objection:  # fmt: skip
    item = held.data_items[item_index] if item_index is not None else None
    answered = state not in (ObjectionState.SUBMITTED, ObjectionState.DRAFT)
    return Objection(
        grant_id=held.id, aspect=aspect, description=description,
        raiser_unit_code=raiser, provider_unit_code=provider, resource_id=held.resource_id,
        data_item_id=item.id if item else None, state=state, answer=answer,
        raised_at=GRANTED_AT, raised_by="raiser-officer",
        answered_at=GRANTED_AT if answered else None,
        answered_by="answer-officer" if answered else "",
    )  # fmt: skip


def pull_objections(shell: Shell, *objections: Objection) -> None:
    def work(session: Any) -> None:
        for objection in objections:
            ObjectionRepository(session).store_remote(objection, 1)

    on_writer(shell, work)


def refuse_last(shell: Shell, kind: EntityKind, entity_id: str, status: int, reason: str) -> int:
    """What the push does with a refusal (409, 403…): the entity's last op stays `failed`
    with the platform's words, and the entity shows as rejected. Returns the op's seq."""
    seqs: list[int] = []

    def work(session: Any) -> None:
        seq = OutboxRepository(session).ops_of(entity_id)[-1].seq
        OutboxQueue(session).fail(seq, OutboxStatus.FAILED, status, reason)
        if kind is EntityKind.OBJECTION:
            ObjectionRepository(session).refused(entity_id)
        else:
            ShareRequestRepository(session).refused(entity_id)
        seqs.append(seq)

    on_writer(shell, work)
    return seqs[0]
