"""Undoable catalog edits (QUndoStack): each command says what changed and how to take it back.

Commands carry ids and values only; applying them is the page's job (a write on the
writer thread), so an undo is saved exactly like the edit it undoes.

Undo takes back the officer's own steps, never what the platform sent: once a pull (or
another remote write) has changed a command's resource, the command is outdated. Undoing
or redoing it then applies nothing; the step is dropped from the stack
(`QUndoCommand.setObsolete`) and the page says so in the status bar.

A stored Excel import is one step too (`ImportCommand`), over every resource it created or
changed; the import service decides whether it can still be taken back.
"""

from __future__ import annotations

from collections.abc import Set
from typing import Any, Protocol

from PySide6.QtGui import QUndoCommand

from govshare_desktop.domain.entities import Resource

SET_FIELD_ID = 1


class Editor(Protocol):
    def apply_changes(self, resource_id: str, changes: dict[str, Any]) -> None: ...
    def create_resource(self, template: Resource) -> None: ...
    def delete_resource(self, resource_id: str) -> None: ...
    def restore_resource(self, resource_id: str) -> None: ...
    def drop_undo_step(self, command: ResourceCommand) -> None: ...


class StepDropper(Protocol):
    def drop_undo_step(self, command: ResourceCommand) -> None: ...


class ImportEditor(StepDropper, Protocol):
    def undo_import(self, command: ImportCommand) -> None: ...


class ClassNamer(Protocol):
    def apply_class_name(self, code: str, name: str) -> None: ...


class ResourceCommand(QUndoCommand):
    """A step on one resource; `outdated` once that resource changed remotely."""

    def __init__(self, editor: StepDropper, resource_id: str, text: str) -> None:
        super().__init__(text)
        self._dropper = editor
        self.resource_id = resource_id
        self.outdated = False

    def touches(self, resource_ids: Set[str]) -> bool:
        """Whether this step is about any of `resource_ids`."""
        return self.resource_id in resource_ids

    def _dropped(self) -> bool:
        if self.outdated:
            self.setObsolete(True)  # the stack deletes it once this undo/redo returns
            self._dropper.drop_undo_step(self)
        return self.outdated

    def redo(self) -> None:
        if not self._dropped():
            self._apply()

    def undo(self) -> None:
        if not self._dropped():
            self._take_back()

    def _apply(self) -> None:
        raise NotImplementedError

    def _take_back(self) -> None:
        raise NotImplementedError


class EditCommand(ResourceCommand):
    """A step the page's editor applies (a field, a new or deleted resource)."""

    def __init__(self, editor: Editor, resource_id: str, text: str) -> None:
        super().__init__(editor, resource_id, text)
        self._editor = editor


class SetFieldCommand(EditCommand):
    """One field of one resource; consecutive edits of the same field merge into one step."""

    def __init__(
        self, editor: Editor, resource_id: str, field: str, *, old: Any, new: Any, text: str
    ) -> None:
        super().__init__(editor, resource_id, text)
        self.field = field
        self.old = old
        self.new = new

    def id(self) -> int:
        return SET_FIELD_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetFieldCommand) or self.outdated:
            return False
        if (other.resource_id, other.field) != (self.resource_id, self.field):
            return False
        if self.field == "data_items":
            return False  # adding, removing, pasting are separate steps for the officer
        self.new = other.new
        return True

    def _apply(self) -> None:
        self._editor.apply_changes(self.resource_id, {self.field: self.new})

    def _take_back(self) -> None:
        self._editor.apply_changes(self.resource_id, {self.field: self.old})


class CreateResourceCommand(EditCommand):
    """Undo deletes the new resource (a tombstone); redo brings the same one back."""

    def __init__(self, editor: Editor, template: Resource, text: str) -> None:
        super().__init__(editor, template.id, text)
        self._template = template
        self._created = False

    def _apply(self) -> None:
        if self._created:
            self._editor.restore_resource(self._template.id)
        else:
            self._editor.create_resource(self._template)
            self._created = True

    def _take_back(self) -> None:
        self._editor.delete_resource(self._template.id)


class DeleteResourceCommand(EditCommand):
    def _apply(self) -> None:
        self._editor.delete_resource(self.resource_id)

    def _take_back(self) -> None:
        self._editor.restore_resource(self.resource_id)


class ImportCommand(ResourceCommand):
    """A stored import as one step. Pushed once the import is stored (its first redo does
    nothing); undo asks the import service to take it all back, on the writer. An import
    is not redone (importing the workbook again does that): undoing drops the step, and
    the editor puts it back if the service refuses."""

    def __init__(
        self, editor: ImportEditor, import_id: str, resource_ids: frozenset[str], text: str
    ) -> None:
        super().__init__(editor, "", text)
        self._importer = editor
        self.import_id = import_id
        self.resource_ids = resource_ids

    def touches(self, resource_ids: Set[str]) -> bool:
        return not self.resource_ids.isdisjoint(resource_ids)

    def _apply(self) -> None:
        pass  # the import is in the store already

    def _take_back(self) -> None:
        self.setObsolete(True)  # no redo: the stack deletes the step once undo() returns
        self._importer.undo_import(self)


class NameClassCommand(QUndoCommand):
    """The unit's name for one of its classes (项 / 目): undo gives back the name it had.
    Class names stay on this PC, so no remote change can outdate the step."""

    def __init__(self, namer: ClassNamer, code: str, *, old: str, new: str, text: str) -> None:
        super().__init__(text)
        self._namer = namer
        self.code = code
        self.old = old
        self.new = new

    def redo(self) -> None:
        self._namer.apply_class_name(self.code, self.new)

    def undo(self) -> None:
        self._namer.apply_class_name(self.code, self.old)
