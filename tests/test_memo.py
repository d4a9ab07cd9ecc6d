"""The per-corpus memo of views: built once per view, bounded, gone with its frames, and
a view seen again (widening back to every event) draws from it the same page."""

from __future__ import annotations

import gc
import json
import threading
import time
from dataclasses import replace

from streamlit.testing.v1 import AppTest

from components import charts, memo
from data.filters import Filters
from data.frames import build_frames
from tests.test_app_pages import APP, synthetic, synthetic_corpus  # noqa: F401 - fixture


def frames():
    return build_frames(synthetic_corpus())


def test_a_view_is_built_once_and_shared_not_across_corpora():
    a, b = frames(), frames()
    built = []

    def build(tag):
        return lambda: built.append(tag) or object()

    first = memo.remember(a, ("chart", 1), build("a1"))
    assert memo.remember(a, ("chart", 1), build("again")) is first
    assert memo.remember(b, ("chart", 1), build("b1")) is not first  # another corpus
    assert memo.remember(a, ("chart", 2), build("a2")) is not first  # another view
    assert built == ["a1", "b1", "a2"]


def test_the_least_recently_used_views_go_first(monkeypatch):
    monkeypatch.setattr(memo, "MAX_VIEWS", 3)
    fr = frames()
    built = []
    for key in (1, 2, 3):
        memo.remember(fr, key, lambda key=key: built.append(key) or key)
    memo.remember(fr, 1, lambda: built.append("1 again"))  # 1 is now the most recent
    memo.remember(fr, 4, lambda: built.append(4) or 4)  # pushes 2 out
    memo.remember(fr, 2, lambda: built.append("2 again") or 2)
    memo.remember(fr, 1, lambda: built.append("1 a third time"))
    assert built == [1, 2, 3, 4, "2 again"]


def test_a_corpus_s_views_go_with_its_frames():
    fr = frames()
    memo.remember(fr, "view", lambda: [0] * 1000)
    ident = id(fr)
    assert ident in memo._tables
    del fr
    gc.collect()
    assert ident not in memo._tables


def test_widening_back_reuses_the_first_view_and_shows_the_same(synthetic, monkeypatch):  # noqa: F811
    calls = []
    real = charts.timeline_chart
    monkeypatch.setattr(
        charts, "timeline_chart", lambda *a, **k: calls.append(a[1:]) or real(*a, **k)
    )
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    first = json.loads(at.get("plotly_chart")[0].proto.spec)
    first_list = at.dataframe[0].value.copy()
    at.sidebar.multiselect(key="company").select("Tencent")
    at.run()
    assert len(json.loads(at.get("plotly_chart")[0].proto.spec)["data"]) < len(first["data"])
    at.sidebar.multiselect(key="company").unselect("Tencent")
    at.run()
    assert not at.exception
    assert len(calls) == 2  # every event, then Tencent's; every event again from the memo
    assert json.loads(at.get("plotly_chart")[0].proto.spec) == first
    assert at.dataframe[0].value.equals(first_list)


def test_callers_asking_while_a_view_is_built_wait_for_it_instead_of_building_it_again():
    fr = frames()
    started, release = threading.Event(), threading.Event()
    built = []

    def slow():
        built.append("built")
        started.set()
        release.wait(10)
        return object()

    results = []
    first = threading.Thread(target=lambda: results.append(memo.remember(fr, "view", slow)))
    first.start()
    assert started.wait(10)
    others = [
        threading.Thread(target=lambda: results.append(memo.remember(fr, "view", slow)))
        for _ in range(3)
    ]
    for t in others:
        t.start()
    time.sleep(0.3)  # let them ask while the first build runs
    release.set()
    for t in [first, *others]:
        t.join(10)
    assert built == ["built"]
    assert len(results) == 4
    assert all(r is results[0] for r in results)


def test_a_failed_build_fails_every_caller_waiting_for_it_and_the_next_one_builds_again():
    fr = frames()
    started, release = threading.Event(), threading.Event()

    def failing():
        started.set()
        release.wait(10)
        raise ValueError("no view")

    errors = []

    def ask():
        try:
            memo.remember(fr, "view", failing)
        except ValueError as exc:
            errors.append(str(exc))

    first = threading.Thread(target=ask)
    first.start()
    assert started.wait(10)
    waiting = threading.Thread(target=ask)
    waiting.start()
    time.sleep(0.3)  # let it ask while the build runs
    release.set()
    first.join(10)
    waiting.join(10)
    assert errors == ["no view", "no view"]
    assert memo.remember(fr, "view", lambda: "built") == "built"


def test_forget_empties_a_corpus_s_views_and_no_other_s():
    a, b = frames(), frames()
    built = []
    memo.remember(a, "view", lambda: built.append("a"))
    memo.remember(b, "view", lambda: built.append("b"))
    memo.forget(a)
    memo.remember(a, "view", lambda: built.append("a again"))
    memo.remember(b, "view", lambda: built.append("b again"))
    assert built == ["a", "b", "a again"]


def test_picking_an_event_or_regrouping_reuses_the_view_s_counts_and_list(monkeypatch):
    """What does not depend on the selected event or the grouping is not built again for
    them; the list still marks the event picked, and a chart of every event marks it."""
    from components import cards, state  # noqa: PLC0415 - streamlit-free functions

    fr = frames()
    f = Filters(company=("Alibaba", "Baidu"))
    built = []
    real = memo.remember
    monkeypatch.setattr(
        memo, "remember", lambda fr, key, build: real(fr, key, lambda: built.append(key[0]) or build())
    )
    monkeypatch.setattr(cards, "remember", memo.remember)
    monkeypatch.setattr(state, "remember", memo.remember)

    def page(view):
        events = cards.ViewEvents(fr, view)
        state.facet_counts(fr, view)
        return len(events), cards.view_chart(events, view.group), cards.view_rows(events)

    n, _, rows = page(f)
    assert sorted(built) == ["chart", "count", "facets", "list"]
    assert set(rows["selected"]) == {""}
    built.clear()
    picked = rows["id"].iloc[-1]
    _, chart, rows = page(replace(f, event=picked))
    assert built == ["chart"]  # the detail chart rings the event: a chart of its own
    assert list(rows["selected"]) == [""] * (n - 1) + ["▶"]
    assert picked in json.dumps(chart.figure.to_plotly_json()["data"][-1]["customdata"])
    built.clear()
    page(replace(f, event=picked, group="regulator"))
    assert built == ["chart"]


def test_the_scope_line_is_read_from_what_the_frames_worked_out_once(synthetic):  # noqa: F811
    from components import loader  # noqa: PLC0415

    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.run()
    assert not at.exception
    assert any("Built from 2 articles" in h.proto.body for h in at.get("html"))
    kept = vars(loader.frames())
    assert kept["outlets"].to_dict() == {"Outlet 001": 1, "Outlet 002": 1}
    assert kept["latest_published"] == "2021-08-20"
