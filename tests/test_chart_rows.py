"""The chart's rows and overview squares, worked out by code, are exactly what the first
(per event, ``explode`` and ``groupby``) algorithm gave, on varied events."""

from __future__ import annotations

import pandas as pd
import pytest

from components import charts
from data.records import Precision
from tests.test_indexed import varied_events


def first_rows(df: pd.DataFrame, group: str) -> pd.DataFrame:
    """:func:`charts.timeline_rows` as first written: a Python step per event."""
    own, other = ("companies", "regulators") if group == "company" else ("regulators", "companies")
    names = [charts._row_names(a, b, group) for a, b in zip(df[own], df[other], strict=True)]
    rows = df[charts.ROW_COLUMNS].assign(row=names).explode("row")
    rows["mid"] = rows["date_start"] + (rows["date_end"] - rows["date_start"]) / 2
    rows["x"] = rows["mid"].where(rows["precision"] != Precision.DAY, rows["date_start"]).dt.normalize()
    counts = rows["row"].value_counts()
    order = sorted(counts.index, key=lambda n: (n == charts.SECTOR_WIDE,
                                                n.endswith(")") and " (no " in n, -counts[n], n))  # fmt: skip
    place = {name: len(order) - 1 - i for i, name in enumerate(order)}
    same = rows.groupby(["row", "x"], sort=False)["id"]
    k, n = same.cumcount(), same.transform("size")
    rows["y"] = rows["row"].map(place) + (k - (n - 1) / 2) * (0.7 / n).clip(upper=0.22)
    rows.attrs["names"], rows.attrs["place"] = order, place
    return rows


def first_squares(rows: pd.DataFrame, period: str) -> list[tuple]:
    """(row, first day, count, most frequent category) per overview square, in the order
    ``value_counts(sort=False)`` of (row, period, category) gave them."""
    table = pd.DataFrame({
        "row": rows["row"].to_numpy(dtype=object),
        "period": charts._period_starts(rows["x"], period),
        "category": rows["category"].to_numpy(dtype=object),
    })  # fmt: skip
    counts = table.value_counts(sort=False)
    squares: dict[tuple, list] = {}
    for (row, first, category), n in zip(counts.index.tolist(), counts.tolist(), strict=True):
        squares.setdefault((row, first), []).append((category, n))
    out = []
    for (row, first), found in squares.items():
        best = sorted(found, key=lambda cn: (-cn[1], charts._rank(cn[0])))[0][0]
        out.append((row, pd.Timestamp(first).date(), sum(n for _, n in found), best))
    return out


CASES = [(size, seed) for size in (1, 2, 5, 40, 700) for seed in range(3)]


@pytest.mark.parametrize(("size", "seed"), CASES)
@pytest.mark.parametrize("group", ["company", "regulator"])
def test_rows_by_code_are_the_rows_per_event(size, seed, group):
    df = varied_events(size, seed=seed)
    got, expected = charts.timeline_rows(df, group), first_rows(df, group)
    pd.testing.assert_frame_equal(got, expected)
    assert got.attrs == expected.attrs


def test_rows_of_no_events_are_the_rows_explode_gives():
    df = varied_events(5).iloc[:0]
    for group in ("company", "regulator"):
        pd.testing.assert_frame_equal(charts.timeline_rows(df, group), first_rows(df, group))


def test_rows_of_a_filtered_view_keep_its_index():
    df = varied_events(200, seed=4)
    view = df[df["category"] == "fine"]
    pd.testing.assert_frame_equal(charts.timeline_rows(view), first_rows(view, "company"))


@pytest.mark.parametrize("period", list(charts.PERIODS))
@pytest.mark.parametrize("group", ["company", "regulator"])
def test_overview_squares_by_code_are_the_squares_counted_per_event(period, group):
    for size, seed in CASES:
        rows = charts.timeline_rows(varied_events(size, seed=seed), group)
        bins = charts.overview_bins(rows, period)
        assert list(zip(bins["row"], bins["start"], bins["n"], bins["category"], strict=True)) == (
            first_squares(rows, period)
        )
        for start, label in zip(bins["start"], bins["label"], strict=True):
            p = pd.Period(pd.Timestamp(start), freq=charts.PERIODS[period][1])
            assert label == charts._period_label(p, period)


def test_a_goal_decades_ahead_is_left_out_of_the_first_range_and_counted():
    """Blind batch 16, in the browser: one goal "by 2060" stretched the axis to 2060 and drew
    every other event into a sliver at its left. The chart opens on the bulk, as it does for
    a decade far back, and counts what lies ahead of it."""
    df = varied_events(40, seed=3)  # 2019-2023
    plain = charts.timeline_chart(df)
    goal = df.iloc[[0]].assign(id="goal", date_start=pd.Timestamp("2060-01-01"),
                               date_end=pd.Timestamp("2060-12-31"), precision=Precision.YEAR)
    chart = charts.timeline_chart(pd.concat([df, goal], ignore_index=True))
    end = pd.Timestamp(chart.figure.layout.xaxis.range[1])
    assert end < pd.Timestamp("2026-01-01")
    assert (chart.far, chart.ahead) == (plain.far, 1)
    assert (plain.ahead, plain.figure.layout.xaxis.range) == (0, None)
