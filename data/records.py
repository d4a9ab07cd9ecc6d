"""Typed records produced by the data module.

Every record carries the character span it came from (``start``/``end`` are
offsets into the article text, end exclusive) so a user can always check it
against the words. Dates are ``datetime.date`` and intervals are inclusive;
money is ``Decimal``. Records are frozen: the corpus is computed once and
shared by every visitor.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Any


class Precision(StrEnum):
    """How exactly a date interval is known, from the finest to the widest.

    String-valued, so JSON, CSV and frames carry the same words ("day",
    "part-of-month"...) and a member equals (and hashes as) its string. Undated
    statements have no precision at all: ``None`` in records, ``null`` in JSON,
    :data:`UNDATED` where a label must be shown.

    >>> Precision.MONTH == "month", Precision("week").rank < Precision.MONTH.rank
    (True, True)
    """

    DAY = "day"
    WEEK = "week"
    PART_OF_MONTH = "part-of-month"
    MONTH = "month"
    QUARTER = "quarter"
    PART_OF_YEAR = "part-of-year"
    YEAR = "year"
    DECADE = "decade"
    VAGUE = "vague"

    __hash__ = str.__hash__  # "day" in {Precision.DAY} and the reverse both hold

    def __repr__(self) -> str:  # shown as the word it is: 'month'
        return repr(self.value)

    @property
    def rank(self) -> int:
        """Position in the order above: 0 for a day, up to the vague."""
        return _ORDER[self]


_ORDER = {p: i for i, p in enumerate(Precision)}
#: The precision names, finest first (the record format the expected lists follow).
PRECISIONS = tuple(p.value for p in Precision)
#: What a statement without a date shows where a precision would be.
UNDATED = "undated"
#: Precisions that pin a date to a month or finer: a story's date, a groupable report.
SPECIFIC = frozenset(p for p in Precision if p.rank <= Precision.MONTH.rank)


@dataclass(frozen=True, slots=True)
class Source:
    """One article of the corpus and what is known about it."""

    id: str  # file prefix, e.g. "004"
    filename: str
    title: str
    outlet: str
    authors: tuple[str, ...]
    published: date  # the anchor of every relative date in the article
    published_precision: str  # "day" or "month"
    published_confidence: str  # "confirmed" or "inferred"
    published_note: str
    url: str
    url_confidence: str
    note: str = ""  # reposts, machine translation, block quotes...

    def to_dict(self) -> dict[str, Any]:
        d = {f.name: getattr(self, f.name) for f in fields(self)}
        d["published"] = self.published.isoformat()
        d["authors"] = list(self.authors)
        return d


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class DateMention:
    """A temporal expression resolved to an inclusive interval."""

    text: str
    start: int  # offsets of the expression itself in the article
    end: int
    date_start: date
    date_end: date
    precision: Precision
    vague: bool = False


#: Field metadata: ``internal`` fields stay inside the process (never in JSON
#: nor in frames); a ``mapping`` field holds (key, value) pairs and comes out as a
#: dict. Every other field is one JSON key and one frame column, in field order.
INTERNAL: dict[str, Any] = {"internal": True}
MAPPING: dict[str, Any] = {"mapping": True}

#: What an event is: part of the crackdown, or background (history, biography,
#: company milestones with no state action, statistics, asides).
RELEVANCES = ("crackdown", "background")


@dataclass(frozen=True, slots=True)
class Event:
    """A dated statement (or, with ``date_start`` None, an undated one)."""

    id: str
    source: str
    quote: str  # == text[start:end]
    start: int
    end: int
    date_text: str
    date_start: date | None
    date_end: date | None
    precision: Precision | None  # None: an undated statement
    companies: tuple[str, ...]
    regulators: tuple[str, ...]
    category: str
    date_offsets: tuple[int, int] | None = field(default=None, metadata=INTERNAL)  # date_text
    relevance: str = "crackdown"  # one of RELEVANCES
    discovered: tuple[str, ...] = ()  # companies found by general cues, not the gazetteer
    # (state actor, its kind) for each of ``regulators``; see data.actors.ActorKind
    regulator_kinds: tuple[tuple[str, str], ...] = field(default=(), metadata=MAPPING)

    @property
    def dated(self) -> bool:
        return self.date_start is not None

    def to_dict(self) -> dict[str, Any]:
        return record_dict(self)


@dataclass(frozen=True, slots=True)
class Figure:
    """A money figure: amount in its currency and in US dollars."""

    id: str
    source: str
    quote: str  # the sentence
    start: int  # offsets of the sentence
    end: int
    text: str  # the figure as written, e.g. "US$344 billion"
    text_start: int = field(metadata=INTERNAL)  # offsets of ``text`` in the article
    text_end: int = field(metadata=INTERNAL)
    amount: Decimal
    currency: str  # ISO 4217
    usd: Decimal
    usd_stated: bool  # True when the article itself gave the conversion
    kind: str  # market value, market value loss, valuation, fine, fund, ipo proceeds,
    # share price, other
    market_cap: bool
    companies: tuple[str, ...]
    date_start: date | None
    date_end: date | None
    shared: bool = False  # a figure several companies lost or hold together

    def to_dict(self) -> dict[str, Any]:
        return record_dict(self)


def public_fields(cls: type) -> tuple[str, ...]:
    """The fields of a record that go into JSON and frames, in declaration order.

    >>> public_fields(Figure)[:4]
    ('id', 'source', 'quote', 'start')
    >>> "date_offsets" in public_fields(Event), "regulator_kinds" in public_fields(Event)
    (False, True)
    """
    return tuple(f.name for f in fields(cls) if not f.metadata.get("internal"))


def record_columns(records: Sequence[Any], cls: type) -> dict[str, list[Any]]:
    """The public fields of ``records`` (all of class ``cls``) as frame columns: dates
    and tuples kept, money as float, (key, value) pairs as a dict (``data.frames``
    builds its frames so, column by column)."""
    columns: dict[str, list[Any]] = {}
    for f in fields(cls):
        if f.metadata.get("internal"):
            continue
        values = [getattr(r, f.name) for r in records]
        if f.metadata.get("mapping"):
            values = [dict(v) for v in values]
        elif any(isinstance(v, Decimal) for v in values):
            values = [float(v) if isinstance(v, Decimal) else v for v in values]
        columns[f.name] = values
    return columns


def record_row(record: Any) -> dict[str, Any]:
    """One record's public fields as frame values (see :func:`record_columns`)."""
    return {name: values[0] for name, values in record_columns([record], type(record)).items()}


