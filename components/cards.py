"""Render helpers shared by the pages: event cards, quote lists, tables, export buttons.

Article text only reaches the page escaped (:mod:`components.textview`) or as
plain text (``st.text``, dataframes).
"""

from __future__ import annotations

import json
from collections import Counter
from functools import cached_property, partial
from urllib.parse import urlencode

import numpy as np
import pandas as pd
import streamlit as st

from components import charts, loader, state
from components.charts import Chart, short
from components.eventlist import LIST_COLUMNS, LIST_READS, event_list, marked, when
from components.export import View, figures_csv, to_csv, to_ical, to_json, to_timelinejs
from components.memo import remember
from components.pages import page_by_url
from components.textview import (
    CSS,
    counted,
    esc,
    quote_html,
    safe_url,
    text_fragment_url,
    title_html,
)
from data.filters import (
    Filters,
    describe,
    figures_in_view,
    filter_events,
    rows_of,
    view_mask,
)
from data.frames import Frames
from data.titles import short_title

MAX_LISTED = 20  # each is a few elements for the browser to draw
#: Rows of the event list: the newest first; a longer view is narrowed or downloaded.
MAX_LIST_ROWS = 1000
TABLE_COLUMNS = {
    "date_text": "Date as written",
    "date_start": "From",
    "date_end": "To",
    "precision": "Precision",
    "companies": "Companies",
    "regulators": "Regulators",
    "category": "Category",
    "source": "Source",
    "quote": "Quote",
    "id": "Event id",
}


def style() -> None:
    st.html(CSS)


def select_event(event_id: str) -> None:
    """Callback: make ``event_id`` the selected event (the URL follows)."""
    st.session_state["event"] = event_id


def interval(row) -> str:
    if pd.isna(row["date_start"]):
        return "undated"
    s, e = row["date_start"].date(), row["date_end"].date()
    return s.isoformat() if s == e else f"{s.isoformat()} to {e.isoformat()}"


def source_line(fr: Frames, source_id: str) -> str:
    """Outlet, title and publication date of an article, escaped for Markdown/HTML."""
    if source_id not in fr.sources.index:
        return esc(f"article {source_id}")
    at = fr.sources.at  # one cell at a time: a whole row (.loc) cost 2 ms
    return (
        f"<b>{esc(at[source_id, 'outlet'])}</b>, “{esc(at[source_id, 'title'])}”, published"
        f" {esc(at[source_id, 'published'])} ({esc(at[source_id, 'published_confidence'])})"
    )


def card_title(row) -> str:
    """The selected event's title, from its record: when, what kind, which companies and
    state actors (the quote follows in full below it; a title cut from the quote repeated
    it, and differed in kind from card to card). Plain text: the caller escapes it.

    >>> t = pd.Timestamp
    >>> card_title({"date_start": t("2020-12-10"), "date_end": t("2020-12-24"),
    ...     "precision": "vague", "category": "antitrust", "companies": ("Alibaba",),
    ...     "regulators": ("SAMR",)})
    '10–24 Dec 2020 (vague) · antitrust · Alibaba · SAMR'
    >>> card_title({"date_start": pd.NaT, "date_end": pd.NaT, "precision": "vague",
    ...     "category": "other", "companies": (), "regulators": ()})
    'Undated statement · other · no company named'
    """
    if pd.isna(row["date_start"]):
        said = "Undated statement"
    else:
        said = when(row["date_start"], row["date_end"], row["precision"])
        said += " (vague)" if row["precision"] == "vague" else ""
    parts = [said, row["category"], ", ".join(row["companies"]) or "no company named"]
    if len(row["regulators"]):
        parts.append(", ".join(row["regulators"]))
    return " · ".join(parts)


