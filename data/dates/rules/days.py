"""Rules for single days and short runs of days: "Oct. 24, 2020", "10 April",
"Christmas Eve", "On Friday", "over the weekend", "yesterday".

Resolution: a day without a year is the most recent such day on or before the
anchor (the next one in a future clause); a weekday likewise.
"""

from __future__ import annotations

import re
from datetime import timedelta
from functools import lru_cache

from data.dates.intervals import (
    Interval,
    day_in,
    day_number,
    day_of,
    day_on_or_before,
    month_number,
    relative_year,
    shift_month,
)
from data.dates.rule import Rule, Situation
from data.dates.vocabulary import (
    BRITISH_SPELLINGS,
    DAY,
    DAY_PARTS,
    HOLIDAY,
    HOLIDAYS,
    MONTH,
    NOT_NUMBER_AFTER,
    REL_DELTA,
    REL_YEAR,
    SAME_YEAR,
    WEEKDAY,
    WEEKDAY_ABBREVIATIONS,
    WEEKDAY_BEFORE,
    WEEKDAY_NAMES,
    WEEKDAYS,
    YEAR,
    one_of,
)
from data.records import DateMention, Precision


def _full(g: dict, s: Situation) -> Interval | None:
    month = month_number(g["month"] or g["month2"])
    day = day_number(g["day"] or g["day2"])
    return day_of(day_in(int(g["year"] or g["year2"]), month, day))


FULL = Rule(
    "full",
    re.compile(rf"""\b(?P<month>{MONTH})(?:\s+|(?<=\.))(?P<day>{DAY})(?:,\s*|\s+)(?P<year>{YEAR})\b
        | \b(?P<day2>{DAY})\s+(?P<month2>{MONTH}),?\s+(?P<year2>{YEAR})\b""", re.VERBOSE),
    needs="month+year", priority=310, resolve=_full,
    examples=(("on Oct. 24, 2020, Ma spoke", "2021-08-19", "2020-10-24", "2020-10-24", "day"),
              ("on 3 November 2020 the listing", "2021-08-19", "2020-11-03", "2020-11-03")),
)  # fmt: skip


def _iso(g: dict, s: Situation) -> Interval | None:
    return day_of(day_in(int(g["year"]), int(g["m"]), int(g["d"])))


ISO = Rule(
    "iso", re.compile(rf"\b(?P<year>{YEAR})-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-3][0-9])\b"),
    needs="year", priority=240, resolve=_iso,
    examples=(("the 2021-11-01 deadline", "2022-01-01", "2021-11-01", "2021-11-01", "day"),),
)  # fmt: skip


def _day_range(g: dict, s: Situation) -> Interval | None:
    """ "Dec. 8 to 10 last year": the days of one month, as one interval."""
    month = month_number(g["month"])
    first, last = day_number(g["day"]), day_number(g["day2"])
    if last <= first:
        return None
    year = int(g["year"]) if g["year"] else relative_year(g, s.day)
    start = day_in(year, month, first) if year else day_on_or_before(month, first, s.day, s.future)
    end = day_in(start.year, month, last) if start else None
    if start is None or end is None:
        return None
    precision = Precision.WEEK if last - first < 7 else Precision.PART_OF_MONTH
    return Interval(start, end, precision)


DAY_RANGE = Rule(
    "day_range",
    re.compile(rf"(?:\b(?i:from|between)\s+)?\b(?P<month>{MONTH})\s+(?P<day>{DAY})\s*"
               rf"(?:-|–|(?i:to|and|through|until))\s*(?P<day2>{DAY})\b(?!\s+{MONTH})"
               rf"(?:,?\s+(?P<year>{YEAR})\b|{REL_YEAR})?"),
    needs="month+digit", priority=250, resolve=_day_range,
    examples=(("a conference held in Beijing from Dec. 8 to 10 last year", "2022-01-04",
               "2021-12-08", "2021-12-10", "week"),),
)  # fmt: skip


DAY_RANGE_DAY_FIRST = Rule(
    "day_range_day_first",  # "15-16 Dec 2022", "8 to 10 December"
    re.compile(rf"(?:\b(?i:from|between)\s+)?(?<![\d$£€¥.,/-])\b(?P<day>{DAY})\s*"
               rf"(?:-|–|(?i:to|and|through|until))\s*(?P<day2>{DAY})\s+(?P<month>{MONTH})(?![\w-])"
               rf"(?:,?\s+(?P<year>{YEAR})\b|{REL_YEAR})?"),
    needs="month+digit", priority=251, resolve=_day_range,
    examples=(("the Central Economic Work Conference, 15-16 Dec 2022", "2023-01-18",
               "2022-12-15", "2022-12-16", "week"),),
)  # fmt: skip


