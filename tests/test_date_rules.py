"""Every date rule's own examples, run from the registry (data/dates/rules/).

An example is (text, publication date, first day, last day[, precision]); the
text's last date expression must be found by that rule and resolve to exactly
that interval.
"""

from datetime import date

import pytest

from data.dates import RULES, Anchor, find_expressions, resolve_mentions, triggers
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
    assert found[-1].rule.name == rule.name, f"{text!r} read by {found[-1].rule.name}"
    mentions = resolve_mentions(text, found, lambda _offset: anchor)
    got = mentions[-1]
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