def event_card(fr: Frames, row, in_view: bool = True) -> None:
    """The selected event: quote, source, date, actors and links; ``in_view``: whether the
    filters keep it (a card kept open while the filters changed says it is outside them)."""
    with st.container(border=True, key="event_card"):
        st.subheader("Selected event", anchor="selected-event")
        if not in_view:
            st.caption(
                "Outside the current filters: they no longer include this event (it stays"
                " open, and in the link, until you close it)."
            )
        st.html(f'<h4 class="ct-title">{esc(card_title(row))}</h4>')
        st.html(quote_html(row["quote"]))
        st.html(
            f"<div><b>Date:</b> “{esc(row['date_text'] or '—')}” → {esc(interval(row))}"
            f" ({esc(row['precision'])} precision)</div>"
            f"<div><b>Companies:</b> {esc(', '.join(row['companies']) or '—')}</div>"
            f"<div><b>State actors:</b> {esc(', '.join(row['regulators']) or '—')}</div>"
            f"<div><b>Category:</b> {esc(row['category'])}</div>"
            f"<div><b>Source:</b> {source_line(fr, row['source'])}</div>"
        )
        other_reports(fr, row["id"])
        cols = st.columns([2, 2, 1])
        cols[0].page_link(
            page_by_url("sources")["path"], label="Show the quote in its article",
            icon=":material/format_quote:", query_params=state.current_filters(fr).to_params(),
        )  # the link's address holds the view and the event: a new tab or a copied link
        # opens the same quote, as a click does  # fmt: skip
        url = fr.sources["url"].get(row["source"], "")
        link = text_fragment_url(url, row["quote"]) if isinstance(url, str) else ""
        if link:
            cols[1].link_button(
                "Original article (jumps to the quote)", link, icon=":material/open_in_new:"
            )
        else:
            cols[1].caption("No link to the original article is known.")
        cols[2].button("Close", key="close_event", on_click=select_event, args=("",))


def other_reports(fr: Frames, event_id: str) -> None:
    """The same real event in other articles, and where their dates disagree."""
    group = fr.groups.get(event_id)
    if group is None:
        return
    others = fr.events[fr.events["id"].isin(group.members) & (fr.events["id"] != event_id)]
    items = "".join(
        f"<li>{source_line(fr, r['source'])}: “{esc(r['date_text'])}” — "
        f"<i>{esc(short(r['quote'], 160))}</i></li>"
        for _, r in others.iterrows()
    )
    st.html(
        f"<div class='ct-also'><b>Also reported by {len(group.sources) - 1} other "
        f"source{'s' if len(group.sources) > 2 else ''}</b><ul>{items}</ul></div>"
    )
    if group.disagreements:  # article words: escaped HTML, never markdown
        readings = "".join(f"<li>{esc(d)}</li>" for d in group.disagreements)
        st.html(f"<div class='ct-disagree'><b>The sources differ on the date:</b><ul>{readings}</ul></div>")


def selected_row(fr: Frames, event_id: str):
    """The events-frame row of ``event_id`` (dated or not), or None."""
    for df in (fr.events, fr.statements):
        hit = df[df["id"] == event_id]
        if not hit.empty:
            return hit.iloc[0]
    return None


def kept_by(fr: Frames, f: Filters, row) -> bool:
    """Whether view ``f`` holds the event of ``row`` (a :func:`selected_row`: its one row
    filtered, taken by its label in the frames, which is unique; no view is copied)."""
    df = fr.events if row["dated"] else fr.statements
    return not filter_events(df.loc[[row.name]], f, by_date=bool(row["dated"])).empty


def _picked(key: str) -> None:
    """Callback of the statements' one control: open the chosen statement (none: close)."""
    select_event(st.session_state.get(key) or "")


def statement_labels(df: pd.DataFrame) -> dict[str, str]:
    """How the statements' one control names each statement: its short title, with its
    article when two titles are the same, and a number if still the same. Unique: the
    select box tells options apart by their label.

    >>> statement_labels(pd.DataFrame({"id": ["001-a", "002-b", "002-c"],
    ...     "quote": ["Officials fined the firm.", "Officials fined the firm.",
    ...               "Officials fined the firm."], "date_text": ["", "", ""]}))
    {'001-a': 'Officials fined the firm (article 001)', '002-b': 'Officials fined the firm \
(article 002)', '002-c': 'Officials fined the firm (article 002, 2)'}
    """
    titles = [short_title(q, d) for q, d in zip(df["quote"], df["date_text"], strict=True)]
    repeated = {t for t, n in Counter(titles).items() if n > 1}
    labels: dict[str, str] = {}
    seen: Counter = Counter()
    for ident, title in zip(df["id"], titles, strict=True):
        label = f"{title} (article {ident.split('-')[0]})" if title in repeated else title
        seen[label] += 1
        labels[ident] = label if seen[label] == 1 else f"{label[:-1]}, {seen[label]})"
    return labels


