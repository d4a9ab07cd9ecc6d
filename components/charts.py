"""Plotly figures and chart-selection handling. Pure: no streamlit here, so tests can call it.

Timeline encoding: one row per company (or regulator); a day-precision event
is a point; any wider precision (part of a month, month, quarter, year, ...)
is a bar spanning its whole interval with a marker at its middle; a vague
date is a dotted bar with an open marker. Colour is the category.

A view of more than :data:`DETAIL_LIMIT` events is drawn as an overview instead: one
square per row and period (day, week, month, quarter or year, whichever keeps the
span to a few dozen columns), its size the number of events placed there, its
colour and shape the most frequent category. Thousands of markers on a dozen rows
are a solid band to the eye and seconds of drawing to the browser; the squares
stay legible and light, and a click on one zooms the view into its period and row.
"""

from __future__ import annotations

import html
import math
from collections.abc import Container, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from data.categories import CATEGORY_NAMES
from data.records import Precision

#: Views with more events than this are drawn as an overview of counts (see above).
DETAIL_LIMIT = 400
#: The overview's periods, finest first, with their length in days and pandas' frequency.
PERIODS = {"day": (1, "D"), "week": (7, "W"), "month": (30.44, "M"), "quarter": (91.31, "Q"),
           "year": (365.25, "Y")}  # fmt: skip
MAX_COLUMNS = 36  # at most this many periods across the span the chart opens on
ZOOM = "zoom"  # the prefix of an overview square's click target
#: Events naming no one of the row's kind go to a row per actor of the other kind
#: ("SAMR (no company)"), or, naming no actor at all, to one sector-wide row.
NO_ONE = {"company": "{} (no company)", "regulator": "{} (no state actor)"}
SECTOR_WIDE = "Sector-wide (no actor named)"
#: The events' columns the chart reads from :func:`timeline_rows` (the hover text is made
#: from the events themselves): only these are repeated per actor.
ROW_COLUMNS = ["id", "date_start", "date_end", "precision", "category"]


def chart_columns(n_events: int) -> list[str]:
    """The events' columns :func:`timeline_chart` reads for a view of ``n_events``: an
    overview reads no text (every event drawn reads its date as written and quote, for
    the hover)."""
    read = [*ROW_COLUMNS, "companies", "regulators"]
    return read if n_events > DETAIL_LIMIT else [*read, "date_text", "quote"]
#: One colour and one marker shape per category, in the taxonomy's order: every category
#: keeps both whatever the filters. Colours from Okabe-Ito and Paul Tol's colour-blind-safe
#: sets, darkened where needed so each has at least 3:1 contrast on white (a test checks);
#: the shape is the second cue for readers who cannot tell the colours apart.
PALETTE = (
    "#D55E00", "#0072B2", "#009E73", "#882255", "#AA4499",
    "#661100", "#7A7A29", "#000000",  # education, gaming, labour
    "#8C6D1F", "#332288",
    "#E6007E",  # common prosperity
    "#CC6677", "#117733", "#1F6F8B", "#6F6F6F",
)  # fmt: skip
SYMBOLS = (
    "circle", "square", "triangle-up", "diamond", "pentagon",
    "star-triangle-up", "circle-x", "diamond-wide",
    "star", "x",
    "star-square",
    "hexagram", "triangle-down", "cross", "hourglass",
)  # fmt: skip
CATEGORY_ORDER = CATEGORY_NAMES


def _index(category: str) -> int:
    return CATEGORY_ORDER.index(category) if category in CATEGORY_ORDER else -1


def category_color(category: str) -> str:
    """The category's fixed colour (an unknown category gets the last one).

    >>> category_color("fine") == category_color("fine") != category_color("antitrust")
    True
    """
    return PALETTE[_index(category) % len(PALETTE)]


def category_symbol(category: str, vague: bool = False) -> str:
    """The category's marker shape; open (hollow) for a vague date."""
    symbol = SYMBOLS[_index(category) % len(SYMBOLS)]
    return symbol + "-open" if vague else symbol


