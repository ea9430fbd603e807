"""The data viewer of one grant (Art. 14, 15): its rows, granted columns only, under a
watermark; filter and sort done by the store or the platform; copy limited to the
selection; export and print only as the grant allows, each audited by the service.

Every platform or cache call runs through the runner (the network lane when the platform
may be asked, the read lane for pages of the cache): the window never waits.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont, QGuiApplication, QKeySequence, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from govshare_desktop.domain.grant_data import (
    CONTEXT,
    EXPORT_NOTICE,
    WATERMARK,
    RowFilter,
    RowQuery,
)
from govshare_desktop.tasks.runner import Runner
from govshare_desktop.ui.authorized_data.rows_model import RowsModel
from govshare_desktop.ui.authorized_data.watermark import WatermarkOverlay, paint_watermark
from govshare_desktop.ui.messages import describe_failure
from govshare_desktop.ui.progress_dialog import DelayedProgress

if TYPE_CHECKING:
    from govshare_desktop.domain.entities import Grant
    from govshare_desktop.services.grant_data.rows import RowPage, RowSource
    from govshare_desktop.services.grant_data.service import GrantDataService

MAX_COPY_ROWS = 1000  # a copy takes at most this many rows (of pages already shown)
MAX_OBJECTION_ROWS = 20  # rows named in an objection's first line; the officer adds more
MAX_PRINT_ROWS = 2000


def _words(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


class RowsView(QTableView):
    """The table; Ctrl+C copies the selected cells that are shown, nothing else. Rows have
    one fixed height, so a million of them cost the header nothing to lay out."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.copied_rows = 0
        rows = self.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.setWordWrap(False)

    def keyPressEvent(self, event: Any) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_selection()
            return
        super().keyPressEvent(event)

    def copy_selection(self) -> str:
        model = self.model()
        if not isinstance(model, RowsModel):
            return ""
        cells: dict[int, dict[int, str]] = {}
        for index in self.selectionModel().selectedIndexes():
            value = model.cell(index.row(), index.column())
            if value is not None:
                cells.setdefault(index.row(), {})[index.column()] = value
        rows = sorted(cells)[:MAX_COPY_ROWS]
        columns = sorted({c for r in rows for c in cells[r]})
        text = "\n".join("\t".join(cells[r].get(c, "") for c in columns) for r in rows)
        QGuiApplication.clipboard().setText(text)
        self.copied_rows = len(rows)
        return text


