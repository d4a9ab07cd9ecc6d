"""Rules for years and their parts: "in 2019", "its 2014 listing", "2019–2021",
"early 2021", "the first half of this year", "Q2", "the quarter ended June 30",
"the first three months of the year",
"the summer of 2020", "the 1980s".

Resolution: early Jan-Apr, mid May-Aug, late Sep-Dec, "the end of" a year its
December; a quarter without a year is the most recent one begun by the anchor, or in a
clause of the future the next one of its number (not its figures: "second-quarter results").
"""

from __future__ import annotations

import re
from datetime import date

from data.dates.intervals import (
    Interval,
    day_in,
    day_number,
    day_on_or_before,
    decade,
    month_end,
    month_number,
    month_of,
    part_of_year,
    shift_month,
    year_of,
)
from data.dates.rule import Rule, Situation
from data.dates.vocabulary import (
    APOS,
    DAY,
    MONTH,
    NOT_NUMBER_AFTER,
    NUMBERS,
    ORDINAL,
    ORDINALS,
    PART_OR_HALF,
    POSSESSIVES,
    REL,
    REL_DELTA,
    SEASON,
    SEASONS,
    YEAR,
    YEAR_CUE,
    one_of,
)
from data.records import Precision

#: A year after a part of it: "2021", "this year", "last year", "that year", "the year".
_A_YEAR = (rf"(?:(?P<year>{YEAR})\b{NOT_NUMBER_AFTER}"
           rf"|(?P<ry>{REL})\s+year\b|(?P<that_year>(?i:that|the\s+same))\s+year\b"
           rf"|(?P<the_year>(?i:the))\s+year\b)")


def _year_of(g: dict, s: Situation) -> int | None:
    """The year :data:`_A_YEAR` matched ("that year": the year of the date just mentioned;
    "the year": the writer's)."""
    if g["year"]:
        return int(g["year"])
    if g["that_year"]:
        return None if s.base is None or s.base.vague else s.base.date_start.year
    return s.day.year + REL_DELTA[g["ry"].lower()] if g["ry"] else s.day.year


def _part_year(g: dict, s: Situation) -> Interval | None:
    year = _year_of(g, s)  # "early that year": the year of the date just mentioned
    if year is None:
        return None
    part = " ".join(g["part"].lower().split())
    if part in ("the end of", "the beginning of", "the start of"):  # a month, not a season
        return month_of(year, 12 if part == "the end of" else 1)
    return Interval(*part_of_year(part, year), Precision.PART_OF_YEAR)


PART_YEAR = Rule(
    "part_year",  # "early 2021", "mid-2021", "the end of 2020", "the first half of this year"
    re.compile(rf"\b(?P<part>{PART_OR_HALF})[\s-]+{_A_YEAR}"),
    needs="year+part unit+part", priority=290, resolve=_part_year,
    examples=(("in early 2021", "2021-08-19", "2021-01-01", "2021-04-30", "part-of-year"),
              ("in late 2020", "2021-08-19", "2020-09-01", "2020-12-31"),
              ("by the end of 2020 the rules applied", "2021-08-19", "2020-12-01", "2020-12-31",
               "month"),
              ("growth of 2.5% in the first half of this year", "2022-08-22", "2022-01-01",
               "2022-06-30"),
              ("before the party congress late next year.", "2021-12-30", "2022-09-01",
               "2022-12-31"),
              ("the mergers of 2015: two rivals combined early that year", "2023-02-17",
               "2015-01-01", "2015-04-30")),
)  # fmt: skip


#: What a quarter's name labels when it is a quarter's figures ("second-quarter results",
#: "Q2 earnings"): the quarter gone by, even when they are still to come out.
_QUARTER_FIGURES = re.compile(r"[\s-]+(?:results|earnings|revenues?|profits?|sales|figures"
                              r"|numbers|growth|report|loss(?:es)?|GDP)\b", re.IGNORECASE)


def _labels_figures(s: Situation) -> bool:
    named = QUARTER.pattern.match(s.text, s.start)
    return bool(named and _QUARTER_FIGURES.match(s.text, named.end()))


def _quarter(g: dict, s: Situation) -> Interval | None:
    q = int(g["q"]) if g["q"] else ORDINALS[g["ord"].lower()]
    stated = g["year2"] if g["q"] else g["year"]
    now = (s.day.month - 1) // 3 + 1
    if stated:
        year = int(stated)
    elif s.future and not _labels_figures(s):
        year = s.day.year if q >= now else s.day.year + 1  # "will ship in the second quarter"
    else:
        year = s.day.year if q <= now else s.day.year - 1
    return Interval(date(year, 3 * q - 2, 1), month_end(year, 3 * q), Precision.QUARTER)


