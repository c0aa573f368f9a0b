"""Decoding audio files of every common kind, and refusing bad ones with one clear sentence."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import av
import numpy as np
import pytest
import soundfile as sf

from coach.cli.core import main
from coach.errors import AudioInputError
from coach.transcript.decode import RATE, load_audio, write_wav
from tests.speech import synthesize

TEXT = "We sold 5000 phones in the first week"


@pytest.fixture(scope="module")
def speech() -> np.ndarray:
    """A short real utterance at 16 kHz."""
    return synthesize(TEXT, rate=170)


def _encode(path: Path, samples: np.ndarray, rate: int, codec: str) -> Path:
    """Write mono float samples with PyAV in ``codec`` (lossy formats for tests)."""
    pcm = (np.clip(samples, -1, 1) * 32767).astype(np.int16).reshape(1, -1)
    with av.open(str(path), "w") as container:
        stream = container.add_stream(codec, rate=rate, layout="mono")
        frame = av.AudioFrame.from_ndarray(pcm, format="s16", layout="mono")
        frame.sample_rate = rate
        for packet in stream.encode(frame):
            container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
    return path


def _resample(samples: np.ndarray, rate: int) -> np.ndarray:
    n = int(len(samples) * rate / RATE)
    return np.interp(np.arange(n) * RATE / rate, np.arange(len(samples)), samples).astype(
        np.float32
    )


def _envelope_corr(a: np.ndarray, b: np.ndarray) -> float:
    """Best correlation of 20 ms loudness envelopes within ±200 ms (codecs add delay)."""
    n = min(len(a), len(b)) // 320 * 320
    ea = np.abs(a[:n]).reshape(-1, 320).mean(axis=1)
    eb = np.abs(b[:n]).reshape(-1, 320).mean(axis=1)
    best = -1.0
    for lag in range(-10, 11):
        x, y = (ea[lag:], eb[: len(eb) - lag]) if lag >= 0 else (ea[:lag], eb[-lag:])
        best = max(best, float(np.corrcoef(x, y)[0, 1]))
    return best


@pytest.mark.parametrize(
    ("name", "rate", "channels", "codec"),
    [
        ("s16.wav", 16000, 1, None),
        ("tel8k.wav", 8000, 1, None),
        ("studio48k_stereo.wav", 48000, 2, None),
        ("lossless.flac", 22050, 1, None),
        ("apple.aiff", 44100, 1, None),
        ("talk.mp3", 16000, 1, "libmp3lame"),
        ("talk.m4a", 16000, 1, "aac"),
        ("talk.ogg", 48000, 1, "libopus"),
    ],
)
def test_formats_decode_to_16k_mono(tmp_path, speech, name, rate, channels, codec) -> None:
    """Every format, rate and channel count comes back as the same 16 kHz mono speech."""
    data = _resample(speech, rate)
    path = tmp_path / name
    if codec:
        _encode(path, data, rate, codec)
    else:
        frames = np.stack([data] * channels, axis=1) if channels > 1 else data
        sf.write(path, frames, rate)
    samples, duration = load_audio(path)
    assert samples.dtype == np.float32 and samples.ndim == 1
    # AAC adds up to two 64 ms frames of priming and padding.
    assert duration == pytest.approx(len(speech) / RATE, abs=0.15)
    assert len(samples) == pytest.approx(duration * RATE, abs=1)
    assert _envelope_corr(samples, speech) > 0.9
    # Averaging channels must not clip a loud stereo file (FFmpeg's downmix would).
    assert np.abs(samples).max() <= np.abs(speech).max() * 1.1 + 0.01


def _write_bad(tmp_path: Path, kind: str, speech: np.ndarray) -> Path:
    good = write_wav(tmp_path / "good.wav", speech)
    mp3 = _encode(tmp_path / "good.mp3", speech, RATE, "libmp3lame")
    path = tmp_path / {"mp3cut": "cut.mp3"}.get(kind, f"{kind}.wav")
    if kind == "empty":
        path.write_bytes(b"")
    elif kind == "text":
        path.write_text("These are my speaker notes, not audio.\n" * 20)
    elif kind == "cut":
        path.write_bytes(good.read_bytes()[: good.stat().st_size // 3])
    elif kind == "header_only":
        path.write_bytes(good.read_bytes()[:30])
    elif kind == "mp3cut":
        path.write_bytes(mp3.read_bytes()[: mp3.stat().st_size // 3])
    elif kind == "missing":
        pass
    return path


@pytest.mark.parametrize("kind", ["empty", "text", "cut", "header_only", "mp3cut", "missing"])
def test_bad_files_raise_one_sentence(tmp_path, speech, kind) -> None:
    """Zero-length, renamed text, truncated and missing files raise AudioInputError naming the file."""
    path = _write_bad(tmp_path, kind, speech)
    with pytest.raises(AudioInputError) as err:
        load_audio(path)
    message = str(err.value)
    assert path.name in message and "\n" not in message and message.endswith(".")


def test_cli_bad_audio_exits_2_with_one_line(tmp_path, speech, capsys) -> None:
    """`coach analyze` on a text file renamed .wav prints one line on stderr and exits 2."""
    path = _write_bad(tmp_path, "text", speech)
    code = main(["analyze", str(path), "--json"])
    err = capsys.readouterr().err.strip()
    assert code == 2
    assert err.count("\n") == 0 and "not a readable audio file" in err
    assert "Traceback" not in err


def test_folder_is_refused(tmp_path) -> None:
    """A folder given as audio is refused, not decoded."""
    with pytest.raises(AudioInputError, match="folder"):
        load_audio(tmp_path)


def test_write_wav_round_trip(tmp_path, speech) -> None:
    """write_wav stores 16-bit PCM that load_audio reads back within quantisation error."""
    path = write_wav(tmp_path / "sub" / "x.wav", speech)
    back, duration = load_audio(path)
    assert duration == pytest.approx(len(speech) / RATE, abs=1e-3)
    assert np.max(np.abs(back - speech)) < 1e-3


def test_long_stereo_file_is_streamed(tmp_path, speech) -> None:
    """A 2-minute 48 kHz stereo file decodes holding about one 16 kHz copy, not a full-rate one."""
    minutes = 2.0
    reps = int(minutes * 60 * RATE / len(speech)) + 1
    long = np.tile(speech, reps)[: int(minutes * 60 * RATE)]
    hi = _resample(long, 48000)
    path = tmp_path / "long.wav"
    sf.write(path, np.stack([hi, hi], axis=1), 48000, subtype="PCM_16")
    del hi
    tracemalloc.start()
    samples, duration = load_audio(path)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert duration == pytest.approx(minutes * 60, abs=0.1)
    out_bytes = samples.nbytes
    # A full-rate stereo float copy alone would be 6x the output.
    assert peak < 2.5 * out_bytes


def test_cli_silence_says_no_speech(tmp_path, capsys) -> None:
    """A recording of pure silence is reported as 'No speech found' in one line, exit 2."""
    path = write_wav(tmp_path / "quiet.wav", np.zeros(RATE * 3, dtype=np.float32))
    code = main(["analyze", str(path), "--json"])
    err = capsys.readouterr().err.strip()
    assert code == 2 and err == "coach: No speech found in quiet.wav (3.0 s of audio)."


def test_bundled_demo_sample_is_small_speech() -> None:
    """The spoken demo is under 1 MB, about a minute long, and mostly speech with pauses."""
    from coach.paths import samples_dir
    from coach.transcript.vad import speech_segments

    path = samples_dir() / "demo.ogg"
    assert path.stat().st_size < 1_000_000
    samples, duration = load_audio(path)
    assert 40 < duration < 70
    segments = speech_segments(samples)
    assert len(segments) >= 8
    assert sum(b - a for a, b in segments) > 0.7 * duration
    assert (samples_dir() / "demo-spoken.txt").read_text().count("?") == 1


@pytest.mark.parametrize("channels", [8, 16, 32])
def test_many_channels_downmix_cleanly(tmp_path, speech, channels) -> None:
    """8, 16 and 32-channel files (PyAV crashed the process from 8 on) decode, in a child process,
    to the average of their channels."""
    import subprocess
    import sys

    frames = np.zeros((len(speech), channels), dtype=np.float32)
    frames[:, 0] = speech
    frames[:, -1] = speech
    path = tmp_path / f"{channels}ch.wav"
    sf.write(path, frames, 44100 if channels == 8 else RATE, subtype="PCM_16")
    code = (
        "import numpy as np; from coach.transcript.decode import load_audio\n"
        f"s, d = load_audio({str(path)!r}); print(d, float(np.abs(s).max()))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert out.returncode == 0, out.stderr[-300:]
    duration, peak = map(float, out.stdout.split())
    rate = 44100 if channels == 8 else RATE
    assert duration == pytest.approx(len(speech) / rate, abs=0.01)
    assert peak == pytest.approx(np.abs(speech).max() * 2 / channels, rel=0.05)