def _day_in_year_or_latest(year: int | None, month: int, day: int, s: Situation):
    """That day of ``year``; without one, the most recent (in a future clause the next)."""
    return day_of(day_in(year, month, day) if year else day_on_or_before(month, day, s.day, s.future))


#: "the fiscal year ends on 31 March": a date that recurs every year, not an event.
_FISCAL_END = re.compile(r"\b(?:fiscal|financial|tax|accounting)\s+year\s+(?:that\s+)?"
                         r"(?:ends?|ending|runs?\s+(?:to|until|through))\s+(?:on\s+)?$", re.I)


def weekday_number(name: str) -> int:
    """ "Thursday" or "Thu" -> 3."""
    return WEEKDAYS.get(name.lower(), WEEKDAY_ABBREVIATIONS.get(name.title(), -1))


def _month_day(g: dict, s: Situation) -> Interval | None:
    if _FISCAL_END.search(s.text, max(0, s.start - 50), s.start):
        return None
    month, day = month_number(g["month"]), day_number(g["day"])
    if g.get("sy") and s.base is not None and not s.base.vague:  # "August 31 that year"
        found = day_in(s.base.date_start.year, month, day)
        return day_of(found) if found else None
    year = relative_year(g, s.day)
    if g.get("wd") and not year:  # "Mon 1 Nov": the year in which that day is a Monday
        weekday = weekday_number(g["wd"])
        fits = [d for y in (s.day.year - 1, s.day.year, s.day.year + 1)
                if (d := day_in(y, month, day)) and d.weekday() == weekday]
        if fits:
            return day_of(min(fits, key=lambda d: abs((d - s.day).days)))
    return _day_in_year_or_latest(year, month, day, s)


_DAY_MONTH = (rf"(?<![\d$£€¥.,])\b(?P<day>{DAY})(?:\s+of)?\s+(?P<month>{MONTH})(?![\w-])"
              rf"(?!\.?,?\s+{YEAR})(?:{REL_YEAR}|{SAME_YEAR})?")
_MONTH_DAY = (rf"\b(?P<month>{MONTH})(?:\s+|(?<=\.))(?P<day>{DAY})\b{NOT_NUMBER_AFTER}"
              rf"(?!\s*,?\s*{YEAR})(?:{REL_YEAR}|{SAME_YEAR})?")
DAY_MONTH = Rule(
    "day_month", re.compile(_DAY_MONTH),
    needs="month+digit", priority=230, resolve=_month_day, yearless=True,
    examples=(("The fine was announced on 10 April.", "2021-04-12", "2021-04-10", "2021-04-10"),),
)  # fmt: skip
MONTH_DAY = Rule(
    "month_day", re.compile(_MONTH_DAY),
    needs="month+digit", priority=190, resolve=_month_day, yearless=True,
    examples=(("In a speech on Oct. 24, days before", "2021-01-14", "2020-10-24", "2020-10-24"),
              ("it listed on June 30 last year", "2022-06-13", "2021-06-30", "2021-06-30"),
              ("The law will take effect on Nov. 1.", "2021-08-25", "2021-11-01", "2021-11-01"),
              ("the listing, scheduled for Nov.5, was halted", "2020-11-03", "2020-11-05",
               "2020-11-05", "day")),
)  # fmt: skip
#: The same led by a weekday ("Mon 1 Nov", "Thursday, December 30"): the weekday says which
#: year's such day is meant (rules of their own, run only where a weekday word stands).
WEEKDAY_DAY_MONTH = Rule(
    "weekday_day_month", re.compile(rf"\b{WEEKDAY_BEFORE}{_DAY_MONTH}"),
    needs="weekday+month+digit wdabbr+month+digit", priority=231, resolve=_month_day,
    yearless=True,
    examples=(("Mon 1 Nov: the law takes effect", "2021-10-29", "2021-11-01", "2021-11-01",
               "day"),),
)  # fmt: skip
WEEKDAY_MONTH_DAY = Rule(
    "weekday_month_day", re.compile(rf"\b{WEEKDAY_BEFORE}{_MONTH_DAY}"),
    needs="weekday+month+digit wdabbr+month+digit", priority=191, resolve=_month_day,
    yearless=True,
    examples=(("now plans to start trading on Thursday, December 30.", "2021-12-25",
               "2021-12-30", "2021-12-30", "day"),),
)  # fmt: skip


