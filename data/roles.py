"""Actor roles: who an event is about, and who is only named in passing.

``companies`` lists the companies an event is about and ``regulators`` the state
actors that act in it. Three general rules keep names named in passing out:

* an **owner** or shareholder named only as such is not a subject: "censured
  Weibo, of which Alibaba owns 30 percent", "Tencent-backed China Literature",
  "a lender partly owned by JD.com", "whose shareholders include Tencent"; nor is
  a commentator's employer ("an analyst at law firm X");
* a **leader merely quoted** by someone else is not an actor: "Ma cited Xi's
  words", "quoting Xi Jinping";
* a **plural reference** ("they", "the tech giants", "the three companies")
  takes the companies last named together, where the sentence names none.

A company named both as an owner and otherwise ("Alibaba, which owns a third of
Ant, saw its shares fall") stays a subject: only a name that occurs nowhere but
in an owner phrase is dropped.
"""

from __future__ import annotations

import re

from data.alternation import Alternation

#: "Tencent-backed X": the name before the suffix is the owner.
OWNER_SUFFIXES = ("-backed", "-owned", "-controlled", "-affiliated", "-funded", "-led")

_NAME_STOP = r"[^,;:()\u2013\u2014]"  # an owner phrase runs to the next comma, dash or bracket
#: Phrases whose company names are owners, not subjects (each runs to a comma or dash);
#: a sentence is searched only with the phrases whose words it has (``Alternation``).
OWNER_PHRASES = Alternation.of(
    rf"\b(?:of|in)\s+which\s+{_NAME_STOP}*?\b(?:owns?|holds?|has|had|controls?|bought|invested)\b"
    rf"{_NAME_STOP}*"
    # a former employer ("a former Alibaba sales manager"), a channel ("through its official X")
    rf"|\ba\s+former\s+{_NAME_STOP}{{0,40}}?\b(?:manager|executive|employee|engineer|staffer"
    rf"|director|official)\b"
    rf"|\b(?:through|via)\s+(?:its|their|his|her)\s+(?:official\s+|verified\s+)?\S+"
    rf"(?:\s+(?:account|page|channel|post))?"
    rf"|\bon\s+(?:its|their|his|her)\s+(?:official\s+|verified\s+)?\S+\s+(?:account|page"
    rf"|channel|feed)\b"
    # "owned by X": the owner's name only (capitalised words, "of"/"and" between them), so
    # a company after the verb ("backed by the CAC bought 1% of an Alibaba unit") is not one
    rf"|\b(?:(?:partly|partially|majority|minority|part|jointly|wholly|largely)[\s-]+)?"
    rf"(?:owned|backed|controlled|funded|held)\s+by\s+(?:(?:the|a|an|its)\s+)?"
    rf"(?:(?-i:[A-Z])[\w.&’'-]*(?:\s+(?:of|and|for|&)(?=\s+(?-i:[A-Z])))?\s*){{1,8}}"

    # "backed by investors including Uber and SoftBank": the backers listed
    rf"|\b(?:owned|backed|controlled|funded|held)\s+by\s+(?:\w+\s+){{0,2}}?(?:shareholders|investors"
    rf"|backers|owners)\s+(?:including|such\s+as|like|among\s+them)\b{_NAME_STOP}*"
    # "counts SoftBank's Vision Fund and Uber among its biggest shareholders"
    rf"|\bcounts\s+{_NAME_STOP}*?\s+among\s+(?:its|their)\s+(?:\w+\s+){{0,2}}"
    rf"(?:shareholders|investors|backers|owners)\b"
    rf"|\b(?:whose|with|its)\s+(?:\w+\s+){{0,2}}(?:shareholders?|investors?|backers?|owners?)"
    rf"\s+(?:include|including|are|is|such\s+as)\b{_NAME_STOP}*"
    rf"|\b(?:an?|the)\s+(?:\w+\s+){{0,2}}(?:affiliate|subsidiary|spin-?off)\s+of\s+{_NAME_STOP}*"
    # the owner before the noun, in a description after the name: "(a Tencent affiliate)",
    # ", an Alibaba subsidiary,"
    rf"|(?:\(|,\s)\s*an?\s+(?:(?-i:[A-Z])[\w.&’'-]*\s+){{1,3}}(?:affiliate|subsidiary|unit|arm"
    rf"|spin-?off)\b"
    # someone's employer, named to introduce them: "an analyst at law firm X", "analysts at
    # Jefferies and Morgan Stanley"; the name only (a few words of its kind before it), not
    # what the analysts then did ("analysts at two brokers cut forecasts for Meituan")
    rf"|\b(?:analyst|associate|partner|economist|strategist|researcher|professor|lawyer|fellow"
    rf"|spokes(?:man|woman|person))s?\s+(?:at|of|with|from)\s+(?:(?:the|a|an)\s+)?"
    rf"(?:(?-i:[a-z])[\w-]*\s+){{0,3}}?"
    rf"(?:(?-i:[A-Z])[\w.&’'-]*(?:\s+(?:of|and|for|&)(?=\s+(?-i:[A-Z])))?\s*){{1,8}}"
    rf"|\baccording\s+to\s+{_NAME_STOP}*"
    # a company named for comparison: "bigger than the total value of Nike or Pfizer"
    rf"|\b(?:bigger|larger|smaller|greater|higher|lower|more|less|fewer|worse|better)"
    rf"(?:\s+\w+){{0,2}}?\s+than\s+"
    rf"(?:(?:the|that|those)\s+(?:of\s+)?)?(?:(?:total|combined|entire|whole)\s+)?"
    rf"(?:(?:market\s+)?(?:value|size|worth|capitali[sz]ation|revenue|sales)\s+of\s+)?"
    rf"(?-i:[A-Z])[\w.&’'-]*(?:\s+(?:(?-i:[A-Z])[\w.&’'-]*|or|and|&))*",
    re.IGNORECASE,
)
#: An author-year citation, "(Ministry of Education, 2021, p. 3)", "(Chen and Ruan, 2022;
#: SAMR 2021a)": the bodies and companies in it wrote a source, they do not act.
CITATION = re.compile(
    r"\([A-Z][^()]{0,80}?,?\s(?:19|20)\d\d[a-z]?(?:[,;][^()]{0,80})?\)"
)


