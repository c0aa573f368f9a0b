"""Follow a script while it is spoken: where the speaker is, what was said, what was skipped.

The live transcriber hands over words one utterance at a time. :class:`ScriptFollower` aligns
each batch with the script near the place the speaker was last heard (``difflib`` matching
blocks over normalised tokens; numbers compare by value, so "five thousand" meets "5,000") and
moves the reading position to the end of the last block it trusts. A batch that matches nothing
leaves the position where it was and marks the speaker off script; a run of script words jumped
over becomes a skipped passage (and stops being one if the speaker goes back and says it).

Between two batches the speaker keeps talking, and the words come only after the next pause.
:class:`VoiceClock` counts the seconds of voice heard (from the microphone level) and
:func:`predict_position` moves a provisional cursor that many seconds ahead at the speaker's own
rate, so the teleprompter keeps up while the speaker talks and holds while they are silent or off
script. The next batch corrects it.
"""

from __future__ import annotations

import bisect
import difflib
from collections.abc import Sequence
from dataclasses import dataclass

from coach.analysis.numbers import find_figures
from coach.text import ends_sentence, norm, transcript_from_text
from coach.types import Word

LOOKAHEAD_WORDS = 150
"""How far past the current place a batch may match (words): a skipped paragraph is found."""
LOOKBACK_WORDS = 15
"""How far back a batch may match (words): the speaker repeats a sentence."""
MIN_SKIP_WORDS = 3
"""A jump over at least this many more script words than were heard in between is a skipped
passage; a smaller difference is taken as words the recogniser got wrong."""
NEAR_TOKENS = 8
"""A matching block this close to the expected place may be short; farther ones need 3 tokens."""
DEFAULT_WORDS_PER_S = 2.6
"""Words per second of voice before the speaker's own rate is known (≈ 156 wpm)."""
MAX_AHEAD_WORDS = 25
"""The provisional cursor never runs more than this many words past the last words heard."""

_SHORT_WORDS = (
    "a an and are as at be but by do for from had has have he her his i if in is it its me my no "
    "not of on or our she so that the their them then there they this to up us was we were what "
    "when who will with you your"
)
_SHORT = frozenset(_SHORT_WORDS.split(" "))


def _content(key: str) -> bool:
    """A token that says where the speaker is: a number or a word that is not a common one."""
    return key.startswith("#") or (len(key) >= 4 and key not in _SHORT)


@dataclass(frozen=True)
class FollowState:
    """Where the speaker is in the script.

    ``position`` is the index of the next script word to say (``len(words)`` at the end);
    ``said`` holds a flag per script word; ``skipped`` the half-open word ranges jumped over;
    ``off_script`` is true when the last words heard matched nothing; ``heard_to_s`` is the
    recording time (s) of the end of the last word heard.
    """

    position: int
    said: tuple[bool, ...]
    skipped: tuple[tuple[int, int], ...]
    off_script: bool
    heard_to_s: float | None


def _tokens(words: Sequence[Word]) -> tuple[list[str], list[tuple[int, int]]]:
    """Comparable tokens and the word range each came from; a number is one token by value."""
    starts = {f.word_span[0]: f for f in find_figures(words)}
    keys: list[str] = []
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(words):
        fig = starts.get(i)
        if fig is not None and fig.word_span[1] > i:
            keys.append(f"#{fig.value:g}")
            spans.append((i, fig.word_span[1]))
            i = fig.word_span[1]
            continue
        key = norm(words[i].text)
        if key:
            keys.append(key)
            spans.append((i, i + 1))
        i += 1
    return keys, spans


