"""The teleprompter that follows the voice: marks, skips, holds; and its lag measured through the
virtual microphone with a known script spoken by espeak-ng."""

from __future__ import annotations

import json
import statistics
import time
from pathlib import Path

import pytest
from coach_ui.pages.rehearse import RehearsePage
from coach_ui.widgets.teleprompter import Teleprompter

from coach.coaching.feedback import clock
from coach.paths import samples_dir
from coach.types import Word
from tests.speech import build_rehearsal
from tests.ui.conftest import screenshot

DEMO = (samples_dir() / "demo.txt").read_text(encoding="utf-8")
OUT = Path(__file__).resolve().parents[1] / "out"


def heard(text: str, start_s: float, per_word_s: float = 0.35) -> list[Word]:
    """Words as the live transcriber hands them over."""
    return [
        Word(w, start_s + i * per_word_s, start_s + i * per_word_s + 0.3)
        for i, w in enumerate(text.split())
    ]


@pytest.fixture()
def prompter(qtbot):
    tp = Teleprompter()
    qtbot.addWidget(tp)
    tp.resize(520, 360)
    tp.show()
    tp.set_script(DEMO)
    tp.start()
    return tp


def test_voice_moves_the_cursor_and_silence_holds_it(qtbot, prompter):
    """With voice heard the cursor runs ahead at the speaker's rate; in silence it stays."""
    for i in range(31):  # one second of voice at 30 Hz
        prompter.on_level(i / 30, -18.0)
    qtbot.waitUntil(lambda: prompter.position >= 2, timeout=2000)
    moved = prompter.position
    assert moved <= 4  # about 2.6 words a second, not more
    for i in range(31, 120):  # three seconds of silence
        prompter.on_level(i / 30, -80.0)
    qtbot.wait(300)
    assert prompter.position == moved


def test_heard_words_mark_what_was_said_and_show_skips(qtbot, prompter):
    """Said words turn grey, a skipped sentence is struck through and named; off script holds."""
    first = "Two years ago our little bakery almost closed."
    prompter.on_words(heard(first, 0.5))
    n = len(first.split())
    assert all(prompter.word_state(i) == "said" for i in range(n))
    assert prompter.position == n
    prompter.on_words(heard("Do I really want to keep doing this?", 5.0))  # skips a sentence
    skipped = "The landlord raised the rent by 40 percent, and we had 3 weeks to find the money."
    for i in range(n, n + len(skipped.split())):
        assert prompter.word_state(i) == "skipped"
    assert prompter.toPlainText().split()[n : n + len(skipped.split())] == skipped.split()
    assert "Skipped" in prompter.status_text
    here = prompter.position
    prompter.on_words(heard("sorry where was I let me drink some water", 9.0))
    assert prompter.position == here and prompter.status_text.startswith("Off script")
    # the current word stays a third of the way down the view
    height = prompter.viewport().height()
    assert prompter.current_word_y() <= height / 2
    screenshot(prompter, "teleprompter")


LAG_PARTS: tuple[str | float, ...] = (
    "Three years ago our shop had only 12 customers",
    0.6,
    "We baked bread every night and threw half of it away",
    1.2,
    "Then my brother asked a simple question",
    0.8,
    "Why do we bake before anyone orders",
    1.0,
    "So we built an order page in 4 days",
    0.7,
    "In the first month 900 people used it",
    1.4,
    "Our waste fell from 50 loaves a day to 6",
    0.8,
    "We still make mistakes and we still learn from them every week",
)
"""≈ 35 s of espeak-ng speech; the script is these sentences with full stops."""


