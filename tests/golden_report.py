"""Score the extractor against the hand-checked lists in ``tests/golden/``.

Run ``python -m tests.golden_report`` from the project root to print the scoring
table; ``tests/test_golden.py`` asserts the same numbers. How the lists were made
and the rules behind each entry: ``tests/golden/README.md``.

Matching rules (a golden event against an extracted, dated event):

* same source, the extracted quote contains the golden ``anchor``, and the date
  expressions agree: the golden ``date_text`` contains the extracted one or the
  other way round (case-insensitive, whole words, curly/straight apostrophes alike);
* it is *exact* when, in addition, ``date_start``/``date_end`` are equal and the
  golden companies and regulators are subsets of the extracted ones;
* matching is one to one: an extracted event can serve one golden event only, so
  a sentence extracted twice (002 prints its opening paragraph twice) leaves a
  spurious copy.

Golden events flagged ``"vague": true`` are allowed but not required: they never
count against recall, and an extracted event matching one is not spurious.
"""

from __future__ import annotations

import calendar
import json
import re
import sys
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from data.records import PRECISIONS  # the record format the lists follow

GOLDEN_DIR = Path(__file__).resolve().parent / "golden"
SEEDS_DIR = Path(__file__).resolve().parent.parent / "seeds"

RECALL_MIN = 0.95  # share of required golden events found exactly
SPURIOUS_MAX = 0.10  # share of extracted dated events matching no golden event (strictly below)

COMPANIES = frozenset(
    {
        "Alibaba",
        "Ant Group",
        "Tencent",
        "Baidu",
        "ByteDance",
        "Kuaishou",
        "Meituan",
        "Didi",
        "JD.com",
        "Weibo",
        "Sogou",
        "iFlytek",
    }
)
REGULATORS = frozenset(
    {
        "SAMR",
        "CAC",
        "NPC",
        "PBOC",
        "MIIT",
        "CSRC",
        "State Council",
        "Central Propaganda Department",
        "Ministry of State Security",
        "Xi Jinping",
        "Trump administration",
        "Biden administration",
        "Chinese government (unspecified)",
    }
)
CRACKDOWN, BACKGROUND = RELEVANCES = ("crackdown", "background")
BACKGROUND_MIN = 0.80  # share of background events flagged background
CRACKDOWN_AS_BACKGROUND_MAX = 0.05  # share of crackdown events flagged background (at most)
FIGURE_KINDS = frozenset(
    {"market value loss", "market value", "valuation", "fine", "fund", "ipo proceeds",
     "share price", "other"}
)


# --------------------------------------------------------------------------- text helpers

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "\u00a0": " "})


def norm(s: str) -> str:
    """Case-folded text with curly quotes straightened and spaces collapsed.

    >>> norm("  In the 1960s and ‘70s ")
    "in the 1960s and '70s"
    """
    return " ".join(s.translate(_APOSTROPHES).casefold().split())


def contains_words(haystack: str, needle: str) -> bool:
    """True when ``needle`` occurs in ``haystack`` on word boundaries (normalised).

    >>> contains_words("On Friday", "friday")
    True
    >>> contains_words("maybe", "may")
    False
    >>> contains_words("x", "")
    False
    """
    h, n = norm(haystack), norm(needle)
    if not n:
        return False
    return re.search(r"(?<!\w)" + re.escape(n) + r"(?!\w)", h) is not None


def date_texts_agree(golden: str, extracted: str) -> bool:
    """The golden and extracted date expressions agree (either contains the other).

    >>> date_texts_agree("In December 2020", "December 2020")
    True
    >>> date_texts_agree("Oct. 24", "on Oct. 24")
    True
    >>> date_texts_agree("in 2014", "In December 2020")
    False
    """
    return contains_words(golden, extracted) or contains_words(extracted, golden)


def article_text(source: str, seeds_dir: Path = SEEDS_DIR) -> str:
    matches = sorted(seeds_dir.glob(f"{source}_*.txt"))
    if len(matches) != 1:
        raise FileNotFoundError(f"expected one seeds/{source}_*.txt, found {len(matches)}")
    return matches[0].read_text(encoding="utf-8")


