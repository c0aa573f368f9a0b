"""Rebuild ``cmudict-syllables.txt.gz`` from a CMU Pronouncing Dictionary file.

Usage: ``python assets/syllables/make_table.py PATH/TO/cmudict.dict``

The dictionary (BSD-2-Clause, see LICENSE-cmudict.txt) lists ``word PH ON1 EH0 S`` lines; the
syllables of a word are the stress-marked vowels of its first pronunciation. The table groups the
words by syllable count: a line holding only a number starts a group, one word per line follows.
"""

from __future__ import annotations

import collections
import gzip
import sys
from pathlib import Path

OUT = Path(__file__).with_name("cmudict-syllables.txt.gz")


def main(source: str) -> None:
    groups: dict[int, list[str]] = collections.defaultdict(list)
    for line in Path(source).read_text(encoding="utf-8").splitlines():
        word, _, phones = line.partition(" ")
        if not word or "(" in word or word.startswith(";;;"):  # "(2)": another pronunciation
            continue
        phones = phones.split("#", 1)[0]  # comments after a pronunciation
        groups[sum(ch.isdigit() for ch in phones)].append(word)
    text = "".join(f"{n}\n" + "\n".join(sorted(ws)) + "\n" for n, ws in sorted(groups.items()))
    # mtime=0: the same dictionary always gives the same bytes
    OUT.write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))
    print(f"{OUT.name}: {sum(map(len, groups.values()))} words, {OUT.stat().st_size} bytes")


if __name__ == "__main__":
    main(sys.argv[1])
