"""授权数据 on the product's own path against the real reference platform: rows online and
from the encrypted offline cache, granted columns only, export refused where not granted,
the offline lease, and revocation purging the cache at the next sync.

The seed's grant: SJZ-MZ (mz-requester) holds one on SJZ-GA's 101001/000001 (公民身份号码,
姓名, 户籍地址; offline cache allowed, export not), 40 rows. ga-requester's grant on
305001/000001 was revoked by the authority with a reason.
"""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from govshare_desktop.domain.clock import utc_naive
from govshare_desktop.domain.entities import Grant
from govshare_desktop.domain.errors import ErrorCode, KnownError
from govshare_desktop.domain.grant_data import RowFilter, RowQuery
from govshare_desktop.domain.progress import CancelToken, Progress
from govshare_desktop.services.grant_data import service as grant_data_module
from govshare_desktop.services.grant_data.rows import RowSource
from govshare_desktop.services.grant_data.service import GrantDataService
from govshare_desktop.store.grant_cache import SUFFIXES, cache_path
from govshare_desktop.store.models import AuditEventRow
from govshare_desktop.store.repositories.grant_local import GrantLocalRepository
from tests.conftest import _choose_keyring_again
from tests.platform.conftest import Platform
from tests.support.proxy import Proxy
from tests.sync.conftest import OpenOfficer
from tests.sync.officer import OfficerPc, govshare

RESIDENTS = "101001/000001"
GRANTED = ("公民身份号码", "姓名", "户籍地址")


def service(pc: OfficerPc) -> GrantDataService:
    return pc.ctx.services.grant_data


def residents(pc: OfficerPc) -> Grant:
    [view] = [v for v in service(pc).grants() if v.grant.resource_code == RESIDENTS]
    return view.grant


def all_rows(source: RowSource) -> list[tuple[str | None, ...]]:
    rows, page = [], 0
    while True:
        found = source.fetch(page)
        rows += found.rows
        if not found.more:
            return rows
        page += 1


def audit_actions(pc: OfficerPc, grant_id: str) -> list[str]:
    pc.ctx.executor.write(lambda: None)  # the fire-and-forget events are written by now
    with pc.ctx.database.read() as session:
        return list(session.scalars(
            select(AuditEventRow.action).where(AuditEventRow.subject_id == grant_id)
            .order_by(AuditEventRow.seq)))  # fmt: skip


def files_of(home: Path) -> list[Path]:
    return [p for p in home.rglob("*") if p.is_file()]


def test_rows_online_then_cached_encrypted_granted_columns_only(
    officer: OpenOfficer, platform: Platform
) -> None:
    pc = officer("mz-requester")
    assert pc.sync().complete
    grant = residents(pc)
    assert grant.data_item_names == GRANTED

    online = service(pc).open_rows(grant.id)
    assert not online.offline and online.total() is None
    assert [c.name for c in online.columns] == list(GRANTED)
    served = all_rows(online)
    assert len(served) == 40 and all(len(r) == 3 for r in served)

    # what the platform holds beyond the grant never arrives: same rows, same 3 columns
    whole = platform.login("mz-requester").get(f"/grants/{grant.id}/rows?limit=1000").json()
    assert [c["name"] for c in whole["columns"]] == list(GRANTED)

    info = service(pc).download(grant.id)
    assert (info.rows, info.complete) == (40, True)
    cached = service(pc).open_rows(grant.id)
    assert cached.offline and cached.total() == 40
    assert all_rows(cached) == served

    name = served[7][1]
    assert name
    filtered = service(pc).requery(cached, RowQuery((RowFilter(grant.data_items[1].id, name),)))
    assert all(r[1] == name for r in all_rows(filtered))
    ordered = service(pc).requery(cached, RowQuery(sort=grant.data_items[0].id, descending=True))
    ids = [r[0] or "" for r in all_rows(ordered)]
    assert ids == sorted(ids, reverse=True)
    with pytest.raises(KnownError) as caught:
        service(pc).requery(cached, RowQuery(sort="not-a-granted-item"))
    assert caught.value.code is ErrorCode.GRANT_COLUMN_NOT_GRANTED

    # the marker (an address, unique enough) is nowhere in clear on this PC, not even after
    # the officer searched for it: the audit log names the columns searched, not the values
    marker = served[3][2]
    assert marker and len(marker) > 8
    found = service(pc).requery(cached, RowQuery((RowFilter(grant.data_items[2].id, marker),)))
    assert [r[2] for r in all_rows(found)] == [marker]
    pc.ctx.executor.write(lambda: None)
    for path in files_of(pc.home):
        data = path.read_bytes()
        assert marker.encode() not in data, path
        assert marker.encode("utf-16-le") not in data, path
    assert any(p.suffix == ".log" for p in files_of(pc.home))  # the logs were searched too
    # a view online, a view from the cache, three queries (the refused one is not one)
    assert audit_actions(pc, grant.id) == ["grant.view", "grant.view", "grant.query",
                                           "grant.query", "grant.query"]  # fmt: skip


def test_cli_lists_grants_and_prints_rows_audited(officer: OpenOfficer) -> None:
    pc = officer("mz-requester")
    assert pc.sync().complete
    grant = residents(pc)
    listed = govshare("grants", "list", "--json", "--home", str(pc.home))
    assert listed.returncode == 0, listed.stderr
    [held] = [g for g in json.loads(listed.stdout)["grants"] if g["id"] == grant.id]
    assert [i["name"] for i in held["data_items"]] == list(GRANTED)
    assert held["allow_offline_cache"] and not held["allow_export"]
    service(pc).download(grant.id)
    rows = govshare("grants", "rows", grant.id, "--limit", "5", "--json", "--home", str(pc.home))
    assert rows.returncode == 0, rows.stderr
    document = json.loads(rows.stdout)
    assert document["source"] == "cache" and document["more"]
    assert [c["name"] for c in document["columns"]] == list(GRANTED)
    assert len(document["rows"]) == 5 and all(len(r) == 3 for r in document["rows"])
    text = govshare("grants", "rows", grant.id, "--limit", "2", "--home", str(pc.home))
    assert text.returncode == 0, text.stderr
    assert text.stdout.splitlines()[0] == "\t".join(GRANTED)
    assert audit_actions(pc, grant.id).count("grant.view") == 2  # each CLI read is a view
    unknown = govshare("grants", "rows", "no-such-grant", "--home", str(pc.home))
    assert unknown.returncode != 0 and "Traceback" not in unknown.stderr


