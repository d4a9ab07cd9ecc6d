"""Crackdown or background, per event: state action and responses versus history,
biographies, milestones, statistics and asides. Sentences written for the tests,
in the styles of wire copy, state media and opinion pieces."""

from datetime import date
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from data.extract import extract_text
from data.relevance import BACKGROUND, CLAUSE_BREAK, CRACKDOWN, DATE_AFTER_BOUND


def relevance(text: str, published: date, date_text: str) -> str:
    events = extract_text(text, published).events
    (event,) = [e for e in events if e.date_text.lower() in date_text.lower()]
    return event.relevance


@pytest.mark.parametrize(
    ("text", "published", "date_text", "expected"),
    [
        # history and biography: background whatever the actors
        ("In the 1960s and ’70s, Mao’s planners poured money into rockets.", date(2021, 8, 19),
         "In the 1960s and ’70s", BACKGROUND),
        ("The founder, a party member since the 1980s, rarely speaks.", date(2021, 3, 1),
         "since the 1980s", BACKGROUND),
        ("The dubbing app became popular in 2019.", date(2022, 2, 10), "in 2019", BACKGROUND),
        # state action and the market's response: crackdown
        ("In July, the market regulator fined Tencent for failing to report deals.",
         date(2021, 8, 19), "In July", CRACKDOWN),
        ("On Friday, regulators summoned executives of the two platforms.", date(2021, 3, 16),
         "On Friday", CRACKDOWN),
        ("Shares of the tutoring firms plunged in late July.", date(2021, 8, 19), "late July",
         CRACKDOWN),
        # one sentence, two events: the milestone clause and the response clause
        ("Huya, which listed in New York in 2018, said on Monday it would abide by the decision.",
         date(2021, 7, 12), "in 2018", BACKGROUND),
        ("Huya, which listed in New York in 2018, said on Monday it would abide by the decision.",
         date(2021, 7, 12), "on Monday", CRACKDOWN),
        ("Bilibili raised $3.1 billion in its Hong Kong share sale in March.", date(2021, 8, 2),
         "in March", BACKGROUND),
        ("The exchange halted the fintech group's listing on Tuesday.", date(2020, 11, 4),
         "on Tuesday", CRACKDOWN),
        # a date ten or more years back is history, even with a rule in it
        ("The anti-monopoly law came into force in 2008.", date(2021, 4, 12), "in 2008",
         BACKGROUND),
        # statistics and results
        ("Revenue at the games unit rose 9% in the second quarter.", date(2021, 8, 18),
         "in the second quarter", BACKGROUND),
        ("The games maker's Hong Kong shares fell 7% on Thursday after regulators summoned it.",
         date(2021, 9, 10), "on Thursday", CRACKDOWN),
        ("The company pledged 50 billion yuan of its profits to rural programmes last week.",
         date(2021, 8, 27), "last week", CRACKDOWN),
        # asides and undated history
        ("In recent years, the founders were celebrated as national heroes.", date(2022, 8, 22),
         "In recent years", BACKGROUND),
        ("In recent years, the story of the sector was one of ascent.", date(2022, 8, 22),
         "In recent years", BACKGROUND),
        ("Here is what we wrote on July 5, 2021:", date(2023, 1, 17), "July 5, 2021",
         BACKGROUND),
        # a timeline line "date: event" decides on the event
        ("Nov. 3, 2020: The Shanghai exchange suspends the IPO.", date(2021, 12, 1),
         "Nov. 3, 2020", CRACKDOWN),
        ("June 30, 2021: The ride-hailing firm raises $4.4 billion in its IPO.", date(2021, 12, 1),
         "June 30, 2021", BACKGROUND),
        # a value held at a past date is a statistic, beside the loss that followed
        ("By December, both firms, which were worth a combined $900 billion in May, had lost"
         " a third of it.", date(2022, 1, 10), "in May", BACKGROUND),
        # … while the main clause's date is read without the aside's cues
        ("By December, both firms, which were worth a combined $900 billion in May, had lost"
         " a third of it.", date(2022, 1, 10), "By December", CRACKDOWN),
        # a public mood is no state act
        ("The public backlash against long working hours gathered pace in 2021.",
         date(2022, 11, 14), "in 2021", BACKGROUND),
        # a record listing compared with an older one: the older one is a milestone
        ("It was the biggest US listing by a Chinese firm since the retailer's in 2014.",
         date(2021, 7, 6), "in 2014", BACKGROUND),
        # a listing called off is a state act (or the firm's answer to one), not a milestone
        ("In March, the exchange cancelled the fintech group's IPO.", date(2021, 8, 27),
         "In March", CRACKDOWN),
        ("The brokerage's share sale was called off on Friday.", date(2021, 8, 27), "on Friday",
         CRACKDOWN),
        # a line wholly in parentheses is the writer's aside: background unless it tells a
        # state act
        ("A noticeboard lists the staff's study sessions. (This month's theme: readings on"
         " “Serving the People.”)", date(2021, 8, 27), "This month", BACKGROUND),
        ("The group kept quiet. (In July, regulators fined it 500,000 yuan.)", date(2021, 8, 27),
         "In July", CRACKDOWN),
    ],
)  # fmt: skip
def test_relevance_of_an_event(text, published, date_text, expected):
    assert relevance(text, published, date_text) == expected


@pytest.mark.parametrize(
    ("text", "date_text"),
    [
        ("The app had 493 million monthly active users in December.", "in December"),
        ("Liu joined Didi in 2014 from Goldman Sachs.", "in 2014"),
    ],
)  # fmt: skip
def test_statistics_and_careers_are_background(text, date_text):
    assert relevance(text, date(2021, 7, 6), date_text) == BACKGROUND


