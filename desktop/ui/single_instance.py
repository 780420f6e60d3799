"""One window per library: a second start hands its request to the first and quits."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from desktop.paths import data_dir


def server_name(db_path: Path | str) -> str:
    """One name per library file. A library on a server (a ``postgresql://`` URL, given as
    text) is one per data folder: windows on two data folders may share it."""
    if isinstance(db_path, str):
        key = f"{db_path}|{data_dir()}"
    else:
        key = str(Path(db_path).resolve()).lower()
    digest = hashlib.sha1(key.encode()).hexdigest()[:16]
    return f"replydesk-{digest}"


class SingleInstance(QObject):
    """``claim()`` is True for the first instance of a library. Later instances call
    ``notify_running()`` and exit; the first gets ``activated`` and raises its window.

    Local sockets only (a named pipe on Windows, a socket file on Unix): no network.
    """

    activated = Signal()

    def __init__(self, db_path: Path | str) -> None:
        super().__init__()
        self.name = server_name(db_path)
        self.server: QLocalServer | None = None

    def notify_running(self, timeout_ms: int = 500) -> bool:
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(timeout_ms):
            return False
        socket.write(b"activate\n")
        socket.waitForBytesWritten(timeout_ms)
        socket.disconnectFromServer()
        return True

    def claim(self) -> bool:
        if self.notify_running():
            return False
        server = QLocalServer(self)
        if not server.listen(self.name):
            # A stale socket file left by a crash: nobody answered above, so remove it.
            QLocalServer.removeServer(self.name)
            if not server.listen(self.name):
                return True  # cannot guard; better to run than to refuse
        server.newConnection.connect(self._on_connection)
        self.server = server
        return True

    def _on_connection(self) -> None:
        assert self.server is not None
        while self.server.hasPendingConnections():
            conn = self.server.nextPendingConnection()
            conn.readyRead.connect(lambda c=conn: self._read(c))

    def _read(self, conn: QLocalSocket) -> None:
        if bytes(conn.readAll().data()).startswith(b"activate"):
            self.activated.emit()
        conn.disconnectFromServer()

    def release(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None
