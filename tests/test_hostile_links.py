"""Hostile links, property-tested: whatever a link says, every page draws and says what it dropped.

hypothesis generates query strings (unknown and mixed-case keys, repeated keys,
values up to 10,000 characters, broken percent escapes, null bytes, right-to-left
marks, markup and script, Streamlit's colour/LaTeX/icon syntax, dates out of
range, ``to`` before ``from``, path-like values) from ``tests/hostile.py``.
Each example opens the dashboard as a browser following the link (AppTest on
the synthetic corpus of ``tests/test_app_pages.py``) and walks every page of
:data:`components.pages.PAGES`. The oracle is written here, independently of
the parser: which keys and values the link's own words make unusable, and so
which ones a notice must name. The browser half is ``tests/browser/test_hostile_browser.py``.
"""

from __future__ import annotations

import json
from datetime import date
from urllib.parse import parse_qsl

import pytest
from hypothesis import given
from hypothesis import strategies as st

from components.pages import PAGES
from data.frames import build_frames
from tests.hostile import as_params, queries, unescape_markdown, visible
from tests.test_app_pages import HOSTILE, chart_spec, run, synthetic, synthetic_corpus

__all__ = ["synthetic"]  # the fixture, imported for its side effect on the loader

FRAMES = build_frames(synthetic_corpus(), aliases={})
MAX_VALUE_CHARS = 200
STREAMLIT_KEYS = ("embed", "embed_options")
DATE_MIN, DATE_MAX = date(1900, 1, 1), date(2100, 12, 31)


def app_keys() -> dict[str, bool]:
    """The link parameters the app declares, each with whether it repeats."""
    import data.filters as filters  # noqa: PLC0415

    if hasattr(filters, "BY_KEY"):  # the parameter registry
        return {key: p.repeated for key, p in filters.BY_KEY.items()}
    return {key: key in filters.MULTI_KEYS for key in filters.KNOWN_KEYS}


KEYS = app_keys()
#: What each documented key accepts in the synthetic corpus (None: any text).
OPTIONS = {
    "company": FRAMES.companies,
    "regulator": FRAMES.regulators,
    "category": FRAMES.categories,
    "source": FRAMES.source_ids,
    "article": FRAMES.source_ids,
    "group": ("company", "regulator"),
}


def _date(value: str, end: bool) -> date | None:
    """A link date as the README documents it (YYYY, YYYY-MM, YYYY-MM-DD in 1900-2100)."""
    import calendar  # noqa: PLC0415
    import re  # noqa: PLC0415

    m = re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", value.strip())
    if not m:
        return None
    year, month, day = int(m[1]), m[2] and int(m[2]), m[3] and int(m[3])
    try:
        if day:
            d = date(year, month, day)
        elif month:
            d = date(year, month, calendar.monthrange(year, month)[1] if end else 1)
        else:
            d = date(year, 12, 31) if end else date(year, 1, 1)
    except ValueError:
        return None
    return d if DATE_MIN <= d <= DATE_MAX else None


def expected_drops(params: dict[str, list[str]]) -> tuple[list[str], bool]:
    """(words a notice must contain, whether a value of a known key was dropped).

    Written from the README's table, not from the parser.
    """
    needles, dropped = [], False
    dates = {}
    for key, values in params.items():
        if key in STREAMLIT_KEYS:
            continue
        if key not in KEYS:
            if key.casefold() not in KEYS:  # "COMPANY" may be read as company, or named
                needles.append(visible(key))
            continue
        if not KEYS[key] and len(values) > 1:
            needles.append(visible(key))
            dropped = True
            continue
        for value in values:
            if len(value) > MAX_VALUE_CHARS:
                needles.append(f"{len(value):,}")
                dropped = True
            elif not value.strip() or key not in (*OPTIONS, "from", "to", "event"):
                continue  # free text ("q"), or a parameter this oracle does not know
            elif key == "event":
                if value not in FRAMES.event_ids:  # ids are exact
                    needles.append(visible(value))
            elif key in ("from", "to"):
                dates[key] = _date(value, end=key == "to")
                if dates[key] is None:
                    needles.append(visible(value))
                    dropped = True
            elif value.strip().casefold() not in {o.casefold() for o in OPTIONS[key]}:
                needles.append(visible(value))
                dropped = True
    if dates.get("from") and dates.get("to") and dates["from"] > dates["to"]:
        needles.append(str(dates["to"]))
        dropped = True
    return needles, dropped


def address_fix(at) -> dict[str, list[str]] | None:
    """The query the app writes into the address bar after a corrected link, or None."""
    for element in at.get("html"):
        body = element.proto.body
        if "window.location.pathname+" in body:
            target = json.loads(body.split("window.location.pathname+", 1)[1].split(")")[0])
            out: dict[str, list[str]] = {}
            for key, value in parse_qsl(target.lstrip("?"), keep_blank_values=True):
                out.setdefault(key, []).append(value)
            return out
    return None


