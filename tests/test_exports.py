"""Exports carry their view: CSV, JSON, iCalendar and TimelineJS of the filtered events."""

import io
import json
from datetime import date

import pandas as pd
from icalendar import Calendar

from components.export import (
    View,
    figures_csv,
    to_csv,
    to_ical,
    to_json,
    to_timelinejs,
)
from data.filters import Filters, figures_in_view, filter_events
from data.frames import build_frames
from tests.test_app_pages import TEXT_A, synthetic_corpus

VIEW = View(
    link="http://127.0.0.1:8501/?company=Tencent",
    filters={"company": ["Tencent"]},
    description="1 event about Tencent.",
)


def frames():
    return build_frames(synthetic_corpus(), aliases={})


def test_csv_starts_with_the_view_and_reads_back_with_pandas():
    fr = frames()
    text = to_csv(fr.events, fr.sources, VIEW)
    assert text.startswith("# Crackdown Timeline, events. 1 event about Tencent. View: http://")
    table = pd.read_csv(io.StringIO(text), comment="#")
    assert list(table["id"]) == list(fr.events["id"])
    assert figures_csv(fr.figures, fr.sources, VIEW).count("\n") == 3  # the view, header, a row


def test_json_holds_the_view_events_statements_and_figures():
    fr = frames()
    data_ = json.loads(to_json(fr.events, fr.statements, fr.figures, fr.sources, VIEW))
    assert data_["view"]["link"] == VIEW.link
    assert data_["view"]["filters"] == {"company": ["Tencent"]}
    july = next(r for r in data_["events"] if r["id"] == "001-e1")
    assert july["quote"] == TEXT_A[july["start"] : july["end"]]
    assert (july["date_end"], july["companies"]) == ("2021-07-31", ["Tencent"])
    assert july["quote_url"].startswith("https://example.com/a#:~:text=")
    assert [s["id"] for s in data_["statements"]] == ["001-s1"]
    assert data_["statements"][0]["date_start"] is None
    assert data_["figures"][0]["usd"] == 100_000_000_000


def test_icalendar_has_one_all_day_event_spanning_each_interval():
    fr = frames()
    cal = Calendar.from_ical(to_ical(fr.events, fr.sources, VIEW))
    items = {str(e["uid"]): e for e in cal.walk("VEVENT")}
    assert set(items) == {f"{i}@crackdown-timeline" for i in fr.events["id"]}
    july = items["001-e1@crackdown-timeline"]
    assert july.decoded("dtstart") == date(2021, 7, 1)
    assert july.decoded("dtend") == date(2021, 8, 1)  # exclusive: the whole of July
    assert "regulators fined Tencent over WeChat" in str(july["description"])
    assert "Outlet 001" in str(july["description"])
    assert VIEW.link in str(cal["x-wr-caldesc"])


def test_timelinejs_dates_are_as_precise_as_the_event_and_text_is_escaped():
    fr = frames()
    tl = json.loads(to_timelinejs(fr.events, fr.sources, VIEW))
    slides = {s["unique_id"]: s for s in tl["events"]}
    assert slides["001-e1"]["start_date"] == {"year": 2021, "month": 7}  # a month: no day
    assert slides["001-e2"]["start_date"] == {"year": 2021, "month": 8, "day": 13}
    assert "end_date" not in slides["001-e2"]
    assert slides["002-e1"]["start_date"] == {"year": 2005}
    hostile = slides["002-e2"]["text"]["text"]
    assert "<script>" not in hostile
    assert "&lt;script&gt;" in hostile
    assert tl["view"]["link"] == VIEW.link


def test_figures_follow_the_date_source_and_company_filters():
    fr = frames()
    assert len(figures_in_view(fr.figures, Filters())) == 1
    assert figures_in_view(fr.figures, Filters(date_from=date(2021, 8, 1))).empty
    assert figures_in_view(fr.figures, Filters(source=("002",))).empty
    assert len(figures_in_view(fr.figures, Filters(company=("Tencent",)))) == 1
    assert figures_in_view(fr.figures, Filters(company=("Baidu",))).empty
    assert len(filter_events(fr.events, Filters(company=("Tencent",)))) == 1
