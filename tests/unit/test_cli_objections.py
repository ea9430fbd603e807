"""`govshare objections list`: the objections held here, in Chinese and as JSON, offline
(what the last sync brought and what this PC queued)."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

from govshare_desktop.app.context import AppContext
from govshare_desktop.domain.entities import Grant, GrantedItem, Objection
from govshare_desktop.domain.enums import ObjectionAspect, ObjectionState
from govshare_desktop.domain.identity import Identity
from govshare_desktop.store.repositories.grants import GrantRepository
from govshare_desktop.store.repositories.identity import IdentityRepository
from govshare_desktop.store.repositories.objections import ObjectionRepository
from tests.unit.test_cli import govshare

MZ = Identity(officer="mz-sharing", unit_code="SJZ-MZ", roles=frozenset({"requester", "provider"}))
GRANT = Grant(
    id="00000000-0000-4000-8000-0000000000a1", request_id=None, grantee_unit_code="SJZ-MZ",
    provider_unit_code="SJZ-GA", authority_unit_code="SJZ-XXGX", resource_id="res-1",
    resource_code="101001/000001", resource_name="人口基本信息",
    data_items=(GrantedItem("it-1", "姓名", "C"),), purpose="核验。",
    valid_from=date(2026, 12, 1), valid_to=None,
)  # fmt: skip
ANSWERED = "00000000-0000-4000-8000-0000000000b1"
INCOMING = "00000000-0000-4000-8000-0000000000b2"


def filled(home: Path) -> str:
    """One raised and answered, one to answer, one raised here and queued; the last's id."""
    ctx = AppContext.open(home)
    try:
        with ctx.database.write() as session:
            IdentityRepository(session).put(MZ)
            GrantRepository(session).store_remote(GRANT, 1)
            repo = ObjectionRepository(session)
            repo.store_remote(Objection(
                id=ANSWERED, grant_id=GRANT.id, aspect=ObjectionAspect.ACCURACY,
                description="姓名有误。", raiser_unit_code="SJZ-MZ", provider_unit_code="SJZ-GA",
                data_item_id="it-1", state=ObjectionState.CORRECTED, answer="已更正。",
                raised_at=datetime(2026, 12, 2), answered_at=datetime(2026, 12, 3),
            ), 2)  # fmt: skip
            repo.store_remote(Objection(
                id=INCOMING, grant_id="00000000-0000-4000-8000-0000000000a2",
                aspect=ObjectionAspect.COMPLETENESS, description="缺少记录。",
                raiser_unit_code="SJZ-GA", provider_unit_code="SJZ-MZ",
                state=ObjectionState.SUBMITTED,
            ), 1)  # fmt: skip
        ctx.services.runtime.identity.set(MZ)
        queued = ctx.services.objections.raise_objection(GRANT.id, "timeliness", "地址已过时。")
        return queued.objection.id
    finally:
        ctx.close()


def test_objections_listed_by_direction_in_chinese_and_json(tmp_path: Path) -> None:
    queued = filled(tmp_path)
    listed = govshare("objections", "list", "--home", str(tmp_path))
    assert listed.returncode == 0, listed.stderr
    lines = listed.stdout.splitlines()
    assert lines[0].split("\t") == ["方向", "状态", "异议类型", "代码", "信息项", "异议"]
    assert f"提出\t已更正\t准确性\t101001/000001\t姓名\t{ANSWERED}" in lines
    assert f"收到\t待答复\t完整性\t—\t—\t{INCOMING}" in lines
    assert f"提出\t未发送 （待发送）\t时效性\t101001/000001\t—\t{queued}" in lines
    assert lines[-1] == "共 3 件异议。"

    incoming = json.loads(govshare("objections", "list", "--direction", "in", "--json",
                                   "--home", str(tmp_path)).stdout)  # fmt: skip
    [only] = incoming["objections"]
    assert (only["id"], only["direction"], only["answerable"]) == (INCOMING, "in", True)
    out = json.loads(govshare("objections", "list", "--direction", "out", "--json",
                              "--home", str(tmp_path)).stdout)  # fmt: skip
    answered = next(o for o in out["objections"] if o["id"] == ANSWERED)
    assert (answered["state"], answered["answer"], answered["data_item"]) == (
        "corrected", "已更正。", "姓名",
    )  # fmt: skip
    assert [q["action"] for o in out["objections"] for q in o["queued"]] == ["raise"]
