"""Sentences with exact character offsets.

Strategy: split the article into paragraphs at line breaks, then each
paragraph into sentences at ``.``, ``!`` or ``?`` (optionally followed by a
closing quote or bracket) followed by white space and an upper-case letter,
a digit or an opening quote. A full stop after a known abbreviation ("Oct.",
"U.S.", "Mr.", "Inc.") or a single initial does not end a sentence.

A paragraph repeated word for word (syndicated copies often repeat their
opening paragraph) is marked ``repeat=True`` so its events are counted once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

#: Words whose trailing full stop is part of the word, not a sentence end.
ABBREVIATIONS = frozenset(
    ["mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "st", "jr", "sr", "rev", "hon", "pres", "inc", "corp", "co", "ltd", "llc", "plc", "bros", "dept", "univ", "assn", "est", "no", "vol", "fig", "approx", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "vs", "etc", "al", "cf", "ca", "p", "pp", "para", "ch"]
)

_BOUNDARY = re.compile(
    r"""
    [.!?][.!?]*            # terminal punctuation (a class first: the engine skips to it)
    [\"'”’)\]]*            # closing quotes or brackets
    (?:\[[0-9]{1,3}\])*      # footnote markers ("in 2016.[1] The law...")
    (?=\s+[\"'“‘(\[]?[A-Z0-9])   # then space and a capital, digit or opening quote
    """,
    re.VERBOSE,
)
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")


#: A run of letters and digits (``[^\W_]+``, written with a class first: the regex engine
#: then skips to where a run can start instead of trying each position).
WORD = re.compile(r"[^\W_][^\W_]*")
#: Every ASCII character but a letter or digit, as a blank: a table for ``bytes.translate``,
#: which runs over an ASCII text's bytes five times faster than ``str.translate`` over the str.
_NOT_LETTER_OR_DIGIT = bytes(c if c < 128 and chr(c).isalnum() else 32 for c in range(256))
#: The non-ASCII characters an article has most (a third of the generated corpus's
#: sentences have one), none a letter or digit, none changed by lower-casing: a sentence
#: whose only non-ASCII characters are these has the words of its copy with blanks there.
_COMMON_MARKS = "’‘“”\xa0—–…·€£©"


def tokens(sentence: str) -> frozenset[str]:
    """The words of a sentence, as cheap prefilter keys for the extractors.

    Words are runs of letters and digits (so "Ma’s" gives "Ma" and "s", and
    "mid-January" gives "mid" and "January"); the lower-case forms are in the
    set too.

    >>> sorted(tokens("Before this year’s mid-January session"))
    ['Before', 'January', 'before', 'january', 'mid', 's', 'session', 'this', 'year']
    """
    if not sentence.isascii():  # mostly curly quotes and dashes: blanks, like any other mark
        blanked = sentence
        for mark in _COMMON_MARKS:  # replace() is a fast scan; translate() is not here
            blanked = blanked.replace(mark, " ")
            if blanked.isascii():  # the commonest first: most are done after one or two
                sentence = blanked
                break
    if sentence.isascii():  # the words are the runs of ASCII letters and digits, and
        # lower-casing moves no boundary: split once where every other character is a blank
        blank = sentence.encode("ascii").translate(_NOT_LETTER_OR_DIGIT).decode("ascii")
        return frozenset((blank + " " + blank.lower()).split())
    return frozenset(WORD.findall(sentence)) | frozenset(WORD.findall(sentence.lower()))


#: Any decimal digit (``\d``: of any script) and an ASCII one.
_ANY_DIGIT = re.compile(r"\d")
_ASCII_DIGIT = re.compile(r"[0-9]")
#: The sentence :func:`has_digit` read last and its answer (a tuple, replaced whole: safe
#: between threads): furniture, the money gate and the date triggers ask of one sentence
#: in turn, and most sentences have no digit, so each asking scanned it to its end.
_last_digit: tuple[str, bool] = ("", False)


def has_digit(sentence: str) -> bool:
    """Does ``sentence`` hold a decimal digit (what ``\\d`` matches, of any script)?

    >>> has_digit("In July 2021"), has_digit("In July"), has_digit("\u0663 days")
    (True, False, True)
    """
    global _last_digit
    last = _last_digit
    if last[0] is sentence:  # the same object: the same text
        return last[1]
    found = (_ASCII_DIGIT if sentence.isascii() else _ANY_DIGIT).search(sentence) is not None
    _last_digit = (sentence, found)
    return found


def has_ascii_digit(sentence: str) -> bool:
    """Does ``sentence`` hold one of 0-9? (An ASCII digit is a digit: a sentence without
    one of :func:`has_digit` has none; an ASCII one with one has one.)

    >>> has_ascii_digit("In July 2021"), has_ascii_digit("\u0663 days")
    (True, False)
    """
    return has_digit(sentence) and (sentence.isascii() or _ASCII_DIGIT.search(sentence) is not None)


def overlaps(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    """Does ``[start, end)`` overlap any of ``spans``?

    >>> overlaps(2, 5, [(0, 3)]), overlaps(3, 5, [(0, 3)])
    (True, False)
    """
    return any(start < b and a < end for a, b in spans)


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    text: str
    paragraph: int
    repeat: bool = False


def _is_abbreviation(paragraph: str, dot: int) -> bool:
    """True when the full stop at ``dot`` belongs to an abbreviation."""
    match = _WORD_BEFORE.search(paragraph, max(0, dot - 24), dot)
    if not match:
        return False
    word = match.group(1)
    inner = word.strip(".")
    if "." in inner:  # U.S, U.K, a.m, Ph.D: pieces of one or two letters; not "JD.com"
        return all(len(piece) <= 2 for piece in inner.split("."))
    if len(word) == 1 and word.isupper():  # an initial: "John F. Kennedy"
        return True
    return word.lower() in ABBREVIATIONS


def last_sentence_stop(text: str, before: int) -> int:
    """Where the last full stop before ``before`` that ends a sentence is (-1: none); a
    full stop inside a sentence ("Ltd. on", "$34.5", "Oct. 3") ends nothing."""
    dot = text.rfind(".", 0, before)
    while dot >= 0:
        if _BOUNDARY.match(text, dot) and not _is_abbreviation(text, dot):
            return dot
        dot = text.rfind(".", 0, dot)
    return -1


_LINE = re.compile(r"[^\n]+")


def _paragraphs(text: str):
    for match in _LINE.finditer(text):
        chunk = match.group()
        left = len(chunk) - len(chunk.lstrip())
        right = len(chunk.rstrip())
        if right > left:
            yield match.start() + left, match.start() + right


def sentences(text: str) -> list[Span]:
    """Split ``text`` into sentences; every span is an exact slice.

    >>> [s.text for s in sentences("In a speech on Oct. 24, Mr. Ma spoke. U.S. firms left.")]
    ['In a speech on Oct. 24, Mr. Ma spoke.', 'U.S. firms left.']
    >>> para = "BEIJING — For the past decade, China has defied the truism."
    >>> [(x.text[:7], x.repeat) for x in sentences(para + "\\n\\nBy X\\n\\n" + para)]
    [('BEIJING', False), ('By X', False), ('BEIJING', True)]
    """
    out: list[Span] = []
    seen: set[str] = set()
    for number, (p_start, p_end) in enumerate(_paragraphs(text)):
        paragraph = text[p_start:p_end]
        # a paragraph of 40 characters or fewer is never a repeat, nor one another repeats
        repeat = False
        if p_end - p_start > 40:
            key = " ".join(paragraph.split())
            repeat = len(key) > 40 and key in seen
            seen.add(key)
        cut = 0
        for match in _BOUNDARY.finditer(paragraph):
            dot = match.start()
            if paragraph[dot] == "." and match.end() - dot == 1 and _is_abbreviation(
                paragraph, dot
            ):
                continue
            end = match.end()
            _append(out, paragraph, p_start, cut, end, number, repeat)
            cut = end
        _append(out, paragraph, p_start, cut, len(paragraph), number, repeat)
    return out


def _append(out: list[Span], paragraph: str, offset: int, start: int, end: int,
            number: int, repeat: bool) -> None:
    """The sentence ``paragraph[start:end]`` without its surrounding white space (none:
    nothing), at its place in the text (the paragraph begins at ``offset``)."""
    piece = paragraph[start:end]
    rest = piece.lstrip()  # str.strip's white space is str.isspace's
    sentence = rest.rstrip()
    if sentence:
        start += offset + len(piece) - len(rest)
        out.append(Span(start, start + len(sentence), sentence, number, repeat))
