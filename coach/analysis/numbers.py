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
from dataclasses import dataclass

from text_to_num import text2num

from coach.text import ends_sentence, norm
from coach.types import Figure, Word

_UNITS_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_MAGNITUDES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_NUMBER_WORDS = set(_UNITS_WORDS) | set(_MAGNITUDES)
_DIGIT_WORDS = {k: v for k, v in _UNITS_WORDS.items() if v < 10} | {"oh": 0}
_SUFFIX_MAGNITUDE = {"k": 1e3, "m": 1e6, "mn": 1e6, "b": 1e9, "bn": 1e9, "t": 1e12}
_CURRENCY_SYMBOLS = {"$": "$", "€": "€", "£": "£", "¥": "¥", "us$": "$", "rmb": "¥"}
_CURRENCY_WORDS = {
    "dollar": "$", "dollars": "$", "bucks": "$", "euro": "€", "euros": "€", "pound": "£",
    "pounds": "£", "yuan": "¥", "rmb": "¥", "renminbi": "¥", "yen": "¥", "cents": "¢",
}  # fmt: skip
_PERCENT_WORDS = {"percent", "per-cent", "pct"}
_VAGUE = {"dozens", "hundreds", "thousands", "millions", "billions", "trillions", "countless",
          "umpteen", "zillions", "dozen"}  # fmt: skip
_TIME_UNITS = {
    "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks",
    "month", "months", "year", "years", "decade", "decades", "night", "nights", "time", "times",
}  # fmt: skip
# After a lone "one", only these make it a measured quantity rather than a pronoun or idiom
_ONE_UNITS = _TIME_UNITS | set(_CURRENCY_WORDS) | _PERCENT_WORDS | {
    "km", "kilometer", "kilometers", "kilometre", "kilometres", "mile", "miles", "meter",
    "meters", "metre", "metres", "kg", "kilogram", "kilograms", "ton", "tons", "tonne", "tonnes",
    "liter", "liters", "litre", "litres", "point", "percentage", "million", "billion",
    "thousand", "hundred", "person", "order", "car", "phone", "engineer", "store", "city",
    "country", "factory", "team",
}  # fmt: skip
_ONE_IDIOM_BEFORE = {"no", "any", "every", "some", "each", "the", "this", "that", "which",
                     "little", "only", "another", "last", "next", "such", "at", "one", "loved"}  # fmt: skip
_MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec",
}  # fmt: skip
_YEAR_CUES_BEFORE = _MONTHS | {
    "in", "since", "by", "until", "till", "from", "of", "year", "before", "after", "around",
    "early", "late", "mid", "summer", "winter", "spring", "autumn", "fall", "back", "during",
    "through", "to", "and", "circa", "on",
}  # fmt: skip
# Words that can follow a year but not a counted amount ("2019 was", "in 2024 we")
_FUNCTION_WORDS = {
    "was", "is", "were", "will", "had", "has", "have", "we", "i", "you", "he", "she", "they",
    "it", "the", "a", "an", "and", "or", "but", "to", "when", "where", "that", "this", "as",
    "at", "for", "with", "on", "in", "of", "so", "then", "our", "my", "his", "her", "their",
}  # fmt: skip
_CLOCK_AFTER = {"am", "pm", "a.m", "p.m", "o'clock", "oclock", "hrs"}

_DIGITS = re.compile(
    r"^(?P<cur>us\$|[$€£¥])?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
    r"(?P<suf>%|k|m|mn|b|bn|t|x)?$",
    re.IGNORECASE,
)
_ORDINAL_DIGITS = re.compile(r"^\d+(st|nd|rd|th)$", re.IGNORECASE)
_CLOCK = re.compile(r"^\d{1,2}:\d{2}(:\d{2})?(am|pm|a\.m\.?|p\.m\.?)?$", re.IGNORECASE)
_CLOCK_SUFFIX = re.compile(r"^\d{1,2}(am|pm|a\.m\.?|p\.m\.?)$", re.IGNORECASE)
_DECADE = re.compile(r"^'?\d{2}(\d{2})?'?s$")
_RANGE = re.compile(r"^([$€£¥]?\d[\d,.]*)[-–]([$€£¥]?\d[\d,.]*%?)$")
_COMPOUND = re.compile(r"^(\d+(?:\.\d+)?|[a-z]+(?:-[a-z]+)?)-([a-z]+)$")
_TRIM = "\"'“”‘’()[]{}«»…,;:!?*_`~—"


_Add = Callable[[int, int, float, str, str], None]


@dataclass(frozen=True)
class _Tok:
    text: str  # the word as written
    raw: str  # the word with outer quotes/brackets and trailing punctuation removed
    low: str  # norm(): lower case, no surrounding punctuation
    stop: bool  # the written word closes a clause (",", ".", "?"...): a number run ends here


