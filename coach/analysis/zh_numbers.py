"""Figures in a Chinese talk: Chinese numerals, digits and the mixed forms between them.

Finds 一万台, 1.5万, 3千万, 两百人, 一千二百亿元, 百分之十七, 17%, 三分之一 and 5倍 as concrete figures;
20多万, 十几个, 10余年, 三十来岁, 几万, 数百, 上千, 成千上万 and anything followed by 左右/上下 (or
after 大约/大概) as vague amounts; 2024年, 二〇二四年, 90年代, 7月19日, 早上7点, 晚上八点半 and
19:00 as dates; 第一 as an ordinal (not a figure). A lone 一 counts only before a unit of measure
(一年, 一公里, 一个月), because 一个 is usually the article "a"; numerals inside idioms and adverbs
(一起, 十分, 万一, 千万不要, 九死一生) and names (四川, 百度) are words, not numbers.

cn2an (MIT) turns the numeral run into a value; this module decides what is a run, where it ends
and what surrounds it. Text is scanned as one string of the words joined, so a run that jieba cut
in two ("一", "万台") is still one number; each figure keeps the word range it covers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from coach.types import Figure, Word

ARABIC = "0123456789０１２３４５６７８９"
CN_DIGITS = "零〇一二两三四五六七八九壹贰叁肆伍陆柒捌玖兩"
SMALL_UNITS = "十百千拾佰仟"
BIG_UNITS = "万亿萬億"
NUM_CHARS = ARABIC + CN_DIGITS + SMALL_UNITS + BIG_UNITS
VAGUE_INFIX = "多余餘几來来"
TIME_OF_DAY = ("凌晨", "清晨", "早上", "早晨", "上午", "中午", "下午", "傍晚", "晚上", "夜里", "半夜",
               "深夜", "今晚", "今早", "明早", "昨晚", "当晚", "每晚", "早", "晚")  # fmt: skip
APPROX_BEFORE = ("大约", "大概", "差不多", "约", "近乎")
APPROX_AFTER = ("左右", "上下", "出头")
VAGUE_PHRASES = {"成千上万": 1e4, "成百上千": 1e3, "千千万万": 1e4, "数以万计": 1e4, "数以亿计": 1e8,
                 "数以千计": 1e3, "不计其数": 0.0, "无数": 0.0, "上百": 100.0, "上千": 1e3, "上万": 1e4,
                 "上亿": 1e8}  # fmt: skip
_MAGNITUDE = {"十": 10, "百": 100, "千": 1e3, "万": 1e4, "亿": 1e8, "萬": 1e4, "億": 1e8}
CURRENCY = {"美元": "$", "美金": "$", "欧元": "€", "英镑": "£", "港元": "HK$", "港币": "HK$",
            "日元": "¥", "人民币": "¥", "块钱": "¥", "元": "¥", "块": "¥"}  # fmt: skip
# after a lone 一, only these make it a measured quantity rather than the article "a"
ONE_UNITS = ("个月", "个小时", "个百分点", "年", "周", "星期", "小时", "分钟", "秒", "公里", "千米", "米",
             "公斤", "千克", "吨", "元", "块", "倍", "亿", "万", "千", "百", "%", "％", "成")  # fmt: skip
NUM_IDIOMS = frozenset(
    [
        "一起",
        "一定",
        "一直",
        "一样",
        "一般",
        "一切",
        "一些",
        "一点",
        "一点点",
        "一下",
        "一下子",
        "一会",
        "一会儿",
        "一致",
        "一旦",
        "一边",
        "一向",
        "一同",
        "一再",
        "一时",
        "一度",
        "一共",
        "一方面",
        "一流",
        "一线",
        "一律",
        "一概",
        "一番",
        "一味",
        "一贯",
        "一心",
        "一手",
        "一路",
        "一生",
        "一辈子",
        "一口气",
        "一体",
        "一体化",
        "一步步",
        "一次次",
        "一天天",
        "一年年",
        "一个个",
        "统一",
        "唯一",
        "万一",
        "之一",
        "一一",
        "十分",
        "万分",
        "万万",
        "千万",
        "百分百",
        "专一",
        "同一",
        "单一",
        "第一",
        "不一",
        "一模一样",
        "一五一十",
        "独一无二",
        "一无所有",
        "一帆风顺",
        "一举两得",
        "三心二意",
        "乱七八糟",
        "七嘴八舌",
        "九死一生",
        "一心一意",
        "十全十美",
        "千方百计",
        "五颜六色",
        "四面八方",
        "三番五次",
        "百度",
        "一加",
        "万达",
        "三星",
    ]
)
# measure words taken into a figure's text and unit: 4分钟, 一万台, 20多万人
MEASURE_WORDS = ("个百分点", "个小时", "个月", "小时", "分钟", "公里", "千米", "公斤", "千克", "平方米",
                 "周年", "年", "天", "周", "秒", "米", "吨", "台", "辆", "部", "人", "名", "位", "个", "家", "座",
                 "款", "项", "次", "场", "条", "件", "张", "块", "份", "倍", "岁", "层", "届", "代",
                 "只", "颗", "组", "万台", "万辆", "万人")  # fmt: skip
_FUNCTION_CHARS = set("的了地得是在和也都就还又而与或把被让给从向到")
_TIME_WORD = re.compile(r"\d{1,2}[:：]\d{2}")


@lru_cache(maxsize=1)
def _word_tags() -> dict[str, str]:
    """jieba's part-of-speech dictionary (word -> tag), to tell 四川 (a place) from 四 (four)."""
    import jieba.posseg

    from coach.zh_text import _tokenizer

    _tokenizer()
    tags: dict[str, str] = jieba.posseg.dt.word_tag_tab
    return tags


