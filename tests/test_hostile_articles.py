"""Hostile articles: markup, script, Markdown and Streamlit syntax, bidi and zero-width
characters, a 5 MB article and a 100,000-character line; metadata with a ``javascript:``
link and a ``[click](javascript:…)`` title. All of it is literal text everywhere, the quotes
are highlighted where they stand, nothing runs and no ``javascript:`` link is clickable.

Three levels: the data module (extraction keeps exact offsets; the highlighted HTML
unescapes back to the article), AppTest over every page (no Markdown element carries live
link, colour, LaTeX or icon syntax from an article; no HTML element carries a tag from
one), and Chromium (``tests/browser/test_hostile_browser.py``: the DOM holds no
``javascript:`` link and no dialog opens).
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
import streamlit as st

from components.textview import highlighted_article
from data.corpus import load_corpus
from data.sources import MAX_ARTICLE_BYTES
from tests.test_app_pages import run

#: Sentences that are events (a date, a company, a state actor) wrapped in hostile text.
EVENT_SENTENCES = (
    "In July 2021, SAMR fined Tencent <script>alert(1)</script> over :red[music] rights "
    "and $$x^2$$ deals.",
    'On Aug. 2, 2021, the CAC ordered Alibaba to pull <a href="javascript:alert(2)">an app'
    "</a> [click](javascript:alert(3)) :material/warning: from stores.",
    "\u202eIn June 2021, regulators fined Didi\u200b over data \u2066security\u2069.",
    "Last month, <img src=x onerror=alert(4)> Beijing told ByteDance to stop **bold** moves.",
)
FILLER = (
    "<style>body{display:none}</style> <iframe src=javascript:alert(5)></iframe> "
    "`code` # not a heading | table | ~~strike~~ {{7*7}} :blue-background[x] :smile: "
    "\ufeff\u200d\u202d mixed \u05e9\u05dc\u05d5\u05dd text."
)
TITLE = "[click](javascript:alert(6)) :red[Red title] $$\\int$$ :material/warning: <b>bold</b>"
URL = "javascript:alert(7)"

#: Markdown that would act if a Streamlit Markdown element received it unescaped.
LIVE_MARKDOWN = re.compile(
    r"(?<!\\)\]\((?:javascript|JAVASCRIPT)"  # a link [..](javascript:..)
    r"|(?<![\\\w]):(?:red|blue|green|orange|violet|gray|grey|rainbow|primary)"
    r"(?:-background)?(?<!\\)\["  # :red[..]
    r"|(?<!\\)\$(?<!\\)\$"  # $$..$$
    r"|:material/"  # :material/icon: (Streamlit draws it even after a backslash)
)
#: Tags from an article that must never reach the page as HTML.
LIVE_HTML = re.compile(r"<(script|img|iframe|style|svg|a)\b[^>]*(javascript:|onerror|alert)", re.I)


def article_text() -> str:
    paragraphs = [FILLER, *EVENT_SENTENCES, FILLER]
    return "\n\n".join(paragraphs) + "\n"


def write_corpus(folder: Path, articles: dict[str, str], *, title: str = TITLE) -> Path:
    """``articles`` ({file name: text}) with hostile metadata, as a corpus folder."""
    folder.mkdir(parents=True, exist_ok=True)
    tables = []
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
        tables.append(
            "[[source]]\n"
            f"file = {name!r}\n"
            f"title = {json.dumps(title, ensure_ascii=False)}\n"
            "outlet = '<script>alert(8)</script> :red[Outlet]'\n"
            "authors = ['<img src=x onerror=alert(9)>', '[me](javascript:alert(10))']\n"
            "published = '2021-08-19'\n"
            f"url = {URL!r}\n"
            "note = ':material/warning: $$x$$ [n](javascript:alert(11))'\n"
        )
    (folder / "sources.toml").write_text("\n".join(tables), encoding="utf-8")
    return folder


def unmarked(article_html: str) -> str:
    """The highlighted article's text as a reader sees it (marks removed, entities decoded)."""
    inner = article_html.removeprefix('<div class="ct-article">').removesuffix("</div>")
    inner = re.sub(r'<span id="[^"]*"></span>', "", inner)
    inner = re.sub(r'<mark class="[^"]*" id="[^"]*" title="[^"]*">|</mark>', "", inner)
    assert "<" not in inner, "a tag from the article reached the HTML"
    return html.unescape(inner)


# ---------------------------------------------------------------------------
# The data module


def test_hostile_article_is_extracted_with_exact_offsets_and_highlighted_as_text(tmp_path):
    text = article_text()
    corpus = load_corpus(write_corpus(tmp_path, {"900_hostile.txt": text}))
    assert not corpus.problems
    assert corpus.sources["900"].title == TITLE  # metadata kept as written, shown escaped
    events = [e for e in corpus.events if e.source == "900"]
    assert len(events) >= 3, [e.quote for e in events]
    for e in (*events, *corpus.statements):
        assert corpus.texts["900"][e.start : e.end] == e.quote
    spans = [(e.start, e.end, e.id) for e in events]
    page = highlighted_article(corpus.texts["900"], spans, selected=events[0].id)
    assert not LIVE_HTML.search(page)
    assert unmarked(page) == corpus.texts["900"]  # every character shown, in its place
    marked = re.findall(r"<mark [^>]*>(.*?)</mark>", page, flags=re.S)
    assert [html.unescape(m) for m in marked] == [
        e.quote for e in sorted(events, key=lambda e: e.start)
    ]


