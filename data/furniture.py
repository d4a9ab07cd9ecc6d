"""Page furniture: lines of a web page that are not the article's prose.

Bylines, time stamps, bare date lines, photo captions, sign-up prompts and
copyright lines carry dates and names, but they report nothing that happened:
no event is ever made from them. This module is the one place that decides
what is furniture; the pipeline asks :func:`is_furniture` about every sentence
before it looks for dates.

False-positive policy: a line is furniture only in a shape prose does not take.
A byline must *end* with its date ("By That's, July 5, 2021"), so "By July 5,
2021, regulators had..." is prose; a caption needs a photo verb or credit
("is seen in Beijing", "picture taken", "REUTERS/", "(Photo: ...)"), and "is
seen as" is an opinion, not a photograph.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from data.alternation import Alternation
from data.dates.vocabulary import DAY, MONTH, UNITS, WEEKDAY
from data.text import Span, has_digit

#: What a list of links to other pieces is headed with ("Related coverage", "Read more").
_LINKS_LABEL = (r"(?:Related(?:\s+[a-z]+){0,2}|Read\s+more|More\s+on\s+this\s+(?:story|topic|subject)"
                r"|See\s+also|Further\s+reading|Also\s+read|Most\s+(?:read|popular|viewed|shared)"
                r"|Recommended(?:\s+for\s+you)?|You\s+may\s+also\s+like|Top\s+stories|Trending(?:\s+now)?)")
#: A line starting so is furniture.
_OPENING = re.compile(
    r"(?:Copyright\b|©|All rights reserved|Leave a (?:comment|reply)|Skip to main content"
    r"|Posted\b|(?:Last\s+)?Updated\b|Published\b|Follow (?:him|her|us)\b|This article was provided by"
    r"|Sign up\b|Subscribe\b"
    # a markets table's note on its figures ("All changes are for Tuesday unless stated",
    # "Prices as at the Friday close", "Changes are from Monday's close")
    r"|(?:All\s+)?(?:Share\s+)?(?:Prices|Data|Figures|Changes|Quotes|Moves)\s+(?:(?:are\s+)?as\s+(?:of|at)"
    r"|are\s+(?:for|from))\b"
    r"|File\s+photo\b|Photo(?:graph)?\s*(?::|by\b|from\b)|Image\s*:|Pictured\s*:"
    r"|(?:Cover|Header|Top|Feature|Lead|Main)\s+(?:image|photo|picture)\s*:"
    # a footnote's citation line ("[3] Ministry notice, 2 July 2021."), not a note told in
    # sentences ("[2] The same wording was used on 2 December, when ..."): its facts count
    r"|\[\d{1,3}\]\s(?![A-Z][^.“”\"]{0,60}?\b(?:was|were|is|are|has|had|have|said|says)\b)"
    # a reference's access or archive date ("Retrieved 3 May 2021.", "Accessed on ...",
    # "Archived from the original on ...")
    r"|(?:Retrieved|Accessed)\s*(?::|on\b)?\s*(?=\d|" + MONTH + r")|Archived\s+(?:from|on)\b"
    # a paper's history ("Received 2 May 2021; revised ...; accepted ...", "Submitted: ...")
    r"|(?:Received|Revised|Accepted|Submitted|Reviewed|Available\s+online)\s*(?::|on\b)?\s*(?=\d|"
    + MONTH + r")"
    # how old the page itself is ("This page was last edited on ...", "Last modified ...")
    r"|This\s+(?:page|article|entry|story|post|version)\s+was\s+last\s+[a-z]+ed\b"
    # where and when the piece itself appeared ("First published 6 July 2021", "A version of
    # this article appears in print on ...")
    r"|(?:Originally|First)\s+published\b"
    # a newsletter's sign-off, the whole line ("That's all for this week."; its "See you next
    # Monday" tells the next issue's day, a date of its own)
    r"|That(?:['’]s|\s+is)\s+(?:all|it)\s+for\s+(?:this\s+week|this\s+issue|today|now|the\s+week)"
    r"[.!]?\s*$"
    # the day of its next issue, as a label ("Next issue: April 9."; a "Next webinar:" is an
    # event of its own)
    r"|Next\s+(?:issue|edition)\s*:"
    # a filing's own day ("Filed April 29, 2025"); a convenience translation's note, whose
    # date is the rate's ("Translations of Renminbi amounts into U.S. dollars use the rate
    # ... as of December 31, 2024"); a press release's date line ("..., 8 October 2024 - For
    # immediate release")
    r"|Filed\s+(?:on\s+)?(?=\S*\s*\d)[^.]{0,30}$"
    r"|Translations?\s+of\s+[^.]{0,80}?\b(?:into|to)\s+(?:U\.?S\.?\s+)?dollars\b"
    r"|[^.]{0,80}\bFor\s+immediate\s+release\b"
    # the heading of a meeting's minutes: the document's own day ("Minutes of an
    # extraordinary meeting held by video call on Thursday 17 March 2022 at 08:00 GMT")
    r"|(?:Draft\s+)?Minutes\s+of\s+(?:an?|the)\s+[^.]{0,60}?\bmeeting\b"
    # a magazine's print edition ("From the January 21st 2023 edition", "From the print
    # edition of 21 January 2023"): the whole line
    r"|From\s+the\s+(?:print\s+edition\b[^.]{0,40}|[^.]{0,40}\bedition)\s*$"
    r"|(?:An?\s+(?:version|copy)\s+of\s+)?this\s+(?:article|story|piece|report)\s+"
    r"(?:appeared|appears|was\s+(?:first\s+)?published|first\s+appeared)\b"
    # how long a forum member has been one ("Member since 2014", "Joined: Mar 2014")
    r"|(?:Member|Joined|Registered)(?:\s+since\b|\s*:)"
    # a forum's reply, quote and edit headers ("Reply #3 on: ...", "Quote from: X on ...",
    # "Comment by X on ...", "Edited 11 Mar 2022 by ...", "Thread started 11 Mar 2022")
    r"|«?\s*(?:Reply\s*#\s*\d+|Quote\s+from\s*:)"
    r"|Edited\s+(?:on\s+)?(?=\d|" + MONTH + r")|Thread\s+(?:started|opened|created)\b"
    r"|Last\s+(?:edited|modified)\b"
    # a correction quoting what it withdraws ("An earlier version of this story said ...",
    # "Correction, Dec. 2, 9:15 a.m.: An earlier version of this column ...")
    r"|(?:(?:Corrections?|Clarifications?)\b[^\n]{0,40}?:\s*)?An?\s+(?:earlier|previous|original)"
    r"\s+version\s+of\s+this\s+(?:article|story|report|piece|post|blog\s+post|column|newsletter|issue"
    r"|episode|note|summary|transcript|letter|analysis|entry|item)\b"
    # a line of links to other pieces ("Read more: ...", "Related stories: ... | ...")
    rf"|{_LINKS_LABEL}\s*:"
    # or what "we said" ("Corrections: In Episode 46 we said ... on July 3."); the fact
    # corrected follows in a sentence of its own
    r"|Corrections?\b[^:\n]{0,40}:\s*(?:(?:In|On)\s+[^,.]{0,40}?,?\s+)?(?:we|I)\s+"
    r"(?:said|reported|wrote|stated|misstated|gave|misspelled|misidentified)\b)",
    re.IGNORECASE,
)
#: A time-stamp field anywhere in a header line ("Business desk | Published: 8:30pm, ...",
#: "04:59PM (Updated: ...)").
_TIME_STAMP = re.compile(
    r"(?:^|[|•·(\[])\s*(?:Published|Updated|Posted|Last updated|Created|Date|Dated|Sent"
    r"|Release\s+date|Issue\s+date)(?:\s+on)?\s*:", re.I
)
#: A forum member's age on a line of its own or in brackets after a user name
#: ("harbour_fan (Member since 2014)"): the date says nothing happened.
_ACCOUNT_AGE = re.compile(r"[(|]\s*(?:Member|Joined|Registered)(?:\s+since\b|\s*:)")
_CLOCK = r"\d{1,2}[:.]\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?"
_DATE = (rf"(?:{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}\s+{MONTH},?\s+\d{{4}}"
         rf"|\d{{4}}[-/]\d{{1,2}}[-/]\d{{1,2}}|\d{{1,2}}[-/.]\d{{1,2}}[-/.]\d{{4}})")
#: A time zone after a clock time: "HKT", "(UTC)", "GMT+8", "+0800", "Beijing time".
_ZONE = (r"(?:\(?(?:GMT|UTC|BST|EST|EDT|ET|HKT|CST|SGT|IST|JST|KST|CET|CEST)"
         r"(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?\)?|[+-]\d{4}|\(?(?:[A-Z][a-z]+\s+){1,2}time\)?)")
#: A stamp: a date with its year and a clock time after it ("Wednesday 18 August 2021, 20:00
#: HKT", "11 Mar 2022, 09:02", "July 21, 2022, 9:45 p.m. Beijing time", "Fri, 01 Apr 2022
#: 12:19:31 +0800"). Prose puts a clock time before a date ("at 8 p.m. on July 2").
_DAY_NAME = rf"(?:{WEEKDAY},?\s+|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\.?,?\s+)"
#: (One group: it is set inside longer patterns, where a bare alternative would split them.)
_STAMP = (rf"(?:{_DAY_NAME}?{_DATE}(?:,\s*|\s+[-–—|]?\s*)(?:at\s+)?{_CLOCK}(?::\d{{2}})?(?:\s*{_ZONE})?"
          # or the clock first, with no "on" between: "4:05 PM ET, Thu July 21, 2022"
          rf"|{_CLOCK}(?:\s*{_ZONE})?(?:,\s*|\s+[-–—|]?\s*){_DAY_NAME}?{_DATE})")
#: A stamp in a field of its own: opening the line, after a bar or a bracket, or after a
#: label ("Call held: ...", "Moderator note (...)", "| Posted ...").
#: A cheap gate: every stamp holds a clock time ("20:00", "04.00"; "1.341 billion" is none).
_CLOCK_SEEN = re.compile(r"\d[:.][0-5]\d(?!\d)")
_STAMP_FIELD = re.compile(
    rf"(?:^|[|(\[·•]|:)\s*(?:(?:Posted|Updated|Published|Filed|Edited|Created|Sent|Released|Issued"
    rf"|Distributed)"
    rf"(?:\s+on)?\s+)?{_STAMP}(?=\s*(?:$|[|)\]]|\.\s*$))", re.IGNORECASE)
#: Where filings, notices and letters are signed: a line "<place>, <date>" is a sign-off (a
#: line "<company>, <date>" may be an item of a list of events, so only places count).
SIGN_OFF_PLACES = (
    "Hong Kong", "Hong Kong SAR", "Macau", "Macao", "Taipei", "Beijing", "Shanghai", "Shenzhen",
    "Hangzhou", "Guangzhou", "Chengdu", "Chongqing", "Tianjin", "Nanjing", "Wuhan", "Xiamen",
    "Suzhou", "Xi'an", "Dalian", "Qingdao", "Singapore", "Tokyo", "Seoul", "London", "New York",
    "Washington", "Washington, D.C.", "Grand Cayman", "George Town", "Beijing, China",
    "Shanghai, China", "Shenzhen, China", "Hangzhou, China", "Beijing, PRC", "Shanghai, PRC",
)  # fmt: skip
#: Stamps no prose writes: a machine date-time ("2021-07-06T10:05:00+08:00"), a clock time
#: with seconds after a date ("March 11, 2022, 08:14:22 AM"), a user's post header ending
#: the line with a clock time ("harbour_fan wrote on 11 Mar 2022, 08:14:"; prose introducing
#: a quote, "Here is what we wrote on July 5, 2021:", gives no clock time).
_MACHINE_STAMP = re.compile(
    rf"\b\d{{4}}-\d{{2}}-\d{{2}}T\d{{2}}:\d{{2}}|{_DATE},?\s+(?:at\s+)?\d{{1,2}}:\d{{2}}:\d{{2}}\b"
    rf"|^\S+(?:\s+[A-Z]\S*)?\s+(?:wrote|replied|commented|posted)\s+(?:on\s+)?{_DATE},?\s+(?:at\s+)?"
    rf"{_CLOCK}\s*:\s*$")
#: "Comment by Tom on July 6, 2021 at 10:05 am": who posted, and when, and nothing else.
_POSTED_BY = re.compile(rf"(?:Comment|Reply|Post(?:ed)?|Answer)\s+by\s+\S+(?:\s+[A-Z]\S*){{0,2}}\s+on\s+{_DATE}"
                        rf"(?:,?\s+(?:at\s+)?{_CLOCK})?\.?\s*$")
#: What a dateline line may name after its date and clock time: the edition or session
#: it reports ("— Regular session", "— Market close"), a label of a few words, no verb.
_EDITION = (r"[-–—|]\s*[A-Z][a-z]+(?:\s+[a-z]+){0,2}\s+"
            r"(?:session|edition|close|open|update|briefing|wrap|digest)")
#: "Hong Kong, 8 October 2021": a sign-off or dateline line that is only a place and a date
#: (perhaps with its clock time and zone, "Beijing, Feb 7, 2026, 03:24 GMT+8", or its
#: edition, "Shanghai, Jan 22, 2026 — Regular session").
_PLACE_AND_DATE = re.compile(
    rf"(?:{'|'.join(re.escape(p) for p in sorted(SIGN_OFF_PLACES, key=len, reverse=True))}),?\s+"
    rf"(?:the\s+)?{_DATE}(?:,?\s+(?:at\s+)?{_CLOCK}(?:\s*{_ZONE})?)?(?:\s+{_EDITION})?\.?\s*$",
    re.IGNORECASE)
#: "BOOKS | Sunday review", "OPINION | Weekend essay": a section label, fields of a few
#: words split by a bar, with no preposition (a headline after a label, "Analysis | Alibaba
#: fined on Saturday", tells an event).
_SHORT_FIELDS = re.compile(r"(?!.*\b(?i:on|in|at|since|by|from|until|after|before|last|next|this)\b)"
                           r"\s*[^\s|]+(?:\s+[^\s|]+){0,3}\s*(?:\|\s*[^\s|]+(?:\s+[^\s|]+){0,3}\s*)+")
#: "By That's, July 5, 2021", "By A and B, Reuters, July 5, 2021 10:30 AM": a byline
#: that ends with its date (and perhaps a clock time).
_BYLINE = re.compile(rf"By\s+[^,|·•]{{1,60}}(?:(?:,|\s[|·•])\s*[^,|·•]{{1,40}})*?(?:,|\s[|·•])\s*{_DATE}"
                     rf"(?:,?\s+{_CLOCK}(?:\s+[A-Z]{{2,4}})?)?\s*$")
#: "Working Paper No. 7 | March 2022", "BY OUR MARKETS TEAM | 3 May 2021": a header line whose
#: last field, after a bar, is its date alone (prose never writes a bar).
_DATED_FIELD = re.compile(rf"\s\|\s*(?:{_DATE}|{MONTH}\s+\d{{4}})\s*$")
#: "Saturday, December 4, 2021 | Ten questions": a masthead, its date the first field.
_DATE_FIRST_FIELD = re.compile(rf"(?:{WEEKDAY},?\s+)?{_DATE}\s+\|\s")
#: "(entries updated 2022-03-02)" closing a title line: when the page was last touched.
_UPDATED_ASIDE = re.compile(
    rf"\((?:[\w ]{{0,30}}\s)?(?:last\s+)?updated:?\s+(?:on\s+)?{_DATE}\)\s*$", re.IGNORECASE)
#: "Summary prepared by the Law Desk, 29 December 2023.": who made the page, and when.
_PREPARED_BY = re.compile(rf"[A-Z][\w ]{{0,30}}?\b(?:prepared|compiled|written|translated|edited"
                          rf"|produced)\s+by\s+[^,.;|]{{1,60}},\s*{_DATE}\.?\s*$")
#: A reference list's entry: a source, a quoted title, a date, nothing else ('Example News
#: Agency, "Lawmakers adopt the law", 10 June 2021.').
_REFERENCE = re.compile(rf"[A-Z][^\"“”,]{{1,60}},\s+[\"“][^\"“”]{{3,200}}[\"”],?\s+{_DATE}\.?\s*$")
#: The outlet's own notes on how the piece was made: when its versions appeared ("appeared in
#: our app between 12 and 17 September"), its method ("Method: we counted …"), where its
#: figures come from ("Counts for 2020 and 2021 are taken from …").
_OWN_NOTE = re.compile(
    r"(?:Method(?:ology)?|Notes?\s+on\s+(?:the\s+)?(?:data|method|sources?))\s*:"
    r"|(?:Counts|Figures|Data|Numbers|Totals)\s+(?:for\s+[^.]{1,40}?\s+)?(?:are|were)\s+"
    r"(?:taken|drawn|compiled|sourced|derived)\s+from\b")
_OUR_EDITION = re.compile(r"\b(?:appeared|ran|were\s+published|was\s+published)\s+(?:first\s+)?"
                          r"(?:in|on)\s+our\s+(?:app|site|website|paper|newspaper|edition|pages|feed)\b")
#: "Translated and annotated 15 August 2022.", "Compiled 3 March 2025": when the document
#: was made, and nothing else.
_MADE_ON = re.compile(rf"(?:Translated|Compiled|Prepared|Annotated|Transcribed|Produced|Edited)"
                      rf"(?:\s+and\s+[a-z]+ed)?\s+(?:on\s+)?{_DATE}\.?\s*$")
#: A correction's bare day, the one it puts right: "It is Tuesday, not Wednesday.", "It was 14
#: March, not 15 March."
_DAY_ONLY = (rf"(?:{WEEKDAY}|{MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?|\d{{1,2}}\s+{MONTH}(?:,?\s+\d{{4}})?)")
_DAY_CORRECTED = re.compile(rf"(?:It|That)\s+(?:is|was)\s+(?:on\s+)?{_DAY_ONLY},\s+not\s+(?:on\s+)?"
                            rf"{_DAY_ONLY}\.?\s*$")
#: A programme's time slot closing its line after a dash, bar or colon ('Next session: "..." -
#: Thursday, 14:00 SGT'): when it airs, not what happened.
_SLOT = re.compile(rf"[-–—|:]\s*{WEEKDAY},?\s+(?:at\s+)?{_CLOCK}\s*{_ZONE}\s*$")
#: When the piece was put up, named by what it is, and nothing else ("Summary posted: March
#: 15, 2021", "Transcript posted 7 September 2023.", "Episode notes updated 3 May 2024, 09:10").
_PUT_UP = re.compile(rf"[A-Z][a-z]+(?:\s+[a-z]+)?\s+(?:posted|published|uploaded|updated|released)"
                     rf"(?:\s+on)?\s*:?\s*{_DATE}(?:,?\s+(?:at\s+)?{_CLOCK}(?:\s*{_ZONE})?)?\.?\s*$")
#: "Published on 2021-12-28 and effective from 2022-02-15, the revision requires ...": a
#: participle opening prose, not a "Published" stamp.
_PARTICIPLE_PROSE = re.compile(r"(?:Published|Posted|Updated)\b[^|:]{0,80}?,\s+(?:the|this|these"
                               r"|its|their|a|an|it|they)\s+\w+")
#: "5 months, 3 weeks ago - April 16, 2022", "2 days ago": how old a page is.
_AGE_UNIT = rf"\d+\s+(?:{'|'.join(UNITS)}|hour|minute)s?"
_AGE = re.compile(rf"{_AGE_UNIT}(?:,\s*{_AGE_UNIT})*\s+ago\s*(?:$|[-–—|·•])")
#: What a bare date line is made of: dates, weekdays, clock times, zones, separators, and
#: how long the piece takes to read ("January 15, 2026·1 min read").
_DATE_LINE_PART = re.compile(
    rf"{_DATE}|{_AGE_UNIT}\s+ago\b|\d{{1,3}}\s*min(?:ute)?s?\s+read\b|{MONTH}|{WEEKDAY}|{_CLOCK}|\b(?:GMT|UTC|BST|EST|EDT|HKT|CST|SGT|IST)\b"
    rf"(?:[+-]\d{{1,2}}(?::\d{{2}})?)?|\b\d{{1,4}}\b|\(?[A-Z][A-Za-z]+\)|\b(?:Published|Updated|Posted|Created)\b"
    rf"|\b(?:Yesterday|Today|at)\b|[\s,.|/·•()\-–—:+]",
)
#: A photograph's credit ("REUTERS/Aly Song", "(Photo: Xinhua)", "[File: Reuters]",
#: "(A Photographer/AFP via Getty Images)", "Epoch Times Photo", "A. Photographer/AP Photo"):
#: its whole paragraph is
#: a caption.
_CREDIT_CUES = (
    r"\bREUTERS/", r"\(Photo(?:graph)?\s*:", r"\[File\s*:", r"\bFile\s+photo\b", r"\bReuters\s+pic\b",
    r"\bGetty\s+Images\b", r"\bphoto\s*/\s*[A-Z]", r"^Photo(?:graph)?\s*:", r"^[\w .'’&/-]{0,40}\bPhotos?$",
)  # fmt: skip
_CREDITS = Alternation(*_CREDIT_CUES, flags=re.IGNORECASE)
#: An agency's credit after a slash, ending the caption ("... July 15, 2021. /CFP", "/ VCG");
#: not a sign-off ("/end"). (Apart from the cues above: a slash alone is no text an
#: alternation can look for first, so it would be tried at every position of every line.)
_SLASH_CREDIT = re.compile(r"(?:^|[.!?]\s+)/\s?(?!(?i:end|ends)$)[A-Z][A-Za-z]{1,15}$")


def _slash_credited(text: str) -> bool:
    """Does ``text`` end with an agency's credit after a slash (:data:`_SLASH_CREDIT`)?"""
    return "/" in text and _SLASH_CREDIT.search(text) is not None


