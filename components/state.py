"""The view's state: sidebar filters bound to the URL, link checking, notices.

Every filter widget is bound to its query parameter (``bind="query-params"``),
so the URL always holds the view and the filters survive page changes.
Streamlit drops invalid bound values silently and only matches exact option
labels; so on the first run of a session the raw link is read first with
:func:`data.filters.parse_params`: what is dropped gets a visible notice, and
when the link was not canonical (a value dropped, "tencent" for "Tencent") the
canonical values are written into the widgets with one extra rerun.
"""

from __future__ import annotations

import json
from datetime import date
from urllib.parse import urlencode

import streamlit as st

from data.filters import (
    DATE_MAX,
    DATE_MIN,
    MAX_VALUE_CHARS,
    Filters,
    Parsed,
    Vocabulary,
    parse_params,
    shown,
)
from data.frames import Frames

BIND = "query-params"
#: Widget keys (equal to their query parameter names) and their empty values.
DEFAULTS = {
    "company": [],
    "regulator": [],
    "category": [],
    "source": [],
    "from": None,
    "to": None,
    "q": "",
    "event": "",
}
_PENDING = "_ct_pending_view"
_PARSED = "_ct_link_read"
_NOTICES = "_ct_notices"
_NOTICES_FOR = "_ct_notices_view"
_FIX_URL = "_ct_fix_address_bar"


def vocabulary(fr: Frames) -> Vocabulary:
    return Vocabulary(
        companies=fr.companies,
        regulators=fr.regulators,
        categories=fr.categories,
        sources=fr.source_ids,
        events=fr.event_ids,
    )


def widget_values(f: Filters) -> dict[str, object]:
    """The widget state that shows ``f`` (page widgets included)."""
    return {
        "company": list(f.company),
        "regulator": list(f.regulator),
        "category": list(f.category),
        "source": list(f.source),
        "from": f.date_from,
        "to": f.date_to,
        "q": f.q,
        "event": f.event,
        "article": f.article or None,
        "group": f.group,
    }


def read_link(fr: Frames) -> Parsed | None:
    """On a session's first run: read the raw link, and seed the widgets if it needs fixing.

    Returns the parsed link while a correction is in flight (the caller reruns).
    """
    pending = st.session_state.pop(_PENDING, None)
    if pending is not None:
        parsed = pending
    elif not st.session_state.get(_PARSED):
        raw = {key: st.query_params.get_all(key) for key in st.query_params}
        parsed = parse_params(raw, vocabulary(fr))
        st.session_state[_PARSED] = True
        st.session_state[_NOTICES] = parsed.notices
    else:
        return None
    if parsed.corrected:
        for key, value in widget_values(parsed.filters).items():
            st.session_state[key] = value
        if pending is not None:
            st.session_state[_FIX_URL] = True
    return parsed if parsed.corrected and pending is None else None


def fix_address_bar(fr: Frames) -> None:
    """After a corrected link: show the canonical link in the address bar.

    Streamlit's frontend strips bound values it does not recognise ("tencent")
    but does not write the values set through ``st.session_state`` back, so the
    address bar would lose them; this replaces the query string (no reload, no
    new history entry) with the view's canonical one. Only our own encoded
    parameters go into the script, never article text.
    """
    if not st.session_state.pop(_FIX_URL, False):
        return
    query = urlencode(
        [(k, v) for k, values in current_filters(fr).to_params().items() for v in values]
    )
    target = json.dumps(("?" + query) if query else "")
    st.html(
        "<script>setTimeout(function(){history.replaceState(history.state,'',"
        f"window.location.pathname+{target});}},0);</script>",
        unsafe_allow_javascript=True,
    )


def clear_filters() -> None:
    """Button callback: every filter back to empty (the URL follows)."""
    for key, value in DEFAULTS.items():
        st.session_state[key] = value
    st.session_state[_NOTICES] = ()


def set_filter(key: str, value: object) -> None:
    """Callback: set one filter (e.g. a company card's "open the timeline")."""
    st.session_state[key] = value


