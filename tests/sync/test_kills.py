"""kill -9 of a syncing client at SYNC.md's labelled points: on restart it converges, the
platform holds each record exactly once, and nothing the officer entered is lost."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from govshare_desktop.domain.enums import SyncState
from govshare_desktop.store.repositories.sync_meta import SyncMetaRepository
from govshare_desktop.sync.checkpoints import AFTER_BEGIN, AFTER_REPLY, BEFORE_PAGE, ENV
from govshare_desktop.sync.engine import Outcome
from tests.platform.conftest import Platform
from tests.sync.conftest import OpenClient
from tests.sync.support import Client
from tests.sync.test_cli_end_to_end import write_catalog
from tests.sync.test_engine import server_resources

CREDIT_CODE = "91130100MA00000012"  # a valid GB 32100 code (check character 2)

SYNC_ONCE = """
import sys
from pathlib import Path
from tests.sync.support import Client
pc = Client.open(Path(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4])
report = pc.sync()
print(report.outcome.value, flush=True)
pc.close()
"""

ROOT = Path(__file__).resolve().parents[2]


def sync_in_a_process(pc: Client, platform: Platform, kill_at: str | None) -> int:
    """Run one sync cycle in a process of its own (the PC's store closed meanwhile)."""
    home = pc.ctx.paths.home
    token = pc.transport.session.headers["Authorization"].removeprefix("Bearer ")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop(ENV, None)
    if kill_at:
        env[ENV] = kill_at
    result = subprocess.run(
        [sys.executable, "-c", SYNC_ONCE, str(home), platform.api, token, pc.unit_code],
        env=env, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    return result.returncode


def reopen(pc: Client, platform: Platform) -> Client:
    token = pc.transport.session.headers["Authorization"].removeprefix("Bearer ")
    return Client.open(pc.ctx.paths.home, platform.api, str(token), pc.unit_code)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("kill_at", "officer"),  # one unit each: a unit that already holds the workbook's codes
    [
        (AFTER_BEGIN, "ga-compiler"),
        (AFTER_REPLY, "mz-compiler"),
        (f"{AFTER_REPLY}:3", "scjg-compiler"),
    ],
)  # would match its rows instead of creating them
def test_killed_while_pushing_a_batch_converges_without_duplicates(
    client: OpenClient, platform: Platform, kill_at: str, officer: str
) -> None:
    pc = client(officer)
    assert pc.sync().outcome is Outcome.DONE
    before = server_resources(platform, officer)
    # codes the unit's pulled catalog does not hold: the import creates, never updates
    workbook = pc.ctx.paths.home / "目录.xlsx"
    write_catalog(workbook, "测试单位", CREDIT_CODE, count=6)
    report = pc.ctx.services.catalog_import.run(workbook, unit_code=pc.unit_code)
    assert report.stored
    mine = [
        r.id for r in pc.ctx.services.catalog.list_resources(pc.unit_code) if r.id not in before
    ]
    pc.close()
    assert sync_in_a_process(pc, platform, kill_at) == -signal.SIGKILL
    assert sync_in_a_process(pc, platform, None) == 0
    pc = reopen(pc, platform)
    try:
        held = server_resources(platform, officer)
        shared = [r for r in mine if not pc.resource(r).secret]
        assert all(rid in held for rid in shared)
        assert len(held) == len(before) + len(shared)  # each exactly once
        for rid in shared:
            tracked = pc.ctx.services.catalog.get_tracked(rid)
            assert tracked is not None and tracked.envelope.sync_state is SyncState.SYNCED
        assert pc.waiting() == {}
        assert pc.ctx.services.database.check().ok
    finally:
        pc.close()


@pytest.mark.slow
def test_killed_after_the_platform_answered_an_edit_resends_it_and_converges(
    client: OpenClient, platform: Platform
) -> None:
    pc = client()
    resource = pc.new_resource("编辑途中被终止")
    assert pc.sync().outcome is Outcome.DONE
    pc.ctx.services.catalog.edit(resource.id, {"abstract": "终止前的修改"})
    pc.close()
    assert sync_in_a_process(pc, platform, AFTER_REPLY) == -signal.SIGKILL
    held = server_resources(platform)[resource.id]
    assert (held["abstract"], held["version"]) == ("终止前的修改", 2)  # the platform has it
    assert sync_in_a_process(pc, platform, None) == 0
    pc = reopen(pc, platform)
    try:
        assert server_resources(platform)[resource.id]["version"] == 2  # replayed, not again
        tracked = pc.ctx.services.catalog.get_tracked(resource.id)
        assert tracked is not None
        assert (tracked.envelope.sync_state, tracked.envelope.server_version) == (
            SyncState.SYNCED,
            2,
        )
        assert tracked.content.abstract == "终止前的修改"
    finally:
        pc.close()


@pytest.mark.slow
def test_killed_mid_pull_applies_the_page_once_and_the_cursor_is_never_ahead(
    client: OpenClient, platform: Platform
) -> None:
    writer, reader = client(pc="writer"), client(pc="reader")
    created = [writer.new_resource(f"拉取测试资源{i}") for i in range(3)]
    assert writer.sync().outcome is Outcome.DONE
    reader.close()
    assert sync_in_a_process(reader, platform, BEFORE_PAGE) == -signal.SIGKILL
    reader = reopen(reader, platform)
    try:
        with reader.ctx.database.read() as session:
            assert SyncMetaRepository(session).cursor() is None  # not ahead of the data
        assert all(reader.ctx.services.catalog.get(r.id) is None for r in created)
        assert reader.sync().outcome is Outcome.DONE
        assert all(reader.resource(r.id).name == r.name for r in created)
    finally:
        reader.close()