def _day_alone(g: dict, s: Situation) -> Interval | None:
    """ "On the 9th": that day of the publication month (of the month before, when the day
    is still to come and not a deadline, "by the 20th"), as translated Chinese state press
    writes it."""
    year, month, day = s.day.year, s.day.month, int(g["day"])
    if s.day_known and day > s.day.day and not s.future and not g["by"]:
        year, month = shift_month(year, month, -1)
    return day_of(day_in(year, month, day))


#: What may follow a day of the month alone: punctuation, or a word that cannot be the
#: noun it numbers ("the 19th Party Congress", "the 9th floor" are not days).
_AFTER_DAY_ALONE = one_of(("had", "has", "have", "was", "were", "is", "are", "will", "would",
                           "and", "or", "to", "in", "at", "when", "that", "which", "the", "a",
                           "it", "its", "with", "after", "before", "said", "says"))
DAY_ALONE = Rule(
    "day_alone",  # "On the 4th", "the session of the 22nd", "On the evening of the 22nd"
    re.compile(rf"\b(?i:on|of|since|(?P<by>by|until)|from)\s+the\s+"
               rf"(?:{one_of(DAY_PARTS)}\s+of\s+the\s+)?"
               rf"(?P<day>[12][0-9]|3[01]|[1-9])(?:st|nd|rd|th)\b"
               rf"(?:\s+of\s+(?i:this|the)\s+month\b)?"
               rf"(?=\s*(?:[,.;:)]|$)|\s+{_AFTER_DAY_ALONE}\b)"),
    needs="digit", priority=105, resolve=_day_alone,
    examples=(("On the 9th, the ministry met ten firms.", "2021-09-13", "2021-09-09",
               "2021-09-09", "day"),
              ("On the evening of the 22nd, officials briefed five lenders", "2021-06-22",
               "2021-06-22", "2021-06-22")),
)  # fmt: skip

_SLASHED_ANY = re.compile(r"(?<![\d/.])(\d{1,2})/(\d{1,2})/(?:1[89]|20)\d\d(?![\d/])")
_DAY_FIRST_SAID = re.compile(r"\b(?:day/month/year|dd/mm/yy(?:yy)?)\b", re.I)
_MONTH_FIRST_SAID = re.compile(r"\b(?:month/day/year|mm/dd/yy(?:yy)?)\b", re.I)
_BRITISH = re.compile(rf"\b{one_of(BRITISH_SPELLINGS)}s?\b")


@lru_cache(maxsize=32)
def day_first(text: str) -> bool | None:
    """The order a text writes slashed dates in: day first (True), month first (False) or
    unknown (None). Said outright ("Dates are day/month/year"), else shown by a part above
    12, else (day first) by British spelling."""
    if _DAY_FIRST_SAID.search(text):
        return True
    if _MONTH_FIRST_SAID.search(text):
        return False
    first = second = False
    for m in _SLASHED_ANY.finditer(text):
        first = first or int(m[1]) > 12
        second = second or int(m[2]) > 12
    if first != second:
        return first
    return True if _BRITISH.search(text) else None


def _slashed(g: dict, s: Situation) -> Interval | None:
    """ "14/12/2020": in the order the text shows; where it shows none, a reading after
    publication is dropped, and of two possible readings no day is claimed (the span
    between them, marked vague)."""
    a, b, year = int(g["a"]), int(g["b"]), int(g["year"])
    order = day_first(s.text)
    readings = {d for d in (day_in(year, b, a) if order is not False else None,
                            day_in(year, a, b) if order is not True else None) if d}
    if len(readings) > 1 and not s.future:
        readings = {d for d in readings if d <= s.day} or readings
    if len(readings) > 1:
        return Interval(min(readings), max(readings), Precision.VAGUE, True)
    return day_of(readings.pop()) if readings else None


