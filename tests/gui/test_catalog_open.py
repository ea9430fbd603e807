"""Opening the catalog: the first resource comes before the tree (previewed read-only while
the store loads), and a large catalog's tree opens down to its 目, not all its rows."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from govshare_desktop.app.context import AppContext
from govshare_desktop.app.gui import Shell, open_shell, prepare_application
from govshare_desktop.assets import DEFAULT_PROFILE, profile_path
from govshare_desktop.domain.entities import Classification, DataItem, Resource
from govshare_desktop.domain.profile import load_profile
from govshare_desktop.ui.catalog import page as page_module
from govshare_desktop.ui.catalog.page import CatalogPage
from govshare_desktop.ui.catalog.tree_model import ID_ROLE
from tests.gui.test_catalog_editor import ime_type

SUBJECTS = ("001", "002", "003")


def fill(home: Path) -> list[str]:
    """A catalog stored before the app starts: one resource in each of three 目."""
    ctx = AppContext.open(home)
    try:
        return [
            ctx.services.catalog.save(
                Resource(
                    name=f"资源{n}", unit_code="", code=f"301{subject}/000001",
                    classification=Classification("3", "01", subject),
                    data_items=(DataItem("统一社会信用代码", "C", 18),),
                )
            ).id
            for n, subject in enumerate(SUBJECTS)
        ]  # fmt: skip
    finally:
        ctx.close()


@pytest.fixture
def events(qapp: QApplication, qtbot: QtBot, home: Path) -> Iterator[tuple[Shell, list[tuple]]]:
    """The app started on `home`, with what the catalog page did recorded from the start."""
    prepare_application(qapp)
    reports: list[str] = []
    shell = open_shell(qapp, str(home), reports.append)
    assert isinstance(shell, Shell), reports
    page = shell.window.catalog_page
    seen: list[tuple] = []
    page.previewed.connect(
        lambda rid: seen.append(("previewed", rid, page.form.isEnabled() if page.form else None))
    )
    page.shown.connect(lambda rid: seen.append(("shown", rid, page.model is not None)))
    page.loaded.connect(lambda: seen.append(("loaded", page.model.resource_count())))  # type: ignore[union-attr]
    shell.window.show()
    qtbot.waitExposed(shell.window)
    try:
        yield shell, seen
    finally:
        shell.window.close()
        shell.close()
        shell.window.deleteLater()
        qapp.processEvents()


def test_the_first_resource_comes_before_the_tree(
    qtbot: QtBot, home: Path, request: pytest.FixtureRequest
) -> None:
    ids = fill(home)
    shell, seen = request.getfixturevalue("events")
    page = shell.window.catalog_page
    qtbot.waitUntil(lambda: ("loaded", 3) in seen, timeout=10_000)
    kinds = [event[0] for event in seen]
    assert kinds.index("shown") < kinds.index("loaded")  # not after ten thousand rows
    assert ("shown", ids[0], True) in seen
    if "previewed" in kinds:  # while the store loaded: first, and closed for typing
        assert kinds[0] == "previewed" and seen[0] == ("previewed", ids[0], False)
    assert page.form is not None and page.form.isEnabled()
    assert page.tree.currentIndex().data(ID_ROLE) == ids[0]  # the tree agrees, once built


def test_a_preview_shows_the_resource_closed_for_typing(qtbot: QtBot) -> None:
    page = CatalogPage()
    qtbot.addWidget(page)
    resource = Resource(name="企业登记信息", unit_code="", code="301001/000001",
                        data_items=(DataItem("统一社会信用代码", "C", 18),))  # fmt: skip
    with qtbot.waitSignal(page.previewed):
        page.preview(load_profile(profile_path(DEFAULT_PROFILE)), resource)
    assert page.form is not None and page.items_editor is not None
    assert page.form.resource == resource
    assert not page.form.isEnabled()  # an edit now could not be saved: none is taken
    assert not page.items_editor.table.isEnabled()
    assert page.items_editor.model.rowCount() == 1


def test_a_large_catalog_opens_down_to_its_subjects(
    qtbot: QtBot, home: Path, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(page_module, "EXPAND_WHOLE", 2)  # three resources count as many here
    ids = fill(home)
    shell, seen = request.getfixturevalue("events")
    page = shell.window.catalog_page
    qtbot.waitUntil(lambda: ("loaded", 3) in seen, timeout=10_000)
    model = page.model
    assert model is not None
    item = model.index(0, 0, model.index(0, 0))  # 3 › 301
    assert page.tree.isExpanded(item)
    subjects = [model.index(row, 0, item) for row in range(model.rowCount(item))]
    assert len(subjects) == 3
    # the first resource's 目 is opened to show it; the others wait for a click
    assert [page.tree.isExpanded(s) for s in subjects] == [True, False, False]
    page.select(ids[2])
    assert page.tree.isExpanded(subjects[2])  # selecting opens the way
    with qtbot.waitSignal(page.loaded, timeout=5000):
        ime_type(page.search, "资源1")  # a search lists its hits flat, as before
    assert model.resource_count() == 1
    assert model.index(0, 0, QModelIndex()).data(ID_ROLE) == ids[1]