def _credited(text: str) -> bool:
    """Does ``text`` carry a photo credit: a cue of :data:`_CREDITS` or a slash credit?"""
    return _CREDITS.search(text) is not None or _slash_credited(text)
#: A photograph's caption: a photo verb (not "is seen as"), the moment it was taken, or
#: a credit.
_PHOTO_CUES = (
    r"\b(?:is|are)\s+(?:seen|pictured)\b(?!\s+(?:by|to)\b)(?![^.]*\bas\b)",
    r"\b(?:picture|photo|photograph)\s+taken\b",
)
_CAPTION = Alternation(*_PHOTO_CUES, *_CREDIT_CUES, flags=re.IGNORECASE)
#: The caption test of a sentence known to carry no credit (:func:`is_furniture`'s
#: ``credited=False``): the photo verbs alone.
_PHOTO = Alternation(*_PHOTO_CUES, flags=re.IGNORECASE)


#: What an editor's note in square brackets says of the document itself: "[Text export of
#: a slide deck ..., 18 January 2023. Slide images omitted.]" (an "[Update: ...]" tells news).
_NOTE_ON_DOCUMENT = re.compile(
    r"\b(?:export(?:ed)?|transcript|transcribed|translat(?:ed|ion)|omitted|abridged|excerpted"
    r"|edited\s+for|editor['’]s\s+note|this\s+(?:article|story|page|deck|file|document|copy))\b",
    re.IGNORECASE)