def _cn2an(text: str) -> float | None:
    import cn2an

    try:
        return float(cn2an.cn2an(text, "smart"))
    except (ValueError, KeyError, IndexError):
        return None


def _value(core: str) -> float | None:
    """Value of a numeral run: digits, Chinese numerals or a mix ("1.5万", "一点五万", "3千万")."""
    core = core.translate(str.maketrans("０１２３４５６７８９", "0123456789")).replace(",", "")
    if "点" in core:  # Chinese decimal: 一点五万 = 1.5 万
        whole, _, rest = core.partition("点")
        digits = ""
        k = 0
        while k < len(rest) and (rest[k] in CN_DIGITS or rest[k].isdigit()):
            digits += rest[k] if rest[k].isdigit() else str(int(_cn2an(rest[k]) or 0))
            k += 1
        base = _cn2an(whole) if whole else 0.0
        if base is None or not digits:
            return None
        value = base + float("0." + digits)
        for unit in rest[k:]:
            value *= _MAGNITUDE.get(unit, 1)
        return value
    if re.fullmatch(r"\d+(\.\d+)?", core):
        return float(core)
    return _cn2an(core)


class _Text:
    """The words joined into one string, with the word index of every character."""

    def __init__(self, words: Sequence[Word]) -> None:
        self.words = words
        parts: list[str] = []
        self.owner: list[int] = []
        self.token_start: list[int] = []  # character -> start of its word in the string
        pos = 0
        for i, w in enumerate(words):
            parts.append(w.text)
            self.owner.extend([i] * len(w.text))
            self.token_start.extend([pos] * len(w.text))
            pos += len(w.text)
        self.s = "".join(parts)

    def token_at(self, k: int) -> str:
        """The word (punctuation stripped) that holds character ``k``."""
        word = self.words[self.owner[k]].text
        return "".join(ch for ch in word if ch.isalnum())

    def span(self, a: int, b: int) -> tuple[int, int]:
        return (self.owner[a], self.owner[b - 1] + 1)


def _is_word_not_number(t: _Text, a: int, b: int) -> bool:
    """True when the numeral run [a, b) is part of an idiom, an adverb or a name."""
    token = t.token_at(a)
    if re.fullmatch(f"[{NUM_CHARS}]+(年|月份?|日|号)", token):
        return False  # 十二月份, 二〇二四年: jieba tags some as names
    if token in NUM_IDIOMS or (t.s[a:b] in ("千万", "万万") and t.s[b : b + 1] in "不别要得"):
        return True
    start = t.token_start[a]
    inner = t.s[start:a]
    if inner and inner[-1] not in "第约近共达超逾这那每头前后了":
        return True  # the numeral sits inside a longer word: 统一, 唯一
    tag = _word_tags().get(token)
    if tag in {"ns", "nr", "nz", "nt", "i", "l", "d", "vn", "b", "r", "c", "p", "a", "ad", "v"}:
        return True
    if tag == "n" and len(token) - len(t.s[a:b]) >= 2:
        return True  # 五粮液: a noun that starts with a numeral
    return len(token) == 4 and _four_char_idiom(token)


def _four_char_idiom(token: str) -> bool:
    """三心二意, 乱七八糟: numerals at alternate places of a four-character word."""
    nums = [ch in CN_DIGITS + SMALL_UNITS + BIG_UNITS for ch in token]
    return nums in ([True, False, True, False], [False, True, False, True])


