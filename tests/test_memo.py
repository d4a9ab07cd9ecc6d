"""The per-corpus memo of views: built once per view, bounded, gone with its frames, and
a view seen again (widening back to every event) draws from it the same page."""

from __future__ import annotations

import gc
import json

from streamlit.testing.v1 import AppTest

from components import charts, memo
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
