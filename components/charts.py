"""Plotly figures and chart-selection handling. Pure: no streamlit here, so tests can call it.

Timeline encoding: one row per company (or regulator); a day-precision event
is a point; any wider precision (part of a month, month, quarter, year, ...)
is a bar spanning its whole interval with a marker at its middle; a vague
date is a dotted bar with an open marker. Colour is the category.
"""

from __future__ import annotations

import html
from collections.abc import Container, Mapping
from datetime import timedelta

import pandas as pd
import plotly.graph_objects as go

from data.categories import CATEGORY_NAMES
from data.records import Precision

MAX_CHART_EVENTS = 2500  # a readable chart and a small page; the table holds the rest
NONE_NAMED = {"company": "(no company named)", "regulator": "(no regulator named)"}
PALETTE = (
    "#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e",
    "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f", "#393b79",
)  # fmt: skip
#: Every category keeps its colour whatever the filters: the taxonomy's order.
CATEGORY_ORDER = CATEGORY_NAMES


def category_color(category: str) -> str:
    """The category's fixed colour (an unknown category gets the last one).

    >>> category_color("fine") == category_color("fine") != category_color("antitrust")
    True
    """
    index = CATEGORY_ORDER.index(category) if category in CATEGORY_ORDER else -1
    return PALETTE[index % len(PALETTE)]
SYMBOL = {Precision.DAY: "circle", Precision.VAGUE: "circle-open"}  # everything else: "diamond"
GL_THRESHOLD = 1500


def hover_esc(text: object) -> str:
    """Escape text for a Plotly hover: Plotly draws ``&lt;``, ``&gt;`` and ``&amp;`` as
    characters but shows ``&quot;`` literally, so quotation marks stay as they are.

    >>> hover_esc('<b>"x"</b> & y')
    '&lt;b&gt;"x"&lt;/b&gt; &amp; y'
    """
    return html.escape(str(text), quote=False)


def short(text: str, limit: int = 140) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _interval(row_start: pd.Timestamp, row_end: pd.Timestamp) -> str:
    if row_start == row_end:
        return f"{row_start:%Y-%m-%d}"
    return f"{row_start:%Y-%m-%d} to {row_end:%Y-%m-%d}"


def hover_texts(df: pd.DataFrame) -> list[str]:
    """Hover text per event: the date as written, its interval, the actors, the quote's start."""
    out = []
    for date_text, start, end, precision, comps, regs, quote, cat in zip(
        df["date_text"], df["date_start"], df["date_end"], df["precision"],
        df["companies"], df["regulators"], df["quote"], df["category"], strict=True,
    ):  # fmt: skip
        out.append(
            f"<b>“{hover_esc(date_text)}”</b> ({hover_esc(precision)}: {_interval(start, end)})<br>"
            f"{hover_esc(', '.join(comps) or 'no company named')} · "
            f"{hover_esc(', '.join(regs) or 'no regulator named')} · {hover_esc(cat)}<br>"
            f"<i>{hover_esc(short(quote, 90))}</i>"
        )
    return out


def capped(df: pd.DataFrame, limit: int = MAX_CHART_EVENTS) -> pd.DataFrame:
    """At most ``limit`` events, the most recent ones (the frame is oldest first)."""
    return df if len(df) <= limit else df.iloc[-limit:]


def timeline_rows(df: pd.DataFrame, group: str = "company") -> pd.DataFrame:
    """One row per (event, company) or (event, regulator); events naming none get their own row."""
    column = "companies" if group == "company" else "regulators"
    rows = df.assign(hover=hover_texts(df), row=df[column].map(lambda t: t or (NONE_NAMED[group],)))
    rows = rows.explode("row")
    rows["mid"] = rows["date_start"] + (rows["date_end"] - rows["date_start"]) / 2
    return rows


def _iso(series: pd.Series) -> list[str]:
    return series.dt.strftime("%Y-%m-%d").tolist()