@pytest.mark.slow
def test_lag_between_a_spoken_word_and_the_teleprompter(qtbot, mic, store, gui_settings):
    """Speak a known script into the virtual microphone while recording: the teleprompter
    reaches every word, marks nearly all said, skips none, and its lag is measured."""
    reh = build_rehearsal(LAG_PARTS, rate=165, name="teleprompter")
    script = " ".join(f"{u.text}." for u in reh.utterances)
    page = RehearsePage(store, gui_settings)
    qtbot.addWidget(page)
    page.resize(1140, 640)
    page.show()
    qtbot.waitUntil(lambda: page.recorder.state == "monitoring", timeout=10_000)
    longest = max((page.mic.itemText(i) for i in range(page.mic.count())), key=len)
    assert "Monitor" in longest or "coach" in longest.lower()  # the virtual microphone's name
    room = page.mic.width() - page.mic.fontMetrics().horizontalAdvance(longest)
    assert room >= 16, (longest, page.mic.width())  # the whole name fits, arrow aside
    page.set_script(script, "Lag test")
    tp = page.prompter
    n_words = len(tp.positions)
    assert n_words == len(reh.words)

    levels: list[tuple[float, float]] = []  # (wall time, recording time) at each level
    page.recorder.level.connect(
        lambda _db: levels.append((time.monotonic(), page.recorder.recorded_s))
    )
    recording_began = time.monotonic()
    page.start_recording()
    qtbot.wait(300)
    played_at = time.monotonic()
    player = mic.play(reh.path, wait=False)
    qtbot.waitUntil(lambda: player.poll() is not None, timeout=90_000)
    qtbot.waitUntil(lambda: tp.position >= n_words, timeout=15_000)
    screenshot(page, "rehearse-teleprompter")
    ready = page.session_ready
    with qtbot.waitSignal(ready, timeout=60_000):
        recorded = page.recorder.recorded_s
        page.stop_recording()
        # while the take is analysed the clock keeps its length
        assert page.elapsed.text() == clock(recorded) != "0:00"

    # what the teleprompter showed: every word said, nothing skipped
    words = tp.toPlainText().split()
    said = sum(tp.word_state(i) == "said" for i in range(n_words))
    unsaid = [w for i, w in enumerate(words) if tp.word_state(i) != "said"]
    assert said >= 0.9 * n_words, (unsaid, page.live.toPlainText())
    skipped = [" ".join(words[a:b]) for a, b in tp.state.skipped]
    assert not skipped, (skipped, page.live.toPlainText())

    # when each word was spoken: paplay start + its place in its utterance (even split)
    spoken: list[float] = []
    for u in reh.utterances:
        k = len(u.words)
        spoken += [played_at + u.start_s + (u.end_s - u.start_s) * j / k for j in range(k)]
    cursor = [tp.reached_at[i] - spoken[i] for i in range(n_words)]
    heard_lag = [tp.confirmed_at[i] - spoken[i] for i in range(n_words) if i in tp.confirmed_at]
    early = sum(lag < -1.0 for lag in cursor)
    result = {
        "words": n_words,
        "cursor_lag_s": {"median": round(statistics.median(cursor), 2),
                         "p90": round(sorted(cursor)[int(0.9 * n_words)], 2),
                         "max": round(max(cursor), 2)},
        "heard_lag_s": {"median": round(statistics.median(heard_lag), 2),
                        "p90": round(sorted(heard_lag)[int(0.9 * len(heard_lag))], 2),
                        "max": round(max(heard_lag), 2)},
        "words_reached_over_1s_early": early,
        # how far the audio reaching the app trails the wall clock (capture buffering)
        "capture_delay_s": round(statistics.median(w - recording_began - r for w, r in levels if r > 1), 2),
        "rate_words_per_voiced_s": round(tp.follower.words_per_voiced_s(tp.voice), 2),
    }  # fmt: skip
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "teleprompter_lag.json").write_text(json.dumps(result, indent=2), encoding="utf-8")
    print("teleprompter lag:", json.dumps(result))
    # it holds in pauses: the cursor does not run into a sentence before it is spoken
    assert early <= 0.15 * n_words, result  # not whole sentences ahead of the voice

    # back on the page after the take: a clean view, teleprompter at the start
    page.hide()
    page.show()
    assert page.live.toPlainText() == "" and page.figures_count.text() == "Figures: 0"
    assert page.pace_cue.text() == "Pace: —" and page.elapsed.text() == "0:00"
    assert tp.position == 0 and tp.word_state(0) == "pending"
    page.release()


def test_coming_back_after_a_take_starts_a_clean_view(qtbot, store, gui_settings):
    """The last take's words, pace, figures and clock are gone when the page is shown again."""
    page = RehearsePage(store, gui_settings)
    qtbot.addWidget(page)
    page.show()
    page.set_script(DEMO, "Bakery")
    page.prompter.start()
    page._on_words(heard("Two years ago our little bakery almost closed we sold 5,000 loaves", 0.5))
    page.elapsed.setText("0:42")
    assert page.figures_count.text() != "Figures: 0" and page.prompter.position > 0
    page.prompter.stop()
    page._saved(1)  # the take was analysed and saved; the window shows its feedback
    page.hide()
    assert page.live.toPlainText()  # nothing is cleared while the speaker is away
    page.show()
    assert page.live.toPlainText() == "" and page.figures_count.text() == "Figures: 0"
    assert page.pace_cue.text() == "Pace: —" and page.elapsed.text() == "0:00"
    assert page.prompter.position == 0 and page.prompter.word_state(0) == "pending"
    page.release()
