"""Rules counted from the anchor or from the date just mentioned: "last month",
"two years ago", "Two days later", "Later that day", "the next day",
"in recent months".

Chained rules (``chained=True``) count from the latest date fine enough for
them and give nothing when there is none ("two days later" after "in 2019").
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from data.dates.intervals import (
    Interval,
    month_end,
    month_of,
    number,
    precision_of,
    shift,
    shift_month,
    year_of,
)
from data.dates.rule import Rule, Situation
from data.dates.vocabulary import DAY_PARTS, EVENT_NOUNS, NUM, REL_DELTA, UNIT, VAGUE_REACH, one_of
from data.records import DateMention, Precision


def _relative_unit(g: dict, s: Situation) -> Interval | None:
    rel, unit, a = g["rel"].lower(), g["unit"].lower(), s.day
    if rel == "past":
        # "the past week" is the seven days to the anchor; "the past year": a duration
        return Interval(a - timedelta(days=7), a, Precision.WEEK) if unit == "week" else None
    delta = REL_DELTA[rel]
    if unit == "year":
        return year_of(a.year + delta)
    if unit == "month":
        return month_of(*shift_month(a.year, a.month, delta))
    if unit == "quarter":
        y, m = shift_month(a.year, (a.month - 1) // 3 * 3 + 1, 3 * delta)
        return Interval(date(y, m, 1), month_end(y, m + 2), Precision.QUARTER)
    if not s.day_known:
        return None
    monday = a - timedelta(days=a.weekday()) + timedelta(weeks=delta)
    return Interval(monday, monday + timedelta(days=6), Precision.WEEK)


RELATIVE_UNIT = Rule(
    "relative_unit",  # "last month", "this year", "next week", "last quarter"
    re.compile(rf"\b(?P<rel>{one_of([*REL_DELTA, 'past'])})\s+(?P<unit>week|month|year|quarter)\b"
               r"(?!s)(?!\s+or\s+(?:so|two))", re.IGNORECASE),
    needs="unit quarter", priority=160, resolve=_relative_unit,
    examples=(("Last month, Beijing issued draft rules", "2018-05-02", "2018-04-01",
               "2018-04-30", "month"),
              ("Sources last week said", "2021-01-14", "2021-01-04", "2021-01-10", "week"),
              ("profits fell last quarter", "2021-08-19", "2021-04-01", "2021-06-30"),
              ("a law expected next year", "2021-03-16", "2022-01-01", "2022-12-31")),
)  # fmt: skip


def _ago(g: dict, s: Situation) -> Interval | None:
    unit = g["unit"].lower()
    d = shift(s.day, unit, -number(g["num"]))
    if unit == "year":
        return year_of(d.year)
    if unit == "month":
        return month_of(d.year, d.month)
    return Interval(d, d, Precision.DAY if unit == "day" else Precision.WEEK)


AGO = Rule(
    "ago",  # "two years ago", "three months ago"
    re.compile(rf"\b(?P<num>{NUM})\s+(?P<unit>{UNIT})s?\s+ago\b", re.IGNORECASE),
    needs="ago", priority=150, resolve=_ago,
    examples=(("two years ago the firm", "2021-03-16", "2019-01-01", "2019-12-31", "year"),),
)  # fmt: skip


#: "almost exactly a year ago": how many days either side of the anniversary.
_ALMOST = {"day": 0, "week": 1, "month": 3, "year": 14}


def _exactly_ago(g: dict, s: Situation) -> Interval | None:
    """ "exactly a year ago" is that day; "almost exactly a year ago" the days around it,
    marked vague (a reader cannot name the day)."""
    unit = g["unit"].lower()
    d = shift(s.day, unit, -number(g["num"]))
    if not g["almost"]:
        return Interval(d, d, Precision.DAY)
    reach = timedelta(days=_ALMOST[unit])
    return Interval(d - reach, d + reach, Precision.VAGUE, True)


EXACTLY_AGO = Rule(
    "exactly_ago",
    re.compile(rf"\b(?P<almost>(?:almost|nearly|roughly|about|around)\s+)?exactly\s+"
               rf"(?P<num>{NUM})\s+(?P<unit>{UNIT})s?\s+ago\b", re.IGNORECASE),
    needs="ago", priority=155, resolve=_exactly_ago,
    examples=(("the rules came out exactly a year ago", "2021-11-03", "2020-11-03", "2020-11-03",
               "day"),
              ("the listing was halted almost exactly a year ago", "2021-11-03", "2020-10-20",
               "2020-11-17", "vague")),
)  # fmt: skip


def _fine_enough(unit: str, base: DateMention | None) -> bool:
    """Can ``unit`` count from ``base``? ("two days later" after "in 2019": no)"""
    return (base is not None and not base.vague
            and Precision(base.precision).rank <= Precision(unit).rank)


def _count_from(base: DateMention, unit: str, n: int) -> Interval:
    """The date ``n`` units after (before, when negative) ``base``, at an honest precision."""
    middle = base.date_start + (base.date_end - base.date_start) / 2
    start = shift(middle if unit in ("month", "year") else base.date_start, unit, n)
    if base.precision == Precision.DAY and unit in ("day", "week"):
        return Interval(start, start, Precision.DAY)
    if unit == "year":
        return year_of(start.year)
    if unit == "month" and Precision(base.precision).rank <= Precision.MONTH.rank:
        return month_of(start.year, start.month)
    return Interval(start, shift(base.date_end, unit, n), Precision(base.precision))


#: Right before "a year earlier" that is only what a figure is compared with ("up 36% from a
#: year earlier", "more than a year before"): no time of its own.
#: (Not a count's "less than", "more than": "less than four months later" is a date.)
_COMPARED_BEFORE = re.compile(r"\b(?:from|(?<!less\s)(?<!more\s)(?<!fewer\s)than|versus|vs\.?"
                              r"|compared\s+(?:with|to))\s+$", re.IGNORECASE)


def _later(g: dict, s: Situation) -> Interval | None:
    """ "Two days later", "three months earlier", "two days before that deadline": counted
    from the date just told."""
    unit = g["unit"].lower()
    if not _fine_enough(unit, s.base) or _COMPARED_BEFORE.search(s.text, max(0, s.start - 16),
                                                                  s.start):
        return None
    sign = -1 if g["dir"].lower() in ("earlier", "before") else 1
    return _count_from(s.base, unit, sign * number(g["num"]))


LATER = Rule(
    "later",  # "Two days later", "a week later", "three months earlier"
    re.compile(rf"\b(?P<num>{NUM})\s+(?P<unit>{UNIT})s?\s+(?P<dir>later|earlier|afterwards?)\b",
               re.IGNORECASE),
    needs="later", priority=140, resolve=_later, chained=True,
    examples=(("On Oct. 24 Ma spoke. Two days later the IPO was halted.", "2021-01-14",
               "2020-10-26", "2020-10-26", "day"),
              ("The law passed in August. A month later it took effect.", "2021-12-01",
               "2021-09-01", "2021-09-30", "month"),
              ("Didi's app was pulled on July 4. A month earlier, Beijing had passed the law.",
               "2021-07-20", "2021-06-01", "2021-06-30", "month")),
)  # fmt: skip


def _few_later(g: dict, s: Situation) -> Interval | None:
    """ "a few days later": some two to seven units after the date before, marked vague
    (a reader cannot name the day); "several weeks earlier" likewise before it."""
    unit = g["unit"].lower()
    if not _fine_enough(unit, s.base):
        return None
    if g["dir"].lower() == "earlier":
        start, end = shift(s.base.date_start, unit, -7), shift(s.base.date_end, unit, -2)
    else:
        start, end = shift(s.base.date_start, unit, 2), shift(s.base.date_end, unit, 7)
    return Interval(start, end, Precision.VAGUE, True)


FEW_LATER = Rule(
    "few_later",  # "a few days later", "several weeks earlier", "days later"
    # (not "weeks or months later": a span of time told loosely, no date)
    re.compile(rf"\b(?<!\bor\s)(?:(?:a\s+)?few\s+|several\s+|some\s+)?(?P<unit>{UNIT})s\s+"
               r"(?P<dir>later|earlier|afterwards?)\b", re.IGNORECASE),
    needs="later", priority=135, resolve=_few_later, chained=True,
    examples=(("Regulators summoned the founders on Nov. 2. A few days later the listing was "
               "dead.", "2020-12-01", "2020-11-04", "2020-11-09", "vague"),
              ("The review began on July 2. Days later, the app was gone.", "2021-07-20",
               "2021-07-04", "2021-07-09")),
)  # fmt: skip


def _same_unit(g: dict, s: Situation) -> Interval | None:
    """ "Later that day", "that same month": the unit holding the date just mentioned."""
    unit = g["unit"].lower()
    if not _fine_enough(unit, s.base):
        return None
    base, d = s.base, s.base.date_start
    if unit == "day":
        return Interval(base.date_start, base.date_end, Precision(base.precision))
    if unit == "week":
        monday = d - timedelta(days=d.weekday())
        return Interval(monday, monday + timedelta(days=6), Precision.WEEK)
    return month_of(d.year, d.month) if unit == "month" else year_of(d.year)


SAME_UNIT = Rule(
    "same_unit",  # "Later that day", "that same week", "earlier that month"
    re.compile(rf"\b(?:(?i:(?:later|earlier)\s+(?:that|in\s+the)|that\s+same|the\s+same|that)"
               rf"|Same)\s+(?P<unit>{UNIT})\b(?![’']s)"),
    needs="unit", priority=130, resolve=_same_unit, chained=True, anaphor=True,
    examples=(("Regulators met on Monday. Later that day, rules came out.", "2020-11-04",
               "2020-11-02", "2020-11-02"),
              ("Regulators met on Monday. Same day, rules came out.", "2020-11-04",
               "2020-11-02", "2020-11-02"),
              ("In September 2020, a deal was proposed. Agreed that month, it went nowhere.",
               "2023-08-14", "2020-09-01", "2020-09-30"),
              ("The IPO was called off in November 2020. Later in the month, regulators summoned "
               "27 platforms.", "2023-07-15", "2020-11-01", "2020-11-30")),
)  # fmt: skip


DAY_OF_THE = Rule(
    "day_of_the",  # "on the day of the meeting": the day of the thing it names, told before
    re.compile(rf"\b(?i:the)\s+(?P<unit>(?i:day))\s+(?i:of)\s+(?i:the)\s+(?:[\w-]+\s+)?"
               rf"(?:{one_of(EVENT_NOUNS)})\b"),
    needs="unit", priority=131, resolve=_same_unit, chained=True, anaphor=True,
    examples=(("Regulators met Tencent on 8 September. NetEase lost 5% on the day of the "
               "meeting.", "2021-09-18", "2021-09-08", "2021-09-08", "day"),),
)  # fmt: skip


def _from_thing(g: dict, s: Situation) -> Interval | None:
    """ "the day after the rule was issued": a day (week) from the thing's, told before."""
    unit = g["unit"].lower()
    if not _fine_enough(unit, s.base):
        return None
    return _count_from(s.base, unit, -1 if g["dir"].lower() == "before" else 1)


