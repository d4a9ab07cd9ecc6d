"""Date phenomena: every example carries the publication date it resolves against.

Rows: (text, published, expected date_text, start, end, precision). Grouped by
phenomenon; where a row comes from a seed article, the comment names it.
"""

from datetime import date

import pytest

from data.dates import Anchor, find_expressions, resolve, resolve_mentions

D = date.fromisoformat

BARE_MONTH = [
    # 000, published 2021-08-19: "in July" is July 2021
    ("lost in value in July, as investors", "2021-08-19", "in July", "2021-07-01", "2021-07-31"),
    # 002, published 2018-05-02: "In November" is 2017
    ("In November, it was named", "2018-05-02", "In November", "2017-11-01", "2017-11-30"),
    ("In December, Jack Ma announced", "2018-05-02", "In December", "2017-12-01", "2017-12-31"),
    ("the proposals, presented in January, call", "2022-02-01", "in January", "2022-01-01",
     "2022-01-31"),
    ("since October the rules applied", "2021-03-16", "since October", "2020-10-01", "2020-10-31"),
    ("in March they met", "2021-03-16", "in March", "2021-03-01", "2021-03-31"),
]
RELATIVE_UNITS = [
    ("Last month, Beijing issued draft rules", "2018-05-02", "Last month", "2018-04-01",
     "2018-04-30"),
    ("Last month, regulators clamped down", "2021-01-14", "Last month", "2020-12-01",
     "2020-12-31"),
    ("Last year, they injected money", "2018-05-02", "Last year", "2017-01-01", "2017-12-31"),
    ("before this year's session", "2018-05-02", "this year", "2018-01-01", "2018-12-31"),
    ("a law expected next year", "2021-03-16", "next year", "2022-01-01", "2022-12-31"),
    ("Sources last week said", "2021-01-14", "last week", "2021-01-04", "2021-01-10"),
    ("profits fell last quarter", "2021-08-19", "last quarter", "2021-04-01", "2021-06-30"),
    ("two years ago the firm", "2021-03-16", "two years ago", "2019-01-01", "2019-12-31"),
    ("yesterday the regulator said", "2021-03-16", "yesterday", "2021-03-15", "2021-03-15"),
]
NAMED_MONTH = [
    ("Last June, China's internet regulator", "2021-03-16", "Last June", "2020-06-01",
     "2020-06-30"),
    ("Last October, the government unveiled", "2021-03-16", "Last October", "2020-10-01",
     "2020-10-31"),
    ("Last October it said", "2021-11-30", "Last October", "2021-10-01", "2021-10-31"),
    ("The ban starts next July", "2021-03-16", "next July", "2021-07-01", "2021-07-31"),
]
PARTS = [
    ("It was not until late January that he resurfaced", "2021-03-16", "late January",
     "2021-01-21", "2021-01-31"),
    ("in early March", "2021-03-16", "early March", "2021-03-01", "2021-03-10"),
    ("by mid-February", "2021-03-16", "mid-February", "2021-02-11", "2021-02-20"),
    ("in early 2021", "2021-08-19", "early 2021", "2021-01-01", "2021-04-30"),
    ("in late 2020", "2021-08-19", "late 2020", "2020-09-01", "2020-12-31"),
    ("in the first half of 2021", "2021-08-19", "the first half of 2021", "2021-01-01",
     "2021-06-30"),
    ("in the third quarter of 2021", "2022-02-01", "the third quarter of 2021", "2021-07-01",
     "2021-09-30"),
]
DAYS = [
    # 001, published 2021-01-14: Jack Ma's speech
    ("In a speech on Oct. 24, days before", "2021-01-14", "Oct. 24", "2020-10-24", "2020-10-24"),
    ("It took effect on Nov. 1.", "2021-12-01", "Nov. 1", "2021-11-01", "2021-11-01"),
    ("the deadline was June 30.", "2021-08-19", "June 30", "2021-06-30", "2021-06-30"),
    ("on Oct. 24, 2020, Ma spoke", "2021-08-19", "Oct. 24, 2020", "2020-10-24", "2020-10-24"),
    ("on 3 November 2020 the listing", "2021-08-19", "3 November 2020", "2020-11-03",
     "2020-11-03"),
    ("In December 2020, the government missed", "2021-01-14", "December 2020", "2020-12-01",
     "2020-12-31"),
    ("On Christmas Eve, SAMR opened a probe", "2021-01-14", "Christmas Eve", "2020-12-24",
     "2020-12-24"),
    ("sales on Singles' Day", "2021-03-16", "Singles' Day", "2020-11-11", "2020-11-11"),
    ("the rules took effect on New Year's Day", "2021-03-16", "New Year's Day", "2021-01-01",
     "2021-01-01"),
]
WEEKDAYS = [
    # 004, published Tuesday 2021-03-16
    ("in a speech on Monday, spelling", "2021-03-16", "on Monday", "2021-03-15", "2021-03-15"),
    ("On Tuesday, Alibaba's browser was removed", "2021-03-16", "On Tuesday", "2021-03-16",
     "2021-03-16"),
    ("On Friday, China's regulators fined", "2021-03-16", "On Friday", "2021-03-12",
     "2021-03-12"),
    ("Last Saturday, the regulator said", "2021-03-16", "Last Saturday", "2021-03-13",
     "2021-03-13"),
]
YEARS_AND_DECADES = [
    ("homemade app Zao became popular in 2019.", "2022-02-01", "in 2019", "2019-01-01",
     "2019-12-31"),
    ("the deadline it set itself in 2014.", "2021-01-14", "in 2014", "2014-01-01", "2014-12-31"),
    ("a member of the party since the 1980s.", "2022-02-01", "the 1980s", "1980-01-01",
     "1989-12-31"),
    ("In the 1960s and ‘70s, Mao's program", "2018-05-02", "the 1960s and ‘70s", "1960-01-01",
     "1979-12-31"),
    ("from 2019 to 2021", "2022-02-01", "from 2019 to 2021", "2019-01-01", "2021-12-31"),
    ("during 2019–2021 the firms grew", "2022-02-01", "2019–2021", "2019-01-01", "2021-12-31"),
]
# Held-out phenomena (tests/heldout): a relative year next to a month or day,
# a holiday with its year, the weekend, a month used as an adjective.
WITH_RELATIVE_YEAR = [
    ("fined a record sum in April last year.", "2022-06-13", "in April last year", "2021-04-01",
     "2021-04-30"),
    ("it listed on June 30 last year", "2022-06-13", "June 30 last year", "2021-06-30",
     "2021-06-30"),
    ("a probe opened on Christmas Eve 2020", "2022-06-13", "Christmas Eve 2020", "2020-12-24",
     "2020-12-24"),
    ("a penalty handed down over the weekend", "2021-04-12", "over the weekend", "2021-04-10",
     "2021-04-11"),
    ("far below its February peak", "2021-10-11", "February", "2021-02-01", "2021-02-28"),
    ("Business desk | Published 27 Jul, 2021", "2021-07-27", "27 Jul, 2021", "2021-07-27",
     "2021-07-27"),
]
# Other forms news prose uses: British day-month, ISO dates, seasons, possessive weekdays.
OTHER_FORMS = [
    ("The fine was announced on 10 April.", "2021-04-12", "10 April", "2021-04-10", "2021-04-10"),
    ("It was fined on 10 April 2021.", "2022-01-01", "10 April 2021", "2021-04-10", "2021-04-10"),
    ("the 2021-11-01 deadline", "2022-01-01", "2021-11-01", "2021-11-01", "2021-11-01"),
    ("in the summer of 2020", "2021-03-16", "the summer of 2020", "2020-06-01", "2020-08-31"),
    ("Last summer, regulators struck", "2021-03-16", "Last summer", "2020-06-01", "2020-08-31"),
    ("in spring 2021 the rules", "2021-08-19", "spring 2021", "2021-03-01", "2021-05-31"),
    # "since at least": since, however much earlier
    ("their biggest gain since at least 2001", "2022-03-17", "since at least 2001",
     "2001-01-01", "2001-12-31"),
    # a season spent doing something, as a month or a year "spent" is
    ("The state spent the spring fining platforms.", "2021-09-06", "the spring", "2021-03-01",
     "2021-05-31"),
    ("Monday’s announcement", "2021-03-16", "Monday", "2021-03-15", "2021-03-15"),
    # (the part of the year gone: what was said "earlier this year" is not after the writer)
    ("earlier this year, SAMR said", "2021-08-19", "earlier this year", "2021-01-01",
     "2021-08-18"),
]
# Phenomena the blind held-out batch (tests/heldout 107-112) found missing.
BLIND_BATCH = [
    ("Since the spring, officials have promised support", "2022-08-22", "Since the spring",
     "2022-03-01", "2022-05-31"),
    ("By the end of the year, stocks had lost $1 trillion", "2021-12-30", "the end of the year",
     "2021-12-01", "2021-12-31"),
    ("by the end of 2020 the rules applied", "2021-08-19", "the end of 2020", "2020-12-01",
     "2020-12-31"),
    ("growth of 2.5% in the first half of this year", "2022-08-22",
     "the first half of this year", "2022-01-01", "2022-06-30"),
    ("before the party congress late next year.", "2021-12-30", "late next year", "2022-09-01",
     "2022-12-31"),
    ("TikTok set accounts to public between 31 July and 31 December 2020.", "2023-09-18",
     "between 31 July and 31 December 2020", "2020-07-31", "2020-12-31"),
    ("from July to September 2021 the probes ran", "2022-01-10", "from July to September 2021",
     "2021-07-01", "2021-09-30"),
]
# Phenomena blind batch 3 (tests/heldout 113-118) found missing.
BLIND_BATCH_3 = [
    ("Tencent reported that second-quarter revenue grew 20%", "2021-08-19", "second-quarter",
     "2021-04-01", "2021-06-30"),
    ("Baidu said Q2 revenue rose 20%", "2021-08-19", "Q2", "2021-04-01", "2021-06-30"),
    ("cheaper than at any time since its 2014 listing", "2021-08-20", "2014", "2014-01-01",
     "2014-12-31"),
    ("rules adopted late last month will apply", "2022-01-04", "late last month", "2021-12-21",
     "2021-12-31"),
    ("a conference held in Beijing from Dec. 8 to 10 last year", "2022-01-04",
     "from Dec. 8 to 10 last year", "2021-12-08", "2021-12-10"),
    ("revenue of 205.7 billion yuan in the quarter ended June 30.", "2021-08-20",
     "the quarter ended June 30", "2021-04-01", "2021-06-30"),
    # blind batch 9: the year so far, a month some years back, part of the year or month
    # just mentioned
    ("the stock had lost 2.3% so far this year", "2023-03-29", "so far this year",
     "2023-01-01", "2023-03-29"),
    ("the campaign, which began three years ago this month", "2023-11-20",
     "three years ago this month", "2020-11-01", "2020-11-30"),
    # blind batch 8: a quarter named by its last month
    ("revenue of 280 billion yuan in the quarter to December.", "2025-03-10",
     "the quarter to December", "2024-10-01", "2024-12-31"),
    ("sales in the quarter ended September 2024 fell", "2025-03-10",
     "the quarter ended September 2024", "2024-07-01", "2024-09-30"),
]
TABLES = BLIND_BATCH_3 + BLIND_BATCH + OTHER_FORMS + WITH_RELATIVE_YEAR + BARE_MONTH + RELATIVE_UNITS + NAMED_MONTH + PARTS + DAYS + WEEKDAYS + YEARS_AND_DECADES