SLASHED = Rule(
    "slashed",  # "14/12/2020" (a table's dates), "07/07/2021"
    re.compile(rf"(?<![\d/.])(?P<a>[0-3]?[0-9])/(?P<b>[0-3]?[0-9])/(?P<year>{YEAR})(?![\d/])"),
    needs="year", priority=245, resolve=_slashed,
    examples=(("Dates are day/month/year. 12/03/2021 Tencent fined", "2021-07-08", "2021-03-12",
               "2021-03-12", "day"),
              ("14/12/2020 Alibaba; 10/04/2021 Alibaba again", "2021-07-08", "2021-04-10",
               "2021-04-10")),
)  # fmt: skip


def _weekday_slashed(g: dict, s: Situation) -> Interval | None:
    """ "Tue 24/08": the day and month in the order the text shows (a number over 12 says
    which; else :func:`day_first`), in the year nearest the writer where that day is that
    weekday."""
    a, b = int(g["a"]), int(g["b"])
    order = True if a > 12 else False if b > 12 else day_first(s.text)
    pairs = [(b, a)] if order else [(a, b)] if order is False else [(b, a), (a, b)]
    weekday = weekday_number(g["wd"])
    fits = [d for month, day in pairs for y in (s.day.year - 1, s.day.year, s.day.year + 1)
            if (d := day_in(y, month, day)) and d.weekday() == weekday]
    return day_of(min(fits, key=lambda d: abs((d - s.day).days))) if fits else None


WEEKDAY_SLASHED = Rule(
    "weekday_slashed",  # a diary's or chronology's entry: "Tue 24/08 - ...", "Mon 8/30 - ..."
    re.compile(rf"\b{WEEKDAY_BEFORE}(?P<a>[0-3]?[0-9])/(?P<b>[0-3]?[0-9])(?![\d/])"),
    needs="weekday+digit wdabbr+digit", priority=232, resolve=_weekday_slashed,
    examples=(("Tue 24/08 - Pinduoduo reports its first profit", "2021-09-06", "2021-08-24",
               "2021-08-24", "day"),
              ("Mon 8/30 - the regulator summons the platforms", "2021-09-06", "2021-08-30",
               "2021-08-30", "day")),
)  # fmt: skip


def _holiday(g: dict, s: Situation) -> Interval | None:
    month, day = HOLIDAYS[" ".join(g["name"].lower().replace("’", "'").split())]
    year = int(g["year"]) if g["year"] else relative_year(g, s.day)
    return _day_in_year_or_latest(year, month, day, s)


HOLIDAY_RULE = Rule(
    "holiday",
    # (not the festival it names: "the Singles' Day shopping festival ends on Tuesday"; nor
    # a season: "returned from the Christmas holidays")
    # (nor the Lunar New Year's: "after the Lunar New Year's Day" is no 1 January)
    re.compile(rf"(?<![Ll]unar\s)(?<!Chinese\s)\b(?P<name>{HOLIDAY})\b(?!\s+(?:shopping\s+)?(?:festival|gala|extravaganza"
               rf"|promotion|campaign)s?\b|\s+(?:holidays|season|break)\b)"
               rf"(?:,?\s+(?P<year>{YEAR})\b|{REL_YEAR})?"),
    needs="holiday", priority=110, resolve=_holiday, yearless=True,
    examples=(("On Christmas Eve, SAMR opened a probe", "2021-01-14", "2020-12-24", "2020-12-24"),
              ("a probe opened on Christmas Eve 2020", "2022-06-13", "2020-12-24", "2020-12-24"),
              ("sales on Singles' Day", "2021-03-16", "2020-11-11", "2020-11-11")),
)  # fmt: skip


def _weekend(g: dict, s: Situation) -> Interval | None:
    if not s.day_known:
        return None
    a, rel = s.day, g["rel"].lower()
    saturday = a - timedelta(days=(a.weekday() - 5) % 7)
    if rel == "next" or (s.future and rel != "last"):
        saturday = a + timedelta(days=(5 - a.weekday()) % 7 or 7)
    return Interval(saturday, saturday + timedelta(days=1), Precision.WEEK)


WEEKEND = Rule(
    "weekend",
    re.compile(r"\b(?P<rel>(?i:over|at|during|on|last|this|next))\s+(?:the\s+)?(?i:past\s+)?"
               r"weekend\b(?!\s+of\b)"),
    needs="weekday", priority=100, resolve=_weekend,
    examples=(("a penalty handed down over the weekend", "2021-04-12", "2021-04-10",
               "2021-04-11", "week"),
              # published on a Sunday: the weekend it is part of; midweek: the one before
              ("regulators met over the weekend", "2021-07-04", "2021-07-03", "2021-07-04"),
              ("regulators met over the weekend", "2021-07-07", "2021-07-03", "2021-07-04"),
              ("regulators met this past weekend", "2021-07-07", "2021-07-03", "2021-07-04")),
)  # fmt: skip