DAY_AFTER_THE = Rule(
    "day_after_the",  # "the day after the rule was issued", "the week before the hearing"
    re.compile(rf"\b(?i:the)\s+(?P<unit>(?i:day|week))\s+(?P<dir>(?i:after|before))\s+(?i:the)\s+"
               rf"(?:[\w-]+\s+)?(?:{one_of(EVENT_NOUNS)})\b"),
    needs="unit", priority=132, resolve=_from_thing, chained=True, anaphor=True,
    examples=(("The ministry issued the rule on 5 March. Two agencies objected the day after "
               "the rule was issued.", "2024-03-20", "2024-03-06",
               "2024-03-06", "day"),),
)  # fmt: skip


DAY_AFTER_DOING = Rule(
    "day_after_doing",  # "the day before it withdrew", "the week after they listed": counted
    # from the date of the sentence that told that deed (none told: no date)
    re.compile(r"\b(?i:the)\s+(?P<unit>(?i:day|week))\s+(?P<dir>(?i:after|before))\s+"
               r"(?i:it|they|he|she)\s+(?!(?:was|were|is|are|had|has|have|would|will|could|did"
               r"|does|do|said|says)\b)(?P<deed>[a-z]{3,})\b"),
    needs="unit", priority=133, resolve=_from_thing, chained=True, anaphor=True,
    examples=(("The unit withdrew its application on 30 March. The day before it withdrew, it "
               "bought two businesses.", "2021-04-02", "2021-03-29", "2021-03-29", "day"),),
)  # fmt: skip


