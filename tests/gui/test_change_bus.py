"""Whoever writes, the window follows: the change bus, the outbox through the GUI, undo policy.

The officer's story in each test is driven through real widgets; what the platform would
receive is read from the outbox; a "remote" change is written the way a pull will write it
(through the store, from another thread), never by poking the page.
"""

from __future__ import annotations

import threading
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from govshare_desktop.app.gui import Shell
from govshare_desktop.domain.entities import Resource
from govshare_desktop.store.models import SyncOutboxRow
from govshare_desktop.store.repositories.outbox import OutboxRepository
from govshare_desktop.store.repositories.resources import ResourceRepository
from govshare_desktop.ui.catalog.page import CatalogPage
from govshare_desktop.ui.catalog.problems_model import Problem

WAIT = 5000


def catalog_page(shell: Shell) -> CatalogPage:
    page = shell.window.catalog_page
    assert page.form is not None
    return page


def create(qtbot: QtBot, page: CatalogPage) -> str:
    with qtbot.waitSignal(page.loaded, timeout=WAIT), qtbot.waitSignal(page.saved, timeout=WAIT):
        qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.form is not None and page.form.resource is not None, timeout=WAIT)
    assert page.form is not None and page.form.resource is not None
    return page.form.resource.id


def type_into(qtbot: QtBot, page: CatalogPage, field: str, text: str) -> None:
    assert page.form is not None
    edit = page.form.editors[field]
    assert isinstance(edit, QLineEdit)
    edit.setFocus()
    edit.selectAll()
    event = QInputMethodEvent()
    event.setCommitString(text)  # Chinese arrives from an input method as a commit
    QApplication.sendEvent(edit, event)
    with qtbot.waitSignal(page.saved, timeout=WAIT):
        qtbot.keyClick(edit, Qt.Key.Key_Return)


def problems_of(page: CatalogPage, resource_id: str) -> list[Problem]:
    rows = (page.problems.problem(row) for row in range(page.problems.rowCount()))
    return [problem for problem in rows if problem.resource_id == resource_id]


def ops(shell: Shell, resource_id: str) -> list[tuple[str, str]]:
    with shell.ctx.database.read() as session:
        return OutboxRepository(session).ops_for(resource_id)


def pretend_synced(shell: Shell, resource_id: str, version: int) -> None:
    """What a push will do once the platform has the resource: ops done, version held."""
    with shell.ctx.database.write() as session:
        session.execute(update(SyncOutboxRow).values(attempts=1, status="done"))
        repo = ResourceRepository(session)
        current = repo.get(resource_id)
        assert current is not None
        repo.store_remote(current, version)


def remote_write(shell: Shell, resource: Resource, version: int) -> None:
    """A pull, as the sync engine will do it: on another thread, through the writer."""

    def pull() -> None:
        def apply() -> None:
            with shell.ctx.database.write() as session:
                ResourceRepository(session).store_remote(resource, version)

        shell.ctx.executor.write(apply)

    worker = threading.Thread(target=pull)
    worker.start()
    worker.join(10)


# ------------------------------------------------------------------ the outbox, from the GUI
def test_new_then_ctrl_z_sends_nothing(qtbot: QtBot, shell: Shell) -> None:
    page = catalog_page(shell)
    rid = create(qtbot, page)
    type_into(qtbot, page, "name", "农村特困人员供养信息")
    assert ops(shell, rid) == [("create", "pending")]
    undo = shell.window.undo_action
    assert undo.shortcut().toString() == "Ctrl+Z"
    with qtbot.waitSignal(page.saved, timeout=WAIT):
        undo.trigger()  # the name
    with qtbot.waitSignal(page.loaded, timeout=WAIT):
        undo.trigger()  # the new resource itself
    assert not page.undo_stack.canUndo()
    assert ops(shell, rid) == []  # the platform never hears of it
    assert shell.window.status.snapshot is not None
    qtbot.waitUntil(lambda: shell.window.status.snapshot.pending_changes == 0, timeout=WAIT)


def test_delete_of_a_synced_resource_sends_one_delete(qtbot: QtBot, shell: Shell) -> None:
    page = catalog_page(shell)
    rid = create(qtbot, page)
    pretend_synced(shell, rid, 1)
    type_into(qtbot, page, "format_detail", "MySQL")
    assert ops(shell, rid)[-1] == ("patch", "pending")
    with qtbot.waitSignal(page.loaded, timeout=WAIT):
        qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert ops(shell, rid) == [("create", "done"), ("delete", "pending")]


# ------------------------------------------------------------------ a background (remote) write
def test_a_remote_change_refreshes_every_view_and_undo_does_not_overwrite_it(
    qtbot: QtBot, shell: Shell
) -> None:
    page = catalog_page(shell)
    rid = create(qtbot, page)
    assert page.form is not None
    page.form.reveal()  # a check: a new resource's empty fields are listed from now on
    type_into(qtbot, page, "name", "企业登记信息")
    pretend_synced(shell, rid, 1)
    type_into(qtbot, page, "format_detail", "MySQL 8")  # a step on the undo stack
    steps = page.undo_stack.count()
    assert page.form is not None
    stored = shell.ctx.services.catalog.get(rid)
    assert stored is not None
    qtbot.waitUntil(
        lambda: any(problem.finding.field == "provider_name" for problem in problems_of(page, rid)),
        timeout=WAIT,
    )
    problems_before = page.problems.rowCount()

    # The platform renames it and fills in its provider (a pull, on the writer thread).
    remote = replace(
        stored,
        format_detail="",  # the platform still holds the base format
        name="企业登记信息（省级）",
        provider_name="河北省市场监督管理局",
        provider_code="91350100M000100Y43",
    )
    with qtbot.waitSignal(page.shown, timeout=WAIT):  # the form re-shows the resource
        remote_write(shell, remote, 2)
    form_name = page.form.editors["name"]
    assert isinstance(form_name, QLineEdit)
    qtbot.waitUntil(lambda: form_name.text() == "企业登记信息（省级）", timeout=WAIT)
    assert page.form.editors["format_detail"].text() == "MySQL 8"  # merged: mine is kept
    index = page.model.index_of_id(rid) if page.model else None
    assert index is not None and index.isValid()
    assert index.data() == "企业登记信息（省级）"  # the tree row
    qtbot.waitUntil(lambda: page.problems.rowCount() < problems_before, timeout=WAIT)
    fields = [problem.finding.field for problem in problems_of(page, rid)]
    assert "provider_name" not in fields  # the problems list saw the provider arrive
    qtbot.waitUntil(
        lambda: (
            shell.window.status.snapshot is not None
            and shell.window.status.snapshot.pending_changes == 1
        ),  # my format, rebased
        timeout=WAIT,
    )

    # Ctrl+Z would take back my format — but the platform changed this resource since:
    # the step is dropped with a note, and nothing the platform sent is overwritten.
    with qtbot.waitSignal(page.undo_dropped, timeout=WAIT):
        shell.window.undo_action.trigger()
    assert "平台" in shell.window.status.currentMessage()
    assert page.undo_stack.count() == steps - 1
    after = shell.ctx.services.catalog.get(rid)
    assert after is not None
    assert (after.name, after.format_detail) == ("企业登记信息（省级）", "MySQL 8")