@pytest.mark.parametrize(("text", "published", "date_text", "start", "end"), TABLES)
def test_expression_resolves_to_interval(text, published, date_text, start, end):
    mention = resolve(text, D(published))
    assert mention is not None, f"no date found in {text!r}"
    assert (mention.text, mention.date_start, mention.date_end) == (date_text, D(start), D(end))


@pytest.mark.parametrize(
    ("text", "precision"),
    [
        ("in July", "month"),
        ("On Friday", "day"),
        ("late January", "part-of-month"),
        ("early 2021", "part-of-year"),
        ("in 2019", "year"),
        ("the 1980s", "decade"),
        ("the first quarter of 2021", "quarter"),
        ("last week", "week"),
        ("In recent months", "vague"),
    ],
)
def test_precision_is_honest(text, precision):
    assert resolve(text, D("2021-08-19")).precision == precision


@pytest.mark.parametrize(
    "text",
    [
        "Made in China 2025",
        "Copyright 2024 New York Times News Service.",
        "China may be redefining progress",
        "we may see more",
        "It was a year of change",
        "now is the time",
        "recently the firm said",
        "1.4 billion people",
        "For years, the country let the sector run wild",
        "ranked in 35 firms",
        "the 21st century",
        "It's like a May fair",
        "Sign up to receive it every Monday.",
        "The shops open on Fridays.",
        "They may play only between 8pm and 9pm every Friday, Saturday and Sunday.",
        "He compared the scramble for licences to March Madness.",
        "March on, said the party",
        # a year naming an edition of a list, not when it was done
        "The ministries published the 2021 edition of the negative list.",
        "Officials released the 2020 version of the catalogue.",
        # a day's name in quotation marks, and named days, are names, not this week's days
        'Dubbed "Super Saturday," the campaign handed out coupons.',
        "Dubbed “Super Saturday”, the campaign handed out coupons.",
        "Sales on Black Friday and Cyber Monday were strong.",
        # "weeks or months later" tells a span loosely: no date
        "Executives have vanished before, usually to resurface weeks or months later.",
        # a company called "Tomorrow Holding" is no tomorrow
        "The financier's Tomorrow Holding was broken up.",
    ],
)
def test_words_that_only_look_like_dates_are_not_dates(text):
    assert resolve(text, D("2021-08-19")) is None


def test_money_is_never_a_date():
    from data.extract import extract_text

    text = "In 2020 Alibaba started a $1.5 billion fund and paid a $2,019 fee."
    result = extract_text(text, D("2021-05-02"), "t")
    assert [e.date_text for e in result.events] == ["In 2020"]
    assert [f.text for f in result.figures] == ["$1.5 billion", "$2,019"]


@pytest.mark.parametrize(
    ("text", "published", "start", "end"),
    [
        ("In recent months, the government forced", "2021-08-19", "2021-02-17", "2021-08-19"),
        ("in the past few months", "2021-08-19", "2021-02-17", "2021-08-19"),
        ("in recent days", "2021-01-14", "2020-12-31", "2021-01-14"),
        ("in recent years, laws were promulgated", "2021-03-16", "2016-03-17", "2021-03-16"),
    ],
)
def test_vague_expressions_get_a_wide_interval_marked_vague(text, published, start, end):
    m = resolve(text, D(published))
    assert (m.date_start, m.date_end, m.precision, m.vague) == (D(start), D(end), "vague", True)


def _resolve_all(text: str, published: str):
    anchor = Anchor(D(published))
    return resolve_mentions(text, find_expressions(text), lambda _o: anchor)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("On Oct. 24 Ma spoke. Two days later the IPO was halted.", "2021-01-14",
         [("Oct. 24", "2020-10-24", "2020-10-24"), ("Two days later", "2020-10-26", "2020-10-26")]),
        ("The law passed in August. A month later it took effect.", "2021-12-01",
         [("in August", "2021-08-01", "2021-08-31"), ("A month later", "2021-09-01", "2021-09-30")]),
        ("It was approved on Nov. 1. The next day, shares fell.", "2021-12-01",
         [("Nov. 1", "2021-11-01", "2021-11-01"), ("The next day", "2021-11-02", "2021-11-02")]),
        ("Regulators met on Monday. Later that day, rules came out.", "2020-11-04",
         [("on Monday", "2020-11-02", "2020-11-02"), ("Later that day", "2020-11-02", "2020-11-02")]),
        ("It listed on June 30 last year: two days later, a review began.", "2022-06-13",
         [("June 30 last year", "2021-06-30", "2021-06-30"),
          ("two days later", "2021-07-02", "2021-07-02")]),
    ],
)  # fmt: skip
def test_chained_expressions_resolve_against_the_date_just_mentioned(text, published, expected):
    got = [(m.text, m.date_start.isoformat(), m.date_end.isoformat())
           for m in _resolve_all(text, published)]
    assert got == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("In April 2018, the US barred sales to ZTE, which had the ban lifted in July.",
         "2023-08-14", [("April 2018", "2018-04-01", "2018-04-30"),
                        ("in July", "2018-07-01", "2018-07-31")]),
        ("On Aug. 6, 2020, Trump signed orders, and on Aug. 14 he ordered a sale.", "2023-08-14",
         [("Aug. 6, 2020", "2020-08-06", "2020-08-06"), ("Aug. 14", "2020-08-14", "2020-08-14")]),
        ("In April 2018, ZTE was barred until July. The following May, Huawei was added.",
         "2023-08-14", [("April 2018", "2018-04-01", "2018-04-30"),
                        ("until July", "2018-07-01", "2018-07-31"),
                        ("The following May", "2019-05-01", "2019-05-31")]),
        ("In September 2020, a deal was proposed. Agreed that month, it went nowhere.",
         "2023-08-14", [("September 2020", "2020-09-01", "2020-09-30"),
                        ("that month", "2020-09-01", "2020-09-30")]),
    ],
)  # fmt: skip
def test_a_year_stated_in_the_sentence_or_just_before_carries_over(text, published, expected):
    got = [(m.text, m.date_start.isoformat(), m.date_end.isoformat())
           for m in _resolve_all(text, published)]
    assert got == expected


