"""Money figures: amount, currency, USD value, kind, companies, date."""

from datetime import date
from decimal import Decimal

import pytest

from data.extract import extract_text
from data.money import USD_PER_UNIT, find_money


@pytest.mark.parametrize(
    ("text", "figure", "amount", "currency", "usd"),
    [
        ("lost US$344 billion in value", "US$344 billion", "344e9", "USD", "344e9"),
        ("worth a combined $1.3 trillion", "$1.3 trillion", "1.3e12", "USD", "1.3e12"),
        ("a $1.5 billion poverty relief fund", "$1.5 billion", "1.5e9", "USD", "1.5e9"),
        ("fines of up to RMB100,000 ($ 15,000).", "RMB100,000 ($ 15,000)", "100000", "CNY",
         "15000"),
        ("a fine of 18.2 billion yuan", "18.2 billion yuan", "18.2e9", "CNY", "2.73e9"),
        ("fined 500,000 yuan ($77,000) each", "500,000 yuan ($77,000)", "500000", "CNY", "77000"),
        ("raised HK$100 billion", "HK$100 billion", "100e9", "HKD", "12.8e9"),
        ("an IPO of $34.5bn", "$34.5bn", "34.5e9", "USD", "34.5e9"),
        ("fines totaling 23.59 billion yuan (about 3.7 billion U.S. dollars)",
         "23.59 billion yuan (about 3.7 billion U.S. dollars)", "23.59e9", "CNY", "3.7e9"),
    ],
)  # fmt: skip
def test_money_amount_currency_and_usd(text, figure, amount, currency, usd):
    (m,) = find_money(text)
    assert (m.text, m.amount, m.currency, m.usd) == (figure, Decimal(amount), currency, Decimal(usd))


@pytest.mark.parametrize(
    "text", ["1.4 billion people", "35 firms", "more than 8,000 this year", "Made in China 2025"]
)
def test_numbers_without_currency_are_not_money(text):
    assert find_money(text) == []


def test_fixed_rates_are_documented_constants():
    assert USD_PER_UNIT["CNY"] == Decimal("0.15")


@pytest.mark.parametrize(
    ("sentence", "kind", "market_cap"),
    [
        ("Alibaba and Tencent lost US$344 billion in market capitalization.",
         "market value loss", True),
        ("Tencent, worth $600 billion, was listed.", "market value", True),
        ("SAMR fined Alibaba 18.2 billion yuan.", "fine", False),
        ("Ant's IPO would have raised $34.5 billion.", "ipo proceeds", False),
        ("Jack Ma started a $1.5 billion poverty relief fund.", "fund", False),
        ("Ant was valued at $150 billion.", "valuation", False),
        ("Its retail tranche drew orders worth 19 trillion yuan.", "other", False),
        ("The fine is 4% of the 455.7 billion yuan in domestic sales.", "other", False),
        ("Shares fell 20%, wiping about $14bn off the group’s market value.",
         "market value loss", True),
        ("The listing had been set to value Ant at more than $310 billion.", "valuation", False),
    ],
)  # fmt: skip
def test_figure_kind(sentence, kind, market_cap):
    (f,) = extract_text(sentence, date(2021, 8, 19), "t").figures
    assert (f.kind, f.market_cap) == (kind, market_cap)


def test_figure_takes_companies_from_its_sentence_and_date_from_the_one_before():
    text = (
        "Billions of dollars in market value were lost across the Chinese tech sector in July, "
        "as investors tried to make sense of it. Alibaba, Kuaishou and Tencent (which owns "
        "WeChat) lost US$344 billion in market capitalization."
    )
    (f,) = extract_text(text, date(2021, 8, 19), "000").figures
    assert f.companies == ("Alibaba", "Kuaishou", "Tencent")
    assert (f.date_start, f.date_end) == (date(2021, 7, 1), date(2021, 7, 31))
    assert f.quote == text[f.start : f.end]
    assert text[f.text_start : f.text_end] == "US$344 billion"


@pytest.mark.parametrize(
    "sentence",
    ["Its Hong Kong shares were priced at HK$80 per share.",
     "The stock closed at $245 a share on Friday.",
     "The group's share price was HK$459.40 at the close."],
)  # fmt: skip
def test_a_share_price_is_its_own_kind_never_market_value(sentence):
    (f,) = extract_text(sentence, date(2021, 3, 16)).figures
    assert f.kind == "share price"
    assert not f.market_cap


