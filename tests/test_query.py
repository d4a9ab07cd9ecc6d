"""Links -> filters: what a shared link may say, and what is dropped with a notice."""

from datetime import date

import pytest

from data.filters import Filters, Vocabulary, describe, parse_params

VOCAB = Vocabulary(
    companies=("Tencent", "Alibaba", "Ant Group", "JD.com"),
    regulators=("SAMR", "CAC", "Chinese government (unspecified)"),
    categories=("antitrust", "fine"),
    sources=("000", "004"),
    events=frozenset({"004-abc"}),
)


def parse(**params):
    return parse_params(params, VOCAB)


def test_canonical_link_is_read_unchanged():
    p = parse(company=["Tencent", "Alibaba"], regulator=["SAMR"], **{"from": ["2020-01-01"]})
    assert p.filters == Filters(
        company=("Tencent", "Alibaba"), regulator=("SAMR",), date_from=date(2020, 1, 1)
    )
    assert p.notices == ()
    assert not p.corrected


@pytest.mark.parametrize(
    ("given", "expected"),
    [("tencent", "Tencent"), ("ANT GROUP", "Ant Group"), (" jd.com ", "JD.com")],
)
def test_names_match_without_regard_to_case(given, expected):
    p = parse(company=[given])
    assert p.filters.company == (expected,)
    assert p.notices == ()
    assert p.corrected  # the widgets get the canonical spelling


def test_repeated_values_are_kept_once_in_order():
    assert parse(company=["Alibaba", "alibaba", "Tencent"]).filters.company == (
        "Alibaba",
        "Tencent",
    )


@pytest.mark.parametrize(
    ("params", "fragment"),
    [
        ({"company": ["Nokia"]}, "Unknown company “Nokia”"),
        ({"regulator": ["FBI"]}, "Unknown regulator “FBI”"),
        ({"category": ["sports"]}, "Unknown category"),
        ({"source": ["999"]}, "Unknown source"),
        ({"event": ["004-zzz"]}, "Unknown event"),
        ({"from": ["yesterday"]}, "Malformed date for “from”"),
        ({"to": ["2021-02-30"]}, "Malformed date for “to”"),
        ({"from": ["3021-01-01"]}, "Malformed date"),
        ({"q": ["a", "b"]}, "“q” was given 2 times"),
        ({"event": ["004-abc", "004-abc"]}, "“event” was given 2 times"),
        ({"company": ["x" * 10_000]}, "10,000\\-character value"),
        ({"colour": ["red"]}, "Unknown link parameter “colour”"),
    ],
)
def test_bad_values_are_dropped_with_a_notice(params, fragment):
    p = parse_params(params, VOCAB)
    assert p.filters == Filters()
    assert any(fragment.replace("\\", "") in n.replace("\\", "") for n in p.notices), p.notices


def test_the_rest_of_a_bad_link_still_applies():
    p = parse(company=["Tencent", "<b>x</b>"], to=["2021"], q=["  fined   Tencent "])
    assert p.filters.company == ("Tencent",)
    assert p.filters.date_to == date(2021, 12, 31)
    assert p.filters.q == "fined Tencent"
    assert len(p.notices) == 1


def test_markup_in_a_notice_is_escaped_for_markdown():
    (notice,) = parse(company=["[x](javascript:alert(1)) <script>"]).notices
    assert "[x](" not in notice
    assert "<script>" not in notice
    assert "\\<script\\>" in notice


def test_reversed_date_range_is_dropped():
    p = parse(**{"from": ["2022-01-01"], "to": ["2021-01-01"]})
    assert (p.filters.date_from, p.filters.date_to) == (None, None)
    assert "after it ends" in p.notices[0]


def test_streamlit_embed_parameters_are_not_reported():
    assert parse(embed=["true"]).notices == ()


def test_to_params_round_trips():
    f = Filters(
        company=("Tencent",), regulator=("CAC", "SAMR"), category=("fine",), source=("004",),
        date_from=date(2020, 1, 1), date_to=date(2021, 6, 30), q="app", event="004-abc",
        article="004", group="regulator",
    )  # fmt: skip
    assert parse_params(f.to_params(), VOCAB).filters == f


@pytest.mark.parametrize(
    ("filters", "n", "sentence"),
    [
        (Filters(), 35, "All 35 dated events."),
        (Filters(company=("Tencent",)), 1, "1 event about Tencent."),
        (
            Filters(regulator=("SAMR", "CAC"), category=("fine",), q="record"),
            3,
            "3 events, from SAMR or CAC, in the fine category, mentioning “record”.",
        ),
        (Filters(date_from=date(2021, 3, 1)), 2, "2 events, from 1 Mar 2021 on."),
    ],
)
def test_one_sentence_says_what_is_filtered(filters, n, sentence):
    assert describe(filters, n) == sentence
