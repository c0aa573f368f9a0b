"""The shape of a talk: questions, story sentences, the opening and close, repetition.

Each function takes the words and the sentence spans (see :func:`coach.text.sentences`) first;
word lists (time anchors, crisis and humble cues) come from the profile.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from coach.analysis.english_nlp import tag_english
from coach.analysis.phrases import PhraseMatcher
from coach.text import norm
from coach.types import Figure, Word

_WH = {"what", "why", "how", "when", "where", "who", "whom", "whose", "which"}
_AUX = {
    "do", "does", "did", "is", "are", "was", "were", "am", "can", "could", "will", "would",
    "should", "shall", "have", "has", "had", "may", "might", "must", "isn't", "aren't", "don't",
    "doesn't", "didn't", "can't", "won't", "wouldn't", "shouldn't", "haven't", "wasn't",
}  # fmt: skip
_SUBJECTS = {"i", "we", "you", "they", "he", "she", "it", "this", "that", "there", "our", "my",
             "your", "the", "anyone", "anybody", "someone", "everyone", "people"}  # fmt: skip
_WH_SUBJECTS = {"a", "an", "his", "her", "their", "these", "those", "all", "we're", "you're"}
_LEAD_INS = {"so", "and", "but", "now", "then", "well", "okay", "ok", "honestly", "really"}
_FIRST_PERSON = {"i", "we", "me", "us", "my", "our", "mine", "ours", "i'm", "i've", "i'd", "we're",
                 "we've", "we'd", "i'll", "we'll", "myself", "ourselves"}  # fmt: skip


_STOPWORDS = {
    "the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "is",
    "was", "are", "were", "it", "this", "that", "we", "i", "you", "they", "he", "she", "be",
    "have", "has", "had", "do", "did", "not", "so", "as", "by", "from", "our", "my", "your",
}  # fmt: skip


_HESITATIONS = {"um", "uh", "er", "erm", "ah", "i", "mean", "you", "know", "like", "sorry"}


@dataclass(frozen=True)
class Question:
    """A question sentence; ``self_directed`` when the speaker asks it of themselves or 'we'."""

    span: tuple[int, int]
    self_directed: bool


def _is_question_shape(lows: Sequence[str]) -> bool:
    """Wh-word or auxiliary inversion at the start ("do I really want", "why would anyone")."""
    k = 0
    while k < len(lows) and lows[k] in _LEAD_INS:
        k += 1
    if k >= len(lows) or len(lows) - k < 3:
        return False
    first, second = lows[k], lows[k + 1]
    if first in _WH:
        # "what we built is..." is a statement; "what do we..." / "why would..." ask; "what is
        # clear is" is a statement too: after the auxiliary comes a subject
        if second in {"if", "else", "about", "exactly", "on", "earth"}:
            return True
        return second in _AUX and len(lows) > k + 2 and lows[k + 2] in _SUBJECTS | _WH_SUBJECTS
    return first in _AUX and second in _SUBJECTS


def find_questions(
    words: Sequence[Word], spans: Sequence[tuple[int, int]], *, punctuated: bool
) -> list[Question]:
    """Question sentences: a closing "?" in punctuated text, lexical cues in unpunctuated speech.

    Punctuated text also counts a "?" inside a sentence span (Whisper sometimes glues sentences).
    """
    out: list[Question] = []
    for a, b in spans:
        if b <= a:
            continue
        lows = [norm(w.text) for w in words[a:b]]
        if punctuated:
            # a "?" anywhere, or a self-question whose "?" the transcriber dropped
            # ("So why did I drop out.")
            asked = any(w.text.rstrip("\"'”’)").endswith("?") for w in words[a:b]) or (
                b - a <= 12 and _is_question_shape(lows) and not words[b - 1].text.endswith("!")
            )
        else:
            asked = _is_question_shape(lows)
        if asked:
            out.append(Question((a, b), any(t in _FIRST_PERSON for t in lows)))
    return out


# Verbs of state, not events: "I was", "we had", "I think" do not make something happen
_STATE_VERBS = {"be", "have", "seem", "know", "think", "believe", "want", "like", "love", "need",
                "mean", "hope", "wish", "appreciate", "feel", "look", "sound", "remain"}  # fmt: skip
_WHO = {"i", "we", "he", "she", "they", "me", "us", "him", "them", "my", "our", "his", "her",
        "their", "i'd", "i'm", "we'd", "he'd", "she'd", "they'd"}  # fmt: skip
# A sentence about these is a results report ("revenue rose 26% in the quarter"), not a story
_REPORT_WORDS = {"revenue", "revenues", "sales", "profit", "profits", "margin", "margins",
                 "earnings", "eps", "ebitda", "shipments", "quarter", "quarterly", "fiscal",
                 "guidance", "results", "report", "shareholders", "market share"}  # fmt: skip
_IRREGULAR_PAST = {"went", "came", "saw", "told", "said", "met", "left", "took", "got", "made",
                   "began", "ran", "found", "lost", "sold", "bought", "wrote", "drove", "flew",
                   "fell", "gave", "felt", "thought", "knew", "brought", "built", "won", "heard"}  # fmt: skip


def _event_words(words: Sequence[Word], a: int, b: int) -> list[int]:
    """Indices of past-tense event verbs in ``[a, b)`` (tagger, or a suffix test without one)."""
    tags = tag_english(words)
    out = []
    for k in range(a, b):
        if tags[k].tag:
            if tags[k].tag == "VBD" and tags[k].lemma not in _STATE_VERBS:
                out.append(k)
        else:
            low = norm(words[k].text)
            if low in _IRREGULAR_PAST or (low.endswith("ed") and len(low) > 4):
                out.append(k)
    return out


def _capitalised_name(words: Sequence[Word], k: int, sentence_start: int) -> bool:
    """Without tags: a capitalised word inside the sentence that is not "I"."""
    text = words[k].text
    return k > sentence_start and text[:1].isupper() and norm(text) not in _FIRST_PERSON


def story_sentences(
    words: Sequence[Word],
    spans: Sequence[tuple[int, int]],
    *,
    time_anchors: Iterable[str],
    people: Iterable[str],
    dates: Sequence[Figure] = (),
    durations: Sequence[Figure] = (),
) -> list[tuple[int, int]]:
    """Sentences that tell what happened: a who, something that happened, and a when.

    The who is a person (a pronoun, a role word from the profile, a name); something happened
    when a verb in the past tense names an event (not "was", "had", "thought"); the when is a
    time anchor from the profile ("years ago", "that night"), a date, or the story already
    running in the sentence before. A results report ("I'm pleased to report that revenue rose")
    is not a story, whoever says it.
    """
    tags = tag_english(words)
    anchor_hits = {h.span[0] for h in PhraseMatcher(time_anchors).find(words)}
    people_hits = {h.span[0] for h in PhraseMatcher(people).find(words)}
    date_starts = {f.word_span[0] for f in dates}
    duration_starts = {f.word_span[0] for f in durations}
    out = []
    running = False
    for a, b in spans:
        lows = [norm(w.text) for w in words[a:b]]
        inside = set(range(a, b))
        events = _event_words(words, a, b)
        # a name is a who when it does something ("Newton explored"); companies mostly "are"
        named = any(k - 1 >= a and (tags[k - 1].tag == "NNP" or _capitalised_name(words, k - 1, a))
                    for k in events)  # fmt: skip
        who = any(t in _WHO for t in lows) or bool(inside & people_hits) or named
        event = bool(events)
        past = event or any(tags[k].tag == "VBD" for k in range(a, b))
        when = bool(inside & anchor_hits or inside & date_starts)
        lasted = bool(inside & duration_starts)
        report = any(t in _REPORT_WORDS for t in lows)
        asked = words[b - 1].text.rstrip("\"'”’)").endswith("?")
        # a dated sentence may set the scene with "was"; a duration ("after 6 months") or the
        # story running before needs an event
        # a scene told in the present ("When I talk to my students, they always ask") counts
        # when it is anchored in time
        scene = when and any(tags[k].tag in {"VBP", "VBZ"} and tags[k].lemma not in _STATE_VERBS
                             for k in range(a, b))  # fmt: skip
        story = (
            who and not report and ((when and (past or scene)) or ((lasted or running) and event))
        )
        if story and not asked:
            out.append((a, b))
        running = story or (running and past)
    return out


THANKS = ("thank you", "thanks", "thank", "god bless", "good night", "goodbye")


def last_real_sentence(words: Sequence[Word], spans: Sequence[tuple[int, int]]) -> int | None:
    """Index in ``spans`` of the last sentence that is not thanks or a sign-off."""
    for k in range(len(spans) - 1, -1, -1):
        a, b = spans[k]
        text = " ".join(norm(w.text) for w in words[a:b]).strip()
        if not text:
            continue
        short = b - a <= 8
        if short and any(text.startswith(t) or text.endswith(t) for t in THANKS):
            continue
        if short and text in {"applause", "laughter", "music"}:
            continue
        return k
    return None


def edge_span(
    n_words: int,
    spans: Sequence[tuple[int, int]],
    *,
    share: float,
    end: bool,
    min_sentences: int = 2,
) -> tuple[int, int]:
    """The first (or last) ``share`` of the words, widened to whole sentences and to at least
    ``min_sentences`` sentences (an opening line and its follow-up belong together)."""
    if not spans:
        return (0, 0)
    limit = max(1, round(n_words * share))
    ordered = list(reversed(spans)) if end else list(spans)
    edge = ordered[0]
    for taken, (a, b) in enumerate(ordered):
        inside = (n_words - b) if end else a
        if inside >= limit and taken >= min_sentences:
            break
        edge = (a, b)
    return (edge[0], n_words) if end else (0, edge[1])


@dataclass(frozen=True)
class Repeat:
    """A phrase said again within a short span; ``device`` when it is deliberate anaphora."""

    phrase: str
    first: tuple[int, int]
    again: tuple[int, int]


def anaphora(
    words: Sequence[Word], spans: Sequence[tuple[int, int]], *, min_run: int = 3
) -> list[tuple[int, int]]:
    """Runs of sentences (as one word range) that start with the same word or two, e.g. a triad
    "They refuse... They yearn... They have...". Credited as a device, never as a repeat."""
    out = []
    k = 0
    while k < len(spans):
        a = spans[k][0]
        head = norm(words[a].text) if spans[k][1] > a else ""
        j = k + 1
        while (
            head
            and j < len(spans)
            and spans[j][1] > spans[j][0]
            and norm(words[spans[j][0]].text) == head
        ):
            j += 1
        if j - k >= min_run:
            out.append((spans[k][0], spans[j - 1][1]))
            k = j
        else:
            k += 1
    return out


def accidental_repeats(
    words: Sequence[Word],
    *,
    min_words: int = 2,
    window_words: int = 2,
    skip: Sequence[tuple[int, int]] = (),
) -> list[Repeat]:
    """Phrases said again at once: doubled words ("we we"), two-word phrases repeated back to back
    and longer phrases repeated with at most ``window_words`` hesitation words between ("the new
    plant, uh, the new plant"). Ranges in ``skip`` (anaphora) are left alone; parallel lines further apart
    ("most of the team and most of the riders") are style, not stumbles."""
    lows = [norm(w.text) for w in words]
    skipped: set[int] = set()
    for a, b in skip:
        skipped.update(range(a, b))
    out: list[Repeat] = []
    i = 0
    n = len(lows)
    while i < n:
        found = False
        # immediate doubled word: "we we", "the the" (not "that that", "had had")
        if (
            i + 1 < n
            and lows[i]
            and lows[i] == lows[i + 1]
            and lows[i] not in {"that", "had", "very", "no"}
        ):
            if i not in skipped and not lows[i][:1].isdigit():
                out.append(Repeat(lows[i], (i, i + 1), (i + 1, i + 2)))
                i += 2
                continue
        for size in (4, 3, min_words):
            gram = lows[i : i + size]
            if len(gram) < size or not all(gram) or i in skipped or set(gram) <= _STOPWORDS:
                continue
            # two-word repeats only count when said again at once ("the team, the team");
            # longer ones may have a filler or two in between ("the plan, uh, the plan")
            reach = window_words + 1 if size > 2 else 1
            for j in range(i + size, min(n - size, i + size + reach - 1) + 1):
                between = lows[i + size : j]
                if lows[j : j + size] == gram and j not in skipped and set(between) <= _HESITATIONS:
                    out.append(Repeat(" ".join(gram), (i, i + size), (j, j + size)))
                    found = True
                    break
            if found:
                break
        i = out[-1].again[1] if found else i + 1
    return out
