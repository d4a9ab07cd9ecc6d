"""Article text as HTML, always escaped; links that jump to a quote. No streamlit here.

Every piece of article text goes through :func:`esc` before it becomes HTML,
so an article containing ``<script>`` shows those characters as text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from urllib.parse import quote as url_quote
from urllib.parse import urlsplit

from data.titles import short_title

FRAGMENT_WORDS = 4


def esc(text: object) -> str:
    """HTML-escape article text (quotes included).

    >>> esc('<script>alert("x")</script>')
    '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'
    """
    return html.escape(str(text), quote=True)


#: Characters Markdown (and Streamlit's extensions: ``:red[…]``, ``$$…$$``,
#: ``:material/icon:``) may read as syntax; a backslash makes each one literal.
#: Emoji short codes (``:smile:``) are drawn even so: put whole titles in escaped HTML.
_MARKDOWN_SYNTAX = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:=^/])")


def md_literal(text: object) -> str:
    """Text from an article, its metadata or a link, for a Streamlit Markdown element:
    every character shown as written, no link, colour, formula or icon made of it.

    >>> print(md_literal("[click](javascript:alert(1)) :red[x] $$y$$"))
    \\[click\\]\\(javascript\\:alert\\(1\\)\\) \\:red\\[x\\] \\$\\$y\\$\\$
    """
    return _MARKDOWN_SYNTAX.sub(r"\\\1", str(text))


def anchor_id(event_id: str) -> str:
    """A safe HTML id for an event's quote.

    >>> anchor_id('004-e1"><b>')
    'q-004-e1___b_'
    """
    return "q-" + re.sub(r"[^A-Za-z0-9_-]", "_", str(event_id))


def safe_url(url: str) -> str:
    """``url`` if it is an http(s) address, else "" (never a javascript: link).

    >>> safe_url("https://example.com/a"), safe_url("javascript:alert(1)")
    ('https://example.com/a', '')
    """
    try:
        parts = urlsplit(str(url).strip())
    except ValueError:
        return ""
    return str(url).strip() if parts.scheme in ("http", "https") and parts.netloc else ""


def _fragment_part(words: list[str]) -> str:
    return url_quote(" ".join(words), safe="").replace("-", "%2D")


def text_fragment_url(url: str, quote: str) -> str:
    """A link to ``url`` that jumps to ``quote`` where browsers support text fragments.

    >>> text_fragment_url("https://x.org/a#top", "On Friday regulators fined Tencent, Baidu, Didi and ByteDance.")
    'https://x.org/a#:~:text=On%20Friday%20regulators%20fined,Baidu%2C%20Didi%20and%20ByteDance.'
    >>> text_fragment_url("https://x.org/a", "Two-day fine")
    'https://x.org/a#:~:text=Two%2Dday%20fine'
    >>> text_fragment_url("ftp://x.org", "a")
    ''
    """
    base = safe_url(url)
    if not base:
        return ""
    base = base.split("#", 1)[0]
    words = quote.split()
    if not words:
        return base
    if len(words) <= 2 * FRAGMENT_WORDS:
        return f"{base}#:~:text={_fragment_part(words)}"
    start, end = words[:FRAGMENT_WORDS], words[-FRAGMENT_WORDS:]
    return f"{base}#:~:text={_fragment_part(start)},{_fragment_part(end)}"


def quote_html(quote: str, limit: int | None = None) -> str:
    """A block quote of article text, escaped (and shortened to ``limit`` characters)."""
    text = " ".join(str(quote).split())
    if limit and len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return f'<blockquote class="ct-quote">{esc(text)}</blockquote>'


def title_html(quote: str, date_text: str = "", mark: str = "") -> str:
    """The event's short title (from its quote's main clause) as an escaped heading.

    >>> title_html("On Friday, the <b>agency</b> fined the firm.", "On Friday")
    '<h4 class="ct-title">The &lt;b&gt;agency&lt;/b&gt; fined the firm</h4>'
    """
    return f'<h4 class="ct-title">{esc(mark)}{esc(short_title(quote, date_text))}</h4>'


def merge_spans(spans: Iterable[tuple[int, int, str]]) -> list[tuple[int, int, list[str]]]:
    """Overlapping quote spans merged, each with the ids it covers, in text order.

    >>> merge_spans([(5, 9, "b"), (0, 4, "a"), (3, 6, "c"), (20, 22, "d")])
    [(0, 9, ['a', 'c', 'b']), (20, 22, ['d'])]
    """
    out: list[tuple[int, int, list[str]]] = []
    for start, end, ident in sorted(spans):
        if out and start < out[-1][1]:
            s, e, ids = out[-1]
            out[-1] = (s, max(e, end), [*ids, ident])
        else:
            out.append((start, end, [ident]))
    return out


def highlighted_article(
    text: str,
    spans: Iterable[tuple[int, int, str]],
    selected: str = "",
    matching: frozenset[str] | set[str] | None = None,
) -> str:
    """The article as escaped HTML with every quote in a ``<mark>``; the selected one marked.
    ``matching``: the ids the filters keep; a quote of none of them is marked apart
    (``ct-other``: underlined, not filled), so the view's own quotes stand out.

    >>> highlighted_article("A <b>. Q two.", [(7, 13, "e1")], selected="e1")
    '<div class="ct-article">A &lt;b&gt;. <mark class="ct-mark ct-selected" id="q-e1" \
title="event e1">Q two.</mark></div>'
    >>> highlighted_article("Q one. Q two.", [(0, 6, "e1"), (7, 13, "e2")], matching={"e2"})
    '<div class="ct-article"><mark class="ct-mark ct-other" id="q-e1" title="event e1">Q one.\
</mark> <mark class="ct-mark" id="q-e2" title="event e2">Q two.</mark></div>'
    """
    parts: list[str] = []
    pos = 0
    n = len(text)
    for start, end, ids in merge_spans(
        (max(0, s), min(n, e), i) for s, e, i in spans if 0 <= s < e <= n
    ):
        if start < pos:
            continue
        parts.append(esc(text[pos:start]))
        chosen = selected in ids
        cls = "ct-mark ct-selected" if chosen else "ct-mark"
        if not chosen and matching is not None and matching.isdisjoint(ids):
            cls += " ct-other"
        main = selected if chosen else ids[0]
        extra = "".join(f'<span id="{anchor_id(i)}"></span>' for i in ids if i != main)
        title = esc("event " + ", ".join(ids))
        parts.append(
            f'{extra}<mark class="{cls}" id="{anchor_id(main)}" title="{title}">'
            f"{esc(text[start:end])}</mark>"
        )
        pos = end
    parts.append(esc(text[pos:]))
    return '<div class="ct-article">' + "".join(parts) + "</div>"


#: Styles for the HTML above (no article text in here).
CSS = """
<style>
.ct-article { white-space: pre-wrap; line-height: 1.6; font-size: 1rem; }
.ct-mark { background: #fff3b0; color: inherit; padding: 0 .1em; border-radius: 2px; }
.ct-other { background: none; border-bottom: 2px dotted #b08900; border-radius: 0; }
.ct-selected { background: #ffb347; outline: 2px solid #d9480f; scroll-margin-top: 6rem; }
.ct-quote { border-left: 4px solid #d9480f; margin: .2rem 0 .6rem; padding: .2rem .8rem;
            color: inherit; white-space: pre-wrap; }
.ct-also ul, .ct-disagree ul { margin: .2rem 0 .4rem 1.2rem; padding: 0; }
/* Row names sit inside the timeline's plot: a click or hover on a name reaches the marker under it. */
.js-plotly-plot .yaxislayer-above text, .js-plotly-plot .ytick text { pointer-events: none; }
/* a facet count beside a filter's option (drawn by components.state.FACET_COUNTS_JS) */
.ct-count { margin-left: .35em; color: #555; font-variant-numeric: tabular-nums; }
.ct-facets { color: #555; font-size: .85rem; margin: -.4rem 0 .2rem; }
.ct-statement { border: 1px solid rgba(49, 51, 63, 0.2); border-radius: .5rem; padding: .8rem 1rem;
  margin: 0 0 1rem; }
.ct-title { font-size: 1.05rem; font-weight: 600; margin: 0 0 .1rem; padding: 0; }
.ct-scope { color: #555; margin: -.6rem 0 .4rem; font-size: .95rem; }
.ct-disagree { background: #fff8e1; border-left: 4px solid #f0ad4e; padding: .3rem .8rem; }
</style>
"""


def counted(n: int, noun: str, plural: str = "") -> str:
    """``n`` and its noun, singular or plural: "1 event", "2 events", "1 money figure".

    >>> counted(1, "event"), counted(1_204, "event"), counted(0, "statement")
    ('1 event', '1,204 events', '0 statements')
    >>> counted(2, "report of events", "reports of events")
    '2 reports of events'
    """
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"
