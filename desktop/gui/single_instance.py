"""One window per library: a second launch on the same library hands its request
(bring the window to the front, open this file) to the running PlanDesk over a
local socket and exits, instead of opening a read-only copy on top of it.

The socket name is derived from the library path (and the user), so two
libraries still get two windows. A read-only second window remains only when
no running PlanDesk on this PC answers — the lock then belongs to another PC
(a library on a network share) or to a program that hangs.
"""
from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from ..paths import login_name

CONNECT_MS = 500   # a live server accepts at once; a missing one fails at once
REPLY_MS = 3000    # the running window may be busy for a moment (an export)


def server_name(library_path: Path) -> str:
    """The same name for every spelling of the same library file, per user."""
    path = os.path.normcase(str(Path(library_path).resolve()))
    digest = hashlib.sha256(f"{login_name()}\0{path}".encode("utf-8")).hexdigest()[:24]
    return f"plandesk-{digest}"


def _allow_foreground() -> None:
    """Windows lets only the foreground process raise a window: this launch (just
    started by the user) passes that right on to the running PlanDesk."""
    if sys.platform == "win32":
        import ctypes
        ASFW_ANY = -1
        ctypes.windll.user32.AllowSetForegroundWindow(ASFW_ANY)


def hand_over(library_path: Path, open_file: Path | None = None) -> bool:
    """Ask a running PlanDesk on ``library_path`` to come to the front (and open
    ``open_file``); True when it confirmed, so this launch should exit."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(library_path))
    if not socket.waitForConnected(CONNECT_MS):
        return False
    _allow_foreground()
    request = {"file": str(Path(open_file).resolve()) if open_file else None}
    socket.write(json.dumps(request).encode("utf-8") + b"\n")
    socket.waitForBytesWritten(REPLY_MS)
    answered = socket.waitForReadyRead(REPLY_MS) and socket.readAll().data().startswith(b"ok")
    socket.disconnectFromServer()
    return answered


class InstanceServer(QObject):
    """Listens for later launches on the same library; emits ``requested`` with
    the file to open ("" for none) after answering them."""
    requested = Signal(str)

    def __init__(self, library_path: Path, parent=None):
        super().__init__(parent)
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.UserAccessOption)
        name = server_name(library_path)
        # we hold the library's lock, so a socket left under this name is a crashed run's
        QLocalServer.removeServer(name)
        self.listening = self.server.listen(name)
        self.server.newConnection.connect(self._accept)

    def _accept(self) -> None:
        while (socket := self.server.nextPendingConnection()) is not None:
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self._read(socket)

    def _read(self, socket) -> None:
        if not socket.canReadLine():
            return
        try:
            request = json.loads(socket.readLine().data().decode("utf-8"))
        except ValueError:
            return  # not a PlanDesk launch: ignore it
        socket.write(b"ok\n")
        socket.flush()
        # after answering: opening a file may show a modal dialog
        QTimer.singleShot(0, lambda: self.requested.emit(request.get("file") or ""))

    def close(self) -> None:
        self.server.close()


def bring_to_front(window) -> None:
    """Show ``window`` on top, restored if minimised."""
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()


def serve(window, library_path: Path) -> InstanceServer:
    """Let later launches on ``library_path`` reach ``window``."""
    server = InstanceServer(library_path, window)

    def on_request(path: str) -> None:
        bring_to_front(window)
        if path:
            window.import_file(Path(path))
    server.requested.connect(on_request)
    return server
