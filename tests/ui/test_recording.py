"""ui/recording.py: crash-safe WAV writing, recovery of unfinished files, the live microphone."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import wave

import numpy as np
import pytest
from coach_ui.recording import (
    Recorder,
    WavSink,
    level_dbfs,
    recover_recording,
    sidecar_for,
    unfinished_recordings,
)

from coach.transcript.decode import load_audio, to_int16_bytes


def _tone(seconds: float) -> np.ndarray:
    t = np.arange(int(16000 * seconds)) / 16000
    return (0.3 * np.sin(2 * np.pi * 220 * t)).astype(np.float32)


def test_sink_writes_a_valid_wav_and_removes_its_marker(tmp_path):
    """Blocks appended then closed give a standard WAV with the right length; the sidecar goes."""
    sink = WavSink(tmp_path / "take.wav", meta={"talk": "Launch"})
    assert json.loads(sidecar_for(sink.path).read_text())["talk"] == "Launch"
    pcm = to_int16_bytes(_tone(1.5))
    for i in range(0, len(pcm), 333):  # odd block sizes, as devices deliver
        sink.write(pcm[i : i + 333])
    assert sink.duration_s == pytest.approx(1.5)
    path = sink.close()
    with wave.open(str(path)) as w:
        assert (w.getframerate(), w.getnchannels(), w.getsampwidth()) == (16000, 1, 2)
        assert w.getnframes() == 24000
    assert not sidecar_for(path).exists()


def test_killed_writer_leaves_a_recoverable_file(tmp_path):
    """A process killed while writing leaves every flushed block on disk, and recovery fixes it."""
    wav = tmp_path / "rec" / "take.wav"
    code = (
        "import sys, time, numpy as np\n"
        "from coach_ui.recording import WavSink\n"
        f"sink = WavSink(__import__('pathlib').Path({str(wav)!r}))\n"
        "block = (np.ones(1600) * 1000).astype('<i2').tobytes()\n"
        "for _ in range(25): sink.write(block)\n"
        "print('written', flush=True)\n"
        "time.sleep(60)\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "written"
    proc.kill()
    proc.wait()
    found = unfinished_recordings(tmp_path)
    assert [u.wav for u in found] == [wav]
    assert found[0].duration_s == pytest.approx(2.5)
    recover_recording(found[0])
    samples, duration = load_audio(wav)
    assert duration == pytest.approx(2.5, abs=0.01)
    assert np.allclose(samples, 1000 / 32768, atol=1e-4)
    assert unfinished_recordings(tmp_path) == []


def test_running_recordings_are_not_offered_for_recovery(tmp_path):
    """A sidecar whose app is still alive (this process) is left alone."""
    sink = WavSink(tmp_path / "live.wav")
    sink.write(b"\x00\x01" * 100)
    assert unfinished_recordings(tmp_path) == []
    sink.close()
    assert os.path.getsize(tmp_path / "live.wav") == 44 + 200


def test_level_of_silence_and_full_scale():
    """The meter reads -90 dBFS for silence and about 0 dBFS at full scale."""
    assert level_dbfs(b"\x00\x00" * 160) == -90.0
    assert level_dbfs(to_int16_bytes(np.ones(160, dtype=np.float32))) == pytest.approx(0, abs=0.01)
    assert level_dbfs(to_int16_bytes(np.full(160, 0.1, dtype=np.float32))) == pytest.approx(
        -20, abs=0.1
    )


def test_unplugged_microphone_keeps_the_audio_and_explains(qtbot, mic, tmp_path):
    """Losing the microphone mid-recording stops it, keeps the audio and says what to do."""
    rec = Recorder()
    assert rec.open(None)
    rec.start(tmp_path / "take.wav")
    qtbot.waitUntil(lambda: rec.recorded_s > 1.0, timeout=10_000)
    try:
        with qtbot.waitSignal(rec.failed, timeout=15_000) as blocker:
            # The source goes silent, as a pulled USB microphone does.
            subprocess.run(["pactl", "suspend-source", "coach_mic", "1"], env=mic.env, check=True)
        problem = blocker.args[0]
        assert "microphone" in problem.what.lower() and "kept" in problem.what
        assert problem.next
        assert rec.lost_recording == tmp_path / "take.wav"
        _, duration = load_audio(rec.lost_recording)
        assert duration > 1.0
        assert not sidecar_for(rec.lost_recording).exists()
    finally:
        subprocess.run(["pactl", "suspend-source", "coach_mic", "0"], env=mic.env, check=False)
        rec.close()


def test_pause_writes_nothing_and_resume_goes_on(qtbot, mic, tmp_path):
    """While paused the file does not grow; after resume it does; stop gives a valid WAV."""
    rec = Recorder()
    try:
        assert rec.open(None)
        began = time.monotonic()
        rec.start(tmp_path / "take.wav")
        qtbot.waitUntil(lambda: rec.recorded_s > 0.5, timeout=10_000)
        rec.pause()
        assert rec.state == "paused"
        held = rec.recorded_s
        qtbot.wait(800)
        assert rec.recorded_s == held
        rec.resume()
        qtbot.waitUntil(lambda: rec.recorded_s > held + 0.3, timeout=10_000)
        written = rec.recorded_s
        path = rec.stop()
        wall = time.monotonic() - began
        assert rec.state == "monitoring"
        with wave.open(str(path)) as w:
            duration = w.getnframes() / w.getframerate()
        assert written <= duration <= written + 0.2
        assert duration < wall - 0.6  # the paused stretch is not in the file
    finally:
        rec.close()


def test_no_microphone_says_what_to_do(tmp_path):
    """With no sound server at all, opening the microphone fails with a two-part message."""
    code = (
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from coach_ui.recording import Recorder\n"
        "r = Recorder()\n"
        "r.failed.connect(lambda p: print('WHAT:', p.what, '| NEXT:', p.next))\n"
        "print('OPEN:', r.open(None))\n"
    )
    env = {**os.environ, "PULSE_SERVER": f"unix:{tmp_path}/none", "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60
    ).stdout
    assert "OPEN: False" in out
    assert "WHAT: No microphone was found." in out and "Import audio" in out


def test_the_chosen_microphone_is_the_one_recorded(qtbot, mic, tmp_path):
    """With two sound-server microphones, each is listed and the one picked is the one heard."""
    pactl = ["pactl", "load-module"]
    loaded = [
        subprocess.run([*pactl, "module-null-sink", "sink_name=quiet_sink", "rate=16000",
                        "channels=1"], env=mic.env, capture_output=True, text=True).stdout,
        subprocess.run([*pactl, "module-remap-source", "master=quiet_sink.monitor",
                        "source_name=quiet_mic", "source_properties=device.description=Quiet"],
                       env=mic.env, capture_output=True, text=True).stdout,
    ]  # fmt: skip
    rec = Recorder()
    try:
        ids = [dev_id for _, dev_id in Recorder.inputs()]
        assert b"coach_mic" in ids and b"quiet_mic" in ids
        assert Recorder.default_input_id() == b"coach_mic"  # the server's default comes first
        peaks = {}
        for name in (b"quiet_mic", b"coach_mic"):
            rec.listeners = [
                lambda block, n=name: peaks.__setitem__(
                    n, max(peaks.get(n, -90.0), level_dbfs(block))
                )
            ]
            assert rec.open(name)
            rec.start(tmp_path / f"{name.decode()}.wav")
            tone = tmp_path / "tone.wav"
            import soundfile as sf

            sf.write(tone, _tone(1.0), 16000)
            mic.play(tone)
            qtbot.waitUntil(lambda: rec.recorded_s > 1.2, timeout=10_000)
            rec.close()
        assert peaks[b"coach_mic"] > -20 and peaks.get(b"quiet_mic", -90.0) < -60, peaks
    finally:
        rec.close()
        for index in loaded:
            if index.strip():
                subprocess.run(["pactl", "unload-module", index.strip()], env=mic.env, check=False)


def test_meter_says_too_quiet_while_recording_a_distant_speaker(qtbot, mic, tmp_path):
    """A speaker far from the microphone (human speech peaking at −52 dBFS) makes the recorder
    report "too quiet" within a few seconds; stopping clears it."""
    from coach_ui.recording import QUIET_DBFS

    from coach.transcript.decode import write_wav
    from coach.transcript.level import MIN_PEAK_DBFS
    from tests.human import human_reading, scaled

    assert QUIET_DBFS == MIN_PEAK_DBFS + 5
    samples, _ = load_audio(human_reading().path)
    far = write_wav(tmp_path / "far.wav", scaled(samples[: 16000 * 12], -52))
    rec = Recorder()
    try:
        assert rec.open(None)
        rec.start(tmp_path / "take.wav")
        player = mic.play(far, wait=False)
        qtbot.waitUntil(lambda: rec.is_too_quiet, timeout=10_000)  # state, not a signal race
        player.terminate()
        rec.stop()
        assert not rec.is_too_quiet
    finally:
        rec.close()
