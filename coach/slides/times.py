"""When each slide came up: slide changes, and the ``slide,start_s`` CSV files that carry them.

A rehearsal with slides has one :class:`SlideChange` per slide shown, in the order shown: the
slide's number (1-based) and the second of the recording it appeared. Going back to a slide is
another change. The CSV form has the header ``slide,start_s`` (other columns are ignored) and one
row per change, so times from another tool, or from a saved rehearsal (``coach slides times``),
can be read back.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from coach.slides.deck import SlideError

MAX_ROWS = 100_000


@dataclass(frozen=True)
class SlideChange:
    """Slide ``slide`` (1-based) came up ``start_s`` seconds into the recording."""

    slide: int
    start_s: float


def _number(text: str, what: str, where: str) -> float:
    try:
        value = float(text.strip())
    except ValueError:
        raise SlideError(f"{where}: '{text.strip()[:20]}' is not a {what}.") from None
    if not math.isfinite(value):
        raise SlideError(f"{where}: '{text.strip()[:20]}' is not a {what}.")
    return value


def parse_slide_times(
    text: str, *, slide_count: int | None = None, name: str = "the slide times"
) -> tuple[SlideChange, ...]:
    """Read slide changes from CSV text with a ``slide,start_s`` header.

    Rows must have whole slide numbers from 1 (to ``slide_count`` when given) and start times
    in seconds that never go back. Rows showing the slide already on screen are dropped.

    Raises
    ------
    SlideError
        One sentence naming the line and what is wrong with it.
    """
    text = text.lstrip("\ufeff")
    rows = list(csv.reader(io.StringIO(text)))
    rows = [r for r in rows if any(cell.strip() for cell in r)]
    if not rows:
        raise SlideError(
            f"{name} is empty; it needs a header 'slide,start_s' and one row per slide shown."
        )
    header = [h.strip().lower() for h in rows[0]]
    if "slide" not in header or "start_s" not in header:
        raise SlideError(
            f"{name} needs a header line 'slide,start_s' (found '{','.join(rows[0])[:60]}')."
        )
    if len(rows) > MAX_ROWS:
        raise SlideError(f"{name} has {len(rows) - 1:,} rows; at most {MAX_ROWS:,} are read.")
    col_slide, col_start = header.index("slide"), header.index("start_s")
    changes: list[SlideChange] = []
    for line, row in enumerate(rows[1:], 2):
        where = f"{name}, line {line}"
        if len(row) <= max(col_slide, col_start):
            raise SlideError(f"{where} has no '{header[max(col_slide, col_start)]}' value.")
        number = _number(row[col_slide], "slide number", where)
        if number != int(number) or number < 1:
            raise SlideError(
                f"{where}: slide numbers are whole numbers from 1 (found {row[col_slide].strip()})."
            )
        if slide_count is not None and number > slide_count:
            raise SlideError(
                f"{where}: there is no slide {int(number)}; the deck has {slide_count}."
            )
        start = _number(row[col_start], "time in seconds", where)
        if start < 0:
            raise SlideError(f"{where}: times start at 0 s (found {start:g}).")
        if changes and start < changes[-1].start_s:
            raise SlideError(
                f"{where}: {start:g} s comes before the row above ({changes[-1].start_s:g} s); "
                "list the slides in the order they were shown."
            )
        if changes and changes[-1].slide == int(number):
            continue
        changes.append(SlideChange(int(number), start))
    if not changes:
        raise SlideError(f"{name} has a header but no rows; add one row per slide shown.")
    return tuple(changes)


def read_slide_times(
    path: str | Path, *, slide_count: int | None = None
) -> tuple[SlideChange, ...]:
    """Read a ``slide,start_s`` CSV file (see :func:`parse_slide_times`)."""
    path = Path(path).expanduser()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise SlideError(f"There is no file {path}; check the name and the folder.") from None
    except OSError as exc:
        raise SlideError(f"Cannot read {path}: {exc.strerror}.") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise SlideError(f"{path.name} is not a UTF-8 text (CSV) file.") from None
    return parse_slide_times(text, slide_count=slide_count, name=path.name)


def read_slide_targets(path: str | Path, *, slide_count: int | None = None) -> dict[int, float]:
    """Read a ``slide,target_s`` CSV file: the time planned for each slide, in seconds."""
    path = Path(path).expanduser()
    try:
        rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    except FileNotFoundError:
        raise SlideError(f"There is no file {path}; check the name and the folder.") from None
    except (OSError, UnicodeDecodeError):
        raise SlideError(f"Cannot read {path.name} as a UTF-8 CSV file.") from None
    targets: dict[int, float] = {}
    for line, row in enumerate(rows, 2):
        where = f"{path.name}, line {line}"
        slide, target = row.get("slide"), row.get("target_s")
        if slide is None or target is None:
            raise SlideError(f"{path.name} needs a header line 'slide,target_s'.")
        number = _number(slide, "slide number", where)
        seconds = _number(target, "time in seconds", where)
        if number != int(number) or number < 1 or (slide_count and number > slide_count):
            raise SlideError(f"{where}: there is no slide {slide.strip()} in the deck.")
        if seconds <= 0:
            raise SlideError(f"{where}: a slide's target time must be above 0 s.")
        targets[int(number)] = seconds
    return targets


def slide_times_csv(changes: Sequence[SlideChange]) -> str:
    """The CSV text (header ``slide,start_s``) of slide changes."""
    out = io.StringIO()
    out.write("slide,start_s\n")
    for c in changes:
        out.write(f"{c.slide},{c.start_s:.2f}\n")
    return out.getvalue()


def visits(changes: Sequence[SlideChange], end_s: float) -> Mapping[int, list[tuple[float, float]]]:
    """Each slide's time on screen as ``(start_s, end_s)`` visits; the last runs to ``end_s``."""
    out: dict[int, list[tuple[float, float]]] = {}
    for i, c in enumerate(changes):
        stop = changes[i + 1].start_s if i + 1 < len(changes) else max(end_s, c.start_s)
        if stop > c.start_s or i + 1 == len(changes):
            out.setdefault(c.slide, []).append((c.start_s, stop))
    return out
