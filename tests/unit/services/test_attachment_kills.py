"""kill -9 while an attachment is added offline: after the restart the attachment and its
upload op are both there (killed after the commit) or neither is (killed inside the
transaction, after the row and the op were written but before the commit) — never a file
or a row without its op, never half of the bytes."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from govshare_desktop.app.context import AppContext
from govshare_desktop.domain.enums import OutboxOp
from govshare_desktop.store.repositories.outbox import OutboxRepository
from govshare_desktop.store.repositories.share_request_attachments import AttachmentRepository

ROOT = Path(__file__).resolve().parents[3]
PDF = b"%PDF-1.5\n" + os.urandom(512 * 1024) + b"\n%%EOF\n"

ADD_THEN_DIE = """
import os, signal, sys
from pathlib import Path
from govshare_desktop.app.context import AppContext
from govshare_desktop.domain.identity import Identity
from govshare_desktop.store.repositories import share_request_attachments as store

home, pdf, where = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
ctx = AppContext.open(home)
ctx.services.runtime.identity.set(
    Identity(officer="mz-requester", unit_code="SJZ-MZ", roles=frozenset({"requester"}))
)
draft = ctx.services.share_requests.new_draft(
    "SJZ-GA", "101001/000001", ["姓名"], "婚姻登记时核验当事人身份。"
)
print(draft.id, flush=True)
if where == "inside":  # the row and its op written, the transaction not committed
    add = store.AttachmentRepository.add
    def add_and_die(self, attachment, content):
        add(self, attachment, content)
        self._session.flush()
        os.kill(os.getpid(), signal.SIGKILL)
    store.AttachmentRepository.add = add_and_die
ctx.services.request_attachments.add(draft.id, pdf)
os.kill(os.getpid(), signal.SIGKILL)  # committed: killed before anything else happens
"""


@pytest.mark.slow
@pytest.mark.parametrize(("where", "kept"), [("inside", False), ("after", True)])
def test_an_attachment_added_offline_survives_kill_9_whole_or_not_at_all(
    tmp_path: Path, where: str, kept: bool
) -> None:
    home, pdf = tmp_path / "pc", tmp_path / "协商记录.pdf"
    pdf.write_bytes(PDF)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", ADD_THEN_DIE, str(home), str(pdf), where],
        env=env, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert result.returncode == -signal.SIGKILL, result.stderr
    request_id = result.stdout.split()[0]

    ctx = AppContext.open(home)  # what the officer finds after the restart
    try:
        with ctx.database.read() as session:
            listed = AttachmentRepository(session).of_request(request_id)
            contents = [AttachmentRepository(session).content(a.id) for a in listed]
            ops = [
                (op.op, op.payload.get("action"))
                for op in OutboxRepository(session).ops_of(request_id)
            ]
        uploads = [op for op in ops if op == (OutboxOp.STEP, "attach")]
        assert ops[0] == (OutboxOp.CREATE, None)  # the draft itself was committed before
        if kept:
            (attachment,) = listed
            assert contents == [PDF]
            assert attachment.sha256 == hashlib.sha256(PDF).hexdigest()
            assert len(uploads) == 1
        else:
            assert (listed, uploads) == ([], [])
    finally:
        ctx.close()