@pytest.mark.parametrize(
    ("text", "published", "date_text", "day"),
    [
        ("Biden signed an executive order on Wednesday that will restrict investment.",
         "2023-08-14", "on Wednesday", "2023-08-09"),
        ("On Tuesday, the CAC said platforms must undergo a review before listing, from Feb. 15.",
         "2021-12-30", "Feb. 15", "2022-02-15"),
        ("The law will take effect on Nov. 1.", "2021-08-25", "Nov. 1", "2021-11-01"),
        # "starting Wednesday" in the present: the coming Wednesday (published on a Tuesday)
        ("Minors can play only on Fridays and weekends starting Wednesday, under the notice.",
         "2021-08-31", "Wednesday", "2021-09-01"),
        # told in the past it is the one before
        ("Minors could play only one hour a day starting Monday, the notice said last week.",
         "2021-08-31", "Monday", "2021-08-30"),
        # in force from a day to come, told in the present; what "should" come
        ("A new data law, passed last month, comes into force on September 1.", "2021-07-05",
         "September 1", "2021-09-01"),
        ("The rules go into effect on March 1.", "2022-01-04", "March 1", "2022-03-01"),
        ("Its third-quarter results should come in mid-November.", "2021-08-31",
         "mid-November", "2021-11-11"),
        # told in the past they stay behind
        ("The law came into force on September 1.", "2021-12-01", "September 1", "2021-09-01"),
        # a timetable told in the present with a singular subject: "the legislature opens
        # its session on March 5", "results season starts in mid-August"
        ("The full legislature opens its annual session on March 5.", "2025-02-18",
         "March 5", "2025-03-05"),
        ("Results season starts in mid-August.", "2025-07-21", "mid-August", "2025-08-11"),
        # a body that meets or convenes, in the present: its next sitting
        ("The legislature meets in March, and delegates have raised the issue before.",
         "2021-01-13", "in March", "2021-03-01"),
        ("The standing committee convenes on 20 April.", "2021-04-02", "20 April", "2021-04-20"),
        # a deadline one "has until", a ceremony told in the present passive (blind batch 9)
        ("The public has until Jan. 22 to comment on the draft.", "2023-12-28", "Jan. 22",
         "2024-01-22"),
        ("The next president is inaugurated on Jan. 20.", "2024-04-24", "Jan. 20",
         "2025-01-20"),
        # an office taken, told in the present: the day ahead ("took office" stays behind)
        ("The new cabinet, which takes office on 8 March, must decide.", "2024-02-02",
         "8 March", "2024-03-08"),
        ("The governor, who took office on 8 March, must decide.", "2024-06-02",
         "8 March", "2024-03-08"),
        # a market's hours told in the present: the coming day (published on a Tuesday)
        ("Hong Kong markets are open as usual on Wednesday.", "2025-01-07", "on Wednesday",
         "2025-01-08"),
        # "is likely to": a meeting still to come (published on a Friday)
        ("The symposium is likely to take place on Monday, three sources said.", "2025-02-14",
         "on Monday", "2025-02-17"),
    ],
)
def test_future_is_read_from_the_clause_that_governs_the_date(text, published, date_text, day):
    found = {m.text: m.date_start.isoformat() for m in _resolve_all(text, published)}
    assert found[date_text] == day


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Didi was fined on Thursday, closing a probe that began a year ago. On the same day, "
         "the regulator listed 16 violations.", "2022-07-25",
         [("on Thursday", "2022-07-21", "2022-07-21"), ("a year ago", "2021-01-01", "2021-12-31"),
          ("the same day", "2022-07-21", "2022-07-21")]),
        ("Its last day of trading was June 10, and by mid-month the shares traded over the "
         "counter.", "2022-07-25",
         [("June 10", "2022-06-10", "2022-06-10"), ("mid-month", "2022-06-11", "2022-06-20")]),
        ("The review began that same week. A month earlier, Beijing had passed a law.",
         "2021-07-20", []),
        ("In April 2018, tariffs were announced. The first took effect that July, and Huawei "
         "was added the following May.", "2023-08-14",
         [("April 2018", "2018-04-01", "2018-04-30"), ("that July", "2018-07-01", "2018-07-31"),
          ("the following May", "2019-05-01", "2019-05-31")]),
        # "two days after that": counted from the date just told, "that" alone
        ("Regulators opened a review on July 2 and ordered the app pulled two days after "
         "that.", "2021-12-03",
         [("July 2", "2021-07-02", "2021-07-02"), ("two days after that", "2021-07-04",
                                                   "2021-07-04")]),
        ("Regulators opened a review on July 2, two days after the listing, and ordered the "
         "app pulled two days after that.", "2021-12-03",
         [("July 2", "2021-07-02", "2021-07-02"), ("two days after", "2021-06-30", "2021-06-30"),
          ("two days after that", "2021-07-04", "2021-07-04")]),
        # ("For five months after that": a stretch of time, no date)
        ("The model was shown on 16 March. For five months after that, it sat behind a "
         "waitlist.", "2023-09-01", [("16 March", "2023-03-16", "2023-03-16")]),
        ("The draft came out on March 3. A week after that, the final rules followed.",
         "2021-12-03",
         [("March 3", "2021-03-03", "2021-03-03"), ("A week after that", "2021-03-10",
                                                    "2021-03-10")]),  # as "A week later"
        # "that October" after April: that year's October, though the October before is nearer
        ("In April 2019, a draft listed the trade; the final list, published that October, "
         "dropped it.", "2021-10-25",
         [("April 2019", "2019-04-01", "2019-04-30"), ("that October", "2019-10-01",
                                                       "2019-10-31")]),
        ("Last year felt like the turning point: after the meeting in April the tone changed.",
         "2023-03-01",
         [("Last year", "2022-01-01", "2022-12-31"), ("in April", "2022-04-01", "2022-04-30")]),
    ],
)  # fmt: skip
def test_chains_pick_a_date_fine_enough_and_frames_lend_their_year(text, published, expected):
    got = [(m.text, m.date_start.isoformat(), m.date_end.isoformat())
           for m in _resolve_all(text, published)]
    assert got == expected


def test_a_month_earlier_than_a_week_is_a_month():
    text = "Didi's app was pulled on July 4. A month earlier, Beijing had passed the law."
    got = [(m.text, m.date_start.isoformat(), m.date_end.isoformat(), m.precision)
           for m in _resolve_all(text, "2021-07-20")]
    assert got[-1] == ("A month earlier", "2021-06-01", "2021-06-30", "month")


def test_chained_expression_without_a_previous_date_gives_no_date():
    assert _resolve_all("Two days later, the IPO was halted.", "2021-01-14") == []


def test_chained_day_after_a_year_gives_no_fake_day():
    found = _resolve_all("In 2019 it grew. Two days later, it was fined.", "2021-01-14")
    assert [m.text for m in found] == ["In 2019"]


@pytest.mark.parametrize(
    "text",
    [
        "The rules take effect on Nov. 1.\n\nThe group launched the service in 2015 so that "
        "buyers could pay at the end of the month.",
        "The rules take effect on Nov. 1.\n\nIn 2015 it was founded, and the same day it hired "
        "its first engineers.",
    ],
)
def test_an_anaphor_after_its_sentences_own_year_takes_no_earlier_month(text):
    """"launched the service in 2015 so that buyers could pay at the end of the month": the
    month meant is one of the sentence's own year, which it does not tell; not the month of
    a date told paragraphs before."""
    found = _resolve_all(text, "2021-09-23")
    assert [m.text for m in found] == ["Nov. 1", "in 2015" if "in 2015" in text else "In 2015"]


def test_future_clause_resolves_forward():
    m = _resolve_all("The law passed in August and will take effect on Nov. 1.", "2021-08-25")
    assert [(x.text, x.date_start.isoformat()) for x in m] == [
        ("in August", "2021-08-01"),
        ("Nov. 1", "2021-11-01"),
    ]


def test_month_precision_publication_gives_no_weekday():
    anchor = Anchor(D("2022-02-01"), "month")
    text = "On Friday the regulator acted; in January it proposed rules."
    found = resolve_mentions(text, find_expressions(text), lambda _o: anchor)
    assert [m.text for m in found] == ["in January"]


@pytest.mark.parametrize(
    ("text", "date_text"),
    [
        ("regulators spent 2021 cutting the champions down to size", "2021"),  # held-out 112
        ("the campaign began 2021 with a probe", "2021"),
    ],
)
def test_bare_year_after_a_verb_of_time(text, date_text):
    m = resolve(text, D("2023-09-18"))
    assert (m.text, m.date_start, m.date_end) == (date_text, D("2021-01-01"), D("2021-12-31"))


def test_a_month_spent_doing_something_is_that_month():
    """"The regulators who spent December humbling the group": the December gone by."""
    m = resolve("The regulators who spent December humbling the group now praise it.",
                D("2021-01-13"))
    assert (m.text, m.date_start, m.date_end) == ("December", D("2020-12-01"), D("2020-12-31"))


# Phenomena blind batch 5 (tests/heldout 131-142) found missing; every sentence here is
# made up, with the publication date it resolves against.
DAY_OF_MONTH_ALONE = [
    # translated state press: "the 4th" is that day of the publication month
    ("On the 4th, the ministry summoned six platforms.", "2021-06-15", "On the 4th",
     "2021-06-04", "2021-06-04"),
    ("At a briefing on the 15th, the regulator said", "2021-06-15", "on the 15th", "2021-06-15",
     "2021-06-15"),
    ("the firms that attended the session of the 4th were told", "2021-06-15", "of the 4th",
     "2021-06-04", "2021-06-04"),
    ("On the afternoon of the 2nd, officials met the founders", "2021-06-15",
     "On the afternoon of the 2nd", "2021-06-02", "2021-06-02"),
    # a day still to come in the publication month is last month's ...
    ("On the 28th, the ministry met the firms.", "2021-06-15", "On the 28th", "2021-05-28",
     "2021-05-28"),
    # ... unless it is a deadline
    ("Firms must finish the work by the 20th.", "2021-06-15", "by the 20th", "2021-06-20",
     "2021-06-20"),
]


@pytest.mark.parametrize(("text", "published", "date_text", "start", "end"), DAY_OF_MONTH_ALONE)
def test_a_day_of_the_month_alone_is_in_the_publication_month(text, published, date_text,
                                                              start, end):
    mention = resolve(text, D(published))
    assert mention is not None, f"no date found in {text!r}"
    assert (mention.text, mention.date_start, mention.date_end, mention.precision) == (
        date_text, D(start), D(end), "day")


@pytest.mark.parametrize(
    "text",
    ["delegates to the 19th Party Congress", "an office on the 9th floor",
     "to mark the 5th anniversary of the law", "of the 20th century"],
)
def test_an_ordinal_that_names_something_is_not_a_day(text):
    assert resolve(text, D("2021-06-15")) is None


