"""Derive the Lei Jun profile's figure-density target from the speech lines quoted in the article.

Reads the shared reference article (not part of this repository), takes every line that is a
direct quote of the speech (a line that starts and ends with a double quote), and runs Coach's
analyser over them. Prints the counts the profile's ``number_density`` band is based on; see
docs/design/profile-targets.md. Usage: ``python bench/derive_profile.py [ARTICLE]``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from coach.analysis.analyse import analyse
from coach.analysis.numbers import find_figures
from coach.text import transcript_from_text

DEFAULT = (
    Path(__file__).resolve().parents[2] / "shared" / "reference" / "courage-speech-article.txt"
)


def quoted_lines(text: str) -> list[str]:
    """Lines that are whole quotations of the speech."""
    out = []
    for line in text.splitlines():
        line = line.strip()
        if len(line) > 20 and line[0] in '"“' and line[-1] in '"”':
            out.append(line.strip('"“”'))
    return out


def main() -> int:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    if not path.exists():
        print(f"Reference article not found at {path}; pass its path.", file=sys.stderr)
        return 2
    lines = quoted_lines(path.read_text(encoding="utf-8"))
    text = "\n\n".join(lines)
    t = transcript_from_text(text)
    figs = [f for f in find_figures(t.words) if f.kind == "figure"]
    a = analyse(t)
    per_line = []
    for line in lines:
        lt = transcript_from_text(line)
        n = len(lt.words)
        k = sum(1 for f in find_figures(lt.words) if f.kind == "figure")
        per_line.append(100 * k / n if n else 0.0)
    per_line.sort()
    print(f"quoted speech lines: {len(lines)}")
    print(
        f"words: {len(t.words)}  concrete figures: {len(figs)}  vague: "
        f"{sum(1 for f in a.figures if f.kind == 'vague')}"
    )
    print(f"figures per 100 words (all quotes): {a.values['number_density']:.2f}")
    print(
        f"per-line density: min {per_line[0]:.1f}, median {per_line[len(per_line) // 2]:.1f}, "
        f"max {per_line[-1]:.1f}"
    )
    print(
        f"hype per 100 words: {a.values['hype_rate']:.2f}; words per sentence: "
        f"{a.values['words_per_sentence']:.1f}; Flesch: {a.values['flesch']:.0f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