_ABBREVIATIONS = ("Mr", "Ms", "Mrs", "Dr", "Inc", "Oct", "Nov", "Dec", "Jan", "Feb", "Aug",
                  "Sept", "Sep", "U.S", "St", "Jr", "Co", "Corp", "No")


def sentence_around(text: str, pos: int) -> str:
    """The sentence (within its paragraph) holding character ``pos``; for validation only."""
    para_start = text.rfind("\n", 0, pos) + 1
    para_end = text.find("\n", pos)
    para_end = len(text) if para_end == -1 else para_end
    para = text[para_start:para_end]
    bounds = [0]
    for m in re.finditer(r"[.!?](?:[”\"’)]*)\s+(?=[A-Z“\"‘(])", para):
        word = re.search(r"([\w.]+)[.!?][”\"’)]*\s+$", para[: m.end()])
        if word and word.group(1) in _ABBREVIATIONS:
            continue
        bounds.append(m.end())
    bounds.append(len(para))
    rel = pos - para_start
    for a, b in zip(bounds, bounds[1:], strict=False):
        if a <= rel < b:
            return para[a:b]
    return para


# --------------------------------------------------------------------------- golden files


def load_golden(golden_dir: Path = GOLDEN_DIR) -> list[dict[str, Any]]:
    goldens = []
    for path in sorted(golden_dir.glob("*.json")):
        g = json.loads(path.read_text(encoding="utf-8"))
        g["_file"] = path.name
        goldens.append(g)
    return goldens


def _published_end(published: str) -> date:
    if len(published) == 7:  # YYYY-MM, month precision
        y, m = int(published[:4]), int(published[5:7])
        return date(y, m, calendar.monthrange(y, m)[1])
    return date.fromisoformat(published)


def _last_day(y: int, m: int) -> int:
    return calendar.monthrange(y, m)[1]


def precision_problem(precision: str, start: date, end: date) -> str | None:
    """Why ``precision`` does not fit the interval, or None.

    >>> precision_problem("month", date(2020, 11, 1), date(2020, 11, 30)) is None
    True
    >>> precision_problem("day", date(2020, 11, 1), date(2020, 11, 2))
    'day precision needs a one-day interval'
    """
    full_month = start.day == 1 and end.day == _last_day(end.year, end.month)
    if precision == "day":
        return None if start == end else "day precision needs a one-day interval"
    if precision == "week":
        ok = start.weekday() == 0 and (end - start).days == 6
        return None if ok else "week precision needs a Monday-Sunday interval"
    if precision == "part-of-month":
        same = (start.year, start.month) == (end.year, end.month)
        return None if same and not full_month and start != end else "not part of one month"
    if precision == "month":
        same = (start.year, start.month) == (end.year, end.month)
        return None if same and full_month else "not one whole month"
    if precision == "quarter":
        ok = (start.year == end.year and start.month in (1, 4, 7, 10) and full_month
              and end.month == start.month + 2)
        return None if ok else "not one calendar quarter"
    if precision == "part-of-year":
        whole = (start.month, start.day, end.month, end.day) == (1, 1, 12, 31)
        return None if start.year == end.year and not whole else "not part of one year"
    if precision == "year":
        ok = start.year == end.year and (start.month, start.day, end.month, end.day) == (
            1, 1, 12, 31)
        return None if ok else "not one calendar year"
    if precision == "decade":
        ok = (start.year % 10 == 0 and (start.month, start.day) == (1, 1)
              and end.year % 10 == 9 and (end.month, end.day) == (12, 31))
        return None if ok else "not whole decades"
    if precision == "vague":
        return None
    return f"unknown precision {precision!r}"


