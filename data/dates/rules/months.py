"""Rules for months and parts of months: "in July", "December 2020", "Last June",
"late January", "late last month", "the following May", "that July".

Resolution: a bare month is the most recent such month on or before the
anchor's month (the next one in a future clause); "last June" is strictly
before the anchor's month; early 1-10, mid 11-20, late 21-end.
"""

from __future__ import annotations

import re
from datetime import date

from data.dates.intervals import (
    Interval,
    bare_month,
    month_number,
    month_of,
    part_of_month,
    relative_year,
    shift_month,
)
from data.dates.rule import Rule, Situation
from data.dates.vocabulary import (
    MONTH,
    MONTH_CUE,
    MONTH_NAMES,
    PART,
    POSSESSIVES,
    REL,
    REL_DELTA,
    REL_YEAR,
    SAME_YEAR,
    YEAR,
    one_of,
)
from data.records import Precision

#: Right before a month a fiscal year's bounds are told by, in the present ("its fiscal year,
#: which starts in March"; "the financial year ends in March"): a month of every year.
_FISCAL_BOUND_BEFORE = re.compile(
    r"\b(?:fiscal|financial)\s+year,?\s+(?:which\s+|that\s+)?(?:starts|begins|ends|runs\s+to)\s+$",
    re.IGNORECASE)


def _month(g: dict, s: Situation) -> Interval | None:
    month = month_number(g["month"])
    if month == 5 and g["month"] != "May":
        return None
    if (g.get("cue") or "").lower() in ("in", "to") and _FISCAL_BOUND_BEFORE.search(
            s.text, max(0, s.start - 48), s.start):
        return None
    if g.get("sy") and s.base is not None and not s.base.vague:
        return month_of(s.base.date_start.year, month)  # "in October (of) the same year"
    year = relative_year(g, s.day)
    return month_of(year, month) if year else month_of(*bare_month(month, s.day, s.future))


MONTH_RULE = Rule(
    "month",
    re.compile(rf"\b(?P<cue>{MONTH_CUE})\s+(?P<month>{MONTH})(?![\w-])(?!\.?,?\s+\d|\.\d)"
               rf"(?:{REL_YEAR}|{SAME_YEAR})?"),
    needs="month", priority=40, resolve=_month, yearless=True, name_guard=True,
    examples=(("lost in value in July, as investors", "2021-08-19", "2021-07-01", "2021-07-31",
               "month"),
              ("In November, it was named", "2018-05-02", "2017-11-01", "2017-11-30"),
              ("fined a record sum in April last year.", "2022-06-13", "2021-04-01",
               "2021-04-30"),
              # a year used as an adjective lends its year to its clause
              ("Under a 2021 agreement reached in March, it shared data.", "2022-06-13",
               "2021-03-01", "2021-03-31"),
              # a month "of the same year": the year of the date just mentioned
              ("It was fined in 2019 and again in May of the same year.", "2022-06-13",
               "2019-05-01", "2019-05-31"),
              # "In November that year": the year of the date just mentioned (blind batch 8)
              ("In March 2023 it split. In November that year it dropped the plan.",
               "2025-03-10", "2023-11-01", "2023-11-30")),
)  # fmt: skip
MONTH_OPENING = Rule(
    "month_opening",  # "August brought new rules.": a month opening its sentence, then a verb
    re.compile(rf"(?P<month>(?!May\b){one_of(MONTH_NAMES, ignore_case=False)})"
               r"(?=\s+[a-z])(?!\s+(?:on|to|in|into|for|with|at|through|past|across|against|and"
               r"|or|of)\b)"),
    needs="month", priority=25, resolve=_month, yearless=True, opening=True,
    examples=(("July brought new rules.", "2021-09-01", "2021-07-01", "2021-07-31", "month"),),
)  # fmt: skip
MONTH_ADJECTIVE = Rule(
    "month_adjective",  # "its February peak", "the March rules"
    re.compile(rf"\b(?P<cue>{one_of([*POSSESSIVES, 'the', 'a'])})\s+(?P<month>(?!May\b){MONTH})"
               rf"(?=\s+[a-z])"),
    needs="month", priority=30, resolve=_month, yearless=True, name_guard=True,
    examples=(("far below its February peak", "2021-10-11", "2021-02-01", "2021-02-28"),),
)  # fmt: skip


def _month_year(g: dict, s: Situation) -> Interval | None:
    return month_of(int(g["year"]), month_number(g["month"]))


MONTH_YEAR = Rule(
    "month_year", re.compile(rf"\b(?P<month>{MONTH}),?\s+(?P<year>{YEAR})\b"),
    needs="month+year", priority=180, resolve=_month_year,
    examples=(("In December 2020, the government missed", "2021-01-14", "2020-12-01",
               "2020-12-31", "month"),),
)  # fmt: skip


def _named_month(g: dict, s: Situation) -> Interval | None:
    """ "Last June": strictly before the anchor's month; "next July": strictly after."""
    rel, month = g["rel"].lower(), month_number(g["month"])
    if rel == "next":
        year, month = bare_month(month, s.day, True)
        return month_of(year + (month == s.day.month), month)
    return month_of(*bare_month(month, s.day, False, strict=rel == "last"))


NAMED_MONTH = Rule(
    "last_month_name", re.compile(rf"\b(?P<rel>{REL})\s+(?P<month>{MONTH})\b"),
    needs="month", priority=170, resolve=_named_month,
    examples=(("Last June, China's internet regulator", "2021-03-16", "2020-06-01", "2020-06-30"),
              ("Last October it said", "2021-11-30", "2021-10-01", "2021-10-31"),
              ("The ban starts next July", "2021-03-16", "2021-07-01", "2021-07-31")),
)  # fmt: skip


