"""The view as files: CSV, JSON, iCalendar and TimelineJS, each recording the view's link.

Pure pandas and icalendar; no streamlit here. Every file says which view it holds:
the CSV files start with a ``#`` comment line (``pandas.read_csv(..., comment="#")``),
the JSON and TimelineJS files carry a ``view`` object, the calendar its description.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import timedelta

import pandas as pd

from components.textview import esc, safe_url, text_fragment_url
from data.titles import short_title

EXPORT_COLUMNS = (
    "id", "source", "source_title", "outlet", "published", "source_url", "quote_url",
    "date_text", "date_start", "date_end", "precision", "companies", "regulators",
    "category", "relevance", "quote", "start", "end",
)  # fmt: skip
FIGURE_COLUMNS = (
    "id", "source", "source_title", "outlet", "text", "amount", "currency", "usd", "kind",
    "market_cap", "shared", "companies", "date_start", "date_end", "quote", "quote_url",
)  # fmt: skip


@dataclass(frozen=True)
class View:
    """What an exported file records about the view it came from."""

    link: str  # the address that reopens the view
    filters: dict[str, list[str]]  # its query parameters
    description: str  # the sentence above the results

    def to_dict(self) -> dict:
        return {"link": self.link, "filters": self.filters, "description": self.description}


def _iso(series: pd.Series) -> list[str]:
    return series.dt.strftime("%Y-%m-%d").fillna("").tolist()


def _sources(frame: pd.DataFrame, sources: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    src = sources.reindex(frame["source"])
    return src, [safe_url(u) if isinstance(u, str) else "" for u in src["url"]]


def export_frame(events: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """One row per event; dates ISO, actors joined by "; ", links to the article and the quote."""
    src, urls = _sources(events, sources)
    relevance = events["relevance"] if "relevance" in events else pd.Series("crackdown", events.index)
    return pd.DataFrame(
        {
            "id": events["id"].to_numpy(),
            "source": events["source"].to_numpy(),
            "source_title": src["title"].fillna("").to_numpy(),
            "outlet": src["outlet"].fillna("").to_numpy(),
            "published": src["published"].fillna("").astype(str).to_numpy(),
            "source_url": urls,
            "quote_url": [
                text_fragment_url(u, q) for u, q in zip(urls, events["quote"], strict=True)
            ],
            "date_text": events["date_text"].to_numpy(),
            "date_start": _iso(events["date_start"]),
            "date_end": _iso(events["date_end"]),
            "precision": events["precision"].to_numpy(),
            "companies": events["companies"].map("; ".join).to_numpy(),
            "regulators": events["regulators"].map("; ".join).to_numpy(),
            "category": events["category"].to_numpy(),
            "relevance": relevance.to_numpy(),
            "quote": events["quote"].to_numpy(),
            "start": events["start"].to_numpy(),
            "end": events["end"].to_numpy(),
        },
        columns=list(EXPORT_COLUMNS),
    )


def figures_export(figures: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """One row per money figure, with its source and whether several companies share it."""
    src, urls = _sources(figures, sources)
    shared = figures["shared"] if "shared" in figures else pd.Series(False, figures.index)
    return pd.DataFrame(
        {
            "id": figures["id"].to_numpy(),
            "source": figures["source"].to_numpy(),
            "source_title": src["title"].fillna("").to_numpy(),
            "outlet": src["outlet"].fillna("").to_numpy(),
            "text": figures["text"].to_numpy(),
            "amount": figures["amount"].to_numpy(),
            "currency": figures["currency"].to_numpy(),
            "usd": figures["usd"].to_numpy(),
            "kind": figures["kind"].to_numpy(),
            "market_cap": figures["market_cap"].astype(bool).to_numpy(),
            "shared": shared.astype(bool).to_numpy(),
            "companies": figures["companies"].map("; ".join).to_numpy(),
            "date_start": _iso(figures["date_start"]),
            "date_end": _iso(figures["date_end"]),
            "quote": figures["quote"].to_numpy(),
            "quote_url": [
                text_fragment_url(u, q) for u, q in zip(urls, figures["quote"], strict=True)
            ],
        },
        columns=list(FIGURE_COLUMNS),
    )


def _header(view: View, what: str) -> str:
    one_line = " ".join(f"{view.description} View: {view.link}".split())
    return f"# Crackdown Timeline, {what}. {one_line}\n"


def to_csv(
    events: pd.DataFrame, sources: pd.DataFrame, view: View | None = None, what: str = "events"
) -> str:
    """Events (or undated statements) as CSV, after one ``#`` line naming the view (if any)."""
    head = _header(view, what) if view is not None else ""
    return head + export_frame(events, sources).to_csv(index=False)


