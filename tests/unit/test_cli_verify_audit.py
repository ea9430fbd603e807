"""`govshare verify-audit` as a script runs it: a process of its own, the test's keyring,
and an audit log changed behind the app's back with sqlite3 — an event altered, removed,
reordered, or altered with its plain SHA-256 checksum chain recomputed. Each is found and
named; an intact log exits 0 with its count, and no keyring exits 2 with a sentence."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from govshare_desktop.app.context import AppContext
from govshare_desktop.domain.audit import plain_digest
from govshare_desktop.domain.entities import AuditEvent
from tests.unit.test_cli import govshare

EVENTS = 5


def logged(home: Path) -> list[str]:
    """Five events: two written in a write transaction, three recorded fire-and-forget."""
    ctx = AppContext.open(home)
    try:
        rt = ctx.services.runtime
        for n in range(2):
            with ctx.database.write() as session:
                rt.audit(session, "resource.save", "resource", f"r-{n}", {"n": n})
        for n in range(3):
            ctx.services.audit.record("grant.view", "grant", "g-1", {"rows": 50 + n}).result()
    finally:
        ctx.close()
    with sqlite3.connect(home / "govshare.db") as db:
        return [r[0] for r in db.execute("SELECT id FROM audit_events ORDER BY seq")]


def verify(home: Path) -> tuple[int, dict[str, Any]]:
    done = govshare("verify-audit", "--home", str(home), "--json")
    assert done.stdout, done.stderr
    return done.returncode, json.loads(done.stdout)


def edit(home: Path, *statements: str) -> None:
    db = sqlite3.connect(home / "govshare.db")
    with db:
        for statement in statements:
            db.execute(statement)
    db.close()


def test_an_intact_log_exits_0_with_its_count(tmp_path: Path, file_keyring: Path) -> None:
    logged(tmp_path)
    done = govshare("verify-audit", "--home", str(tmp_path))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"审计日志完好：已核验 {EVENTS} 条已签封的事件。"
    assert verify(tmp_path) == (0, {"ok": True, "sealed": EVENTS, "unsealed": 0, "broken": None})


def test_an_altered_event_is_named(tmp_path: Path, file_keyring: Path) -> None:
    ids = logged(tmp_path)
    edit(tmp_path, "UPDATE audit_events SET actor = '李四' WHERE seq = 3")
    done = govshare("verify-audit", "--home", str(tmp_path))
    assert done.returncode == 1
    first, second = done.stdout.splitlines()
    assert first.startswith(f"审计日志在第 3 条事件处断开（编号 {ids[2]}，")
    assert "与其签封不符：写入后被改动过。" in first
    assert second == "此前的 2 条已签封事件完好。"
    code, report = verify(tmp_path)
    assert (code, report["broken"]["kind"], report["broken"]["seq"]) == (1, "altered", 3)


def test_a_removed_event_is_named(tmp_path: Path, file_keyring: Path) -> None:
    ids = logged(tmp_path)
    edit(tmp_path, "DELETE FROM audit_events WHERE seq = 3")
    code, report = verify(tmp_path)
    assert code == 1
    assert report["broken"] | {"at": None} == {
        "kind": "missing", "seq": 4, "id": ids[3], "at": None, "expected_seq": 3,
    }  # fmt: skip


def test_events_removed_from_the_end_are_found(tmp_path: Path, file_keyring: Path) -> None:
    ids = logged(tmp_path)
    edit(tmp_path, "DELETE FROM audit_events WHERE seq >= 4")
    code, report = verify(tmp_path)
    assert code == 1
    broken = report["broken"]
    assert (broken["kind"], broken["seq"], broken["id"], broken["expected_seq"]) == (
        "truncated", 3, ids[2], EVENTS,
    )  # fmt: skip


def test_reordered_events_are_named(tmp_path: Path, file_keyring: Path) -> None:
    ids = logged(tmp_path)
    edit(
        tmp_path,
        "UPDATE audit_events SET seq = -2 WHERE seq = 2",
        "UPDATE audit_events SET seq = 2 WHERE seq = 3",
        "UPDATE audit_events SET seq = 3 WHERE seq = -2",
    )
    code, report = verify(tmp_path)
    assert code == 1
    broken = report["broken"]
    assert (broken["kind"], broken["seq"], broken["id"]) == ("reordered", 2, ids[2])


def test_an_edit_with_its_sha256_chain_recomputed_is_still_found(
    tmp_path: Path, file_keyring: Path
) -> None:
    """The attack the plain SHA-256 chain could not stop: change an event, then recompute
    its `hash` and every later `prev_hash`/`hash`, as anyone can without a key."""
    logged(tmp_path)
    db = sqlite3.connect(tmp_path / "govshare.db")
    with db:
        db.execute("UPDATE audit_events SET details_json = '{\"rows\": 1}' WHERE seq = 3")
        rows = db.execute(
            "SELECT seq, id, at, actor, action, subject_type, subject_id, details_json"
            " FROM audit_events ORDER BY seq"
        ).fetchall()
        prev = ""
        for seq, eid, at, actor, action, stype, sid, details in rows:
            event = AuditEvent(
                id=eid, at=_parse(at), actor=actor, action=action, subject_type=stype,
                subject_id=sid, details=json.loads(details),
            )  # fmt: skip
            digest = plain_digest(prev, event)
            db.execute(
                "UPDATE audit_events SET prev_hash = ?, hash = ? WHERE seq = ?", (prev, digest, seq)
            )
            prev = digest
    db.close()
    code, report = verify(tmp_path)
    assert (code, report["broken"]["kind"], report["broken"]["seq"]) == (1, "altered", 3)


def _parse(text: str) -> Any:
    from datetime import datetime  # noqa: PLC0415

    return datetime.fromisoformat(text)


def test_without_a_keyring_it_says_so_and_exits_2(tmp_path: Path) -> None:
    logged(tmp_path)  # the fail keyring: every event stays unsealed, none is lost
    with sqlite3.connect(tmp_path / "govshare.db") as db:
        assert db.execute("SELECT count(*), max(mac) FROM audit_events").fetchone() == (EVENTS, "")
    done = govshare("verify-audit", "--home", str(tmp_path))
    assert done.returncode == 2
    assert "审计日志只能用其密钥核验" in done.stderr, done.stderr
    assert "Traceback" not in done.stderr


def test_a_reset_keyring_is_named_not_taken_for_an_edit(tmp_path: Path, file_keyring: Path) -> None:
    """The keyring lost its entry (a new key is made on the next write): the log cannot be
    checked with that key, and verify-audit says so instead of calling every event altered."""
    logged(tmp_path)
    file_keyring.write_text("{}", encoding="utf-8")
    logged(tmp_path)  # the app goes on: new events wait unsealed, none is lost
    with sqlite3.connect(tmp_path / "govshare.db") as db:
        unsealed = db.execute("SELECT count(*) FROM audit_events WHERE mac = ''").fetchone()
    assert unsealed == (EVENTS,)
    done = govshare("verify-audit", "--home", str(tmp_path))
    assert done.returncode == 2
    assert f"有 {EVENTS} 条审计事件的签封密钥不在当前用户的凭据库中" in done.stderr
