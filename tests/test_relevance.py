"""Crackdown or background, per event: state action and responses versus history,
biographies, milestones, statistics and asides. Sentences written for the tests,
in the styles of wire copy, state media and opinion pieces."""

from datetime import date

import pytest

from data.extract import extract_text
from data.relevance import BACKGROUND, CRACKDOWN


def relevance(text: str, published: date, date_text: str) -> str:
    events = extract_text(text, published).events
    (event,) = [e for e in events if e.date_text.lower() in date_text.lower()]
    return event.relevance


@pytest.mark.parametrize(
    ("text", "published", "date_text", "expected"),
    [
        # history and biography: background whatever the actors
        ("In the 1960s and ’70s, Mao’s planners poured money into rockets.", date(2021, 8, 19),
         "In the 1960s and ’70s", BACKGROUND),
        ("The founder, a party member since the 1980s, rarely speaks.", date(2021, 3, 1),
         "since the 1980s", BACKGROUND),
        ("The dubbing app became popular in 2019.", date(2022, 2, 10), "in 2019", BACKGROUND),
        # state action and the market's response: crackdown
        ("In July, the market regulator fined Tencent for failing to report deals.",
         date(2021, 8, 19), "In July", CRACKDOWN),
        ("On Friday, regulators summoned executives of the two platforms.", date(2021, 3, 16),
         "On Friday", CRACKDOWN),
        ("Shares of the tutoring firms plunged in late July.", date(2021, 8, 19), "late July",
         CRACKDOWN),
    ],
)  # fmt: skip
def test_relevance_of_an_event(text, published, date_text, expected):
    assert relevance(text, published, date_text) == expected
