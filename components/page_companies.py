"""Company cards (``/companies``): a comparison table, market values, one card per company."""

import streamlit as st

from components import cards
from components.charts import MIN_CHARTED, market_cap_figure, market_cap_rows
from components.company import (
    COMPANY_READS,
    PER_COMPANY,
    by_company,
    company_card,
    comparison,
    when_iso,
)
from components.textview import esc
from data.filters import figures_in_view, name_counts

fr, f, view_events, statements = cards.page_head("Company cards")
events = view_events.select(COMPANY_READS).assign(real=view_events.reported[0])
dated, undated = name_counts(events["companies"]), name_counts(statements["companies"])
names = sorted(
    (c for c in fr.companies if (c in dated or c in undated) and (not f.company or c in f.company)),
    key=lambda c: (-dated.get(c, 0), -undated.get(c, 0), c),
)  # most dated events first, as the caption below says
if not names:
    cards.empty_state("companies")
else:
    figures = figures_in_view(fr.figures_indexed, f)  # follows the companies, sources and dates
    st.subheader("Compare the companies")
    st.caption(
        "The first and last crackdown event, as precisely"
        " as the articles date them (a vague span only when none is dated more precisely);"
        " the company's fines added up, each fine once however"
        " often it is reported; and the largest loss of market value reported for it (losses"
        " over overlapping periods are not added). Only figures for the company alone count:"
        " one shared with others does not. “None”: no such amount in these articles (a fine"
        " whose amount is not given still counts in the “fine” column). Then"
        " the view's events by category. Click a column to sort."
    )
    events_of = by_company(events[PER_COMPANY])  # the table and the cards read the same rows
    st.dataframe(comparison(events, figures, names, events_of), hide_index=True, width="stretch",
                 key="company_comparison")  # fmt: skip
    mc = market_cap_rows(figures)
    st.subheader("Market value figures")
    if mc.empty:
        st.caption("No dated market-value figures for these companies in this view.")
    else:
        titles = fr.sources["title"].to_dict()
        st.caption(
            "Values and losses apart, never on one axis. “A and B, combined” is one figure for"
            " several companies together, never either's own (a hollow marker on a chart);"
            f" fewer than {MIN_CHARTED} figures of a kind are listed, not charted."
        )
        left, right = st.columns(2)
        for col, loss, title in ((left, False, "Market value"), (right, True, "Market value lost")):
            col.markdown(f"**{title}**")
            kind = mc[mc["loss"] == loss]
            if kind.empty:
                col.caption("None in this view.")
            elif len(kind) < MIN_CHARTED:  # figures from articles: escaped HTML
                col.html("<ul class='ct-figures'>" + "".join(
                    f"<li><b>US${usd / 1e9:,.0f} bn</b> · {esc(company)} ·"
                    f" {esc(when_iso(s, e, ''))} (“{esc(text)}”)</li>"
                    for usd, company, s, e, text in zip(
                        kind["usd"], kind["company"], kind["date_start"], kind["date_end"],
                        kind["text"], strict=True)
                ) + "</ul>")  # fmt: skip
            else:
                col.plotly_chart(market_cap_figure(figures, titles, loss=loss),
                                 key=f"market_cap_chart_{int(loss)}")  # fmt: skip
        st.dataframe(
            mc[["date_start", "company", "text", "kind", "usd", "source", "quote"]].assign(
                date_start=[when_iso(s, e, "") for s, e in zip(mc["date_start"], mc["date_end"],
                                                               strict=True)],
                usd=(mc["usd"] / 1e9).round(1),
            ).rename(columns={"date_start": "Date", "company": "Company", "text": "As written",
                              "kind": "Kind", "usd": "US$ bn", "source": "Source", "quote": "Quote"}),
            hide_index=True, width="stretch", key="market_cap_table",
        )  # fmt: skip
    st.caption(f"{len(names)} {'company' if len(names) == 1 else 'companies'}, most dated events first.")
    said_of, figures_of = by_company(statements), by_company(figures)
    for name in names:
        company_card(fr, name, events_of(name), said_of(name), figures_of(name), events)
