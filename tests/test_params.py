"""Every link parameter, from its one declaration: parsed, written back, filtered, said."""

from dataclasses import fields
from datetime import date

import pytest

from data.filters import Filters, Vocabulary, describe, filter_events, parse_params
from data.frames import events_frame
from data.params import PARAMS, Param
from data.records import Event

VOCAB = Vocabulary(
    companies=("Tencent", "Alibaba"),
    regulators=("SAMR", "CAC"),
    categories=("fine", "antitrust"),
    sources=("000", "004"),
    events=frozenset({"004-abc"}),
)
IDS = [p.key for p in PARAMS]


def test_each_filters_field_has_exactly_one_parameter():
    assert sorted(p.field for p in PARAMS) == sorted(f.name for f in fields(Filters))
    assert len(set(IDS)) == len(IDS)
    for p in PARAMS:
        assert getattr(Filters(), p.field) == p.default, p.key


@pytest.mark.parametrize("p", PARAMS, ids=IDS)
def test_example_round_trips_through_a_link(p: Param):
    parsed = parse_params({p.key: [p.example]}, VOCAB)
    assert parsed.notices == ()
    assert not parsed.corrected
    value = getattr(parsed.filters, p.field)
    assert value != p.default
    assert parsed.filters.to_params() == {p.key: [p.example]}
    assert parse_params(parsed.filters.to_params(), VOCAB).filters == parsed.filters


@pytest.mark.parametrize("p", PARAMS, ids=IDS)
def test_an_unusable_value_is_dropped_with_a_notice(p: Param):
    parsed = parse_params({p.key: ["<nonsense value>"]}, VOCAB)
    if p.key == "q":  # free text: any words are a search
        assert parsed.filters.q == "<nonsense value>"
        return
    assert getattr(parsed.filters, p.field) == p.default
    assert parsed.notices
    assert parsed.corrected


@pytest.mark.parametrize("p", [p for p in PARAMS if not p.repeated], ids=lambda p: p.key)
def test_a_single_parameter_given_twice_is_dropped(p: Param):
    parsed = parse_params({p.key: [p.example, p.example]}, VOCAB)
    assert getattr(parsed.filters, p.field) == p.default
    assert "was given 2 times" in parsed.notices[0]


@pytest.mark.parametrize("p", [p for p in PARAMS if p.narrows], ids=lambda p: p.key)
def test_a_narrowing_parameter_is_said_in_the_sentence(p: Param):
    f = parse_params({p.key: [p.example]}, VOCAB).filters
    assert f.active
    sentence = describe(f, 3)
    assert not sentence.startswith("All")
    shown = p.example if p.key not in ("from", "to") else ""
    assert shown.split("-")[0] in sentence


def _event(eid, quote, companies, regulators, category="fine", day=date(2021, 3, 1)):
    return Event(eid, "004", quote, 0, len(quote), "", day, day, "day", companies, regulators,
                 category)  # fmt: skip


ROWS = events_frame(
    [
        _event("a", "SAMR fined Alibaba a record sum.", ("Alibaba",), ("SAMR",)),
        _event("b", "A fine for the games maker.", ("Tencent",), ("SAMR",)),
        _event("c", "The record was broken.", ("Tencent",), ("CAC",), "antitrust"),
    ]
)


@pytest.mark.parametrize(
    ("q", "ids"),
    [
        ("record", ["a", "c"]),
        ("record fine", ["a"]),  # several words: all of them, anywhere
        ("fined record", ["a"]),
        ("samr", ["a", "b"]),  # actor names are searched, not only the quote
        ("tencent record", ["c"]),
    ],
)
def test_search_reads_quotes_and_actors_and_needs_every_word(q, ids):
    from data.filters import search_column

    rows = ROWS.assign(search=search_column(ROWS, {"Tencent": ("WeChat",)}))
    assert list(filter_events(rows, Filters(q=q))["id"]) == ids
    assert list(filter_events(rows, Filters(q="wechat"))["id"]) == ["b", "c"]  # an alias


def test_background_events_are_hidden_unless_shown():
    rows = ROWS.assign(relevance=["crackdown", "background", "crackdown"])
    assert list(filter_events(rows, Filters())["id"]) == ["a", "c"]
    assert list(filter_events(rows, Filters(background="shown"))["id"]) == ["a", "b", "c"]
    assert describe(Filters(background="shown"), 3) == (
        "All 3 dated events, background events included."
    )


@pytest.fixture(scope="module")
def seeds_frames():
    from data.corpus import load_corpus
    from data.frames import build_frames

    return build_frames(load_corpus())


@pytest.mark.parametrize("p", PARAMS, ids=lambda p: p.key)
def test_counting_a_view_gives_the_number_of_rows_filtering_it_gives(seeds_frames, p):
    """count_events (a view seen before needs only its number) agrees with filter_events,
    for each parameter's example alone and with the default view's, dated and undated."""
    from data.filters import count_events

    for f in (Filters(), parse_params({p.key: [p.example]}, VOCAB).filters):
        for df in (seeds_frames.events, seeds_frames.statements, seeds_frames.events.head(0)):
            for by_date in (True, False):
                assert count_events(df, f, by_date) == len(filter_events(df, f, by_date))