@pytest.mark.parametrize(
    ("text", "published", "date_text", "start", "end", "precision"),
    [
        # the table says which order it uses, or a day above 12 shows it
        ("Dates are day/month/year.\n03/05/2021  Alibaba  fined", "2021-06-01", "03/05/2021",
         "2021-05-03", "2021-05-03", "day"),
        ("25/11/2020  Tencent\n04/02/2021  Baidu", "2021-06-01", "04/02/2021", "2021-02-04",
         "2021-02-04", "day"),
        ("11/25/2020  Tencent\n04/02/2021  Baidu", "2021-06-01", "04/02/2021", "2021-04-02",
         "2021-04-02", "day"),
        ("06/06/2021  Meituan", "2021-07-01", "06/06/2021", "2021-06-06", "2021-06-06", "day"),
        # no sign of the order: a reading after publication is not meant ...
        ("05/07/2021  Didi", "2021-06-01", "05/07/2021", "2021-05-07", "2021-05-07", "day"),
        # ... and where both readings are possible, no day is claimed
        ("04/02/2021  Baidu", "2021-06-01", "04/02/2021", "2021-02-04", "2021-04-02", "vague"),
    ],
)
def test_slashed_dates_follow_the_order_the_text_shows(text, published, date_text, start, end,
                                                       precision):
    m = _resolve_all(text, published)[-1]
    assert (m.text, m.date_start, m.date_end, m.precision) == (
        date_text, D(start), D(end), precision)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # the weekend of a day: its Saturday and Sunday
        ("Then came the weekend of March 6, and by the following Tuesday the stock had halved.",
         "2021-04-01", [("the weekend of March 6", "2021-03-06", "2021-03-07"),
                        ("the following Tuesday", "2021-03-09", "2021-03-09")]),
        # with no day just mentioned, the weekday as it stands
        ("Regulators met in March, and the following Tuesday the firm apologised.",
         "2021-04-01", [("in March", "2021-03-01", "2021-03-31"),
                        ("the following Tuesday", "2021-03-30", "2021-03-30")]),
        ("Trading stopped over the weekend of 13 March.", "2021-04-01",
         [("the weekend of 13 March", "2021-03-13", "2021-03-14")]),
        # "last" with the weekday of publication is a week back
        ("Last Wednesday the bureau opened; three days later it fined two firms.", "2021-06-16",
         [("Last Wednesday", "2021-06-09", "2021-06-09"),
          ("three days later", "2021-06-12", "2021-06-12")]),
    ],
)  # fmt: skip
def test_weekends_and_weekdays_counted_from_a_day(text, published, expected):
    got = [(m.text, m.date_start.isoformat(), m.date_end.isoformat())
           for m in _resolve_all(text, published)]
    assert got == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # "Same day" opening a sentence, counted from a narrated day, not from today
        ("Officials met yesterday, and the results come out today. Same day, a second agency "
         "issued draft rules.", "2021-06-16",
         [("yesterday", "2021-06-15", "2021-06-15"), ("today", "2021-06-16", "2021-06-16"),
          ("Same day", "2021-06-15", "2021-06-15")]),
        # "N days after <something> on <date>": counted from the date that follows
        ("Three days after its debut on March 10, the company was summoned.", "2021-04-01",
         [("Three days after", "2021-03-13", "2021-03-13"), ("March 10", "2021-03-10",
                                                             "2021-03-10")]),
        # (the debut, two days before the summons: counted back from May 3)
        ("It was summoned on May 3, two days after its debut in New York.", "2021-06-01",
         [("May 3", "2021-05-03", "2021-05-03"), ("two days after", "2021-05-01", "2021-05-01")]),
        ("It was halted less than two weeks after a speech on Oct. 24.", "2021-06-01",
         [("Oct. 24", "2020-10-24", "2020-10-24")]),
        # "earlier this month": from the 1st to the day before publication
        ("The ministry said earlier this month that apps would be checked.", "2021-06-16",
         [("earlier this month", "2021-06-01", "2021-06-15")]),
        # a month opening its sentence
        ("July brought new rules.", "2021-09-01", [("July", "2021-07-01", "2021-07-31")]),
        ("September was the worst month for the index.", "2021-10-05",
         [("September", "2021-09-01", "2021-09-30")]),
        # "of the same year" joins its month; "the previous year's sales" is no date
        ("Tencent was warned on 3 May 2021 and Baidu in November of the same year.",
         "2022-06-27", [("3 May 2021", "2021-05-03", "2021-05-03"),
                        ("in November of the same year", "2021-11-01", "2021-11-30")]),
        ("It was fined on 3 May, up to 5% of the previous year's revenue.", "2021-06-01",
         [("3 May", "2021-05-03", "2021-05-03")]),
    ],
)  # fmt: skip
def test_chains_and_relative_days_blind_batch_5_showed(text, published, expected):
    got = [(m.text, m.date_start.isoformat(), m.date_end.isoformat())
           for m in _resolve_all(text, published)]
    assert got == expected


def test_a_month_opening_a_later_sentence_is_a_date():
    from data.extract import extract_text

    events = extract_text("Shares fell in June. July brought new rules.", D("2021-09-01"),
                          "t").events
    assert [(e.date_text, e.date_start.isoformat()) for e in events] == [
        ("in June", "2021-06-01"), ("July", "2021-07-01")]


def test_that_monday_is_the_monday_nearest_the_day_last_told():
    """A book's story: "On Saturday, July 10, 2021, the regulator blocked the merger. ... The
    law took effect in 2008. \n\n The board ended the deal that Monday": July 12, 2021 (the
    day last told, not the year told after it, nor the writer's own week)."""
    from data.extract import extract_text

    text = ("On Saturday, July 10, 2021, the regulator blocked the merger, one of few since the "
            "law took effect in 2008.\n\nThe board ended the deal that Monday.")
    events = extract_text(text, D("2023-06-10"), "t").events
    assert [(e.date_text, e.date_start.isoformat()) for e in events][-1] == (
        "that Monday", "2021-07-12")


def test_the_same_day_is_not_the_end_of_a_period_just_told():
    """"released a draft on 22 December 2023 for comment until 22 January 2024. ... The same
    day, shares fell": the draft's day, not the comment period's end (blind batch 18)."""
    from data.extract import extract_text

    text = ("On December 22, 2023, the agency released draft rules for public comment until "
            "January 22, 2024. The draft would ban log-in rewards. The same day, the shares of "
            "two publishers fell. The next day, the agency said it would study the comments.")
    events = extract_text(text, D("2025-04-29"), "t").events
    got = {e.date_text: e.date_start.isoformat() for e in events}
    assert (got["The same day"], got["The next day"]) == ("2023-12-22", "2023-12-23")


def test_the_same_day_is_the_day_of_the_thing_it_names():
    from data.extract import extract_text

    text = ("The regulator held a briefing on June 7. Separately, rules were published on "
            "June 1. Responding to the briefing, the platform spoke on the same day.")
    events = extract_text(text, D("2021-06-20"), "t").events
    assert [(e.date_text, e.date_start.isoformat()) for e in events][-1] == (
        "the same day", "2021-06-07")


@pytest.mark.parametrize(
    ("last", "day"),
    [
        # "the day before it withdrew": the day before the date of the sentence that told it
        ("The day before it withdrew, the unit folded two businesses into itself.",
         ("The day before it withdrew", "2021-03-29")),
        ("The week after they withdrew, a rival filed.", ("The week after they withdrew",
                                                          "2021-04-06")),  # as "the week after the hearing"
        # a deed no dated sentence told: no day, not the day of the date told last
        ("The day before it resigned, the chairman sold shares.", None),
    ],
)
def test_the_day_before_it_did_something_counts_from_the_day_that_was_told(last, day):
    from data.extract import extract_text

    text = ("The unit withdrew its listing application on Tuesday. The exchange ended its "
            "review two days later. It had accepted the application on Sept. 11 last year.\n\n"
            + last)
    events = extract_text(text, D("2021-04-02"), "t").events
    got = [(e.date_text, e.date_start.isoformat()) for e in events if e.quote == last]
    assert got == ([day] if day else [])


@pytest.mark.parametrize(
    ("text", "published", "date_text", "start", "end"),
    [
        ("A ruling is expected on Monday.", "2021-06-16", "on Monday", "2021-06-21",
         "2021-06-21"),
        ("Submissions are due by 3 July.", "2021-06-16", "3 July", "2021-07-03", "2021-07-03"),
        ("The firms had been told to finish the work by June 25.", "2021-06-16", "June 25",
         "2021-06-25", "2021-06-25"),
        ("Exchanges close early on Friday for the holiday.", "2021-06-16", "on Friday",
         "2021-06-18", "2021-06-18"),
        ("What the new rules change on 1 September", "2021-07-20", "1 September", "2021-09-01",
         "2021-09-01"),
        ("Amended rules explained: what changes on 1 September", "2021-07-20", "1 September",
         "2021-09-01", "2021-09-01"),
        ("The founder, who turns 60 in October, said nothing.", "2023-03-29", "in October",
         "2023-10-01", "2023-10-31"),
        # told in the past, a close is the one before
        ("Shares closed 3% lower on Friday.", "2021-06-16", "on Friday", "2021-06-11",
         "2021-06-11"),
        ("Shares close 3% lower on Friday, traders said.", "2021-06-16", "on Friday",
         "2021-06-11", "2021-06-11"),
        ("Analysts said markets open on Monday with losses.", "2021-06-16", "on Monday",
         "2021-06-14", "2021-06-14"),
    ],
)
def test_a_date_still_to_come_is_read_forward(text, published, date_text, start, end):
    mention = resolve(text, D(published))
    assert (mention.text, mention.date_start, mention.date_end) == (date_text, D(start), D(end))


@pytest.mark.parametrize(
    "text",
    ["The group's fiscal year ends on 30 June.", "Its financial year ending 31 March is used."],
)
def test_a_fiscal_year_end_is_no_date(text):
    assert resolve(text, D("2021-08-01")) is None


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a bracketed date after a quoted title, or after a page or source, cites a text
        ('Your column "Platforms after the storm" (March 3) was too gloomy.', "2022-03-10", []),
        ("Ms Chen (Letters, March 1) disagrees, and so do I.", "2022-03-10", []),
        # a time set against now is no date: "why now rather than 10 years ago"
        ("It explains why this happens now rather than five or 10 years ago.", "2021-08-11", []),
        # the outlet's own earlier piece, cited by its date
        ("References: see also our note of 12 April 2021 on the decision.", "2023-12-29", []),
        ("As our report of March 3 argued, the fine was light.", "2022-03-10", []),
        # a quoted phrase, not a title, may be dated
        ('The state took a "golden share" (January 2022) in the unit.', "2022-03-10",
         [("January 2022", "2022-01-01", "2022-01-31")]),
        # a bracketed date restating the day of an event stays that event's date
        ("The regulator fined it on Friday (March 4).", "2022-03-10",
         [("on Friday (March 4)", "2022-03-04", "2022-03-04")]),
        # a title's span of years closing its sentence dates the book
        ("Regulating the Giants: Beijing and Its Platforms, 2019-2022. By A. Writer.",
         "2023-01-05", []),
        ("Output rose in the years 2019-2022.", "2023-01-05",
         [("2019-2022", "2019-01-01", "2022-12-31")]),
    ],
)  # fmt: skip
def test_citations_and_title_year_spans_are_not_events(text, published, expected):
    got = [(m.text, m.date_start.isoformat(), m.date_end.isoformat())
           for m in _resolve_all(text, published)]
    assert got == expected


