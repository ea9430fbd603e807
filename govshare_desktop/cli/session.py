"""The data directory as one `govshare` command opened it: the preflight at once, the store
(SQLAlchemy, the services) only when the command asks for it.

`govshare info` on a database already at this build's schema needs nothing the preflight
has not read, so it answers without importing the store at all (DESIGN §6: ≤ 6× a bare
Python start); every other command asks for `ctx` and gets the same `AppContext` as the GUI.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from govshare_desktop.app.preflight import Preflight

if TYPE_CHECKING:
    from govshare_desktop.app.context import AppContext


class Session:
    def __init__(self, preflight: Preflight, *, migrate: bool) -> None:
        self.preflight = preflight
        self._migrate = migrate
        self._ctx: AppContext | None = None

    @classmethod
    def open(
        cls, home: str | os.PathLike[str] | None, *, exclusive: bool, migrate: bool
    ) -> Session:
        return cls(Preflight.open(home, exclusive=exclusive), migrate=migrate)

    @property
    def ctx(self) -> AppContext:
        """The whole context, built on first use; raises `KnownError` as `AppContext.build`."""
        if self._ctx is None:
            from govshare_desktop.app.context import AppContext  # noqa: PLC0415 - see module

            self._ctx = AppContext.build(self.preflight, migrate=self._migrate)
        return self._ctx

    @property
    def store_opened(self) -> bool:
        return self._ctx is not None

    def close(self) -> None:
        if self._ctx is not None:
            self._ctx.close()
        else:
            self.preflight.release()
