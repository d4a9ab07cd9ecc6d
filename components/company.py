"""One company card: names, counts, dates, regulators, money figures, recent quotes."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components import state
from components.pages import page_by_url
from components.textview import esc, quote_html
from data.filters import any_of

RECENT_QUOTES = 3


def _money(usd: float) -> str:
    if usd >= 1e9:
        return f"US${usd / 1e9:,.1f} billion"
    if usd >= 1e6:
        return f"US${usd / 1e6:,.1f} million"
    return f"US${usd:,.0f}"


def company_figures(figures: pd.DataFrame, name: str) -> pd.DataFrame:
    """The company's money figures, market value first, then by date."""
    mine = figures[any_of(figures["companies"], [name])]
    return mine.sort_values(["market_cap", "date_start"], ascending=[False, True], kind="stable")


def comparison(events: pd.DataFrame, figures: pd.DataFrame, names: list[str]) -> pd.DataFrame:
    """One row per company: events by category, first and last crackdown event, fines and
    market value lost (its own figures only: a figure shared with others is not its own)."""
    own = figures[~figures["shared"].astype(bool)] if "shared" in figures else figures
    categories = sorted(set(events["category"]))
    rows = []
    for name in names:
        mine = events[any_of(events["companies"], [name])]
        acts = mine[mine["relevance"] != "background"] if "relevance" in mine else mine
        figs = own[any_of(own["companies"], [name])]
        by_category = mine["category"].value_counts()
        rows.append({
            "Company": name,
            "Events": len(mine),
            **{c: int(by_category.get(c, 0)) for c in categories},
            "First crackdown event": acts["date_start"].min().date() if len(acts) else None,
            "Last crackdown event": acts["date_end"].max().date() if len(acts) else None,
            "Fines (US$ bn)": round(figs.loc[figs["kind"] == "fine", "usd"].sum() / 1e9, 2),
            "Market value lost (US$ bn)": round(
                figs.loc[figs["kind"] == "market value loss", "usd"].sum() / 1e9, 1
            ),
        })  # fmt: skip
    return pd.DataFrame(rows)


def company_card(
    fr, name: str, events: pd.DataFrame, statements: pd.DataFrame, figures: pd.DataFrame
) -> None:
    mine = events[any_of(events["companies"], [name])]
    said = statements[any_of(statements["companies"], [name])]
    key = "".join(ch if ch.isalnum() else "_" for ch in name)
    with st.container(border=True, key=f"company_card_{key}"):
        st.subheader(name, anchor=f"company-{key.lower()}")
        aliases = fr.aliases.get(name, ())
        st.caption(
            "Also named: " + ", ".join(aliases)
            if aliases
            else "Also named: no aliases in the gazetteer."
        )
        cols = st.columns(4)
        cols[0].metric("Dated events", f"{len(mine):,}")
        cols[1].metric("Undated statements", f"{len(said):,}")
        # First and last acts of the crackdown: background (context) events never count.
        acts = mine[mine["relevance"] != "background"] if "relevance" in mine else mine
        if not acts.empty:
            first, last = acts.iloc[0], acts.loc[acts["date_end"].idxmax()]
            cols[2].metric(
                "First crackdown event", f"{first['date_start']:%Y-%m-%d}", help=f"“{first['date_text']}”"
            )
            cols[3].metric(
                "Last crackdown event", f"{last['date_start']:%Y-%m-%d}", help=f"“{last['date_text']}”"
            )
        regs = pd.concat([mine["regulators"], said["regulators"]]).explode().dropna().value_counts()
        st.html(
            "<div><b>Regulators and state actors named with it:</b> "
            + (esc(", ".join(f"{r} ({n})" for r, n in regs.items())) or "none")
            + "</div>"
        )
        figs = company_figures(figures, name)
        if not figs.empty:
            shared = figs["shared"] if "shared" in figs else pd.Series(False, index=figs.index)
            items = "".join(
                f"<li><b>{esc(text)}</b> ({esc(kind)}, {_money(usd)}"
                + (f", combined, with {esc(', '.join(c for c in comps if c != name))}"
                   if is_shared and len(comps) > 1 else "")
                + f"{', ' + f'{d:%Y-%m-%d}' if pd.notna(d) else ''}, source {esc(src)})</li>"
                for text, kind, usd, d, src, comps, is_shared in zip(
                    figs["text"], figs["kind"], figs["usd"], figs["date_start"], figs["source"],
                    figs["companies"], shared, strict=True,
                )
            )  # fmt: skip
            st.html(f"<div><b>Money figures</b> (market value first):<ul>{items}</ul></div>")
        recent = mine.sort_values("date_start", ascending=False).head(RECENT_QUOTES)
        if not recent.empty:
            st.html(
                "<div><b>Most recent quotes:</b></div>"
                + "".join(
                    f"<div><small>“{esc(r['date_text'])}” ({r['date_start']:%Y-%m-%d},"
                    f" source {esc(r['source'])})</small>{quote_html(r['quote'], limit=400)}</div>"
                    for _, r in recent.iterrows()
                )
            )
        if st.button(
            f"Open the timeline for {name}", key=f"open_timeline_{key}", icon=":material/timeline:",
            on_click=state.set_filter, args=("company", [name]),
        ):  # fmt: skip
            # An explicit (empty) mapping: the default clear() refuses bound parameters;
            # the bound filters are restored into the URL on the next run.
            st.switch_page(page_by_url("")["path"], query_params={})