def _extract_dates(text, published):
    from data.extract import extract_text

    return [(e.date_text, e.date_start.isoformat(), e.date_end.isoformat())
            for e in extract_text(text, D(published), "t").events]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a weekday before a date says which year's such day is meant: here the coming one
        ("Tue 2 Aug -- The draft rules are due.", "2022-07-20",
         [("Tue 2 Aug", "2022-08-02", "2022-08-02")]),
        ("The hearing falls on Friday, September 2, traders say.", "2022-07-20",
         [("Friday, September 2", "2022-09-02", "2022-09-02")]),
        # and the one gone by, where that is the year the weekday fits
        ("Shares fell on Monday, July 4, when the review began.", "2022-07-20",
         [("Monday, July 4", "2022-07-04", "2022-07-04")]),
        # a year that frames the sentence still frames it: the weekday then picks the day
        ("In 2019, on Monday, June 3, the regulator met the founders.", "2023-05-10",
         [("In 2019", "2019-01-01", "2019-12-31"), ("Monday, June 3", "2019-06-03", "2019-06-03")]),
        # two weekday-led days joined by "to" are one span; weekdays that follow one another,
        # joined by "and", too (at the head of an item, and in prose since blind 17's list
        # read "on Monday and Tuesday of this week" as one stretch); days apart stay two
        ("Mon 5 Sep to Wed 7 Sep -- A forum on platform rules.", "2022-08-26",
         [("Mon 5 Sep to Wed 7 Sep", "2022-09-05", "2022-09-07")]),
        ("Thursday and Friday: the index fell each day.", "2022-08-27",
         [("Thursday and Friday", "2022-08-25", "2022-08-26")]),
        ("The index fell on Monday and Thursday.", "2022-08-27",
         [("on Monday", "2022-08-22", "2022-08-22"), ("Thursday", "2022-08-25", "2022-08-25")]),
        ("The index fell on Thursday and Friday.", "2022-08-27",
         [("on Thursday and Friday", "2022-08-25", "2022-08-26")]),
        # a holiday that names the day just given is that day, not another event
        ("Fri 11 Nov -- Singles' Day. The shopping festival starts at midnight.", "2022-10-28",
         [("Fri 11 Nov", "2022-11-11", "2022-11-11")]),
    ],
)  # fmt: skip
def test_a_weekday_before_a_date_fixes_its_year(text, published, expected):
    assert _extract_dates(text, published) == expected


def test_paragraph_headings_of_a_calendar_follow_one_another():
    text = ("THE MONTH AHEAD\n\nTue 15 Nov -- Tencent reports results.\n\n"
            "Wed 16 Nov -- JD.com reports results, its first since a fine on October 3.\n\n"
            "Late Nov (tbc) -- Meituan reports results.")
    assert _extract_dates(text, "2022-10-28") == [
        ("Tue 15 Nov", "2022-11-15", "2022-11-15"), ("Wed 16 Nov", "2022-11-16", "2022-11-16"),
        ("October 3", "2022-10-03", "2022-10-03"), ("Late Nov", "2022-11-21", "2022-11-30")]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # "I'll" and the writer's own plan told in the present look ahead
        ("I'll call the bank on Tuesday and sell.", "2022-05-13",
         [("on Tuesday", "2022-05-17", "2022-05-17")]),
        ("We are away on Friday and back on January 3.", "2022-12-28",
         [("on Friday", "2022-12-30", "2022-12-30"), ("January 3", "2023-01-03", "2023-01-03")]),
        # ... but not where the clause is told in the past, nor after "since"
        ("We are pleased that on Tuesday the regulator approved it.", "2022-05-13",
         [("on Tuesday", "2022-05-10", "2022-05-10")]),
        # results told in the present are a timetable; a news agency's "reports" is not
        ("JD.com reports its second-quarter results on Tuesday.", "2022-08-19",
         [("on Tuesday", "2022-08-23", "2022-08-23")]),
        ("The agency reports that regulators met on Tuesday.", "2022-08-19",
         [("on Tuesday", "2022-08-16", "2022-08-16")]),
        ("We are seeing weaker demand in March, the chief executive said.", "2022-04-20",
         [("in March", "2022-03-01", "2022-03-31")]),
        ("I am flying to Shanghai on Monday.", "2022-05-13",
         [("on Monday", "2022-05-16", "2022-05-16")]),
        ("We are seeing more orders since Tuesday.", "2022-05-13",
         [("Tuesday", "2022-05-10", "2022-05-10")]),
        # a weekday of a week named
        ("On Thursday of last week the bureau fined it.", "2022-05-13",
         [("On Thursday of last week", "2022-05-05", "2022-05-05")]),
        ("The hearing is on Monday of next week.", "2022-05-13",
         [("on Monday of next week", "2022-05-16", "2022-05-16")]),
        # "the Friday ..." names the day just told when it falls on a Friday
        ("The rules came out on 6 August 2021, and the Friday rout was the worst in years.",
         "2022-11-20", [("6 August 2021", "2021-08-06", "2021-08-06"),
                        ("Friday", "2021-08-06", "2021-08-06")]),
        # a quarter naming results, beside the day they come out, is no event
        ("JD.com will publish its second-quarter results in August.", "2022-07-01",
         [("in August", "2022-08-01", "2022-08-31")]),
        ("Its second-quarter revenue rose 5% on the year.", "2022-09-01",
         [("second-quarter", "2022-04-01", "2022-06-30")]),
        # results already out keep their quarter
        ("Its second-quarter results, out on Wednesday, beat forecasts.", "2022-08-12",
         [("second-quarter", "2022-04-01", "2022-06-30"), ("on Wednesday", "2022-08-10",
                                                            "2022-08-10")]),
    ],
)  # fmt: skip
def test_plans_weeks_named_and_labels(text, published, expected):
    assert _extract_dates(text, published) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a sentence told from the writer's day does not take the story of the one before
        ("Approvals resumed in April 2022. Separately, today it published its December list.",
         "2023-12-22", [("April 2022", "2022-04-01", "2022-04-30"), ("today", "2023-12-22",
                                                                     "2023-12-22"),
                        ("December", "2023-12-01", "2023-12-31")]),
        # told in order, a story moves forward: a day after it, not a year back
        ("It listed on June 30 last year. On July 4 its app was pulled. Shareholders voted "
         "on May 20 to leave New York.", "2022-07-21",
         [("June 30 last year", "2021-06-30", "2021-06-30"), ("July 4", "2021-07-04",
                                                               "2021-07-04"),
          ("May 20", "2022-05-20", "2022-05-20")]),
        # a sentence told from the writer's day still takes the story forward
        ("It listed on June 30 last year. On Monday, the regulator said its review, opened on "
         "July 2, was over.", "2022-07-25",
         [("June 30 last year", "2021-06-30", "2021-06-30"), ("On Monday", "2022-07-25",
                                                               "2022-07-25"),
          ("July 2", "2021-07-02", "2021-07-02")]),
        # a default reading years past the story is no step forward: the story holds
        ("The IPO was halted on Nov. 3, 2020. Most of us read the speech in October as a show.",
         "2023-07-10", [("Nov. 3, 2020", "2020-11-03", "2020-11-03"),
                        ("in October", "2020-10-01", "2020-10-31")]),
        # ... unless the sentence looks back
        ("It listed on June 30 last year. On July 4 its app was pulled. It had been warned "
         "on May 20 not to list.", "2022-07-21",
         [("June 30 last year", "2021-06-30", "2021-06-30"), ("July 4", "2021-07-04",
                                                               "2021-07-04"),
          ("May 20", "2021-05-20", "2021-05-20")]),
    ],
)  # fmt: skip
def test_the_story_year_stays_with_the_story(text, published, expected):
    assert [(t, a, b) for t, a, b in _extract_dates(text, published)] == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a year after "of" and a common noun dates; after a name it is part of the name
        ("It felt like a replay of the panic of 2015 for the whole market.", "2023-12-22",
         [("2015", "2015-01-01", "2015-12-31")]),
        ("The rules rest on the Securities Act of 1933 and nothing newer.", "2023-12-22", []),
        ("Under Order No. 4 of 2021, platforms had to register.", "2023-12-22", []),
        # a year remembered frames its clause
        ("Anyone who recalls 2020 will know the index peaked in July.", "2023-01-17",
         [("2020", "2020-01-01", "2020-12-31"), ("in July", "2020-07-01", "2020-07-31")]),
        # years that follow one another, joined by "and": one span; apart they stay two
        ("The firm hid income in 2018 and 2019, the bureau said.", "2021-12-25",
         [("in 2018 and 2019", "2018-01-01", "2019-12-31")]),
        ("The firm hid income in 2016 and 2019, the bureau said.", "2021-12-25",
         [("in 2016", "2016-01-01", "2016-12-31"), ("2019", "2019-01-01", "2019-12-31")]),
    ],
)  # fmt: skip
def test_years_named_by_of_remembered_and_joined(text, published, expected):
    assert _extract_dates(text, published) == expected


def test_a_chronology_line_opens_with_its_year():
    text = "History\n\n2012 – The app launched in Shanghai.\n\n2015 – A first fund-raising round."
    assert _extract_dates(text, "2023-01-16") == [("2012", "2012-01-01", "2012-12-31"),
                                                  ("2015", "2015-01-01", "2015-12-31")]


