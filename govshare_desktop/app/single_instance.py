"""One app per data directory: the running instance listens, a second one asks it to come forward.

The instance lock (store/instance_lock.py) is what guarantees a single writer; this local
socket only makes the refusal friendly by raising the existing window.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

ACTIVATE = b"activate\n"
TIMEOUT_MS = 1000


def server_name(home: Path) -> str:
    digest = hashlib.sha256(str(home).encode()).hexdigest()[:16]
    return f"govshare-desktop-{digest}"


def ask_running_instance_to_activate(home: Path) -> bool:
    """True when an instance on `home` answered and was asked to show its window."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(home))
    if not socket.waitForConnected(TIMEOUT_MS):
        return False
    socket.write(ACTIVATE)
    socket.flush()
    socket.waitForBytesWritten(TIMEOUT_MS)
    socket.disconnectFromServer()
    return True


class ActivationServer(QObject):
    """Listens for a second start and calls `on_activate` (raise the main window)."""

    def __init__(
        self, home: Path, on_activate: Callable[[], None], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._on_activate = on_activate
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        name = server_name(home)
        QLocalServer.removeServer(
            name
        )  # a stale socket left by a killed instance; we hold the lock
        if not self._server.listen(name):
            log.warning("activation server not listening: %s", self._server.errorString())
        self._server.newConnection.connect(self._accept)

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)

    def _read(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).startswith(ACTIVATE.strip()):
            self._on_activate()

    def close(self) -> None:
        self._server.close()
