"""Temporal expressions: find them, then resolve each into an inclusive interval.

Strategy
--------
Every expression is found by one of the named, commented patterns below (we
do not run a generic date search over the prose). Each match is resolved
against an *anchor*: the publication date of the article, or, inside a
passage the article quotes from an earlier report, that report's date.
Chained expressions ("Two days later") resolve against the date mentioned
just before them.

False-positive policy
---------------------
A word is a date only in a shape that is unambiguous in English news prose:

* month names are capitalised and stand after a temporal preposition or
  modifier ("in July", "Last June", "late January") or before a day or a year
  ("Oct. 24", "December 2020"); so "may" and "March on" are not dates;
* a bare year needs a temporal preposition right before it ("in 2019",
  "since 2014"), so "Made in China 2025" and "Copyright 2024" are not dates;
* spans already taken by money figures ("$1.5 billion") are never dates;
* durations and vague words ("for years", "now", "recently") give no date;
  "in recent months" and its kin give a wide interval marked ``vague``.

Resolution rules (all intervals inclusive)
------------------------------------------
* bare month: the most recent such month on or before the anchor's month
  (the next one when the clause speaks of the future: "will take effect");
* "last June": the most recent June strictly before the anchor's month;
* "Oct. 24": the most recent such day on or before the anchor;
* weekday ("On Friday", "Last Saturday"): most recent such day on or before;
* "last month/year/week", "this month/year", "next year": calendar units;
* "early/mid/late January": days 1-10, 11-20, 21-end (``part-of-month``);
* "early/mid/late 2021": Jan-Apr, May-Aug, Sep-Dec (``part-of-year``);
* "the 1980s": 1980-01-01..1989-12-31 (``decade``).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from data.records import DateMention
from data.text import overlaps, tokens

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3,
    "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
    "twelve": 12, "a couple of": 2,
}  # fmt: skip
#: "last", "this", "next": how many units from the anchor's.
REL_DELTA = {"last": -1, "this": 0, "next": 1}
#: Seasons (northern hemisphere): first month and number of months.
SEASONS = {"spring": (3, 3), "summer": (6, 3), "autumn": (9, 3), "fall": (9, 3), "winter": (12, 3)}
ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
            "fourth": 4, "4th": 4}  # fmt: skip
#: Fixed-date holidays: name -> (month, day).
HOLIDAYS = {
    "christmas eve": (12, 24),
    "christmas day": (12, 25),
    "christmas": (12, 25),
    "new year's eve": (12, 31),
    "new year's day": (1, 1),
    "singles' day": (11, 11),
    "singles day": (11, 11),
    "valentine's day": (2, 14),
}

# Capitalised month names, full or abbreviated (with optional dot).
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?"
    r"|Dec\.?)"
)
_DAY = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89][0-9]{2}|20[0-9]{2})"
_NUM = r"(?:a\ couple\ of|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})"
_APOS = r"[’'‘]"
# Words after which a capitalised month name is a date ("in July").
_MONTH_CUE = (
    r"(?i:in|since|by|until|till|through|throughout|during|from|of|before|after|on|between"
    r"|and|to|or|around|as\ of|last|this|next|early|mid|late|the\ end\ of"
    r"|the\ beginning\ of|the\ start\ of|the\ middle\ of)"
)
_YEAR_CUE = (
    r"(?i:in|since|by|until|till|through|throughout|during|from|before|after|between"
    r"|and|to|around|as\ of|early|mid|late|the\ end\ of|the\ beginning\ of"
    r"|the\ start\ of|the\ middle\ of|spring|summer|autumn|fall|winter"
    # verbs that take a span of time as their object: "regulators spent 2021 cutting..."
    r"|spent|spend|spends|began|begins|ended|ends|started|starts|entered|enters|saw|sees)"
)
#: Cue words that license a date but are not part of its text (conjunctions,
#: determiners, verbs): "July and August", "its February peak", "spent 2021".
_CUES_NOT_IN_TEXT = frozenset({"and", "to", "or", "of", "between", "its", "their", "his", "her", "the",
                           "spent", "spend", "spends", "began", "begins", "ended", "ends",
                           "started", "starts", "entered", "enters", "saw", "sees",
                           "a"})
# "in April last year", "June 30 this year": the year is stated relatively.
_REL_YEAR = r"(?:,?\s+(?:of\s+)?(?P<ry>(?i:last|this|next))\s+year\b(?![’']s))"
_NOT_NUMBER_AFTER = r"(?![\d,.]*\d)(?!\s*(?:%|percent|per\ cent|billion|million|trillion))"

PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # "October 24, 2020", "Oct. 24 2020", "24 October 2020"
    ("full", re.compile(
        rf"""\b(?P<month>{_MONTH})\s+(?P<day>{_DAY})(?:,\s*|\s+)(?P<year>{_YEAR})\b
        | \b(?P<day2>{_DAY})\s+(?P<month2>{_MONTH}),?\s+(?P<year2>{_YEAR})\b""",
        re.VERBOSE)),
    # "early/mid/late January (2021)", "mid-January", "the end of January"
    ("part_month", re.compile(
        rf"""\b(?P<part>(?i:early|mid|late|the\ end\ of|the\ beginning\ of|the\ start\ of
        |the\ middle\ of))[\s-]+(?P<month>{_MONTH})(?:,?\s+(?P<year>{_YEAR})\b|{_REL_YEAR})?(?!\s+\d)""",
        re.VERBOSE)),
    # "early 2021", "mid-2021", "late 2021", "the end of 2020", "the first half of 2021"
    ("part_year", re.compile(
        rf"""\b(?P<part>(?i:early|mid|late|the\ end\ of|the\ beginning\ of|the\ start\ of
        |the\ middle\ of|the\ first\ half\ of|the\ second\ half\ of))[\s-]+
        (?:(?P<year>{_YEAR})\b{_NOT_NUMBER_AFTER}|(?P<ry>(?i:this|last|next))\s+year\b
        |(?P<the_year>(?i:the))\s+year\b)""",
        re.VERBOSE)),
    # "the first quarter of 2021", "Q3 2021", "the third quarter"
    ("quarter", re.compile(
        rf"""(?<!\ba\s)(?<!\bone\s)\b(?:(?:(?i:the)\s+)?(?P<ord>(?i:first|second|third|fourth|1st|2nd|3rd|4th))
        [\s-]quarter(?:\s+of\s+(?P<year>{_YEAR}))?
        | Q(?P<q>[1-4])(?:\s+(?P<year2>{_YEAR}))?(?!\s*\d))\b""",
        re.VERBOSE)),
    # "the quarter ended June 30": the three months to that day
    ("quarter_ended", re.compile(
        rf"\b(?i:the\s+)?(?i:quarter|three\s+months)\s+(?i:ended|ending|to|through)\s+"
        rf"(?P<month>{_MONTH})\s+(?P<day>{_DAY})(?:,?\s+(?P<year>{_YEAR}))?\b")),
    # "late last month", "early this month", "by mid-month" (the month just mentioned)
    ("part_rel_month", re.compile(
        r"\b(?P<part>(?i:early|mid|late))[\s-]+(?:(?P<rel>(?i:last|this|next))\s+)?month\b(?!s)")),
    # "Dec. 8 to 10 last year", "from Dec. 8 to 10": a range of days in one month
    ("day_range", re.compile(
        rf"(?:\b(?i:from|between)\s+)?\b(?P<month>{_MONTH})\s+(?P<day>{_DAY})\s*"
        rf"(?:-|–|(?i:to|and|through|until))\s*(?P<day2>{_DAY})\b(?!\s+{_MONTH})"
        rf"(?:,?\s+(?P<year>{_YEAR})\b|{_REL_YEAR})?")),
    # "2021-11-01"
    ("iso", re.compile(rf"\b(?P<year>{_YEAR})-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-3][0-9])\b")),
    # "10 April", "the 10th of April" (no year)
    ("day_month", re.compile(
        rf"(?<![\d$£€¥.,])\b(?P<day>{_DAY})(?:\s+of)?\s+(?P<month>{_MONTH})(?![\w-])"
        rf"(?!\.?,?\s+{_YEAR}){_REL_YEAR}?")),
    # "the summer of 2020", "spring 2021", "last summer"
    ("season", re.compile(
        rf"(?:\b(?i:the)\s+)?\b(?P<season>(?i:spring|summer|autumn|fall|winter))\s+(?:of\s+)?"
        rf"(?P<year>{_YEAR})\b|\b(?P<rel>(?i:last|this|next))\s+(?P<season2>(?i:spring|summer"
        rf"|autumn|fall|winter))\b"
        rf"|\b(?i:since|in|during|over|by|until)\s+the\s+(?P<season3>(?i:spring|summer|autumn"
        rf"|fall|winter))\b(?!\s+(?:of\s+)?\d)")),
    # "The following May", "the next January": after the date just mentioned
    ("following_month", re.compile(
        rf"\b(?i:the\s+(?:following|next))\s+(?P<month>{_MONTH})(?![\w-])")),
    # "that July": the July of the story just told
    ("that_month", re.compile(rf"\b(?i:that)\s+(?P<month>(?!May\b){_MONTH})(?![\w-])")),
    # "Oct. 24", "June 30", "Nov. 1st" (no year)
    ("month_day", re.compile(
        rf"\b(?P<month>{_MONTH})\s+(?P<day>{_DAY})\b{_NOT_NUMBER_AFTER}(?!\s*,?\s*{_YEAR})"
        rf"{_REL_YEAR}?")),
    # "December 2020", "in June, 2019"
    ("month_year", re.compile(rf"\b(?P<month>{_MONTH}),?\s+(?P<year>{_YEAR})\b")),
    # "Last June", "last October"
    ("last_month_name", re.compile(rf"\b(?P<rel>(?i:last|this|next))\s+(?P<month>{_MONTH})\b")),
    # "last month", "this year", "next week", "last quarter"
    ("relative_unit", re.compile(
        r"\b(?P<rel>(?i:last|this|next|past))\s+(?P<unit>week|month|year|quarter)\b"
        r"(?!s)(?!\s+or\s+(?:so|two))",
        re.IGNORECASE)),
    # "two years ago", "three months ago"
    ("ago", re.compile(
        rf"\b(?P<num>{_NUM})\s+(?P<unit>day|week|month|year)s?\s+ago\b", re.IGNORECASE)),
    # "Two days later", "a week later", "three months earlier"
    ("later", re.compile(
        rf"\b(?P<num>{_NUM})\s+(?P<unit>day|week|month|year)s?\s+(?P<dir>later|earlier|afterwards?)\b",
        re.IGNORECASE)),
    # "Later that day", "that same week", "earlier that month"
    ("same_unit", re.compile(
        r"\b(?i:(?:later|earlier)\s+that|that\s+same|the\s+same|that)\s+(?P<unit>day|week|month"
        r"|year)\b(?![’']s)")),
    # "the next day", "the following week", "the day before"
    ("next_unit", re.compile(
        r"\b(?i:the\s+(?P<dir>next|following|previous|preceding))\s+(?P<unit>day|week|month|year)\b"
        r"|\b(?i:the\s+(?P<unit2>day|week|month|year)\s+(?P<dir2>before|after))\b(?!\s+(?:next|the))")),
    # "Christmas Eve", "Singles' Day"
    ("holiday", re.compile(
        r"\b(?P<name>Christmas\s+Eve|Christmas\s+Day|Christmas|New\s+Year[’']s\s+(?:Eve|Day)"
        rf"|Singles[’']?\s+Day|Valentine[’']s\s+Day)\b(?:,?\s+(?P<year>{_YEAR})\b|{_REL_YEAR})?")),
    # "over the weekend", "last weekend"
    ("weekend", re.compile(r"\b(?P<rel>(?i:over|at|during|on|last|this|next))\s+(?:the\s+)?weekend\b")),
    # "On Friday", "Last Saturday", "Monday"
    ("weekday", re.compile(
        r"\b(?:(?P<rel>(?i:last|this|next|on))\s+)?"
        r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")),
    # "the 1980s", "the early 1990s", "the 1960s and ‘70s", "‘70s"
    ("decade", re.compile(
        rf"""(?:\b(?i:the)\s+(?:(?P<part>(?i:early|mid|late))[\s-]+)?)?
        (?:\b(?P<decade>1[89][0-9]0|20[0-9]0)|{_APOS}(?P<short>[0-9]0))s\b
        (?:\s+(?:and|to|through)\s+(?:the\s+)?(?:{_APOS}(?P<short2>[0-9]0)|(?P<decade2>1[89][0-9]0|20[0-9]0))s\b)?""",
        re.VERBOSE)),
    # "in 2019", "since 2014", "from 2019 to 2021", "2019–2021"
    ("year_range", re.compile(
        rf"""(?:\b(?i:from|between)\s+)?\b(?P<year>{_YEAR})
        (?:\s*[–-]\s*|\s+(?i:to|and|through|until)\s+)(?P<year2>{_YEAR}|[0-9]{{2}}(?![\w,.]))
        \b{_NOT_NUMBER_AFTER}""",
        re.VERBOSE)),
    ("year", re.compile(
        rf"\b(?P<cue>{_YEAR_CUE})[\s-](?P<year>{_YEAR})\b{_NOT_NUMBER_AFTER}(?!s)"
        rf"(?!\s*[–-]\s*\d)")),
    # "its 2014 listing": a year used as an adjective
    ("year", re.compile(
        rf"\b(?P<cue>(?i:its|their|his|her))\s+(?P<year>{_YEAR})\b(?=\s+[a-z])")),
    # "in July", "In November", "since October"
    ("month", re.compile(
        rf"\b(?P<cue>{_MONTH_CUE})\s+(?P<month>{_MONTH})(?![\w-])(?!\.?,?\s+\d)"
        rf"{_REL_YEAR}?")),
    # "its February peak", "the March rules": a month used as an adjective
    ("month", re.compile(
        rf"\b(?P<cue>(?i:its|their|his|her|the|a))\s+(?P<month>(?!May\b){_MONTH})(?=\s+[a-z])")),
    # vague: "in recent months", "the past few months", "over the past couple of months"
    ("vague", re.compile(
        r"\b(?i:in\s+recent\s+(?P<unit>days|weeks|months|years)"
        r"|(?:in|over|during)\s+the\s+(?:past|last)\s+(?:few|several|couple\s+of|many)\s+"
        r"(?P<unit2>days|weeks|months|years)"
        r"|the\s+past\s+(?:few|several|couple\s+of)\s+(?P<unit3>days|weeks|months|years))\b")),
    # "yesterday"
    ("yesterday", re.compile(r"\b(?i:yesterday)\b")),
]

#: The prefilter: which kinds of word a sentence has ("digit" for any digit)
#: decides which patterns run on it; a sentence with none has no date.
_TRIGGER_KINDS = {
    "month": tuple(MONTHS),
    "weekday": (*WEEKDAYS, "weekend"),
    "season": tuple(SEASONS),
    "holiday": ("christmas", "singles", "valentine", "year"),
    "unit": ("day", "days", "week", "weeks", "month", "months", "year", "years"),
    "quarter": ("quarter", "q1", "q2", "q3", "q4"),
    "ago": ("ago",),
    "later": ("later", "earlier", "afterward", "afterwards"),
    "seq": ("next", "following", "previous", "preceding", "before", "after"),
    "part": ("early", "mid", "late", "end", "beginning", "start", "middle", "half"),
    "vague": ("recent", "past", "last"),
    "yesterday": ("yesterday",),
}
#: word -> the kinds of date word it is (a cheap per-sentence prefilter)
TRIGGER_WORDS: dict[str, frozenset[str]] = {}
for _kind, _words in _TRIGGER_KINDS.items():
    for _word in _words:
        TRIGGER_WORDS[_word] = TRIGGER_WORDS.get(_word, frozenset()) | {_kind}
# kind -> the alternatives of trigger kinds it needs, each alternative all of a set.
NEEDS: dict[str, tuple[frozenset[str], ...]] = {
    kind: tuple(frozenset(alt.split("+")) for alt in alternatives.split())
    for kind, alternatives in {
        "full": "month+year", "part_month": "month", "part_year": "year+part unit+part",
        "quarter": "quarter", "month_day": "month+digit", "month_year": "month+year",
        "last_month_name": "month", "relative_unit": "unit quarter", "ago": "ago",
        "later": "later", "next_unit": "unit+seq", "holiday": "holiday", "weekday": "weekday",
        "decade": "year", "year_range": "year", "year": "year", "month": "month",
        "vague": "unit+vague", "yesterday": "yesterday", "weekend": "weekday",
        "same_unit": "unit", "iso": "year", "day_month": "month+digit", "season": "season",
        "following_month": "month", "that_month": "month", "quarter_ended": "month+digit",
        "part_rel_month": "unit+part", "day_range": "month+digit",
    }.items()
}  # fmt: skip
assert set(NEEDS) == {kind for kind, _ in PATTERNS}
_DIGIT = re.compile(r"[0-9]")
_YEARISH = re.compile(r"(?:1[89]|20)[0-9][0-9]|[0-9]0s\b")  # a year or a decade


def triggers(sentence: str, words: frozenset[str]) -> frozenset[str]:
    """The kinds of date word in a sentence (empty: it has no date).

    >>> sorted(triggers("In a speech on Oct. 24", frozenset({"oct", "speech"})))
    ['digit', 'month']
    >>> sorted(triggers("since the 1980s", frozenset({"since", "the", "1980s"})))
    ['digit', 'year']
    """
    kinds: set[str] = set()
    for w in words & TRIGGER_WORDS.keys():
        kinds |= TRIGGER_WORDS[w]
    if _DIGIT.search(sentence):
        kinds.add("digit")
        if _YEARISH.search(sentence):
            kinds.add("year")
    return frozenset(kinds)


_NAME_AFTER = re.compile(r"\s+[A-Z][a-z]+")
_EVERY_LIST = re.compile(
    r"\bevery\s+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+(?:and\s+|or\s+)?)*$"
)

#: How far back a vague expression reaches from its anchor.
VAGUE_REACH = {"day": 14, "week": 60, "month": 183, "year": 5 * 365}
_FUTURE = re.compile(
    r"\b(?:will|shall|is\s+(?:set|due|expected|scheduled|slated)\s+to|are\s+(?:set|due|expected"
    r"|scheduled|slated)\s+to|plans?\s+to|takes?\s+effect)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Anchor:
    """The date relative expressions resolve against."""

    day: date
    precision: str = "day"  # "day" or "month"


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def month_interval(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), month_end(year, month)


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _month_number(token: str) -> int:
    return MONTHS[token.rstrip(".").lower()]


def _day_number(token: str) -> int:
    return int(re.match(r"\d+", token).group())


def _num(token: str) -> int:
    token = " ".join(token.lower().split())
    return NUMBERS[token] if token in NUMBERS else int(token)


def _bare_month(month: int, anchor: date, future: bool, strict: bool = False) -> tuple[int, int]:
    """Year of the most recent ``month`` on/before the anchor (or the next one)."""
    if future:
        return (anchor.year if month >= anchor.month else anchor.year + 1), month
    if month < anchor.month or (month == anchor.month and not strict):
        return anchor.year, month
    return anchor.year - 1, month


def _day_on_or_before(month: int, day: int, anchor: date, future: bool) -> date | None:
    for year in ((anchor.year, anchor.year + 1) if future else (anchor.year, anchor.year - 1)):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if (candidate >= anchor) if future else (candidate <= anchor):
            return candidate
    return None


def _part_of_month(part: str, year: int, month: int) -> tuple[date, date]:
    part = " ".join(part.lower().split())
    last = month_end(year, month).day
    if part in ("early", "the beginning of", "the start of"):
        return date(year, month, 1), date(year, month, 10)
    if part in ("mid", "the middle of"):
        return date(year, month, 11), date(year, month, 20)
    return date(year, month, 21), date(year, month, last)


def _part_of_year(part: str, year: int) -> tuple[date, date]:
    part = " ".join(part.lower().split())
    if part in ("early", "the beginning of", "the start of"):
        return date(year, 1, 1), date(year, 4, 30)
    if part in ("mid", "the middle of"):
        return date(year, 5, 1), date(year, 8, 31)
    if part == "the first half of":
        return date(year, 1, 1), date(year, 6, 30)
    if part == "the second half of":
        return date(year, 7, 1), date(year, 12, 31)
    if part == "the end of":
        return date(year, 10, 1), date(year, 12, 31)
    return date(year, 9, 1), date(year, 12, 31)


def _decade(value: str, short: bool) -> int:
    if not short:
        return int(value)
    tens = int(value)
    return (1900 if tens >= 30 else 2000) + tens


def _shift(day: date, unit: str, n: int) -> date:
    if unit == "day":
        return day + timedelta(days=n)
    if unit == "week":
        return day + timedelta(weeks=n)
    months = n * (12 if unit == "year" else 1)
    y, m = _shift_month(day.year, day.month, months)
    return date(y, m, min(day.day, calendar.monthrange(y, m)[1]))


#: How fine a unit or precision is, for chained expressions.
_UNIT_RANK = {"day": 0, "week": 1, "part-of-month": 2, "month": 2, "quarter": 3,
              "part-of-year": 3, "year": 4, "decade": 5}  # fmt: skip


def _relative_year(g: dict, anchor: date) -> int | None:
    """The year of "last year"/"this year"/"next year" after a month or a day."""
    rel = (g.get("ry") or "").lower()
    return anchor.year + REL_DELTA[rel] if rel else None


def _day_in(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _same_unit(previous: DateMention, unit: str) -> tuple[date, date, str, bool]:
    """"Later that day", "that same month": the unit holding the date just mentioned."""
    d = previous.date_start
    if unit == "day":
        return previous.date_start, previous.date_end, previous.precision, False
    if unit == "week":
        monday = d - timedelta(days=d.weekday())
        return monday, monday + timedelta(days=6), "week", False
    if unit == "month":
        return (*month_interval(d.year, d.month), "month", False)
    return date(d.year, 1, 1), date(d.year, 12, 31), "year", False


@dataclass(frozen=True, slots=True)
class _Found:
    kind: str
    match: re.Match[str]
    start: int
    end: int


def find_expressions(
    text: str,
    start: int = 0,
    end: int | None = None,
    exclude: Iterable[tuple[int, int]] = (),
    kinds: frozenset[str] | None = None,
) -> list[_Found]:
    """All date expressions in ``text[start:end]``, longest first on overlap.

    ``kinds`` (from :func:`triggers`) limits the patterns tried.
    """
    end = len(text) if end is None else end
    exclude = list(exclude)
    found: list[_Found] = []
    for kind, pattern in PATTERNS:
        if kinds is not None and not any(need <= kinds for need in NEEDS[kind]):
            continue
        for m in pattern.finditer(text, start, end):
            begin = m.start()
            if "cue" in pattern.groupindex and m.group("cue").lower() in _CUES_NOT_IN_TEXT:
                begin = m.end("cue") + 1  # "July and August": "and" is not part of it
                if kind == "month" and _NAME_AFTER.match(text, m.end()):
                    continue  # "compared it to March Madness": a name, not a month
            if m.end() > begin and not overlaps(begin, m.end(), exclude):
                found.append(_Found(kind, m, begin, m.end()))
    found.sort(key=lambda f: (f.start, -(f.end - f.start)))
    kept: list[_Found] = []
    for f in found:
        if kept and f.start < kept[-1].end:
            continue
        kept.append(f)
    return kept


def _resolve(
    f: _Found, anchor: Anchor, previous: DateMention | None, future: bool
) -> tuple[date, date, str, bool] | None:
    """Resolve one expression to (start, end, precision, vague)."""
    g = f.match.groupdict()
    a = anchor.day
    kind = f.kind
    if kind == "full":
        month = _month_number(g["month"] or g["month2"])
        day = _day_number(g["day"] or g["day2"])
        year = int(g["year"] or g["year2"])
        try:
            d = date(year, month, day)
        except ValueError:
            return None
        return d, d, "day", False
    stated_year = _relative_year(g, a)
    if kind == "part_month":
        month = _month_number(g["month"])
        year = int(g["year"]) if g["year"] else stated_year or _bare_month(month, a, future)[0]
        return (*_part_of_month(g["part"], year, month), "part-of-month", False)
    if kind == "part_year":
        year = int(g["year"]) if g["year"] else stated_year or a.year
        part = " ".join(g["part"].lower().split())
        if part in ("the end of", "the beginning of", "the start of"):  # a month, not a season
            return (*month_interval(year, 12 if part == "the end of" else 1), "month", False)
        return (*_part_of_year(part, year), "part-of-year", False)
    if kind == "quarter":
        q = int(g["q"]) if g["q"] else ORDINALS[g["ord"].lower()]
        stated = g["year2"] if g["q"] else g["year"]
        if stated:
            year = int(stated)
        else:
            current_q = (a.month - 1) // 3 + 1
            year = a.year if q <= current_q else a.year - 1
        start = date(year, 3 * q - 2, 1)
        return start, month_end(year, 3 * q), "quarter", False
    if kind == "quarter_ended":
        month, day = _month_number(g["month"]), _day_number(g["day"])
        end = _day_in(int(g["year"]), month, day) if g["year"] else _day_on_or_before(
            month, day, a, future
        )
        if end is None:
            return None
        y, m = _shift_month(end.year, end.month, -2)
        return date(y, m, 1), end, "quarter", False
    if kind == "part_rel_month":
        rel = (g["rel"] or "").lower()
        if rel:
            y, m = _shift_month(a.year, a.month, REL_DELTA[rel])
        elif previous is not None and previous.precision in ("day", "week", "month"):
            y, m = previous.date_start.year, previous.date_start.month  # "by mid-month"
        else:
            return None
        return (*_part_of_month(g["part"], y, m), "part-of-month", False)
    if kind == "day_range":
        month = _month_number(g["month"])
        first, last = _day_number(g["day"]), _day_number(g["day2"])
        if last <= first:
            return None
        year = int(g["year"]) if g["year"] else stated_year
        start = _day_in(year, month, first) if year else _day_on_or_before(month, first, a, future)
        end = _day_in(start.year, month, last) if start else None
        if start is None or end is None:
            return None
        return start, end, "day" if first == last else "week" if last - first < 7 else "part-of-month", False
    if kind == "iso":
        d = _day_in(int(g["year"]), int(g["m"]), int(g["d"]))
        return (d, d, "day", False) if d else None
    if kind == "season":
        name = (g["season"] or g["season2"] or g["season3"]).lower()
        first, length = SEASONS[name]
        if g["year"]:
            year = int(g["year"])
        elif g["season3"]:  # "since the spring": the latest one begun by the anchor
            year = a.year if a.month >= first else a.year - 1
        elif (rel := g["rel"].lower()) == "this":
            year = a.year
        else:  # "last summer": the latest one ended by the anchor; "next": the one after it
            ended = (a.year, a.month) > _shift_month(a.year, first, length - 1)
            year = a.year - (0 if ended else 1) + (rel == "next")
        start = date(year, first, 1)
        y2, m2 = _shift_month(year, first, length - 1)
        return start, month_end(y2, m2), "part-of-year", False
    if kind in ("month_day", "day_month"):
        month, day = _month_number(g["month"]), _day_number(g["day"])
        d = _day_in(stated_year, month, day) if stated_year else _day_on_or_before(
            month, day, a, future
        )
        return (d, d, "day", False) if d else None
    if kind == "month_year":
        return (*month_interval(int(g["year"]), _month_number(g["month"])), "month", False)
    if kind == "last_month_name":
        rel = g["rel"].lower()
        month = _month_number(g["month"])
        if rel == "next":
            year, month = _bare_month(month, a, True)
            if month == a.month:
                year += 1
        else:
            year, month = _bare_month(month, a, False, strict=rel == "last")
        return (*month_interval(year, month), "month", False)
    if kind == "relative_unit":
        rel, unit = g["rel"].lower(), g["unit"].lower()
        if rel == "past":
            if unit == "week":
                return a - timedelta(days=7), a, "week", False
            return None  # "the past year/month": a duration, not a date
        delta = REL_DELTA[rel]
        if unit == "year":
            y = a.year + delta
            return date(y, 1, 1), date(y, 12, 31), "year", False
        if unit == "month":
            y, m = _shift_month(a.year, a.month, delta)
            return (*month_interval(y, m), "month", False)
        if unit == "quarter":
            y, m = _shift_month(a.year, (a.month - 1) // 3 * 3 + 1, 3 * delta)
            return date(y, m, 1), month_end(y, m + 2), "quarter", False
        if anchor.precision != "day":
            return None
        monday = a - timedelta(days=a.weekday()) + timedelta(weeks=delta)
        return monday, monday + timedelta(days=6), "week", False
    if kind == "ago":
        unit, n = g["unit"].lower(), _num(g["num"])
        d = _shift(a, unit, -n)
        if unit == "year":
            return date(d.year, 1, 1), date(d.year, 12, 31), "year", False
        if unit == "month":
            return (*month_interval(d.year, d.month), "month", False)
        return d, d, "day" if unit == "day" else "week", False
    if kind in ("later", "next_unit", "same_unit"):
        if previous is None or previous.vague:
            return None
        unit = (g.get("unit") or g.get("unit2") or "").lower()
        if _UNIT_RANK[unit] < _UNIT_RANK.get(previous.precision, 9):
            return None  # "two days later" after "in 2019": no honest day to give
        if kind == "same_unit":
            return _same_unit(previous, unit)
        if kind == "later":
            unit, n = g["unit"].lower(), _num(g["num"])
            sign = -1 if g["dir"].lower() == "earlier" else 1
        else:
            unit = (g["unit"] or g["unit2"]).lower()
            direction = (g["dir"] or g["dir2"]).lower()
            n, sign = 1, (-1 if direction in ("previous", "preceding", "before") else 1)
        middle = previous.date_start + (previous.date_end - previous.date_start) / 2
        start = _shift(middle if unit in ("month", "year") else previous.date_start, unit, sign * n)
        if previous.precision == "day" and unit in ("day", "week"):
            return start, start, "day", False
        if unit == "year" or (unit == "month" and _UNIT_RANK[previous.precision] <= 2):
            if unit == "year":
                return date(start.year, 1, 1), date(start.year, 12, 31), "year", False
            return (*month_interval(start.year, start.month), "month", False)
        end = _shift(previous.date_end, unit, sign * n)
        return start, end, previous.precision, False
    if kind == "holiday":
        name = " ".join(g["name"].lower().replace("’", "'").split())
        month, day = HOLIDAYS[name]
        year = int(g["year"]) if g["year"] else stated_year
        d = _day_in(year, month, day) if year else _day_on_or_before(month, day, a, future)
        return (d, d, "day", False) if d else None
    if kind == "weekend":
        if anchor.precision != "day":
            return None
        rel = g["rel"].lower()
        saturday = a - timedelta(days=(a.weekday() - 5) % 7)
        if rel == "next" or (future and rel != "last"):
            saturday = a + timedelta(days=(5 - a.weekday()) % 7 or 7)
        return saturday, saturday + timedelta(days=1), "week", False
    if kind == "following_month":
        if previous is None or previous.vague:
            return None
        month = _month_number(g["month"])
        base = previous.date_end
        year = base.year if month > base.month else base.year + 1
        return (*month_interval(year, month), "month", False)
    if kind == "that_month":
        if previous is None or previous.vague:
            return None
        month = _month_number(g["month"])
        base = previous.date_start
        year = min((base.year - 1, base.year, base.year + 1),
                   key=lambda y: abs((date(y, month, 15) - base).days))
        return (*month_interval(year, month), "month", False)
    if kind == "weekday":
        if anchor.precision != "day":
            return None
        if _EVERY_LIST.search(f.match.string, max(0, f.start - 60), f.start):
            return None  # "every Monday", "every Friday, Saturday and Sunday": a habit
        rel = (g["rel"] or "on").lower()
        target = WEEKDAYS[g["wd"].lower()]
        back = (a.weekday() - target) % 7
        if rel == "next" or (future and rel != "last"):
            d = a + timedelta(days=(target - a.weekday()) % 7 or 7)
        else:
            d = a - timedelta(days=back)
        return d, d, "day", False
    if kind == "decade":
        first = _decade(g["decade"] or g["short"], g["decade"] is None)
        last = first
        if g["short2"] or g["decade2"]:
            last = _decade(g["decade2"] or g["short2"], g["decade2"] is None)
        if last < first:
            return None
        start, end = date(first, 1, 1), date(last + 9, 12, 31)
        part = (g["part"] or "").lower()
        if part and last == first:
            start, end = {
                "early": (date(first, 1, 1), date(first + 3, 12, 31)),
                "mid": (date(first + 3, 1, 1), date(first + 6, 12, 31)),
                "late": (date(first + 7, 1, 1), date(first + 9, 12, 31)),
            }[part]
        return start, end, "decade", False
    if kind == "year_range":
        first, second = int(g["year"]), g["year2"]
        last = int(second) if len(second) == 4 else first // 100 * 100 + int(second)
        if not first < last <= first + 50:
            return None
        return date(first, 1, 1), date(last, 12, 31), "year", False
    if kind == "year":
        y = int(g["year"])
        return date(y, 1, 1), date(y, 12, 31), "year", False
    if kind == "month":
        month = _month_number(g["month"])
        if month == 5 and g["month"] != "May":
            return None
        if stated_year:
            return (*month_interval(stated_year, month), "month", False)
        return (*month_interval(*_bare_month(month, a, future)), "month", False)
    if kind == "vague":
        unit = (g["unit"] or g["unit2"] or g["unit3"]).lower().rstrip("s")
        return a - timedelta(days=VAGUE_REACH[unit]), a, "vague", True
    if kind == "yesterday":
        if anchor.precision != "day":
            return None
        d = a - timedelta(days=1)
        return d, d, "day", False
    raise AssertionError(kind)


_FROM_BEFORE = re.compile(r"\b(?:from|starting|effective|beginning|as\s+of|by|until)\s+$", re.I)
_OBLIGATION = re.compile(r"\b(?:must|will|shall|are\s+required|is\s+required)\b", re.I)


def clause_is_future(text: str, start: int, end: int) -> bool:
    """Does the date at ``text[start:end]`` lie ahead of the writer?

    Yes when a future marker ("will", "is set to", "takes effect") stands before
    it in its clause ("will take effect on Nov. 1"), not after it ("signed on
    Wednesday an order that will..."); or when it is a start or a deadline ("from
    Feb. 15") in a sentence that speaks of obligation or the future.
    """
    left = max(text.rfind(",", 0, start), text.rfind(";", 0, start), text.rfind(".", 0, start))
    if _FUTURE.search(text, left + 1, start):
        return True
    return bool(_FROM_BEFORE.search(text, max(0, start - 14), start) and _OBLIGATION.search(text))


_RANGE_JOIN = re.compile(r"\s*(?:and|to|until|till|through|–|-)\s*$", re.I)
_RANGE_OPEN = re.compile(r"\b(?:between|from)\s+$", re.I)
_RANGE_OPEN_IN_TEXT = re.compile(r"^(?:between|from)\s", re.I)
_STATED_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
#: Kinds that may borrow the year stated earlier in the sentence.
_YEARLESS = frozenset({"month", "month_day", "day_month", "part_month", "holiday"})


def _precision_of(start: date, end: date) -> str:
    """An honest precision for an interval made by joining two dates."""
    days = (end - start).days
    if days == 0:
        return "day"
    if days < 7:
        return "week"
    if (start.year, start.month) == (end.year, end.month):
        return "month" if start.day == 1 and end == month_end(end.year, end.month) else "part-of-month"
    if start.year == end.year:
        return "year" if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) else "part-of-year"
    return "year" if days < 3660 else "decade"


def _join_ranges(text: str, mentions: list[DateMention], stated: set[int]) -> list[DateMention]:
    """"between 31 July and 31 December 2020", "from July to September 2021": one interval;
    the first end borrows the year of the second where it states none."""
    out: list[DateMention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if prev is not None and not prev.vague and not m.vague and _RANGE_JOIN.match(
            text[prev.end : m.start] + " "
        ):
            opener = _RANGE_OPEN.search(text, max(0, prev.start - 10), prev.start)
            if opener or _RANGE_OPEN_IN_TEXT.match(prev.text):
                start = prev.date_start
                if id(prev) not in stated and id(m) in stated:
                    start = _shift(start, "year", m.date_start.year - start.year)
                    if start > m.date_start:
                        start = _shift(start, "year", -1)
                begin = opener.start() if opener else prev.start
                if start <= m.date_end:
                    out[-1] = DateMention(text[begin : m.end], begin, m.end, start, m.date_end,
                                          _precision_of(start, m.date_end), False)
                    continue
        out.append(m)
    return out


_CHAINED = frozenset({"later", "next_unit", "same_unit", "part_rel_month", "following_month",
                      "that_month"})


def _chain_base(f: _Found, recent: list[DateMention]) -> DateMention | None:
    """The date a chained expression counts from: the latest one fine enough for it
    ("On the same day" after "...on Thursday, closing a probe that began a year ago")."""
    if f.kind not in _CHAINED:
        return recent[-1] if recent else None
    g = f.match.groupdict()
    unit = (g.get("unit") or g.get("unit2") or "month").lower()
    finest = _UNIT_RANK.get(unit, 2)
    for m in reversed(recent):
        if _UNIT_RANK.get(m.precision, 9) <= finest:
            return m
    return None


def _keep_the_story_year(f: _Found, resolved, story: DateMention | None, anchor: Anchor, base):
    """A bare month or day right after a story told in another year stays in that story:
    "...listed on June 30 last year. The regulator opened a review on July 2" is 2021.

    ``story`` is the last specific date (a day or a month) of the sentence just before.
    Only when it is more than ~10 months from the default reading, and the occurrence
    nearest to it is before the anchor and within six months of it.
    """
    if story is None or f.match.groupdict().get("ry") or f.match.groupdict().get("year"):
        return None
    if abs((resolved[0] - story.date_start).days) <= 300:
        return None
    options = []
    for year in (story.date_start.year - 1, story.date_start.year, story.date_start.year + 1):
        shifted = _resolve(f, Anchor(date(year, 12, 31), "day"), base, False)
        if shifted is not None and shifted[0].year == year:
            options.append(shifted)
    options = [o for o in options if o[1] <= anchor.day]
    if not options:
        return None
    nearest = min(options, key=lambda o: abs((o[0] - story.date_start).days))
    return nearest if abs((nearest[0] - story.date_start).days) <= 183 else None


def resolve_mentions(
    text: str,
    found: list[_Found],
    anchor_for,
    previous: DateMention | Sequence[DateMention] | None = None,
    clause_bounds: tuple[int, int] | None = None,
    story: DateMention | None = None,
) -> list[DateMention]:
    """Resolve the expressions of one sentence in order; ``anchor_for(offset)``
    gives the anchor. A month or day stated without a year, in a sentence that
    opens with a date with one ("In April 2018, ... lifted in July"), takes the
    first such date on or after it."""
    out: list[DateMention] = []
    if previous is None:
        recent: list[DateMention] = []
    elif isinstance(previous, DateMention):
        recent = [previous]
    else:
        recent = list(previous)
    stated: set[int] = set()  # ids of mentions whose text states a year
    year_stated: DateMention | None = None
    lo, hi = clause_bounds or (0, len(text))
    for f in found:
        future = clause_is_future(text[lo:hi], f.start - lo, f.end - lo)
        anchor = anchor_for(f.start)
        carry = year_stated is not None and f.kind in _YEARLESS and not f.match.groupdict().get("ry")
        base = _chain_base(f, recent)
        resolved = _resolve(f, anchor, base, future)
        if resolved is not None and carry:
            later = _resolve(f, Anchor(year_stated.date_start, "day"), base, True)
            if later is not None and later[0] <= anchor.day:
                resolved = later
        elif resolved is not None and f.kind in _YEARLESS and not future:
            resolved = _keep_the_story_year(f, resolved, story, anchor, base) or resolved
        if resolved is None:
            continue
        start, end, precision, vague = resolved
        mention = DateMention(text[f.start : f.end], f.start, f.end, start, end, precision, vague)
        out.append(mention)
        if (_STATED_YEAR.search(mention.text) or precision == "year") and not vague:
            stated.add(id(mention))
            lead = text[lo : mention.start]
            if len(lead.split()) <= 2 and "," not in lead:  # "In April 2018, ...": the frame
                year_stated = mention
        if not vague:
            recent.append(mention)
    return _join_ranges(text, out, stated)


def resolve(expression: str, published: date, precision: str = "day") -> DateMention | None:
    """Resolve a single expression against a publication date (for tests and tools).

    >>> m = resolve("in July", date(2021, 8, 19))
    >>> (m.date_start.isoformat(), m.date_end.isoformat(), m.precision)
    ('2021-07-01', '2021-07-31', 'month')
    >>> resolve("On Friday", date(2021, 3, 16)).date_start
    datetime.date(2021, 3, 12)
    >>> resolve("Made in China 2025", date(2018, 5, 2)) is None
    True
    """
    kinds = triggers(expression, tokens(expression))
    found = find_expressions(expression, kinds=kinds) if kinds else []
    mentions = resolve_mentions(expression, found, lambda _offset: Anchor(published, precision))
    return mentions[0] if mentions else None
