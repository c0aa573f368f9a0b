"""Model delivery (coach/voice/delivery.py, coach/voice/tts.py): real espeak-ng speech, read back with Whisper."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
import soundfile

from coach.analysis.numbers import figures_only, find_figures
from coach.errors import VoiceError
from coach.text import norm, transcript_from_text
from coach.types import Tip
from coach.voice import delivery as voice
from coach.voice import tts

ROOT = Path(__file__).resolve().parent.parent
ESPEAK_LIB = Path("/usr/lib/x86_64-linux-gnu/libespeak-ng.so.1")

SCRIPT = """When we started, we had 12 engineers and a small office. Today we have 4,000 engineers
in 9 cities around the world.

Last quarter we shipped 2 million phones, and every one of them was tested by hand before it
left the factory. We sold 700 stores on the idea in 30 days.

We are not done yet. Thank you all for coming tonight, and thank you for believing in us.
"""


@pytest.fixture(scope="session")
def voice_home(tmp_path_factory: pytest.TempPathFactory, coach_cache: Path) -> Iterator[Path]:
    """A fresh COACH_HOME (and the run's fresh cache) for the session-wide render, so its
    calibration is measured for real."""
    home = tmp_path_factory.mktemp("voice-home")
    old = {k: os.environ.get(k) for k in ("COACH_HOME", "COACH_CACHE")}
    os.environ["COACH_HOME"] = str(home)
    os.environ["COACH_CACHE"] = str(coach_cache)
    yield home
    for key, value in old.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


@pytest.fixture(scope="session")
def target_wpm(voice_home: Path) -> float:
    """The default profile's pace target (middle of its wpm band)."""
    return voice.target_wpm_for()


@pytest.fixture(scope="session")
def rendered(voice_home: Path, target_wpm: float) -> voice.RenderResult:
    """SCRIPT rendered once at the profile's target pace."""
    return voice.render_model_delivery(SCRIPT, voice_home / "model.wav", target_wpm=target_wpm)


@pytest.fixture(scope="session")
def heard(rendered: voice.RenderResult):  # type: ignore[no-untyped-def]
    """The rendered WAV transcribed back by the audio pipeline (Whisper tiny.en)."""
    from coach.transcript.transcribe import transcribe_file

    return transcribe_file(rendered.path, engine="whisper", model="tiny.en")


def test_plan_cuts_after_figures_and_paragraphs() -> None:
    """Chunks end after each figure's noun or nearby clause end, and at every paragraph end."""
    chunks = voice.plan_chunks(SCRIPT, figure_pause_s=0.6, paragraph_pause_s=1.0)
    words = transcript_from_text(SCRIPT).words
    ends = [(c.text.split()[-1], c.kind, c.pause_s) for c in chunks]
    assert ends == [
        ("engineers", "figure", 0.6),
        ("engineers", "figure", 0.6),
        ("cities", "figure", 0.6),
        ("world.", "paragraph", 1.0),
        ("phones,", "figure", 0.6),
        ("stores", "figure", 0.6),
        ("days.", "paragraph", 1.0),
        ("us.", "end", 0.0),
    ]
    assert " ".join(c.text for c in chunks) == " ".join(w.text for w in words)


def test_calibration_is_measured_and_cached(coach_cache: Path) -> None:
    """espeak-ng's rate is not wpm: the factor is measured at three rates and cached per voice."""
    cal = tts.calibrate(refresh=True)
    assert cal.driver == "espeak"
    assert [r for r, _ in cal.points] == [130, 170, 210]
    assert 0.8 < cal.factor < 1.6 and cal.spread < 0.05
    assert (coach_cache / "voice-calibration.json").is_file()
    assert tts.calibrate() == cal


@pytest.mark.slow
def test_rendered_pace_heard_back_within_5_percent(
    rendered: voice.RenderResult, heard, target_wpm: float
) -> None:  # type: ignore[no-untyped-def]
    """Whisper's words over first-to-last word time land within ±5 % of the profile's pace."""
    spoken = [w for w in heard.words if any(c.isalnum() for c in w.text)]
    assert abs(len(spoken) - rendered.word_count) <= 2, heard.text
    span_s = spoken[-1].end_s - spoken[0].start_s
    measured = len(spoken) * 60.0 / span_s
    assert abs(measured / target_wpm - 1.0) <= 0.05, (measured, target_wpm)
    info = soundfile.info(str(rendered.path))
    assert info.subtype == "PCM_16" and info.channels == 1
    assert abs(info.duration - rendered.duration_s) < 0.01


@pytest.mark.slow
def test_pause_after_each_figure_heard_in_audio(rendered: voice.RenderResult, heard) -> None:  # type: ignore[no-untyped-def]
    """After every figure the audio holds silence ≥ the set pause, where Whisper hears that word."""
    words = transcript_from_text(SCRIPT).words
    figures = figures_only(find_figures(words))
    assert len(figures) == 6
    runs = [r for r in tts.quiet_runs(rendered.path) if r[1] >= 0.25]
    heard_words = list(heard.words)
    cursor = 0
    for fig in figures:
        pause = next(p for p in rendered.pauses if p.after_word >= fig.word_span[1] - 1)
        reach = pause.after_word - (fig.word_span[1] - 1)  # its noun, then a clause end
        assert reach <= 2, (fig.text, pause)
        assert pause.duration_s >= 0.6 - 1e-9
        # the word Whisper heard just before the pause, found in order
        want = norm(pause.after_text)
        while norm(heard_words[cursor].text) != want:
            cursor += 1
        end_s = heard_words[cursor].end_s
        near = [length for start, length in runs if abs(start - end_s) < 0.4]
        assert near and max(near) >= pause.duration_s, (fig.text, end_s, near)
        cursor += 1


@pytest.mark.slow
def test_analysis_of_the_delivery_lands_every_figure(heard, target_wpm: float) -> None:  # type: ignore[no-untyped-def]
    """The engine's own analysis of the heard delivery: every figure lands, pace in the band."""
    from coach.analysis.analyse import analyse

    values = analyse(heard).values
    assert values["figures_landed"] == 100.0
    assert abs(values["wpm"] / target_wpm - 1.0) <= 0.05


def test_pace_follows_target_measured_from_audio(coach_home: Path) -> None:
    """Slow and fast targets give words over the WAV's speech span within 3 % of each target."""
    passage = "We shipped 2 million phones last year. Every one of them was tested by hand."
    n_words = len(passage.split())
    for wpm in (110.0, 190.0):
        result = voice.render_model_delivery(
            passage, coach_home / f"p{wpm:.0f}.wav", target_wpm=wpm
        )
        measured = n_words * 60.0 / tts.speech_span_s(result.path)
        assert abs(measured / wpm - 1.0) <= 0.03, (wpm, measured, result)


def test_passage_for_word_returns_the_sentence() -> None:
    """The "let the figure land" tip plays the sentence that holds its word."""
    words = transcript_from_text(SCRIPT).words
    i = next(k for k, w in enumerate(words) if w.text == "2")
    assert voice.passage_for_word(SCRIPT, i).startswith("Last quarter we shipped 2 million phones,")
    assert voice.passage_for_word(SCRIPT, i).endswith("factory.")
    with pytest.raises(VoiceError):
        voice.passage_for_word(SCRIPT, len(words))


def test_tips_script_reads_top_three() -> None:
    """Spoken coaching reads the first three tips with their actions, one paragraph each."""
    tips = [Tip(f"Tip {k}.", f"Do {k}.") for k in range(5)]
    text = voice.tips_script(tips)
    assert text == "Tip 0. Do 0.\n\nTip 1. Do 1.\n\nTip 2. Do 2."


def test_nothing_to_say_and_bad_pace_are_voice_errors(coach_home: Path) -> None:
    """Empty text and an absurd pace are refused with one sentence before any synthesis."""
    with pytest.raises(VoiceError, match="no words"):
        voice.render_model_delivery("  \n\n ", coach_home / "x.wav", target_wpm=140)
    with pytest.raises(VoiceError, match="out of range"):
        voice.render_model_delivery("Hello there.", coach_home / "x.wav", target_wpm=5)


def test_unknown_driver_names_what_to_install() -> None:
    """A driver that does not exist reports no TTS and a message naming espeak-ng."""
    assert not tts.tts_available(driver="nosuchdriver")
    with pytest.raises(VoiceError, match="apt install espeak-ng"):
        tts.check_tts(driver="nosuchdriver")


def _can_hide_espeak() -> bool:
    if os.geteuid() != 0 or not shutil.which("unshare") or not ESPEAK_LIB.exists():
        return False
    probe = subprocess.run(["unshare", "-m", "true"], capture_output=True)
    return probe.returncode == 0


@pytest.mark.skipif(not _can_hide_espeak(), reason="needs root and unshare to hide libespeak-ng")
def test_missing_espeak_library_gives_install_message() -> None:
    """With libespeak-ng hidden (private mount namespace), rendering fails with what to install."""
    code = (
        "from coach.voice import delivery as voice\n"
        "print(voice.tts_available())\n"
        "voice.render_model_delivery('We sold 300 phones.', '/tmp/never.wav', target_wpm=140)\n"
    )
    lib = ESPEAK_LIB.resolve()
    done = subprocess.run(
        [
            "unshare",
            "-m",
            "sh",
            "-c",
            f'mount --bind /dev/null "{lib}" && exec "$0" -c "$1"',
            sys.executable,
            code,
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert done.stdout.strip() == "False"
    assert "VoiceError: No text-to-speech engine is available" in done.stderr
    assert "sudo apt install espeak-ng" in done.stderr


def test_play_without_sound_output_fails_fast(
    rendered: voice.RenderResult, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With no sound server or card, play() raises a VoiceError instead of hanging."""
    if Path("/dev/snd").exists():
        pytest.skip("this machine has a sound card")
    monkeypatch.setenv("PULSE_SERVER", "unix:/nonexistent/pulse/native")
    with pytest.raises(VoiceError, match="no sound output"):
        voice.play(rendered.path)


def test_long_utterances_are_written_completely(tmp_path: Path) -> None:
    """~200-word utterances (where runAndWait returns early) come back whole, each at the same pace."""
    sentence = "We build honest products and we sell them at an honest price to people who care. "
    long_text = sentence * 12  # 192 words
    pieces, rate = tts.synthesise([long_text, long_text, "Thank you."], tmp_path, rate=200)
    assert rate == 22050
    durations = [p.size / rate for p in pieces]
    words_per_min = 192 * 60.0 / durations[0]
    assert 180 < words_per_min < 300, durations
    assert abs(durations[0] - durations[1]) < 0.05 and 0.3 < durations[2] < 2.0


def _start_pulse(folder: Path) -> dict[str, str] | None:
    """A user-mode PulseAudio with a null sink (the notes' recipe); None when unavailable."""
    if not all(shutil.which(t) for t in ("pulseaudio", "pactl", "paplay", "parec")):
        return None
    env = {**os.environ, "XDG_RUNTIME_DIR": str(folder)}
    env["PULSE_SERVER"] = f"unix:{folder}/pulse/native"
    subprocess.run(
        ["pulseaudio", "--daemonize=yes", "-n", "--exit-idle-time=-1", "--use-pid-file=yes",
         "--load=module-native-protocol-unix auth-anonymous=1",
         "--load=module-null-sink sink_name=coach_sink rate=16000 channels=1",
         "--load=module-always-sink"],
        env=env, capture_output=True, timeout=20,
    )  # fmt: skip
    for _ in range(100):
        if subprocess.run(["pactl", "info"], env=env, capture_output=True).returncode == 0:
            subprocess.run(["pactl", "set-default-sink", "coach_sink"], env=env, check=True)
            return env
        time.sleep(0.1)
    return None


@pytest.fixture(scope="module")
def pulse(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """A running PulseAudio null sink standing in for the speakers."""
    folder = tmp_path_factory.mktemp("pulse")
    env = _start_pulse(folder)
    if env is None:
        pytest.skip("PulseAudio is not available")
    yield env
    pid = folder / "pulse" / "pid"
    if pid.exists():
        os.kill(int(pid.read_text().split()[0]), signal.SIGTERM)


def _record(env: dict[str, str], out: Path) -> subprocess.Popen[bytes]:
    """Record what reaches the null sink (its monitor) as raw 16 kHz mono 16-bit."""
    cmd = ["parec", "--device=coach_sink.monitor", "--latency-msec=20", "--raw",
           "--format=s16le", "--rate=16000", "--channels=1"]  # fmt: skip
    proc = subprocess.Popen(cmd, stdout=out.open("wb"), env=env)
    time.sleep(0.4)
    return proc


def test_play_reaches_speakers_and_stops(
    rendered: voice.RenderResult,
    pulse: dict[str, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """play() sends the delivery to the sound output and stop() silences it at once."""
    monkeypatch.setenv("PULSE_SERVER", pulse["PULSE_SERVER"])
    rec = _record(pulse, tmp_path / "rec.raw")
    playback = voice.play(rendered.path, wait=False)
    assert playback.playing
    time.sleep(1.5)
    began = time.monotonic()
    playback.stop()
    stop_s = time.monotonic() - began
    assert not playback.playing and stop_s < 1.0
    time.sleep(1.0)
    rec.terminate()
    rec.wait()
    heard = np.fromfile(tmp_path / "rec.raw", dtype="<i2").astype(np.float32) / 32768
    assert np.abs(heard[:-16000]).max() > 0.1  # speech while playing
    assert np.abs(heard[-8000:]).max() < 0.01  # silence after stop


def test_speak_tips_reads_the_top_tip_aloud(
    pulse: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Spoken coaching renders the tip text and plays it to the end on the sound output."""
    monkeypatch.setenv("PULSE_SERVER", pulse["PULSE_SERVER"])
    rec = _record(pulse, tmp_path / "rec.raw")
    began = time.monotonic()
    voice.speak_tips([Tip("Let the figure land.", "Pause after 300 phones.")], count=1)
    took_s = time.monotonic() - began
    rec.terminate()
    rec.wait()
    heard = np.fromfile(tmp_path / "rec.raw", dtype="<i2").astype(np.float32) / 32768
    loud = np.flatnonzero(np.abs(heard) > 0.05)
    assert loud.size and (loud[-1] - loud[0]) / 16000 > 1.0  # the whole tip, not a click
    assert took_s > (loud[-1] - loud[0]) / 16000  # returned only after playing it


def test_unknown_voice_is_a_voice_error(tmp_path: Path) -> None:
    """A voice the engine does not have fails with its reason instead of speaking another voice."""
    with pytest.raises(VoiceError, match="nosuchvoice"):
        tts.synthesise(["Hello there."], tmp_path, rate=150, voice="nosuchvoice")
