"""The view as a URL: query parameters <-> filters, and filtering the frames.

Pure Python and pandas; never imports streamlit. Every filtered view is a
link; the names below are the documented query parameters (see the README,
"Sharing a view"):

==============  ==========================================  =================
parameter       meaning                                     repeatable
==============  ==========================================  =================
``company``     canonical company name, any case            yes (any of them)
``regulator``   canonical regulator or state actor          yes (any of them)
``category``    event category                              yes (any of them)
``source``      article id (the file prefix, e.g. ``004``)  yes (any of them)
``from``        first day, ``YYYY-MM-DD`` (or YYYY-MM, YYYY) no
``to``          last day, ``YYYY-MM-DD`` (or YYYY-MM, YYYY)  no
``q``           words the quote contains, any case          no
``event``       the selected event's id                     no
``article``     the article shown in the source viewer      no
``group``       timeline rows: ``company`` or ``regulator`` no
==============  ==========================================  =================

Policy: a value that is unknown, malformed, too long, or given several times
where one is expected is dropped with a notice (a plain sentence in
:attr:`Parsed.notices`) and the rest of the link still applies.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

import pandas as pd

MULTI_KEYS = ("company", "regulator", "category", "source")
SINGLE_KEYS = ("from", "to", "q", "event", "article", "group")
KNOWN_KEYS = (*MULTI_KEYS, *SINGLE_KEYS)
#: Query parameters Streamlit itself uses; never reported as unknown.
STREAMLIT_KEYS = ("embed", "embed_options")
GROUPS = ("company", "regulator")
MAX_VALUE_CHARS = 200
MAX_VALUES = 50
MIN_YEAR, MAX_YEAR = 1900, 2100
DATE_MIN, DATE_MAX = date(MIN_YEAR, 1, 1), date(MAX_YEAR, 12, 31)
_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


@dataclass(frozen=True)
class Vocabulary:
    """The values a link may name, all derived from the corpus."""

    companies: Sequence[str] = ()
    regulators: Sequence[str] = ()
    categories: Sequence[str] = ()
    sources: Sequence[str] = ()
    events: frozenset[str] = frozenset()

    def options(self, key: str) -> Sequence[str]:
        return {
            "company": self.companies,
            "regulator": self.regulators,
            "category": self.categories,
            "source": self.sources,
            "article": self.sources,
            "group": GROUPS,
        }[key]


@dataclass(frozen=True)
class Filters:
    """What the user asked to see. Empty tuples and None mean "no restriction"."""

    company: tuple[str, ...] = ()
    regulator: tuple[str, ...] = ()
    category: tuple[str, ...] = ()
    source: tuple[str, ...] = ()
    date_from: date | None = None
    date_to: date | None = None
    q: str = ""
    event: str = ""
    article: str = ""
    group: str = "company"

    @property
    def active(self) -> bool:
        """True when anything narrows the events (the selection does not)."""
        return bool(
            self.company
            or self.regulator
            or self.category
            or self.source
            or self.date_from
            or self.date_to
            or self.q
        )

    def to_params(self) -> dict[str, list[str]]:
        """The canonical query parameters of this view (defaults left out).

        >>> Filters(company=("Tencent",), date_from=date(2020, 1, 1)).to_params()
        {'company': ['Tencent'], 'from': ['2020-01-01']}
        """
        out: dict[str, list[str]] = {}
        for key in MULTI_KEYS:
            if getattr(self, key):
                out[key] = list(getattr(self, key))
        if self.date_from:
            out["from"] = [self.date_from.isoformat()]
        if self.date_to:
            out["to"] = [self.date_to.isoformat()]
        for key in ("q", "event", "article"):
            if getattr(self, key):
                out[key] = [getattr(self, key)]
        if self.group != "company":
            out["group"] = [self.group]
        return out


@dataclass(frozen=True)
class Parsed:
    filters: Filters
    notices: tuple[str, ...] = ()
    #: True when the link said something other than the canonical form of ``filters``
    #: (a value dropped or its case corrected): the UI must rewrite its state.
    corrected: bool = False
    keys: frozenset[str] = field(default_factory=frozenset)


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


def _match(value: str, options: Sequence[str]) -> str | None:
    folded = value.strip().casefold()
    for option in options:
        if option.casefold() == folded:
            return option
    return None


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
        if key not in KNOWN_KEYS:
            notices.append(f"Unknown link parameter {shown(key)} ignored.")
            continue
        if key in SINGLE_KEYS and len(raw_list) > 1:
            notices.append(
                f"Parameter {shown(key)} was given {len(raw_list)} times but takes one value:"
                " all were ignored."
            )
            corrected = True
            continue
        kept = []
        for value in raw_list[:MAX_VALUES]:
            result, notice = _parse_value(key, value, vocab)
            if notice:
                notices.append(notice)
            if result is not None and result not in kept:
                kept.append(result)
            as_written = result.isoformat() if isinstance(result, date) else result
            if as_written != value:
                corrected = True
        if len(raw_list) > MAX_VALUES:
            notices.append(f"Only the first {MAX_VALUES} values of {shown(key)} were read.")
            corrected = True
        if kept:
            values[key] = tuple(kept) if key in MULTI_KEYS else kept[0]
        elif key in MULTI_KEYS and raw_list:
            corrected = True
    date_from, date_to = values.get("from"), values.get("to")
    if date_from and date_to and date_from > date_to:
        notices.append(
            f"The date range starts ({date_from}) after it ends ({date_to}): both were ignored."
        )
        date_from = date_to = None
        corrected = True
    filters = Filters(
        company=values.get("company", ()),
        regulator=values.get("regulator", ()),
        category=values.get("category", ()),
        source=values.get("source", ()),
        date_from=date_from,
        date_to=date_to,
        q=values.get("q", ""),
        event=values.get("event", ""),
        article=values.get("article", ""),
        group=values.get("group", "company"),
    )
    return Parsed(filters, tuple(notices), corrected, frozenset(params))


def _parse_value(key: str, value: str, vocab: Vocabulary) -> tuple[object, str]:
    """(the canonical value or None, a notice or "") for one value of a parameter."""
    value = str(value)
    if len(value) > MAX_VALUE_CHARS:
        return None, f"A {len(value):,}-character value for {shown(key)} was too long and ignored."
    if not value.strip():
        return None, ""
    if key in ("from", "to"):
        try:
            d = parse_date(value, end=key == "to")
        except ValueError:
            return (
                None,
                f"Malformed date for {shown(key)} ignored: {shown(value)} (use YYYY-MM-DD).",
            )
        return d, ""
    if key == "q":
        text = " ".join(value.split())
        return text, ""
    if key == "event":
        if value in vocab.events:
            return value, ""
        return None, f"Unknown event {shown(value)} ignored."
    match = _match(value, vocab.options(key))
    if match is None:
        label = {"article": "article", "source": "source"}.get(key, key)
        return None, f"Unknown {label} {shown(value)} ignored."
    return match, ""


# ---------------------------------------------------------------------------
# Filtering


def any_of(column: pd.Series, wanted: Iterable[str]) -> pd.Series:
    """A boolean mask: rows whose tuple of names includes any of ``wanted`` (empty-safe)."""
    wanted = frozenset(wanted)
    return column.map(lambda names: not wanted.isdisjoint(names)).astype(bool)


def filter_events(df: pd.DataFrame, f: Filters, by_date: bool = True) -> pd.DataFrame:
    """Rows of an events frame that match ``f`` (any of the named actors; dates overlap).

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
    mask = pd.Series(True, index=df.index)
    if f.company:
        mask &= any_of(df["companies"], f.company)
    if f.regulator:
        mask &= any_of(df["regulators"], f.regulator)
    if f.category:
        mask &= df["category"].isin(f.category)
    if f.source:
        mask &= df["source"].isin(f.source)
    if by_date and f.date_from:
        mask &= df["date_end"] >= pd.Timestamp(f.date_from)
    if by_date and f.date_to:
        mask &= df["date_start"] <= pd.Timestamp(f.date_to)
    if f.q:
        mask &= df["quote"].str.contains(f.q, case=False, regex=False)
    return df[mask]