#: Right before "the previous year" that a fine is measured by ("up to 10% of its sales in
#: the previous year"): a legal basis, no date.
_SALES_BEFORE = re.compile(r"\b(?:sales|revenues?|turnover|income)\s+(?:in|of|for|during)\s+$",
                           re.IGNORECASE)


def _next_unit(g: dict, s: Situation) -> Interval | None:
    unit = (g["unit"] or g["unit2"]).lower()
    if not _fine_enough(unit, s.base) or _SALES_BEFORE.search(s.text, max(0, s.start - 24),
                                                               s.start):
        return None
    back = (g["dir"] or g["dir2"]).lower() in ("previous", "preceding", "before")
    return _count_from(s.base, unit, -1 if back else 1)


NEXT_UNIT = Rule(
    "next_unit",  # "the next day", "the following week", "the day before"
    re.compile(rf"\b(?i:the\s+(?P<dir>next|following|previous|preceding))\s+(?P<unit>{UNIT})\b"
               r"(?![’']s)"
               rf"|\b(?i:the\s+(?P<unit2>{UNIT})\s+(?P<dir2>before|after))\b"
               r"(?!\s+(?:next|the))(?![’']s)"),
    needs="unit+seq", priority=120, resolve=_next_unit, chained=True,
    examples=(("It was approved on Nov. 1. The next day, shares fell.", "2021-12-01",
               "2021-11-02", "2021-11-02", "day"),),
)  # fmt: skip


