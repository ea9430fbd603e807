"""Notices (通报, Art. 17) on the product's own path: the authority issues one over HTTP to
the reference platform, naming the records it concerns; the unit's data directory syncs
with `ctx.services.sync.run_once()`, lists it unread, marks it read offline (kept across
a restart), and the next sync tells the platform, once, through a front that can take the
link down or lose an answer (tests/support/proxy.py).
"""

from __future__ import annotations

import uuid
from datetime import datetime

import pytest

from govshare_desktop.domain.errors import ErrorCode, KnownError
from govshare_desktop.domain.notices import Notice, NoticeSubject, NoticeView, SubjectKind
from govshare_desktop.domain.sync_result import SyncOutcome
from govshare_desktop.services.notices.service import NoticeService
from govshare_desktop.store.repositories.notices import NoticeRepository
from tests.platform.conftest import Platform
from tests.support.proxy import Proxy
from tests.sync.conftest import OpenOfficer
from tests.sync.officer import OfficerPc


def notices_of(pc: OfficerPc) -> NoticeService:
    return pc.ctx.services.notices


def synced(pc: OfficerPc) -> None:
    result = pc.sync()
    assert result.complete, result
    assert result.refused == 0, pc.ctx.services.outbox.waiting()


def seen(pc: OfficerPc, nid: str) -> NoticeView:
    view = notices_of(pc).get(nid)
    assert view is not None, nid
    return view


def issue(platform: Platform, subjects: list[dict[str, str]], title: str = "通报") -> str:
    """The city's authority issues a notice to SJZ-MZ over HTTP; returns its id."""
    nid = str(uuid.uuid4())
    body = {"title": title, "body": "请于本周内核对授权使用情况。", "unit_codes": ["SJZ-MZ"],
            "subjects": subjects}  # fmt: skip
    issued = platform.login("sjz-authority").put(
        f"/notices/{nid}", json=body, headers={"If-None-Match": "*"}
    )
    assert issued.status_code == 201, issued.text
    return nid


def on_platform(platform: Platform, nid: str) -> dict[str, object]:
    response = platform.login("mz-requester").get(f"/notices/{nid}")
    assert response.status_code == 200, response.text
    document: dict[str, object] = response.json()
    return document


def test_a_notice_arrives_unread_is_read_offline_and_the_platform_learns_it_once(
    officer: OpenOfficer, proxy: Proxy, platform: Platform
) -> None:
    pc = officer("mz-requester", "mz")
    synced(pc)
    before = notices_of(pc).unread_count()
    subjects = [{"type": "grant", "id": "g-42"}, {"type": "share_request", "id": "r-7"}]
    nid = issue(platform, subjects, "关于授权数据使用情况的通报")
    synced(pc)
    listed = notices_of(pc).notices()
    assert listed[0].notice.id == nid  # newest first
    view = listed[0]
    assert view.unread and not view.read_pending
    assert (view.notice.title, view.notice.issuer_unit_code, view.notice.issued_by) == (
        "关于授权数据使用情况的通报", "SJZ-XXGX", "sjz-authority",
    )  # fmt: skip
    assert view.notice.subjects == (
        NoticeSubject(SubjectKind.GRANT, "g-42"),
        NoticeSubject(SubjectKind.SHARE_REQUEST, "r-7"),
    )
    assert notices_of(pc).unread_count() == before + 1

    proxy.add("refuse", count=None)  # the link is down while the officer reads it
    read = notices_of(pc).mark_read(nid)
    assert not read.unread and read.read_pending
    assert read.notice.read_by == "mz-requester"
    assert pc.sync().outcome is SyncOutcome.OFFLINE
    pc.reopen()  # the process ends and starts again: the reading is kept, and still queued
    view = seen(pc, nid)
    assert not view.unread and view.read_pending
    assert notices_of(pc).unread_count() == before
    assert sum(pc.waiting().values()) == 1  # (tried once: in flight until the next cycle)
    [change] = pc.ctx.services.outbox.waiting()  # the 同步 page names it by its title
    assert (change.entity_type, change.name) == ("notice", "关于授权数据使用情况的通报")
    assert on_platform(platform, nid)["read_at"] is None

    proxy.clear()  # reconnected
    synced(pc)
    posts = [c for c in proxy.calls if c.method == "POST" and c.path.endswith(f"{nid}/read")]
    assert len(posts) == 1
    served = on_platform(platform, nid)
    assert served["read_by"] == "mz-requester" and served["read_at"] is not None
    assert served["subjects"] == subjects
    view = seen(pc, nid)
    assert not view.unread and not view.read_pending
    assert pc.waiting() == {}
    synced(pc)  # the feed's read item (version 2) changes nothing
    assert not seen(pc, nid).unread


