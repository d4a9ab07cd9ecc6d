"""Companies the gazetteer lacks, found by general cues and marked ``discovered``.

Real articles name live-streaming sites, carmakers, chip start-ups and foreign
firms given for comparison. A capitalised name counts as a company when a cue
says so (the cue tables below are the data):

* a corporate suffix: "Bilibili Inc.", "Hive Box Ltd", "Zhihu Holdings";
* an appositive: "Huya, a live-streaming site", "DouYu, the game-streaming platform",
  "China Literature (a Tencent affiliate)";
* a descriptor before it: "Chinese carmaker Xpeng", "chipmaker SMIC", "the
  streaming site DouYu", "Tencent-backed China Literature";
* its shares: "Zhihu's shares", "shares of Zhihu", "Zhihu shares fell".

A name found once is a company wherever else the article names it ("Huya said").
The surface name is kept without its suffix ("Bilibili"). False organisations
are avoided by the same tables: places, months, weekdays, publications and
exchanges, state bodies (the gazetteer's actors) and people (the gazetteer's)
never count, nor does a name inside one the gazetteer already knows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from data.alternation import Alternation, lower_unless_folded

_CAP = r"[A-Z][\w&.’'-]*[\w&]|[A-Z]"  # a capitalised word ("Trip.com", "JD", "Li")
_NAME = rf"(?:{_CAP})(?:\s+(?:&\s+)?(?:{_CAP})){{0,2}}"
SUFFIXES = (r"Inc\.?|Ltd\.?|Limited|Holdings?|Group|Co(?:\.,?|,)?\s+Ltd\.?|Co\.|Corp\.?|Corporation"
            r"|PLC|plc")
#: Nouns that make "X, a ... NOUN" or "DESCRIPTOR-NOUN X" a company.
KINDS = (
    r"company|firm|platform|start-?up|maker|carmaker|automaker|chipmaker|operator|provider"
    r"|developer|retailer|lender|insurer|brokerage|app|site|service|giant|group|rival|unit"
    r"|marketplace|conglomerate|manufacturer|supplier|subsidiary|streamer|publisher|business"
    r"|consultancy|bank|studio|airline|broker|fund|database|affiliate"
)
CUES = Alternation.of(
    # a partnership's name ends with its "& Company" or "& Co.", kept ("Bain & Company"):
    # first, so that at the same start it wins over the plain name before a suffix
    rf"(?P<i>(?:{_CAP})(?:\s+(?:{_CAP}))?\s+&\s+(?:Company|Co\.?))(?![\w])"
    # "Intime Retail (Group) Co Ltd": a bracketed "(Group)" before the legal form
    rf"|(?P<a>{_NAME})(?:\s+\((?:Group|Holdings?)\))?\s+(?:{SUFFIXES})(?![\w])"
    # (the kind noun looked ahead to: "Alibaba, the Tencent-backed e-book platform China
    # Literature" names a second company after it)
    rf"|(?P<b>{_NAME})(?:,\s+|\s+\()(?:a|an|the|its|(?:[A-Z][\w.&-]*\s+){{0,2}}[A-Z][\w.&-]*[’']s)\s+(?:(?!(?:at|of|in|for|with|to|by)\s)[\w’'-]+\s+){{0,4}}?"
    rf"(?=(?:{KINDS})\b)"
    rf"|\b(?:(?:{KINDS})|-backed|-owned)\s+(?P<c>{_NAME})"
    # a name in commas right after its kind, perhaps with its place: "a state-backed chipmaker
    # in Fujian province, Fujian Jinhua, with ..."
    rf"|\b(?:{KINDS})(?:\s+(?:in|from|based\s+in)\s+[A-Z][\w’'-]+(?:\s+[Pp]rovince)?)?,\s+"
    rf"(?P<j>{_NAME}),"
    rf"|(?P<d>{_NAME})[’']s\s+(?:(?:Hong\s+Kong|U\.?S\.?|New\s+York|Nasdaq)[\w.-]*\s+)?(?:shares|stock)\b"
    rf"|\b[Ss]hares\s+(?:of|in)\s+(?P<e>{_NAME})"
    rf"|(?P<f>{_NAME})\s+shares\s+(?:fell|rose|jumped|slumped|plunged|tumbled|dropped|gained|were)\b"
    # the target of an investigation: "a probe into Nvidia", "an antitrust probe of Google"
    rf"|\b(?:investigations?|probes?|inquir(?:y|ies))\s+(?:into|of|against)\s+(?P<g>{_NAME})"
    # what a company agreed to buy, acquired or bid for: "agreed to buy Autotalks", "its
    # acquisition of Mellanox", "a $44 billion bid for NXP"
    rf"|\b(?:(?:agreed|agreement|deal|plans?|offer(?:ed)?)\s+to\s+(?:buy|acquire)"
    rf"|(?:acquisition|takeover|purchase|buyout)\s+of|bid\s+for|merger\s+with)\s+(?P<h>{_NAME})",
)
#: The cues whose name may be a person's (an investigation's target): a name that reads as
#: a person's is left out of those (:func:`_personal`).
_PEOPLE_TOO = frozenset("gj")
def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Words that open a sentence or clause, never a name: dropped from a name's front.
FUNCTION_WORDS = _words("""
    The A An It Its This That These Those They Their He She His Her We Our I In On At For
    But And Or As After Before Since When While Under With By Of From To Shares Analysts
    Investors Both All Some Then Also Even Only No No.
