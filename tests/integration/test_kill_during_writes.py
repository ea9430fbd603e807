"""kill -9 in the middle of a stream of edits: every edit acknowledged before the kill is kept.

The writer is a real process using the same services as the GUI; it prints a resource's id
only after its transaction committed. Whatever moment the kill lands, the DB must hold each
printed resource with its outbox op and audit event, pass its integrity check, and hold
no half-written resource.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from govshare_desktop.app.context import AppContext
from govshare_desktop.security.audit_chain import verify
from govshare_desktop.store.repositories.audit import AuditRepository

WRITER = """
import sys
from govshare_desktop.app.context import AppContext
from govshare_desktop.store.repositories.audit import AuditRepository
from govshare_desktop.domain.entities import Classification, DataItem, Resource
ctx = AppContext.open(sys.argv[1])
i = 0
while True:
    i += 1
    items = tuple(DataItem(f"信息项{j}", "C", 20) for j in range(20))
    r = Resource(name=f"资源{i}", unit_code="U1", classification=Classification("3", "01", "001"),
                 code=f"301001/{i:06d}", data_items=items)
    ctx.services.catalog.save(r)
    print(r.id, flush=True)
"""


@pytest.mark.slow
@pytest.mark.parametrize("kill_after", [1, 37, 150])
def test_acknowledged_edits_survive_sigkill(home: Path, kill_after: int) -> None:
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(home)], stdout=subprocess.PIPE, text=True
    )
    assert writer.stdout is not None
    acknowledged = [writer.stdout.readline().strip() for _ in range(kill_after)]
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait()
    acknowledged += [line.strip() for line in writer.stdout if line.strip()]

    db = sqlite3.connect(home / "govshare.db")
    try:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        stored = {row[0] for row in db.execute("SELECT id FROM resources")}
        assert set(acknowledged) <= stored
        # nothing half-written: every stored resource is whole, with its op and its audit event
        for (resource_id,) in db.execute("SELECT id FROM resources"):
            items = db.execute(
                "SELECT count(*) FROM data_items WHERE resource_id = ?", (resource_id,)
            )
            assert items.fetchone() == (20,)
            ops = db.execute("SELECT count(*) FROM sync_outbox WHERE entity_id = ?", (resource_id,))
            assert ops.fetchone() == (1,)
            audit = db.execute(
                "SELECT count(*) FROM audit_events WHERE subject_id = ?", (resource_id,)
            )
            assert audit.fetchone() == (1,)
    finally:
        db.close()
    # and the app opens it again as if nothing happened (the kill also released the lock)
    ctx = AppContext.open(home)
    try:
        assert ctx.services.database.check().ok
        assert ctx.services.catalog.count() == len(stored)
        with ctx.database.read() as session:  # the fail keyring: every event unsealed
            repo = AuditRepository(session)
            report = verify(b"never used: nothing is sealed", repo.links(), repo.head())
        assert report.intact and report.unsealed == len(stored)  # their checksums link up
    finally:
        ctx.close()
