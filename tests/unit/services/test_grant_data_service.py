"""The grant data service on a real data directory, offline: export where the grant allows
it (streamed, with the Art. 15 notice, audited) and refused where not; expired grants'
copies purged at start; the size cap stops a copy; the list flags what is expiring and
hides an acknowledged revocation."""

from __future__ import annotations

import csv
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from govshare_desktop.app.context import AppContext
from govshare_desktop.domain.clock import FixedClock
from govshare_desktop.domain.entities import Grant, GrantedItem
from govshare_desktop.domain.errors import ErrorCode, KnownError
from govshare_desktop.domain.grant_data import RowFilter, RowQuery
from govshare_desktop.domain.identity import Identity
from govshare_desktop.store.grant_cache import cache_path
from govshare_desktop.store.repositories.grant_local import GrantLocalRepository
from govshare_desktop.store.repositories.grants import GrantRepository
from govshare_desktop.store.repositories.identity import IdentityRepository

NOW = datetime(2026, 12, 3, 2, 0, tzinfo=UTC)
ME = "SJZ-MZ"


def a_grant(grant_id: str = "g-1", **changes: Any) -> Grant:
    grant = Grant(
        id=grant_id, request_id=None, grantee_unit_code=ME, provider_unit_code="SJZ-GA",
        authority_unit_code="SJZ-XXGX", resource_id="res-1", resource_code="101001/000001",
        resource_name="常住人口信息",
        data_items=(GrantedItem("it-1", "姓名", "C"), GrantedItem("it-2", "户籍地址", "C")),
        purpose="核验身份。", valid_from=date(2026, 12, 1), valid_to=date(2027, 12, 1),
        allow_offline_cache=True, allow_export=True,
    )  # fmt: skip
    return replace(grant, **changes)


def open_ctx(home: Path, clock_at: datetime = NOW) -> AppContext:
    return AppContext.open(home, clock=FixedClock(clock_at))


def hold(ctx: AppContext, *grants: Grant, rows: int = 0) -> None:
    """Grants as a pull stores them, confirmed now, and a copy of `rows` rows each."""

    def work() -> None:
        with ctx.database.write() as session:
            IdentityRepository(session).put(Identity("mz", "陈晨", ME, "石家庄市民政局"))
            for grant in grants:
                GrantRepository(session).store_remote(grant, 1)
            GrantLocalRepository(session).confirm([g.id for g in grants], NOW.replace(tzinfo=None))

    ctx.executor.write(work)
    ctx.services.runtime.identity.set(Identity("mz", "陈晨", ME, "石家庄市民政局"))
    service = ctx.services.grant_data
    for grant in grants:
        if rows:
            cache = service._cache(grant, create=True)
            cache.append([(n, [f"姓名{n}", f"地址{n % 3}"]) for n in range(1, rows + 1)], None)


def test_export_streams_the_rows_with_the_notice_and_is_audited(
    home: Path, file_keyring: Path, tmp_path: Path
) -> None:
    ctx = open_ctx(home)
    try:
        hold(ctx, a_grant(), rows=450)
        service = ctx.services.grant_data
        notice = [f"{service.watermark().officer} 不得转让（第十五条）"]
        target = tmp_path / "rows.csv"
        query = RowQuery((RowFilter("it-2", "地址1"),))
        assert service.export("g-1", query, target, fmt="csv", notice=notice) == 150
        with target.open(encoding="utf-8-sig", newline="") as handle:
            lines = list(csv.reader(handle))
        assert lines[0] == [f"# {notice[0]}"] and "陈晨（mz）" in lines[0][0]
        assert lines[1] == ["姓名", "户籍地址"]
        assert len(lines) == 2 + 150 and {r[1] for r in lines[2:]} == {"地址1"}
        book = tmp_path / "rows.xlsx"
        assert service.export("g-1", RowQuery(), book, fmt="xlsx", notice=notice) == 450
        sheet = load_workbook(book, read_only=True).active
        assert sheet is not None
        values = list(sheet.iter_rows(values_only=True))
        assert values[0][0] == notice[0] and values[2] == ("姓名", "户籍地址")
        assert len(values) == 3 + 450
    finally:
        ctx.close()


def test_export_refused_where_not_granted_writes_nothing(
    home: Path, file_keyring: Path, tmp_path: Path
) -> None:
    ctx = open_ctx(home)
    try:
        hold(ctx, a_grant(allow_export=False), rows=5)
        with pytest.raises(KnownError) as caught:
            ctx.services.grant_data.export("g-1", RowQuery(), tmp_path / "x.xlsx", fmt="xlsx",
                                           notice=[])  # fmt: skip
        assert caught.value.code is ErrorCode.GRANT_EXPORT_NOT_ALLOWED
        assert list(tmp_path.glob("x.xlsx*")) == []
    finally:
        ctx.close()


def test_an_expired_grant_s_copy_is_purged_at_start(home: Path, file_keyring: Path) -> None:
    ctx = open_ctx(home)
    hold(ctx, a_grant(valid_to=date(2026, 12, 20)), rows=3)
    path = cache_path(ctx.services.grant_data.config.cache_dir, "g-1")
    assert path.exists()
    ctx.close()
    later = open_ctx(home, NOW + timedelta(days=30))  # the grant ended meanwhile
    try:
        assert not path.exists()
        [view] = later.services.grant_data.grants()
        assert view.expired and view.cache is None
    finally:
        later.close()


def test_the_list_flags_expiry_and_hides_an_acknowledged_revocation(
    home: Path, file_keyring: Path
) -> None:
    ctx = open_ctx(home)
    try:
        revoked = a_grant("g-2", revoked_at=datetime(2026, 12, 2, 1, 0), revocation_reason="超范围")
        hold(ctx, a_grant(valid_to=date(2026, 12, 20)), revoked)
        service = ctx.services.grant_data
        views = {v.grant.id: v for v in service.grants()}
        assert views["g-1"].expiring_soon and views["g-1"].in_force
        assert views["g-2"].grant.revoked and not views["g-2"].in_force
        service.acknowledge("g-2")
        assert [v.grant.id for v in service.grants()] == ["g-1"]
    finally:
        ctx.close()


def test_the_size_cap_stops_a_copy(home: Path, file_keyring: Path) -> None:
    ctx = open_ctx(home)
    try:
        hold(ctx, a_grant())
        service = ctx.services.grant_data
        service.config = replace(service.config, max_cache_mb=0)  # policy: no room at all
        cache = service._cache(a_grant(), create=True)
        cache.append([(1, ["a", "b"])], "c1")
        with pytest.raises(KnownError) as caught:
            service.download("g-1")  # refused before asking the platform for more
        assert caught.value.code is ErrorCode.GRANT_CACHE_FULL
        assert caught.value.params["rows"] == 1
    finally:
        ctx.close()
