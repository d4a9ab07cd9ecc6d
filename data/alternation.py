"""Large alternations of cue patterns, searched only for the alternatives that can match.

Python's ``re`` tries every alternative of ``a|b|c|…`` at every position of the
text, so a list of a hundred cues costs a hundred attempts per character. Most
alternatives need some literal text ("fined", "listed in", "IPO"): where that
text is absent from a sentence the alternative cannot match, and leaving it
out changes nothing. :class:`Alternation` reads each alternative's required
text from its parsed form, and compiles (and caches) the alternation of only
the alternatives whose required text the sentence has. Its ``search``,
and ``finditer`` give exactly what the full pattern gives:
leaving out an alternative that fails at every position changes no match. (A named
group of a left-out alternative is not in the match's ``groupdict()``, where the
full pattern has it as None: read the groups with ``.get``.)

The required-text test is a case-insensitive substring test on the
lower-cased sentence, which is exactly what ``re.IGNORECASE`` compares for
ASCII letters. A handful of non-ASCII characters match ASCII letters under
``re.IGNORECASE`` (the long s, the Kelvin sign, the dotted and dotless I); a
sentence with one of them is searched with the full pattern.

A large alternation (the relevance cues: over a hundred texts) does not test
every text in turn. A text that ``\b`` comes right before in the pattern
begins a word in every match (:class:`WordStart`), so in an ASCII sentence it
is tested only when some word of the sentence begins with its first two
characters (:func:`word_heads`, worked out once per sentence). Testing a text
that cannot be there costs time, never a match; a text is never skipped where
it begins a word.
"""

from __future__ import annotations

import operator
import re
import sys
from collections.abc import Iterator
from functools import lru_cache

try:  # Python 3.11+
    from re import _compiler as _sre_compile
    from re import _constants as _sre
    from re import _parser as _parse
except ImportError:  # pragma: no cover - older Pythons
    import sre_compile as _sre_compile  # type: ignore[no-redef]
    import sre_constants as _sre  # type: ignore[no-redef]
    import sre_parse as _parse  # type: ignore[no-redef]

#: Non-ASCII characters that ``re.IGNORECASE`` matches to an ASCII letter, or whose
#: lower case holds one (tests/test_alternation.py checks every code point).
FOLDS_TO_ASCII = frozenset("\u0130\u0131\u017f\u212a")
#: A required text shorter than this is not worth testing.
_MIN_NEED = 2
#: The first two characters of each word (of an ASCII text): a text that begins a word
#: begins with one of them.
_HEAD = re.compile(r"[a-z0-9_]{2}")
#: From this many texts that begin a word on, an alternation looks for each only where a
#: word has its first two characters (fewer: it tests them all, which costs less).
_MANY = 32
_FIRST_TWO = operator.itemgetter(slice(0, 2))
_NOT_WORD = str.maketrans({c: " " for c in map(chr, range(128)) if not _HEAD.fullmatch(c * 2)})

Need = tuple[str, ...] | None  # one of these lower-case texts must occur; None: always tried


def _best(needs: list[tuple[str, ...]]) -> Need:
    """The most selective of several requirements that must all hold: the one whose
    shortest text is longest."""
    needs = [n for n in needs if n and min(map(len, n)) >= _MIN_NEED]
    return max(needs, key=lambda n: min(map(len, n))) if needs else None


class WordStart(str):
    """A required text that begins a word in every match (the pattern has ``\\b``
    right before it) and itself begins with two word characters."""

    __slots__ = ()


def _required(items, word_start: bool = False) -> Need:
    """Texts one of which every match of the parsed sequence ``items`` contains;
    ``word_start``: the sequence begins where ``\\b`` held (its first text begins a word)."""
    found: list[tuple[str, ...]] = []
    run: list[str] = []
    run_at_start = boundary = word_start  # does the run begin a word; did \b just hold
    for op, av in [*items, (None, None)]:
        if op is _sre.LITERAL and av < 128:
            if not run:
                run_at_start = boundary
            run.append(chr(av).lower())
            boundary = False
            continue
        if run:
            text = "".join(run)
            found.append((WordStart(text) if run_at_start and _HEAD.fullmatch(text[:2]) else text,))
            run = []
        if op is _sre.AT and av is _sre.AT_BOUNDARY:
            boundary = True
            continue
        if op is _sre.SUBPATTERN:
            found.append(_required(av[-1], boundary) or ())
        elif op is _sre.BRANCH:
            branches = [_required(b, boundary) for b in av[1]]
            if all(branches):
                found.append(tuple(t for b in branches for t in b))
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT) and av[0] >= 1:
            found.append(_required(av[2], boundary) or ())  # its first time begins here
        boundary = False
    return _best(found)


def required_text(pattern: str, flags: int = 0) -> Need:
    """Lower-case texts one of which every match of ``pattern`` contains (None: no such
    text is known).

    >>> required_text(r"\\bwent\\s+public\\b")
    ('public',)
    >>> required_text(r"\\d\\s+(?:million|billion)\\s+users")
    ('million', 'billion')
    >>> required_text(r"\\bIPO\\b|\\bdebut\\b")
    ('ipo', 'debut')
    >>> required_text(r"\\d+") is None
    True
    """
    return _required(_parse.parse(pattern, flags))


#: A back reference or a conditional group: a tail of such a pattern may not stand alone.
_REFERS_BACK = re.compile(r"\\[1-9]|\(\?P=|\(\?\(")


