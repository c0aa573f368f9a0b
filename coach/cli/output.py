"""What the ``coach`` command writes: safe terminal text, strict JSON, checked output files, bug logs.

- Terminal: every character the CLI prints goes through :class:`SafeStream`, which shows control
  characters (ANSI escapes included) as ``\\x1b``-style text, so a title, talk, note or shared
  profile cannot recolour or rewrite the user's terminal. Newlines and tabs pass.
- JSON: :func:`dump_json` writes RFC 8259 JSON only: ``NaN`` and infinities become ``null``, and
  control characters JSON allows raw (DEL, C1) are written as ``\\u`` escapes.
- Output files (``--pdf``, ``--out``) are checked before any work with one rule: the folder must
  exist (Coach never creates it) and the name must not be a folder.
- A bug (any exception that is not a :class:`~coach.errors.CoachError`) is written with its
  traceback to ``coach.log`` in :func:`coach.paths.log_dir`; the user sees one line pointing there.
"""

from __future__ import annotations

import json
import math
import os
import re
import sys
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO

from coach.errors import ExportError

# C0 controls except tab and newline, DEL, the C1 block (U+009B is a one-character CSI) and lone
# surrogates (a file name that is not valid UTF-8), which no terminal encoding can write.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
# What JSON lets through unescaped that a terminal may still act on (or cannot encode).
_JSON_RAW = re.compile("[\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def _shown(ch: str) -> str:
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """``text`` with control characters (ANSI escapes, ``\\r``, bell, C1) shown as ``\\xNN``."""
    return _CONTROL.sub(lambda m: _shown(m.group()), text)


def one_line(text: str) -> str:
    """A user-given name (title, talk, profile name) on one line: newlines and tabs shown too."""
    return visible(text).replace("\n", "\\n").replace("\t", "\\t")


class SafeStream:
    """A text stream that writes :func:`visible` text to ``inner`` (``unescaped`` is ``inner``)."""

    def __init__(self, inner: TextIO) -> None:
        self.unescaped = inner

    def write(self, text: str) -> int:
        shown = visible(text)
        encoding = (getattr(self.unescaped, "encoding", None) or "utf-8").lower()
        if encoding.replace("-", "").replace("_", "") != "utf8":  # e.g. PYTHONIOENCODING=ascii
            shown = shown.encode(encoding, "backslashreplace").decode(encoding)
        self.unescaped.write(shown)
        return len(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.unescaped, name)


def unescaped(stream: Any) -> Any:
    """The stream under a :class:`SafeStream` (for the progress bar's carriage return)."""
    return getattr(stream, "unescaped", stream)


@contextmanager
def safe_terminal() -> Iterator[None]:
    """Route ``sys.stdout`` and ``sys.stderr`` through :class:`SafeStream` for a block."""
    saved = sys.stdout, sys.stderr
    sys.stdout = SafeStream(saved[0])
    sys.stderr = SafeStream(saved[1])
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


def json_safe(value: Any) -> Any:
    """``value`` with every non-finite float replaced by ``None`` (JSON has no NaN or Infinity)."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {str(k): json_safe(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [json_safe(v) for v in value]
    if isinstance(value, str | int | bool) or value is None:
        return value
    return str(value)


def json_text(data: Any) -> str:
    """Strict RFC 8259 JSON for ``data`` (see the module doc), indented one space."""
    text = json.dumps(json_safe(data), ensure_ascii=False, allow_nan=False, indent=1)
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def dump_json(data: Any, stream: TextIO | None = None) -> None:
    """Write :func:`json_text` and a newline to ``stream`` (default stdout)."""
    out = stream or sys.stdout
    out.write(json_text(data))
    out.write("\n")


def check_output_file(name: str | Path, *, what: str, suffix: str) -> Path:
    """Refuse an output path before any work is done; returns it as an absolute path.

    The rule for every file the CLI writes (``--pdf``, ``speak --out``): the folder must already
    exist and be writable, and the path must not be a folder.

    Raises
    ------
    ExportError
        With one sentence naming the path and what to do.
    """
    path = Path(name).expanduser().absolute()
    try:
        path.stat()
    except FileNotFoundError:
        pass
    except OSError as exc:  # a name too long, a file where a folder should be, a loop
        raise ExportError(f"The {what} cannot be written to {path}: {exc.strerror}.") from None
    if path.is_dir():
        raise ExportError(
            f"{path} is a folder; give a file name for the {what}, e.g. {path / ('out' + suffix)}."
        )
    if not path.parent.is_dir():
        raise ExportError(
            f"The folder {path.parent} does not exist, so the {what} cannot be written there; "
            "create it first or choose an existing folder."
        )
    if not os.access(path.parent, os.W_OK):
        raise ExportError(
            f"Cannot write the {what} to {path.parent}: permission denied; choose another folder."
        )
    return path


def log_bug(exc: BaseException, argv: list[str]) -> Path | None:
    """Append ``exc`` with its traceback to ``coach.log``; ``None`` if the log cannot be written."""
    from coach import __version__
    from coach.paths import log_dir

    try:
        path = log_dir() / "coach.log"
        with open(path, "a", encoding="utf-8", errors="backslashreplace") as log:
            log.write(f"--- {datetime.now().astimezone().isoformat(timespec='seconds')} "
                      f"coach {__version__} argv={argv!r}\n")  # fmt: skip
            log.write("".join(traceback.format_exception(exc)))
        return path
    except OSError:
        return None