""")  # fmt: skip
#: Last words of names that are not companies: bodies, schools, markets, events.
NON_COMPANY_HEADS = _words("""
    Conference Committee Commission Congress Council Assembly Association Court Bureau
    Ministry Agency Administration Office Department University Institute School Exchange
    Index Fund Summit Forum Party Plan Act Law Rules Day Week Festival Times Post Journal
    News Daily Review Street
""")  # fmt: skip
#: Capitalised words that never name a company alone: places, time, media, markets.
NOT_ORGANISATIONS = FUNCTION_WORDS | _words("""
    Chinese China Beijing Shanghai Shenzhen Hangzhou Guangzhou Hong Kong Macau Taiwan
    Tianjin Wuhan Chengdu Xi’an Xi'an American America Asia Asian Europe European Britain
    British UK U.K. US U.S. United States Japan Japanese Korea Korean India Ireland Irish
    Singapore Washington New York London Brussels Paris Germany Silicon Valley
    Israeli Israel Dutch Netherlands German French Swiss Canadian Indian Australian Singaporean
    Taiwanese Russian Italian Spanish Swedish Finnish Belgian Brazilian Mexican Vietnamese
    Indonesian Malaysian Thai Saudi Emirati Turkish Hongkong Mainland
    January February March April May June July August September October November December
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday Friday
    Saturday Sunday Reuters Bloomberg Xinhua Caixin CNBC Nikkei WIRED Wired MSNBC
    Global Times Daily People’s People's Journal Post Financial Economic Information South
    Morning Wall Street Nasdaq NYSE Stock Exchange Hang Seng Index Golden Dragon Dow Jones
    Communist Party Congress Parliament Politburo Council Ministry Commission Administration
    Department Bureau Court Office Committee President Premier Vice Mr Mr. Ms Ms. Dr Dr.
    Chairman Chief Executive Officer CEO Q Q1 Q2 Q3 Q4 Internet Tech Technology Big Covid
    COVID-19 Double Eleven Singles Day Golden Week Project Plan Law Act Rules Data Security
""")  # fmt: skip


#: Common Chinese surnames in pinyin: a name of two or three short words opening with one
#: ("Bao Fan", "Xiao Jianhua") reads as a person's.
CHINESE_SURNAMES = _words("""
    Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin Luo Gao Zheng
    Liang Xie Song Tang Han Feng Deng Cao Peng Zeng Xiao Tian Dong Pan Yuan Cai Jiang Yu Du Ye
    Cheng Wei Su Lu Ding Ren Shen Yao Jin Fu Zhong Cui Tan Liao Fan Wan Qian Dai Qin Shi Bao
    Jia Kong Mao Hou Xue Lei Lai Long Duan Hao Shao Meng Qiu Xiong Bai Yan Kang Gu Zou Hong
