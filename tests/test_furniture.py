"""Page furniture is not an event: bylines, time stamps, bare date lines and photo captions.

Every line below is in our own words, in the shapes real news pages use.
"""

from datetime import date

import pytest

from data.extract import extract_text
from data.furniture import is_furniture

BYLINES_AND_STAMPS = [
    "By That's, July 5, 2021",
    "By Jane Smith and Li Wei, Reuters, July 5, 2021 10:30 AM",
    "08 Oct 2021 04:59PM (Updated: 08 Oct 2021 05:30PM)",
    "5 months, 3 weeks ago - April 16, 2022",
    "2 days ago",
    "July 5, 2021",
    "Monday, July 5, 2021",
    "5 July 2021 | 10:30 GMT",
    "2021/04/10 10:05",
    "Updated : 2021-04-10 11:46 GMT+08:00",
    "(Xinhua) 10:36, April 10, 2021",
    # a dateline line with its clock time and zone, or with the session it reports
    "Beijing, Feb 7, 2026, 03:24 GMT+8",
    "Shanghai, Jan 22, 2026 — Regular session",
    "Hong Kong, 3 March 2025, 16:10 HKT — Market close",
    # how long the piece takes to read, beside its date
    "January 15, 2026·1 min read",
    "12 March 2025 · 4 min read",
    "6 min read",
    # a forum member's post stamp after a middle dot
    "u/techwatch · 22 Jan 2026, 09:05 HKT",
    "harbour_fan • 3 Mar 2025, 21:40",
    # who made the document, and when, with nothing else
    "Translated and annotated 15 August 2022.",
    "Compiled 3 March 2025",
    # a correction quoting what it withdraws
    "Corrections: In Episode 46 we said the app was removed from stores on July 3.",
    "CORRECTION (11 July 2022, 14:20 HKT): An earlier version of this newsletter said the law "
    "would take effect on July 1.",
    # a distribution stamp
    "Distributed 17 February 2023, 19:05 CST.",
    # a reference list's entry: source, quoted title, date
    'Placeholder News Agency, "Lawmakers adopt data security law", 10 June 2021.',
    "Example Law Review, \u201cReading the new law\u201d, 1 September 2021",
    # the outlet's own production and method notes
    "The Chinese versions of these reports appeared in our app between 12 and 17 September.",
    "Method: we counted the titles on each list published from January to December 2022.",
    "Counts for 2020 and 2021 are taken from the regulator's earlier lists.",
]
CAPTIONS = [
    "A logo of the company is seen in Beijing in February.",
    "Shoppers walk past a store, in this picture taken July 1, 2021.",
    "Staff work at the headquarters in Hangzhou. (Photo: Xinhua)",
    "A delivery worker rides past an office in Shanghai in March. REUTERS/Aly Song",
    "File photo: the logo at a trade fair in Shanghai, March 2021.",
    "The logo is pictured at its headquarters in Hangzhou on October 26, 2020.",
    "Delivery riders wait outside a mall in Beijing on Jan. 5, 2021. [File: Reuters]",
    "Photo: the app on a phone screen in May.",
]
PROSE = [
    "By July 5, 2021, regulators had fined the firm.",
    "By the end of 2021, the rules applied to every platform.",
    "The move is seen in Beijing as a warning to other firms.",
    "Reuters reported on Monday that the regulator met executives.",
    "The photo-sharing app was removed from stores in July.",
    "Shares fell 5% on July 5, 2021.",
    "Two days ago, regulators summoned the founders.",
    "The fine was seen by investors as a relief.",
    "At 4:05 PM on July 21, 2022, the regulator fined Didi.",  # prose: a clock, then "on"
    "The CAC fined Didi at 4:05 PM ET, July 21, 2022, a Thursday.",
    "Beijing, Feb 7, 2026 — Regulators fined Alibaba for abusing its market position.",
    "Hong Kong, 3 March 2025 — Tencent shares fell at the close",
    "The hearing on January 15, 2026 lasted 45 min, readers were told.",
    "The rule took effect at 10:00 a.m., July 1, 2021.",  # a clock, then the date: prose
    "The notice was translated on 15 August 2022 by the ministry.",
    'The agency said "the law is adopted", on 10 June 2021, after a vote.',
    "The rules appeared in the official gazette between 12 and 17 September.",
    "Counts of approvals fell in 2021, the regulator said.",
    "It was removed on July 4.",  # the correction's own fact
    "Corrections to the law took effect on July 3, the ministry said.",
    "Readers took 4 min to read the rules published on 12 March 2025.",
]