def test_export_is_refused_where_the_grant_does_not_allow_it(
    officer: OpenOfficer, tmp_path: Path
) -> None:
    pc = officer("mz-requester")
    assert pc.sync().complete
    grant = residents(pc)
    assert not grant.allow_export
    target = tmp_path / "out.csv"
    with pytest.raises(KnownError) as caught:
        service(pc).export(grant.id, RowQuery(), target, fmt="csv", notice=["x"])
    assert caught.value.code is ErrorCode.GRANT_EXPORT_NOT_ALLOWED
    assert not target.exists()
    assert "grant.export" not in audit_actions(pc, grant.id)


def test_download_reports_progress_cancels_and_resumes(
    officer: OpenOfficer, monkeypatch: pytest.MonkeyPatch
) -> None:
    pc = officer("mz-requester")
    assert pc.sync().complete
    grant = residents(pc)
    grants = service(pc)
    grants.purge(grant.id)
    seen: list[tuple[int, int]] = []
    token = CancelToken()

    def sink(done: int, total: int, message: str) -> None:
        seen.append((done, total))
        if done >= 10:
            token.cancel()

    monkeypatch.setattr(grant_data_module, "DOWNLOAD_PAGE", 10)
    with pytest.raises(KnownError) as caught:
        grants.download(grant.id, Progress(sink, token))
    assert caught.value.code is ErrorCode.CANCELLED
    # asked to stop once 10 were kept, it stops before the next request: 20 kept
    assert grants._cache(grant).state().rows == 20
    again: list[int] = []
    info = grants.download(grant.id, Progress(lambda d, t, m: again.append(d)))
    assert seen[:2] == [(0, 0), (10, 0)]
    assert again[0] == 20  # resumed after the kept pages, not from the start
    assert (info.rows, info.complete) == (40, True)


def test_an_expired_lease_hides_cached_rows_offline(officer: OpenOfficer, proxy: Proxy) -> None:
    pc = officer("mz-requester")
    assert pc.sync().complete
    grant = residents(pc)
    service(pc).download(grant.id)
    long_ago = utc_naive(pc.ctx.services.runtime.clock) - timedelta(days=60)

    def backdate() -> None:
        with pc.ctx.database.write() as session:
            GrantLocalRepository(session).confirm([grant.id], long_ago)

    pc.ctx.executor.write(backdate)
    proxy.add("refuse", count=None)  # offline
    with pytest.raises(KnownError) as caught:
        service(pc).open_rows(grant.id)
    assert caught.value.code is ErrorCode.GRANT_LEASE_EXPIRED
    [view] = [v for v in service(pc).grants() if v.grant.id == grant.id]
    assert view.lease_over and view.cache is not None
    proxy.clear()
    assert pc.sync().complete  # the platform confirms the grant again
    assert service(pc).open_rows(grant.id).offline


def test_without_a_keyring_the_cache_is_refused_never_plain(
    officer: OpenOfficer, monkeypatch: pytest.MonkeyPatch
) -> None:
    pc = officer("mz-requester")
    assert pc.sync().complete
    grant = residents(pc)
    service(pc).purge(grant.id)

    # the keyring goes away (keyring's fail backend, as on a PC without one)
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    _choose_keyring_again()
    with pytest.raises(KnownError) as caught:
        service(pc).download(grant.id)
    assert caught.value.code is ErrorCode.KEYRING_UNAVAILABLE
    assert not cache_path(service(pc).config.cache_dir, grant.id).exists()


def test_a_revoked_grant_is_listed_with_its_reason_until_acknowledged(
    officer: OpenOfficer,
) -> None:
    pc = officer("ga-requester")
    assert pc.sync().complete
    [revoked] = [v for v in service(pc).grants() if v.grant.revoked]
    assert "超出授权用途" in revoked.grant.revocation_reason
    with pytest.raises(KnownError) as caught:
        service(pc).open_rows(revoked.grant.id)
    assert caught.value.code is ErrorCode.GRANT_REVOKED
    service(pc).acknowledge(revoked.grant.id)
    assert revoked.grant.id not in [v.grant.id for v in service(pc).grants()]


def test_revocation_purges_the_cache_at_the_next_sync(
    officer: OpenOfficer, platform: Platform
) -> None:
    """Last in the module: it revokes the seed's live grant."""
    pc = officer("mz-requester")
    assert pc.sync().complete
    grant = residents(pc)
    service(pc).download(grant.id)
    path = cache_path(service(pc).config.cache_dir, grant.id)
    assert path.exists()
    reply = platform.login("sjz-authority").post(
        f"/grants/{grant.id}/revoke", json={"text": "测试撤销：超出用途。"}
    )
    assert reply.status_code == 200, reply.text
    assert pc.sync().complete
    assert not any(path.with_name(path.name + s).exists() for s in SUFFIXES)
    with pytest.raises(KnownError) as caught:
        service(pc).open_rows(grant.id)
    assert caught.value.code is ErrorCode.GRANT_REVOKED
    assert caught.value.params["reason"] == "测试撤销：超出用途。"