""")  # fmt: skip
#: Titles before a person's name: "Mr Ma" is no company.
_TITLES = _words("Mr Mr. Mrs Mrs. Ms Ms. Dr Dr. Prof Prof. Sir Madam")


def _personal(name: str) -> bool:
    """Does ``name`` read as a person's: a title first, or a Chinese surname and one or two
    short capitalised words ("Bao Fan")?

    >>> _personal("Bao Fan"), _personal("Mr Ma"), _personal("Nvidia"), _personal("Kingsoft Cloud")
    (True, True, False, False)
    """
    words = name.split()
    if words[0] in _TITLES:
        return True
    return words[0] in CHINESE_SURNAMES and 2 <= len(words) <= 3 and all(
        w.isalpha() and w[0].isupper() and w[1:].islower() and len(w) <= 8 for w in words[1:])


#: A cue naming a publication, not a company of the story.
MEDIA = re.compile(r"\b(?:news|media|newspaper|magazine|tabloid|newswire|broadcaster)\b", re.I)


_SUFFIX_AT_END = re.compile(rf"(?:\s+Technolog(?:y|ies))?\s+(?:{SUFFIXES})$|\s+Technolog(?:y|ies)$")
_POSSESSIVE_AT_END = re.compile(r"[’']s$")


def _clean(name: str) -> str:
    """The surface name without a trailing corporate word ("Technologies" too) or possessive."""
    return _POSSESSIVE_AT_END.sub("", _SUFFIX_AT_END.sub("", name.strip()))


_PLACE_OWNS = re.compile(r"\w+[’']s")


def _trim_front(name: str, start: int) -> tuple[int, str]:
    """``name`` (found at ``start``) without the leading words that are no part of a name:
    a function word ("In Huya") or a place's possessive ("Japan's SoftBank"); the start
    moves with them."""
    words = name.split()
    while len(words) > 1 and (words[0] in FUNCTION_WORDS or _PLACE_OWNS.fullmatch(words[0])
                              and words[0][:-2] in NOT_ORGANISATIONS):
        start += len(words[0]) + 1
        words = words[1:]
    return start, " ".join(words)


#: A place in brackets right before a name: the name continues a company's legal name
#: ("Alibaba (China) Network Technology Co", "Tencent (Shenzhen) Computer Systems").
_PLACE_BRACKET_BEFORE = re.compile(r"\((?:China|Beijing|Shanghai|Shenzhen|Hangzhou|Guangzhou"
                                   r"|Hong\s+Kong|Hainan|Tianjin)\)\s+$")


def _plausible(name: str) -> bool:
    words = name.replace("-", " ").split()
    return (
        bool(words)
        and not all(w in NOT_ORGANISATIONS for w in words)
        and words[-1] not in NON_COMPANY_HEADS
    )


#: Lower-case words one of which every cue needs: a cheap test before the pattern.
TRIGGERS = frozenset(
    re.sub(r"[^a-z|-]", "", (SUFFIXES + "|" + KINDS).lower()).replace("-?", "").split("|")
) | {"shares", "stock", "backed", "owned", "inc", "ltd", "co", "corp", "holding", "start",
     "investigation", "investigations", "probe", "probes", "inquiry", "inquiries", "buy",
     "acquire", "acquisition", "takeover", "purchase", "buyout", "bid", "merger"}


_WORD = re.compile(r"[A-Za-z][\w’'-]*")


def title_case(sentence: str) -> bool:
    """Most of the sentence's longer words are capitalised: a headline in title case.

    >>> title_case("Gaming Shares Slump as Minors Limited to Three Hours' Play Per Week")
    True
    >>> title_case("Bilibili Inc. and Leapmotor Ltd. fell on Monday.")
    False
    """
    words = [w for w in _WORD.findall(sentence) if len(w) > 3]
    return len(words) >= 6 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def discover(
    sentence: str,
    taken: Iterable[tuple[int, int]],
    excluded: frozenset[str],
    words: frozenset[str] | None = None,
) -> list[tuple[int, int, str]]:
    """(start, end, name) of each company the cues find in ``sentence``, outside the
    spans already ``taken`` (gazetteer names) and not among ``excluded`` names.

    >>> [n for *_, n in discover("Chinese carmaker Xpeng and Bilibili Inc. fell.", [], frozenset())]
    ['Xpeng', 'Bilibili']
    >>> [n for *_, n in discover("Huya, a live-streaming site, said so.", [], frozenset())]
    ['Huya']
    >>> discover("In July, Beijing said so. Reuters reported it.", [], frozenset())
    []
    """
    if words is not None and TRIGGERS.isdisjoint(words):
        return []
    taken = list(taken)
    found: list[tuple[int, int, str]] = []
    headline = None  # worked out on the first suffix found
    for m in CUES.finditer(sentence):
        found_in = m.groupdict()  # a sentence is searched only with the cues it may hold
        group = next(g for g in "iabcdefghj" if found_in.get(g))
        if group == "a":  # in a title-case headline "Limited" or "Group" is a plain word
            headline = title_case(sentence) if headline is None else headline
            if headline:
                continue
        start, end = m.span(group)
        if MEDIA.search(m.group()):  # "TechNode, a tech news site": a publication
            continue
        name = _clean(m.group(group)) if group != "i" else m.group(group)
        # a leading word that is not a name ("In Huya") goes
        start, name = _trim_front(name, start)
        if not _plausible(name) or name in excluded or group in _PEOPLE_TOO and _personal(name):
            continue
        if _PLACE_BRACKET_BEFORE.search(sentence, max(0, start - 24), start):
            continue  # "Alibaba (China) Network Technology Co": the company before the bracket
        if any(a < end and start < b for a, b in taken):
            continue
        found.append((start, start + len(name), name))
        taken.append((start, end))
    return found


def named_again(sentence: str, names: Iterable[str], taken: Iterable[tuple[int, int]]):
    """(start, end, name) where a name discovered earlier in the article recurs."""
    taken = list(taken)
    for name in names:
        if name not in sentence:
            continue
        for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", sentence):
            if not any(a < m.end() and m.start() < b for a, b in taken):
                yield m.start(), m.end(), name


#: Plural nouns that introduce a list of companies: "a dozen platforms, including …".
GROUP_NOUNS = (
    r"companies|firms|platforms|giants|groups|enterprises|businesses|operators|lenders"
    r"|carriers|start-?ups|makers|apps|brokerages|insurers|retailers|developers|conglomerates"
)
#: A count of companies before their list in commas: "Three start-ups, Baichuan, Zhipu AI and
#: MiniMax, announced ...".
_COUNT = r"(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|several|both)\s+(?:[\w-]+\s+)?"
_INTRO = re.compile(
    rf"\b(?:{GROUP_NOUNS}),?\s+(?:including|such\s+as|like|among\s+them|notably|led\s+by)\s+$"
    rf"|\b(?:{GROUP_NOUNS})\b[^.;:]{{0,60}}:\s+$"  # "the five companies it named: A, B and C"
    rf"|\b(?:{GROUP_NOUNS})\s+$"  # "biotechnology companies BeiGene, Zai Lab and HutchMed"
    rf"|\b{_COUNT}(?:{GROUP_NOUNS}),\s+$",
    re.IGNORECASE,
)
#: The words of an introduction "…, including" (every introduction, "…, including",
#: "…: A, B and C" or "biotech companies A, B and C", needs one of :data:`GROUP_WORDS`).
LIST_WORDS = frozenset({"including", "such", "like", "among", "notably", "led"})
GROUP_WORDS = frozenset(GROUP_NOUNS.replace("-?", "").split("|"))
#: (An Alternation: searched only where the sentence has one of the group nouns, which
#: every alternative needs; the full pattern tried the nouns at every position.)
_INTRO_ANYWHERE = Alternation(
    rf"\b(?:{GROUP_NOUNS}),?\s+(?:including|such\s+as|like|among\s+them|notably|led\s+by)\s",
    rf"\b(?:{GROUP_NOUNS})\b[^.;:]{{0,60}}:\s",
    rf"\b(?:{GROUP_NOUNS})\s+(?-i:[A-Z])",  # "biotechnology companies BeiGene, ..."
    rf"\b{_COUNT}(?:{GROUP_NOUNS}),\s+(?-i:[A-Z])",  # "Three start-ups, Baichuan, ..."
    flags=re.IGNORECASE,
)
_LIST_SEPARATORS = (", ", " and ", " or ")
#: The words an introduction's noun gives: "start-ups" is the words "start" and "ups".
INTRO_NOUN_WORDS = GROUP_WORDS | {"ups"}


#: Names listed "together with" or "along with" a known company ("added Alibaba, together
#: with Mogu, Cheetah Mobile and Boqii"): the list right after the words.
_WITH_INTRO = re.compile(r"\b(?:together|along)\s+with\s+$", re.IGNORECASE)
_WITH_WORDS = frozenset({"together", "along"})


def may_list(sentence: str, known: list[tuple[int, int]], words: frozenset[str]) -> bool:
    """Can :func:`listed` find anything? A cheap first test: a known company followed by a
    list's separator, or an introduction of companies."""
    if len(known) > 1 and any(sentence.startswith(_LIST_SEPARATORS, end) for _, end in known):
        return True
    if known and not _WITH_WORDS.isdisjoint(words) and "with" in words:
        return True
    nouns = INTRO_NOUN_WORDS.intersection(words)
    words_say = bool(nouns) and (not LIST_WORDS.isdisjoint(words) or ":" in sentence or any(
        _noun_before_name(noun).search(sentence) for noun in nouns))
    if not words_say and (sentence.isascii() or lower_unless_folded(sentence) is not None):
        return False  # a character that folds to an ASCII letter ("ſ") defeats the words' test
    return bool(_INTRO_ANYWHERE.search(sentence))


