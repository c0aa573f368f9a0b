"""The installed PySide6 keeps Python's reference counts straight (6.12.0 did not, on 3.11)."""

from __future__ import annotations

import os
import subprocess
import sys

# None's reference count is one number for the whole process, and more than these calls move it:
# any other Python thread (a file still decoding for a player, tqdm's monitor), and PySide6's
# own set-up the first time a type or method is used (165 references here). So the calls are
# counted in a process of their own, where nothing else runs, after one warm-up round.

_COUNT = """
import sys
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication, QLabel

app = QApplication([])
label = QLabel()
image = QImage(40, 10, QImage.Format.Format_ARGB32)
painter = QPainter(image)


def calls(rounds):
    for _ in range(rounds):
        label.setText("x")
        painter.setBrush(QColor("red"))
        painter.drawRect(QRectF(0, 0, 2, 3))


calls(1)
before = sys.getrefcount(None)
calls(500)
after = sys.getrefcount(None)
painter.end()
print(before - after)
"""


def test_void_calls_do_not_leak_references_to_none():
    """1500 void Qt calls leave None's reference count where it was (6.12.0 lost one per call)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", _COUNT], env=env, capture_output=True, text=True, timeout=120
    )
    printed = done.stdout.split()
    assert printed, f"the counting process printed nothing: {done.stderr}"
    lost = int(printed[-1])
    assert abs(lost) < 50, f"None lost {lost} references"
    assert done.returncode == 0, done.stderr  # 6.12.0 also aborts at exit: "deallocating None"
