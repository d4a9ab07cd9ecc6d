"""Typed records produced by the data module.

Every record carries the character span it came from (``start``/``end`` are
offsets into the article text, end exclusive) so a user can always check it
against the words. Dates are ``datetime.date`` and intervals are inclusive;
money is ``Decimal``. Records are frozen: the corpus is computed once and
shared by every visitor.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
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
        d = asdict(self)
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
    date_offsets: tuple[int, int] | None = None  # span of date_text

    @property
    def dated(self) -> bool:
        return self.date_start is not None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source,
            "quote": self.quote,
            "start": self.start,
            "end": self.end,
            "date_text": self.date_text,
            "date_start": self.date_start.isoformat() if self.date_start else None,
            "date_end": self.date_end.isoformat() if self.date_end else None,
            "precision": self.precision,
            "companies": list(self.companies),
            "regulators": list(self.regulators),
            "category": self.category,
        }


@dataclass(frozen=True, slots=True)
class Figure:
    """A money figure: amount in its currency and in US dollars."""

    id: str
    source: str
    quote: str  # the sentence
    start: int  # offsets of the sentence
    end: int
    text: str  # the figure as written, e.g. "US$344 billion"
    text_start: int
    text_end: int
    amount: Decimal
    currency: str  # ISO 4217
    usd: Decimal
    usd_stated: bool  # True when the article itself gave the conversion
    kind: str  # market value, market value loss, valuation, fine, fund, ipo proceeds, other
    market_cap: bool
    companies: tuple[str, ...]
    date_start: date | None
    date_end: date | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source,
            "quote": self.quote,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "amount": _num(self.amount),
            "currency": self.currency,
            "usd": _num(self.usd),
            "kind": self.kind,
            "market_cap": self.market_cap,
            "companies": list(self.companies),
            "date_start": self.date_start.isoformat() if self.date_start else None,
            "date_end": self.date_end.isoformat() if self.date_end else None,
        }


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
