"""Finding date expressions: which rules run on a sentence, and which matches are kept.

Tie policy
----------
Every rule that may apply (its trigger words are in the sentence) is run over
the text, and money spans are left out. Of overlapping matches the one that
starts first wins; at the same start the **longest** wins; at the same start and
length the rule of higher ``priority`` wins (:data:`data.dates.rules.RULES` is
sorted by it). So "Oct. 24, 2020" is one ``full`` date, not ``month_day``
"Oct. 24" and a year, and "the end of 2020" is ``part_year`` rather than
``year``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from data.alternation import lower_unless_folded, required_text, tail_gate
from data.dates.rule import Rule
from data.dates.rules import RULES
from data.dates.vocabulary import CUES_NOT_IN_TEXT, TRIGGER_KINDS
from data.text import has_ascii_digit, overlaps

#: word -> the kinds of date word it is (a cheap per-sentence prefilter)
TRIGGER_WORDS: dict[str, frozenset[str]] = {}
for _kind, _words in TRIGGER_KINDS.items():
    for _word in _words:
        TRIGGER_WORDS[_word] = TRIGGER_WORDS.get(_word, frozenset()) | {_kind}
_DIGIT = re.compile(r"[0-9]")
_YEARISH = re.compile(r"(?:1[89]|20)[0-9][0-9]|[0-9]0s\b")  # a year or a decade
_NAME_AFTER = re.compile(r"\s+[A-Z][a-z]+")

#: Each rule with what a sentence needs for it to match: whether its pattern has a cue
#: group, lower-case texts one of which every match contains (None: none known), and a
#: fast pattern every match contains a match of (None: none better than the rule's own).
_PLAN = tuple(
    (rule, "cue" in rule.pattern.groupindex,
     required_text(rule.pattern.pattern, rule.pattern.flags), tail_gate(rule.pattern))
    for rule in RULES
)  # fmt: skip


@lru_cache(maxsize=256)
def _plan_for(kinds: frozenset[str] | None) -> tuple:
    """The rules (in ``_PLAN``'s form) that may apply to a sentence with these trigger kinds."""
    return tuple(
        p for p in _PLAN if kinds is None or any(need <= kinds for need in p[0].alternatives)
    )


def triggers(sentence: str, words: frozenset[str]) -> frozenset[str]:
    """The kinds of date word in a sentence (empty: it has no date).

    >>> sorted(triggers("In a speech on Oct. 24", frozenset({"oct", "speech"})))
    ['digit', 'month']
    >>> sorted(triggers("since the 1980s", frozenset({"since", "the", "1980s"})))
    ['digit', 'year']
    """
    digit = has_ascii_digit(sentence)  # _DIGIT.search, the answer shared with others
    year = digit and _YEARISH.search(sentence) is not None
    return _kinds(_TRIGGER_SET.intersection(words), digit, year)


_TRIGGER_SET = frozenset(TRIGGER_WORDS)


@lru_cache(maxsize=1024)
def _kinds(found: frozenset[str], digit: bool, year: bool) -> frozenset[str]:
    """The kinds of these trigger words, with "digit" and "year" where the sentence has
    them: worked out once per combination (sentences hold few date words, so few
    combinations occur), and the same set each time, whose hash :func:`_plan_for`'s
    cache then has at hand."""
    kinds: set[str] = set()
    for w in found:
        kinds |= TRIGGER_WORDS[w]
    if digit:
        kinds.add("digit")
        if year:
            kinds.add("year")
    return frozenset(kinds)


@dataclass(frozen=True, slots=True)
class Found:
    """One match of one rule; ``start`` may skip a cue word that is not part of the date."""

    rule: Rule
    match: re.Match[str]
    start: int
    end: int

    @property
    def kind(self) -> str:
        return self.rule.name


def find_expressions(
    text: str,
    start: int = 0,
    end: int | None = None,
    exclude: Iterable[tuple[int, int]] = (),
    kinds: frozenset[str] | None = None,
) -> list[Found]:
    """All date expressions in ``text[start:end]``, by the tie policy above.

    ``kinds`` (from :func:`triggers`) limits the rules tried.
    """
    end = len(text) if end is None else end
    exclude = list(exclude)
    found: list[Found] = []
    # a rule whose required text the sentence lacks cannot match: it is not run (the
    # test is on the lower-cased text, unless a character there folds to an ASCII letter);
    # nor is one whose gate (a tail of its pattern, quickly searched) is not found
    piece = text[start:end]
    low = lower_unless_folded(piece)
    for rule, has_cue, need, gate in _plan_for(kinds):
        if need is not None and low is not None:
            for t in need:  # a loop here, not a call: this runs for every rule of every sentence
                if t in low:
                    break
            else:
                continue
        if gate is not None and gate.search(text, start, end) is None:
            continue  # the rule's pattern begins with a part tried at every position
        matches = ((m,) if (m := rule.pattern.match(text, start, end)) else ()) if rule.opening \
            else rule.pattern.finditer(text, start, end)
        for m in matches:
            begin = m.start()
            if has_cue and m.group("cue").lower() in CUES_NOT_IN_TEXT:
                begin = m.end("cue") + 1  # "July and August": "and" is not part of it
                if rule.name_guard and _NAME_AFTER.match(text, m.end()):
                    continue  # "compared it to March Madness": a name, not a month
            if m.end() > begin and not overlaps(begin, m.end(), exclude):
                found.append(Found(rule, m, begin, m.end()))
    found.sort(key=lambda f: (f.start, -(f.end - f.start), -f.rule.priority))
    kept: list[Found] = []
    for f in found:
        if kept and f.start < kept[-1].end:
            continue
        kept.append(f)
    return kept
