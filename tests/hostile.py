"""Hostile input for the property tests: links and article text a mangling world sends.

Shared by ``tests/test_hostile_links.py``, ``tests/test_hostile_articles.py`` and
the browser tests. Strategies draw from named lists of what goes wrong in
practice (markup, script, Streamlit's own Markdown extensions, broken percent
escapes, control and bidirectional characters, path-like values, dates out of
range) mixed with arbitrary Unicode, so a fixed list is never the whole test.

Hypothesis profiles: ``ci`` (the default, used by ``make test``) keeps the
example counts modest and has no deadline (AppTest runs take a second or
two on a shared 2-core machine); ``deep`` runs many more examples
(``HYPOTHESIS_PROFILE=deep pytest tests/test_hostile_links.py``).
"""

from __future__ import annotations

import os
import re
from urllib.parse import quote

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

settings.register_profile(
    "ci",
    max_examples=10,
    deadline=None,
    derandomize=True,  # the same examples every run: a red suite is reproducible
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
settings.register_profile(
    "deep",
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

#: The documented link parameters (README, "Sharing a view").
KNOWN_KEYS = ("company", "regulator", "category", "source", "from", "to", "q", "event",
              "article", "group")  # fmt: skip
SINGLE_KEYS = ("from", "to", "q", "event", "article", "group")
#: Values that must be shown as text and never act: markup, script, Markdown and
#: Streamlit's extensions (colour, LaTeX, icons), links with a javascript: target.
MARKUP = (
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(2)">',
    "<svg onload=alert(3)>",
    '"><script>confirm(4)</script>',
    "javascript:alert(5)",
    "[click](javascript:alert(6))",
    "<a href='javascript:alert(7)'>x</a>",
    ":red[coloured]",
    "$$\\frac{1}{0}$$",
    ":material/warning: icon",
    "**bold** _it_ `code` # heading",
    "&quot;&lt;b&gt;&amp;",
    "{{7*7}} ${7*7}",
)
#: Bidirectional, zero-width and control characters, and a null byte.
INVISIBLE = ("\u202e", "\u202d", "\u200f", "\u200b", "\ufeff", "\u2066", "\x00", "\x1b[31m", "\r\n")
PATHS = ("../../etc/passwd", "/etc/passwd", "..\\..\\windows\\win.ini", "file:///etc/passwd",
         "seeds/../../../root", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/dev/zero")  # fmt: skip
BROKEN_PERCENT = ("%", "%zz", "%E0%A4%A", "%C3", "%%41", "%u202e", "%00")
DATES = ("2021-02-30", "2021-13-01", "0000-01-01", "1899-12-31", "2101-01-01", "99999-01-01",
         "-2021-01-01", "2021-1-1", "2021/01/01", "20210101", "１９９９", "2021-01-01T00:00")  # fmt: skip
GOOD_VALUES = ("Tencent", "tencent", "ALIBABA", "SAMR", "samr", "fine", "001", "2021",
               "2021-07", "2021-07-31", "regulator", "WeChat")  # fmt: skip


def _mixed_case(key: str) -> st.SearchStrategy[str]:
    """``key`` with some letters upper-cased ("COMPANY", "Company", "cOmpany")."""
    return st.lists(st.booleans(), min_size=len(key), max_size=len(key)).map(
        lambda ups: "".join(c.upper() if up else c for c, up in zip(key, ups, strict=True))
    )


keys = st.one_of(
    st.sampled_from(KNOWN_KEYS),
    st.sampled_from(KNOWN_KEYS).flatmap(_mixed_case),
    st.sampled_from(("utm_source", "fbclid", "__proto__", "constructor", "embed_options2")),
    st.sampled_from(MARKUP + PATHS + INVISIBLE),
    st.text(min_size=1, max_size=30),
).filter(lambda k: k.strip() and "\x00" not in k)

values = st.one_of(
    st.sampled_from(GOOD_VALUES),
    st.sampled_from(MARKUP + PATHS + BROKEN_PERCENT + DATES),
    st.tuples(st.sampled_from(GOOD_VALUES + MARKUP), st.sampled_from(INVISIBLE)).map("".join),
    st.text(max_size=40),
    st.integers(min_value=190, max_value=10_000).map(lambda n: ("Tencent<" * n)[:n]),
    st.dates().map(lambda d: d.isoformat()),
)

#: A link's query as (key, value) pairs: repeated keys, order and all.
queries = st.lists(st.tuples(keys, values), min_size=1, max_size=8)


def as_params(pairs: list[tuple[str, str]]) -> dict[str, list[str]]:
    """The pairs grouped per key, in order, as Streamlit hands them to the app."""
    out: dict[str, list[str]] = {}
    for key, value in pairs:
        out.setdefault(key, []).append(value)
    return out


def raw_query(pairs: list[tuple[str, str]], broken: str = "") -> str:
    """The pairs as a query string a browser would send, plus a raw (unencoded) tail."""
    body = "&".join(f"{quote(k, safe='')}={quote(v, safe='')}" for k, v in pairs)
    return body + (f"&{broken}" if broken else "")


def unescape_markdown(text: str) -> str:
    """A notice's Markdown source as the reader sees it (backslash escapes removed)."""
    return re.sub(r"\\(.)", r"\1", text)


def visible(value: str, limit: int = 20) -> str:
    """The first characters of ``value`` as a notice quotes it (spaces collapsed)."""
    return " ".join(str(value).split())[:limit]
