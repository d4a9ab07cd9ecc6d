"""One company card: names, counts, dates, regulators, money figures, recent quotes."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components import state
from components.pages import page_by_url
from components.textview import esc, quote_html
from data.filters import naming
from data.gazetteer import gazetteer

RECENT_QUOTES = 3
#: Money figures a card lists (at 10,000 articles a company has thousands).
MAX_FIGURES = 10
#: The events' columns the company cards read (a view's other columns are not copied);
#: each company's rows copy only the first few, the words are looked up for the rows shown.
COMPANY_READS = ["companies", "regulators", "category", "relevance", "date_start", "date_end",
                 "precision", "date_text", "source", "quote"]  # fmt: skip
#: ``real``: the number of the real event a row reports (:func:`data.frames.reports`), which
#: the page adds, so that a real event reported by several articles counts once.
PER_COMPANY = [*COMPANY_READS[:7], "real"]


def by_company(df: pd.DataFrame):
    """A function giving the rows of ``df`` that name a company, for one company after
    another (the companies column coded once: see :func:`data.filters.naming`). Text
    columns are coded too (categories): taking a company's rows from 100,000 copied each
    text column's strings, for every company."""
    rows = naming(df["companies"])
    texts = {c: "category" for c in df.columns
             if df[c].dtype != object and pd.api.types.is_string_dtype(df[c])}  # fmt: skip
    coded = df.astype(texts) if texts else df
    return lambda name: coded[rows([name])]


def once(mine: pd.DataFrame) -> pd.DataFrame:
    """Rows ``mine`` with each real event once (its first report), as the list counts them."""
    return mine.drop_duplicates("real") if "real" in mine else mine


def _money(usd: float) -> str:
    if usd >= 1e9:
        return f"US${usd / 1e9:,.1f} billion"
    if usd >= 1e6:
        return f"US${usd / 1e6:,.1f} million"
    return f"US${usd:,.0f}"


def company_figures(mine: pd.DataFrame) -> pd.DataFrame:
    """A company's money figures (``mine``), market value first, then by date."""
    return mine.sort_values(["market_cap", "date_start"], ascending=[False, True], kind="stable")


#: The comparison's money columns.
FINES = "Fines (US$ bn)"
LOSS = "Largest market value loss (US$ bn)"
#: Two amounts this close are one figure reported twice (yuan converted here and the
#: dollars an article states differ by about a percent).
SAME_AMOUNT = 0.02


def when_iso(start: pd.Timestamp, end: pd.Timestamp, precision: str) -> str:
    """An event's interval as its precision allows, in a form that sorts by its start: a
    day ``2021-04-10``, a month ``2021-07``, a year ``2021``, else the span, marked when
    vague. A year, a month or "in recent years" is never shown as its first day. Without
    a ``precision`` (a money figure's date), a whole month or year is named as one."""
    if start == end:
        return f"{start:%Y-%m-%d}"
    whole = start.day == 1 and (end + pd.Timedelta(days=1)).day == 1  # whole months
    if precision == "month" or (whole and (start.year, start.month) == (end.year, end.month)):
        return f"{start:%Y-%m}"
    if precision == "year" or (whole and start.month == 1 and end.month == 12 and start.year == end.year):
        return f"{start:%Y}"
    return f"{start:%Y-%m-%d} – {end:%Y-%m-%d}" + (" (vague)" if precision == "vague" else "")


def first_and_last(acts: pd.DataFrame) -> tuple[pd.Series, pd.Series] | None:
    """The crackdown events that begin first and end last (the card and the table agree);
    a vague span ("in recent years", up to the day of publication) only where no event is
    dated more precisely: it would stand for a first or last act it does not date."""
    if acts.empty:
        return None
    if "precision" in acts:
        dated = acts[acts["precision"] != "vague"]
        acts = dated if not dated.empty else acts
    return acts.loc[acts["date_start"].idxmin()], acts.loc[acts["date_end"].idxmax()]


def distinct_amounts(usd: pd.Series) -> list[float]:
    """The amounts, each figure reported more than once (a headline and its sentence,
    several articles) counted once: amounts within :data:`SAME_AMOUNT` of each other."""
    kept: list[float] = []
    for value in sorted(float(v) for v in usd):
        if not kept or value > kept[-1] * (1 + SAME_AMOUNT):
            kept.append(value)
    return kept


def _billions(usd: float, decimals: int) -> float:
    """US dollars in billions, to ``decimals`` places, or three significant figures under a
    billion: a fine of US$225,000 is 0.000225, never "0" (which reads "no fines").

    >>> _billions(3_300_000_000, 2), _billions(225_000, 2)
    (3.3, 0.000225)
    """
    billions = usd / 1e9
    return round(billions, decimals) if abs(billions) >= 1 else float(f"{billions:.3g}")