def _next_day_part(g: dict, s: Situation) -> Interval | None:
    return _count_from(s.base, "day", 1) if _fine_enough("day", s.base) else None


NEXT_DAY_PART = Rule(
    "next_day_part",  # "the following evening", "the next morning": the day after
    re.compile(r"\b(?i:the\s+(?:next|following))\s+(?i:morning|afternoon|evening|night)\b"),
    needs="seq", priority=125, resolve=_next_day_part, chained=True, chain_unit="day",
    examples=(("Regulators summoned the founders on Monday. The following evening, the "
               "exchange halted the listing.", "2020-11-04", "2020-11-03", "2020-11-03", "day"),),
)  # fmt: skip


def _that_day_part(g: dict, s: Situation) -> Interval | None:
    """ "that morning", "the same evening": the day just mentioned."""
    return _count_from(s.base, "day", 0) if _fine_enough("day", s.base) else None


THAT_DAY_PART = Rule(
    "that_day_part",
    re.compile(rf"\b(?i:that|the\s+same)\s+{one_of(DAY_PARTS)}\b"),
    needs="daypart", priority=123, resolve=_that_day_part, chained=True, chain_unit="day",
    anaphor=True,
    examples=(("Regulators summoned the founders on Nov. 2. Shares fell 9% that morning.",
               "2020-11-20", "2020-11-02", "2020-11-02", "day"),),
)  # fmt: skip


#: "less than two weeks after", "nearly a year before": a hedged count names no day.
_HEDGED = re.compile(r"\b(?:than|nearly|almost|about|some|over|under|within|barely|only)\s+$",
                     re.IGNORECASE)


def _count_ahead(g: dict, s: Situation) -> Interval | None:
    """ "Two days after its listing on June 30": counted from the date that follows."""
    unit = g["unit"].lower()
    if not _fine_enough(unit, s.base) or _HEDGED.search(s.text, max(0, s.start - 8), s.start):
        return None
    sign = -1 if g["dir"].lower() == "before" else 1
    return _count_from(s.base, unit, sign * number(g["num"]))


COUNT_FROM_THAT = Rule(
    "count_from_that",  # "two days before that deadline", "a week after that vote": counted
    # from the day just told that the noun names
    # ("that"/"this" point back; "18 months after the order" restates a span, no date)
    re.compile(rf"(?<![Ff]or\s)\b(?P<num>{NUM})\s+(?P<unit>{UNIT})s?\s+(?P<dir>after|before)"
               rf"\s+(?:that|this)(?:\s+(?:deadline|date|day|vote|ruling|decision|meeting|announcement|hearing|summit"
               rf"|ban|order|listing|IPO|debut)\b"
               # or "that" alone, the clause's end: "ordered it pulled two days after that."
               rf"|(?=\s*(?:[.,;:)]|$)))", re.IGNORECASE),
    needs="unit+seq", priority=139, resolve=_later, chained=True,
    examples=(("The ban was due on Jan. 19, 2025. The court upheld the law two days before that "
               "deadline.", "2026-01-24", "2025-01-17", "2025-01-17", "day"),),
)  # fmt: skip


COUNT_AHEAD = Rule(
    "count_ahead",  # "Three days after its debut on March 10", "a week before ... on"
    re.compile(rf"\b(?P<num>{NUM})\s+(?P<unit>{UNIT})s?\s+(?P<dir>after|before)\b",
               re.IGNORECASE),
    needs="unit+seq", priority=138, resolve=_count_ahead, chained=True, ahead=True,
    examples=(("Three days after its debut on March 10, a probe began.", "2021-10-12",
               "2021-03-13", "2021-03-13", "day"),),
)  # fmt: skip


