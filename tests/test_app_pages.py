"""AppTest of every page, driven through query parameters like a shared link.

A small synthetic corpus stands in for the seeds (the loader's ``read_frames`` is
replaced), so the expectations do not move when the extraction improves; one
test runs the real corpus end to end.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from components import charts, loader
from components.pages import PAGES
from components.preload import chart_library_file
from data.frames import build_frames
from data.records import Corpus, Event, Figure, Source
from data.titles import short_title

APP = str(Path(__file__).resolve().parent.parent / "app.py")
HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'

TEXT_A = (
    "In July, regulators fined Tencent over WeChat. "
    "On Friday, SAMR fined Alibaba a record sum. "
    "The market value of Tencent fell by US$100 billion in July. "
    "SAMR will be investigating Alibaba."
)
TEXT_B = f"Baidu listed in 2005 on Nasdaq. {HOSTILE} was in the text."


def _event(source, text, quote, eid, date_text, start, end, precision, companies, regulators, cat):
    s = text.index(quote)
    return Event(
        eid, source, quote, s, s + len(quote), date_text, start, end, precision,
        tuple(companies), tuple(regulators), cat,
    )  # fmt: skip


def _source(sid, title, url="https://example.com/" + "a"):
    return Source(
        id=sid, filename=f"{sid}_x.txt", title=title, outlet=f"Outlet {sid}", authors=("A. Writer",),
        published=date(2021, 8, 20), published_precision="day", published_confidence="confirmed",
        published_note="", url=url, url_confidence="confirmed",
    )  # fmt: skip


def synthetic_corpus() -> Corpus:
    q1 = "In July, regulators fined Tencent over WeChat."
    q2 = "On Friday, SAMR fined Alibaba a record sum."
    q3 = "The market value of Tencent fell by US$100 billion in July."
    q4 = "SAMR will be investigating Alibaba."
    q5 = f"{HOSTILE} was in the text."
    events = (
        _event("001", TEXT_A, q1, "001-e1", "In July", date(2021, 7, 1), date(2021, 7, 31),
               "month", ["Tencent"], ["Chinese government (unspecified)"], "fine"),
        _event("001", TEXT_A, q2, "001-e2", "On Friday", date(2021, 8, 13), date(2021, 8, 13),
               "day", ["Alibaba"], ["SAMR"], "antitrust"),
        _event("002", TEXT_B, "Baidu listed in 2005 on Nasdaq.", "002-e1", "in 2005",
               date(2005, 1, 1), date(2005, 12, 31), "year", ["Baidu"], [], "IPO and listings"),
        _event("002", TEXT_B, q5, "002-e2", "recently", date(2021, 1, 1), date(2021, 8, 20),
               "vague", ["Baidu"], [], "content and censorship"),
    )  # fmt: skip
    statements = (
        _event(
            "001", TEXT_A, q4, "001-s1", "", None, None, "vague", ["Alibaba"], ["SAMR"], "antitrust"
        ),
    )
    s3 = TEXT_A.index(q3)
    figures = (
        Figure(
            "001-f1", "001", q3, s3, s3 + len(q3), "US$100 billion", s3 + 36, s3 + 50,
            100_000_000_000, "USD", 100_000_000_000, True, "market value loss", True,
            ("Tencent",), date(2021, 7, 1), date(2021, 7, 31),
        ),
    )  # fmt: skip
    return Corpus(
        sources={"001": _source("001", "Fines everywhere"), "002": _source("002", "Listings")},
        texts={"001": TEXT_A, "002": TEXT_B},
        events=events,
        statements=statements,
        figures=figures,
        problems=("seeds/999_bad.txt: binary file (contains NUL bytes), not an article",),
    )


@pytest.fixture
def synthetic(monkeypatch):
    st.cache_data.clear()
    st.cache_resource.clear()
    monkeypatch.setattr(loader, "read_frames", lambda seeds_dir, fp="": build_frames(synthetic_corpus()))
    yield
    st.cache_resource.clear()


def run(params: dict | None = None, page: str = "") -> AppTest:
    """Open the app at ``/<page>?<params>`` like a browser following a link."""
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in (params or {}).items():
        at.query_params[key] = value
    at.run()
    assert not at.exception
    if page:
        path = next(p["path"] for p in PAGES if p["url_path"] == page)
        at.switch_page(path).run()
        assert not at.exception
    failures = [e.value for e in at.error]
    assert not failures, failures
    return at


def text_of(at: AppTest) -> str:
    """Everything the page shows as text (markdown, html, captions, warnings, titles)."""
    parts = []
    for kind in ("markdown", "caption", "warning", "info", "title", "subheader", "text"):
        parts += [str(e.value) for e in getattr(at, kind)]
    parts += [e.proto.body for e in at.get("html")]
    return "\n".join(parts)


def chart_spec(at: AppTest, index: int = 0) -> dict:
    return json.loads(at.get("plotly_chart")[index].proto.spec)


def summary(at: AppTest) -> str:
    return next(e.proto.body for e in at.get("html") if "ct-summary" in e.proto.body)


def chart_ids(at: AppTest) -> set[str]:
    ids = set()
    for trace in chart_spec(at)["data"]:
        ids |= {c for c in trace.get("customdata") or [] if c}
    return ids


# ---------------------------------------------------------------------------


@pytest.mark.parametrize("page", [p["url_path"] for p in PAGES])
def test_every_page_draws_without_error(synthetic, page):
    at = run(page=page)
    declared = next(p for p in PAGES if p["url_path"] == page)
    assert at.title[0].value == declared["title"].replace("Timeline", "Crackdown Timeline")
    # The page list says which pages draw a chart on opening; those, and only those,
    # start fetching the chart library with the page (components.preload). The company
    # cards chart market values from three figures of a kind on (this corpus has one).
    assert bool(at.get("plotly_chart")) == (declared["chart"] and page != "companies")
    preloads = [e for e in at.get("html") if "__ctChartLibrary" in e.proto.body]
    assert len(preloads) == (1 if declared["chart"] else 0)
    if preloads:
        assert json.dumps(chart_library_file()) in preloads[0].proto.body


def test_the_chart_library_bundle_is_found_in_the_installed_streamlit():
    """The preload names Streamlit's own bundle; if an upgrade renames it, this says so
    (the app then loads the chart as before, only later)."""
    name = chart_library_file()
    assert name.startswith("PlotlyChart.")
    assert name.endswith(".js")
    assert (Path(st.__file__).parent / "static" / "static" / "js" / name).is_file()


def test_a_warm_start_does_not_import_the_extraction_or_icalendar():
    """The first page of a server whose store and snapshot are warm never extracts nor
    exports a calendar: those modules (a third of a second to import) load on first use."""
    code = (
        "import sys, components.loader, components.cards, components.state, components.charts;"
        "print(sorted(m for m in ('data.extract', 'data.dates', 'icalendar') if m in sys.modules))"
    )
    root = Path(APP).parent
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]", out.stdout + out.stderr


def test_timeline_shows_all_dated_events_and_lists_statements(synthetic):
    at = run()
    assert chart_ids(at) == {"001-e1", "001-e2", "002-e1", "002-e2"}
    assert "All 4 dated events, and 1 undated statement." in summary(at)
    assert "SAMR will be investigating Alibaba." in text_of(at)  # undated, listed under the chart


def test_company_link_filters_case_insensitively(synthetic):
    at = run({"company": ["tencent", "ALIBABA"]})
    assert chart_ids(at) == {"001-e1", "001-e2"}
    assert at.multiselect(key="company").value == ["Tencent", "Alibaba"]
    assert "2 events about Tencent or Alibaba" in summary(at)
    assert not at.warning  # case is not an error


def test_regulator_and_dates_from_link(synthetic):
    at = run({"regulator": "samr", "from": "2021", "to": "2021-12-31"})
    assert chart_ids(at) == {"001-e2"}
    assert "1 event, from SAMR, in 2021, and 1 undated statement (not filtered by date)." in summary(at)
    assert at.date_input(key="from").value == date(2021, 1, 1)


def test_text_search_and_category(synthetic):
    at = run({"q": "WECHAT"})
    assert chart_ids(at) == {"001-e1"}
    at = run({"category": "ipo and listings"})
    assert chart_ids(at) == {"002-e1"}


def test_category_and_precision_are_visible_on_the_chart(synthetic):
    from components.charts import category_color, category_symbol

    spec = chart_spec(run())
    markers = [t for t in spec["data"] if t.get("mode") == "markers" and t.get("customdata")]
    symbols = {}
    for trace in markers:
        for ident, symbol in zip(trace["customdata"], trace["marker"]["symbol"], strict=True):
            symbols[ident] = symbol
    # the category is colour and shape; a vague date is the hollow shape
    assert symbols["001-e2"] == category_symbol("antitrust")
    assert symbols["002-e2"] == category_symbol("content and censorship") + "-open"
    assert symbols["001-e2"] != symbols["001-e1"]  # fine and antitrust differ in shape too
    legend = {t["name"]: t for t in spec["data"] if t.get("showlegend", True) and t.get("name")}
    assert legend["fine"]["marker"]["color"] == category_color("fine")
    # the vague event's category is listed with its filled shape, not the hollow one
    assert legend["content and censorship"]["marker"]["symbol"] == (
        category_symbol("content and censorship")
    )
    bars = [t for t in spec["data"] if t.get("mode") == "lines"]
    month_bar = [t for t in bars if "2021-07-01" in str(t["x"][0])]
    assert month_bar, "the July event spans its month as a bar"
    assert str(month_bar[0]["x"][1]).startswith("2021-08-01")
    hover = " ".join(" ".join(t["hovertext"]) for t in markers)
    assert "“In July”" in hover
    assert "Tencent" in hover


def test_rows_without_a_company_are_split_by_state_actor():
    from components.charts import SECTOR_WIDE, timeline_rows
    from data.frames import build_frames

    fr = build_frames(synthetic_corpus(), aliases={})
    rows = timeline_rows(fr.events, "regulator")
    assert set(rows["row"]) == {"SAMR", "Chinese government (unspecified)", "Baidu (no state actor)"}
    one = fr.events.assign(companies=[()] * len(fr.events), regulators=[()] * len(fr.events))
    assert set(timeline_rows(one)["row"]) == {SECTOR_WIDE}


def test_timeline_rows_carry_only_what_the_chart_reads():
    """Exploding every column of 124,304 events (quotes, search text) per actor cost a
    second of the first view; the chart reads these, and the rows keep the events' index."""
    from components.charts import timeline_rows
    from data.frames import build_frames

    fr = build_frames(synthetic_corpus(), aliases={})
    rows = timeline_rows(fr.events)
    assert set(rows.columns) == {"id", "date_start", "date_end", "precision", "category",
                                 "row", "mid", "x", "y"}  # fmt: skip
    assert set(rows.index) == set(fr.events.index)