# After blind batch 5's first run (a fund letter, a profile, a law-firm note, podcast notes):
# general cues its misses showed, in sentences of our own.
@pytest.mark.parametrize(
    ("text", "date_text", "expected"),
    [
        # the writer's own "we" (a fund letter, a newsletter): background unless a state act
        ("We trimmed our position in the delivery group in August.", "in August", BACKGROUND),
        ("Our portfolio had its best month since we started the partnership in 2015.",
         "in 2015", BACKGROUND),
        ("We visited factories in Shenzhen in May and came back cautious.", "in May",
         BACKGROUND),
        ("We think regulators fined the platform in April to make an example of it.",
         "in April", CRACKDOWN),
        # … and in that voice a clause of another time ("before the guidelines") is no cue of
        # the date's own (blind batch 6's pass)
        ("We sold half our holding in the delivery group in July, before the new guidelines on"
         " riders.", "in July", BACKGROUND),
        ("We added to the position in March, after the regulator's fine.", "in March", BACKGROUND),
        # a regulator's own history: when it was set up, what it replaced
        ("The bureau, set up in 2018 to merge three agencies, now handles merger filings.",
         "in 2018", BACKGROUND),
        ("The new financial watchdog took over from the banking regulator in May.", "in May",
         BACKGROUND),
        # a birthday, a hand-over of a company post, a user statistic, a buyback
        ("The founder, who turns 60 in October, spends his time teaching.", "in October",
         BACKGROUND),
        ("The co-founder handed the chief executive's job to a deputy in March.", "in March",
         BACKGROUND),
        ("The shopping app ended last year with 800 million annual active buyers.",
         "last year", BACKGROUND),
        ("On Friday the payments firm said it would buy back a tenth of its shares.",
         "On Friday", BACKGROUND),
        # published warnings are the state speaking, even in the writer's "we"
        ("We should have listened in May, when the first warnings about lending apps appeared.",
         "in May", CRACKDOWN),
        # a fund's size, a compiler's note, a reference centuries back
        ("Assets under management stood at $900 million at the end of June.",
         "at the end of June", BACKGROUND),
        ("Compiled from posts an analyst wrote on Tuesday evening.", "on Tuesday evening",
         BACKGROUND),
        ("On Monday the founder quoted a 12th-century poet to his staff.", "On Monday",
         BACKGROUND),
        # a fund's own performance is a statistic, not the market's verdict on the state
        ("The fund lost 6% in the second quarter, its worst since launch.",
         "in the second quarter", BACKGROUND),
        ("Our flagship fund gained 3% in May.", "in May", BACKGROUND),
    ],
)  # fmt: skip
def test_blind_five_phenomena(text, date_text, expected):
    assert relevance(text, date(2021, 11, 10), date_text) == expected


# After the blind batch's first run: general cues its misses showed (sentences our own).
@pytest.mark.parametrize(
    ("text", "date_text", "expected"),
    [
        ("The fine equals 3 per cent of the platform's domestic revenue in 2020.", "in 2020",
         CRACKDOWN),
        ("The fintech group will not make its market debut this week after all.", "this week",
         CRACKDOWN),
        ("Alibaba saw its New York-listed shares slide 8% on Tuesday.", "on Tuesday", CRACKDOWN),
        ("The payments arm was spun out of the group in 2011.", "in 2011", BACKGROUND),
        ("The company took the name Ant Group in June.", "in June", BACKGROUND),
        ("The two ride-hailing apps merged with each other in 2015.", "in 2015", BACKGROUND),
        ("The fintech firm priced the deal last week.", "last week", BACKGROUND),
        ("Wall Street was closed for a holiday on Monday.", "on Monday", BACKGROUND),
        ("Police said a man had been taken into custody on April 25.", "on April 25", BACKGROUND),
        ("China's GDP growth slowed in the first quarter.", "in the first quarter", BACKGROUND),
        ("The country had 183 million internet users under 18 in 2020.", "in 2020", BACKGROUND),
        ("In June, the regulator began a two-month special action against fan clubs.", "In June",
         CRACKDOWN),
    ],
)  # fmt: skip
def test_relevance_cues_from_the_blind_batch(text, date_text, expected):
    assert relevance(text, date(2021, 8, 27), date_text) == expected


@pytest.mark.parametrize(
    ("text", "date_text", "expected"),
    [
        ("In June, the regulator launched a two-month clean-up campaign against fan clubs.",
         "In June", CRACKDOWN),
        ("About 14,000 game-related companies were deregistered in 2021.", "in 2021", BACKGROUND),
        ("On Tuesday, police took a man surnamed Ma into custody.", "On Tuesday", BACKGROUND),
        ("On Friday, police placed a man surnamed Li under criminal coercive measures.",
         "On Friday", BACKGROUND),
        # a company's staff detained or questioned, or its offices raided: a state act on it
        ("In March, police detained four employees of the auditor Kestrel Group in Shanghai.",
         "In March", CRACKDOWN),
        ("The consultancy said on Friday that police had questioned staff at its Shenzhen office.",
         "on Friday", CRACKDOWN),
        ("On Monday, state security officers raided the Beijing offices of a due-diligence firm.",
         "On Monday", CRACKDOWN),
        ("Two of its executives were arrested in April, the lender said.", "in April", CRACKDOWN),
    ],
)  # fmt: skip
def test_campaigns_counts_and_custody(text, date_text, expected):
    assert relevance(text, date(2022, 5, 4), date_text) == expected


#: The clause breaks as first written; ``CLAUSE_BREAK`` opens with the class of its first
#: character, so the regex engine skips to the candidates instead of trying each position.
PLAIN_CLAUSE_BREAK = (
    r"\s*[;:]\s+|\s+[–—-]\s+"
    r"|,\s+(?P<joined>and|but|while|which|who|whose|where|followed\s+by)\b"
    r"|\s+(?P<bound>after|before|as|since|when|while)\s+(?!(?:a|an|the|that)\s+\w+\s+(?:ago|later)\b"
    r"|" + DATE_AFTER_BOUND + ")"
)
_CLAUSE_TEXT = st.lists(
    st.sampled_from([" ", "  ", "\n", "\t", "\u00a0", ";", ":", ",", "-", "–", "—", "a", "an",
                     "the", "that", "and", "which", "whose", "after", "as", "since", "when",
                     "while", "ago", "later", "x", "5", "é", ".", "May", "last", "Mayor", "followed",
                     "by"]), max_size=24
).map("".join)  # fmt: skip


def _breaks_found(pattern, text):
    return [(m.span(), m.span("joined"), m.span("bound")) for m in pattern.finditer(text)]


@settings(max_examples=3000, deadline=None)
@given(_CLAUSE_TEXT)
def test_the_clause_breaks_are_those_of_the_plain_pattern(text):
    import re

    assert _breaks_found(CLAUSE_BREAK, text) == _breaks_found(re.compile(PLAIN_CLAUSE_BREAK), text)


def test_the_clause_breaks_of_every_sentence_of_the_seeds_and_held_out_articles():
    import re

    from data.sources import SEEDS_DIR
    from data.text import sentences

    plain = re.compile(PLAIN_CLAUSE_BREAK)
    heldout = Path(__file__).parent / "heldout"
    folders = [SEEDS_DIR, heldout / "articles", heldout / "blind4" / "articles"]
    texts = [s.text for f in folders for p in sorted(f.glob("*.txt"))
             for s in sentences(p.read_text(encoding="utf-8"))]  # fmt: skip
    assert len(texts) > 1000  # with the blind batch
    assert [_breaks_found(CLAUSE_BREAK, t) for t in texts] == [_breaks_found(plain, t) for t in texts]


_HISTORY_TEXT = st.lists(
    st.sampled_from([" ", ", ", "; ", " – ", ", which ", " after ", " since ", "was", "born",
                     "party", "Party", "member", "members", "of", "the", "chinese", "communist",
                     "grew", "up", "cultural", "Revolution", "x", "é", "5", "-"]), max_size=20
).map("".join)  # fmt: skip


def _clause_edges(text):
    """Every clause ``clause_bounds`` can give for ``text``: from any opening to any end."""
    from data.relevance import _breaks

    breaks = _breaks(text)
    starts = [0, *(opens for _, opens in breaks)]
    ends = [len(text), *(begin for begin, _ in breaks)]
    return [(lo, hi) for lo in starts for hi in ends if lo <= hi]


