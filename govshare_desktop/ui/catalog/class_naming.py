"""Naming a class of the catalog tree (项 / 目): right-click its row, 命名… or 重命名….

The name is a step on the page's undo stack, written on the writer thread; the change bus
brings it back to the tree and the form, whoever named it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMenu, QTreeView, QWidget

from govshare_desktop.domain.profile import CatalogProfile
from govshare_desktop.tasks.runner import Runner
from govshare_desktop.ui.catalog.commands import NameClassCommand
from govshare_desktop.ui.catalog.resource_form import english
from govshare_desktop.ui.catalog.tree_model import CatalogTreeModel

if TYPE_CHECKING:
    from govshare_desktop.services.catalog.class_names import ClassNameService


class ClassNaming(QObject):
    names_changed = Signal(dict)  # class code → name, as stored now

    def __init__(
        self,
        service: ClassNameService,
        runner: Runner,
        *,
        unit_code: str,
        profile: CatalogProfile,
        undo_stack: QUndoStack,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._runner = runner
        self._unit = unit_code
        self._profile = profile
        self._stack = undo_stack
        self._parent = parent
        self.names: dict[str, str] = {}
        self._applied = 0  # steps applied: a read begun before the latest one is stale
        self.menu: QMenu | None = None
        self.dialog: QInputDialog | None = None

    def set_unit(self, unit_code: str) -> None:
        """A sign-in gave the data directory its unit: its names, from now on."""
        if unit_code != self._unit:
            self._unit = unit_code
            self.load()

    # ------------------------------------------------------------------ reading
    def load(self) -> None:
        service, unit, applied = self._service, self._unit, self._applied
        self._runner.run_read(
            lambda _p: service.names(unit),
            lambda names: self._read(names, applied),
            label="class-names",
        )

    def _read(self, names: dict[str, str], applied: int) -> None:
        if applied == self._applied:  # else read before a later step: its own read follows
            self._show(names)

    def _show(self, names: dict[str, str]) -> None:
        self.names = names
        self.names_changed.emit(names)

    # ------------------------------------------------------------------ asking
    def offer_menu(self, tree: QTreeView, model: CatalogTreeModel, position: QPoint) -> None:
        """The context menu of a class row: name it, rename it, or clear its name."""
        found = model.class_of(tree.indexAt(position))
        if found is None:
            return
        level, code = found
        word = self._level_word(level)
        menu = QMenu(tree)
        menu.setObjectName("classMenu")
        current = self.names.get(code, "")
        if current:
            menu.addAction(
                self.tr("&Rename {level} {code}…").format(level=word, code=code),
                lambda: self.ask(level, code),
            )
            menu.addAction(
                self.tr("&Clear the name"),
                lambda: self.rename(
                    code, "", self.tr("Clear the name of {code}").format(code=code)
                ),
            )
        else:
            menu.addAction(
                self.tr("&Name {level} {code}…").format(level=word, code=code),
                lambda: self.ask(level, code),
            )
        self.menu = menu
        menu.popup(tree.viewport().mapToGlobal(position))

    def _level_word(self, level: str) -> str:
        spec = self._profile.classification.get(level)
        return spec.display(english=english()) if spec else level

    def ask(self, level: str, code: str) -> QInputDialog:
        """A small window asking for the name (opened, not run modally)."""
        dialog = QInputDialog(self._parent)
        dialog.setObjectName("classNameDialog")
        dialog.setWindowTitle(self.tr("Name a class"))
        dialog.setLabelText(
            self.tr(
                "Name of {level} {code} (shown in the tree and the form; kept on this PC):"
            ).format(level=self._level_word(level), code=code)
        )
        dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
        dialog.setTextValue(self.names.get(code, ""))
        dialog.textValueSelected.connect(
            lambda name: self.rename(
                code, name, self.tr("Name {code} “{name}”").format(code=code, name=name.strip())
            )
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    # ------------------------------------------------------------------ writing (undoable)
    def rename(self, code: str, name: str, text: str) -> None:
        old, new = self.names.get(code, ""), " ".join(name.split())
        if new != old:
            self._stack.push(NameClassCommand(self, code, old=old, new=new, text=text))

    def apply_class_name(self, code: str, name: str) -> None:
        """Store the name on the writer thread; the change bus tells the page to re-read."""
        service, unit = self._service, self._unit
        names = {k: v for k, v in self.names.items() if k != code}
        self._applied += 1
        self._show({**names, code: name} if name else names)  # at once; the bus confirms
        self._runner.run_write(lambda _p: service.name(unit, code, name), label="class-name")