def test_markers_on_the_same_day_and_row_are_offset_not_hidden():
    from components.charts import timeline_rows
    from data.frames import build_frames

    fr = build_frames(synthetic_corpus(), aliases={})
    twice = fr.events.iloc[[1, 1]].assign(id=["x1", "x2"])
    rows = timeline_rows(twice)
    assert rows["y"].nunique() == 2
    assert abs(rows["y"].iloc[0] - rows["y"].iloc[1]) < 0.5  # still on their row


def test_palette_has_3_to_1_contrast_on_white_and_a_shape_per_category():
    from components.charts import PALETTE, SYMBOLS, contrast_on_white
    from data.categories import CATEGORY_NAMES

    low = {c: round(contrast_on_white(c), 2) for c in PALETTE if contrast_on_white(c) < 3}
    assert not low, low
    assert len(set(PALETTE)) == len(PALETTE) >= len(CATEGORY_NAMES)
    assert len(set(SYMBOLS)) == len(SYMBOLS) >= len(CATEGORY_NAMES)


def test_a_one_day_view_never_ticks_hours(synthetic):
    spec = chart_spec(run({"company": "Alibaba"}))  # one event, on one day
    lo, hi = (date.fromisoformat(x[:10]) for x in spec["layout"]["xaxis"]["range"])
    assert (hi - lo).days >= 30


