"""Crackdown or background: is an event part of the story, or its backdrop?

An event is ``"crackdown"`` when a state actor (Chinese or foreign) acts on tech
companies, their sector or its rules, or when a company or the market responds:
probes, fines, rules, designations, halted listings, app removals, pledges,
lost market value. It is ``"background"`` when it tells history, a biography, a
company milestone with no state action, a statistic or an aside.

Strategy, in order (the cue tables below are the data; the code only weighs them):

1. A date a decade wide ("the 1980s", "in the 1960s and '70s") or a clause that
   dates a person's or a company's past ("a party member since the 1980s") is
   history: background, whatever else the sentence says.
2. A crackdown cue (a regulatory verb or noun, a market response, a pledge)
   makes the event crackdown.
3. A background cue (birth, founding, launch, popularity, user counts, "the
   author's" asides) with no crackdown cue makes it background.
4. Otherwise a named state actor makes it crackdown; with none, it is crackdown
   too: when in doubt an event stays visible (hiding a crackdown event costs a
   reader more than showing one line of backdrop).
"""

from __future__ import annotations

import re

from data.records import Precision

CRACKDOWN = "crackdown"
BACKGROUND = "background"

#: Precisions too wide to date a crackdown step: history.
HISTORY_PRECISIONS = frozenset({Precision.DECADE})


def _cues(*words: str) -> re.Pattern[str]:
    return re.compile("|".join(words), re.IGNORECASE)


#: A clause dating someone's or something's past: always background.
HISTORY_CUES = _cues(
    r"\b(?:party\s+member|member\s+of\s+the\s+(?:communist\s+)?party)\s+since\b",
    r"\bwas\s+born\b",
    r"\bgrew\s+up\b",
    r"\bcultural\s+revolution\b",
    r"\bin\s+the\s+(?:19|20)\d0s\b",
)

#: State action, a company's response or the market's: crackdown.
CRACKDOWN_CUES = _cues(
    r"\bfin(?:e|es|ed|ing)\b", r"\bpenalt", r"\bprobe[sd]?\b", r"\binvestigat",
    r"\banti-?trust\b", r"\bmonopol", r"\bsummon", r"\brectif", r"\bcrack(?:ed|s|ing)?\s*down\b",
    r"\bclampdown\b", r"\bcurbs?\b", r"\bbann?(?:ed|ing|s)?\b", r"\bsuspend", r"\bhalt",
    r"\bblock(?:ed|s)?\b", r"\border(?:ed|s)?\s+(?:\w+\s+){0,3}to\b", r"\bremov(?:e|ed|al)\b",
    r"\bpulled\b", r"\bdelist", r"\bcybersecurity\s+review\b", r"\bdraft\b", r"\bregulat",
    r"\brules?\b", r"\blaws?\b", r"\bguidelines?\b", r"\bpledg", r"\bvow", r"\bcompl(?:y|ied|iance)\b",
    r"\bmarket\s+(?:value|capitali[sz]ation|cap)\b", r"\bwip(?:e|ed|ing)\s+out\b",
    r"\b(?:shares?|stocks?)\b[^.;]{0,60}\b(?:fell|fall|plunged?|slumped?|tumbled?|sank|dropped)\b",
    r"\bdesignat", r"\bsanction", r"\bentity\s+list\b", r"\bblacklist", r"\bcensur",
    r"\bcensor", r"\bscrutiny\b", r"\btighten", r"\bcrackdown\b", r"\btook\s+effect\b",
    r"\bcame\s+into\s+force\b", r"\bscrapped\b", r"\bcalled\s+off\b", r"\bwarn(?:ed|s|ing)?\b",
    r"\bpunish", r"\brestrict", r"\blicen[cs]", r"\bapprov", r"\bspeech\b", r"\bdisappear",
)  # fmt: skip

#: Milestones, biographies, statistics and asides: background when alone.
BACKGROUND_CUES = _cues(
    r"\bfounded\b", r"\bco-?founded\b", r"\bset\s+up\b", r"\bstarted\s+(?:as|out)\b",
    r"\bbecame\s+(?:popular|a\s+household|one\s+of)\b", r"\bgrew\s+(?:into|to)\b",
    r"\blaunched\b", r"\bwent\s+public\b", r"\bmillion\s+(?:users|people|subscribers)\b",
    r"\bbillion\s+(?:users|people)\b", r"\bper\s*cent\s+of\b", r"\bpercent\s+of\b",
    r"\bhistory\b", r"\bhistorically\b", r"\bgraduated\b", r"\bjoined\b",
)  # fmt: skip


def relevance_of(sentence: str, precision: str = "", regulators: tuple[str, ...] = ()) -> str:
    """``"crackdown"`` or ``"background"`` for an event of ``sentence``.

    >>> relevance_of("In the 1960s and ‘70s, Mao purged the government.", "decade", ("X",))
    'background'
    >>> relevance_of("He has been a party member since the 1980s.", "decade")
    'background'
    >>> relevance_of("The short-video app became popular in 2019.", "year")
    'background'
    >>> relevance_of("In July, regulators fined Tencent.", "month", ("X",))
    'crackdown'
    >>> relevance_of("The app, launched in 2016, was pulled from stores in July.", "month")
    'crackdown'
    >>> relevance_of("In July, Xi chaired a meeting.", "month", ("Xi Jinping",))
    'crackdown'
    """
    if precision in HISTORY_PRECISIONS or HISTORY_CUES.search(sentence):
        return BACKGROUND
    if CRACKDOWN_CUES.search(sentence):
        return CRACKDOWN
    if BACKGROUND_CUES.search(sentence):
        return BACKGROUND
    return CRACKDOWN
