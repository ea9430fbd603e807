"""A grant held by a signed-in officer, its rows in the encrypted copy, opened in the viewer:
the start of every viewer test that works offline."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from pytestqt.qtbot import QtBot

from govshare_desktop.app.gui import Shell
from govshare_desktop.domain.entities import Grant
from govshare_desktop.domain.identity import Identity
from govshare_desktop.store.repositories.grant_local import GrantLocalRepository
from govshare_desktop.store.repositories.identity import IdentityRepository
from govshare_desktop.ui.authorized_data.page import AuthorizedDataPage
from govshare_desktop.ui.authorized_data.viewer import GrantViewer
from tests.gui.objection_support import pull_grants
from tests.gui.test_share_requests_page import on_writer

WAIT = 10_000


def open_cached_grant(
    qtbot: QtBot, shell: Shell, officer: Identity, held: Grant, rows: Sequence[list[str]]
) -> tuple[AuthorizedDataPage, GrantViewer]:
    """Sign `officer` in, hold `held` (confirmed now), keep `rows` in its copy, and open it."""

    def sign(session: Any) -> None:
        IdentityRepository(session).put(officer)

    on_writer(shell, sign)
    shell.ctx.services.runtime.identity.set(officer)
    pull_grants(shell, held)
    now = datetime.now(UTC).replace(tzinfo=None)
    on_writer(shell, lambda session: GrantLocalRepository(session).confirm([held.id], now))
    cache = shell.ctx.services.grant_data._cache(held, create=True)
    cache.append([(n, row) for n, row in enumerate(rows, start=1)], None)

    page = shell.window.pages["authorized_data"]
    assert isinstance(page, AuthorizedDataPage)
    shell.window.show_page("authorized_data")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=WAIT)
    page.table.selectRow(0)
    viewer = page.open_selected()
    assert viewer is not None
    return page, viewer