class GrantViewer(QDialog):
    # 提出异议… about the selection (Art. 16): grant id, the selected column's data item (""
    # for several), and a description naming the selected rows by their first column
    objection_requested = Signal(str, str, str)

    def __init__(
        self,
        service: GrantDataService,
        runner: Runner,
        grant: Grant,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("grantViewer")
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint)
        self._service = service
        self._runner = runner
        self.grant = grant
        self.query = RowQuery()
        self.model = RowsModel(runner, self)
        self.model.page_failed.connect(self._show_failure)
        self.model.sort_requested.connect(self._sort)

        self._build_filter_bar()
        self._build_table()
        self._build_actions()
        layout = QVBoxLayout(self)
        layout.addLayout(self.filter_bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(self.action_bar)
        self._sort_state: tuple[int, bool] | None = None
        self.export_button.setEnabled(grant.allow_export)
        self.retranslate()
        self.resize(1100, 640)

    def _build_filter_bar(self) -> None:
        self.column_box = QComboBox()
        for item in self.grant.data_items:
            self.column_box.addItem(item.name, item.id)
        self.value_edit = QLineEdit()
        self.value_edit.setObjectName("filterValue")
        self.value_edit.returnPressed.connect(self.apply_filter)
        self.filter_button = QPushButton()
        self.filter_button.setObjectName("applyFilter")
        self.filter_button.clicked.connect(self.apply_filter)
        self.clear_button = QPushButton()
        self.clear_button.clicked.connect(self.clear_filter)
        self.filter_label = QLabel()
        self.filter_bar = bar = QHBoxLayout()
        bar.addWidget(self.filter_label)
        bar.addWidget(self.column_box)
        bar.addWidget(self.value_edit, 1)
        bar.addWidget(self.filter_button)
        bar.addWidget(self.clear_button)

    def _build_table(self) -> None:
        self.table = RowsView()
        self.table.setObjectName("grantRows")
        self.table.setModel(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(False)
        self.table.horizontalHeader().setSortIndicatorShown(False)
        self.table.horizontalHeader().sectionClicked.connect(self._header_clicked)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.watermark = WatermarkOverlay(self.table.viewport())

    def _build_actions(self) -> None:
        self.source_label = QLabel()
        self.source_label.setObjectName("sourceLabel")
        self.source_label.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("viewerMessage")
        self.message.setWordWrap(True)
        self.export_button = QPushButton()
        self.export_button.setObjectName("exportRows")
        self.export_button.clicked.connect(self.choose_export)
        self.print_button = QPushButton()
        self.print_button.setObjectName("printRows")
        self.print_button.clicked.connect(self.choose_print)
        self.export_reason = QLabel()
        self.export_reason.setObjectName("exportReason")
        self.export_reason.setWordWrap(True)
        self.objection_button = QPushButton()
        self.objection_button.setObjectName("viewerRaiseObjection")
        self.objection_button.clicked.connect(self.request_objection)
        self.action_bar = actions = QHBoxLayout()
        actions.addWidget(self.source_label, 1)
        actions.addWidget(self.objection_button)
        actions.addWidget(self.export_reason)
        actions.addWidget(self.export_button)
        actions.addWidget(self.print_button)

    # ------------------------------------------------------------------ texts
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Authorized data: %1").replace("%1", self.grant.resource_name))
        self.filter_label.setText(self.tr("Rows where"))
        self.value_edit.setPlaceholderText(self.tr("equals this value"))
        self.filter_button.setText(self.tr("Filter"))
        self.clear_button.setText(self.tr("Show all"))
        self.export_button.setText(self.tr("Export…"))
        self.print_button.setText(self.tr("Print…"))
        self.objection_button.setText(self.tr("Raise objection…"))
        self.objection_button.setToolTip(
            self.tr(
                "Tell the provider that the selected rows or fields are inaccurate, incomplete "
                "or out of date (Art. 16)."
            )
        )
        if self.grant.allow_export:
            self.export_reason.clear()
            self.export_button.setToolTip("")
        else:
            reason = self.tr("This grant does not allow exporting its rows (Art. 15).")
            self.export_reason.setText(reason)
            self.export_button.setToolTip(reason)
        self._say_source()
        watermark = self._service.watermark()
        self.watermark.set_text(
            _words(WATERMARK).format(
                officer=watermark.officer, unit=watermark.unit, time=watermark.time
            )
        )

    def _say_source(self) -> None:
        source = self.model.source
        if source is None:
            self.source_label.setText(self.tr("Opening…"))
        elif source.offline:
            self.source_label.setText(
                self.tr("From the encrypted copy on this PC: %n row(s).", "", self.model.rowCount())
            )
        else:
            self.source_label.setText(
                self.tr(
                    "From the platform, page by page: more rows are read as you scroll. "
                    "Sorting and jumping to the end need the copy on this PC."
                )
            )

    def objection_draft(self) -> tuple[str, str]:
        """The selected column's data item ("" unless one column is selected) and a first
        line naming the selected rows by the value of their first column, for the officer
        to complete: the provider finds rows by their key, not by where they sat here."""
        indexes = self.table.selectionModel().selectedIndexes()
        columns = {index.column() for index in indexes}
        item = self._column_name(columns.pop()) if len(columns) == 1 else ""
        rows = sorted({index.row() for index in indexes})[:MAX_OBJECTION_ROWS]
        named = [key for key in (self.model.cell(row, 0) for row in rows) if key]
        if not named:
            return item, ""
        line = self.tr("Rows where {item} is {values}: ").format(
            item=self._column_name(0), values="、".join(named)
        )
        return item, line

    def _column_name(self, column: int) -> str:
        return str(self.model.headerData(column, Qt.Orientation.Horizontal) or "")

    def request_objection(self) -> None:
        item, description = self.objection_draft()
        self.objection_requested.emit(self.grant.id, item, description)

    def say(self, text: str) -> None:
        """A line under the rows (what became of an objection raised from here)."""
        self.message.setStyleSheet("")
        self.message.setText(text)

    # ------------------------------------------------------------------ opening and queries
    def start(self) -> None:
        """Show the window and ask for the rows (audited as a view by the service)."""
        self.show()
        self._load(lambda: self._service.open_rows(self.grant.id, self.query))

    def _load(self, opening: Any) -> None:
        self.message.clear()
        self.table.setEnabled(False)

        def op(_progress: object) -> tuple[RowSource, int | None, RowPage | None]:
            source: RowSource = opening()
            total = source.total()
            first = source.fetch(0) if total is None or total > 0 else None
            return source, total, first

        self._runner.run_network(op, self._opened, self._open_failed, label="open grant rows")

    def _opened(self, got: tuple[RowSource, int | None, RowPage | None]) -> None:
        source, total, first = got
        self.model.set_source(source, total, first)
        self.table.setEnabled(True)
        if first is not None:
            self.table.resizeColumnsToContents()
        self._say_source()
        if self.model.rowCount() == 0:
            self.message.setText(self.tr("No rows match."))

    def _open_failed(self, error: BaseException) -> None:
        self.model.set_source(None, 0, None)
        self.table.setEnabled(False)
        self.export_button.setEnabled(False)
        self._show_failure(error)

    def recheck(self) -> None:
        """The grant changed on this PC (a sync): if it was revoked or has ended, the rows
        go from the window (the service purged the copy) and the message says why."""
        service, grant_id = self._service, self.grant.id

        def check(_progress: object) -> Grant:
            return service.usable(service.grant(grant_id))

        self._runner.run_read(check, None, self._open_failed, label="recheck grant")

    def _show_failure(self, error: object) -> None:
        if isinstance(error, BaseException):
            self.message.setText(describe_failure(error))

    def apply_filter(self) -> None:
        value = self.value_edit.text().strip()
        item_id = str(self.column_box.currentData() or "")
        filters = (RowFilter(item_id, value),) if value and item_id else ()
        self._requery(RowQuery(filters, self.query.sort, self.query.descending))

    def clear_filter(self) -> None:
        self.value_edit.clear()
        self._requery(RowQuery((), self.query.sort, self.query.descending))

    def _header_clicked(self, column: int) -> None:
        descending = self._sort_state == (column, False)
        self._sort(column, descending)

    def _sort(self, column: int, descending: bool) -> None:
        source = self.model.source
        if source is None or not source.sortable:
            self.message.setText(
                self.tr(
                    "The platform serves rows in its own order; sorting needs the copy on this PC."
                )
            )
            return
        self._sort_state = (column, descending)
        self.table.horizontalHeader().setSortIndicatorShown(True)
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        self.table.horizontalHeader().setSortIndicator(column, order)
        item_id = self.grant.data_items[column].id
        self._requery(RowQuery(self.query.filters, item_id, descending))

    def _requery(self, query: RowQuery) -> None:
        if query == self.query:
            return
        self.query = query
        source = self.model.source
        if source is None:
            self._load(lambda: self._service.open_rows(self.grant.id, query))
        else:
            self._load(lambda: self._service.requery(source, query))

    # ------------------------------------------------------------------ export and print
    def notice(self) -> list[str]:
        watermark = self._service.watermark()
        return [
            _words(EXPORT_NOTICE).format(
                officer=watermark.officer, unit=watermark.unit, time=watermark.time,
                grant=self.grant.id, resource=self.grant.resource_name,
            )
        ]  # fmt: skip

    def choose_export(self) -> None:
        if not self.grant.allow_export:
            return
        path, _chosen = QFileDialog.getSaveFileName(
            self, self.tr("Export rows"), f"{self.grant.resource_name}.xlsx",
            self.tr("Excel workbook (*.xlsx);;CSV (*.csv)"),
        )  # fmt: skip
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        fmt = "csv" if path.suffix.lower() == ".csv" else "xlsx"
        if path.suffix.lower() not in (".csv", ".xlsx"):
            path = path.with_suffix(".xlsx")
        service, grant_id, query, notice = self._service, self.grant.id, self.query, self.notice()

        def op(progress: Any) -> int:
            return service.export(grant_id, query, path, fmt=fmt, notice=notice,
                                  progress=progress)  # fmt: skip

        handle = self._runner.run_network(op, self._exported, self._show_failure,
                                          label="export grant rows")  # fmt: skip
        DelayedProgress(handle, self, self.tr("Exporting rows…"))

    def _exported(self, rows: int) -> None:
        self.message.setText(self.tr("%n row(s) exported.", "", rows))

    def choose_print(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> int:
        """Print the rows held now (those around what is shown), with the notice and the
        watermark on every page; audited as a print."""
        held = sorted(self.model.held_pages())
        size = self.model.source.page_rows if self.model.source is not None else 1
        rows: list[list[str]] = []
        for page in held:
            for at in range(size):
                row = page * size + at
                if row >= self.model.rowCount() or len(rows) >= MAX_PRINT_ROWS:
                    break
                rows.append(
                    [self.model.cell(row, c) or "" for c in range(self.model.columnCount())]
                )
        painter = QPainter()
        if not painter.begin(printer):
            self.message.setText(self.tr("The printer could not be opened."))
            return 0
        _paint_rows(painter, printer, notice=self.notice(), watermark=self.watermark.text,
                    columns=[i.name for i in self.grant.data_items], rows=rows)  # fmt: skip
        painter.end()
        self._service.record_print(self.grant.id, len(rows))
        return len(rows)

    def closeEvent(self, event: Any) -> None:
        self.model.set_source(None, 0, None)  # pages go with the window
        super().closeEvent(event)


def _paint_rows(
    painter: QPainter,
    printer: QPrinter,
    *,
    notice: list[str],
    watermark: str,
    columns: list[str],
    rows: list[list[str]],
) -> None:
    from govshare_desktop.ui.share_requests.printing import print_font  # noqa: PLC0415

    font = print_font(9)
    painter.setFont(font)
    area = printer.pageLayout().paintRectPixels(printer.resolution())
    width, height = area.width(), area.height()
    line = painter.fontMetrics().height() * 1.3
    column_width = width / max(len(columns), 1)
    mark_font = QFont(font)
    mark_font.setPointSizeF(16)

    def header() -> float:
        paint_watermark(painter, width, height, watermark, mark_font)
        y = line
        for text in notice:
            painter.drawText(0, int(y - line), width, int(line * 3),
                             int(Qt.TextFlag.TextWordWrap), text)  # fmt: skip
            y += line * 3
        for i, name in enumerate(columns):
            painter.drawText(int(i * column_width), int(y), name)
        return y + line

    y = header()
    for row in rows:
        if y > height - line:
            printer.newPage()
            y = header()
        for i, value in enumerate(row):
            painter.drawText(int(i * column_width), int(y), value)
        y += line