def contrast_on_white(color: str) -> float:
    """WCAG contrast ratio of ``color`` (``#rrggbb``) against white.

    >>> round(contrast_on_white("#000000"), 1), round(contrast_on_white("#ffffff"), 1)
    (21.0, 1.0)
    """
    channels = [int(color[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05)


GL_THRESHOLD = 1500
#: Date axes never label hours: a tick below one day is labelled by its day.
NO_HOURS = [{"dtickrange": [None, 86_400_000], "value": "%d %b %Y"}]


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


def _row_names(own: tuple, others: tuple, group: str) -> tuple[str, ...]:
    if own:
        return own
    if others:
        return tuple(NO_ONE[group].format(o) for o in others)
    return (SECTOR_WIDE,)


def timeline_rows(df: pd.DataFrame, group: str = "company") -> pd.DataFrame:
    """One row per (event, company) or (event, regulator), with its place on the chart.

    Events naming no company (or no regulator) are split by the actors of the other kind,
    and those naming no actor share a sector-wide row. ``y`` is the row's position, moved
    up or down a little where several markers fall on the same day of the same row.

    The rows are worked out once per distinct tuple of actors (a few hundred in 100,000
    events), then looked up per event by code: a Python step per event cost 0.3 s at
    124,304 events. The same rows as ``explode`` gives, in the same order.
    """
    own, other = ("companies", "regulators") if group == "company" else ("regulators", "companies")
    own_codes, owns = pd.factorize(df[own].to_numpy(dtype=object))
    other_codes, others = pd.factorize(df[other].to_numpy(dtype=object))
    tables = [*owns, *(_row_names((), o, group) for o in others)]  # rows per distinct tuple
    has_own = np.array([len(t) > 0 for t in owns], dtype=bool)
    table = np.where(has_own[own_codes], own_codes, len(owns) + other_codes)  # per event
    codes: dict[str, int] = {}  # each row's name, numbered
    flat = np.array([codes.setdefault(n, len(codes)) for t in tables for n in t], dtype=np.int64)
    lengths = np.array([len(t) for t in tables], dtype=np.int64)
    per_event = lengths[table]
    ends = np.cumsum(per_event)
    within = np.arange(ends[-1] if len(ends) else 0) - np.repeat(ends - per_event, per_event)
    row_code = flat[np.repeat((np.cumsum(lengths) - lengths)[table], per_event) + within]
    rows = df[ROW_COLUMNS].take(np.repeat(np.arange(len(df)), per_event))  # index repeated
    # The names as text (as explode makes them; NaN when there are none), taken by code
    rows["row"] = pd.array(list(codes), dtype="str").take(row_code) if len(row_code) else np.nan
    rows["mid"] = rows["date_start"] + (rows["date_end"] - rows["date_start"]) / 2
    rows["x"] = rows["mid"].where(rows["precision"] != Precision.DAY, rows["date_start"]).dt.normalize()
    counts = dict(zip(codes, np.bincount(row_code, minlength=len(codes)).tolist(), strict=True))
    names = sorted(
        (n for n, c in counts.items() if c),
        key=lambda n: (n == SECTOR_WIDE, n.endswith(")") and " (no " in n, -counts[n], n),
    )
    place = {name: len(names) - 1 - i for i, name in enumerate(names)}
    k, n = _numbered(row_code, rows["x"])
    at = np.array([place.get(name, 0) for name in codes], dtype=np.int64)
    rows["y"] = pd.Series(_stacked(at[row_code], k, n), index=rows.index)
    rows.attrs["names"] = names
    rows.attrs["place"] = place
    return rows


def _numbered(
    row_code: np.ndarray, x: pd.Series, within_days: int = 1
) -> tuple[np.ndarray, np.ndarray]:
    """Per chart row: its number among the rows of the same chart row and day, in order,
    and how many there are (``groupby(...).cumcount()`` and ``size``, by code). With
    ``within_days``, a day's markers are grouped with those of the same row less than that
    many days after the group's previous one (a cluster that would be one pile).

    >>> days = pd.Series(pd.to_datetime(["2021-01-02", "2021-01-02", "2021-01-03", "2021-01-02"]))
    >>> [a.tolist() for a in _numbered(np.array([0, 0, 0, 1]), days)]
    [[0, 1, 0, 0], [2, 2, 1, 1]]
    >>> [a.tolist() for a in _numbered(np.array([0, 0, 0, 1]), days, within_days=2)]
    [[0, 1, 2, 0], [3, 3, 3, 1]]
    """
    days = x.to_numpy(dtype="datetime64[ns]").astype("datetime64[D]").astype(np.int64)
    if not len(days):
        return days, days
    order = np.lexsort((days, row_code))  # by row, then day; stable
    row, day = row_code[order], days[order]
    starts = np.flatnonzero(np.r_[True, (row[1:] != row[:-1]) | (np.diff(day) >= within_days)])
    sizes = np.diff(np.r_[starts, len(order)])
    k, n = np.empty_like(days), np.empty_like(days)
    k[order] = np.arange(len(order)) - np.repeat(starts, sizes)
    n[order] = np.repeat(sizes, sizes)
    return k, n


def _stacked(place: np.ndarray, k, n):
    """The y of markers numbered ``k`` of ``n`` on their row at ``place``: spread a little
    above and below its line, never into the next row."""
    return place + (k - (n - 1) / 2) * np.minimum(0.7 / n, 0.22)


def _spread(rows: pd.DataFrame) -> tuple[pd.Series, int]:
    """The rows' y with the markers of a row that would overlap at the chart's first range
    stacked like those of one day: closer than a marker's width (1/90 of the range) to the
    previous one of their row (a cluster of a month's events on one row was a pile); and
    the most markers stacked in one place."""
    lo, hi = _span(rows)
    within = max(1, int((hi - lo) / pd.Timedelta(days=1) / 90))
    code, _ = pd.factorize(rows["row"])
    k, n = _numbered(code, rows["x"], within)
    place = rows["row"].map(rows.attrs["place"]).to_numpy(dtype=float)
    return pd.Series(_stacked(place, k, n), index=rows.index), int(n.max(initial=1))


def _iso(series: pd.Series) -> list[str]:
    return series.dt.strftime("%Y-%m-%d").tolist()


def _span_trace(spans: list[tuple], kind: str, category: str, color: str, vague: bool) -> dict:
    """All bars of one category as one line trace (segments separated by gaps); ``spans``
    are (first day, day after the last, y) with the days as ISO text."""
    xs: list[str | None] = []
    ys: list[float | None] = []
    for first, after, y in spans:
        xs += [first, after, None]
        ys += [y, y, None]
    return {
        "type": kind, "x": xs, "y": ys, "mode": "lines", "legendgroup": category,
        "showlegend": False, "hoverinfo": "skip", "opacity": 0.35 if vague else 0.55,
        "line": {"color": color, "width": 4 if vague else 10, "dash": "dot" if vague else "solid"},
    }  # fmt: skip


#: How far from the bulk of the markers one is far off, left out of the first range.
FAR_OFF = pd.Timedelta(days=365 * 2)


def _focus_range(rows: pd.DataFrame) -> list[str] | None:
    """An x range on the bulk of the events, or None to let the chart fit them all.

    Leaves out the few far-off intervals, back (e.g. "the 1980s") and ahead (a goal "by
    2060", which drew every other event into a sliver at the left), and widens a view of a
    few days to a month, so the axis never ticks hours. Only the far-off markers (two years
    before or after the bulk) are left out: the range once began at the bulk itself, leaving
    out near ones too, and moved with it (the background's far items pulled it back over
    events, so "further back" counted fewer with more events shown).
    """
    if rows.empty:
        return None
    lo, hi = rows["date_start"].min(), rows["date_end"].max()
    x = rows["x"]  # where the markers are, not where vague spans start
    near, ahead = x.quantile(0.1) - FAR_OFF, x.quantile(0.9) + FAR_OFF
    back, forth = len(rows) >= 10 and lo < near, len(rows) >= 10 and x.max() > ahead
    if back:
        lo = x[x >= near].min()  # the first marker that is not far off
    if forth:
        hi = rows.loc[x <= ahead, "date_end"].max()  # the end of the last one that is not
    if back or forth:
        pad = max(pd.Timedelta(days=30), (hi - lo) / 20)
        return [f"{lo - pad:%Y-%m-%d}", f"{hi + pad:%Y-%m-%d}"]
    return month_wide(lo, hi)


def month_wide(lo: pd.Timestamp, hi: pd.Timestamp) -> list[str] | None:
    """An x range of a month around a span shorter than that (None: the span is wider), so
    a date axis never ticks hours.

    >>> month_wide(pd.Timestamp("2021-07-01"), pd.Timestamp("2021-07-01"))
    ['2021-06-15', '2021-07-17']
    """
    if hi - lo >= pd.Timedelta(days=30):
        return None
    mid = lo + (hi - lo) / 2
    return [f"{mid - pd.Timedelta(days=16):%Y-%m-%d}", f"{mid + pd.Timedelta(days=16):%Y-%m-%d}"]


def left_out_of_focus(rows: pd.DataFrame) -> tuple[int, int]:
    """How many events have their marker before, and how many after, the chart's initial x
    range (none when unfocused): what "further back" and "further ahead than the chart
    first shows" count. ``rows`` are the view's :func:`timeline_rows` (an event on several
    rows counts once)."""
    focus = _focus_range(rows)
    if not focus:
        return 0, 0
    return (int(rows.loc[rows["x"] < pd.Timestamp(focus[0]), "id"].nunique()),
            int(rows.loc[rows["x"] > pd.Timestamp(focus[1]), "id"].nunique()))


def _legend_entries(rows: pd.DataFrame, kind: str) -> list[dict]:
    """One legend entry per category with its normal, filled symbol.

    Plotly draws a legend entry with the trace's first point's symbol, which is hollow
    when that event's date is vague; so the legend has traces of its own (no point
    drawn, no id), after the data traces, ranked in the taxonomy's order.
    """
    return [
        {
            "type": kind, "x": [None], "y": [None], "mode": "markers", "name": category,
            "legendgroup": category, "legendrank": 1000 + _rank(category)[0],
            "showlegend": True, "hoverinfo": "skip",
            "marker": {"color": category_color(category), "size": 11,
                       "symbol": category_symbol(category),
                       "line": {"width": 1.5, "color": category_color(category)}},
        }  # fmt: skip
        for category in sorted(rows["category"].unique(), key=_rank)
    ]


def timeline_figure(
    df: pd.DataFrame, group: str = "company", selected: str = "", rows: pd.DataFrame | None = None
) -> go.Figure:
    """The timeline of ``df`` (a filtered events frame), rows by ``group`` (``rows``: its
    :func:`timeline_rows`, when the caller has them already).

    Category: colour and marker shape. Precision: a day is a marker alone, a wider
    interval a bar across its span, a vague one a dotted bar with a hollow marker.
    Traces are built as plain dicts and the figure without re-validation: plotly's
    validation costs about a second for a few thousand points.
    """
    rows = timeline_rows(df, group) if rows is None else rows
    hover = pd.Series(hover_texts(df), index=df.index)
    spread, stack = _spread(rows)
    rows = rows.assign(hover=hover.loc[rows.index].to_numpy(), y=spread)
    kind = "scattergl" if len(rows) > GL_THRESHOLD else "scatter"
    # Plain lists, grouped by category in Python: a pandas mask per category and per
    # precision cost more than the drawing data of a few hundred events.
    points: dict[str, list[tuple]] = {}
    for point in zip(
        rows["category"].tolist(), _iso(rows["x"]), rows["y"].tolist(), rows["id"].tolist(),
        rows["hover"].tolist(), rows["precision"].tolist(), _iso(rows["date_start"]),
        _iso(rows["date_end"] + timedelta(days=1)), strict=True,
    ):  # fmt: skip
        points.setdefault(point[0], []).append(point)
    traces = []
    for category in sorted(points, key=_rank):
        color = category_color(category)
        part = points[category]
        for is_vague in (False, True):
            spans = [
                (first, after, y)
                for _, _, y, _, _, precision, first, after in part
                if precision != Precision.DAY and (precision == Precision.VAGUE) == is_vague
            ]
            if spans:
                traces.append(_span_trace(spans, kind, category, color, is_vague))
        traces.append(
            {
                "type": kind,
                "x": [p[1] for p in part],
                "y": [p[2] for p in part],
                "mode": "markers",
                "name": category,
                "legendgroup": category,
                "showlegend": False,  # the legend shows the category's filled symbol (below)
                "customdata": [p[3] for p in part],
                "hovertext": [p[4] for p in part],
                "hovertemplate": "%{hovertext}<extra></extra>",
                "marker": {
                    "color": color,
                    "size": 11,
                    "symbol": [category_symbol(category, p[5] == Precision.VAGUE) for p in part],
                    "line": {"width": 1.5, "color": color},
                },
            }
        )
    traces += _legend_entries(rows, kind)
    chosen = rows[rows["id"] == selected] if selected else rows.iloc[:0]
    if not chosen.empty:
        traces.append(
            {
                "type": kind, "x": _iso(chosen["x"]), "y": chosen["y"].tolist(),
                "mode": "markers", "name": "selected", "showlegend": False,
                "customdata": chosen["id"].tolist(), "hoverinfo": "skip",
                "marker": {"size": 22, "symbol": "circle-open", "color": "#d9480f",
                           "line": {"width": 3, "color": "#d9480f"}},
            }
        )  # fmt: skip
    return go.Figure(data=traces, layout=_layout(rows, stack), _validate=False)


#: The height Plotly's toolbar takes at the top of a chart, kept clear of the rows' names.
TOOLBAR_PX = 30
#: The fewest pixels a row gets: its name (12 px type, 10 px above its line) and its markers.
MIN_ROW_PX = 32
#: The height of the dates above the plot: the top margin holds them under the toolbar (it
#: covered them where they shared its 30 px: on hover, and always after a tap on a phone).
DATE_LABELS_PX = 22


def _layout(rows: pd.DataFrame, stack: int = 1) -> dict:
    """The timeline's layout (detail and overview alike): rows named inside the plot, the x
    axis on the bulk of the events, never ticking hours; rows taller where ``stack``, the
    most markers stacked in one place, is three or more (each then clear of the next)."""
    names = rows.attrs["names"]
    xaxis = {"type": "date", "title": None, "tickformatstops": NO_HOURS, "side": "top"}
    focus = _focus_range(rows)
    if focus:
        xaxis["range"] = focus
    # at most 900 px, unless that would squeeze a row under MIN_ROW_PX (its name needs room)
    height = min(max(900, 150 + MIN_ROW_PX * len(names)),
                 max(300, 110 + (56 if stack >= 3 else 44) * len(names)))
    return {
        "height": height,
        "margin": {"l": 4, "r": 4, "t": TOOLBAR_PX + DATE_LABELS_PX, "b": 10},
        "font": {"size": 12},
        "legend": {
            # The key stands under the plot (the dates stand above it), in the bottom
            # margin Plotly grows to fit it however many lines it takes: above the plot its
            # first line lay under the toolbar Plotly draws at the top right on hover, and
            # laid over the plot (on a phone the key takes four lines) it hid the first
            # row's name.
            "orientation": "h", "yref": "paper", "yanchor": "top", "x": 0, "y": 0,
            "font": {"size": 11}, "itemwidth": 30, "tracegroupgap": 0,
            # A click would hide a category the list, the counts and the link still hold:
            # the sidebar's category filter hides it everywhere, and the link keeps it.
            "itemclick": False, "itemdoubleclick": False,
        },
        "hovermode": "closest",
        "dragmode": "pan",
        "clickmode": "event+select",
        "xaxis": xaxis,
        # Row names sit inside the plot, above their line: the plot keeps the full width
        # (a 390 px phone still gets a wide plot area).
        "yaxis": {
            "tickvals": list(range(len(names)))[::-1], "ticktext": list(names),
            # a name stands above its row's markers, not on them (they reach ±0.35 row); a
            # whole row above the first keeps its name inside the plot (Plotly hides a name
            # that would stand outside: with 20 rows of 34 px, 0.7 of a row hid the first)
            "ticklabelposition": "inside top", "range": [-0.6, len(names)],
            "ticklabelshift": -10,
            "zeroline": False, "title": None, "fixedrange": True,
        },
    }  # fmt: skip


def _span(rows: pd.DataFrame) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The dates the chart opens on: its focused range, else all of its events."""
    focus = _focus_range(rows)
    if focus:
        return pd.Timestamp(focus[0]), pd.Timestamp(focus[1])
    return rows["date_start"].min(), rows["date_end"].max()


def overview_period(lo: pd.Timestamp, hi: pd.Timestamp) -> str:
    """The finest period that divides ``lo``..``hi`` into at most :data:`MAX_COLUMNS` columns.

    >>> overview_period(pd.Timestamp("2021-01-01"), pd.Timestamp("2022-12-31"))
    'month'
    """
    days = (hi - lo).days + 1
    for name, (length, _) in PERIODS.items():
        if days / length <= MAX_COLUMNS:
            return name
    return "year"


def _period_label(p: pd.Period, period: str) -> str:
    start = p.start_time
    return {
        "day": f"{start.day} {start:%b %Y}", "week": f"week of {start.day} {start:%b %Y}",
        "month": f"{start:%b %Y}", "quarter": f"Q{p.quarter} {p.year}", "year": f"{p.year}",
    }[period]  # fmt: skip


def _rank(category: str) -> tuple[int, str]:
    """A category's place in the taxonomy (unknown ones last, alphabetically)."""
    i = _index(category)
    return (i if i >= 0 else len(CATEGORY_ORDER), category)


def _period_starts(x: pd.Series, period: str) -> np.ndarray:
    """The first day of each date's period, as int64 nanoseconds.

    >>> d = pd.Series(pd.to_datetime(["2021-08-19", "2021-12-31"]))
    >>> [str(pd.Timestamp(v).date()) for p in PERIODS for v in _period_starts(d, p)]
    ['2021-08-19', '2021-12-31', '2021-08-16', '2021-12-27', '2021-08-01', '2021-12-01', '2021-07-01', '2021-10-01', '2021-01-01', '2021-01-01']
    """
    days = x.to_numpy(dtype="datetime64[ns]").astype("datetime64[D]")
    if period == "day":
        first = days
    elif period == "week":  # weeks start on Monday (1970-01-01 was a Thursday)
        first = days - ((days.astype("int64") + 3) % 7).astype("timedelta64[D]")
    elif period == "month":
        first = days.astype("datetime64[M]").astype("datetime64[D]")
    elif period == "quarter":
        months = days.astype("datetime64[M]").astype("int64")
        first = (months - months % 3).astype("datetime64[M]").astype("datetime64[D]")
    else:
        first = days.astype("datetime64[Y]").astype("datetime64[D]")
    return first.astype("datetime64[ns]").astype("int64")


def overview_bins(rows: pd.DataFrame, period: str) -> pd.DataFrame:
    """One square per (row, period) of :func:`timeline_rows`: its events counted by category.

    Columns: ``row``, ``label`` (the period in words), ``start`` and ``end`` (its days),
    ``n``, ``category`` (the most frequent; a tie goes to the first in the taxonomy),
    ``hover`` (escaped), ``x`` and ``y`` (its place) and ``target`` (what a click zooms into).
    """
    # The (row, period, category) counts by code, in order of first appearance (as
    # value_counts(sort=False) gives them: the squares' order), then one pass in plain
    # Python over a few thousand; periods as the int64 of their first day, worded once.
    row_codes, row_names = pd.factorize(rows["row"])
    period_codes, firsts = pd.factorize(_period_starts(rows["x"], period))
    cat_codes, categories = pd.factorize(rows["category"])
    n_periods, n_cats = max(len(firsts), 1), max(len(categories), 1)
    codes, found = pd.factorize((row_codes * n_periods + period_codes) * n_cats + cat_codes)
    row_names, firsts, categories = row_names.tolist(), firsts.tolist(), categories.tolist()
    squares: dict[tuple, list[tuple[str, int]]] = {}
    for key, n in zip(found.tolist(), np.bincount(codes, minlength=len(found)).tolist(), strict=True):
        pair, c = divmod(key, n_cats)
        r, p = divmod(pair, n_periods)
        squares.setdefault((row_names[r], firsts[p]), []).append((categories[c], n))
    place = rows.attrs["place"]
    spans: dict[int, tuple] = {}  # a period's first and last day and its words
    out = []
    for (row, first), found_here in squares.items():
        if first not in spans:
            p = pd.Period(pd.Timestamp(first), freq=PERIODS[period][1])
            spans[first] = (p.start_time.date(), p.end_time.date(), _period_label(p, period))
        start, end, label = spans[first]
        by_category = sorted(found_here, key=lambda cn: (-cn[1], _rank(cn[0])))
        n = sum(k for _, k in by_category)
        detail = ", ".join(f"{hover_esc(c)} {k}" for c, k in by_category)
        out.append({
            "row": row, "label": label, "start": start, "end": end, "n": n,
            "category": by_category[0][0],
            "hover": f"<b>{hover_esc(row)}</b> · {label}<br>{n} event{'s' if n != 1 else ''}:"
                     f" {detail}<br><i>Click to zoom into {label}</i>",
            "x": (start + (end - start) / 2).isoformat(), "y": place[row],
            "target": f"{ZOOM}:{start.isoformat()}:{end.isoformat()}:{row}",
        })  # fmt: skip
    return pd.DataFrame(out, columns=["row", "label", "start", "end", "n", "category", "hover",
                                      "x", "y", "target"])  # fmt: skip


def overview_figure(rows: pd.DataFrame, period: str | None = None) -> go.Figure:
    """The overview of a large view (``rows``: its :func:`timeline_rows`): squares of counts.

    Size: the number of events placed in the square's row and period (its area grows with
    it); colour and shape: their most frequent category. Each square's click target is
    its period and row (:func:`selected_zoom`), never an event id.
    """
    bins = overview_bins(rows, period or overview_period(*_span(rows)))
    biggest = max(int(bins["n"].max()), 1) if not bins.empty else 1
    traces = []
    for category in sorted(bins["category"].unique(), key=_rank):
        part = bins[bins["category"] == category]
        color = category_color(category)
        traces.append({
            "type": "scatter", "x": part["x"].tolist(), "y": part["y"].tolist(),
            "mode": "markers", "name": category, "legendgroup": category, "showlegend": False,
            "customdata": part["target"].tolist(), "hovertext": part["hover"].tolist(),
            "hovertemplate": "%{hovertext}<extra></extra>",
            "marker": {"color": color, "symbol": category_symbol(category), "opacity": 0.85,
                       "size": [round(8 + 18 * math.sqrt(n / biggest), 1) for n in part["n"]],
                       "line": {"width": 1, "color": color}},
        })  # fmt: skip
    traces += _legend_entries(bins, "scatter")
    return go.Figure(data=traces, layout=_layout(rows), _validate=False)


def selected_zoom(selection: Mapping | None) -> tuple[date, date, str] | None:
    """The (first day, last day, row) an overview square points at, if well formed.

    >>> selected_zoom({"points": [{"customdata": "zoom:2021-07-01:2021-09-30:Tencent"}]})
    (datetime.date(2021, 7, 1), datetime.date(2021, 9, 30), 'Tencent')
    """
    for target in _targets(selection):
        parts = target.split(":", 3)
        if len(parts) != 4 or parts[0] != ZOOM or not parts[3]:
            continue
        try:
            start, end = date.fromisoformat(parts[1]), date.fromisoformat(parts[2])
        except ValueError:
            continue
        if start <= end:
            return start, end, parts[3]
    return None


def chart_summary(df: pd.DataFrame, group: str = "company", period: str | None = None) -> str:
    """The chart's accessible name and summary, in words (``period``: an overview's).

    >>> chart_summary(pd.DataFrame({"date_start": [], "date_end": [], "companies": [],
    ...                             "regulators": []}))
    'Timeline chart: no events.'
    """
    if df.empty:
        return "Timeline chart: no events."
    rows = "company" if group == "company" else "state actor"
    span = f"from {df['date_start'].min():%d %b %Y} to {df['date_end'].max():%d %b %Y}"
    if period:
        return (
            f"Overview chart of {len(df):,} events {span}, one row per {rows}: one square per"
            f" {rows} and {period}, its size the number of events placed there, its colour and"
            " shape their most frequent category; a click on a square zooms into it. The event"
            " list below names them, newest first."
        )
    return (
        f"Timeline chart of {len(df):,} event{'s' if len(df) != 1 else ''} {span}, one row per"
        f" {rows}; colour and shape show the category. The event list below holds the same"
        " events."
    )


@dataclass(frozen=True)
class Chart:
    """What the timeline page draws for a view."""

    figure: go.Figure
    summary: str  # the chart's accessible name and summary
    period: str | None  # the overview's period; None when every event is drawn
    far: int  # events whose marker lies before the range the chart opens on
    ahead: int = 0  # and after it (a goal decades away)


def timeline_chart(df: pd.DataFrame, group: str = "company", selected: str = "") -> Chart:
    """The view's chart: every event up to :data:`DETAIL_LIMIT`, else the overview."""
    rows = timeline_rows(df, group)
    period = overview_period(*_span(rows)) if len(df) > DETAIL_LIMIT else None
    if period:
        figure = overview_figure(rows, period)
    else:
        figure = timeline_figure(df, group, selected, rows=rows)
    return Chart(figure, chart_summary(df, group, period), period, *left_out_of_focus(rows))


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
    return next((ident for ident in _targets(selection) if ident in valid), None)


def _targets(selection: Mapping | None) -> list[str]:
    """The click targets (``customdata``) of the selected points, in order, strings only."""
    if not selection:
        return []
    if "selection" in selection:
        selection = selection["selection"] or {}
    out = []
    for point in selection.get("points", []) or []:
        target = point.get("customdata") if isinstance(point, Mapping) else None
        if isinstance(target, list | tuple):
            target = target[0] if target else None
        if isinstance(target, str):
            out.append(target)
    return out


def combined_label(companies: tuple[str, ...]) -> str:
    """How a figure several companies share is named: never as one company's value.

    >>> combined_label(("Alibaba", "Tencent"))
    'Alibaba and Tencent, combined'
    """
    names = list(companies)
    joined = ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else "".join(names)
    return f"{joined}, combined"


def market_cap_rows(figures: pd.DataFrame) -> pd.DataFrame:
    """Market-value figures with a date: one row per (figure, company) for a company's own
    figure; a shared figure ("a combined $1.3 trillion") is one row named for all of them."""
    mc = figures[figures["market_cap"] & figures["date_start"].notna()]
    shared = mc["shared"] if "shared" in mc else pd.Series(False, index=mc.index)
    shared = shared.astype(bool) & (mc["companies"].map(len) > 1)
    company = [
        (combined_label(c),) if s else (c or ("(no company named)",))
        for c, s in zip(mc["companies"], shared, strict=True)
    ]
    mc = mc.assign(company=company, shared=shared, loss=mc["kind"].str.contains("loss"))
    return mc.explode("company").sort_values("date_start")


#: Fewer market-value figures of a kind than this are listed, not charted: a chart of one
#: point took half a screen to show one number.
MIN_CHARTED = 3


def market_cap_figure(figures: pd.DataFrame, titles: Mapping[str, str], loss: bool) -> go.Figure:
    """Market values (``loss`` False) or market value lost (True), in US$ billions, by date.

    Values and losses are separate charts, never one axis; a figure several companies
    share is one marker named "A and B, combined", hollow, and never drawn as either's own.
    """
    rows = market_cap_rows(figures)
    rows = rows[rows["loss"] == loss]
    fig = go.Figure()
    for i, (company, part) in enumerate(rows.groupby("company", sort=True)):
        hover = [
            f"<b>{hover_esc(text)}</b> ({hover_esc(kind)})<br>{_interval(s, e)}"
            + ("<br>one figure for these companies together" if shared else "")
            + f"<br>Source {hover_esc(src)}: {hover_esc(short(titles.get(src, ''), 60))}"
            f"<br><i>{hover_esc(short(q, 110))}</i>"
            for text, kind, s, e, src, q, shared in zip(
                part["text"], part["kind"], part["date_start"], part["date_end"],
                part["source"], part["quote"], part["shared"], strict=True,
            )
        ]  # fmt: skip
        combined = bool(part["shared"].iloc[0])
        fig.add_trace(
            go.Scatter(
                x=part["date_start"], y=part["usd"] / 1e9, mode="markers+text", name=company,
                customdata=part["id"], hovertext=hover,
                hovertemplate="%{hovertext}<extra></extra>",
                # each value written by its point: a point above the top gridline had none
                text=[f"{v:,.0f}" for v in part["usd"] / 1e9], textposition="top center",
                cliponaxis=False,
                marker={"size": 12, "color": PALETTE[i % len(PALETTE)],
                        "symbol": ("triangle-down" if loss else "circle")
                        + ("-open" if combined else ""),
                        "line": {"width": 2}},
            )
        )  # fmt: skip
    fig.update_layout(
        height=300,
        margin={"l": 10, "r": 10, "t": 30, "b": 10},
        yaxis_title="US$ billion lost" if loss else "US$ billion",
        yaxis_rangemode="tozero",
        yaxis_range=[0, rows["usd"].max() / 1e9 * 1.2] if not rows.empty else None,
        legend={"title": {"text": "Company"}},
        xaxis={"type": "date", "tickformatstops": NO_HOURS},
    )
    if not rows.empty:  # one date (or a few days) would get an axis of hours
        fig.update_xaxes(range=month_wide(rows["date_start"].min(), rows["date_start"].max()))
    return fig
