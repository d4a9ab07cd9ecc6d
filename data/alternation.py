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
every text in turn. A required text made only of ASCII word characters lies
inside one word of the sentence (a run of such characters), and begins it
where ``\b`` comes right before it in the pattern (:class:`WordStart`); so
each word of the sentence (:func:`words_of`, worked out once per sentence) is
looked up in a table of what it holds, worked out the first time the word is
seen (:class:`_WordMasks`). Testing a text that cannot be there costs time,
never a match; a text is never skipped where it can be.
"""

from __future__ import annotations

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
_WORDLIKE = re.compile(r"[a-z0-9_]+")
#: From this many texts of word characters on, an alternation looks for them in the words
#: of a text (:class:`_WordMasks`; fewer: it tests each in the whole text, which costs less).
_MANY = 32
#: Every byte but an ASCII letter, digit or underscore, as a blank (``bytes.translate``).
_NOT_WORD = bytes(c if _HEAD.fullmatch(chr(c) * 2) else 32 for c in range(256))

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
        elif op is _sre.ASSERT and av[0] == 1:  # a lookahead: what it holds is there too
            found.append(_required(av[1], boundary) or ())
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
    the pattern itself begins so, or no part does); failing that, the first tail that
    begins so once the zero-width assertions it begins with are left out
    (:func:`_unasserted`).

    ``re`` searches a pattern that begins with a known character or set of characters
    by jumping from one such character to the next; one that begins with an optional
    or case-insensitive part, a lookbehind or ``\\b`` is tried at every position. Every
    match of the pattern contains a match of each tail of its sequence (over the same
    text and bounds), so where the tail is not found the pattern is not either; nor
    where a tail without some of its assertions is not found.

    >>> tail_gate(re.compile(r"(?:\\b(?i:from)\\s+)?\\b(?P<y>20[0-9]{2})\\s*-\\s*[0-9]{2}")).search("in 2019")
    >>> tail_gate(re.compile(r"\\d+")) is None
    True
    >>> gate = tail_gate(re.compile(r"\\b(?i:its|the)\\s+(?P<m>(?!May\\b)(?:March|May))(?=\\s+[a-z])"))
    >>> gate.search("the march rules") is None, gate.search("its March rules").group()
    (True, 'March')
    """
    if _REFERS_BACK.search(pattern.pattern):
        return None
    parsed = _parse.parse(pattern.pattern, pattern.flags)
    for k in range(len(parsed.data)):
        tail = _parse.SubPattern(parsed.state, parsed.data[k:])
        if _begins_known(tail, pattern.flags):
            return None if k == 0 else _sre_compile.compile(tail, pattern.flags)
    for k in range(len(parsed.data)):
        tail = _parse.SubPattern(parsed.state, _unasserted(parsed.data[k:]))
        if _begins_known(tail, pattern.flags):
            return _sre_compile.compile(tail, pattern.flags)
    return None


def _begins_known(parsed: _parse.SubPattern, flags: int) -> bool:
    """Does ``re`` know the first character (or set of them) of every match?"""
    return bool(
        _sre_compile._get_literal_prefix(parsed, flags)[0]
        or _sre_compile._get_charset_prefix(parsed, flags)
    )


#: The zero-width assertions: ``\\b`` and the like, lookaheads and lookbehinds.
_ASSERTIONS = (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT)


def _unasserted(items: list) -> list:
    """A parsed sequence without the zero-width assertions it begins with, nor those that
    a group it begins with, or each alternative of an alternation it begins with, begins
    with (not inside an atomic group or a repeat). Whatever the sequence matches, this
    matches too: leaving an assertion out of a backtracking match lets through more."""
    items = list(items)
    while items and items[0][0] in _ASSERTIONS:
        del items[0]
    if items:
        op, av = items[0]
        if op is _sre.SUBPATTERN:
            group, add_flags, del_flags, sub = av
            inner = _parse.SubPattern(sub.state, _unasserted(sub.data))
            items[0] = (op, (group, add_flags, del_flags, inner))
        elif op is _sre.BRANCH:
            branches = [_parse.SubPattern(b.state, _unasserted(b.data)) for b in av[1]]
            items[0] = (op, (av[0], branches))
    return items


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


