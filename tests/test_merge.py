"""One real event, several sources: grouping and the dates they disagree on."""

from datetime import date, timedelta

import streamlit as st
from hypothesis import given, settings
from hypothesis import strategies as st_h

from data.corpus import load_corpus
from data.merge import Grouping, group_events
from data.records import Event
from tests.test_app_pages import run, text_of

D = date.fromisoformat


def ev(ident, source, quote, start, end, precision="day", companies=(), regulators=(),
       category="IPO and listings", date_text="on Tuesday"):  # fmt: skip
    return Event(ident, source, quote, 0, len(quote), date_text, D(start), D(end), precision,
                 tuple(companies), tuple(regulators), category)  # fmt: skip


def test_the_seeds_report_the_pipl_draft_twice():
    corpus = load_corpus()
    groups = group_events(corpus.events)
    by_id = {e.id: e for e in corpus.events}
    pipl = [g for g in groups if all("Personal Information Protection" in by_id[m].quote
                                     for m in g.members)]  # fmt: skip
    assert len(pipl) == 1
    assert pipl[0].sources == ("001", "004")
    assert pipl[0].disagreements == ()  # both say October 2020


def test_a_day_and_its_month_agree_and_the_difference_is_shown():
    a = ev("a", "105", "Ant's IPO was suspended on Tuesday.", "2020-11-03", "2020-11-03",
           companies=["Ant Group"])
    b = ev("b", "107", "In November 2020, regulators halted Ant's IPO.", "2020-11-01",
           "2020-11-30", "month", companies=["Ant Group"], date_text="November 2020")
    (group,) = group_events([a, b])
    assert group.members == ("b", "a")
    assert len(group.disagreements) == 2
    assert "2020-11 (month" in group.disagreements[0]


def test_a_month_does_not_chain_two_different_days():
    listing = ev("l", "102", "Didi listed in New York on June 30.", "2021-06-30", "2021-06-30",
                 companies=["Didi"])
    review = ev("r", "108", "The CAC opened a review of Didi's listing on July 2.", "2021-07-02",
                "2021-07-02", companies=["Didi"])
    june = ev("j", "109", "Didi listed in New York in June.", "2021-06-01", "2021-06-30",
              "month", companies=["Didi"])
    week = ev("w", "110", "Didi's listing last week drew a review.", "2021-06-28", "2021-07-04",
              "week", companies=["Didi"])
    groups = group_events([listing, review, june, week])
    assert all(not ({"l", "r"} <= set(g.members)) for g in groups)


def test_same_source_vague_or_coarse_dates_never_group():
    a = ev("a", "001", "Alibaba listed.", "2021-01-01", "2021-12-31", "year", ["Alibaba"])
    b = ev("b", "002", "Alibaba listed.", "2021-01-01", "2021-12-31", "year", ["Alibaba"])
    c = ev("c", "003", "Alibaba listed.", "2021-01-01", "2021-06-30", "vague", ["Alibaba"])
    d = ev("d", "003", "Alibaba listed again.", "2021-03-01", "2021-03-01", "day", ["Alibaba"])
    e = ev("e", "003", "Alibaba listed.", "2021-03-01", "2021-03-01", "day", ["Alibaba"])
    assert group_events([a, b, c, d, e]) == []


def test_the_event_card_names_the_other_source():
    st.cache_resource.clear()  # the real corpus, not another test's stub
    corpus = load_corpus()
    (pipl,) = [e for e in corpus.events if e.source == "004" and "Personal Information" in e.quote]
    at = run({"event": pipl.id})
    body = text_of(at)
    assert "Also reported by 1 other source" in body
    assert "In October" in body


# -- regrouping after a change equals grouping from scratch ------------------------------

_WORDS = ("draft", "privacy", "law", "fined", "listing", "review", "app", "removed")
_SPANS = ((0, 0, "day"), (0, 1, "day"), (0, 6, "week"), (0, 29, "month"), (2, 2, "day"))


@st_h.composite
def _article(draw, source):
    events = []
    for n in range(draw(st_h.integers(0, 4))):
        offset, length, precision = draw(st_h.sampled_from(_SPANS))
        start = date(2021, 7, 1) + timedelta(days=draw(st_h.integers(0, 8)) * 3 + offset)
        quote = " ".join(draw(st_h.lists(st_h.sampled_from(_WORDS), min_size=1, max_size=4)))
        events.append(Event(
            f"{source}-{n}", source, quote, 0, len(quote), "then", start,
            start + timedelta(days=length), precision,
            tuple(draw(st_h.lists(st_h.sampled_from(("Didi", "Meituan")), max_size=1))),
            tuple(draw(st_h.lists(st_h.sampled_from(("CAC", "SAMR")), max_size=1))),
            draw(st_h.sampled_from(("fine", "regulation"))),
        ))  # fmt: skip
    return tuple(events)


@st_h.composite
def _corpus_and_changes(draw):
    sources = [f"{i:03d}" for i in range(12)]
    corpus = {s: draw(_article(s)) for s in sources}
    changes = []
    for _ in range(draw(st_h.integers(1, 4))):
        source = draw(st_h.sampled_from([*sources, "100", "101"]))
        changes.append((source, draw(st_h.one_of(st_h.none(), _article(source)))))
    return corpus, changes


@given(_corpus_and_changes())
@settings(max_examples=80, deadline=None)
def test_a_grouping_updated_after_changes_is_the_grouping_from_scratch(case):
    corpus, changes = case
    grouping = Grouping.of(e for events in corpus.values() for e in events)
    for source, events in changes:  # None: the article removed
        if events is None:
            corpus.pop(source, None)
        else:
            corpus[source] = events
        every = [e for events in corpus.values() for e in events]
        grouping = grouping.update(every)
        assert grouping.groups == group_events(every)
