"""The category of an event's sentence: cues in order of precedence (data/categories.py).
Sentences written for the tests."""

import pytest

from data.categories import category_of


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # where shares trade ("Hong Kong-listed") is not a listing; a fall is market value
        ("The insurer's Hong Kong-listed shares fell 6 per cent on Monday.", "market value"),
        ("Its U.S.-listed stock has lost a third of its value since March.", "market value"),
        # "listed" as in "named": not a listing either
        ("On the same day, the regulator listed 12 violations by the carmaker.", "regulation"),
        # a listing still is one
        ("The chipmaker listed in Shanghai in July.", "IPO and listings"),
        # a move of a stock or an index is market value, with or without the word "shares"
        ("The broker tumbled 12% on Thursday and fell further today.", "market value"),
        ("The Hang Seng Tech index has slid 15 per cent this year.", "market value"),
        ("Hong Kong tech stocks rallied yesterday and today.", "market value"),
        ("Its shares, which closed at HK$80.50 on Friday, have lost a fifth since May.",
         "market value"),
        # results are not market value
        ("The group said net profit rose 29% and revenue rose 12% in the quarter.", "other"),
        ("Its depositary shares were indicated 24% lower in early trading.", "market value"),
        ("The recruiter's shares had more than doubled since May.", "market value"),
        # a currency is not a US measure
        ("Game sales reached 278 billion yuan (about 43 billion U.S. dollars) in 2020.", "other"),
        ("The Commerce Department added the chipmaker to a U.S. blacklist.", "US measures"),
        # a ban is a US measure unless China's state is the one banning
        ("Neither ban took effect: judges blocked both in September.", "US measures"),
        ("The rules, issued by the State Council, also ban tutoring on weekends.", "regulation"),
        # a city named Xi'an is not the party's leader
        ("A courier in Xi'an said orders had kept coming on Monday.", "other"),
        ("In March, Xi told delegates that platforms must serve the people.", "party control"),
        # a leader's title is not military work
        ("The president, who chairs the Central Military Commission, gave a speech on Tuesday.",
         "party control"),
        ("The drone maker supplies the military.", "national champions"),
    ],
)  # fmt: skip
def test_category_of_a_sentence(sentence, expected):
    assert category_of(sentence) == expected
