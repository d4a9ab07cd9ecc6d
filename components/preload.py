"""Start fetching the chart library with the page, before the page's script has drawn anything.

Streamlit draws a Plotly chart with a lazily loaded bundle (4.7 MB, about two seconds of
the browser's main thread to evaluate on this project's machines) that the browser asks
for only when the chart's element arrives, after the page's imports, its data and every
element above the chart. :func:`preload_chart_library`, called by ``app.py`` before it
imports anything heavy, imports that bundle as soon as the page's first element arrives,
so it downloads and evaluates while the server is still running the script. This module
imports nothing but Streamlit and the page list, to stay cheap.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import streamlit as st

from components.pages import page_by_url

#: The installed Streamlit's bundle, at the address of the app's own bundle (so a base path
#: works); imported once per page load. A failure only means the chart loads as before.
PRELOAD_JS = """<script>(function(){
if (window.__ctChartLibrary) return; window.__ctChartLibrary = true;
var app = document.querySelector('script[src*="/static/js/index."]');
if (!app) return;
import(app.src.replace(/[^/]*$/, %s)).catch(function(){});
})();</script>"""


@cache
def chart_library_file() -> str:
    """The file name of Streamlit's Plotly chart bundle ("" when there is not exactly one)."""
    folder = Path(st.__file__).parent / "static" / "static" / "js"
    found = sorted(p.name for p in folder.glob("PlotlyChart.*.js"))
    return found[0] if len(found) == 1 else ""


def preload_chart_library(page_url: str) -> None:
    """On a page that draws a chart: start fetching the chart library with the page."""
    name = chart_library_file()
    if name and page_by_url(page_url)["chart"]:
        st.html(PRELOAD_JS % json.dumps(name), unsafe_allow_javascript=True)
