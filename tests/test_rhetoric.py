"""Questions, story sentences, opening and close, repetition and anaphora."""

from __future__ import annotations

from coach.analysis.analyse import analyse
from coach.analysis.rhetoric import accidental_repeats, anaphora, find_questions
from coach.text import sentences, transcript_from_text
from coach.types import Transcript, Word


def speech(*utterances: str) -> Transcript:
    """An unpunctuated transcript, one utterance per argument (like Sphinx output)."""
    words = [Word(t, utterance=u) for u, text in enumerate(utterances) for t in text.split()]
    return Transcript(tuple(words), engine="sphinx", punctuated=False)


def test_questions_from_question_marks() -> None:
    """In text, a question is a sentence ending with '?'; self-questions use I/we."""
    t = transcript_from_text("Should I quit my job? Nobody knew. What would you do?")
    qs = find_questions(t.words, sentences(t.words), punctuated=True)
    assert [(q.span, q.self_directed) for q in qs] == [((0, 5), True), ((7, 11), False)]


def test_questions_without_punctuation_from_lexical_cues() -> None:
    """Without punctuation: wh-word + auxiliary or auxiliary inversion at the start."""
    t = speech(
        "do i really want to start again",
        "what we built is small",
        "why would anyone buy it",
        "we sold it",
    )
    qs = find_questions(t.words, sentences(t.words, punctuated=False), punctuated=False)
    assert [t.words[q.span[0]].text for q in qs] == ["do", "why"]
    assert [q.self_directed for q in qs] == [True, False]


def test_story_share_counts_narrated_sentences() -> None:
    """First person plus a time anchor or a person makes a story sentence; claims do not."""
    text = (
        "Three years ago I sold my car to pay the rent. "
        "That night my sister called me. "
        "The product is fast and cheap. "
        "Our margins are healthy."
    )
    a = analyse(transcript_from_text(text))
    assert a.values["story_share"] == 50.0
    assert len(a.details["stories"]) == 2


def test_opening_hooks_crisis_question_figure() -> None:
    """An opening with a crisis, a question and a figure scores all three hooks."""
    body = " ".join(["We kept going and we learned a lot."] * 12)
    text = "In May we nearly went bankrupt: 40 days of cash left. Would we survive? " + body
    a = analyse(transcript_from_text(text))
    assert a.values["opening_hook"] == 3
    plain = analyse(transcript_from_text("Good morning everyone and welcome. " + body))
    assert plain.values["opening_hook"] == 0


def test_close_humble_or_forward_without_superlative() -> None:
    """Closing humbly scores 1; a superlative in the last sentence halves it; thanks alone are a
    sign-off, not humility, so a thankful boast scores 0 like a flat close."""
    body = " ".join(["We kept going and we learned a lot."] * 12)
    humble = analyse(transcript_from_text(body + " We are still far from done. Thank you."))
    boast = analyse(
        transcript_from_text(body + " We are still far from done, and simply the best.")
    )
    flat = analyse(transcript_from_text(body + " That is the product."))
    assert (
        humble.values["close_humble"],
        boast.values["close_humble"],
        flat.values["close_humble"],
    ) == (1, 0.5, 0)


def test_anaphora_is_a_device_not_a_repeat() -> None:
    """Three sentences starting alike are credited as anaphora and not counted as repeats."""
    text = "We doubt the maps. We doubt the weather. We doubt ourselves. Then we ride."
    t = transcript_from_text(text)
    spans = sentences(t.words)
    devices = anaphora(t.words, spans)
    assert devices == [(0, 11)]
    assert accidental_repeats(t.words, skip=devices) == []


def test_accidental_repeats_found() -> None:
    """A stutter ('we we') and a phrase said twice in a row are repeats."""
    t = transcript_from_text("Then we we started the new factory, the new factory in the north.")
    phrases = [r.phrase for r in accidental_repeats(t.words)]
    assert phrases == ["we", "the new factory"]


def test_common_phrases_are_not_repeats() -> None:
    """Function-word pairs like 'of the' repeating are normal speech."""
    t = transcript_from_text("Most of the team and most of the riders liked it.")
    assert accidental_repeats(t.words) == []


def test_punctuated_speech_keeps_a_sentence_across_a_short_pause() -> None:
    """Whisper text split by a mid-sentence pause stays one question; a long silence still cuts."""
    texts = [
        "Why",
        "does",
        "this",
        "matter",
        "to",
        "you?",
        "Because",
        "it",
        "is",
        "cheap",
        "and",
        "then",
        "silence",
    ]
    times = [0, 0.3, 0.6, 0.9, 1.2, 2.2, 2.6, 2.9, 3.2, 3.5, 3.8, 6.0, 6.3]
    utts = [0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 2, 2]  # VAD cut before "you?" (0.7 s) and "then" (2 s)
    words = tuple(Word(t, s, s + 0.25, u) for t, s, u in zip(texts, times, utts, strict=True))
    assert sentences(words, punctuated=True) == [(0, 6), (6, 11), (11, 13)]
    qs = find_questions(words, sentences(words, punctuated=True), punctuated=True)
    assert [q.span for q in qs] == [(0, 6)]