def test_a_5_mb_article_and_a_100000_character_line_load_and_keep_their_offsets(tmp_path):
    sentences = [s.replace("2021", str(2000 + i % 22)) for i, s in enumerate(EVENT_SENTENCES * 50)]
    block = "\n\n".join(sentences) + "\n\n"
    big = (block + FILLER + "\n\n") * (MAX_ARTICLE_BYTES // len((block + FILLER).encode()) - 1)
    line = " ".join(["In July 2021, SAMR fined Tencent."] * 30) + " " + "x" * 100_000 + "\n"
    assert 4_500_000 < len(big.encode()) <= MAX_ARTICLE_BYTES
    folder = write_corpus(tmp_path, {
        "901_big.txt": big, "902_line.txt": line + article_text(), "903_over.txt": "y" * (MAX_ARTICLE_BYTES + 1),
    })  # fmt: skip
    corpus = load_corpus(folder)
    assert set(corpus.texts) == {"901", "902"}  # the oversized one is refused ...
    assert len(corpus.problems) == 1
    assert "903_over.txt" in corpus.problems[0]  # ... with a notice naming it
    for sid in ("901", "902"):
        events = [e for e in corpus.events if e.source == sid]
        assert events, sid
        for e in events:
            assert corpus.texts[sid][e.start : e.end] == e.quote


# ---------------------------------------------------------------------------
# Every page (AppTest)


@pytest.fixture
def hostile_corpus(tmp_path, monkeypatch):
    folder = write_corpus(tmp_path / "corpus", {"900_hostile.txt": article_text()})
    monkeypatch.setenv("CRACKDOWN_SEEDS", str(folder))
    st.cache_data.clear()
    st.cache_resource.clear()
    yield load_corpus(folder)
    st.cache_resource.clear()


def rendered_strings(at, helps: bool = False) -> tuple[list[str], list[str]]:
    """(what Streamlit draws as Markdown, what it draws as HTML) on this page.

    ``helps``: the widgets' help tooltips too (Markdown as well)."""
    markdown = []
    for kind in ("markdown", "caption", "title", "header", "subheader", "info", "warning",
                 "success", "error", "exception"):  # fmt: skip
        markdown += [str(e.value) for e in getattr(at, kind)]
    for kind in ("multiselect", "selectbox", "text_input", "date_input", "radio", "button"):
        for widget in getattr(at, kind):
            markdown.append(str(widget.label))
            if helps:
                markdown.append(str(getattr(widget, "help", "") or ""))
    markdown += [str(e.label) for e in at.expander] + [str(e.label) for e in at.tabs]
    own = ("history.replaceState", "scrollIntoView")  # the app's own two scripts
    htmls = [e.proto.body for e in at.get("html") if not any(o in e.proto.body for o in own)]
    return markdown, htmls


def test_every_page_shows_hostile_articles_and_metadata_as_literal_text(hostile_corpus):
    event = next(e for e in hostile_corpus.events if "CAC" in e.regulators)
    for params, page in (({"event": event.id}, ""), ({}, "companies"),
                         ({"event": event.id}, "sources"), ({"article": "900"}, "sources")):  # fmt: skip
        at = run(params, page=page)
        markdown, htmls = rendered_strings(at)
        live = [m for m in markdown if LIVE_MARKDOWN.search(m)]
        assert not live, f"Markdown with live syntax on /{page}: {live}"
        tags = [h for h in htmls if LIVE_HTML.search(h) or 'href="javascript' in h.lower()]
        assert not tags, f"HTML with a live tag on /{page}: {[t[:300] for t in tags]}"
        for b in at.get("link_button"):
            assert b.proto.url.startswith("https://") or not b.proto.url, b.proto.url
        if page == "sources":  # the title, shown as written
            body = "\n".join(htmls)
            assert html.escape(TITLE) in body
            assert html.escape("[me](javascript:alert(10))") in body  # an author, as text
            assert "none known" in body  # a javascript: original link is no link at all


def test_the_selected_quote_is_marked_in_the_hostile_article(hostile_corpus):
    event = next(e for e in hostile_corpus.events if "Tencent" in e.companies)
    at = run({"event": event.id}, page="sources")
    page = next(e.proto.body for e in at.get("html") if "ct-article" in e.proto.body)
    selected = re.search(r'<mark class="ct-mark ct-selected"[^>]*>(.*?)</mark>', page, re.S)
    assert selected is not None
    assert html.unescape(selected.group(1)) == event.quote
    assert unmarked(page) == hostile_corpus.texts["900"]


def test_widget_help_shows_titles_as_literal_text(hostile_corpus):
    markdown, _ = rendered_strings(run(), helps=True)
    live = [m for m in markdown if LIVE_MARKDOWN.search(m)]
    assert not live, live
