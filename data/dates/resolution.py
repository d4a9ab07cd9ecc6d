"""Resolving the expressions of a sentence in order, and what carries between them.

Within a sentence: a month or day without a year takes the year of a date that
frames the sentence ("In April 2018, ... lifted in July"); two dates joined by
"to"/"and" after "from"/"between" become one interval. Across sentences, a
:class:`DateContext` carries the dates later expressions chain from ("Two days
later") and the previous sentence's story date (a bare "July 2" after "...June 30
last year" stays in that year).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date

from data.alternation import Alternation
from data.dates.intervals import Interval, day_in, month_interval, precision_of, shift
from data.dates.matching import Found, find_expressions, triggers
from data.dates.rule import Anchor, Situation
from data.dates.vocabulary import (
    EVENT_NOUN_WORDS,
    EVENT_NOUNS,
    MONTH,
    PLAN_WORDS,
    SCHEDULE_VERBS,
    TIME_VERBS,
    WEEKDAY_WORD,
    one_of,
)
from data.records import SPECIFIC, DateMention, Precision
from data.relevance import OTHER_TIME_WORDS, other_times
from data.text import has_digit, last_sentence_stop, tokens

_FUTURE = Alternation.of(
    r"\b(?:will|shall|plans?\s+to|takes?\s+effect)\b|[’']ll\b"
    # in force from a day to come, told in the present; what "should" come
    r"|\b(?:comes?|go|goes)\s+into\s+(?:force|effect)\b"
    r"|\bshould\s+(?:come|arrive|follow|land|be\s+(?:out|published|released|announced))\b"
    # "is expected to", "are due by", "is likely to", and "is expected" right before its date
    # ("on Friday")
    r"|\b(?:is|are)\s+(?:set|due|expected|scheduled|slated|likely|poised)(?:\s+(?:to|on|by|in|for"
    r"|at)\b|\s+$)"
    # a market's hours told in the present: "markets are open as usual on Wednesday"; a
    # ceremony in the present passive ("is inaugurated on Jan. 20"); a deadline one "has
    # until"
    r"|\b(?:is|are)\s+(?:open|closed|shut|inaugurated|sworn\s+in|held)\b"
    # an office taken, told in the present ("which takes office on 20 January")
    r"|\btakes?\s+office\b"
    r"|\b(?:has|have)\s+until\b"
    # "the decision due on Wednesday" (not "was due on", a schedule told in the past)
    r"|(?<!\bwas\s)(?<!\bwere\s)\bdue\s+(?:on\s+|by\s+)?$"
    # a day that "falls on" its date, a thing that "is on" it or "takes place" on it: a
    # timetable told in the present
    r"|\bfalls\s+on\s+$|\b(?:is|are)\s+(?:on\s+)?$|\btakes?\s+place\b",
    re.IGNORECASE,
)
#: A timetable told in the present: a plural subject and a schedule verb ("markets close
#: early on Friday", "the rules change on 1 August"), or a subject and its -s form ("what
#: changes on 1 August", "who turns 60 in October", "the legislature opens its session on
#: March 5"); not a market's close ("shares close 3% lower") nor a noun ("a close partner").
_SCHEDULE_VERB = re.compile(rf"\b{one_of(SCHEDULE_VERBS)}(?P<s>s)?\b"
                            r"(?!\s+(?:up|down|higher|lower|flat|at|[\d.]+\s*(?:%|per)))")
#: Results told in the present are a timetable: "Alibaba reports its September-quarter results
#: on Thursday", "JD.com publishes earnings on 16 November" (not "Reuters reports that ...").
_RESULTS_SCHEDULE = re.compile(r"\b(?:reports|publishes|releases)\s+"
                               r"(?:(?:its|their)\s+)?(?:[\w-]+\s+){0,2}(?:results|earnings)\b")
#: "follow" with an object ("the case follows requests made in June"): it comes after
#: them, a pointer back; a timetable's "follow" takes none ("the privacy law follows on 1
#: November").
_FOLLOWS_SOMETHING = re.compile(
    r"follows?\s+(?!(?:on|in|at|by|from|next|later|soon|shortly|suit|up|through)\b)[\w“\"‘'$]",
    re.IGNORECASE)
_PRONOUNS = frozenset({"what", "which", "that", "who", "it", "he", "she"})
_NOT_PLURAL = frozenset({"has", "was", "its", "this", "is", "as", "his", "us", "does", "less",
                         "across", "plus", "thus"})  # fmt: skip


def _present_schedule(text: str, start: int, end: int) -> bool:
    """Is there a timetable told in the present in ``text[start:end]``?"""
    for m in _SCHEDULE_VERB.finditer(text, start, end):
        words = text[max(start, m.start() - 24) : m.start()].split()
        if not words or _FOLLOWS_SOMETHING.match(text, m.start()):
            continue
        word = words[-1]
        if m.group("s"):  # "what changes", "who turns", "Ma turns", "the legislature opens",
            # "results season starts": a present -s form is a timetable whatever its subject
            if word.isalpha() or word.lower() in _PRONOUNS:
                return True
        elif (len(word) > 2 and word.isalpha() and word[-1] == "s" and word[-2].islower()
              and word.lower() not in _NOT_PLURAL):  # "markets close", "rules change"
            return True
    return False


#: The writer's own plan told in the present ("We are off on Monday", "I'm flying to Beijing on
#: Friday"), where no verb in the past follows; not a state of things ("we are seeing weaker
#: demand in March" is the March gone by).
_SINCE_BEFORE = re.compile(r"\b(?i:since)\s+$")
#: A label of what is coming opening the sentence ("Coming up:", "The week ahead:", "Next
#: week:", "What to watch:"): its dates are still to come, unless their clause is told in
#: the past.
_COMING_LABEL = re.compile(
    r"\s*(?:(?:The\s+)?(?:week|month|year|days)\s+ahead|Coming\s+up|Up\s+next|Upcoming|Ahead"
    r"|Next\s+(?:week|month)|What\s+to\s+watch(?:\s+for)?|Still\s+to\s+come|Diary|Looking\s+ahead)"
    r"\s*(?::|--|[—–])", re.IGNORECASE)
_OUR_PLAN = re.compile(rf"\b(?:[Ww]e\s+are|I\s+am|[Ww]e[’']re|I[’']m)\s+(?:\w+\s+)?{one_of(PLAN_WORDS)}\b")
#: A clause of its own in the past between a plan and the date ("plans to apply once the
#: regime came into effect on Aug. 1"): the date is that clause's, already gone.
_PAST_SUBCLAUSE = re.compile(
    r"\b(?:once|after|when|since|because|as|until)\s+(?:[\w’'-]+\s+){0,4}?"
    r"(?:(?:was|were|had|came|went|took|began|became)\b(?!\s+to\b)|[a-z]+ed\s+(?:on|in|into)\b)")
#: A verb in the past before the date in its clause: the timetable is told as history.
_PAST_IN_CLAUSE = re.compile(r"\b(?:was|were|had|did|said|told|took|came|went|began|saw|made"
                             r"|gave|fell|rose|won|lost|left|met|sent|held|paid|sold|bought"
                             r"|wrote|became|got|kept|brought|found|knew|grew|[a-z]+ed)\b")
#: Expressions that name the writer's own day: "Same day" and "that morning" never point
#: back to them ("today" would be said).
_DEICTIC = frozenset({"today", "tonight", "this morning", "this afternoon", "this evening"})
#: A schedule told in the past ("was scheduled for", "originally planned for", "would
#: hold a call on Monday"): the date
#: may lie on either side of the writer, so the occurrence nearest the anchor is meant.
_SCHEDULED = Alternation.of(
    r"\b(?:(?:was|were|had\s+been|has\s+been|initially|originally|previously|first)\s+)?"
    r"(?:scheduled|slated)\s+(?:for|to|on)\b"
    r"|\b(?:was|were|had\s+been|initially|originally|previously)\s+(?:set|due|planned|expected)"
    r"\s+(?:for|to|on)\b|\bwould\b"
    # a plan told in the past ("planned to sell shares on 21 November"): before or after
    r"|\bplanned\s+to\b",
    re.IGNORECASE,
)
_FROM_BEFORE = re.compile(r"\b(?:from|starting|effective|beginning|as\s+of|by|until)\s+$", re.I)
_OBLIGATION = re.compile(r"\b(?:must|will|shall|are\s+required|is\s+required)\b", re.I)
def _clause_start(text: str, start: int) -> int:
    return max(text.rfind(",", 0, start), text.rfind(";", 0, start),
               last_sentence_stop(text, start)) + 1


#: Right before a deadline's day: "a deadline of", "the deadline is", "the deadline, ".
_DEADLINE_BEFORE = re.compile(r"\bdeadline(?:\s+(?:of|on|is|was|falls\s+on)|,)\s+$", re.I)


def _is_deadline(text: str, start: int) -> bool:
    """Is ``text[start]`` a deadline's day: "by" right before it ("due by 13 December"), or
    "a deadline of", "the deadline is"?"""
    return text[max(0, start - 3) : start].lower() == "by " and not text[
        max(0, start - 4) : start - 3].isalnum() or _DEADLINE_BEFORE.search(
        text, max(0, start - 24), start) is not None


def clause_is_scheduled(text: str, start: int) -> bool:
    """Is the date at ``text[start]`` a schedule told in the past ("the listing was
    scheduled for Nov. 5", "was set to start trading on Thursday")?"""
    lo = _clause_start(text, start)
    if text[lo:start].strip().lower() in _BARE_CLAUSE:  # "planned to sell 10 million ADRs,
        # worth $871 million, on 21 November": a date alone in its clause belongs to the
        # clauses before it (an appositive between)
        for _ in range(2):
            lo = _clause_start(text, lo - 1) if lo > 0 else lo
    return bool(_SCHEDULED.search(text, lo, start))


#: What a clause holding a date alone says besides it: nothing, or its preposition.
_BARE_CLAUSE = frozenset({"", "on", "in", "by", "at", "from"})
_RANGE_JOIN = re.compile(r"\s*(?:and|to|until|till|through|–|-)\s*$", re.I)
#: What follows a date heading a paragraph: a dash or a colon, perhaps after a bracketed note
#: ("Late Nov (tbc) -- Meituan's results", "Monday: the regulator ...").
_HEADING_AFTER = re.compile(r"(?:\s*\([^()]{1,20}\))?\s*(?:--|[—–:]|-\s)")


#: Right before "a day after …" with no date after it: the subject comes that long after
#: what follows ("The revamp comes a day after Jack Ma returned home").
_COMES_BEFORE = re.compile(r"\b(?:comes|came|coming)\s+$", re.IGNORECASE)
#: Between a date and "a day after …" that counts back from it: a comma.
_AFTER_A_DATE = re.compile(r"\s*,\s*")
_AND = re.compile(r"\s*and\s*$", re.I)
#: A date led by its weekday ("Mon 8 Nov", "Tuesday"): two of them joined by "to" are a
#: span of days even with no "from" ("Mon 8 Nov to Thu 11 Nov"); joined by "and", where the
#: days follow one another and head a paragraph's item ("Tuesday and Wednesday: nothing
#: new"), the days the item covers (in prose "met on Monday and Tuesday" stays two dates).
_WEEKDAY_LED = re.compile(rf"(?:(?i:on)\s+)?{WEEKDAY_WORD}\b")
_RANGE_OPEN = re.compile(r"\b(?:between|from)\s+$", re.I)
# "through March and April", "during July and August": the months together
_RANGE_OPEN_IN_TEXT = re.compile(r"^(?:between|from|through|throughout|during)\s", re.I)
_STATED_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_CLAUSE_BREAK = re.compile(r"[,;:]|\.\s")
#: Expressions told from the writer's own day ("today", "on Monday", "this month", "last
#: week"): a sentence holding one speaks from the present, so even where it looks back
#: ("had") a month or day without a year in it is not carried back before the story of the
#: sentence before ("... said this month that most problems had been fixed, and Ma gave up
#: control on January 7" after a sentence about April 2021 is this January).
_NOW_RULES = frozenset({"today", "yesterday", "yesterday_and_today", "weekday", "weekend",
                        "weekday_of_week", "earlier_this_month"})
_NOW_UNITS = frozenset({"week", "month"})


def _tells_the_present(found: Sequence[Found]) -> bool:
    return any(f.rule.name in _NOW_RULES or (
        f.rule.name == "relative_unit" and f.match["unit"].lower() in _NOW_UNITS) for f in found)


#: "will report its third-quarter results in November", "reports September-quarter earnings
#: on Thursday": the quarter names results to come; beside the day they come out it is no
#: event (results already out, "second-quarter results showed ...", keep their quarter).
_RESULTS_LABEL = re.compile(r"\w+-quarter$", re.I)
_RESULTS_AFTER = re.compile(r"\s+(?:results|earnings)\b", re.I)

#: How many recent dates a chained expression may look back over.
RECENT = 6
#: How many dates back a thing named by its noun is looked for ("on the day of the launch",
#: the launch told a dozen dates before).
TOLD = 40


def clause_is_future(text: str, start: int, end: int) -> bool:
    """Does the date at ``text[start:end]`` lie ahead of the writer?

    Yes when a future marker ("will", "is set to", "takes effect") stands before
    it in its clause ("will take effect on Nov. 1"), not after it ("signed on
    Wednesday an order that will..."); or when it is a start or a deadline ("from
    Feb. 15") in a sentence that speaks of obligation or the future.
    """
    if _SINCE_BEFORE.search(text, max(0, start - 7), start):
        return False  # "we are up 5% since Monday": "since" looks back
    clause = _clause_start(text, start)
    if (ahead := _FUTURE.search(text, clause, start)) and not _PAST_SUBCLAUSE.search(
            text, ahead.end(), start) and not (
            _PLAN_NOUN.match(ahead.group()) and _WAS.search(text, ahead.end(), start)):
        return True
    if clause > 0 and text[clause - 1] == "," and _TIME_CLAUSE.match(text, clause) and not (
            _PAST_IN_CLAUSE.search(text, clause, start)):
        main = _clause_start(text, clause - 1)  # "will be summoned, when the bureau meets on
        if _FUTURE.search(text, main, clause - 1):  # Monday": the main clause's future
            return True
    clause = max(clause, text.rfind(":", 0, start) + 1)  # "Amended law: what changes on..."
    if _COMING_LABEL.match(text):  # "Coming up: ..., after a fine on October 8 knocked ..."
        after = _CLAUSE_BREAK.search(text, end)
        return not _PAST_IN_CLAUSE.search(text, clause, after.start() if after else len(text))
    if (_present_schedule(text, clause, start) or _OUR_PLAN.search(text, clause, start)
            or _RESULTS_SCHEDULE.search(text, clause, start)
            or _AHEAD_OF.search(text, clause, start)) and \
            not _PAST_IN_CLAUSE.search(text, clause, start):
        return True
    # "the data law took effect this month and the privacy law follows on 1 November": a
    # timetable in a clause of its own after "and"
    joined = text.rfind(" and ", clause, start)
    if joined > 0 and _present_schedule(text, joined, start) and not _PAST_IN_CLAUSE.search(
            text, joined, start):
        return True
    if not _FROM_BEFORE.search(text, max(0, start - 14), start):
        return False
    # a start or deadline in a sentence of obligation ("must … from Feb. 15"), or a weekday
    # a present-tense sentence starts from ("can play only at weekends starting Wednesday")
    return bool(_OBLIGATION.search(text)) or bool(
        _WEEKDAY_ALONE.fullmatch(text, start, end) and not _PAST_IN_CLAUSE.search(text))


#: What a clause told in the present comes "ahead of" is still to come ("this memo sums
#: them up ahead of the town hall on Thursday"; not "shares rose ahead of ...").
_AHEAD_OF = re.compile(r"\b(?:ahead|in\s+advance)\s+of\b", re.IGNORECASE)
#: A plan as a noun ("Alibaba's plan to raise $5 billion"), a future marker of its own; a
#: verb in the past after it tells the plan's fate ("was in disarray on Wednesday").
_PLAN_NOUN = re.compile(r"plans?\s+to\b", re.IGNORECASE)
_WAS = re.compile(r"\b(?:was|were)\b", re.IGNORECASE)
#: A clause of time after a comma ("…, when the bureau meets on Monday"): it stands under
#: its main clause's tense.
_TIME_CLAUSE = re.compile(r"\s*(?:when|once|as\s+soon\s+as|after|before|until|while)\b",
                          re.IGNORECASE)


#: A date that is a weekday alone ("Wednesday", "on Friday").
_WEEKDAY_ALONE = re.compile(rf"(?:on\s+)?{WEEKDAY_WORD}", re.IGNORECASE)


#: A month's name in a date's text.
_NAMES_A_MONTH = re.compile(MONTH)


def _join_ranges(text: str, mentions: list[DateMention], stated: set[int],
                 opens: int = -1) -> list[DateMention]:
    """"between 31 July and 31 December 2020", "from July to September 2021": one interval;
    the first end borrows the year of the second where it states none. ``opens``: where the
    sentence begins."""
    out: list[DateMention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if prev is not None and not prev.vague and not m.vague and _RANGE_JOIN.match(
            text[prev.end : m.start] + " "
        ):
            opener = _RANGE_OPEN.search(text, max(0, prev.start - 10), prev.start)
            days = _WEEKDAY_LED.match(prev.text) and _WEEKDAY_LED.match(m.text) and (
                not _AND.match(text[prev.end : m.start] + " ")
                or ((m.date_start - prev.date_end).days == 1 and (
                    prev.start == opens and _HEADING_AFTER.match(text, m.end)
                    # "on Monday and Tuesday (of this week)": two days in a row, one stretch
                    # (not "on Monday and again on Tuesday")
                    or text[prev.end : m.start] == " and ")))
            # "evaded tax in 2019 and 2020": years that follow one another, one span
            years = (_AND.match(text[prev.end : m.start] + " ") and prev.precision == m.precision
                     == Precision.YEAR and m.date_start.year == prev.date_end.year + 1)
            if opener or _RANGE_OPEN_IN_TEXT.match(prev.text) or days or years:
                start = prev.date_start
                if id(prev) not in stated and id(m) in stated:
                    start = shift(start, "year", m.date_start.year - start.year)
                    if start > m.date_start:
                        start = shift(start, "year", -1)
                begin = opener.start() if opener else prev.start
                end = m.date_end
                # "from 24 November to 31 December" told on 25 November: the end still to come
                if start > end and (opener or _RANGE_OPEN_IN_TEXT.match(prev.text)) and not (
                        stated & {id(prev), id(m)}) and _NAMES_A_MONTH.search(m.text):
                    end = shift(end, "year", 1)
                if start <= end:
                    out[-1] = DateMention(text[begin : m.end], begin, m.end, start, end,
                                          precision_of(start, end), False)
                    continue
        out.append(m)
    return out


#: A date in brackets that cites a text rather than dating an event: right after a quoted
#: title of three words or more ('Your report "Beijing buys a seat" (January 14)'; a quoted
#: phrase, 'the "golden share" (January 2023)', may be dated) or after the name of a page or
#: source ("(Letters, January 10)", "(Reuters, July 5)").
_CITATION_BEFORE = re.compile(r"(?:[\"“][^\"“”()]*\s[^\"“”()]*\s[^\"“”()]*[\"”]\s*\("
                              r"|\(\s*[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3},)\s*$")
_CITATION_AFTER = re.compile(r"\s*\)")
#: When a reference was read, inside a citation ("..., accessed 3 May 2021").
_ACCESSED_BEFORE = re.compile(r"\b(?i:accessed|retrieved|last\s+visited|archived)\s+(?:(?i:on)\s+)?$")


#: The outlet's own earlier piece, cited by its date: "see also our note of 12 April 2021".
_OWN_PIECE_BEFORE = re.compile(
    r"\b(?i:our|my)\s+(?:[\w-]+\s+)?(?i:note|report|story|article|column|piece|analysis"
    r"|newsletter|coverage|preview|podcast|episode|issue|edition|briefing)\s+(?i:of|dated)\s+$")


#: A time set against now, not a time anything happened: "why now rather than five or 10
#: years ago".
_RATHER_THAN_BEFORE = re.compile(r"\b(?i:rather\s+than|instead\s+of)\s+(?:[\w-]+\s+){0,3}$")


def _is_citation(text: str, start: int, end: int) -> bool:
    return bool(_CITATION_AFTER.match(text, end)
                and _CITATION_BEFORE.search(text, max(0, start - 120), start)) or bool(
        _ACCESSED_BEFORE.search(text, max(0, start - 25), start)
        or _OWN_PIECE_BEFORE.search(text, max(0, start - 40), start)
        or _RATHER_THAN_BEFORE.search(text, max(0, start - 40), start))


_OPEN_BRACKET = re.compile(r"\s*\(\s*$")
_CLOSE_BRACKET = re.compile(r"\s*\)")


#: Between a date and its restatement after a comma and "on" or "in": "A week later, on Jan.
#: 27" (not "on March 31, the same day Japan said …": another thing of that day).
_COMMA_RESTATED = re.compile(r"\s*,\s*(?:on|in)\s+$")


def _join_appositions(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """ "on Friday (Oct 8)", "A week later, on Jan. 27": a date restated in brackets or after
    a comma, same interval, is one expression."""
    out: list[DateMention] = []
    for m in mentions:
        prev = out[-1] if out else None
        same = prev is not None and (prev.date_start, prev.date_end) == (m.date_start, m.date_end)
        close = _CLOSE_BRACKET.match(text, m.end) if same else None
        if close and _OPEN_BRACKET.match(text[prev.end : m.start]):
            out[-1] = DateMention(text[prev.start : close.end()], prev.start, close.end(),
                                  prev.date_start, prev.date_end, prev.precision, prev.vague)
            continue
        if same and _COMMA_RESTATED.match(text[prev.end : m.start]):
            out[-1] = DateMention(text[prev.start : m.end], prev.start, m.end, m.date_start,
                                  m.date_end, m.precision, m.vague)
            continue
        out.append(m)
    return out


#: Right before the end of a period: "until", "till".
_UNTIL_BEFORE = re.compile(r"\b(?:until|till)\s+$", re.IGNORECASE)
#: A sentence's end between two dates (bounds may hold several sentences).
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?\s")


def _chain_base(f: Found, recent: Sequence[DateMention], text: str, bounds: tuple[int, int],
                where: dict[int, tuple[int, int]], gone: date | None = None,
                history: Sequence[DateMention] = ()) -> DateMention | None:
    """The date a chained expression counts from: the latest one fine enough for it
    ("On the same day" after "...on Thursday, closing a probe that began a year ago").

    "the same day" names a day already told, never the writer's own ("today"); when its
    sentence names a thing an earlier dated sentence named ("Responding to the press
    conference, ... on the same day"), it is that thing's day. ``gone``: the anchor's day,
    where the anaphor's clause tells a past act ("lost a fifth that afternoon"): a day after
    it (a deadline still to come) is not meant while one already gone is there. The thing
    named is looked for among the ``history`` of dates told before ``recent`` too."""
    if not f.rule.chained:
        return recent[-1] if recent else None
    g = f.match.groupdict()
    finest = Precision((g.get("unit") or g.get("unit2") or f.rule.chain_unit).lower()).rank
    last = recent[-1] if recent else None
    if last is not None and bounds[0] <= last.start < f.start and not last.vague and (
            Precision(last.precision).rank > finest) and not _SENTENCE_END.search(
                text, last.end, f.start):
        return None  # "launched it in 2014 so that shoppers could pay at the end of the month":
        # a month of its own sentence's year, which it does not tell, not an earlier one's
    if not f.rule.anaphor:
        return next((m for m in reversed(recent) if Precision(m.precision).rank <= finest), None)
    def fine_of(mentions: Sequence[DateMention]) -> list[DateMention]:
        out = [m for m in mentions if Precision(m.precision).rank <= finest
               and " ".join(m.text.lower().split()) not in _DEICTIC]
        if gone is not None:
            out = [m for m in out if m.date_end <= gone] or out
        # not the end of a period just told ("for comment until January 22, 2024. ... The
        # same day, shares fell": the day the draft came out)
        return [m for m in out if not _UNTIL_BEFORE.search(text, max(0, m.start - 7), m.start)
                ] or out

    fine = fine_of(recent)
    low = text[slice(*bounds)].lower()
    nouns = [n for n in EVENT_NOUNS if "the " + n in low]
    told = [w for n in nouns for w in EVENT_NOUN_WORDS.get(n, (n,))]
    if deed := g.get("deed"):  # "the day before it withdrew": the date told with "withdrew"
        nouns, told = [deed], [f" {deed} "]
    for m in reversed([*fine_of(history), *fine] if nouns else ()):
        other = text[slice(*where.get(m.start, bounds))].lower()
        if m.start < f.start and any(w in other for w in told):
            return m
    return None if deed else fine[-1] if fine else None


def _situation(text: str, f: Found, anchor: Anchor, base, future: bool) -> Situation:
    return Situation(anchor, base, future, text, f.start)


#: Across a paragraph break the story holds only for a day this close after it (one-sentence
#: paragraphs of wire copy: "...listed on June 30 last year." / "...a review on July 2.").
ACROSS_PARAGRAPHS_DAYS = 14
#: A sentence that looks back from its story ("had been warned in March", "earlier, in May").
_PLUPERFECT = re.compile(r"\b(?:had|earlier|before|previously|already)\b", re.I)


def _keep_the_story_year(text: str, f: Found, resolved: Interval, story: DateMention | None,
                         anchor: Anchor, base, across: bool = False,
                         bounds: tuple[int, int] = (0, 0), present: bool = False
                         ) -> Interval | None:
    """A bare month or day right after a story told in another year stays in that story:
    "...listed on June 30 last year. The regulator opened a review on July 2" is 2021.

    ``story`` is the last specific date (a day or a month) of the sentence just before.
    Only when it is more than ~10 months from the default reading, and the occurrence
    nearest to it is before the anchor and within six months of it. A story told in order
    moves forward: where the default reading follows the story within a year (or the
    sentence speaks from the writer's day), a reading back before the story is not taken
    unless the sentence looks back ("had", "earlier"; not when it speaks from the writer's
    day).
    """
    g = f.match.groupdict()
    if story is None or g.get("ry") or g.get("year"):
        return None
    if abs((resolved.start - story.date_start).days) <= 300:
        return None
    options = []
    for year in (story.date_start.year - 1, story.date_start.year, story.date_start.year + 1):
        moved = Anchor(date(year, 12, 31), "day")
        shifted = f.rule.resolve(g, _situation(text, f, moved, base, False))
        if shifted is not None and shifted.start.year == year and shifted.end <= anchor.day:
            options.append(shifted)
    if not options:
        return None
    nearest = min(options, key=lambda o: abs((o.start - story.date_start).days))
    gap = (nearest.start - story.date_start).days
    looks_back = not present and _PLUPERFECT.search(text, *bounds) is not None
    onward = present or (resolved.start - story.date_start).days <= 366
    if gap < 0 and story.date_start < resolved.start and onward and not looks_back:
        return None  # told in order, a story moves forward: its own reading, after the story
    if across:  # the paragraph before: only a day just after its story
        ok = nearest.precision == Precision.DAY and 0 <= gap <= ACROSS_PARAGRAPHS_DAYS
        return nearest if ok else None
    return nearest if abs(gap) <= 183 else None


@dataclass(frozen=True, slots=True)
class _Clause:
    """What an expression's clause and sentence say about its reading."""

    future: bool  # "will take effect on Nov. 1"
    scheduled: bool  # "was scheduled for Nov. 5": the occurrence nearest the anchor
    frame: DateMention | None  # a date with a year that frames it ("In April 2018, ...")
    own_year: bool  # its sentence states a year before it: no neighbour's story year
    deadline: bool = False  # "by 13 December": a day on either side of the writer
    present: bool = False  # its sentence is told from the writer's day ("said this month")


def _nearest(a: Interval, b: Interval | None, day: date) -> Interval:
    if b is not None and abs((b.start - day).days) < abs((a.start - day).days):
        return b
    return a


def _read(text: str, f: Found, anchor: Anchor, base, clause: _Clause,
          story: DateMention | None, across: bool = False,
          bounds: tuple[int, int] = (0, 0)) -> Interval | None:
    """One expression's interval, with the sentence's frame year or the story's year."""
    g = f.match.groupdict()
    resolved = f.rule.resolve(g, _situation(text, f, anchor, base, clause.future))
    if resolved is None:
        return None
    # a schedule told in the past, or a deadline day ("due by 13 December"): the nearest
    nearest = clause.scheduled or (clause.deadline and f.rule.yearless
                                   and resolved.precision == Precision.DAY)
    if nearest:
        ahead = f.rule.resolve(g, _situation(text, f, anchor, base, True))
        resolved = _nearest(resolved, ahead, anchor.day)
    if not f.rule.yearless:
        return resolved
    if clause.frame is not None and not g.get("ry") and not g.get("sy"):
        moved = Anchor(clause.frame.date_start, "day")
        later = f.rule.resolve(g, _situation(text, f, moved, base, True))
        return later if later is not None and later.start <= anchor.day else resolved
    if clause.future or nearest or clause.own_year:
        return resolved
    return _keep_the_story_year(text, f, resolved, story, anchor, base, across,
                                bounds, clause.present) or resolved


def _in_heading_order(text: str, f: Found, resolved: Interval, heading: DateMention,
                      anchor: Anchor, base) -> Interval:
    """A date heading a paragraph of a list of what is coming comes after the heading before
    it (a calendar lists its days in order): "Thu 18 Nov -- ..." then "Late Nov -- ..." is
    the same November, the first such on or after the heading before (within a year of the
    writer), where a reading of its own would go back. A list of the past may run either way
    (newest first), so its headings keep their own reading."""
    g = f.match.groupdict()
    if (not f.rule.yearless or g.get("year") or g.get("ry") or resolved.start >= heading.date_start
            or heading.date_start <= anchor.day):  # a list of what is coming, not of the past
        return resolved
    moved = Anchor(heading.date_start, "day")
    forward = f.rule.resolve(g, _situation(text, f, moved, base, True))
    if forward is None or forward.start < heading.date_start or (
            forward.start - anchor.day).days > 366:
        return resolved
    return forward


def _frame_for(text: str, f: Found, opening: DateMention | None,
               lender: DateMention | None) -> DateMention | None:
    """The sentence's opening date with a year, else a date with a year earlier in the same
    clause, a year adjective or a month or day ("a 2021 agreement reached in March", "the
    speech in October 2020 was followed by the suspension in November")."""
    if opening is not None:
        return opening
    if lender is not None and not re.search(r"[,;]", text[lender.end : f.start]):
        return lender
    return None


def resolve_mentions(
    text: str,
    found: list[Found],
    anchor_for: Callable[[int], Anchor],
    previous: DateMention | Sequence[DateMention] | None = None,
    clause_bounds: tuple[int, int] | None = None,
    story: DateMention | None = None,
    story_across: bool = False,
    where: dict[int, tuple[int, int]] | None = None,
    heading: DateMention | None = None,
    history: Sequence[DateMention] = (),
) -> list[DateMention]:
    """Resolve the expressions of one sentence in order; ``anchor_for(offset)``
    gives the anchor, ``previous`` the dates chained expressions may count from.
    A month or day stated without a year, in a sentence that opens with a date
    with one ("In April 2018, ... lifted in July"), takes the first such date on
    or after it. ``where`` gives the sentence bounds of earlier dates, by their start;
    ``heading``, when the sentence opens a paragraph, the date that headed the one before.

    An expression that counts from the date after it ("Two days after its listing on
    June 30") is read once that date is, when it follows in the same clause."""
    recent = [previous] if isinstance(previous, DateMention) else list(previous or ())
    out: list[DateMention] = []
    stated: set[int] = set()  # ids of mentions whose text states a year
    opening: DateMention | None = None  # "In April 2018, ...": the sentence's year
    lender: DateMention | None = None  # "a 2021 agreement": its clause's year
    lo, hi = clause_bounds or (0, len(text))
    sentence = text[lo:hi]
    ahead: Found | None = None  # waits for the date after it
    present = _tells_the_present(found)
    for i, f in enumerate(found):
        if f.rule.ahead:
            target = found[i + 1] if i + 1 < len(found) else None
            if target is not None and target.start - f.end <= 80 and not _CLAUSE_BREAK.search(
                    text, f.end, target.start):
                ahead = f
            elif (_COMES_BEFORE.search(text, max(lo, f.start - 8), f.start) and (
                    told := _chain_base(f, recent, text, (lo, hi), where or {},
                                        history=history))) or (
                    out and _AFTER_A_DATE.fullmatch(text, out[-1].end, f.start)
                    and (told := out[-1])):  # "came on 17 November, a day after …"
                # "The revamp comes a day after Ma returned": Ma's day, counted back from the
                # revamp's day (the latest one told fine enough)
                g = {**f.match.groupdict(), "dir": "before" if f.match["dir"].lower() == "after"
                     else "after"}
                back = f.rule.resolve(g, _situation(text, f, anchor_for(f.start), told, False))
                if back is not None:  # (no base of a later chain: "opened a review on July 2,
                    # two days after its listing, and pulled the app two days after that" counts
                    # from the review, not from the listing)
                    out.append(DateMention(text[f.start : f.end], f.start, f.end, *back))
            continue
        if _is_citation(text, f.start, f.end) or f.rule.yearless and _recurs_yearly(
                text, f.start, f.end):
            continue
        if f.rule.name == "weekday" and out and out[-1].precision == Precision.DAY and (
                _RESTATED_WEEKDAY.fullmatch(text, out[-1].end, f.start)):
            continue  # "on Oct. 8, 2021, a Friday": the day just told, by its weekday
        future = clause_is_future(sentence, f.start - lo, f.end - lo)
        clause = _Clause(future, not future and clause_is_scheduled(sentence, f.start - lo),
                         _frame_for(text, f, opening, lender), bool(stated),
                         _is_deadline(text, f.start), present)
        gone = None if future or not f.rule.anaphor or not _PAST_IN_CLAUSE.search(
            sentence) else anchor_for(f.start).day
        base = _chain_base(f, recent, text, (lo, hi), where or {}, gone, history)
        resolved = _read(text, f, anchor_for(f.start), base, clause, story, story_across,
                         (lo, hi))
        if heading is not None and resolved is not None and f.start == lo and _HEADING_AFTER.match(
                text, f.end):
            resolved = _in_heading_order(text, f, resolved, heading, anchor_for(f.start), base)
        waiting, ahead = ahead, None
        if resolved is None:
            continue
        mention = DateMention(text[f.start : f.end], f.start, f.end, *resolved)
        if f.rule.name == "holiday" and any(
                m.precision == Precision.DAY and m.date_start == m.date_end and
                (m.date_start.month, m.date_start.day) == (resolved.start.month, resolved.start.day)
                for m in out):
            continue  # "Thu 11 Nov -- Singles' Day": the holiday names the day just given
        out.append(mention)
        counted = None if waiting is None else waiting.rule.resolve(
            waiting.match.groupdict(), _situation(text, waiting, anchor_for(waiting.start),
                                                  mention, False))
        if counted is not None:  # "Two days after ... on June 30": the clause's own date
            out.insert(len(out) - 1, DateMention(text[waiting.start : waiting.end],
                                                 waiting.start, waiting.end, *counted))
        if (_STATED_YEAR.search(mention.text) or mention.precision == Precision.YEAR) and not mention.vague:
            stated.add(id(mention))
            lead = text[lo : mention.start]
            if len(lead.split()) <= 2 and "," not in lead:
                opening = mention
            if f.rule.lends_year or mention.precision in SPECIFIC or (
                    f.match.groupdict().get("cue") or "").lower() in TIME_VERBS:
                lender = mention  # "a 2021 deal reached in March", "in October 2020 ... in November",
                # "who remember 2021 remember its February peak"
        if not mention.vague:
            recent.append(mention)
        if counted is not None and not counted.vague:
            recent.append(out[-2])
    if len(out) > 1 and any(_RESULTS_LABEL.match(m.text) for m in out) and any(
            m.date_end >= anchor_for(m.start).day for m in out):
        out = [m for m in out if not _RESULTS_LABEL.match(m.text)
               or not _RESULTS_AFTER.match(text, m.end)] or out
    return _join_appositions(text, _join_ranges(text, _list_years(text, out, stated), stated, lo))


#: A day of the year that comes round every year ("counted from Jan. 1 of each year", "on July
#: 1 every year", "every year on 1 July"): a habit, no event.
_EVERY_YEAR_AFTER = re.compile(r",?\s+(?:of\s+)?(?:each|every)\s+year\b|\s+(?:annually|yearly)\b",
                               re.IGNORECASE)
_EVERY_YEAR_BEFORE = re.compile(r"\b(?:each|every)\s+year\s+(?:on\s+|in\s+)?$", re.IGNORECASE)


def _recurs_yearly(text: str, start: int, end: int) -> bool:
    return bool(_EVERY_YEAR_AFTER.match(text, end)
                or _EVERY_YEAR_BEFORE.search(text, max(0, start - 20), start))


#: Between a date and the weekday restating it: ", a Friday", " (a Friday".
_RESTATED_WEEKDAY = re.compile(r"\s*[,(]\s*an?\s+", re.IGNORECASE)
#: Between two items of a list of dates: a comma or "and", perhaps the next item's name and
#: a preposition (", Tencent in", " and Full Truck Alliance on"); no verb, no other word.
_LIST_GAP = re.compile(r",?\s*(?:and\s+)?(?:[A-Z][\w.&'’-]*\s+){0,4}(?:(?:in|on)\s+)?")
#: A date's own words that place it in a year of their own ("last April", "June 30 this year").
_OWN_YEAR_WORDS = re.compile(r"\d{4}|\b(?:year|last|next|this|that|ago)\b", re.IGNORECASE)


def _list_years(text: str, mentions: list[DateMention], stated: set[int]) -> list[DateMention]:
    """The items of a list of dates share the year its last item states ("fined Alibaba in
    April, Tencent in July and Meituan in October 2021": April and July of 2021): a month or
    day told without a year, before one that states it (or shares it) in calendar order,
    with only names between (:data:`_LIST_GAP`)."""
    out = list(mentions)
    told = {id(m) for m in mentions if id(m) in stated}
    for i in range(len(out) - 2, -1, -1):
        m, n = out[i], out[i + 1]
        if (id(n) not in told or id(m) in stated or m.vague or n.vague
                or m.precision not in (Precision.MONTH, Precision.DAY)
                or _OWN_YEAR_WORDS.search(m.text)
                or (m.date_start.month, m.date_start.day) > (n.date_start.month, n.date_start.day)
                or not _LIST_GAP.fullmatch(text, m.end, n.start)):
            continue
        year = n.date_start.year
        if m.precision == Precision.MONTH:
            first, last = month_interval(year, m.date_start.month)
        else:
            first = last = day_in(year, m.date_start.month, m.date_start.day)
            if first is None:
                continue
        out[i] = DateMention(m.text, m.start, m.end, first, last, m.precision, m.vague)
        told.add(id(out[i]))
    return out


#: A word that opens a clause of another time (:func:`data.relevance.other_times`).
_OTHER_TIME_WORDS = re.compile(rf"\b(?:{'|'.join(OTHER_TIME_WORDS)})\b", re.IGNORECASE)
#: A date's own words that say its year: "2024", "last year", "a year earlier".
_YEAR_TOLD = re.compile(r"\d{4}|\byear\b", re.IGNORECASE)


@dataclass
class DateContext:
    """The dates one article's later expressions chain from, carried sentence by sentence.

    ``told`` holds the latest non-vague dates (the last ``RECENT`` of them, :attr:`recent`,
    are those "Two days later" counts from; a thing named by its noun is looked for in all);
    ``before`` the previous sentence's dates and its paragraph (a new paragraph may
    start another story).
    """

    told: list[DateMention] = field(default_factory=list)
    before: tuple[int, list[DateMention]] = (-1, [])
    where: dict[int, tuple[int, int]] = field(default_factory=dict)  # sentence of each date
    heading: DateMention | None = None  # the last date that headed a paragraph ("Mon 1 Nov --")
    section: DateMention | None = None  # a timeline's heading on a line of its own ("November 2020")
    ahead: dict[tuple[int, int], date] = field(default_factory=dict)  # days read ahead, by (month, day)
    asides: set[int] = field(default_factory=set)  # starts of dates in "before"/"after" clauses

    @property
    def recent(self) -> list[DateMention]:
        return self.told[-RECENT:]

    def _same_day_ahead(self, mentions: list[DateMention], anchor_for) -> list[DateMention]:
        """A day named without a year that the article read ahead before ("plans tariffs on
        Feb. 10" ... "before the Feb. 10 levies") is that day, not the one a year back; the
        days read ahead here are remembered for the sentences after."""
        out = []
        for m in mentions:
            day = m.date_start
            if m.precision == Precision.DAY and day == m.date_end and not m.vague:
                told = anchor_for(m.start).day
                if day > told:
                    self.ahead[day.month, day.day] = day
                elif (ahead := self.ahead.get((day.month, day.day))) and not _YEAR_TOLD.search(
                        m.text) and has_digit(m.text):  # a day by its number, not "today"
                    m = DateMention(m.text, m.start, m.end, ahead, ahead, m.precision)
            out.append(m)
        return out

    def previous(self, paragraph: int) -> list[DateMention]:
        """The dates of the sentence just before, if it is in the same paragraph."""
        return self.before[1] if self.before[0] == paragraph else []

    def story(self, paragraph: int) -> DateMention | None:
        """The last specific date of the sentence just before, in the same paragraph, not one
        of a clause of another time ("... expected before the listing was halted in November
        2020": the sentence's story is not November 2020)."""
        return next((m for m in reversed(self.previous(paragraph))
                     if m.precision in SPECIFIC and m.start not in self.asides), None)

    def read_sentence(self, text: str, found: list[Found], anchor_for: Callable[[int], Anchor],
                      bounds: tuple[int, int], paragraph: int) -> list[DateMention]:
        """Resolve one sentence's expressions and remember them for the next ones."""
        if not found:  # most sentences: no date to resolve, nothing new to remember
            self.before = (paragraph, [])
            return self.before[1]
        story, across = self.story(paragraph), False
        if story is None and self.before[0] != paragraph:  # the sentence before: another paragraph
            story, across = self.story(self.before[0]), True
        if story is None and self.section is not None:  # "December 2020" / "On Christmas Eve, …"
            story, across = self.section, False
        opens = self.before[0] != paragraph
        recent, history = self.recent, self.told[:-RECENT]  # (history: the dates before those)
        if self.section is not None:  # under a timeline's heading, its own dates count
            inside = self.section.date_start, self.section.date_end
            recent, history = ([m for m in ms if inside[0] <= m.date_start and m.date_end <= inside[1]]
                               for ms in (recent, history))
        mentions = resolve_mentions(text, found, anchor_for, recent, bounds,
                                    story=story, story_across=across, where=self.where,
                                    heading=self.heading if opens else None, history=history)
        mentions = self._same_day_ahead(mentions, anchor_for)
        if opens and mentions and mentions[0].start == bounds[0] and _HEADING_AFTER.match(
                text, mentions[0].end):
            self.heading = mentions[0]
        self.told = (self.told + [m for m in mentions if not m.vague])[-TOLD:]
        for m in mentions:
            self.where[m.start] = bounds
        if mentions and _OTHER_TIME_WORDS.search(text, *bounds):
            lo = bounds[0]
            for a, b in other_times(text[lo : bounds[1]]):
                self.asides.update(m.start for m in mentions if lo + a <= m.start < lo + b)
        self.before = (paragraph, mentions)
        return mentions


def resolve(expression: str, published: date, precision: str = "day") -> DateMention | None:
    """Resolve a single expression against a publication date (for tests and tools).

    >>> m = resolve("in July", date(2021, 8, 19))
    >>> (m.date_start.isoformat(), m.date_end.isoformat(), m.precision)
    ('2021-07-01', '2021-07-31', 'month')
    >>> resolve("On Friday", date(2021, 3, 16)).date_start
    datetime.date(2021, 3, 12)
    >>> resolve("Made in China 2025", date(2018, 5, 2)) is None
    True
    """
    kinds = triggers(expression, tokens(expression))
    found = find_expressions(expression, kinds=kinds) if kinds else []
    mentions = resolve_mentions(expression, found, lambda _offset: Anchor(published, precision))
    return mentions[0] if mentions else None
