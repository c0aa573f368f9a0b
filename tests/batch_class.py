"""A small class folder for the batch tests: good and bad talks, made at test time.

Scripts are written here; the recordings are espeak-ng speech (``tests.speech``, cached under
``tests/out/speech``), so nothing with a licence of its own is involved. Bad talks: a binary file
named ``.txt``, random bytes named ``.wav``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from coach.transcript.decode import load_audio, write_wav
from tests.speech import build_rehearsal

SCRIPTS = {
    "alice.txt": "Three years ago we had 12 engineers and 40,000 dollars. Why did we fail? "
    "Because we sold hype. This is a revolutionary, world-class platform.",
    "week2/bob.md": "Last spring 300 customers wrote to us. We answered 280 of them in 2 days. "
    "I am not sure we did enough. Thank you.",
}
SPOKEN = ["In 2019 we sold 5000 phones in 3 days.", 0.6, "That was our first year."]
BAD = ("week2/broken.txt", "noise.wav")
MODEL = "tiny.en"


@dataclass(frozen=True)
class ClassFolder:
    """Where the class is and the truth about its talks."""

    root: Path
    clip_duration_s: float
    clip_words: int

    @property
    def good(self) -> list[str]:
        """Relative names of the talks that should score."""
        return sorted([*SCRIPTS, "clip.wav"])


def make_class(root: Path, *, clips: int = 1) -> ClassFolder:
    """Write the class into ``root``: the two scripts, ``clips`` spoken clips, the two bad files.

    Extra clips (``clip2.wav`` …) are the same speech with a different length of trailing silence,
    so each has its own content hash.
    """
    for name, text in SCRIPTS.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text + "\n", encoding="utf-8")
    (root / BAD[0]).write_bytes(b"\x00\x01\x02 not a script")
    (root / BAD[1]).write_bytes(np.random.default_rng(18).bytes(6000))
    reh = build_rehearsal(SPOKEN, rate=160, name="batch_clip")
    samples, _ = load_audio(reh.path)
    for k in range(clips):
        name = "clip.wav" if k == 0 else f"clip{k + 1}.wav"
        write_wav(root / name, np.concatenate([samples, np.zeros(k * 1600, np.float32)]))
    os.utime(root)
    return ClassFolder(root, reh.duration_s, len(reh.words))