def _read_run(s: str, i: int) -> tuple[int, str, bool]:
    """Read a numeral run at ``i``: (end, core without vague markers, vague?). End == i: none."""
    j = i
    core = ""
    vague = False
    n = len(s)
    while j < n:
        ch = s[j]
        if ch in ARABIC:
            core += ch
            j += 1
            # 1,000 and 3.5: a comma before three digits, a point before a digit
            if j + 3 < n + 1 and s[j : j + 1] == "," and re.fullmatch(r"\d{3}", s[j + 1 : j + 4]):
                if not (j + 4 < n and s[j + 4].isdigit()):
                    core += ","
                    j += 1
            if s[j : j + 1] in (".", "．") and j + 1 < n and s[j + 1] in ARABIC:
                core += "."
                j += 1
        elif ch in CN_DIGITS + SMALL_UNITS or (ch in BIG_UNITS and core):
            core += ch
            j += 1
        elif (
            ch in VAGUE_INFIX and core and (ch not in "来來" or core[-1] in SMALL_UNITS + BIG_UNITS)
        ):
            vague = True  # 20多万, 十几个, 10余年, 三十来岁
            j += 1
            if j < n and s[j] in BIG_UNITS + SMALL_UNITS:
                continue
            break
        else:
            break
    return j, core, vague


def _clock_after(s: str, end: int, before: str) -> int:
    """End of a clock time whose hour run ends at ``end`` ("点", "点半", "点20分", "点钟"), or 0."""
    if s[end : end + 1] != "点":
        return 0
    k = end + 1
    rest = s[k:]
    if rest.startswith(("钟", "半", "整", "多")):
        return k + 1
    m = re.match(r"([0-9]{1,2}|[零〇一二三四五六七八九十]{1,3})分", rest)
    if m:
        return k + m.end()
    if any(before.endswith(w) for w in TIME_OF_DAY):
        return k
    return 0


def _unit_after(t: _Text, k: int) -> tuple[str, int]:
    """(unit, characters consumed) for what follows a figure at ``k``."""
    rest = t.s[k : k + 4]
    if rest[:1] in ("%", "％"):
        return "%", 1
    if rest.startswith("个百分点"):
        return "个百分点", 4
    if rest.startswith("倍"):
        return "x", 1
    for word, symbol in CURRENCY.items():
        if rest.startswith(word):
            return symbol, len(word)
    for word in MEASURE_WORDS:
        if rest.startswith(word):
            return word, len(word)
    if k < len(t.s) and t.s[k].isalnum():
        start = t.token_start[k]
        tail = "".join(ch for ch in t.s[k : start + len(t.words[t.owner[k]].text)] if ch.isalnum())
        unit = (tail or t.token_at(k))[:3]
        return ("" if unit[:1] in _FUNCTION_CHARS else unit), 0
    return "", 0