# Issue 6.4: money as wire copy and market reports write it (sentences written for the tests).
@pytest.mark.parametrize(
    ("text", "figure", "amount", "currency", "usd"),
    [
        ("raised USD4.4 billion in June", "USD4.4 billion", "4.4e9", "USD", "4.4e9"),
        ("a penalty of CNY43 billion", "CNY43 billion", "43e9", "CNY", "6.45e9"),
        ("down to HKD459.40 at the close", "HKD459.40", "459.40", "HKD", "58.8032"),
        ("down to HKD 139.60 at the close", "HKD 139.60", "139.60", "HKD", "17.8688"),
        ("a fund of RMB 1 billion", "RMB 1 billion", "1e9", "CNY", "1.5e8"),
        ("wiped $ 344.4 billion off", "$ 344.4 billion", "344.4e9", "USD", "344.4e9"),
        ("about 4.4 billion U.S. dollars", "4.4 billion U.S. dollars", "4.4e9", "USD", "4.4e9"),
        ("5 million HK dollars in fines", "5 million HK dollars", "5e6", "HKD", "6.4e5"),
        ("a fine of 2.1 bln yuan", "2.1 bln yuan", "2.1e9", "CNY", "3.15e8"),
        ("worth JPY 500 million", "JPY 500 million", "5e8", "JPY", "4.5e6"),
    ],
)  # fmt: skip
def test_iso_codes_and_spaces(text, figure, amount, currency, usd):
    (m,) = find_money(text)
    assert (m.text, m.amount, m.currency, m.usd) == (figure, Decimal(amount), currency, Decimal(usd))


def test_a_dollar_sign_after_a_letter_is_not_us_dollars():
    assert find_money("a grant of S$5 million") == []


@pytest.mark.parametrize(
    "sentence",
    ["Tencent's Hong Kong shares slid 8% to HKD 445.20 on Thursday.",
     "NetEase's stock closed at $90.78 in New York.",
     "The offering was priced at HK$80 per share."],
)  # fmt: skip
def test_share_prices(sentence):
    (f,) = extract_text(sentence, date(2021, 9, 10)).figures
    assert f.kind == "share price"
    assert not f.market_cap
    assert not f.shared


@pytest.mark.parametrize(
    ("sentence", "shared"),
    [
        ("Huya and DouYu, worth a combined $5.3 billion in market value, were blocked.", True),
        ("The two streaming sites together lost $2 billion in market value.", True),
        ("Alibaba, Meituan and JD.com lost $60 billion in market value in July.", True),
        ("The rout wiped $1.1 trillion off the market value of Chinese internet stocks.", True),
        ("SAMR said it imposed fines totalling 23.59 billion yuan in 2021.", True),
        ("SAMR fined Alibaba and Tencent 500,000 yuan each.", False),
        ("Tencent lost $50 billion in market value on Tuesday.", False),
        ("Alibaba was fined 18.2 billion yuan, and Tencent was not.", False),
    ],
)  # fmt: skip
def test_shared_figures(sentence, shared):
    (f,) = extract_text(sentence, date(2021, 9, 10)).figures
    assert f.shared is shared


def test_a_cost_in_market_value_is_a_loss():
    (f,) = extract_text("A freeze on game approvals cost Tencent about $200 billion in market "
                        "value in 2018.", date(2021, 9, 10)).figures  # fmt: skip
    assert f.kind == "market value loss"


@pytest.mark.parametrize(
    ("text", "companies"),
    [
        # a ceiling in a law or a fine that could come is no company's fine: it keeps its kind
        # (the golden list types "fines of up to" a fine) but adds to no company's total
        ("Kuaishou could face fines of up to 50 million yuan under the new rules.", ()),
        ("Under the draft, Meituan may be fined as much as 1 billion yuan.", ()),
        ("The amendment raises the maximum penalty Didi faces to 5 million yuan.", ()),
        # a fine imposed, even "the maximum allowed", is the company's
        ("Regulators fined Kuaishou 500,000 yuan, the maximum allowed.", ("Kuaishou",)),
    ],
)  # fmt: skip
def test_a_ceiling_or_a_possible_fine_is_no_companys_fine(text, companies):
    (f,) = extract_text(text, date(2021, 12, 3)).figures
    assert (f.kind, f.companies) == ("fine", companies)


