"""Extract dated events, undated statements and money figures from an article.

Pipeline for one article (each step is its own module):

1. ``data.text.sentences``: sentences with exact offsets; a repeated
   paragraph is skipped.
2. ``data.money.find_money``: money figures first; their spans are kept out
   of the date search.
3. ``data.dates``: temporal expressions, resolved against the publication
   date (or the date of a quoted earlier report) in document order, so
   "Two days later" resolves against the date just mentioned.
4. ``data.actors``: companies and state actors of each sentence.
5. One event per date expression of a sentence (two dated clauses, two
   events); a sentence with a company and a state actor but no date is an
   undated statement. Page furniture is not an event; a sentence in the
   author's own voice ("I moved to Shanghai in 2015") is a background event.

The command line (``python -m data`` or ``python -m data.extract``) lives in
``data/__main__.py``; the category taxonomy in ``data/categories.py``.
"""

from __future__ import annotations

import hashlib
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from decimal import Decimal

from data.actors import (
    ActorContext,
    Actors,
    actor_kinds,
    clause_actors,
    context_before,
    find_mentions,
    gazetteer,
    listed_dates,
    marks,
    resolve_actors,
)
from data.categories import DEFAULT_CATEGORY, category_of
from data.dates import Anchor, DateContext, find_expressions, triggers
from data.furniture import (
    caption_paragraphs,
    date_headings,
    dateline_end,
    header_end,
    is_furniture,
    link_lists,
)
from data.money import (
    MARKET_CAP_KINDS,
    figure_kind,
    find_money,
    fined_before,
    is_possible_fine,
    is_shared,
    may_have_money,
    refers_back,
)
from data.organisations import named_again, title_case
from data.records import DateMention, Event, Extraction, Figure, Precision
from data.relevance import DEAL_NOUNS, clause_bounds, measured_from, other_times, relevance_of
from data.roles import awaits_subject
from data.sources import QuotedPassage
from data.text import Span, sentences, tokens

#: ``(?<!\.)\b(?:I|I[’']m|I[’']ve|I[’']d|I[’']ll|me|my|myself)\b``, each word's first letter
#: written before its boundary test (a word character needs no word character before it):
#: the regex engine then looks only where an "I" or an "m" is.
#: (Nor a word after a dot: "Ele.me", a name, is no "me".)
_FIRST_PERSON = re.compile(
    r"(?:I(?<![\w.]I)(?:|[’']m|[’']ve|[’']d|[’']ll)|m(?<![\w.]m)(?:e|y|yself))\b"
)
#: The writer's own "we" (a fund letter, a newsletter): their voice for relevance. Lower-case
#: "us" only, so "US" (the country) is not read as one. (``(?<!\.)\b(?:[Ww]e|[Oo]urs?|us|ourselves)\b``,
#: each word's first letter written before its boundary test, one letter an alternative: the
#: regex engine then looks only where a "W", "w", "O", "o" or "u" is.)
_FIRST_PLURAL = re.compile(
    r"(?:W(?<![\w.]W)e|w(?<![\w.]w)e|O(?<![\w.]O)urs?|o(?<![\w.]o)urs?|u(?<![\w.]u)s"
    r"|o(?<![\w.]o)urselves)\b"
)
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")


def _unquoted(sentence: str) -> str:
    if "“" in sentence or '"' in sentence:  # most sentences quote no one: nothing to cut
        return _QUOTED.sub("", sentence)
    return sentence


def _authorial(sentence: str) -> bool:
    """The author speaking of themselves, outside any quotation."""
    return bool(_FIRST_PERSON.search(_unquoted(sentence)))


def _our_voice(sentence: str) -> bool:
    """The writer's "we", outside any quotation: an aside for relevance (a "we" sentence
    is still a statement when undated; "I" is not)."""
    return bool(_FIRST_PLURAL.search(_unquoted(sentence)))


def _stable_id(source: str, *parts: object) -> str:
    digest = hashlib.sha1("|".join(map(str, parts)).encode()).hexdigest()[:10]
    return f"{source}-{digest}"