def _company_problem(label: str, name: str, companies: frozenset[str]) -> list[str]:
    """A company must be written canonically; a name the gazetteer does not know is a
    discovered company, written as the article does ("Huya")."""
    if name in companies:
        return []
    from data.actors import gazetteer

    gaz = gazetteer()
    entry = gaz.exact.get(name) or gaz.lower.get(name.lower())
    if entry and entry[0] in ("company", "person"):
        canonical = entry[1] if entry[0] == "company" else gaz.people[entry[1]].targets[0]
        return [f"{label}: company {name!r} is written {canonical!r} (its canonical name)"]
    if entry:
        return [f"{label}: {name!r} is a state actor, not a company"]
    return []


def validate_golden(
    g: dict[str, Any],
    text: str,
    companies: frozenset[str] = COMPANIES,
    regulators: frozenset[str] = REGULATORS,
) -> list[str]:
    """Every problem with one golden file (empty when it is sound).

    ``companies``/``regulators`` are the canonical names allowed (the seeds' twelve
    companies and thirteen actors by default; the held-out lists pass the gazetteer's).
    """
    where = g.get("_file", g.get("source", "?"))
    problems: list[str] = []
    published_end = _published_end(g["published"])
    not_events = [n["text"] for n in g.get("not_events", [])]
    seen: set[tuple[str, str]] = set()
    for e in g["events"]:
        label = f"{where}: event {e['anchor']!r} / {e['date_text']!r}"
        count = text.count(e["anchor"])
        allowed = 2 if e.get("repeated_paragraph") else 1
        if count != allowed:
            problems.append(f"{label}: anchor occurs {count} times, expected {allowed}")
            continue
        key = (e["anchor"], norm(e["date_text"]))
        if key in seen:
            problems.append(f"{label}: duplicate anchor and date_text")
        seen.add(key)
        sentence = sentence_around(text, text.index(e["anchor"]))
        if e["anchor"] not in sentence:
            problems.append(f"{label}: anchor crosses a sentence boundary: {sentence!r}")
        if e["date_text"] not in sentence:
            problems.append(f"{label}: date_text not in the anchored sentence {sentence!r}")
        try:
            start = date.fromisoformat(e["date_start"])
            end = date.fromisoformat(e["date_end"])
        except (TypeError, ValueError) as exc:
            problems.append(f"{label}: bad date: {exc}")
            continue
        if start > end:
            problems.append(f"{label}: date_start after date_end")
        if start > published_end and not e.get("future") and not e.get("vague"):
            problems.append(f"{label}: starts after publication")
        if e["precision"] not in PRECISIONS:
            problems.append(f"{label}: unknown precision {e['precision']!r}")
        elif (e["precision"] == "vague") != bool(e.get("vague")):
            problems.append(f"{label}: precision 'vague' iff \"vague\": true")
        else:
            why = precision_problem(e["precision"], start, end)
            if why:
                problems.append(f"{label}: {why} ({start}..{end})")
        for c in (*e["companies"], *e.get("not_companies", [])):
            problems.extend(_company_problem(label, c, companies))
        for r in (*e["regulators"], *e.get("not_regulators", [])):
            if r not in regulators:
                problems.append(f"{label}: unknown regulator {r!r}")
        if e.get("relevance", CRACKDOWN) not in RELEVANCES:
            problems.append(f"{label}: relevance {e['relevance']!r} not one of {RELEVANCES}")
        for key, name_list in (("companies", "not_companies"), ("regulators", "not_regulators")):
            both = set(e[key]) & set(e.get(name_list, []))
            if both:
                problems.append(f"{label}: {sorted(both)} both in {key} and {name_list}")
        for n in not_events:
            if n in sentence and date_texts_agree(n, e["date_text"]):
                problems.append(f"{label}: date_text clashes with not_event {n!r}")
    for f in g["figures"]:
        label = f"{where}: figure {f['text']!r}"
        if f["text"] not in text:
            problems.append(f"{label}: text not in the article")
        if f["kind"] not in FIGURE_KINDS:
            problems.append(f"{label}: unknown kind {f['kind']!r}")
        if f["market_cap"] != f["kind"].startswith("market value"):
            problems.append(f"{label}: market_cap disagrees with kind")
        if f["currency"] == "USD" and Decimal(str(f["amount"])) != Decimal(str(f["usd"])):
            problems.append(f"{label}: USD amount and usd differ")
        for c in f["companies"]:
            problems.extend(_company_problem(label, c, companies))
        if not isinstance(f.get("shared", False), bool):
            problems.append(f"{label}: shared must be true or false")
    for n in not_events:
        if n not in text:
            problems.append(f"{where}: not_event {n!r} not in the article")
    return problems


