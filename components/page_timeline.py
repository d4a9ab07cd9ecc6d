"""Timeline (the default page, ``/``): the filtered events on a Plotly timeline."""

from functools import partial

import streamlit as st

from components import cards, state
from components.charts import selected_event, selected_zoom
from components.textview import counted
from data.params import BY_KEY, GROUPS

fr, f, events, statements = cards.page_head("Crackdown Timeline", scope=True)
GROUP = BY_KEY["group"]


def on_select(valid: cards.ViewEvents, group: str) -> None:
    """A click on the chart: an event's marker selects it, an overview square zooms in."""
    selection = st.session_state.get("timeline_chart")
    zoom = selected_zoom(selection)
    if zoom:
        state.zoom_to(fr, *zoom, group)
        return
    chosen = selected_event(selection, valid)
    if chosen:
        cards.select_event(chosen)


if events.empty and statements.empty:
    cards.empty_state()
else:
    # No format_func: a bound widget writes its label into the URL (group=regulator).
    group = st.radio(
        GROUP.label, GROUPS, key=GROUP.key, bind="query-params", horizontal=True, help=GROUP.help
    )
    if events.empty:
        st.info("No dated events match these filters; the undated statements are in their tab.")
    else:
        chart = cards.view_chart(events, group)
        if chart.period:
            st.caption(
                f"{counted(len(events), 'report', 'reports')} of events are too many to draw"
                f" one by one: each square counts a row's reports in one {chart.period} (the bigger, the more; colour and shape:"
                f" their most frequent category). Click a square to zoom into that {chart.period}"
                " and row; the list below names them, newest first. Dragging or zooming the"
                " chart moves only your own view; a square's zoom and From and To are kept in"
                " the link."
            )
        st.plotly_chart(
            chart.figure,
            key="timeline_chart",
            on_select=partial(on_select, events, group),
            selection_mode="points",
            config={"displaylogo": False, "modeBarButtonsToRemove": ["select2d", "lasso2d"]},
        )
        cards.label_chart("timeline_chart", chart.summary)
        if not chart.period:
            st.caption(
                "Colour and shape: the category. A marker alone: a day; with a bar: a wider"
                " interval (part of a month, month, year…) across its span; hollow with a dotted"
                " bar: a vague date. Click a marker or a row of the list to open the event."
                " Dragging or zooming the chart moves only your own view: to share a period,"
                " set From and To, which the link keeps."
            )
        for count, where, example, drag in ((chart.far, "back", "a decade", "right"),
                                            (chart.ahead, "ahead", "a goal years away", "left")):
            if count:
                st.caption(
                    f"{count} event{'s' if count > 1 else ''} lie{'' if count > 1 else 's'}"
                    f" further {where} than the chart first shows (e.g. {example}); drag the"
                    f" chart {drag} or double-click it to see everything."
                )
    row = cards.selected_row(fr, f.event) if f.event else None
    if row is not None:
        cards.event_card(fr, row, cards.kept_by(fr, f, row))
    tab_names = [f"Events ({events.real_count:,})", f"Undated statements ({len(statements):,})"]
    # An undated statement selected (picked in its tab, or from a link): its tab stays open.
    chosen_undated = bool(f.event) and f.event in set(statements["id"])
    listed, undated = st.tabs(tab_names, default=tab_names[1] if chosen_undated else None)
    with listed:
        if events.empty:
            st.caption("No dated events match these filters.")
        else:
            cards.event_rows(events, key="event_list")
            cards.export_buttons(fr, events, statements, key="export")
    with undated:
        if statements.empty:
            st.caption("No undated statements match these filters.")
        else:
            st.caption(
                "Statements with no date: listed here, not placed on the timeline."
                " Not filtered by date. Choose one to open its card."
            )
            cards.quote_list(fr, statements, key="statement", selected=f.event)
