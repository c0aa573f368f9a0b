"""The PDF report's look: colours, paragraph styles, tables and the context every section reads."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Table, TableStyle

from coach.coaching.review import Review
from coach.coaching.zh_summary import UNITS_ZH
from coach.report import charts
from coach.report.fonts import BODY, cjk_markup
from coach.report.zh_words import LANGUAGE, t

CHART_DPI = 170

INK, MUTED, RULE = (
    colors.HexColor("#1f2933"),
    colors.HexColor("#616e7c"),
    colors.HexColor("#cbd2d9"),
)
STATUS_COLOURS = {"good": "#2f7d52", "close": "#a86b12", "off": "#b42318"}
HIGHLIGHT = {
    # the same green as the app's transcript (coach_ui.widgets.transcript_view.HIGHLIGHT)
    "figure": ('<span backColor="#c6f0d5"><b>', "</b></span>"),
    "hype": ('<span backColor="#fbd5bd">', "</span>"),
    "filler": ('<font color="#7b8794"><strike>', "</strike></font>"),
    "question": ('<font color="#5b3e96"><u>', "</u></font>"),
}
HIGHLIGHT["jargon"] = HIGHLIGHT["hype"]


def styles(word_wrap: str | None = None) -> dict[str, ParagraphStyle]:
    """Paragraph styles; ``word_wrap="CJK"`` lets Chinese text break between any characters."""
    base = ParagraphStyle("body", fontName=BODY, fontSize=9.5, leading=13, textColor=INK)
    if word_wrap:
        base.wordWrap = word_wrap

    def s(name: str, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **kw)

    return {
        "body": base,
        "title": s("title", fontSize=20, leading=25, spaceAfter=4),
        # keepWithNext: a heading never ends a page without the first lines it heads
        "h2": s(
            "h2",
            fontName=BODY + "-Bold",
            fontSize=13,
            leading=17,
            spaceBefore=10,
            spaceAfter=5,
            keepWithNext=1,
        ),
        "small": s("small", fontSize=8, leading=10.5, textColor=MUTED),
        "cell": s("cell", fontSize=8, leading=10),
        "score": s("score", fontSize=12, leading=34, spaceBefore=4, spaceAfter=2),
        "tip": s("tip", leftIndent=14, firstLineIndent=-14, spaceAfter=6),
        "keep": s("keep", textColor=colors.HexColor("#2f7d52"), spaceBefore=4, spaceAfter=2),
        "quote": s("quote", leftIndent=14, textColor=MUTED, fontSize=9, spaceAfter=7),
        "transcript": s("transcript", fontSize=9.5, leading=14.5, spaceAfter=6),
    }


@dataclass
class Ctx:
    review: Review
    st: dict[str, ParagraphStyle]
    width: float
    title: str
    session: Any = None
    previous: Any = None
    trend: Any = None
    adherence: Any = None

    def p(self, markup: str, style: str = "body") -> Paragraph:
        return Paragraph(cjk_markup(markup), self.st[style])

    def chart(self, fig: Any) -> Flowable:
        return charts.to_flowable(fig, width_pt=self.width, dpi=CHART_DPI)

    def section(self, heading: str, *body: Flowable) -> list[Flowable]:
        """``heading`` (in the report's language) kept on one page with what follows it."""
        return [KeepTogether([self.p(t(heading), "h2"), *body])]


def table(rows: list[list[Any]], widths: list[float], *commands: Any, repeat: int = 0) -> Table:
    """A table in the embedded font (empty cells would otherwise set Helvetica)."""
    table = Table(rows, colWidths=widths, repeatRows=repeat)
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), BODY),
                               ("VALIGN", (0, 0), (-1, -1), "TOP"), *commands]))  # fmt: skip
    return table


def as_review(obj: Any) -> Review | None:
    """A Review from a Review, or from a stored session that holds one."""
    if obj is None or isinstance(obj, Review):
        return obj
    inner = getattr(obj, "review", None)
    return inner if isinstance(inner, Review) else None


def when_recorded(session: Any) -> str:
    """When the session was recorded, in local time (now, for an unsaved review)."""
    created: Any = getattr(session, "created", None)
    if isinstance(created, str):
        try:  # the store keeps ISO-8601 UTC; show local time
            created = datetime.fromisoformat(created).astimezone()
        except ValueError:
            return str(created)
    if isinstance(created, int | float):
        created = datetime.fromtimestamp(created)
    if not isinstance(created, datetime):
        if created:
            return str(created)
        created = datetime.now()
    if LANGUAGE.get() == "zh":
        return f"{created.year}年{created.month}月{created.day}日 {created:%H:%M}"
    return created.strftime("%d %B %Y, %H:%M")


def value_text(value: float, unit: str) -> str:
    if LANGUAGE.get() == "zh":  # a Chinese report: 字, 秒, /100字
        unit = UNITS_ZH.get(unit, unit)
    if unit.startswith("of "):
        return f"{value:.0f} {unit}"
    number = f"{value:.0f}" if abs(value) >= 100 else f"{value:.1f}"
    return f"{number} {unit}".strip() if unit not in ("%",) else f"{number}%"