def _anchor_lookup(published: date, precision: str, quoted: Sequence[QuotedPassage]):
    default = Anchor(published, precision)
    passages = [(q.start, q.end, Anchor(q.published, q.precision)) for q in quoted]

    def anchor_for(offset: int) -> Anchor:
        for start, end, anchor in passages:
            if start <= offset < end:
                return anchor
        return default

    return anchor_for


def _by_clause(span, mentions, actors: Actors, before: tuple, ctx: ActorContext, index: int):
    """(actors, category) of each date expression's clause, where a sentence dates two
    clauses ("…fined Alibaba in November, and on Dec. 3 Didi said it would delist"), else
    None: each event then names what its own clause names (see ``clause_actors``) and takes
    its clause's category, or the sentence's where the clause has no cue."""
    bounds = [clause_bounds(span.text, m.start - span.start, m.end - span.start)
              for m in mentions]  # fmt: skip
    if len(set(bounds)) < 2:
        return None
    if len(actors.companies) > 1 or len(actors.regulators) > 1:
        own = clause_actors(span.text, bounds, index, context_before(before, ctx), actors)
    else:  # a clause only narrows: with one of each there is nothing to narrow
        own = dict.fromkeys(bounds, actors)
    whole = category_of(span.text)
    return [(own[b], category if (category := category_of(span.text[b[0]:b[1]]))
             != DEFAULT_CATEGORY else whole) for b in bounds]  # fmt: skip


#: What follows the day of the copy opening a sentence: a colon or a dash.
_COPY_DAY_AFTER = re.compile(r"\s*(?::|[-–—]{1,2})\s")


def _copy_day(first: DateMention, span, published: date) -> bool:
    """Does the sentence open with the day of the copy, no place before it ("March 30: ...",
    "March 3 - ..."), the publication day or the one before? Beside the sentence's own date
    it is a dateline (a timeline's heading, weeks before, is its entry's date)."""
    return (first.start == span.start and first.date_start == first.date_end
            and 0 <= (published - first.date_start).days <= 1
            and _COPY_DAY_AFTER.match(span.text, first.end - span.start) is not None)


def _sentence_events(events, statements, span, source, actors, mentions, published,
                     before=None, ctx=None, index=-1):
    """The events of one sentence (one per date expression), or its undated statement; a
    sentence in the author's own voice ("I moved to Shanghai in 2015") is background."""
    if not (mentions or actors.companies and actors.regulators):
        return  # neither dated nor a statement: no need to read its voice
    aside = _authorial(span.text)
    undated = not mentions and not aside
    if not (mentions or undated):
        return
    base = dict(
        source=source, quote=span.text, start=span.start, end=span.end,
        companies=actors.companies, regulators=actors.regulators, discovered=actors.discovered,
        category=category_of(span.text),
        regulator_kinds=actor_kinds(actors),
    )  # fmt: skip
    voice = bool(mentions) and not aside and _our_voice(span.text)
    if len(mentions) > 1 and (head := span.start + dateline_end(span.text)) > span.start:
        # a wire dateline beside the sentence's own date dates the copy, not an event
        mentions = [m for m in mentions if m.start >= head] or mentions
    if len(mentions) > 1 and _copy_day(mentions[0], span, published):
        mentions = mentions[1:]  # "March 30: Alibaba is planning ..., it said on Tuesday"
    clauses = _by_clause(span, mentions, actors, before, ctx, index) if (
        len(mentions) > 1 and before is not None) else None  # fmt: skip
    # "…, Baidu in June 2020 and Meituan in September 2020": each date its own company's
    items = listed_dates(span.text, [(m.start - span.start, m.end - span.start) for m in mentions],
                         actors.companies, actors.discovered,
                         ) if len(mentions) > 1 and len(actors.companies) > 1 else None
    for i, m in enumerate(mentions):
        own = {}
        if clauses:
            who, category = clauses[i]
            own = dict(
                companies=who.companies, regulators=who.regulators, discovered=who.discovered,
                category=category, regulator_kinds=actor_kinds(who),
            )  # fmt: skip
        if items:
            own.update(companies=items[i],
                       discovered=tuple(d for d in actors.discovered if d in items[i]))
        events.append(Event(
            id=_stable_id(source, span.text, m.text, m.start - span.start),
            date_text=m.text, date_start=m.date_start, date_end=m.date_end,
            precision=m.precision, date_offsets=(m.start, m.end),
            relevance=relevance_of(
                span.text, (m.start - span.start, m.end - span.start), m.precision,
                actors.regulators, m.date_end, published, aside=aside, voice=voice,
            ) if m.start >= span.start else relevance_of(  # a timeline heading's date
                span.text, None, None, actors.regulators, m.date_end, published,
            ), **{**base, **own},
        ))  # fmt: skip
    if undated:
        statements.append(Event(
            id=_stable_id(source, span.text), date_text="", date_start=None,
            date_end=None, precision=None,
            relevance=relevance_of(span.text, None, None, actors.regulators), **base,
        ))  # fmt: skip


