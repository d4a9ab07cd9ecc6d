"""Sentences: exact offsets, abbreviations, repeated paragraphs."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from data.corpus import load_corpus
from data.text import WORD, sentences, tokens


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In a speech on Oct. 24, Mr. Ma spoke. It ended.",
         ["In a speech on Oct. 24, Mr. Ma spoke.", "It ended."]),
        ("The U.S. approach differs. Europe's does not.",
         ["The U.S. approach differs.", "Europe's does not."]),
        ("Alphabet Inc. and Facebook Inc. face reviews. SAMR acts.",
         ["Alphabet Inc. and Facebook Inc. face reviews.", "SAMR acts."]),
        ("“The private companies are hostages to it,” he said. “Arguments ensue.” Yes.",
         ["“The private companies are hostages to it,” he said.", "“Arguments ensue.”", "Yes."]),
        ("Headline without a stop\nBody sentence. Another one?",
         ["Headline without a stop", "Body sentence.", "Another one?"]),
        ("John F. Kennedy spoke.", ["John F. Kennedy spoke."]),
        # a footnote marker after the full stop ends the sentence with it
        ("The law took effect in 2017.[2] Its rules were strict.[3][4] Firms complied.",
         ["The law took effect in 2017.[2]", "Its rules were strict.[3][4]", "Firms complied."]),
    ],
)  # fmt: skip
def test_sentence_boundaries(text, expected):
    assert [s.text for s in sentences(text)] == expected


def test_every_span_is_an_exact_slice():
    corpus = load_corpus()
    for source_id, text in corpus.texts.items():
        for s in sentences(text):
            assert text[s.start : s.end] == s.text, source_id


def test_repeated_opening_paragraph_is_marked_once():
    corpus = load_corpus()
    text = corpus.texts["002"]
    opening = [s for s in sentences(text) if s.text.startswith("BEIJING — For the past decade")]
    assert [s.repeat for s in opening] == [False, True]


@given(st.text(alphabet=st.characters(max_codepoint=0x17F), max_size=60))
@settings(max_examples=200, deadline=None)
def test_tokens_are_the_words_and_their_lower_case_forms(sentence):
    expected = frozenset(WORD.findall(sentence)) | frozenset(WORD.findall(sentence.lower()))
    assert tokens(sentence) == expected
