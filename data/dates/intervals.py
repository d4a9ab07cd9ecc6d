"""Calendar arithmetic the rules share: months, parts of months and years, shifts.

Every function here is pure and works on ``datetime.date``; intervals are
inclusive.
"""

from __future__ import annotations

import calendar as _calendar
import re
from datetime import date, timedelta
from typing import NamedTuple

from data.dates.vocabulary import HALVES, MONTHS, NUMBERS, PART_CUES, REL_DELTA
from data.records import Precision


class Interval(NamedTuple):
    """What a rule resolves an expression to: inclusive dates, precision, vagueness."""

    start: date
    end: date
    precision: Precision
    vague: bool = False


def month_end(year: int, month: int) -> date:
    return date(year, month, _calendar.monthrange(year, month)[1])


def month_interval(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), month_end(year, month)


def month_of(year: int, month: int) -> Interval:
    """The whole month, at month precision."""
    return Interval(*month_interval(year, month), Precision.MONTH)


def year_of(year: int) -> Interval:
    return Interval(date(year, 1, 1), date(year, 12, 31), Precision.YEAR)


def day_of(d: date | None) -> Interval | None:
    return Interval(d, d, Precision.DAY) if d else None


def shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def month_number(token: str) -> int:
    return MONTHS[token.rstrip(".").lower()]


def day_number(token: str) -> int:
    return int(re.match(r"\d+", token).group())


def number(token: str) -> int:
    token = " ".join(token.lower().split())
    return NUMBERS[token] if token in NUMBERS else int(token)


def bare_month(month: int, anchor: date, future: bool, strict: bool = False) -> tuple[int, int]:
    """Year of the most recent ``month`` on/before the anchor (or the next one)."""
    if future:
        return (anchor.year if month >= anchor.month else anchor.year + 1), month
    if month < anchor.month or (month == anchor.month and not strict):
        return anchor.year, month
    return anchor.year - 1, month


def day_in(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def day_on_or_before(month: int, day: int, anchor: date, future: bool) -> date | None:
    """The most recent such day on or before the anchor (the next one when ``future``)."""
    for year in ((anchor.year, anchor.year + 1) if future else (anchor.year, anchor.year - 1)):
        candidate = day_in(year, month, day)
        if candidate and ((candidate >= anchor) if future else (candidate <= anchor)):
            return candidate
    return None


def _part(cue: str) -> str:
    return PART_CUES.get(" ".join(cue.lower().split()), "")


def part_of_month(cue: str, year: int, month: int) -> tuple[date, date]:
    """Early 1-10, mid 11-20, late 21-end."""
    part = _part(cue)
    if part == "early":
        return date(year, month, 1), date(year, month, 10)
    if part == "mid":
        return date(year, month, 11), date(year, month, 20)
    return date(year, month, 21), month_end(year, month)


def part_of_year(cue: str, year: int) -> tuple[date, date]:
    """Early Jan-Apr, mid May-Aug, late Sep-Dec; halves; "the end of" Oct-Dec."""
    cue = " ".join(cue.lower().split())
    if cue in HALVES:
        first, last = HALVES[cue]
        return date(year, first, 1), month_end(year, last)
    if cue == "the end of":
        return date(year, 10, 1), date(year, 12, 31)
    first = {"early": 1, "mid": 5}.get(_part(cue), 9)
    return date(year, first, 1), month_end(year, first + 3)


def decade(value: str, short: bool) -> int:
    """The first year of a decade: "1980" or the short "80" ('80s)."""
    if not short:
        return int(value)
    tens = int(value)
    return (1900 if tens >= 30 else 2000) + tens


def shift(day: date, unit: str, n: int) -> date:
    """``day`` moved by ``n`` units (a month or year keeps its day where it can)."""
    if unit == "day":
        return day + timedelta(days=n)
    if unit == "week":
        return day + timedelta(weeks=n)
    y, m = shift_month(day.year, day.month, n * (12 if unit == "year" else 1))
    return date(y, m, min(day.day, _calendar.monthrange(y, m)[1]))


def relative_year(groups: dict, anchor: date) -> int | None:
    """The year of "last year"/"this year"/"next year" after a month or a day."""
    rel = (groups.get("ry") or "").lower()
    return anchor.year + REL_DELTA[rel] if rel else None


def precision_of(start: date, end: date) -> Precision:
    """An honest precision for an interval made by joining two dates."""
    days = (end - start).days
    if days == 0:
        return Precision.DAY
    if days < 7:
        return Precision.WEEK
    if (start.year, start.month) == (end.year, end.month):
        whole = start.day == 1 and end == month_end(end.year, end.month)
        return Precision.MONTH if whole else Precision.PART_OF_MONTH
    if start.year == end.year:
        whole = (start.month, start.day, end.month, end.day) == (1, 1, 12, 31)
        return Precision.YEAR if whole else Precision.PART_OF_YEAR
    return Precision.YEAR if days < 3660 else Precision.DECADE
