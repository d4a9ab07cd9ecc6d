"""Every date rule's own examples, run from the registry (data/dates/rules/).

An example is (text, publication date, first day, last day[, precision]); the
text's last date expression must be found by that rule and resolve to exactly
that interval.
"""

import re
from datetime import date

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from data.alternation import FOLDS_TO_ASCII, lower_unless_folded
from data.dates import RULES, Anchor, find_expressions, matching, resolve_mentions, triggers
from data.dates.vocabulary import one_of
from data.records import Precision
from data.text import tokens

EXAMPLES = [pytest.param(rule, example, id=f"{rule.name}-{i}")
            for rule in RULES for i, example in enumerate(rule.examples)]  # fmt: skip


@pytest.mark.parametrize(("rule", "example"), EXAMPLES)
def test_rule_example_resolves_to_its_interval(rule, example):
    text, published, first, last, *precision = example
    anchor = Anchor(date.fromisoformat(published))
    found = find_expressions(text, kinds=triggers(text, tokens(text)))
    assert found, f"no date in {text!r}"
    # the text's last expression is the rule's; one that counts from the date after it
    # ("Two days after its listing on June 30") is the one before that date
    mine = found[-2] if rule.ahead and len(found) > 1 else found[-1]
    assert mine.rule.name == rule.name, f"{text!r} read by {mine.rule.name}"
    mentions = resolve_mentions(text, found, lambda _offset: anchor)
    got = next(m for m in mentions if m.start == mine.start)
    assert (got.date_start.isoformat(), got.date_end.isoformat()) == (first, last)
    if precision:
        assert got.precision == Precision(precision[0])


def test_rule_names_are_unique_and_every_rule_has_an_example():
    names = [r.name for r in RULES]
    assert len(names) == len(set(names))
    assert [r.name for r in RULES if not r.examples] == []


def test_rules_are_tried_in_priority_order_and_priorities_are_distinct():
    priorities = [r.priority for r in RULES]
    assert priorities == sorted(priorities, reverse=True)
    assert len(set(priorities)) == len(priorities)


# A rule whose required text a sentence lacks is not run (data/dates/matching.py). Text
# made of the rules' own examples, words and required texts, in several cases, with
# characters that fold to ASCII letters: wherever a rule matches, its gate lets it run.
_PLAN = {rule.name: (rule, need) for rule, _cue, need, _gate in matching._PLAN}
_FRAGMENTS = sorted({
    *(example[0] for rule in RULES for example in rule.examples),
    *(word for rule in RULES for example in rule.examples for word in example[0].split()),
    *(t for _rule, need in _PLAN.values() for t in need or ()),
    *(t.title() for _rule, need in _PLAN.values() for t in need or ()),
    *(t.upper() for _rule, need in _PLAN.values() for t in need or ()),
    *FOLDS_TO_ASCII, " ", ", ", ". ", "-", "’s ", "(", ")", "24", "2021", "1980s", "the ",
})  # fmt: skip


def _gate_passes(need, text: str) -> bool:
    low = lower_unless_folded(text)  # as find_expressions tests a rule's required text
    return need is None or low is None or any(t in low for t in need)


@pytest.mark.parametrize("name", sorted(_PLAN))
def test_a_rule_skipped_for_lacking_its_required_text_could_not_have_matched(name):
    rule, need = _PLAN[name]
    for text, *_ in rule.examples:
        assert _gate_passes(need, text), text

    @settings(max_examples=50, deadline=None)
    @given(st.lists(st.sampled_from(_FRAGMENTS), max_size=12).map(" ".join))
    def check(text):
        if rule.pattern.search(text):
            assert _gate_passes(need, text), text

    check()


# A rule whose pattern begins with a part ``re`` tries at every position (an optional cue,
# a lookbehind, \b) is searched first by a tail of its pattern that ``re`` finds quickly
# (data.alternation.tail_gate); where the tail is not found, the rule is not run.
_GATES = {rule.name: (rule, gate) for rule, _cue, _need, gate in matching._PLAN if gate}


def test_the_rules_that_open_with_a_slow_part_have_a_gate():
    assert {"year", "decade", "year_range", "day_range", "day_month", "month"} <= set(_GATES)
    # their month opens with a lookahead ("(?!May\\b)"), left out of the gate
    assert {"month_adjective", "that_month"} <= set(_GATES)


@pytest.mark.parametrize("name", sorted(_GATES))
def test_a_rule_whose_gate_is_not_found_could_not_have_matched(name):
    rule, gate = _GATES[name]
    for text, *_ in rule.examples:
        assert gate.search(text), text

    @settings(max_examples=60, deadline=None)
    @given(st.lists(st.sampled_from(_FRAGMENTS), max_size=12), st.integers(0, 30), st.integers(0, 30))
    def check(parts, cut_start, cut_end):
        for text in (" ".join(parts), "".join(parts)):
            start, end = min(cut_start, len(text)), max(0, len(text) - cut_end)
            if rule.pattern.search(text, start, end):
                assert gate.search(text, start, end), (text, start, end)

    check()


def test_the_gate_leaves_the_matches_of_every_rule_example_unchanged():
    for rule in RULES:
        for text, *_ in rule.examples:
            kinds = triggers(text, tokens(text))
            gated = [(f.rule.name, f.start, f.end) for f in find_expressions(text, kinds=kinds)]
            matching._plan_for.cache_clear()
            saved = matching._PLAN
            matching._PLAN = tuple((r, cue, None, None) for r, cue, _need, _gate in saved)
            try:
                full = [(f.rule.name, f.start, f.end) for f in find_expressions(text, kinds=kinds)]
            finally:
                matching._PLAN = saved
                matching._plan_for.cache_clear()
            assert gated == full, text


# one_of writes its alternation as a trie; it must match exactly what the flat list,
# longest word first, matches: the same spans and groups, also where what follows fails
# and the matcher backs off to a shorter word.
def _flat_one_of(words, *, ignore_case=True, space=r"\ ", suffix=""):
    unique = sorted(set(words), key=lambda w: (-len(w), w))
    parts = [re.escape(w).replace(r"\ ", space).replace("'", "[’']") + suffix for w in unique]
    return ("(?i:" if ignore_case else "(?:") + "|".join(parts) + ")"


# (a word of the vocabulary never begins or ends with white space: "  a" against " ", which
# one_of's trie and the flat list read differently under \s+, is no input it gets)
_WORD = st.text(alphabet="ab '.", min_size=1, max_size=4).filter(lambda w: w == w.strip())


@settings(max_examples=200, deadline=None)
@example(["a", "ab"], "ab.", True, r"\ ", "")
@example(["Jan", "January"], "January Jan. Janu", False, r"\ ", r"\.?")
@given(
    st.lists(_WORD | _WORD.map(str.title), min_size=1, max_size=6),
    st.text(alphabet="abAB '.’\t", max_size=30),
    st.booleans(),
    st.sampled_from([r"\ ", r"\s+"]),
    st.sampled_from(["", r"\.?"]),
)
def test_one_of_as_a_trie_matches_what_the_flat_alternation_matches(words, text, case, space, suffix):
    def read(alternation):
        pattern = re.compile(rf"(?P<w>{alternation})(?P<after>b|a\b|\.|$)")
        return [(m.span(), m.groupdict()) for m in pattern.finditer(text)]

    options = dict(ignore_case=case, space=space, suffix=suffix)
    assert read(one_of(words, **options)) == read(_flat_one_of(words, **options))
