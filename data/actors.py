"""Companies and state actors named in a sentence, from the curated gazetteer.

The gazetteer (``gazetteer.toml``) lists canonical names with aliases,
products, people and descriptions. Matching is done with one compiled
alternation (longest alias first), then four general reference rules:

* a product names its owner ("WeChat" -> Tencent);
* a person names their company or office only where the sentence names no
  company (or actor) itself ("Jack Ma ... resurfaced" -> Alibaba);
* a surname ("Mr. Ma", "Ma") or "he/his" refers to the person of the
  gazetteer last named within the preceding sentences;
* a definite description ("the company", "the e-commerce giant") refers to
  the company last named, where the sentence names none before it.

Generic state words ("regulators", "Beijing", "the government") become the
explicit actor ``Chinese government (unspecified)``, beside any named actor:
"Xi called on the country's regulators" is about Xi and about regulators.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from data import executives
from data.alternation import _parse
from data.gazetteer import (
    GAZETTEER_FILE,
    UNSPECIFIED,
    Gazetteer,
    actor_info,
    actor_kind,
    apostrophe_variants,
    company_aliases,
    gazetteer,
)
from data.gazetteer_schema import ActorKind
from data.organisations import (
    INTRO_NOUN_WORDS,
    TRIGGERS,
    discover,
    listed,
    may_list,
    named_again,
)
from data.roles import (
    OWNER_SUFFIXES,
    OWNER_WORDS,
    PLURAL_WORDS,
    channel_spans,
    citation_spans,
    is_owner,
    is_quoted,
    owner_spans,
    owns_next,
    plural_reference,
)
from data.text import overlaps, tokens

#: The gazetteer's public names stay importable from here (``data.actors.actor_kind``).
__all__ = [
    "GAZETTEER_FILE", "UNSPECIFIED", "ActorContext", "ActorKind", "Actors", "Gazetteer",
    "Mention", "actor_info", "actor_kind", "apostrophe_variants", "company_aliases",
    "find_mentions", "gazetteer", "resolve_actors",
]  # fmt: skip

#: A description word modifying the noun after it names a kind of thing, not the company
#: last named: "the platform economy", "platform companies".
_NOT_A_MODIFIER = (
    r"(?![\s-]+(?:econom(?:y|ies)|sectors?|industr(?:y|ies)|compan(?:y|ies)|firms?|operators?"
    r"|business(?:es)?|markets?|models?|rules|regulation|users|workers|riders|merchants"
    r"|buying|chats?|law|exchanges?|index|indices|connect)\b)"
)
#: The nouns of a description of the company last named ("the short-video app").
DESCRIPTION_NOUNS = (
    r"company|firm|group|giant|titan|behemoth|conglomerate|platform|startup|start-up|operator"
    r"|app|retailer|lender|insurer|marketplace|chipmaker|carmaker|automaker|maker|stock"
)
#: A market's or sector's leader ("the food delivery leader"), not a political one.
_SECTOR_LEADER = (
    r"(?:market|industry|sector|delivery|commerce|search|payments?|gaming|games|tutoring"
    r"|education|chip|video|streaming|retail|hailing|internet|tech|fintech)\s+leader"
)
#: (Both descriptions open with ``\b[Tt]he``, written ``[Tt](?<!\w[Tt])he``: the letter
#: first, then no word character before it, so the regex engine looks only at a "T" or "t".)
_DESCRIPTION = re.compile(
    r"[Tt](?<!\w[Tt])he\s+(?:(?!(?:of|kind|type|sort|other|same|only|first|largest|biggest"
    r"|most|such|whole|entire)\b)[\w-]+\s+){0,2}?"
    r"(?:(?:and|&)\s+(?!(?:the|a|an|its)\b)[\w-]+\s+)?"  # "the search and cloud group"
    rf"(?:{DESCRIPTION_NOUNS}|{_SECTOR_LEADER})\b(?![’']s\s+(?:rivals?|peers))" + _NOT_A_MODIFIER
)
#: The words one of which a description needs: its noun is a whole word of the sentence
#: (white space before it, no word character after it), "start-up" its "start".
_DESCRIPTION_WORDS = frozenset(n.split("-")[0] for n in DESCRIPTION_NOUNS.split("|")) | {
    "leader"}
# "the regulator", "the watchdog": the state body named just before.
_ACTOR_DESCRIPTION = re.compile(
    r"[Tt](?<!\w[Tt])he\s+(?:[\w-]+\s+)?"
    r"(?:regulator|watchdog|agency|ministry|commission|administration)\b"
    r"(?!\s+(?:of|for)\b)"
)
_ACTOR_DESCRIPTION_WORDS = frozenset(
    {"regulator", "watchdog", "agency", "ministry", "commission", "administration"}
)
#: A sentence opening with "It" or "Its" for a thing named before, not the "it" of the
#: weather or the calendar ("It was a bad week", "It is not clear").
_IT_OPENS = re.compile(
    r"\W*(?:Its\b|It\b(?!\s+(?:is|was|[’']s|has\s+been|had\s+been|seems|seemed|remains|remained"
    r"|appears|appeared|will\s+be|would\s+be|may\s+be|might\s+be|could\s+be|can\s+be|took|takes"
    r"|will\s+take|means|meant|matters|felt|feels|looks|looked)\b))")


def _it_is_the_company(sentence: str, index: int, ctx: ActorContext, words) -> bool:
    """Does the sentence open with "It"/"Its" for the one company the sentence just before
    named, where that sentence named no state body and no other company?"""
    return bool(
        ctx.last_company and ctx.last_company[0] == index - 1
        and ("it" in words or "its" in words)
        and not (ctx.last_actor and ctx.last_actor[0] >= index - 1)
        and not (ctx.last_together and ctx.last_together[0] == index - 1)
        and _IT_OPENS.match(sentence)
    )


#: What only a company has, after "its" ("Its e-commerce arm", "its founder", "its shares"):
#: the company just named, even where a state body was named beside it.
_ITS_UNIT = re.compile(
    r"\b[Ii]ts\s+(?:[\w-]+\s+){0,2}?(?:arm|unit|subsidiary|subsidiaries|affiliate|founder"
    r"|co-founder|chief\s+executive|CEO|chairman|shares|stock|app|apps|users|merchants|riders"
    r"|drivers|platform)\b")
#: A sentence opening with the state act the sentence before told ("The fine was the
#: largest this year", "The investigation covers its pricing"): that act's company.
_THE_ACT_OPENS = re.compile(
    r"\W*The\s+(?:[\w-]+\s+)?(?:fine|penalty|probe|investigation|inquiry|review|ruling"
    r"|decision|summons|punishment)\b(?!\s+(?:of|on|against|into)\b)")
_ACT_OPEN_WORDS = frozenset({"fine", "penalty", "probe", "investigation", "inquiry", "review",
                             "ruling", "decision", "summons", "punishment"})


def _just_named_company(sentence: str, index: int, ctx: ActorContext, words) -> bool:
    """Does the sentence speak of what only the one company the sentence just before named
    has (:data:`_ITS_UNIT`), or open with the act that sentence told (:data:`_THE_ACT_OPENS`)?"""
    if not (ctx.last_company and index - ctx.last_company[0] == 1) or (
            ctx.last_together and ctx.last_together[0] == index - 1):
        return False
    return bool(("its" in words and _ITS_UNIT.search(sentence))
                or (not _ACT_OPEN_WORDS.isdisjoint(words) and _THE_ACT_OPENS.match(sentence)))


#: "it" doing what only the state does ("In May it called in JD.com", "it fined the firm"):
#: the state body just named, where no company was named since.
_IT_ACTS = re.compile(
    r"\b[Ii]t\s+(?:(?:also|then|again|later|first|has|had|have)\s+)?(?:summoned|called\s+in"
    r"|fined|ordered|banned|approved|issued|launched|instructed|punished|penali[sz]ed|imposed"
    r"|revoked|suspended|halted|published\s+(?:draft\s+)?(?:rules|guidelines|regulations|measures)"
    r"|opened\s+(?:an?\s+)?(?:investigation|probe|review)|told\s+(?:the\s+)?(?:platforms|companies"
    r"|firms|them)|summons)\b")
_PRONOUN = re.compile(r"\b(?:[Hh]e|[Hh]is|[Hh]im)\b")
_PRONOUN_WORDS = frozenset({"he", "his", "him"})


#: After a company's possessive, the place where something stands: "on Apple's US App
#: Store", "in Tencent's app store" (the venue of the sentence, not the company it is about).
_VENUE_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:app\s+)?(?:stores?|marketplaces?|websites?)\b",
                          re.IGNORECASE)


def _is_venue(sentence: str, m: Mention) -> bool:
    """Is the company of ``m`` named only as the owner of a venue ("Apple's App Store")?"""
    return sentence.endswith(("’s", "'s"), m.start, m.end) and bool(
        _VENUE_AFTER.match(sentence, m.end))


def _unpossessed(name: str) -> str:
    """ "Taobao’s" → "Taobao"."""
    return name[:-2] if name.endswith(("’s", "'s")) else name


#: "China fined …", "China has banned …", "China on Monday ordered …": the country as the
#: subject of a state act is its government (the unnamed one); not "in China", "China's
#: tech giants", "China Mobile" or "the Cyberspace Administration of China". (Its "C"
#: comes before the tests of what stands before it, as in the descriptions: the regex
#: engine then looks only where a "C" is.)
_CHINA_ACTS = re.compile(
    r"C(?<![\w’'.-]C)(?<!of\sC)(?<!in\sC)(?<!to\sC)(?<!from\sC)(?<!across\sC)"
    r"hina\s+(?:(?:has|had|will|would|also|then|is|was|has\s+been)\s+"
    r"|(?:on|in)\s+\w+\.?(?:\s+\d{1,4})?,?\s+)?(?:fined|fines|imposed|imposes|banned|bans|ordered|orders"
    r"|summoned|announced|announces|released|releases"
    r"|launched|opened|approved|suspended|halted|blocked|barred|punished|penali[sz]ed"
    r"|cracked\s+down|cracking\s+down|probed|probing|investigated|investigating|issued"
    r"|unveiled|introduced|tightened|tightening|restricted|restricting|limited|required|told"
    r"|warned|censured|halts|suspends|probes|summons|blocks|bars|punishes|tightens|restricts"
    r"|limits|warns|censures|approves|launches|opens|unveils|issues|orders|bans)\b(?!\s+by\b)"
)
#: A number of agencies or departments acting together ("seven agencies told the platforms",
#: "together with four other departments"): the state, unnamed; not "news agencies", nor
#: agencies placed abroad ("Two US agencies").
_AGENCIES = re.compile(
    r"(?<!combine\s)(?<!combined\s)(?<!combining\s)(?<!merge\s)(?<!merged\s)(?<!merging\s)"
    r"(?<!replace\s)(?<!replaced\s)(?<!replacing\s)"
    r"\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|several|multiple"
    r"|\d{1,2})\s+(?:other\s+)?(?:government\s+|state\s+|central\s+|Chinese\s+)?"
    r"(?:agencies|departments|ministries|organs|(?<=government\s)bodies|(?<=state\s)bodies)\b",
    re.IGNORECASE)
_AGENCY_WORDS = frozenset({"agencies", "departments", "ministries", "organs", "bodies"})
_LOCATION_BEFORE = re.compile(r"(?:\b(?:in|to|from|of|or|and|at|near|outside|around)\s+)$")
#: A generic state word ("regulators", "the authorities") the sentence places abroad: a
#: foreign adjective just before it, or "globally" or a foreign place just after it
#: ("U.S. regulators", "regulators globally", "authorities in Washington").
_FOREIGN_PLACES = (
    r"(?:the\s+)?(?:United\s+States|U\.S\.|US|America|Europe|European\s+Union|EU|India|Japan"
    r"|Britain|UK|United\s+Kingdom|West|Washington|Brussels|London|Germany|France|Australia"
    r"|Canada|(?:South\s+)?Korea|New\s+York|California|Tokyo|Seoul|Singapore|Taiwan"
    r"|other\s+countries)"
)
#: (a word of their field may come between: "European privacy regulators")
_ABROAD_BEFORE = re.compile(
    r"(?:\b(?:U\.S\.|US|EU|UK|American|European|Western|[Ff]oreign|British|Indian|Japanese"
    r"|Korean|German|French|Australian|Canadian|Singaporean|Taiwanese|Dutch|[Oo]verseas)"
    r"(?:\s+(?!and\b|or\b)[a-z-]{2,20})?\s+)$"
)


class _WordBeforeBlank:
    """``pattern.search(hay, 0, start)`` as a bool, for a ``pattern`` ``(?:WORDS\\s+)$``
    (WORDS: words of bounded length, none ending in white space), searched only where it
    can match: the white space right before ``start`` is found by ``rstrip`` (``\\s`` is
    ``str.isspace``), and the words are looked for only in the few characters before it
    (a search from the text's start tried the words at every position of it; ``\\b``
    still sees the character before the window)."""

    def __init__(self, pattern: re.Pattern[str]):
        assert pattern.pattern.endswith(r"\s+)$"), pattern.pattern
        self.pattern = pattern  # the reference
        self._words = re.compile(pattern.pattern.removesuffix(r"\s+)$") + ")$", pattern.flags)
        self._width = _parse.parse(self._words.pattern, pattern.flags).getwidth()[1]

    def __call__(self, hay: str, start: int) -> bool:
        head = len(hay[:start].rstrip())  # where the white space before ``start`` begins
        return head < start and self._words.search(hay, max(0, head - self._width), head) is not None


_location_before = _WordBeforeBlank(_LOCATION_BEFORE)
#: Capitalised words right after "Beijing" that make it part of the name of a body that is
#: no state's ("Beijing Economic Operation Association", "Beijing Daily"); a state body's
#: ("Beijing Municipal Bureau") or a headline's verb ("Beijing Fines Tencent") is not one.
_OTHER_NAME_AFTER = re.compile(
    r"\s+(?:[A-Z][\w'’-]*\s+){0,4}?(?:Association|Daily|News|University|Institute|Exchange|Times"
    r"|Youth|Club|Society|Federation|Cent(?:er|re)|Academy|Group|Bank|Company|Corp|Hospital"
    r"|School|Airport|Olympics|Games)\b")
_abroad_before = _WordBeforeBlank(_ABROAD_BEFORE)
_ABROAD_AFTER = re.compile(
    rf"\s*,?\s*(?:globally|worldwide|abroad|overseas|elsewhere|around\s+the\s+world"
    rf"|(?:in|of|from|across)\s+{_FOREIGN_PLACES})\b"
)


@dataclass
class Mention:
    start: int
    end: int
    group: str  # company / actor / person
    name: str
    discovered: bool = False  # a company found by general cues, not the gazetteer


@dataclass
class ActorContext:
    """What earlier sentences of the article named, for references."""

    last_company: tuple[int, str] | None = None  # (sentence index, name)
    last_person: tuple[int, str] | None = None
    last_actor: tuple[int, str] | None = None  # a named state body, not a person
    people_named: dict[str, str] = field(default_factory=dict)  # surname -> person
    last_together: tuple[int, tuple[str, ...]] | None = None  # several companies at once
    discovered: list[str] = field(default_factory=list)  # companies found by cues so far
    #: the state bodies named so far, in the order first named, with how often each was
    bodies_named: dict[str, int] = field(default_factory=dict)
    defined: dict[str, str] = field(default_factory=dict)  # '(the "Company")' -> the company
    executives: dict[str, str] = field(default_factory=dict)  # "Jensen Huang" -> "Nvidia"


@dataclass(frozen=True, slots=True)
class Actors:
    companies: tuple[str, ...]
    regulators: tuple[str, ...]
    discovered: tuple[str, ...] = ()  # those of ``companies`` found by cues (data.organisations)
    #: the unspecified government is called "regulators" here ("China's regulators fined"):
    #: its kind is then a regulator's (:func:`actor_kinds`), though no regulator is named
    regulating: bool = False


#: The words that make the unnamed body a regulator in kind.
_REGULATOR_WORD = "regulator"


def actor_kinds(actors: Actors) -> tuple[tuple[str, str], ...]:
    """Each state actor of ``actors`` with its kind: the gazetteer's, except the unspecified
    government called "regulators", which is a Chinese regulator (the button "Chinese
    regulators only" keeps what "the regulators" did).

    >>> actor_kinds(Actors((), ("SAMR", UNSPECIFIED), regulating=True))
    (('SAMR', 'Chinese regulator'), ('Chinese government (unspecified)', 'Chinese regulator'))
    """
    return tuple(
        (r, ActorKind.CHINESE_REGULATOR.value if actors.regulating and r == UNSPECIFIED
         else actor_kind(r))
        for r in actors.regulators
    )  # fmt: skip


_BEFORE_OK = frozenset(".@/-_")
_AFTER_OK = frozenset("-_")


def _find_phrases(hay: str, index: dict[str, tuple[tuple[str, frozenset[str]], ...]],
                  keys: set[str], words: frozenset[str]):
    """(start, end, alias) of every alias in ``hay`` whose last word, lower-cased, is in
    ``keys`` (``index``: the gazetteer's, each alias listed once; ``words``: the sentence's
    :func:`tokens`, holding every word of an alias found as whole words).

    Whole words only; a possessive ’s is part of the match; "Xi’an" is not "Xi".
    """
    for word in keys:
        for alias, needs in index[word]:
            if not needs <= words:  # not all its words: not there as whole words
                continue
            i = hay.find(alias)
            while i >= 0:
                j = i + len(alias)
                before = hay[i - 1] if i else " "
                after2 = hay[j : j + 2]
                stop = j + 2 if after2 in ("’s", "'s") and not hay[j + 2 : j + 3].isalnum() else j
                after = hay[stop] if stop < len(hay) else " "
                if hay.startswith(OWNER_SUFFIXES, stop):  # "Tencent-backed": the owner
                    after = " "
                if (
                    not (before.isalnum() or before in _BEFORE_OK)
                    and not (after.isalnum() or after in _AFTER_OK)
                    and not (stop == j and after in "’'" and hay[j + 1 : j + 2].isalpha())
                ):
                    yield i, stop, alias
                i = hay.find(alias, i + 1)


def _claim(found, taken: list[tuple[int, int]]):
    """Longest first, then leftmost; skip what overlaps a match already taken."""
    for _, start, end, alias in sorted((s - e, s, e, a) for s, e, a in found):
        if not overlaps(start, end, taken):
            taken.append((start, end))
            yield start, end, alias


#: A person's title right before a name ("Vice President JD Vance", "Dr. Ant Jones") ...
_TITLE_BEFORE = re.compile(
    r"\b(?:President|Senator|Sen\.|Rep\.|Representative|Congress(?:man|woman)|Governor|Gov\."
    r"|Secretary|Minister|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Judge|Justice|Professor|Prof\.)\s+$")
#: ... and a capitalised word right after the alias, no company's suffix: the person's surname.
_NAME_AFTER = re.compile(r"\s+[A-Z][a-z]+\b(?!\s+(?:Inc|Ltd|Group|Holdings|Corp)\b)")


def find_mentions(
    sentence: str, gaz: Gazetteer, words: frozenset[str] | None = None
) -> list[Mention]:
    words = tokens(sentence) if words is None else words
    exact_keys = words & gaz.exact_index.keys()  # (the lower case of each word is in words)
    lower_keys = words & gaz.lower_index.keys()
    mentions: list[Mention] = []
    if not exact_keys and not lower_keys:
        return mentions
    hay = sentence.replace("\u00a0", " ")  # same length: offsets hold
    taken: list[tuple[int, int]] = []
    for start, end, alias in _claim(_find_phrases(hay, gaz.exact_index, exact_keys, words), taken):
        group, name = gaz.exact[alias]
        if name == UNSPECIFIED and alias == "Beijing" and (
                _location_before(hay, start) or _OTHER_NAME_AFTER.match(hay, end)):
            continue  # "a speech in Beijing", "the Beijing Economic Association": no actor
        if group == "company" and _TITLE_BEFORE.search(hay, max(0, start - 20), start) \
                and _NAME_AFTER.match(hay, end):
            continue  # "Vice President JD Vance": a person whose name holds an alias
        mentions.append(Mention(start, end, group, name))
    lower = hay.lower() if lower_keys else ""
    if len(lower) == len(hay):
        for start, end, alias in _claim(_find_phrases(lower, gaz.lower_index, lower_keys, words), taken):
            group, name = gaz.lower[alias]
            if name == UNSPECIFIED and (
                _abroad_before(hay, start) or _ABROAD_AFTER.match(hay, end)
            ):
                continue  # "U.S. regulators", "regulators globally": not China's
            mentions.append(Mention(start, end, group, name))
    mentions.sort(key=lambda x: x.start)
    return mentions


def _with_discovered(sentence, mentions: list[Mention], ctx: ActorContext, gaz: Gazetteer, words):
    """The gazetteer's mentions and the companies general cues find around them."""
    taken = [(m.start, m.end) for m in mentions]
    found = discover(sentence, taken, gaz.not_organisations, words)
    known = [(m.start, m.end) for m in mentions if m.group == "company"]
    if may_list(sentence, known, words):  # "A, B and C", "including A"
        known = [(a, b) for a, b in known if _unpossessed(sentence[a:b]) not in gaz.products]
        found.extend(listed(sentence, known, [*taken, *((a, b) for a, b, _ in found)],
                            gaz.not_organisations))  # fmt: skip
    if ctx.discovered:  # a name found earlier in the article, named again
        found.extend(named_again(sentence, ctx.discovered, taken))
    if not found:
        return mentions
    for *_, name in found:
        if name not in ctx.discovered:
            ctx.discovered.append(name)
    extra = [Mention(a, b, "company", n, discovered=True) for a, b, n in found]
    return sorted([*mentions, *extra], key=lambda m: m.start)


def _roles(sentence: str, mentions: list[Mention], gaz: Gazetteer, words) -> list[Mention]:
    """The mentions that take part: a company named only as an owner, a leader only
    quoted by someone else and anyone named only in a citation are left out (see
    ``data.roles``)."""
    has_company = any(m.group == "company" for m in mentions)
    owners = owner_spans(sentence) if has_company and not OWNER_WORDS.isdisjoint(words) else []
    if has_company:
        owners += channel_spans(sentence, words)
    cited = citation_spans(sentence)
    kept, passing = [], set()
    for i, m in enumerate(mentions):
        after = mentions[i + 1] if i + 1 < len(mentions) else None
        if m.group == "company" and (is_owner(sentence, m.start, m.end, owners) or (
            after and after.group == "company" and after.name != m.name
            and owns_next(sentence, m.start, m.end, after.start)
        )) or m.group == "actor" and gaz.entries[m.name].person and is_quoted(sentence, m.start) \
                or any(a <= m.start and m.end <= b for a, b in cited):
            passing.add(m.name)
        else:
            kept.append(m)
    if passing:  # a name also named in its own right stays
        own = {m.name for m in kept}
        kept = [m for m in mentions if m.name not in passing or m.name in own]
    return kept


def _described(description: str, index: int, ctx: ActorContext) -> str:
    """The company "the truck-hailing group" means: of the companies named together just
    before, the one a word of whose name the description has (Full Truck Alliance), else
    the company last named."""
    together = ctx.last_together[1] if ctx.last_together and index - ctx.last_together[0] <= 2 else ()
    for name in together:
        if any(len(w) > 3 and w in description for w in name.lower().split()):
            return name
    return ctx.last_company[1]


def _key(token: str) -> str:
    return " ".join(token.split())


def _ordered(names: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(names))


def _people_referred(sentence, index, ctx, gaz, words, mentions) -> list[str]:
    """People named by surname ("Mr. Ma", "Ma's") of someone named earlier, or by "he",
    "his" (the person last named, within two sentences, where the sentence names no
    person nor leader of its own before the pronoun: in "he resurfaced, praising Xi's
    plan" he is not Xi)."""
    found = []
    taken = [(m.start, m.end) for m in mentions]
    maybe_surname = ctx.people_named and not gaz.surnames.isdisjoint(words)
    for m in gaz.surname_pattern.finditer(sentence) if maybe_surname else ():
        if overlaps(m.start(), m.end(), taken):
            continue
        person = ctx.people_named.get(_key(m.group("surname")))
        if person:
            found.append(person)
    recent = ctx.last_person and index - ctx.last_person[0] <= 2
    pronoun = recent and not _PRONOUN_WORDS.isdisjoint(words) and _PRONOUN.search(sentence)
    if pronoun and not found and not any(  # a person or leader named before the pronoun
        m.start < pronoun.start() for m in mentions
        if m.group == "person" or m.group == "actor" and gaz.entries[m.name].person
    ):
        found.append(ctx.last_person[1])
    return found


def _body_referred(sentence, index, ctx, gaz, words, mentions) -> list[str]:
    """"The regulator", "the agency": the state body last named (within three sentences),
    or else the only body named in the article with that noun in its name, where the
    sentence names none; remembers the sentence's own bodies for the next."""
    named_bodies = []
    for m in mentions:
        if m.group == "actor":
            if not gaz.entries[m.name].person and m.name != UNSPECIFIED:
                named_bodies.append(m.name)
        elif m.group == "person" and gaz.people[m.name].group == "actor":
            named_bodies.extend(gaz.people[m.name].targets)  # "Trump": his administration
    if named_bodies:
        ctx.last_actor = (index, named_bodies[-1])
        for body in named_bodies:
            ctx.bodies_named[body] = ctx.bodies_named.get(body, 0) + 1
        return []
    if not ctx.last_actor:
        return []
    if "it" in words and index - ctx.last_actor[0] <= 2 and (
            ctx.last_company is None or ctx.last_company[0] <= ctx.last_actor[0]) and (
            it := _IT_ACTS.search(sentence)) and not any(
            m.group == "company" and m.start < it.start() for m in mentions):
        ctx.last_actor = (index, ctx.last_actor[1])  # "it summoned ...": the body just named
        return [ctx.last_actor[1]]
    if _ACTOR_DESCRIPTION_WORDS.isdisjoint(words):
        return []
    desc = _ACTOR_DESCRIPTION.search(sentence)
    if not desc:
        return []
    if index - ctx.last_actor[0] <= 3:
        ctx.last_actor = (index, ctx.last_actor[1])  # named again, by its description
        return [ctx.last_actor[1]]
    # further back: the one body named in the article whose name has that noun
    # ("the administration" after the National Press and Publication Administration), or
    # "the regulator", "the watchdog" where the article named one body only, or one
    # regulator more often than any other body (the one it is about)
    head = desc.group().split()[-1].lower()
    named = [b for b in ctx.bodies_named if head in gaz.entries[b].full.lower()]
    if not named and head in ("regulator", "watchdog"):
        if len(ctx.bodies_named) == 1:
            named = list(ctx.bodies_named)
        elif len(ctx.bodies_named) > 1:
            (most, n), (_, second) = sorted(ctx.bodies_named.items(), key=lambda kv: -kv[1])[:2]
            if n > second and actor_kind(most) == ActorKind.CHINESE_REGULATOR.value:
                named = [most]
    return named if len(named) == 1 else []


#: A company's defined terms, in brackets right after its name: 'Meituan (the "Company",
#: together with its subsidiaries, the "Group")'.
#: (The brackets may follow the name's legal form: 'Trip.com Group Limited (the "Company")'.)
_DEFINITION = re.compile(r"(?:\s+(?:Group|Holdings?|Limited|Ltd\.?|Inc\.?|Co\.?,?\s+Ltd\.?|Co\.?"
                         r"|Corp(?:oration)?\.?|PLC|plc|N\.V\.))*\s*\((?P<body>[^()]{0,240})\)")
_TERM = re.compile(r"(?:the\s+)?[“\"](?P<term>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})[”\"]")
#: A ticker in the brackets ("Qualcomm (QCOM US)", "Tencent (HKEX: 0700)", "(9988.HK)"): the
#: ticker names the company later ("QCOM US fell 7.3%"), with or without its market.
#: (A number is a ticker only with its market: "HKEX: 0700", "9988.HK"; "(Zhang, 2021)" cites.)
_TICKER = re.compile(
    r"\s*(?:(?P<market>NASDAQ|Nasdaq|NYSE|HKEX|SEHK|HKSE|SSE|SZSE)\s*:\s*)?"
    r"(?P<term>(?P<bare>[A-Z]{2,5}|\d{4,6})(?P<suffix>\s+(?:US|HK|CH|CN)|\.(?:HK|SS|SZ|O|N|US))?)\s*")
#: Brackets after a company that hold no ticker of its own.
_NOT_TICKERS = frozenset({"US", "UK", "EU", "HK", "CN", "PRC", "ADR", "ADRs", "ADS", "IPO", "CEO",
                          "AI", "USD", "CNY", "RMB", "HKD"})


def _define_terms(sentence: str, mentions: list[Mention], ctx: ActorContext) -> None:
    """Remembers the terms a sentence defines for the company named just before them:
    quoted terms ('(the "Group")') and tickers ("(QCOM US)")."""
    for m in mentions:
        if m.group == "company" and (body := _DEFINITION.match(sentence, m.end)):
            for t in _TERM.finditer(body.group("body")):
                ctx.defined[t.group("term")] = m.name
            tickers = [_TICKER.fullmatch(part) for part in re.split(r"[;,]", body.group("body"))]
            if not all(t and t.group("bare") not in _NOT_TICKERS and (
                    t.group("bare").isalpha() or t.group("market") or t.group("suffix"))
                    for t in tickers):
                continue  # not a bracket of tickers alone
            for t in tickers:
                ctx.defined[" ".join(t.group("term").split())] = m.name
                if t.group("bare").isalpha():  # (not "2020" of "2020.HK": a year)
                    ctx.defined.setdefault(t.group("bare"), m.name)


def _defined_referred(sentence: str, ctx: ActorContext) -> list[str]:
    """The companies a sentence names by a term defined earlier ("the Group")."""
    return [name for term, name in ctx.defined.items()
            if re.search(rf"(?<![\w“\"]){re.escape(term)}(?![\w”\"])", sentence)]  # fmt: skip


_NO_ACTORS = Actors((), ())


def _names_no_one(sentence: str, index: int, ctx: ActorContext, gaz: Gazetteer, words) -> bool:
    """Can no rule of :func:`resolve_actors` find anyone in the sentence? Most sentences
    name no one: none of the words a name, a discovery cue or a reference needs, given
    what the sentences before named. Each test here is the cheap first test of a rule
    (tests/test_shortcuts.py checks the two agree)."""
    if gaz.may_name(words) or not words.isdisjoint(TRIGGERS):
        return False  # find_mentions, discover
    if (not sentence.isascii() or not INTRO_NOUN_WORDS.isdisjoint(words)) and may_list(
            sentence, (), words):
        return False  # listed: "the five companies it named: A, B and C"
    if any(name in sentence for name in ctx.discovered):
        return False  # named_again
    if ctx.people_named and not gaz.surnames.isdisjoint(words):
        return False  # "Mr. Ma"
    if ctx.last_person and index - ctx.last_person[0] <= 2 and not _PRONOUN_WORDS.isdisjoint(words):
        return False  # "he"
    if ctx.last_company and index - ctx.last_company[0] <= 3 and "the" in words and (
            not _DESCRIPTION_WORDS.isdisjoint(words)):
        return False  # "the company"
    if ctx.last_actor and not _ACTOR_DESCRIPTION_WORDS.isdisjoint(words):
        return False  # "the regulator"
    if ctx.last_actor and "it" in words and index - ctx.last_actor[0] <= 2 and _IT_ACTS.search(
            sentence):
        return False  # "it summoned"
    if not _AGENCY_WORDS.isdisjoint(words) and _AGENCIES.search(sentence):
        return False  # "seven agencies"
    if "China" in words and _CHINA_ACTS.search(sentence):
        return False  # "China fined"
    if _it_is_the_company(sentence, index, ctx, words) or _just_named_company(
            sentence, index, ctx, words):
        return False  # "Its shares fell", "Its founder", "The fine was"
    if ctx.defined and any(term in sentence for term in ctx.defined):
        return False  # 'the "Group"'
    if ctx.executives and not words.isdisjoint(executives.words_of(ctx.executives)):
        return False  # "Huang said"
    together = ctx.last_together and index - ctx.last_together[0] <= 2
    return not (together and not PLURAL_WORDS.isdisjoint(words))  # "they"


def resolve_actors(
    sentence: str,
    index: int,
    ctx: ActorContext,
    gaz: Gazetteer | None = None,
    words: frozenset[str] | None = None,
) -> Actors:
    """Companies and state actors of one sentence; updates ``ctx`` for the next."""
    gaz = gaz or gazetteer()
    words = tokens(sentence) if words is None else words
    if _names_no_one(sentence, index, ctx, gaz, words):
        return _NO_ACTORS  # and the context stays as it is
    return _resolve(sentence, index, ctx, gaz, words)


def marks(ctx: ActorContext) -> tuple:
    """What :func:`resolve_actors` replaces in ``ctx`` (its last-named slots), kept before a
    sentence so its clauses can be read against the context before it (cheap: one tuple)."""
    return ctx.last_company, ctx.last_person, ctx.last_actor, ctx.last_together


def context_before(kept: tuple, ctx: ActorContext) -> ActorContext:
    """A context with the last-named slots ``kept`` by :func:`marks` and copies of ``ctx``'s
    collections (what the sentence added to those names no one by itself)."""
    company, person, actor, together = kept
    return ActorContext(
        last_company=company, last_person=person, last_actor=actor,
        people_named=dict(ctx.people_named), last_together=together,
        discovered=list(ctx.discovered), bodies_named=dict(ctx.bodies_named),
        defined=dict(ctx.defined), executives=dict(ctx.executives),
    )  # fmt: skip


def clause_actors(
    sentence: str,
    clauses: list[tuple[int, int]],
    index: int,
    before: ActorContext,
    whole: Actors,
    gaz: Gazetteer | None = None,
) -> dict[tuple[int, int], Actors]:
    """The actors of each clause (``sentence[lo:hi]``) of a sentence dating two clauses
    apart ("SAMR fined Alibaba in November, and on Dec. 3 Didi said it would delist"):
    each clause read in order against the context before the sentence (``context_before``,
    which this reads and changes), and kept
    to the actors the whole sentence has (a clause only narrows). A clause naming no
    company keeps the sentence's companies; one naming no state actor, its state actors."""
    gaz = gaz or gazetteer()
    ctx = before  # the caller's own copy (``context_before``): read in place
    out = {}
    for lo, hi in sorted(set(clauses)):
        own = resolve_actors(sentence[lo:hi], index, ctx, gaz)
        companies = tuple(c for c in own.companies if c in whole.companies) or whole.companies
        regulators = tuple(r for r in own.regulators if r in whole.regulators) or whole.regulators
        out[lo, hi] = Actors(
            companies, regulators, tuple(d for d in whole.discovered if d in companies),
            whole.regulating and (own.regulating or UNSPECIFIED not in own.regulators),
        )
    return out


def _note_executives(sentence: str, mentions: list[Mention], ctx: ActorContext,
                     gaz: Gazetteer) -> None:
    """Remembers the executives the sentence introduces with their company's name."""
    taken = [(m.start, m.end) for m in mentions if m.group != "company"]
    companies = [(m.start, m.end, m.name) for m in mentions if m.group == "company"]
    for name, company in executives.introduced(sentence, companies, taken):
        if name in gaz.not_organisations or name in gaz.exact:
            continue
        ctx.executives[name] = company


def _resolve(sentence: str, index: int, ctx: ActorContext, gaz: Gazetteer, words) -> Actors:
    """:func:`resolve_actors` without its shortcut."""
    mentions = _with_discovered(sentence, find_mentions(sentence, gaz, words), ctx, gaz, words)
    mentions = _roles(sentence, mentions, gaz, words)
    if "(" in sentence:
        _define_terms(sentence, mentions, ctx)
    named_companies = [m.name for m in mentions if m.group == "company"]
    discovered = _ordered([m.name for m in mentions if m.discovered])
    companies = list(named_companies)  # grows with people and descriptions below
    actors = [m.name for m in mentions if m.group == "actor"]
    people = [m.name for m in mentions if m.group == "person"]

    people.extend(_people_referred(sentence, index, ctx, gaz, words, mentions))
    for name in people:
        person = gaz.people[name]
        ctx.people_named[person.surname] = name
        if person.group == "company":
            if not named_companies or len(people) > 1 and not any(
                t in companies for t in person.targets
            ):  # "Jack Ma and Pony Ma": each person's company
                companies.extend(person.targets)
        else:
            actors.extend(person.targets)
    if not companies and ctx.defined:  # 'the Group', defined as a company's name earlier
        companies.extend(_defined_referred(sentence, ctx))
    if not companies and ctx.executives and not words.isdisjoint(
            executives.words_of(ctx.executives)):
        companies.extend(executives.referred(sentence, ctx.executives, ctx.people_named))  # "Huang"
    if named_companies and not executives.TITLE_WORDS.isdisjoint(words):
        _note_executives(sentence, mentions, ctx, gaz)  # "Nvidia CEO Jensen Huang"
    # "the company", "the e-commerce giant": the company last named.
    recent = ctx.last_company and index - ctx.last_company[0] <= 3
    desc = recent and "the" in words and not _DESCRIPTION_WORDS.isdisjoint(words) and (
        _DESCRIPTION.search(sentence))
    if desc:
        before = [m for m in mentions if m.group == "company" and m.start < desc.start()]
        if not before:
            companies.append(_described(desc.group().lower(), index, ctx))

    it_company = not companies and (_it_is_the_company(sentence, index, ctx, words)
                                    or _just_named_company(sentence, index, ctx, words))
    actors.extend(_body_referred(sentence, index, ctx, gaz, words, mentions))
    if it_company:  # (asked before this sentence's own bodies are remembered)
        companies.append(ctx.last_company[1])  # "Its shares were delisted …"
    if UNSPECIFIED not in actors and not _AGENCY_WORDS.isdisjoint(words) and (
            several := _AGENCIES.search(sentence)) and not _ABROAD_AFTER.match(sentence, several.end()):
        actors.append(UNSPECIFIED)  # "seven agencies told the platforms"
    if "China" in words and UNSPECIFIED not in actors and _CHINA_ACTS.search(sentence):
        actors.append(UNSPECIFIED)  # "China fined …"
    # "they", "the tech giants": the companies last named together.
    together = ctx.last_together and index - ctx.last_together[0] <= 2
    if not companies and together and plural_reference(sentence, words):
        companies.extend(ctx.last_together[1])
    companies_t, actors_t = _ordered(companies), _ordered(actors)
    if len(companies_t) > 1:
        ctx.last_together = (index, companies_t)
    elif companies_t and ctx.last_together and companies_t[0] in ctx.last_together[1]:
        ctx.last_together = (index, ctx.last_together[1])  # one of them again: still together

    if named_companies:  # by its name rather than by a product or a venue named in passing
        by_name = [m.name for m in mentions if m.group == "company"
                   and _unpossessed(sentence[m.start:m.end]) not in gaz.products
                   and not _is_venue(sentence, m)]  # fmt: skip
        rivals = [m.name for m in mentions if m.group == "company"
                  and _RIVALS_BEFORE.search(sentence, max(0, m.start - 60), m.start)
                  ] if not _RIVAL_WORDS.isdisjoint(words) else []
        if not (ctx.last_company and rivals and set(named_companies) <= set(rivals)):
            ctx.last_company = (index, (by_name or named_companies)[-1])
    elif companies_t:
        ctx.last_company = (index, companies_t[-1])
    if people:
        ctx.last_person = (index, people[-1])
    regulating = UNSPECIFIED in actors_t and any(
        m.name == UNSPECIFIED and _REGULATOR_WORD in sentence[m.start:m.end].lower() for m in mentions
    )
    return Actors(
        companies_t, actors_t, tuple(d for d in discovered if d in companies_t), regulating
    )


#: Rivals named in passing ("some expect rival suppliers Samsung and SK Hynix to ..."): the
#: company "the company" next refers to stays the one spoken of before them.
_RIVALS_BEFORE = re.compile(r"\b(?:rivals?|competitors?|peers?)(?:\s+[a-z][\w-]*){0,2}\s+"
                            r"(?:[A-Z][\w.&’'-]*\s+){0,3}(?:(?:and|or|&)\s+)?$")
_RIVAL_WORDS = frozenset({"rival", "rivals", "competitor", "competitors", "peer", "peers"})
#: Between a company and its date in a list item ("…, Baidu in June 2020"): a preposition.
_ITEM_GAP = re.compile(r"\s+(?:(?:in|on|since|from|by|at)\s+)?")
#: Between one item's date and the next item's company: a comma or "and".
_ITEM_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)")


