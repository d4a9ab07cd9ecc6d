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
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from data.alternation import Alternation
from data.text import has_digit

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
    "bln": Decimal(10) ** 9, "mln": Decimal(10) ** 6, "bil": Decimal(10) ** 9, "mil": Decimal(10) ** 6,
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
_SCALE = r"trillion|billion|million|thousand|trn|tn|bln|mln|bil|mil|bn|mn|[kmb](?![\w])"
MONEY = re.compile(
    rf"""
    (?:
      (?<![A-Za-z])                                   # "S$", "A$": not US dollars
      (?P<prefix>US\$|HK\$|USD|RMB|CNY|HKD|EUR|GBP|JPY|\$|¥|€|£)\s?   # currency first
      (?P<num>{_NUMBER})
      (?:\s?[–—-]\s?(?:\$|US\$|HK\$)?(?:{_NUMBER})(?=\s?(?:{_SCALE})))?  # "$16–17 million": the low end
      (?:(?:\s?|-)(?P<scale>{_SCALE}))?
    |
      (?P<num2>{_NUMBER})(?:\s?[–—-]\s?(?:{_NUMBER})(?=\s?(?:trillion|billion|million|thousand)))?
      (?:\s?|-)(?P<scale2>trillion|billion|million|thousand|bn|mn|bln|mln|bil|mil
        |[kmb](?=[\s-]))?  # "3.44B yuan"
      (?:\s+|-)
      (?P<suffix>yuan|renminbi|U\.S\.\ dollars|US\ dollars|Hong\ Kong\ dollars|HK\ dollars
        |dollars|euros|pounds|yen)  # after
    )
    (?![\w])
    """,
    re.VERBOSE | re.IGNORECASE,
)
# "RMB100,000 ($ 15,000)": a stated conversion right after a figure ("(then about $975
# million)": at the time's rate), or a translator's in square brackets ("[about US$470,000]").
_CONVERSION = re.compile(
    rf"\s*[(\[]\s*(?:then\s+)?(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+|~)?"
    rf"(?:(?P<prefix>US\$|\$|USD)\s?(?P<num>{_NUMBER})(?:\s?(?P<scale>{_SCALE}))?"
    rf"|(?P<num2>{_NUMBER})(?:\s?(?P<scale2>{_SCALE}))?\s+(?:U\.?S\.?\s+|US\s+)?dollars)"
    # the rate's time said after the amount: "(about $2.8 billion at the time)"
    rf"(?:\s+at\s+(?:the\s+time|the\s+time'?s\s+rates?|then-current\s+rates?|current\s+rates?"
    rf"|today'?s\s+rates?|the\s+current\s+rate))?\s*[)\]]",
    re.IGNORECASE,
)

#: "$1.19 billion or 8.026 billion yuan", "18.2 billion yuan, or about $2.8 billion", "87.6
#: million yuan, about $12.6 million": the same amount restated in another currency when the
#: two are this close at the fixed rates.
_ABOUT = r"(?:about|around|roughly|nearly|some|approximately|~)"
_OR_RESTATED = re.compile(rf",?\s+or\s+(?:{_ABOUT}\s*)?|,\s+{_ABOUT}\s*")
_RESTATED_GAP = Decimal("0.1")


def _read(m: re.Match) -> tuple[str, Decimal]:
    """The currency and amount of a :data:`MONEY` match."""
    if m.group("prefix"):
        return _PREFIX[m.group("prefix").lower()], _value(m.group("num"), m.group("scale"))
    return (_SUFFIX[" ".join(m.group("suffix").lower().split())],
            _value(m.group("num2"), m.group("scale2")))


#: An exchange rate, "($1 = 6.7463 yuan)", as wires add it after a story: what follows
#: a figure up to the figure on the rate's other side.
_RATE = re.compile(r"\s?=\s?")

FINE_CUE = Alternation.of(r"\bfin(?:e|es|ed|ing)\b|\bpenalt"
                          # "imposed 119.1 million yuan on Kuaishou": the amount right after
                          r"|\bimpos(?:e|es|ed|ing)\s+(?:a\s+total\s+of\s+)?(?=\S*\d)"
                          # "18.2 billion yuan, imposed by the market regulator"
                          r"|\bimposed\s+by\b",
                          re.IGNORECASE)
