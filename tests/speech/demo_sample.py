"""Rebuild the bundled spoken demo ``assets/samples/demo.ogg`` from ``demo-spoken.txt``.

Run: ``.venv/bin/python -m tests.speech.demo_sample``. Each sentence is spoken by espeak-ng
(pyttsx3) and joined with 0.6 s pauses (1.0 s between paragraphs); the result is 16 kHz mono
Ogg Opus at 24 kbit/s, well under 1 MB.
"""

from __future__ import annotations

import re
import sys

import av
import numpy as np

from coach.paths import samples_dir
from coach.transcript.decode import RATE
from tests.speech import build_rehearsal


def main() -> int:
    script = (samples_dir() / "demo-spoken.txt").read_text(encoding="utf-8")
    parts: list[str | float] = []
    for paragraph in [p for p in script.split("\n\n") if p.strip()]:
        if parts:
            parts.append(1.0)
        for k, sentence in enumerate(re.split(r"(?<=[.?!])\s+", paragraph.strip())):
            if k:
                parts.append(0.6)
            parts.append(sentence)
    reh = build_rehearsal(parts, rate=150, name="demo", lead_s=0.4, tail_s=0.6)
    from coach.transcript.decode import load_audio

    samples, _ = load_audio(reh.path)
    pcm = (np.clip(samples, -1, 1) * 32767).astype(np.int16).reshape(1, -1)
    out = samples_dir() / "demo.ogg"
    with av.open(str(out), "w") as container:
        stream = container.add_stream("libopus", rate=RATE, layout="mono")
        stream.bit_rate = 24000
        frame = av.AudioFrame.from_ndarray(pcm, format="s16", layout="mono")
        frame.sample_rate = RATE
        for packet in stream.encode(frame):
            container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
    print(f"{out}: {reh.duration_s:.1f} s, {out.stat().st_size / 1024:.0f} KiB, {reh.wpm:.0f} wpm")
    return 0


if __name__ == "__main__":
    sys.exit(main())
