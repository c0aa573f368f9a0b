"""English number vocabulary for :mod:`coach.analysis.numbers`: number words, magnitudes,
currencies, fractions and the context words that tell a figure from a year, a name or an idiom.

Kept apart from the rules so another language can bring its own table. Magnitudes and fractions
are :class:`~decimal.Decimal` so "$2.07 billion" is exactly 2,070,000,000.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from text_to_num import text2num

UNITS_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
MAGNITUDES = {
    "hundred": Decimal(100), "thousand": Decimal(1000), "million": Decimal(10**6),
    "billion": Decimal(10**9), "trillion": Decimal(10**12),
}  # fmt: skip
NUMBER_WORDS = set(UNITS_WORDS) | set(MAGNITUDES)
DIGIT_WORDS = {k: v for k, v in UNITS_WORDS.items() if v < 10} | {"oh": 0}
SUFFIX_MAGNITUDE = {"k": Decimal(1000), "m": Decimal(10**6), "mn": Decimal(10**6),
                    "b": Decimal(10**9), "bn": Decimal(10**9), "t": Decimal(10**12)}  # fmt: skip
CURRENCY_SYMBOLS = {"$": "$", "€": "€", "£": "£", "¥": "¥", "us$": "$", "rmb": "¥"}
CURRENCY_WORDS = {
    "dollar": "$", "dollars": "$", "bucks": "$", "euro": "€", "euros": "€", "pound": "£",
    "pounds": "£", "yuan": "¥", "rmb": "¥", "renminbi": "¥", "yen": "¥", "cents": "¢",
    "cent": "¢",
}  # fmt: skip
PERCENT_WORDS = {"percent", "per-cent", "pct"}
VAGUE = {"dozens", "hundreds", "thousands", "millions", "billions", "trillions", "countless",
         "umpteen", "zillions", "dozen"}  # fmt: skip
TIME_UNITS = {
    "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks",
    "month", "months", "year", "years", "decade", "decades", "night", "nights", "time", "times",
}  # fmt: skip
# After a lone "one", only these make it a measured quantity rather than a pronoun or idiom
ONE_UNITS = TIME_UNITS | set(CURRENCY_WORDS) | PERCENT_WORDS | {
    "km", "kilometer", "kilometers", "kilometre", "kilometres", "mile", "miles", "meter",
    "meters", "metre", "metres", "kg", "kilogram", "kilograms", "ton", "tons", "tonne", "tonnes",
    "liter", "liters", "litre", "litres", "point", "percentage", "million", "billion",
    "thousand", "hundred", "person", "order", "car", "phone", "engineer", "store", "city",
    "country", "factory", "team",
}  # fmt: skip
ONE_IDIOM_BEFORE = {"no", "any", "every", "some", "each", "the", "this", "that", "which",
                    "little", "only", "another", "last", "next", "such", "at", "one", "loved"}  # fmt: skip
# "one good meal a week": a lone "one" followed, within a few words, by a rate
RATE_WORDS = {"a", "an", "per", "each", "every"}
MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec",
}  # fmt: skip
YEAR_CUES_BEFORE = MONTHS | {
    "in", "since", "by", "until", "till", "from", "of", "year", "before", "after", "around",
    "early", "late", "mid", "summer", "winter", "spring", "autumn", "fall", "back", "during",
    "through", "to", "and", "circa", "on", "fiscal", "fy", "class", "vintage", "calendar",
    # a possessive or demonstrative before a year-like number names the year: "his 2023 speech"
    "his", "her", "its", "their", "our", "my", "your", "this", "that", "these", "those", "the",
}  # fmt: skip
# Words that can follow a year but not a counted amount ("2019 was", "in 2024 we")
FUNCTION_WORDS = {
    "was", "is", "were", "will", "had", "has", "have", "we", "i", "you", "he", "she", "they",
    "it", "the", "a", "an", "and", "or", "but", "to", "when", "where", "that", "this", "as",
    "at", "for", "with", "on", "in", "of", "so", "then", "our", "my", "his", "her", "their",
}  # fmt: skip
CLOCK_AFTER = {"am", "pm", "a.m", "p.m", "o'clock", "oclock", "hrs"}
# Fractions said as words: "a third", "one-tenth", "two-thirds", "half of"
FRACTIONS = {
    "half": Decimal(1) / 2, "halves": Decimal(1) / 2, "third": Decimal(1) / 3,
    "thirds": Decimal(1) / 3, "quarter": Decimal(1) / 4, "quarters": Decimal(1) / 4,
    "fifth": Decimal(1) / 5, "fifths": Decimal(1) / 5, "tenth": Decimal(1) / 10,
    "tenths": Decimal(1) / 10, "hundredth": Decimal(1) / 100, "hundredths": Decimal(1) / 100,
    "thousandth": Decimal(1) / 1000,
}  # fmt: skip
# "the first half", "the other half" are periods or parts, not amounts
HALF_NOT_AFTER = {"first", "second", "last", "other", "better", "back", "front", "top", "bottom"}
HALF_BEFORE = {"about", "nearly", "almost", "roughly", "over", "under", "than", "just", "only",
               "by", "in", "cut", "exactly", "some", "fully", "barely"}  # fmt: skip
# A capitalised word right before a bare number makes it a name ("Model 3", "Fortune Global
# 500"), unless it is one of these ordinary sentence openers ("About 40 people", "In 2021").
NAME_BREAKERS = {
    "in", "on", "at", "by", "about", "only", "over", "under", "some", "nearly", "almost", "just",
    "all", "the", "a", "an", "to", "from", "since", "until", "with", "without", "and", "but", "or",
    "so", "more", "less", "than", "around", "roughly", "approximately", "exactly", "another",
    "every", "each", "after", "before", "during", "within", "for", "of", "up", "down",
    "then", "now", "today", "yesterday", "those", "these", "its", "our", "we", "they", "i",
    "you", "he", "she", "it", "there", "here", "still", "already", "maybe", "perhaps",
    "well", "yes", "no", "oh", "okay", "ok", "like", "even", "also", "plus", "minus",
}  # fmt: skip
# Ranked lists and titles: "Top 5", "Fortune 500", "Global 2000" are never amounts
RANKED_LIST_WORDS = {"top", "bottom", "fortune", "global", "forbes", "inc", "russell", "ftse"}


@dataclass(frozen=True)
class Tok:
    text: str  # the word as written
    raw: str  # the word with outer quotes/brackets and trailing punctuation removed
    low: str  # norm(): lower case, no surrounding punctuation
    stop: bool  # the written word closes a clause (",", ".", "?"...): a number run ends here


def parse_words(tokens: list[str]) -> Decimal | None:
    """Value of a run of number words via text2num, or None when text2num rejects it."""
    phrase = " ".join("one" if t == "a" else t for t in tokens)
    try:
        return Decimal(text2num(phrase, "en"))
    except ValueError:
        return None


def spoken_year(tokens: list[str]) -> int | None:
    """'nineteen ninety nine' -> 1999, 'twenty twenty four' -> 2024; None if not that shape."""
    for cut in range(1, len(tokens)):
        head, tail = tokens[:cut], tokens[cut:]
        century = parse_words(head)
        if century is None or not 11 <= century <= 20 or "hundred" in head:
            continue
        if tail == ["hundred"]:
            return int(century * 100)
        if tail[0] == "oh" and len(tail) == 2 and tail[1] in DIGIT_WORDS:
            return int(century * 100 + DIGIT_WORDS[tail[1]])
        rest = parse_words(tail)
        if rest is not None and 10 <= rest <= 99 and not any(t in MAGNITUDES for t in tail):
            return int(century * 100 + rest)
    return None


def is_number_word(low: str) -> bool:
    return low in NUMBER_WORDS or (
        "-" in low and all(part in NUMBER_WORDS for part in low.split("-"))
    )


def is_name_number(toks: list[Tok], i: int) -> bool:
    """A bare number that is part of a name or a ranked list: "Model 3", "Fortune Global 500",
    "Business School 101", "Top 5", "the Challenger Seven". A capitalised word right before it
    (not an ordinary sentence opener like "About" or "In") makes it a name, unless a counted
    noun follows ("It took Apple 20 years")."""
    if i == 0:
        return False
    prev = toks[i - 1]
    if prev.stop or not prev.raw[:1].isalpha():
        return False
    capitalised = prev.raw[:1].isupper() or any(c.isupper() for c in prev.raw[1:])
    if not capitalised or prev.low in NAME_BREAKERS or prev.low in MONTHS:
        return False
    if prev.low in RANKED_LIST_WORDS:
        return True
    if toks[i].stop or i + 1 >= len(toks):
        return True
    after = toks[i + 1]
    if after.low in FUNCTION_WORDS or after.raw[:1].isupper() or not after.low.isalpha():
        return True
    # a counted noun after a number is plural ("Apple 20 years"); a singular word makes the
    # number part of the name ("the Model 3 unveil")
    plural = after.low.endswith("s") and not after.low.endswith("ss")
    return not (plural or after.low in TIME_UNITS or after.low in {"people", "children", "men"})


def is_heading_number(toks: list[Tok], i: int) -> bool:
    """Section numbers: "01", "02" with a leading zero, or a number alone on its line."""
    raw = toks[i].raw
    return bool(re.fullmatch(r"0\d", raw)) and not (
        i + 1 < len(toks) and toks[i + 1].low in PERCENT_WORDS | set(CURRENCY_WORDS)
    )


def fraction(toks: list[Tok], i: int) -> tuple[int, int, Decimal] | None:
    """A fraction said in words at ``i``: (start, end, value) or None.

    "one-tenth", "two-thirds" (hyphenated: always a fraction); "a third of", "one quarter of",
    "three quarters of" (with "of"); "half of", "half the", "about half", "half-century"
    ("half" unless it is "the first half"); "one in six" is a ratio.
    """
    n = len(toks)
    low = toks[i].low
    parts = low.split("-")
    if len(parts) == 2 and parts[0] in NUMBER_WORDS and parts[1] in FRACTIONS:
        num = parse_words([parts[0]])
        if num is not None:
            return i, i + 1, num * FRACTIONS[parts[1]]
    if len(parts) == 2 and parts[0] == "half" and parts[1].isalpha():
        if i == 0 or toks[i - 1].low not in HALF_NOT_AFTER:
            return i, i + 1, FRACTIONS["half"]  # "half-century", "half-price"
    if low in {"a", "one", "two", "three", "four", "five"} and i + 2 < n and not toks[i].stop:
        frac = toks[i + 1].low
        if frac in FRACTIONS and frac != "half" and toks[i + 2].low == "of":
            num = Decimal(1) if low == "a" else parse_words([low])
            if num is not None:
                return i, i + 2, num * FRACTIONS[frac]
    if low == "half":
        before = toks[i - 1].low if i > 0 and not toks[i - 1].stop else ""
        after = toks[i + 1].low if i + 1 < n and not toks[i].stop else ""
        if before in HALF_NOT_AFTER or before == "and":
            return None
        start = i - 1 if before == "a" else i
        if after in {"of", "the", "that", "a", "an", "its", "their", "our", "his", "her", "as"}:
            return start, i + 1, FRACTIONS["half"]
        if before in HALF_BEFORE:
            return start, i + 1, FRACTIONS["half"]
    if (
        is_number_word(low)
        and i + 2 < n
        and not toks[i].stop
        and toks[i + 1].low == "in"
        and is_number_word(toks[i + 2].low)
    ):
        num, den = parse_words([low]), parse_words(toks[i + 2].low.split("-"))
        if num and den:
            return i, i + 3, num / den
    return None


def one_is_quantity(toks: list[Tok], i: int, end: int) -> bool:
    """A lone 'one' counts only when it measures something: 'one hour', 'one percent', 'one good
    meal a week', or when it starts a count ('One, two, three')."""
    before = toks[i - 1].low if i > 0 else ""
    after = toks[end].low if end < len(toks) and not toks[end - 1].stop else ""
    if end < len(toks) and is_number_word(toks[end].low) and toks[end].low != "one":
        return True  # counting: "One, two, three, four"
    if before in ONE_IDIOM_BEFORE or after in {"of", "by", "another", "more", "thing", "way"}:
        return False
    for k in range(end, min(end + 3, len(toks) - 1)):
        # a rate a few words on: "one good meal a week", "one visit per month"
        if toks[k].low in RATE_WORDS and toks[k + 1].low in TIME_UNITS and k > end:
            return True
        if toks[k].stop:
            break
    if after == "day":  # "one day, I..." is a story opening unless it is a duration
        return before in {"in", "within", "only", "just", "for", "than", "per", "single"}
    return after in ONE_UNITS
