"""The filtered events as CSV and JSON, with quotes, offsets, precision and source links.

Pure pandas; no streamlit here.
"""

from __future__ import annotations

import json

import pandas as pd

from components.textview import safe_url, text_fragment_url

EXPORT_COLUMNS = (
    "id", "source", "source_title", "outlet", "published", "source_url", "quote_url",
    "date_text", "date_start", "date_end", "precision", "companies", "regulators",
    "category", "quote", "start", "end",
)  # fmt: skip


def export_frame(events: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """One row per event; dates ISO, actors joined by "; ", links to the article and the quote."""
    src = sources.reindex(events["source"])
    urls = [safe_url(u) if isinstance(u, str) else "" for u in src["url"]]
    out = pd.DataFrame(
        {
            "id": events["id"].to_numpy(),
            "source": events["source"].to_numpy(),
            "source_title": src["title"].fillna("").to_numpy(),
            "outlet": src["outlet"].fillna("").to_numpy(),
            "published": src["published"].fillna("").to_numpy(),
            "source_url": urls,
            "quote_url": [
                text_fragment_url(u, q) for u, q in zip(urls, events["quote"], strict=True)
            ],
            "date_text": events["date_text"].to_numpy(),
            "date_start": events["date_start"].dt.strftime("%Y-%m-%d").fillna("").to_numpy(),
            "date_end": events["date_end"].dt.strftime("%Y-%m-%d").fillna("").to_numpy(),
            "precision": events["precision"].to_numpy(),
            "companies": events["companies"].map("; ".join).to_numpy(),
            "regulators": events["regulators"].map("; ".join).to_numpy(),
            "category": events["category"].to_numpy(),
            "quote": events["quote"].to_numpy(),
            "start": events["start"].to_numpy(),
            "end": events["end"].to_numpy(),
        },
        columns=list(EXPORT_COLUMNS),
    )
    return out


def to_csv(events: pd.DataFrame, sources: pd.DataFrame) -> str:
    return export_frame(events, sources).to_csv(index=False)


def to_json(events: pd.DataFrame, sources: pd.DataFrame) -> str:
    """A JSON list of events; actors as lists, undated fields as null."""
    records = export_frame(events, sources).to_dict(orient="records")
    for record in records:
        for key in ("companies", "regulators"):
            record[key] = [n for n in record[key].split("; ") if n]
        for key in ("date_start", "date_end"):
            record[key] = record[key] or None
        record["start"], record["end"] = int(record["start"]), int(record["end"])
    return json.dumps(records, ensure_ascii=False, indent=1)