# --------------------------------------------------------------------------- scoring


@dataclass
class EventResult:
    golden: dict[str, Any]
    extracted: Any = None  # the matched extracted Event, or None
    problems: list[str] = field(default_factory=list)

    @property
    def required(self) -> bool:
        return not self.golden.get("vague")

    @property
    def found(self) -> bool:
        return self.extracted is not None

    @property
    def exact(self) -> bool:
        return self.found and not self.problems

    @property
    def relevance(self) -> str | None:
        """The list's relevance; absent, crackdown for a required event and unjudged (None)
        for a vague one: a list marks a vague event's relevance where it judged it."""
        return self.golden.get("relevance", None if self.golden.get("vague") else CRACKDOWN)

    @property
    def flagged_background(self) -> bool:
        return self.found and getattr(self.extracted, "relevance", CRACKDOWN) == BACKGROUND


@dataclass
class FigureResult:
    golden: dict[str, Any]
    extracted: Any = None
    problems: list[str] = field(default_factory=list)  # usd mismatch: counts as a miss
    notes: list[str] = field(default_factory=list)  # kind/market_cap/companies: reported only

    @property
    def ok(self) -> bool:
        return self.extracted is not None and not self.problems

    @property
    def shared_ok(self) -> bool:
        """Found, and shared exactly when the list says so (absent = not shared)."""
        return self.extracted is not None and bool(
            getattr(self.extracted, "shared", False)) == bool(self.golden.get("shared", False))


BAR_CHECKS = ("recall_exact", "spurious_rate", "figures_with_usd", "no_non_date_taken_for_a_date",
              "background_flagged", "crackdown_kept", "figures_shared")


