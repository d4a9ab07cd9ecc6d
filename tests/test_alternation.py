"""An Alternation finds exactly what its full pattern finds, only faster.

Every alternation the extractor declares is checked on generated text made of
its own required words, case variants, the characters that fold to ASCII
letters, and noise, so a wrong required text (one a match can do without)
shows up as a missed match.
"""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import data.extract  # noqa: F401 - declares every alternation of the extractor
from data.alternation import (
    FOLDS_TO_ASCII,
    Alternation,
    WordStart,
    lower_unless_folded,
    required_text,
    split_alternatives,
    tail_gate,
)


def _matches(pattern, text):
    """Spans, texts and the named groups that took part (a group of an alternative left
    out of the search is absent where the full pattern has it as None)."""
    return [
        (m.span(), m.group(), {k: v for k, v in m.groupdict().items() if v is not None})
        for m in pattern.finditer(text)
    ]


def test_the_characters_that_fold_to_ascii_letters_are_all_known():
    letter = re.compile("[a-z]", re.IGNORECASE)
    cased = (c for c in map(chr, range(128, sys.maxunicode + 1)) if c.lower() != c or c.upper() != c)
    found = {c for c in cased if letter.fullmatch(c) or letter.search(c.lower())}
    assert found <= FOLDS_TO_ASCII


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from([*"aZ é’—_1", *FOLDS_TO_ASCII]), max_size=12))
def test_a_text_is_lowered_unless_it_has_a_character_that_folds_to_an_ascii_letter(text):
    folds = not FOLDS_TO_ASCII.isdisjoint(text)
    assert lower_unless_folded(text) == (None if folds else text.lower())


@pytest.mark.parametrize(
    ("pattern", "need"),
    [
        (r"\bfin(?:e|es|ed)\b", ("fine",)),  # the parser factors the common "e" out
        (r"\b(?:listing|IPO|debut)\s+(?:\w+\s+){0,3}\w+\b", ("listing", "ipo", "debut")),
        (r"(?:shares?|stocks?)\b[^.;]{0,80}\b(?:fell|plunged)", ("hare", "tock")),  # "s" factored
        (r"\bphoto\s*/\s*[A-Z]", ("photo",)),
        (r"x?y?", None),  # nothing is required
        (r"(?:ab)*cd", ("cd",)),  # a repeat that may be absent requires nothing
        (r"(?-i:[A-Z])oined", ("oined",)),
        (r"caf\u00e9s", ("caf",)),  # a non-ASCII letter ends the literal run
        # what a lookahead holds is there too; what a negative lookahead holds is not required
        (r"\w+,\s+(?=(?:platform|firm)\b)", ("platform", "firm")),
        (r"(?!platform)\w+\s+firm", ("firm",)),
    ],
)
def test_required_text_is_what_every_match_contains(pattern, need):
    assert required_text(pattern, re.IGNORECASE) == need


def test_split_alternatives_keeps_groups_classes_and_escapes_whole():
    pattern = r"a(?:b|c)|[|(]d|e\|f|[]|]g|(h|i)\)|j"
    parts = split_alternatives(pattern)
    assert parts == ("a(?:b|c)", "[|(]d", r"e\|f", "[]|]g", r"(h|i)\)", "j")
    assert "|".join(parts) == pattern


def _every_alternation():
    seen = {}
    for module in list(sys.modules.values()):
        if not (getattr(module, "__name__", "") or "").startswith("data."):
            continue
        for name, value in vars(module).items():
            if isinstance(value, Alternation):
                seen[f"{module.__name__}.{name}"] = value
            elif isinstance(value, tuple):
                for i, item in enumerate(value):
                    if isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], Alternation):
                        seen[f"{module.__name__}.{name}[{i}]"] = item[1]
    return seen


ALTERNATIONS = _every_alternation()


def test_the_extractor_declares_its_alternations():
    names = set(ALTERNATIONS)
    assert {"data.relevance.CRACKDOWN_CUES", "data.furniture._CAPTION"} <= names
    assert any(n.startswith("data.categories.CATEGORIES") for n in names)
    assert any(n.startswith("data.money.KIND_CUES") for n in names)


def _fragments(alternation: Alternation) -> list[str]:
    words = sorted({t for need in alternation._needs if need for t in need})
    return [
        *words,
        *(w.upper() for w in words[:40]),
        *(w.title() for w in words[:40]),
        *FOLDS_TO_ASCII,
        " ", " ", ", ", ". ", "’s ", "/", ":", "(", ")", "$", "4", "2021", "%",
        "the ", "market ", "value ", "shares ", "Reuters", "photo", "in ", "at ", "to ",
    ]


@pytest.mark.parametrize("name", sorted(ALTERNATIONS))
def test_an_alternation_finds_exactly_what_its_full_pattern_finds(name):
    alternation = ALTERNATIONS[name]
    text = st.lists(st.sampled_from(_fragments(alternation)), max_size=25).map("".join)

    @settings(max_examples=80, deadline=None)
    @given(text)
    def check(t):
        assert _matches(alternation, t) == _matches(alternation.pattern, t)
        found, full = alternation.search(t), alternation.pattern.search(t)
        assert (found and found.span()) == (full and full.span())

    check()


