"""Corpus invariants and the metadata of the sources."""

import re
from datetime import date
from pathlib import Path

import pytest

from data.categories import CATEGORY_NAMES
from data.corpus import load_corpus
from data.extract import extract_text
from data.records import PRECISIONS

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "seeds"
FUTURE = re.compile(r"\b(will|shall|set to|due to|expected to|plans? to|takes? effect)\b", re.I)


def test_seeds_are_byte_for_byte_copies_where_shared_is_present():
    for path in SHARED.glob("*.txt"):
        assert (ROOT / "seeds" / path.name).read_bytes() == path.read_bytes()


def test_every_source_has_its_metadata():
    corpus = load_corpus()
    assert set(corpus.sources) == {"000", "001", "002", "003", "004"}
    assert corpus.problems == ()
    s = corpus.sources["004"]
    assert (s.published, s.published_confidence) == (date(2021, 3, 16), "confirmed")
    assert s.url.startswith("https://www.hrw.org/")
    assert corpus.sources["003"].published_precision == "month"


def test_every_quote_is_an_exact_slice_and_every_event_has_a_source():
    corpus = load_corpus()
    categories = set(CATEGORY_NAMES)
    for e in (*corpus.events, *corpus.statements):
        text = corpus.texts[e.source]
        assert text[e.start : e.end] == e.quote
        assert e.category in categories
    for e in corpus.events:
        assert e.precision in PRECISIONS
        assert e.date_start <= e.date_end
        lo, hi = e.date_offsets
        assert corpus.texts[e.source][lo:hi] == e.date_text
        assert e.start <= lo < hi <= e.end
    for f in corpus.figures:
        assert corpus.texts[f.source][f.start : f.end] == f.quote
        assert corpus.texts[f.source][f.text_start : f.text_end] == f.text


def test_no_event_after_publication_unless_the_text_speaks_of_the_future():
    corpus = load_corpus()
    for e in corpus.events:
        published = corpus.sources[e.source].published
        if e.date_start > published and e.precision != "vague":
            assert FUTURE.search(e.quote), (e.date_text, e.quote)


def test_ids_are_unique_and_stable():
    first, second = load_corpus(), load_corpus()
    ids = [e.id for e in first.events + first.statements] + [f.id for f in first.figures]
    assert len(ids) == len(set(ids))
    assert [e.id for e in first.events] == [e.id for e in second.events]


def test_repeated_paragraph_yields_its_events_once():
    para = "BEIJING — Last year, Tencent injected money into a struggling state telecom carrier."
    result = extract_text(f"{para}\n\nBy A. Writer\n\n{para}", date(2018, 5, 2), "t")
    assert len(result.events) == 1


def test_two_dated_clauses_are_two_events():
    text = "The law passed in August and took effect on Nov. 1, the NPC said."
    result = extract_text(text, date(2021, 12, 1), "t")
    got = [(e.date_text, e.date_start.isoformat(), e.date_end.isoformat()) for e in result.events]
    assert got == [("in August", "2021-08-01", "2021-08-31"), ("Nov. 1", "2021-11-01", "2021-11-01")]
    assert result.events[0].quote == result.events[1].quote
    assert result.events[0].id != result.events[1].id


def test_undated_statement_about_a_company_and_a_regulator_is_kept():
    text = "SAMR will be investigating Alibaba for suspected monopolistic activities."
    result = extract_text(text, date(2021, 1, 14), "t")
    assert result.events == ()
    (s,) = result.statements
    assert (s.companies, s.regulators, s.date_start, s.category) == (
        ("Alibaba",), ("SAMR",), None, "antitrust")  # fmt: skip


def test_page_headers_and_price_notes_are_not_events():
    text = ("Sector note | 20 August 2021 | China Internet | For professional investors only\n"
            "Prices as of Aug. 19 close.\nOn Friday, SAMR fined Tencent.")
    result = extract_text(text, date(2021, 8, 20), "t")
    assert [e.date_text for e in result.events] == ["On Friday"]