@dataclass
class Report:
    sources: list[str]
    events: dict[str, list[EventResult]]
    spurious: dict[str, list[Any]]
    extracted_dated: dict[str, int]
    figures: dict[str, list[FigureResult]]
    not_event_hits: list[str]
    recall_min: float = RECALL_MIN  # the bar printed by table(); the held-out set passes its own
    spurious_max: float = SPURIOUS_MAX

    def _all(self) -> list[EventResult]:
        return [r for s in self.sources for r in self.events[s]]

    @property
    def required_total(self) -> int:
        return sum(r.required for r in self._all())

    @property
    def required_exact(self) -> int:
        return sum(r.required and r.exact for r in self._all())

    @property
    def recall_exact(self) -> float:
        return self.required_exact / self.required_total if self.required_total else 1.0

    @property
    def spurious_total(self) -> int:
        return sum(len(v) for v in self.spurious.values())

    @property
    def extracted_total(self) -> int:
        return sum(self.extracted_dated.values())

    @property
    def spurious_rate(self) -> float:
        return self.spurious_total / self.extracted_total if self.extracted_total else 0.0

    def _relevance(self, relevance: str) -> list[EventResult]:
        """Found events (required or vague) the list calls ``relevance``."""
        return [r for r in self._all() if r.found and r.relevance == relevance]

    @property
    def background_flagged(self) -> tuple[int, int]:
        """(flagged background, of the background events found)."""
        bg = self._relevance(BACKGROUND)
        return sum(r.flagged_background for r in bg), len(bg)

    @property
    def crackdown_flagged(self) -> tuple[int, int]:
        """(flagged background, of the crackdown events found): should be near 0."""
        cd = self._relevance(CRACKDOWN)
        return sum(r.flagged_background for r in cd), len(cd)

    @property
    def shared_misses(self) -> list[FigureResult]:
        return [r for s in self.sources for r in self.figures[s]
                if r.extracted is not None and not r.shared_ok]

    @property
    def figure_misses(self) -> list[FigureResult]:
        return [r for s in self.sources for r in self.figures[s] if not r.ok]

    # ------------------------------------------------------------------ printing

    def table(self) -> str:
        lines = [
            "source  required  exact  found  vague-ok  extracted  spurious  figures  "
            "bg-flagged  crackdown-as-bg",
        ]
        for s in self.sources:
            ev = self.events[s]
            req = [r for r in ev if r.required]
            figs = self.figures[s]
            lines.append(
                f"{s:<7} {len(req):>8} {sum(r.exact for r in req):>6} "
                f"{sum(r.found for r in req):>6} {sum(r.found for r in ev if not r.required):>9} "
                f"{self.extracted_dated[s]:>10} {len(self.spurious[s]):>9} "
                f"{sum(r.ok for r in figs):>5}/{len(figs):<3}"
                f"{_ratio(*self._flags(s, BACKGROUND)):>10} {_ratio(*self._flags(s, CRACKDOWN)):>16}"
            )
        lines.append(
            f"recall_exact {self.required_exact}/{self.required_total} = "
            f"{self.recall_exact:.3f} (need >= {self.recall_min}); spurious "
            f"{self.spurious_total}/{self.extracted_total} = {self.spurious_rate:.3f} "
            f"(need < {self.spurious_max}); figure misses {len(self.figure_misses)}; "
            f"not-event hits {len(self.not_event_hits)}"
        )
        (bg, bg_all), (cd, cd_all) = self.background_flagged, self.crackdown_flagged
        lines.append(
            f"relevance: background flagged {bg}/{bg_all} = {_share(bg, bg_all, 1.0):.3f} "
            f"(need >= {BACKGROUND_MIN}); crackdown flagged background {cd}/{cd_all} = "
            f"{_share(cd, cd_all, 0.0):.3f} (need <= {CRACKDOWN_AS_BACKGROUND_MAX}); "
            f"shared-figure misses {len(self.shared_misses)}"
        )
        return "\n".join(lines)

    def _flags(self, s: str, relevance: str) -> tuple[int, int]:
        found = [r for r in self.events[s] if r.found and r.relevance == relevance]
        return sum(r.flagged_background for r in found), len(found)

    def misses(self) -> str:
        out: list[str] = []
        for s in self.sources:
            for r in self.events[s]:
                if not r.required or r.exact:
                    continue
                g = r.golden
                exp = (f"{g['date_start']}..{g['date_end']} {g['precision']} "
                       f"companies={g['companies']} regulators={g['regulators']}")
                out.append(f"[{s}] MISS {g['anchor']!r} / {g['date_text']!r}")
                out.append(f"       expected {exp}")
                if r.found:
                    out.append(f"       extracted {describe(r.extracted)}")
                out.extend(f"       - {p}" for p in r.problems)
            for r in self.events[s]:
                g = r.golden
                if r.required and r.found and r.extracted.precision != g["precision"]:
                    out.append(f"[{s}] note (not scored) {g['anchor']!r} / {g['date_text']!r}: "
                               f"precision {r.extracted.precision!r}, expected "
                               f"{g['precision']!r}")
            for r in self.events[s]:
                if r.found and r.relevance is not None and (
                        r.flagged_background != (r.relevance == BACKGROUND)):
                    out.append(f"[{s}] RELEVANCE {r.golden['anchor']!r} / "
                               f"{r.golden['date_text']!r}: extracted "
                               f"{r.extracted.relevance!r}, expected {r.relevance!r}")
            for e in self.spurious[s]:
                out.append(f"[{s}] SPURIOUS {describe(e)}")
                out.append(f"       quote: {shorten(e.quote)}")
            for f in self.figures[s]:
                if not f.ok:
                    got = describe_figure(f.extracted) if f.extracted is not None else "nothing"
                    out.append(f"[{s}] FIGURE MISS {f.golden['text']!r} usd={f.golden['usd']}"
                               f" -> {got}")
                    out.extend(f"       - {p}" for p in f.problems)
                if f.extracted is not None and not f.shared_ok:
                    out.append(f"[{s}] SHARED {f.golden['text']!r}: extracted shared="
                               f"{f.extracted.shared}, expected {bool(f.golden.get('shared'))}")
                for note in f.notes:
                    out.append(f"[{s}] figure note {f.golden['text']!r}: {note}")
        out.extend(f"NOT-EVENT {h}" for h in self.not_event_hits)
        return "\n".join(out) if out else "(no misses)"

    def failures(self) -> dict[str, str]:
        """Each check of the bar -> why it fails ("" when it passes); the tests assert these."""
        figure_misses = [
            f"[{f.golden['text']}] usd {f.golden['usd']}: "
            + ("; ".join(f.problems) if f.extracted is not None else "not found")
            for f in self.figure_misses
        ]
        return {
            "recall_exact": ""
            if self.recall_exact >= self.recall_min
            else f"recall_exact {self.recall_exact:.3f} < {self.recall_min}",
            "spurious_rate": ""
            if self.spurious_rate < self.spurious_max
            else f"spurious rate {self.spurious_rate:.3f} >= {self.spurious_max}",
            "figures_with_usd": "\n".join(figure_misses),
            "no_non_date_taken_for_a_date": "\n".join(self.not_event_hits),
            "background_flagged": ""
            if _share(*self.background_flagged, 1.0) >= BACKGROUND_MIN
            else f"background flagged {_ratio(*self.background_flagged)} < {BACKGROUND_MIN}",
            "crackdown_kept": ""
            if _share(*self.crackdown_flagged, 0.0) <= CRACKDOWN_AS_BACKGROUND_MAX
            else f"crackdown flagged background {_ratio(*self.crackdown_flagged)} > "
            f"{CRACKDOWN_AS_BACKGROUND_MAX}",
            "figures_shared": "\n".join(
                f"[{f.golden['text']}] shared {f.extracted.shared}" for f in self.shared_misses),
        }

    def text(self) -> str:
        return self.table() + "\n\n" + self.misses()