def _span_trace(spans: pd.DataFrame, kind: str, category: str, color: str, vague: bool) -> dict:
    """All bars of one category as one line trace (segments separated by gaps)."""
    n = len(spans)
    xs: list[str | None] = [None] * (3 * n)
    xs[0::3] = _iso(spans["date_start"])
    xs[1::3] = _iso(spans["date_end"] + timedelta(days=1))
    ys: list[str | None] = [None] * (3 * n)
    ys[0::3] = ys[1::3] = spans["row"].tolist()
    return {
        "type": kind, "x": xs, "y": ys, "mode": "lines", "legendgroup": category,
        "showlegend": False, "hoverinfo": "skip", "opacity": 0.35 if vague else 0.55,
        "line": {"color": color, "width": 4 if vague else 10, "dash": "dot" if vague else "solid"},
    }  # fmt: skip


def _focus_range(rows: pd.DataFrame) -> list[str] | None:
    """An x range leaving out the few far-off intervals (e.g. "the 1980s"), or None."""
    if len(rows) < 10:
        return None
    lo, hi = rows["date_start"].quantile(0.05), rows["date_end"].max()
    if rows["date_start"].min() >= lo - pd.Timedelta(days=365 * 3):
        return None
    pad = max(pd.Timedelta(days=30), (hi - lo) / 20)
    return [f"{lo - pad:%Y-%m-%d}", f"{hi + pad:%Y-%m-%d}"]


def left_out_of_focus(df: pd.DataFrame, group: str = "company") -> int:
    """How many events of ``df`` end before the chart's initial x range (none when unfocused)."""
    if df.empty:
        return 0
    focus = _focus_range(timeline_rows(df, group))
    if not focus:
        return 0
    return int((df["date_end"] < pd.Timestamp(focus[0])).sum())


def timeline_figure(df: pd.DataFrame, group: str = "company", selected: str = "") -> go.Figure:
    """The timeline of ``df`` (a filtered events frame), rows by ``group``, colour by category.

    Traces are built as plain dicts and the figure without re-validation: plotly's
    validation costs about a second for a few thousand points.
    """
    rows = timeline_rows(df, group)
    order = rows["row"].value_counts()
    names = sorted(order.index, key=lambda n: (n in NONE_NAMED.values(), -order[n], n))
    kind = "scattergl" if len(rows) > GL_THRESHOLD else "scatter"
    traces = []
    for category in sorted(rows["category"].unique()):
        color = category_color(category)
        part = rows[rows["category"] == category]
        wide = part["precision"] != Precision.DAY
        vague = part["precision"] == Precision.VAGUE
        for is_vague in (False, True):
            spans = part[wide & (vague == is_vague)]
            if not spans.empty:
                traces.append(_span_trace(spans, kind, category, color, is_vague))
        traces.append(
            {
                "type": kind,
                "x": _iso(part["mid"].where(wide, part["date_start"])),
                "y": part["row"].tolist(),
                "mode": "markers",
                "name": category,
                "legendgroup": category,
                "showlegend": False,  # the legend entry below shows the colour alone
                "customdata": part["id"].tolist(),
                "hovertext": part["hover"].tolist(),
                "hovertemplate": "%{hovertext}<extra></extra>",
                "marker": {
                    "color": color,
                    "size": 11,
                    "symbol": [SYMBOL.get(p, "diamond") for p in part["precision"]],
                    "line": {"width": 1.5, "color": color},
                },
            }
        )
        # Legend: the category's colour as a plain square; the marker shapes speak of
        # precision, explained in the caption under the chart.
        traces.append({
            "type": kind, "x": [None], "y": [None], "mode": "markers", "name": category,
            "legendgroup": category, "hoverinfo": "skip",
            "marker": {"color": color, "size": 11, "symbol": "square"},
        })  # fmt: skip
    chosen = rows[rows["id"] == selected] if selected else rows.iloc[:0]
    if not chosen.empty:
        traces.append(
            {
                "type": kind, "x": _iso(chosen["mid"].where(chosen["precision"] != Precision.DAY,
                                                          chosen["date_start"])),
                "y": chosen["row"].tolist(), "mode": "markers", "name": "selected",
                "customdata": chosen["id"].tolist(), "hoverinfo": "skip",
                "marker": {"size": 22, "symbol": "circle-open", "color": "#d9480f",
                           "line": {"width": 3, "color": "#d9480f"}},
            }
        )  # fmt: skip
    xaxis = {"type": "date", "title": None}
    focus = _focus_range(rows)
    if focus:
        xaxis["range"] = focus
    layout = {
        "height": min(900, max(320, 140 + 42 * len(names))),
        "margin": {"l": 10, "r": 10, "t": 30, "b": 10},
        "legend": {
            "title": {"text": "Category"}, "orientation": "h", "y": 1.02, "yanchor": "bottom",
        },
        "hovermode": "closest",
        "dragmode": "pan",
        "clickmode": "event+select",
        "xaxis": xaxis,
        "yaxis": {"categoryorder": "array", "categoryarray": names[::-1], "title": None},
    }  # fmt: skip
    return go.Figure(data=traces, layout=layout, _validate=False)


