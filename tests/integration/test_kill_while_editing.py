"""kill -9 of the real app in the middle of editing: every edit the editor reported saved is in the DB.

The child is the GUI itself (offscreen) with its catalog page driven as an officer would:
a new resource, then one name edit after another through the form. It prints each edit
once the page reports it saved; the parent kills it mid-stream and reads the DB.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from govshare_desktop.app.context import AppContext

EDITOR = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from govshare_desktop.app import gui

app = QApplication(sys.argv)
gui.prepare_application(app)
shell = gui.open_shell(app, sys.argv[1], print)
page = shell.window.catalog_page
shell.window.show()
state = {"n": 0, "id": None, "started": False}

def edit_next():
    state["n"] += 1
    page.form.editors["name"].setText(f"资源名称第{state['n']}版")
    page.form.editors["name"].editingFinished.emit()  # what leaving the field does

def on_saved(resource_id):
    if state["id"] is None:
        state["id"] = resource_id
        print("created", resource_id, flush=True)
    else:
        print("saved", state["n"], flush=True)
    QTimer.singleShot(0, edit_next)

def start():
    if state["started"]:  # the tree may reload before the new resource's save is reported
        return
    state["started"] = True
    page.saved.connect(on_saved)
    page.new_resource()

page.loaded.connect(lambda: QTimer.singleShot(0, start))
app.exec()
"""


@pytest.mark.slow
@pytest.mark.parametrize("kill_after", [3, 25])
def test_every_saved_edit_survives_sigkill(home: Path, kill_after: int) -> None:
    AppContext.open(home).close()  # an existing DB: the window opens before the store loads
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.Popen(
        [sys.executable, "-c", EDITOR, str(home)], stdout=subprocess.PIPE, text=True, env=env
    )
    assert child.stdout is not None
    created = child.stdout.readline().split()
    assert created[0] == "created", created
    resource_id = created[1]
    last = 0
    while last < kill_after:
        line = child.stdout.readline().split()
        assert line and line[0] == "saved", line
        last = int(line[1])
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    for line in child.stdout:  # anything it managed to print before dying
        if line.startswith("saved"):
            last = int(line.split()[1])

    db = sqlite3.connect(home / "govshare.db")
    try:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        (name,) = db.execute("SELECT name FROM resources WHERE id = ?", (resource_id,)).fetchone()
    finally:
        db.close()
    saved_version = int(name.removeprefix("资源名称第").removesuffix("版"))
    assert saved_version >= last  # nothing reported saved was lost (a later one may be there too)
    ctx = AppContext.open(home)  # the lock died with the process
    try:
        assert ctx.services.database.check().ok
    finally:
        ctx.close()