#: What parts a sentence into the stretches a figure takes its date from.
_FIGURE_CLAUSE_BREAK = re.compile(r"[,;:()\[\]—–]|\s-\s")


def _nearest(dated, text: str, start: int, end: int, span) -> DateMention | None:
    """The date of a figure at ``[start, end)`` of the sentence ``span``: the nearest date
    of its own stretch between commas, dashes or brackets ("invested $692 million in 2014
    and led a $2.6 billion bid in 2017"; "Since Alibaba's debut in 2014, Didi raised $4.4bn
    on June 30" is June's), else the last date of its sentence or of the sentence before."""
    if not dated:
        return None
    left = right = None
    for b in _FIGURE_CLAUSE_BREAK.finditer(text, span.start, span.end):
        if any(d.start <= b.start() < d.end for d in dated):
            continue  # "June 3, 2021"
        if b.end() <= start:
            left = b.end()
        elif b.start() >= end and right is None:
            right = b.start()
    left, right = left or span.start, right or span.end
    own = [d for d in dated if left <= d.start and d.end <= right]
    if not own:
        return dated[-1]
    return min(reversed(own), key=lambda d: max(d.start - end, start - d.end, 0))


def _company_mentions(sentence: str, companies: tuple[str, ...]) -> list:
    """The gazetteer's company mentions of a sentence with several companies (none for
    fewer): looked up once for all of its figures."""
    if len(companies) < 2:
        return []
    return [m for m in find_mentions(sentence, gazetteer()) if m.group == "company"]


def _names_each(sentence: str, companies: tuple[str, ...], mentions: list) -> bool:
    """Does a sentence with several companies name each of them (by the gazetteer's
    ``mentions`` or by the name itself)? Not where one is only referred to ("The company
    said"): then no clause can be told its own."""
    return len(companies) > 1 and all(c in sentence or any(m.name == c for m in mentions)
                                      for c in companies)


#: Right after a fine, the company it is for: "a $2.75B fine for e-commerce site Alibaba",
#: "a 3.44 billion yuan penalty on Meituan" (a few words of description may come between).
_FINE_FOR = re.compile(r"\s+(?:fine|penalty)\s+(?:on|for|against)\s+")
#: How far after "fine for" its company may be named ("e-commerce site Alibaba").
_FINE_FOR_REACH = 32


def _fined_company(sentence: str, end: int, mentions: list | None) -> tuple[str, ...]:
    """The company named right after "fine for"/"penalty on" following the figure ending at
    ``end``, where the sentence names each of several (``mentions``: their mentions, else
    None)."""
    m = _FINE_FOR.match(sentence, end) if mentions else None
    if m is None:
        return ()
    first = min((c for c in mentions if m.end() <= c.start <= m.end() + _FINE_FOR_REACH),
                key=lambda c: c.start, default=None)
    return (first.name,) if first is not None else ()


