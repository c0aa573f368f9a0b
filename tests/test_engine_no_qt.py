"""The engine never imports Qt."""

from __future__ import annotations

import subprocess
import sys


def test_importing_the_engine_loads_no_qt() -> None:
    """Importing every coach module in a fresh interpreter loads no PySide6 module."""
    code = (
        "import importlib, pkgutil, sys, coach\n"
        "for m in pkgutil.iter_modules(coach.__path__):\n"
        "    if m.name != '__main__':\n"
        "        importlib.import_module('coach.' + m.name)\n"
        "qt = [name for name in sys.modules if name.startswith(('PySide6', 'shiboken6'))]\n"
        "print(len(qt)); assert not qt, qt\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
