"""Coach as a desktop app: its icon, and one running instance at a time.

:func:`app_icon` builds the window icon from the SVG and PNGs in ``coach_assets/icons`` (the
same files ``coach install-desktop`` copies into the icon theme).

:class:`SingleInstance` makes a second start hand over to the running app: the first start
listens on a local socket (``QLocalServer``) named after the user and the data folder; a later
start connects (``QLocalSocket``), sends its request (a recording to import, if any) as one JSON
line, waits for the running app's ``ok`` and exits. The running app emits :attr:`activated` and
raises its window. A ``QLockFile`` serialises two starts at the same moment; a socket left by a
crashed app is removed, since nothing answers on it.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QLockFile, QObject, Signal
from PySide6.QtGui import QIcon
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from coach.paths import assets_dir, data_dir

CONNECT_MS = 500
"""How long a start waits to reach a running app before it becomes the running app."""
ANSWER_MS = 5000
"""How long a second start waits for the running app's ``ok``."""


def icon_files() -> list[Path]:
    """The icon files shipped with Coach: the SVG first, then PNGs from large to small."""
    folder = assets_dir() / "icons"
    pngs = sorted(folder.glob("coach-*.png"), key=lambda p: -int(p.stem.split("-")[1]))
    return [folder / "coach.svg", *pngs]


def app_icon() -> QIcon:
    """Coach's icon for windows, the dock and the task switcher (empty if the files are gone)."""
    icon = QIcon()
    for path in icon_files():
        if path.is_file():
            icon.addFile(str(path))
    return icon


def server_name() -> str:
    """The local socket's name: one per user and data folder (tests and portable copies differ)."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "user"
    digest = hashlib.sha256(f"{user}\0{data_dir().resolve()}".encode()).hexdigest()[:16]
    return f"coach-{digest}"


class SingleInstance(QObject):
    """The running app's socket; :meth:`claim` tells a first start from a later one.

    Signals
    -------
    activated(dict)
        A later start asked this app to come to the front; the dict holds its request
        (``{"import": path}`` when it was given a recording).
    """

    activated = Signal(dict)

    def __init__(self, name: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name or server_name()
        self.server: QLocalServer | None = None
        self.answer = ""
        """What the running app answered a later start (``ok``; empty when it did not answer)."""

    def claim(self, request: dict[str, Any] | None = None) -> bool:
        """True when this is the first start (it now listens); False when an app was running.

        A later start sends ``request`` to the running app, which raises its window.
        """
        lock = QLockFile(str(Path(tempfile.gettempdir()) / f"{self.name}.lock"))
        lock.setStaleLockTime(0)  # only a dead process's lock is stale
        lock.tryLock(ANSWER_MS)
        try:
            if self._hand_over(request or {}):
                return False
            QLocalServer.removeServer(self.name)  # a socket left by a crashed app
            server = QLocalServer(self)
            server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
            if not server.listen(self.name):
                return True  # cannot listen: run anyway rather than not at all
            server.newConnection.connect(self._on_connection)
            self.server = server
            return True
        finally:
            if lock.isLocked():
                lock.unlock()

    def _hand_over(self, request: dict[str, Any]) -> bool:
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(CONNECT_MS):
            return False
        socket.write(QByteArray(json.dumps(request).encode() + b"\n"))
        socket.flush()
        socket.waitForBytesWritten(ANSWER_MS)
        if socket.waitForReadyRead(ANSWER_MS):
            self.answer = bytes(socket.readAll().data()).decode(errors="replace").strip()
        socket.disconnectFromServer()
        return True

    def _on_connection(self) -> None:
        assert self.server is not None
        while (socket := self.server.nextPendingConnection()) is not None:
            socket.readyRead.connect(lambda s=socket: self._on_request(s))
            socket.disconnected.connect(socket.deleteLater)
            if socket.canReadLine():
                self._on_request(socket)

    def _on_request(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            return
        line = bytes(socket.readLine().data()).decode(errors="replace")
        try:
            request = json.loads(line)
        except ValueError:
            request = {}
        socket.write(QByteArray(b"ok\n"))
        socket.flush()
        self.activated.emit(request if isinstance(request, dict) else {})

    def close(self) -> None:
        """Stop listening (the app is quitting)."""
        if self.server is not None:
            self.server.close()
            self.server = None