def test_selected_event_opens_its_card(synthetic):
    at = run({"event": "001-e1"})
    card = text_of(at)
    assert "Selected event" in card
    assert "In July, regulators fined Tencent over WeChat." in card
    assert "Outlet 001" in card
    links = [b.proto.url for b in at.get("link_button")]
    assert any("#:~:text=" in u for u in links)


def test_hostile_link_drops_values_with_a_notice(synthetic):
    at = run(
        {
            "company": ["Tencent", "Nokia", HOSTILE],
            "from": "2021-02-30",
            "to": ["2021-01-01", "2022-01-01"],
            "q": "x" * 5000,
            "event": "no-such-event",
            "utm": "1",
        }
    )
    notice = at.warning[0].value
    for expected in (
        "Nokia",
        "from",
        "“to” was given 2 times",
        "5,000-character",
        "no\\-such\\-event",
    ):
        assert expected in notice
    assert "<script>" not in notice  # markup is escaped, never rendered
    assert chart_ids(at) == {"001-e1"}  # the rest still applies: Tencent
    assert at.multiselect(key="company").value == ["Tencent"]


def test_empty_results_offer_a_way_back(synthetic):
    at = run({"company": "Baidu", "regulator": "SAMR"})
    assert "No events match these filters." in text_of(at)
    at.button(key="empty_clear").click().run()
    assert not at.exception
    assert at.multiselect(key="company").value == []
    assert len(chart_ids(at)) == 4


def test_filters_survive_a_page_change(synthetic):
    at = run({"company": "Alibaba"})
    at.switch_page(PAGES[1]["path"]).run()
    assert not at.exception
    assert at.multiselect(key="company").value == ["Alibaba"]
    assert "Alibaba" in [s.value for s in at.subheader]
    assert "Tencent" not in [s.value for s in at.subheader]


