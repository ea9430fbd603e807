"""The audit log's HMAC chain: events appended without a keyring are kept unsealed and
sealed in order once the key is readable; a log from before the chain (schema 0008, plain
SHA-256) is sealed into it on first use, keeping its order; nobody without the key can
make a changed event verify."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from govshare_desktop.app.context import AppContext
from govshare_desktop.domain.audit import AuditLink, BreakKind, ChainReport
from govshare_desktop.domain.entities import AuditEvent
from govshare_desktop.security import audit_chain
from govshare_desktop.security.audit_chain import canonical, make_head, seal, verify
from govshare_desktop.store.repositories.audit import AuditRepository

FIXTURES = Path(__file__).resolve().parents[2] / "data" / "db"


def rows(home: Path) -> list[tuple[int, str, str]]:
    with sqlite3.connect(home / "govshare.db") as db:
        return list(db.execute("SELECT seq, id, mac FROM audit_events ORDER BY seq"))


def record(ctx: AppContext, n: int) -> None:
    for i in range(n):
        ctx.services.audit.record("grant.view", "grant", "g-1", {"i": i}).result()


def test_without_a_keyring_events_are_kept_unsealed_then_sealed_in_order(
    home: Path, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> None:
    ctx = AppContext.open(home)
    try:
        record(ctx, 3)  # the fail keyring: stored, unsealed, nothing raised
        assert [mac for _seq, _id, mac in rows(home)] == ["", "", ""]
        with pytest.raises(Exception, match="audit_key_unavailable"):
            ctx.services.audit.verify()
        request.getfixturevalue("file_keyring")  # a keyring becomes usable
        assert ctx.services.audit.seal() == 3
        record(ctx, 1)
        report = ctx.services.audit.verify()
    finally:
        ctx.close()
    assert report == ChainReport(sealed=4, unsealed=0)
    assert all(mac for _seq, _id, mac in rows(home))


def test_a_pre_chain_log_is_sealed_in_its_order_on_first_use(
    home: Path, file_keyring: Path
) -> None:
    shutil.copyfile(FIXTURES / "schema-0008.db", home / "govshare.db")
    with sqlite3.connect(home / "govshare.db") as db:
        before = list(db.execute("SELECT seq, id FROM audit_events ORDER BY seq"))
    ctx = AppContext.open(home)
    try:
        record(ctx, 1)  # the first event with the key seals the old ones before it
        report = ctx.services.audit.verify()
    finally:
        ctx.close()
    after = rows(home)
    assert [(seq, eid) for seq, eid, _mac in after[: len(before)]] == before
    assert report == ChainReport(sealed=len(before) + 1, unsealed=0)


def test_a_keyring_that_keeps_failing_is_not_asked_on_every_append(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    real = audit_chain.InstallSecrets.get

    def counting(self: object, name: str) -> bytes:
        asked.append(name)
        return real(self, name)  # type: ignore[arg-type]

    monkeypatch.setattr(audit_chain.InstallSecrets, "get", counting)
    ctx = AppContext.open(home)
    try:
        record(ctx, 5)
    finally:
        ctx.close()
    assert asked == ["audit"]


def chain(key: bytes, count: int) -> list[AuditLink]:
    links, prev = [], ""
    for seq in range(1, count + 1):
        event = AuditEvent(action="grant.view", actor="张三", at=_at(seq), subject_id="g-1")
        prev = seal(key, prev, seq, event)
        links.append(AuditLink(seq, event, prev))
    return links


def _at(seq: int):  # type: ignore[no-untyped-def]
    from datetime import datetime  # noqa: PLC0415

    return datetime(2026, 12, 3, 8, seq)


def test_another_key_cannot_make_a_changed_event_verify() -> None:
    key, forged = b"k" * 32, b"x" * 32
    links = chain(key, 3)
    head = make_head(key, 3, links[-1].mac)
    assert verify(key, links, head).intact
    changed = AuditEvent(action="grant.view", actor="李四", at=_at(2), subject_id="g-1")
    resealed = [links[0], AuditLink(2, changed, seal(forged, links[0].mac, 2, changed))]
    resealed.append(AuditLink(3, links[2].event, seal(forged, resealed[1].mac, 3, links[2].event)))
    report = verify(key, resealed, make_head(forged, 3, resealed[-1].mac))
    assert report.broken is not None
    assert (report.broken.kind, report.broken.seq) == (BreakKind.ALTERED, 2)


def test_the_canonical_form_covers_the_place_and_every_field() -> None:
    event = AuditEvent(action="a", actor="b", at=_at(1), subject_type="t", subject_id="s",
                       details={"x": 1}, id="e-1")  # fmt: skip
    assert canonical(1, event) != canonical(2, event)
    assert b'"id":"e-1"' in canonical(1, event)


def test_the_repository_reads_the_head_it_wrote(home: Path) -> None:
    ctx = AppContext.open(home)
    try:
        with ctx.database.write() as session:
            AuditRepository(session).set_head(make_head(b"k" * 32, 7, "ab"))
        with ctx.database.read() as session:
            assert AuditRepository(session).head() == make_head(b"k" * 32, 7, "ab")
    finally:
        ctx.close()