@pytest.mark.parametrize("line", BYLINES_AND_STAMPS + CAPTIONS)
def test_bylines_stamps_and_captions_are_furniture(line):
    assert is_furniture(line)


@pytest.mark.parametrize("line", PROSE)
def test_prose_with_the_same_words_is_not_furniture(line):
    assert not is_furniture(line)


def test_an_article_page_yields_events_only_from_its_prose():
    page = "\n\n".join([
        "Regulators fine the ride-hailing firm",
        "By That's, July 5, 2021",
        "July 5, 2021",
        "A logo of Didi is seen in Beijing in February.",
        "China's internet regulator ordered Didi's app removed from stores on Sunday.",
        "5 months, 3 weeks ago - April 16, 2022",
    ])  # fmt: skip
    events = extract_text(page, date(2021, 7, 5), "t").events
    assert [(e.date_text, e.date_start.isoformat()) for e in events] == [
        ("on Sunday", "2021-07-04")
    ]


def test_a_caption_paragraph_is_furniture_when_its_credit_is_a_sentence_of_its_own():
    page = ("A driver opens the ride-hailing app in Beijing on July 2, 2021. "
            "(A. Photographer/AFP via Getty Images)\n\n"
            "Staff work at the headquarters in Hangzhou in March. Photo: Xinhua\n\n"
            "The founder arrives for a summit in Paris on May 15, 2019. A. Photographer/AP Photo"
            "\n\nThe chief executive speaks in Hangzhou on June 3, 2020.\nB. Photographer/AP Photo"
            "\n\nThe regulator fined the company on Thursday.")
    events = extract_text(page, date(2022, 7, 22), "t").events
    assert [(e.date_text, e.date_start.isoformat()) for e in events] == [
        ("on Thursday", "2022-07-21")]


@pytest.mark.parametrize("line", [
    "Xinhua) 08:56, July 22, 2022",
    "July 21, 2022 Updated: July 21, 2022",
    "Epoch Times Photo",
    "By A Reporter | July 5, 2021",
    "Last updated on 5 July 2021",
    "July 5, 2021 / 10:30 AM / Updated 2 hours ago",
    "4:05 PM ET, Thu July 21, 2022",  # clock first
    "16:05 HKT Thursday, July 21, 2022 | Updated",
    "Published 4:05 PM EDT, July 21, 2022",
])  # fmt: skip
def test_stamps_and_credits_seen_on_real_pages(line):
    assert is_furniture(line)


