"""The engine never imports Qt, and its stages import one way only."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

COACH = Path(__file__).resolve().parents[1] / "coach"

# Stages in the order data passes through them; a module may import the root and its own stage
# or an earlier one, never a later one (docs/design/architecture.md).
STAGES = [
    "",
    "transcript",
    "analysis",
    "coaching",
    "script",
    "slides",
    "store",
    "report",
    "voice",
    "batch",
    "cli",
]


def test_importing_the_engine_loads_no_qt() -> None:
    """Importing every coach module (subpackages included) in a fresh interpreter loads no Qt."""
    code = (
        "import importlib, pkgutil, sys, coach\n"
        "names = [m.name for m in pkgutil.walk_packages(coach.__path__, 'coach.')]\n"
        "names = [n for n in names if not n.endswith('__main__')]\n"
        "for n in names:\n"
        "    importlib.import_module(n)\n"
        "qt = [name for name in sys.modules if name.startswith(('PySide6', 'shiboken6'))]\n"
        "print(len(names)); assert not qt, qt\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.split()[-1]) >= 45  # every module was reached


def _stage(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 2 else ""  # coach.x is the root; coach.pkg.x is stage pkg


def _imports(path: Path) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
            names += [f"{node.module}.{a.name}" for a in node.names]
        elif isinstance(node, ast.Import):
            names += [a.name for a in node.names]
    return [n for n in names if n.split(".")[0] == "coach"]


def test_stages_import_one_way() -> None:
    """No module imports a later stage (lazy imports inside functions included)."""
    wrong = []
    for path in COACH.rglob("*.py"):
        rel = path.relative_to(COACH.parent).with_suffix("")
        own = _stage(".".join(rel.parts))
        if rel.parts[-1] == "__init__" and len(rel.parts) == 3:
            own = rel.parts[1]
        if rel.parts[-1] == "__main__":
            own = "cli"  # `python -m coach` is the command line
        for name in _imports(path):
            parts = name.split(".")
            target = parts[1] if len(parts) > 1 and parts[1] in STAGES else ""
            if STAGES.index(target) > STAGES.index(own):
                wrong.append(f"{rel} imports {name}")
    assert not wrong, wrong
    assert STAGES.index("cli") > STAGES.index("report")  # the CLI sits on top of everything


def test_no_module_is_over_500_lines() -> None:
    """Modules stay readable: none of coach/ or ui/ is over ~500 lines."""
    roots = [COACH, COACH.parent / "ui"]
    long = [
        f"{p.relative_to(COACH.parent)}: {n}"
        for root in roots
        for p in root.rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > 520
    ]
    assert not long, long
