"""The event list: the first screen's main reading path, one row per real event.

Pure pandas (no streamlit): the page draws the frame this module builds, so
tests can call it. A real event reported by several articles (a merge group)
is one row, with its number of sources.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from data.frames import reports
from data.titles import short_title

LIST_COLUMNS = {
    "selected": " ",
    "when": "When",
    "headline": "Event",  # before "As written": a 390 px phone shows the first columns only
    "date_text": "As written",
    "companies": "Companies",
    "regulators": "State actors",
    "category": "Category",
    "n_sources": "Sources",
    "quote": "Quote",
}
#: The events' columns :func:`event_list` reads.
LIST_READS = ["id", "date_start", "date_end", "precision", "date_text", "quote", "companies",
              "regulators", "category"]  # fmt: skip


def when(start: pd.Timestamp, end: pd.Timestamp, precision: str) -> str:
    """The resolved date in words: a day, a month, a year, or the span.

    >>> t = pd.Timestamp
    >>> when(t("2021-04-10"), t("2021-04-10"), "day"), when(t("2021-07-01"), t("2021-07-31"), "month")
    ('10 Apr 2021', 'Jul 2021')
    >>> when(t("2020-01-01"), t("2020-12-31"), "year"), when(t("2021-01-21"), t("2021-01-31"), "part-of-month")
    ('2020', '21–31 Jan 2021')
    """
    if pd.isna(start):
        return "undated"
    if start == end:
        return f"{start.day} {start:%b %Y}"
    if precision == "month":
        return f"{start:%b %Y}"
    if precision == "year":
        return f"{start.year}"
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {start:%b %Y}"
    if start.year == end.year:
        return f"{start:%b}–{end:%b %Y}"
    return f"{start:%b %Y} – {end:%b %Y}"


def whens(start: pd.Series, end: pd.Series, precision: pd.Series) -> list[str]:
    """:func:`when` of each row, worded once per distinct interval: the list redraws
    thousands of rows, most sharing a few hundred intervals, and making a Timestamp of
    every row costs more than the words.

    >>> t = lambda *d: pd.Series(pd.to_datetime(list(d)))
    >>> whens(t("2021-04-10", None, "2021-04-10"), t("2021-04-10", None, "2021-04-10"),
    ...       pd.Series(["day", "undated", "day"]))
    ['10 Apr 2021', 'undated', '10 Apr 2021']
    """
    worded: dict[tuple, str] = {}
    out = []
    keys = zip(
        start.to_numpy(dtype="datetime64[ns]").view("int64").tolist(),
        end.to_numpy(dtype="datetime64[ns]").view("int64").tolist(),
        precision.tolist(),
        strict=True,
    )
    for key in keys:
        text = worded.get(key)
        if text is None:
            s, e = pd.Timestamp(key[0]), pd.Timestamp(key[1])  # NaT stays NaT
            text = worded[key] = when(s, e, key[2])
        out.append(text)
    return out


def event_list(
    events: pd.DataFrame,
    groups: dict,
    selected: str = "",
    limit: int | None = None,
    reported: tuple[np.ndarray, np.ndarray] | None = None,
) -> pd.DataFrame:
    """One row per real event of the view (a merge group once), newest first; with
    ``limit``, only the first ``limit`` rows of that list (worded and titled: only those).
    ``reported``: the :func:`data.frames.reports` of ``events`` when the caller has them
    (the frames keep them for every event: a Python step per event cost 0.1 s at 124,304).

    Columns: ``id`` and :data:`LIST_COLUMNS`; ``n_sources`` counts the articles reporting it.
    ``attrs["real_events"]``: how many rows the list has without ``limit``.
    """
    real, n_sources = reported if reported is not None else reports(events["id"].tolist(), groups)
    keep = np.flatnonzero(~pd.Series(real).duplicated().to_numpy())  # each one's first report
    starts = pd.Series(events["date_start"].to_numpy()[keep])
    order = starts.sort_values(ascending=False, kind="stable").index.to_numpy()[:limit]
    rows = events.iloc[keep[order]]
    out = pd.DataFrame(
        {
            "id": rows["id"].to_numpy(),
            "selected": [""] * len(rows),
            "when": whens(rows["date_start"], rows["date_end"], rows["precision"]),
            "date_text": rows["date_text"].to_numpy(),
            "headline": [
                short_title(q, d) for q, d in zip(rows["quote"], rows["date_text"], strict=True)
            ],
            "companies": rows["companies"].map(", ".join).to_numpy(),
            "regulators": rows["regulators"].map(", ".join).to_numpy(),
            "category": rows["category"].to_numpy(),
            "n_sources": n_sources[keep][order],
            "quote": rows["quote"].to_numpy(),
        }
    )
    out.attrs["real_events"] = len(keep)
    return marked(out, groups, selected) if selected else out


def marked(rows: pd.DataFrame, groups: dict, selected: str) -> pd.DataFrame:
    """An :func:`event_list` with the row of event ``selected`` marked (▶), whichever of
    its group's reports was picked; a copy: the list itself is shared by every visitor."""
    ids = rows["id"].tolist()
    members = {m: i for i in ids if groups.get(i) for m in groups[i].members}
    chosen = members.get(selected, selected)
    return rows.assign(selected=["▶" if i == chosen else "" for i in ids])