def test_company_cards_show_counts_figures_and_aliases(synthetic):
    at = run(page="companies")
    names = [s.value for s in at.subheader]
    # "most events first": Baidu's two dated events, then Alibaba's one and its statement,
    # then Tencent's one (Alibaba came first when statements and figures counted as events)
    assert [n for n in names if n in ("Alibaba", "Baidu", "Tencent")] == ["Baidu", "Alibaba",
                                                                          "Tencent"]  # fmt: skip
    body = text_of(at)
    assert "US$100 billion" in body
    assert "market value loss" in body
    assert "WeChat" in body  # an alias from the gazetteer
    # one figure: listed, not charted (test_fewer_than_three_market_figures_are_listed...)
    assert "<b>US$100 bn</b> · Tencent · 2021-07" in "".join(e.proto.body for e in at.get("html"))


def test_company_card_opens_the_filtered_timeline(synthetic):
    at = run(page="companies")
    at.button(key="open_timeline_Tencent").click().run()
    assert not at.exception
    assert at.multiselect(key="company").value == ["Tencent"]
    assert chart_ids(at) == {"001-e1"}


def test_viewer_marks_the_selected_quote_and_escapes_markup(synthetic):
    at = run({"event": "002-e2"}, page="sources")
    html = "\n".join(e.proto.body for e in at.get("html"))
    assert 'class="ct-mark ct-selected" id="q-002-e2"' in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "<script>alert" not in html
    assert "<img" not in html
    assert "Listings" in text_of(at)  # the event's article opened


def test_viewer_shows_metadata_with_confidence(synthetic):
    at = run({"article": "001"}, page="sources")
    body = text_of(at)
    assert "Outlet 001" in body
    assert "confirmed" in body
    assert "A. Writer" in body
    assert body.count('class="ct-mark') >= 3  # every quote of the article highlighted


def test_unreadable_articles_are_reported(synthetic):
    at = run()
    assert "999_bad.txt" in "\n".join(t.value for t in at.text)


def test_real_corpus_timeline_and_viewer():
    st.cache_resource.clear()
    at = run({"company": "tencent"})
    assert chart_ids(at)
    assert "about Tencent" in summary(at)
    first = sorted(chart_ids(at))[0]
    at = run({"event": first}, page="sources")
    assert "ct-selected" in "\n".join(e.proto.body for e in at.get("html"))


def test_corrected_link_rewrites_the_address_bar(synthetic):
    at = run({"company": ["tencent", "Nokia"], "from": "2021"})
    fix = "history.replaceState(history.state"
    scripts = [e.proto.body for e in at.get("html") if fix in e.proto.body]
    assert len(scripts) == 1
    assert '"?company=Tencent&from=2021-01-01"' in scripts[0]
    at = run({"company": "Tencent"})  # a canonical link is left alone
    assert not [e for e in at.get("html") if fix in e.proto.body]


def test_rows_by_regulator_from_link(synthetic):
    at = run({"group": "Regulator", "event": "001-e2"})
    assert at.radio(key="group").value == "regulator"
    spec = chart_spec(at)
    rows = set(spec["layout"]["yaxis"]["ticktext"])
    assert "SAMR" in rows
    assert "Tencent" not in rows
    selected = [t for t in spec["data"] if t.get("name") == "selected"]
    assert selected[0]["customdata"] == ["001-e2"]  # the selected event is ringed


def test_link_notice_goes_once_the_user_changes_the_filters(synthetic):
    at = run({"company": ["Tencent", "Nokia"]})
    assert "Nokia" in at.warning[0].value
    at.run()
    assert "Nokia" in at.warning[0].value  # a rerun alone keeps it
    at.multiselect(key="regulator").set_value(["SAMR"]).run()
    assert not at.exception
    assert not at.warning


def test_typed_unknown_event_is_reported(synthetic):
    at = run()
    at.text_input(key="event").input("nope").run()
    assert "Unknown event “nope”" in at.warning[0].value
    assert "Selected event" not in [s.value for s in at.subheader]
    # the box is emptied, so the address (bound to it) holds no event a link cannot open;
    # what was typed is kept in the notice, which stays until the filters change
    assert at.text_input(key="event").value == ""
    at.run()
    assert "Unknown event “nope”" in at.warning[0].value
    at.text_input(key="event").input("001-e2").run()
    assert not at.warning
    assert at.text_input(key="event").value == "001-e2"


def test_events_far_before_the_focused_range_are_announced():
    st.cache_resource.clear()
    at = run({"company": "Alibaba", "background": "shown"})  # 003: Ma has been a party member "since the 1980s"
    assert "1 event lies further back than the chart first shows" in text_of(at)