@cache
def _noun_before_name(noun: str) -> re.Pattern:
    """The noun right before a capitalised word: "companies BeiGene" (the third introduction),
    or a comma between after a count ("Three start-ups, Baichuan"); a pattern a noun,
    searched only for the nouns a sentence has."""
    return re.compile(rf"\b(?i:{re.escape(noun)}),?\s+[A-Z]")
#: A name in a list; a number after a name belongs to it ("Qihoo 360").
_ITEM = rf"(?:{_NAME})(?:\s+\d{{2,4}}(?![\w%]|[.,]\d))?"
_LIST = re.compile(rf"{_ITEM}(?:(?:,\s+(?:and\s+|or\s+)?|,?\s+(?:and|or)\s+){_ITEM})+")
_ITEM_PATTERN = re.compile(_ITEM)


def listed(
    sentence: str,
    known: Iterable[tuple[int, int]],
    taken: Iterable[tuple[int, int]],
    excluded: frozenset[str],
) -> list[tuple[int, int, str]]:
    """(start, end, name) of the names listed as companies: a list of names ("A, B and C")
    introduced as companies ("a dozen platforms, including …", "lenders such as …") or
    holding two companies the gazetteer knows (``known``: their spans, products not
    among them), outside the spans ``taken`` and not among ``excluded`` names.

    >>> [n for *_, n in listed("Firms such as Qudian 360 and Dingdong fell.", [], [], frozenset())]
    ['Qudian 360', 'Dingdong']
    >>> [n for *_, n in listed("Meituan, Dingdong and others were told.", [(0, 7)], [(0, 7)],
    ...                        frozenset())]
    []
    """
    known, taken = list(known), list(taken)
    found: list[tuple[int, int, str]] = []
    headline = None  # worked out when a list is found: in title case a capital says nothing
    for lst in _LIST.finditer(sentence):
        items = [m.span() for m in _ITEM_PATTERN.finditer(sentence, lst.start(), lst.end())]
        named = sum(any(a < e and s < b for a, b in known) for s, e in items)
        if named < 2 and not _INTRO.search(sentence, 0, lst.start()) and not (
                _WITH_INTRO.search(sentence, max(0, lst.start() - 20), lst.start())
                and any(b <= lst.start() for _, b in known)):
            continue
        headline = title_case(sentence) if headline is None else headline
        if headline:  # "... in Alibaba, Tencent, Extending Online Rein": the known names only
            continue
        for start, end in items:
            if any(a < end and start < b for a, b in taken):
                continue
            start, name = _trim_front(_clean(sentence[start:end]), start)
            if _plausible(name) and name not in excluded:
                found.append((start, start + len(name), name))
                taken.append((start, end))
    return found
