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
from collections.abc import Iterable, Sequence
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
    return Grouping.of(events).groups


def _groupable(events: Iterable[Event]) -> list[Event]:
    return sorted(
        (e for e in events if e.date_start is not None and e.precision in GROUPABLE),
        key=lambda e: (e.date_start, e.id),
    )


def _find(parent: dict[str, str], x: str) -> str:
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x


def _group(dated: list[Event], reports: dict[str, _Report]):
    """The groups of ``dated`` (sorted by date, then id) by the label of their component
    in the graph of candidate pairs, and every event's label."""
    parent = {e.id: e.id for e in dated}
    linked = dict(parent)  # the candidate graph's components, whatever the days say
    days = {e.id: {e.date_start} if e.precision == Precision.DAY else set() for e in dated}
    pairs = _candidate_pairs([reports[e.id] for e in dated])
    for _, a, b in pairs:
        la, lb = _find(linked, a.id), _find(linked, b.id)
        if la != lb:
            linked[lb] = la
    # Finest pairs first, and never a group whose exact days lie more than a day apart:
    # "in June" must not chain the listing on June 30 to the review on July 2.
    for _, a, b in sorted(pairs, key=lambda p: p[0]):
        ra, rb = _find(parent, a.id), _find(parent, b.id)
        if ra == rb:
            continue
        joined = days[ra] | days[rb]
        if joined and (max(joined) - min(joined)).days > 1:
            continue
        parent[rb] = ra
        days[ra] = joined

    members: dict[str, list[Event]] = defaultdict(list)
    for e in dated:
        members[_find(parent, e.id)].append(e)
    groups: dict[str, list[EventGroup]] = defaultdict(list)
    for group in members.values():
        if len(group) < 2:
            continue
        readings = {(e.date_start, e.date_end): e for e in group}
        disagreements = tuple(_reading(e) for e in readings.values()) if len(readings) > 1 else ()
        groups[_find(linked, group[0].id)].append(EventGroup(
            id=group[0].id,
            members=tuple(e.id for e in group),
            sources=tuple(sorted({e.source for e in group})),
            disagreements=disagreements,
        ))  # fmt: skip
    return dict(groups), {e.id: _find(linked, e.id) for e in dated}


def _by_source(dated: list[Event]) -> dict[str, tuple[Event, ...]]:
    out: dict[str, list[Event]] = defaultdict(list)
    for e in dated:
        out[e.source].append(e)
    return {s: tuple(es) for s, es in out.items()}


def _labels_paired_with(new, kept, reports, label) -> set[str]:
    """The components of ``kept`` events (sorted by start) that have a candidate pair
    with a ``new`` event."""
    by_category: dict[str, list[Event]] = defaultdict(list)
    for e in kept:
        by_category[e.category].append(e)
    found: set[str] = set()
    for n in new:
        rn = reports[n.id]
        for e in by_category.get(n.category, ()):
            if e.date_start > n.date_end:
                break  # sorted by start: no later one overlaps
            if e.date_end >= n.date_start and label[e.id] not in found and _same_event(
                reports[e.id], rn
            ):
                found.add(label[e.id])
    return found


@dataclass(frozen=True)
class Grouping:
    """The groups of a corpus's events, kept so that a corpus that gained, lost or
    changed a few articles regroups only what those can touch.

    Two reports can only be joined within one component of the graph of candidate
    pairs (same category, overlapping intervals, a shared actor or most words), and the
    joins inside a component depend on nothing outside it. So :meth:`update` keeps
    every component that neither held an event of a changed article nor has a
    candidate pair with a new event, and groups the rest afresh: the result is the
    grouping from scratch (``tests/test_merge.py`` checks it on random changes)."""

    by_source: dict[str, tuple[Event, ...]]  # each source's groupable events
    label: dict[str, str]  # event id -> the label of its component
    groups_by_label: dict[str, list[EventGroup]]
    reports: dict[str, _Report]

    @classmethod
    def of(cls, events: Iterable[Event]) -> Grouping:
        dated = _groupable(events)
        reports = {e.id: _Report.of(e) for e in dated}
        groups, label = _group(dated, reports)
        return cls(_by_source(dated), label, groups, reports)

    @property
    def groups(self) -> list[EventGroup]:
        """Ordered by each group's earliest member, as a regrouping from scratch is."""
        first = {e.id: (e.date_start, e.id) for es in self.by_source.values() for e in es}
        every = [g for gs in self.groups_by_label.values() for g in gs]
        return sorted(every, key=lambda g: first[g.id])

    def update(self, events: Iterable[Event]) -> Grouping:
        """The grouping of ``events``, reusing this one's untouched components."""
        dated = _groupable(events)
        by_source = _by_source(dated)
        changed = {s for s in by_source.keys() | self.by_source.keys()
                   if by_source.get(s) != self.by_source.get(s)}  # fmt: skip
        if not changed:
            return self
        if len(changed) * 4 > len(by_source) + 1:  # much changed: regroup everything
            return Grouping.of(dated)
        kept = [e for e in dated if e.source not in changed]
        new = [e for e in dated if e.source in changed]
        reports = {e.id: self.reports[e.id] for e in kept}
        reports.update((e.id, _Report.of(e)) for e in new)
        touched = {self.label[e.id] for s in changed for e in self.by_source.get(s, ())}
        touched |= _labels_paired_with(new, kept, reports, self.label)
        regroup = sorted([*(e for e in kept if self.label[e.id] in touched), *new],
                         key=lambda e: (e.date_start, e.id))  # fmt: skip
        groups, label = _group(regroup, reports)
        keep = {k: gs for k, gs in self.groups_by_label.items() if k not in touched}
        labels = {e.id: self.label[e.id] for e in kept if self.label[e.id] not in touched}
        return Grouping(by_source, labels | label, keep | groups, reports)
