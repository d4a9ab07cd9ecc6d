"""Temporal expressions: find them, then resolve each into an inclusive interval.

Strategy
--------
Every expression is found by one of the named rules of :mod:`data.dates.rules`
(we do not run a generic date search over the prose); each rule is declared
once, with its pattern, trigger words, priority, resolution and examples. Word
lists live in :mod:`data.dates.vocabulary`, the tie policy between overlapping
matches in :mod:`data.dates.matching`, and what carries from one sentence to the
next (:class:`DateContext`) in :mod:`data.dates.resolution`. Each match is resolved
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
* a bracketed date citing a text ('"A quoted title" (January 14)', "(Letters, January
  10)"), an access date in a reference, a title's span of years ("..., 2020-2023.") and
  page furniture (:mod:`data.furniture`: stamps, bylines, sign-offs) are never events;
* durations and vague words ("for years", "now", "recently") give no date;
  "in recent months" and its kin give a wide interval marked ``vague``.

Resolution rules (all intervals inclusive)
------------------------------------------
* bare month: the most recent such month on or before the anchor's month
  (the next one when the clause speaks of the future: "will take effect");
* "last June": the most recent June strictly before the anchor's month;
* "Oct. 24": the most recent such day on or before the anchor;
* weekday ("On Friday", "Last Saturday"): most recent such day on or before;
  "on Friday of last week": that weekday of the week named;
* a weekday before a date ("Mon 1 Nov", "Thursday, December 30"): the year in which that
  day falls on that weekday, nearest the anchor;
* what is coming ("will", "I'll", "We are off on Monday", "takes effect", "reports its
  results on Thursday"): the next such date; dates heading the paragraphs of a list of what
  is coming follow one another ("Thu 18 Nov --" then "Late Nov --");
* a bare month or day after a dated story stays in that story's year when close to it, but
  a story told in order moves forward: it is not read back before the story unless its
  sentence looks back ("had", "earlier") from within the story;
* "last month/year/week", "this month/year", "next year": calendar units;
* "early/mid/late January": days 1-10, 11-20, 21-end (``part-of-month``);
* "early/mid/late 2021": Jan-Apr, May-Aug, Sep-Dec (``part-of-year``);
* "the 1980s": 1980-01-01..1989-12-31 (``decade``).
"""

from data.dates.intervals import Interval, month_end, month_interval
from data.dates.matching import Found, find_expressions, triggers
from data.dates.resolution import DateContext, clause_is_future, resolve, resolve_mentions
from data.dates.rule import Anchor, Rule
from data.dates.rules import RULES

__all__ = [
    "RULES", "Anchor", "DateContext", "Found", "Interval", "Rule", "clause_is_future",
    "find_expressions", "month_end", "month_interval", "resolve", "resolve_mentions", "triggers",
]  # fmt: skip
