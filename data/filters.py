"""The view as a URL: query parameters <-> filters, filtering the frames, the sentence.

Pure Python and pandas; never imports streamlit. Each link parameter is
declared once in :data:`data.params.PARAMS`; everything here loops over that
list (see the README, "Sharing a view", for the table of parameters).

Policy: a value that is unknown, malformed, too long, or given several times
where one is expected is dropped with a notice (a plain sentence in
:attr:`Parsed.notices`) and the rest of the link still applies.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

import numpy as np
import pandas as pd

from data.params import (  # noqa: F401 - re-exported: the UI and tests read them here
    BY_KEY,
    DATE_MAX,
    DATE_MIN,
    GROUPS,
    KINDS,
    MAX_VALUE_CHARS,
    PARAMS,
    RELEVANCE,
    Dropped,
    any_of,
    date_phrase,
    naming,
    parse_date,
    shown,
)

#: Query parameters Streamlit itself uses; never reported as unknown.
STREAMLIT_KEYS = ("embed", "embed_options")
MAX_VALUES = 50


@dataclass(frozen=True)
class Vocabulary:
    """The values a link may name, all derived from the corpus."""

    companies: Sequence[str] = ()
    regulators: Sequence[str] = ()
    kinds: Sequence[str] = KINDS
    categories: Sequence[str] = ()
    sources: Sequence[str] = ()
    events: frozenset[str] = frozenset()
    groups: Sequence[str] = GROUPS
    relevance: Sequence[str] = RELEVANCE

    def options(self, key: str) -> Sequence[str]:
        """The values parameter ``key`` may take (empty for free text and dates)."""
        name = BY_KEY[key].options
        return getattr(self, name) if name else ()


@dataclass(frozen=True)
class Filters:
    """What the user asked to see: one field per :data:`~data.params.PARAMS` entry."""

    company: tuple[str, ...] = ()
    regulator: tuple[str, ...] = ()
    kind: tuple[str, ...] = ()
    category: tuple[str, ...] = ()
    source: tuple[str, ...] = ()
    date_from: date | None = None
    date_to: date | None = None
    q: str = ""
    background: str = "hidden"
    event: str = ""
    article: str = ""
    group: str = "company"

    @property
    def active(self) -> bool:
        """True when anything narrows the events (the selection does not)."""
        return any(p.narrows and getattr(self, p.field) != p.default for p in PARAMS)

    @property
    def scope(self) -> Filters:
        """The view as far as which events it holds: what filters no event (the selected
        event, the chart's grouping, the article shown) left at its default. A view's
        count and facet counts are the same for every event picked in it.

        >>> Filters(company=("Tencent",), event="001-a", group="regulator").scope
        Filters(company=('Tencent',), regulator=(), kind=(), category=(), source=(), \
date_from=None, date_to=None, q='', background='hidden', event='', article='', group='company')
        """
        return replace(self, **{p.field: p.default for p in PARAMS if not p.filters})

    def to_params(self) -> dict[str, list[str]]:
        """The canonical query parameters of this view (defaults left out).

        >>> Filters(company=("Tencent",), date_from=date(2020, 1, 1)).to_params()
        {'company': ['Tencent'], 'from': ['2020-01-01']}
        """
        out: dict[str, list[str]] = {}
        for p in PARAMS:
            value = getattr(self, p.field)
            if value != p.default:
                out[p.key] = [p.text(v) for v in value] if p.repeated else [p.text(value)]
        return out


@dataclass(frozen=True)
class Parsed:
    filters: Filters
    notices: tuple[str, ...] = ()
    #: True when the link said something other than the canonical form of ``filters``
    #: (a value dropped or its case corrected): the UI must rewrite its state.
    corrected: bool = False
    keys: frozenset[str] = field(default_factory=frozenset)


def parse_params(params: Mapping[str, Sequence[str] | str], vocab: Vocabulary) -> Parsed:
    """Read a link's query parameters into :class:`Filters`, dropping what is not valid.

    >>> v = Vocabulary(companies=["Tencent", "Alibaba"], regulators=["SAMR"])
    >>> p = parse_params({"company": ["tencent", "Nope"], "from": ["2020-13-01"]}, v)
    >>> p.filters.company, p.filters.date_from, p.corrected
    (('Tencent',), None, True)
    >>> [n.split(":")[0] for n in p.notices]
    ['Unknown company “Nope” ignored.', 'Malformed date for “from” ignored']
    """
    notices: list[str] = []
    corrected = False
    values: dict[str, object] = {}
    for key, raw in params.items():
        raw_list = [raw] if isinstance(raw, str) else list(raw)
        if key in STREAMLIT_KEYS:
            continue
        p = BY_KEY.get(key)
        if p is None:
            notices.append(f"Unknown link parameter {shown(key)} ignored.")
            corrected = True  # the address bar must lose the key the notice calls ignored
            continue
        if not p.repeated and len(raw_list) > 1:
            notices.append(
                f"Parameter {shown(key)} was given {len(raw_list)} times but takes one value:"
                " all were ignored."
            )
            corrected = True
            continue
        kept = []
        for value in raw_list[:MAX_VALUES]:
            value = str(value)
            result = None
            if len(value) > MAX_VALUE_CHARS:
                notices.append(
                    f"A {len(value):,}-character value for {shown(key)} was too long and ignored."
                )
            elif value.strip():
                try:
                    result = p.parse(value, vocab.options(key))
                except Dropped as exc:
                    notices.append(str(exc))
            if result is not None and result not in kept:
                kept.append(result)
            if result is None or p.text(result) != value:
                corrected = True
        if len(raw_list) > MAX_VALUES:
            notices.append(f"Only the first {MAX_VALUES} values of {shown(key)} were read.")
            corrected = True
        if kept:
            values[p.field] = tuple(kept) if p.repeated else kept[0]
    start, end = values.get("date_from"), values.get("date_to")
    if start and end and start > end:
        notices.append(f"The date range starts ({start}) after it ends ({end}): both were ignored.")
        values["date_from"] = values["date_to"] = None
        corrected = True
    return Parsed(Filters(**values), tuple(notices), corrected, frozenset(params))


# ---------------------------------------------------------------------------
# Filtering


#: Masks of unfaceted parameters an :class:`Indexed` frame keeps (each a byte per event).
MAX_KEPT = 32


class Indexed:
    """An events frame with each faceted parameter's values coded once: per row, the
    number of its value (a tuple of names, a category, an article) among the column's
    distinct values.

    Filtering and counting a view of 100,000 events then decide once per distinct value
    (a few hundred) instead of once per event in Python: a view's rows are a look-up of
    their codes, its facet counts a count of codes. The frame is read-only (the frames
    are shared), so the codes stay right; :attr:`data.frames.Frames.indexed` holds the
    dated events' index. Every function here that takes an events frame takes this too,
    and gives the same results.
    """

    def __init__(self, df: pd.DataFrame) -> None:
        self.df = df
        self._coded: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        self._kept: dict[tuple[str, object], np.ndarray] = {}  # least recently used first
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self.df)

    def coded(self, key: str) -> tuple[np.ndarray, np.ndarray]:
        """(each row's code, -1 for a missing value; the distinct values) of the facet of
        parameter ``key``, worked out on first use."""
        found = self._coded.get(key)
        if found is None:
            codes, distinct = pd.factorize(BY_KEY[key].facet(self.df).to_numpy(dtype=object))
            found = self._coded[key] = (codes, distinct)
        return found

    def restricted(self, key: str, value) -> np.ndarray | None:
        """The rows that ``value`` of parameter ``key`` keeps (None: all; read-only). A
        faceted parameter's by code; another's (a search reads every quote: 0.08 s at
        124,304 events) kept for the last :data:`MAX_KEPT` values, since a view's count,
        rows and facet counts each need it."""
        p = BY_KEY[key]
        if p.match is not None:
            return self.match(key, value)
        with self._lock:
            if (key, value) in self._kept:  # now the most recently used
                kept = self._kept[key, value] = self._kept.pop((key, value))
                return kept
        mask = p.restrict(self.df, value)
        if mask is None:
            return None
        mask = mask.to_numpy(dtype=bool)
        with self._lock:
            self._kept[key, value] = mask
            while len(self._kept) > MAX_KEPT:
                del self._kept[next(iter(self._kept))]
        return mask

    def forget(self) -> None:
        """Let go of the kept masks (a benchmark's cold view)."""
        with self._lock:
            self._kept.clear()

    def match(self, key: str, value) -> np.ndarray | None:
        """The rows that ``value`` of faceted parameter ``key`` keeps (None: all)."""
        if not value:
            return None
        codes, distinct = self.coded(key)
        keep = BY_KEY[key].match(pd.Series(distinct, dtype=object), value).to_numpy(dtype=bool)
        return np.append(keep, False)[codes]  # a missing value (-1) is never kept


def _frame(df: pd.DataFrame | Indexed) -> pd.DataFrame:
    return df.df if isinstance(df, Indexed) else df


def masks(df: pd.DataFrame | Indexed, f: Filters, by_date: bool = True) -> dict[str, object]:
    """Each restricting parameter's mask over ``df`` (those that restrict nothing left
    out): boolean Series over a frame, boolean arrays over an :class:`Indexed` one."""
    out = {}
    for p in PARAMS:
        if not p.filters or (p.dated and not by_date):
            continue
        value = getattr(f, p.field)
        mask = df.restricted(p.key, value) if isinstance(df, Indexed) else p.restrict(df, value)
        if mask is not None:
            out[p.key] = mask
    return out


def _all(df: pd.DataFrame | Indexed, parts: Iterable) -> pd.Series | np.ndarray:
    if isinstance(df, Indexed):
        return np.logical_and.reduce([np.ones(len(df), dtype=bool), *parts])
    mask = pd.Series(True, index=df.index)
    for part in parts:
        mask &= part
    return mask


def filter_events(
    df: pd.DataFrame | Indexed,
    f: Filters,
    by_date: bool = True,
    columns: Iterable[str] | None = None,
) -> pd.DataFrame:
    """Rows of an events frame that match ``f`` (any of the named actors; dates overlap);
    with ``columns``, only those columns.

    >>> from data.frames import events_frame
    >>> from data.records import Event
    >>> rows = events_frame([
    ...     Event("a", "001", "Tencent fined.", 0, 14, "in 2021", date(2021, 1, 1),
    ...           date(2021, 12, 31), "year", ("Tencent",), ("SAMR",), "fine"),
    ...     Event("b", "002", "Baidu listed.", 0, 13, "in 2018", date(2018, 1, 1),
    ...           date(2018, 12, 31), "year", ("Baidu",), (), "ipo")])
    >>> list(filter_events(rows, Filters(company=("Tencent",)))["id"])
    ['a']
    >>> list(filter_events(rows, Filters(date_to=date(2019, 1, 1), q="BAIDU"))["id"])
    ['b']
    """
    return rows_of(df, view_mask(df, f, by_date), columns)


def rows_of(
    df: pd.DataFrame | Indexed, mask, columns: Iterable[str] | None = None
) -> pd.DataFrame:
    """The rows of ``df`` under ``mask`` (a :func:`view_mask`), with only ``columns`` if given."""
    df = _frame(df)
    if columns is not None:  # copying the others (quotes, search text) is most of the work
        df = df[list(columns)]
    return df if mask is None else df[mask]


def view_mask(df: pd.DataFrame | Indexed, f: Filters, by_date: bool = True):
    """The rows of ``df`` in view ``f`` (None: every row, nothing restricts)."""
    parts = masks(df, f, by_date).values()
    return _all(df, parts) if parts else None


def count_events(df: pd.DataFrame | Indexed, f: Filters, by_date: bool = True) -> int:
    """How many rows :func:`filter_events` would return, without copying them.

    >>> from data.frames import events_frame
    >>> from data.records import Event
    >>> rows = events_frame([
    ...     Event("a", "001", "Tencent fined.", 0, 14, "in 2021", date(2021, 1, 1),
    ...           date(2021, 12, 31), "year", ("Tencent",), ("SAMR",), "fine")])
    >>> count_events(rows, Filters(company=("Tencent",))), count_events(rows, Filters(q="Baidu"))
    (1, 0)
    """
    mask = view_mask(df, f, by_date)
    return len(df) if mask is None else int(mask.sum())


def facets(df: pd.DataFrame | Indexed, f: Filters, keys: Iterable[str]) -> dict[str, pd.Series]:
    """Per parameter, events per value in the view with every *other* filter applied.

    Datasette's facets: a count says what picking that value would show. Over an
    :class:`Indexed` frame, the same counts in the same order, counted by code.

    >>> from data.frames import events_frame
    >>> from data.records import Event
    >>> rows = events_frame([
    ...     Event("a", "001", "x", 0, 1, "", date(2021, 1, 1), date(2021, 1, 1), "day",
    ...           ("Tencent", "Alibaba"), ("SAMR",), "fine"),
    ...     Event("b", "001", "y", 0, 1, "", date(2021, 1, 1), date(2021, 1, 1), "day",
    ...           ("Tencent",), ("CAC",), "fine")])
    >>> f = Filters(company=("Alibaba",), regulator=("CAC",))
    >>> {k: v.to_dict() for k, v in facets(rows, f, ["company", "regulator"]).items()}
    {'company': {'Tencent': 1}, 'regulator': {'SAMR': 1}}
    >>> {k: v.to_dict() for k, v in facets(Indexed(rows), f, ["company", "regulator"]).items()}
    {'company': {'Tencent': 1}, 'regulator': {'SAMR': 1}}
    """
    every = masks(df, f)
    out = {}
    for key in keys:
        others = [m for k, m in every.items() if k != key]
        mask = np.asarray(_all(df, others), dtype=bool) if others else None
        if isinstance(df, Indexed):
            out[key] = _coded_counts(df, key, mask)
            continue
        values = BY_KEY[key].facet(df)  # one column, masked: not a copy of every column
        if mask is not None:
            values = values[mask]
        out[key] = _value_counts(values)
    return out


def _value_counts(values: pd.Series) -> pd.Series:
    """Events per value of a facet's column (a column of names per event: per name)."""
    if len(values) and isinstance(values.iloc[0], tuple):  # a column of names per event
        values = values.explode().dropna()
    return values.value_counts()


def _coded_counts(ix: Indexed, key: str, mask: np.ndarray | None) -> pd.Series:
    """:func:`_value_counts` of the facet of ``key`` under ``mask``, from the codes: the
    same counts, index and order (most first; a tie in order of first appearance, as
    ``value_counts`` keeps it), without a Python step per event."""
    codes, distinct = ix.coded(key)
    if mask is not None:
        codes = codes[mask]
    facet = BY_KEY[key].facet
    if not len(codes) or codes.min() < 0:  # none, or a missing value: counted as pandas does
        return _value_counts(facet(ix.df[mask] if mask is not None else ix.df))
    present, first = np.unique(codes, return_index=True)
    present = present[np.argsort(first)]  # in order of first appearance
    counts = np.bincount(codes, minlength=len(distinct))
    like = facet(ix.df.iloc[:0])  # the column's name and kind, not its values
    if not isinstance(distinct[present[0]], tuple):  # one value per event
        index = pd.Index(pd.array(distinct[present], dtype=like.dtype), name=like.name)
        totals = pd.Series(counts[present], index=index, name="count")
        return totals.sort_values(ascending=False, kind="stable")
    named: dict[str, int] = {}
    for code, n in zip(present.tolist(), counts[present].tolist(), strict=True):
        for name in distinct[code]:
            if not pd.isna(name):  # explode().dropna(): no name, no count
                named[name] = named.get(name, 0) + n
    if not named:  # no names at all: the kind of an empty column is pandas' to say
        return _value_counts(facet(ix.df[mask] if mask is not None else ix.df))
    # The names as explode() gives them (the kind of column pandas infers from them)
    index = pd.Index(pd.Series([tuple(named)], name=like.name).explode())
    totals = pd.Series(np.array(list(named.values()), dtype="int64"), index=index, name="count")
    return totals.sort_values(ascending=False, kind="stable")


def figures_in_view(figures: pd.DataFrame | Indexed, f: Filters) -> pd.DataFrame:
    """Money figures that follow the view: its companies, sources and dates (by code over
    an :class:`Indexed` frame: the same figures).

    An undated figure is not filtered by date (as undated statements are not).
    """
    df = _frame(figures)
    undated = df["date_start"].isna().to_numpy()
    mask = np.ones(len(df), dtype=bool)
    for key in ("company", "source", "from", "to"):
        p = BY_KEY[key]
        value = getattr(f, p.field)
        part = figures.restricted(key, value) if isinstance(figures, Indexed) else p.restrict(df, value)
        if part is not None:
            part = np.asarray(part, dtype=bool)
            mask &= part | undated if p.dated else part
    return df[mask]


def without(f: Filters, **changes) -> Filters:
    """``f`` with some fields replaced (e.g. ``without(f, company=())``)."""
    return replace(f, **changes)


def name_counts(column: pd.Series) -> dict[str, int]:
    """How many rows name each name, in a column of names per row (each distinct tuple of
    names counted once, then spread over its names).

    >>> name_counts(pd.Series([("Tencent", "Alibaba"), (), ("Alibaba",)]))
    {'Tencent': 1, 'Alibaba': 2}
    """
    codes, distinct = pd.factorize(column.to_numpy(dtype=object))
    per_tuple = np.bincount(codes[codes >= 0], minlength=len(distinct))
    counts: dict[str, int] = {}
    for names, n in zip(distinct, per_tuple.tolist(), strict=True):
        for name in names:
            counts[name] = counts.get(name, 0) + n
    return counts


def search_column(df: pd.DataFrame, aliases: Mapping[str, Sequence[str]]) -> pd.Series:
    """What the search reads per event: quote, actor names and their aliases, casefolded."""

    def names(actors) -> str:
        return " ".join(f"{a} {' '.join(aliases.get(a, ()))}" for a in actors)

    return (
        df["quote"] + " | " + df["companies"].map(names) + " | " + df["regulators"].map(names)
    ).str.casefold()


# ---------------------------------------------------------------------------
# The sentence above the results


def describe(
    f: Filters, n_events: int, n_statements: int = 0, titles=None, n_reports: int | None = None
) -> str:
    """One English sentence saying what is shown, in plain text (escape before Markdown).
    ``n_events`` counts real events (a merge group once), ``n_reports`` the articles' reports
    of them, said only where the two differ.

    >>> describe(Filters(company=("Tencent", "Alibaba"), regulator=("SAMR",),
    ...          date_from=date(2020, 1, 1), date_to=date(2021, 12, 31)), 12)
    '12 events about Tencent or Alibaba, from SAMR, 2020–2021.'
    >>> describe(Filters(), 1, 2)
    'All 1 dated event, and 2 undated statements.'
    >>> describe(Filters(company=("Tencent",)), 1, n_reports=2)
    '1 event (2 reports) about Tencent.'
    """
    noun = "event" if n_events == 1 else "events"
    head = f"{n_events:,} {noun}" if f.active else f"All {n_events:,} dated {noun}"
    if n_reports is not None and n_reports != n_events:
        head += f" ({n_reports:,} reports)"
    parts = []
    for p in PARAMS:
        value = getattr(f, p.field)
        if p.phrase is not None and value != p.default:
            parts.append(p.phrase(value, titles or {}))
    if f.company:  # "12 events about Tencent", not "12 events, about Tencent"
        head += " " + parts.pop(0)
    when = date_phrase(f.date_from, f.date_to)
    sentence = ", ".join([head, *(part for part in parts if part), *([when] if when else [])])
    if n_statements:
        s = "statement" if n_statements == 1 else "statements"
        sentence += f", and {n_statements:,} undated {s}"
    return sentence + "."