def notice_text(at) -> str:
    return unescape_markdown("\n".join(w.value for w in at.warning))


def check_page(at, needles: list[str]) -> None:
    assert not at.exception
    assert not [e.value for e in at.error]
    notice = notice_text(at)
    missing = [n for n in needles if n not in notice]
    assert not missing, f"the notice does not name {missing!r}:\n{notice}"
    for key in ("company", "regulator", "category", "source"):
        chosen = at.multiselect(key=key).value
        assert set(chosen) <= set(OPTIONS[key]), (key, chosen)
    start, end = at.date_input(key="from").value, at.date_input(key="to").value
    assert start is None or DATE_MIN <= start <= DATE_MAX
    assert end is None or DATE_MIN <= end <= DATE_MAX
    assert not (start and end and start > end)


@given(pairs=queries)
def test_any_link_draws_every_page_and_names_what_it_dropped(synthetic, pairs):
    params = as_params(pairs)
    needles, dropped = expected_drops(params)
    at = run(params)  # the timeline, as the link opens it
    check_page(at, needles)
    fix = address_fix(at)
    if dropped:  # a dropped value never stays in the address bar
        assert fix is not None, "the address bar keeps values the notice says were dropped"
    if fix is not None:  # and what it shows instead is canonical: read again, nothing to drop
        assert set(fix) <= set(KEYS)
        again, again_dropped = expected_drops(fix)
        assert not again, fix
        assert not again_dropped, fix
    for page in PAGES[1:]:
        at.switch_page(page["path"]).run()
        check_page(at, needles)


@pytest.mark.parametrize(
    "params",
    [
        {"to": "2020-01-01", "from": "2021-12-31"},
        {"COMPANY": "Tencent", "company": "Alibaba"},
        {"q": "\x00\u202e<script>alert(1)</script>" * 20, "source": "../../etc/passwd"},
        {"company": ["Tencent"] * 3 + ["%zz", "%E0%A4%A"], "event": "001-e1"},
        {"from": "99999-01-01", "to": "0000-01-01", "group": ":red[x]"},
    ],
    ids=["to-before-from", "mixed-case-key", "null-rtl-script", "repeats-broken-escapes", "dates"],
)
def test_named_hostile_links_on_every_page(synthetic, params):
    needles, _ = expected_drops({k: v if isinstance(v, list) else [v] for k, v in params.items()})
    at = run(params)
    check_page(at, needles)
    for page in PAGES[1:]:
        at.switch_page(page["path"]).run()
        check_page(at, needles)


def test_an_unknown_key_leaves_the_address_bar_when_the_notice_says_ignored(synthetic):
    at = run({"COMPANY": "Tencent", "company": "Alibaba"})
    assert "COMPANY" in notice_text(at)
    fix = address_fix(at)
    assert fix is not None
    assert "COMPANY" not in fix


def test_hover_text_shows_quotes_as_written_never_as_entities(synthetic):
    hovers = " ".join(" ".join(t.get("hovertext") or []) for t in chart_spec(run())["data"])
    assert "alert(" in hovers  # the hostile quote of 002 is in a hover ...
    assert "&quot;" not in hovers  # ... with its quotation marks as marks
    assert "<script" not in hovers
    assert "&lt;script&gt;" in hovers
    assert HOSTILE not in hovers


@given(pairs=queries, extra=st.sampled_from(["COMPANY", "Company", "utm_source", "<b>k</b>"]))
def test_parse_params_never_keeps_what_the_vocabulary_lacks(pairs, extra):
    """Data level, fast: the filters hold only vocabulary values, and reading them back is quiet."""
    from components.state import vocabulary  # noqa: PLC0415
    from data.filters import Filters, parse_params  # noqa: PLC0415

    vocab = vocabulary(FRAMES)
    params = as_params([*pairs, (extra, "Tencent")])
    parsed = parse_params(params, vocab)
    f = parsed.filters
    assert isinstance(f, Filters)
    for key in ("company", "regulator", "category", "source"):
        assert set(getattr(f, key)) <= set(OPTIONS[key])
    assert len(f.q) <= MAX_VALUE_CHARS
    assert not (f.date_from and f.date_to and f.date_from > f.date_to)
    needles, _ = expected_drops(params)
    notice = unescape_markdown("\n".join(parsed.notices))
    assert all(n in notice for n in needles), (needles, notice)
    again = parse_params(f.to_params(), vocab)
    assert again.filters == f
    assert not again.notices
    assert not again.corrected