def test_events_far_ahead_of_the_focused_range_are_announced(monkeypatch):
    """A goal decades away ("carbon neutrality by 2060", blind batch 16) is left out of the
    chart's first range and the page says so, as it does for a decade far back."""
    from dataclasses import replace

    from data.corpus import load_corpus
    from data.sources import SEEDS_DIR

    corpus = load_corpus(SEEDS_DIR)
    goal = replace(corpus.events[0], id="goal-2060", date_text="by 2060",
                   date_start=date(2060, 1, 1), date_end=date(2060, 12, 31), precision="year")
    st.cache_resource.clear()
    monkeypatch.setattr(loader, "read_frames", lambda seeds_dir, fp="": build_frames(
        replace(corpus, events=(*corpus.events, goal))))
    try:
        assert "1 event lies further ahead than the chart first shows" in text_of(run())
    finally:
        st.cache_resource.clear()


def test_kind_link_and_chinese_regulators_only(synthetic):
    at = run({"kind": "chinese regulator"})
    assert chart_ids(at) == {"001-e2"}  # SAMR (001-e1 was made without its kinds: a government)
    assert at.multiselect(key="kind").value == ["Chinese regulator"]
    at = run()
    at.button(key="regulators_only").click().run()
    assert not at.exception
    assert at.multiselect(key="kind").value == ["Chinese regulator"]
    assert chart_ids(at) == {"001-e2"}


def test_filters_offer_only_values_with_events_and_count_them(synthetic):
    at = run({"regulator": "SAMR"})
    assert at.multiselect(key="company").options == ["Alibaba"]  # Baidu, Tencent: none here
    facets = [e.proto.body for e in at.sidebar.get("html") if "ct-facets" in e.proto.body]
    assert any("Alibaba (1)" in c for c in facets), facets
    assert any("In this view: Alibaba (1)" in c for c in facets), facets
    at = run({"company": "Baidu"})  # a value from the link always stays offered
    assert at.multiselect(key="company").value == ["Baidu"]
    # with a company chosen, the others' counts are what picking each would show, not the view
    facets = [e.proto.body for e in at.sidebar.get("html") if "ct-facets" in e.proto.body]
    assert any(c.startswith('<p class="ct-facets">Other choices, with the events each would show: ')
               for c in facets), facets  # fmt: skip


def test_search_needs_every_word_and_reads_actor_names(synthetic):
    at = run({"q": "samr record"})
    assert chart_ids(at) == {"001-e2"}
    at = run({"q": "SAMR"})  # an actor named on the event, not only in the quote
    assert chart_ids(at) == {"001-e2"}


def test_events_have_a_short_title_heading_with_the_full_quote_beneath(synthetic):
    at = run({"event": "001-e2"})
    listed = at.dataframe[0].value.set_index("Quote")
    assert listed.loc["On Friday, SAMR fined Alibaba a record sum.", "Event"] == (
        "SAMR fined Alibaba a record sum"  # "On Friday," is not the event
    )
    assert listed.loc["In July, regulators fined Tencent over WeChat.", "Event"] == (
        "Regulators fined Tencent over WeChat"
    )
    # The card's title comes from the record, not the quote (review D5, C18: the quote cut
    # at 90 characters, then the same quote in full): when, what kind, who.
    html = [e.proto.body for e in at.get("html")]
    title_at = next(i for i, b in enumerate(html) if "ct-title" in b)
    assert html[title_at] == '<h4 class="ct-title">13 Aug 2021 · antitrust · Alibaba · SAMR</h4>'
    assert "On Friday, SAMR fined Alibaba a record sum." in html[title_at + 1]  # beneath
    at = run({"event": "002-e2"})  # the hostile quote: literal in the quote, not in the title
    title = next(e.proto.body for e in at.get("html") if "ct-title" in e.proto.body)
    assert title == (
        '<h4 class="ct-title">Jan–Aug 2021 (vague) · content and censorship · Baidu</h4>'
    )


def test_undated_statements_show_their_title_above_the_quote(synthetic):
    at = run()
    html = [e.proto.body for e in at.get("html")]
    statements = [b for b in html if '<article class="ct-statement">' in b]
    assert len(statements) == 1  # the whole list is one element
    card = statements[0].split('<article class="ct-statement">')[1]
    title_at = card.index('<h4 class="ct-title">SAMR will be investigating Alibaba</h4>')
    assert card.index("SAMR will be investigating Alibaba.", title_at + 60) > title_at
    assert card.index("<blockquote", title_at) > title_at


def test_a_long_list_shows_its_newest_rows_and_says_where_the_rest_are(synthetic, monkeypatch):
    from components import cards

    monkeypatch.setattr(cards, "MAX_LIST_ROWS", 1)
    at = run()
    listed = at.dataframe(key="event_list").value
    assert len(listed) == 1
    newest = build_frames(synthetic_corpus()).events.sort_values("date_start").iloc[-1]
    assert listed["Event"].iloc[0] == short_title(newest["quote"], newest["date_text"])
    assert "The list shows the 1 most recent of this view's 4 events" in text_of(at)
    assert "the files hold every event" in text_of(at)