def test_authors_own_voice_is_a_background_event():
    # Issue 6.1: the author's asides are background (hidden by default), not crackdown;
    # they used to be dropped, which lost "I moved to Shanghai in 2015"-style context.
    text = "This remains the case, and the last week I’m blown away by the coverage on TikTok."
    events = extract_text(text, date(2021, 1, 14), "t").events
    assert events
    assert {e.relevance for e in events} == {"background"}
    text = "I moved to Shanghai in 2015, long before regulators turned on the platforms."
    (event,) = extract_text(text, date(2022, 5, 1), "t").events
    assert event.relevance == "background"
    assert extract_text(text, date(2022, 5, 1), "t").statements == ()


def test_quoted_report_anchors_its_own_relative_dates():
    corpus = load_corpus()
    last_month = [e for e in corpus.events if e.source == "001" and e.date_text == "Last month"]
    assert [(e.date_start, e.date_end) for e in last_month] == [
        (date(2020, 11, 1), date(2020, 11, 30))
    ]


def test_samrs_quoted_statement_is_dated_from_its_own_day():
    """001 quotes SAMR's statement of 24 Dec 2020 opening the Alibaba probe; its "in recent
    days" were resolved against the blog's date, an interval that left out the real one."""
    corpus = load_corpus()
    (probe,) = [e for e in corpus.events if e.source == "001" and "tip-offs" in e.quote]
    assert probe.date_end == date(2020, 12, 24)  # "in recent days" up to the statement
    assert date(2020, 12, 1) <= probe.date_start <= date(2020, 12, 14)
    assert "SAMR" in probe.regulators
    assert "Alibaba" in probe.companies


def test_unreadable_article_is_a_problem_not_a_crash(tmp_path):
    (tmp_path / "sources.toml").write_text(
        '[[source]]\nfile = "a.txt"\npublished = "2021-03-16"\n'
        '[[source]]\nfile = "b.txt"\npublished = "2021-03-16"\n'
        '[[source]]\nfile = "c.txt"\npublished = "16 March"\n',
        encoding="utf-8",
    )
    (tmp_path / "a.txt").write_bytes(b"\xff\xfe\x00binary")
    (tmp_path / "b.txt").write_text("On Friday, regulators fined Tencent.", encoding="utf-8")
    (tmp_path / "c.txt").write_text("On Friday, regulators fined Baidu.", encoding="utf-8")
    (tmp_path / "d.txt").write_text("An article nobody listed.", encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert list(corpus.sources) == ["b"]
    assert len(corpus.events) == 1
    joined = "\n".join(corpus.problems)
    assert "a.txt" in joined
    assert "c.txt" in joined
    assert "d.txt" in joined


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Didi listed in New York on June 30 last year. The regulator opened a review on July 2."
         "\n\nIn July, the regulator fined Meituan.", date(2022, 7, 25),
         [("June 30 last year", "2021-06-30"), ("July 2", "2021-07-02"),
          ("In July", "2022-07-01")]),  # a new paragraph: the default rule again
        # one-sentence paragraphs (wire style): a day just after the story is of its year
        ("Didi listed in New York on June 30 last year.\n\nThe regulator opened a review on"
         " July 2.\n\nOn Aug. 3, the regulator fined Meituan.\n\nIn August, rules came.",
         date(2022, 8, 25),
         [("June 30 last year", "2021-06-30"), ("July 2", "2021-07-02"),
          ("Aug. 3", "2022-08-03"),  # a month on: another story
          ("In August", "2022-08-01")]),  # a month: only within a paragraph
    ],
)  # fmt: skip
def test_a_bare_date_stays_in_the_story_of_the_sentence_before(text, published, expected):
    got = [(e.date_text, e.date_start.isoformat())
           for e in extract_text(text, published, "t").events]
    assert got == expected
