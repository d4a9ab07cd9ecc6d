"""The link parameters, each declared once: key, field, single or repeated, parser, phrase.

Pure Python and pandas; never imports streamlit. Everything else about a
parameter is derived from its :class:`Param` in :data:`PARAMS`: reading a link
(:func:`data.filters.parse_params`), the canonical link
(:meth:`data.filters.Filters.to_params`), filtering
(:func:`data.filters.filter_events`), the sentence above the results
(:func:`data.filters.describe`), the facet counts, and the sidebar widgets
(:func:`components.state.sidebar`). To add a parameter, add one ``Param`` here
and one field to :class:`data.filters.Filters`; ``tests/test_params.py`` walks
every declaration (its ``example`` must survive a round trip through a link).

Policy: a value that is unknown, malformed or too long raises :class:`Dropped`
with the notice the user reads; the rest of the link still applies.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from data.actors import actor_kind
from data.gazetteer_schema import ActorKind

MAX_VALUE_CHARS = 200
MIN_YEAR, MAX_YEAR = 1900, 2100
DATE_MIN, DATE_MAX = date(MIN_YEAR, 1, 1), date(MAX_YEAR, 12, 31)
GROUPS = ("company", "regulator")
_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


class Dropped(ValueError):
    """A link value that cannot be used; its message is the notice shown to the user."""


def shown(value: str, limit: int = 40) -> str:
    """A user-supplied value made safe to quote in a Markdown notice.

    >>> shown("<script>alert(1)</script>")
    '“\\\\<script\\\\>alert\\\\(1\\\\)\\\\</script\\\\>”'
    >>> shown("x" * 100)[-2:]
    '…”'
    """
    text = " ".join(str(value).split())
    if len(text) > limit:
        text = text[:limit] + "…"
    return "“" + re.sub(r"([\\`*_{}\[\]()<>#+\-.!|~$:])", r"\\\1", text) + "”"


def parse_date(value: str, end: bool = False) -> date:
    """``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``; a partial date is its first (or last) day.

    >>> parse_date("2021-07"), parse_date("2021-07", end=True), parse_date("2020", end=True)
    (datetime.date(2021, 7, 1), datetime.date(2021, 7, 31), datetime.date(2020, 12, 31))
    >>> parse_date("2021-02-30")
    Traceback (most recent call last):
    ...
    ValueError: day is out of range for month
    """
    m = _DATE.match(value.strip())
    if not m:
        raise ValueError(f"not a date: {value!r}")
    year = int(m.group(1))
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValueError(f"year out of range: {year}")
    month = int(m.group(2)) if m.group(2) else (12 if end else 1)
    if m.group(3):
        return date(year, month, int(m.group(3)))
    if not 1 <= month <= 12:
        raise ValueError("month must be in 1..12")
    return date(year, month, calendar.monthrange(year, month)[1] if end else 1)


# ---------------------------------------------------------------------------
# Parsers: (raw value, the options the vocabulary offers) -> the canonical value


def one_of(label: str) -> Callable[[str, Sequence[str]], str]:
    """A name from the options, matched without regard to case or outer spaces."""

    def parse(value: str, options: Sequence[str]) -> str:
        folded = value.strip().casefold()
        for option in options:
            if option.casefold() == folded:
                return option
        raise Dropped(f"Unknown {label} {shown(value)} ignored.")

    return parse


def exact_id(label: str) -> Callable[[str, Sequence[str]], str]:
    """An id exactly as the corpus writes it."""

    def parse(value: str, options: Sequence[str]) -> str:
        if value in options:
            return value
        raise Dropped(f"Unknown {label} {shown(value)} ignored.")

    return parse


def day(end: bool) -> Callable[[str, Sequence[str]], date]:
    def parse(value: str, options: Sequence[str]) -> date:
        try:
            return parse_date(value, end=end)
        except ValueError:
            key = "to" if end else "from"
            raise Dropped(
                f"Malformed date for {shown(key)} ignored: {shown(value)} (use YYYY-MM-DD)."
            ) from None

    return parse


def words(value: str, options: Sequence[str]) -> str:
    """Free text, its spaces collapsed."""
    return " ".join(value.split())


# ---------------------------------------------------------------------------
# Masks: (events frame, value) -> rows kept, or None for "no restriction"; matches:
# (a facet's values, the chosen ones) -> rows kept


def naming(column: pd.Series) -> Callable[[Iterable[str]], np.ndarray]:
    """For a column of names per row (tuples): a function giving the rows that name any of
    some names, as an array. The column is coded once and each distinct tuple decided once
    (100,000 events hold a few hundred), so a page asking for each of 25 companies makes
    no Python pass over the events.

    >>> rows = naming(pd.Series([("Tencent", "Alibaba"), (), ("Alibaba",)]))
    >>> rows(["Alibaba"]).tolist(), rows(["Tencent", "Baidu"]).tolist(), rows([]).tolist()
    ([True, False, True], [True, False, False], [False, False, False])
    """
    try:
        codes, distinct = pd.factorize(column.to_numpy(dtype=object))
    except TypeError:  # values that cannot be hashed (lists): one row at a time
        values = column.tolist()
        return lambda names: np.array(
            [not frozenset(names).isdisjoint(v) for v in values], dtype=bool
        )

    def rows(names: Iterable[str]) -> np.ndarray:
        wanted = frozenset(names)
        keep = [not wanted.isdisjoint(names_here) for names_here in distinct]
        return np.array([*keep, False], dtype=bool)[codes]  # a missing value names no one

    return rows


def any_of(column: pd.Series, wanted: Iterable[str]) -> pd.Series:
    """A boolean mask: rows whose tuple of names includes any of ``wanted`` (empty-safe);
    :func:`naming`'s rows, as a Series of the column's index.

    >>> any_of(pd.Series([("Tencent", "Alibaba"), (), ("Alibaba",)]), ["Tencent"]).tolist()
    [True, False, False]
    """
    return pd.Series(naming(column)(wanted), index=column.index, name=column.name)


def is_in(column: pd.Series, wanted: Iterable[str]) -> pd.Series:
    """A boolean mask: rows whose value is one of ``wanted``."""
    return column.isin(list(wanted))


KINDS = tuple(k.value for k in ActorKind)  # in display order


def kind_of(name: str) -> str:
    """The kind of a state actor ("" for a name the gazetteer does not list)."""
    try:
        return actor_kind(name)
    except KeyError:
        return ""


def kinds(df: pd.DataFrame) -> pd.Series:
    """Per event, the kinds of its state actors (a tuple, in the order of their actors)."""
    known = df["regulator_kinds"] if "regulator_kinds" in df.columns else [()] * len(df)
    found: dict[tuple, tuple[str, ...]] = {}  # worked out once per distinct pair of columns
    out = []
    for names, given in zip(df["regulators"], known, strict=True):
        to_kind = dict(given or ())  # a mapping, or (name, kind) pairs
        key = (names, tuple(to_kind.items()))
        if key not in found:
            found[key] = tuple(dict.fromkeys(k for r in names if (k := to_kind.get(r) or kind_of(r))))
        out.append(found[key])
    return pd.Series(out, index=df.index, dtype=object)


def _from(df, value):
    return None if value is None else df["date_end"] >= pd.Timestamp(value)


def _to(df, value):
    return None if value is None else df["date_start"] <= pd.Timestamp(value)


def _search(df, value):
    """Every word of ``value`` in the quote or in the names and aliases of its actors."""
    if not value:
        return None
    hay = df["search"] if "search" in df.columns else df["quote"].str.casefold()
    mask = pd.Series(True, index=df.index)
    for word in value.casefold().split():
        mask &= hay.str.contains(word, regex=False)
    return mask


# ---------------------------------------------------------------------------
# Phrases: (value, titles of the articles) -> a part of the sentence above the results


def either(names: Sequence[str], word: str = "or") -> str:
    names = list(names)
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + f" {word} " + names[-1]


def _day(d: date) -> str:
    return f"{d.day} {d:%b} {d.year}"


def date_phrase(start: date | None, end: date | None) -> str:
    """The date range in words, by whole years where it can.

    >>> date_phrase(date(2020, 1, 1), date(2021, 12, 31))
    '2020–2021'
    >>> date_phrase(date(2021, 1, 1), date(2021, 12, 31))
    'in 2021'
    >>> date_phrase(date(2021, 3, 5), None)
    'from 5 Mar 2021 on'
    >>> date_phrase(None, date(2021, 3, 5))
    'up to 5 Mar 2021'
    """
    if start and end:
        if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
            return f"in {start.year}" if start.year == end.year else f"{start.year}–{end.year}"
        return f"from {_day(start)} to {_day(end)}"
    if start:
        return f"from {_day(start)} on"
    if end:
        return f"up to {_day(end)}"
    return ""


def _categories(values, titles):
    return f"in the {either(values)} {'category' if len(values) == 1 else 'categories'}"


def _sources(values, titles):
    names = [titles.get(s, s) for s in values]
    return f"in article {either(names)}" if len(names) == 1 else f"in articles {either(names)}"


# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Param:
    """One link parameter and everything the dashboard derives from it."""

    key: str  # the query parameter
    field: str  # the attribute of data.filters.Filters
    repeated: bool  # ``company=A&company=B`` means any of them
    parse: Callable[[str, Sequence[str]], Any]  # raw -> canonical value, or raise Dropped
    options: str = ""  # the Vocabulary attribute listing the values a link may name
    default: Any = None
    #: (frames rows, value) -> mask or None; None: this parameter does not filter events
    #: (a faceted parameter filters with ``match`` instead)
    mask: Callable[[pd.DataFrame, Any], pd.Series | None] | None = None
    dated: bool = False  # filters by date: undated statements ignore it
    #: the words in the sentence above the results: (value, article titles) -> text
    phrase: Callable[[Any, dict], str] | None = None
    narrows: bool = True  # a value makes the view "filtered" (a selection does not)
    #: per event, the value(s) counted by the facet beside the widget (tuples or scalars)
    facet: Callable[[pd.DataFrame], pd.Series] | None = None
    #: (the facet's values, the chosen ones) -> the rows kept: how a faceted parameter
    #: filters. Row by row on one value each, so it can be worked out once per distinct
    #: value (:class:`data.filters.Indexed`)
    match: Callable[[pd.Series, Any], pd.Series] | None = None
    #: how the user sets it: "multiselect", "date", "text", "radio" (in the sidebar),
    #: "page" (a widget of one page), or "" (a link only: a click on the chart, a row)
    widget: str = ""
    label: str = ""
    placeholder: str = ""
    help: str = ""
    example: str = ""  # a canonical value of the test vocabulary (tests/test_params.py)

    def text(self, value: Any) -> str:
        """A canonical value as the link writes it."""
        return value.isoformat() if isinstance(value, date) else str(value)

    @property
    def filters(self) -> bool:
        """Whether a value of this parameter can leave events out."""
        return self.mask is not None or self.match is not None

    def restrict(self, df: pd.DataFrame, value: Any) -> pd.Series | None:
        """The rows of ``df`` that ``value`` keeps (None: it restricts nothing)."""
        if self.match is not None:
            return self.match(self.facet(df), value) if value else None
        return None if self.mask is None else self.mask(df, value)


RELEVANCE = ("hidden", "shown")  # background events: hidden unless the link says shown


def _relevance(df, value):
    if value == "shown" or "relevance" not in df.columns:
        return None
    return df["relevance"] != "background"


PARAMS: tuple[Param, ...] = (
    Param(
        "company", "company", True, one_of("company"), options="companies", default=(),
        facet=lambda df: df["companies"], match=any_of, phrase=lambda v, t: f"about {either(v)}",
        widget="multiselect", label="Company", placeholder="Any company",
        help="Events naming any of these companies. Link parameter: company (repeatable).",
        example="Tencent",
    ),
    Param(
        "regulator", "regulator", True, one_of("regulator"), options="regulators", default=(),
        facet=lambda df: df["regulators"], match=any_of, phrase=lambda v, t: f"from {either(v)}",
        widget="multiselect", label="Regulator or state actor", placeholder="Any regulator",
        help="Events naming any of these actors. Link parameter: regulator (repeatable).",
        example="SAMR",
    ),
    Param(
        "kind", "kind", True, one_of("kind of state actor"), options="kinds", default=(),
        facet=kinds, match=any_of, phrase=lambda v, t: f"by a {either(v)}",
        widget="multiselect", label="Kind of state actor", placeholder="Any kind",
        help="Events naming a state actor of any of these kinds. Link parameter: kind"
        " (repeatable), e.g. kind=Chinese+regulator.",
        example="Chinese regulator",
    ),
    Param(
        "category", "category", True, one_of("category"), options="categories", default=(),
        facet=lambda df: df["category"], match=is_in, phrase=_categories, widget="multiselect",
        label="Category", placeholder="Any category",
        help="Link parameter: category (repeatable).", example="fine",
    ),
    Param(
        "source", "source", True, one_of("source"), options="sources", default=(),
        facet=lambda df: df["source"], match=is_in, phrase=_sources, widget="multiselect",
        label="Source article", placeholder="Any article",
        help="Articles by id (the file prefix). Link parameter: source (repeatable).",
        example="004",
    ),
    Param(
        "from", "date_from", False, day(end=False), mask=_from, dated=True,
        phrase=lambda v, t: "", widget="date", label="From",  # said with "to": date_phrase
        help="Events whose interval reaches this day or later. Link: from=YYYY-MM-DD",
        example="2020-01-01",
    ),
    Param(
        "to", "date_to", False, day(end=True), mask=_to, dated=True,
        phrase=lambda v, t: "", widget="date", label="To",
        help="Events whose interval starts by this day. Link: to=YYYY-MM-DD",
        example="2021-06-30",
    ),
    Param(
        "q", "q", False, words, default="", mask=_search,
        phrase=lambda v, t: f"mentioning “{v}”", widget="text", label="Search",
        placeholder="e.g. regulators fined",
        help="Words in the quote or in an actor's name or alias, any case; several words: all"
        " of them. Link parameter: q",
        example="record fine",
    ),
    Param(
        "background", "background", False, one_of("value for “background”"),
        options="relevance", default="hidden", mask=_relevance,
        phrase=lambda v, t: "background events included", narrows=False, widget="radio",
        label="Background events",
        help="Events that give context (earlier history, other countries) rather than an"
        " act of the crackdown: hidden unless shown. Link parameter: background=shown",
        example="shown",
    ),
    Param(
        "event", "event", False, exact_id("event"), options="events", default="",
        narrows=False, widget="text", label="Selected event",
        placeholder="click an event on the timeline",
        help="The id of the selected event. Link parameter: event", example="004-abc",
    ),
    Param(
        "article", "article", False, one_of("article"), options="sources", default="",
        narrows=False, widget="page", label="Article",
        help="Link parameter: article (an article id). With event=…, the event's article opens.",
        example="000",
    ),
    Param(
        "group", "group", False, one_of("group"), options="groups", default="company",
        narrows=False, widget="page", label="One row per",
        help="Group the timeline by company or by regulator. Link parameter: group",
        example="regulator",
    ),
)  # fmt: skip

BY_KEY = {p.key: p for p in PARAMS}