def test_an_access_date_in_a_reference_is_no_event():
    assert _extract_dates("Company notice on the review, accessed 3 May 2021, p. 2.",
                          "2022-01-05") == []


def test_headings_of_a_list_of_the_past_keep_their_own_reading():
    text = "THE YEAR IN REVIEW\n\nJan 3 -- A fine for a platform.\n\nDec 28 -- New draft rules."
    assert _extract_dates(text, "2022-01-05") == [("Jan 3", "2022-01-03", "2022-01-03"),
                                                  ("Dec 28", "2021-12-28", "2021-12-28")]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a sentence under a label of what is coming lists dates still to come
        ("Coming up: Tencent on November 10, Alibaba on November 18.", "2021-10-29",
         [("November 10", "2021-11-10", "2021-11-10"), ("November 18", "2021-11-18",
                                                         "2021-11-18")]),
        ("The week ahead: the plenum opens on Monday.", "2021-11-06",
         [("on Monday", "2021-11-08", "2021-11-08")]),
        # ... but a clause told in the past under it stays in the past
        ("Coming up: the results, after a fine on October 8 knocked the shares.", "2021-10-29",
         [("October 8", "2021-10-08", "2021-10-08")]),
    ],
)  # fmt: skip
def test_a_label_of_what_is_coming_reads_its_dates_ahead(text, published, expected):
    assert _extract_dates(text, published) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a day read ahead once is the same day when the article names it again without a
        # year (2025 tariff coverage, published on a Wednesday)
        ("China plans to enact tariffs on US coal on Feb. 10. Talks could still delay the "
         "Feb. 10 levies, analysts said.", date(2025, 2, 5),
         [("Feb. 10", "2025-02-10"), ("Feb. 10", "2025-02-10")]),
        # a day told in the past first stays in the past when named again
        ("The rules took effect on March 1. Firms had until March 1 to comply.",
         date(2025, 2, 5), [("March 1", "2024-03-01"), ("March 1", "2024-03-01")]),
        # a year stated says which
        ("The law takes effect on May 20. It was drafted after May 20, 2024.",
         date(2025, 5, 1), [("May 20", "2025-05-20"), ("May 20, 2024", "2024-05-20")]),
    ],
)  # fmt: skip
def test_a_day_read_ahead_is_the_same_day_named_again(text, published, expected):
    from data.extract import extract_text

    events = extract_text(text, published).events
    assert [(e.date_text, e.date_start.isoformat()) for e in events] == expected


def test_a_month_that_year_is_one_date_in_the_year_just_mentioned():
    from data.extract import extract_text

    text = ("In March 2023, the group said it would split. In November that year it dropped "
            "plans to spin off the cloud unit.")
    events = extract_text(text, date(2025, 3, 10)).events
    assert [(e.date_text, e.date_start.isoformat(), e.date_end.isoformat()) for e in events] == [
        ("March 2023", "2023-03-01", "2023-03-31"),
        ("In November that year", "2023-11-01", "2023-11-30"),
    ]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # part of the year or month just mentioned (blind batch 9)
        ("Its reputation rests on the mergers of 2015: two rivals combined early that year.",
         date(2023, 2, 17), ("early that year", "2015-01-01", "2015-04-30")),
        ("In August 2021 the regulator capped play. By the end of that month, the rules were "
         "in force.", date(2023, 12, 28), ("the end of that month", "2021-08-21", "2021-08-31")),
    ],
)  # fmt: skip
def test_part_of_the_year_or_month_just_mentioned(text, published, expected):
    from data.extract import extract_text

    events = extract_text(text, published).events
    assert (events[-1].date_text, events[-1].date_start.isoformat(),
            events[-1].date_end.isoformat()) == expected


def test_a_relative_date_restated_by_its_day_is_one_event():
    # "A week later, on Jan. 27": one day told twice, one event (blind batch 8 on the
    # dashboard showed two rows)
    from data.extract import extract_text

    text = ("The model came out on Jan. 20. A week later, on Jan. 27, the chipmaker lost "
            "nearly $600 billion of market value.")
    events = extract_text(text, date(2025, 2, 18)).events
    assert [(e.date_start.isoformat(), e.date_end.isoformat()) for e in events] == [
        ("2025-01-20", "2025-01-20"), ("2025-01-27", "2025-01-27")]
    assert "Jan. 27" in events[1].date_text
    # "on March 31, the same day Japan said …": the same day tells another thing
    text = "The review was announced on March 31, the same day Japan said it would curb exports."
    assert len(extract_text(text, date(2023, 5, 22)).events) == 2


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a past act "that afternoon" is not the comment deadline still to come that the
        # sentence before ended on: it is the last day already gone (published on a Thursday)
        ("Regulators issued draft rules last Friday. Comments are due by Feb. 3. Shares of "
         "the game makers lost a fifth that afternoon.", "2023-12-28",
         ("that afternoon", "2023-12-22")),
        ("The agency fined the firm on Monday and set a deadline of Jan. 9. On the same day, "
         "its shares fell 8%.", "2023-12-28", ("the same day", "2023-12-25")),
        # told in the future, the coming day is meant
        ("The rules take effect on Jan. 9. That morning, the platforms will switch off the "
         "feature.", "2023-12-28", ("That morning", "2024-01-09")),
    ],
)  # fmt: skip
def test_a_past_act_the_same_day_is_not_a_day_still_to_come(text, published, expected):
    got = [(m.text, m.date_start.isoformat()) for m in _resolve_all(text, published)]
    assert got[-1] == expected


@pytest.mark.parametrize(
    ("text", "date_text", "day"),
    [
        # a deadline's day without a year is the one nearest the writer, as "by Jan. 9"
        ("The agency set a deadline of Jan. 9 for the changes.", "Jan. 9", "2024-01-09"),
        ("Comments are due Feb. 3, the notice said.", "Feb. 3", "2024-02-03"),
        ("The deadline is Jan. 15.", "Jan. 15", "2024-01-15"),
        ("The deadline was Dec. 15, and the firm met it.", "Dec. 15", "2023-12-15"),
    ],
)  # fmt: skip
def test_a_deadline_day_is_the_one_nearest_the_writer(text, date_text, day):
    found = {m.text: m.date_start.isoformat() for m in _resolve_all(text, "2023-12-28")}
    assert found[date_text] == day


def _event_days(text: str, published: str) -> dict[str, tuple[str, str]]:
    from data.extract import extract_text

    return {e.date_text: (e.date_start.isoformat(), e.date_end.isoformat())
            for e in extract_text(text, D(published), "t").events}


@pytest.mark.parametrize(
    ("text", "published", "date_text", "interval"),
    [
        # "on the Friday": the Friday of the story's week, not the one before the writer
        ("By July 22 the shares had lost half their value. When the draft leaked on the "
         "Friday, they fell again.", "2022-01-15", "Friday", ("2021-07-23", "2021-07-23")),
        ("The regulator met the firms on March 9. On the Thursday, two of them cut prices.",
         "2022-06-01", "Thursday", ("2022-03-10", "2022-03-10")),
        # a festival or a decision still to come, told in the present or as "due on"
        ("Alibaba's shopping festival ends on Tuesday.", "2025-11-10", "on Tuesday",
         ("2025-11-11", "2025-11-11")),
        ("Investors await the central bank's decision due on Wednesday.", "2021-07-27",
         "on Wednesday", ("2021-07-28", "2021-07-28")),
        ("The decision was due on Wednesday but never came.", "2021-07-27", "on Wednesday",
         ("2021-07-21", "2021-07-21")),
        # "over 2021": the year
        ("The firm's market value fell by 90% over 2021, its founder wrote.", "2022-01-15",
         "over 2021", ("2021-01-01", "2021-12-31")),
        # the end of a reporting period is no day a later "the same evening" counts from
        ("The company told the exchange on Monday that results for the six months to "
         "November 30 would come in late January. Its founder wrote again the same evening.",
         "2022-01-15", "the same evening", ("2022-01-10", "2022-01-10")),
    ],
)  # fmt: skip
def test_story_days_and_days_to_come(text, published, date_text, interval):
    assert _event_days(text, published)[date_text] == interval


@pytest.mark.parametrize(
    ("text", "published", "not_dates"),
    [
        # a legal maximum's base is no date
        ("The regulator ruled on Monday. A company found in breach can be fined up to 10% of "
         "its sales in the previous year.", "2025-09-16", ["the previous year"]),
        ("The probe opened in 2024. Fines can reach 4% of turnover in the preceding year, the "
         "law says.", "2025-09-16", ["the preceding year"]),
        # a festival's name before "festival" names the festival, not its day
        ("Tencent said the Singles' Day shopping festival would be quieter.", "2025-11-10",
         ["Singles' Day"]),
        # "the Christmas holidays": a season, not the day itself
        ("On Wednesday, NetEase shares surged as markets returned from the Christmas holidays.",
         "2023-12-27", ["Christmas"]),
        # a fiscal year's bounds told in the present recur every year: no date
        ("TAL will report results for the first quarter of its fiscal year, which starts in "
         "March, on Thursday.", "2021-08-03", ["in March"]),
        ("Alibaba's financial year ends in March, so the fine fell in its fourth quarter.",
         "2021-05-13", ["in March"]),
    ],
)  # fmt: skip
def test_names_and_legal_bases_are_no_dates(text, published, not_dates):
    got = _event_days(text, published)
    assert not [d for d in not_dates if d in got]


