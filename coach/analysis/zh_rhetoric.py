"""The shape of a Chinese talk: word-list hits, questions, stories, fillers, repeats, sentence length.

Chinese has no spaces, so word lists are matched as character strings inside each sentence (the
words joined), and a hit covers the words it touches. Two list entries need a guard because they
are everyday words as often as boasts: 最 is hype in 最强 but not in 最后 / 最近 / 最早, and 第一 is
hype in 全球第一 / 第一名 but an ordinal in 第一次 / 第一天.

Questions: a ？ (or ?) in typed text; in speech, where punctuation is unreliable, also a final
吗 / 呢, an opening 为什么 / 怎么 / 难道 / 凭什么, or an A-not-A pair (是不是, 有没有, 能不能 …).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from coach.cjk import join_words
from coach.types import Figure, Word
from coach.zh_text import spoken_chars

LONG_SENTENCE_CHARS = 45
"""A spoken Chinese sentence longer than this many characters is hard to follow by ear."""

FIRST_PERSON = ("我们", "咱们", "我", "自己")
QUESTION_OPENERS = (
    "为什么",
    "为何",
    "怎么",
    "难道",
    "凭什么",
    "何必",
    "是否",
    "谁能",
    "哪里",
    "如何",
)
WH_WORDS = ("什么", "怎么", "为什么", "哪", "谁", "多少", "几", "还是", "如何")
A_NOT_A = ("是不是", "有没有", "能不能", "会不会", "要不要", "对不对", "好不好", "行不行", "可不可以",
           "值不值得", "敢不敢", "该不该", "还是不是")  # fmt: skip
LEAD_INS = ("那么", "所以", "可是", "但是", "那", "而", "可", "但", "那你", "你说")
SELF_ASK = ("问自己", "扪心自问", "我在想", "我一直在想", "我反复问")
FILLERS = ("嗯嗯", "呃呃", "嗯", "呃", "额", "唔", "啊", "哎")
SOFT_FILLERS = ("那个", "这个", "就是说", "就是", "然后")
"""Counted only when set off by a comma or said twice ("那个，", "然后然后")."""
_ZUI_NEUTRAL = "后近终初早晚少多先"
_DIYI_NEUTRAL = "次天步个年代批件章部时反感季阶轮期条点句款届周月号回版"
_PUNCT = "，。！？、；：,.!?;:…—“”‘’\"'（）()《》 "


@dataclass(frozen=True)
class ZhHit:
    """A list entry found at the half-open word range ``span``."""

    phrase: str
    span: tuple[int, int]


def _joined(words: Sequence[Word], a: int, b: int) -> tuple[str, list[int]]:
    text = ""
    owner: list[int] = []
    for k in range(a, b):
        text += words[k].text
        owner.extend([k] * len(words[k].text))
    return text, owner


def _hype_guard(text: str, at: int, phrase: str) -> bool:
    """False for the everyday uses of 最 and 第一 (最后, 第一次)."""
    after = text[at + len(phrase) : at + len(phrase) + 1]
    if phrase == "最":
        return bool(after) and after not in _ZUI_NEUTRAL and after not in _PUNCT
    if phrase == "第一":
        return after not in _DIYI_NEUTRAL or after == ""
    return True


class ZhMatcher:
    """Finds list entries in Chinese words, longest entry first, never across a sentence end."""

    def __init__(
        self, phrases: Iterable[str], *, guard: Callable[[str, int, str], bool] | None = None
    ) -> None:
        self.phrases = sorted({p.strip() for p in phrases if p.strip()}, key=len, reverse=True)
        self.guard = guard

    def find(
        self, words: Sequence[Word], spans: Sequence[tuple[int, int]] | None = None
    ) -> list[ZhHit]:
        """Non-overlapping hits in order; ``spans`` are the sentences (default: all one)."""
        hits: list[ZhHit] = []
        for a, b in spans if spans is not None else [(0, len(words))]:
            text, owner = _joined(words, a, b)
            low = text.lower()
            k = 0
            while k < len(low):
                for phrase in self.phrases:
                    if low.startswith(phrase, k) and (
                        self.guard is None or self.guard(low, k, phrase)
                    ):
                        hits.append(ZhHit(phrase, (owner[k], owner[k + len(phrase) - 1] + 1)))
                        k += len(phrase)
                        break
                else:
                    k += 1
        return hits


def hype_matcher(phrases: Iterable[str]) -> ZhMatcher:
    """A matcher for the hype list, with the 最 / 第一 guard."""
    return ZhMatcher(phrases, guard=_hype_guard)


@dataclass(frozen=True)
class ZhQuestion:
    """A question sentence; ``self_directed`` when the speaker asks it of themselves or 我们."""

    span: tuple[int, int]
    self_directed: bool


def _strip(text: str) -> str:
    return text.strip(_PUNCT)


def is_question_text(sentence: str) -> bool:
    """Lexical question cues for unpunctuated speech (see the module docstring)."""
    bare = _strip(sentence)
    if not bare:
        return False
    if bare.endswith("吗") or (bare.endswith("呢") and any(w in bare for w in WH_WORDS)):
        return True  # 呢 alone also closes statements ("我们还在路上呢")
    head = bare
    for lead in LEAD_INS:
        if head.startswith(lead) and len(head) > len(lead) + 2:
            head = head[len(lead) :]
            break
    if head.startswith(QUESTION_OPENERS):
        return True
    return any(p in bare for p in A_NOT_A)


def find_zh_questions(
    words: Sequence[Word], spans: Sequence[tuple[int, int]], *, lexical: bool
) -> list[ZhQuestion]:
    """Question sentences: a ？ anywhere in the sentence, or (``lexical``) the spoken cues.

    A sentence with 问自己 / 扪心自问 that carries a question cue is a self-question even when
    it ends in 。 ("我问自己，还要不要继续。").
    """
    out: list[ZhQuestion] = []
    for a, b in spans:
        if b <= a:
            continue
        text = join_words(w.text for w in words[a:b])
        asked = "？" in text or "?" in text
        if not asked and (lexical or any(s in text for s in SELF_ASK)):
            asked = is_question_text(text) or (
                any(s in text for s in SELF_ASK) and any(p in text for p in A_NOT_A)
            )
        if asked:
            out.append(ZhQuestion((a, b), any(p in text for p in FIRST_PERSON)))
    return out


def zh_story_sentences(
    words: Sequence[Word],
    spans: Sequence[tuple[int, int]],
    *,
    time_anchors: Iterable[str],
    people: Iterable[str],
    dates: Sequence[Figure] = (),
) -> list[tuple[int, int]]:
    """Sentences that narrate: first person (我 / 我们) plus a time anchor (那天, 三年前, 当时 …),
    a date, a person or place from the profile (同事, 工程师, 工厂 …) or a personal name."""
    anchors = ZhMatcher(time_anchors)
    persons = ZhMatcher(people)
    date_starts = {f.word_span[0] for f in dates}
    from coach.analysis.zh_numbers import _word_tags

    tags = _word_tags()
    out = []
    for a, b in spans:
        text = join_words(w.text for w in words[a:b])
        if not any(p in text for p in FIRST_PERSON):
            continue
        inside = set(range(a, b))
        named = any(tags.get(_strip(w.text)) == "nr" for w in words[a:b])
        if (
            anchors.find(words, [(a, b)])
            or persons.find(words, [(a, b)])
            or inside & date_starts
            or named
        ):
            out.append((a, b))
    return out


def find_zh_fillers(words: Sequence[Word]) -> list[ZhHit]:
    """Hesitation sounds said as words of their own (嗯, 呃), and 那个 / 这个 / 就是 / 然后 when
    set off by a comma or said twice in a row."""
    out: list[ZhHit] = []
    for i, w in enumerate(words):
        bare = _strip(w.text)
        if bare in FILLERS:
            out.append(ZhHit(bare, (i, i + 1)))
        elif bare in SOFT_FILLERS:
            again = i + 1 < len(words) and _strip(words[i + 1].text) == bare
            if w.text.rstrip().endswith(("，", ",", "…")) or again:
                out.append(ZhHit(bare, (i, i + 1)))
    return out


@dataclass(frozen=True)
class ZhRepeat:
    """A word or two said again at once by accident ("我们我们", "这个产品这个产品")."""

    phrase: str
    first: tuple[int, int]
    again: tuple[int, int]


def zh_repeats(words: Sequence[Word]) -> list[ZhRepeat]:
    """Words or word pairs repeated back to back (digits and filler sounds left out)."""
    bare = [_strip(w.text) for w in words]
    out: list[ZhRepeat] = []
    i = 0
    while i < len(bare):
        for size in (2, 1):
            if i + 2 * size > len(bare):
                continue
            first, again = bare[i : i + size], bare[i + size : i + 2 * size]
            text = "".join(first)
            if (
                first == again
                and all(first)
                and not any(ch.isdigit() for ch in text)
                and text not in FILLERS
                and spoken_chars(text) >= 1
                and not words[i + size - 1].text.endswith(("。", "！", "？"))
            ):
                out.append(ZhRepeat(text, (i, i + size), (i + size, i + 2 * size)))
                i += 2 * size
                break
        else:
            i += 1
    return out


def sentence_chars(words: Sequence[Word], spans: Sequence[tuple[int, int]]) -> list[int]:
    """Spoken characters in each sentence."""
    return [sum(spoken_chars(w.text) for w in words[a:b]) for a, b in spans]


def edge_span(
    words: Sequence[Word],
    spans: Sequence[tuple[int, int]],
    *,
    share: float,
    end: bool,
    min_sentences: int = 2,
) -> tuple[int, int]:
    """The first (or last) ``share`` of the characters, widened to whole sentences and to at least
    ``min_sentences`` sentences."""
    if not spans:
        return (0, 0)
    counts = sentence_chars(words, spans)
    limit = max(1, round(sum(counts) * share))
    order = list(range(len(spans)))[::-1] if end else list(range(len(spans)))
    taken = 0
    chosen = order[0]
    for k, idx in enumerate(order):
        if taken >= limit and k >= min_sentences:
            break
        chosen = idx
        taken += counts[idx]
    return (spans[chosen][0], len(words)) if end else (0, spans[chosen][1])
