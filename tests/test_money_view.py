"""Money that means what it says: shared figures, values apart from losses, the comparison."""

from dataclasses import replace
from datetime import date

import pandas as pd

from components.charts import market_cap_figure, market_cap_rows
from components.company import (
    FINES,
    LOSS,
    company_figures,
    comparison,
    figures_html,
    first_and_last,
    when_iso,
)
from data.frames import build_frames
from tests.test_app_pages import synthetic_corpus


def frames_with_a_shared_figure():
    corpus = synthetic_corpus()
    own = corpus.figures[0]  # Tencent's own market value loss
    shared = replace(
        own, id="001-f2", text="a combined US$1.3 trillion", kind="market value",
        usd=1_300_000_000_000, amount=1_300_000_000_000, companies=("Alibaba", "Tencent"),
        shared=True, date_start=date(2021, 2, 1), date_end=date(2021, 2, 28),
    )  # fmt: skip
    return build_frames(replace(corpus, figures=(own, shared)), aliases={})


def test_a_shared_figure_is_one_combined_marker_never_a_companys_own():
    fr = frames_with_a_shared_figure()
    rows = market_cap_rows(fr.figures)
    assert "Alibaba and Tencent, combined" in set(rows["company"])
    assert "Alibaba" not in set(rows["company"])
    values = market_cap_figure(fr.figures, {}, loss=False)
    assert [t.name for t in values.data] == ["Alibaba and Tencent, combined"]
    assert values.data[0].marker.symbol == "circle-open"


def test_values_and_losses_are_separate_charts():
    fr = frames_with_a_shared_figure()
    losses = market_cap_figure(fr.figures, {}, loss=True)
    assert [t.name for t in losses.data] == ["Tencent"]
    assert list(losses.data[0].y) == [100.0]  # US$ billion lost, above zero on its own axis
    values = market_cap_figure(fr.figures, {}, loss=False)
    assert "Tencent" not in [t.name for t in values.data]


def test_comparison_counts_only_a_companys_own_money():
    fr = frames_with_a_shared_figure()
    table = comparison(fr.events, fr.figures, ["Tencent", "Alibaba"]).set_index("Company")
    assert table.loc["Tencent", LOSS] == 100.0
    assert table.loc["Tencent", "fine"] == 1
    assert table.loc["Alibaba", "First crackdown event"] == "2021-08-13"


def test_no_figure_of_its_own_is_a_blank_never_a_zero():
    """Alibaba's only market value figure is shared: "0" would read "lost nothing"."""
    fr = frames_with_a_shared_figure()
    table = comparison(fr.events, fr.figures, ["Tencent", "Alibaba"]).set_index("Company")
    assert pd.isna(table.loc["Alibaba", LOSS])
    assert pd.isna(table.loc["Alibaba", FINES])
    assert pd.isna(table.loc["Tencent", FINES])


def frames_with_fines(*fines):
    """Tencent's fines, each (source, US$, as written)."""
    corpus = synthetic_corpus()
    base = corpus.figures[0]
    figures = tuple(
        replace(base, id=f"{source}-f{i}", source=source, text=text, kind="fine", usd=usd,
                amount=usd, market_cap=False, date_start=None, date_end=None)  # fmt: skip
        for i, (source, usd, text) in enumerate(fines)
    )
    return build_frames(replace(corpus, figures=figures), aliases={})


def test_a_fine_reported_again_counts_once():
    """A headline and its sentence, or a second article, report the same fine: it was
    levied once. An amount converted from yuan differs from the stated dollars by a little;
    a different fine is added."""
    fr = frames_with_fines(
        ("001", 2_800_000_000, "$2.8 billion"),  # the headline
        ("001", 2_800_000_000, "18.2 billion yuan ($2.8 billion)"),  # the sentence
        ("002", 2_822_000_000, "18.2 billion yuan"),  # another article, converted here
        ("002", 500_000_000, "$500 million"),  # another fine
    )
    table = comparison(fr.events, fr.figures, ["Tencent"]).set_index("Company")
    assert table.loc["Tencent", FINES] == 3.3


def test_a_small_fine_is_never_shown_as_nothing():
    """Blind batch 17 in the browser: Meituan's 1.5 million yuan fine (US$225,000) showed as
    "0" in the US$ bn column, which reads "no fines"; under a billion it keeps three
    significant figures."""
    fr = frames_with_fines(("001", 225_000, "1.5 million yuan"), ("002", 75_000, "500,000 yuan"))
    table = comparison(fr.events, fr.figures, ["Tencent"]).set_index("Company")
    assert table.loc["Tencent", FINES] == 0.0003