def _weekend_of(g: dict, s: Situation) -> Interval | None:
    """ "the weekend of March 6": the Saturday and Sunday nearest that day."""
    month = month_number(g["month"] or g["month2"])
    day = _day_in_year_or_latest(int(g["year"]) if g["year"] else None, month,
                                 day_number(g["day"] or g["day2"]), s)
    if day is None:
        return None
    saturday = day.start + timedelta(days=(8 - day.start.weekday()) % 7 - 3)
    return Interval(saturday, saturday + timedelta(days=1), Precision.WEEK)


WEEKEND_OF = Rule(
    "weekend_of",
    re.compile(rf"\b(?i:the\s+weekend\s+of)\s+(?:(?P<month>{MONTH})\s+(?P<day>{DAY})"
               rf"|(?P<day2>{DAY})\s+(?P<month2>{MONTH}))(?![\w-])(?:,?\s+(?P<year>{YEAR})\b)?"),
    needs="weekday+month", priority=255, resolve=_weekend_of, yearless=True,
    examples=(("Talks ran through the weekend of March 6.", "2021-04-20", "2021-03-06",
               "2021-03-07", "week"),),
)  # fmt: skip

# "every Monday", "every Friday, Saturday and Sunday": a habit, not a date.
_EVERY_LIST = re.compile(
    rf"\b(?i:every|each)\s+(?:{one_of(WEEKDAY_NAMES, ignore_case=False)},?\s+(?:and\s+|or\s+)?)*$"
)


# "on Friday, Saturday and Sunday evenings": three weekdays, or days with plural day
# parts, are a timetable, not dates.
_WEEKDAY_LIST = re.compile(
    rf"(?P<days>(?:{WEEKDAY},?\s+(?:and\s+|or\s+)?)+{WEEKDAY})"
    rf"(?P<plural>\s+(?:evenings|mornings|afternoons|nights))?"
)


def _in_timetable(text: str, start: int) -> bool:
    for m in _WEEKDAY_LIST.finditer(text, max(0, start - 60), start + 80):
        if m.start() <= start < m.end():
            return bool(m.group("plural")) or len(re.findall(WEEKDAY, m.group("days"))) >= 3
    return False


#: Right before a weekday whose close or level a move is measured from ("from Friday's
#: close", "since Thursday's close").
_MEASURED_FROM_BEFORE = re.compile(r"\b(?i:from|since)\s+$")
#: "the Friday sell-off": a weekday as a modifier names a day already told, where the date
#: just mentioned falls on it; "that Tuesday" is the Tuesday of the week just told.
_THE_BEFORE = re.compile(r"\b(?i:the|that)\s+$")


#: A day's name: a weekday after a word of a named day ("Black Friday", "Cyber Monday",
#: "Good Friday"), or after any capitalised word with a quotation mark before both ('dubbed
#: "Super Saturday"'), other than the words that date a weekday ("Late Friday", "By Monday").
#: Not this week's day.
_NAMED_DAY = re.compile(
    r"(?:\b(?:Black|Cyber|Super|Good|Easter|Ash|Holy|Bloody|Shrove|Palm|Maundy|Whit)"
    r"|[“\"‘'](?!(?:Early|Late|By|Since|Until|Till|From|Before|After|Every|Each|Through|Mid"
    r"|Come|Coming|That|This|Next|Last|On|Or|And)\s)[A-Z][\w-]*)\s+$"
)


