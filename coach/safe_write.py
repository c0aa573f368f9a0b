"""Write a file so that a failure never leaves half of it behind.

The data goes to a temporary file in the target folder, is flushed to disk, then renamed over the
target (atomic on POSIX and Windows). Failures become one :class:`~coach.errors.ExportError`
sentence: missing folder, permission denied, full disk, read-only drive, file open elsewhere.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path

from coach.errors import ExportError


def explain_write_error(exc: OSError, path: Path) -> str:
    """One sentence for a failed write, with what to do next."""
    code = exc.errno
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return f"The disk is full: {path} could not be written; free some space or choose another drive."
    if getattr(exc, "winerror", None) in (32, 33):
        return f"{path} is open in another program; close it there and export again."
    if isinstance(exc, IsADirectoryError):
        return f"{path} is a folder; give a file name ending in .pdf."
    if code == errno.EROFS:
        return f"Cannot write {path}: the drive is read-only; choose another folder."
    if isinstance(exc, PermissionError) or code in (errno.EACCES, errno.EPERM):
        return (f"Cannot write {path}: permission denied (or the file is open in another "
                "program); choose a folder you can write to.")  # fmt: skip
    if isinstance(exc, FileNotFoundError | NotADirectoryError):
        return f"The folder {path.parent} does not exist; choose an existing folder."
    return f"Could not write {path}: {exc.strerror or exc}."


def write_atomic(data: bytes, out_path: str | Path) -> Path:
    """Write ``data`` to ``out_path`` through a temporary file in the same folder and a rename.

    Raises
    ------
    ExportError
        With one sentence for a missing folder, permission denied, a full disk or a locked file;
        no partial file is left behind.
    """
    path = Path(out_path).expanduser().absolute()
    if path.is_dir():
        raise ExportError(f"{path} is a folder; give a file name ending in .pdf.")
    if not path.parent.is_dir():
        raise ExportError(f"The folder {path.parent} does not exist; choose an existing folder.")
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
        tmp = None
    except OSError as exc:
        raise ExportError(explain_write_error(exc, path)) from None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    return path
