"""Text-to-speech engine: pyttsx3 driven from a worker process, and its rate calibration.

pyttsx3 speaks through espeak-ng on Linux, SAPI5 on Windows and NSSpeechSynthesizer on macOS. It
runs here in a short-lived worker process (``python -m coach.voice.tts --worker``), one per batch of
utterances, because its engine is a per-process singleton that misbehaves when re-initialised, the
espeak driver prints to stdout, returns from ``runAndWait()`` before a long file is written, and
ignores a rate changed between utterances. The worker sets the rate once, then for each utterance
waits for the driver's ``finished-utterance`` event and for a complete audio file.

The driver's rate setting is not words per minute (espeak-ng runs ≈ 1.18 × faster here):
:func:`calibrate` measures the factor once per driver and voice and caches it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from coach.errors import VoiceError

SILENCE_LEVEL = 0.003
"""|sample| below this (≈ -50 dBFS) counts as silence when trimming synthesised speech."""

_EDGE_S = 0.005  # kept around trimmed speech so onsets and releases are not cut
RATE_RANGE = (80, 450)
"""Rate settings espeak-ng accepts; other drivers clip on their own."""

_CALIBRATION_TEXT = (
    "Good evening, everyone. Thank you for coming tonight. I want to tell you a story about a "
    "small team with a simple idea: make good things, and sell them at an honest price. It was "
    "not easy. We made mistakes, and we learned from every one of them. Tonight I will show you "
    "what we built, why we built it, and what comes next."
)
_CALIBRATION_RATES = (130, 170, 210)
MAX_WORD_CHARS = 80
"""Longer "words" (a pasted hash, a run of thousands of digits) are refused before synthesis:
espeak-ng spells them out letter by letter for minutes, and crashes on very long ones."""
_NO_AUDIO = "Text-to-speech wrote no audio for"


@dataclass(frozen=True)
class Calibration:
    """How a driver's rate setting maps to words per minute: ``wpm ≈ factor × rate``.

    ``spread`` is the largest relative deviation of one measured point from the factor;
    ``points`` the measured ``(rate setting, words per minute)`` pairs.
    """

    driver: str
    voice: str
    factor: float
    spread: float
    points: tuple[tuple[int, float], ...]


def install_hint(platform: str | None = None) -> str:
    """The sentence telling the user what to install for speech on ``platform`` (``sys.platform``)."""
    plat = platform or sys.platform
    if plat.startswith("win"):
        return "reinstall Coach with pyttsx3 and its SAPI5 support (pip install pyttsx3 comtypes pywin32)"
    if plat == "darwin":
        return "install pyttsx3 with macOS speech support (pip install pyttsx3 pyobjc)"
    return "install espeak-ng (Debian/Ubuntu: sudo apt install espeak-ng; Fedora: sudo dnf install espeak-ng)"


def missing_tts_message(detail: str = "", platform: str | None = None) -> str:
    """One sentence for a missing text-to-speech engine, naming what to install."""
    why = f" ({detail})" if detail else ""
    return f"No text-to-speech engine is available{why}: {install_hint(platform)}."


def check_tts(*, driver: str | None = None) -> tuple[str, str]:
    """Start the speech engine once and return ``(driver name, voice id)``.

    Raises
    ------
    VoiceError
        No engine: the message names what to install.
    """
    if driver not in _IDENTITY:
        reply = _run_worker({"driver": driver, "voice": None, "jobs": []}, timeout_s=30.0)
        _IDENTITY[driver] = (str(reply["driver"]), str(reply["voice"]))
    return _IDENTITY[driver]


_IDENTITY: dict[str | None, tuple[str, str]] = {}  # driver asked for -> (driver, default voice)


def tts_available(*, driver: str | None = None) -> bool:
    """True when a text-to-speech engine starts on this machine (takes ≈ 0.2 s)."""
    try:
        check_tts(driver=driver)
    except VoiceError:
        return False
    return True


def calibrate(
    *, driver: str | None = None, voice: str | None = None, refresh: bool = False
) -> Calibration:
    """Measure words per minute against the driver's rate setting, cached per driver and voice.

    A fixed paragraph is synthesised at three rate settings; the factor is the median of
    measured wpm / rate, with leading and trailing silence removed. The result is stored in
    ``coach.paths.cache_dir() / "voice-calibration.json"``.
    """
    key_driver, default_voice = check_tts(driver=driver)
    key_voice = voice or default_voice
    key = f"{key_driver}|{key_voice}"
    cache = _cache_path()
    table = _read_json(cache)
    if not refresh and key in table:
        entry = table[key]
        return Calibration(
            key_driver,
            key_voice,
            float(entry["factor"]),
            float(entry["spread"]),
            tuple((int(r), float(w)) for r, w in entry["points"]),
        )
    words = len(_CALIBRATION_TEXT.split())
    points = []
    with tempfile.TemporaryDirectory(prefix="coach-cal-") as tmp:
        for rate in _CALIBRATION_RATES:
            wav = Path(tmp) / f"cal{rate}.wav"
            request = {"driver": driver, "voice": voice, "rate": rate}
            reply = _run_worker(
                {**request, "jobs": [{"text": _CALIBRATION_TEXT, "path": str(wav)}]},
                timeout_s=120.0,
            )
            samples, sample_rate = read_audio(wav)
            speech_s = trim(samples, sample_rate).size / sample_rate
            points.append((rate, words * 60.0 / speech_s))
    ratios = [w / r for r, w in points]
    factor = float(np.median(ratios))
    spread = max(abs(x / factor - 1.0) for x in ratios)
    cal = Calibration(str(reply["driver"]), str(reply["voice"]), factor, spread, tuple(points))
    table[f"{cal.driver}|{cal.voice}"] = {"factor": factor, "spread": spread, "points": points}
    _write_json(cache, table)
    return cal


def synthesise(
    texts: Sequence[str],
    folder: Path,
    *,
    rate: int,
    driver: str | None = None,
    voice: str | None = None,
) -> tuple[list[np.ndarray], int]:
    """Speak each text at one rate setting; return the trimmed mono signals and their sample rate.

    Parameters
    ----------
    texts
        Utterances, synthesised in order by one worker process.
    folder
        Where the worker writes its WAV files (one per text).
    rate
        The driver's rate setting (see :func:`calibrate` for its words per minute).

    Raises
    ------
    VoiceError
        No speech engine (the message names what to install) or synthesis failed.
    """
    paths = [folder / f"tts-{rate}-{i:04d}.wav" for i in range(len(texts))]
    jobs = [{"text": t, "path": str(p)} for t, p in zip(texts, paths, strict=True)]
    words = sum(len(t.split()) for t in texts)
    request = {"driver": driver, "voice": voice, "rate": int(rate), "jobs": jobs}
    _run_worker(request, timeout_s=60.0 + words * 0.2)
    pieces: list[np.ndarray] = []
    sample_rate = 0
    for path in paths:
        samples, sr = read_audio(path)
        if sample_rate and sr != sample_rate:
            n = int(round(samples.size * sample_rate / sr))
            grid = np.linspace(0, samples.size - 1, n)
            samples = np.interp(grid, np.arange(samples.size), samples).astype(np.float32)
        sample_rate = sample_rate or sr
        pieces.append(trim(samples, sample_rate))
    return pieces, sample_rate


def list_voices(*, driver: str | None = None) -> list[tuple[str, str, tuple[str, ...]]]:
    """``(id, name, languages)`` of every voice the speech engine has installed."""
    reply = _run_worker({"driver": driver, "list_voices": True, "jobs": []}, timeout_s=30.0)
    return [(str(v[0]), str(v[1]), tuple(v[2])) for v in reply.get("voices", [])]


def _run_worker(request: dict[str, Any], *, timeout_s: float) -> dict[str, Any]:
    """Run the pyttsx3 worker process on ``request``; raise VoiceError with its message on failure.

    ``request`` holds ``driver``, ``voice``, ``rate`` (one setting for every job) and ``jobs``
    (``text`` and ``path`` of each WAV to write).
    """
    env = dict(os.environ)
    root = str(Path(__file__).resolve().parents[2])  # the folder holding the coach package
    env["PYTHONPATH"] = (
        root + os.pathsep + env.get("PYTHONPATH", "") if env.get("PYTHONPATH") else root
    )
    try:
        done = subprocess.run(
            [sys.executable, "-m", "coach.voice.tts", "--worker"],
            input=json.dumps(request).encode(),
            capture_output=True,
            timeout=timeout_s,
            env=env,
        )
    except subprocess.TimeoutExpired:
        raise VoiceError(f"Text-to-speech did not finish within {timeout_s:.0f} s.") from None
    try:
        reply: dict[str, Any] = json.loads(done.stdout.decode().strip().splitlines()[-1])
    except (IndexError, ValueError):
        err = done.stderr.decode(errors="replace").strip().splitlines()
        raise VoiceError(
            f"Text-to-speech crashed (exit {done.returncode}: {err[-1] if err else 'no message'})."
        ) from None
    if "error" in reply:
        raise VoiceError(str(reply["error"]))
    return reply


def _worker_main() -> int:
    """Synthesise the jobs read as JSON from stdin; print one JSON line (reply or error)."""
    import threading

    real_stdout = sys.stdout
    sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - espeak driver prints "Audio saved to ..."

    def reply(obj: dict[str, Any]) -> int:
        real_stdout.write(json.dumps(obj) + "\n")
        real_stdout.flush()
        os._exit(0)  # espeak can assert while Python tears it down

    request = json.load(sys.stdin)
    try:
        import pyttsx3
    except ImportError:
        return reply({"error": missing_tts_message("the Python package pyttsx3 is missing")})
    try:
        engine = pyttsx3.init(request.get("driver"))
    except (ImportError, ModuleNotFoundError) as exc:
        return reply(
            {"error": missing_tts_message(f"speech driver {request.get('driver')!r}: {exc}")}
        )
    except Exception as exc:
        detail = str(exc).strip().rstrip(".!")
        if "espeak" in detail.lower():
            detail = "the espeak-ng library could not be loaded"
        return reply({"error": missing_tts_message(detail)})
    if request.get("list_voices"):  # [[id, name, [languages]], ...] of the installed voices
        voices = engine.getProperty("voices") or []
        return reply({"voices": [[str(v.id), str(v.name), [str(x) for x in v.languages or []]]
                                 for v in voices]})  # fmt: skip
    try:
        if request.get("voice"):
            engine.setProperty("voice", request["voice"])
        if request.get("rate"):
            # once per process: on espeak-ng a rate set between utterances does not take effect
            engine.setProperty("rate", int(request["rate"]))
    except (ValueError, KeyError) as exc:
        return reply({"error": f"The speech engine refused a setting ({exc})."})
    driver_obj = getattr(getattr(engine, "proxy", None), "_driver", None)
    if getattr(engine, "driver_name", "") == "espeak" and driver_obj is not None:
        # pyttsx3's loop calls driver.stop() -> espeak_Cancel() when espeak-ng still looks busy
        # from the previous utterance, which cancels the next one (an empty WAV, ~10 % of runs).
        # Nothing here needs stopping: the parent stops synthesis by ending this process.
        driver_obj.stop = lambda: None
    finished = threading.Event()

    def on_finished(completed: bool = True, **_: Any) -> None:
        if completed:
            finished.set()

    engine.connect("finished-utterance", on_finished)
    errors: list[str] = []  # pyttsx3 reports failures of queued commands as events, not raises
    engine.connect("error", lambda exception=None, **_: errors.append(str(exception)))
    retries = 0
    for job in request["jobs"]:
        path = Path(job["path"])
        limit_s = 5.0 + len(job["text"]) * 0.01
        for _attempt in range(3):
            finished.clear()
            path.unlink(missing_ok=True)
            engine.save_to_file(job["text"], str(path))
            engine.runAndWait()
            # runAndWait() may return before the driver is done: wait for its event and the file
            done = finished.wait(limit_s) and _settle(engine, timeout_s=limit_s)
            if errors:
                return reply({"error": f"The speech engine failed: {errors[0]}."})
            if done and _wait_for_audio_file(path, timeout_s=limit_s):
                break
            retries += 1
        else:
            return reply({"error": f"{_NO_AUDIO} “{job['text'][:40]}…”."})
    driver = getattr(engine, "driver_name", None) or request.get("driver") or "default"
    try:
        voice = str(engine.getProperty("voice"))
    except Exception:
        voice = "default"
    return reply(
        {"driver": driver, "voice": voice, "count": len(request["jobs"]), "retries": retries}
    )


def _settle(engine: Any, *, timeout_s: float) -> bool:
    """Wait until the driver is idle after ``finished-utterance``.

    espeak-ng signals the end from its synthesis thread before it is idle; queuing the next
    utterance then can be cancelled by pyttsx3's loop (it calls ``espeak_Cancel`` while "playing")
    and an empty file is written. ``espeak_Synchronize`` returns when espeak-ng is idle.
    """
    if getattr(engine, "driver_name", "") == "espeak":
        from pyttsx3.drivers import _espeak

        _espeak.Synchronize()
    deadline = time.monotonic() + timeout_s
    while engine.isBusy():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.002)
    return True


def _wait_for_audio_file(path: Path, *, timeout_s: float) -> bool:
    """Wait until ``path`` exists, has stopped growing and its header parses with frames."""
    import soundfile

    deadline = time.monotonic() + timeout_s
    last = -1
    while time.monotonic() < deadline:
        size = path.stat().st_size if path.exists() else -1
        if size > 44 and size == last:
            try:
                if soundfile.info(str(path)).frames > 0:
                    return True
            except RuntimeError:
                pass
        last = size
        time.sleep(0.02)
    return False


def read_audio(path: Path) -> tuple[np.ndarray, int]:
    import soundfile

    try:
        data, rate = soundfile.read(str(path), dtype="float32", always_2d=True)
    except RuntimeError as exc:
        raise VoiceError(f"Text-to-speech wrote an unreadable file ({exc}).") from None
    return data.mean(axis=1).astype(np.float32), int(rate)


def quiet_runs(path: Path) -> list[tuple[float, float]]:
    """(start s, length s) of the stretches of a WAV where every sample is below
    :data:`SILENCE_LEVEL`: the pauses a rendered delivery really contains."""
    samples, rate = read_audio(path)
    quiet = np.abs(samples) < SILENCE_LEVEL
    edges = np.diff(np.concatenate([[0], quiet.astype(np.int8), [0]]))
    starts, ends = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)
    return [(s / rate, (e - s) / rate) for s, e in zip(starts, ends, strict=True)]


def speech_span_s(path: Path) -> float:
    """Seconds from the first to the last sample of a WAV at or above :data:`SILENCE_LEVEL`."""
    samples, rate = read_audio(path)
    loud = np.flatnonzero(np.abs(samples) >= SILENCE_LEVEL)
    return float((loud[-1] - loud[0] + 1) / rate)


def trim(samples: np.ndarray, rate: int) -> np.ndarray:
    """Cut leading and trailing silence, keeping :data:`_EDGE_S` around the speech."""
    loud = np.flatnonzero(np.abs(samples) > SILENCE_LEVEL)
    if loud.size == 0:
        return samples[:0]
    edge = int(_EDGE_S * rate)
    return samples[max(0, loud[0] - edge) : loud[-1] + edge + 1]


def check_speakable(words: Sequence[str]) -> None:
    """Refuse text with a word longer than :data:`MAX_WORD_CHARS` (one sentence naming it)."""
    long = next((w for w in words if len(w) > MAX_WORD_CHARS), None)
    if long is not None:
        raise VoiceError(
            f"The text has a {len(long):,}-character word ('{long[:24]}…'); text-to-speech reads "
            f"words of up to {MAX_WORD_CHARS} characters. Break it up or leave it out."
        )


def write_wav_atomic(path: Path, samples: np.ndarray, rate: int) -> None:
    """Write a 16-bit mono WAV through a temporary file and a rename; the folder must exist.

    Raises
    ------
    VoiceError
        The path is a folder, its folder is missing, or the write failed; nothing is left behind.
    """
    from coach.safe_write import explain_write_error
    from coach.transcript.decode import write_wav

    if path.is_dir():
        raise VoiceError(f"{path} is a folder; give a file name ending in .wav.")
    if not path.parent.is_dir():
        raise VoiceError(f"The folder {path.parent} does not exist; choose an existing folder.")
    tmp = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        write_wav(tmp, samples, rate)
        os.replace(tmp, path)
    except OSError as exc:
        raise VoiceError(explain_write_error(exc, path)) from None
    finally:
        tmp.unlink(missing_ok=True)


def _cache_path() -> Path:
    from coach.paths import cache_dir

    return cache_dir() / "voice-calibration.json"


def _read_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _write_json(path: Path, data: dict[str, Any]) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.part")
    tmp.write_text(json.dumps(data, indent=1), encoding="utf-8")
    os.replace(tmp, path)


if __name__ == "__main__" and sys.argv[1:] == ["--worker"]:
    sys.exit(_worker_main())