def _earlier_this_month(g: dict, s: Situation) -> Interval | None:
    """ "earlier this month": from the 1st to the day before the anchor; "later this month":
    from the day after it to the month's end; "earlier this year", "later this year" the
    same within the year."""
    a = s.day
    year = g["unit"].lower() == "year"
    if not s.day_known:
        return (Interval(date(a.year, 1, 1), date(a.year, 12, 31), Precision.YEAR) if year
                else month_of(a.year, a.month))
    first = date(a.year, 1, 1) if year else date(a.year, a.month, 1)
    last = date(a.year, 12, 31) if year else month_end(a.year, a.month)
    if g["dir"].lower() == "earlier":
        start, end = first, a - timedelta(days=1)
    else:
        start, end = a + timedelta(days=1), last
    if start > end:
        return None
    return Interval(start, end, Precision.PART_OF_YEAR if year else precision_of(start, end))


EARLIER_THIS_MONTH = Rule(
    "earlier_this_month",
    re.compile(r"\b(?P<dir>(?i:earlier|later))\s+(?i:this)\s+(?P<unit>(?i:month|year))\b(?!s)"),
    needs="later+unit", priority=165, resolve=_earlier_this_month,
    examples=(("a phrase the conference repeated earlier this month", "2021-12-23", "2021-12-01",
               "2021-12-22", "part-of-month"),
              ("its peak earlier this year", "2021-05-10", "2021-01-01", "2021-05-09",
               "part-of-year")),
)  # fmt: skip


def _vague(g: dict, s: Situation) -> Interval | None:
    unit = (g["unit"] or g["unit2"] or g["unit3"]).lower().rstrip("s")
    return Interval(s.day - timedelta(days=VAGUE_REACH[unit]), s.day, Precision.VAGUE, True)


VAGUE = Rule(
    "vague",  # "in recent months", "the past few months", "over the past couple of months"
    re.compile(rf"\b(?i:in\s+recent\s+(?P<unit>{UNIT}s)"
               rf"|(?:in|over|during)\s+the\s+(?:past|last)\s+(?:few|several|couple\s+of|many)\s+"
               rf"(?P<unit2>{UNIT}s)"
               rf"|the\s+past\s+(?:few|several|couple\s+of)\s+(?P<unit3>{UNIT}s))\b"),
    needs="unit+vague", priority=20, resolve=_vague,
    examples=(("In recent months, the government forced", "2021-08-19", "2021-02-17",
               "2021-08-19", "vague"),
              ("in recent years, laws were promulgated", "2021-03-16", "2016-03-17",
               "2021-03-16")),
)  # fmt: skip

def _ago_this_month(g: dict, s: Situation) -> Interval | None:
    """ "three years ago this month": this month of that many years back."""
    return month_of(s.day.year - number(g["num"]), s.day.month)


AGO_THIS_MONTH = Rule(
    "ago_this_month",
    re.compile(rf"\b(?P<num>{NUM})\s+years?\s+ago\s+this\s+month\b", re.IGNORECASE),
    needs="ago", priority=156, resolve=_ago_this_month,
    examples=(("the campaign, which began three years ago this month", "2023-11-20",
               "2020-11-01", "2020-11-30", "month"),),
)  # fmt: skip


def _year_so_far(g: dict, s: Situation) -> Interval | None:
    """ "so far this year", "year to date": from New Year's Day to the writer's day."""
    return Interval(date(s.day.year, 1, 1), s.day, Precision.PART_OF_YEAR)


YEAR_SO_FAR = Rule(
    "year_so_far",
    re.compile(r"\b(?:so\s+far\s+this\s+year|this\s+year\s+so\s+far|year[\s-]to[\s-]date)\b",
               re.IGNORECASE),
    needs="unit", priority=166, resolve=_year_so_far,
    examples=(("the stock had lost 2.3% so far this year", "2023-03-29", "2023-01-01",
               "2023-03-29", "part-of-year"),),
)  # fmt: skip

RULES = (RELATIVE_UNIT, EXACTLY_AGO, AGO, AGO_THIS_MONTH, YEAR_SO_FAR, LATER, FEW_LATER,
         SAME_UNIT, DAY_OF_THE, DAY_AFTER_THE, DAY_AFTER_DOING, NEXT_UNIT, NEXT_DAY_PART, THAT_DAY_PART, VAGUE, COUNT_FROM_THAT, COUNT_AHEAD,
         EARLIER_THIS_MONTH)  # fmt: skip
