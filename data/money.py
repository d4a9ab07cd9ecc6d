"""Money figures: amount, currency, US-dollar value and kind.

Money is found before dates and its spans are kept out of the date search,
so "$1.5 billion" never becomes a date.

A figure needs a currency marker ("$", "US$", "RMB", "yuan", "HK$", "€"...);
"1.4 billion people" and "35 firms" are not money. A conversion stated in the
text wins over our fixed rates: in "RMB100,000 ($ 15,000)" the parenthesis
gives the US-dollar value and is not a second figure.

Fixed rates (US dollars per unit), used only when the text states none; they
are rounded long-run averages of 2017-2022, documented here and in the README:
CNY 0.15 (about 6.6 yuan a dollar), HKD 0.128, EUR 1.15, GBP 1.33, JPY 0.009.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from data.alternation import Alternation

USD_PER_UNIT = {
    "USD": Decimal("1"),
    "CNY": Decimal("0.15"),
    "HKD": Decimal("0.128"),
    "EUR": Decimal("1.15"),
    "GBP": Decimal("1.33"),
    "JPY": Decimal("0.009"),
}
SCALES = {
    "thousand": Decimal(10) ** 3, "k": Decimal(10) ** 3,
    "million": Decimal(10) ** 6, "m": Decimal(10) ** 6, "mn": Decimal(10) ** 6,
    "billion": Decimal(10) ** 9, "bn": Decimal(10) ** 9, "b": Decimal(10) ** 9,
    "trillion": Decimal(10) ** 12, "tn": Decimal(10) ** 12, "trn": Decimal(10) ** 12,
    "bln": Decimal(10) ** 9, "mln": Decimal(10) ** 6,
}  # fmt: skip
_PREFIX = {
    "us$": "USD", "usd": "USD", "$": "USD", "rmb": "CNY", "cny": "CNY", "¥": "CNY",
    "hk$": "HKD", "hkd": "HKD", "€": "EUR", "eur": "EUR", "£": "GBP", "gbp": "GBP",
    "jpy": "JPY",
}  # fmt: skip
_SUFFIX = {
    "yuan": "CNY", "renminbi": "CNY", "dollars": "USD", "us dollars": "USD",
    "u.s. dollars": "USD", "hong kong dollars": "HKD", "hk dollars": "HKD", "euros": "EUR", "pounds": "GBP", "yen": "JPY",
}  # fmt: skip

_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = r"trillion|billion|million|thousand|trn|tn|bn|mn|[kmb](?![\w])"
MONEY = re.compile(
    rf"""
    (?:
      (?<![A-Za-z])                                   # "S$", "A$": not US dollars
      (?P<prefix>US\$|HK\$|USD|RMB|CNY|HKD|EUR|GBP|JPY|\$|¥|€|£)\s?   # currency first
      (?P<num>{_NUMBER})
      (?:\s?(?P<scale>{_SCALE}))?
    |
      (?P<num2>{_NUMBER})\s?(?P<scale2>trillion|billion|million|thousand|bn|mn|bln|mln)?\s+
      (?P<suffix>yuan|renminbi|U\.S\.\ dollars|US\ dollars|Hong\ Kong\ dollars|HK\ dollars
        |dollars|euros|pounds|yen)  # after
    )
    (?![\w])
    """,
    re.VERBOSE | re.IGNORECASE,
)
# "RMB100,000 ($ 15,000)": a stated conversion right after a figure.
_CONVERSION = re.compile(
    rf"\s*\(\s*(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+|~)?"
    rf"(?:(?P<prefix>US\$|\$|USD)\s?(?P<num>{_NUMBER})(?:\s?(?P<scale>{_SCALE}))?"
    rf"|(?P<num2>{_NUMBER})(?:\s?(?P<scale2>{_SCALE}))?\s+(?:U\.?S\.?\s+|US\s+)?dollars)\s*\)",
    re.IGNORECASE,
)

#: Kinds and their cues. The cue nearest the figure decides; on a tie, the
#: earlier kind in this list.
KIND_CUES: tuple[tuple[str, Alternation], ...] = (
    ("market value loss", Alternation.of(
        r"\b(?:lost|lose|loses|losing|wip(?:e|es|ed|ing)|erased?|shed|sheds|loss|losses|slump|cost"
        r"|plunge|drop)(?:[^.;]|\.(?=\d)){0,80}?(?:market\s+(?:value|capitali[sz]ation|cap)|valu)"
        r"|(?:market\s+(?:value|capitali[sz]ation|cap))(?:[^.;]|\.(?=\d)){0,40}?"
        r"(?:lost|wiped|erased|loss|shed|evaporat)",
        re.IGNORECASE)),
    ("market value", Alternation.of(
        r"market\s+(?:value|capitali[sz]ation|cap)"
        r"|(?<!orders\s)(?<!bids\s)(?<!deals\s)(?<!goods\s)(?<!sales\s)\bworth\b(?!\s+of\b)",
        re.IGNORECASE)),
    ("fine", Alternation.of(r"\bfin(?:e|es|ed|ing)\b|\bpenalt", re.IGNORECASE)),
    ("ipo proceeds", Alternation.of(
        r"\bIPO\b|initial\s+public\s+offering|\blisting\b|\bgo(?:ing)?\s+public"
        r"|\b(?<!capital\s)rais(?:e|es|ed|ing)\b(?:\s+(?:about|around|roughly|nearly|almost|some"
        r"|more\s+than|over)\b)?"
        r"|\b(?:stock\s+)?market\s+debut|\bshare\s+sale", re.IGNORECASE)),
    ("valuation", Alternation.of(r"\bvalu(?:ed|ing|ation|e\s+\w+\s+at)\b|\bto\s+value\b",
                             re.IGNORECASE)),
    ("fund", Alternation.of(r"\bfunds?\b|\binvest(?:ed|ment)?\b|\bpledged?\b|\bsubsid",
                        re.IGNORECASE)),
    ("share price", Alternation.of(
        # "68.8 yuan a share in Shanghai and HK$80 in Hong Kong": the price joined to it
        # (first: at the same start the longer reading must win)
        r"\b(?:a|per|each)\s+share\b[^.;,$]{0,30}?\band\s"
        r"|\b(?:per|a|each)\s+share\b|\bshare\s+price|\bstock\s+price"
        r"|\b(?:shares|stock)\s+(?:\w+\s+){0,2}(?:closed|ended|opened|traded|finished|were)"
        r"\s+(?:\w+\s+){0,2}at\b"
        r"|\b(?:shares|stock)\b[^.;$]{0,80}?\b(?:fell|rose|dropped|climbed|slid|jumped|gained"
        r"|plunged|plummeted|tumbled)\b(?:[^.;$]|\.(?=\d)){0,40}?\bto\b"  # "fell 9.4% …, to"
        r"|\b(?:closed|ended(?:\s+the\s+day)?|opened|trad(?:ed|ing)|touch(?:ed|ing)|indicated)\b"
        r"(?:\s+\w+){0,3}?\s+at\b|\btouch(?:ed|ing)\b|(?:%|per\s*cent),?\s+(?:\w+\s+){0,3}?to\b"
        r"|\b(?:ADSs?|ADRs?|depositary\s+shares|issue\s+price|at\s+which)\b"
        r"|\bshares\s+at\b", re.IGNORECASE)),  # "sold its shares at $14 each"
    ("other", Alternation.of(
        r"\b(?:revenues?|sales|turnover|profits?|earnings|deposits?|orders|spending|refunds?)\b"
        # results that rose "to" a figure: the cue runs up to the figure, nearer than the
        # share price's "% to"
        r"(?:[^.;$]{0,40}?(?:%|per\s*cent),?\s+(?:\w+\s+){0,3}?to\s)?",
        re.IGNORECASE)),
)  # fmt: skip
MARKET_CAP_KINDS = frozenset({"market value", "market value loss"})


#: A figure several companies lost or hold together, never one company's own value.
SHARED_CUES = re.compile(
    r"\b(?:combined|together|jointly|collectively|altogether|in\s+total|total(?:l?ing)?"
    r"|between\s+them|all\s+told)\b", re.IGNORECASE
)
#: A market-value figure of a whole group ("the big Chinese internet stocks").
COLLECTIVE_VALUE = re.compile(
    r"\b(?:stocks|companies|firms|groups|platforms|giants|names|sector|industry)\b", re.IGNORECASE
)
#: A sentence speaking of a company it does not name: "its revenue", "the market value".
REFERS_BACK = re.compile(
    r"\b(?:[Ii]ts|[Tt]he\s+(?:market\s+(?:value|capitali[sz]ation|cap)|stock|shares|valuation"
    r"|company(?:[’']s)?))\b"
)


def refers_back(sentence: str) -> bool:
    """The sentence's figures belong to a company named before it, not to a group.

    >>> refers_back("The market value evaporated."), refers_back("The stocks lost $1 trillion.")
    (True, False)
    """
    return bool(REFERS_BACK.search(sentence)) and not COLLECTIVE_VALUE.search(sentence)


#: Just before a fine that is a ceiling or may come, not one imposed: "fines of up to",
#: "could face", "may be fined as much as", "raises the maximum penalty … to".
CEILING = re.compile(
    r"(?:\b(?:up\s+to|as\s+much\s+as|as\s+high\s+as|a\s+maximum\s+of|at\s+most)\s*$"
    r"|\b(?:could|may|might|would)\s+(?:face|be\s+fined|pay)\b[^.;]*$"
    r"|\bmaximum\s+(?:fine|penalty)\b[^.;]{0,60}?\bto\s*$)",
    re.IGNORECASE,
)


def is_ceiling(sentence: str, start: int) -> bool:
    """The fine at ``sentence[start:]`` is a ceiling in a law or one that may come: it keeps
    its kind (the golden list types "fines of up to" a fine) but is no company's fine.

    >>> s = "Apps can risk fines of up to RMB100,000."
    >>> is_ceiling(s, s.index("RMB")), is_ceiling("It was fined RMB100,000.", 13)
    (True, False)
    """
    return bool(CEILING.search(sentence, 0, start))


#: Each its own: "500,000 yuan each".
EACH = re.compile(r"\b(?:each|apiece|respectively|per\s+company)\b", re.IGNORECASE)


def is_shared(sentence: str, start: int, end: int, kind: str, companies: int) -> bool:
    """The figure at ``sentence[start:end]`` is held or lost by several companies together:
    a cue near it ("a combined", "together", "totalling"), or a market value of a whole
    group or of several companies named in the sentence; "each" makes it each one's own.

    >>> s = "Alibaba and Tencent, worth a combined $1.3 trillion, were named."
    >>> is_shared(s, s.index("$"), s.index(", were"), "market value", 2)
    True
    >>> s = "SAMR fined Alibaba and Tencent 500,000 yuan each."
    >>> is_shared(s, s.index("500"), s.index(" each"), "fine", 2)
    False
    >>> s = "Tencent lost $50 billion in market value."
    >>> is_shared(s, s.index("$"), s.index(" in"), "market value loss", 1)
    False
    """
    near = sentence[max(0, start - 60) : end + 40]
    if EACH.search(sentence[end : end + 25]):
        return False
    if SHARED_CUES.search(near):
        return True
    if kind not in MARKET_CAP_KINDS:
        return False
    return companies > 1 or bool(COLLECTIVE_VALUE.search(sentence))


@dataclass(frozen=True, slots=True)
class Money:
    start: int
    end: int  # includes a stated conversion
    text: str
    amount: Decimal
    currency: str
    usd: Decimal
    usd_stated: bool


def _value(num: str, scale: str | None) -> Decimal:
    value = Decimal(num.replace(",", ""))
    if scale:
        value *= SCALES[scale.lower()]
    return value


_CURRENCY_WORDS = frozenset(
    {"yuan", "renminbi", "dollars", "euros", "pounds", "yen", "rmb", "cny", "usd", "hkd", "eur",
     "gbp", "jpy"}
)  # fmt: skip


#: A currency code glued to its number ("USD10.65"), found from the digit: a pattern that
#: starts with a digit is searched digit to digit, one that starts with a case-insensitive
#: letter is tried at every position (ten times slower, on every sentence).
_ISO_GLUED = re.compile(r"\d(?<=(?:USD|HKD|CNY|RMB|EUR|GBP|JPY)\d)", re.IGNORECASE)


def may_have_money(sentence: str, words: frozenset[str]) -> bool:
    """False when ``sentence`` (with these lower-case words) has no currency marker.

    >>> may_have_money("It closed at USD10.65.", frozenset({"it", "closed", "at", "usd10"}))
    True
    """
    return (
        "$" in sentence or "¥" in sentence or "€" in sentence or "£" in sentence
        or not _CURRENCY_WORDS.isdisjoint(words)
        or bool(_ISO_GLUED.search(sentence))
    )


def find_money(text: str, start: int = 0, end: int | None = None) -> list[Money]:
    """Money figures in ``text[start:end]``.

    >>> [(m.text, m.amount, m.currency, m.usd) for m in find_money("lost US$344 billion")]
    [('US$344 billion', Decimal('344000000000'), 'USD', Decimal('344000000000'))]
    >>> m = find_money("fines of up to RMB100,000 ($ 15,000).")[0]
    >>> (m.text, m.currency, m.usd, m.usd_stated)
    ('RMB100,000 ($ 15,000)', 'CNY', Decimal('15000'), True)
    >>> find_money("1.4 billion people in 35 firms")
    []
    """
    end = len(text) if end is None else end
    out: list[Money] = []
    for m in MONEY.finditer(text, start, end):
        if m.group("prefix"):
            currency = _PREFIX[m.group("prefix").lower()]
            amount = _value(m.group("num"), m.group("scale"))
        else:
            currency = _SUFFIX[" ".join(m.group("suffix").lower().split())]
            amount = _value(m.group("num2"), m.group("scale2"))
        if out and m.start() < out[-1].end:
            continue  # the stated conversion of the previous figure
        stop, usd, stated = m.end(), amount * USD_PER_UNIT[currency], False
        conv = _CONVERSION.match(text, m.end()) if currency != "USD" else None
        if conv:
            stop = conv.end()
            if conv.group("num"):
                usd = _value(conv.group("num"), conv.group("scale"))
            else:  # "(about 3.7 billion U.S. dollars)"
                usd = _value(conv.group("num2"), conv.group("scale2"))
            stated = True
        out.append(Money(m.start(), stop, text[m.start() : stop], amount, currency, usd, stated))
    return out


def figure_kind(sentence: str, start: int = 0, end: int | None = None) -> str:
    """The kind of the figure at ``sentence[start:end]``: its nearest cue's.

    >>> figure_kind("Alibaba lost US$344 billion in market capitalization.")
    'market value loss'
    >>> figure_kind("Alibaba started a $1.5 billion poverty relief fund.")
    'fund'
    >>> s = "The fine is 4% of the 455.7 billion yuan in domestic sales."
    >>> figure_kind(s, s.index("455"), s.index(" in domestic"))
    'other'
    """
    end = len(sentence) if end is None else end
    best: tuple[tuple[int, int], str] | None = None
    for rank, (kind, cue) in enumerate(KIND_CUES):
        for m in cue.finditer(sentence):
            distance = max(m.start() - end, start - m.end(), 0)
            if best is None or (distance, rank) < best[0]:
                best = ((distance, rank), kind)
    return best[1] if best else "other"
