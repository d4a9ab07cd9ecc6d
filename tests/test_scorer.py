"""The scorer's own rules for relevance, names that must not be listed, shared figures
and discovered companies (tests/golden/README.md)."""

from datetime import date
from decimal import Decimal
from types import SimpleNamespace

from data.records import Event, Figure
from tests.golden_report import score, validate_golden

TEXT = "In 1999 the founder started it. In July, the regulator fined Leapmotor, of which Tencent owns 37%."


def event(quote, date_text, interval, companies=(), relevance="crackdown"):
    return Event("x-" + date_text, "900", quote, 0, len(quote), date_text, *interval, "month",
                 tuple(companies), (), "other", relevance=relevance)  # fmt: skip


def golden(**changes):
    g = {"source": "900", "published": "2021-08-01", "figures": [], "not_events": [],
         "events": [
             {"anchor": "the founder started it", "date_text": "In 1999",
              "date_start": "1999-01-01", "date_end": "1999-12-31", "precision": "year",
              "companies": [], "regulators": [], "relevance": "background"},
             {"anchor": "the regulator fined Leapmotor", "date_text": "In July",
              "date_start": "2021-07-01", "date_end": "2021-07-31", "precision": "month",
              "companies": ["Leapmotor"], "regulators": [], "not_companies": ["Tencent"]},
         ]}  # fmt: skip
    g.update(changes)
    return g


def corpus(events, figures=()):
    return SimpleNamespace(events=events, figures=list(figures))


def test_relevance_and_not_companies_are_scored():
    y, j = (date(1999, 1, 1), date(1999, 12, 31)), (date(2021, 7, 1), date(2021, 7, 31))
    bad = score(corpus([
        event("In 1999 the founder started it.", "In 1999", y),
        event("In July, the regulator fined Leapmotor.", "In July", j, ["Leapmotor", "Tencent"],
              relevance="background"),
    ]), [golden()])  # fmt: skip
    bad_events = bad.events["900"]
    assert bad.background_flagged == (0, 1)
    assert bad.crackdown_flagged == (1, 1)
    assert "lists ['Tencent'], not companies of this event" in bad_events[1].problems
    failures = bad.failures()
    assert failures["background_flagged"]
    assert failures["crackdown_kept"]
    good = score(corpus([
        event("In 1999 the founder started it.", "In 1999", y, relevance="background"),
        event("In July, the regulator fined Leapmotor.", "In July", j, ["Leapmotor"]),
    ]), [golden()])  # fmt: skip
    assert good.background_flagged == (1, 1)
    assert good.crackdown_flagged == (0, 1)
    assert good.recall_exact == 1.0
    assert not any(good.failures().values())


def test_a_shared_figure_must_be_flagged_shared():
    fig = {"text": "$5 billion", "amount": 5e9, "currency": "USD", "usd": 5e9,
           "kind": "market value", "market_cap": True, "companies": [], "shared": True}  # fmt: skip
    found = Figure("f", "900", "q", 0, 1, "$5 billion", 0, 1, Decimal(5e9), "USD", Decimal(5e9),
                   False, "market value", True, (), None, None, shared=False)  # fmt: skip
    report = score(corpus([], [found]), [golden(events=[], figures=[fig])])
    assert report.failures()["figures_shared"]


def test_validator_allows_discovered_names_but_wants_canonical_ones():
    g = golden()
    g["events"][1]["companies"] = ["Leapmotor", "WeChat"]
    problems = validate_golden(g, TEXT)
    assert any("'WeChat' is written 'Tencent'" in p for p in problems)
    assert not any("company 'Leapmotor'" in p for p in problems)
    g["events"][1]["relevance"] = "maybe"
    assert any("relevance 'maybe'" in p for p in validate_golden(g, TEXT))


def test_a_discovered_company_is_found_whatever_its_legal_dress():
    # "Mintz Group" in the list, "Mintz" found (or the other way round): one company; a
    # different name is still a miss
    j = (date(2021, 7, 1), date(2021, 7, 31))
    g = golden()
    g["events"][1]["companies"] = ["Leapmotor Holdings"]
    found = score(corpus([event("In July, the regulator fined Leapmotor.", "In July", j,
                                ["Leapmotor"])]), [g])  # fmt: skip
    assert not found.events["900"][1].problems
    g["events"][1]["companies"] = ["Leapmotor Technologies Ltd"]
    assert not score(corpus([event("In July, the regulator fined Leapmotor.", "In July", j,
                                   ["Leapmotor Group"])]), [g]).events["900"][1].problems
    missed = score(corpus([event("In July, the regulator fined Leapmotor.", "In July", j,
                                 ["Leap"])]), [g])  # fmt: skip
    assert missed.events["900"][1].problems
