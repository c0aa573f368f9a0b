"""PDF export time for a 30-minute session (goal <= 1.5 s).

Builds a timed review of a ~4,300-word, ~29-minute talk (made-up but consistent word times and
pauses, from ``tests/timed_talk.py``), then times ``export_pdf`` to a temporary folder: the first
export in the process (fonts registered, matplotlib warmed up) and the median of five more.
Prints the page count and file size too.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from coach.coaching.review import review  # noqa: E402
from coach.report.pdf import export_pdf  # noqa: E402
from tests.timed_talk import talk_text, timed_transcript  # noqa: E402

GOAL_S = 1.5


def main() -> None:
    """Time the export and print the figures."""
    rv = review(timed_transcript(talk_text(4300), wpm=150))
    minutes = (rv.transcript.duration_s or 0) / 60
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "report.pdf"
        start = time.perf_counter()
        export_pdf(rv, out, title="Thirty-minute bench")
        first = time.perf_counter() - start
        runs = []
        for _ in range(5):
            start = time.perf_counter()
            export_pdf(rv, out, title="Thirty-minute bench")
            runs.append(time.perf_counter() - start)
        size_kb = out.stat().st_size / 1024
        pages = out.read_bytes().count(b"/Type /Page\n") or out.read_bytes().count(b"/Type /Page")
    median = statistics.median(runs)
    print(f"PDF export, {rv.analysis.word_count} words, {minutes:.1f} min talk, "
          f"{pages} pages, {size_kb:.0f} KB")  # fmt: skip
    print(f"  first export in process: {first:.2f} s")
    print(f"  median of 5 more:        {median:.2f} s (best {min(runs):.2f} s)  goal <= {GOAL_S} s"
          f"  {'OK' if median <= GOAL_S else 'OVER'}")  # fmt: skip


if __name__ == "__main__":
    main()