class ScriptFollower:
    """Aligns batches of heard words with a script; :meth:`hear` returns the new state."""

    def __init__(
        self,
        script: str,
        *,
        lookahead_words: int = LOOKAHEAD_WORDS,
        lookback_words: int = LOOKBACK_WORDS,
        min_skip_words: int = MIN_SKIP_WORDS,
    ) -> None:
        self.words: tuple[Word, ...] = transcript_from_text(script).words
        self.keys, self.spans = _tokens(self.words)
        self.lookahead = lookahead_words
        self.lookback = lookback_words
        self.min_skip = min_skip_words
        self._said = [False] * len(self.words)
        self._skipped: list[tuple[int, int]] = []
        self._token = 0  # next script token expected
        self._off = False
        self._unmatched = 0  # tokens heard off script since the last match
        self._heard_to: float | None = None
        self._matched_words = 0
        self._matched_s = 0.0
        self.batches: list[tuple[int, float, float]] = []
        """(script words passed, first word start s, last word end s) of each batch heard."""

    # -- the state --------------------------------------------------------------------------

    @property
    def position(self) -> int:
        """Index of the next script word to say."""
        return self.spans[self._token][0] if self._token < len(self.spans) else len(self.words)

    def state(self) -> FollowState:
        """The current :class:`FollowState`."""
        return FollowState(
            position=self.position,
            said=tuple(self._said),
            skipped=tuple(self._skipped),
            off_script=self._off,
            heard_to_s=self._heard_to,
        )

    @property
    def words_per_s(self) -> float:
        """The speaker's rate in script words per second of speech heard so far."""
        if self._matched_words < 8 or self._matched_s <= 0:
            return DEFAULT_WORDS_PER_S
        return self._matched_words / self._matched_s

    # -- hearing ----------------------------------------------------------------------------

    def hear(self, heard: Sequence[Word]) -> FollowState:
        """Align ``heard`` (the next words transcribed, in order) and return the new state."""
        keys, _spans = _tokens(heard)
        ends = [w.end_s for w in heard if w.end_s is not None]
        if ends:
            self._heard_to = max(ends)
        if not keys:
            return self.state()
        lo = max(0, self._token - self.lookback)
        hi = min(len(self.keys), self._token + self.lookahead)
        matcher = difflib.SequenceMatcher(a=self.keys[lo:hi], b=keys, autojunk=False)
        cursor = self._token
        accepted: list[tuple[int, int, int]] = []  # (script token, heard token, size)
        for block in matcher.get_matching_blocks():
            if block.size == 0:
                continue
            start = lo + block.a
            if not self._trusted(start, block.size, cursor):
                continue
            accepted.append((start, block.b, block.size))
            cursor = start + block.size
        if not accepted:
            self._off = True
            # perhaps script words too badly misheard to match: if the next match leaves about
            # this many script words behind, they were said, not skipped
            self._unmatched += len(keys)
            return self.state()
        self._off = False
        before = self.position
        script_at, heard_at = self._token, -self._unmatched
        self._unmatched = 0
        for start, b, size in accepted:
            if start > script_at:
                self._gap(script_at, start, heard=max(0, b - heard_at))
            self._mark(start, start + size)
            script_at, heard_at = start + size, b + size
        # words heard after the last match were most likely the next script words, misheard
        tail = min(len(keys) - heard_at, len(self.keys) - script_at)
        if tail > 0:
            self._mark(script_at, script_at + tail)
            script_at += tail
        self._token = script_at
        timed = [w for w in heard if w.start_s is not None and w.end_s is not None]
        if len(timed) >= 2:
            # script words this batch moved over (said, misheard or repeated: not skipped)
            skipped_now = sum(e - a for a, e in self._skipped if before <= a < self.position)
            moved = max(0, self.position - before - skipped_now)
            t0, t1 = float(timed[0].start_s or 0.0), float(timed[-1].end_s or 0.0)
            self._matched_words += moved
            self._matched_s += t1 - t0
            self.batches.append((moved, t0, t1))
        return self.state()

    def words_per_voiced_s(self, clock: VoiceClock) -> float:
        """The speaker's rate in script words per second of *voice* (as ``clock`` heard it), the
        unit :func:`predict_position` counts in; the default until 8 words were matched."""
        words = sum(n for n, _a, _b in self.batches)
        voiced = sum(clock.voiced_between(a, b) for _n, a, b in self.batches)
        if words < 8 or voiced <= 0:
            return DEFAULT_WORDS_PER_S
        return words / voiced

    def _gap(self, a: int, b: int, *, heard: int) -> None:
        """Script tokens ``a:b`` passed while ``heard`` unmatched tokens were heard: that many
        were said but misheard; a surplus of at least :attr:`min_skip` was skipped (taken to be
        the first ones: the speaker jumped, then spoke). Inside one sentence, words heard in its
        place mean it was said and misheard (Whisper may make two words of five), not jumped."""
        surplus = (b - a) - heard
        if heard and not self._crosses_sentence(a, b):
            surplus = 0  # words heard in place of part of one sentence: misheard, not a jump
        if surplus >= self.min_skip:
            self._skip(a, a + surplus)
            a += surplus
        if b > a:
            self._mark(a, b)

    def _crosses_sentence(self, a: int, b: int) -> bool:
        """Whether script tokens ``a:b`` hold a sentence end before their last word."""
        wa, wb = self._words(a, b)
        return any(ends_sentence(w.text) for w in self.words[wa : max(wa, wb - 1)])

    def _trusted(self, start: int, size: int, cursor: int) -> bool:
        """Whether a matching block is evidence of where the speaker is."""
        near = abs(start - cursor) <= NEAR_TOKENS
        content = sum(_content(k) for k in self.keys[start : start + size])
        if size >= 3 and (near or content >= 2):
            return True
        if size == 2:
            return near
        return size == 1 and abs(start - cursor) <= 2 and content == 1

    def _words(self, a: int, b: int) -> tuple[int, int]:
        """Script word range of tokens ``a:b``."""
        start = self.spans[a][0] if a < len(self.spans) else len(self.words)
        end = self.spans[b - 1][1] if b > 0 and b - 1 < len(self.spans) else start
        return start, max(start, end)

    def _mark(self, a: int, b: int) -> None:
        wa, wb = self._words(a, b)
        for i in range(wa, wb):
            self._said[i] = True
        # a passage said after all is no longer skipped
        kept: list[tuple[int, int]] = []
        for s, e in self._skipped:
            if wb <= s or wa >= e:
                kept.append((s, e))
                continue
            if s < wa:
                kept.append((s, wa))
            if wb < e:
                kept.append((wb, e))
        self._skipped = [(s, e) for s, e in kept if e - s > 0]

    def _skip(self, a: int, b: int) -> None:
        wa, wb = self._words(a, b)
        wa_unsaid = wa
        while wa_unsaid < wb and self._said[wa_unsaid]:
            wa_unsaid += 1
        if wb - wa_unsaid > 0:
            self._skipped.append((wa_unsaid, wb))
            self._skipped.sort()


