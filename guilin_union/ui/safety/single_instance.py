"""A second launch on the same PC brings the first window to the front (QLocalServer).

The first program that opens a database listens on a local socket named after the file (and
the Windows user, so two users of one PC do not meet); a second launch connects, asks the
first to show itself, and quits. Programs on other PCs are told by the lock file instead
(``storage.lock``).
"""

from __future__ import annotations

import os
import zlib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalSocket

# storage.paths, not storage.audit: no sqlite-utils import before the window is shown.
from guilin_union.storage.paths import os_user

_ACTIVATE = b"activate\n"
_served: set[str] = set()  # server names this process listens on


def server_name(db_path: Path) -> str:
    """A short, stable name for the database file (Windows pipe names must be simple)."""
    try:
        key = os.path.normcase(str(Path(db_path).resolve()))
    except OSError:
        key = str(db_path)
    data = f"{os_user()}|{key}".encode()
    # Two zlib checksums, not hashlib: loading OpenSSL costs start-up time before the window.
    digest = f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}"
    return f"guilin-union-{digest}"


def notify_running_instance(db_path: Path, *, timeout_ms: int = 400) -> bool:
    """Ask a program already showing this database to come to the front; True if one did.

    A server of this very process does not count (a second window on the same file).
    """
    name = server_name(db_path)
    if name in _served or not _server_may_exist(name):
        return False
    from PySide6.QtNetwork import QLocalSocket  # loaded only when someone may answer

    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(timeout_ms):
        return False
    from guilin_union.ui.foreground import allow_foreground_switch

    allow_foreground_switch()  # Windows: else the first program may only flash its button
    socket.write(_ACTIVATE)
    socket.flush()
    socket.waitForBytesWritten(timeout_ms)
    socket.waitForReadyRead(timeout_ms)  # the first program answers "ok"
    answered = bytes(socket.readAll().data()).startswith(b"ok")
    socket.disconnectFromServer()
    return answered


def _server_may_exist(name: str) -> bool:
    """A cheap look before QtNetwork is loaded (this runs before the first window): on Unix
    Qt's server is a socket file in the temp folder (``QDir::tempPath()``); a Windows named
    pipe cannot be looked at without connecting, so there the answer is always "maybe"."""
    if os.name != "posix":
        return True
    return os.path.exists(os.path.join(os.environ.get("TMPDIR") or "/tmp", name))


class InstanceServer(QObject):
    """Listens for later launches; emits ``activate_requested`` when one asks."""

    activate_requested = Signal()

    def __init__(self, db_path: Path, parent: QObject | None = None) -> None:
        from PySide6.QtNetwork import QLocalServer

        super().__init__(parent)
        self.name = server_name(db_path)
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._on_connection)
        self.listening = False

    def start(self) -> bool:
        if self.name in _served:
            return False
        if not self.server.listen(self.name):
            # A socket file left by a crashed program (Unix): nobody answered, so remove it.
            self.server.removeServer(self.name)
            if not self.server.listen(self.name):
                return False
        _served.add(self.name)
        self.listening = True
        return True

    def stop(self) -> None:
        if self.listening:
            self.server.close()
            _served.discard(self.name)
            self.listening = False

    def _on_connection(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        data = bytes(socket.readAll().data())
        if data.startswith(_ACTIVATE.strip()):
            socket.write(b"ok\n")
            socket.flush()
            self.activate_requested.emit()
