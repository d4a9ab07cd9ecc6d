"""Short titles for events: a headline taken from the quote's main clause.

Strategy, in order (each step only when enough of the sentence is left to stand alone):

1. Pick the part of the sentence the event is about. Hard breaks (``;``, a spaced dash,
   a colon) split the sentence; the part holding the event's date as written is kept,
   else the first. Inside it, a trailing clause opened by a time or cause connective
   ("…, weeks after the regulator opened a probe in December") is the event's own clause
   when it holds the date: it is kept without its connective.
2. Strip what is not the event: leading attributions ("According to X,", "People
   familiar with the matter said that"), leading openers up to their comma (time
   phrases "On Tuesday,", "Two days later,"; subordinate clauses "After a long probe,",
   "In a statement,"; sentence adverbs "However,"), trailing attributions ("…, people
   familiar with the matter said", "…, according to X", "…, said a spokesman"), and
   trailing relative or participle clauses ("…, which…", "…, saying…").
3. Cap the length on a word boundary with an ellipsis, never ending on a function word.

False-positive policy: a rule that would leave fewer than :data:`MIN_WORDS` words, or a
subject that is only a pronoun ("it would comply"), is not applied: a long title is better
than a title that no longer says who did what. Pure Python: no streamlit, no pandas.
"""

from __future__ import annotations

import re
from functools import lru_cache

TITLE_CHARS = 90
MIN_WORDS = 4  # a title keeps at least this many words, or the rule is not applied