QUARTER = Rule(
    "quarter",  # "the first quarter of 2021", "Q3 2021", "second-quarter"
    re.compile(rf"""(?<!\ba\s)(?<!\bone\s)\b(?:(?:(?i:the)\s+)?(?P<ord>{ORDINAL})
        [\s-]quarter(?:\s+of\s+(?P<year>{YEAR}))?
        | Q(?P<q>[1-4])(?:\s+(?P<year2>{YEAR}))?(?!\s*\d))\b""", re.VERBOSE),
    needs="quarter", priority=280, resolve=_quarter,
    examples=(("in the third quarter of 2021", "2022-02-01", "2021-07-01", "2021-09-30",
               "quarter"),
              ("Tencent reported that second-quarter revenue grew 20%", "2021-08-19",
               "2021-04-01", "2021-06-30"),
              ("Baidu said Q2 revenue rose 20%", "2021-08-19", "2021-04-01", "2021-06-30")),
)  # fmt: skip


def _months_of_year(g: dict, s: Situation) -> Interval | None:
    """The first (or last) months of a year, counted: "the first three months of the year"
    is its first quarter, "the last three months of 2021" its fourth."""
    year = _year_of(g, s)
    if year is None:
        return None
    n = NUMBERS.get(g["n"].lower()) or int(g["n"])
    first = 1 if g["edge"].lower() == "first" else 13 - n
    return Interval(date(year, first, 1), month_end(year, first + n - 1),
                    Precision.QUARTER if n == 3 and first in (1, 4, 7, 10)
                    else Precision.PART_OF_YEAR)


MONTHS_OF_YEAR = Rule(
    "months_of_year",  # "the first three months of the year", "the last six months of 2021"
    re.compile(rf"""\b(?i:the\s+)(?P<edge>(?i:first|last|final))\s+
        (?P<n>(?i:two|three|four|five|six|seven|eight|nine|ten|eleven)|[2-9]|1[01])\s+
        (?i:months)\s+(?i:of)\s+{_A_YEAR}""", re.VERBOSE),
    needs="unit", priority=285, resolve=_months_of_year,
    examples=(("revenue in the first three months of the year", "2022-08-09", "2022-01-01",
               "2022-03-31", "quarter"),
              ("sales in the last six months of 2021", "2022-08-09", "2021-07-01",
               "2021-12-31", "part-of-year")),
)  # fmt: skip


#: The months of a reporting period named by its length: "the quarter", "the six months",
#: "the half-year", "the year" (to a day or a month).
_PERIOD_MONTHS = {"quarter": 3, "three": 3, "3": 3, "six": 6, "6": 6, "half": 6, "nine": 9,
                  "9": 9, "twelve": 12, "12": 12, "year": 12}


def _quarter_ended(g: dict, s: Situation) -> Interval | None:
    """The three months to that day (six, nine or twelve for "the six months", "the half-year",
    "the nine months", "the year"). A quarter "ended" or "to" a day is over: even when its
    results are still to come ("reports results for the quarter to September 30") it is the
    last one so ended; only "ending" may name one still running."""
    month = month_number(g["month"])
    ending = s.future and g["verb"].lower() == "ending"
    if not g["day"]:  # "the quarter to December": to that month's end
        year = int(g["year"]) if g["year"] else s.day.year
        if not g["year"] and (month_end(year, month) > s.day) != ending:
            year += 1 if ending else -1
        end = month_end(year, month)
    elif g["year"]:
        end = day_in(int(g["year"]), month, day_number(g["day"]))
    else:
        end = day_on_or_before(month, day_number(g["day"]), s.day, ending)
    if end is None:
        return None
    months = _PERIOD_MONTHS[g["span"].split()[0].split("-")[0].lower()]
    y, m = shift_month(end.year, end.month, 1 - months)
    return Interval(date(y, m, 1), end,
                    Precision.QUARTER if months == 3 else Precision.PART_OF_YEAR)