def _tokens(words: Sequence[Word]) -> list[_Tok]:
    toks = []
    for w in words:
        raw = w.text.strip(_TRIM)
        if raw.endswith(".") and not re.search(r"\d\.\d", raw[-3:]):
            raw = raw.rstrip(".")
        stop = bool(re.search(r"[,;:.!?…—]+[\"'”’)\]]*$", w.text)) or ends_sentence(w.text)
        toks.append(_Tok(text=w.text, raw=raw, low=norm(w.text), stop=stop))
    return toks


def _parse_words(tokens: list[str]) -> float | None:
    """Value of a run of number words via text2num, or None when text2num rejects it."""
    phrase = " ".join("one" if t == "a" else t for t in tokens)
    try:
        return float(text2num(phrase, "en"))
    except ValueError:
        return None


def _spoken_year(tokens: list[str]) -> int | None:
    """'nineteen ninety nine' -> 1999, 'twenty twenty four' -> 2024; None if not that shape."""
    for cut in range(1, len(tokens)):
        head, tail = tokens[:cut], tokens[cut:]
        century = _parse_words(head)
        if century is None or not 11 <= century <= 20 or "hundred" in head:
            continue
        if tail == ["hundred"]:
            return int(century * 100)
        if tail[0] == "oh" and len(tail) == 2 and tail[1] in _DIGIT_WORDS:
            return int(century * 100 + _DIGIT_WORDS[tail[1]])
        rest = _parse_words(tail)
        if rest is not None and 10 <= rest <= 99 and not any(t in _MAGNITUDES for t in tail):
            return int(century * 100 + rest)
    return None


def _is_number_word(low: str) -> bool:
    return low in _NUMBER_WORDS or (
        "-" in low and all(part in _NUMBER_WORDS for part in low.split("-"))
    )


