"""Transcription of real (espeak-ng) speech by each offline engine, with times and figures."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest

from coach.analysis.numbers import find_figures
from coach.analysis.pacing import words_per_minute
from coach.errors import TranscriptionError
from coach.transcript.decode import load_audio
from coach.transcript.models import BASE_SIZE, join_parts, resolve_model, tiny_en_dir
from coach.transcript.transcribe import (
    available_engines,
    chunk_segments,
    default_engine,
    rebuild_words,
    transcribe_file,
    transcribe_samples,
    whisper_model,
)
from tests.speech import FILLERS, filler_rehearsal, standard_rehearsal, transcript_of

pytestmark = pytest.mark.slow


def _figure_hits(transcript, reh) -> list[float]:
    """Truth figure values found in the transcript at a time inside their utterance."""
    found = [f for f in find_figures(transcript.words) if f.kind == "figure"]
    hits = []
    for truth in reh.figures:
        for f in found:
            if f.value == truth.value and truth.start_s - 0.1 <= f.start_s <= truth.end_s + 0.1:
                hits.append(truth.value)
                break
    return hits


def _check_timing(transcript, reh, *, wpm_rel: float) -> None:
    assert transcript.timed
    assert transcript.duration_s == pytest.approx(reh.duration_s, abs=0.01)
    assert words_per_minute(transcript.words) == pytest.approx(reh.wpm, rel=wpm_rel)
    assert [round(p.duration_s, 1) for p in transcript.pauses] == pytest.approx(
        [d for _, d in reh.pauses], abs=0.1
    )
    utterances = {w.utterance for w in transcript.words}
    assert utterances <= set(range(len(reh.utterances)))
    for w in transcript.words:
        u = reh.utterances[w.utterance]
        assert u.start_s - 0.1 <= w.start_s <= w.end_s <= u.end_s + 0.1
    starts = [w.start_s for w in transcript.words]
    assert starts == sorted(starts)


def test_engines_listed() -> None:
    """Whisper is the default here; sphinx and google are available too."""
    assert available_engines()[:2] == ["whisper", "sphinx"]
    assert default_engine() == "whisper"


def test_whisper_base_standard_rehearsal() -> None:
    """Whisper base: wpm within 10 %, VAD pauses at the truth, ≥ 4 of 5 figures at the right time."""
    reh = standard_rehearsal()
    tr = transcript_of(reh, "whisper", "base")
    assert tr.engine == "whisper:base" and tr.punctuated
    _check_timing(tr, reh, wpm_rel=0.1)
    assert len(_figure_hits(tr, reh)) >= 4
    assert tr.pitch_spread and all(0 < v < 12 for _, v in tr.pitch_spread)


def test_whisper_tiny_en_standard_rehearsal() -> None:
    """Whisper tiny.en: same timing guarantees, ≥ 4 of 5 figures."""
    reh = standard_rehearsal()
    tr = transcript_of(reh, "whisper", "tiny.en")
    assert tr.engine == "whisper:tiny.en"
    _check_timing(tr, reh, wpm_rel=0.1)
    assert len(_figure_hits(tr, reh)) >= 4


def test_sphinx_standard_rehearsal() -> None:
    """Sphinx: unpunctuated, looser pace bound, same VAD pauses, spoken figures become values."""
    reh = standard_rehearsal()
    tr = transcript_of(reh, "sphinx")
    assert tr.engine == "sphinx" and not tr.punctuated
    _check_timing(tr, reh, wpm_rel=0.3)
    assert all(re.fullmatch(r"[a-z'.]+", w.text) for w in tr.words)
    assert 5000.0 in _figure_hits(tr, reh)


def test_whisper_keeps_fillers() -> None:
    """With the filler prompt, Whisper base keeps at least 3 of the 5 spoken ums and uhs."""
    reh = filler_rehearsal()
    truth = sum(w in FILLERS for w in reh.words)
    tr = transcript_of(reh, "whisper", "base")
    kept = sum(re.sub(r"\W", "", w.text.lower()) in FILLERS for w in tr.words)
    assert truth == 5
    assert kept >= 3


def test_model_is_loaded_once_and_samples_offset() -> None:
    """The model is cached per process; transcribe_samples shifts times and utterance numbers."""
    m1, _, _ = whisper_model("tiny.en")
    m2, _, _ = whisper_model("tiny.en")
    assert m1 is m2
    reh = standard_rehearsal()
    samples, _ = load_audio(reh.path)
    u = reh.utterances[0]
    piece = samples[int((u.start_s - 0.3) * 16000) : int((u.end_s + 0.3) * 16000)]
    tr = transcribe_samples(
        piece, engine="whisper", model="tiny.en", offset_s=100.0, first_utterance=7
    )
    assert tr.words and all(w.utterance == 7 for w in tr.words)
    assert tr.words[0].start_s == pytest.approx(100.3, abs=0.15)
    assert "5,000" in tr.text or "5000" in tr.text


def test_silence_is_a_valid_empty_result() -> None:
    """Pure silence gives a transcript with no words and its duration, not an error."""
    tr = transcribe_samples(
        np.zeros(16000 * 2, dtype=np.float32), engine="whisper", model="tiny.en"
    )
    assert tr.words == () and tr.pauses == () and tr.duration_s == 2.0 and not tr.timed


def test_unknown_engine_and_model_are_refused(tmp_path) -> None:
    """A misspelt engine or a missing model folder raise TranscriptionError with one sentence."""
    reh = standard_rehearsal()
    with pytest.raises(TranscriptionError, match="Unknown speech engine"):
        transcribe_file(reh.path, engine="wisper")
    with pytest.raises(TranscriptionError, match="model.bin"):
        resolve_model(str(tmp_path))
    with pytest.raises(TranscriptionError, match="does not exist"):
        resolve_model(str(tmp_path / "nope"))
    assert resolve_model(str(tiny_en_dir()))[1] == str(tiny_en_dir())


def test_base_model_assembled_and_verified(tmp_path) -> None:
    """The base model is joined to the known size; parts that hash wrong are refused."""
    _, folder = resolve_model("base")
    assert Path(folder, "model.bin").stat().st_size == BASE_SIZE
    a, b = tmp_path / "a", tmp_path / "b"
    a.write_bytes(b"half one")
    b.write_bytes(b"half two")
    out = tmp_path / "model.bin"
    with pytest.raises(TranscriptionError, match="damaged"):
        join_parts([a, b], out, sha256="0" * 64, size=16)
    assert not out.exists() and not list(tmp_path.glob("model.bin.partial*"))


def test_rebuild_words_joins_figure_pieces() -> None:
    """Whisper pieces '5' + ',000', '$' + '10', '85' + '%' and space-less tails join up."""
    pieces = [(" We", 0.0, 0.2), (" sold", 0.2, 0.5), (" 5", 0.5, 0.7), (",000", 0.7, 1.0),
              (" phones", 1.0, 1.3), (" $", 1.3, 1.4), ("10", 1.4, 1.6), (" billion", 1.6, 2.0),
              (" 85", 2.0, 2.2), ("%", 2.2, 2.4), (" indus", 2.4, 2.6), ("try-leading.", 2.6, 3.0)]  # fmt: skip
    words = rebuild_words(pieces)
    assert [w for w, _, _ in words] == [
        "We", "sold", "5,000", "phones", "$10", "billion", "85%", "industry-leading.",
    ]  # fmt: skip
    assert words[2] == ("5,000", 0.5, 1.0)


def test_chunks_respect_whisper_window() -> None:
    """Utterances group into chunks ≤ 28 s; a 70 s monologue is cut into equal pieces."""
    segs = [(0.0, 10.0), (11.0, 20.0), (21.0, 30.0), (31.0, 101.0)]
    chunks = chunk_segments(segs, max_chunk_s=28.0)
    assert chunks[0] == (0.0, 20.0)
    assert all(b - a <= 28.0 + 1e-9 for a, b in chunks)
    assert chunks[-1][1] == 101.0 and len(chunks) == 5