def test_market_value_losses_are_not_added_up():
    """Losses over overlapping periods (since February; in July) would count July twice:
    the largest one reported is shown."""
    corpus = synthetic_corpus()
    july = corpus.figures[0]  # US$100 billion in July
    since_feb = replace(july, id="001-f2", usd=344_000_000_000, amount=344_000_000_000)
    fr = build_frames(replace(corpus, figures=(july, since_feb)), aliases={})
    table = comparison(fr.events, fr.figures, ["Tencent"]).set_index("Company")
    assert table.loc["Tencent", LOSS] == 344.0


def test_first_and_last_crackdown_events_keep_their_precision():
    """A year, a month or a vague span is not shown as its first day."""
    fr = frames_with_a_shared_figure()
    table = comparison(fr.events, fr.figures, ["Tencent", "Baidu"]).set_index("Company")
    assert table.loc["Tencent", "First crackdown event"] == "2021-07"  # "In July"
    assert table.loc["Tencent", "Last crackdown event"] == "2021-07"
    acts = fr.events[fr.events["relevance"] != "background"]
    baidu = acts[acts["companies"].map(lambda c: "Baidu" in c)]
    labels = {when_iso(r.date_start, r.date_end, r.precision) for r in baidu.itertuples()}
    assert table.loc["Baidu", "First crackdown event"] in labels
    assert when_iso(pd.Timestamp("2005-01-01"), pd.Timestamp("2005-12-31"), "year") == "2005"
    assert when_iso(pd.Timestamp("2021-07-01"), pd.Timestamp("2021-07-31"), "") == "2021-07"
    assert (when_iso(pd.Timestamp("2021-01-01"), pd.Timestamp("2021-08-20"), "vague")
            == "2021-01-01 – 2021-08-20 (vague)")  # fmt: skip


def test_the_money_answers_come_before_the_categories():
    """The table is wider than a page: its answers (when, how much) come first, the counts
    by category after them."""
    fr = frames_with_a_shared_figure()
    columns = list(comparison(fr.events, fr.figures, ["Tencent", "Alibaba"]).columns)
    assert columns[:6] == ["Company", "Events", "First crackdown event", "Last crackdown event",
                           FINES, LOSS]  # fmt: skip
    assert "fine" in columns[6:]


def test_a_card_lists_its_first_money_figures_and_counts_the_rest():
    """At 10,000 articles a company has thousands of figures: the card lists the first
    (market value first) and says how many more the view holds, not thousands of lines."""
    fr = frames_with_fines(*[("001", 1_000_000 * (i + 1), f"${i + 1} million") for i in range(15)])
    html = figures_html(company_figures(fr.figures), "Tencent", limit=10)
    assert html.count("<li>") == 10
    assert "and 5 more in this view (the timeline’s “money figures, CSV” lists them all)" in html
    assert figures_html(company_figures(fr.figures), "Tencent", limit=20).count("<li>") == 15


def test_the_table_and_the_card_count_a_real_event_once():
    """Two articles report one of Tencent's events (one merge group, one ``real`` number):
    the table counts it once, as the list and the sentence above do."""
    fr = frames_with_a_shared_figure()
    events = fr.events.assign(real=range(len(fr.events)))
    tencent = events["companies"].map(lambda c: "Tencent" in c)
    again = events[tencent].assign(source="002")  # the same real event, another article
    events = pd.concat([events, again], ignore_index=True)
    table = comparison(events, fr.figures, ["Tencent"]).set_index("Company")
    assert table.loc["Tencent", "Events"] == int(tencent.sum())
    assert table.loc["Tencent", "fine"] == int(tencent.sum())


def test_first_and_last_prefer_a_dated_event_to_a_vague_span():
    """A vague span ("in the past several years", ending on the publication day) must not
    be a company's last crackdown event when a dated one (a fine four days earlier) exists."""
    acts = pd.DataFrame({
        "date_start": pd.to_datetime(["2016-03-17", "2021-03-12"]),
        "date_end": pd.to_datetime(["2021-03-16", "2021-03-12"]),
        "precision": ["vague", "day"],
    })  # fmt: skip
    first, last = first_and_last(acts)
    assert last["date_start"] == pd.Timestamp("2021-03-12")
    assert first["date_start"] == pd.Timestamp("2021-03-12")
    only_vague = acts.iloc[:1]
    assert first_and_last(only_vague)[1]["precision"] == "vague"  # better than nothing
