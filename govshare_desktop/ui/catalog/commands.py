"""Undoable catalog edits (QUndoStack): each command says what changed and how to take it back.

Commands carry ids and values only; applying them is the page's job (a write on the
writer thread), so an undo is saved exactly like the edit it undoes.

Undo takes back the officer's own steps, never what the platform sent: once a pull (or
another remote write) has changed a command's resource, the command is outdated. Undoing
or redoing it then applies nothing; the step is dropped from the stack
(`QUndoCommand.setObsolete`) and the page says so in the status bar.
"""

from __future__ import annotations

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


class ClassNamer(Protocol):
    def apply_class_name(self, code: str, name: str) -> None: ...


class ResourceCommand(QUndoCommand):
    """A step on one resource; `outdated` once that resource changed remotely."""

    def __init__(self, editor: Editor, resource_id: str, text: str) -> None:
        super().__init__(text)
        self._editor = editor
        self.resource_id = resource_id
        self.outdated = False

    def _dropped(self) -> bool:
        if self.outdated:
            self.setObsolete(True)  # the stack deletes it once this undo/redo returns
            self._editor.drop_undo_step(self)
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


class SetFieldCommand(ResourceCommand):
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


class CreateResourceCommand(ResourceCommand):
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


class DeleteResourceCommand(ResourceCommand):
    def _apply(self) -> None:
        self._editor.delete_resource(self.resource_id)

    def _take_back(self) -> None:
        self._editor.restore_resource(self.resource_id)


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
