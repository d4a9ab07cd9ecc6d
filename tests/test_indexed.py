"""Filtering and counting over coded columns (:class:`data.filters.Indexed`) give exactly
what filtering the events frame gives: the same rows, counts, and facet counts in the same
order, on a varied frame and many views."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta

import pandas as pd
import pytest

from data.filters import Filters, Indexed, count_events, facets, filter_events, search_column
from data.frames import events_frame
from data.params import BY_KEY, KINDS, PARAMS
from data.records import Event

COMPANIES = ("Tencent", "Alibaba", "Ant Group", "Didi", "Meituan", "Baidu")
REGULATORS = ("SAMR", "CAC", "PBOC", "Xi Jinping", "Chinese government (unspecified)",
              "US SEC", "Provincial bureau")  # fmt: skip
CATEGORIES = ("fine", "antitrust", "data security", "other")
FACETED = [p.key for p in PARAMS if p.facet is not None]


def _names(rng: random.Random, pool: tuple[str, ...]) -> tuple[str, ...]:
    n = rng.choice((0, 0, 1, 1, 1, 2, 3))
    return tuple(rng.sample(pool, n))


def varied_events(n: int = 600, seed: int = 7) -> pd.DataFrame:
    """Events with no, one or several actors, actors of known, given and unknown kinds,
    background ones, and intervals of every length."""
    rng = random.Random(seed)
    events = []
    for i in range(n):
        start = date(2019, 1, 1) + timedelta(days=rng.randrange(1500))
        end = start + timedelta(days=rng.choice((0, 0, 6, 30, 364)))
        regulators = _names(rng, REGULATORS)
        given = tuple((r, "court") for r in regulators if r == "Provincial bureau" and rng.random() < 0.5)
        quote = rng.choice(("A record fine.", "Regulators probe data.", "The listing ended."))
        events.append(Event(
            f"{i:04d}", f"{rng.randrange(12):03d}", quote, 0, len(quote), "in 2021", start, end,
            "day" if start == end else "year", _names(rng, COMPANIES), regulators,
            rng.choice(CATEGORIES), relevance=rng.choice(("crackdown", "crackdown", "background")),
            regulator_kinds=given,
        ))  # fmt: skip
    df = events_frame(events)
    df["search"] = search_column(df, {"Tencent": ("WeChat",)})
    return df


def varied_views(seed: int = 11, n: int = 60) -> list[Filters]:
    rng = random.Random(seed)
    views = [Filters(), Filters(company=("Nobody",)), Filters(kind=KINDS), Filters(q="zzz")]
    for _ in range(n):
        start = date(2019, 1, 1) + timedelta(days=rng.randrange(1500))
        views.append(Filters(
            company=tuple(rng.sample(COMPANIES, rng.choice((0, 0, 1, 2)))),
            regulator=tuple(rng.sample(REGULATORS, rng.choice((0, 0, 1)))),
            kind=tuple(rng.sample(KINDS, rng.choice((0, 0, 1, 2)))),
            category=tuple(rng.sample(CATEGORIES, rng.choice((0, 0, 1)))),
            source=tuple(f"{s:03d}" for s in rng.sample(range(12), rng.choice((0, 0, 0, 2)))),
            date_from=rng.choice((None, start)),
            date_to=rng.choice((None, None, start + timedelta(days=400))),
            q=rng.choice(("", "", "fine", "wechat")),
            background=rng.choice(("hidden", "shown")),
        ))  # fmt: skip
    return views


def old_facets(df: pd.DataFrame, f: Filters, keys) -> dict[str, pd.Series]:
    """The facet counts as first written: mask, explode, ``value_counts``."""
    every = {}
    for p in PARAMS:
        value = getattr(f, p.field)
        mask = p.restrict(df, value)
        if mask is not None:
            every[p.key] = mask
    out = {}
    for key in keys:
        values = BY_KEY[key].facet(df)
        for k, m in every.items():
            if k != key:
                values = values[m.reindex(values.index)]
        if len(values) and isinstance(values.iloc[0], tuple):
            values = values.explode().dropna()
        out[key] = values.value_counts()
    return out


@pytest.fixture(scope="module")
def frame():
    return varied_events()


def test_an_indexed_frame_filters_and_counts_every_view_the_same(frame):
    ix = Indexed(frame)
    for f in varied_views():
        pd.testing.assert_frame_equal(filter_events(ix, f), filter_events(frame, f))
        pd.testing.assert_frame_equal(
            filter_events(ix, f, columns=["id", "companies"]),
            filter_events(frame, f, columns=["id", "companies"]),
        )
        assert count_events(ix, f) == count_events(frame, f) == len(filter_events(frame, f))


def test_facet_counts_from_codes_are_the_counts_in_the_same_order(frame):
    ix = Indexed(frame)
    for f in varied_views():
        expected = old_facets(frame, f, FACETED)
        for got in (facets(ix, f, FACETED), facets(frame, f, FACETED)):
            assert list(got) == FACETED
            for key in FACETED:
                pd.testing.assert_series_equal(got[key], expected[key], obj=f"{key} of {f}")


def test_ties_keep_the_order_names_first_appear_in():
    df = varied_events(40, seed=3)
    ix = Indexed(df)
    for f in varied_views(seed=5, n=20):
        for key in FACETED:
            got, expected = facets(ix, f, [key])[key], old_facets(df, f, [key])[key]
            assert list(got.items()) == list(expected.items())


def test_a_search_is_read_once_per_view_and_the_kept_masks_are_bounded(frame, monkeypatch):
    from data import filters  # noqa: PLC0415

    searched = []
    q = BY_KEY["q"]
    counted = replace(q, mask=lambda df, v: searched.append(v) or q.mask(df, v))
    monkeypatch.setitem(filters.BY_KEY, "q", counted)
    monkeypatch.setattr(filters, "MAX_KEPT", 3)
    ix = Indexed(frame)
    f = Filters(q="fine", company=("Tencent",))
    count_events(ix, f), filter_events(ix, f), facets(ix, f, FACETED)
    assert searched == ["fine"]
    for word in ("a", "b", "c", "fine"):
        count_events(ix, Filters(q=word))
    assert searched == ["fine", "a", "b", "c", "fine"]  # 3 kept: "fine" was let go
    assert count_events(ix, f) == count_events(frame, f)


def test_any_of_by_code_is_the_mask_row_by_row(frame):
    """any_of decides once per distinct tuple: the same mask, index and name as asking each
    row, for every name, several names and none; a column of lists is asked row by row."""
    from data.params import any_of  # noqa: PLC0415

    def row_by_row(column, wanted):
        wanted = frozenset(wanted)
        return column.map(lambda names: not wanted.isdisjoint(names)).astype(bool)

    column = frame["companies"].iloc[::-3]  # an index out of order, and a name
    for wanted in [[c] for c in COMPANIES] + [["Tencent", "Didi"], [], ["Nobody"]]:
        pd.testing.assert_series_equal(any_of(column, wanted), row_by_row(column, wanted))
    lists = pd.Series([["Tencent"], [], ["Didi", "Tencent"]], name="companies")
    pd.testing.assert_series_equal(any_of(lists, ["Didi"]), row_by_row(lists, ["Didi"]))