#: A timeline's heading: a month, a season of a year or a year on a line of its own
#: ("November 2020", "Early 2021", "Q3 2022").
_DATE_HEADING = re.compile(
    rf"(?:(?:Early|Mid|Late)[\s-]+)?(?:{MONTH}\s+)?(?:19|20)\d\d|Q[1-4]\s+(?:19|20)\d\d")


def date_headings(spans: Iterable[Span]) -> frozenset[int]:
    """Where the date headings of a timeline start: lines of their own holding only a month
    or a year ("November 2020"), when the text has two or more (one alone is a stamp).
    Their date dates the first sentence of each paragraph under them."""
    spans = list(spans)
    lines = [s for s in spans if len(s.text) <= 24 and _DATE_HEADING.fullmatch(s.text.strip())]
    if len(lines) < 2:
        return frozenset()
    sizes = Counter(s.paragraph for s in spans)
    found = frozenset(s.start for s in lines if sizes[s.paragraph] == 1)
    return found if len(found) > 1 else frozenset()


#: A line that only heads a list of links ("Related coverage:", "Most read", "See also").
_LINKS_HEADING = re.compile(rf"{_LINKS_LABEL}\s*:?", re.IGNORECASE)
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")


def link_lists(text: str, spans: Iterable[Span]) -> frozenset[int]:
    """Where the lines of a list of links to other pieces start: the lines after a heading
    of its own ("Related coverage:", "Most read") down to the next blank line (the block
    after it where a blank line follows the heading). A link's title tells another story,
    its date that story's ("- Platform delays its listing (March 13)")."""
    spans = [s for s in spans if not s.repeat]
    found: set[int] = set()
    for i, heading in enumerate(spans):
        if len(heading.text) > 40 or not _LINKS_HEADING.fullmatch(heading.text.strip()):
            continue
        end = heading.end
        for k, s in enumerate(spans[i + 1:]):
            if k and _BLANK_LINE.search(text, end, s.start):
                break
            found.add(s.start)
            end = s.end
    return frozenset(found)