@pytest.mark.parametrize("line", [
    "2021-12-03 11:26 Source: A Tech Daily Editor: Zhang San",
    "Source: A Tech Daily Editor: Zhang San",
    "Cover image: fans at a concert in Shanghai in 2019 (via a social network)",
])  # fmt: skip
def test_repost_stamps_and_cover_images_are_furniture(line):
    assert is_furniture(line)


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        # a wire dateline dates the copy, not the event: the sentence's own date is the event
        ("SHENZHEN, March 4 (Test Wire) - Tencent said on Thursday it would pledge more money.",
         ["on Thursday"]),
        ("BEIJING/HONG KONG, Nov. 3 (Test State News) -- The regulator fined Meituan on"
         " Wednesday.", ["on Wednesday"]),
        # with no other date the dateline is the only one there is, and stays
        ("SHENZHEN, March 4 (Test Wire) - Tencent pledged more money.", ["March 4"]),
        # a dateline without the agency's name, with a long dash
        ("HONG KONG, March 4 — The exchange halted the listing, it said today.", ["today"]),
        # prose that opens with a place and a date is no dateline
        ("In Beijing, March 4 was the day the rules took effect, on a Thursday.",
         ["March 4", "Thursday"]),
        # the day of the copy alone, with no place ("March 4: ..."), beside the sentence's date
        ("March 4: The group plans to split into six units, it said on Tuesday.",
         ["on Tuesday"]),
        ("March 3 - The group said on Monday it would split.", ["on Monday"]),
        # a timeline's entry is dated by its heading, weeks before publication
        ("February 2: the regulator opened a review, a week after the listing on January 26.",
         ["February 2", "a week after", "January 26"]),
    ],
)  # fmt: skip
def test_a_wire_dateline_is_no_event_beside_the_sentences_own_date(text, dates):
    events = extract_text(text, date(2021, 3, 4)).events
    assert [e.date_text for e in events] == dates