def listed_dates(
    sentence: str,
    dates: list[tuple[int, int]],
    whole: tuple[str, ...],
    discovered: tuple[str, ...] = (),
    gaz: Gazetteer | None = None,
) -> list[tuple[str, ...]] | None:
    """The companies of each date of a sentence that lists companies with their dates
    ("Xiaomi listed in May 2021, Baidu in June 2020 and Meituan in September 2020": June 2020
    is Baidu's, September 2020 Meituan's, May 2021 the others'), else None. An item is a
    company right after the date before it (a comma or "and" between) and right before its
    own date (a preposition between); ``whole``: the sentence's companies, ``discovered``
    those of them the gazetteer lacks (found by their names).

    >>> s = "Regulators fined Alibaba in April, Meituan in October and Didi in July."
    >>> listed_dates(s, [(s.index("in A"), s.index(",")), (s.index("in O"), s.index(" and")),
    ...                  (s.index("in J"), len(s) - 1)], ("Alibaba", "Meituan", "Didi"))
    [('Alibaba',), ('Meituan',), ('Didi',)]
    """
    gaz = gaz or gazetteer()
    companies = [m for m in find_mentions(sentence, gaz) if m.group == "company" and m.name in whole]
    companies += [Mention(a, b, "company", name, discovered=True)
                  for a, b, name in named_again(sentence, discovered, [])]  # fmt: skip
    own: list[str | None] = [None]
    for (_, before), (start, _) in zip(dates, dates[1:], strict=False):
        own.append(next((
            m.name for m in companies
            if before <= m.start and m.end <= start and _ITEM_JOIN.fullmatch(sentence, before, m.start)
            and _ITEM_GAP.fullmatch(sentence, m.end, start)
        ), None))  # fmt: skip
    claimed = {name for name in own if name}
    if not claimed:
        return None
    rest = tuple(c for c in whole if c not in claimed) or whole
    return [(name,) if name else rest for name in own]