_BY_BEFORE = re.compile(r"\bby\s+$", re.IGNORECASE)


def _part_month(g: dict, s: Situation) -> Interval | None:
    """ "late January": days 21-31; "by the end of March" is a deadline: the month, as
    "by the end of the year" is December."""
    month = month_number(g["month"])
    year = int(g["year"]) if g["year"] else relative_year(g, s.day) or bare_month(
        month, s.day, s.future)[0]
    cue = " ".join(g["part"].lower().split())
    if cue == "the end of" and _BY_BEFORE.search(s.text, max(0, s.start - 4), s.start):
        return month_of(year, month)
    return Interval(*part_of_month(cue, year, month), Precision.PART_OF_MONTH)


PART_MONTH = Rule(
    "part_month",  # "early/mid/late January (2021)", "mid-January", "the end of January"
    re.compile(rf"\b(?P<part>{PART})(?:\s+in)?[\s-]+(?P<month>{MONTH})(?:,?\s+(?P<year>{YEAR})\b"
               rf"|{REL_YEAR})?(?!\s+\d)"),
    needs="month", priority=300, resolve=_part_month, yearless=True,
    examples=(("It was not until late January that he resurfaced", "2021-03-16", "2021-01-21",
               "2021-01-31", "part-of-month"),
              ("a commentary early in August", "2021-08-30", "2021-08-01", "2021-08-10",
               "part-of-month"),
              ("by mid-February", "2021-03-16", "2021-02-11", "2021-02-20"),
              ("a deadline at the end of June", "2021-08-19", "2021-06-21", "2021-06-30",
               "part-of-month"),
              ("It had 493 million users by the end of March this year", "2021-12-03",
               "2021-03-01", "2021-03-31", "month")),
)  # fmt: skip


def _part_rel_month(g: dict, s: Situation) -> Interval | None:
    """ "late last month"; "by mid-month": the month of the date just mentioned."""
    rel = (g["rel"] or "").lower()
    if rel:
        y, m = shift_month(s.day.year, s.day.month, REL_DELTA[rel])
    elif s.base is not None and s.base.precision in (Precision.DAY, Precision.WEEK, Precision.MONTH):
        y, m = s.base.date_start.year, s.base.date_start.month
    else:
        return None
    return Interval(*part_of_month(g["part"], y, m), Precision.PART_OF_MONTH)


PART_REL_MONTH = Rule(
    "part_rel_month",
    re.compile(rf"\b(?P<part>{PART})(?:\s+in)?[\s-]+(?:(?P<rel>{REL})\s+|(?i:that|the\s+same|the)\s+)?"
               r"month\b(?!s)"),
    needs="unit+part", priority=260, resolve=_part_rel_month, chained=True,
    examples=(("rules adopted late last month will apply", "2022-01-04", "2021-12-21",
               "2021-12-31"),
              ("The review began on July 2 and late in the month the app was gone.",
               "2021-08-10", "2021-07-21", "2021-07-31"),
              ("Its last day of trading was June 10, and by mid-month the shares traded over "
               "the counter.", "2022-07-25", "2022-06-11", "2022-06-20"),
              ("The rules take effect at the end of this month", "2021-08-10", "2021-08-21",
               "2021-08-31", "part-of-month"),
              ("Shares slid at the end of last month", "2021-08-10", "2021-07-21", "2021-07-31"),
              ("The review began on July 2 and by the end of the month the app was gone.",
               "2021-08-10", "2021-07-21", "2021-07-31"),
              ("In August 2021 play was capped. By the end of that month it was law.",
               "2023-12-28", "2021-08-21", "2021-08-31")),
)  # fmt: skip


def _following_month(g: dict, s: Situation) -> Interval | None:
    """ "The following May": the first such month after the date just mentioned."""
    if s.base is None or s.base.vague:
        return None
    month, base = month_number(g["month"]), s.base.date_end
    return month_of(base.year if month > base.month else base.year + 1, month)


FOLLOWING_MONTH = Rule(
    "following_month",
    re.compile(rf"\b(?i:the\s+(?:following|next))\s+(?P<month>{MONTH})(?![\w-])"),
    needs="month", priority=210, resolve=_following_month, chained=True,
    examples=(("In April 2018, ZTE was barred until July. The following May, Huawei was added.",
               "2023-08-14", "2019-05-01", "2019-05-31"),),
)  # fmt: skip


def _that_month(g: dict, s: Situation) -> Interval | None:
    """ "that July": the July of the year of the date just mentioned ("In April 2019 ...
    published that October" is October 2019, though October 2018 is nearer); where that
    date spans two years, the July nearest it."""
    if s.base is None or s.base.vague:
        return None
    month, base = month_number(g["month"]), s.base.date_start
    if base.year == s.base.date_end.year:
        return month_of(base.year, month)
    year = min((base.year - 1, base.year, base.year + 1),
               key=lambda y: abs((date(y, month, 15) - base).days))
    return month_of(year, month)


THAT_MONTH = Rule(
    "that_month", re.compile(rf"\b(?i:that)\s+(?P<month>(?!May\b){MONTH})(?![\w-])"),
    needs="month", priority=200, resolve=_that_month, chained=True,
    examples=(("In April 2018, tariffs were announced. The first took effect that July.",
               "2023-08-14", "2018-07-01", "2018-07-31"),),
)  # fmt: skip

RULES = (MONTH_RULE, MONTH_OPENING, MONTH_ADJECTIVE, MONTH_YEAR, NAMED_MONTH, PART_MONTH, PART_REL_MONTH,
         FOLLOWING_MONTH, THAT_MONTH)  # fmt: skip