def caption_paragraphs(spans: Iterable[Span]) -> frozenset[int]:
    """The paragraphs (their numbers) that are photo captions or notes on the document:
    one of their sentences carries a photo credit, so the sentences before it describe the
    photo ("A driver opens the app in Beijing on July 2, 2021. (A. Photographer/AFP via
    Getty Images)"); or the whole paragraph is a note in square brackets on the document
    itself ("[Text export of a slide deck, 18 January 2023. Slide images omitted.]")."""
    spans = list(spans)
    credited = [s for s in spans if _credited(s.text)]
    found = {s.paragraph for s in credited}
    if credited:  # a credit on a line of its own ("A. Photographer/AP Photo") under a
        sizes = Counter(s.paragraph for s in spans)  # one-sentence caption
        found |= {s.paragraph - 1 for s in credited
                  if sizes[s.paragraph] == 1 and sizes.get(s.paragraph - 1) == 1
                  and len(s.text) <= 60 and not s.text.endswith(".")}
    if not any(s.text.startswith("[") for s in spans):
        return frozenset(found)
    opened: dict[int, bool] = {}  # paragraph -> its first sentence opens a bracket
    for s in spans:
        first = opened.setdefault(s.paragraph, s.text.startswith("["))
        if first and s.text.endswith("]") and _NOTE_ON_DOCUMENT.search(s.text):
            found.add(s.paragraph)
    return frozenset(found)