#: Kinds and their cues. The cue nearest the figure decides; on a tie, the
#: earlier kind in this list.
KIND_CUES: tuple[tuple[str, Alternation], ...] = (
    # What a block of shares, a stake, a package or a deal is worth ("80 million shares,
    # worth $9 billion"): not the company's market value. First, so that it wins its tie
    # with "worth" below.
    ("other", Alternation.of(r"\b(?:shares|stakes?|package|dividend|payout|distribution|deal"
                             r"|holding|ADRs|ADSs|(?:depositary\s+)?receipts)\b,?\s+worth\b"
                             # what the goods a platform carried were worth: its trade, not its
                             # value ("the freight it handled was worth $27 billion")
                             r"|\b(?:freight|goods|merchandise|cargo|parcels|shipments"
                             r"|transactions|payments)\b[^.;:,$]{0,40}?\b(?:was|were|is|are)\s+worth\b",
                             re.IGNORECASE)),
    ("market value loss", Alternation.of(
        r"\b(?:lost|lose|loses|losing|wip(?:e|es|ed|ing)|eras(?:e|es|ed|ing)|shed|sheds|loss|losses"
        r"|slump|cost|(?:gave|give|gives|giving)\s+up"
        r"|plunge|drop|rout|sell-?off)(?:[^.;]|\.(?=\d)){0,80}?(?:market\s+(?:value|capitali[sz]ation"
        r"|cap)|valu)"
        r"|(?:market\s+(?:value|capitali[sz]ation|cap))(?:[^.;]|\.(?=\d)){0,40}?"
        r"(?:lost|wiped|erased|loss|evaporat|shed\b|vanish|(?:fell|dropped|declined|shrank)\s+by\b)"
        # a sum wiped, knocked, shaved or slashed "off" a company ("wiped $200 billion off Apple")
        r"|\b(?:wip(?:e|es|ed|ing)|knock(?:s|ed|ing)?|shav(?:e|es|ed|ing)|slash(?:es|ed|ing)?)"
        r"\s+(?:[^\s.;]+\s+){1,4}?off\b",
        re.IGNORECASE)),
    ("market value", Alternation.of(
        r"market\s+(?:value|capitali[sz]ation|cap)"
        r"|\b(?:had|has|have|having)\s+a\s+value\s+of\b"  # "Kuaishou had a value of $30 billion"
        r"|(?<!orders\s)(?<!bids\s)(?<!deals\s)(?<!goods\s)(?<!sales\s)(?<!\sbe\s)(?<!been\s)"
        r"\bworth\b(?!\s+of\b)",
        re.IGNORECASE)),
    ("fine", FINE_CUE),
    ("ipo proceeds", Alternation.of(
        # (a listing that only dates a comparison raised nothing: "its slowest growth since it
        # listed in 2004", "since its 2004 listing")
        r"\bIPO\b|initial\s+public\s+offering|(?<!since\sits\s)(?<!since\sits\s\d\d\d\d\s)\blisting\b"
        r"|(?<!-)(?<!since\sit\s)(?<!since\sthey\s)\blisted\b|\bgo(?:ing)?\s+public"
        # (not what is raised that is no money: "raises risks", "raised concerns")
        r"|\b(?<!capital\s)rais(?:e|es|ed|ing)\b(?!\s+(?:the\s+)?(?:risks?|concerns?|questions?"
        r"|fears?|doubts?|alarm|prices?|rates?|the\s+stakes)\b)"
        r"(?:\s+(?:about|around|roughly|nearly|almost|some|more\s+than|over)\b)?"
        r"|\b(?:stock\s+)?market\s+debut|\bshare\s+sale", re.IGNORECASE)),
    # A price a deal or an offer puts on a company; a worth it was only expected to have.
    ("valuation", Alternation.of(
        r"\bvalu(?:ed|ing|ation)\b|(?<!market\s)\bvalues?\s+(?:\w+\s+){1,3}?at\b|\bto\s+value\b"
        r"|\b(?:be|been)\s+worth\b", re.IGNORECASE)),
    ("fund", Alternation.of(r"\bfunds?\b|\binvest(?:ed|ment)?\b|\bpledged?\b|\bsubsid(?!iar)|\bnet\s+assets?\b"
                        r"|\bassets\s+under\s+management\b",
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
        r"|\b(?:clos(?:e|ed|ing)|ended(?:\s+the\s+day)?|opened|trad(?:ed|ing)|touch(?:ed|ing)|indicated)\b"
        r"(?:\s+[\w.]+%?){0,4}?\s+at\b|\btouch(?:ed|ing)\b|(?:%|per\s*cent),?\s+(?:\w+\s+){0,3}?to\b"
        # "hitting HK$263.60 at its lowest point" (a sum with "billion" is never a price)
        r"|\b(?:hit|hitting)\s+(?=\S*\d)"
        r"|\b(?:ADSs?|ADRs?|depositary\s+shares|issue\s+price|at\s+which)\b"
        r"|\bshares\s+at\b", re.IGNORECASE)),  # "sold its shares at $14 each"
    ("other", Alternation.of(
        r"\b(?:revenues?|sales|turnover|profits?|earnings|deposits?|orders|spending|refunds?"
        r"|(?:net\s+)?loss(?:es)?)\b"
        # results that rose "to" a figure: the cue runs up to the figure, nearer than the
        # share price's "% to"
        r"(?:[^.;$]{0,40}?(?:%|per\s*cent),?\s+(?:\w+\s+){0,3}?to\s)?"
        r"|\b(?:price\s+targets?|target\s+prices?"  # an analyst's target is no price paid
        r"|stakes?"  # "paid $2 billion for a 25% stake": not money raised
        # a deal's price: "led a $2.6 billion bid" ("in a bid to" is no deal)
        r"|(?<!\ba\s)bid|buy-?out|takeover)\b"
        # the deal a figure prices, right after it: "a $5.3 billion plan to merge", "its $6.9
        # billion acquisition" (not "fined 500,000 yuan each over past acquisitions")
        r"|(?:(?<=\d)|(?<=billion)|(?<=million)|(?<=trillion))\s+(?:plan\s+to\s+merge|merger"
        r"|acquisition)\b",
        re.IGNORECASE)),
)  # fmt: skip
MARKET_CAP_KINDS = frozenset({"market value", "market value loss"})

