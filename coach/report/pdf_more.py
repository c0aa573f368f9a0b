"""The later sections of the feedback PDF: script adherence, progress, and the page footer."""

from __future__ import annotations

from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, Spacer

from coach.coaching.zh_summary import METRICS_ZH
from coach.report import charts
from coach.report.fonts import BODY, CJK, cjk_markup, rich
from coach.report.pdf_style import (
    MUTED,
    RULE,
    STATUS_COLOURS,
    Ctx,
    as_review,
    table,
    value_text,
)
from coach.report.zh_words import LANGUAGE
from coach.report.zh_words import t as tr

MARGIN = 2 * cm


def adherence_section(c: Ctx) -> list[Flowable]:
    """The script-adherence section from a :class:`coach.script.adherence.Adherence`."""
    a = c.adherence
    if a is None:
        return []
    rows = [
        ("Said word for word", tr("{0}% of the script").format(f"{a.said_share * 100:.0f}")),
        ("Word error rate", f"{a.wer * 100:.0f}%"),
        ("Words", tr("{0} in the script, {1} said").format(a.script_words, a.spoken_words)),
        (
            "Figures",
            tr("{0} planned, {1} said as planned").format(
                len(a.figures_planned), len(a.figures_kept)
            ),
        ),
    ]
    out: list[Flowable] = [
        c.p(tr("Script adherence"), "h2"),
        table([[c.p(f"<b>{tr(k)}</b>", "cell"), c.p(v, "cell")] for k, v in rows],
               [4 * cm, c.width - 4 * cm], ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE)),
        Spacer(1, 4),
    ]  # fmt: skip
    lists = [
        ("Skipped figures", [f"“{rich(f.text)}”" for f in a.figures_skipped]),
        ("Changed figures", [tr("planned “{0}”, said “{1}”").format(rich(ch.planned.text), rich(ch.said.text))
                             for ch in a.figures_changed]),
        ("Added figures", [f"“{rich(f.text)}”" for f in a.figures_added]),
        ("Left out", [f"“{rich(p)}”" for p in a.skipped_passages]),
        ("Added", [f"“{rich(p)}”" for p in a.added_passages]),
    ]  # fmt: skip
    for label, items in lists:
        if items:
            more = tr(" … and {0} more").format(len(items) - 30) if len(items) > 30 else ""
            out.append(c.p(f"<b>{tr(label)}</b> ({len(items)}): " + "; ".join(items[:30]) + more))
    return out


def progress_section(c: Ctx) -> list[Flowable]:
    prev = as_review(c.previous)
    out: list[Flowable] = []
    if c.trend:
        out += c.section(
            "Progress",
            c.chart(
                charts.progress_chart(
                    c.trend, metric="score", titled=False, language=c.review.transcript.language
                )
            ),
        )
    if prev is not None:
        rv = c.review
        delta = rv.feedback.score - prev.feedback.score
        out.append(c.p(tr("What changed since last time"), "h2"))
        out.append(c.p(tr("Match {0} → {1} ({2} points).").format(
            f"{prev.feedback.score:.0f}", f"{rv.feedback.score:.0f}", f"{delta:+.0f}"), "body"))  # fmt: skip
        before = {m.name: m for m in prev.metrics}
        rows = [
            [c.p(f"<b>{tr(h)}</b>", "cell") for h in ("Metric", "Last time", "Now", "Score change")]
        ]
        changes = [(m, before[m.name]) for m in rv.metrics if m.name in before]
        changes.sort(key=lambda pair: -abs(pair[0].score - pair[1].score))
        for now, then in changes:
            d = now.score - then.score
            d = round(d)
            colour = STATUS_COLOURS["good" if d > 0 else "off" if d < 0 else "close"]
            rows.append([c.p(rich(METRICS_ZH.get(now.name, now.label) if LANGUAGE.get() == "zh" else now.label), "cell"), c.p(value_text(then.value, then.unit), "cell"),
                         c.p(value_text(now.value, now.unit), "cell"),
                         c.p(f'<font color="{colour}">{f"{d:+.0f}" if d else tr("same")}</font>',
                             "cell")])  # fmt: skip
        grid = table(rows, [6 * cm, 3.2 * cm, 3.2 * cm, c.width - 12.4 * cm],
                       ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE), repeat=1)  # fmt: skip
        out.append(grid)
    return out


def canvas_class(footer: str, style: ParagraphStyle) -> type[Canvas]:
    class NumberedCanvas(Canvas):
        """Defers each page so the footer can say "page N of M"."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                width, _ = self._pagesize
                self.setStrokeColor(RULE)
                self.setLineWidth(0.5)
                self.line(MARGIN, 1.35 * cm, width - MARGIN, 1.35 * cm)
                para = Paragraph(cjk_markup(footer), style)
                para.wrapOn(self, width - 2 * MARGIN - 3 * cm, 1 * cm)
                para.drawOn(self, MARGIN, 0.9 * cm)
                page_label = tr("Page {0} of {1}").format(self._pageNumber, total)
                self.setFont(CJK if not page_label.isascii() else BODY, 8)
                self.setFillColor(MUTED)
                self.drawRightString(width - MARGIN, 0.95 * cm, page_label)
                super().showPage()
            super().save()

    return NumberedCanvas