def without(f: Filters, **changes) -> Filters:
    """``f`` with some fields replaced (e.g. ``without(f, company=())``)."""
    return replace(f, **changes)


# ---------------------------------------------------------------------------
# The sentence above the results


def _either(names: Sequence[str], word: str = "or") -> str:
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


def describe(f: Filters, n_events: int, n_statements: int = 0, titles=None) -> str:
    """One English sentence saying what is shown, in plain text (escape before Markdown).

    >>> describe(Filters(company=("Tencent", "Alibaba"), regulator=("SAMR",),
    ...          date_from=date(2020, 1, 1), date_to=date(2021, 12, 31)), 12)
    '12 events about Tencent or Alibaba, from SAMR, 2020–2021.'
    >>> describe(Filters(), 1, 2)
    'All 1 dated event, and 2 undated statements.'
    """
    noun = "event" if n_events == 1 else "events"
    head = f"{n_events:,} {noun}" if f.active else f"All {n_events:,} dated {noun}"
    if f.company:
        head += f" about {_either(f.company)}"
    parts = [head]
    if f.regulator:
        parts.append(f"from {_either(f.regulator)}")
    if f.category:
        parts.append(
            f"in the {_either(f.category)} {'category' if len(f.category) == 1 else 'categories'}"
        )
    if f.source:
        names = [titles.get(s, s) if titles else s for s in f.source]
        parts.append(
            f"in article {_either(names)}" if len(names) == 1 else f"in articles {_either(names)}"
        )
    if f.q:
        parts.append(f"whose quote contains “{f.q}”")
    when = date_phrase(f.date_from, f.date_to)
    if when:
        parts.append(when)
    sentence = ", ".join(parts)
    if n_statements:
        s = "statement" if n_statements == 1 else "statements"
        sentence += f", and {n_statements:,} undated {s}"
    return sentence + "."