def quote_list(
    fr: Frames, df: pd.DataFrame, key: str, selected: str = "", limit: int = MAX_LISTED
) -> None:
    """Quotes with their source, capped at ``limit``, and ONE control choosing among them.

    A "Select" button per quote made keyboard users walk twenty identical buttons; one
    select box (typing filters it) is one Tab stop, and names each statement by its title.
    """
    shown_df = df.head(limit)
    labels = statement_labels(shown_df)
    pick = f"{key}_pick"
    want = selected if selected in labels else None
    if st.session_state.get(pick) != want:  # follow the selection made elsewhere
        st.session_state[pick] = want
    st.selectbox(
        "Open a statement", list(labels), format_func=labels.__getitem__, index=None,
        key=pick, on_change=_picked, args=(pick,),
        placeholder="Choose a statement (type to search its title)",
    )  # fmt: skip
    items = []  # one element for the whole list: 20 statements were 80 elements to draw
    for _, row in shown_df.iterrows():
        mark = "▶ " if row["id"] == selected else ""
        actors = ", ".join([*row["companies"], *row["regulators"]]) or "no actor named"
        items.append(
            '<article class="ct-statement">'
            + title_html(row["quote"], row["date_text"], mark=mark)
            + quote_html(row["quote"], limit=600)
            + f"<small>{source_line(fr, row['source'])} · {esc(actors)} · {esc(row['category'])}"
            f"{' · “' + esc(row['date_text']) + '”' if row['date_text'] else ''}</small>"
            "</article>"
        )
    if items:
        st.html("".join(items))
    if len(df) > limit:
        st.caption(f"Showing {limit} of {len(df):,}; narrow the filters to see the rest.")


def _table_selected(key: str, ids: tuple[str, ...]) -> None:
    """A row picked selects its event; the row unticked clears the selection."""
    rows = st.session_state[key].selection.rows
    if rows and 0 <= rows[0] < len(ids):
        select_event(ids[rows[0]])
    elif not rows:
        select_event("")


def _sync_selection(key: str, position: int | None) -> None:
    """Select row ``position`` of table ``key`` (none: no row), as if the reader had clicked it.

    The selected event can change without the table (a chart click, Back, a link, Close):
    the table's own selection is set to follow it, before the table is drawn.
    """
    want = [] if position is None else [position]
    now = st.session_state.get(key)
    if (list(now["selection"]["rows"]) if now else []) != want:
        st.session_state[key] = {"selection": {"rows": want, "columns": [], "cells": []}}


def events_table(df: pd.DataFrame, key: str) -> None:
    """The same events as an accessible table; selecting a row selects the event."""
    table = df[list(TABLE_COLUMNS)].assign(
        companies=df["companies"].map(", ".join),
        regulators=df["regulators"].map(", ".join),
        date_start=df["date_start"].dt.date,
        date_end=df["date_end"].dt.date,
    )
    st.dataframe(
        table.rename(columns=TABLE_COLUMNS),
        hide_index=True,
        width="stretch",
        key=key,
        on_select=partial(_table_selected, key, tuple(df["id"])),
        selection_mode="single-row",
        column_config={"Quote": st.column_config.TextColumn(width="large")},
    )


def view_of(f, n_events: int, n_statements: int, n_reports: int | None = None) -> View:
    """The view an export records: its link (this page's address), parameters and sentence."""
    params = f.to_params()
    base = st.context.url or ""
    query = urlencode([(k, v) for k, values in params.items() for v in values])
    return View(
        link=base + ("?" + query if query else ""),
        filters=params,
        description=describe(f, n_events, n_statements, n_reports=n_reports),
    )


