"""Precision is one ordered vocabulary; undated statements have none, end to end."""

import csv
import io
import json
from datetime import date

import pandas as pd

from components.export import to_csv
from data.extract import extract_text
from data.frames import events_frame
from data.records import PRECISIONS, SPECIFIC, UNDATED, Event, Precision


def test_precision_is_ordered_finest_first_and_keeps_its_words():
    assert [p.value for p in Precision] == list(PRECISIONS)
    assert [p.rank for p in Precision] == list(range(len(PRECISIONS)))
    assert Precision.DAY.rank < Precision.MONTH.rank < Precision.YEAR.rank < Precision.VAGUE.rank
    assert {"day", "week", "part-of-month", "month"} == SPECIFIC
    assert json.dumps({"p": Precision.PART_OF_MONTH}) == '{"p": "part-of-month"}'


#: No source metadata: the export's links stay empty.
_NO_SOURCES = pd.DataFrame(columns=["title", "outlet", "published", "url"]).rename_axis("id")


def _statement(precision):
    return Event("s-1", "s", "SAMR will be investigating Alibaba.", 0, 35, "", None, None,
                 precision, ("Alibaba",), ("SAMR",), "antitrust")


def test_an_undated_statement_has_no_precision_in_json_and_undated_on_screen_and_in_csv():
    result = extract_text("SAMR will be investigating Alibaba.", date(2021, 3, 16), "s")
    (statement,) = result.statements
    assert statement.precision is None
    assert statement.to_dict()["precision"] is None
    frame = events_frame([statement])
    assert frame.loc[0, "precision"] == UNDATED
    rows = list(csv.DictReader(io.StringIO(to_csv(frame, _NO_SOURCES))))
    assert rows[0]["precision"] == UNDATED


def test_a_statement_without_dates_is_never_shown_as_vague():
    assert events_frame([_statement("vague")]).loc[0, "precision"] == UNDATED