@pytest.mark.parametrize(
    ("text", "companies"),
    [
        # a figure whose sentence refers back ("its", "the market value") to the one company
        # of the sentence before is that company's
        ("At the close, Didi's shares were 7.8 dollars. The market value evaporated by more"
         " than USD 30 billion.", ("Didi",)),
        ("Alibaba said revenue rose 34%.\n\nFor the fiscal year, its revenue was 717 billion"
         " yuan.", ("Alibaba",)),
        # a group's figure, or no reference back: none
        ("Tencent's value topped $900 billion. The big internet stocks have lost over $1"
         " trillion of market value.", ()),
        ("Didi's shares fell. Retail investors put in orders worth HKD1.3 trillion.", ()),
    ],
)  # fmt: skip
def test_a_figure_referring_back_takes_the_company_of_the_sentence_before(text, companies):
    assert extract_text(text, date(2021, 12, 3)).figures[-1].companies == companies


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("The rout wiped $1.1 trillion off the market value of Chinese internet stocks.",
         "market value loss"),
        ("Alibaba listed in Hong Kong, raising HK$88 billion in a share sale.", "ipo proceeds"),
        ("Regulators approved a 10.5 billion yuan capital raising for the lending unit.", "other"),
        ("The act offers $52 billion in subsidies to chipmakers.", "fund"),
        # a market value that evaporated or was shed is lost; one that shrank "to" is held
        ("The group's market value evaporated by more than USD 20 billion.", "market value loss"),
        ("$ 900 billion: the combined market value that the tech stocks have shed since May.",
         "market value loss"),
        ("Its market cap has shrunk to about HK$2.1 trillion.", "market value"),
    ],
)  # fmt: skip
def test_figure_kinds_from_their_nearest_cue(sentence, kind):
    (f,) = extract_text(sentence, date(2022, 11, 14)).figures
    assert f.kind == kind


@pytest.mark.parametrize(
    ("sentence", "text", "kind"),
    [
        ("SINGAPORE: Regulators fined the platform CNY3.44 billion (USD534 million) on Friday.",
         "CNY3.44 billion (USD534 million)", "fine"),
        ("Its depositary shares were indicated 20% lower, at USD10.65.", "USD10.65", "share price"),
        ("Tencent ended the day at HKD578.50.", "HKD578.50", "share price"),
        ("The stock fell 9% that morning, to HKD79.30.", "HKD79.30", "share price"),
        ("Alibaba jumped 9%, touching HKD110.90.", "HKD110.90", "share price"),
        ("The shares, which closed at HK$222.40 on Friday, have lost a quarter of their value.",
         "HK$222.40", "share price"),
        ("The deal raised $34.5 billion, valuing the company at $313 billion.", "$313 billion",
         "valuation"),
        # results: a profit or revenue that rose "to" a figure is no share price
        ("The group said net profit rose 29% to 42.6 billion yuan.", "42.6 billion yuan",
         "other"),
        ("Second-quarter revenue grew 18% to 31.9 billion yuan ($4.9 billion).",
         "31.9 billion yuan ($4.9 billion)", "other"),
        # an offer price is a price per share; "raised about" is the offering's size
        ("The carmaker sold its shares at $11 each, raising $1.1 billion.", "$11", "share price"),
        ("It raised about USD 2.1 billion, the issue price was 11 dollars per share.",
         "USD 2.1 billion", "ipo proceeds"),
        ("Its Hong Kong shares fell as much as 4.5% that morning, to HKD61.20, before a"
         " denial.", "HKD61.20", "share price"),
        # a price joined to a price per share is one too
        ("It priced the deal at 40.5 yuan a share in Shanghai and HK$48 in Hong Kong, raising"
         " $9 billion.", "HK$48", "share price"),
    ],
)  # fmt: skip
def test_glued_iso_codes_and_share_prices_as_markets_write_them(sentence, text, kind):
    figures = {f.text: f for f in extract_text(sentence, date(2021, 10, 11)).figures}
    assert figures[text].kind == kind
