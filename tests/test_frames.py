"""Records -> frames, and article text -> HTML (always escaped)."""

from __future__ import annotations

import dataclasses
import json

import pandas as pd
import pytest

from components.charts import market_cap_figure, selected_event, timeline_figure
from components.export import to_json
from components.textview import highlighted_article, text_fragment_url
from data import frames as frames_module
from data.actors import actor_info
from data.corpus import load_corpus
from data.frames import build_frames, events_frame, figures_frame
from tests.test_app_pages import HOSTILE, TEXT_A, TEXT_B, synthetic_corpus
from tests.test_snapshot import same_frames


def frames():
    return build_frames(synthetic_corpus(), aliases={"Tencent": ("WeChat",)})


def test_dated_events_oldest_first_and_statements_apart():
    fr = frames()
    assert list(fr.events["id"]) == ["002-e1", "002-e2", "001-e1", "001-e2"]
    assert list(fr.statements["id"]) == ["001-s1"]
    assert fr.statements["date_start"].isna().all()
    assert fr.events["date_start"].dtype.kind == "M"


def test_vocabularies_come_from_the_corpus():
    fr = frames()
    assert fr.companies == ("Alibaba", "Baidu", "Tencent")  # most frequent first, then A-Z
    assert fr.regulators == ("SAMR", "Chinese government (unspecified)")
    assert fr.categories == ("IPO and listings", "antitrust", "content and censorship", "fine")
    assert fr.source_ids == ("001", "002")
    assert fr.event_ids == {"001-e1", "001-e2", "002-e1", "002-e2", "001-s1"}


def test_every_quote_is_its_slice_of_the_text():
    fr = frames()
    both = pd.concat([fr.events, fr.statements])
    for source, quote, start, end in zip(
        both["source"], both["quote"], both["start"], both["end"], strict=True
    ):
        assert fr.texts[source][start:end] == quote


def test_figures_keep_usd_and_market_cap():
    fig = frames().figures.iloc[0]
    assert fig["usd"] == 100e9
    assert fig["market_cap"]
    assert fig["companies"] == ("Tencent",)


def test_article_markup_is_shown_as_text():
    fr = frames()
    spans = list(zip(fr.events["start"], fr.events["end"], fr.events["id"], strict=True))
    html = highlighted_article(TEXT_B, [s for s in spans if s[2].startswith("002")], "002-e2")
    assert "<script>" not in html
    assert "<img" not in html
    assert "&lt;script&gt;" in html
    assert html.count("<mark") == 2


def test_highlight_survives_overlapping_and_bad_spans():
    html = highlighted_article(TEXT_A, [(0, 20, "a"), (10, 30, "b"), (-5, 3, "x"), (5, 10**6, "y")])
    assert html.count("<mark") == 1
    assert 'id="q-b"' in html  # the overlapped quote keeps an anchor


def test_hover_escapes_quotes_and_figure_carries_ids():
    fr = frames()
    spec = json.loads(timeline_figure(fr.events).to_json())
    hover = " ".join(h for t in spec["data"] for h in t.get("hovertext", []))
    assert HOSTILE not in hover
    assert "&lt;script&gt;" in hover
    ids = {c for t in spec["data"] for c in t.get("customdata", [])}
    assert ids == set(fr.events["id"])


def test_selection_maps_to_a_known_event_only():
    valid = {"001-e1"}
    assert selected_event({"selection": {"points": [{"customdata": "001-e1"}]}}, valid) == "001-e1"
    assert selected_event({"selection": {"points": []}}, valid) is None
    assert selected_event({"selection": {"points": [{"customdata": "<b>"}]}}, valid) is None


def test_text_fragment_encodes_separators():
    url = text_fragment_url("https://a.org/x", "Two-day talks, then fines for Tencent & Baidu.")
    assert url == (
        "https://a.org/x#:~:text=Two%2Dday%20talks%2C%20then%20fines%20for%20Tencent%20%26%20Baidu."
    )
    assert text_fragment_url("javascript:alert(1)", "x") == ""


def test_export_json_is_valid_and_complete():
    from components.export import View

    fr = frames()
    view = View(link="http://127.0.0.1:8501/", filters={}, description="All.")
    exported = json.loads(to_json(fr.events, fr.statements, fr.figures, fr.sources, view))
    records = exported["statements"]
    assert records[0]["date_start"] is None
    assert records[0]["regulators"] == ["SAMR"]
    assert records[0]["source_url"] == "https://example.com/a"
    assert exported["view"]["link"] == "http://127.0.0.1:8501/"