#: Words that open a phrase or clause standing before the main clause, up to its comma.
OPENERS = (
    "in", "on", "at", "by", "last", "this", "earlier", "later", "since", "after", "before",
    "during", "then", "meanwhile", "separately", "however", "also", "until", "from", "within",
    "following", "amid", "despite", "while", "although", "though", "when", "as", "because",
    "once", "under", "over", "for", "with", "without", "back", "instead", "still", "yet",
    "now", "today", "yesterday", "recently", "previously", "ultimately", "eventually",
    "one", "two", "three", "four", "five", "several", "a", "an", "weeks", "days", "months",
    "years", "shortly", "soon", "just", "indeed", "moreover", "furthermore", "notably",
)  # fmt: skip
#: Connectives opening a trailing clause that can hold the event itself (step 1).
EVENT_CONNECTIVES = (
    "after", "before", "when", "while", "as", "since", "until", "once", "because",
    "although", "though", "following",
)  # fmt: skip
#: Trailing clauses that are never the event and are cut from a title (step 2).
TAIL_OPENERS = (
    "which", "who", "whom", "whose", "where", "saying", "citing", "prompting", "sending",
    "adding", "including", "according", "amid", "following", *EVENT_CONNECTIVES,
)  # fmt: skip
#: Who an anonymous attribution names ("people familiar with…", "two officials"): a leading
#: "<these> said (that)" is cut, while "Xi said that…" stays (the speaker is the event).
ANONYMOUS = (
    "people", "person", "persons", "sources", "source", "officials", "analysts", "insiders",
    "reports", "observers", "someone", "media", "executives", "bankers", "lawyers", "traders",
)  # fmt: skip
SAYING = r"(?:said|says|say|told\s+\S+(?:\s+\S+)?|reported|reports|added|noted|wrote|confirmed|announced)"
PRONOUNS = ("it", "they", "he", "she", "we", "i", "you", "this", "that", "these", "those")
#: A title never ends on one of these before its ellipsis.
FUNCTION_WORDS = frozenset(
    ["a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "from", "with", "as", "its", "their", "his", "her", "that", "which", "who", "into", "than", "over"]
)

_WORD = r"[^\s,;:]+"
_HARD_BREAK = re.compile(r"\s*;\s+|\s+[—–-]{1,2}\s+|(?<=\w):\s+")
_SOFT_BREAK = re.compile(r",\s+")
_ACCORDING = re.compile(r"^according\s+to\s+[^,]{1,80},\s+", re.IGNORECASE)
_LEAD_SAYING = re.compile(
    rf"^(?:{_WORD}\s+){{0,3}}(?:{'|'.join(ANONYMOUS)})\b(?:\s+{_WORD}){{0,5}}?\s+{SAYING}"
    rf"(?:\s+(?:on|last|this|in)\s+{_WORD})?(?:\s+that)?\s+",
    re.IGNORECASE,
)
_OPENER = re.compile(rf"^(?:{'|'.join(OPENERS)})\b[^,;:]{{0,70}}?,\s+(?=\S)", re.IGNORECASE)
#: Asides between commas: "…, for example, …", "…, in November, …", "…, which it owns, …".
_ASIDE = re.compile(
    rf",\s+(?:(?:for\s+example|for\s+instance|in\s+turn|in\s+fact|of\s+course)"
    rf"|(?:{'|'.join(OPENERS)})\s[^,;:]{{0,30}}|(?:which|who|whose)\s[^,;:]{{0,80}}),\s+",
    re.IGNORECASE,
)
_MID_SAYING = re.compile(rf",\s+(?:{_WORD}\s+){{0,6}}{SAYING},\s+", re.IGNORECASE)
_TAIL_SAYING = re.compile(
    rf",\s+(?:according\s+to\b.*|(?:{_WORD}\s+){{0,7}}{SAYING}(?:\s+{_WORD}){{0,5}}"
    rf"|said\s+(?:{_WORD}\s*){{1,8}})$",
    re.IGNORECASE,
)
#: "days after", "two weeks before", "shortly after": how far, before a connective.
_HOW_FAR = (
    r"(?:(?:\w+\s+)?(?:days|weeks|months|years|hours|shortly|soon|just|only|long|even|right)\s+)?"
)
_TAIL_CLAUSE = re.compile(
    rf",\s+{_HOW_FAR}(?:{'|'.join(TAIL_OPENERS)})\b.*$", re.IGNORECASE
)
_EVENT_CLAUSE = re.compile(rf"^{_HOW_FAR}(?:{'|'.join(EVENT_CONNECTIVES)})\s+", re.IGNORECASE)
_QUOTES = {"“": "”", '"': '"', "(": ")"}


def _words(text: str) -> int:
    return len(text.split())


def _stands(text: str) -> bool:
    """Enough words, and a subject that is not only a pronoun."""
    first = text.split(maxsplit=1)[0].lower().strip("“”\"‘’'") if text.strip() else ""
    return _words(text) >= MIN_WORDS and first not in PRONOUNS


def _part_about_event(text: str, date_text: str) -> str:
    """The hard-broken part holding the date (else the first), or its event clause (step 1)."""
    parts = [p for p in _HARD_BREAK.split(text) if p.strip()]
    if not parts:
        return text
    dated = [p for p in parts if date_text and date_text in p]
    part = dated[0] if dated and _words(dated[0]) >= MIN_WORDS else parts[0]
    if not date_text or date_text not in part:
        return part
    clauses = _SOFT_BREAK.split(part)
    for clause in clauses[1:]:
        if date_text not in clause:
            continue
        connective = _EVENT_CLAUSE.match(clause)
        rest = clause[connective.end() :] if connective else ""
        if connective and _stands(rest) and date_text not in clauses[0]:
            return rest
    return part


def _strip_leading(text: str) -> str:
    """Attributions and openers before the main clause, as many as there are (step 2)."""
    while True:
        for pattern in (_ACCORDING, _LEAD_SAYING, _OPENER):
            found = pattern.match(text)
            if found and _stands(text[found.end() :]):
                text = text[found.end() :]
                break
        else:
            return text


def _strip_trailing(text: str) -> str:
    """Asides and attributions between commas, trailing attributions, then trailing relative
    or participle clauses (step 2)."""
    for aside in (_MID_SAYING, _ASIDE):
        fewer = aside.sub(" ", text)
        text = fewer if _stands(fewer) else text
    for pattern in (_TAIL_SAYING, _TAIL_CLAUSE):
        pos = 0
        while found := pattern.search(text, pos):
            if _stands(text[: found.start()]):
                text = text[: found.start()]
                break
            pos = found.start() + 1
    return text


def _balance_quotes(text: str) -> str:
    """Drop an opening quotation mark or bracket whose closing one was cut away (and vice
    versa)."""
    for left, right in _QUOTES.items():
        if left == right:
            if text.count(left) % 2:
                text = text.replace(left, "", 1) if text.startswith(left) else text.rstrip(left)
        elif text.count(left) > text.count(right) and text.startswith(left):
            text = text[1:]
        elif text.count(right) > text.count(left) and text.endswith(right):
            text = text[:-1]
    return text


def cap(text: str, limit: int = TITLE_CHARS) -> str:
    """At most ``limit`` characters, cut on a word boundary with an ellipsis.

    >>> cap("The regulator fined the group for blocking merchants from rival sites", 40)
    'The regulator fined the group…'
    >>> cap("Short enough", 40)
    'Short enough'
    """
    if len(text) <= limit:
        return text
    words = text[: limit - 1].split()
    if len(text) > limit - 1 and not text[limit - 1].isspace():
        words = words[:-1]  # the last word was cut in the middle
    while len(words) > 1 and words[-1].lower().strip(",;:") in FUNCTION_WORDS:
        words.pop()
    return " ".join(words).rstrip(",;:") + "…"


@lru_cache(maxsize=1 << 18)
def short_title(sentence: str, date_text: str = "", limit: int = TITLE_CHARS) -> str:
    """A short headline for the event the sentence reports (see the module docstring).

    Kept per sentence (a pure function of its text): the event list, the statements'
    control and the exports ask again at every redraw, for every event in the view.

    >>> short_title("According to two people briefed on the plan, the agency will fine the "
    ...             "lender next month.")
    'The agency will fine the lender next month'
    >>> short_title("On Tuesday, the ministry ordered the app removed, people familiar with "
    ...             "the decision said.", "On Tuesday")
    'The ministry ordered the app removed'
    >>> short_title("Shares slid 9%, days after the watchdog opened an inquiry in May.", "in May")
    'The watchdog opened an inquiry in May'
    """
    text = " ".join(str(sentence).split()).strip()
    text = text.rstrip(".!?").strip()
    date_text = " ".join(str(date_text or "").split())
    whole = text
    text = _part_about_event(text, date_text)
    text = _strip_leading(text)
    text = _strip_trailing(text).strip().rstrip(",;:.").strip()
    text = _balance_quotes(text).strip() or whole
    text = cap(text, limit)
    return text[:1].upper() + text[1:]