class VoiceClock:
    """Seconds of voice heard, from microphone levels sampled along the recording time."""

    def __init__(self, *, threshold_db: float = -42.0) -> None:
        self.threshold_db = threshold_db
        self._times: list[float] = []
        self._voiced_total: list[float] = []  # voiced seconds up to each sample

    def add(self, at_s: float, level_db: float) -> None:
        """Record the level ``level_db`` (dBFS) heard at recording time ``at_s`` (s)."""
        if self._times and at_s <= self._times[-1]:
            return
        total = self._voiced_total[-1] if self._voiced_total else 0.0
        if self._times and level_db >= self.threshold_db:
            total += at_s - self._times[-1]
        self._times.append(at_s)
        self._voiced_total.append(total)

    def voiced_between(self, start_s: float, end_s: float) -> float:
        """Seconds of voice heard between recording times ``start_s`` and ``end_s``."""
        return max(0.0, self._total_at(end_s) - self._total_at(start_s))

    def _total_at(self, at_s: float) -> float:
        if not self._times:
            return 0.0
        i = bisect.bisect_right(self._times, at_s) - 1
        return self._voiced_total[i] if i >= 0 else 0.0

    @property
    def now_s(self) -> float:
        """The latest recording time sampled (0 before any)."""
        return self._times[-1] if self._times else 0.0


def predict_position(
    state: FollowState,
    voiced_s: float,
    *,
    words_per_s: float = DEFAULT_WORDS_PER_S,
    max_ahead_words: int = MAX_AHEAD_WORDS,
) -> int:
    """The script word the speaker has probably reached after ``voiced_s`` more seconds of voice.

    Holds at ``state.position`` when the speaker is off script; never runs more than
    ``max_ahead_words`` past the last words heard nor past the end of the script.
    """
    if state.off_script or voiced_s <= 0:
        return state.position
    ahead = min(max_ahead_words, int(voiced_s * words_per_s))
    return min(len(state.said), state.position + ahead)


PAUSE_S = 0.4
"""Silence this long after speech is a pause: the cursor settles on a sentence boundary."""
SNAP_WORDS = 4
"""How far (words) a pause may move the cursor to the nearest sentence boundary."""
CAUTION = 0.85
"""The cursor counts on at this share of the learnt rate: running ahead of the voice marks
words as said that were not, lagging a little only delays the mark (the next batch and the next
pause correct both)."""


class ProvisionalCursor:
    """Where the speaker probably is between two batches of heard words.

    It starts from the last place words were heard and moves at the speaker's rate while the
    :class:`VoiceClock` hears a voice (:func:`predict_position`). Speakers pause between
    sentences, so when a pause follows speech the cursor settles on the nearest sentence
    boundary within :data:`SNAP_WORDS` words (ahead or back) and counts on from there.
    """

    def __init__(self, follower: ScriptFollower, clock: VoiceClock) -> None:
        self.follower = follower
        self.clock = clock
        words = follower.words
        self.sentence_starts = [i for i in range(1, len(words))
                                if words[i].utterance != words[i - 1].utterance] + [len(words)]  # fmt: skip
        self._state = follower.state()
        self._anchor = (self._state.position, 0.0)

    def heard(self, state: FollowState) -> None:
        """New words were heard: count on from where they put the speaker."""
        self._state = state
        self._anchor = (state.position, float(state.heard_to_s or 0.0))

    def position(self) -> int:
        """The word the speaker has probably reached now."""
        at, since = self._anchor
        now = self.clock.now_s
        voiced = self.clock.voiced_between(since, now)
        state = FollowState(at, self._state.said, self._state.skipped, self._state.off_script,
                            self._state.heard_to_s)  # fmt: skip
        rate = CAUTION * self.follower.words_per_voiced_s(self.clock)
        guess = predict_position(state, voiced, words_per_s=rate)
        paused = voiced > 0 and self.clock.voiced_between(now - PAUSE_S, now) == 0
        if paused and not state.off_script:
            near = [s for s in self.sentence_starts
                    if abs(s - guess) <= SNAP_WORDS and s >= self._state.position]  # fmt: skip
            if near:
                guess = min(near, key=lambda s: abs(s - guess))
            self._anchor = (guess, now)  # the next stretch of voice counts from here
        return guess