def citation_spans(sentence: str) -> list[tuple[int, int]]:
    """Spans of the author-year citations of ``sentence``.

    >>> s = "Profits were barred (Ministry of Education, 2021, p. 3)."
    >>> [s[a:b] for a, b in citation_spans(s)]
    ['(Ministry of Education, 2021, p. 3)']
    >>> citation_spans("Alibaba (founded 1999) was fined.")
    []
    """
    return [m.span() for m in CITATION.finditer(sentence)] if "(" in sentence else []


#: Just before a leader's name: someone else quoting them.
QUOTING = re.compile(
    r"\b(?:cit(?:ed|es|ing)|quot(?:ed|es|ing)|echo(?:ed|es|ing)|invok(?:ed|es|ing)"
    r"|paraphras(?:ed|es|ing)|borrow(?:ed|ing))\s+(?:(?:Mr\.|the|a|an|\w+’s|\w+'s)\s+){0,2}$",
    re.IGNORECASE,
)
#: A reference to several companies named before.
PLURAL_REFERENCE = re.compile(
    r"^\W*(?:They|Their|Both)\b"
    # (not the ones a text leaves unnamed: "did not name the companies")
    r"|(?<!\bname\s)(?<!\bnamed\s)(?<!\bidentify\s)"
    r"\b(?:the|these|those|both|all)\s+(?:same\s+)?(?:three\s+|two\s+|four\s+|five\s+)?"
    r"(?:(?:Chinese\s+)?(?:tech|technology|internet|platform)\s+)?(?:giants|companies|firms|groups)\b"
    # platforms counted or "the same": "the same three platforms", "the two platforms"
    r"|\b(?:the|these|those|both|all)\s+(?:same\s+)?(?:two|three|four|five)\s+platforms\b"
    r"|\bthe\s+same\s+platforms\b"
    # "the three" standing for the companies ("summoned the three again")
    r"|\b(?:the|all)\s+(?:two|three|four|five)\b(?=\s+(?:again|also|were|had|have|all|said"
    r"|agreed|must|would|will|to|with|of\s+them)\b|\s*[,.;])",
    re.IGNORECASE,
)
PLURAL_WORDS = frozenset(
    {"they", "their", "both", "giants", "companies", "firms", "groups", "platforms", "two",
     "three", "four", "five"}
)


