"""Where records become pandas DataFrames: the one crossing from records to pandas.

:func:`build_frames` turns a :class:`~data.records.Corpus` into the frames every page
reads. Pure pandas; never imports streamlit. The frames are built once per
process and shared: treat them as read-only.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
import pandas as pd

from data.actors import actor_info, company_aliases
from data.filters import Indexed, search_column
from data.merge import EventGroup, Grouping
from data.records import (
    UNDATED,
    Corpus,
    Event,
    Figure,
    Precision,
    Source,
    public_fields,
    record_columns,
)

#: Columns of the events frame (dated events and undated statements alike): the
#: record's public fields (declared once, in data.records) and ``dated``.
EVENT_COLUMNS = (*public_fields(Event), "dated")
FIGURE_COLUMNS = public_fields(Figure)


@dataclass(frozen=True)
class Frames:
    """The corpus as DataFrames, with the vocabularies the filters offer."""

    events: pd.DataFrame  # dated events, oldest first
    statements: pd.DataFrame  # undated statements, in article order
    figures: pd.DataFrame
    sources: pd.DataFrame  # one row per article, indexed by source id
    texts: dict[str, str]
    companies: tuple[str, ...] = ()
    regulators: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    source_ids: tuple[str, ...] = ()
    problems: tuple[str, ...] = ()
    aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # one real event reported by several sources: event id -> its group
    groups: dict[str, EventGroup] = field(default_factory=dict)
    # how the groups were found, kept to update them when an article is added
    grouping: Grouping | None = field(default=None, compare=False, repr=False)
    # what each source's rows were built from, kept to rebuild only the sources that change
    built_from: dict[str, SourceRecords] = field(default_factory=dict, compare=False, repr=False)

    @cached_property
    def event_ids(self) -> frozenset[str]:
        """Every event's id, dated or not (computed once: the frames are read-only)."""
        return frozenset(self.events["id"].tolist()) | frozenset(self.statements["id"].tolist())

    @cached_property
    def outlets(self) -> pd.Series:
        """Articles per outlet (its name before any " (" or ", "), most first."""
        names = self.sources["outlet"].map(lambda o: str(o).split(" (")[0].split(", ")[0])
        return names.value_counts()

    @cached_property
    def years(self) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
        """The first and last years of the crackdown events (the timeline's default view)
        and of the background ones (None where there are none)."""
        background = (self.events["relevance"] == "background").to_numpy()
        starts, ends = self.events["date_start"].to_numpy(), self.events["date_end"].to_numpy()
        spans = []
        for rows in (~background, background):  # two columns read, no rows copied
            spans.append((pd.Timestamp(starts[rows].min()).year,
                          pd.Timestamp(ends[rows].max()).year) if rows.any() else None)  # fmt: skip
        return spans[0], spans[1]

    @cached_property
    def latest_published(self) -> str:
        """The latest publication date of an article as precisely as it is known: a day
        (``2021-03-16``), or a month (``2022-02``) for an article dated to its month only;
        "" when there is none."""
        if self.sources.empty:
            return ""
        latest = self.sources.loc[self.sources["published"].astype(str).idxmax()]
        shown = str(latest["published"])
        return shown[:7] if latest.get("published_precision") == "month" else shown

    @cached_property
    def reports(self) -> tuple[np.ndarray, np.ndarray]:
        """:func:`reports` of the dated events (by position), worked out once."""
        return reports(self.events["id"].tolist(), self.groups)

    @cached_property
    def indexed(self) -> Indexed:
        """The dated events with their filterable values coded (:class:`data.filters.Indexed`):
        what every view filters and counts, worked out once for these read-only frames."""
        return Indexed(self.events)

    @cached_property
    def statements_indexed(self) -> Indexed:
        """The undated statements' :class:`data.filters.Indexed` (every page lists a view's)."""
        return Indexed(self.statements)

    @cached_property
    def figures_indexed(self) -> Indexed:
        """The money figures' :class:`data.filters.Indexed` (every timeline run offers a
        view's figures for download)."""
        return Indexed(self.figures)


