"""The category of an event's sentence: cues in order of precedence (data/categories.py).
Sentences written for the tests."""

import pytest

from data.categories import category_of


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # where shares trade ("Hong Kong-listed") is not a listing; a fall is market value
        ("The insurer's Hong Kong-listed shares fell 6 per cent on Monday.", "market value"),
        ("Its U.S.-listed stock has lost a third of its value since March.", "market value"),
        # "listed" as in "named": not a listing either
        ("On the same day, the regulator listed 12 violations by the carmaker.", "regulation"),
        # a listing still is one
        ("The chipmaker listed in Shanghai in July.", "IPO and listings"),
        # a move of a stock or an index is market value, with or without the word "shares"
        ("The broker tumbled 12% on Thursday and fell further today.", "market value"),
        ("The Hang Seng Tech index has slid 15 per cent this year.", "market value"),
        ("Hong Kong tech stocks rallied yesterday and today.", "market value"),
        ("Its shares, which closed at HK$80.50 on Friday, have lost a fifth since May.",
         "market value"),
        # results are not market value
        ("The group said net profit rose 29% and revenue rose 12% in the quarter.", "other"),
        ("Its depositary shares were indicated 24% lower in early trading.", "market value"),
        ("The recruiter's shares had more than doubled since May.", "market value"),
        # a currency is not a US measure
        ("Game sales reached 278 billion yuan (about 43 billion U.S. dollars) in 2020.", "gaming"),
        ("Its sales reached 278 billion yuan (about 43 billion U.S. dollars) in 2020.", "other"),
        ("The Commerce Department added the chipmaker to a U.S. blacklist.", "US measures"),
        # a ban is a US measure unless China's state is the one banning
        ("Neither ban took effect: judges blocked both in September.", "US measures"),
        ("The rules, issued by the State Council, also ban tutoring on weekends.", "education"),
        ("The rules, issued by the State Council, also ban drinking on weekends.", "regulation"),
        ("The firm said it could resume growing after a pause during which regulators banned "
         "it from signing up customers.", "regulation"),
        ("The cyberspace authority banned the app from app stores.", "content and censorship"),
        # a summons in other words
        ("In May it called in three platforms and told them to behave.", "regulation"),
        # a city named Xi'an is not the party's leader
        ("A courier in Xi'an said orders had kept coming on Monday.", "other"),
        ("In March, Xi told delegates that platforms must serve the people.", "party control"),
        # a leader's title is not military work
        ("The president, who chairs the Central Military Commission, gave a speech on Tuesday.",
         "party control"),
        ("The drone maker supplies the military.", "national champions"),
        # the crackdown's own themes: schools, games, gig workers, pledges
        ("Regulators barred for-profit tutoring in core school subjects on Saturday.",
         "education"),
        ("The education ministry set up a department for off-campus training in June.",
         "education"),
        ("The press regulator limited minors to three hours of online games a week.", "gaming"),
        ("Game approvals resumed in April after an eight-month freeze.", "gaming"),
        ("Seven agencies told food-delivery platforms to guarantee riders a minimum wage.",
         "labour"),
        ("The ride-hailing firm was told to protect its drivers' income.", "labour"),
        ("Tencent pledged another 50 billion yuan to the programme in August.",
         "common prosperity"),
        ("Xi called for common prosperity at a committee meeting on Tuesday.",
         "common prosperity"),
        # a fine for any of them is still a fine, a fall still market value
        ("The tutoring chain was fined 250,000 yuan.", "fine"),
        ("Shares of the game maker fell 25% on Friday.", "market value"),
        ("The ADS closed at 7.80 dollars, down about 44% from the issue price.", "market value"),
        # a ban, "banned" too, by Washington; the Entity List
        ("Weeks before he left office, he banned transactions with eight Chinese apps.",
         "US measures"),
        ("The following May, the chipmaker was added to the Entity List.", "US measures"),
        ("China banned the mining of cryptocurrency in May.", "other"),
        # the US without its dots, its regulators by their initials; "us" is not the US
        ("In March, the US Securities and Exchange Commission began naming the companies.",
         "US measures"),
        ("The SEC added the carmaker to its list on Friday.", "US measures"),
        ("In April 2018, the Commerce Department barred American firms from selling parts.",
         "US measures"),
        ("On Aug. 14 he ordered the app's owner to sell its US business.", "US measures"),
        ("The founder told us in March that he would step down.", "other"),
        # headlines in the present tense, wipes and closes are market value
        ("Carmaker sinks 20% as the review widens", "market value"),
        ("Billions were wiped off the sector on Friday.", "market value"),
        ("The index closed lower on Tuesday.", "market value"),
        # a last day of trading, a debut: listings
        ("Its last day of trading in New York was June 10.", "IPO and listings"),
        ("The listing was halted two days before its shares were due to start trading.",
         "IPO and listings"),
        # idols and talent shows are content; minors' play is gaming
        ("The video site said last week it would stop making idol talent shows.",
         "content and censorship"),
        ("The administration limited under-18s to an hour of online play a day.", "gaming"),
        # a draft, a notice, an order, a crackdown: regulation
        ("Comments on the draft are due by 13 December.", "regulation"),
        ("The central bank also ordered the group to close one of its products.", "regulation"),
        ("Beijing has been cracking down on its technology companies.", "regulation"),
        # listed companies are no listing; a halt to sign-ups is regulation
        ("The company lost $21.5 billion in market value, fearing scrutiny of listed companies.",
         "market value"),
        ("On Monday, the watchdog halted new sign-ups for three more apps.", "regulation"),
        # a company's "Inc." does not cut its shares off their fall
        ("Shares in Zhangmen Education Inc. plunged by 47 percent in Hong Kong on Monday.",
         "market value"),
        # "in the U.S." is a place, not a US measure
        ("The firm said it would release its results on Tuesday in the U.S.", "other"),
        ("The U.S. added the drone maker to a blacklist in December.", "US measures"),
        # exclusive deals, mergers blocked, links blocked: competition
        ("The platform had to give up its exclusive music-streaming rights.", "antitrust"),
        ("The regulator blocked the plan to merge the two game-streaming sites.", "antitrust"),
        ("The ministry ordered platforms to stop blocking links to rivals.", "antitrust"),
        # supervision, guidelines, rectification, summons: regulation
        ("Regulators summoned the company's executives on Friday.", "regulation"),
        ("The agencies issued guidelines for the platforms on Monday.", "regulation"),
        ("The central bank ordered the group to rectify its business.", "regulation"),
        # China's measures against foreign firms (2025): a blacklist, export controls,
        # anti-dumping probes are the state's acts; "designated" as unreliable is no champion
        ("The Commerce Ministry said the two firms were designated as unreliable entities.",
         "regulation"),
        ("Beijing added export controls on tungsten and tellurium.", "regulation"),
        ("The ministry was designated as a national AI open innovation platform.",
         "national champions"),
        # a review of an industry's practices is regulation; blocking a rival's links,
        # however it is worded, is competition
        ("The ministry launched a review of industry practices in July.", "regulation"),
        ("Firms were told to stop blocking each other's links last week.", "antitrust"),
        ("The ministry held a meeting on link-blocking on September 9.", "antitrust"),
        # fine-tuning and fine-grained are no fines
        ("Engineers fine-tuned the company's models for the sales festival.", "other"),
    ],
)  # fmt: skip
def test_category_of_a_sentence(sentence, expected):
    assert category_of(sentence) == expected