def export_buttons(fr: Frames, events: ViewEvents, statements: pd.DataFrame, key: str) -> None:
    """Download the view: events, statements and figures as CSV and JSON, iCalendar, TimelineJS.

    Each file is written when its button is pressed (the events filtered then)."""
    f = events.f
    view = view_of(f, events.real_count, len(statements), n_reports=len(events))
    figures = figures_in_view(fr.figures_indexed, f)
    files = (
        (counted(len(events), *(("report of events", "reports of events")
                                if len(events) != events.real_count else ("event",))) + ", CSV",
         lambda: to_csv(events.frame, fr.sources, view),
         "crackdown-events.csv", "text/csv"),
        (counted(len(statements), "statement") + ", CSV",
         lambda: to_csv(statements, fr.sources, view, "undated statements"),
         "crackdown-statements.csv", "text/csv"),
        (counted(len(figures), "money figure") + ", CSV", lambda: figures_csv(figures, fr.sources, view),
         "crackdown-figures.csv", "text/csv"),
        ("All three, JSON", lambda: to_json(events.frame, statements, figures, fr.sources, view),
         "crackdown-view.json", "application/json"),
        ("Calendar (iCalendar)", lambda: to_ical(events.frame, fr.sources, view),
         "crackdown-events.ics", "text/calendar"),
        ("TimelineJS", lambda: to_timelinejs(events.frame, fr.sources, view),
         "crackdown-timelinejs.json", "application/json"),
    )  # fmt: skip
    st.caption(
        "Download this view (each file records its link and filters). Money figures follow the"
        " view's companies, sources and dates; they have no category or state actor of their"
        " own, so those filters leave them as they are."
    )
    cols = st.columns(3)
    for i, (label, build, name, mime) in enumerate(files):
        cols[i % 3].download_button(
            label, build, file_name=name, mime=mime, key=f"{key}_{name}",
            icon=":material/download:", on_click="ignore",
        )  # fmt: skip


def empty_state(what: str = "events") -> None:
    with st.container(border=True, key="empty_state"):
        st.info(f"No {what} match these filters.", icon=":material/search_off:")
        st.button(
            "Clear all filters", key="empty_clear", on_click=state.clear_filters, type="primary"
        )
        st.markdown("Or open [the unfiltered timeline](/) in a new view.")


class ViewEvents:
    """The dated events of view ``f``, filtered only when something needs their rows.

    A view seen before draws its chart and list from :mod:`components.memo` and needs only
    how many events it has; copying 100,000 rows out of the frames for nothing was a third
    of such a rerun. ``event_id in events`` asks whether the view has that event.
    """

    def __init__(self, fr: Frames, f: Filters) -> None:
        self.fr, self.f = fr, f

    @cached_property
    def mask(self):
        """Which of the frames' events are in the view (None: all of them)."""
        return view_mask(self.fr.indexed, self.f)

    @cached_property
    def count(self) -> int:
        def build() -> int:
            return len(self.fr.events) if self.mask is None else int(self.mask.sum())

        return remember(self.fr, ("count", self.f.scope), build)

    def __len__(self) -> int:
        return self.count

    @cached_property
    def real_count(self) -> int:
        """How many real events the view has (a merge group's reports once): the list's rows."""

        def build() -> int:
            return int(np.unique(self.reported[0]).size)

        return remember(self.fr, ("real count", self.f.scope), build)

    @property
    def empty(self) -> bool:
        return self.count == 0

    @cached_property
    def frame(self) -> pd.DataFrame:
        return rows_of(self.fr.indexed, self.mask)

    def select(self, columns: list[str]) -> pd.DataFrame:
        """The view's rows with only ``columns``: the chart and the list read a few, and
        copying the others (quotes, search text) out of 124,304 rows took 0.25 s."""
        if "frame" in self.__dict__:
            return self.frame[columns]
        return rows_of(self.fr.indexed, self.mask, columns)

    @property
    def reported(self) -> tuple:
        """The view's events' :func:`data.frames.reports` (from the frames': no work per event)."""
        return tuple(a if self.mask is None else a[self.mask] for a in self.fr.reports)

    @cached_property
    def ids(self) -> frozenset[str]:
        return frozenset(self.select(["id"])["id"])

    def __contains__(self, event_id: object) -> bool:
        return event_id in self.ids


def view_chart(events: ViewEvents, group: str) -> Chart:
    """The timeline chart of a view, grouped by ``group`` (kept in :mod:`components.memo`)."""
    f = events.f
    selected = f.event if len(events) <= charts.DETAIL_LIMIT else ""  # an overview marks none
    return remember(
        events.fr,
        ("chart", f.scope, group, selected),
        lambda: charts.timeline_chart(
            events.select(charts.chart_columns(len(events))), group, selected
        ),
    )