def _word_run(toks: list[_Tok], i: int) -> int:
    """End (exclusive) of the run of number words starting at ``i`` (0 if none starts here)."""
    n = len(toks)
    j = i
    if toks[i].low == "a" and i + 1 < n and toks[i + 1].low in _MAGNITUDES:
        j = i + 1
    if not _is_number_word(toks[j].low):
        return 0
    while j < n:
        low = toks[j].low
        if _is_number_word(low):
            if toks[j].stop:
                return j + 1
            j += 1
        elif (
            low == "and"
            and j + 1 < n
            and toks[j - 1].low in _MAGNITUDES
            and _is_number_word(toks[j + 1].low)
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


def _split_run(tokens: list[str]) -> list[tuple[int, int, float]]:
    """Cut a run of number words into numbers: [(start, end, value)] relative to the run."""
    if "point" in tokens:
        p = tokens.index("point")
        whole = _parse_words(tokens[:p])
        k = p + 1
        digits = ""
        while k < len(tokens) and tokens[k] in _DIGIT_WORDS:
            digits += str(_DIGIT_WORDS[tokens[k]])
            k += 1
        if whole is not None and digits:
            value = whole + float("0." + digits)
            if k < len(tokens) and tokens[k] in _MAGNITUDES:
                value *= _MAGNITUDES[tokens[k]]
                k += 1
            return [(0, k, value)] + [(k + a, k + b, v) for a, b, v in _split_run(tokens[k:])]
    out: list[tuple[int, int, float]] = []
    start = 0
    flat = tokens
    while start < len(flat):
        for end in range(len(flat), start, -1):
            parsed = _parse_words(flat[start:end])
            if parsed is not None:
                out.append((start, end, parsed))
                start = end
                break
        else:
            start += 1  # a stray word ("and", "a") that text2num will not take alone
    return out


def _unit_after(toks: list[_Tok], k: int) -> tuple[str, int]:
    """Currency or percent word at ``k`` -> (unit, words consumed)."""
    if k < len(toks):
        low = toks[k].low
        if low in _CURRENCY_WORDS:
            return _CURRENCY_WORDS[low], 1
        if low in _PERCENT_WORDS:
            return "%", 1
        if low == "per" and k + 1 < len(toks) and toks[k + 1].low == "cent":
            return "%", 2
    return "", 0


def _noun_after(toks: list[_Tok], k: int) -> str:
    if k < len(toks) and toks[k - 1].stop is False and toks[k].low.isalpha():
        if toks[k].low not in _FUNCTION_WORDS:
            return toks[k].low
    return ""


def _year_like(value: float, text: str) -> bool:
    # The range test comes first: it is False for inf and nan, which int() cannot take.
    return 1100 <= value <= 2099 and value == int(value) and "," not in text and "." not in text


def _is_year_context(toks: list[_Tok], start: int, end: int) -> bool:
    before = toks[start - 1].low if start > 0 else ""
    if before in _YEAR_CUES_BEFORE or (start > 0 and toks[start - 1].low.endswith("'s")):
        return True
    if toks[end - 1].stop or end >= len(toks):
        return True
    after = toks[end].low
    return after in _FUNCTION_WORDS or after in _MONTHS or not after.isalpha()


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

    def add(start: int, end: int, value: float, unit: str, kind: str) -> None:
        text = " ".join(w.text for w in words[start:end]).strip(_TRIM + ".")
        found.append(
            Figure(
                text=text,
                value=value,
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
            add(i, i + 1, float(re.sub(r"\D.*", "", raw.lstrip("'")) or 0), unit, "date")
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
                    value = float(m["num"].replace(",", ""))
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
            add(i, i + 3, _MAGNITUDES.get(toks[i + 2].low[:-1], 12.0) * 10, "", "vague")
            i += 3
            continue
        if tok.low in _VAGUE and (i == 0 or not _is_number_word(toks[i - 1].low)):
            start = i - 1 if i > 0 and toks[i - 1].low == "a" else i
            add(start, i + 1, _MAGNITUDES.get(tok.low.rstrip("s"), 12.0), "", "vague")
            i += 1
            continue
        compound = _COMPOUND.match(tok.low)
        if (
            compound
            and compound[2] not in _NUMBER_WORDS
            and (compound[1][0].isdigit() or _is_number_word(compound[1]))
        ):
            # "six-person team", "3-hour drive": a number fused to its unit
            head = compound[1]
            fused = float(head) if head[0].isdigit() else _parse_words(head.split("-"))
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


def _digits_figure(toks: list[_Tok], i: int, m: re.Match[str], add: _Add) -> int:
    """Handle a figure written in digits at ``i``; returns the next index to look at."""
    n = len(toks)
    num = m["num"]
    end = i + 1
    # Whisper word pieces: "5" ",000" or "3" ".2" arrive as separate words
    while end < n and re.fullmatch(r"[,.]\d+", toks[end].text) and not toks[end - 1].stop:
        num += toks[end].text
        end += 1
    try:
        value = float(num.replace(",", "")) if re.fullmatch(r"[\d,]*\.?\d+", num) else None
    except ValueError:
        value = None
    if value is None:
        return end
    unit = _CURRENCY_SYMBOLS.get((m["cur"] or "").lower(), "")
    suffix = (m["suf"] or "").lower()
    if suffix == "%":
        unit = "%"
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
        add(i, end, value, "year", "date")
        return end
    add(i, end, value, unit or _noun_after(toks, end), "figure")
    return end


def _words_figures(toks: list[_Tok], i: int, end: int, add: _Add) -> int:
    """Handle a run of number words ``[i, end)``; returns the next index to look at."""
    n = len(toks)
    lows = [t.low for t in toks[i:end]]
    flat: list[str] = []
    owner: list[int] = []  # flat position -> token index, hyphenated words split in parts
    for k, low in enumerate(lows):
        for part in low.split("-") if "-" in low else [low]:
            flat.append(part)
            owner.append(i + k)
    year = _spoken_year(flat)
    if year is not None and _is_year_context(toks, i, end):
        add(i, end, float(year), "year", "date")
        return end
    if end < n and toks[end].low in _CLOCK_AFTER and not toks[end - 1].stop:
        value = _parse_words(flat)
        add(i, end + 1, value if value is not None else 0.0, "time", "date")
        return end + 1
    pieces = _split_run(flat)
    for idx, (a, b, value) in enumerate(pieces):
        start_tok, end_tok = owner[a], owner[b - 1] + 1
        last = idx == len(pieces) - 1
        unit, used = ("", 0)
        if last and not toks[end_tok - 1].stop:
            unit, used = _unit_after(toks, end_tok)
        if start_tok > 0 and toks[start_tok - 1].raw in _CURRENCY_SYMBOLS:
            unit = _CURRENCY_SYMBOLS[toks[start_tok - 1].raw]
        span_end = end_tok + used
        words_here = flat[a:b]
        if words_here in (["one"], ["a"]) and not unit:
            if not _one_is_quantity(toks, start_tok, span_end):
                continue
        if _year_like(value, "") and not unit and _is_year_context(toks, start_tok, span_end):
            if any(w in ("thousand",) for w in words_here) and value >= 1900:
                add(start_tok, span_end, value, "year", "date")
                continue
        add(start_tok, span_end, value, unit or _noun_after(toks, span_end), "figure")
    return end if not pieces else max(end, owner[pieces[-1][1] - 1] + 1)


def _one_is_quantity(toks: list[_Tok], i: int, end: int) -> bool:
    """A lone 'one' counts only when it measures something: 'one hour', 'one percent'."""
    before = toks[i - 1].low if i > 0 else ""
    after = toks[end].low if end < len(toks) and not toks[end - 1].stop else ""
    if before in _ONE_IDIOM_BEFORE or after in {"of", "by", "another", "more", "thing", "way"}:
        return False
    if after == "day":  # "one day, I..." is a story opening unless it is a duration
        return before in {"in", "within", "only", "just", "for", "than", "per", "single"}
    return after in _ONE_UNITS


def figures_only(figures: Sequence[Figure]) -> list[Figure]:
    """The concrete figures (not vague amounts, not dates)."""
    return [f for f in figures if f.kind == "figure"]