def test_the_list_says_when_then_what_happened(synthetic):
    """On a 390 px phone the list shows its first columns only: after the date comes what
    happened, not the date expression again."""
    at = run()
    columns = [c for c in at.dataframe(key="event_list").value.columns if c.strip()]
    assert columns[:2] == ["When", "Event"], columns


def _sent_order(monkeypatch) -> list[tuple[int, str]]:
    """Records (container, element kind) of each element the script sends, in order
    (container 0: the page, 1: the sidebar)."""
    from streamlit.runtime.forward_msg_queue import ForwardMsgQueue

    sent: list[tuple[int, str]] = []
    enqueue = ForwardMsgQueue.enqueue

    def record(self, msg):
        if msg.WhichOneof("type") == "delta" and msg.delta.WhichOneof("type") == "new_element":
            sent.append((msg.metadata.delta_path[0], msg.delta.new_element.WhichOneof("type")))
        enqueue(self, msg)

    monkeypatch.setattr(ForwardMsgQueue, "enqueue", record)
    return sent


def test_a_first_screen_sends_its_chart_before_the_filters(synthetic, monkeypatch):
    """A browser draws what it receives in order, and the sidebar's ten filters cost it about
    a second: a visitor's first page sends its chart first and the filters after it."""
    sent = _sent_order(monkeypatch)
    at = run({"company": "Tencent", "group": "regulator"})  # a canonical link
    chart = sent.index((0, "plotly_chart"))
    filters = [i for i, (box, kind) in enumerate(sent) if box == 1 and kind == "multiselect"]
    assert filters
    assert chart < filters[0]
    # the page drew the link's view although the filters came after it
    assert chart_ids(at) == {"001-e1"}
    assert "1 event about Tencent" in summary(at)
    assert at.multiselect(key="company").value == ["Tencent"]
    assert at.radio(key="group").value == "regulator"
    sent.clear()
    at.multiselect(key="company").set_value(["Alibaba"]).run()  # later runs: filters first
    assert not at.exception
    filters = [i for i, (box, kind) in enumerate(sent) if box == 1 and kind == "multiselect"]
    assert filters[0] < sent.index((0, "plotly_chart"))
    assert chart_ids(at) == {"001-e2"}


def test_the_first_view_copies_only_the_columns_its_chart_and_list_read():
    from components import cards, charts
    from components.eventlist import event_list
    from data.filters import Filters, filter_events

    fr = build_frames(synthetic_corpus(), aliases={})
    f = Filters()
    events = cards.ViewEvents(fr, f)
    chart, rows = cards.view_chart(events, "company"), cards.view_rows(events)
    assert "001-e1" in events
    assert "frame" not in vars(events)  # the view's every column was never copied
    whole = filter_events(fr.events, f)
    assert chart.figure.to_json() == charts.timeline_chart(whole, "company").figure.to_json()
    expected = event_list(whole, fr.groups, "", limit=cards.MAX_LIST_ROWS)
    import pandas as pd  # noqa: PLC0415

    pd.testing.assert_frame_equal(rows, expected)


def test_the_viewer_opened_with_no_article_names_the_article_it_shows(synthetic):
    """It shows the first article; its box said "choose", as if none were shown."""
    at = run(page="sources")
    box = at.selectbox(key="article")
    assert box.value is None
    assert box.placeholder == "001 (the first article)"
    assert "Fines everywhere" in "\n".join(e.proto.body for e in at.get("html"))


def test_the_chart_says_what_its_link_keeps(synthetic, monkeypatch):
    """A drag or a zoom of the chart is not in the address (Streamlit reports no such
    event), so a reader is told the way to share a period: From and To."""
    at = run()
    assert "to share a period, set From and To" in text_of(at)
    monkeypatch.setattr(charts, "DETAIL_LIMIT", 1)  # the overview's caption
    st.cache_resource.clear()  # new frames: the views kept for the old ones do not apply
    at = run()
    assert "a square's zoom and From and To are kept in the link" in text_of(at)


def test_the_summary_counts_a_real_event_once_and_says_its_reports():
    """Two articles report one real event (the seeds' PIPL draft, 001 and 004): the list has
    one row for it, and the sentence above counts it once and says there are two reports."""
    st.cache_resource.clear()
    at = run({"q": "Personal Information Protection Law"})
    assert "1 event (2 reports), mentioning “Personal Information Protection Law”" in summary(at)
    at = run({"q": "Personal Information Protection Law", "source": "001"})
    assert "<b>1 event, " in summary(at)  # one report: nothing more to say
    assert "report" not in summary(at)


def test_the_scope_line_gives_the_span_the_timeline_shows_and_the_background_apart():
    """The seeds' background reaches back to Mao's 1960s; the timeline (background hidden)
    starts in 2014: the line under the title must not promise events from 1960."""
    st.cache_resource.clear()
    at = run()
    scope = next(h.proto.body for h in at.get("html") if "ct-scope" in h.proto.body)
    assert "events from 2014 to 2022 (background from 1960)" in scope, scope