@settings(max_examples=500, deadline=None)
@given(_HISTORY_TEXT)
@example("He left; he grew up in Xi'an, which was born of the cultural revolution")
@example("It said; xgrew up, which xwas born")  # a clause opening inside a word would differ
def test_a_clause_searched_in_its_sentence_finds_the_history_cues_it_finds_alone(text):
    from data.relevance import HISTORY_CUES

    for lo, hi in _clause_edges(text):
        alone = HISTORY_CUES.pattern.search(text[lo:hi])
        assert bool(HISTORY_CUES.search(text, lo, hi)) == bool(alone), (lo, hi)


@pytest.mark.parametrize(
    "text",
    [
        # no date to be near: a crackdown cue anywhere in the statement decides
        "Kuaishou's record share sale suspended after regulators summon its founder",
        "The clearest sign was when Beijing in effect cancelled the initial public offering"
        " (IPO) of Lufax and sent its chairman into hiding.",
    ],
)  # fmt: skip
def test_an_undated_statement_with_a_state_act_is_crackdown(text):
    (statement,) = extract_text(text, date(2021, 8, 27)).statements
    assert statement.relevance == CRACKDOWN


# After blind batch 6's first run (an earnings call, a filing, an encyclopedia entry, a book
# review, a rating note, a forum thread, a calendar): general cues its misses showed, in
# sentences of our own, and the guards that keep the crackdown's own events crackdown.
@pytest.mark.parametrize(
    ("text", "published", "date_text", "expected"),
    [
        # a company announcing a restriction it was made to impose: complying, even in "we"
        ("On March 2 we announced that users under 14 can no longer buy virtual gifts in our"
         " streaming app.", date(2021, 5, 20), "On March 2", CRACKDOWN),
        ("Since June, minors on the platform are limited to 40 minutes a day.",
         date(2021, 9, 14), "Since June", CRACKDOWN),
        # a fine worked out as a share of sales: the fine's base year is part of the fine
        ("The bureau imposed a fine of 4% of the platform's domestic sales in 2019.",
         date(2021, 4, 12), "in 2019", CRACKDOWN),
        # … but set against the group's cash it is a statistic
        ("The fine equals less than 1% of the group's cash and short-term investments at the"
         " end of June.", date(2022, 8, 1), "at the end of June", BACKGROUND),
        # a violation the regulator found, however long ago it began
        ("The internet regulator said the app's violations started in May 2016 and included"
         " collecting 20 million contact lists from users.", date(2022, 7, 29), "in May 2016",
         CRACKDOWN),
        # a state-owned buyer taking part of a platform
        ("A state-owned investment fund had quietly acquired 1% of the short-video group's"
         " Beijing unit in August.", date(2022, 11, 3), "in August", CRACKDOWN),
        # a case closed is no market closed for a holiday
        ("The delivery firm paid 3 billion yuan in October and the matter was closed.",
         date(2022, 2, 8), "in October", CRACKDOWN),
        # a speech at a summit is the speech, not the summit
        ("Everything changed after the tycoon's speech at a finance summit on November 3, 2020.",
         date(2023, 6, 30), "on November 3, 2020", CRACKDOWN),
        # a company caught in a campaign is no company becoming popular
        ("In July it became one of the first firms caught in the data campaign against newly"
         " listed platforms.", date(2021, 12, 1), "In July", CRACKDOWN),
        # user counts, however the figure is qualified
        ("The recruiting app had 30.1 million average monthly active users in the second quarter"
         " of 2022.", date(2022, 9, 1), "in the second quarter of 2022", BACKGROUND),
        ("Monthly active users of the video app reached 300 million in March.", date(2022, 9, 1),
         "in March", BACKGROUND),
        ("The marketplace's annual active consumers rose to 900 million at the end of June.",
         date(2022, 9, 1), "at the end of June", BACKGROUND),
        # an executive stepping down or taking over as chairman, said ahead
        ("The chief executive will be stepping down in September.", date(2023, 7, 1),
         "in September", BACKGROUND),
        ("The co-founder will take over as chairman in September.", date(2023, 7, 1),
         "in September", BACKGROUND),
        # revenue for a period and its reporting day
        ("Revenue for the quarter ended June 30 rose 8% to 30 billion yuan, reported on"
         " August 20.", date(2022, 9, 1), "the quarter ended June 30", BACKGROUND),
        ("Revenue for the quarter ended June 30 rose 8% to 30 billion yuan, reported on"
         " August 20.", date(2022, 9, 1), "on August 20", BACKGROUND),
        # listings as milestones: added, held, restarted, in a timeline line, sought
        ("The recruiting platform added a listing in Hong Kong by way of introduction on"
         " 14 December 2022, raising no new money.", date(2023, 2, 1), "on 14 December 2022",
         BACKGROUND),
        ("Both search engines added Hong Kong listings in March 2021.", date(2022, 3, 1),
         "in March 2021", BACKGROUND),
        ("The e-commerce group has had a listing in Hong Kong since November 2019.",
         date(2022, 3, 1), "since November 2019", BACKGROUND),
        ("May 2019 – Nasdaq listing.", date(2023, 1, 5), "May 2019", BACKGROUND),
        ("Also on Friday, the chip designer revived the share sale it had shelved a week earlier,"
         " keeping the price at HK$4 a share.", date(2021, 12, 20), "on Friday", BACKGROUND),
        ("The company said in December that it would seek a listing in Hong Kong.",
         date(2022, 7, 20), "in December", BACKGROUND),
        ("The video app raised $1 billion in New York on May 5, despite the regulator's"
         " warnings.", date(2022, 1, 10), "on May 5", BACKGROUND),
        ("The AI firm, whose listing was put off after a US blacklisting, now plans to start"
         " trading on Friday.", date(2021, 12, 20), "on Friday", BACKGROUND),
        # nothing happening is no event of the crackdown
        ("On Wednesday there was nothing new from the regulators.", date(2021, 12, 24),
         "On Wednesday", BACKGROUND),
        # a holding at a date is a statistic
        ("The games giant still owned 15 per cent of the retailer on Wednesday.",
         date(2021, 12, 24), "on Wednesday", BACKGROUND),
        # a state body's remit: when it took charge of a sector
        ("These are the first new measures since the administration took charge of online"
         " publishing in 2018.", date(2023, 12, 22), "in 2018", BACKGROUND),
        # a founder giving up a post
        ("The e-commerce founder gave up the chairmanship in March 2021.", date(2023, 7, 16),
         "in March 2021", BACKGROUND),
        # a company's new line of business and its success
        ("The tutoring chain started selling groceries through livestreams in January 2022.",
         date(2022, 11, 15), "in January 2022", BACKGROUND),
        ("Its teachers-turned-hosts went viral in June.", date(2022, 11, 15), "in June",
         BACKGROUND),
        # where a founder lives is biography, however it is reported
        ("A newspaper reported in early May that the founder had been living in Spain.",
         date(2022, 6, 1), "in early May", BACKGROUND),
        # a results call's own dates: its day, its end, its replay
        ("The group will host a conference call on August 18.", date(2022, 8, 10),
         "on August 18", BACKGROUND),
        # … but what is said on a call is the call's news
        ("On a conference call on Tuesday, the group's executives said the investigation was"
         " over.", date(2022, 8, 10), "On a conference call on Tuesday", CRACKDOWN),
        ("That ends today's question-and-answer session.", date(2022, 8, 18), "today",
         BACKGROUND),
        ("A replay of the webcast stays online until September 1.", date(2022, 8, 18),
         "until September 1", BACKGROUND),
        # a book's own life: publication, shops, a paperback
        ("The book reached shops last month.", date(2023, 7, 16), "last month", BACKGROUND),
        ("The memoir was published on June 9.", date(2023, 7, 16), "on June 9", BACKGROUND),
        ("A paperback edition is promised for next autumn.", date(2023, 7, 16), "next autumn",
         BACKGROUND),
        # a shopping festival's day, a summit between leaders
        ("Next stop: Singles' Day on November 11.", date(2021, 10, 29), "on November 11",
         BACKGROUND),
        ("A video call between the two presidents, agreed earlier this month, could come"
         " before Christmas.", date(2021, 10, 29), "earlier this month", BACKGROUND),
        # a publication speaking of its own last issue
        ("Last month's newsletter flagged the ministry's deadline for platforms to stop"
         " blocking links.", date(2021, 10, 29), "Last month", BACKGROUND),
        # acts on a listing stay acts, whatever the listing's place
        ("The exchange halted the fintech group's Hong Kong listing on Tuesday.",
         date(2020, 11, 4), "on Tuesday", CRACKDOWN),
        ("Regulators blocked the games group's Hong Kong listing in March.", date(2021, 8, 2),
         "in March", CRACKDOWN),
        # rules published, a company's promise, a deadline flagged in the last issue
        ("The draft rules were published on Friday.", date(2021, 10, 29), "on Friday", CRACKDOWN),
        ("The company promised in May to comply with the new rules.", date(2021, 10, 29),
         "in May", CRACKDOWN),
        # an index "still down" from its peak is the market's verdict, the peak its measure
        ("The tech index, launched in 2020, is still down by a third from its March peak, when it"
         " briefly topped 9,000 points.", date(2021, 12, 20), "March", CRACKDOWN),
        ("The tech index, launched in 2020, is still down by a third from its March peak, when it"
         " briefly topped 9,000 points.", date(2021, 12, 20), "in 2020", BACKGROUND),
        # "N days after <milestone>, <act>": the milestone only anchors the act's date
        ("Three days after its Hong Kong listing on May 3, the regulator opened a probe into the"
         " firm.", date(2021, 8, 2), "Three days after", CRACKDOWN),
        # a company leaving a stock market is delisting, not a person leaving a job
        ("The ride-hailing group left New York in June, a year after its debut.", date(2022, 8, 1),
         "in June", CRACKDOWN),
        # in the writer's aside, a "when" clause tells what happened at the date itself
        ("One more thing, I'd say: the commission last met in April, when it spoke of platform"
         " monopolies.", date(2021, 8, 1), "in April", CRACKDOWN),
        ("Last month's newsletter flagged the ministry's September 17 deadline for platforms to"
         " stop blocking links.", date(2021, 10, 29), "September 17", CRACKDOWN),
        # companies "seeking a listing" are the class a rule names; a listing hearing is the state's
        ("The securities regulator said on Friday that companies seeking a listing abroad must file"
         " within three working days.", date(2021, 12, 27), "on Friday", CRACKDOWN),
        ("The exchange held its listing hearing for the payments group on October 21.",
         date(2020, 11, 4), "on October 21", CRACKDOWN),
        ("The founder handed over the chairmanship of the group in 2019.", date(2022, 1, 15),
         "in 2019", BACKGROUND),
    ],
)  # fmt: skip
def test_blind_six_phenomena(text, published, date_text, expected):
    assert relevance(text, published, date_text) == expected