#: A repost stamp: a date and a clock time, then fields ("2021-12-03 11:26 Source: A
#: Daily Editor: B").
_REPOST_STAMP = re.compile(rf"{_DATE}\s+{_CLOCK}\b")
_DIGIT = re.compile(r"\d")
_FIELD = re.compile(r"\b(?:Source|Editor|Author|Reporter|Translator|Responsible editor)\s*:")


def _bare_date_line(sentence: str) -> bool:
    """A line made only of a date, a weekday, a clock time and separators.

    The parts are read left to right and the first text between two of them that is
    not blank settles it: prose fails at its first word, without a scan of the line.
    """
    if not has_digit(sentence):  # _DIGIT.search, its answer shared with the other tests
        return False
    covered = 0
    for part in _DATE_LINE_PART.finditer(sentence):
        gap = sentence[covered : part.start()]
        if gap and not gap.isspace():
            return False
        covered = part.end()
    return not sentence[covered:].strip()


#: A wire dateline opening a story: "BEIJING, Sept. 2 (Agency) - " (place in capitals, the
#: day, the agency in brackets, a dash).
_DATELINE = re.compile(
    rf"[A-Z][A-Z'’./ -]*[A-Z](?:,\s+[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+)?)?,\s+{MONTH}\s+{DAY}"
    rf"(?:,\s+\d{{4}})?\s*(?:\([^()]{{1,60}}\)|/[^/\n]{{1,40}}/)?\s*[-–—]{{1,2}}\s"
)


