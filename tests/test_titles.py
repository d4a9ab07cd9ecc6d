"""Short titles from an event's sentence (data.titles): general rules on invented sentences.

Every sentence here is written for this test, in the shapes news sentences take; none is
taken from an article of the corpus.
"""

import pytest

from data.titles import TITLE_CHARS, cap, short_title

# (sentence, date as written, expected title), grouped by the rule they exercise
CASES = {
    "leading attribution": [
        ("According to a person close to the board, the fund sold its entire stake in June.",
         "in June", "The fund sold its entire stake in June"),
        ("According to filings, the carmaker halted two factories.", "",
         "The carmaker halted two factories"),
        ("Officials familiar with the talks said that the bank would pay a smaller penalty.", "",
         "The bank would pay a smaller penalty"),
        ("Analysts said on Friday that the bureau had widened its audit of cloud providers.",
         "on Friday", "The bureau had widened its audit of cloud providers"),
        ("Two people in the capital said the fund was preparing to exit the deal.", "",
         "The fund was preparing to exit the deal"),
        ("The premier said that platforms must share their data with the state.", "",
         "The premier said that platforms must share their data with the state"),  # named
    ],
    "leading opener": [
        ("On Wednesday, the securities agency suspended trading in the shares.", "On Wednesday",
         "The securities agency suspended trading in the shares"),
        ("Three weeks later, the startup withdrew its listing application.", "Three weeks later",
         "The startup withdrew its listing application"),
        ("In a statement, the telecoms regulator ordered carriers to drop the service.", "",
         "The telecoms regulator ordered carriers to drop the service"),
        ("After a nine-month review, the commission approved the merger with conditions.", "",
         "The commission approved the merger with conditions"),
        ("However, in late spring, the province lifted its ban on ride-hailing apps.",
         "in late spring", "The province lifted its ban on ride-hailing apps"),
        ("While investors waited, the exchange delayed the debut indefinitely.", "",
         "The exchange delayed the debut indefinitely"),
        ("Last year, lawmakers passed a data security law covering all platforms.", "Last year",
         "Lawmakers passed a data security law covering all platforms"),
        ("In a briefing on Dec. 3, weeks before the vote, the council set new quotas.",
         "on Dec. 3", "The council set new quotas"),
    ],
    "asides between commas": [
        ("The chain's founder, for instance, has stepped down from every board.", "",
         "The chain's founder has stepped down from every board"),
        ("The studio was licensed, in August, as the sole publisher of the title.", "in August",
         "The studio was licensed as the sole publisher of the title"),
        ("Drivers for the app, which the group controls, were told to register again.", "",
         "Drivers for the app were told to register again"),
    ],
    "trailing attribution": [
        ("The agency plans to cap fees charged to drivers, people familiar with the matter said.",
         "", "The agency plans to cap fees charged to drivers"),
        ("The court froze the founder's assets, according to a filing seen by reporters.", "",
         "The court froze the founder's assets"),
        ("Inspectors visited the firm's offices last month, said a spokesman for the bureau.",
         "last month", "Inspectors visited the firm's offices last month"),
        ("The platform will stop selling tutoring courses, the company said in a statement.", "",
         "The platform will stop selling tutoring courses"),
        ("The cabinet, two officials said, will publish the rules before the holiday.", "",
         "The cabinet will publish the rules before the holiday"),
    ],
    "trailing clause": [
        ("The regulator fined the retailer a record sum, which it said reflected years of abuse.",
         "", "The regulator fined the retailer a record sum"),
        ("The watchdog summoned executives of six delivery apps, saying they had exploited riders.",
         "", "The watchdog summoned executives of six delivery apps"),
        ("Officials ordered the game studio to cut play time for minors; shares fell 10%.", "",
         "Officials ordered the game studio to cut play time for minors"),
        ("The ministry banned the app from stores — a first for a foreign service.", "",
         "The ministry banned the app from stores"),
    ],
    "the event's own clause": [
        ("The lender's shares sank, two days after regulators summoned its founder in May.",
         "in May", "Regulators summoned its founder in May"),
        ("Profits fell sharply in the quarter; in March, the bureau opened an antitrust case.",
         "in March", "The bureau opened an antitrust case"),
        ("The firm cut jobs, months after the agency fined it in January.", "in January",
         "The agency fined it in January"),
        ("The firm cut jobs, months after it was fined in January.", "in January",
         "The firm cut jobs"),  # "it was fined…" starts with a pronoun: the main clause stays
    ],
    "left alone": [
        ("The central bank ordered the payment app to restructure.", "",
         "The central bank ordered the payment app to restructure"),
        ("In 2019 the company listed its shares in two cities.", "In 2019",
         "In 2019 the company listed its shares in two cities"),  # no comma: no opener to cut
        ("On Monday, it said it would comply.", "On Monday",
         "On Monday, it said it would comply"),  # a pronoun subject alone says too little
        ("(Next week's topic: rules for livestream sellers.)", "Next week",
         "Next week's topic"),  # the bracket cut away is not left open
        ("“We will cooperate fully,” the company said.", "",
         "“We will cooperate fully,” the company said"),
    ],
}
ROWS = [(group, *case) for group, cases in CASES.items() for case in cases]


@pytest.mark.parametrize(
    ("group", "sentence", "date_text", "expected"), ROWS, ids=[f"{r[0]}: {r[3][:40]}" for r in ROWS]
)
def test_short_title(group, sentence, date_text, expected):
    assert short_title(sentence, date_text) == expected


def test_a_long_main_clause_is_cut_on_a_word_with_an_ellipsis():
    sentence = (
        "On Thursday, the market regulator ordered the country's largest food delivery platform"
        " to refund merchants for exclusive deals imposed over several years of rapid growth."
    )
    title = short_title(sentence, "On Thursday")
    assert title.startswith("The market regulator ordered")
    assert title.endswith("…")
    assert len(title) <= TITLE_CHARS
    assert title[:-1].lower() in sentence.lower()  # cut on a word, nothing rewritten
    assert title[:-1].split()[-1].lower() not in {"the", "of", "to", "for", "and", "a"}


def test_cap_never_ends_on_a_function_word_or_mid_word():
    assert cap("The agency opened a probe into the company and its affiliates", 46) == (
        "The agency opened a probe into the company…"
    )
    assert cap("Regulators investigated extraordinarily", 30) == "Regulators investigated…"


@pytest.mark.parametrize("junk", ["", "   ", ".", "Fined.", "“", "—", ";;"])
def test_short_or_odd_text_gives_a_title_without_error(junk):
    title = short_title(junk)
    assert isinstance(title, str)
    assert len(title) <= TITLE_CHARS


def test_titles_never_add_text():
    sentence = "According to <b>sources</b>, the bureau fined [the firm](javascript:x) in May."
    title = short_title(sentence, "in May")
    assert title == "The bureau fined [the firm](javascript:x) in May"