@pytest.mark.parametrize(
    ("text", "published", "date_text", "expected"),
    [
        # the act of a state actor in the main clause; a listing only in a clause of another
        # time ("just days after …", "hours before …"): crackdown
        ("Last week, just days after the carmaker listed in New York, the internet regulator "
         "ordered its app pulled.", date(2021, 7, 9), "Last week", CRACKDOWN),
        ("The exchange announced the decision late Tuesday, hours before shares were to begin "
         "trading and a day after the founder was summoned by regulators.", date(2020, 11, 5),
         "Tuesday", CRACKDOWN),
        # "thwarted", "scuttled", "derailed" the state's listing: crackdown
        ("In November the Chinese authorities thwarted the lender's $37 billion IPO.",
         date(2021, 4, 11), "In November", CRACKDOWN),
        # a listing with no state act is still a milestone
        ("In 2014, after it listed in New York, the group bought a football club.",
         date(2021, 4, 11), "In 2014", BACKGROUND),
        ("The carmaker listed in New York in June, days before the review began.",
         date(2021, 8, 1), "in June", BACKGROUND),
    ],
)  # fmt: skip
def test_a_clause_of_another_time_does_not_outweigh_the_main_clause(text, published, date_text,
                                                                     expected):
    assert relevance(text, published, date_text) == expected