def _weekday(g: dict, s: Situation) -> Interval | None:
    if not s.day_known or _EVERY_LIST.search(s.text, max(0, s.start - 60), s.start):
        return None
    if not g["rel"] and _NAMED_DAY.search(s.text, max(0, s.start - 24), s.start):
        return None
    if _in_timetable(s.text, s.start + len(g["rel"] or "") + (1 if g["rel"] else 0)):
        return None
    a, rel = s.day, (g["rel"] or "on").lower()
    target = WEEKDAYS[g["wd"].lower()]
    base = s.base
    end = s.start + len(g["wd"])
    if (not g["rel"] and _MEASURED_FROM_BEFORE.search(s.text, max(0, s.start - 8), s.start)
            and s.text[end : end + 2] in ("'s", "’s") and base is not None and not base.vague
            and base.date_start == base.date_end and base.date_end <= a):
        # "down 17% from Friday's close": the close before the move's day just told
        told = base.date_start - timedelta(days=1)
        return day_of(told - timedelta(days=(told.weekday() - target) % 7))
    if (not g["rel"] and _THE_BEFORE.search(s.text, max(0, s.start - 5), s.start) and base
            and not base.vague and base.date_start == base.date_end):
        # "a day earlier, and the Friday sell-off": that day; "when it leaked on the Friday"
        # after July 22: the Friday of the story's week (the one nearest the day told)
        told = base.date_start
        ahead = (target - told.weekday()) % 7
        return day_of(told + timedelta(days=ahead if ahead <= 3 else ahead - 7))
    if rel == "next" or (s.future and rel != "last"):
        return day_of(a + timedelta(days=(target - a.weekday()) % 7 or 7))
    back = (a.weekday() - target) % 7
    return day_of(a - timedelta(days=back or (7 if rel == "last" else 0)))


WEEKDAY_RULE = Rule(
    "weekday",
    re.compile(rf"\b(?:(?P<rel>{one_of([*REL_DELTA, 'on'])})\s+)?(?P<wd>{WEEKDAY})\b"
               # "Thursday, December 30": the weekday of a date (the day rules read both)
               rf"(?!\.?,?\s+(?:{DAY}\s+{MONTH}|{MONTH}\.?\s+{DAY})(?![\w-]))"),
    needs="weekday", priority=90, resolve=_weekday,
    examples=(("On Friday, China's regulators fined", "2021-03-16", "2021-03-12", "2021-03-12"),
              ("Last Saturday, the regulator said", "2021-03-16", "2021-03-13", "2021-03-13"),
              # "last" and the weekday of publication: a week back
              ("Last Thursday a bureau opened", "2021-11-25", "2021-11-18", "2021-11-18"),
              ("Monday’s announcement", "2021-03-16", "2021-03-15", "2021-03-15", "day")),
)  # fmt: skip


def _weekday_of_week(g: dict, s: Situation) -> Interval | None:
    """ "on Friday of last week": that weekday of the Monday-to-Sunday week named."""
    if not s.day_known:
        return None
    monday = s.day - timedelta(days=s.day.weekday())
    weeks = {"last": -1, "previous": -1, "this": 0, "next": 1}[g["week"].lower()]
    return day_of(monday + timedelta(days=7 * weeks + WEEKDAYS[g["wd"].lower()]))


WEEKDAY_OF_WEEK = Rule(
    "weekday_of_week",
    re.compile(rf"\b(?:(?i:on)\s+)?(?:(?i:the)\s+)?(?P<wd>{WEEKDAY})\s+(?i:of)\s+"
               rf"(?:(?P<week>(?i:last|previous|this|next))\s+)(?i:week)\b"),
    needs="weekday", priority=97, resolve=_weekday_of_week,
    examples=(("on Friday of last week the bank fined it", "2023-07-16", "2023-07-07",
               "2023-07-07", "day"),
              ("on the Tuesday of next week", "2023-07-12", "2023-07-18", "2023-07-18")),
)  # fmt: skip


def _that_weekday(g: dict, s: Situation) -> Interval | None:
    """ "that Monday": the Monday of the story's week, nearest the day last told (up to three
    days on, else back), as "the Friday" after a day told is."""
    base: DateMention | None = s.base
    if base is None or base.vague or base.date_start != base.date_end:
        return None
    told = base.date_start
    ahead = (WEEKDAYS[g["wd"].lower()] - told.weekday()) % 7
    return day_of(told + timedelta(days=ahead if ahead <= 3 else ahead - 7))


THAT_WEEKDAY = Rule(
    "that_weekday",  # counted from the last day told, not the last date of any precision
    re.compile(rf"\b(?i:that)\s+(?P<wd>{WEEKDAY})\b"),
    needs="weekday", priority=96, resolve=_that_weekday, chained=True, chain_unit="day",
    examples=(("The merger was blocked on Saturday, July 10, 2021. The board ended the deal "
               "that Monday.", "2023-06-10", "2021-07-12", "2021-07-12", "day"),),
)  # fmt: skip


