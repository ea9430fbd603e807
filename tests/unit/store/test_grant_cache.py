"""The SQLCipher cache of one grant: encrypted on disk (file and WAL), paged by position in
every order without reading what comes before, filtered and sorted in SQL, resumable."""

from __future__ import annotations

import secrets
from pathlib import Path

import pytest

from govshare_desktop.domain.errors import ErrorCode, KnownError
from govshare_desktop.store.grant_cache import (
    SUFFIXES,
    CacheQuery,
    GrantCache,
    cache_path,
    derive_key,
    purge,
)

COLUMNS = ["it-name", "it-district", "it-no"]
MARKER = "标记值ZQX9731"


def rows(count: int, first: int = 1) -> list[tuple[int, list[str | None]]]:
    return [
        (n, [f"name{n:05d}", f"district{n % 7}", None if n % 11 == 0 else str(n % 100)])
        for n in range(first, first + count)
    ]


@pytest.fixture
def cache(tmp_path: Path) -> GrantCache:
    opened = GrantCache.open(tmp_path / "g.db", secrets.token_bytes(32), COLUMNS)
    opened.append(rows(500), "c500")
    opened.append(rows(500, 501), None)
    return opened


def test_marker_never_in_plaintext_in_file_or_wal(tmp_path: Path) -> None:
    path = tmp_path / "g.db"
    cache = GrantCache.open(path, derive_key(secrets.token_bytes(32), "g-1"), COLUMNS)
    cache.append([(1, [MARKER, "长安区", "1"])], "c1")
    parts = [path.with_name(path.name + s) for s in SUFFIXES]
    held = [p for p in parts if p.exists()]
    assert path.with_name(path.name + "-wal") in held  # the page is in the WAL right now
    for part in held:
        data = part.read_bytes()
        for needle in (MARKER.encode(), MARKER.encode("utf-16-le"), "长安区".encode()):
            assert needle not in data, part
    assert cache.page(CacheQuery(), 0, 1) == [(MARKER, "长安区", "1")]
    cache.close()
    assert purge(path)
    assert not any(p.exists() for p in parts)


def test_wrong_key_is_refused_not_read(tmp_path: Path) -> None:
    path = tmp_path / "g.db"
    GrantCache.open(path, secrets.token_bytes(32), COLUMNS).close()
    with pytest.raises(KnownError) as caught:
        GrantCache.open(path, secrets.token_bytes(32))
    assert caught.value.code is ErrorCode.GRANT_CACHE_UNREADABLE


def test_keys_differ_per_grant_and_paths_are_safe(tmp_path: Path) -> None:
    secret = secrets.token_bytes(32)
    assert derive_key(secret, "a") != derive_key(secret, "b")
    assert len(derive_key(secret, "a")) == 32
    assert cache_path(tmp_path, "../../x").parent == tmp_path


def test_plain_pages_by_position(cache: GrantCache) -> None:
    assert cache.count(CacheQuery()) == 1000
    assert cache.page(CacheQuery(), 0, 2) == [
        ("name00001", "district1", "1"),
        ("name00002", "district2", "2"),
    ]
    assert cache.page(CacheQuery(), 998, 5) == [
        ("name00999", "district5", "99"),
        ("name01000", "district6", "0"),
    ]
    assert cache.page(CacheQuery(), 10, 1) == [("name00011", "district4", "")]  # None kept ""


def expected(query: CacheQuery) -> list[tuple[str, ...]]:
    """What the query means, computed the slow way for the check."""
    everything = [(n, (f"name{n:05d}", f"district{n % 7}", "" if n % 11 == 0 else str(n % 100)))
                  for n in range(1, 1001)]  # fmt: skip
    kept = [(n, v) for n, v in everything if all(v[i] == want for i, want in query.filters)]
    if query.sort is not None:
        s = query.sort
        kept.sort(key=lambda r: (r[1][s], r[0]), reverse=query.descending)
    elif query.descending:
        kept.reverse()
    return [v for _, v in kept]


@pytest.mark.parametrize(
    "query",
    [
        CacheQuery(filters=((1, "district3"),)),
        CacheQuery(sort=2),
        CacheQuery(sort=2, descending=True),
        CacheQuery(filters=((1, "district3"),), sort=0, descending=True),
        CacheQuery(descending=True),
    ],
)
def test_every_order_pages_forward_backward_and_by_jumps(
    cache: GrantCache, query: CacheQuery
) -> None:
    want = expected(query)
    assert cache.count(query) == len(want)
    size = 37
    forward = [r for start in range(0, len(want), size) for r in cache.page(query, start, size)]
    assert forward == want
    starts = list(range(0, len(want), size))
    backward: list[tuple[str | None, ...]] = []
    for start in reversed(starts):
        backward[:0] = cache.page(query, start, size)
    assert backward == want
    fresh = GrantCache(cache.path, b"", cache._db, cache.columns)  # no anchors: jumps
    for start in (len(want) - 1, len(want) // 2, 3):
        assert fresh.page(query, start, size) == want[start : start + size]


def test_append_resumes_after_the_kept_cursor(tmp_path: Path) -> None:
    key = secrets.token_bytes(32)
    path = tmp_path / "g.db"
    cache = GrantCache.open(path, key, COLUMNS)
    cache.append(rows(3), "c3")
    cache.close()
    again = GrantCache.open(path, key, COLUMNS)
    state = again.state()
    assert (state.rows, state.cursor, state.complete) == (3, "c3", False)
    again.append(rows(2, 4), None)
    assert again.state().complete
    assert again.page(CacheQuery(), 3, 5) == [("name00004", "district4", "4"),
                                              ("name00005", "district5", "5")]  # fmt: skip


def test_column_outside_the_grant_is_refused(cache: GrantCache) -> None:
    with pytest.raises(KnownError) as caught:
        cache.page(CacheQuery(sort=3), 0, 5)
    assert caught.value.code is ErrorCode.GRANT_COLUMN_NOT_GRANTED
