"""The view's state: sidebar filters bound to the URL, history, link checking, notices.

Every filter widget is derived from its declaration in :data:`data.params.PARAMS`
and bound to its query parameter (``bind="query-params"``), so the URL always
holds the view and the filters survive page changes and Back/Forward.
Streamlit drops invalid bound values silently and only matches exact option
labels; so on the first run of a session the raw link is read first with
:func:`data.filters.parse_params`: what is dropped gets a visible notice, and
when the link was not canonical (a value dropped, "tencent" for "Tencent") the
canonical values are written into the widgets with one extra rerun.

History: Streamlit writes a bound widget's change with ``replaceState`` (no
history entry) and each query change made by the script with ``pushState``
(one entry per parameter). :data:`HISTORY_JS` makes the first address change
after a user gesture one new entry and every other change replace the current
one: each user change is exactly one step for Back and Forward.
"""

from __future__ import annotations

import json
from datetime import date
from itertools import islice
from urllib.parse import urlencode

import streamlit as st

from components.memo import remember
from components.textview import esc
from data.filters import (
    DATE_MAX,
    DATE_MIN,
    MAX_VALUE_CHARS,
    PARAMS,
    Filters,
    Parsed,
    Vocabulary,
    facets,
    parse_params,
    shown,
)
from data.frames import Frames
from data.params import kind_of

BIND = "query-params"
SIDEBAR_WIDGETS = ("multiselect", "date", "text", "radio")
FACETS_SHOWN = 4  # values listed with their counts under a filter
REGULATORS_ONLY = "Chinese regulator"  # the kind the one-click button keeps
FILTERS = "ct_filters"  # the sidebar's container of the filter widgets
_PENDING = "_ct_pending_view"
_PARSED = "_ct_link_read"
_NOTICES = "_ct_notices"
_UNKNOWN_TYPED = "_ct_unknown_event"  # an event id typed in the box that has no event
_NOTICES_FOR = "_ct_notices_view"
_FIX_URL = "_ct_fix_address_bar"

#: One history entry per user change (see the module docstring). A gesture is a
#: trusted pointer or key event; it stays fresh for 10 s (a slow rerun) and is
#: used up by the first address change; Back and Forward (popstate) clear it.
HISTORY_JS = """<script>(function(){
if (window.__ctHistory) return; window.__ctHistory = true;
var h = window.history, push = h.pushState.bind(h), replace = h.replaceState.bind(h);
var gesture = 0;
function mark(e) { if (e.isTrusted) gesture = Date.now(); }
['pointerdown', 'keydown'].forEach(function (t) { window.addEventListener(t, mark, true); });
window.addEventListener('popstate', function () { gesture = 0; }, true);
function moves(url) {
  if (url === undefined || url === null) return false;
  var u = new URL(url, window.location.href);
  return u.pathname + u.search !== window.location.pathname + window.location.search;
}
function route(state, title, url) {
  if (moves(url) && Date.now() - gesture < 10000) { gesture = 0; return push(state, title, url); }
  return replace(state, title, url);
}
h.pushState = route; h.replaceState = route;
})();</script>"""


#: Datasette's facet counts inside each filter's own list: "Tencent (12)". A bound widget
#: writes its *formatted* options into the URL, so a ``format_func`` with counts would put
#: "Tencent (12)" in the link; instead the options stay the plain values and this script
#: draws the count beside each one when a filter's list opens. The counts are data (JSON,
#: with ``<`` escaped), refreshed on every run; the count is ``aria-hidden`` so an option's
#: name stays its value (the caption under the filter says the leading counts in words).
FACET_COUNTS_JS = """<script>(function(){
window.__ctFacetCounts = __COUNTS__;
if (window.__ctFacets) return; window.__ctFacets = true;
function keyOf(el) {
  var box = el && el.closest && el.closest('[class*="st-key-"]');
  var m = box && box.className.match(/(?:^|\\s)st-key-([A-Za-z0-9_-]+)/);
  return m ? m[1] : null;
}
function decorate() {
  var counts = window.__ctFacetCounts[keyOf(document.activeElement)];
  if (!counts) return;
  document.querySelectorAll('[role=option]').forEach(function (o) {
    var span = o.querySelector('.ct-count'), full = o.textContent || '';
    var name = (span ? full.slice(0, full.length - span.textContent.length) : full).trim();
    if (!Object.prototype.hasOwnProperty.call(counts, name)) return;  // e.g. "Select all"
    var text = '(' + counts[name].toLocaleString('en') + ')';
    if (span && span.textContent === text) return;
    if (!span) {
      span = document.createElement('span'); span.className = 'ct-count';
      span.setAttribute('aria-hidden', 'true');
      (o.lastElementChild || o).appendChild(span);
    }
    span.textContent = text;
  });
}
new MutationObserver(decorate).observe(document.body, {childList: true, subtree: true});
document.addEventListener('focusin', decorate, true);
})();</script>"""