def dateline_end(sentence: str) -> int:
    """Where a wire dateline opening ``sentence`` ends (0: none). It dates the copy, not
    what happened: beside a date of the sentence's own it is no event.

    >>> dateline_end("BEIJING, Sept. 2 (Wire) - Alibaba said on Thursday it would invest.")
    26
    >>> dateline_end("In Beijing, March 4 was the day.")
    0
    """
    m = _DATELINE.match(sentence)
    return m.end() if m else 0


#: A chat export's message header: a stamp in brackets with a clock time, then the
#: speaker's name and a colon ("[23/07/2021 08:41] Wendy Lau: ", "[08:41] wlau: ").
_MESSAGE_HEADER = re.compile(
    r"\[[^\[\]\n]{0,30}?\b\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s*[A-Z]{2,4})?\]"
    r"\s*[\w.'’@-]+(?:\s+[\w.'’@-]+){0,3}:\s+"
)


#: A reader comment's header: the name, the day and clock time it was posted, a colon
#: ("Sam_L, 19 Nov 2023 at 18:02: ").
_COMMENT_HEADER = re.compile(
    rf"[\w.'’@-]+(?:\s+[\w.'’@-]+){{0,2}},\s+{_DATE},?\s+(?:at\s+)?{_CLOCK}\s*:\s+")


