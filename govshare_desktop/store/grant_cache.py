"""The offline cache of one grant's rows: one SQLCipher file per grant, encrypted as a whole.

Why SQLCipher (through `sqlcipher3-wheels`, which ships wheels for Windows, macOS and
Linux): the cache is encrypted page by page beneath SQLite, so paging, sorting and
filtering stay in SQL over indexes, and nothing of a row (nor of the WAL) reaches the disk
in clear. The key is raw (64 hex digits, no passphrase stretching: it is already a random
32-byte key) and is derived per grant from the install's secret in the OS keyring
(`derive_key`), so a file copied elsewhere, or a cache of another grant, cannot be read
with what sits beside it.

Rows keep their order as served (`pos`, dense from 1: the platform's row order) beside the
platform's row number; the granted columns are `c0..cN` in grant order, never anything
else (a missing value is kept as ""). Every column has an index, so a filter (`=`) and a
sort read index ranges. A page is fetched by position without reading what comes before it:
- unsorted and unfiltered: a `pos` range (the rowid), whatever the position;
- sorted or filtered: keyset from a neighbouring page already read (scrolling), else from
  the nearer end of the order (the first rows, the last rows); only a jump into the middle
  of a sorted or filtered view walks the index from the nearer end (`OFFSET`).

A download writes each page and the platform's cursor in one transaction, so an
interrupted download resumes after the last page it kept.
"""

# SQL text is built only from column names made here (`c<index>`, `pos`) and fixed words;
# every value travels as a parameter.
# ruff: noqa: S608

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import logging
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from govshare_desktop.domain.errors import ErrorCode, KnownError

log = logging.getLogger(__name__)

CACHE_DIR = "grant-cache"
SUFFIXES = ("", "-wal", "-shm", "-journal")
ANCHORS = 4096  # keyset anchors kept per open cache (position → sort key)

Value = str | None
Row = tuple[Value, ...]


def derive_key(secret: bytes, grant_id: str) -> bytes:
    """The grant's own 32-byte key: HMAC-SHA256 of the grant id under the install secret."""
    return hmac.new(
        secret, b"govshare grant-cache v1\x00" + grant_id.encode(), hashlib.sha256
    ).digest()


def _text(value: Value) -> str:
    """A missing value is kept as "" so keyset comparisons hold (NULL compares to nothing)."""
    return "" if value is None else str(value)


def cache_path(directory: Path, grant_id: str) -> Path:
    safe = "".join(ch for ch in grant_id if ch.isalnum() or ch == "-")
    return directory / f"{safe}.db"


def purge(path: Path) -> bool:
    """Delete the cache file and its WAL, shared memory and journal; True if any existed."""
    found = False
    for suffix in SUFFIXES:
        part = path.with_name(path.name + suffix)
        try:
            part.unlink()
            found = True
        except FileNotFoundError:
            pass
    return found


def size_on_disk(path: Path) -> int:
    total = 0
    for suffix in SUFFIXES:
        part = path.with_name(path.name + suffix)
        with contextlib.suppress(FileNotFoundError):
            total += part.stat().st_size
    return total


@dataclass(frozen=True, slots=True)
class CacheQuery:
    """Equality filters on column indexes, and an optional sort column (None: served order)."""

    filters: tuple[tuple[int, str], ...] = ()
    sort: int | None = None
    descending: bool = False

    @property
    def plain(self) -> bool:
        return not self.filters and self.sort is None and not self.descending


@dataclass(frozen=True, slots=True)
class CacheState:
    rows: int
    cursor: str | None
    complete: bool


