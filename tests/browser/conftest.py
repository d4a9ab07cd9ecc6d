"""Fixtures for the browser tests: one dashboard server and one Chromium per session.

Without Chromium the tests skip, except under CI (env ``CI`` set), where they
fail: ``.ci/run`` installs Chromium, so its absence there is a broken setup,
not a reason to pass.
"""

from __future__ import annotations

import os
from collections import Counter

import pytest

from data.corpus import load_corpus
from data.frames import build_frames
from tests.browser.harness import (
    ARTIFACTS,
    SCREENSHOTS,
    SERVER,
    chromium_missing,
    launch_chromium,
    running_server,
)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call":
        item.browser_failed = report.failed
    return report


@pytest.fixture(scope="session")
def chromium():
    reason = chromium_missing()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"browser tests must run under CI, but: {reason}", pytrace=False)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def app_url(chromium):
    """Base URL of ``streamlit run serve.py`` (as ``make run``) on the real seeds, for the whole session."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)  # last run's failures: tests/conftest.py
    log_path = ARTIFACTS / "streamlit-browser-tests.log"
    with log_path.open("wb") as log:
        try:
            with running_server(SERVER, env={"CRACKDOWN_SEEDS": ""}, log=log) as url:
                yield url
        except RuntimeError as exc:
            log.flush()
            tail = log_path.read_text(errors="replace")[-3000:]
            pytest.fail(f"{exc}\n--- {log_path} ---\n{tail}", pytrace=False)


#: A desktop window, the size every test's page opens at.
VIEWPORT = {"width": 1400, "height": 1000}
#: Chromium keeps 50 entries of a tab's history (``history.length`` stops there): the reused
#: tab is replaced before a test could meet that cap (a test adds a few dozen at most).
TAB_HISTORY_LIMIT = 20


class Browsing:
    """Browser pages for one test, recording what a page should never do.

    :meth:`new_page` is a fresh browser context ("another browser": no cookies, storage,
    cache or session in common). :meth:`tab` is this worker's reused tab: each test that
    only needs a page to open views in gets it, at the same size, on a blank page. A view
    opened there still starts a new Streamlit session, as a fresh context does, but the
    tab's renderer keeps the compiled code of Streamlit's and Plotly's bundles: a first
    view costs about half the browser's CPU it costs in a fresh context, and the browser
    tests run on a shared 2-core machine where CPU is the limit.
    """

    def __init__(self, browser, reused_tab=None):
        self.browser = browser
        self.contexts = []
        self.pages = []  # every page this test used, for the screenshots of a failure
        self.dialogs: list[str] = []  # alert/confirm/prompt messages: none is expected
        self.page_errors: list[str] = []  # uncaught JavaScript exceptions
        self._reused_tab = reused_tab
        self._watched = []

    def new_page(self, **options):
        """A page in a fresh context (Playwright's context ``options``: viewport, has_touch)."""
        context = self.browser.new_context(**{"viewport": VIEWPORT, **options})
        self.contexts.append(context)
        return self._watch(context.new_page())

    def tab(self):
        """This worker's reused tab, on a blank page at the desktop size."""
        page = self._reused_tab.page()
        page.goto("about:blank")  # the last test's view goes, its session with it
        page.set_viewport_size(VIEWPORT)
        return self._watch(page)

    def _watch(self, page):
        page.set_default_timeout(90_000)  # a shared 2-core machine can be very slow
        page.on("dialog", self._on_dialog)
        page.on("pageerror", self._on_page_error)
        self.pages.append(page)
        return page

    def _on_dialog(self, dialog):
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def _on_page_error(self, exc):
        self.page_errors.append(str(exc))

    def close(self):
        for page in self.pages:
            if not page.is_closed():
                page.remove_listener("dialog", self._on_dialog)
                page.remove_listener("pageerror", self._on_page_error)
        for context in self.contexts:
            context.close()


class ReusedTab:
    """One tab in one context for a worker's tests (see :meth:`Browsing.tab`)."""

    def __init__(self, browser):
        self.context = browser.new_context(viewport=VIEWPORT)
        self._page = None

    def page(self):
        if self._page is not None and not self._page.is_closed():
            if self._page.evaluate("history.length") < TAB_HISTORY_LIMIT:
                return self._page
            self._page.close()
        self._page = self.context.new_page()
        return self._page


@pytest.fixture(scope="session")
def reused_tab(chromium):
    tab = ReusedTab(chromium)
    yield tab
    tab.context.close()


@pytest.fixture
def browsing(chromium, reused_tab, request):
    session = Browsing(chromium, reused_tab)
    yield session
    if getattr(request.node, "browser_failed", False):
        for n, page in enumerate(session.pages):
            if not page.is_closed():
                path = SCREENSHOTS / f"FAILED-{request.node.name}-{n}.png"
                page.screenshot(path=path)
                print(f"screenshot of the failure: {path}")
    session.close()
    assert not session.dialogs, f"a page opened a dialog (script ran?): {session.dialogs}"
    assert not session.page_errors, f"uncaught JavaScript errors: {session.page_errors}"


@pytest.fixture
def page(browsing):
    """A page to open views in: the worker's reused tab (:meth:`Browsing.tab`)."""
    return browsing.tab()


@pytest.fixture(scope="session")
def frames():
    return build_frames(load_corpus())


@pytest.fixture(scope="session")
def pair(frames):
    """The company and regulator named together by the most events (a specific regulator first)."""
    pairs = Counter(
        (company, regulator)
        for companies, regulators in zip(
            frames.events["companies"], frames.events["regulators"], strict=True
        )
        for company in companies
        for regulator in regulators
    )
    assert pairs, "no event names both a company and a regulator: nothing to filter on"
    return max(pairs, key=lambda p: ("unspecified" not in p[1], pairs[p], p))
