"""Years, dates and letter references (函) as they are written in plans.

A year is a number directly followed by 年 (「108年」「108 年度」「中華民國108年」
「2019年」); a number inside a longer number or a word is never a year
(「1080004356」). A letter reference is 「…字第1080004356號(函)」, with the
letter's date in front of it when one is given (「108 年 2月 22 日電配售部業字第…」).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime

ROC_OFFSET = 1911
_DIGIT = "0-9０-９"
# Not preceded by a digit, a Latin letter or a decimal point; followed by 年.
YEAR_RE = re.compile(rf"(?<![{_DIGIT}A-Za-zＡ-Ｚａ-ｚ.．])([{_DIGIT}]{{2,4}})(?![{_DIGIT}])(?=[ \u3000]*年)")
# the first year of a range 「108-109年」「108至109年度」 is a year too, though 年 follows only the second
RANGE_START_RE = re.compile(
    rf"(?<![{_DIGIT}A-Za-zＡ-Ｚａ-ｚ.．])([{_DIGIT}]{{2,4}})(?=[ \u3000]*[-~～－–—至到][ \u3000]*([{_DIGIT}]{{2,4}})[ \u3000]*年)")
DATE_RE = re.compile(
    rf"(?<![{_DIGIT}A-Za-z.．])(?:(?:中華)?民國[ \u3000]*)?([{_DIGIT}]{{2,4}})[ \u3000]*年[ \u3000]*"
    rf"([{_DIGIT}]{{1,2}})[ \u3000]*月[ \u3000]*([{_DIGIT}]{{1,2}})[ \u3000]*日")
LETTER_NO_RE = re.compile(rf"字[ \u3000]*第[ \u3000]*([{_DIGIT}A-Za-z\-]+)[ \u3000]*號(函)?")
_LETTER_GAP = 40  # characters allowed between a letter's date and its 字第…號


def roc_date_text(value: date) -> str:
    """date(2019, 7, 5) → 「108 年 7 月 5 日」, as a 公文 writes a date in running text."""
    return f"{value.year - ROC_OFFSET} 年 {value.month} 月 {value.day} 日"


def roc_short_date(value: date) -> str:
    """date(2026, 12, 2) → '115/12/02', as lists and forms show a date."""
    return f"{value.year - ROC_OFFSET}/{value.month:02d}/{value.day:02d}"


def roc_iso_date(iso: str) -> str:
    """'2026-11-30T10:00:00Z' → '115/11/30'; text that is no ISO date stays as it is."""
    try:
        return roc_short_date(date.fromisoformat(iso[:10]))
    except ValueError:
        return iso


def roc_short_datetime(value: datetime, seconds: bool = False) -> str:
    """datetime(2026, 12, 2, 13, 5) → '115/12/02 13:05' (with ':09' when asked)."""
    return f"{roc_short_date(value.date())} {value:%H:%M:%S}" if seconds else f"{roc_short_date(value.date())} {value:%H:%M}"


def digits(text: str) -> int:
    return int(unicodedata.normalize("NFKC", text))


def same_width(number: int, like: str) -> str:
    """``number`` written with the digit width of ``like`` (full-width stays full-width)."""
    text = str(number)
    if like and "０" <= like[0] <= "９":
        return text.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    return text


def to_roc(value: int) -> int | None:
    """A written year as an ROC year: 2019 → 108, 108 → 108; None for other numbers."""
    if value >= 1912:
        return value - ROC_OFFSET if value < 2200 else None
    return value if 1 <= value < 300 else None


@dataclass
class YearMention:
    start: int
    end: int
    written: str
    roc: int
    western: bool


def find_years(text: str) -> list[YearMention]:
    """Every year written in ``text`` (ROC or Western), left to right."""
    out = []
    ranges = [m for m in RANGE_START_RE.finditer(text) if len(m.group(1)) == len(m.group(2))]
    for m in sorted([*YEAR_RE.finditer(text), *ranges], key=lambda m: m.start()):
        value = digits(m.group(1))
        western = len(m.group(1)) == 4
        roc = to_roc(value)
        if roc is None or (len(m.group(1)) == 4 and value < 1912):
            continue
        out.append(YearMention(m.start(1), m.end(1), m.group(1), roc, western))
    return out


@dataclass
class DateMention:
    start: int
    end: int
    value: date | None  # None when the date does not exist (2月30日)
    roc: int


def find_dates(text: str) -> list[DateMention]:
    out = []
    for m in DATE_RE.finditer(text):
        roc = to_roc(digits(m.group(1)))
        if roc is None:
            continue
        try:
            value = date(roc + ROC_OFFSET, digits(m.group(2)), digits(m.group(3)))
        except ValueError:
            value = None
        out.append(DateMention(m.start(), m.end(), value, roc))
    return out


@dataclass
class LetterRef:
    start: int      # start of the letter's date when given, else of 字第
    end: int
    number: str     # 1080004356
    date: DateMention | None

    @property
    def year(self) -> int | None:
        """The letter's ROC year: from its date, else from the number's first digits."""
        if self.date is not None:
            return self.date.roc
        head = unicodedata.normalize("NFKC", self.number)[:3]
        return int(head) if head.isdigit() else None

    def text(self, source: str) -> str:
        return source[self.start:self.end]


def find_letters(text: str) -> list[LetterRef]:
    """Letter references 「(date)…字第N號(函)」 in ``text``."""
    dates = find_dates(text)
    out = []
    previous_end = 0
    for m in LETTER_NO_RE.finditer(text):
        own = None
        for d in dates:
            gap = text[d.end:m.start()]
            if d.start >= previous_end and d.end <= m.start() and len(gap) <= _LETTER_GAP \
                    and not re.search(r"[。；;\n]", gap):
                own = d  # the nearest date before 字第 wins
        start = own.start if own else m.start()
        out.append(LetterRef(start, m.end(), m.group(1), own))
        previous_end = m.end()
    return out


def years_outside_letters(text: str) -> list[YearMention]:
    """The years of ``text`` that are not part of a letter reference 「…年…月…日…字第…號」
    (a letter's own date says when it was written, not which year the plan is for)."""
    spans = [(letter.start, letter.end) for letter in find_letters(text)]
    return [m for m in find_years(text) if not any(s <= m.start < e for s, e in spans)]
