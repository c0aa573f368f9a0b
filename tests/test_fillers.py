"""Where a filler may hide in a plain Whisper pass (no model needed)."""

from __future__ import annotations

import numpy as np

from coach.transcript.engines import SharedEncoder
from coach.transcript.fillers import add_fillers, is_filler, unconfirmed_stock


def test_filler_words_are_recognised_with_punctuation() -> None:
    """ "Um," "uh." "Hmm" and "mm" are fillers; "a", "our", "umbrella", "I'm" and "huh?" are words."""
    assert all(is_filler(t) for t in ("um", "Um,", "uh.", "Uhm", "hmm", "mm", "erm"))
    assert not any(is_filler(t) for t in ("a", "our", "umbrella", "I'm", "huh?"))


def test_the_encoder_runs_once_for_the_same_features() -> None:
    """The filler look decodes a chunk the plain pass decoded: same features, one encoder run;
    other features are encoded anew."""
    calls: list[float] = []

    def encode(features: np.ndarray) -> float:
        calls.append(float(features.sum()))
        return float(features.sum())

    shared = SharedEncoder(encode)
    a = np.ones((80, 3000), dtype=np.float32)
    b = a.copy()
    b[3, 7] = 2.0
    assert shared(a) == shared(a.copy()) == 240000.0
    assert shared(b) == 240001.0 and shared(a) == 240000.0
    assert len(calls) == 3


# The plain and prompted passes of Whisper base over "and uh the first product was um not very
# good but uh we listened to users and uh fixed it" (espeak-ng), as printed by the engine.
PLAIN = [("And", 3.44, 3.90), ("our", 3.90, 4.02), ("first", 4.02, 4.40), ("was", 4.92, 5.24),
         ("um", 5.24, 5.50), ("not", 5.50, 5.72), ("and", 8.56, 9.02), ("fixed", 9.02, 9.36),
         ("it.", 9.36, 9.76)]  # fmt: skip
PROMPTED = [("And,", 3.44, 3.60), ("uh,", 3.62, 3.80), ("the", 3.90, 4.00), ("first", 4.02, 4.40),
            ("was,", 4.92, 5.22), ("um,", 5.24, 5.48), ("not", 5.50, 5.72), ("and,", 8.56, 8.80),
            ("uh,", 9.05, 9.20), ("fixed", 9.22, 9.36), ("it.", 9.36, 9.76)]  # fmt: skip
VOICED = [(3.4, 6.5), (8.5, 9.8)]


def test_fillers_are_added_and_no_word_changes() -> None:
    """The prompted pass's "uh"s are added where it heard them; "our" stays (it is the plain
    pass's word), the "um" both passes heard is there once, nothing else is taken."""
    out = add_fillers(PLAIN, PROMPTED, VOICED, 0.0, 10.0)
    assert [t for t, _, _ in out] == [
        "And", "uh,", "our", "first", "was", "um", "not", "and", "uh,", "fixed", "it."
    ]  # fmt: skip
    assert [w for w in out if not is_filler(w[0])] == [w for w in PLAIN if not is_filler(w[0])]
    assert [s for _, s, _ in out] == sorted(s for _, s, _ in out)


def test_a_filler_heard_after_its_place_is_moved_before_the_next_word() -> None:
    """Prompted times can trail the plain ones: an "uh" timed after "fixed" starts but heard
    before it goes before "fixed"."""
    prompted = [("and,", 8.56, 8.80), ("uh,", 9.04, 9.12), ("fixed", 9.12, 9.36)]
    out = add_fillers(PLAIN[6:], prompted, VOICED, 8.0, 10.0)
    assert [t for t, _, _ in out] == ["and", "uh,", "fixed", "it."]
    assert out[1][1] < 9.02


def test_fillers_in_silence_or_outside_the_chunk_are_not_taken() -> None:
    """A filler over silence is Whisper's own; one whose middle lies outside the chunk belongs
    to the neighbouring chunk."""
    prompted = [("um", 7.0, 7.3), ("and", 8.56, 8.8), ("uh", 9.5, 9.7)]
    assert add_fillers(PLAIN[6:], prompted, VOICED, 8.0, 9.5) == PLAIN[6:]


def _timed(text: str, start: float = 0.0) -> list[tuple[str, float, float]]:
    return [(w, start + 0.3 * i, start + 0.3 * i + 0.25) for i, w in enumerate(text.split())]


def test_a_stock_phrase_only_one_pass_heard_is_dropped() -> None:
    """The plain pass of Whisper base on a man's "um and that should be all, thanks" (the MFA
    acoustic corpus): the stock phrase goes, the "Thanks." both passes heard stays."""
    plain = _timed("and I'll see you next time. Thanks.", 23.3)
    second = _timed("Um, and I should be, uh, thanks.", 22.8)
    assert unconfirmed_stock(plain, second) == {1, 2, 3, 4, 5}


def test_stock_phrases_both_passes_heard_or_with_no_second_opinion_stay() -> None:
    said = _timed("Thank you very much, and see you next time. Bye-bye.")
    assert unconfirmed_stock(said, _timed("Thank you, and see you next time. Bye bye.")) == set()
    assert unconfirmed_stock(_timed("Thanks. Goodbye."), _timed("Thanks. Goodbye.")) == set()
    assert unconfirmed_stock(said, []) == set()  # no second pass: nothing to check against
    assert unconfirmed_stock(said, _timed("later", 30.0)) == set()  # nothing near: no opinion
    # everyday words that only look like a stock phrase are not checked at all
    assert unconfirmed_stock(_timed("as you can see you get more"), _timed("as it gets")) == set()
    assert unconfirmed_stock(_timed("Thanks for watching!"), _timed("the launch")) == {0, 1, 2}
