"""Dates as real articles write them (issue 6, item 5): each with its publication date
and exact interval. Single-rule phenomena are also examples of their rule
(data/dates/rules/); these need a sentence or two of context.
"""

from datetime import date

import pytest

from data.dates import Anchor, find_expressions, resolve_mentions, triggers
from data.extract import extract_text
from data.text import tokens

D = date.fromisoformat


def _dates(text: str, published: str):
    anchor = Anchor(D(published))
    found = find_expressions(text, kinds=triggers(text, tokens(text)))
    return [(m.text, m.date_start.isoformat(), m.date_end.isoformat(), m.precision)
            for m in resolve_mentions(text, found, lambda _o: anchor)]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a schedule told in the past tense: the occurrence nearest the publication
        ("The listing was scheduled for Nov. 5 before regulators stepped in.", "2020-11-02",
         ("Nov. 5", "2020-11-05", "2020-11-05", "day")),
        ("The share sale, scheduled for Nov.5, was halted.", "2020-11-03",
         ("Nov.5", "2020-11-05", "2020-11-05", "day")),
        ("Ant was set to start trading on Thursday.", "2020-11-03",
         ("on Thursday", "2020-11-05", "2020-11-05", "day")),
        ("The listing had been scheduled for Nov. 5, weeks before the review.", "2020-12-01",
         ("Nov. 5", "2020-11-05", "2020-11-05", "day")),
        ("The debut, originally planned for July 30, never came.", "2021-07-28",
         ("July 30", "2021-07-30", "2021-07-30", "day")),
        ("The rules will take effect November 1.", "2021-08-20",
         ("November 1", "2021-11-01", "2021-11-01", "day")),
    ],
)  # fmt: skip
def test_a_scheduled_date_is_the_one_nearest_the_publication(text, published, expected):
    assert _dates(text, published)[-1] == expected


def test_a_few_days_later_is_a_vague_window_after_the_date_before():
    got = _dates("Regulators summoned the founders on Nov. 2. A few days later the listing was "
                 "dead.", "2020-12-01")
    assert got[-1] == ("A few days later", "2020-11-04", "2020-11-09", "vague")


def test_the_next_day_counts_from_the_sentence_before():
    text = ("The exchange halted the listing on Nov. 3.\n\n"
            "The next day, the company apologised to investors.")
    events = extract_text(text, D("2020-11-20"), "t").events
    assert [(e.date_text, e.date_start.isoformat()) for e in events] == [
        ("Nov. 3", "2020-11-03"), ("The next day", "2020-11-04")]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Didi signed a 2021 agreement with the regulator, which had first fined it in 2012.",
         "2022-06-13", [("2021", "2021-01-01", "2021-12-31", "year"),
                        ("in 2012", "2012-01-01", "2012-12-31", "year")]),
    ],
)  # fmt: skip
def test_a_year_used_as_an_adjective_is_its_own_date(text, published, expected):
    assert _dates(text, published) == expected


def test_a_dated_clause_keeps_its_own_year_after_a_sentence_in_another():
    text = ("Regulators first warned the company on June 30, 2012. "
            "Under a 2021 agreement reached in March, it agreed to share its data.")
    events = extract_text(text, D("2022-06-13"), "t").events
    assert [(e.date_text, e.date_start.isoformat(), e.date_end.isoformat()) for e in events] == [
        ("June 30, 2012", "2012-06-30", "2012-06-30"),
        ("2021", "2021-01-01", "2021-12-31"),
        ("in March", "2021-03-01", "2021-03-31"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Minors may play for an hour on Friday, Saturday and Sunday evenings.",
        "Classes run on Monday, Wednesday and Friday.",
        "Live streams are limited on Saturday and Sunday nights.",
    ],
)
def test_a_timetable_of_weekdays_is_not_a_date(text):
    assert _dates(text, "2022-04-12") == []


def test_two_weekdays_of_a_story_are_still_dates():
    # two days in a row joined by "and": one stretch of two days (as blind 6's and blind 17's
    # lists read "Tuesday and Wednesday", "on Monday and Tuesday of this week")
    assert [d[1:3] for d in _dates("Regulators met on Monday and Tuesday.", "2022-04-13")] == [
        ("2022-04-11", "2022-04-12")]
    assert [d[1:3] for d in _dates("Shares fell on Monday and Tuesday of this week.",
                                   "2022-03-17")] == [("2022-03-14", "2022-03-15")]
    # each with its own "on", or days apart: two dates
    assert [d[1] for d in _dates("Shares fell on Monday and again on Tuesday.", "2022-04-13")] == [
        "2022-04-11", "2022-04-12"]
    assert [d[1] for d in _dates("Regulators met on Monday and Friday.", "2022-04-16")] == [
        "2022-04-11", "2022-04-15"]


def test_what_a_company_would_do_on_a_weekday_is_the_coming_one():
    got = _dates("The company said it would hold a call for investors on Monday.", "2021-04-10")
    assert got[-1] == ("on Monday", "2021-04-12", "2021-04-12", "day")


def test_through_two_months_is_one_interval():
    assert _dates("More names followed through March and April.", "2022-06-01") == [
        ("through March and April", "2022-03-01", "2022-04-30", "part-of-year")]


def test_a_month_follows_the_dated_month_of_its_own_clause():
    got = _dates("The speech in October 2020 was followed by the suspension of the listing in "
                 "November.", "2023-01-10")
    assert got[-1] == ("in November", "2020-11-01", "2020-11-30", "month")


def test_a_date_restated_in_brackets_is_one_expression():
    assert _dates("The regulator on Friday (Oct 8) fined the delivery firm.", "2021-10-10") == [
        ("on Friday (Oct 8)", "2021-10-08", "2021-10-08", "day")]


def test_a_different_date_in_brackets_stays_its_own():
    assert [d[0] for d in _dates("It listed on Friday (its IPO was priced on June 29).",
                                 "2021-07-03")] == ["on Friday", "June 29"]
