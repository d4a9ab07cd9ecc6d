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
        # a page in a citation is no sentence end
        ("Profits were barred (Zhang, 2021, p. 3). Shares fell (Li, 2022, pp. 4-6). Done.",
         ["Profits were barred (Zhang, 2021, p. 3).", "Shares fell (Li, 2022, pp. 4-6).", "Done."]),
        # a name with a dot in it ("JD.com", "Ele.me") ends its sentence like any word; a run
        # of one- and two-letter pieces ("U.S.", "a.m.", "Ph.D.") is an abbreviation
        ("Regulators summoned Meituan, Ele.me and JD.com. Meituan said it would comply.",
         ["Regulators summoned Meituan, Ele.me and JD.com.", "Meituan said it would comply."]),
        ("Investors sold Trip.com. Shares fell.", ["Investors sold Trip.com.", "Shares fell."]),
        ("She holds a Ph.D. Degree courses came later.",
         ["She holds a Ph.D. Degree courses came later."]),
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


@given(st.lists(st.sampled_from(["Ma", "’s", "“", "”", "\u00a0", "—", "é", "İ", "x_1", " ", "-",
                                 "€", "…", "Ǆ", "ǅ", "2021", "·"]), max_size=12).map("".join))  # fmt: skip
@settings(max_examples=300, deadline=None)
def test_tokens_of_a_sentence_with_curly_quotes_and_dashes(sentence):
    expected = frozenset(WORD.findall(sentence)) | frozenset(WORD.findall(sentence.lower()))
    assert tokens(sentence) == expected


def _sentences_one_character_at_a_time(text):
    """The splitter as it was written first (each sentence stripped one character at a
    time, every paragraph keyed): the reference for the faster one."""
    import re  # noqa: PLC0415

    from data.text import _BOUNDARY, Span, _is_abbreviation  # noqa: PLC0415

    out, seen = [], set()

    def append(start, end, paragraph, repeat):
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            out.append(Span(start, end, text[start:end], paragraph, repeat))

    paragraphs = []
    for match in re.finditer(r"[^\n]+", text):
        chunk = match.group()
        left, right = len(chunk) - len(chunk.lstrip()), len(chunk.rstrip())
        if right > left:
            paragraphs.append((match.start() + left, match.start() + right))
    for number, (p_start, p_end) in enumerate(paragraphs):
        paragraph = text[p_start:p_end]
        key = " ".join(paragraph.split())
        repeat = len(key) > 40 and key in seen
        seen.add(key)
        cut = 0
        for match in _BOUNDARY.finditer(paragraph):
            dot = match.start()
            if paragraph[dot] == "." and match.end() - dot == 1 and _is_abbreviation(paragraph, dot):
                continue
            append(p_start + cut, p_start + match.end(), number, repeat)
            cut = match.end()
        append(p_start + cut, p_end, number, repeat)
    return out


_PIECES = ["The firm", "fined", " ", "  ", "\n", "\n\n", "\t", "\u00a0", "\u2003", "Oct.", "Mr.",
           "U.S.", ". ", "! ", "? ", ".” ", "It ended.", "A", "24", "“Yes.”", "x" * 41,
           "Alibaba was fined in April 2021 by the market regulator."]  # fmt: skip


@given(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join))
@settings(max_examples=400, deadline=None)
def test_sentences_are_those_of_the_first_splitter(text):
    assert sentences(text) == _sentences_one_character_at_a_time(text)