def figures_csv(figures: pd.DataFrame, sources: pd.DataFrame, view: View) -> str:
    return _header(view, "money figures") + figures_export(figures, sources).to_csv(index=False)


def _records(frame: pd.DataFrame, lists: tuple[str, ...]) -> list[dict]:
    records = frame.to_dict(orient="records")
    for record in records:
        for key in lists:
            record[key] = [n for n in record[key].split("; ") if n]
        for key in ("date_start", "date_end"):
            record[key] = record[key] or None
        for key in ("start", "end"):
            if key in record:
                record[key] = int(record[key])
        for key in ("market_cap", "shared"):
            if key in record:
                record[key] = bool(record[key])
    return records


def to_json(
    events: pd.DataFrame,
    statements: pd.DataFrame,
    figures: pd.DataFrame,
    sources: pd.DataFrame,
    view: View,
) -> str:
    """One JSON object: the view, then its events, undated statements and money figures."""
    both = ("companies", "regulators")
    return json.dumps(
        {
            "view": view.to_dict(),
            "events": _records(export_frame(events, sources), both),
            "statements": _records(export_frame(statements, sources), both),
            "figures": _records(figures_export(figures, sources), ("companies",)),
        },
        ensure_ascii=False,
        indent=1,
    )


def to_ical(events: pd.DataFrame, sources: pd.DataFrame, view: View) -> bytes:
    """An iCalendar file of the view: one all-day event spanning each event's interval.

    icalendar is imported here, when someone downloads the file, not with the page (a tenth
    of a second of every server's first page)."""
    from icalendar import Calendar  # noqa: PLC0415 - see the docstring
    from icalendar import Event as CalendarEvent  # noqa: PLC0415

    cal = Calendar()
    cal.add("prodid", "-//Crackdown Timeline//crackdown-timeline//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", "Crackdown Timeline")
    cal.add("x-wr-caldesc", f"{view.description} View: {view.link}")
    for row in export_frame(events, sources).itertuples(index=False):
        item = CalendarEvent()
        item.add("uid", f"{row.id}@crackdown-timeline")
        item.add("summary", short_title(row.quote, row.date_text))
        item.add("dtstart", pd.Timestamp(row.date_start).date())
        item.add("dtend", pd.Timestamp(row.date_end).date() + timedelta(days=1))  # exclusive
        item.add(
            "description",
            f"“{row.quote}”\n\nDate as written: “{row.date_text}” ({row.precision}).\n"
            f"Source: {row.outlet}, “{row.source_title}”, published {row.published}."
            + (f"\n{row.quote_url}" if row.quote_url else ""),
        )
        if row.quote_url:
            item.add("url", row.quote_url)
        item.add("categories", [row.category])
        cal.add_component(item)
    return cal.to_ical()


def _tl_date(ts: pd.Timestamp, precision: str) -> dict:
    """A TimelineJS date: as fine as the precision (a month has no day, a year no month)."""
    out = {"year": ts.year}
    if precision not in ("year", "decade", "part-of-year", "vague"):
        out["month"] = ts.month
        if precision in ("day", "week", "part-of-month"):
            out["day"] = ts.day
    return out


def to_timelinejs(events: pd.DataFrame, sources: pd.DataFrame, view: View) -> str:
    """The view as a TimelineJS 3 JSON file (text is HTML-escaped: TimelineJS renders HTML)."""
    slides = []
    for row in export_frame(events, sources).itertuples(index=False):
        start, end = pd.Timestamp(row.date_start), pd.Timestamp(row.date_end)
        slide = {
            "unique_id": row.id,
            "start_date": _tl_date(start, row.precision),
            "display_date": row.date_text,
            "group": row.category,
            "text": {
                "headline": esc(short_title(row.quote, row.date_text)),
                "text": f"<blockquote>{esc(row.quote)}</blockquote><p>{esc(row.outlet)},"
                f" “{esc(row.source_title)}”, {esc(row.published)}"
                + (f' · <a href="{esc(row.quote_url)}">the quote in its article</a>'
                   if row.quote_url else "")
                + "</p>",
            },
        }  # fmt: skip
        if end != start:
            slide["end_date"] = _tl_date(end, row.precision)
        slides.append(slide)
    return json.dumps(
        {
            "title": {
                "text": {
                    "headline": "Crackdown Timeline",
                    "text": f'<p>{esc(view.description)}</p><p><a href="{esc(view.link)}">'
                    "Open this view in the dashboard</a></p>",
                }
            },
            "events": slides,
            "view": view.to_dict(),
        },
        ensure_ascii=False,
        indent=1,
    )