def sidebar(fr: Frames) -> Filters:
    """Draw the shared filters; return the view they describe."""
    fixing = read_link(fr)
    side = st.sidebar
    side.header("Filters")
    side.multiselect(
        "Company", fr.companies, key="company", bind=BIND, placeholder="Any company",
        help="Events naming any of these companies. Link parameter: company (repeatable).",
    )  # fmt: skip
    side.multiselect(
        "Regulator or state actor", fr.regulators, key="regulator", bind=BIND,
        placeholder="Any regulator",
        help="Events naming any of these actors. Link parameter: regulator (repeatable).",
    )  # fmt: skip
    side.multiselect(
        "Category", fr.categories, key="category", bind=BIND, placeholder="Any category",
        help="Link parameter: category (repeatable).",
    )  # fmt: skip
    titles = "; ".join(f"{i}: {t}" for i, t in fr.sources["title"].items())
    side.multiselect(
        "Source article", fr.source_ids, key="source", bind=BIND, placeholder="Any article",
        help=f"Articles by id. {titles}. Link parameter: source (repeatable).",
    )  # fmt: skip
    left, right = side.columns(2)
    left.date_input(
        "From", value=None, min_value=DATE_MIN, max_value=DATE_MAX, key="from", bind=BIND,
        format="YYYY-MM-DD", help="Events whose interval reaches this day or later. Link: from=YYYY-MM-DD",
    )  # fmt: skip
    right.date_input(
        "To", value=None, min_value=DATE_MIN, max_value=DATE_MAX, key="to", bind=BIND,
        format="YYYY-MM-DD", help="Events whose interval starts by this day. Link: to=YYYY-MM-DD",
    )  # fmt: skip
    side.text_input(
        "Quote contains", key="q", bind=BIND, max_chars=MAX_VALUE_CHARS,
        placeholder="e.g. antitrust", help="Words the quote contains, any case. Link parameter: q",
    )  # fmt: skip
    side.text_input(
        "Selected event", key="event", bind=BIND, max_chars=MAX_VALUE_CHARS,
        placeholder="click an event on the timeline",
        help="The id of the selected event. Link parameter: event",
    )  # fmt: skip
    side.button(
        "Clear all filters",
        key="clear_filters",
        on_click=clear_filters,
        icon=":material/filter_alt_off:",
    )
    if fixing is not None:
        st.session_state[_PENDING] = fixing
        st.rerun()
    return current_filters(fr)


def current_filters(fr: Frames) -> Filters:
    """The view from the widgets' state (an unknown event id is dropped)."""
    ss = st.session_state
    event = str(ss.get("event") or "").strip()
    if event not in fr.event_ids:
        event = ""  # show_notices says so
    start, end = ss.get("from"), ss.get("to")
    return Filters(
        company=tuple(ss.get("company") or ()),
        regulator=tuple(ss.get("regulator") or ()),
        category=tuple(ss.get("category") or ()),
        source=tuple(ss.get("source") or ()),
        date_from=start if isinstance(start, date) else None,
        date_to=end if isinstance(end, date) else None,
        q=" ".join(str(ss.get("q") or "").split()),
        event=event,
        article=str(ss.get("article") or ""),
        group=str(ss.get("group") or "company"),
    )


def show_notices(fr: Frames) -> None:
    """Dropped link values and unreadable articles, above every page."""
    ss = st.session_state
    f = current_filters(fr)
    view = (f.company, f.regulator, f.category, f.source, f.date_from, f.date_to, f.q)
    if ss.get(_NOTICES_FOR, view) != view:  # the user has changed the filters since
        ss[_NOTICES] = ()
    ss[_NOTICES_FOR] = view
    notices = list(ss.get(_NOTICES, ()))
    event = str(ss.get("event") or "").strip()
    if event and not f.event:
        notices.append(f"Unknown event {shown(event)}: no event is selected.")
    if notices:
        st.warning(
            "Parts of this link could not be used and were dropped; the rest applies.\n\n"
            + "\n".join(f"- {n}" for n in notices),
            icon=":material/link_off:",
        )
    if fr.problems:
        with st.expander(
            f"{len(fr.problems)} article file(s) could not be read", icon=":material/warning:"
        ):
            for problem in fr.problems:
                st.text(problem)
