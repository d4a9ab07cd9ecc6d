"""Company cards (``/companies``): one card per company in the filtered events."""

import streamlit as st

from components import cards
from components.charts import market_cap_figure, market_cap_rows
from components.company import company_card
from data.filters import any_of

fr, f, events, statements = cards.page_head("Company cards")
both = [*events["companies"], *statements["companies"]]
names = [c for c in fr.companies if any(c in t for t in both) and (not f.company or c in f.company)]
if not names:
    cards.empty_state("companies")
else:
    figures = fr.figures[any_of(fr.figures["companies"], names)]
    figures = figures.assign(
        companies=figures["companies"].map(lambda t: tuple(c for c in t if c in names))
    )
    mc = market_cap_rows(figures)
    st.subheader("Market value figures")
    if mc.empty:
        st.caption("No dated market-value figures for these companies.")
    else:
        titles = fr.sources["title"].to_dict()
        st.plotly_chart(market_cap_figure(figures, titles), key="market_cap_chart")
        st.dataframe(
            mc[["date_start", "company", "text", "kind", "usd", "source", "quote"]].assign(
                date_start=mc["date_start"].dt.date, usd=(mc["usd"] / 1e9).round(1)
            ).rename(columns={"date_start": "Date", "company": "Company", "text": "As written",
                              "kind": "Kind", "usd": "US$ bn", "source": "Source", "quote": "Quote"}),
            hide_index=True, width="stretch", key="market_cap_table",
        )  # fmt: skip
    st.caption(f"{len(names)} {'company' if len(names) == 1 else 'companies'}, most events first.")
    for name in names:
        company_card(fr, name, events, statements)
