"""A workbook opened and its visible sheets loaded on a thread of their own, started before
the caller needs them.

`govshare import-catalog` spends half a second loading the store (SQLAlchemy, the models,
the services) and making a new DB before its import reads the file, and the read is mostly
calamine building each sheet, which it does without holding the GIL. Started first, the
read runs on the second core meanwhile. Nothing changes in what is read or refused: the
same `open_workbook` runs (the safety check before calamine sees a sheet), and whatever it
raises is raised again, unchanged, to the one who takes the workbook.
"""

from __future__ import annotations

import threading
from pathlib import Path

from govshare_desktop.excel.workbook import Workbook, open_workbook


class ReadAhead:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._workbook: Workbook | None = None
        self._error: BaseException | None = None
        self._taken = False
        self._thread = threading.Thread(target=self._load, name="govshare-read-ahead", daemon=True)
        self._thread.start()

    def _load(self) -> None:
        try:
            workbook = open_workbook(self.path)
            try:
                workbook.load_visible()
            except BaseException:
                workbook.close()
                raise
            self._workbook = workbook
        except BaseException as exc:  # raised again, as it was, by `take`
            self._error = exc

    def take(self) -> Workbook:
        """The open workbook (the caller closes it), once the read is done; raises what
        opening or loading it raised (`KnownError` for a bad file)."""
        if self._taken:
            raise RuntimeError("the workbook read ahead was already taken")
        self._taken = True
        self._thread.join()
        if self._error is not None:
            error, self._error = self._error, None
            raise error
        assert self._workbook is not None  # noqa: S101 - set when no error was
        workbook, self._workbook = self._workbook, None
        return workbook

    def discard(self) -> None:
        """Wait for the read and let the file go, unless the workbook was taken."""
        if self._taken:
            return
        self._taken = True
        self._thread.join()
        self._error = None
        if self._workbook is not None:
            self._workbook.close()
            self._workbook = None
