"""Crackdown Timeline: a router and a frame, nothing more.

Page config and ``st.navigation`` over the pages listed in :mod:`components.pages`, the
chart library's preload (before the data modules are imported), then the page and the
shared sidebar filters (bound to the URL): the filters first, except on a session's first
screen of a chart page, whose chart goes first (see :func:`components.state.open_view`).
"""

import logging

import streamlit as st

from components import warmup
from components.pages import PAGES, page_by_url
from components.preload import preload_chart_library

st.set_page_config(page_title="Crackdown Timeline", page_icon=":material/timeline:", layout="wide")
warmup.note_run()  # the warm-up's background work waits for a quiet server

pages = [
    st.Page(
        p["path"],
        title=p["title"],
        icon=p["icon"],
        default=p["default"],
        **({} if p["default"] else {"url_path": p["url_path"]}),
    )  # fmt: skip
    for p in PAGES
]
page = st.navigation(pages)
preload_chart_library(page.url_path)  # before the heavy imports: see components.preload

from components import loader, state  # noqa: E402
from components.cards import style  # noqa: E402

style()
state.install_history()

try:
    frames = loader.frames_for_run()
except Exception as exc:  # the articles could not be read at all: say so, never a traceback
    st.error(f"The articles could not be loaded ({type(exc).__name__}). Please try again later.")
    st.stop()

shown = page_by_url(page.url_path)
filters_after_page = state.open_view(frames, shown)
state.show_notices(frames)
try:
    page.run()
except Exception as exc:  # a page failed: a friendly message instead of a traceback
    logging.getLogger("crackdown").exception("page %s failed", page.title)
    st.error(
        "Something went wrong while drawing this page "
        f"({type(exc).__name__}). The filters still apply; try changing or clearing them.",
        icon=":material/error:",
    )
if filters_after_page:  # a first screen: its chart was sent before the filters
    state.sidebar(frames, shown)
state.fix_address_bar(frames)
warmup.note_run()