def _share(part: int, whole: int, empty: float) -> float:
    return part / whole if whole else empty


def _ratio(part: int, whole: int) -> str:
    return f"{part}/{whole}"


def shorten(s: str, n: int = 110) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


def describe(e: Any) -> str:
    return (f"{e.date_text!r} {e.date_start}..{e.date_end} {e.precision} "
            f"companies={list(e.companies)} regulators={list(e.regulators)}")


def describe_figure(f: Any) -> str:
    return (f"{f.text!r} amount={f.amount} {f.currency} usd={f.usd} kind={f.kind!r} "
            f"market_cap={f.market_cap} companies={list(f.companies)}")


#: A company's legal dress at the end of its name: "Mintz Group" and "Mintz", "Tomorrow
#: Holding" and "Tomorrow", "Yangtze Memory Technologies" and "Yangtze Memory" are one company
#: (a list writes a discovered company as its article does, the extractor may drop the dress).
_LEGAL_DRESS = re.compile(
    r"(?:\s+(?:&\s+)?(?:Inc|Ltd|Limited|Holdings?|Group|Co|Company|Corp|Corporation|PLC|plc"
    r"|Technolog(?:y|ies))\.?,?)+$"
)


def company_key(name: str) -> str:
    """A company's name without its legal dress, for comparing names.

    >>> company_key("Mintz Group"), company_key("Bain & Company"), company_key("Ant Group")
    ('mintz', 'bain', 'ant')
    """
    return norm(_LEGAL_DRESS.sub("", name) or name)


def missing_companies(wanted: Any, found: Any) -> list[str]:
    """The companies of ``wanted`` that ``found`` lacks, legal dress aside."""
    have = {company_key(c) for c in found}
    return sorted(c for c in set(wanted) if company_key(c) not in have)


