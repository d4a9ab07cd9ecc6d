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
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for stale in SCREENSHOTS.glob("FAILED-*.png"):
        stale.unlink()
    log_path = ARTIFACTS / "streamlit-browser-tests.log"
    with log_path.open("wb") as log:
        try:
            with running_server(SERVER, env={"CRACKDOWN_SEEDS": ""}, log=log) as url:
                yield url
        except RuntimeError as exc:
            log.flush()
            tail = log_path.read_text(errors="replace")[-3000:]
            pytest.fail(f"{exc}\n--- {log_path} ---\n{tail}", pytrace=False)


class Browsing:
    """Fresh browser contexts ("another browser") that record what a page should never do."""

    def __init__(self, browser):
        self.browser = browser
        self.contexts = []
        self.dialogs: list[str] = []  # alert/confirm/prompt messages: none is expected
        self.page_errors: list[str] = []  # uncaught JavaScript exceptions

    def new_page(self):
        context = self.browser.new_context(viewport={"width": 1400, "height": 1000})
        self.contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(90_000)  # a shared 2-core machine can be very slow
        page.on("dialog", self._on_dialog)
        page.on("pageerror", lambda exc: self.page_errors.append(str(exc)))
        return page

    def _on_dialog(self, dialog):
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def close(self):
        for context in self.contexts:
            context.close()


@pytest.fixture
def browsing(chromium, request):
    session = Browsing(chromium)
    yield session
    if getattr(request.node, "browser_failed", False):
        for n, context in enumerate(session.contexts):
            for m, page in enumerate(context.pages):
                path = SCREENSHOTS / f"FAILED-{request.node.name}-{n}{m}.png"
                page.screenshot(path=path)
                print(f"screenshot of the failure: {path}")
    session.close()
    assert not session.dialogs, f"a page opened a dialog (script ran?): {session.dialogs}"
    assert not session.page_errors, f"uncaught JavaScript errors: {session.page_errors}"


@pytest.fixture
def page(browsing):
    return browsing.new_page()


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