#: A sentence about a group it does not name ("across the tech sector", "the
#: companies"): the next sentence may name them.
COLLECTIVE = Alternation.of(
    r"\b(?:sector|industry|companies|firms|giants|platforms|stocks|groups|names|billions"
    r"|wiped\s+out)\b",
    re.IGNORECASE,
)


def awaits_subject(sentence: str) -> bool:
    """The sentence speaks of a group of companies without naming one.

    >>> awaits_subject("Billions were lost across the Chinese tech sector in July.")
    True
    >>> awaits_subject("Regulators met in July.")
    False
    """
    return bool(COLLECTIVE.search(sentence))


#: Words one of which every owner phrase needs (lower case).
OWNER_WORDS = frozenset((
    "former", "through", "via", "official", "account", "page", "channel", "feed", "which", "by", "shareholder", "shareholders", "investor", "investors", "backer", "backers",

    "owner", "owners", "affiliate", "subsidiary", "spin", "spinoff", "analyst", "analysts",
    "associate", "partner", "economist", "strategist", "researcher", "professor", "lawyer",
    "fellow", "spokesman", "spokeswoman", "spokesperson", "according", "than",
))  # fmt: skip


#: A platform a statement went out on: "said in a statement on Weibo", "apologised on X".
CHANNEL = re.compile(
    r"\b(?:said|says|wrote|writes|posted|posts|apologi[sz]ed|announced|stated|responded"
    r"|replied|statement|post|posting|message|video|livestream)\b[^,;:.()]{0,50}?"
    r"\b(?P<on>on)\s+(?:(?:its|their|his|her|the)\s+)?(?:(?:official|verified)\s+)?"
    # "on social networking platform Weibo": the platform described before its name
    r"(?:(?:social(?:\s+(?:media|networking))?|microblogging|messaging|video(?:-sharing)?"
    r"|streaming)\s+(?:platform|site|service|app|network)\s+)?"
    r"(?P<channel>(?-i:[A-Z])\S*(?:\s+(?-i:[A-Z])\w*)?)"
    # "in a Weibo post", "on its WeChat account": the platform named before the post
    r"|\b(?:in|on|via|through)\s+(?:an?|its|their|his|her)\s+(?:official\s+)?"
    r"(?P<before>(?-i:[A-Z])\w*)\s+(?:post|posting|statement|message|video|livestream"
    r"|account|page|channel|feed)\b",
    re.IGNORECASE,
)
#: Words one of which :data:`CHANNEL` needs (lower case).
CHANNEL_WORDS = frozenset((
    "said", "says", "wrote", "writes", "posted", "posts", "apologised", "apologized",
    "announced", "stated", "responded", "replied", "statement", "post", "posting", "message",
    "video", "livestream", "account", "page", "channel", "feed",
))  # fmt: skip


#: Nouns whose "on" names a target, not a platform: "says the fine on Ant Group reflects".
TARGET_NOUNS = frozenset((
    "fine", "fines", "penalty", "penalties", "crackdown", "clampdown", "ban", "bans", "curbs",
    "limits", "restrictions", "sanctions", "probe", "probes", "investigation", "pressure",
    "tax", "taxes", "tariffs", "attack", "attacks", "focus", "scrutiny", "hold", "grip", "rules",
    "stake", "stakes", "bet", "bets", "stance", "views", "report", "reports", "decision",
))  # fmt: skip
_LAST_WORD = re.compile(r"(\w+)\s+$")