def reports(ids: Iterable[str], groups: dict[str, EventGroup]) -> tuple[np.ndarray, np.ndarray]:
    """Per event id: the number of the real event it reports (the reports one merge group
    joins share one), and how many articles report that real event.

    >>> from data.merge import EventGroup
    >>> group = EventGroup("a1", ("a1", "b7"), ("a", "b"), ())
    >>> [x.tolist() for x in reports(["a1", "c2", "b7"], {"a1": group, "b7": group})]
    [[0, 1, 0], [2, 1, 2]]
    """
    numbers: dict[str, int] = {}
    real, n_sources = [], []
    for ident in ids:
        group = groups.get(ident)
        real.append(numbers.setdefault(group.id if group is not None else ident, len(numbers)))
        n_sources.append(len(group.sources) if group is not None else 1)
    return np.array(real, dtype=np.int64), np.array(n_sources, dtype=np.int64)


def events_frame(events: Iterable[Event]) -> pd.DataFrame:
    """One row per event; dates as ``datetime64``, actors as tuples.

    >>> from datetime import date
    >>> e = Event("001-e1", "001", "Q.", 0, 2, "in July", date(2021, 7, 1),
    ...           date(2021, 7, 31), "month", ("Tencent",), ("SAMR",), "fine")
    >>> df = events_frame([e])
    >>> df.loc[0, "date_end"].date(), df.loc[0, "companies"], bool(df.loc[0, "dated"])
    (datetime.date(2021, 7, 31), ('Tencent',), True)
    """
    events = list(events)
    columns = record_columns(events, Event)
    columns["date_text"] = [e.date_text or "" for e in events]
    columns["precision"] = [Precision(e.precision).value if e.dated else UNDATED for e in events]
    columns["category"] = [e.category or "uncategorised" for e in events]
    columns["dated"] = [e.date_start is not None for e in events]
    df = pd.DataFrame(columns, columns=list(EVENT_COLUMNS), dtype=None if events else object)
    for col in ("date_start", "date_end"):
        df[col] = pd.to_datetime(df[col])
    df["start"] = df["start"].astype("int64")
    df["end"] = df["end"].astype("int64")
    df["dated"] = df["dated"].astype(bool)
    return df


def figures_frame(figures: Iterable[Figure]) -> pd.DataFrame:
    """One row per money figure; ``usd`` as float (US dollars)."""
    figures = list(figures)
    df = pd.DataFrame(record_columns(figures, Figure), columns=list(FIGURE_COLUMNS),
                      dtype=None if figures else object)  # fmt: skip
    for col in ("date_start", "date_end"):
        df[col] = pd.to_datetime(df[col])
    df["market_cap"] = df["market_cap"].astype(bool)
    return df


def sources_frame(sources: Iterable[Source]) -> pd.DataFrame:
    rows = [s.to_dict() for s in sources]
    columns = list(Source.__dataclass_fields__)
    df = pd.DataFrame(rows, columns=columns)
    df["authors"] = df["authors"].map(lambda a: ", ".join(a) if a else "not identified")
    return df.set_index("id", drop=False).sort_index()


def _sorted_names(series: pd.Series) -> tuple[str, ...]:
    """Names in a column of tuples, most frequent first (ties alphabetical)."""
    counts = series.explode().dropna().value_counts()
    return tuple(sorted(counts.index, key=lambda n: (-counts[n], n)))


