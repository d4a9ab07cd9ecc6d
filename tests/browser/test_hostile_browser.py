"""Hostile links and long links in Chromium: no dialog, no page error, a notice, never a traceback.

A sample of the links ``tests/hostile.py`` generates (hypothesis, ``ci``
profile: three per run, the same ones every run) is opened on every page
in a fresh browser context; the ``browsing`` fixture fails the test on any
``alert``/``confirm``/``prompt`` dialog and any uncaught JavaScript error.

Long links: the app reads values up to 200 characters and 50 values per key
(``data/filters.py``); anything longer is dropped with a notice. The server
in front of it (uvicorn with h11, as ``streamlit run`` 1.67 starts it) refuses
a request head over 16 KiB with a bare ``400 Invalid HTTP request received.``
before the app runs, and Streamlit offers no setting for it: a 12 KB link
opens with a notice, a 250 KB link gets the server's 400 (README, "Sharing a
view"). The test pins both so a Streamlit upgrade that moves the limit is noticed.
"""

from __future__ import annotations

import urllib.error
import urllib.request

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from components.pages import PAGES
from data.corpus import load_corpus
from tests.browser.harness import (
    ARTIFACTS,
    SERVER,
    playwright_expect,
    running_server,
    wait_idle,
)
from tests.hostile import BROKEN_PERCENT, MARKUP, queries, raw_query
from tests.test_hostile_articles import TITLE, article_text, write_corpus

expect = playwright_expect()

pytestmark = pytest.mark.browser

NOTICE = "[data-testid='stAlertContentWarning']"
FAILURE = "[data-testid='stException'], [data-testid='stAlertContentError']"
PATHS = [p["url_path"] for p in PAGES]


def open_and_check(browsing, url: str) -> None:
    page = browsing.tab()
    page.goto(url)
    wait_idle(page)
    expect(page.locator(NOTICE).first).to_be_visible()
    assert page.locator(FAILURE).count() == 0, page.locator(FAILURE).first.inner_text()
    assert "Traceback" not in page.content()
    page.wait_for_timeout(300)  # time for an injected handler (onerror, onload) to fire
    assert page.locator("a[href^='javascript:' i]").count() == 0
    assert not browsing.dialogs, f"a script from the link ran: {browsing.dialogs}"
    assert not browsing.page_errors, browsing.page_errors


#: A page load costs seconds: a few links per run under ``ci``, more under ``deep``.
BROWSER_EXAMPLES = max(3, settings().max_examples // 3)


@settings(max_examples=BROWSER_EXAMPLES)
@given(
    path=st.sampled_from(PATHS),
    pairs=queries,
    broken=st.sampled_from(BROKEN_PERCENT),
    script=st.sampled_from(MARKUP),
)
def test_generated_hostile_links_open_with_a_notice_and_run_nothing(
    app_url, browsing, path, pairs, broken, script
):
    # One key the app never knows, carrying script, so every link must give a notice.
    query = raw_query([*pairs, ("utm_hostile", script)], broken=broken)
    open_and_check(browsing, f"{app_url}/{path}?{query}")


def test_a_long_link_within_the_server_limit_opens_with_a_notice(app_url, browsing):
    pairs = [("company", "Tencent"), *[("q", "x" * 2_000)] * 5, ("note", "<b>" * 200)]
    query = raw_query(pairs)
    assert 10_000 < len(query) < 15_000
    open_and_check(browsing, f"{app_url}/?{query}")


def test_a_link_past_the_server_limit_is_refused_by_the_server_as_documented(app_url):
    url = f"{app_url}/?q=" + "x" * 250_000
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(url, timeout=30)
    assert refused.value.code == 400  # uvicorn/h11, before the app runs: see the README


# ---------------------------------------------------------------------------
# Hostile articles (tests/test_hostile_articles.py has the data and AppTest levels)


@pytest.fixture(scope="module")
def hostile_url(chromium, tmp_path_factory):
    """A second server, on a corpus of one hostile article with hostile metadata."""
    folder = write_corpus(tmp_path_factory.mktemp("hostile") / "corpus",
                          {"900_hostile.txt": article_text()})  # fmt: skip
    log_path = ARTIFACTS / "streamlit-hostile-articles.log"
    with (
        log_path.open("wb") as log,
        running_server(SERVER, env={"CRACKDOWN_SEEDS": str(folder)}, log=log) as url,
    ):
        yield url, load_corpus(folder)


def test_hostile_articles_show_as_text_and_nothing_runs(hostile_url, browsing):
    url, corpus = hostile_url
    event = next(e for e in corpus.events if "CAC" in e.regulators)
    page = browsing.tab()
    for path in (f"/?event={event.id}", "/companies", f"/sources?event={event.id}"):
        page.goto(url + path)
        wait_idle(page)
        assert page.locator(FAILURE).count() == 0
        page.wait_for_timeout(300)  # time for an injected handler to fire
        assert page.locator("a[href^='javascript:' i], [href^='javascript:' i]").count() == 0
        assert page.locator(".katex, iframe[src^='javascript' i]").count() == 0  # no LaTeX
        assert page.locator("img[src='x'], [onerror], [onload]").count() == 0
        assert not browsing.dialogs, browsing.dialogs
        assert not browsing.page_errors, browsing.page_errors
    # The viewer: the title as written, the quote marked, the article's markup as text.
    expect(page.locator("h3").filter(has_text="[click](javascript:alert(6))")).to_have_text(TITLE)
    expect(page.locator(".ct-article mark.ct-selected")).to_have_text(event.quote)
    assert "<script>alert(1)</script>" in page.locator(".ct-article").inner_text()