def facet_counts_script(counts: dict[str, dict[str, int]]) -> str:
    """:data:`FACET_COUNTS_JS` with the count of each filter's options (plain data, escaped).

    >>> facet_counts_script({"company": {"A<b>": 2}}).count("<b>")
    0
    """
    text = json.dumps(counts, ensure_ascii=True)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return FACET_COUNTS_JS.replace("__COUNTS__", text)


def vocabulary(fr: Frames) -> Vocabulary:
    return Vocabulary(
        companies=fr.companies,
        regulators=fr.regulators,
        categories=fr.categories,
        sources=fr.source_ids,
        events=fr.event_ids,
    )


def widget_values(f: Filters) -> dict[str, object]:
    """The widget state that shows ``f`` (page widgets included), by parameter key."""
    out = {}
    for p in PARAMS:
        value = getattr(f, p.field)
        if p.repeated:
            value = list(value)
        elif p.key == "article":
            value = value or None
        out[p.key] = value
    return out


DEFAULTS = {p.key: widget_values(Filters())[p.key] for p in PARAMS if p.widget != "page"}


def install_history() -> None:
    """Once per page load: route address changes so each user change is one history step."""
    st.html(HISTORY_JS, unsafe_allow_javascript=True)


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
    params = current_filters(fr).to_params()
    # A page link clicked before the timeline's chart was drawn sends the page change with
    # an empty query (the browser has not yet bound the filters to the address): the view
    # stays, the address loses it. When it holds none of the view's parameters, it is set.
    lost = bool(params) and not any(key in st.query_params for key in params)
    if not (st.session_state.pop(_FIX_URL, False) or lost):
        return
    query = urlencode([(k, v) for k, values in params.items() for v in values])
    target = json.dumps(("?" + query) if query else "")
    st.html(
        "<script>setTimeout(function(){history.replaceState(history.state,'',"
        f"window.location.pathname+{target});}},0);</script>",
        unsafe_allow_javascript=True,
    )


def clear_filters() -> None:
    """Button callback: every filter back to empty (the URL follows, as one history step)."""
    for key, value in DEFAULTS.items():
        st.session_state[key] = value
    st.session_state[_NOTICES] = ()
    st.session_state.pop(_UNKNOWN_TYPED, None)


def set_filter(key: str, value: object) -> None:
    """Callback: set one filter (e.g. a company card's "open the timeline")."""
    st.session_state[key] = value


def _drop_unknown_event() -> None:
    """Callback of the "Selected event" box: an id with no event is taken out of the box,
    and so out of the address (a link must not carry what it cannot open); the notice
    quotes what was typed and stays until the filters change. The frames are looked up
    here, not bound to the widget: a session's callback would keep replaced frames alive."""
    from components import loader  # noqa: PLC0415 - loader imports the data modules

    ss = st.session_state
    typed = str(ss.get("event") or "").strip()
    if typed and typed not in loader.frames().event_ids:
        ss["event"] = ""
        ss[_UNKNOWN_TYPED] = typed


def zoom_to(fr: Frames, start: date, end: date, row: str, group: str) -> None:
    """Callback of an overview square: the view narrowed to its period and, when its row is
    one actor of the chart's kind, to that actor (one history step, like any user change)."""
    ss = st.session_state
    ss["from"], ss["to"] = max(start, DATE_MIN), min(end, DATE_MAX)
    key = "company" if group == "company" else "regulator"
    if row in vocabulary(fr).options(key):
        ss[key] = [row]


def _label(fr: Frames, key: str, value: str) -> str:
    """How a facet names a value: an article by outlet and title, the rest as they are."""
    if key == "source" and value in fr.sources.index:
        row = fr.sources.loc[value]
        title = str(row["title"])
        return f"{value} {row['outlet']}: “{title[:38] + '…' if len(title) > 40 else title}”"
    return value