@pytest.mark.parametrize(
    ("text", "published", "date_text", "day"),
    [
        # a day written with no space after the month's full stop
        ("The licensing regime came into effect on Aug.1.", "2025-10-20", "Aug.1", "2025-08-01"),
        # a plan told before a clause of its own in the past: the clause's day is gone
        ("Ant had announced plans to apply for a licence once the regime came into effect on "
         "Aug. 1.", "2025-10-20", "Aug. 1", "2025-08-01"),
        # a plan's own condition with no verb of its own stays ahead
        ("The rules will apply to deals signed before Nov. 1.", "2025-10-20", "Nov. 1",
         "2025-11-01"),
        ("Fines will rise when the amended law takes effect on Nov. 1.", "2025-10-20", "Nov. 1",
         "2025-11-01"),
    ],
)  # fmt: skip
def test_a_past_clause_inside_a_plan_is_past(text, published, date_text, day):
    got = {e: s[0] for e, s in _event_days(text, published).items()}
    assert got[date_text] == day


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # "earlier this year": New Year's Day to the day before; "later this year": the day
        # after to the year's end (as "earlier this month")
        ("The shares have tumbled since their peak earlier this year.", "2021-05-10",
         ("earlier this year", "2021-01-01", "2021-05-09", "part-of-year")),
        ("Earlier this year, regulators fined the firm.", "2021-05-10",
         ("Earlier this year", "2021-01-01", "2021-05-09", "part-of-year")),
        ("The rules will take effect later this year.", "2021-05-10",
         ("later this year", "2021-05-11", "2021-12-31", "part-of-year")),
    ],
)  # fmt: skip
def test_earlier_and_later_this_year(text, published, expected):
    got = [(m.text, m.date_start.isoformat(), m.date_end.isoformat(), m.precision)
           for m in _resolve_all(text, published)]
    assert got == [expected]


def test_today_is_today_after_the_same_day_next_year_was_named():
    """A day read ahead ("until Nov. 10, 2026") is the day a later "Nov. 10" means; "today",
    published on Nov. 10, 2025, is still today."""
    got = _event_days("The truce runs until Nov. 10, 2026. The lower tariff applies from today.",
                      "2025-11-10")
    assert got["today"] == ("2025-11-10", "2025-11-10")
    got = _event_days("The truce runs until Nov. 10, 2026. The Nov. 10 deadline worries "
                      "exporters.", "2025-11-20")
    assert got["Nov. 10"] == ("2026-11-10", "2026-11-10")


@pytest.mark.parametrize(
    ("text", "date_text", "expected"),
    [
        # counted from the day just told that "that deadline" names
        ("The ban was due on Jan. 19, 2025. The court upheld the law two days before that "
         "deadline.", "two days before that deadline", ("2025-01-17", "2025-01-17")),
        ("Lawmakers voted on March 13, 2024. A week after that vote, the firm sued.",
         "A week after that vote", ("2024-03-20", "2024-03-20")),
        # "18 months after the order" restates a span beside the sentence's own date
        ("On 16 Jan, Didi resumed registering users, 18 months after the order to stop.",
         "18 months after the order", None),
    ],
)  # fmt: skip
def test_counted_from_that_deadline(text, date_text, expected):
    got = _event_days(text, "2026-01-24")
    assert got.get(date_text) == expected


def test_a_date_in_an_other_time_clause_sets_no_story_year():
    """"… expected before the listing was halted in November 2020": a date of a "before"
    clause is no story the next sentence's bare month continues."""
    got = _event_days("That is a quarter of the $300 billion investors expected before the "
                      "listing was halted in November 2020. The partnerships through which Ma "
                      "controlled Ant until he gave it up in January said they would not take "
                      "part.", "2023-07-14")
    assert got["in January"] == ("2023-01-01", "2023-01-31")
    # a story told in the main clause still carries its year
    got = _event_days("The listing was halted in November 2020. In January, the founder "
                      "vanished.", "2023-07-14")
    assert got["In January"] == ("2021-01-01", "2021-01-31")


@pytest.mark.parametrize(
    ("text", "published", "date_text", "day"),
    [
        # the close a move is measured from is the one before the move's day, even when the
        # piece is published on that weekday
        ("Nvidia fell on Monday. It closed down 17% from Friday's close of $142.62.",
         "2025-01-31", "Friday", "2025-01-24"),
        ("The index fell on Tuesday, taking its slide since Thursday's close past 9%.",
         "2021-07-27", "Thursday", "2021-07-22"),
    ],
)  # fmt: skip
def test_the_close_a_move_is_measured_from_comes_before_the_move(text, published, date_text,
                                                                 day):
    assert _event_days(text, published)[date_text][0] == day


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a day "that year": one date, in the year just mentioned
        ("The probe opened in March 2019. SAMR fined Meituan on August 31 that year.",
         "2025-10-15", [("March 2019", "2019-03-01", "2019-03-31"),
                        ("August 31 that year", "2019-08-31", "2019-08-31")]),
        ("The probe opened in 2019. The rules took effect on 1 July the same year.",
         "2025-10-15", [("in 2019", "2019-01-01", "2019-12-31"),
                        ("1 July the same year", "2019-07-01", "2019-07-01")]),
        # the items of a list share the year its last item states
        ("SAMR fined Alibaba in April, Tencent in July and Meituan in October 2021.",
         "2025-10-15", [("in April", "2021-04-01", "2021-04-30"),
                        ("in July", "2021-07-01", "2021-07-31"),
                        ("October 2021", "2021-10-01", "2021-10-31")]),
        ("Regulators summoned Didi on July 2, Full Truck Alliance on July 5 and Kanzhun on "
         "July 9, 2021.", "2024-03-01", [("July 2", "2021-07-02", "2021-07-02"),
                                         ("July 5", "2021-07-05", "2021-07-05"),
                                         ("July 9, 2021", "2021-07-09", "2021-07-09")]),
        # not across a clause with its own verb: "in April" is this April
        ("SAMR fined Alibaba in April and said it had fined Meituan in October 2021.",
         "2023-10-15", [("in April", "2023-04-01", "2023-04-30"),
                        ("October 2021", "2021-10-01", "2021-10-31")]),
        # a weekday restating the day just told is no date of its own
        ("SAMR fined Meituan on Oct. 8, 2021, a Friday.", "2025-10-15",
         [("Oct. 8, 2021", "2021-10-08", "2021-10-08")]),
        ("The rules took effect on 1 July 2022 (a Friday), SAMR said.", "2025-10-15",
         [("1 July 2022", "2022-07-01", "2022-07-01")]),
        # the Lunar New Year's Day is no 1 January
        ("SAMR will question Tencent after the Lunar New Year's Day, officials said.",
         "2025-10-15", []),
        ("Offices closed for Chinese New Year's Day.", "2025-10-15", []),
        # a weekday before a day and month written with a slash: the year that weekday fits
        ("Tue 24/08 - Pinduoduo reports its first quarterly profit.", "2021-09-06",
         [("Tue 24/08", "2021-08-24", "2021-08-24")]),
        ("Mon 8/30 - the regulator summons the platforms.", "2021-09-06",
         [("Mon 8/30", "2021-08-30", "2021-08-30")]),
        # "the same day as the inquiry": the day of the inquiry told before
        ("The State Council opened an inquiry on Friday. Prices were flat on Thursday. Figures "
         "released the same day as the inquiry showed falling sales.", "2026-01-12",
         [("on Friday", "2026-01-09", "2026-01-09"), ("on Thursday", "2026-01-08", "2026-01-08"),
          ("the same day", "2026-01-09", "2026-01-09")]),
        # "X comes a day after Y": Y's day, counted back from X's day just told
        ("Alibaba said on Tuesday it would split into six units. The revamp comes a day after "
         "Jack Ma returned home.", "2023-03-31",
         [("on Tuesday", "2023-03-28", "2023-03-28"), ("a day after", "2023-03-27", "2023-03-27")]),
        ("SAMR fined Meituan on Oct. 8. The fine came two weeks after the probe closed.",
         "2021-10-12", [("Oct. 8", "2021-10-08", "2021-10-08"),
                        ("two weeks after", "2021-09-24", "2021-09-24")]),
        # with a date after it, the day it counts to ("comes two days after its listing on June
        # 30": July 2)
        ("The probe comes two days after its listing on June 30.", "2021-07-05",
         [("two days after", "2021-07-02", "2021-07-02"), ("June 30", "2021-06-30", "2021-06-30")]),
        # "on the day of the meeting": the day of the meeting told before, also as a summons
        ("On 8 September, regulators summoned Tencent. Its shares fell the following day. "
         "NetEase had lost 5% on the day of the meeting.", "2021-09-18",
         [("8 September", "2021-09-08", "2021-09-08"), ("the following day", "2021-09-09",
                                                         "2021-09-09"),
          ("the day of the meeting", "2021-09-08", "2021-09-08")]),
        # "the day after the rule was issued": the day after the rule told before; "on the
        # day of the launch", the launch told as a product opened to the public (blind 14)
        ("The ministry issued the final rule on Tuesday, 5 March. Prices fell on 7 March. Two "
         "agencies objected the day after the rule was issued.", "2024-03-20",
         [("Tuesday, 5 March", "2024-03-05", "2024-03-05"), ("7 March", "2024-03-07", "2024-03-07"),
          ("the day after the rule", "2024-03-06", "2024-03-06")]),
        ("Last Friday, Tencent opened its chatbot to all users. Its rival fell on Tuesday. "
         "Tencent rose 4% on the day of the launch.", "2023-09-20",
         [("Last Friday", "2023-09-15", "2023-09-15"), ("on Tuesday", "2023-09-19", "2023-09-19"),
          ("the day of the launch", "2023-09-15", "2023-09-15")]),
        # the thing told more dates back than a chain counts from
        ("The council opened an investigation on 2 March. "
         + " ".join(f"Prices moved on {d} March." for d in (3, 4, 5, 6, 9, 10))
         + " Figures released the same day as the inquiry showed it.", "2026-03-12",
         [("2 March", "2026-03-02", "2026-03-02"),
          *((f"{d} March", f"2026-03-{d:02d}", f"2026-03-{d:02d}") for d in (3, 4, 5, 6, 9, 10)),
          ("the same day", "2026-03-02", "2026-03-02")]),
        # "the same day as the inquiry", the inquiry told as an investigation
        ("The council opened an investigation on Friday. Prices fell on Thursday. Figures "
         "released the same day as the inquiry showed it.", "2026-01-12",
         [("on Friday", "2026-01-09", "2026-01-09"), ("on Thursday", "2026-01-08", "2026-01-08"),
          ("the same day", "2026-01-09", "2026-01-09")]),
        # blind batch 13: a weekday "each" week recurs; a comparison "from a year earlier" is
        # no date
        ("Each Saturday we condense the week's stories. SAMR fined Meituan on Friday.",
         "2021-09-18", [("on Friday", "2021-09-17", "2021-09-17")]),
        ("Tencent reported on Wednesday. Research spending was 15 billion yuan, up 36% from a "
         "year earlier.", "2022-05-19", [("on Wednesday", "2022-05-18", "2022-05-18")]),
        ("SAMR opened a probe on Dec. 24. It fined Alibaba less than four months later.",
         "2021-05-01", [("Dec. 24", "2020-12-24", "2020-12-24"),
                        ("four months later", "2021-04-01", "2021-04-30")]),
        ("Data came out on Monday. The market shrank 19% from a year earlier in November.",
         "2022-12-20", [("on Monday", "2022-12-19", "2022-12-19"),
                        ("in November", "2022-11-01", "2022-11-30")]),
        # a law that "follows on" a day: a timetable ahead
        ("The data law took effect this month and the privacy law follows on 1 November.",
         "2021-09-18", [("this month", "2021-09-01", "2021-09-30"),
                        ("1 November", "2021-11-01", "2021-11-01")]),
        # "planned to sell … on 21 November": the 21 November nearest the writer
        ("Filings showed Ma planned to sell shares on 21 November.", "2023-11-19",
         [("21 November", "2023-11-21", "2023-11-21")]),
        ("Ma planned to sell 10 million ADRs, worth about $871 million, on 21 November.",
         "2023-11-19", [("21 November", "2023-11-21", "2023-11-21")]),
        # "the September quarter": July to September
        ("Alibaba reported results for the September quarter on Thursday.", "2023-11-19",
         [("the September quarter", "2023-07-01", "2023-09-30"),
          ("on Thursday", "2023-11-16", "2023-11-16")]),
        # "came on 17 November, a day after X": X's day is the 16th
        ("The licence came on 17 November, a day after its president told analysts of delays.",
         "2023-01-03", [("17 November", "2022-11-17", "2022-11-17"),
                        ("a day after", "2022-11-16", "2022-11-16")]),
        # a state's "2020 attempt": the year of that act
        ("The Trump administration's 2020 attempt stalled in the courts.", "2023-03-24",
         [("2020", "2020-01-01", "2020-12-31")]),
        # blind batch 15: a range whose end lies after the writer's day is one interval, its
        # end the first such day after its start
        ("Regulators said that from 3 April to 30 June each new game would be checked.",
         "2023-05-10", [("from 3 April to 30 June", "2023-04-03", "2023-06-30")]),
        ("The agency said apps, from November 24 to December 31, face a review.", "2021-11-25",
         [("from November 24 to December 31", "2021-11-24", "2021-12-31")]),
        ("Sales were halted from April to June, the agency said.", "2023-05-10",
         [("from April to June", "2023-04-01", "2023-06-30")]),
        # "follows" with an object points back ("the case follows requests ... in June"),
        # unlike a timetable's "follows on 1 November"
        ("The case follows requests by the regulator in June and again on Oct. 11.",
         "2024-11-01", [("in June", "2024-06-01", "2024-06-30"),
                        ("Oct. 11", "2024-10-11", "2024-10-11")]),
        # a day "of each year" recurs: no event
        ("A firm with fewer than 10,000 users, counted from March 1 of each year, needs no "
         "review.", "2024-03-25", []),
        ("The quota resets on July 1 every year, the agency said.", "2024-03-25", []),
        # "the following spring": the season after the date before
        ("The app launched in Canada in September 2022 and reached Mexico the following spring.",
         "2024-11-01", [("September 2022", "2022-09-01", "2022-09-30"),
                        ("the following spring", "2023-03-01", "2023-05-31")]),
    ],
)  # fmt: skip
def test_list_years_that_year_days_restated_and_slashed_weekdays(text, published, expected):
    from data.extract import extract_text

    events = extract_text(text, D(published), "t").events
    assert [(e.date_text, e.date_start.isoformat(), e.date_end.isoformat())
            for e in events] == expected