@pytest.mark.parametrize(
    "line",
    [
        # a masthead, byline or release line whose last field is its date
        "Working Paper No. 7 | March 2022",
        "BY OUR MARKETS TEAM | 3 May 2021",
        "Unofficial translation | June 2, 2021",
        # a footnote's citation line
        "[4] Ministry notice, 3 May 2021.",
        "[12] Company filing of 2 and 9 June 2021.",
        "[3] “Regulator fines platform”, news release. Retrieved 4 May 2021.",
        # a filing's own day, a convenience translation's rate date, a release's date line
        "Filed March 3, 2024",
        "Translations of Renminbi amounts into U.S. dollars use the rate of RMB7.10 to US$1.00 "
        "as of December 29, 2023.",
        "Geneva and Paris, 4 June 2024 - For immediate release",
        # the heading of a meeting's minutes: the document's own day
        "Minutes of an ordinary meeting held by video call on Monday 4 April 2022 at 09:00 BST",
        "Minutes of the board meeting, 12 May 2021",
        # the publication's own next issue
        "Next issue: May 14.",
        "Next edition: Friday 3 June 2022",
        # the date a correction withdraws
        "Correction: An earlier version of this story said the fine was announced on 3 May 2021.",
        "An earlier version of this article gave the date of the hearing as June 2, 2021.",
    ],
)
def test_masthead_footnote_and_withdrawn_lines_are_furniture(line):
    assert is_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        "The fine was announced on 4 May 2021.",
        "In an earlier ruling, the court said the firm had until June 2, 2021.",
        "The law took effect in 2017.[2]",
        # a note in sentences, a translator's or an editor's: what it tells are facts
        "[2] The same wording was used on 5 May, when the regulator said it had fined Douyin.",
        "[7] A similar order was issued to the app on 3 June 2021.",
    ],
)
def test_prose_near_those_shapes_is_not_furniture(line):
    assert not is_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        # a date with its year and a clock time, in a field of its own
        "Conference call: Tuesday 9 March 2021, 19:00 HKT | Replay posted: 10 March 2021",
        "Markets Desk | Posted 3 May 2022, 07:15 Beijing time",
        "By the Data Team | March 3, 2022, 6:30 a.m. ET",
        "Admin reply (4 Feb 2022, 14:22): please keep the thread on topic.",
        "Tue, 05 Apr 2022 08:41:07 +0800",
        "Wire feed | 12 Jan 2021 | 3:05 pm (GMT+8)",
        # reference lines and a page's own age
        "Retrieved 3 May 2021.",
        "Accessed on 12 February 2022.",
        "Archived from the original on 5 June 2021.",
        "This article was last modified on 2 February 2022, at 11:40 (UTC).",
        "Last edited 8 March 2023",
        # a paper's history
        "Received 2 May 2021; revised 8 July 2021; accepted 1 August 2021.",
        "Submitted: 5 December 2021 Reviewed: 6 January 2022 Published: 31 January 2022",
        # a sign-off that is only a place and a date
        "Shenzhen, 12 August 2021",
        "Beijing, PRC, March 31, 2022.",
        # a section label
        "OPINION | Weekend essay",
        "MARKETS | Monday briefing",
    ],
)
def test_stamps_references_and_labels_are_furniture(line):
    assert is_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        "On July 5, 2021, at 9:30, trading in the shares resumed.",
        "The deal closed at 10:00 on 3 May 2021.",
        "In Shenzhen, 12 August 2021 was the day the rules took effect.",
        "Received wisdom held that the rules would ease in 2021.",
        "Accessed by hackers in 2021, the database was later closed.",
        "The law was last revised in 2018.",
        "Shenzhen fined the platform on 12 August 2021.",
        # a company and a date may be an item of a list of events
        "Meituan, 8 October 2021",
        # a headline after a section label tells an event
        "Analysis | Alibaba fined on Saturday",
    ],
)
def test_prose_near_stamps_and_labels_is_not_furniture(line):
    assert not is_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        "Yesterday at 10:32 PM",
        "Date: 6 July 2021",
        "Sent: Tuesday, July 6, 2021 10:05 AM",
        "[2022-03-27 10:35 UTC+8] [MARKETS] Tech shares slide",
        "harbour_fan (Member since 2015)",
        "Joined: Mar 2016",
        "First published 6 July 2021",
        "A version of this article appears in print on July 7, 2021, Section B, Page 1.",
        "July 6, 2021 at 10:05 a.m. EDT",
        "Wed 7 Jul 2021 04.00 BST",
        # forum headers
        "Reply #4 on: June 2, 2021, 09:11:40 PM",
        "Quote from: lantau_lad on June 2, 2021, 09:11:40 PM",
        "lantau_lad wrote on 2 Jun 2021, 21:11:",
        "Comment by Ann Lee on June 2, 2021 at 9:11 pm",
        "Edited 2 Jun 2021 by a moderator",
        "Thread started 2 Jun 2021",
        "Modified: 2021-06-02T21:11:40+08:00",
    ],
)
def test_more_stamps_real_pages_use(line):
    assert is_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        "Yesterday at noon the regulator fined the platform.",
        "Today, the regulator fined the platform 3 million yuan.",
        "The member since 2014 left the board in March.",
        "On Wed 7 Jul 2021 at 04.00 the rules came out.",
        "Xinhua wrote on 2 Jun 2021 that the rules were final.",
        "Here is what we wrote on 2 June 2021:",
        "Edited versions of the rules came out on 2 Jun 2021.",
        "Comment by the regulator came on 2 June 2021.",
        "Comment from regulators came on Friday.",
    ],
)
def test_prose_near_more_stamps_is_not_furniture(line):
    assert not is_furniture(line)


def test_a_press_release_dateline_is_no_event_beside_the_sentences_own_date():
    text = ("SHENZHEN, China, May 3, 2022 /Test Newswire/ -- The company said on Monday it had "
            "finished its rectification.")
    assert [e.date_text for e in extract_text(text, date(2022, 5, 3)).events] == ["on Monday"]


CHAT = "\n".join([
    "[23/07/2021 08:41] Wendy Lau: Morning. The draft everyone passed round last night is out.",
    "[23/07/2021 10:06] Wendy Lau: Koala Learning is down more than 30% this morning.",
    "[23/07/2021 16:15] Raj Mehta: Our book lost HK$3.2 million on the day.",
    "[23/07/2021 16:22] Raj Mehta: The market regulator fined 15 tutoring firms in June.",
])