def _facet_caption(side, fr: Frames, key: str, counts, chosen) -> None:
    """The values with events in this view, most first, with their counts (Datasette's facets)."""
    n_live = len(counts) - sum(1 for v in set(chosen) if v in counts.index)
    if key == "regulator":  # grouped by kind: regulators, government, party and leaders...
        live = [(v, n) for v, n in counts.items() if v not in chosen]
        order = {k: i for i, k in enumerate(vocabulary(fr).kinds)}
        live.sort(key=lambda vn: (order.get(kind_of(vn[0]), len(order)), -vn[1]))
    else:  # most first already: only the values shown are read (10,000 articles' were)
        live = list(islice(((v, n) for v, n in counts.items() if v not in chosen), FACETS_SHOWN))
    if not live:
        side.html('<p class="ct-facets">No other value has events in this view.</p>')
        return
    shown_values = live[:FACETS_SHOWN]
    if key == "regulator":
        groups: dict[str, list[str]] = {}
        for v, n in shown_values:
            groups.setdefault(kind_of(v) or "other", []).append(f"{v} ({n:,})")
        text = "; ".join(f"{kind}: {', '.join(items)}" for kind, items in groups.items())
    else:
        text = ", ".join(f"{_label(fr, key, v)} ({n:,})" for v, n in shown_values)
    more = n_live - len(shown_values)
    # each count is what picking that value would show, the other filters applied: with a
    # value chosen, not what the view holds
    head = "Other choices, with the events each would show: " if chosen else "In this view: "
    text = head + text + (f"; {more} more in the list" if more > 0 else "")
    side.html(f'<p class="ct-facets">{esc(text)}</p>')  # titles: escaped HTML, not Markdown


def _options(fr: Frames, key: str, counts) -> list[str]:
    """A filter's choices: values with events in this view, and those the view or link names.

    Values with no event in the view are left out (they would show "No events match");
    a value in the address or already chosen always stays, so a link is never cut.
    """
    keep = {*counts.index, *(st.session_state.get(key) or ()), *st.query_params.get_all(key)}
    return [v for v in vocabulary(fr).options(key) if v in keep]


def date_bounds(fr: Frames, view: Filters) -> tuple[date, date]:
    """The From and To fields' bounds: the first and last day of the dated events, so that
    an empty field's calendar opens inside the data (on today clamped to them, not years
    after it); widened to the view's own dates, so a link beyond the data keeps them."""

    events = fr.events  # two reductions of a column each: 0.3 ms at 126,000 events
    low, high = DATE_MIN, DATE_MAX
    if not events.empty:
        low, high = events["date_start"].min().date(), events["date_end"].max().date()
    chosen = [d for d in (view.date_from, view.date_to) if d is not None]
    return min([low, *chosen]), max([high, *chosen])


def _widget(side, p, fr: Frames, counts=None, listed=None) -> None:
    """The sidebar widget of parameter ``p``, bound to its query parameter; a faceted
    filter's options go into ``listed`` with their counts (0: kept from the link only)."""
    common = {"key": p.key, "bind": BIND, "help": p.help}
    if p.widget == "multiselect":
        options = _options(fr, p.key, counts) if counts is not None else vocabulary(fr).options(p.key)
        if counts is not None and listed is not None:
            found = counts.to_dict()  # a look-up per option: Series.get cost 10 µs each
            listed[p.key] = {str(v): int(found.get(v, 0)) for v in options}
        chosen = side.multiselect(p.label, options, placeholder=p.placeholder, **common)
        if counts is not None:
            _facet_caption(side, fr, p.key, counts, chosen)
        if p.key == "kind" and list(chosen) != [REGULATORS_ONLY]:
            side.button(
                "Chinese regulators only", key="regulators_only", on_click=set_filter,
                args=("kind", [REGULATORS_ONLY]), icon=":material/gavel:",
                help="Keep only events of a Chinese regulator: one named (SAMR, CAC, CSRC…) or"
                " “the regulators” unnamed.",
            )  # fmt: skip
    elif p.widget == "date":  # one under the other: side by side, a date showed "2020 - 1"
        low, high = date_bounds(fr, current_filters(fr))
        side.date_input(
            p.label, value=None, min_value=low, max_value=high, format="YYYY-MM-DD", **common
        )
    elif p.widget == "text":
        checked = {"on_change": _drop_unknown_event} if p.key == "event" else {}
        side.text_input(
            p.label, max_chars=MAX_VALUE_CHARS, placeholder=p.placeholder, **common, **checked
        )
    elif p.widget == "radio":
        side.radio(p.label, vocabulary(fr).options(p.key), horizontal=True, **common)


def open_view(fr: Frames, page: dict) -> bool:
    """Before the page (one of :data:`components.pages.PAGES`): read the link, and draw the
    sidebar's filters unless the page goes first; returns True when :func:`sidebar` is still
    to be called, after the page.

    A browser draws the elements in the order they come, and the ten filters cost it about
    a second; so on a session's first screen of a page with a chart (``page["chart"]``) whose
    link needs no fixing, the page (its chart) is sent first and the filters after it. The
    page then reads the view from the link (:func:`current_filters`), which is what the
    filters show when they come. Every later run draws the filters first: a Back or Forward,
    or a change in a filter, is only known once its widget is drawn.
    """
    opening = not st.session_state.get(_PARSED) and _PENDING not in st.session_state
    fixing = read_link(fr)
    if page["chart"] and opening and fixing is None:
        return True
    sidebar(fr, page, fixing)
    return False