#: The text an alternation read last, its lower-case form (None: it has a character that
#: folds to an ASCII letter) and its words (:func:`words_of`; None: not worked out yet):
#: the extractor searches one sentence with many alternations in turn (a tuple, replaced
#: whole: safe between threads).
_last: tuple[str, str | None, frozenset[str] | None] = ("", "", None)
#: :data:`FOLDS_TO_ASCII`, looked for one by one: four scans of a text for one character
#: cost a fifth of testing each of its characters against the set.
_FOLDING = tuple(sorted(FOLDS_TO_ASCII))


def lower_unless_folded(text: str) -> str | None:
    """``text`` in lower case, or None where it has a character of :data:`FOLDS_TO_ASCII`."""
    if not text.isascii():
        for c in _FOLDING:
            if c in text:
                return None
    return text.lower()


def words_of(low: str) -> frozenset[str]:
    """The words of a lower-cased text: its runs of ASCII letters, digits and underscores,
    every other character a break. A text made only of such characters that occurs in
    ``low`` lies inside one of these words, and begins it where it begins a word as ``\\b``
    sees it: lower-casing keeps every character's place and whether it is a word character
    (all code points but those of :data:`FOLDS_TO_ASCII`, whose text is searched with the
    full pattern; tests/test_alternation.py checks them all), and a non-ASCII letter taken
    for a break only adds a word.

    >>> sorted(words_of("the e-commerce giant’s fine_2"))
    ['commerce', 'e', 'fine_2', 'giant', 's', 'the']
    """
    blank = low.encode("ascii", "replace").translate(_NOT_WORD)  # "?": not a word character
    return frozenset(blank.decode("ascii").split())


#: A word-mask table (:class:`_WordMasks`) forgets every word past this many: a bound on
#: its memory (about 2.5 MB), however many different words the articles hold; the
#: frequent words are back after a few sentences.
_MAX_WORDS = 20_000


class _WordMasks(dict):
    """word -> bit mask of the alternatives one of whose required texts the word holds
    (begins with, for a :class:`WordStart`), worked out the first time the word is seen:
    the words of a language repeat, so the texts are tested once per word, not per
    sentence."""

    __slots__ = ("inside", "starts")

    def __init__(self, inside: tuple[tuple[str, int], ...], starts: tuple[tuple[str, int], ...]):
        super().__init__()
        self.inside, self.starts = inside, starts

    def __missing__(self, word: str) -> int:
        mask = 0
        for text, ids in self.inside:
            if text in word:
                mask |= ids
        for text, ids in self.starts:
            if word.startswith(text):
                mask |= ids
        if len(self) >= _MAX_WORDS:
            self.clear()
        self[word] = mask
        return mask


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
        anywhere: dict[str, int] = {}  # texts looked for in the whole lower-cased text
        inside: dict[str, int] = {}  # texts of word characters: looked for in its words
        starts: dict[str, int] = {}  # the same that begin a word: at the start of its words
        for i, need in enumerate(self._needs):
            for t in need or ():
                table = anywhere if not _WORDLIKE.fullmatch(t) else starts if isinstance(t, WordStart) else inside
                table[t] = table.get(t, 0) | 1 << i
        if len(inside) + len(starts) < _MANY:  # a plain loop is cheaper
            for table in (inside, starts):
                for t, ids in table.items():
                    anywhere[t] = anywhere.get(t, 0) | ids
            self._by_word: _WordMasks | None = None
        else:
            self._by_word = _WordMasks(tuple(inside.items()), tuple(starts.items()))
        self._anywhere = tuple(anywhere.items())
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
        kept = self.candidates(text)
        return self._compile(kept) if kept else None

    def candidates(self, text: str) -> int:
        """Bit mask of the alternatives (bit i: alternative i) that may match in ``text``:
        those whose required text it has (all of them where it has a character that folds
        to an ASCII letter)."""
        global _last
        last = _last
        if last[0] is text:
            low = last[1]
        else:
            low = lower_unless_folded(text)
            last = _last = (text, low, None)
        if low is None:
            return (1 << len(self.alternatives)) - 1
        kept = self._always
        for need, ids in self._anywhere:  # plain loops over bit masks: this runs per sentence
            if need in low:
                kept |= ids
        masks = self._by_word
        if masks is not None:  # the texts of word characters: by the text's words
            words = last[2]
            if words is None:
                words = words_of(low)
                _last = (text, low, words)
            for word in words:
                kept |= masks[word]
        return kept

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        pattern = self.for_text(text)
        return None if pattern is None else pattern.search(text, pos, endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        pattern = self.for_text(text)
        return iter(()) if pattern is None else pattern.finditer(text, pos, endpos)