#: A ceiling written in a law, not a fine anyone paid: the text just before the figure says
#: "up to", "as much as", "a maximum of", or raises a maximum "from"/"to" it ("the maximum
#: fine rises from RMB 200,000 to RMB 2 million", in one clause). "A fine of X, the maximum
#: allowed, bringing the total to Y" and "the maximum fine of X" imposed on a case stay fines.
CEILING = re.compile(
    r"(?:\b(?:up\s+to|as\s+(?:much|high)\s+as|(?:no|not)\s+more\s+than|not\s+exceeding|at\s+most"
    r"|capped\s+at|(?:a|the)\s+(?:statutory\s+|legal\s+)?(?:maximum|ceiling|cap)\s+of)"
    r"|\b(?:maximum|ceiling)\b(?:[^.;,]|[.,](?=\d)){0,120}?\b(?:from|to)"
    # what penalties "can reach" or "can bring", or "fines reach" in a law's present
    r"|\b(?:can|could|may|might|would)\s+(?:\w+\s+)?(?:reach|total|amount\s+to)"
    r"|\b(?:can|could|may|might|would)\s+(?:\w+\s+)?bring\s+(?:\w+\s+)?(?:fines?|penalties)\s+of"
    r"(?:\s+[^.;]{0,40}?\s+to)?"
    r"|\b(?:fines|penalties)\s+reach)\s*$",
    re.IGNORECASE,
)