def header_end(sentence: str) -> int:
    """Where the header of a chat message ("[23/07/2021 08:41] Wendy Lau: ") or of a reader's
    comment ("Sam_L, 19 Nov 2023 at 18:02: ") opening ``sentence`` ends (0: none): it dates
    the message, not what happened, and the message after it is prose.

    >>> header_end("[23/07/2021 10:06] Wendy Lau: Shares fell this morning.")
    30
    >>> header_end("Sam_L, 19 Nov 2023 at 18:02: Sold mine in 2021.")
    29
    >>> header_end("[1] Regulators fined it: 5 billion yuan."), header_end("Tencent, on 19 Nov 2023, was fined.")
    (0, 0)
    """
    if sentence.startswith("["):
        m = _MESSAGE_HEADER.match(sentence)
    elif _CLOCK_SEEN.search(sentence, 0, 60):
        m = _COMMENT_HEADER.match(sentence)
    else:
        return 0
    return m.end() if m else 0


def _stamp_or_label(sentence: str) -> bool:
    """A stamp with a clock time in a field of its own, a machine or forum stamp, a sign-off,
    a member's age, a "posted by" line or a section label (the cheap tests first: all but
    the label hold a digit, the stamps a clock time)."""
    if " | " in sentence and _SHORT_FIELDS.fullmatch(sentence) is not None:
        return True
    if not has_digit(sentence):  # _DIGIT.search, its answer shared with the other tests
        return False
    if _CLOCK_SEEN.search(sentence) is not None and (
            _STAMP_FIELD.search(sentence) is not None or _MACHINE_STAMP.search(sentence) is not None):
        return True
    return bool(_PLACE_AND_DATE.match(sentence) or _ACCOUNT_AGE.search(sentence)
                or _POSTED_BY.match(sentence) or _PUT_UP.match(sentence) or _SLOT.search(sentence))


