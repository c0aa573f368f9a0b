"""The feedback report as a PDF: verdict and top tips first, then charts, metrics and transcript.

Built with reportlab's platypus so long transcripts flow across pages. Fonts are embedded: DejaVu
Sans for text, and WenQuanYi Micro Hei for runs of characters DejaVu lacks (Chinese, Japanese,
Korean). Everything the user typed or said is escaped before it reaches reportlab's paragraph
markup, so ``<b>`` or ``&`` in a transcript prints as typed. The file is written to a temporary
file in the target folder and renamed into place, so a failure never leaves half a PDF behind.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from io import BytesIO
from pathlib import Path
from typing import Any

from reportlab import rl_config
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import cm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    SimpleDocTemplate,
    Spacer,
)

from coach.cjk import needs_space
from coach.coaching.feedback import clock
from coach.coaching.review import Review
from coach.coaching.summary import next_steps, summarise
from coach.coaching.zh_summary import METRICS_ZH
from coach.errors import ExportError
from coach.report import charts
from coach.report.fonts import BODY, needs_cjk, register_fonts, rich
from coach.report.pdf_more import MARGIN, adherence_section, canvas_class, progress_section
from coach.report.pdf_slides import session_slides, slides_section
from coach.report.pdf_style import (
    HIGHLIGHT,
    INK,
    RULE,
    STATUS_COLOURS,
    Ctx,
    as_review,
    styles,
    table,
    value_text,
    when_recorded,
)
from coach.report.zh_words import LANGUAGE, speaking
from coach.report.zh_words import t as tr
from coach.safe_write import write_atomic

PAGE_SIZES = {"A4": A4, "LETTER": LETTER}
TOP_TIPS = 3
CHUNK_WORDS = 60
"""Transcript paragraphs hold whole sentences and about this many words."""
SPOKEN_WPM = 150.0
"""Words per minute used to estimate how long a typed text takes to say."""

_CLOCK_RE = re.compile(r"\b\d+:\d\d\b")


def _cover(c: Ctx) -> list[Flowable]:
    rv, t = c.review, c.review.transcript
    out: list[Flowable] = [c.p(rich(c.title), "title")]
    duration = (clock(t.duration_s) if t.timed and t.duration_s
                else f"typed text, about {clock(len(t.words) / SPOKEN_WPM * 60)} at {SPOKEN_WPM:.0f} wpm")  # fmt: skip
    if t.language == "zh" and not t.timed:  # Chinese: characters at the leijun-zh pace
        duration = f"文字稿，按每分钟235字约 {clock(rv.analysis.word_count / 235 * 60)}"
    count = (tr("{0} (speech engine {1})").format(rv.analysis.word_count, t.engine) if t.timed
             else tr("{0} (typed text)").format(rv.analysis.word_count))  # fmt: skip
    rows = [("Talk", getattr(c.session, "talk", None) or "—"),
            ("Title", getattr(c.session, "title", None) or c.title),
            ("Date", when_recorded(c.session)), ("Duration", duration),
            ("Profile", rv.profile_name),
            ("Characters" if t.language == "zh" else "Words", count)]  # fmt: skip
    grid = table([[c.p(f"<b>{tr(k)}</b>", "cell"), c.p(rich(str(v)), "cell")] for k, v in rows],
                   [2.6 * cm, c.width - 2.6 * cm], ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE))  # fmt: skip
    out += [grid, Spacer(1, 6)]
    score = rv.feedback.score
    status = "good" if score >= 85 else "close" if score >= 60 else "off"
    in_band = sum(m.status == "good" for m in rv.metrics)
    out.append(c.p(tr("{0} match:").format(rich(rv.profile_name))
                   + f' <font size="28" color="{STATUS_COLOURS[status]}">'
                   f"<b>{score:.0f}</b></font> / 100 &nbsp; <font color=\"#616e7c\">"
                   + tr("({0} of {1} metrics inside their band)").format(in_band, len(rv.metrics))
                   + "</font>", "score"))  # fmt: skip
    out.append(c.chart(charts.trait_chart(rv)))
    return out


_COUNT = {1: "", 2: "two ", 3: "three "}


def top_tips_heading(n: int) -> str:
    """ "The three most important tips", or as many as there are ("The most important tip")."""
    if n == 1:
        return tr("Next step: the most important tip")
    if LANGUAGE.get() == "zh":
        return tr("Next steps: the {0} most important tips").format(n)
    return f"Next steps: the {_COUNT.get(n, f'{n} ')}most important tips"


def _summary(c: Ctx) -> list[Flowable]:
    """The report read first: how it went, what to keep, the next steps, what changed."""
    summary = summarise(c.review, as_review(c.previous))
    out: list[Flowable] = [c.p(tr("How it went"), "h2"), c.p(rich(summary.paragraph))]
    if summary.keep is not None:
        out.append(c.p(rich(summary.keep.text), "keep"))
    if summary.change:
        out.append(c.p(rich(summary.change), "small"))
    tips = [step.tip for step in summary.steps]
    if tips:
        out.append(c.p(top_tips_heading(len(tips)), "h2"))
        out += _tip_list(c, tips)
    return out


def _top_tips(review: Review) -> list[Any]:
    """The tips page 1 shows as next steps (the app's summary shows the same ones)."""
    return [step.tip for step in next_steps(review, limit=TOP_TIPS)]


def _tip_list(c: Ctx, tips: Sequence[Any], *, start: int = 1) -> list[Flowable]:
    out: list[Flowable] = []
    for i, tip in enumerate(tips, start):
        stamp = clock(tip.at_s)
        said = _CLOCK_RE.search(tip.text)  # the tip names its own time already
        at = f'<font color="#616e7c">[{stamp}]</font> ' if stamp and not said else ""
        sep = " " if needs_space(tip.text, tip.action) else ""  # none between Chinese sentences
        out.append(c.p(f"<b>{i}.</b> {at}{rich(tip.text)}{sep}<b>{rich(tip.action)}</b>", "tip"))
        if tip.quote and tip.quote not in tip.text:
            out.append(c.p(tr("Your words: “{0}”").format(rich(tip.quote)), "quote"))
    return out


def _pace(c: Ctx) -> list[Flowable]:
    rv = c.review
    if not rv.transcript.timed or not rv.analysis.details.get("pace"):
        return []
    band = rv.metric("wpm")
    wpm = rv.analysis.values.get("wpm", 0.0)
    zh = rv.transcript.language == "zh"  # Chinese pace counts characters
    note = tr("Average {0} {1} per minute").format(
        f"{wpm:.0f}", tr("characters" if zh else "words")
    )
    if band and zh:
        note += f"；{rich(rv.profile_name)}的目标区间是每分钟 {band.target_low:.0f}–{band.target_high:.0f} 字（阴影部分）"
    elif band:
        note += f"; the {rich(rv.profile_name)} band is {band.target_low:.0f}-{band.target_high:.0f} {band.unit} (shaded)"
    return c.section(
        "Pace over time",
        c.chart(charts.pace_chart(rv, titled=False)),
        c.p(note + ("。" if zh else "."), "small"),
    )


def _figures(c: Ctx) -> list[Flowable]:
    rv = c.review
    figs = [f for f in rv.analysis.figures if f.kind == "figure"]
    density = rv.analysis.values.get("number_density", 0.0)
    per = "characters" if rv.transcript.language == "zh" else "words"
    note = f"{len(figs)} concrete figures, {density:.1f} per 100 {per}."
    desert = rv.analysis.values.get("number_desert_s")
    if desert is not None:
        note += f" Longest stretch without a figure: {desert:.0f} s (shaded stretches are over a minute)."
    else:
        note += f" Shaded: runs of {charts.DESERT_WORDS} words or more without a figure."
    if per == "characters":
        note = f"{len(figs)} 个具体数字，每100字 {density:.1f} 个。" + (
            f"最长的无数字时段：{desert:.0f} 秒（阴影部分超过一分钟）。" if desert is not None
            else f"阴影：连续 {charts.DESERT_WORDS} 个词以上没有数字。")  # fmt: skip
    out = [c.chart(charts.figures_timeline(rv, titled=False)), c.p(note, "small")]
    # A table row cannot split over pages: a figure of 1,000 digits is shown cut short.
    rows = [[c.p(clock(f.start_s) if f.start_s is not None else tr("word {0}").format(f.word_span[0] + 1), "cell"),
             c.p(rich(f.text if len(f.text) <= 40 else f.text[:39] + "…"), "cell")]
            for f in figs]  # fmt: skip
    vague = [f.text for f in rv.analysis.figures if f.kind == "vague"]
    items: list[Flowable] = []
    if rows:
        # row-major, three figures a row, so a list split over pages still reads in time order
        cells = [*rows, *[["", ""]] * (-len(rows) % 3)]
        grid = [sum(cells[i : i + 3], []) for i in range(0, len(cells), 3)]
        w = c.width / 3
        items.append(table(grid, [1.8 * cm, w - 1.8 * cm] * 3,
                            ("TOPPADDING", (0, 0), (-1, -1), 1),
                            ("BOTTOMPADDING", (0, 0), (-1, -1), 1)))  # fmt: skip
    if vague:
        items.append(c.p(tr("Vague amounts (say the exact number): ")
                         + ", ".join(f"“{rich(v)}”" for v in vague), "small"))  # fmt: skip
    return [*c.section("Figures", *out), *items]


def _pauses(c: Ctx) -> list[Flowable]:
    rv = c.review
    if not rv.transcript.timed:
        return []
    pauses = rv.transcript.pauses
    long = [p for p in pauses if p.duration_s >= 1.0]
    note = f"{len(pauses)} pauses, {len(long)} of them 1 s or longer"
    if pauses:
        top = max(pauses, key=lambda p: p.duration_s)
        note += f"; the longest {top.duration_s:.1f} s at {clock(top.start_s)}"
    ratio = rv.analysis.values.get("pause_ratio")
    if ratio is not None:
        note += f"; {ratio:.0f}% of the talk is pauses"
    landed = rv.analysis.values.get("figures_landed")
    if landed is not None:
        note += f"; {landed:.0f}% of figures were followed by a pause"
    if rv.transcript.language == "zh":
        note = f"{len(pauses)} 次停顿，其中 {len(long)} 次达到 1 秒" + (
            f"；最长 {top.duration_s:.1f} 秒，在 {clock(top.start_s)}" if pauses else "") + (
            f"；停顿占演讲的 {ratio:.0f}%" if ratio is not None else "") + (
            f"；{landed:.0f}% 的数字说完停了一下" if landed is not None else "")  # fmt: skip
    return c.section(
        "Pauses",
        c.chart(charts.pauses_chart(rv, titled=False)),
        c.p(note + ("。" if rv.transcript.language == "zh" else "."), "small"),
    )


def _metrics(c: Ctx) -> list[Flowable]:
    head = [c.p(f"<b>{tr(h)}</b>", "cell") for h in ("Metric", "Value", "Band", "Score", "Why")]
    rows = [head]
    for m in c.review.metrics:
        colour = STATUS_COLOURS[m.status]
        band = (
            f"{m.target_low:g}-{m.target_high:g}"
            if m.target_low != m.target_high
            else f"{m.target_low:g}"
        )
        rows.append([c.p(rich(metric_name(m)), "cell"), c.p(value_text(m.value, m.unit), "cell"),
                     c.p(band, "cell"),
                     c.p(f'<font color="{colour}"><b>{m.score:.0f}</b> {tr(m.status)}</font>', "cell"),
                     c.p(rich(m.why), "cell")])  # fmt: skip
    widths = [3.4 * cm, 2.6 * cm, 1.9 * cm, 1.7 * cm]
    grid = table(rows, [*widths, c.width - sum(widths)], ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
                   ("LINEBELOW", (0, 0), (-1, 0), 0.9, INK), repeat=1)  # fmt: skip
    return [c.p(tr("Every metric"), "h2"), grid]


def metric_name(m: Any) -> str:
    """A metric's label in the report's language."""
    return METRICS_ZH.get(m.name, m.label) if LANGUAGE.get() == "zh" else m.label


def _more_tips(c: Ctx) -> list[Flowable]:
    """The tips page 1 did not show as next steps, numbered on from them."""
    top = _top_tips(c.review)
    tips = [t for t in c.review.feedback.tips if t not in top]
    if not tips:
        return []
    return [c.p(tr("More tips"), "h2"), *_tip_list(c, tips, start=len(top) + 1)]


def _word_marks(rv: Review) -> list[set[str]]:
    kinds: list[set[str]] = [set() for _ in rv.transcript.words]
    for m in rv.analysis.marks:
        if m.kind in HIGHLIGHT:
            for i in range(max(0, m.word_span[0]), min(len(kinds), m.word_span[1])):
                kinds[i].add(m.kind)
    return kinds


def _styled(words: Sequence[Any], kinds: list[set[str]], start: int, end: int) -> str:
    """Words ``start:end`` as markup; neighbours with the same highlight share one tag."""
    order = ("question", "filler", "hype", "jargon", "figure")
    parts: list[str] = []
    i = start
    while i < end:
        j = i + 1
        while j < end and kinds[j] == kinds[i]:
            j += 1
        text = "".join(_gap(words, k) * (k > i) + rich(words[k].text) for k in range(i, j))
        for kind in order:
            if kind in kinds[i]:
                text = HIGHLIGHT[kind][0] + text + HIGHLIGHT[kind][1]
        parts.append(_gap(words, i) * (i > start) + text)
        i = j
    return "".join(parts)


def _gap(words: Sequence[Any], k: int) -> str:
    """The space before word ``k``: none next to a Chinese character."""
    return " " if needs_space(words[k - 1].text, words[k].text) else ""


def _transcript(c: Ctx) -> list[Flowable]:
    rv = c.review
    words = rv.transcript.words
    if not words:
        return []
    kinds = _word_marks(rv)
    legend = " &nbsp; ".join(f"{HIGHLIGHT[k][0]}{tr(label)}{HIGHLIGHT[k][1]}" for k, label in
                             (("figure", "figure"), ("hype", "hype or jargon"),
                              ("filler", "filler"), ("question", "question")))  # fmt: skip
    paragraphs: list[Flowable] = []
    ends = sorted({b for _, b in rv.analysis.sentences if 0 < b <= len(words)} | {len(words)})
    start = 0
    for end in ends:
        if end - start < CHUNK_WORDS and end != len(words):
            continue
        t0 = words[start].start_s
        stamp = f'<font color="#616e7c" size="7.5">[{clock(t0)}]</font> ' if t0 is not None else ""
        paragraphs.append(c.p(stamp + _styled(words, kinds, start, end), "transcript"))
        start = end
    head = [c.p(tr("Transcript"), "h2"), c.p(tr("Highlighted: ") + legend, "small"), Spacer(1, 4)]
    return [KeepTogether([*head, paragraphs[0]]), *paragraphs[1:]]


def render_pdf(
    review: Review,
    *,
    title: str | None = None,
    session: Any = None,
    previous: Any = None,
    trend: Any = None,
    adherence: Any = None,
    page_size: str = "A4",
    progress: Callable[[float, str], None] | None = None,
    slides: Any = None,
) -> bytes:
    """The report as PDF bytes (see :func:`export_pdf` for the arguments)."""
    size = PAGE_SIZES.get(page_size.upper())
    if size is None:
        raise ExportError(f"Unknown page size '{page_size}'; use A4 or Letter.")
    speaking(review.transcript.language)  # a Chinese talk gets a Chinese report
    title = title or getattr(session, "title", None) or tr("Rehearsal feedback")
    texts = [title, review.transcript.text, str(getattr(session, "talk", "") or "")]
    register_fonts(cjk=needs_cjk(texts))
    report = progress or (lambda _d, _m: None)
    wrap = "CJK" if review.transcript.language == "zh" else None  # break lines between characters
    c = Ctx(review, styles(wrap), size[0] - 2 * MARGIN, title, session, previous, trend, adherence)
    report(0.05, "Writing the summary")
    cover = _cover(c)  # title and facts, then the summary, then score and sub-scores
    # no page break after page 1: the sub-score chart and the charts flow on, each kept whole
    story: list[Flowable] = [*cover[:2], *_summary(c), *cover[2:]]
    report(0.3, "Drawing charts")
    story += _pace(c) + _figures(c) + _pauses(c)
    report(0.6, "Writing metrics and transcript")
    story += (
        _metrics(c) + _more_tips(c) + _transcript(c) + adherence_section(c) + progress_section(c)
    )
    story += slides_section(c, slides)
    # binary streams: the pure-Python ASCII85 encoder of the images took a tenth of the time
    rl_config.useA85 = 0
    buffer = BytesIO()
    when = when_recorded(session)
    doc = SimpleDocTemplate(buffer, pagesize=size, leftMargin=MARGIN, rightMargin=MARGIN,
                            topMargin=MARGIN, bottomMargin=MARGIN, title=title,
                            initialFontName=BODY, initialFontSize=9.5, initialLeading=13,
                            author="Coach", subject=f"Feedback against {review.profile_name}")  # fmt: skip
    footer = tr("Coach feedback · {0} · {1}").format(rich(title), rich(when))
    report(0.8, "Laying out pages")
    doc.build(story, canvasmaker=canvas_class(footer, c.st["small"]))
    return buffer.getvalue()


def export_pdf(
    review: Review,
    out_path: str | Path,
    *,
    title: str | None = None,
    session: Any = None,
    previous: Any = None,
    trend: Sequence[Any] | None = None,
    adherence: Any = None,
    page_size: str = "A4",
    progress: Callable[[float, str], None] | None = None,
    slides: Any = None,
) -> Path:
    """Write the feedback report for ``review`` as a PDF and return its absolute path.

    Parameters
    ----------
    review
        The verdict to report.
    out_path
        Target file; written atomically (temporary file in the same folder, then renamed).
    title
        Heading of the report (default: the session's title, else "Rehearsal feedback").
    session
        The stored session (``talk``, ``title``, ``created`` are shown on page 1), if any.
    previous
        The previous attempt of the same talk (a Review, or a session holding ``.review``):
        adds "What changed since last time".
    trend
        ``(when, score)`` points of every attempt, oldest first: adds the progress chart.
    adherence
        Script adherence result (a dataclass or dict): adds the adherence section.
    page_size
        ``"A4"`` or ``"Letter"``.
    progress
        Called with (fraction done 0-1, message) while the report is built.
    slides
        ``(SlideReport, Deck)`` of a rehearsal given with slides: adds the Slides section.

    Raises
    ------
    ExportError
        Unknown page size, missing fonts, or the file cannot be written (one sentence).
    """
    data = render_pdf(review, title=title, session=session, previous=previous, trend=trend,
                      adherence=adherence, page_size=page_size, progress=progress,
                      slides=slides)  # fmt: skip
    path = write_atomic(data, out_path)
    if progress:
        progress(1.0, "Saved")
    return path


def export_session_pdf(
    store: Any,
    session_id: int,
    out_path: str | Path,
    *,
    page_size: str = "A4",
    progress: Callable[[float, str], None] | None = None,
) -> Path:
    """Export a stored session with everything the store knows about it.

    Adds the previous attempt ("what changed"), the score across attempts of the same talk up to
    this one (progress chart, from two attempts on) and, for a recording with a script, the
    script adherence. ``store`` is a :class:`coach.store.sessions.SessionStore`.
    """
    session = store.get(session_id)
    previous = trend = adherence = None
    if session.talk:
        previous = store.previous_attempt(session_id)
        points = [
            (s, v)
            for s, v in store.trend(talk=session.talk, metric="score")
            if (s.created, s.id) <= (session.created, session.id)
        ]
        trend = points if len(points) >= 2 else None
    if session.script and session.review.transcript.timed:
        from coach.script.adherence import adherence as follow

        adherence = follow(session.script, session.review.transcript)
    return export_pdf(session.review, out_path, session=session, previous=previous, trend=trend,
                      adherence=adherence, page_size=page_size, progress=progress,
                      slides=session_slides(store, session))  # fmt: skip