def test_a_chat_line_is_read_after_its_stamp_and_speaker():
    """A chat export's "[stamp] Speaker:" dates the message, not an event, and is no
    reason to drop the message."""
    got = extract_text(CHAT, date(2021, 7, 23), "chat")
    dated = {e.date_text: (e.date_start, e.date_end) for e in got.events}
    assert dated == {
        "last night": (date(2021, 7, 22), date(2021, 7, 22)),
        "this morning": (date(2021, 7, 23), date(2021, 7, 23)),
        "in June": (date(2021, 6, 1), date(2021, 6, 30)),
    }
    assert [f.text for f in got.figures] == ["HK$3.2 million"]
    assert all(not e.quote.startswith("[") for e in got.events)  # quotes hold the message only


@pytest.mark.parametrize("line", [
    "[23/07/2021 08:41] Wendy Lau: Morning all.",
    "[08:41] Wendy Lau: Morning all.",
    "[2021-07-23 08:41:07] wlau: ok",
])  # fmt: skip
def test_a_chat_line_of_greetings_is_no_event(line):
    got = extract_text(line, date(2021, 7, 23), "chat")
    assert (got.events, got.statements, got.figures) == ((), (), ())


@pytest.mark.parametrize("line", [
    "Saturday, December 4, 2021 | Ten questions, answers at the bottom.",  # a masthead
    "Rules Tracker: China, internet and data (entries updated 2022-03-02)",
    "Summary prepared by the Law Desk, 29 December 2023.",
    "Notes compiled by our markets team, 3 May 2021",
])  # fmt: skip
def test_mastheads_update_notes_and_preparers_lines_are_furniture(line):
    assert is_furniture(line)


@pytest.mark.parametrize("line", [
    # a participle opening prose is no "Published:" stamp
    "Published on 2021-12-28 and effective from 2022-02-15, the revision requires platforms to "
    "seek a review.",
    "Updated in 2021, the rules now cover every platform.",
    "The rules were updated on 2022-03-02 to cover algorithms.",
])  # fmt: skip
def test_prose_opening_with_published_or_updated_is_not_furniture(line):
    assert not is_furniture(line)


def test_an_editors_note_in_square_brackets_is_furniture():
    text = ("[Text export of a slide deck for a client webinar, 18 January 2023. Slide images "
            "omitted; speaker notes kept.]\n\n"
            "[Update: the regulator fined the platform on 17 January 2023.]\n\n"
            "In November 2020 the listing was called off.")
    got = extract_text(text, date(2023, 1, 18), "deck")
    assert sorted(e.date_text for e in got.events) == ["17 January 2023", "November 2020"]


def test_a_caption_with_its_own_credit_leaves_the_paragraph_before_it_alone():
    page = ("The regulator fined the company on Thursday.\n\n"
            "A delivery worker rides past an office in Shanghai in March. REUTERS/Aly Song")
    events = extract_text(page, date(2022, 7, 22), "t").events
    assert [e.date_text for e in events] == ["on Thursday"]


TIMELINE = "\n\n".join([
    "A timeline of the crackdown",
    "Here are the milestones of a campaign that began 32 months ago.",
    "November 2020",
    "Ant Group's listing was called off at the last minute. It is an affiliate of "
    "the retailer.",
    "Later in the month, regulators summoned 27 internet companies, including Tencent.",
    "April 2021",
    "The market regulator fined Alibaba 18.2 billion yuan.",
    "Ant Group said it would become a financial holding company.",
])


def test_a_timelines_month_headings_date_the_paragraphs_under_them():
    got = extract_text(TIMELINE, date(2023, 7, 15), "timeline")
    dated = [(e.date_text, e.date_start.isoformat(), e.date_end.isoformat(), e.quote[:30])
             for e in got.events]
    assert dated == [
        ("32 months ago", "2020-11-01", "2020-11-30", "Here are the milestones of a c"),
        ("November 2020", "2020-11-01", "2020-11-30", "Ant Group's listing was called"),
        ("Later in the month", "2020-11-01", "2020-11-30", "Later in the month, regulators"),
        ("April 2021", "2021-04-01", "2021-04-30", "The market regulator fined Ali"),
        ("April 2021", "2021-04-01", "2021-04-30", "Ant Group said it would become"),
    ]
    # the heading itself is no event, and a second sentence of a paragraph keeps no date
    assert not any(e.quote.startswith("It is an affiliate") for e in got.events)