#: A clause's own word for a company it does not name (not "its": that is the subject's).
_THE_COMPANY = re.compile(r"\b[Tt]he\s+(?:company|group|firm)\b")


def _clause_owners(sentence: str, start: int, end: int, companies: tuple[str, ...],
                   named: list | None, mentions: list):
    """The companies of a figure at ``sentence[start:end]``: those named in its own clause
    where the sentence names each of several ("Ant received a penalty of X, while Tencent's
    Tenpay was fined Y"; ``named``: their mentions, else None; a clause that names none but
    says "the company" is the company named last before it), else all the sentence's but
    one named (``mentions``: the gazetteer's) only outside its clause."""
    lo, hi = clause_bounds(sentence, start, end)
    if named is None:  # a company only referred to ("The chipmaker lost $X, as investors
        # bet that DeepSeek's models ..."): it may be the one; one named only in another
        # clause is not
        elsewhere = {m.name for m in mentions} - {
            m.name for m in mentions if lo <= m.start and m.end <= hi} - {
            c for c in companies if c in sentence[lo:hi]}
        return tuple(c for c in companies if c not in elsewhere) or companies
    own = tuple(c for c in companies if c in sentence[lo:hi]
                or any(m.name == c and lo <= m.start and m.end <= hi for m in named))
    if not own and _THE_COMPANY.search(sentence, lo, hi):  # "..., and in 2014 the company
        # raised $25 billion": the company named last before its clause
        before = [m for m in named if m.end <= lo]
        own = (before[-1].name,) if before else ()
    return own or companies


#: A year that dates the sales a fine is measured by ("3% of its 2020 domestic revenue"):
#: what follows the year in the text.
_BASE_YEAR_AFTER = re.compile(
    r"\s+(?:(?:domestic|annual|total|global|full-year|China)\s+)*(?:revenues?|sales|turnover"
    r"|income)\b", re.IGNORECASE)


#: Right before a company a deal bought: "its acquisition of", "a stake in", "acquiring".
_BOUGHT_BEFORE = re.compile(
    r"\b(?:(?:acquisition|takeover|purchase|buyout)\s+of|stake\s+in|acquir(?:e|ed|ing)|bought"
    r"|buying)\s+(?:(?:an?|the|its)\s+)?(?:[\w-]+\s+){0,4}$", re.IGNORECASE)


def _bought(sentence: str, owners: tuple[str, ...], mentions: list) -> set[str]:
    """The companies of ``owners`` that ``sentence`` names only as what a deal bought ("a
    fine for not reporting its acquisition of X"). ``mentions``: the sentence's company
    mentions (:func:`_company_mentions`)."""
    places = [(c.name, c.start) for c in mentions]
    places += [(name, m.start()) for name in owners if not any(n == name for n, _ in places)
               for m in re.finditer(re.escape(name), sentence)]  # discovered names, by text
    bought, named_otherwise = set(), set()
    for name, at in places:
        after_a_deal = _BOUGHT_BEFORE.search(sentence, max(0, at - 60), at) is not None
        (bought if after_a_deal else named_otherwise).add(name)
    return bought - named_otherwise


def _only_bought(sentence: str, companies: tuple[str, ...]) -> bool:
    """Does ``sentence`` name each of ``companies`` only as what a deal bought?"""
    return set(companies) <= _bought(sentence, companies, _company_mentions(sentence, companies))


def _not_bought(sentence: str, owners: tuple[str, ...], mentions: list) -> tuple[str, ...]:
    """A fine's companies without those its sentence names only as what a deal bought: X
    was not fined (all of them where each was bought)."""
    bought = _bought(sentence, owners, mentions)
    return tuple(o for o in owners if o not in bought) or owners


#: A deal a fine is for, right after its year ("its 2016 purchase of …") or before its
#: date ("its purchase of China Music Corporation in 2016").
_DEAL_AFTER = re.compile(rf"\s+(?:{DEAL_NOUNS})s?\b", re.IGNORECASE)
_DEAL_BEFORE = re.compile(
    rf"\b(?:{DEAL_NOUNS})s?\s+(?:of|in|for|with)\s+"
    r"(?:[\w.&'’-]+\s+){1,6}(?:(?:in|on)\s+)?$", re.IGNORECASE)  # (the date may hold its "in")


