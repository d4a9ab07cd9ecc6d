"""Money that means what it says: shared figures, values apart from losses, the comparison."""

from dataclasses import replace
from datetime import date

from components.charts import market_cap_figure, market_cap_rows
from components.company import comparison
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
    assert table.loc["Tencent", "Market value lost (US$ bn)"] == 100.0
    assert table.loc["Alibaba", "Market value lost (US$ bn)"] == 0.0
    assert table.loc["Tencent", "fine"] == 1
    assert str(table.loc["Alibaba", "First crackdown event"]) == "2021-08-13"
