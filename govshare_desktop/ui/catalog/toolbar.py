"""The catalog page's two rows above the tree: the editor's actions, then search and filters.

At 1100 px and up every action stands in the bar (its overflow menu is a last resort for a
much longer language); the four spreadsheet actions share one Excel menu button. Each tool
button carries its & so that Alt+letter presses it, one letter each in the window (the
menu bar holds F, E, V and H). The search box is as wide as its hint and no wider: extra
width belongs to the tree and the form below.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QToolBar,
    QToolButton,
    QWidget,
)

from govshare_desktop.domain.profile import EnumOption
from govshare_desktop.ui.catalog.excel_actions import ExcelActions

STATE_FILTERS = ("", "errors", "new", "changed", "filed", "source_changed")


class CatalogToolbar(QObject):
    def __init__(self, page: QWidget) -> None:
        super().__init__(page)
        self._build_filters()
        self.actions_bar = QToolBar()
        self.actions_bar.setObjectName("catalogActions")
        self.actions_bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        bar = self.actions_bar
        self.new_action = self._action(bar, "newResource")
        self.new_action.setShortcut(QKeySequence(QKeySequence.StandardKey.New))
        self.delete_action = self._action(bar, "deleteResource")
        bar.addSeparator()
        self.filing_action = self._action(bar, "openFiling")
        self.one_source_action = self._action(bar, "openOneSource")
        self.derive_action = self._action(bar, "openDerive")
        self.reviewed_action = self._action(bar, "sourceReviewed")
        self.reviewed_action.setEnabled(False)  # only for an entry whose source changed
        bar.addSeparator()
        self._add_excel_actions(page)

    @staticmethod
    def _action(bar: QToolBar, name: str) -> QAction:
        action = bar.addAction("")
        action.setObjectName(name)
        return action

    def _build_filters(self) -> None:
        self.search = QLineEdit()
        self.search.setObjectName("catalogSearch")
        self.search.setClearButtonEnabled(True)
        self.share_filter = QComboBox()
        self.share_filter.setObjectName("shareFilter")
        self.state_filter = QComboBox()
        self.state_filter.setObjectName("stateFilter")
        for key in STATE_FILTERS:
            self.state_filter.addItem("", key)
        self.provider_filter = QComboBox()
        self.provider_filter.setObjectName("providerFilter")
        # a long provider name is elided in the closed box (its list shows it whole)
        self.provider_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.provider_filter.setMinimumContentsLength(10)
        self.provider_filter.addItem("", "")
        self.grouping = QComboBox()
        self.grouping.setObjectName("grouping")
        self.grouping.addItems(["", ""])
        for combo in (self.share_filter, self.state_filter, self.grouping):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.filters = QHBoxLayout()
        self.filters.addWidget(self.search, 1)  # up to its hint's width (a narrow window: less)
        for combo in (self.share_filter, self.state_filter, self.provider_filter, self.grouping):
            self.filters.addWidget(combo)
        self.filters.addStretch(1)

    def _add_excel_actions(self, page: QWidget) -> None:
        """Import (Ctrl+I), the two exports and the data-file check, in one menu button."""
        self.excel = ExcelActions(page)
        self.excel_menu = QMenu(page)
        self.excel_menu.setObjectName("excelMenu")
        excel = (
            self.excel.import_action, self.excel.template_action,
            self.excel.catalog_action, self.excel.data_file_action,
        )  # fmt: skip
        self.excel_menu.addActions(excel)
        self.excel_menu.insertSeparator(self.excel.data_file_action)
        page.addActions(excel)  # their shortcuts (Ctrl+I) work while the page is shown
        self.excel_button = QToolButton()
        self.excel_button.setObjectName("excelButton")
        self.excel_button.setMenu(self.excel_menu)
        self.excel_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.actions_bar.addWidget(self.excel_button)

    def button(self, action: QAction) -> QWidget:
        return self.actions_bar.widgetForAction(action)

    def tools(self) -> tuple[QWidget | QAction, ...]:
        """What waits for the store (disabled until the page is attached)."""
        return (
            self.search, self.share_filter, self.state_filter, self.provider_filter,
            self.grouping, self.new_action, self.delete_action, self.filing_action,
            self.one_source_action, self.derive_action,
        )  # fmt: skip

    def set_share_types(self, options: tuple[EnumOption, ...]) -> None:
        self.share_filter.clear()
        self.share_filter.addItem("", "")
        for option in options:
            self.share_filter.addItem(option.label, option.code)

    # ------------------------------------------------------------------ words
    def retranslate(self) -> None:
        self._set_search_hint(self.tr("Search names, abstracts and data items…"))
        for action, text in (
            (self.new_action, self.tr("&New resource")),
            (self.delete_action, self.tr("&Delete")),
            (self.filing_action, self.tr("Fi&ling…")),
            (self.one_source_action, self.tr("One &source…")),
            (self.derive_action, self.tr("De&rive…")),
            (self.reviewed_action, self.tr("Source chec&ked")),
        ):
            action.setText(text)
            action.setIconText(text)  # the tool button shows it with its &: a real mnemonic
        self.excel_button.setText(self.tr("E&xcel"))
        self.excel_button.setToolTip(
            self.tr(
                "Import a catalog workbook, export the template or the catalog, check a data file"
            )
        )
        self.derive_action.setToolTip(self.tr("Derive entries from the superior unit's catalog"))
        self.reviewed_action.setToolTip(
            self.tr("The superior entry this one was derived from changed; mark it as reviewed")
        )
        self.one_source_action.setToolTip(
            self.tr("一数一源: the same data offered by several providers")
        )
        self.excel.retranslate()
        words = {
            "": self.tr("All states"),
            "errors": self.tr("With errors"),
            "new": self.tr("Not yet filed"),
            "changed": self.tr("Changed since filing"),
            "filed": self.tr("As filed"),
            "source_changed": self.tr("Superior entry changed"),
        }
        for index, key in enumerate(STATE_FILTERS):
            self.state_filter.setItemText(index, words[key])
        self.grouping.setItemText(0, self.tr("By classification"))
        self.grouping.setItemText(1, self.tr("By provider"))
        self.provider_filter.setItemText(0, self.tr("All providers"))
        if self.share_filter.count():
            self.share_filter.setItemText(0, self.tr("All share types"))

    def _set_search_hint(self, hint: str) -> None:
        """The hint sets the box's width: all of it readable, nothing more."""
        self.search.setPlaceholderText(hint)
        metrics = self.search.fontMetrics()
        room = metrics.horizontalAdvance(hint) + metrics.horizontalAdvance("M") * 4  # clear button
        self.search.setMaximumWidth(room)
        self.search.setMinimumWidth(min(room, metrics.horizontalAdvance("M") * 10))