def channel_spans(sentence: str, words: frozenset[str]) -> list[tuple[int, int]]:
    """Spans naming the platform a statement went out on ("said on Weibo"); not a target
    after a noun of action ("says the fine on Ant Group reflects ...").

    >>> s = "Didi said in a statement on Weibo that it would comply."
    >>> [s[a:b] for a, b in channel_spans(s, frozenset({"on", "said"}))]
    ['Weibo']
    >>> channel_spans("The PBOC says the fine on Ant Group reflects it.", frozenset({"says"}))
    []
    """
    if CHANNEL_WORDS.isdisjoint(words):
        return []
    spans = []
    for m in CHANNEL.finditer(sentence):
        if m.group("channel"):
            before = _LAST_WORD.search(sentence, max(0, m.start("on") - 30), m.start("on"))
            if before and before.group(1).lower() in TARGET_NOUNS:
                continue
            spans.append(m.span("channel"))
        else:
            spans.append(m.span("before"))
    return spans


def owner_spans(sentence: str) -> list[tuple[int, int]]:
    """Spans of ``sentence`` that name owners or shareholders.

    >>> s = "The regulator censured Weibo — of which Alibaba owns 30 percent — in June."
    >>> [s[a:b] for a, b in owner_spans(s)]
    ['of which Alibaba owns 30 percent ']
    >>> owner_spans("Alibaba saw its shares fall.")
    []
    """
    return [(m.start(), m.end()) for m in OWNER_PHRASES.finditer(sentence)]


#: "controlled by Alibaba founder Jack Ma": the company names a person's title there.
_TITLE_AFTER = re.compile(
    r"[’']?s?\s+(?:co-?)?(?:founder|chairman|chairwoman|chief|boss|executive|CEO|president)\b",
    re.IGNORECASE,
)


def is_owner(sentence: str, start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """The name at ``sentence[start:end]`` is an owner: glued to an owner suffix
    ("Tencent-backed"), or inside an owner phrase and not a person's title there.

    >>> s = "SAMR fined Tencent-backed China Literature."
    >>> is_owner(s, 11, 18, owner_spans(s))
    True
    >>> s = "Ant, an affiliate controlled by Alibaba founder Jack Ma, was fined."
    >>> is_owner(s, s.index("Alibaba"), s.index(" founder"), owner_spans(s))
    False
    """
    if sentence.startswith(OWNER_SUFFIXES, end):
        return True
    if _TITLE_AFTER.match(sentence, end):
        return False
    return any(a <= start and end <= b for a, b in spans)


#: Between a company and the company it owns: "SF Holding's Hive Box", "Alibaba’s Ant".
_OWNS_NEXT = re.compile(
    r"(?:\s+(?:Holdings?|Group|Inc\.?|Ltd\.?|Limited|Co\.?|Corp(?:oration)?\.?))*(?:[’']s)?\s+"
)


def owns_next(sentence: str, start: int, end: int, next_start: int) -> bool:
    """The company named at ``sentence[start:end]`` is named in the possessive right before
    the company at ``next_start``: its owner ("SF Holding's Hive Box").

    >>> s = "SAMR fined SF Holding's Hive Box."
    >>> owns_next(s, 11, 13, s.index("Hive")), owns_next("Alibaba and Hive Box", 0, 7, 12)
    (True, False)
    """
    between = sentence[end:next_start]
    return bool(_OWNS_NEXT.fullmatch(between)) and sentence[start:next_start].rstrip().endswith(
        ("’s", "'s"))


def is_quoted(sentence: str, start: int) -> bool:
    """The leader named at ``start`` is only quoted by someone else.

    >>> s = "Mr. Ma cited Mr. Xi’s words in a speech."
    >>> is_quoted(s, s.index("Mr. Xi")), is_quoted("Xi called for rules.", 0)
    (True, False)
    """
    return bool(QUOTING.search(sentence, 0, start))


def plural_reference(sentence: str, words: frozenset[str]) -> bool:
    """The sentence refers to several companies named before.

    >>> plural_reference("They lost $344 billion.", frozenset({"they", "lost"}))
    True
    >>> plural_reference("The tech giants pledged money.", frozenset({"the", "tech", "giants"}))
    True
    >>> plural_reference("Regulators met.", frozenset({"regulators", "met"}))
    False
    """
    return not PLURAL_WORDS.isdisjoint(words) and bool(PLURAL_REFERENCE.search(sentence))
