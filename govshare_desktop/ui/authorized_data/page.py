"""授权数据: the grants this unit holds (Art. 14, 15) and, for each, its rows in a viewer.

The list follows the change bus (grants arrive and are revoked by sync); a revoked grant
stays, with its reason, until the officer acknowledges it. From here a grant's rows are
opened (GrantViewer), kept on this PC where the grant allows it (a cancellable download
that resumes), or their copy deleted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QWidget,
)

from govshare_desktop.domain.changes import ChangeSet, EntityKind
from govshare_desktop.domain.grant_data import GrantView
from govshare_desktop.domain.objections import ObjectionView
from govshare_desktop.ui.authorized_data.grants_model import GrantsModel
from govshare_desktop.ui.authorized_data.viewer import GrantViewer
from govshare_desktop.ui.empty_state import EmptyOr, EmptyState
from govshare_desktop.ui.messages import describe_failure
from govshare_desktop.ui.pages.base import Page
from govshare_desktop.ui.pages.reveal import Reveal, RevealKind
from govshare_desktop.ui.progress_dialog import DelayedProgress
from govshare_desktop.ui.share_requests.objection_dialogs import RaiseDialog, open_raise_dialog

if TYPE_CHECKING:
    from govshare_desktop.services.registry import Services
    from govshare_desktop.tasks.runner import Runner
    from govshare_desktop.ui.shell_context import ShellContext

FOLLOWED = (EntityKind.GRANT, EntityKind.IDENTITY)


class AuthorizedDataPage(Page):
    _pending_reveal: Reveal | None = None  # asked for before the list was read
    key = "authorized_data"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, fill=True)
        self.setObjectName("page:authorized_data")
        self._services: Services | None = None
        self._runner: Runner | None = None
        self._seen = 0
        self.viewers: list[GrantViewer] = []
        self.model = GrantsModel(self)
        self.table = QTableView()
        self.table.setObjectName("grantsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._enable())
        self.empty = EmptyState("grantsEmpty")
        self.area = EmptyOr(self.table, self.empty)
        self.open_button = QPushButton()
        self.open_button.setObjectName("openGrant")
        self.open_button.clicked.connect(self.open_selected)
        self.download_button = QPushButton()
        self.download_button.setObjectName("downloadGrant")
        self.download_button.clicked.connect(self.download_selected)
        self.purge_button = QPushButton()
        self.purge_button.setObjectName("purgeGrant")
        self.purge_button.clicked.connect(self.purge_selected)
        self.acknowledge_button = QPushButton()
        self.acknowledge_button.setObjectName("acknowledgeGrant")
        self.acknowledge_button.clicked.connect(self.acknowledge_selected)
        buttons = QHBoxLayout()
        for button in (self.open_button, self.download_button, self.purge_button,
                       self.acknowledge_button):  # fmt: skip
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.body.addLayout(buttons)
        self.body.addWidget(self.area, 1)
        self.retranslate()
        self._enable()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Authorized data"))
        self.intro.setText(
            self.tr(
                "The data your unit is authorised to use, and only within the grant: the "
                "granted data items, for the granted purpose, until the grant ends. Every "
                "view, query, export and print is recorded (Art. 14, 15, 17)."
            )
        )
        self.notice.setVisible(False)
        self.open_button.setText(self.tr("View rows"))
        self.download_button.setText(self.tr("Keep offline"))
        self.purge_button.setText(self.tr("Delete offline copy"))
        self.acknowledge_button.setText(self.tr("Acknowledge revocation"))
        self.empty.say(
            self.tr("No grants yet"),
            self.tr(
                "Grants reach this PC when you sign in and sync (F5). To ask another unit "
                "for data, draft a request on the 共享申请 page; once the platform grants "
                "it, it is listed here."
            ),
        )
        self.model.layoutChanged.emit()  # headers in the new language

    def attach(self, shell: ShellContext) -> None:
        self._services = shell.services
        self._runner = shell.runner
        shell.changes.changed.connect(self._on_changes)
        self.reload()

    def _on_changes(self, changes: ChangeSet) -> None:
        if any(changes.touches(kind) for kind in FOLLOWED):
            self._seen += 1
            self.reload()
        if changes.touches(EntityKind.GRANT):
            for viewer in self.viewers:
                viewer.recheck()

    def reload(self) -> None:
        if self._services is None or self._runner is None:
            return
        service, seen = self._services.grant_data, self._seen

        def read(_p: object) -> list[GrantView]:
            return service.grants()

        self._runner.run_read(read, lambda got: self._loaded(got, seen), self._failed,
                              label="grants")  # fmt: skip

    def _loaded(self, views: list[GrantView], seen: int) -> None:
        if seen != self._seen:
            return
        selected = self.selected()
        self.model.set_views(views)
        self.area.show_view(bool(views))
        if selected is not None:
            for row, view in enumerate(views):
                if view.grant.id == selected.grant.id:
                    self.table.selectRow(row)
        elif views:
            self.table.selectRow(0)
        self.table.resizeColumnsToContents()
        for column in range(self.model.columnCount() - 1):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 260))
        self._enable()
        if self._pending_reveal is not None and self.reveal(self._pending_reveal):
            self._pending_reveal = None

    def reveal(self, what: Reveal) -> bool:
        """A grant selected, for the 概览."""
        if what.kind is not RevealKind.GRANT:
            return False
        ids = [view.grant.id for view in self.model.views]
        if what.subject not in ids:
            self._pending_reveal = what
            return False
        self.table.selectRow(ids.index(what.subject))
        return True

    def _failed(self, error: BaseException) -> None:
        self.notice.setText(describe_failure(error))
        self.notice.setVisible(True)

    def selected(self) -> GrantView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.view_at(rows[0].row()) if rows else None

    def _enable(self) -> None:
        view = self.selected()
        usable = view is not None and view.in_force
        self.open_button.setEnabled(usable)
        offline_allowed = usable and view is not None and view.grant.allow_offline_cache
        complete = view is not None and view.cache is not None and view.cache.complete
        self.download_button.setEnabled(bool(offline_allowed and not complete))
        self.download_button.setToolTip(
            ""
            if offline_allowed or view is None or not usable
            else self.tr("This grant does not allow keeping its rows on this PC.")
        )
        self.purge_button.setEnabled(view is not None and view.cache is not None)
        self.acknowledge_button.setEnabled(view is not None and view.grant.revoked)

    # ------------------------------------------------------------------ actions
    def open_selected(self) -> GrantViewer | None:
        view = self.selected()
        if view is None or self._services is None or self._runner is None:
            return None
        viewer = GrantViewer(self._services.grant_data, self._runner, view.grant, self)
        self.viewers.append(viewer)
        viewer.finished.connect(lambda _r: self.viewers.remove(viewer))
        viewer.objection_requested.connect(
            lambda grant_id, item, text: self.raise_objection(viewer, grant_id, item, text)
        )
        viewer.start()
        return viewer

    def raise_objection(
        self, viewer: GrantViewer, grant_id: str, data_item: str, description: str
    ) -> RaiseDialog | None:
        """提出异议… from the data viewer (Art. 16): the 异议 tab's dialog over the viewer,
        preset to its grant, the selected column and the selected rows."""
        if self._services is None or self._runner is None:
            return None
        live = [view.grant for view in self.model.views if not view.grant.revoked]

        def raised(dialog: RaiseDialog, _view: ObjectionView) -> None:
            dialog.accept()
            viewer.say(
                self.tr(
                    "Objection queued: it reaches the provider with the next sync. Follow it under "
                    "Share requests → Objections."
                )
            )

        dialog = open_raise_dialog(
            viewer, self._services.objections, self._runner, live, grant_id=grant_id, raised=raised
        )
        dialog.preset(data_item, description)
        return dialog

    def download_selected(self) -> None:
        view = self.selected()
        if view is None or self._services is None or self._runner is None:
            return
        service, grant_id = self._services.grant_data, view.grant.id

        def op(progress: object) -> object:
            return service.download(grant_id, progress)  # type: ignore[arg-type]

        handle = self._runner.run_network(op, lambda _info: self.reload(), self._download_failed,
                                          label="download grant rows")  # fmt: skip
        DelayedProgress(handle, self, self.tr("Keeping the rows on this PC…"))

    def _download_failed(self, error: BaseException) -> None:
        self._failed(error)
        self.reload()

    def purge_selected(self) -> None:
        view = self.selected()
        if view is None or self._services is None or self._runner is None:
            return
        service, grant_id = self._services.grant_data, view.grant.id
        self._runner.run_read(lambda _p: service.purge(grant_id), lambda _ok: self.reload(),
                              self._failed, label="purge grant rows")  # fmt: skip

    def acknowledge_selected(self) -> None:
        view = self.selected()
        if view is None or self._services is None or self._runner is None:
            return
        service, grant_id = self._services.grant_data, view.grant.id
        self._runner.run_write(lambda _p: service.acknowledge(grant_id), None, self._failed,
                               label="acknowledge revocation")  # fmt: skip
