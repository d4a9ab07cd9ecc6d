"""The words dates are made of, typed once; every regex fragment is built from them.

Each table maps a word (lower case) to what it means. :func:`one_of` turns a
table into a regex alternation, longest word first, so a pattern never spells a
word list out by hand: add a word here and every rule that uses the table
knows it. In the spirit of HeidelTime's resources (``%reMonthLong``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")  # fmt: skip
#: Abbreviations, written with or without a full stop ("Oct." or "Oct").
MONTH_ABBREVIATIONS = {"Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8,
                       "Sept": 9, "Sep": 9, "Oct": 10, "Nov": 11, "Dec": 12}  # fmt: skip
#: month word (lower case, no dot) -> month number
MONTHS = {name.lower(): n for n, name in enumerate(MONTH_NAMES, 1)} | {
    abbr.lower(): n for abbr, n in MONTH_ABBREVIATIONS.items()
}
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKDAYS = {name.lower(): n for n, name in enumerate(WEEKDAY_NAMES)}
#: Short weekday names, as calendars and stamps write them before a date ("Mon 1 Nov").
WEEKDAY_ABBREVIATIONS = {"Mon": 0, "Tue": 1, "Tues": 1, "Wed": 2, "Thu": 3, "Thur": 3,
                         "Thurs": 3, "Fri": 4, "Sat": 5, "Sun": 6}  # fmt: skip
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
#: Parts of a day: "this afternoon" is the anchor's day, "that morning" the day in context.
DAY_PARTS = ("morning", "afternoon", "evening", "night")
#: Things a story dates once and then points back to: "Responding to the press conference,
#: it said on the same day" is the day of the press conference.
EVENT_NOUNS = ("press conference", "news conference", "conference", "briefing", "meeting",
               "hearing", "speech", "summit", "session", "interview", "announcement", "ruling",
               "listing", "debut", "inspection", "forum", "talks", "inquiry", "investigation",
               "probe", "launch", "rule")  # fmt: skip
#: The words that tell such a thing in the sentence it was dated in, where they are not its
#: noun ("the meeting" told as "regulators summoned Tencent", "the inquiry" as "opened an
#: investigation").
EVENT_NOUN_WORDS = {
    "meeting": ("meeting", "met ", "summon", "talks", "called in"),
    "inquiry": ("inquiry", "investigation", "probe", "assessment"),
    "investigation": ("investigation", "inquiry", "probe"),
    "probe": ("probe", "investigation", "inquiry"),
    "ruling": ("ruling", "ruled"),
    "announcement": ("announcement", "announced"),
    "listing": ("listing", "listed", "debut"),
    "debut": ("debut", "listed", "listing"),
    "launch": ("launch", "opened", "released", "unveiled", "rolled out", "introduced", "debut"),
    "rule": ("rule",),
}
#: Verbs of a timetable told in the present: "markets close early on Friday", "the rules
#: change on 1 August", "who turns 60 in October" speak of the next such date.
SCHEDULE_VERBS = ("close", "open", "reopen", "resume", "change", "turn", "expire", "lapse", "start",
                  "begin", "end", "follow", "meet", "convene")
#: What follows "we are" / "I am" when the writer tells a plan of their own: "We are off on
#: Monday", "I am flying to Shanghai on Friday", "we're back on January 8".
PLAN_WORDS = ("off", "away", "back", "closed", "out", "going", "travelling", "traveling",
              "flying", "heading", "visiting", "meeting", "hosting", "publishing", "taking",
              "launching", "leaving", "returning")  # fmt: skip
#: Spellings that show a British (day-first) writer, for slashed dates that do not show
#: their order themselves.
BRITISH_SPELLINGS = ("programme", "centre", "behaviour", "favour", "labour", "organisation",
                     "colour", "licence", "defence", "catalogue", "honour")  # fmt: skip
#: Calendar units a relative expression counts in.
UNITS = ("day", "week", "month", "year")
#: Which part of a month (or year) a cue names: "the beginning of June" is early June.
PART_CUES = {
    "early": "early", "the beginning of": "early", "the start of": "early",
    "mid": "mid", "the middle of": "mid",
    "late": "late", "the end of": "late",
}  # fmt: skip
#: Halves of a year, as (first month, last month).
HALVES = {"the first half of": (1, 6), "the second half of": (7, 12)}
#: Prepositions and modifiers after which a capitalised month name is a date ("in July").
MONTH_CUES = ("in", "since at least", "since", "by", "until", "till", "through", "throughout", "during", "from",
              "of", "before", "after", "on", "between", "and", "to", "or", "around", "as of",
              "spent", "spend", "spends",  # "who spent December humbling Alibaba"
              *REL_DELTA, *PART_CUES)  # fmt: skip
#: Verbs that take a span of time as their object: "regulators spent 2021 cutting...".
TIME_VERBS = ("spent", "spend", "spends", "began", "begins", "ended", "ends", "started",
              "starts", "entered", "enters", "saw", "sees", "remember", "remembers",
              "remembered", "recall", "recalls", "recalled")  # fmt: skip
#: Words right before which a bare year is a date ("in 2019", "spring 2021", "spent 2021").
YEAR_CUES = tuple(c for c in MONTH_CUES if c not in ("on", "or", *REL_DELTA)) + (
    *SEASONS, *TIME_VERBS)
#: Determiners before a month or a year used as an adjective ("its 2014 listing").
POSSESSIVES = ("its", "their", "his", "her")
#: Cue words that license a date but are not part of its text (conjunctions,
#: determiners, verbs): "July and August", "its February peak", "spent 2021".
CUES_NOT_IN_TEXT = frozenset({"and", "to", "or", "of", "between", *POSSESSIVES, "the",
                              *TIME_VERBS, "a"})  # fmt: skip
#: How far back a vague expression reaches from its anchor, in days.
VAGUE_REACH = {"day": 14, "week": 60, "month": 183, "year": 5 * 365}
#: Words that make a sentence worth a look, by kind; a rule needs some kinds.
TRIGGER_KINDS = {
    "month": tuple(MONTHS),
    "weekday": (*WEEKDAYS, "weekend"),
    "wdabbr": tuple(a.lower() for a in WEEKDAY_ABBREVIATIONS),  # "Mon 1 Nov"
    "season": tuple(SEASONS),
    # a holiday's longest word: "christmas", "year" (New Year's Day), "singles"...
    "holiday": tuple({max(re.findall("[a-z]+", name), key=len) for name in HOLIDAYS}),
    "unit": (*UNITS, *(u + "s" for u in UNITS)),
    "quarter": ("quarter", "q1", "q2", "q3", "q4"),
    "ago": ("ago",),
    "later": ("later", "earlier", "afterward", "afterwards"),
    "seq": ("next", "following", "previous", "preceding", "before", "after"),
    "part": ("early", "mid", "late", "end", "beginning", "start", "middle", "half"),
    "vague": ("recent", "past", "last"),
    "yesterday": ("yesterday", "tomorrow"),
    "daypart": (*DAY_PARTS, "today", "tonight"),
}


def one_of(words: Iterable[str], *, ignore_case: bool = True, space: str = r"\ ",
           suffix: str = "") -> str:
    r"""A regex alternation of ``words``, longest first (so "Christmas Eve" wins over
    "Christmas"); a space matches ``space``, an apostrophe either apostrophe, and every
    word may be followed by ``suffix``.

    The alternation is written as a trie of the words ("th(?:is|e\\ end\\ of)"): at each
    character only one branch can go on, where a flat list of thirty cues made the
    matcher try all thirty at every word. It matches exactly what the flat list matches,
    in the same order of preference (a longer word before its own prefix), so every
    match and every group is the same (tests/test_date_rules.py checks the two).

    >>> one_of(["in", "as of"])
    '(?i:as\\ of|in)'
    >>> one_of(["Jan", "January"], ignore_case=False, suffix=r"\.?")
    '(?:Jan(?:uary\\.?|\\.?))'
    >>> one_of(["this", "the end of", "to"])
    '(?i:t(?:h(?:e\\ end\\ of|is)|o))'
    >>> one_of(["through", "throughout"])
    '(?i:through(?:out)?)'
    """
    unique = sorted(set(words), key=lambda w: (-len(w), w))
    if _trie_safe(unique):
        body = "|".join(_branches(unique, space, suffix, ignore_case))
    else:
        body = "|".join(_piece(w, space) + suffix for w in unique)
    return ("(?i:" if ignore_case else "(?:") + body + ")"


def _piece(text: str, space: str) -> str:
    return re.escape(text).replace(r"\ ", space).replace("'", "[’']")


def _trie_safe(words: list[str]) -> bool:
    """A trie keeps the flat list's matches only where two branches never match the same
    character: ASCII words, no two differing only in case, no "’" (an "'" matches it)."""
    return all(w.isascii() for w in words) and len({w.lower() for w in words}) == len(words)


def _branches(words: list[str], space: str, suffix: str, ignore_case: bool) -> list[str]:
    """The alternatives of a trie node: one per next character (in a case-insensitive
    alternation "T" and "t" are one), longer words first, then the word that ends here
    (as in the flat list, where a word comes before its own prefixes)."""
    children: dict[str, list[str]] = {}
    for w in words:
        if w:
            children.setdefault(w[0].lower() if ignore_case else w[0], []).append(w)
    out = [
        _piece(group[0][0], space) + _node([w[1:] for w in group], space, suffix, ignore_case)
        for group in children.values()
    ]
    if "" in words:
        out.append(suffix)  # "" when there is no suffix: the node is optional
    return out


def _node(words: list[str], space: str, suffix: str, ignore_case: bool) -> str:
    branches = _branches(words, space, suffix, ignore_case)
    if len(branches) == 1:
        return branches[0]
    if branches[-1] == "":
        return "(?:" + "|".join(branches[:-1]) + ")?"
    return "(?:" + "|".join(branches) + ")"


def capitalised(phrase: str) -> str:
    """ "new year's day" -> "New Year's Day" (each word's first letter)."""
    return " ".join(w[:1].upper() + w[1:] for w in phrase.split())


# Fragments every rule builds on.
MONTH = "(?:" + one_of(MONTH_NAMES, ignore_case=False)[3:-1] + "|" + one_of(
    MONTH_ABBREVIATIONS, ignore_case=False, suffix=r"\.?")[3:-1] + ")"
DAY = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:1[89][0-9]{2}|20[0-9]{2})"
NUM = "(?:" + one_of(NUMBERS)[4:-1] + r"|\d{1,2})"
APOS = r"[’'‘]"
REL = one_of(REL_DELTA)
UNIT = "(?:" + "|".join(UNITS) + ")"
SEASON = one_of(SEASONS)
WEEKDAY = one_of(WEEKDAY_NAMES, ignore_case=False)
#: A weekday written before a date it names ("Mon 1 Nov", "Thursday, December 30"): it says
#: which year's such day is meant.
WEEKDAY_WORD = rf"(?:{WEEKDAY[3:-1]}|{one_of(WEEKDAY_ABBREVIATIONS, ignore_case=False)[3:-1]})"
WEEKDAY_BEFORE = rf"(?:(?P<wd>{WEEKDAY_WORD})\.?,?\s+)"
ORDINAL = one_of(ORDINALS)
PART = one_of(PART_CUES)
PART_OR_HALF = one_of([*PART_CUES, *HALVES])
MONTH_CUE = one_of(MONTH_CUES)
YEAR_CUE = one_of(YEAR_CUES)
POSSESSIVE = one_of(POSSESSIVES)
HOLIDAY = one_of([capitalised(h) for h in HOLIDAYS], ignore_case=False, space=r"\s+")
# "in April last year", "June 30 this year": the year is stated relatively.
REL_YEAR = rf"(?:,?\s+(?:of\s+)?(?P<ry>{REL})\s+year\b(?![’']s))"
# "in October (of) the same year", "August 31 that year": the year of the date just mentioned.
SAME_YEAR = r"(?:,?\s+(?:of\s+)?(?P<sy>(?i:the\s+same|that))\s+year\b(?![’']s))"
# Not the start of a bigger number or an amount: "2021 percent", "2021.5".
NOT_NUMBER_AFTER = r"(?![\d,.]*\d)(?!\s*(?:%|percent|per\ cent|billion|million|trillion))"
