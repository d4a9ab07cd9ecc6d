"""The event list (one row per real event) and the chart helpers' doctests.

``components/`` is not collected for doctests (its page scripts draw when
imported), so the pure helper modules are run here.
"""

import doctest

import pandas as pd
import pytest

from components import cards, charts, eventlist, state, textview
from data.corpus import load_corpus
from data.frames import build_frames


@pytest.mark.parametrize(
    "module", [eventlist, charts, cards, state, textview], ids=lambda m: m.__name__
)
def test_doctests(module):
    result = doctest.testmod(module)
    assert result.attempted
    assert not result.failed


def test_a_real_event_reported_twice_is_one_row_with_two_sources():
    fr = build_frames(load_corpus())
    merged = [g for g in {id(g): g for g in fr.groups.values()}.values() if len(g.sources) > 1]
    assert merged, "the seeds hold a real event reported by two articles (001 and 004)"
    group = merged[0]
    events = fr.events[fr.events["id"].isin(group.members)]
    rows = eventlist.event_list(events, fr.groups, selected=group.members[-1])
    assert len(rows) == 1
    assert rows["n_sources"].iloc[0] == len(group.sources)
    assert rows["selected"].iloc[0] == "▶"  # any member selected marks the row
    every = eventlist.event_list(fr.events, fr.groups)
    assert len(every) == len(fr.events) - sum(
        len(g.members) - 1 for g in {id(g): g for g in fr.groups.values()}.values()
    )


def _legend_symbol(trace: dict) -> str:
    """What the legend draws for a trace: its marker symbol, or its first point's."""
    symbol = trace["marker"]["symbol"]
    return symbol if isinstance(symbol, str) else symbol[0]


def test_the_legend_shows_each_categorys_filled_symbol_even_when_its_first_event_is_vague():
    fr = build_frames(load_corpus())
    events = fr.events.copy()
    first = events.groupby("category", sort=False).head(1).index
    events.loc[first, "precision"] = "vague"  # every category's first plotted event is vague
    spec = charts.timeline_figure(events).to_plotly_json()
    legend = [t for t in spec["data"] if t.get("showlegend", True) and t.get("name")]
    assert sorted(t["name"] for t in legend) == sorted(events["category"].unique())
    for trace in legend:
        assert _legend_symbol(trace) == charts.category_symbol(trace["name"]), trace["name"]
        assert not _legend_symbol(trace).endswith("-open")
    # the points themselves still show their precision: hollow where vague
    drawn = [t for t in spec["data"] if t.get("customdata") and t.get("name") != "selected"]
    symbols = {s for t in drawn for s in t["marker"]["symbol"]}
    assert any(s.endswith("-open") for s in symbols)


def test_money_charts_of_one_date_never_tick_hours():
    from tests.test_app_pages import synthetic_corpus

    fr = build_frames(synthetic_corpus())  # one market-value loss, dated July 2021
    fig = charts.market_cap_figure(fr.figures, {}, loss=True).to_plotly_json()
    lo, hi = (pd.Timestamp(x) for x in fig["layout"]["xaxis"]["range"])
    assert (hi - lo).days >= 30
    stops = fig["layout"]["xaxis"]["tickformatstops"]
    assert any(s["dtickrange"][1] == 86_400_000 and "%H" not in s["value"] for s in stops)


def test_a_limited_list_keeps_its_newest_rows_and_counts_every_real_event():
    fr = build_frames(load_corpus())
    every = eventlist.event_list(fr.events, fr.groups)
    assert every.attrs["real_events"] == len(every)
    cut = eventlist.event_list(fr.events, fr.groups, limit=3)
    assert cut.equals(every.head(3))
    assert cut.attrs["real_events"] == len(every)
    # as many real events as the limit: nothing was cut, though reports outnumber it
    whole = eventlist.event_list(fr.events, fr.groups, limit=len(every))
    assert whole.attrs["real_events"] == len(whole) < len(fr.events)


def test_a_view_s_list_from_the_frames_reports_is_the_list_of_its_events():
    """The list of a view, numbered from the frames' reports (``Frames.reports``), is the
    list its events give on their own: merged reports once, their sources counted; its
    statements and money figures, filtered through the frames' indexes, are those filtering
    gives."""
    from datetime import date  # noqa: PLC0415

    from data.filters import Filters, figures_in_view, filter_events  # noqa: PLC0415

    fr = build_frames(load_corpus())
    assert any(len(g.sources) > 1 for g in fr.groups.values())
    views = [Filters(), Filters(company=fr.companies[:1]), Filters(q="fine"),
             Filters(regulator=fr.regulators[:2], background="shown"),
             Filters(kind=("Chinese regulator",), q="the"),
             Filters(company=fr.companies[:2], date_from=date(2021, 6, 1), source=fr.source_ids[:3]),
             Filters(date_to=date(2020, 12, 31))]  # fmt: skip
    assert any(len(figures_in_view(fr.figures, f)) for f in views[1:])
    for f in views:
        got = cards.view_rows(cards.ViewEvents(fr, f))
        expected = eventlist.event_list(filter_events(fr.events, f), fr.groups, limit=cards.MAX_LIST_ROWS)
        pd.testing.assert_frame_equal(got, expected)
        assert got.attrs == expected.attrs
        pd.testing.assert_frame_equal(
            cards.view_statements(fr, f), filter_events(fr.statements, f, by_date=False)
        )
        pd.testing.assert_frame_equal(
            figures_in_view(fr.figures_indexed, f), figures_in_view(fr.figures, f)
        )
    assert (eventlist.event_list(fr.events, fr.groups)["n_sources"] > 1).any()