def test_a_read_mark_whose_answer_was_lost_is_resent_and_applied_once(
    officer: OpenOfficer, proxy: Proxy, platform: Platform
) -> None:
    pc = officer("mz-requester", "mz")
    nid = issue(platform, [])
    synced(pc)
    assert seen(pc, nid).unread and seen(pc, nid).notice.subjects == ()
    notices_of(pc).mark_read(nid)
    proxy.add("drop", f"/api/v1/notices/{nid}/read", method="POST")
    assert pc.sync().outcome is SyncOutcome.OFFLINE
    first = on_platform(platform, nid)
    assert first["read_by"] == "mz-requester"  # it happened; only the answer was lost
    synced(pc)  # the same key: the platform replays its answer
    posts = [c.status for c in proxy.calls if c.method == "POST" and nid in c.path]
    assert posts == [200, 200]  # sent twice, applied once
    again = on_platform(platform, nid)
    assert (again["version"], again["read_at"]) == (2, first["read_at"])
    assert not seen(pc, nid).read_pending and pc.waiting() == {}


def test_read_all_marks_every_unread_notice_and_sends_each_once(
    officer: OpenOfficer, proxy: Proxy, platform: Platform
) -> None:
    pc = officer("mz-requester", "mz")
    ids = [issue(platform, [], f"通报{i}") for i in range(3)]
    synced(pc)
    unread = notices_of(pc).unread_count()
    assert unread >= 3
    assert notices_of(pc).mark_all_read() == unread
    assert notices_of(pc).unread_count() == 0
    assert notices_of(pc).mark_all_read() == 0
    synced(pc)
    for nid in ids:
        assert on_platform(platform, nid)["read_by"] == "mz-requester"
    posts = [c for c in proxy.calls if c.method == "POST" and c.path.endswith("/read")]
    assert len(posts) == unread


def test_a_reading_the_platform_refuses_can_be_let_go_of_and_the_notice_stays_read(
    officer: OpenOfficer, proxy: Proxy, platform: Platform
) -> None:
    """A notice this PC holds that the platform no longer delivers to the unit (here: one
    it never had): its reading is refused; 放弃此操作 lets it go instead of a refused change
    waiting, and a to-do showing, for ever."""
    pc = officer("mz-requester", "mz")
    synced(pc)
    gone = str(uuid.uuid4())
    with pc.ctx.database.write() as session:
        NoticeRepository(session).store_remote(
            Notice(gone, "已撤回的通报", "无。", datetime(2026, 12, 1, 2)), 1
        )
    notices_of(pc).mark_read(gone)
    result = pc.sync()
    assert result.refused == 1
    [refused] = [c for c in pc.ctx.services.outbox.waiting() if c.refused]
    assert (refused.entity_type, refused.http_status, refused.discardable) == ("notice", 404, True)
    with pytest.raises(KnownError) as caught:
        notices_of(pc).discard_refused(refused.seq + 10_000)
    assert caught.value.code is ErrorCode.NOTICE_NOT_REFUSED
    assert notices_of(pc).discard_refused(refused.seq) == gone
    assert pc.ctx.services.outbox.waiting() == []
    assert not seen(pc, gone).unread
    synced(pc)  # nothing is sent again
    assert not [c for c in proxy.calls if c.method == "POST" and gone in c.path][1:]