def _fine_dates(text: str, dated: list, before: list, span: Span, at: int) -> list:
    """The dates a fine may take: not the year of the sales it is measured by, nor the date
    of the deal it is for, nor one inside an "after"/"before"/"since" clause of its sentence
    ("imposed a fine after finding that streams flooded it in late December") the fine at
    ``at`` is not in itself; where the sentence has no other, those of the sentence before."""
    other = tuple((span.start + a, span.start + b) for a, b in other_times(span.text)
                  if not span.start + a <= at < span.start + b)
    kept = [d for d in dated
            if not (d.precision == Precision.YEAR and _BASE_YEAR_AFTER.match(text, d.end))
            and not _DEAL_AFTER.match(text, d.end)
            and not _DEAL_BEFORE.search(text, max(0, d.start - 90), d.start)
            and not any(a <= d.start and d.end <= b for a, b in other)]
    if kept or not dated:
        return kept
    if other and any(a <= d.start and d.end <= b for d in dated for a, b in other):
        return []  # its own sentence's dates are of other moments: no date of its own
    return [d for d in before if not d.vague]


def _figures(text, span, source, money, companies, dated, earlier, before=()) -> list[Figure]:
    figures = []
    mentions = _company_mentions(span.text, companies)  # once for all the sentence's figures
    named = mentions if _names_each(span.text, companies, mentions) else None
    for m in money:
        kind = figure_kind(span.text, m.start - span.start, m.end - span.start, text=text,
                           at=m.start)
        # a fine that may come ("could face a fine of X") is no company's fine yet
        possible = kind == "fine" and is_possible_fine(span.text, m.start - span.start)
        own = () if possible else (
            kind == "fine" and _fined_company(span.text, m.end - span.start, named)
            or _clause_owners(span.text, m.start - span.start, m.end - span.start, companies,
                              named, mentions))
        if kind == "fine" and len(own) > 1:
            own = _not_bought(span.text, own, mentions)
        if own != companies and len(companies) > 1 and _EACH_BEFORE.search(
                span.text, max(0, m.start - span.start - 24), m.start - span.start):
            own = companies  # "A, B and C were each fined X": each one's
        if not own and kind == "fine" and _EACH_OPENS.match(span.text) and earlier and (
                earlier[-1][1] == span.paragraph and len(earlier[-1][3]) > 1):
            own = earlier[-1][3]  # "… fined Alibaba, Tencent and Baidu. Each was fined X."
        shared = is_shared(span.text, m.start - span.start, m.end - span.start, kind, len(own))
        # "The penalties came to X in total": the companies reported fined just before.
        owners = own or (fined_before(earlier, span.paragraph)
                         if kind == "fine" and shared and not possible else ())
        when = _nearest(_fine_dates(text, dated, before, span, m.start) if kind == "fine"
                        else dated, text,
                        m.start, m.end, span)
        figures.append(Figure(
            id=_stable_id(source, span.text, m.text, m.start - span.start),
            source=source, quote=span.text, start=span.start, end=span.end,
            text=m.text, text_start=m.start, text_end=m.end, amount=m.amount,
            currency=m.currency, usd=m.usd, usd_stated=m.usd_stated, kind=kind,
            market_cap=kind in MARKET_CAP_KINDS, companies=owners, shared=shared,
            date_start=when.date_start if when else None,
            date_end=when.date_end if when else None,
        ))  # fmt: skip
    return figures