def test_shared_market_values_and_losses_are_never_one_companys_own():
    fr = build_frames(load_corpus())
    values = market_cap_figure(fr.figures, {}, loss=False)
    losses = market_cap_figure(fr.figures, {}, loss=True)
    drawn = {(trace.name, round(y)) for fig in (values, losses) for trace in fig.data for y in trace.y}
    assert ("Alibaba and Tencent, combined", 1300) in drawn  # a combined $1.3 trillion (001)
    assert ("Alibaba, Kuaishou and Tencent, combined", 344) in drawn  # lost US$344 billion (000)
    assert not {name for name, _ in drawn} & {"Alibaba", "Tencent", "Kuaishou"}


def test_record_fields_become_columns_once():
    from data.records import Event, Figure, public_fields

    fr = build_frames(load_corpus())
    assert tuple(fr.events.columns) == (*public_fields(Event), "dated", "search")
    assert tuple(fr.figures.columns) == public_fields(Figure)
    assert set(fr.events["relevance"]) <= {"crackdown", "background"}
    kinds = fr.events["regulator_kinds"]
    assert all(set(k) == set(r) for k, r in zip(kinds, fr.events["regulators"], strict=True))
    assert fr.figures["shared"].dtype == bool


def test_frames_of_no_records_keep_the_column_types_of_text_and_tuples():
    events, figures = events_frame([]), figures_frame([])
    assert events.empty
    assert figures.empty
    assert events["quote"].dtype == object
    assert events["companies"].dtype == object
    assert str(events["date_start"].dtype).startswith("datetime64")
    assert figures["kind"].dtype == object
    assert figures["market_cap"].dtype == bool


# -- rebuilding only the sources that changed equals building from scratch ------------------


def _without(corpus, source: str):
    """The corpus minus one article."""
    return dataclasses.replace(
        corpus,
        sources={k: v for k, v in corpus.sources.items() if k != source},
        texts={k: v for k, v in corpus.texts.items() if k != source},
        events=tuple(e for e in corpus.events if e.source != source),
        statements=tuple(e for e in corpus.statements if e.source != source),
        figures=tuple(f for f in corpus.figures if f.source != source),
    )


def _edited(corpus, source: str):
    """The corpus with one article's first dated event gone and its first statement moved
    to the end of the article (what an edit of its text or date can do)."""
    dated = [e for e in corpus.events if e.source == source and e.date_start is not None]
    said = [e for e in corpus.statements if e.source == source]
    moved = dataclasses.replace(said[0], start=said[0].start + 10_000) if said else None
    return dataclasses.replace(
        corpus,
        events=tuple(e for e in corpus.events if e is not dated[0]),
        statements=tuple(moved if e is said[0] else e for e in corpus.statements),
    )


@pytest.mark.parametrize("change", ["added", "edited", "removed", "none"])
def test_frames_updated_after_a_change_are_the_frames_built_from_scratch(change):
    corpus = load_corpus()
    busiest = max(corpus.sources, key=lambda s: sum(e.source == s for e in corpus.events))
    before, after = {
        "added": (_without(corpus, busiest), corpus),
        "edited": (_edited(corpus, busiest), corpus),
        "removed": (corpus, _without(corpus, busiest)),
        "none": (corpus, corpus),
    }[change]
    previous = build_frames(before)
    names = {n: (e.full, *e.aliases) for n, e in actor_info().items()} | previous.aliases
    assert frames_module._rows_updated(  # the update path is the one taken
        previous, frames_module.records_by_source(after), names
    ) is not None  # fmt: skip
    same_frames(build_frames(after, previous=previous), build_frames(after))


def test_the_latest_publication_keeps_its_precision():
    """An article known only to its month (the seeds' 003, February 2022) is not dated to
    the first of the month where the page names the latest publication."""
    from dataclasses import replace

    corpus = load_corpus()
    fr = build_frames(corpus)
    assert fr.latest_published == "2022-02"
    day = {sid: replace(s, published_precision="day") for sid, s in corpus.sources.items()}
    assert build_frames(replace(corpus, sources=day)).latest_published == "2022-02-01"
