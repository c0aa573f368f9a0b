"""Tips for a Chinese talk, in Chinese, each quoting the speaker's own words.

The same rules as :mod:`coach.coaching.feedback`: a tip only for a metric outside its band,
ranked by the points it costs (weight x shortfall), at most :data:`MAX_TIPS`. Quotes are cut by
characters (:data:`QUOTE_CHARS`), not words, and times read "1:05".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from coach.analysis.timing import clock
from coach.cjk import join_words
from coach.types import Analysis, MetricResult, Tip, Transcript, Word

MAX_TIPS = 7
QUOTE_CHARS = 24


def zh_quote(words: Sequence[Word], span: Sequence[int], *, limit: int = QUOTE_CHARS) -> str:
    """The words of ``span`` joined, cut to ``limit`` characters with "…"."""
    text = join_words(w.text for w in words[int(span[0]) : int(span[1])])
    return text if len(text) <= limit else text[:limit] + "…"


class _ZhTips:
    """One method per metric, as in the English tip writer."""

    def __init__(self, transcript: Transcript, analysis: Analysis) -> None:
        self.words = transcript.words
        self.t = transcript
        self.a = analysis
        self.d = analysis.details

    def _at(self, index: int) -> float | None:
        return self.words[index].start_s if 0 <= index < len(self.words) else None

    def _when(self, index: int) -> str:
        at = self._at(index)
        return f"在{clock(at)}，" if at is not None else ""

    def _tip(self, r: MetricResult, text: str, action: str, span: Sequence[int] | None,
             share: float = 1.0) -> Tip:  # fmt: skip
        q = zh_quote(self.words, span) if span is not None else ""
        at = self._at(int(span[0])) if span is not None else None
        return Tip(text, action, q, at, r.name, r.weight * (100 - r.score) * share,
                   int(span[0]) if span is not None else None)  # fmt: skip

    def number_density(self, r: MetricResult) -> list[Tip]:
        if r.value > r.target_high:
            return []
        has_fig = {f.word_span[0] for f in self.a.figures if f.kind == "figure"}
        best: tuple[int, int] | None = None
        run: int | None = None
        for a, b in [*self.a.sentences, (len(self.words), len(self.words))]:
            if a == b or any(a <= i < b for i in has_fig):
                if run is not None and (best is None or a - run > best[1] - best[0]):
                    best = (run, a)
                run = None
            elif run is None:
                run = a
        if best is None:
            return []
        return [self._tip(r, f"{self._when(best[0])}“{zh_quote(self.words, best)}”这一段没有一个具体数字。",
                          "用数字支撑这个说法：多少、多快、多久、花了多少钱。", best)]  # fmt: skip

    figures_per_min = number_density
    number_desert_s = number_density

    def figures_landed(self, r: MetricResult) -> list[Tip]:
        rushed = self.d.get("unlanded") or []
        if not rushed:
            return []
        t_s, text = rushed[0]
        fig = next((f for f in self.a.figures if f.start_s == t_s), None)
        span = fig.word_span if fig is not None else None
        return [self._tip(r, f"在{clock(t_s)}你说了“{text}”就马上往下讲（共{len(rushed)}个数字没停顿）。",
                          "让数字落地：说完停半秒。", span)]  # fmt: skip

    def hype_rate(self, r: MetricResult) -> list[Tip]:
        hits = self.d.get("hype") or []
        return [
            self._tip(r, f"{self._when(h['span'][0])}你说了“{h['text']}”。", h["suggestion"],
                      h["span"], share=1.0 / min(len(hits), 2))
            for h in hits[:2]
        ]  # fmt: skip

    def filler_rate(self, r: MetricResult) -> list[Tip]:
        hits = self.d.get("fillers") or []
        if not hits:
            return []
        counts: dict[str, int] = {}
        for h in hits:
            key = h["text"].strip("，,。 ")
            counts[key] = counts.get(key, 0) + 1
        top = "、".join(f"“{k}”{v}次" for k, v in sorted(counts.items(), key=lambda kv: -kv[1])[:3])
        a = hits[0]["span"][0]
        span = (max(0, a - 3), a + 5)
        return [self._tip(r, f"{len(hits)}个口头禅（{top}），第一个在“{zh_quote(self.words, span)}”。",
                          "想词的时候安静地停一下，不要填“嗯”“那个”。", span)]  # fmt: skip

    def repetition_rate(self, r: MetricResult) -> list[Tip]:
        reps = self.d.get("repeats") or []
        if not reps:
            return []
        first = reps[0]
        return [self._tip(r, f"{self._when(first['span'][0])}“{first['phrase']}”连说了两遍。",
                          "说一遍，然后停顿；重复听起来没底气。", first["span"])]  # fmt: skip

    def words_per_sentence(self, r: MetricResult) -> list[Tip]:
        if not self.a.sentences or r.value < r.target_low:
            return []
        longest = max(self.a.sentences, key=lambda s: len(zh_quote(self.words, s, limit=10**6)))
        n = len(zh_quote(self.words, longest, limit=10**6))
        return [self._tip(r, f"最长的一句有{n}个字：“{zh_quote(self.words, longest)}”。",
                          "拆成两三句，每句不超过30个字。", longest)]  # fmt: skip

    long_sentence_share = words_per_sentence

    def story_share(self, r: MetricResult) -> list[Tip]:
        if r.value > r.target_high or not self.a.sentences:
            return []
        s = self.a.sentences[0]
        return [self._tip(r, f"只有{r.value:.0f}%的句子在讲故事。在“{zh_quote(self.words, s)}”之后，讲讲背后发生了什么。",
                          "当成一个场景来讲：哪一天、谁在场、出了什么问题。", s)]  # fmt: skip

    def self_questions(self, r: MetricResult) -> list[Tip]:
        if r.value > r.target_high or not self.a.sentences:
            return []
        s = self.a.sentences[min(1, len(self.a.sentences) - 1)]
        return [self._tip(r, f"全场没有一个真诚的问题。在“{zh_quote(self.words, s)}”之前，问出你当时问自己的问题。",
                          "大声问出来（“值得冒这个险吗？”），再用一个数字回答。", s)]  # fmt: skip

    def opening_hook(self, r: MetricResult) -> list[Tip]:
        span = (self.d.get("opening") or {}).get("span")
        if not span or span[1] <= span[0]:
            return []
        return [self._tip(r, f"开场“{zh_quote(self.words, span)}”没有危机、问题或数字。",
                          "用你遇到的难题、一个问题或一个惊人的数字开场。", span)]  # fmt: skip

    def close_humble(self, r: MetricResult) -> list[Tip]:
        close = self.d.get("close") or {}
        span = close.get("span")
        if not span or span[1] <= span[0]:
            return []
        hype = close.get("hype") or []
        problem = f"结尾落在“{hype[0]}”上" if hype else "既没有感谢，也没有说下一步"
        return [self._tip(r, f"结尾“{zh_quote(self.words, span)}”：{problem}。",
                          "谦虚地收尾（我们离成功还很远），或者说清楚下一步。", span)]  # fmt: skip

    def _pace(self, r: MetricResult) -> list[Tip]:
        fast = r.value > r.target_high
        verb = "放慢一点" if fast else "加快一点"
        mid = (r.target_low + r.target_high) / 2
        return [self._tip(r, f"你的语速是每分钟{r.value:.0f}字，目标是{r.target_low:.0f}到{r.target_high:.0f}字。",
                          f"{verb}：每分钟大约{mid:.0f}字。", (0, min(len(self.words), 8)))]  # fmt: skip

    wpm = _pace

    def articulation_wpm(self, r: MetricResult) -> list[Tip]:
        # as in English: the pace tip speaks of pace; a second pace tip with another band
        # ("aim for 235" and "aim for 275" in one list) contradicts it
        return []

    def pause_ratio(self, r: MetricResult) -> list[Tip]:
        if r.value > r.target_high:
            return [self._tip(r, f"停顿占了{r.value:.0f}%的时间，听起来断断续续。",
                              "停顿放在数字和问题之后，句子中间别停。", None)]  # fmt: skip
        return [self._tip(r, f"停顿只占{r.value:.0f}%的时间，听起来很赶。",
                          "每个数字、每个问题之后都停一下。", None)]  # fmt: skip

    def long_pauses_per_min(self, r: MetricResult) -> list[Tip]:
        if r.value > r.target_high:
            return [self._tip(r, f"每分钟有{r.value:.1f}次超过一秒的停顿。",
                              "停顿要短而有意：放在数字之后，不要在思考中途。", None)]  # fmt: skip
        return [self._tip(r, "你从没停满一秒。", "在最重要的数字或问题之后，安静一整秒。", None)]

    def monotone_share(self, r: MetricResult) -> list[Tip]:
        return [
            self._tip(
                r, f"{r.value:.0f}%的时间声音很平。", "说到数字时提高声音，句尾落下来。", None
            )
        ]

    pitch_spread_st = monotone_share


def make_zh_tips(
    transcript: Transcript, analysis: Analysis, results: Sequence[MetricResult]
) -> list[Tip]:
    """At most :data:`MAX_TIPS` Chinese tips for the metrics outside their band, biggest first."""
    if not transcript.words:
        return []
    writer = _ZhTips(transcript, analysis)
    tips: list[Tip] = []
    seen: set[str] = set()
    for r in sorted(results, key=lambda r: -r.weight * (100 - r.score)):
        if r.status == "good":
            continue
        method: Callable[[MetricResult], list[Tip]] | None = getattr(writer, r.name, None)
        for tip in method(r) if method is not None else []:
            if tip.text not in seen:
                seen.add(tip.text)
                tips.append(tip)
    tips.sort(key=lambda t: -t.impact)
    return tips[:MAX_TIPS]
