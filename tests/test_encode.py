"""The store's encoder decides once per class what it did value by value.

``data.store.encode`` picks its conversion by the value's class, cached, and lets
text, numbers, booleans and None inside records and collections through without
a call. The definition it stands for is the plain chain of tests below
(:func:`definition`); generated values mixing every kind the codec knows (and
subclasses that test the order: an enum of text is a ``str``, a datetime is a
date) must encode to the same thing, with the same types, and the extractions of
the seeds and held-out articles to the same bytes.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import Enum, IntEnum, StrEnum
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from data.corpus import extract_article, readable_articles
from data.sources import SEEDS_DIR
from data.store import dumps, encode

HELDOUT_DIR = Path(__file__).parent / "heldout" / "articles"


def definition(value):
    """What :func:`data.store.encode` gives, one test after the other."""
    if isinstance(value, Enum):
        return definition(value.value)
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, tuple | list | frozenset | set):
        return [definition(v) for v in value]
    if isinstance(value, dict):
        return {str(k): definition(v) for k, v in value.items()}
    if dataclasses.is_dataclass(value):
        return [definition(getattr(value, f.name)) for f in dataclasses.fields(value) if f.init]
    raise TypeError(f"cannot store a {type(value).__name__}")


def typed(value):
    """``value`` with the class of every part, so ``Level.HIGH`` and ``"high"`` differ."""
    if isinstance(value, list):
        return ("list", [typed(v) for v in value])
    if isinstance(value, dict):
        return ("dict", {k: typed(v) for k, v in value.items()})
    return (type(value).__name__, repr(value))


class Level(StrEnum):
    HIGH = "high"


class Rank(IntEnum):
    FIRST = 1


class Nested(Enum):
    LEVEL = Level.HIGH


class Word(str):
    pass


@dataclass(frozen=True)
class One:
    only: object


@dataclass(frozen=True)
class Empty:
    pass


@dataclass(frozen=True)
class Pair:
    a: object
    b: object
    later: object = field(default=None, init=False)


_PLAIN = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=5),
    st.sampled_from([Level.HIGH, Rank.FIRST, Nested.LEVEL, Word("w"), Empty()]),
    st.dates(), st.datetimes(), st.decimals(allow_nan=False, places=2),
)  # fmt: skip
_KEYS = st.one_of(st.text(max_size=3), st.integers(), st.sampled_from([Level.HIGH, Rank.FIRST]))
_VALUES = st.recursive(
    _PLAIN,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.lists(inner, max_size=4).map(tuple),
        st.frozensets(st.one_of(st.text(max_size=3), st.integers(), st.dates()), max_size=4),
        st.dictionaries(_KEYS, inner, max_size=3),
        st.builds(One, inner),
        st.builds(Pair, inner, inner),
    ),
    max_leaves=12,
)


@settings(max_examples=500, deadline=None)
@given(_VALUES)
def test_encoding_by_class_gives_what_the_tests_one_by_one_give(value):
    assert typed(encode(value)) == typed(definition(value))


@pytest.mark.parametrize("value", [b"bytes", object(), (1, [object()]), One(bytearray())])
def test_what_the_codec_does_not_know_is_refused_as_before(value):
    with pytest.raises(TypeError) as got:
        encode(value)
    with pytest.raises(TypeError) as expected:
        definition(value)
    assert str(got.value) == str(expected.value)


@pytest.mark.parametrize("folder", [SEEDS_DIR, HELDOUT_DIR])
def test_extractions_encode_to_the_same_bytes(folder):
    for entry, text, quoted, _ in readable_articles(folder)[1]:
        ext = extract_article(entry.source, text, quoted)
        assert dumps(ext) == json.dumps(definition(ext), ensure_ascii=False, separators=(",", ":"))


@settings(max_examples=500, deadline=None)
@given(_VALUES)
def test_dumps_writes_the_text_of_the_encoded_value(value):
    """dumps lets json's encoder write what it knows instead of converting a copy first."""
    assert dumps(value) == json.dumps(encode(value), ensure_ascii=False, separators=(",", ":"))


@pytest.mark.parametrize("value", [b"bytes", object(), (1, [object()]), One(bytearray())])
def test_dumps_refuses_what_the_codec_does_not_know(value):
    with pytest.raises(TypeError):
        dumps(value)