def sidebar(fr: Frames, page: dict, fixing: Parsed | None = None) -> Filters:
    """Draw the shared filters (one widget per declared parameter) and what they do on
    ``page`` (its ``filters`` sentence; folded away where they do nothing); return the view.
    ``fixing``: the link being corrected by :func:`read_link` (the script reruns)."""
    st.sidebar.header("Filters")
    # The note and the widgets stand in a container of their own on every page: a widget
    # keeps its place in the page's tree from page to page, and a widget the browser
    # mounts anew after a page change would drop its value from the link.
    note = st.sidebar.container(key="ct_filters_note")
    side = st.sidebar.container(key=FILTERS)
    if page["filters"] is None:  # they do nothing here: said, and their widgets hidden
        note.html(_unused_note(current_filters(fr)))
    elif page["filters"]:
        note.caption(page["filters"])
    counts = facet_counts(fr, current_filters(fr))
    listed: dict[str, dict[str, int]] = {}
    for p in PARAMS:
        if p.widget in SIDEBAR_WIDGETS:
            _widget(side, p, fr, counts.get(p.key), listed)
    side.html(facet_counts_script(listed), unsafe_allow_javascript=True)
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


def _unused_note(view: Filters) -> str:
    """On a page the filters do not change: that sentence, the filters set (as literal
    text) and the style that hides their widgets. The widgets are still drawn, hidden and
    not folded: a bound widget the browser does not mount loses its value from the link
    (a folded expander's content is not mounted), and the link is the view."""
    set_ = [
        f"{p.label}: {', '.join(map(str, value)) if p.repeated else value}"
        for p in PARAMS
        if p.narrows and (value := getattr(view, p.field)) != p.default
    ]
    chosen = "Set now: " + "; ".join(set_) + "." if set_ else "None is set now."
    return (
        f"<style>.st-key-{FILTERS} {{ display: none; }}</style>"
        '<p class="ct-facets">They do not change this page. They stay in the link, and the'
        f" timeline, the company cards and the viewer open with them. {esc(chosen)}</p>"
    )


def facet_counts(fr: Frames, view: Filters) -> dict[str, dict[str, int]]:
    """Each faceted filter's values with their events in ``view`` (kept in
    :mod:`components.memo`; the same for every event picked in it, either grouping)."""
    keyed = [p.key for p in PARAMS if p.widget == "multiselect" and p.facet is not None]
    return remember(fr, ("facets", view.scope), lambda: facets(fr.indexed, view, keyed))


def current_filters(fr: Frames) -> Filters:
    """The view the widgets show, or will show: their state, and for a widget not drawn yet
    in this session (a first screen draws its filters after the page) the link's value.
    An unknown event id is dropped (:func:`show_notices` says so)."""
    ss = st.session_state
    link = None
    if any(p.key not in ss for p in PARAMS):
        raw = {key: st.query_params.get_all(key) for key in st.query_params}
        link = parse_params(raw, vocabulary(fr)).filters
    values = {}
    for p in PARAMS:
        if p.key not in ss:
            values[p.field] = getattr(link, p.field)
            continue
        value = ss.get(p.key)
        if p.repeated:
            value = tuple(value or ())
        elif p.default is None:
            value = value if isinstance(value, date) else None
        else:
            value = str(value or p.default)
        values[p.field] = value
    values["q"] = " ".join(values["q"].split())
    event = values["event"].strip()
    values["event"] = event if event in fr.event_ids else ""  # show_notices says so
    return Filters(**values)


def show_notices(fr: Frames) -> None:
    """Dropped link values and unreadable articles, above every page."""
    ss = st.session_state
    f = current_filters(fr)
    view = Filters(**{**f.__dict__, "event": "", "article": "", "group": "company"})
    if ss.get(_NOTICES_FOR, view) != view:  # the user has changed the filters since
        ss[_NOTICES] = ()
        ss.pop(_UNKNOWN_TYPED, None)
    ss[_NOTICES_FOR] = view
    notices = list(ss.get(_NOTICES, ()))
    event = str(ss.get("event") or "").strip()
    if f.event:  # an event is selected now: what was typed before no longer applies
        ss.pop(_UNKNOWN_TYPED, None)
    event = event or ss.get(_UNKNOWN_TYPED, "")
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