def test_a_single_date_line_is_no_timeline_heading():
    page = "March 2022\n\nThe market regulator fined the platform.\n\nAlibaba said it would comply."
    got = extract_text(page, date(2022, 3, 20), "page")
    assert got.events == ()



@pytest.mark.parametrize("caption", [
    # a photo agency's credit after a slash, on the caption's own line
    "A tutoring company's building in Beijing, China, July 15, 2021. /CFP",
    "Offices of a games company in Shenzhen on March 3, 2021. /Xinhua",
    "Riders wait outside a restaurant in Shanghai, May 2025. / VCG",
])  # fmt: skip
def test_a_caption_credited_after_a_slash_is_furniture(caption):
    from datetime import date

    from data.extract import extract_text

    text = caption + "\n\nRegulators fined the company on Monday."
    assert [e.date_text for e in extract_text(text, date(2025, 6, 3)).events] == ["on Monday"]


def test_a_slash_between_words_in_prose_is_no_credit():
    from datetime import date

    from data.extract import extract_text

    text = "The rules hit tutoring/education firms on July 24, 2021. /Update follows."
    assert [e.date_text for e in extract_text(text, date(2021, 8, 3)).events] == ["July 24, 2021"]
    # a thread's or release's sign-off is no credit: the post before it is prose
    for end in ("/end", "/ENDS"):
        text = f"I'll update after Tencent's numbers tonight. {end}"
        assert [e.date_text for e in extract_text(text, date(2021, 8, 18)).events] == ["tonight"]


@pytest.mark.parametrize(("line", "furniture"), [
    # a markets table's note on its own figures: which session they are for
    ("All changes are for Tuesday unless stated.", True),
    ("Changes are from Monday's close.", True),
    ("All prices as at the Friday close.", True),
    ("Quotes are as of 4 p.m. Hong Kong time.", True),
    # prose about changes and figures
    ("Changes for the sector came on Tuesday, when the rules were published.", False),
    ("Figures for 2021 showed revenue rose 20%.", False),
    ("All changes to the rules are for the regulator to decide.", False),
    # a magazine's note of the print edition the piece is from
    ("From the January 21st 2023 edition", True),
    ("From the print edition of 21 January 2023", True),
    ("From the 2021 edition of the rules, three articles were dropped.", False),
    # a newsletter's sign-off
    ("That's all for this week.", True),
    ("That is it for today.", True),
    ("See you next Monday.", False),  # the next issue's day: a (background) date
    ("That is all for now, the regulator said of its review.", False),
])  # fmt: skip
def test_notes_editions_and_sign_offs_are_furniture_and_prose_like_them_is_not(line, furniture):
    """Lines the blind batches and real coverage of this session showed: a markets table's
    note on its figures, a magazine's print edition, a newsletter's sign-off."""
    assert is_furniture(line) is furniture


def test_a_heading_dates_its_paragraph_beside_a_year_of_a_statistic():
    """Under "April 2021", a fine measured by "its 2019 revenue" is April's fine; the reporting
    year stays an event of its own (background), and a leaders' meeting under "December
    2020" is December's (a real timeline of the crackdown, in words of our own)."""
    page = ("November 2020\n\nAnt Group's listing was called off.\n\n"
            "December 2020\n\nAt the annual economic conference, top Chinese leaders vowed to "
            "curb the disorderly expansion of capital.\n\n"
            "April 2021\n\nThe market regulator fined Alibaba 18.2 billion yuan, 4% of its 2019 "
            "revenue.")
    got = extract_text(page, date(2023, 7, 15), "timeline")
    dated = [(e.date_text, e.date_start.isoformat(), e.relevance, e.companies, e.regulators)
             for e in got.events]
    assert dated == [
        ("November 2020", "2020-11-01", "crackdown", ("Ant Group",), ()),
        ("December 2020", "2020-12-01", "crackdown", (), ("Chinese government (unspecified)",)),
        ("April 2021", "2021-04-01", "crackdown", ("Alibaba",), ("SAMR",)),
        ("2019", "2019-01-01", "background", ("Alibaba",), ("SAMR",)),
    ]
    (fine,) = got.figures
    assert (fine.kind, fine.date_start) == ("fine", date(2021, 4, 1))