def record_dict(record: Any) -> dict[str, Any]:
    """A record as JSON-ready values: dates ISO, money as numbers, tuples as lists.

    >>> e = Event("x", "s", "Q.", 0, 2, "", None, None, None, ("Tencent",), ("SAMR",),
    ...           "fine", regulator_kinds=(("SAMR", "Chinese regulator"),))
    >>> d = record_dict(e)
    >>> d["companies"], d["date_start"], d["relevance"], d["regulator_kinds"]
    (['Tencent'], None, 'crackdown', {'SAMR': 'Chinese regulator'})
    """
    out = record_row(record)
    for name, value in out.items():
        if isinstance(value, date):
            out[name] = value.isoformat()
        elif isinstance(value, float):
            out[name] = _num(getattr(record, name))
        elif isinstance(value, tuple):
            out[name] = list(value)
    return out


def _num(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


@dataclass(frozen=True, slots=True)
class Extraction:
    """What the extractor finds in one article."""

    events: tuple[Event, ...] = ()
    statements: tuple[Event, ...] = ()  # undated statements
    figures: tuple[Figure, ...] = ()


@dataclass(frozen=True)
class Corpus:
    """All articles with their extraction; built once per process."""

    sources: dict[str, Source]
    texts: dict[str, str]
    events: tuple[Event, ...]
    statements: tuple[Event, ...]
    figures: tuple[Figure, ...]
    problems: tuple[str, ...] = field(default=())  # one line per unreadable file
    stale: int = 0  # articles shown from an older extractor's results while re-extracted
