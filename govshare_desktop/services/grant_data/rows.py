"""Where a viewer's rows come from: the grant's offline cache, or the platform page by page.

Both answer pages of `page_rows` rows by page number, in the query's order, granted
columns only, so the viewer's model (ui/authorized_data/rows_model.py) never holds more
than the pages it shows. The cache knows its total and jumps anywhere (store/grant_cache.py);
the platform serves rows forward only, by cursor (`GET /grants/{id}/rows`, no total, no
other order), so online the viewer learns the rows as the officer scrolls, keeps the
cursor of every page it met (a few bytes each) and can read any of them again.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from govshare_desktop.domain.entities import Grant, GrantedItem
from govshare_desktop.domain.errors import ErrorCode, KnownError
from govshare_desktop.domain.grant_data import RowQuery
from govshare_desktop.store.grant_cache import CacheQuery, GrantCache

if TYPE_CHECKING:
    from govshare_desktop.platform.session import PlatformSession

PAGE_ROWS = 200  # rows per page (the platform serves at most 1000)
Row = tuple[str | None, ...]


@dataclass(frozen=True, slots=True)
class RowPage:
    rows: list[Row]
    more: bool  # another page follows


def column_index(grant: Grant, item_id: str) -> int:
    """The granted column's position; `KnownError` for anything the grant does not name."""
    for index, item in enumerate(grant.data_items):
        if item.id == item_id:
            return index
    raise KnownError(ErrorCode.GRANT_COLUMN_NOT_GRANTED, column=item_id)


class RowSource:
    """Pages of a grant's rows under one query."""

    offline = False
    sortable = False  # whether `query.sort` / `descending` may be set
    page_rows = PAGE_ROWS

    def __init__(self, grant: Grant, query: RowQuery) -> None:
        self.grant = grant
        self.query = query
        for f in query.filters:
            column_index(grant, f.item_id)
        if query.sort is not None:
            column_index(grant, query.sort)

    @property
    def columns(self) -> tuple[GrantedItem, ...]:
        return self.grant.data_items

    def total(self) -> int | None:
        """All rows of the query, when known (the cache); None online."""
        raise NotImplementedError

    def fetch(self, page: int) -> RowPage:
        """Blocking: run it on a worker (the read lane, or the network lane online)."""
        raise NotImplementedError

    def reachable(self, page: int) -> bool:
        """Whether `page` can be read now (online: only pages whose cursor is known)."""
        return True


class CachedRows(RowSource):
    offline = True
    sortable = True

    def __init__(self, grant: Grant, query: RowQuery, cache: GrantCache) -> None:
        super().__init__(grant, query)
        self._cache = cache
        self._query = CacheQuery(
            filters=tuple((column_index(grant, f.item_id), f.value) for f in query.filters),
            sort=None if query.sort is None else column_index(grant, query.sort),
            descending=query.descending,
        )

    def total(self) -> int:
        return self._cache.count(self._query)

    def fetch(self, page: int) -> RowPage:
        start = page * self.page_rows
        rows = self._cache.page(self._query, start, self.page_rows)
        return RowPage(rows, start + len(rows) < self.total())


class PlatformRows(RowSource):
    """Online: `GET /grants/{id}/rows` with the query's `eq` filters; no sort there."""

    def __init__(
        self,
        grant: Grant,
        query: RowQuery,
        session: Callable[[], PlatformSession],
        on_served: Callable[[], None] = lambda: None,
    ) -> None:
        if query.sort is not None or query.descending:
            raise KnownError(ErrorCode.GRANT_NOT_CACHED)
        super().__init__(grant, query)
        self._session = session
        self._on_served = on_served
        self._cursors: dict[int, str | None] = {0: None}
        self._lock = threading.Lock()

    def total(self) -> None:
        return None

    def reachable(self, page: int) -> bool:
        with self._lock:
            return page in self._cursors

    def fetch(self, page: int) -> RowPage:
        with self._lock:
            if page not in self._cursors:
                raise KnownError(ErrorCode.GRANT_NOT_CACHED)
            cursor = self._cursors[page]
        params: dict[str, Any] = {"limit": self.page_rows}
        if cursor:
            params["cursor"] = cursor
        if self.query.filters:
            params["eq"] = [f"{f.item_id}:{f.value}" for f in self.query.filters]
        reply = self._session().request("GET", f"/grants/{self.grant.id}/rows", params=params)
        rows, next_cursor = granted_rows(self.grant, reply.body)
        with self._lock:
            self._cursors[page + 1] = next_cursor
            if next_cursor is None:
                self._cursors.pop(page + 1, None)
        self._on_served()
        return RowPage([values for _, values in rows], next_cursor is not None)


def granted_rows(grant: Grant, body: Any) -> tuple[list[tuple[int, Row]], str | None]:
    """The served page in the grant's column order; any column the grant does not name is
    dropped here, whatever the platform sent. `KnownError` for a body that is not a page."""
    try:
        served = [str(c["id"]) for c in body["columns"]]
        where = {item_id: at for at, item_id in enumerate(served)}
        picks = [where.get(item.id) for item in grant.data_items]
        rows: list[tuple[int, Row]] = []
        for item in body["items"]:
            values = item["values"]
            rows.append((
                int(item["row"]),
                tuple(None if at is None or values[at] is None else str(values[at])
                      for at in picks),
            ))  # fmt: skip
        cursor = body.get("next_cursor")
    except (KeyError, TypeError, ValueError, IndexError) as error:
        raise KnownError(ErrorCode.PLATFORM_ERROR, status=200, problem="bad_rows",
                         detail=str(error)) from error  # fmt: skip
    return rows, str(cursor) if cursor else None