def _event_problems(g: dict[str, Any], e: Any) -> list[str]:
    problems = []
    want = (date.fromisoformat(g["date_start"]), date.fromisoformat(g["date_end"]))
    if (e.date_start, e.date_end) != want:
        problems.append(f"interval {e.date_start}..{e.date_end}, expected {want[0]}..{want[1]}")
    missing_c = missing_companies(g["companies"], e.companies)
    if missing_c:
        problems.append(f"missing companies {missing_c}")
    missing_r = sorted(set(g["regulators"]) - set(e.regulators))
    if missing_r:
        problems.append(f"missing regulators {missing_r}")
    wrong_c = sorted(set(g.get("not_companies", [])) & set(e.companies))
    if wrong_c:
        problems.append(f"lists {wrong_c}, not companies of this event")
    wrong_r = sorted(set(g.get("not_regulators", [])) & set(e.regulators))
    if wrong_r:
        problems.append(f"lists {wrong_r}, not actors of this event")
    return problems


def _matches(g: dict[str, Any], e: Any) -> bool:
    return g["anchor"] in e.quote and date_texts_agree(g["date_text"], e.date_text or "")


def score(corpus: Any, goldens: list[dict[str, Any]]) -> Report:
    sources = [g["source"] for g in goldens]
    dated = [e for e in corpus.events if e.date_start is not None]
    events: dict[str, list[EventResult]] = {}
    spurious: dict[str, list[Any]] = {}
    extracted_dated: dict[str, int] = {}
    figures: dict[str, list[FigureResult]] = {}
    not_event_hits: list[str] = []
    for g in goldens:
        s = g["source"]
        mine = [e for e in dated if e.source == s]
        extracted_dated[s] = len(mine)
        used: set[int] = set()
        results = [EventResult(ge) for ge in g["events"]]
        # Required events pick first, then vague ones; exact candidates are preferred.
        for r in sorted(results, key=lambda r: not r.required):
            cands = [i for i, e in enumerate(mine) if i not in used and _matches(r.golden, e)]
            if not cands:
                continue
            best = min(cands, key=lambda i: len(_event_problems(r.golden, mine[i])))
            used.add(best)
            r.extracted = mine[best]
            r.problems = _event_problems(r.golden, mine[best])
        events[s] = results
        spurious[s] = [e for i, e in enumerate(mine) if i not in used]
        for e in mine:
            for ne in g.get("not_events", []):
                n = ne["text"]
                if (e.date_text or "").strip() and norm(n) in norm(e.quote) and date_texts_agree(
                        n, e.date_text):
                    not_event_hits.append(
                        f"[{s}] date_text {e.date_text!r} is the non-date {n!r} "
                        f"({ne['why']}) in: {shorten(e.quote)}")
        figures[s] = [_match_figure(gf, [f for f in corpus.figures if f.source == s])
                      for gf in g["figures"]]
    return Report(sources, events, spurious, extracted_dated, figures, not_event_hits)


def _match_figure(gf: dict[str, Any], extracted: list[Any]) -> FigureResult:
    r = FigureResult(gf)
    want = Decimal(str(gf["usd"]))
    cands = [f for f in extracted
             if norm(gf["text"]) in norm(f.text) or norm(f.text) in norm(gf["text"])]
    if not cands:
        return r
    good = [f for f in cands if f.usd is not None and Decimal(str(f.usd)) == want]
    r.extracted = (good or cands)[0]
    x = r.extracted
    if not good:
        r.problems.append(f"usd {x.usd}, expected {want}")
    if x.market_cap != gf["market_cap"]:
        r.notes.append(f"market_cap {x.market_cap}, expected {gf['market_cap']}")
    if x.kind != gf["kind"]:
        r.notes.append(f"kind {x.kind!r}, expected {gf['kind']!r}")
    missing = missing_companies(gf["companies"], x.companies)
    if missing:
        r.notes.append(f"missing companies {missing}")
    return r


def run() -> Report:
    from data.corpus import load_corpus

    return score(load_corpus(), load_golden())


def main() -> int:
    goldens = load_golden()
    problems = [p for g in goldens for p in validate_golden(g, article_text(g["source"]))]
    if problems:
        print("golden files have problems:\n" + "\n".join(problems))
        return 1
    report = run()
    print(report.text())
    ok = not any(report.failures().values())
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