def test_chinese_regulators_only_keeps_what_the_regulators_did():
    """The seeds' 12 March 2021 fines were by "China's regulators", no body named: the
    button must keep them (review A9: Didi's only event vanished, leaving "0 events")."""
    st.cache_resource.clear()
    at = run({"company": "Didi", "kind": "Chinese regulator"})
    assert "<b>1 event about Didi, by a Chinese regulator" in summary(at), summary(at)


def test_a_selected_event_the_filters_leave_out_says_so(synthetic):
    """The card of Alibaba's event stays open when the view turns to Tencent (the link keeps
    it), but it says the filters no longer include it."""
    at = run({"event": "001-e2"})
    assert "Outside the current filters" not in text_of(at)
    at = run({"event": "001-e2", "company": "Tencent"})
    assert "Outside the current filters" in text_of(at)


def test_the_viewer_sets_apart_the_quotes_the_filters_leave_out(synthetic):
    """Article 001 has Tencent's and Alibaba's events: with Tencent chosen, Alibaba's quote is
    marked apart (underlined) and the caption says how many match."""
    at = run({"article": "001", "company": "Tencent"}, page="sources")
    article = next(h.proto.body for h in at.get("html") if "ct-article" in h.proto.body)
    assert 'class="ct-mark ct-other" id="q-001-e2"' in article  # Alibaba's, not in the view
    assert 'class="ct-mark" id="q-001-e1"' in article  # Tencent's
    assert "1 of the dated events and 0 of the statements match the filters" in text_of(at)


def test_the_date_fields_open_in_the_data_span_and_keep_a_link_beyond_it(synthetic):
    """Review C6: a date field with no date opened its calendar on today, years after the
    data; its bounds are now the dated events' span, so the calendar opens inside it. A link
    dated beyond the span keeps its date (the bounds widen to it), and each field has the
    sidebar's whole width (D1: two fields side by side showed "2020 - 1")."""
    at = run()
    for key in ("from", "to"):
        proto = at.date_input(key=key).proto
        assert (proto.min, proto.max) == ("2005-01-01", "2021-08-20")
    at = run({"from": "1999-05-01", "to": "2030-01-01"})
    assert at.date_input(key="from").value == date(1999, 5, 1)
    assert at.date_input(key="to").value == date(2030, 1, 1)
    assert at.date_input(key="to").proto.max == "2030-01-01"
    assert at.date_input(key="from").proto.min == "1999-05-01"
    assert not at.sidebar.columns  # one field under the other, each the sidebar's width


def test_the_sidebar_says_what_the_filters_do_on_each_page(synthetic):
    """Review C13: on the Add page the filters do nothing, so a sentence says so and names
    the filters set, and their widgets are hidden (still drawn: the link keeps them, and the
    timeline opened from there applies them); on the viewer they choose the quotes filled
    in yellow, and say so."""
    at = run({"company": "Alibaba", "q": "<b>x</b>"}, page="add")
    note = next(e.proto.body for e in at.sidebar.get("html") if "do not change" in e.proto.body)
    assert "Set now: Company: Alibaba; Search: &lt;b&gt;x&lt;/b&gt;." in note
    assert ".st-key-ct_filters { display: none; }" in note
    assert at.multiselect(key="company").value == ["Alibaba"]
    at.text_input(key="q").set_value("").run()
    at.multiselect(key="company").set_value([]).run()
    assert "open with them. None is set now.</p>" in next(
        e.proto.body for e in at.sidebar.get("html") if "do not change" in e.proto.body
    )
    at.multiselect(key="company").set_value(["Alibaba"]).run()
    at.switch_page(PAGES[0]["path"]).run()
    assert chart_ids(at) == {"001-e2"}
    assert not [e for e in at.sidebar.get("html") if "do not change" in e.proto.body]
    at.switch_page(next(p["path"] for p in PAGES if p["url_path"] == "sources")).run()
    assert "filled in yellow" in " ".join(c.value for c in at.sidebar.caption)


def test_a_page_change_that_loses_the_query_gets_the_view_back_in_the_address(synthetic):
    """A page link clicked before the timeline's chart is drawn reaches the server with an
    empty query while the filters stay set (seen in Chromium: /?company=Alibaba, then
    "Add an article" at once, gave /add): the address gets the view's parameters back."""
    at = run({"company": "Alibaba"})
    fix = "history.replaceState(history.state"
    assert not [e for e in at.get("html") if fix in e.proto.body]
    at.query_params.clear()
    at.switch_page(next(p["path"] for p in PAGES if p["url_path"] == "add")).run()
    scripts = [e.proto.body for e in at.get("html") if fix in e.proto.body]
    assert len(scripts) == 1
    assert '"?company=Alibaba"' in scripts[0]