def test_the_combined_prefilter_picks_what_the_plain_first_match_picks():
    """category_of looks a sentence's words up once for every category; the answer must be
    the first category, in order of precedence, whose cue the sentence has."""
    from pathlib import Path

    from data.categories import CATEGORIES, DEFAULT_CATEGORY
    from data.sources import SEEDS_DIR
    from data.text import sentences

    def plain(sentence: str) -> str:
        lower = sentence.lower()
        return next((name for name, cue in CATEGORIES if cue.pattern.search(lower)),
                    DEFAULT_CATEGORY)

    heldout = Path(__file__).parent / "heldout"
    folders = [SEEDS_DIR, heldout / "articles", *(heldout / b / "articles"
                                                   for b in ("blind4", "blind5", "blind6"))]
    texts = [s.text for f in folders for p in sorted(f.glob("*.txt"))
             for s in sentences(p.read_text(encoding="utf-8"))]  # fmt: skip
    assert len(texts) > 1500
    assert [category_of(t) for t in texts] == [plain(t) for t in texts]


def test_a_pledge_for_common_prosperity_is_one_whatever_it_pays_for():
    sentence = ("Last week, the group said it will invest $15.5 billion by 2025 in support of "
                "common prosperity, including security for gig workers.")
    assert category_of(sentence) == "common prosperity"