def build_frames(
    corpus: Corpus,
    aliases: dict[str, tuple[str, ...]] | None = None,
    previous: Frames | None = None,
) -> Frames:
    """All frames for the dashboard, with the filter vocabularies derived from the data.

    With the ``previous`` frames of the same folder, the cross-source groups are
    updated from theirs (a corpus that gained an article regroups only what it
    touches) and only the rows of the sources whose records changed are built; the
    result is the same as building from scratch."""
    if previous is not None and previous.grouping is not None:
        grouping = previous.grouping.update(corpus.events)
    else:
        grouping = Grouping.of(corpus.events)
    aliases = company_aliases() if aliases is None else aliases
    names = {n: (e.full, *e.aliases) for n, e in actor_info().items()} | aliases
    built_from = records_by_source(corpus)
    rows = None
    if previous is not None and previous.built_from and previous.aliases == aliases:
        rows = _rows_updated(previous, built_from, names)
    dated, undated = rows if rows is not None else _rows(built_from.values(), names)
    both = pd.concat([dated, undated], ignore_index=True)
    figures = figures_frame(corpus.figures)
    sources = sources_frame(corpus.sources.values())
    return Frames(
        events=dated,
        statements=undated,
        figures=figures,
        sources=sources,
        texts=dict(corpus.texts),
        companies=_sorted_names(pd.concat([both["companies"], figures["companies"]])),
        regulators=_sorted_names(both["regulators"]),
        categories=tuple(sorted(set(both["category"]))),
        source_ids=tuple(sorted(corpus.sources)),
        problems=tuple(corpus.problems),
        aliases=aliases,  # from data.actors
        groups={m: g for g in grouping.groups for m in g.members},
        grouping=grouping,
        built_from=built_from,
    )


#: One source's (events, statements), in corpus order.
SourceRecords = tuple[tuple[Event, ...], tuple[Event, ...]]


def records_by_source(corpus: Corpus) -> dict[str, SourceRecords]:
    """Each source's events and statements, in corpus order."""
    events: dict[str, list[Event]] = {}
    statements: dict[str, list[Event]] = {}
    for e in corpus.events:
        events.setdefault(e.source, []).append(e)
    for e in corpus.statements:
        statements.setdefault(e.source, []).append(e)
    return {
        s: (tuple(events.get(s, ())), tuple(statements.get(s, ())))
        for s in sorted(events.keys() | statements.keys())
    }


def _rows(parts: Iterable[SourceRecords], names) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The dated and undated frames of these sources' records, sorted, searchable."""
    parts = list(parts)
    dated = events_frame(e for events, _ in parts for e in events if e.date_start is not None)
    undated = events_frame([
        *(e for _, statements in parts for e in statements),
        *(e for events, _ in parts for e in events if e.date_start is None),
    ])  # fmt: skip
    dated = dated.sort_values(["date_start", "date_end", "source", "start"], kind="stable")
    dated = dated.reset_index(drop=True)
    undated = undated.sort_values(["source", "start"], kind="stable").reset_index(drop=True)
    dated["search"] = search_column(dated, names)  # what ?q= reads: quote, names, aliases
    undated["search"] = search_column(undated, names)
    return dated, undated


def _rows_updated(
    previous: Frames, built_from: dict[str, SourceRecords], names
) -> tuple[pd.DataFrame, pd.DataFrame] | None:
    """The frames of ``built_from`` from the ``previous`` ones: the rows of the sources
    whose records are unchanged are kept, only the others are built (an article added,
    edited or removed); the same frames as :func:`_rows` of everything. None when much
    changed (or nothing would be kept): then everything is built."""
    old = previous.built_from
    changed = {s for s in built_from.keys() | old.keys() if built_from.get(s) != old.get(s)}
    if len(changed) * 4 > len(built_from) + 1:
        return None
    new_dated, new_undated = _rows((built_from[s] for s in sorted(changed) if s in built_from), names)
    out = []
    for kept, new, keys in (
        (previous.events, new_dated, ["date_start", "date_end", "source", "start"]),
        (previous.statements, new_undated, ["source", "start"]),
    ):
        kept = kept[~kept["source"].isin(changed)]
        if kept.empty:
            return None
        rows = pd.concat([kept, new], ignore_index=True) if len(new) else kept
        out.append(rows.sort_values(keys, kind="stable").reset_index(drop=True))
    return out[0], out[1]