@pytest.mark.parametrize(
    ("text", "published", "date_text", "interval"),
    [
        # a full stop inside a sentence ("Ltd.", "$34.5") ends no clause: "will" still governs
        ("Regulators will question Alibaba Group Holding Ltd. on Monday.", "2025-10-15",
         "on Monday", ("2025-10-20", "2025-10-20")),
        ("SAMR will review the $34.5 billion deal on Monday.", "2025-10-15", "on Monday",
         ("2025-10-20", "2025-10-20")),
        # a clause of time after a comma stands under its main clause's future
        ("Meituan will be summoned, when the bureau meets on Monday.", "2025-10-15",
         "on Monday", ("2025-10-20", "2025-10-20")),
        ("Tencent will reply, once the panel sits on Friday.", "2025-10-15", "on Friday",
         ("2025-10-17", "2025-10-17")),
        # not a clause of its own in the past
        ("Tencent will appeal, after the panel fined it on Friday.", "2025-10-15", "on Friday",
         ("2025-10-10", "2025-10-10")),
        # a plan (the noun) that "was" in trouble: the clause is told in the past
        ("Alibaba's plan to raise $5 billion was in disarray on Wednesday after SAMR fined it.",
         "2025-10-15", "on Wednesday", ("2025-10-15", "2025-10-15")),
        ("Ant's plans to list were on hold on Monday, people said.", "2025-10-15", "on Monday",
         ("2025-10-13", "2025-10-13")),
        # a day that "falls on" a date is a timetable told in the present
        ("The hearing falls on Oct. 3.", "2025-10-15", "Oct. 3", ("2026-10-03", "2026-10-03")),
        # "that Tuesday": the Tuesday of the week of the day just told
        ("The rules were published on Oct. 3. SAMR summoned Meituan that Tuesday.",
         "2025-10-15", "that Tuesday", ("2025-09-30", "2025-09-30")),
    ],
)  # fmt: skip
def test_clauses_inner_stops_plans_told_in_the_past_and_that_weekday(text, published,
                                                                       date_text, interval):
    assert _event_days(text, published)[date_text] == interval


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a quarter named in a clause of the future is the next of that number, this year's
        # or next year's (without "will", the most recent begun: see the quarter rule)
        ("The product team will ship the labels in the second quarter.", "2025-03-24",
         [("the second quarter", "2025-04-01", "2025-06-30")]),
        ("The bank will cut its rate again in the first quarter.", "2025-10-02",
         [("the first quarter", "2026-01-01", "2026-03-31")]),
        ("The shop will open in Q3.", "2024-08-15", [("Q3", "2024-07-01", "2024-09-30")]),
        # ... but a quarter's results, still to be published, are of the quarter gone by
        ("Tencent will publish its second-quarter results soon.", "2021-08-09",
         [("second-quarter", "2021-04-01", "2021-06-30")]),
        ("The firm will release second quarter earnings in a week.", "2021-08-09",
         [("second quarter", "2021-04-01", "2021-06-30")]),
        # a thing placed on a day in the present ("is on") is still to come
        ("The next forum is on 19 November.", "2024-10-08",
         [("19 November", "2024-11-19", "2024-11-19")]),
        ("The hearing is on Thursday.", "2025-03-24", [("on Thursday", "2025-03-27", "2025-03-27")]),
        ("The forum takes place on Thursday.", "2025-03-24",
         [("on Thursday", "2025-03-27", "2025-03-27")]),
        ("The forum took place on Thursday.", "2025-03-24",
         [("on Thursday", "2025-03-20", "2025-03-20")]),
        # ... as is what a present-tense clause looks "ahead of"
        ("This memo sums them up ahead of the town hall on Thursday.", "2025-03-24",
         [("on Thursday", "2025-03-27", "2025-03-27")]),
        # ... but not what a clause told in the past looked ahead of
        ("Shares rose ahead of the results on Thursday.", "2025-03-24",
         [("on Thursday", "2025-03-20", "2025-03-20")]),
    ],
)  # fmt: skip
def test_a_quarter_a_day_a_thing_is_on_and_what_comes_ahead_of_it_are_read_forward(
        text, published, expected):
    assert _extract_dates(text, published) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # the first or last months of a year, counted: a reporting period of its own
        ("Baidu's revenue was 28.4 billion yuan in the first three months of the year.",
         "2022-08-09", [("the first three months of the year", "2022-01-01", "2022-03-31",
                         "quarter")]),
        ("Sales rose 5% in the first six months of 2021.", "2022-08-09",
         [("the first six months of 2021", "2021-01-01", "2021-06-30", "part-of-year")]),
        ("Profit fell in the first nine months of this year.", "2022-11-20",
         [("the first nine months of this year", "2022-01-01", "2022-09-30", "part-of-year")]),
        ("Revenue rose in the last three months of 2021.", "2022-08-09",
         [("the last three months of 2021", "2021-10-01", "2021-12-31", "quarter")]),
        ("In the first two months of last year, the regulator fined ten firms.", "2022-05-03",
         [("the first two months of last year", "2021-01-01", "2021-02-28", "part-of-year")]),
    ],
)  # fmt: skip
def test_the_first_or_last_months_of_a_year_are_one_period(text, published, expected):
    from data.extract import extract_text

    got = [(e.date_text, e.date_start.isoformat(), e.date_end.isoformat(), e.precision)
           for e in extract_text(text, D(published), "t").events]
    assert got == expected