def _following_weekday(g: dict, s: Situation) -> Interval | None:
    """ "by the following Tuesday": the first such weekday after the date just mentioned;
    with no day mentioned, the weekday itself ("the next Friday" as "next Friday")."""
    target = WEEKDAYS[g["wd"].lower()]
    base: DateMention | None = s.base
    if base is None or base.vague or Precision(base.precision).rank > Precision.WEEK.rank:
        rel = "next" if g["dir"].lower() == "next" else None
        return _weekday({"rel": rel, "wd": g["wd"]}, s)
    end = base.date_end
    return day_of(end + timedelta(days=(target - end.weekday()) % 7 or 7))


FOLLOWING_WEEKDAY = Rule(
    "following_weekday",
    re.compile(rf"\b(?i:the\s+(?P<dir>following|next))\s+(?P<wd>{WEEKDAY})\b"),
    needs="weekday+seq", priority=95, resolve=_following_weekday, chained=True,
    chain_unit="week",
    examples=(("The draft appeared on March 4, and by the following Tuesday the lenders "
               "had answered.", "2021-04-20", "2021-03-09", "2021-03-09", "day"),),
)  # fmt: skip


def _yesterday(g: dict, s: Situation) -> Interval | None:
    return day_of(s.day - timedelta(days=1)) if s.day_known else None


YESTERDAY = Rule(
    "yesterday", re.compile(r"\b(?i:yesterday)\b"),
    needs="yesterday", priority=10, resolve=_yesterday,
    examples=(("yesterday the regulator said", "2021-03-16", "2021-03-15", "2021-03-15"),),
)  # fmt: skip



def _yesterday_and_today(g: dict, s: Situation) -> Interval | None:
    return Interval(s.day - timedelta(days=1), s.day, Precision.WEEK) if s.day_known else None


def _tomorrow(g: dict, s: Situation) -> Interval | None:
    return day_of(s.day + timedelta(days=1)) if s.day_known else None


TOMORROW = Rule(
    "tomorrow", re.compile(r"\b(?i:tomorrow)\b(?!\s+(?:Holdings?|Group|Inc|Ltd|Co|Corp)\b)"),
    needs="yesterday", priority=13, resolve=_tomorrow,
    examples=(("The rules take effect tomorrow", "2021-08-31", "2021-09-01", "2021-09-01", "day"),),
)  # fmt: skip

LAST_NIGHT = Rule(
    "last_night", re.compile(r"\b(?i:last)\s+(?i:night)\b"),
    needs="daypart", priority=11, resolve=_yesterday,
    examples=(("The draft everyone forwarded last night is out", "2021-07-23", "2021-07-22",
               "2021-07-22", "day"),),
)  # fmt: skip

YESTERDAY_AND_TODAY = Rule(
    "yesterday_and_today",  # one interval of two days (a span under a week is "week")
    re.compile(r"\b(?i:yesterday\s+and\s+today)\b"),
    needs="yesterday", priority=15, resolve=_yesterday_and_today,
    examples=(("Shares of the platform fell yesterday and today", "2021-07-06", "2021-07-05",
               "2021-07-06", "week"),),
)  # fmt: skip

def _today(g: dict, s: Situation) -> Interval | None:
    return day_of(s.day) if s.day_known else None


TODAY = Rule(
    "today",  # "said today", "this afternoon", "tonight"; not "the China of today"
    re.compile(rf"(?<!\bof\s)\b(?:(?i:today|tonight)|(?i:this)\s+{one_of(DAY_PARTS[:3])})\b"),
    needs="daypart", priority=12, resolve=_today,
    examples=(("The regulator said today that it would review the deal", "2021-12-03",
               "2021-12-03", "2021-12-03", "day"),
              ("Tech shares led the declines this afternoon", "2021-07-06", "2021-07-06",
               "2021-07-06")),
)  # fmt: skip

RULES = (TODAY, FULL, ISO, SLASHED, WEEKDAY_SLASHED, DAY_RANGE, DAY_RANGE_DAY_FIRST, DAY_MONTH, MONTH_DAY, WEEKDAY_DAY_MONTH,
         WEEKDAY_MONTH_DAY, DAY_ALONE, HOLIDAY_RULE,
         WEEKEND, WEEKEND_OF, WEEKDAY_RULE, WEEKDAY_OF_WEEK, THAT_WEEKDAY, FOLLOWING_WEEKDAY,
         YESTERDAY,
         LAST_NIGHT, TOMORROW, YESTERDAY_AND_TODAY)  # fmt: skip