#: A figure several companies lost or hold together, never one company's own value.
SHARED_CUES = re.compile(
    r"\b(?:combined|together|jointly|collectively|altogether|in\s+total|total(?:l?ing)?"
    r"|between\s+them|all\s+told)\b", re.IGNORECASE
)
#: The cues of :data:`SHARED_CUES` that only sum: beside one company ("fined Kuaishou a
#: total of X"), its own sum.
_SUMMED = frozenset({"total", "totaling", "totalling", "in total", "altogether", "all told"})
#: "total revenues were X": one company's own total, unless the sentence names several.
_OWN_TOTAL = re.compile(
    r"total\s+(?:revenues?|sales|assets|income|profits?|costs?|expenses|debt|equity|cash"
    r"|deposits|liabilities|users)\b", re.IGNORECASE
)
#: A market-value figure of a whole group ("the big Chinese internet stocks").
COLLECTIVE_VALUE = re.compile(
    r"\b(?:stocks|companies|firms|groups|platforms|giants|names|sector|industry)\b"
    # a market's shares, not one company's: "US-listed Chinese shares", "Internet shares"
    r"|\b(?:Chinese|internet|tech(?:nology)?|[\w-]+-listed|gaming|education|property)\s+shares\b",
    re.IGNORECASE)
#: A sentence speaking of a company it does not name: "its revenue", "the market value",
#: "the segment's revenue".
REFERS_BACK = re.compile(
    r"\b(?:[Ii]ts|[Tt]he\s+(?:market\s+(?:value|capitali[sz]ation|cap)|stock|shares|valuation"
    r"|(?:company|segment|unit|division|business)(?:[’']s)?))\b"
    # "fined it", "It was fined": the company fined is the one before
    r"|\b(?:fined|fines|penali[sz]ed)\s+it\b|\b[Ii]t\s+(?:was|has\s+been|had\s+been)\s+"
    r"(?:fined|penali[sz]ed)\b"
)


def refers_back(sentence: str) -> bool:
    """The sentence's figures belong to a company named before it, not to a group.

    >>> refers_back("The market value evaporated."), refers_back("The stocks lost $1 trillion.")
    (True, False)
    """
    return bool(REFERS_BACK.search(sentence)) and not COLLECTIVE_VALUE.search(sentence)


#: Just before a fine that may come, not one imposed: "could face", "may be fined", or a
#: maximum raised "to" it across a comma (:data:`CEILING`, asked first, makes a figure right
#: after "up to", "as much as", "a maximum of" `other`, so those never reach this).
POSSIBLE_FINE = re.compile(
    r"(?:\b(?:could|may|might|would)\s+(?:face|be\s+fined|pay)\b[^.;]*$"
    r"|\bmaximum\s+(?:fine|penalty)\b[^.;]{0,60}?\bto\s*$)",
    re.IGNORECASE,
)