def test_a_comment_header_dates_the_comment_not_an_event():
    """A blog's reader comments ("Sam_L, 19 Nov 2023 at 18:02: Sold mine in 2021."): the
    header is when the comment was posted; what follows is prose (blind batch 13)."""
    page = ("Alibaba dropped its cloud spin-off on Thursday.\n\n"
            "Sam_L, 19 Nov 2023 at 18:02: Regulators fined Alibaba in 2021.\n\n"
            "Tom Reyes, 19 Nov 2023 at 21:14: Fair.")
    got = extract_text(page, date(2023, 11, 19), "blog")
    assert [e.date_text for e in got.events] == ["on Thursday", "in 2021"]
    (fined,) = [e for e in got.events if e.date_text == "in 2021"]
    assert fined.quote == "Regulators fined Alibaba in 2021."


@pytest.mark.parametrize("line", [
    # a correction's stamp before what it withdraws (a clock time's colon inside the stamp)
    "Correction, Jan. 4, 10:05 a.m.: An earlier version of this column gave the wrong fine.",
    "Clarification, 12 May 2022: An earlier version of this blog post named the wrong agency.",
    # when the piece itself was put up, named by what it is
    "Summary posted: June 2, 2022",
    "Transcript posted 14 October 2023.",
    "Episode notes updated 3 May 2024, 09:10 HKT",
    # a line of links to other stories
    "Related stories: Platform fines since 2020 | Game approvals of March and April 2022",
    "Read more: Ant's listing: what we know (November 4)",
    "More on this story: Regulators summon Didi again",
    # a correction's bare day ("It is Tuesday, not Wednesday.") and a programme's time slot
    "It is Friday, not Thursday.",
    "It was 14 March, not 15 March.",
    'Coming up: "Chips after the curbs" - Friday, 11:30 SGT',
    "Live Q&A | Monday, 8:00 p.m. HKT",
])  # fmt: skip
def test_corrections_posting_stamps_and_link_lines_are_furniture(line):
    assert is_furniture(line)


@pytest.mark.parametrize("line", [
    "The summary posted on its website on June 2, 2022 named three platforms.",
    "The company posted a loss on Monday.",
    "Tencent updated its rules on 3 May 2024.",
    "Related companies were fined in July.",
    "The next session of the legislature opens on Friday.",
    "Read more into the rules and you see a tougher line from July.",
    "It was Friday, not Thursday, when regulators summoned the firm.",
    "It is Tuesday, and regulators have yet to speak.",
    "Regulators met on Monday, 8:00 p.m. HKT, and fined the firm.",
])  # fmt: skip
def test_prose_near_corrections_stamps_and_link_lines_is_not_furniture(line):
    assert not is_furniture(line)


def test_a_list_of_links_under_its_label_is_no_event():
    page = ("Regulators fined the platform on Monday.\n\n"
            "Related coverage:\n"
            "- Platform delays its listing after a US ban (March 13)\n"
            "- Explainer: what a security review means for funds\n\n"
            "Most read\n"
            "1. A year after the ban, where did the tutors go?\n"
            "2. Three platforms fined on 5 May for unreported deals\n\n"
            "Sign up for our newsletter.")
    events = extract_text(page, date(2022, 3, 16), "t").events
    assert [e.date_text for e in events] == ["on Monday"]