def tail_gate(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """A fast pattern that ``pattern`` cannot match without: the tail of its top-level
    sequence from the first part ``re`` can look for by its first character (None:
    the pattern itself begins so, or no part does).

    ``re`` searches a pattern that begins with a known character or set of characters
    by jumping from one such character to the next; one that begins with an optional
    or case-insensitive part, a lookbehind or ``\\b`` is tried at every position. Every
    match of the pattern contains a match of each tail of its sequence (over the same
    text and bounds), so where the tail is not found the pattern is not either.

    >>> tail_gate(re.compile(r"(?:\\b(?i:from)\\s+)?\\b(?P<y>20[0-9]{2})\\s*-\\s*[0-9]{2}")).search("in 2019")
    >>> tail_gate(re.compile(r"\\d+")) is None
    True
    """
    if _REFERS_BACK.search(pattern.pattern):
        return None
    parsed = _parse.parse(pattern.pattern, pattern.flags)
    for k in range(len(parsed.data)):
        tail = _parse.SubPattern(parsed.state, parsed.data[k:])
        if _sre_compile._get_literal_prefix(tail, pattern.flags)[0] or (
            _sre_compile._get_charset_prefix(tail, pattern.flags)
        ):
            return None if k == 0 else _sre_compile.compile(tail, pattern.flags)
    return None


def split_alternatives(pattern: str) -> tuple[str, ...]:
    """The top-level alternatives of a pattern (``|`` outside groups and classes).

    >>> split_alternatives(r"\\bfin(?:e|es)\\b|[|]x|a\\|b")
    ('\\\\bfin(?:e|es)\\\\b', '[|]x', 'a\\\\|b')
    """
    parts, depth, start, i, n = [], 0, 0, 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":  # a class: "]" right after "[" or "[^" is a member
            i += 1
            if i < n and pattern[i] == "^":
                i += 1
            if i < n and pattern[i] == "]":
                i += 1
            while i < n and pattern[i] != "]":
                i += 2 if pattern[i] == "\\" else 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    return tuple(parts)


#: The text an alternation read last and its lower-case form (None: it has a character
#: that folds to an ASCII letter): the extractor searches one sentence with many
#: alternations in turn (a tuple, replaced whole: safe between threads).
_last: tuple[str, str | None] = ("", "")


@lru_cache(maxsize=16)
def word_heads(low: str) -> frozenset[str]:
    """The first two characters of every word (all of a shorter one) of a lower-case
    ASCII text; a word is a run of letters, digits and underscores, as ``\\b`` sees it.
    Cached: one sentence is searched with several alternations."""
    return frozenset(map(_FIRST_TWO, low.translate(_NOT_WORD).split()))


class Alternation:
    """``re.compile("|".join(alternatives), flags)``, tried per sentence only with the
    alternatives whose required text the sentence has."""

    def __init__(self, *alternatives: str, flags: int = 0):
        self.alternatives = alternatives
        self.flags = flags
        self.pattern = re.compile("|".join(alternatives), flags)  # the reference
        self._needs = tuple(required_text(a, flags) for a in alternatives)
        # which alternatives to try, as a bit mask (bit i: alternative i)
        self._always = sum(1 << i for i, need in enumerate(self._needs) if need is None)
        anywhere: dict[str, int] = {}
        by_head: dict[str, dict[str, int]] = {}  # texts that begin a word, by their head
        for i, need in enumerate(self._needs):
            for t in need or ():
                table = by_head.setdefault(t[:2], {}) if isinstance(t, WordStart) else anywhere
                table[t] = table.get(t, 0) | 1 << i
        if sum(map(len, by_head.values())) < _MANY:  # a plain loop is cheaper
            for texts in by_head.values():
                for t, ids in texts.items():
                    anywhere[t] = anywhere.get(t, 0) | ids
            by_head = {}
        self._anywhere = tuple(anywhere.items())
        self._by_head = {head: tuple(texts.items()) for head, texts in by_head.items()}
        self._heads = frozenset(self._by_head)
        self._by_text = self._anywhere + tuple(t for texts in self._by_head.values() for t in texts)
        self._compile = lru_cache(maxsize=2048)(self._compile_subset)

    @classmethod
    def of(cls, pattern: str, flags: int = 0) -> Alternation:
        """The alternation of one pattern string's top-level alternatives."""
        return cls(*split_alternatives(pattern), flags=flags)

    def _compile_subset(self, kept: int) -> re.Pattern[str] | None:
        """The alternation of the alternatives whose bits are set in ``kept``, in order."""
        if not kept:
            return None
        if kept == (1 << len(self.alternatives)) - 1:
            return self.pattern
        chosen = (a for i, a in enumerate(self.alternatives) if kept >> i & 1)
        return re.compile("|".join(chosen), self.flags)

    def for_text(self, text: str) -> re.Pattern[str] | None:
        """The pattern to search ``text`` with (None: nothing in it can match)."""
        global _last
        last = _last
        if last[0] is text:
            low = last[1]
        else:
            low = text.lower() if text.isascii() or FOLDS_TO_ASCII.isdisjoint(text) else None
            _last = (text, low)
        if low is None:
            return self.pattern
        kept = self._always
        if not text.isascii():
            for need, ids in self._by_text:  # every text, wherever it is
                if need in low:
                    kept |= ids
            return self._compile(kept)
        for need, ids in self._anywhere:  # plain loops over bit masks: this runs per sentence
            if need in low:
                kept |= ids
        if self._heads:  # a text that begins a word is looked for only under its word's head
            for head in self._heads.intersection(word_heads(low)):
                for need, ids in self._by_head[head]:
                    if need in low:
                        kept |= ids
        return self._compile(kept)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        pattern = self.for_text(text)
        return None if pattern is None else pattern.search(text, pos, endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        pattern = self.for_text(text)
        return iter(()) if pattern is None else pattern.finditer(text, pos, endpos)