def comparison(
    events: pd.DataFrame, figures: pd.DataFrame, names: list[str], events_of=None
) -> pd.DataFrame:
    """One row per company: events by category, first and last crackdown event, fines and
    the largest market value loss (its own figures only: a figure shared with others is not
    its own; blank where the articles give none). ``events_of``: the page's
    :func:`by_company` of ``events`` when it has one (the cards read the same).

    Fines are added up, each fine once however often it is reported. Losses are not:
    they are measured over periods that overlap (since February; in July)."""
    own = figures[~figures["shared"].astype(bool)] if "shared" in figures else figures
    own = own[["companies", "kind", "usd"]]
    categories = sorted(set(events["category"]))
    if events_of is None:
        events_of = by_company(events[[c for c in PER_COMPANY if c in events]])
    figures_of = by_company(own)
    rows = []
    for name in names:
        mine = once(events_of(name))
        acts = mine[mine["relevance"] != "background"] if "relevance" in mine else mine
        figs = figures_of(name)
        fines = distinct_amounts(figs.loc[figs["kind"] == "fine", "usd"])
        losses = figs.loc[figs["kind"] == "market value loss", "usd"]
        ends = first_and_last(acts)
        by_category = mine["category"].value_counts()
        rows.append({
            "Company": name,
            "Events": len(mine),
            "First crackdown event": _when(ends[0]) if ends else None,
            "Last crackdown event": _when(ends[1]) if ends else None,
            FINES: _billions(sum(fines), 2) if fines else None,
            LOSS: _billions(float(losses.max()), 1) if len(losses) else None,
            **{c: int(by_category.get(c, 0)) for c in categories},  # after the answers
        })  # fmt: skip
    return pd.DataFrame(rows)


def figures_html(figs: pd.DataFrame, name: str, limit: int = MAX_FIGURES) -> str:
    """Company ``name``'s money figures (in :func:`company_figures`' order) as an escaped
    list: the first ``limit``, then how many more the view holds."""
    shown = figs.head(limit)
    shared = shown["shared"] if "shared" in shown else pd.Series(False, index=shown.index)
    items = "".join(
        f"<li><b>{esc(text)}</b> ({esc(kind)}, {_money(usd)}"
        + (f", combined, with {esc(', '.join(c for c in comps if c != name))}"
           if is_shared and len(comps) > 1 else "")
        + f"{', ' + when_iso(d, e, '') if pd.notna(d) else ''}, source {esc(src)})</li>"
        for text, kind, usd, d, e, src, comps, is_shared in zip(
            shown["text"], shown["kind"], shown["usd"], shown["date_start"], shown["date_end"],
            shown["source"], shown["companies"], shared, strict=True,
        )
    )  # fmt: skip
    more = len(figs) - len(shown)
    rest = (f"<div>… and {more:,} more in this view (the timeline’s “money figures, CSV” lists"
            " them all).</div>") if more > 0 else ""  # fmt: skip
    return f"<div><b>Money figures</b> (market value first):<ul>{items}</ul>{rest}</div>"


def _when(row: pd.Series) -> str:
    return when_iso(row["date_start"], row["date_end"], row["precision"])


def names_of(name: str, aliases: tuple[str, ...]) -> tuple[list[str], list[tuple[str, str]]]:
    """Company ``name``'s other names (the aliases and products among ``aliases``, the
    frames' list, which also holds the people of its gazetteer table) and, apart, the people
    the gazetteer names for it with their role: people among the names read as errors ("Also
    named: … Jack Ma" on Ant Group's card). A person is the company's when a mention of them
    counts for it (the person's companies), whichever company's table lists them.

    >>> names_of("Ant Group", ("Ant Financial", "Jack Ma"))
    (['Ant Financial'], [])
    >>> names_of("Alibaba", ())[1]
    [('Jack Ma', 'founder of Alibaba and controlling shareholder of Ant Group')]
    """
    people = gazetteer().people
    theirs = [(p.name, p.role) for p in people.values() if p.group == "company" and name in p.targets]
    return [a for a in aliases if a not in people], theirs


def company_card(
    fr, name: str, mine: pd.DataFrame, said: pd.DataFrame, figs: pd.DataFrame, words: pd.DataFrame
) -> None:
    """The card of company ``name``: its events (``mine``, :data:`PER_COMPANY` columns),
    statements and money figures in the view; ``words``: the view's events with the
    columns of what is quoted, for the few rows the card shows."""
    key = "".join(ch if ch.isalnum() else "_" for ch in name)
    with st.container(border=True, key=f"company_card_{key}"):
        st.subheader(name, anchor=f"company-{key.lower()}")
        aliases, people = names_of(name, fr.aliases.get(name, ()))
        st.caption(
            "Also named: " + ", ".join(aliases)
            if aliases
            else "Also named: no aliases in the gazetteer."
        )
        if people:
            st.caption("People: " + "; ".join(f"{p} ({role})" if role else p for p, role in people))
        cols = st.columns(2)
        cols[0].metric("Dated events", f"{len(once(mine)):,}")
        cols[1].metric("Undated statements", f"{len(said):,}")
        # First and last acts of the crackdown: background (context) events never count.
        acts = mine[mine["relevance"] != "background"] if "relevance" in mine else mine
        ends = first_and_last(acts)
        if ends:
            ends = tuple(words.loc[row.name] for row in ends)
            st.html(
                "<div>"
                + " · ".join(
                    f"<b>{label}:</b> {esc(_when(row))} (“{esc(row['date_text'])}”, source"
                    f" {esc(row['source'])})"
                    for label, row in zip(("First crackdown event", "Last crackdown event"), ends, strict=True)
                )
                + "</div>"
            )
        regs = pd.concat([mine["regulators"], said["regulators"]]).explode().dropna().value_counts()
        st.html(
            "<div><b>Regulators and state actors named with it:</b> "
            + (esc(", ".join(f"{r} ({n})" for r, n in regs.items())) or "none")
            + "</div>"
        )
        figs = company_figures(figs)
        if not figs.empty:
            st.html(figures_html(figs, name))
        recent = words.loc[mine.sort_values("date_start", ascending=False).index[:RECENT_QUOTES]]
        if not recent.empty:
            st.html(
                "<div><b>Most recent quotes:</b></div>"
                + "".join(
                    f"<div><small>“{esc(r['date_text'])}” ({esc(_when(r))},"
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