def selected_event(selection: Mapping | None, valid: Container[str]) -> str | None:
    """The event id a chart selection points at, if it is a known event.

    ``selection`` is Streamlit's ``PlotlyState.selection`` (or the whole state):
    the first selected point carrying an id wins. Lines carry no ids.

    >>> selected_event({"points": [{"customdata": "e2"}]}, {"e2"})
    'e2'
    >>> selected_event({"selection": {"points": [{"customdata": ["e3"]}]}}, {"e3"})
    'e3'
    >>> selected_event({"points": [{"x": 1}, {"customdata": "nope"}]}, {"e2"}) is None
    True
    >>> selected_event(None, {"e2"}) is None
    True
    """
    if not selection:
        return None
    if "selection" in selection:
        selection = selection["selection"] or {}
    for point in selection.get("points", []) or []:
        ident = point.get("customdata") if isinstance(point, Mapping) else None
        if isinstance(ident, list | tuple):
            ident = ident[0] if ident else None
        if isinstance(ident, str) and ident in valid:
            return ident
    return None


def market_cap_rows(figures: pd.DataFrame) -> pd.DataFrame:
    """Market-value figures with a date, one row per (figure, company)."""
    mc = figures[figures["market_cap"] & figures["date_start"].notna()]
    mc = mc.assign(company=mc["companies"].map(lambda t: t or ("(no company named)",)))
    return mc.explode("company").sort_values("date_start")


def market_cap_figure(figures: pd.DataFrame, titles: Mapping[str, str]) -> go.Figure:
    """Each market-value figure at its date, in US$ billions, coloured by company.

    A level ("worth a combined $1.3 trillion") is a circle above zero; a loss
    ("lost US$344 billion in market capitalization") is a downward triangle below
    zero, so the two are never read as the same kind of number. A figure shared
    by several companies says so in its hover.
    """
    rows = market_cap_rows(figures)
    fig = go.Figure()
    for i, (company, part) in enumerate(rows.groupby("company", sort=True)):
        loss = part["kind"].str.contains("loss")
        hover = [
            f"<b>{hover_esc(text)}</b> ({hover_esc(kind)})<br>{_interval(s, e)}"
            + (f"<br>shared with {hover_esc(', '.join(c for c in comps if c != company))}"
               if len(comps) > 1 else "")
            + f"<br>Source {hover_esc(src)}: {hover_esc(short(titles.get(src, ''), 60))}"
            f"<br><i>{hover_esc(short(q, 110))}</i>"
            for text, kind, s, e, src, q, comps in zip(
                part["text"], part["kind"], part["date_start"], part["date_end"],
                part["source"], part["quote"], part["companies"], strict=True,
            )
        ]  # fmt: skip
        fig.add_trace(
            go.Scatter(
                x=part["date_start"], y=(part["usd"] / 1e9).where(~loss, -part["usd"] / 1e9),
                mode="markers", name=company, customdata=part["id"], hovertext=hover,
                hovertemplate="%{hovertext}<extra></extra>",
                marker={"size": 12, "color": PALETTE[i % len(PALETTE)],
                        "symbol": ["triangle-down" if x else "circle" for x in loss]},
            )
        )  # fmt: skip
    fig.add_hline(y=0, line={"color": "#999", "width": 1})
    fig.update_layout(
        height=380,
        margin={"l": 10, "r": 10, "t": 30, "b": 10},
        yaxis_title="US$ billion (● value, ▼ loss)",
        legend={"title": {"text": "Company"}},
    )
    return fig