def view_rows(events: ViewEvents) -> pd.DataFrame:
    """The event list of a view: its newest real events (kept in :mod:`components.memo`)."""
    fr, f = events.fr, events.f
    rows = remember(
        fr,
        ("list", f.scope),
        lambda: event_list(
            events.select(LIST_READS), fr.groups, limit=MAX_LIST_ROWS, reported=events.reported
        ),
    )
    return marked(rows, fr.groups, f.event) if f.event else rows


def view_statements(fr: Frames, f: Filters) -> pd.DataFrame:
    """The undated statements of view ``f`` (dates do not filter them)."""
    return filter_events(fr.statements_indexed, f, by_date=False)


def page_head(title: str, scope: bool = False):
    """Title and summary sentence of a page; returns (frames, filters, events, statements),
    the events as :class:`ViewEvents`."""
    fr = loader.run_frames()
    f = state.current_filters(fr)
    events = ViewEvents(fr, f)
    statements = view_statements(fr, f)
    st.title(title)
    if scope:
        scope_line(fr)
    summary(describe(f, events.real_count, len(statements), n_reports=len(events)))
    return fr, f, events, statements


def scope_line(fr: Frames) -> None:
    """One line under the title: how many articles, from which outlets, what span, last added."""
    if fr.sources.empty:
        return
    outlets = fr.outlets  # the frames' (10,000 articles' outlets took 0.1 s on every run)
    named = ", ".join(outlets.index[:3]) + (f" and {len(outlets) - 3} more" if len(outlets) > 3 else "")
    acts, background = fr.years  # the timeline hides background: its span is said apart
    span = f"; events from {acts[0]} to {acts[1]}" if acts else ""
    if background and (not acts or background[0] < acts[0]):
        span += f" (background from {background[0]})" if acts else (
            f"; background events from {background[0]} to {background[1]}")
    last = fr.latest_published
    n = len(fr.sources)
    st.html(
        f'<p class="ct-scope">Built from {n:,} article{"s" if n != 1 else ""} ({esc(named)})'
        f"{esc(span)}; the latest published {esc(last)}.</p>"
    )


def event_rows(events: ViewEvents, key: str) -> None:
    """The event list of a view: one row per real event; picking a row selects it (and
    marks the chart), and the selected event's row is the table's selected row whichever
    way it was chosen."""
    rows = view_rows(events)
    if rows.attrs["real_events"] > len(rows):  # the list was cut
        st.caption(
            f"The list shows the {MAX_LIST_ROWS:,} most recent of this view's"
            f" {rows.attrs['real_events']:,} events; narrow the filters (or click the chart) to list the"
            " others, or download the view below: the files hold every event."
        )
    marked = (rows["selected"] != "").to_numpy().nonzero()[0]
    _sync_selection(key, int(marked[0]) if len(marked) else None)
    st.dataframe(
        rows[list(LIST_COLUMNS)].rename(columns=LIST_COLUMNS),
        hide_index=True,
        width="stretch",
        key=key,
        on_select=partial(_table_selected, key, tuple(rows["id"])),
        selection_mode="single-row",
        column_config={
            " ": st.column_config.TextColumn(width=20, help="the selected event"),
            "Event": st.column_config.TextColumn(width="large"),
            "Sources": st.column_config.NumberColumn(
                width="small", help="articles reporting this event"
            ),
        },
    )


def label_chart(key: str, text: str) -> None:
    """Give the chart of widget ``key`` an accessible name and summary (a figure with a label).

    Plotly's SVG has none; screen readers announce this one. Plain text, JSON-encoded.
    """
    target = json.dumps(f".st-key-{key}")
    st.html(
        "<script>setTimeout(function(){var el=document.querySelector(" + target + ");"
        "if(el){el.setAttribute('role','figure');el.setAttribute('aria-label',"
        + json.dumps(text) + ");}},0);</script>",
        unsafe_allow_javascript=True,
    )


def summary(sentence: str) -> None:
    """The one sentence saying what is shown (plain text, escaped)."""
    st.html(f'<p class="ct-summary" role="status"><b>{esc(sentence)}</b></p>')


def original_link(fr: Frames, source_id: str) -> str:
    url = fr.sources["url"].get(source_id, "")
    return safe_url(url) if isinstance(url, str) else ""