@pytest.mark.parametrize(
    ("pattern", "starts"),
    [
        (r"\bfin(?:e|es|ed)\b", {"fine": True}),
        (r"anti-?trust", {"trust": False}),  # no \b before it
        (r"\b(?:its|their)\s+(?:\w+\s+){0,3}listing", {"listing": False}),  # after \s+
        (r"\b(?:IPO|debut)\b", {"ipo": True, "debut": True}),
        (r"\b(?:ab)+cd", {"ab": True}),  # the first time of a repeat begins where \b held
        (r"\b-?fined", {"fined": False}),  # an optional sign may come first
        (r"\b_x1", {"_x1": True}),
        (r"\b\.com\b", {".com": False}),  # \b before a non-word character: not a word start
    ],
)
def test_a_required_text_after_a_word_boundary_is_known_to_begin_a_word(pattern, starts):
    need = required_text(pattern, re.IGNORECASE) or ()
    assert {t: isinstance(t, WordStart) for t in need} == starts


_WORDS = ["fine", "fined", "ban", "banned", "probe", "trust", "anti", "review", "rule", "ru",
          "ipo", "x", "_", "1", "é", ".com", "un", "re", "ı", "ſ"]  # fmt: skip
_SEPARATORS = ["", " ", "-", "(", "’", ".", "_", "0", "\u00a0", "—", "“", "ü", "\u0300"]


def _many_word_starts():
    """An alternation with enough texts of word characters to look them up by word."""
    return Alternation(
        *(rf"\bfine{i}\b" for i in range(40)), r"\bfined?\b", r"\bban(?:ned)?", r"anti-?trust",
        r"(?<![\w-])probe", r"\brevie(?:w|ws)\b", r"\bru(?:le|les)\b", r"\bIPO", r"x_?ru",
        r"\b\.com\b", r"(?:un|re)-?ban", flags=re.IGNORECASE,
    )  # fmt: skip


def test_lower_casing_keeps_every_characters_place_and_whether_it_is_a_word_character():
    word = re.compile(r"\w")
    changed = [
        c for c in map(chr, range(sys.maxunicode + 1))
        if not 0xD800 <= ord(c) <= 0xDFFF
        and (len(c.lower()) != 1 or bool(word.match(c)) != bool(word.match(c.lower())))
    ]  # fmt: skip
    assert set(changed) <= FOLDS_TO_ASCII


def test_many_texts_of_word_characters_are_looked_up_by_the_words_of_the_text():
    alternation = _many_word_starts()
    masks = alternation._by_word
    assert masks is not None  # the lookup is in use
    assert "fine7" in dict(masks.starts)  # begins a word: at the start of one
    assert "trust" in dict(masks.inside)  # no \\b before it: anywhere in one
    assert ".com" in dict(alternation._anywhere)  # not word characters: in the whole text
    assert masks["antitrust"] == masks["trust"] != 0
    assert masks["refined"] != masks["fined"]  # "fined" begins no word of "refined"


@settings(max_examples=600, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_SEPARATORS), st.sampled_from(_WORDS + ["fine7"]),
                          st.sampled_from(["", "E", "ED", "S"])), max_size=8))  # fmt: skip
def test_looking_texts_up_by_word_finds_what_the_full_pattern_finds(parts):
    alternation = _many_word_starts()
    text = "".join(sep + word + tail for sep, word, tail in parts)
    for t in (text, text.upper(), text.title()):
        assert _matches(alternation, t) == _matches(alternation.pattern, t)


def test_a_full_table_of_words_starts_afresh(monkeypatch):
    monkeypatch.setattr("data.alternation._MAX_WORDS", 3)
    alternation = _many_word_starts()
    text = "Regulators banned the IPO and fined the firm over antitrust rules on x_ru.com"
    for _ in range(2):  # the table fills up and is cleared on the way
        assert _matches(alternation, text) == _matches(alternation.pattern, text)
    assert len(alternation._by_word) <= 3


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["fined ", "Fined ", "FINED ", "ban ", "xban ", "fıned ", "ıpo ", "antitruſt ", "é", "  "]),
                min_size=1, max_size=6).map("".join), st.booleans())  # fmt: skip
def test_an_alternation_reads_each_text_afresh_after_another(text, same_object):
    """The last text's lower-case form is kept for the next alternation: only for the
    very same text, never for another one of the same length or letters."""
    first, second = ALTERNATIONS["data.relevance.CRACKDOWN_CUES"], _many_word_starts()
    other = text if same_object else "".join(reversed(text))
    first.for_text(text)
    assert _matches(second, other) == _matches(second.pattern, other)


_ASSERTING = [  # each opens with assertions that re cannot look for by a first character
    r"\b(?i:its|the)\s+(?P<m>(?!May\b)(?:March|May))(?=\s+[a-z])",
    r"(?:(?<!\d)\b(?P<a>ab|cd)|(?<=x)ef)gh",
    r"\b(?:(?<![\w-])(?:Ma|Ju)|\b(?!ab)[a-z]{2})\d",
]


@pytest.mark.parametrize("pattern", _ASSERTING)
def test_a_gate_without_the_leading_assertions_is_found_wherever_the_pattern_is(pattern):
    compiled = re.compile(pattern)
    gate = tail_gate(compiled)
    assert gate is not None

    @settings(max_examples=300, deadline=None)
    @given(st.lists(st.sampled_from(["March", "May", "its", "the", " ", "x", "ab", "cd", "ef",
                                     "gh", "Ma", "Ju", "-", "1", "z", "é"]), max_size=10).map("".join),
           st.integers(0, 6))  # fmt: skip
    def check(text, start):
        if compiled.search(text, start):
            assert gate.search(text, start)

    check()


def test_every_alternative_the_extractor_builds_has_a_text_to_look_for():
    """An alternative with no required text of two characters ("/" alone, "^" first) is
    tried on every sentence with a regex that cannot skip ahead: one such cue made the whole
    extraction 5% slower. Every alternation of the extractor must have none."""
    import gc

    always = [a.alternatives[i] for a in gc.get_objects() if isinstance(a, Alternation)
              for i in range(len(a.alternatives)) if a._always >> i & 1]
    assert not always