def is_possible_fine(sentence: str, start: int) -> bool:
    """The fine at ``sentence[start:]`` is one that may come ("could face a fine of"): it
    keeps its kind but is no company's fine yet.

    >>> s = "The app could face a fine of RMB100,000."
    >>> is_possible_fine(s, s.index("RMB")), is_possible_fine("It was fined RMB100,000.", 13)
    (True, False)
    """
    return bool(POSSIBLE_FINE.search(sentence, 0, start))


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
    >>> s = "Each drew a fine of 500,000 yuan, a total of 4 million yuan."
    >>> is_shared(s, s.index("500"), s.index(", a total"), "fine", 0)
    False
    >>> s = "Tencent lost $50 billion in market value."
    >>> is_shared(s, s.index("$"), s.index(" in"), "market value loss", 1)
    False
    """
    # A cue after the figure that leads to another figure is that one's ("X, a total of Y").
    after = end if MONEY.search(sentence, end, end + 40) else end + 40
    near = sentence[max(0, start - 60) : after]
    if EACH.search(sentence[end : end + 25]):
        return False
    if any(companies > 1 or not (_OWN_TOTAL.match(near, m.start()) or (
            companies == 1 and " ".join(m.group().lower().split()) in _SUMMED)) for m in SHARED_CUES.finditer(near)):
        return True  # (one company's "total revenues" or "a total of" fines are its own)
    if kind not in MARKET_CAP_KINDS:
        return False
    # a group named near the figure ("the big internet stocks lost $X"), not one named
    # further on ("The company lost $X …, fearing scrutiny of tech companies"); beside one
    # company, only a group named before the figure ("Tencent has lost $295 billion, as the
    # campaign against the technology industry weighed" is Tencent's own)
    after = end + 80 if companies == 0 else end
    return companies > 1 or bool(COLLECTIVE_VALUE.search(sentence, max(0, start - 80), after))


def fined_before(
    earlier: Sequence[tuple[int, int, str, tuple[str, ...]]], paragraph: int
) -> tuple[str, ...]:
    """The companies of a total of fines whose sentence names none ("the penalties came to
    X in total"): those of the nearest sentence before it that names companies and tells of
    fines, in its paragraph or the one before. ``earlier``: (index, paragraph, sentence,
    companies) of the sentences naming companies so far, in order.

    >>> fined_before([(3, 0, "SAMR fined Baidu and Didi.", ("Baidu", "Didi"))], 1)
    ('Baidu', 'Didi')
    >>> fined_before([(3, 0, "SAMR fined Baidu and Didi.", ("Baidu", "Didi"))], 2)
    ()
    """
    for _, where, sentence, companies in reversed(earlier):
        if where < paragraph - 1:
            break
        if FINE_CUE.search(sentence):
            return companies
    return ()


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
        or has_digit(sentence) and bool(_ISO_GLUED.search(sentence))  # a match opens with \d
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
    rate_end = -1
    for m in MONEY.finditer(text, start, end):
        currency, amount = _read(m)
        if out and m.start() < out[-1].end:
            continue  # the stated conversion of the previous figure
        if m.start() == rate_end:
            continue  # the exchange rate's other side
        rate = _RATE.match(text, m.end())
        if rate:  # an exchange rate, "($1 = 6.7463 yuan)": neither side is money
            rate_end = rate.end()
            continue
        stop, usd, stated = m.end(), amount * USD_PER_UNIT[currency], False
        conv = _CONVERSION.match(text, m.end()) if currency != "USD" else None
        if conv:
            stop = conv.end()
            if conv.group("num"):
                usd = _value(conv.group("num"), conv.group("scale"))
            else:  # "(about 3.7 billion U.S. dollars)"
                usd = _value(conv.group("num2"), conv.group("scale2"))
            stated = True
        elif (joined := _OR_RESTATED.match(text, m.end(), end)) and (
                again := MONEY.match(text, joined.end(), end)):
            other, other_amount = _read(again)
            other_usd = other_amount * USD_PER_UNIT[other]
            if other != currency and abs(other_usd - usd) <= _RESTATED_GAP * max(usd, other_usd):
                # "$1.19 billion or 8.026 billion yuan", "18.2 billion yuan, or about $2.8
                # billion": one amount in two currencies, its US dollars the ones written
                stop, stated = again.end(), "USD" in (currency, other)
                if other == "USD":  # (else ``usd`` is the written dollars or the fixed rate's)
                    usd = other_usd
        out.append(Money(m.start(), stop, text[m.start() : stop], amount, currency, usd, stated))
    return out


#: Kinds that measure a whole company or deal: never a plain amount under PRICE_MAX with no
#: "million" or "billion" ("HK$309.40" is a price whatever cue is near it); and an amount
#: with a scale word ("42.6 billion yuan") is never a price per share.
WHOLE_KINDS = frozenset({"market value", "market value loss", "valuation", "ipo proceeds", "fund"})
PRICE_MAX = Decimal(10_000)
#: A sentence about shares: a plain small amount in it that no other cue claims is a price
#: (a price of shares, not of a room or a ticket: "an original price of 1,621 yuan").
SHARE_TALK = re.compile(r"\b(?:shares?|stocks?|ADSs?|ADRs?|priced)\b"
                        r"|\b(?:share|stock|offer|offering|issue|IPO|listing|target|closing|opening)"
                        r"\s+price\b|\bprice\s+(?:target|per\s+share)\b", re.IGNORECASE)


#: A whole sector's estimated value: no price put on a company, so kind other.
SECTOR_VALUED = re.compile(
    r"\b(?:sector|industry)\s+(?:(?:was|is|had|has|been)\s+){0,2}valued\b"
    r"|\bvalu(?:ed|es|ing)\s+the\s+(?:[\w-]+\s+){0,2}(?:sector|industry)\b", re.IGNORECASE
)
#: A table flattened into text: its cells are parted by two or more spaces.
_CELL_GAP = re.compile(r"[ \t]{2,}")


def _cue_distances(sentence: str, start: int, end: int) -> dict[str, tuple[int, int]]:
    """Each kind with a cue in ``sentence``: (distance of its nearest cue, rank)."""
    nearest: dict[str, tuple[int, int]] = {}
    for rank, (kind, cue) in enumerate(KIND_CUES):
        for m in cue.finditer(sentence):
            key = (max(m.start() - end, start - m.end(), 0), rank)
            if kind not in nearest or key < nearest[kind]:
                nearest[kind] = key
    return nearest


def column_kind(text: str, at: int) -> str | None:
    """The kind a table's heading gives the figure at ``text[at]``, or None: its line is a
    row of three or more cells under a heading line with as many cells (the first line of
    the block, no blank line between), and the heading of its column has a cue.

    >>> t = "Date  Company  Fine\\n7/7/2021  Acme  CNY 500,000\\n"
    >>> column_kind(t, t.index("CNY"))
    'fine'
    """
    line_start = text.rfind("\n", 0, at) + 1
    line_end = text.find("\n", at)
    line_end = len(text) if line_end < 0 else line_end
    cells = len(_CELL_GAP.split(text[line_start:line_end].strip()))
    if cells < 3:
        return None
    column = len(_CELL_GAP.findall(text[line_start:at].lstrip()))
    heading = None
    while line_start > 0:  # up the block, as long as the lines have as many cells
        above = text.rfind("\n", 0, line_start - 1) + 1
        line = text[above : line_start - 1].strip()
        if not line or len(_CELL_GAP.split(line)) != cells:
            break
        heading, line_start = line, above
    if heading is None:
        return None
    nearest = _cue_distances(_CELL_GAP.split(heading)[column], 0, 0)
    return min(nearest, key=nearest.__getitem__) if nearest else None


def figure_kind(
    sentence: str, start: int = 0, end: int | None = None, *, text: str = "", at: int = 0
) -> str:
    """The kind of the figure at ``sentence[start:end]``: its nearest cue's, among the kinds
    its size allows (a plain small amount is a price, not a company's worth; an amount in
    millions or billions is not a price per share). With no cue in its sentence, a figure in
    a table row (the whole ``text``, the figure at ``text[at]``) takes its column's kind.

    >>> figure_kind("Alibaba lost US$344 billion in market capitalization.")
    'market value loss'
    >>> figure_kind("Alibaba started a $1.5 billion poverty relief fund.")
    'fund'
    >>> s = "The fine is 4% of the 455.7 billion yuan in domestic sales."
    >>> figure_kind(s, s.index("455"), s.index(" in domestic"))
    'other'
    >>> s = "Its shares have lost 60% of their value since a record of HK$309.40."
    >>> figure_kind(s, s.index("HK$"), len(s) - 1)
    'share price'
    """
    end = len(sentence) if end is None else end
    nearest = _cue_distances(sentence, start, end)
    if not nearest and text:
        column = column_kind(text, at)
        if column is not None:
            nearest[column] = (0, 0)
    figure = MONEY.match(sentence, start, end)
    if figure is not None:
        scale = figure.group("scale") or figure.group("scale2")
        if scale or _value(figure.group("num") or figure.group("num2"), None) >= PRICE_MAX:
            nearest.pop("share price", None)
        else:
            for kind in WHOLE_KINDS:
                nearest.pop(kind, None)
            if "share price" not in nearest and SHARE_TALK.search(sentence):
                nearest["share price"] = (len(sentence), len(KIND_CUES))  # if nothing else
    if not nearest:
        return "other"
    kind = min(nearest, key=nearest.__getitem__)
    if kind == "fine" and CEILING.search(sentence, max(0, start - 160), start):
        return "other"  # a legal maximum
    if kind == "valuation" and SECTOR_VALUED.search(sentence):
        return "other"  # a sector's size
    return kind