QUARTER_ENDED = Rule(
    "quarter_ended",  # the three (six, nine, twelve) months to that day, or to that month's end
    re.compile(rf"\b(?i:the\s+)?(?P<span>(?i:quarter|half[\s-]year|(?:fiscal\s+|financial\s+)?year"
               rf"|(?:three|six|nine|twelve|3|6|9|12)\s+months))\s+"
               rf"(?P<verb>(?i:ended|ending|to|through))\s+"
               rf"(?P<month>{MONTH})(?:\s+(?P<day>{DAY}))?(?:,?\s+(?P<year>{YEAR}))?\b"),
    needs="month+digit month+quarter month+unit", priority=270, resolve=_quarter_ended,
    examples=(("revenue of 205.7 billion yuan in the quarter ended June 30.", "2021-08-20",
               "2021-04-01", "2021-06-30", "quarter"),
              ("Alibaba will report results for the quarter to September 30.",
               "2021-10-29", "2021-07-01", "2021-09-30"),
              ("revenue in the quarter to December rose", "2025-03-10", "2024-10-01",
               "2024-12-31", "quarter"),
              ("figures for the six months to November 30 come later", "2022-01-15",
               "2021-06-01", "2021-11-30", "part-of-year"),
              ("its profit for the year ended March 31 rose", "2021-05-13", "2020-04-01",
               "2021-03-31", "part-of-year")),
)  # fmt: skip


def _month_quarter(g: dict, s: Situation) -> Interval | None:
    """ "the September quarter", "June-quarter results": the three months to that month's end,
    the last such quarter over (the next one in a clause of what is to come)."""
    return _quarter_ended({"month": g["month"], "day": None, "year": g["year"], "span": "quarter",
                           "verb": "ending" if s.future else "to"}, s)


MONTH_QUARTER = Rule(
    "month_quarter",  # "the September quarter", "its December-quarter results"
    re.compile(rf"\b(?:(?i:the)\s+)?(?P<month>{MONTH})(?:\s+|-)(?i:quarter)\b"
               rf"(?:\s+(?i:of)\s+(?P<year>{YEAR})\b)?"),
    needs="month+quarter", priority=265, resolve=_month_quarter,
    examples=(("Alibaba reported results for the September quarter.", "2023-11-19",
               "2023-07-01", "2023-09-30", "quarter"),
              ("its June-quarter revenue rose", "2021-08-20", "2021-04-01", "2021-06-30"),
              ("the December quarter of 2024", "2025-06-01", "2024-10-01", "2024-12-31")),
)  # fmt: skip


def _season(g: dict, s: Situation) -> Interval | None:
    a = s.day
    first, length = SEASONS[(g["season"] or g["season2"] or g["season3"]).lower()]
    if g["year"]:
        year = int(g["year"])
    elif g["season3"]:  # "since the spring": the latest one begun by the anchor
        year = a.year if a.month >= first else a.year - 1
    elif (rel := g["rel"].lower()) == "this":
        year = a.year
    else:  # "last summer": the latest one ended by the anchor; "next": the one after it
        ended = (a.year, a.month) > shift_month(a.year, first, length - 1)
        year = a.year - (0 if ended else 1) + (rel == "next")
    return _season_in(year, first, length)


def _season_in(year: int, first: int, length: int) -> Interval:
    """The season of ``length`` months from month ``first`` of ``year`` (winter runs on)."""
    y2, m2 = shift_month(year, first, length - 1)
    return Interval(date(year, first, 1), month_end(y2, m2), Precision.PART_OF_YEAR)


SEASON_RULE = Rule(
    "season",  # "the summer of 2020", "spring 2021", "last summer", "since the spring"
    re.compile(rf"(?:\b(?i:the)\s+)?\b(?P<season>{SEASON})\s+(?:of\s+)?(?P<year>{YEAR})\b"
               rf"|\b(?P<rel>{REL})\s+(?P<season2>{SEASON})\b"
               rf"|(?:\b(?i:since|in|during|over|by|until)\s+|(?<=\b[Ss]pent\s))the\s+"
               rf"(?P<season3>{SEASON})\b"  # ("spent the spring fining ...": the spring)
               rf"(?!\s+(?:of\s+)?\d)"),
    needs="season", priority=220, resolve=_season,
    examples=(("in the summer of 2020", "2021-03-16", "2020-06-01", "2020-08-31",
               "part-of-year"),
              ("Last summer, regulators struck", "2021-03-16", "2020-06-01", "2020-08-31"),
              ("Since the spring, officials have promised support", "2022-08-22", "2022-03-01",
               "2022-05-31")),
)  # fmt: skip