def extract_text(
    text: str,
    published: date,
    source: str = "doc",
    *,
    precision: str = "day",
    quoted: Sequence[QuotedPassage] = (),
) -> Extraction:
    """Events, undated statements and figures of one article."""
    gaz = gazetteer()
    anchor_for: Callable[[int], Anchor] = _anchor_lookup(published, precision, quoted)
    ctx = ActorContext()
    events: list[Event] = []
    statements: list[Event] = []
    figures: list[Figure] = []
    chain = DateContext()  # the dates later expressions count from
    waiting: tuple[int, list[int]] = (-1, [])  # (paragraph, events) awaiting their subject
    # The sentences naming companies so far: (index, paragraph, sentence, companies).
    earlier: list[tuple[int, int, str, tuple[str, ...]]] = []
    index = -1
    found_at: dict[str, int] = {}  # each discovered company: where the cue found it
    headline_figures: list[int] = []  # the figures of title-case lines
    spans = sentences(text)
    captions = caption_paragraphs(spans)  # photo captions: furniture, like bylines
    headings = date_headings(spans)  # a timeline's "November 2020" lines
    links = link_lists(text, spans)  # the lines under "Related coverage:": other stories
    heading: DateMention | None = None  # the one the paragraphs below stand under
    opened = -1  # the paragraph whose first sentence was read last
    for span in spans:
        if span.repeat:
            continue
        index += 1
        if head := header_end(span.text):  # a chat line or a reader's comment: its header
            # dates it, the rest is prose
            span = Span(span.start + head, span.end, span.text[head:], span.paragraph)
        words = tokens(span.text)
        before = marks(ctx)  # the context a sentence's clauses are read against
        known = len(ctx.discovered)
        actors = resolve_actors(span.text, index, ctx, gaz, words)
        for name in ctx.discovered[known:]:  # where each discovered name was first found
            found_at.setdefault(name, span.start)
        if span.start in headings:  # no event itself: it dates what follows
            kinds = triggers(span.text, words)
            found = find_expressions(text, span.start, span.end, (), kinds) if kinds else []
            got = chain.read_sentence(text, found, anchor_for, (span.start, span.end),
                                      span.paragraph)
            heading = chain.section = got[0] if len(got) == 1 and not got[0].vague else None
            continue
        if span.paragraph in captions or span.start in links or is_furniture(
                span.text, credited=False):  # (a credit
            # puts its paragraph in captions: a sentence of another carries none)
            continue
        opens_paragraph = opened != span.paragraph
        opened = span.paragraph
        money = find_money(text, span.start, span.end) if may_have_money(span.text, words) else []
        money_spans = [(m.start, m.end) for m in money]
        kinds = triggers(span.text, words)
        found = find_expressions(text, span.start, span.end, money_spans, kinds) if kinds else []
        prev = chain.previous(span.paragraph)  # the sentence before's dates, same paragraph
        mentions = chain.read_sentence(text, found, anchor_for, (span.start, span.end),
                                       span.paragraph)
        # "Billions were lost in July." + "Alibaba, Kuaishou and Tencent lost...": an event
        # naming no company takes those of the next sentence that elaborates it: no date of
        # its own, or, naming no state actor (else it tells an act of its own), only moments
        # inside the event's interval ("…closed lower this afternoon").
        if waiting[0] == span.paragraph and actors.companies and (not mentions or (
            not actors.regulators and all(
                events[i].date_start <= m.date_start and m.date_end <= events[i].date_end
                for i in waiting[1] for m in mentions
            ))):  # fmt: skip
            for i in waiting[1]:
                events[i] = replace(
                    events[i], companies=actors.companies, discovered=actors.discovered
                )
        under_heading = heading is not None and opens_paragraph and bool(
            actors.companies or actors.regulators)
        if under_heading and not mentions:
            mentions = [heading]  # "November 2020" / "An IPO ... was called off ..."
        first = len(events)
        if under_heading and mentions[0] is not heading and all(
                Precision(m.precision).rank > Precision(heading.precision).rank for m in mentions):
            # "April 2021" / "… fined Alibaba …, 4% of its 2019 revenue": the heading dates the
            # act, the year its statistic
            _sentence_events(events, statements, span, source, actors, [heading], published,
                             before, ctx, index)
            prev = [heading]  # and the date a fine falls back on
        _sentence_events(events, statements, span, source, actors, mentions, published,
                         before, ctx, index)
        waiting = (span.paragraph, [
            i for i in range(first, len(events))
            if not actors.companies and awaits_subject(span.text)
        ])  # fmt: skip
        # A figure's date: its sentence's, else the sentence before it; never the date a record
        # is measured from ("HK$274, the biggest drop since October 2008").
        dated = [m for m in mentions or prev if not m.vague and not (
            m.start >= span.start and measured_from(span.text, m.start - span.start,
                                                    m.end - span.start))]
        # Its companies: its sentence's, else, where the sentence speaks of a company it does
        # not name ("its revenue", "the market value", "fined it") or names only one a deal
        # bought ("fined it ... over its purchase of China Music"), the one company of the
        # sentence before (or of one earlier in its paragraph).
        owners = actors.companies
        if money and earlier and refers_back(span.text) and (
                not owners or _only_bought(span.text, owners)):
            last_index, last_paragraph, _, last = earlier[-1]
            if len(last) == 1 and (last_index == index - 1 or last_paragraph == span.paragraph):
                owners = last
        if money and title_case(span.text):  # a headline's figures: dropped below if the
            headline_figures.extend(range(len(figures), len(figures) + len(money)))  # body gives them
        figures.extend(_figures(text, span, source, money, owners, dated, earlier, prev))
        if actors.companies:
            earlier.append((index, span.paragraph, span.text, actors.companies))
    if headline_figures:
        figures = _without_restated(figures, set(headline_figures))
    if found_at:  # a name found further on, named before it was found
        events, statements = _named_before(events, found_at), _named_before(statements, found_at)
    return Extraction(tuple(events), tuple(statements), tuple(figures))


