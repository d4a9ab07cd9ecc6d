"""Timeline (the default page, ``/``): the filtered events on a Plotly timeline."""

from functools import partial

import streamlit as st

from components import cards
from components.charts import (
    MAX_CHART_EVENTS,
    capped,
    left_out_of_focus,
    selected_event,
    timeline_figure,
)
from data.params import BY_KEY, GROUPS

fr, f, events, statements = cards.page_head("Crackdown Timeline")
GROUP = BY_KEY["group"]


def on_select(valid: frozenset) -> None:
    chosen = selected_event(st.session_state.get("timeline_chart"), valid)
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
        st.info("No dated events match these filters; the undated statements are below.")
    else:
        shown = capped(events)
        if len(shown) < len(events):
            st.caption(
                f"The chart shows the {MAX_CHART_EVENTS:,} most recent of {len(events):,} events;"
                " narrow the filters to see the others. The table and the export hold all of them."
            )
        st.plotly_chart(
            timeline_figure(shown, group, selected=f.event),
            key="timeline_chart",
            on_select=partial(on_select, frozenset(shown["id"])),
            selection_mode="points",
            config={"displaylogo": False, "scrollZoom": True},
        )
        st.caption(
            "● a day · ◆ with a bar: a wider interval (part of a month, month, quarter, year…) drawn"
            " across its whole span · ○ with a dotted bar: a vague date. Click an event to open it."
        )
        far = left_out_of_focus(shown, group)
        if far:
            st.caption(
                f"{far} event{'s' if far > 1 else ''} lie{'' if far > 1 else 's'} further back"
                " than the chart first shows (e.g. a decade); drag the chart right or"
                " double-click it to see everything."
            )
    row = cards.selected_row(fr, f.event) if f.event else None
    if row is not None:
        cards.event_card(fr, row)
    these = "this event" if len(events) == 1 else f"these {len(events):,} events"
    with st.expander(f"Table of {these}, and export", key="table_open",
                     on_change="rerun", icon=":material/table:") as table:  # fmt: skip
        if table.open:
            cards.events_table(events, key="events_table")
            cards.export_buttons(fr, events, key="export")
    st.subheader(f"Undated statements ({len(statements):,})")
    if statements.empty:
        st.caption("No undated statements match these filters.")
    else:
        st.caption(
            "Statements with no date: listed here, not placed on the timeline. Not filtered by date."
        )
        cards.quote_list(fr, statements, key="statement")
