"""One date rule, declared once: its name, pattern, trigger words, priority,
resolution and examples (in the spirit of HeidelTime's rule files).

A rule module declares each rule as ``Rule(...)`` right after the function that
resolves it; :mod:`data.dates.registry` gathers them. Adding a rule touches one
place: see the README's "How to extend".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from data.dates.intervals import Interval
from data.records import DateMention


@dataclass(frozen=True, slots=True)
class Anchor:
    """The date relative expressions resolve against."""

    day: date
    precision: str = "day"  # "day" or "month"


@dataclass(frozen=True, slots=True)
class Situation:
    """What a rule's resolution may look at besides its match."""

    anchor: Anchor
    base: DateMention | None  # the date a chained expression counts from
    future: bool  # the clause speaks of the future ("will take effect on...")
    text: str  # the whole text the match is in
    start: int  # where the expression starts in it

    @property
    def day(self) -> date:
        return self.anchor.day

    @property
    def day_known(self) -> bool:
        """Is the anchor a day (not just a month), so weekdays and weeks can resolve?"""
        return self.anchor.precision == "day"


#: (text, publication date, first day, last day[, precision]); the text's last date
#: expression is the rule's.
Example = tuple[str, ...]
Resolver = Callable[[dict, Situation], Interval | None]


@dataclass(frozen=True, slots=True)
class Rule:
    """A named date pattern and how to resolve what it matches.

    ``needs`` lists the trigger kinds (:data:`~data.dates.vocabulary.TRIGGER_KINDS`,
    plus "digit" and "year") a sentence must have for the rule to run: alternatives
    separated by spaces, each the kinds joined by "+" ("month+digit quarter").
    ``priority`` breaks ties between matches of equal span (higher wins).
    """

    name: str
    pattern: re.Pattern[str]
    needs: str
    priority: int
    resolve: Resolver
    examples: tuple[Example, ...]
    chained: bool = False  # counts from the date just mentioned ("two days later")
    chain_unit: str = "month"  # the unit it counts in when its match names none
    yearless: bool = False  # may borrow the year stated earlier in its sentence
    name_guard: bool = False  # followed by a capitalised word it is a name ("March Madness")
    lends_year: bool = False  # its year frames the rest of its clause ("a 2021 deal in March")
    ahead: bool = False  # counts from the date that follows it ("two days after ... on June 30")
    anaphor: bool = False  # names a day already told ("the same day"): the thing it names says which
    opening: bool = False  # matches only where the text searched (a sentence) begins
    alternatives: tuple[frozenset[str], ...] = field(init=False)  # ``needs``, parsed

    def __post_init__(self) -> None:
        alternatives = tuple(frozenset(alt.split("+")) for alt in self.needs.split())
        object.__setattr__(self, "alternatives", alternatives)
