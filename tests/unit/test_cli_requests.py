"""`govshare requests list|show`: the share requests held here, in Chinese and as JSON,
offline (what the last sync brought and what this PC queued)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

from govshare_desktop.app.context import AppContext
from govshare_desktop.cli.parser import SHARE_REQUEST_STATES
from govshare_desktop.cli.words import local_time
from govshare_desktop.domain.entities import ShareRequest, ShareRequestEvent
from govshare_desktop.domain.enums import ShareRequestState
from govshare_desktop.domain.identity import Identity
from govshare_desktop.domain.share_workflow import RequestAction
from govshare_desktop.store.repositories.identity import IdentityRepository
from govshare_desktop.store.repositories.share_requests import ShareRequestRepository
from tests.unit.test_cli import govshare

S = ShareRequestState
MZ = Identity(officer="mz-sharing", unit_code="SJZ-MZ", roles=frozenset({"requester", "provider"}))
AT = datetime(2026, 12, 1, 1, 30)  # UTC, as the store keeps times


def served(rid: str, requester: str, provider: str, state: S, **more: object) -> ShareRequest:
    return ShareRequest(
        id=rid, requester_unit_code=requester, provider_unit_code=provider,
        authority_unit_code="SJZ-XXGX", resource_code="101001/000001",
        data_item_names=("公民身份号码", "姓名"), purpose="婚姻登记时核验当事人身份。",
        state=state, created_by="someone",
        events=(ShareRequestEvent("create", "someone", AT, to_state=S.DRAFT,
                                  actor_unit_code=requester, seq=1),),
        **more,  # type: ignore[arg-type]
    )  # fmt: skip


def filled(home: Path) -> str:
    """Three requests held: one out (explanation requested), one in, one drafted here with
    its submission queued. Returns the draft's id."""
    ctx = AppContext.open(home)
    try:
        with ctx.database.write() as session:
            IdentityRepository(session).put(MZ)
            repo = ShareRequestRepository(session)
            applied = served(
                "00000000-0000-4000-8000-000000000001", "SJZ-MZ", "SJZ-GA",
                S.EXPLANATION_REQUESTED, explanation_due=date(2026, 12, 16),
                share_method="platform_interface", use_from=date(2027, 1, 1),
                use_until=date(2027, 12, 31), contact_name="陈晨", contact_phone="0311-87654321",
            )  # fmt: skip
            history = (
                *applied.events,
                ShareRequestEvent("decline", "ga-provider", AT, "涉及个人隐私。", S.SUBMITTED,
                                  S.DECLINED, "SJZ-GA", 2),
            )  # fmt: skip
            repo.store_remote(replace(applied, events=history, allowed_actions=("withdraw",)), 4)
            repo.store_remote(
                served("00000000-0000-4000-8000-000000000002", "SJZ-SCJG", "SJZ-MZ", S.SUBMITTED,
                       allowed_actions=("agree", "decline", "dispute-secrecy")), 2,
            )  # fmt: skip
        ctx.services.runtime.identity.set(MZ)
        draft = ctx.services.share_requests.new_draft(
            "SJZ-GA", "303001/000001", ["号牌号码"], "信用监管。"
        )
        record = home / "协商记录.pdf"
        record.write_bytes(b"%PDF-1.4\n%%EOF\n")
        ctx.services.request_attachments.add(draft.id, record)
        ctx.services.share_requests.take_step(draft.id, RequestAction.SUBMIT, "请予支持。")
        return draft.id
    finally:
        ctx.close()


def test_the_parser_knows_every_state() -> None:
    assert set(SHARE_REQUEST_STATES) == {s.value for s in ShareRequestState}


def test_requests_listed_by_direction_and_state_in_chinese_and_json(tmp_path: Path) -> None:
    draft = filled(tmp_path)
    listed = govshare("requests", "list", "--home", str(tmp_path))
    assert listed.returncode == 0, listed.stderr
    lines = listed.stdout.splitlines()
    assert lines[0].split("\t") == ["方向", "状态", "提供方", "代码", "申请"]
    assert f"发出\t草稿 （1 项操作待发送）\tSJZ-GA\t303001/000001\t{draft}" in lines
    assert any(line.startswith("收到\t待提供方答复\tSJZ-MZ\t") for line in lines)
    assert any(line.startswith("发出\t待提供方书面说明\tSJZ-GA\t") for line in lines)
    assert lines[-1] == "共 3 件共享申请。"

    incoming = json.loads(govshare("requests", "list", "--direction", "in", "--json",
                                   "--home", str(tmp_path)).stdout)  # fmt: skip
    [only] = incoming["requests"]
    assert (only["requester_unit_code"], only["directions"]) == ("SJZ-SCJG", ["in"])
    assert only["allowed_actions"] == ["agree", "decline", "dispute-secrecy"]
    outgoing = json.loads(govshare("requests", "list", "--direction", "out", "--state", "draft",
                                   "--json", "--home", str(tmp_path)).stdout)  # fmt: skip
    [mine] = outgoing["requests"]
    assert mine["id"] == draft and mine["sync_state"] == "pending"
    assert [q["action"] for q in mine["queued"]] == ["submit"]
    assert mine["allowed_actions"] == ["withdraw"]  # from where the queued submit leads
    wrong = govshare("requests", "list", "--state", "nonsense", "--home", str(tmp_path))
    assert wrong.returncode == 2 and "nonsense" in wrong.stderr


def test_one_request_shown_with_its_history(tmp_path: Path) -> None:
    filled(tmp_path)
    rid = "00000000-0000-4000-8000-000000000001"
    shown = govshare("requests", "show", rid, "--home", str(tmp_path))
    assert shown.returncode == 0, shown.stderr
    out = shown.stdout
    assert "状态: 待提供方书面说明" in out and "书面说明期限: 2026-12-16" in out
    assert "可进行的操作: 撤回" in out
    assert "共享方式: 共享平台/接口" in out  # the profile's label
    assert "使用期限: 2027-01-01 – 2027-12-31" in out
    assert "联系人: 陈晨 0311-87654321" in out
    when = local_time(AT)  # on the PC's clock
    assert (
        f"{when}\t不同意\tga-provider（SJZ-GA）\t待提供方答复 → 提供方不同意：涉及个人隐私。" in out
    )
    document = json.loads(govshare("requests", "show", rid, "--json", "--home",
                                   str(tmp_path)).stdout)  # fmt: skip
    assert [e["action"] for e in document["events"]] == ["create", "decline"]
    assert document["explanation_due"] == "2026-12-16"
    assert (document["share_method"], document["use_until"]) == ("platform_interface", "2027-12-31")
    assert "附件" not in out  # this one has none

    draft_id = filled(tmp_path / "again")
    drafted = govshare("requests", "show", draft_id, "--home", str(tmp_path / "again")).stdout
    digest = hashlib.sha256(b"%PDF-1.4\n%%EOF\n").hexdigest()
    assert f"附件:\n  协商记录.pdf（15 字节，SHA-256 {digest}）" in drafted
    document = json.loads(govshare("requests", "show", draft_id, "--json", "--home",
                                   str(tmp_path / "again")).stdout)  # fmt: skip
    (attachment,) = document["attachments"]
    assert (attachment["name"], attachment["size"], attachment["sent"]) == (
        "协商记录.pdf", 15, False,
    )  # fmt: skip
    missing = govshare("requests", "show", "nope", "--home", str(tmp_path))
    assert missing.returncode == 1 and "本机没有标识为 nope 的共享申请。" in missing.stdout