def _following_season(g: dict, s: Situation) -> Interval | None:
    """ "the following spring": the first such season begun after the date just mentioned."""
    if s.base is None or s.base.vague:
        return None
    first, length = SEASONS[g["season"].lower()]
    base = s.base.date_end
    return _season_in(base.year if first > base.month else base.year + 1, first, length)


FOLLOWING_SEASON = Rule(
    "following_season",
    re.compile(rf"\b(?i:the\s+following)\s+(?P<season>{SEASON})\b(?!\s+(?:of\s+)?\d)"),
    needs="season", priority=221, resolve=_following_season, chained=True,
    examples=(("It launched in the US in September 2022 and in Europe the following spring.",
               "2024-11-01", "2023-03-01", "2023-05-31", "part-of-year"),),
)  # fmt: skip
_DECADE_PARTS = {"early": (0, 3), "mid": (3, 6), "late": (7, 9)}


def _decade(g: dict, s: Situation) -> Interval | None:
    first = last = decade(g["decade"] or g["short"], g["decade"] is None)
    if g["short2"] or g["decade2"]:
        last = decade(g["decade2"] or g["short2"], g["decade2"] is None)
    if last < first:
        return None
    begin, end = 0, last - first + 9
    if g["part"] and last == first:
        begin, end = _DECADE_PARTS[g["part"].lower()]
    return Interval(date(first + begin, 1, 1), date(first + end, 12, 31), Precision.DECADE)


DECADE = Rule(
    "decade",  # "the 1980s", "the early 1990s", "the 1960s and ‘70s", "‘70s"
    re.compile(rf"""(?:\b(?i:the)\s+(?:(?P<part>(?i:early|mid|late))[\s-]+)?)?
        (?:\b(?P<decade>1[89][0-9]0|20[0-9]0)|{APOS}(?P<short>[0-9]0))s\b
        (?:\s+(?:and|to|through)\s+(?:the\s+)?(?:{APOS}(?P<short2>[0-9]0)
        |(?P<decade2>1[89][0-9]0|20[0-9]0))s\b)?""", re.VERBOSE),
    needs="year", priority=80, resolve=_decade,
    examples=(("a member of the party since the 1980s.", "2022-02-01", "1980-01-01",
               "1989-12-31", "decade"),
              ("In the 1960s and ‘70s, Mao's program", "2018-05-02", "1960-01-01",
               "1979-12-31")),
)  # fmt: skip


#: "China's Platforms and the Party, 2020-2023.": a title's span of years after its last
#: capitalised word, closing the sentence, dates the book, not an event.
_TITLE_BEFORE = re.compile(r"\b[A-Z][\w'’-]*,\s*$")
_LINE_END = re.compile(r"\s*(?:\.(?:\s|$)|$|\n)")


def _year_range(g: dict, s: Situation) -> Interval | None:
    end = s.text.find(g["year2"], s.text.find(g["year"], s.start) + 4) + len(g["year2"])
    if _TITLE_BEFORE.search(s.text, max(0, s.start - 40), s.start) and _LINE_END.match(s.text, end):
        return None
    first, second = int(g["year"]), g["year2"]
    last = int(second) if len(second) == 4 else first // 100 * 100 + int(second)
    if not first < last <= first + 50:
        return None
    return Interval(date(first, 1, 1), date(last, 12, 31), Precision.YEAR)


YEAR_RANGE = Rule(
    "year_range",  # "from 2019 to 2021", "2019–2021", "2019-21"
    re.compile(rf"""(?:\b(?i:from|between)\s+)?\b(?P<year>{YEAR})
        (?:\s*[–-]\s*|\s+(?i:to|and|through|until)\s+)(?P<year2>{YEAR}|[0-9]{{2}}(?![\w,.]))
        \b{NOT_NUMBER_AFTER}""", re.VERBOSE),
    needs="year", priority=70, resolve=_year_range,
    examples=(("from 2019 to 2021", "2022-02-01", "2019-01-01", "2021-12-31", "year"),
              ("during 2019–2021 the firms grew", "2022-02-01", "2019-01-01", "2021-12-31")),
)  # fmt: skip


#: "the Trade Act of 1974", "Order No. 5 of 2021": "of" and a year after a name or a number
#: is part of that name; after a common noun it dates ("the pressure of 2021").
_NAME_BEFORE_OF = re.compile(r"(?:\b[A-Z][\w'’-]*|\d\.?)\s+(?i:of)\s+$")


