"""One real event, several sources: group dated events that report the same thing.

Strategy: two dated events are the same real event when they come from
different articles, fall in the same category, have overlapping intervals of at
most a month's precision (a year or a decade is too coarse to tell two events
apart), and share a named company, a named state actor, or most of their
content words ("draft of the Personal Information Protection Law"). Groups are
the connected components of that relation (union-find), so a chain of such
reports is one group.

False-positive policy: vague dates never group; the unspecified Chinese
government is not a shared actor (every other sentence names it).

A group's *disagreements* are the differing date readings of its members, each
with the source that gives it, so a user sees where the articles part ways.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from data.actors import UNSPECIFIED
from data.records import SPECIFIC, Event, Precision
from data.text import tokens

#: Precisions fine enough to tell one event from another.
GROUPABLE = SPECIFIC
#: Share of the shorter sentence's content words two reports must have in common.
MIN_WORD_OVERLAP = 0.3
_STOPWORDS = """a an the and or of in on at to for from by with as is was were be been has have had
    it its this that these those which who whom their his her they he she we our you your
    after before over under into about than then also not no but if so such said says
    china chinese s last month year week day days months years"""
STOPWORDS = frozenset(_STOPWORDS.split())


@dataclass(frozen=True, slots=True)
class EventGroup:
    id: str  # the id of its earliest member
    members: tuple[str, ...]  # event ids, oldest first
    sources: tuple[str, ...]
    disagreements: tuple[str, ...]  # e.g. "2020-10 (month) in 001; 2020-10-15 (day) in 004"


def _content(event: Event) -> frozenset[str]:
    return frozenset(
        w for w in tokens(event.quote) if w.islower() and w not in STOPWORDS and not w.isdigit()
    )


@dataclass(frozen=True, slots=True)
class _Report:
    """What the grouping compares of one dated event, computed once per event."""

    event: Event
    rank: int  # the precision's rank: finer pairs are joined first
    companies: frozenset[str]
    bodies: frozenset[str]  # state actors, without the unspecified government
    words: frozenset[str]

    @classmethod
    def of(cls, e: Event) -> _Report:
        return cls(e, Precision(e.precision).rank, frozenset(e.companies),
                   frozenset(e.regulators) - {UNSPECIFIED}, _content(e))  # fmt: skip


def _same_event(a: _Report, b: _Report) -> bool:
    """Two reports of one event (their categories and intervals already agree)."""
    if a.event.source == b.event.source:
        return False
    if not a.companies.isdisjoint(b.companies) or not a.bodies.isdisjoint(b.bodies):
        return True
    shorter = min(len(a.words), len(b.words))
    return shorter > 0 and len(a.words & b.words) / shorter >= MIN_WORD_OVERLAP


def _reading(event: Event) -> str:
    if event.precision == Precision.MONTH:
        when = f"{event.date_start:%Y-%m}"
    elif event.date_start == event.date_end:
        when = event.date_start.isoformat()
    else:
        when = f"{event.date_start.isoformat()} to {event.date_end.isoformat()}"
    return f"{when} ({event.precision}, “{event.date_text}”) in {event.source}"


def _candidate_pairs(dated: Sequence[_Report]) -> list[tuple[int, Event, Event]]:
    """Pairs of same-category events whose intervals overlap and that report one event,
    each with the sum of their precision ranks (finer pairs are joined first)."""
    by_category: dict[str, list[_Report]] = defaultdict(list)
    for r in dated:
        by_category[r.event.category].append(r)
    pairs: list[tuple[int, Event, Event]] = []
    for bucket in by_category.values():  # a sweep: only intervals still open can overlap
        active: list[_Report] = []
        for r in bucket:
            start = r.event.date_start
            active = [a for a in active if a.event.date_end >= start]
            pairs += [(a.rank + r.rank, a.event, r.event) for a in active
                      if a.event.date_start <= r.event.date_end and _same_event(a, r)]  # fmt: skip
            active.append(r)
    return pairs


def group_events(events: Sequence[Event]) -> list[EventGroup]:
    """The groups of two or more reports of one real event.

    >>> from datetime import date
    >>> def ev(i, src, text, start, end, prec, comps=(), regs=()):
    ...     return Event(i, src, text, 0, len(text), "in October", start, end, prec, comps,
    ...                  regs, "data and privacy law")
    >>> a = ev("a", "001", "In October, the NPC released a draft of the Personal Information "
    ...        "Protection Law.", date(2020, 10, 1), date(2020, 10, 31), "month", regs=("NPC",))
    >>> b = ev("b", "004", "Last October, the government unveiled a draft of the Personal "
    ...        "Information Protection Law.", date(2020, 10, 1), date(2020, 10, 31), "month")
    >>> [(g.members, g.sources) for g in group_events([a, b])]
    [(('a', 'b'), ('001', '004'))]
    """
    dated = sorted(
        (e for e in events if e.date_start is not None and e.precision in GROUPABLE),
        key=lambda e: (e.date_start, e.id),
    )
    parent = {e.id: e.id for e in dated}
    days = {e.id: {e.date_start} if e.precision == Precision.DAY else set() for e in dated}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    pairs = _candidate_pairs([_Report.of(e) for e in dated])
    # Finest pairs first, and never a group whose exact days lie more than a day apart:
    # "in June" must not chain the listing on June 30 to the review on July 2.
    for _, a, b in sorted(pairs, key=lambda p: p[0]):
        ra, rb = find(a.id), find(b.id)
        if ra == rb:
            continue
        joined = days[ra] | days[rb]
        if joined and (max(joined) - min(joined)).days > 1:
            continue
        parent[rb] = ra
        days[ra] = joined

    members: dict[str, list[Event]] = defaultdict(list)
    for e in dated:
        members[find(e.id)].append(e)
    groups = []
    for group in members.values():
        if len(group) < 2:
            continue
        readings = {(e.date_start, e.date_end): e for e in group}
        disagreements = tuple(_reading(e) for e in readings.values()) if len(readings) > 1 else ()
        groups.append(EventGroup(
            id=group[0].id,
            members=tuple(e.id for e in group),
            sources=tuple(sorted({e.source for e in group})),
            disagreements=disagreements,
        ))  # fmt: skip
    return groups
