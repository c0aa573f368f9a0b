"""The class table: one row per talk, written as CSV, JSON or a terminal table.

Columns (CSV header and JSON keys): ``file``, ``talk``, ``duration_s``, ``words``, ``wpm``,
``figures_per_100_words``, ``figures_per_min``, ``hype_per_100_words``, ``match`` (0-100 against
the profile, Lei Jun style by default), ``top_tip`` and ``error`` (one line; empty when scored).
Timed columns are empty (CSV) or ``null`` (JSON) for typed scripts and failed talks.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Sequence
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

from coach.coaching.feedback import clock
from coach.coaching.review import Review
from coach.safe_write import write_atomic


@dataclass(frozen=True)
class TalkRow:
    """One talk in the class table (numbers rounded for people, not for further maths)."""

    file: str
    talk: str
    duration_s: float | None = None
    words: int | None = None
    wpm: float | None = None
    figures_per_100_words: float | None = None
    figures_per_min: float | None = None
    hype_per_100_words: float | None = None
    match: float | None = None
    top_tip: str = ""
    error: str = ""

    @property
    def failed(self) -> bool:
        """True when the talk could not be scored."""
        return bool(self.error)


COLUMNS = tuple(f.name for f in fields(TalkRow))
NUMERIC = {"duration_s", "wpm", "figures_per_100_words", "figures_per_min",
           "hype_per_100_words", "match"}  # fmt: skip


def _r(value: float | None, digits: int) -> float | None:
    return None if value is None else round(float(value), digits)


def scores_of(rv: Review) -> dict[str, Any]:
    """The class-table numbers of a review (everything but ``file``, ``talk`` and ``error``)."""
    values = rv.analysis.values
    timed = rv.transcript.timed
    tip = rv.feedback.tips[0] if rv.feedback.tips else None
    return {
        "duration_s": _r(rv.transcript.duration_s, 1) if timed else None,
        "words": int(rv.analysis.word_count),
        "wpm": _r(values.get("wpm"), 1) if timed else None,
        "figures_per_100_words": _r(values.get("number_density", 0.0), 2),
        "figures_per_min": _r(values.get("figures_per_min"), 2) if timed else None,
        "hype_per_100_words": _r(values.get("hype_rate", 0.0), 2),
        "match": _r(rv.feedback.score, 1),
        "top_tip": f"{tip.text} {tip.action}".strip() if tip else "",
    }


def make_row(file: str, talk: str, scores: dict[str, Any] | None, error: str = "") -> TalkRow:
    """A row from the numbers of :func:`scores_of` (or an error and no numbers)."""
    known = {k: v for k, v in (scores or {}).items() if k in COLUMNS}
    return TalkRow(file=file, talk=talk, error=error, **known)


# -- CSV ------------------------------------------------------------------------------------------


def _cell(value: Any) -> str:
    if value is None:
        return ""
    text = str(value)
    # a spreadsheet runs a cell starting with = + - @ as a formula: keep file names inert
    if text[:1] in ("=", "+", "-", "@", "\t", "\r") and not isinstance(value, int | float):
        text = "'" + text
    return text


def csv_text(rows: Sequence[TalkRow]) -> str:
    """The class table as CSV text (UTF-8, a header row, one row per talk)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([_cell(getattr(row, c)) for c in COLUMNS])
    return out.getvalue()


def write_csv(rows: Sequence[TalkRow], path: str | Path) -> Path:
    """Write the class table to ``path`` atomically (``ExportError`` with one sentence on failure)."""
    return write_atomic(csv_text(rows).encode("utf-8"), path)


def read_csv(path: str | Path) -> list[TalkRow]:
    """Read a class table written by :func:`write_csv` back into rows."""
    with Path(path).open(encoding="utf-8", newline="") as f:
        rows = []
        for rec in csv.DictReader(f):
            values: dict[str, Any] = {}
            for column in COLUMNS:
                text = rec.get(column, "") or ""
                if column in NUMERIC:
                    values[column] = float(text) if text else None
                elif column == "words":
                    values[column] = int(text) if text else None
                else:
                    values[column] = text[1:] if text[:2] in ("'=", "'+", "'-", "'@") else text
            rows.append(TalkRow(**values))
    return rows


# -- JSON and terminal ----------------------------------------------------------------------------


def json_object(rows: Sequence[TalkRow], **about: Any) -> dict[str, Any]:
    """The class table as one JSON-ready object: ``about`` keys, counts and ``rows``."""
    return {
        **about,
        "talks": len(rows),
        "failed": sum(r.failed for r in rows),
        "rows": [asdict(r) for r in rows],
    }


def _plain(text: str) -> str:
    """Text safe for a terminal: control characters (escape sequences too) become '?'."""
    return "".join("?" if unicodedata.category(ch).startswith("C") else ch for ch in text)


def _fmt(value: float | int | None, spec: str) -> str:
    return "-" if value is None else format(value, spec)


def format_table(rows: Sequence[TalkRow], *, profile_name: str = "") -> str:
    """The class table for the terminal, best match first, failures last with their error."""
    done = sorted((r for r in rows if not r.failed), key=lambda r: -(r.match or 0))
    failed = [r for r in rows if r.failed]
    width = min(40, max([4, *(len(_plain(r.file)) for r in rows)]))
    head = (f"{'file':<{width}}  {'match':>5}  {'time':>5}  {'words':>5}  {'wpm':>4}  "
            f"{'fig/100w':>8}  {'fig/min':>7}  {'hype/100w':>9}  top tip")  # fmt: skip
    lines = [head]
    for r in done:
        lines.append(
            f"{_plain(r.file)[:width]:<{width}}  {_fmt(r.match, '.0f'):>5}  "
            f"{clock(r.duration_s) or '-':>5}  {_fmt(r.words, 'd'):>5}  {_fmt(r.wpm, '.0f'):>4}  "
            f"{_fmt(r.figures_per_100_words, '.2f'):>8}  {_fmt(r.figures_per_min, '.2f'):>7}  "
            f"{_fmt(r.hype_per_100_words, '.2f'):>9}  {_plain(r.top_tip)}"
        )
    for r in failed:
        lines.append(f"{_plain(r.file)[:width]:<{width}}  FAILED: {_plain(r.error)}")
    scores = [r.match for r in done if r.match is not None]
    if scores:
        mean = sum(scores) / len(scores)
        who = f"{profile_name} match" if profile_name else "match"
        lines.append(f"\n{len(done)} scored, {len(failed)} failed; mean {who} {mean:.0f}/100.")
    else:
        lines.append(f"\n0 scored, {len(failed)} failed.")
    return "\n".join(lines)