@pytest.mark.parametrize(
    ("text", "published", "date_text", "expected"),
    [
        # the deals an antitrust fine was about, told as history: a company's own capital moves
        ("The retailer invested $692 million in the department-store chain in 2014.",
         date(2020, 12, 14), "in 2014", BACKGROUND),
        ("It then led a $2.6 billion buyout of the chain in 2017.", date(2020, 12, 14), "in 2017",
         BACKGROUND),
        ("The group led a $2.6 billion bid in 2017 to take the chain private.", date(2020, 12, 14),
         "in 2017", BACKGROUND),
        ("The publisher agreed in 2018 to buy a film studio for as much as 15.5 billion yuan.",
         date(2020, 12, 14), "in 2018", BACKGROUND),
        ("The publisher announced in August 2018 that it would acquire the studio.",
         date(2020, 12, 14), "in August 2018", BACKGROUND),
        # a regulator acting on a deal stays crackdown
        ("In July the market regulator ordered the group to unwind its acquisition of a music "
         "label.", date(2021, 8, 2), "In July", CRACKDOWN),
        ("The regulator blocked the group's plan to buy the streaming site in July.",
         date(2021, 8, 2), "in July", CRACKDOWN),
        # a listing called off is the state's doing, whatever the word "IPO" says
        ("Nov 2020: the payments group's $34.5 billion IPO called off.", date(2023, 1, 18),
         "Nov 2020", CRACKDOWN),
        ("The platform's listing was suspended on Tuesday.", date(2020, 11, 5), "on Tuesday",
         CRACKDOWN),
        # leaving New York for Hong Kong is the response to Beijing, not a listing milestone
        ("The ride-hailing firm said on Friday that it would leave the New York Stock Exchange "
         "and pursue a listing in Hong Kong.", date(2021, 12, 4), "on Friday", CRACKDOWN),
        # a stock down so much on the day is the market's verdict
        ("Close: Koala Learning down 40.6% today, its worst day since it listed here last "
         "November.", date(2021, 7, 23), "today", CRACKDOWN),
        ("Close: the stock down 40.6% today, its worst day since it listed here last November.",
         date(2021, 7, 23), "today", CRACKDOWN),
        ("Profits were down 12% in 2022.", date(2023, 3, 1), "in 2022", BACKGROUND),
        # the outlet's own schedule: the next show, the next webinar
        ("Thanks for watching, and see you next Monday.", date(2021, 7, 5), "next Monday",
         BACKGROUND),
        ("Next webinar: Wednesday 15 February 2023, same time.", date(2023, 1, 18),
         "Wednesday 15 February 2023", BACKGROUND),
        # a leader's career is his biography
        ("When Xi began his second term back in 2017, he named the country's key problem.",
         date(2021, 8, 11), "in 2017", BACKGROUND),
        ("Since Xi took the reins of power, first as party boss in 2012, he has moved to reverse "
         "the opening.", date(2021, 1, 25), "in 2012", BACKGROUND),
        # a listing axed or quashed is the state's doing
        ("He was in Shanghai in October. The following month, he personally axed what would have "
         "been the largest initial public offering.", date(2021, 1, 25), "The following month",
         CRACKDOWN),
        # a 1% stake is the state's golden share, whoever the buying entity is called
        ("In December, an entity under a fund set up by the internet regulator acquired a 1% "
         "stake in an Alibaba unit.", date(2023, 1, 13), "In December", CRACKDOWN),
        ("The retailer bought a 40% stake in the chain in 2014.", date(2020, 12, 14), "in 2014",
         BACKGROUND),
        # a fine "of 3 percent of its revenue last year": the base is part of the fine
        ("As part of the punishment, the platform will be fined 3 percent of its domestic revenue"
         " last year.", date(2021, 11, 1), "last year", CRACKDOWN),
        # a count of platforms is a statistic
        ("The number of digital platforms valued at over $1 billion hit 197 as of the end of "
         "last year.", date(2021, 11, 1), "the end of last year", BACKGROUND),
        # a clause of another time ("after releasing its results") does not decide for a date
        # outside it: the pledge does
        ("Similarly, last month, in a statement after releasing its Q2 earnings, the group said "
         "it would double its funding for common prosperity.", date(2021, 9, 20), "last month",
         CRACKDOWN),
        ("In 2019, before the crackdown, the lender raised $2 billion.", date(2022, 9, 20),
         "In 2019", BACKGROUND),
        # 2025 coverage: "Ele.me" is no "me" of the writer's; orders and a workforce counted
        # are statistics
        ("On July 18, SAMR held a meeting with Ele.me, Meituan and JD.com.",
         date(2025, 9, 9), "On July 18", CRACKDOWN),
        ("By late April its daily orders passed 10 million.", date(2025, 5, 14), "late April",
         BACKGROUND),
        ("As of April 30, the group's workforce exceeded 720,000.", date(2025, 5, 14),
         "April 30", BACKGROUND),
        ("The platform handled 1.2 billion orders on July 5.", date(2025, 7, 21), "on July 5",
         BACKGROUND),
        # "listed" as a blacklist's verb ("listed Tencent as ...") or an adjective ("a listed
        # company") is no listing on an exchange
        ("Last month the Pentagon listed Tencent and battery maker CATL as military companies.",
         date(2025, 2, 5), "Last month", CRACKDOWN),
        ("From June 2026 the department may not buy goods from a listed company.",
         date(2025, 1, 7), "From June 2026", CRACKDOWN),
        ("Tencent listed in Hong Kong in 2004.", date(2025, 1, 7), "in 2004", BACKGROUND),
        # blind batch 8 (2024-25): a date a superlative is measured from is no event
        ("Shares of the group closed 6% lower, their steepest drop since Sept. 24.",
         date(2025, 1, 7), "Sept. 24", BACKGROUND),
        ("The index ended at its weakest level since Dec. 2.", date(2025, 1, 7), "Dec. 2",
         BACKGROUND),
        # the political calendar: an inauguration, a market's opening hours
        ("The new president takes the oath of office and is sworn in on Jan. 20.",
         date(2025, 1, 7), "on Jan. 20", BACKGROUND),
        ("Markets in Shanghai are closed on Friday for the holiday.", date(2025, 1, 7),
         "on Friday", BACKGROUND),
        # (an "inaugural" meeting of a state body is its act, not a ceremony)
        ("The new anti-monopoly commission held its inaugural meeting on Friday.",
         date(2025, 1, 7), "on Friday", CRACKDOWN),
        # an institution's history: "dates from"
        ("The export-control regime dates from 2020, when lawmakers passed it.",
         date(2025, 2, 5), "from 2020", BACKGROUND),
        # a company's own moves: a product released, spending planned, a spin-off dropped,
        # a subsidy drive, coupons
        ("The start-up's chatbot, released on Jan. 10, topped the download charts.",
         date(2025, 2, 18), "on Jan. 10", BACKGROUND),
        ("On Feb. 20, the group said it would spend more than 100 billion yuan on data centres.",
         date(2025, 3, 10), "On Feb. 20", BACKGROUND),
        ("In May it dropped plans to spin off its logistics arm.", date(2025, 3, 10), "In May",
         BACKGROUND),
        ("The group relaunched its food delivery service in February.", date(2025, 5, 14),
         "in February", BACKGROUND),
        ("The chipmaker completed its $6.9 billion acquisition of the network firm in 2020.",
         date(2025, 9, 16), "in 2020", BACKGROUND),
        # the deal a probe looked into is history: "its July 2016 acquisition of", "reports
        # about the company's acquisition of X in July 2016"
        ("The sanctions follow the regulator's investigation of the group's July 2016 "
         "acquisition of a music label.", date(2021, 7, 27), "July 2016", BACKGROUND),
        ("The regulator began its probe in January after reports about the company's "
         "acquisition of a music label in July 2016.", date(2021, 7, 24), "in July 2016",
         BACKGROUND),
        ("The regulator began its probe in January after reports about the company's "
         "acquisition of a music label in July 2016.", date(2021, 7, 24), "in January",
         CRACKDOWN),
        # ... but an order to undo a deal is the state's
        ("In July the regulator ordered the group to unwind its acquisition of the label.",
         date(2021, 8, 1), "In July", CRACKDOWN),
        # ... in the date's own clause only: a programme of another clause keeps its reading
        ("The app says it will spend €1.2bn a year on a programme announced on 8 March 2023 to "
         "keep users' data in Europe.", date(2023, 9, 18), "on 8 March 2023", CRACKDOWN),
        # a superlative's "since": not where a "when" clause tells what happened then, nor a
        # date before it
        ("It was the first such list since July, when the regulator issued its last batch.",
         date(2022, 4, 12), "since July", CRACKDOWN),
        ("The group received licences in December 2022 for the first time since mid-2021.",
         date(2023, 7, 10), "in December 2022", CRACKDOWN),
        ("The rival answered with a subsidy campaign of its own in early May.",
         date(2025, 7, 21), "early May", BACKGROUND),
        ("On June 3 the platform handed out coupons worth 10 billion yuan.", date(2025, 7, 21),
         "On June 3", BACKGROUND),
        # macro policy and a count of firms are not acts on the platforms
        ("On Monday the leadership said it would adopt a looser monetary policy next year.",
         date(2024, 12, 9), "On Monday", BACKGROUND),
        ("By the end of June the country had 58 million registered private businesses.",
         date(2025, 9, 1), "the end of June", BACKGROUND),
        # a shopping festival's sales are commerce
        ("Staff spent last year tuning algorithms for the 618 sales.", date(2025, 3, 10),
         "last year", BACKGROUND),
        # "fine-tuning" is no fine
        ("Engineers fine-tuned the algorithms for the 618 sales in May.", date(2025, 7, 21),
         "in May", BACKGROUND),
        # a stretch of time spent doing something is no step of the crackdown; unless what
        # is done is the state's
        ("Analysts spent Monday debating what the speech meant.", date(2025, 2, 18), "Monday",
         BACKGROUND),
        ("Regulators spent last year cutting the platforms down to size.", date(2022, 3, 1),
         "last year", CRACKDOWN),
        ("Auditors spent last year investigating the platform's deals.", date(2022, 3, 1),
         "last year", CRACKDOWN),
        ("The lab has not yet released the successor to its R2 model, which shook markets in "
         "March.", date(2025, 7, 21), "in March", BACKGROUND),
        # before the campaign (November 2020), an event no cue or state actor ties to the
        # state is history in an article written since; a cap set on play is the state's
        ("The two rivals merged early in 2015.", date(2023, 2, 17), "early in 2015", BACKGROUND),
        ("The previous cap, set in November 2019, allowed 90 minutes of play a day.",
         date(2021, 8, 31), "in November 2019", CRACKDOWN),
        # regulators "calling in" the platforms is a summons, even in a count
        ("Four agencies called in the delivery platforms in May.", date(2025, 7, 21), "in May",
         CRACKDOWN),
        ("- 4: the number of agencies that called in the platforms in May", date(2025, 7, 21),
         "in May", CRACKDOWN),
        # (the cues blind batches 10 and 11 and the real coverage of 2026-12-02's second
        # session showed)
        # an appositive with a relative clause of its own ("the teacher who founded the company
        # in 1993") tells its own time: its cue does not reach a date outside it
        ("Last Saturday Wen Hao, the former teacher who founded the company in 1993, put "
         "numbers on the losses the rules had caused.", date(2021, 8, 27),
         "Last Saturday", CRACKDOWN),
        ("Last Saturday Wen Hao, the former teacher who founded the company in 1993, put "
         "numbers on the losses the rules had caused.", date(2021, 8, 27),
         "in 1993", BACKGROUND),
        # a date inside the appositive keeps its own cue
        ("The firm, a lender which listed in 2019, was fined.", date(2021, 8, 27),
         "in 2019", BACKGROUND),
        # a founder giving up control of the company he co-founded, in the campaign: crackdown
        ("On Jan. 7 the fintech giant revealed that its founder no longer held controlling "
         "rights in the company which he co-founded.", date(2023, 1, 16),
         "On Jan. 7", CRACKDOWN),
        ("In January the founder ceded control of the payments firm he founded.", date(2023, 1, 16),
         "In January", CRACKDOWN),
        # founding it is still background
        ("He co-founded the company in 2004.", date(2023, 1, 16),
         "in 2004", BACKGROUND),
        # a statistic measured year on year, with no state act: background
        ("From January to November 2023, private firms' exports rose 6.1 percent year-on-year.",
         date(2024, 1, 3), "From January to November 2023", BACKGROUND),
        # a state act beside it decides
        ("In March the regulator fined the firm, whose sales fell 10% year on year.",
         date(2024, 1, 3), "In March", CRACKDOWN),
        # a state body's "drive" is a campaign; a company's subsidy drive stays its own
        ("The administration launched a two-month nationwide drive starting in July to clean up "
         "content.", date(2025, 9, 22),
         "in July", CRACKDOWN),
        ("Meituan launched a 10 billion yuan subsidy drive in July.", date(2025, 9, 22),
         "in July", BACKGROUND),
        # the date of the deal a fine was for is the deal's: history
        ("Tencent was fined over its investment in an education app in 2018.", date(2021, 3, 12),
         "in 2018", BACKGROUND),
        ("Baidu was fined for taking over an electronics maker last year.", date(2021, 3, 12),
         "last year", BACKGROUND),
        ("Baidu was fined last week for an old deal.", date(2021, 3, 12),
         "last week", CRACKDOWN),
        # (blind batch 12's first run, the lost session's notes, real coverage of 2020-2026)
        # a company's results told as figures: background
        ("Meituan reported a net loss of 18.6 billion yuan for the third quarter of 2025, and "
         "warned that losses would continue.", date(2026, 1, 12),
         "the third quarter of 2025", BACKGROUND),
        # prices, retail sales and inflation: statistics
        ("Figures showed that consumer prices were flat in 2025.", date(2026, 1, 12),
         "in 2025", BACKGROUND),
        ("Retail sales rose 3% in November, the statistics bureau said.", date(2025, 12, 20),
         "in November", BACKGROUND),
        # a company entering a business: a milestone
        ("JD.com entered food delivery in February last year, promising its riders insurance.",
         date(2026, 1, 12), "in February last year", BACKGROUND),
        # a company's subsidies: its own move
        ("Then, on July 2, Taobao announced 50 billion yuan of subsidies for consumers.",
         date(2026, 1, 12), "on July 2", BACKGROUND),
        # a law in force since a day long gone: the law's history
        ("The Cybersecurity Law has been in force since June 2017.", date(2021, 8, 23),
         "since June 2017", BACKGROUND),
        ("Europe's privacy rules have applied since May 2018.", date(2021, 8, 23),
         "since May 2018", BACKGROUND),
        ("The data law took effect on Sept. 1, regulators said.", date(2021, 8, 23),
         "on Sept. 1", CRACKDOWN),
        # the day an episode was recorded; what someone "put to us"
        ("Recorded on Saturday morning, the episode covers the new law.", date(2021, 8, 23),
         "on Saturday morning", BACKGROUND),
        ("Fines are rising, as one lawyer put it to us last week.", date(2022, 7, 11),
         "last week", BACKGROUND),
        # a record a market move is measured against
        ("The Nasdaq lost 3.6%, its worst session since April.", date(2025, 10, 13),
         "since April", BACKGROUND),
        # (real wire copy of SAMR's first platform fines, December 2020)
        # the day a deal was announced is the deal's history; the state's look into it is not
        ("The regulator would also look into a merger between Huya and DouYu announced in "
         "October.", date(2020, 12, 15), "in October", BACKGROUND),
        ("The deal, announced in August, was blocked by SAMR in July.", date(2021, 8, 1),
         "in August", BACKGROUND),
        ("The deal, announced in August, was blocked by SAMR in July.", date(2021, 8, 1),
         "in July", CRACKDOWN),
        ("SAMR said on Friday it would look into the deal.", date(2021, 8, 1), "on Friday",
         CRACKDOWN),
        # (a real explainer of 2023; a law's coming into force before the campaign stays
        # crackdown: three batches' lists say so, two say history)
        # a valuation is a statistic of the company
        ("Ant's valuation of $300bn in 2020 suggested China would produce champions.",
         date(2023, 1, 19), "in 2020", BACKGROUND),
        ("The startup was valued at $5 billion in March.", date(2021, 6, 1), "in March",
         BACKGROUND),
        # (blind batch 12's court report: a consumer's booking as the case's facts)
        # a consumer's own purchase, told as a case's facts: background
        ("On July 18 last year she booked a room through the app and paid 2,889 yuan.",
         date(2021, 7, 8), "On July 18 last year", BACKGROUND),
        ("In March he bought a ticket on the platform.", date(2021, 7, 8), "In March",
         BACKGROUND),
        # not a company paying its fine, nor an order ("he ordered ByteDance to sell")
        ("On Friday it paid the fine.", date(2021, 7, 8), "On Friday", CRACKDOWN),
        ("On Aug. 14 he ordered ByteDance to sell the app.", date(2021, 7, 8), "On Aug. 14",
         CRACKDOWN),
        # (blind batch 13's first run)
        # "the first approvals since last July" tells when the freeze began: not a superlative's
        # base ("its worst session since April" is)
        ("The regulator granted the first approvals since last July.", date(2022, 5, 19),
         "since last July", CRACKDOWN),
        # a law "in force since" a day in an appositive stays crackdown (the lists of batches
        # 101-118, 5, 6, 7 and 12 say so; blind 13's says history)
        ("It builds on the Cybersecurity Law, in force since 1 June 2017.", date(2025, 8, 20),
         "since 1 June 2017", CRACKDOWN),
        ("The probe opened on Dec. 24 and ended with a record fine less than four months later.",
         date(2021, 6, 1),
         "four months later", CRACKDOWN),
        # a comparison's base ("38% fewer than in 2021")
        ("The regulator approved 468 games, 38% fewer than in 2021.", date(2023, 1, 3),
         "in 2021", BACKGROUND),
        # when news was first reported; a sector's market growing or shrinking
        ("The meeting was first reported last Saturday.", date(2021, 9, 18), "last Saturday",
         BACKGROUND),
        ("China's game market shrank 19% in November.", date(2023, 1, 3), "in November",
         BACKGROUND),
        # a holder's sale of shares; a peak a fall is measured from
        ("Filings showed entities owned by Ma planned to sell 10 million ADRs on 21 November.",
         date(2023, 11, 19), "on 21 November", BACKGROUND),
        ("Tencent has lost $500 billion of market value since its peak in 2021.",
         date(2022, 5, 19), "in 2021", CRACKDOWN),  # (the lists count the peak's fall)
        # a bill named "Chip Security Act" is no chip launched; raising the stakes no money
        ("In May, a senator introduced the Chip Security Act.", date(2025, 8, 1), "In May",
         CRACKDOWN),
        ("The administration raised the stakes last week.", date(2023, 3, 24), "last week",
         CRACKDOWN),
        # a committee named "... Investment in ..." is no investment
        ("On March 15, the Committee on Foreign Investment in the United States told the owners "
         "to sell or face a ban.", date(2023, 3, 24), "On March 15", CRACKDOWN),
        # monthly active accounts: a statistic
        ("WeChat had 1.288 billion monthly active accounts at the end of March.",
         date(2022, 5, 19), "at the end of March", BACKGROUND),
        # a company's money spent on a plant of its own, even beside a law that helps it
        ("It said last October that it would spend about $8 billion on a new chip plant near "
         "Dallas, helped by grants under an act that Congress passed in 2022.",
         date(2023, 6, 2), "last October", BACKGROUND),
        ("Regulators said in March that it must spend 2 billion yuan to fix its data centres.",
         date(2023, 6, 2), "in March", CRACKDOWN),
        # an opening appositive tells the name's history: its dates read by its own words
        ("Lumora, a maker of tablets founded in 2011 and listed in Shanghai since May 2019, was "
         "blacklisted on March 2, 2021, by the Pentagon.", date(2021, 3, 20), "since May 2019",
         BACKGROUND),
        ("Lumora, a maker of tablets founded in 2011 and listed in Shanghai since May 2019, was "
         "blacklisted on March 2, 2021, by the Pentagon.", date(2021, 3, 20), "March 2, 2021",
         CRACKDOWN),
        ("Lumora, a maker fined by regulators in May 2019, was listed on March 2, 2021.",
         date(2021, 3, 20), "in May 2019", CRACKDOWN),
        # an earnings call is where a company answers the rules, not its figures
        ("Its chief called the rules fair on the company's earnings call in May.",
         date(2023, 9, 7), "in May", CRACKDOWN),
        ("Its earnings fell by half in May.", date(2023, 9, 7), "in May", BACKGROUND),
        # blind batch 15: a company's own moves: a chief handing over, a reorganisation of its
        # own, a store opened; a fleet of truckers counted
        ("It said its finance chief would hand over to a successor in April.",
         date(2021, 12, 22), "in April", BACKGROUND),
        ("Earlier this month, the group reorganised its retail arm into two units.",
         date(2021, 12, 22), "Earlier this month", BACKGROUND),
        ("Regulators ordered the group to reorganise its lending arm in April.",
         date(2021, 12, 22), "in April", CRACKDOWN),
        ("The chief executive, who opened a new store in Shanghai last week, spoke on Sunday.",
         date(2024, 3, 25), "last week", BACKGROUND),
        ("It said 2.8 million truckers fulfilled orders on its platforms last year.",
         date(2021, 7, 5), "last year", BACKGROUND),
        ("The regulator ordered the platform to stop new sign-ups last year.",
         date(2021, 7, 5), "last year", CRACKDOWN),
        # the history an opening appositive tells is its own: not the main clause's date's
        ("Nexa, the phone maker founded in China, received the same label in April.",
         date(2024, 11, 1), "in April", CRACKDOWN),
        ("Nexa, the phone maker founded in China in 2012, received the label in April.",
         date(2024, 11, 1), "in 2012", BACKGROUND),
        ("In Korea, the backlash against long hours, a six-day week, gathered pace in 2021.",
         date(2022, 3, 1), "in 2021", BACKGROUND),
        # the deal a fine is "over" gives its reason: the date before it is the fine's
        ("The regulator fined the group 500,000 yuan in July over its purchase of a music firm.",
         date(2021, 11, 25), "in July", CRACKDOWN),
        ("The regulator fined the group in July over its purchase of a music firm in 2016.",
         date(2021, 11, 25), "in 2016", BACKGROUND),
        # statistics (blind 16): official data, a share of a market, a record, money lent
        # or handled, a network's size
        ("Official data released on Monday showed exports grew 5% in May.",
         date(2023, 6, 7), "in May", BACKGROUND),
        ("By March 2021, the country's share of the network had slipped to about 40%.",
         date(2021, 10, 25), "By March 2021", BACKGROUND),
        ("The token hit a record above $60,000 in April.", date(2021, 10, 25), "in April",
         BACKGROUND),
        ("Its two credit units had lent more than 1 trillion yuan by June 2020.",
         date(2021, 9, 23), "by June 2020", BACKGROUND),
        ("The digital currency had handled 20 billion yuan of payments by June 30.",
         date(2021, 9, 24), "by June 30", BACKGROUND),
        # a debut's first day of trading, a launch event, money put into another company
        ("Its shares closed their first day on May 12 just above the offer price.",
         date(2021, 6, 1), "on May 12", BACKGROUND),
        ("The chief executive showed the model at a launch event on March 16.",
         date(2023, 8, 31), "on March 16", BACKGROUND),
        ("The software group, which agreed in January to put a reported $5 billion into the "
         "start-up, said nothing.", date(2023, 8, 31), "in January", BACKGROUND),
        # a holiday closing, the weather, a death
        ("Hello from Hong Kong, where the exchange is closed today for the Easter break.",
         date(2021, 4, 2), "today", BACKGROUND),
        ("Cooler tonight, with showers on Sunday.", date(2021, 12, 3), "on Sunday", BACKGROUND),
        ("The first death came in the early hours of Dec. 29.", date(2021, 1, 13),
         "Dec. 29", BACKGROUND),
        # the economy's and a network's statistics; a share fallen to zero
        ("Data showed factory activity shrank in August, the purchasing managers' index at "
         "49.5.", date(2021, 9, 1), "in August", BACKGROUND),
        ("Miners went dark in June. The network's computing power fell 30% that month.",
         date(2021, 10, 25), "that month", BACKGROUND),
        ("A study said on Oct. 2 that the country's share had effectively fallen to zero.",
         date(2021, 10, 25), "on Oct. 2", BACKGROUND),
        # a company folding units into itself; an exchange accepting an application
        ("On March 2 the unit said it had folded two businesses into itself.",
         date(2021, 4, 2), "On March 2", BACKGROUND),
        ("The Shenzhen exchange had accepted the firm's application on May 11 last year.",
         date(2021, 4, 2), "on May 11 last year", BACKGROUND),
        # a life taken, a worker fired, the Olympics
        ("On Jan. 9 an engineer took his own life.", date(2021, 1, 13), "On Jan. 9",
         BACKGROUND),
        ("He said he had been fired on Jan. 8.", date(2021, 1, 13), "on Jan. 8", BACKGROUND),
        ("Visitors will pay with it at the Winter Olympics in February.", date(2021, 9, 24),
         "in February", BACKGROUND),
        # "raised" an issue, a quoted word: no money raised
        ("The legislature meets in March, and delegates have raised “996” before.",
         date(2021, 1, 13), "in March", CRACKDOWN),
        # (blind 17) a market's own hours, a listing's first trades, a career, a committee's
        # own meetings and rebalancing, a deal signed, a purchase, exams
        ("Hong Kong reopens today after the Christmas holiday.", date(2021, 12, 28), "today",
         BACKGROUND),
        ("Hong Kong closes at noon on Friday for New Year's Eve.", date(2021, 12, 28),
         "on Friday", BACKGROUND),
        ("The firm had begun trading in New York on June 30.", date(2021, 12, 28),
         "on June 30", BACKGROUND),
        ("The courier, who joined a delivery company in June 2020, sued.", date(2021, 8, 27),
         "in June 2020", BACKGROUND),
        ("The board asked for a report at the next scheduled meeting on 21 April 2022.",
         date(2022, 3, 17), "on 21 April 2022", BACKGROUND),
        ("The chair said she had called the meeting at short notice on Monday.",
         date(2022, 3, 17), "on Monday", BACKGROUND),
        ("The rebalancing due at the end of March would go ahead.", date(2022, 3, 17),
         "at the end of March", BACKGROUND),
        ("On Oct. 12 the two companies signed the merger agreement.", date(2023, 6, 10),
         "On Oct. 12", BACKGROUND),
        ("Pupils should revise the cases until the summer exams in June.", date(2021, 6, 7),
         "in June", BACKGROUND),
        # public criticism is no state act: a founder's words before the campaign stay history
        ("The founder praised long hours in April 2019, drawing a storm of criticism online.",
         date(2021, 8, 27), "in April 2019", BACKGROUND),
        # a purchase's year, a book's own day out, a shop's price
        ("It gave up the licences it had gathered since buying Kaola Music in 2016.",
         date(2023, 6, 10), "in 2016", BACKGROUND),
        ("[Extracted from A History of Screens by A. Writer (Placeholder Books, £20), published "
         "on Thursday.]", date(2023, 6, 10), "on Thursday", BACKGROUND),
        ("The app offered a kilo of apples for 2.99 yuan on Dec. 4 last year.",
         date(2021, 6, 7), "on Dec. 4 last year", BACKGROUND),
        # (blind 18) the writer's own events (a town hall, the next forum); a service's count
        ("Staff should read this ahead of the all-hands town hall on Thursday.",
         date(2025, 3, 24), "on Thursday", BACKGROUND),
        ("The next forum is on 19 November.", date(2024, 10, 8), "19 November", BACKGROUND),
        ("The service gave 196,000 rides in the first quarter.", date(2022, 8, 9),
         "in the first quarter", BACKGROUND),
        # (a market's close as a move, regulators signing an agreement: the campaign's)
        ("US and Chinese regulators signed an agreement on Friday on audit papers.",
         date(2022, 8, 27), "on Friday", CRACKDOWN),
        ("Hong Kong closes 3% lower on Friday after the order.", date(2021, 12, 28), "on Friday",
         CRACKDOWN),
        # (a first trading day after an order, money put into causes: the campaign's)
        ("The regulator ordered the app removed, and the shares sank 19% on Tuesday, their "
         "first trading day after the order.", date(2021, 7, 20), "on Tuesday", CRACKDOWN),
        ("On Sept. 2 the group said it would put 100 billion yuan into social causes.",
         date(2021, 10, 1), "Sept. 2", CRACKDOWN),
        # (a state act beside them stays the crackdown's)
        ("Official data showed the regulator fined 20 platforms in May.", date(2023, 6, 7),
         "in May", CRACKDOWN),
    ],
)  # fmt: skip
def test_deals_listings_schedules_statistics_and_clauses_of_another_time(
        text, published, date_text, expected):
    """Phenomena of real coverage (December 2020 to February 2026) and blind batches 7, 10,
    11 and 12, in words of our own."""
    assert relevance(text, published, date_text) == expected
