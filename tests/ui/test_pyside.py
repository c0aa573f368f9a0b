"""The installed PySide6 keeps Python's reference counts straight (6.12.0 did not, on 3.11)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QLabel


def test_void_calls_do_not_leak_references_to_none(qtbot):
    """A thousand void Qt calls leave None's reference count where it was."""
    label = QLabel()
    qtbot.addWidget(label)
    image = QImage(40, 10, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    before = sys.getrefcount(None)
    for _ in range(500):
        label.setText("x")
        painter.setBrush(QColor("red"))
        painter.drawRect(QRectF(0, 0, 2, 3))
    after = sys.getrefcount(None)
    painter.end()
    assert abs(after - before) < 50, f"None lost {before - after} references"
