"""The viewer's table: a window of pages over a grant's rows, never the whole dataset.

The view asks for the cells it paints; a cell of a page not held yet shows "…" and asks for
its page once (on the read lane for the offline cache, the network lane online); the page
arrives through the runner and repaints its rows. At most `MAX_PAGES` pages are held, the
least recently painted going first, so memory stays bounded however many rows there are
and wherever the officer jumps. Offline the total is known at once (jump to the end reads
only the last page); online the platform serves forward only, so rows are learned as the
view scrolls (`canFetchMore` / `fetchMore`).
"""

from __future__ import annotations

from collections import OrderedDict
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from govshare_desktop.tasks.runner import Runner

if TYPE_CHECKING:
    from govshare_desktop.services.grant_data.rows import RowPage, RowSource

MAX_PAGES = 24
PENDING = "…"
Index = QModelIndex | QPersistentModelIndex
Row = tuple[str | None, ...]


class RowsModel(QAbstractTableModel):
    page_arrived = Signal(int)  # page number
    page_failed = Signal(object)  # the exception
    sort_requested = Signal(int, bool)  # column, descending

    def __init__(self, runner: Runner, parent: Any = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self.source: RowSource | None = None
        self._pages: OrderedDict[int, list[Row]] = OrderedDict()
        self._pending: set[int] = set()
        self._rows = 0
        self._more = False
        self._generation = 0
        self._headers: list[str] = []
        self._forward_only = False  # online: the total is learned while scrolling

    # ------------------------------------------------------------------ source
    def set_source(
        self, source: RowSource | None, total: int | None, first: RowPage | None
    ) -> None:
        """Show `source` (its total when known, its first page when already read)."""
        self.beginResetModel()
        self._generation += 1
        self.source = source
        self._pages.clear()
        self._pending.clear()
        self._headers = [c.name for c in source.columns] if source is not None else []
        self._more = False
        self._forward_only = source is not None and total is None
        if source is None:
            self._rows = 0
        elif total is not None:
            self._rows = total
        else:
            self._rows = 0
        if first is not None and source is not None:
            self._keep(0, first)
        self.endResetModel()

    def held_pages(self) -> list[int]:
        return list(self._pages)

    def page_of(self, row: int) -> int:
        return row // self._page_rows()

    def _page_rows(self) -> int:
        return self.source.page_rows if self.source is not None else 1

    def _online(self) -> bool:
        return self._forward_only

    def _keep(self, page: int, found: RowPage) -> None:
        """Hold `page` (evicting the least recently used) and, online, grow the row count."""
        self._pages[page] = found.rows
        self._pages.move_to_end(page)
        while len(self._pages) > MAX_PAGES:
            self._pages.popitem(last=False)
        if self._online():
            reach = page * self._page_rows() + len(found.rows)
            if reach >= self._rows:
                self._rows = reach
                self._more = found.more

    # ------------------------------------------------------------------ Qt model
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._rows

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return str(section + 1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        value = self.cell(index.row(), index.column())
        if value is None:
            self.request(self.page_of(index.row()))
            return PENDING if role == Qt.ItemDataRole.DisplayRole else None
        return value

    def cell(self, row: int, column: int) -> str | None:
        """The value when its page is held ("" for an empty one), else None."""
        page = self._pages.get(self.page_of(row))
        if page is None:
            return None
        at = row % self._page_rows()
        if at >= len(page) or column >= len(page[at]):
            return None
        value = page[at][column]
        return "" if value is None else value

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._online() and self._more

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self.request(self._rows // self._page_rows())

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting is the store's (SQL on the cache): the viewer asks the service again."""
        self.sort_requested.emit(column, order == Qt.SortOrder.DescendingOrder)

    # ------------------------------------------------------------------ pages
    def request(self, page: int) -> None:
        source = self.source
        if source is None or page in self._pages or page in self._pending:
            return
        if not source.reachable(page):
            return
        self._pending.add(page)
        generation = self._generation

        def fetch(_progress: object) -> RowPage:
            return source.fetch(page)

        run = self._runner.run_read if source.offline else self._runner.run_network
        run(
            fetch,
            lambda found: self._arrived(generation, page, found),
            lambda error: self._failed(generation, page, error),
            label="grant rows",
        )

    def _arrived(self, generation: int, page: int, found: RowPage) -> None:
        if generation != self._generation:
            return  # a page of an earlier query
        self._pending.discard(page)
        before = self._rows
        self._keep(page, found)
        if self._rows > before:
            self.beginInsertRows(QModelIndex(), before, self._rows - 1)
            self.endInsertRows()
        first = page * self._page_rows()
        last = min(first + len(found.rows), self._rows) - 1
        if last >= first and self._headers:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(self._headers) - 1))
        self.page_arrived.emit(page)

    def _failed(self, generation: int, page: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self._pending.discard(page)
        self.page_failed.emit(error)
