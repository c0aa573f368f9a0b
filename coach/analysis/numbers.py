"""Concrete figures in a speech: the heart of the Lei Jun style.

Finds every number a speaker says, written as digits ("10,000", "$3.2 billion", "85%") or as
words ("ten thousand", "one point five million", "ten billion dollars"), and tells concrete
figures from things that only look like numbers: ordinals ("first"), "one" as a pronoun or idiom
("one of the best", "no one"), vague amounts ("dozens", "tens of millions"), years and clock
times. ``text2num`` turns runs of number words into values; this module only decides which runs
are numbers and what surrounds them (currency, percent, magnitude, unit).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from decimal import Decimal, InvalidOperation

from coach.analysis import english_numbers as en
from coach.analysis.english_numbers import (
    Tok,
    fraction,
    is_heading_number,
    is_name_number,
    is_number_word,
    one_is_quantity,
    parse_words,
    spoken_year,
)
from coach.text import ends_sentence, norm
from coach.types import Figure, Word

# No speaker says a figure with more digits than this; longer runs are typing noise, and a
# float cannot hold them (309+ digits would overflow).
MAX_FIGURE = Decimal(10) ** 18

_CLOCK_AFTER = en.CLOCK_AFTER
_CURRENCY_SYMBOLS = en.CURRENCY_SYMBOLS
_CURRENCY_WORDS = en.CURRENCY_WORDS
_DIGIT_WORDS = en.DIGIT_WORDS
_FRACTIONS = en.FRACTIONS
_FUNCTION_WORDS = en.FUNCTION_WORDS
_HALF_BEFORE = en.HALF_BEFORE
_HALF_NOT_AFTER = en.HALF_NOT_AFTER
_MAGNITUDES = en.MAGNITUDES
_MONTHS = en.MONTHS
_NAME_BREAKERS = en.NAME_BREAKERS
_NUMBER_WORDS = en.NUMBER_WORDS
_ONE_IDIOM_BEFORE = en.ONE_IDIOM_BEFORE
_ONE_UNITS = en.ONE_UNITS
_PERCENT_WORDS = en.PERCENT_WORDS
_RANKED_LIST_WORDS = en.RANKED_LIST_WORDS
_RATE_WORDS = en.RATE_WORDS
_SUFFIX_MAGNITUDE = en.SUFFIX_MAGNITUDE
_TIME_UNITS = en.TIME_UNITS
_VAGUE = en.VAGUE
_YEAR_CUES_BEFORE = en.YEAR_CUES_BEFORE

_DIGITS = re.compile(
    r"^(?P<cur>us\$|[$€£¥])?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
    r"(?P<suf>%|¢|k|m|mn|b|bn|t|x)?$",
    re.IGNORECASE,
)
_ORDINAL_DIGITS = re.compile(r"^\d+(st|nd|rd|th)$", re.IGNORECASE)
_CLOCK = re.compile(r"^\d{1,2}:\d{2}(:\d{2})?(am|pm|a\.m\.?|p\.m\.?)?$", re.IGNORECASE)
_CLOCK_SUFFIX = re.compile(r"^\d{1,2}(am|pm|a\.m\.?|p\.m\.?)$", re.IGNORECASE)
_DECADE = re.compile(r"^'?\d{2}(\d{2})?'?s$")
_RANGE = re.compile(r"^([$€£¥]?\d[\d,.]*)[-–]([$€£¥]?\d[\d,.]*%?)$")
_COMPOUND = re.compile(r"^(\d+(?:\.\d+)?|[a-z]+(?:-[a-z]+)?)-([a-z]+)$")
_TRIM = "\"'“”‘’()[]{}«»…,;:!?*_`~—"


_Add = Callable[[int, int, Decimal, str, str], None]


def _tokens(words: Sequence[Word]) -> list[Tok]:
    toks = []
    for w in words:
        raw = w.text.strip(_TRIM)
        if raw.endswith(".") and not re.search(r"\d\.\d", raw[-3:]):
            raw = raw.rstrip(".")
        stop = bool(re.search(r"[,;:.!?…—]+[\"'”’)\]]*$", w.text)) or ends_sentence(w.text)
        toks.append(Tok(text=w.text, raw=raw, low=norm(w.text), stop=stop))
    return toks


def _word_run(toks: list[Tok], i: int) -> int:
    """End (exclusive) of the run of number words starting at ``i`` (0 if none starts here)."""
    n = len(toks)
    j = i
    if toks[i].low in _MAGNITUDES and i > 0 and toks[i - 1].low == "per":
        return 0  # "parts per million" is a unit, not a million
    if toks[i].low == "a" and i + 1 < n and toks[i + 1].low in _MAGNITUDES:
        j = i + 1
    if not is_number_word(toks[j].low):
        return 0
    while j < n:
        low = toks[j].low
        if is_number_word(low):
            if toks[j].stop:
                return j + 1
            j += 1
        elif (
            low == "and"
            and j + 1 < n
            and toks[j - 1].low in _MAGNITUDES
            and is_number_word(toks[j + 1].low)
            and toks[j + 1].low not in _MAGNITUDES
        ):
            j += 1
        elif low == "point" and j + 1 < n and toks[j + 1].low in _DIGIT_WORDS and j > i:
            j += 1
            while j < n and toks[j].low in _DIGIT_WORDS:
                j += 1
                if toks[j - 1].stop:
                    return j
            if j < n and toks[j].low in _MAGNITUDES:
                j += 1
            return j
        else:
            break
    return j


def _split_run(tokens: list[str]) -> list[tuple[int, int, Decimal]]:
    """Cut a run of number words into numbers: [(start, end, value)] relative to the run."""
    if "point" in tokens:
        p = tokens.index("point")
        whole = parse_words(tokens[:p])
        k = p + 1
        digits = ""
        while k < len(tokens) and tokens[k] in _DIGIT_WORDS:
            digits += str(_DIGIT_WORDS[tokens[k]])
            k += 1
        if whole is not None and digits:
            value = whole + Decimal("0." + digits)
            if k < len(tokens) and tokens[k] in _MAGNITUDES:
                value *= _MAGNITUDES[tokens[k]]
                k += 1
            return [(0, k, value)] + [(k + a, k + b, v) for a, b, v in _split_run(tokens[k:])]
    out: list[tuple[int, int, Decimal]] = []
    start = 0
    flat = tokens
    while start < len(flat):
        for end in range(len(flat), start, -1):
            parsed = parse_words(flat[start:end])
            if parsed is not None:
                out.append((start, end, parsed))
                start = end
                break
        else:
            start += 1  # a stray word ("and", "a") that text2num will not take alone
    return out


def _unit_after(toks: list[Tok], k: int) -> tuple[str, int]:
    """Currency or percent word at ``k`` -> (unit, words consumed)."""
    if k < len(toks):
        low = toks[k].low
        if low in _CURRENCY_WORDS:
            return _CURRENCY_WORDS[low], 1
        if low in _PERCENT_WORDS:
            return "%", 1
        if low == "per" and k + 1 < len(toks) and toks[k + 1].low == "cent":
            return "%", 2
        # "403 parts per million": a concentration keeps its unit whole
        if (
            low in {"parts", "part"}
            and k + 2 < len(toks)
            and toks[k + 1].low == "per"
            and toks[k + 2].low in _MAGNITUDES
        ):
            return "parts per " + toks[k + 2].low, 3
    return "", 0


def _noun_after(toks: list[Tok], k: int) -> str:
    if k < len(toks) and toks[k - 1].stop is False and toks[k].low.isalpha():
        if toks[k].low not in _FUNCTION_WORDS:
            return toks[k].low
    return ""


def _year_like(value: Decimal | float, text: str) -> bool:
    # The range test comes first: it is False for inf and nan, which int() cannot take.
    return 1100 <= value <= 2099 and value == int(value) and "," not in text and "." not in text


def _is_year_context(toks: list[Tok], start: int, end: int) -> bool:
    before = toks[start - 1].low if start > 0 else ""
    if before in _YEAR_CUES_BEFORE or (start > 0 and toks[start - 1].low.endswith("'s")):
        return True
    if toks[end - 1].stop or end >= len(toks):
        return True
    after = toks[end].low
    if after in _FUNCTION_WORDS or after in _MONTHS or not after.isalpha():
        return True
    # "the 1960 census", "a 2023 annual speech": only a counted plural makes it an amount
    return not (after.endswith("s") or after in {"people", "children", "men", "women", "staff"})


def _to_value(value: Decimal | float | int) -> float | None:
    """The float stored in a Figure, rounded from the exact decimal; None when out of range."""
    try:
        exact = value if isinstance(value, Decimal) else Decimal(str(value))
    except InvalidOperation:
        return None
    if not exact.is_finite() or abs(exact) >= MAX_FIGURE:
        return None
    return float(exact)


def find_figures(words: Sequence[Word]) -> list[Figure]:
    """Every number said in ``words``, in order, classified as figure, vague amount or date.

    Parameters
    ----------
    words : sequence of Word
        Transcript words; punctuation attached to a word ends a number ("two, three" is two).

    Returns
    -------
    list of Figure
        ``kind="figure"`` for concrete numbers (what the style counts), ``"vague"`` for "dozens",
        "tens of millions" and the like, ``"date"`` for years and clock times. ``value`` is the
        number in plain units (``"$3.2 billion"`` -> 3.2e9), ``unit`` the currency symbol, ``"%"``
        or the noun that follows ("orders"); times come from the words when known.
    """
    toks = _tokens(words)
    found: list[Figure] = []

    def add(start: int, end: int, value: Decimal, unit: str, kind: str) -> None:
        exact = _to_value(value)
        if exact is None:
            return
        text = " ".join(w.text for w in words[start:end]).strip(_TRIM + ".")
        found.append(
            Figure(
                text=text,
                value=exact,
                unit=unit,
                word_span=(start, end),
                start_s=words[start].start_s,
                end_s=words[end - 1].end_s,
                kind=kind,  # type: ignore[arg-type]
            )
        )

    i = 0
    n = len(toks)
    while i < n:
        tok = toks[i]
        raw = tok.raw
        # clock times and decades are dates
        if _CLOCK.match(raw) or _CLOCK_SUFFIX.match(raw) or _DECADE.match(tok.low):
            unit = "year" if _DECADE.match(tok.low) else "time"
            add(i, i + 1, Decimal(re.sub(r"\D.*", "", raw.lstrip("'")) or 0), unit, "date")
            i += 1
            continue
        if _ORDINAL_DIGITS.match(raw):
            i += 1
            continue
        rng = _RANGE.match(raw)
        if rng:
            for part in rng.groups():
                m = _DIGITS.match(part)
                if m:
                    value = Decimal(m["num"].replace(",", ""))
                    kind = "date" if _year_like(value, part) else "figure"
                    add(i, i + 1, value, _CURRENCY_SYMBOLS.get((m["cur"] or "").lower(), ""), kind)
            i += 1
            continue
        m = _DIGITS.match(raw)
        if m:
            i = _digits_figure(toks, i, m, add)
            continue
        # vague amounts: "dozens", "tens of millions", "hundreds of", "a dozen"
        if (
            tok.low == "tens"
            and i + 2 < n
            and toks[i + 1].low == "of"
            and toks[i + 2].low in _VAGUE
        ):
            add(i, i + 3, _MAGNITUDES.get(toks[i + 2].low[:-1], Decimal(12)) * 10, "", "vague")
            i += 3
            continue
        if tok.low in _VAGUE and (i == 0 or not is_number_word(toks[i - 1].low)):
            start = i - 1 if i > 0 and toks[i - 1].low == "a" else i
            add(start, i + 1, _MAGNITUDES.get(tok.low.rstrip("s"), Decimal(12)), "", "vague")
            i += 1
            continue
        said_fraction = fraction(toks, i)
        if said_fraction is not None:
            start, end, value = said_fraction
            unit = toks[end].low if end < n and not toks[end - 1].stop else ""
            add(start, end, value, "" if unit in _FUNCTION_WORDS else unit, "figure")
            i = end
            continue
        compound = _COMPOUND.match(tok.low)
        if (
            compound
            and compound[2] not in _NUMBER_WORDS
            and (compound[1][0].isdigit() or is_number_word(compound[1]))
        ):
            # "six-person team", "3-hour drive": a number fused to its unit
            head = compound[1]
            fused = Decimal(head) if head[0].isdigit() else parse_words(head.split("-"))
            if fused is not None and (
                fused != 1 or head[0].isdigit() or compound[2] in _ONE_UNITS - {"time", "times"}
            ):
                add(i, i + 1, fused, compound[2], "figure")
            i += 1
            continue
        end = _word_run(toks, i)
        if end:
            i = _words_figures(toks, i, end, add)
            continue
        i += 1
    return found


def _digits_figure(toks: list[Tok], i: int, m: re.Match[str], add: _Add) -> int:
    """Handle a figure written in digits at ``i``; returns the next index to look at."""
    n = len(toks)
    num = m["num"]
    end = i + 1
    # Whisper word pieces: "5" ",000" or "3" ".2" arrive as separate words
    while end < n and re.fullmatch(r"[,.]\d+", toks[end].text) and not toks[end - 1].stop:
        num += toks[end].text
        end += 1
    try:
        value = Decimal(num.replace(",", "")) if re.fullmatch(r"[\d,]*\.?\d+", num) else None
    except InvalidOperation:
        value = None
    if value is None:
        return end
    unit = _CURRENCY_SYMBOLS.get((m["cur"] or "").lower(), "")
    suffix = (m["suf"] or "").lower()
    if not unit and not suffix and end == i + 1:
        if is_name_number(toks, i) or is_heading_number(toks, i):
            return end  # "Model 3", "Fortune Global 500", a section "01"
    if suffix == "%":
        unit = "%"
    elif suffix == "¢":
        unit = "¢"
    elif suffix == "x":
        unit = "x"
    elif suffix in _SUFFIX_MAGNITUDE:
        value *= _SUFFIX_MAGNITUDE[suffix]
    if end < n and toks[end].low in _CLOCK_AFTER and not toks[end - 1].stop:
        add(i, end + 1, value, "time", "date")
        return end + 1
    scaled = False
    while end < n and toks[end].low in _MAGNITUDES and not toks[end - 1].stop:
        value *= _MAGNITUDES[toks[end].low]
        end += 1
        scaled = True
    extra_unit, used = _unit_after(toks, end) if not toks[end - 1].stop else ("", 0)
    if extra_unit:
        unit = unit or extra_unit
        end += used
    written = toks[i].raw + "".join(t.text for t in toks[i + 1 : end])
    if not unit and not scaled and _year_like(value, written) and _is_year_context(toks, i, end):
        # "fiscal 2021", "his 2023 annual speech", "1960": a year, not an amount
        add(i, end, value, "year", "date")
        return end
    add(i, end, value, unit or _noun_after(toks, end), "figure")
    return end


def _words_figures(toks: list[Tok], i: int, end: int, add: _Add) -> int:
    """Handle a run of number words ``[i, end)``; returns the next index to look at."""
    n = len(toks)
    lows = [t.low for t in toks[i:end]]
    flat: list[str] = []
    owner: list[int] = []  # flat position -> token index, hyphenated words split in parts
    for k, low in enumerate(lows):
        for part in low.split("-") if "-" in low else [low]:
            flat.append(part)
            owner.append(i + k)
    year = spoken_year(flat)
    if year is not None and _is_year_context(toks, i, end):
        add(i, end, Decimal(year), "year", "date")
        return end
    if end < n and toks[end].low in _CLOCK_AFTER and not toks[end - 1].stop:
        value = parse_words(flat)
        add(i, end + 1, value if value is not None else Decimal(0), "time", "date")
        return end + 1
    if (
        toks[i].raw[:1].isupper()
        and i > 0
        and not toks[i - 1].stop
        and toks[i - 1].raw[:1].isupper()
        and toks[i - 1].low not in _NAME_BREAKERS
    ):
        return end  # "the Challenger Seven", "Ocean's Eleven": part of a name
    pieces = _split_run(flat)
    for idx, (a, b, value) in enumerate(pieces):
        start_tok, end_tok = owner[a], owner[b - 1] + 1
        last = idx == len(pieces) - 1
        unit, used = ("", 0)
        if (
            last
            and end_tok + 2 < n
            and not toks[end_tok - 1].stop
            and [t.low for t in toks[end_tok : end_tok + 3]] == ["and", "a", "half"]
        ):
            value += Decimal("0.5")  # "two and a half years"
            end_tok += 3
        if last and not toks[end_tok - 1].stop:
            unit, used = _unit_after(toks, end_tok)
        if start_tok > 0 and toks[start_tok - 1].raw in _CURRENCY_SYMBOLS:
            unit = _CURRENCY_SYMBOLS[toks[start_tok - 1].raw]
        span_end = end_tok + used
        words_here = flat[a:b]
        if words_here in (["one"], ["a"]) and not unit:
            if not one_is_quantity(toks, start_tok, span_end):
                continue
        if _year_like(value, "") and not unit and _is_year_context(toks, start_tok, span_end):
            if any(w in ("thousand",) for w in words_here) and value >= 1900:
                add(start_tok, span_end, value, "year", "date")
                continue
        add(start_tok, span_end, value, unit or _noun_after(toks, span_end), "figure")
    return end if not pieces else max(end, owner[pieces[-1][1] - 1] + 1)


def figures_only(figures: Sequence[Figure]) -> list[Figure]:
    """The concrete figures (not vague amounts, not dates)."""
    return [f for f in figures if f.kind == "figure"]