def is_furniture(sentence: str, credited: bool | None = None) -> bool:
    """Page furniture: a boilerplate opening, a time stamp, a byline or bare date line,
    a photo caption, or a header line of fields split by bars ("Sector note | 20
    August 2021 | China Internet").

    ``credited=False``: the caller knows the sentence carries no photo credit (its
    paragraph is none of :func:`caption_paragraphs`), so the caption test looks only for
    the photo verbs: the same answer, with fewer cues to look for.

    >>> is_furniture("Business desk | Published: 8:30pm, 27 Jul, 2021")
    True
    >>> is_furniture("Sector note | 20 August 2021 | China Internet")
    True
    >>> is_furniture("By That's, July 5, 2021"), is_furniture("By July 5, 2021, it was over.")
    (True, False)
    >>> is_furniture("Regulators fined Alibaba on April 10.")
    False
    """
    return bool(
        (_OPENING.match(sentence) and not _PARTICIPLE_PROSE.match(sentence))
        or (" | " in sentence and _DATE_FIRST_FIELD.match(sentence))
        or (sentence.endswith(")") and _UPDATED_ASIDE.search(sentence))
        or (" by " in sentence and _PREPARED_BY.match(sentence))
        or (sentence[:1] in "CEPTA" and _MADE_ON.match(sentence))
        or (("\"" in sentence or "“" in sentence) and _REFERENCE.match(sentence))
        or bool(_OWN_NOTE.match(sentence))
        or (" our " in sentence and _OUR_EDITION.search(sentence) is not None)
        or (":" in sentence and _TIME_STAMP.search(sentence))
        or (" | " in sentence and (sentence.count(" | ") >= 2 or _DATED_FIELD.search(sentence)))
        or _BYLINE.match(sentence)
        or _stamp_or_label(sentence)
        or _AGE.match(sentence)
        or (" not " in sentence and _DAY_CORRECTED.match(sentence))
        or _bare_date_line(sentence)
        or bool(_REPOST_STAMP.match(sentence))
        or (":" in sentence and len(_FIELD.findall(sentence)) >= 2)
        or (_PHOTO if credited is False else _CAPTION).search(sentence)
        or (credited is not False and _slash_credited(sentence))
    )
