"""The timeline's overview: a view too large to read marker by marker is drawn as counts.

Above :data:`components.charts.DETAIL_LIMIT` events, one square per row and period
(size: how many events are placed there; colour and shape: the most frequent
category) replaces the markers; clicking a square zooms the view into that period
and row. Pure functions here; the page's wiring is in tests/test_app_pages.py.
"""

from datetime import date

import pandas as pd
import pytest

from components import charts


def _events(rows: list[tuple]) -> pd.DataFrame:
    """A filtered events frame: (id, start, end, precision, companies, regulators, category)."""
    df = pd.DataFrame(
        rows,
        columns=["id", "date_start", "date_end", "precision", "companies", "regulators", "category"],
    )
    for col in ("date_start", "date_end"):
        df[col] = pd.to_datetime(df[col])
    return df.assign(date_text="in July", quote="Regulators fined the firm.", source="001")


JULY = [
    ("e1", "2021-07-02", "2021-07-02", "day", ("Tencent",), ("SAMR",), "fine"),
    ("e2", "2021-07-20", "2021-07-20", "day", ("Tencent",), (), "fine"),
    ("e3", "2021-07-01", "2021-07-31", "month", ("Tencent", "Alibaba"), (), "antitrust"),
    ("e4", "2021-08-13", "2021-08-13", "day", ("Alibaba",), ("SAMR",), "antitrust"),
    ("e5", "2021-08-14", "2021-08-14", "day", (), ("CAC",), "data and privacy law"),
]


@pytest.mark.parametrize(
    ("lo", "hi", "period"),
    [
        ("2021-07-01", "2021-07-20", "day"),
        ("2021-01-01", "2021-06-30", "week"),
        ("2020-01-01", "2022-06-30", "month"),
        ("2016-01-01", "2022-12-31", "quarter"),
        ("1990-01-01", "2022-12-31", "year"),
    ],
)
def test_the_period_is_the_finest_that_keeps_the_span_readable(lo, hi, period):
    assert charts.overview_period(pd.Timestamp(lo), pd.Timestamp(hi)) == period


def test_each_square_counts_the_events_placed_in_its_row_and_period():
    rows = charts.timeline_rows(_events(JULY))
    bins = charts.overview_bins(rows, "month").set_index(["row", "label"])
    assert bins.loc[("Tencent", "Jul 2021"), "n"] == 3
    assert bins.loc[("Alibaba", "Jul 2021"), "n"] == 1  # e3 names both companies
    assert bins.loc[("Alibaba", "Aug 2021"), "n"] == 1
    assert bins.loc[("CAC (no company)", "Aug 2021"), "n"] == 1
    assert bins["n"].sum() == len(rows)  # every placed marker is in exactly one square
    tencent = bins.loc[("Tencent", "Jul 2021")]
    assert tencent["category"] == "fine"  # 2 fines, 1 antitrust
    assert (tencent["start"], tencent["end"]) == (date(2021, 7, 1), date(2021, 7, 31))
    assert "3 events: fine 2, antitrust 1" in tencent["hover"]


def test_a_tie_goes_to_the_category_first_in_the_taxonomy():
    tie = [
        ("a", "2021-07-02", "2021-07-02", "day", ("Tencent",), (), "antitrust"),
        ("b", "2021-07-03", "2021-07-03", "day", ("Tencent",), (), "fine"),
    ]
    bins = charts.overview_bins(charts.timeline_rows(_events(tie)), "month")
    first = min(("fine", "antitrust"), key=charts.CATEGORY_ORDER.index)
    assert bins["category"].tolist() == [first]


def test_the_overview_carries_zoom_targets_not_event_ids_and_a_click_reads_back():
    df = _events(JULY)
    fig = charts.overview_figure(charts.timeline_rows(df), "month").to_plotly_json()
    targets = [c for t in fig["data"] for c in (t.get("customdata") or [])]
    assert targets
    assert not set(targets) & set(df["id"])
    sizes = [s for t in fig["data"] if t.get("customdata") for s in t["marker"]["size"]]
    assert min(sizes) < max(sizes)  # three events make a bigger square than one
    tencent = next(c for c in targets if c.endswith(":Tencent") and "2021-07" in c)
    zoom = charts.selected_zoom({"selection": {"points": [{"customdata": tencent}]}})
    assert zoom == (date(2021, 7, 1), date(2021, 7, 31), "Tencent")
    # the legend names the categories, each with its filled symbol
    legend = [t["name"] for t in fig["data"] if t.get("showlegend")]
    assert sorted(legend) == sorted(df["category"].unique())


@pytest.mark.parametrize(
    "point",
    [
        {"customdata": "e1"},
        {"customdata": "zoom:2021-13-01:2021-07-31:Tencent"},
        {"customdata": "zoom:2021-07-31:2021-07-01:Tencent"},
        {"customdata": "zoom:2021-07-01"},
        {"customdata": ["zoom:not a date"]},
        {"x": 1},
    ],
)
def test_a_selection_that_is_not_a_well_formed_zoom_target_is_ignored(point):
    assert charts.selected_zoom({"points": [point]}) is None


def test_a_row_name_with_colons_survives_the_round_trip():
    zoom = charts.selected_zoom({"points": [{"customdata": "zoom:2021-07-01:2021-09-30:A: B"}]})
    assert zoom == (date(2021, 7, 1), date(2021, 9, 30), "A: B")


def test_a_view_above_the_detail_limit_is_drawn_as_an_overview(monkeypatch):
    df = _events(JULY)
    monkeypatch.setattr(charts, "DETAIL_LIMIT", len(df))
    detail = charts.timeline_chart(df)
    assert detail.period is None
    ids = {c for t in detail.figure.to_plotly_json()["data"] for c in t.get("customdata") or []}
    assert ids == set(df["id"])
    assert detail.summary.startswith("Timeline chart of 5 events")
    monkeypatch.setattr(charts, "DETAIL_LIMIT", len(df) - 1)
    overview = charts.timeline_chart(df)
    assert overview.period == "week"
    assert overview.summary.startswith("Overview chart of 5 events")
    assert "one square per company and week" in overview.summary


def test_a_chart_reads_only_the_columns_it_declares(monkeypatch):
    """The page filters only these columns for the chart (copying the quotes and search
    text of 124,304 events cost 0.25 s before the chart was sent): the same chart."""
    df = _events(JULY)
    for limit in (100, 2):  # every event drawn, then an overview
        monkeypatch.setattr(charts, "DETAIL_LIMIT", limit)
        whole = charts.timeline_chart(df)
        part = charts.timeline_chart(df[charts.chart_columns(len(df))])
        assert part.figure.to_json() == whole.figure.to_json()
        assert (part.summary, part.period, part.far, part.ahead) == (
            whole.summary, whole.period, whole.far, whole.ahead)
    assert "quote" not in charts.chart_columns(charts.DETAIL_LIMIT + 1)


def test_the_legend_names_categories_and_hides_none(monkeypatch):
    """A legend click hid a category's markers while the list, the counts and the link
    still held them, so a colleague opening the link saw them; the sidebar's category
    filter, which the link keeps, is the way to hide a category."""
    detail = charts.timeline_chart(_events(JULY)).figure
    monkeypatch.setattr(charts, "DETAIL_LIMIT", 2)
    overview = charts.timeline_chart(_events(JULY)).figure
    for fig in (detail, overview):
        assert fig.layout.legend.itemclick is False
        assert fig.layout.legend.itemdoubleclick is False