def find_zh_figures(words: Sequence[Word]) -> list[Figure]:
    """Every number said in Chinese ``words``, classified as figure, vague amount or date.

    Returns
    -------
    list of Figure
        In order; ``value`` in plain units (一千二百亿 → 1.2e11, 百分之十七 → 17 with unit ``"%"``,
        三分之一 → 0.333), ``unit`` the currency symbol, ``"%"``, ``"x"`` or the measure word that
        follows (``"台"``); ``word_span`` the words the figure touches, ``text`` its characters.
    """
    t = _Text(words)
    s = t.s
    found: list[Figure] = []

    def add(a: int, b: int, value: float, unit: str, kind: Any, text: str | None = None) -> None:
        span = t.span(a, b)
        found.append(
            Figure(
                text=text if text is not None else s[a:b],
                value=float(value),
                unit=unit,
                word_span=span,
                start_s=words[span[0]].start_s,
                end_s=words[span[1] - 1].end_s,
                kind=kind,
            )
        )

    i = 0
    n = len(s)
    while i < n:
        # vague set phrases: 成千上万, 上万, 无数
        phrase = next((p for p in VAGUE_PHRASES if s.startswith(p, i)), None)
        if phrase is not None and not (phrase.startswith("上") and i > 0 and s[i - 1] in NUM_CHARS):
            end = i + len(phrase)
            amount = VAGUE_PHRASES[phrase]
            while end < n and s[end] in BIG_UNITS:  # 上百万
                amount *= _MAGNITUDE[s[end]]
                end += 1
            unit, used = _unit_after(t, end)
            add(i, end + used, amount, unit, "vague")
            i = end + used
            continue
        m = _TIME_WORD.match(s, i)
        if m and (i == 0 or not s[i - 1].isdigit()):
            add(i, m.end(), float(m.group()[:2].rstrip(":：")), "time", "date")
            i = m.end()
            continue
        if s.startswith("百分之", i):
            end, core, vague = _read_run(s, i + 3)
            percent = _value(core) if core else None
            if percent is not None:
                vague = vague or s.startswith(APPROX_AFTER, end)
                end += 2 if s.startswith(APPROX_AFTER, end) else 0
                add(i, end, percent, "%", "vague" if vague else "figure")
                i = end
                continue
        ch = s[i]
        lead_vague = ch in "几数" and s[i + 1 : i + 2] in SMALL_UNITS + BIG_UNITS
        if not (ch in ARABIC or ch in CN_DIGITS or ch in "十百千" or lead_vague):
            i += 1
            continue
        start = i
        if lead_vague:  # 几万, 数百, 几十万: a vague count of a magnitude
            end, core, vague = i + 1, "一", True
            while end < n and s[end] in SMALL_UNITS + BIG_UNITS:
                core += s[end]
                end += 1
        else:
            end, core, vague = _read_run(s, i)
            if core and s[end : end + 2] in ("个亿", "个万"):  # 一个亿, 两个亿: colloquial amounts
                core += s[end + 1]
                end += 2
        if (
            re.fullmatch("[一两二三四五六七八九][两二三四五六七八九十]", core[:2])
            and len(core) >= 2
        ):
            first, second = (_value(core[0]) or 0), (_value(core[1]) or 0)
            if second - first == 1 or core[:2] == "一两":
                vague = True  # 三四线, 两三个, 七八万: "three or four"
                core = core[0] + core[2:]
        if end == start or not core:
            i += 1
            continue
        before = s[max(0, start - 4) : start]
        if start > 0 and s[start - 1] == "第":  # an ordinal: 第一, 第3
            i = end
            continue
        if _is_word_not_number(t, start, end):
            i = end
            continue
        # clock times and decimals spoken with 点
        clock_end = _clock_after(s, end, before)
        if clock_end:
            add(start, clock_end, _value(core) or 0.0, "time", "date")
            i = clock_end
            continue
        if s[end : end + 1] == "点" and s[end + 1 : end + 2] and s[end + 1] in ARABIC + CN_DIGITS:
            end2, core2, vague2 = _read_run(s, end + 1)
            if core2 and not any(u in core2[:-1] for u in SMALL_UNITS):
                core, end, vague = core + "点" + core2, end2, vague or vague2
        value = _value(core) if core else None
        if value is None:
            i = end
            continue
        # fractions: 三分之一
        if s.startswith("分之", end):
            end2, core2, _ = _read_run(s, end + 2)
            denom = value
            num = _value(core2) if core2 else None
            if num is not None and denom:
                add(start, end2, num / denom, "fraction", "figure")
                i = end2
                continue
        digits_only = re.fullmatch(r"[0-9０-９]{4}", core) is not None
        cn_year = re.fullmatch(f"[{CN_DIGITS}]{{4}}", core) is not None
        if (digits_only or cn_year) and s.startswith("年", end) and 1000 <= value <= 2099:
            add(start, end + 1, value, "year", "date")
            i = end + 1
            continue
        if re.fullmatch("[0-9]{2}", core) and s[end : end + 1] == "后" and value % 5 == 0:
            add(start, end + 1, value, "generation", "date")  # 80后, 95后: born in the 1980s
            i = end + 1
            continue
        if s.startswith("年代", end) and (
            value in (10, 20, 30, 40, 50, 60, 70, 80, 90) or digits_only
        ):
            add(start, end + 2, value, "year", "date")
            i = end + 2
            continue
        if s.startswith(("月", "月份"), end) and value == int(value) and 1 <= value <= 12:
            stop = end + (2 if s.startswith("月份", end) else 1)
            d_end, d_core, _ = _read_run(s, stop)
            if d_core and s[d_end : d_end + 1] in ("日", "号"):
                stop = d_end + 1
            add(start, stop, value, "date", "date")
            i = stop
            continue
        if s[end : end + 1] == "日" and value == int(value) and 1 <= value <= 31:
            add(start, end + 1, value, "date", "date")
            i = end + 1
            continue
        if core in ("一", "壹") and not vague and not s.startswith(ONE_UNITS, end):
            i = end
            continue
        unit, used = _unit_after(t, end)
        stop = end + used
        if used and s[stop : stop + 1] in "多余" and unit in MEASURE_WORDS:
            vague = True  # 三个多月, 一年多: "more than"
            stop += 1
            if s.startswith(("月", "小时", "钟头", "星期", "礼拜"), stop) and unit == "个":
                unit = "个月" if s[stop] == "月" else unit
                stop += 1 if s[stop] == "月" else 0
        if s.startswith(APPROX_AFTER, stop):
            vague = True
            stop += 2
        if any(before.endswith(w) for w in APPROX_BEFORE):
            vague = True
        add(start, stop, value, unit, "vague" if vague else "figure")
        i = max(stop, start + 1)
    return found