#: A sentence opening with "Each" ("Each was fined 500,000 yuan"): each of the companies
#: the sentence before named.
_EACH_OPENS = re.compile(r"\W*Each\b(?!\s+of\b)")


#: Right before a figure each of the sentence's companies has: "were each fined".
_EACH_BEFORE = re.compile(r"\beach\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
#: How close two figures' US dollars are to be one amount restated (a headline's rounding).
_SAME_AMOUNT = Decimal("0.02")


def _without_restated(figures: list[Figure], headline: set[int]) -> list[Figure]:
    """``figures`` without those of a headline (indexes ``headline``) that a figure of the
    body restates ("Kuaishou Fined US$16.5 Million" over "fined Kuaishou 119.1 million
    yuan (US$16.5 million)"): one amount, not two."""
    body = [f.usd for i, f in enumerate(figures) if i not in headline and f.usd]
    return [f for i, f in enumerate(figures) if i not in headline or not f.usd or not any(
        abs(b - f.usd) <= _SAME_AMOUNT * max(b, f.usd) for b in body)]


def _named_before(records: list[Event], found_at: dict[str, int]) -> list[Event]:
    """``records`` with each company the article discovered (``found_at``: name -> where a
    cue first found it) added where a record's quote, before that place, names it ("Koolearn
    lost a third on Monday" in the lede, "Koolearn, New Oriental's online unit," further on),
    not inside a longer name the gazetteer knows. (From the cue on, each sentence has had
    its own reading of the name.)"""
    out = []
    gaz = gazetteer()
    for r in records:
        missing = [n for n, at in found_at.items()
                   if r.start < at and n not in r.companies and n in r.quote]
        if missing:
            taken = [(m.start, m.end) for m in find_mentions(r.quote, gaz)]
            found = _ordered_names(named_again(r.quote, missing, taken))
            if found:
                r = replace(r, companies=(*r.companies, *found),
                            discovered=(*r.discovered, *found))
        out.append(r)
    return out


def _ordered_names(found) -> tuple[str, ...]:
    return tuple(dict.fromkeys(name for *_, name in found))


if __name__ == "__main__":  # ``python -m data.extract`` is the command line of data/__main__.py
    from data.__main__ import main

    sys.exit(main())