class GrantCache:
    """One grant's cache file, open with its key; safe to share between threads."""

    def __init__(self, path: Path, key: bytes, connection: Any, columns: list[str]) -> None:
        self.path = path
        self.columns = columns  # granted item ids, in grant order
        self._db = connection
        self._lock = threading.Lock()
        self._anchors: OrderedDict[tuple[CacheQuery, int], tuple[Any, ...]] = OrderedDict()
        self._counts: dict[CacheQuery, int] = {}
        self._closed = False
        del key

    # ------------------------------------------------------------------ opening
    @classmethod
    def open(cls, path: Path, key: bytes, columns: Sequence[str] | None = None) -> GrantCache:
        """Open the cache at `path`, creating it for `columns` when it does not exist.

        `KnownError(GRANT_CACHE_UNREADABLE)` when the file cannot be read with `key` (made
        under another install's secret, or damaged), or holds other columns than `columns`.
        """
        fresh = not path.exists()
        if fresh and columns is None:
            raise KnownError(ErrorCode.GRANT_NOT_CACHED)
        import sqlcipher3  # noqa: PLC0415 - its native library loads only when a cache opens

        path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlcipher3.connect(str(path), check_same_thread=False, isolation_level=None)
        try:
            db.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
            db.execute("PRAGMA temp_store = MEMORY")  # sorts and temp b-trees never hit disk
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = NORMAL")
            if fresh and columns is not None:
                cls._create(db, list(columns))
            held = db.execute("SELECT value FROM meta WHERE key = 'columns'").fetchone()
        except sqlcipher3.DatabaseError as error:
            db.close()
            raise KnownError(ErrorCode.GRANT_CACHE_UNREADABLE, reason=str(error)) from error
        stored = [str(c) for c in json.loads(held[0])]
        if columns is not None and stored != list(columns):
            db.close()
            raise KnownError(ErrorCode.GRANT_CACHE_UNREADABLE, reason="granted columns changed")
        return cls(path, key, db, stored)

    @staticmethod
    def _create(db: Any, columns: list[str]) -> None:
        cells = "".join(f", c{i} TEXT" for i in range(len(columns)))
        db.execute("BEGIN")
        db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
        db.execute(f"CREATE TABLE rows (pos INTEGER PRIMARY KEY, row_no INTEGER NOT NULL{cells})")
        for i in range(len(columns)):
            db.execute(f"CREATE INDEX ix_c{i} ON rows (c{i})")
        db.executemany(
            "INSERT INTO meta (key, value) VALUES (?, ?)",
            [("columns", json.dumps(columns)), ("complete", "0")],
        )
        db.execute("COMMIT")

    def close(self) -> None:
        with self._lock:
            self._closed = True
            self._db.close()

    def _run(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        """One query under the lock; a purged (closed) copy answers as no copy at all."""
        with self._lock:
            if self._closed:
                raise KnownError(ErrorCode.GRANT_NOT_CACHED)
            return list(self._db.execute(sql, params).fetchall())

    # ------------------------------------------------------------------ download
    def state(self) -> CacheState:
        meta = dict(self._run("SELECT key, value FROM meta"))
        rows = self._run("SELECT max(pos) FROM rows")[0][0] or 0
        return CacheState(int(rows), meta.get("cursor"), meta.get("complete") == "1")

    def append(self, rows: Sequence[tuple[int, Sequence[Value]]], cursor: str | None) -> int:
        """Keep one served page and the cursor after it in one transaction; `cursor` None
        marks the cache complete. Returns the rows now held."""
        width = len(self.columns)
        marks = ", ".join("?" * (width + 2))
        with self._lock:
            if self._closed:
                raise KnownError(ErrorCode.GRANT_NOT_CACHED)
            self._db.execute("BEGIN IMMEDIATE")
            try:
                start = self._db.execute("SELECT max(pos) FROM rows").fetchone()[0] or 0
                self._db.executemany(
                    f"INSERT INTO rows VALUES ({marks})",
                    [
                        (start + i + 1, number, *(_text(v) for v in values[:width]))
                        for i, (number, values) in enumerate(rows)
                    ],
                )
                self._db.execute(
                    "INSERT OR REPLACE INTO meta (key, value) VALUES ('cursor', ?)", (cursor,)
                )
                self._db.execute(
                    "INSERT OR REPLACE INTO meta (key, value) VALUES ('complete', ?)",
                    ("1" if cursor is None else "0",),
                )
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._counts.clear()
            self._anchors.clear()
            return int(start) + len(rows)

    def size_bytes(self) -> int:
        return size_on_disk(self.path)

    # ------------------------------------------------------------------ reading
    def count(self, query: CacheQuery) -> int:
        cached = self._counts.get(query)
        if cached is not None:
            return cached
        where, params = self._where(query)
        if not query.filters:
            found = self._run("SELECT max(pos) FROM rows")[0][0] or 0
        else:
            found = self._run(f"SELECT count(*) FROM rows{where}", params)[0][0]
        self._counts[query] = int(found)
        return int(found)

    def page(self, query: CacheQuery, start: int, limit: int) -> list[Row]:
        """Rows `start .. start+limit-1` (0-based positions) of the query's order."""
        if limit <= 0 or start < 0:
            return []
        width = len(self.columns)
        cells = ", ".join(f"c{i}" for i in range(width)) or "NULL"
        if query.plain:
            found = self._run(
                f"SELECT {cells} FROM rows WHERE pos > ? AND pos <= ? ORDER BY pos",
                (start, start + limit),
            )
            return [tuple(r) for r in found]
        total = self.count(query)
        if start >= total:
            return []
        limit = min(limit, total - start)
        keys = self._key_columns(query)
        where, params = self._where(query)
        forward = "DESC" if query.descending else "ASC"
        backward = "ASC" if query.descending else "DESC"
        after, before = (">", "<") if not query.descending else ("<", ">")
        key_list = ", ".join(keys)
        select = f"SELECT {key_list}, {cells} FROM rows"
        anchor_before = self._anchors.get((query, start - 1))
        anchor_after = self._anchors.get((query, start + limit))
        if start == 0:
            sql, args, reverse = (f"{select}{where} ORDER BY {self._order(keys, forward)} LIMIT ?",
                                  [*params, limit], False)  # fmt: skip
        elif start + limit >= total:
            sql, args, reverse = (f"{select}{where} ORDER BY {self._order(keys, backward)} LIMIT ?",
                                  [*params, limit], True)  # fmt: skip
        elif anchor_before is not None:
            cond = self._and(where, f"({key_list}) {after} ({', '.join('?' * len(keys))})")
            sql = f"{select}{cond} ORDER BY {self._order(keys, forward)} LIMIT ?"
            args, reverse = [*params, *anchor_before, limit], False
        elif anchor_after is not None:
            cond = self._and(where, f"({key_list}) {before} ({', '.join('?' * len(keys))})")
            sql = f"{select}{cond} ORDER BY {self._order(keys, backward)} LIMIT ?"
            args, reverse = [*params, *anchor_after, limit], True
        elif start < total - start - limit:
            sql = f"{select}{where} ORDER BY {self._order(keys, forward)} LIMIT ? OFFSET ?"
            args, reverse = [*params, limit, start], False
        else:
            sql = f"{select}{where} ORDER BY {self._order(keys, backward)} LIMIT ? OFFSET ?"
            args, reverse = [*params, limit, total - start - limit], True
        found = self._run(sql, args)
        if reverse:
            found.reverse()
        if found:
            self._anchor(query, start, tuple(found[0][: len(keys)]))
            self._anchor(query, start + len(found) - 1, tuple(found[-1][: len(keys)]))
        return [tuple(r[len(keys) :]) for r in found]

    def _anchor(self, query: CacheQuery, position: int, key: tuple[Any, ...]) -> None:
        self._anchors[query, position] = key
        self._anchors.move_to_end((query, position))
        while len(self._anchors) > ANCHORS:
            self._anchors.popitem(last=False)

    def _key_columns(self, query: CacheQuery) -> list[str]:
        if query.sort is None:
            return ["pos"]
        return [f"c{self._column(query.sort)}", "pos"]

    def _column(self, index: int) -> int:
        if not 0 <= index < len(self.columns):
            raise KnownError(ErrorCode.GRANT_COLUMN_NOT_GRANTED, column=str(index))
        return index

    @staticmethod
    def _order(keys: list[str], direction: str) -> str:
        return ", ".join(f"{k} {direction}" for k in keys)

    @staticmethod
    def _and(where: str, condition: str) -> str:
        return f"{where} AND {condition}" if where else f" WHERE {condition}"

    def _where(self, query: CacheQuery) -> tuple[str, list[str]]:
        if not query.filters:
            return "", []
        parts = [f"c{self._column(i)} = ?" for i, _ in query.filters]
        return " WHERE " + " AND ".join(parts), [v for _, v in query.filters]
