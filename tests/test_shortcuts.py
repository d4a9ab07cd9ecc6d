"""The extractor's per-sentence shortcuts give exactly what the full tests give.

Each shortcut skips or cuts short a costly test when a cheap one settles it (no
quotation mark: nothing to remove; prose: no bare date line). Each is checked
against the full test it stands for, on generated text made of the words and
separators that test looks at, so a shortcut that decides wrongly shows up.
(The date rules' required-text gate is checked in tests/test_date_rules.py.)
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from data import extract, furniture
from data.dates.vocabulary import MONTH_NAMES, WEEKDAY_NAMES


def _text(fragments, max_size=14):
    return st.lists(st.sampled_from(sorted(fragments)), max_size=max_size).map("".join)


_DATE_LINE_FRAGMENTS = {
    *MONTH_NAMES, *(m[:3] for m in MONTH_NAMES), *WEEKDAY_NAMES, "Sept", "May",
    "2021", "24", "5", "10:30", "9.45", "am", "PM", "a.m.", "GMT", "HKT+8", "UTC", "(Reuters)",
    "(AFP)", "2 days ago", "3 hours", " ago", "Published", "Updated", "st", "th", "2021-07-05",
    "5/7/2021", " ", "\u00a0", ", ", ".", "|", "/", "·", "•", "(", ")", "-", "–", "—", ":", "+",
    "The", "regulators", "fined", "Alibaba", "on", "By", "x", "\n",
}  # fmt: skip


def _bare_date_line_in_full(sentence: str) -> bool:
    """The definition: remove every date-line part; nothing but blanks is left."""
    return bool(furniture._DIGIT.search(sentence)) and not furniture._DATE_LINE_PART.sub(
        "", sentence
    ).strip()


@settings(max_examples=400, deadline=None)
@given(_text(_DATE_LINE_FRAGMENTS))
def test_a_bare_date_line_is_read_part_by_part_as_the_full_removal_reads_it(sentence):
    assert furniture._bare_date_line(sentence) == _bare_date_line_in_full(sentence)


def test_bare_date_lines_and_prose_are_told_apart():
    assert furniture._bare_date_line("Monday, July 5, 2021 | 10:30 AM (Reuters)")
    assert furniture._bare_date_line("2 days ago")
    assert not furniture._bare_date_line("July 5, 2021 regulators fined Alibaba")
    assert not furniture._bare_date_line("July 5, 2021 x")


_VOICE_FRAGMENTS = {
    "I", "I’m", "I've", "me", "my", "myself", "Me", "m", "e", "y", "mine", "Im",
    "“", "”", '"', "'", "’", " ", "\u00a0", ", ", ". ", "said", "we", "regulators", "In 2015",
}  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(_text(_VOICE_FRAGMENTS))
def test_the_authors_voice_is_found_outside_quotations_with_or_without_the_shortcut(sentence):
    in_full = bool(extract._FIRST_PERSON.search(extract._QUOTED.sub("", sentence)))
    assert extract._authorial(sentence) == in_full