def test_the_far_back_note_counts_the_markers_before_the_first_range():
    """Review C15: "4 events lie further back" became 3 with the background shown (the far
    1960s and 1980s items pulled the range back over some events). The range now leaves
    out only the far-off markers, two years before the bulk, and the note counts the
    events whose marker lies before it: showing more events no longer counts fewer."""
    from components.charts import timeline_chart
    from data.filters import Filters, filter_events

    st.cache_resource.clear()
    fr = loader.frames()
    far = {}
    for background in ("hidden", "shown"):
        df = filter_events(fr.events, Filters(background=background))
        chart = timeline_chart(df)
        start = pd.Timestamp(chart.figure.layout.xaxis.range[0])
        before = {c for t in chart.figure.data if t.customdata is not None
                  for c, x in zip(t.customdata, t.x, strict=True) if c and pd.Timestamp(x) < start}  # fmt: skip
        assert chart.far == len(before)
        far[background] = before
        note = f"{chart.far} event{'s' if chart.far > 1 else ''} lie{'' if chart.far > 1 else 's'}"
        assert f"{note} further back" in text_of(run({"background": background}))
    assert far["hidden"] < far["shown"]
    # the range is the same either way: only background items are added before it
    shown = filter_events(fr.events, Filters(background="shown"))
    added = set(shown.loc[shown["relevance"] == "background", "id"])
    assert far["shown"] - far["hidden"] <= added


def test_fewer_than_three_market_figures_are_listed_not_charted(synthetic, monkeypatch):
    """Review D3: a market-value chart of one point took half a screen, its point above the
    top gridline with no label. Fewer than three figures of a kind are a short list; a
    chart writes each value by its point."""
    from components import charts

    at = run(page="companies")
    assert not at.get("plotly_chart")
    listed = [e.proto.body for e in at.get("html") if "ct-figures" in e.proto.body]
    assert listed == [
        "<ul class='ct-figures'><li><b>US$100 bn</b> · Tencent · 2021-07 (“US$100 billion”)</li></ul>"
    ]
    monkeypatch.setattr(charts, "MIN_CHARTED", 1)
    spec = chart_spec(run(page="companies"))
    assert spec["data"][0]["text"] == ["100"]
    assert spec["layout"]["yaxis"]["range"][1] > 100  # room for the label above the point


def test_a_company_card_names_people_as_people():
    """Review C10: "Also named: Ant Financial, …, Jack Ma" on Ant Group's card read as an
    error. People go on a line of their own, with their role, on the card of the company a
    mention of them counts for (Jack Ma: Alibaba)."""
    st.cache_resource.clear()
    at = run(page="companies")
    captions: dict[str, list[str]] = {}  # each card's captions, under its heading

    def walk(node, heading=""):
        for child in getattr(node, "children", {}).values():
            if child.type == "subheader":
                heading = child.value
            elif child.type == "caption":
                captions.setdefault(heading, []).append(child.value)
            heading = walk(child, heading)
        return heading

    walk(at.main)
    ant, alibaba = " ".join(captions["Ant Group"]), captions["Alibaba"]
    assert "Jack Ma" not in ant
    assert "People: Jack Ma (founder of Alibaba and controlling shareholder of Ant Group)" in alibaba
    assert "Pony Ma" not in next(c for c in captions["Tencent"] if c.startswith("Also named"))
    assert "People: Pony Ma (Tencent's chief executive)" in captions["Tencent"]


def test_markers_of_a_cluster_stand_apart_and_below_their_row_name():
    """Review D6, "one row per regulator": the Oct-Nov 2020 markers of the Chinese
    government's row were one pile (only markers of the very same day were moved apart),
    and markers sat on the row names. Markers of a row closer than a marker's width at the
    chart's first range are stacked apart; the names stand above the markers."""
    from components.charts import timeline_chart
    from data.filters import Filters, filter_events

    st.cache_resource.clear()
    fr = loader.frames()
    fig = timeline_chart(filter_events(fr.events, Filters()), "regulator").figure
    lo, hi = (pd.Timestamp(x) for x in fig.layout.xaxis.range)
    width = (hi - lo) / 90  # about a marker, at the first range
    points = [(pd.Timestamp(x), y) for t in fig.data if t.mode == "markers" and t.name != "selected"
              and t.customdata is not None for x, y in zip(t.x, t.y, strict=True)]  # fmt: skip
    close = [(a, b) for i, a in enumerate(points) for b in points[i + 1:]
             if round(a[1]) == round(b[1]) and abs(a[0] - b[0]) < width]  # fmt: skip
    assert len(close) >= 6  # the 2020 and 2021 clusters of that row
    assert all(abs(a[1] - b[1]) >= 0.15 for a, b in close)
    assert fig.layout.yaxis.ticklabelshift < 0  # above the line (a marker reaches ±0.35 row)