def _year(g: dict, s: Situation) -> Interval | None:
    if (g.get("cue") or "").lower() == "of" and _NAME_BEFORE_OF.search(
            s.text, max(0, s.start - 30), s.start):
        return None
    return year_of(int(g["year"]))


YEAR_RULE = Rule(
    "year",  # "in 2019", "since 2014", "spent 2021"
    re.compile(rf"\b(?P<cue>{YEAR_CUE})[\s-](?P<year>{YEAR})\b{NOT_NUMBER_AFTER}(?!s)"
               rf"(?!\s*[–-]\s*\d)"),
    needs="year", priority=60, resolve=_year,
    examples=(("homemade app Zao became popular in 2019.", "2022-02-01", "2019-01-01",
               "2019-12-31", "year"),
              ("regulators spent 2021 cutting the champions down to size", "2023-09-18",
               "2021-01-01", "2021-12-31"),
              ("a return of the pressure of 2021", "2023-12-22", "2021-01-01", "2021-12-31")),
)  # fmt: skip
YEAR_ADJECTIVE = Rule(
    "year_adjective",  # "its 2014 listing", "a 2021 agreement": the year of that thing
    # (not "the 2021 edition of the list": the name of an edition, not when anything was done)
    re.compile(rf"\b(?P<cue>{one_of([*POSSESSIVES, 'a', 'the'])})\s+(?P<year>{YEAR})\b"
               rf"(?=\s+[a-z])(?!\s+(?:edition|version|vintage)s?\b)"),
    needs="year", priority=50, resolve=_year, lends_year=True,
    examples=(("cheaper than at any time since its 2014 listing", "2021-08-20", "2014-01-01",
               "2014-12-31"),
              ("Didi signed a 2021 agreement with the regulator", "2022-06-13", "2021-01-01",
               "2021-12-31", "year")),
)  # fmt: skip

YEAR_FOR = Rule(
    "year_for",  # "revenue of 174 billion yuan for 2021.", "fell by 90% over 2021,": a
    # reporting year, ending a clause (not "over 2000 staff")
    re.compile(rf"\b(?i:for|over)\s+(?P<year>{YEAR})\b(?=\s*(?:[,.;:)]|$))"),
    needs="year", priority=55, resolve=_year,
    examples=(("The firm reported game revenue of 174.3 billion yuan for 2021.", "2022-04-12",
               "2021-01-01", "2021-12-31", "year"),
              ("Its value fell by 90% over 2021, he wrote.", "2022-01-15", "2021-01-01",
               "2021-12-31", "year")),
)  # fmt: skip

YEAR_HEADING = Rule(
    "year_heading",  # "2013 – Founded in Beijing.": a chronology's line opens with its year
    re.compile(rf"(?P<year>{YEAR})(?=\s*(?:[–—:]|--?)\s+[A-Z])"),
    needs="year", priority=45, resolve=_year, opening=True,
    examples=(("2014 – The app launched.", "2023-01-16", "2014-01-01", "2014-12-31", "year"),),
)  # fmt: skip

COMPANY_YEAR_ADJECTIVE = Rule(
    "company_year_adjective",  # "ByteDance's 2017 purchase", "Tencent's 2016 acquisition": the
    # year of a company's act (not "Tencent's 2021 revenue", a reporting year)
    re.compile(rf"(?<=[A-Za-z][’']s\s)(?P<year>{YEAR})\b(?=\s+(?:[\w-]+\s+)?(?:purchase|acquisition"
               rf"|takeover|merger|buyout|investment|deal|listing|IPO|debut|offering|fine|penalty"
               rf"|ban|probe|investigation|decision|order|agreement|settlement|deregistration"
               rf"|delisting|rectification|attempt|effort|push|campaign|crackdown|law|move)s?\b)"),
    needs="year", priority=51, resolve=_year, lends_year=True,
    examples=(("ByteDance's 2017 purchase of Musical.ly", "2026-01-24", "2017-01-01",
               "2017-12-31", "year"),
              ("its decision on Tencent's 2016 acquisition", "2021-07-29", "2016-01-01",
               "2016-12-31", "year")),
)  # fmt: skip

RULES = (YEAR_FOR, PART_YEAR, QUARTER, MONTHS_OF_YEAR, QUARTER_ENDED, MONTH_QUARTER, SEASON_RULE, FOLLOWING_SEASON, DECADE, YEAR_RANGE, YEAR_RULE,
         YEAR_ADJECTIVE, COMPANY_YEAR_ADJECTIVE, YEAR_HEADING)  # fmt: skip
