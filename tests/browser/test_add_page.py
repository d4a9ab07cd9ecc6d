"""Adding an article in a real browser: another browser sees it without a restart.

A server of its own, on a copy of the seeds with an editor token set, so the
session's shared server and the real ``seeds/`` are never written to.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from data.corpus import load_corpus
from data.sources import SEEDS_DIR
from tests.browser.harness import (
    ARTIFACTS,
    SERVER,
    playwright_expect,
    running_server,
    wait_chart_drawn,
    wait_idle,
)
from tests.browser.test_dashboard import CHART_EVENTS_JS, open_view, shot

expect = playwright_expect()


pytestmark = pytest.mark.browser
TOKEN = "browser-test-token"
SLOW_MS = 120_000  # a shared 2-core machine under load draws slowly; a wait, not a speed test
PASTED = (
    "On Friday, the market regulator fined Tencent over a music licensing deal it had not "
    "reported.\n\nThe company said it would comply.\n"
)


@pytest.fixture(scope="module")
def editable_url(chromium, tmp_path_factory):
    folder = tmp_path_factory.mktemp("editable") / "corpus"
    shutil.copytree(SEEDS_DIR, folder, ignore=shutil.ignore_patterns(".crackdown-*"))
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    env = {"CRACKDOWN_SEEDS": str(folder), "CRACKDOWN_EDITOR_TOKEN": TOKEN}
    with (ARTIFACTS / "streamlit-add-page.log").open("wb") as log, running_server(
        SERVER, env=env, log=log
    ) as url:
        yield url, folder


def open_as_editor(browsing, url):
    """The reused tab on /add with the editor token typed in."""
    editor = browsing.tab()
    editor.goto(f"{url}/add")
    wait_idle(editor, SLOW_MS)
    editor.get_by_label("Editor token").fill(TOKEN)
    editor.get_by_label("Editor token").press("Enter")
    wait_idle(editor, SLOW_MS)
    return editor


def add_field(editor, name):
    """The "Add" tab's field (the "Edit" tab has one of the same name)."""
    return editor.get_by_role("textbox", name=name, exact=True).first


def test_a_pasted_article_appears_in_another_browser_without_restart(editable_url, browsing):
    url, folder = editable_url
    watcher = browsing.new_page()  # opened before the article exists
    open_view(watcher, url)
    wait_chart_drawn(watcher, SLOW_MS)
    before = watcher.evaluate(CHART_EVENTS_JS)

    editor = open_as_editor(browsing, url)
    editor.get_by_label("Article text").fill(PASTED)
    add_field(editor, "Publication date").fill("16 March 2021")
    add_field(editor, "Publication date").press("Enter")
    wait_idle(editor, SLOW_MS)
    add_field(editor, "Title").fill("<b>Fine</b> for Tencent")
    add_field(editor, "Title").press("Enter")
    wait_idle(editor, SLOW_MS)
    expect(editor.get_by_text("Tuesday 16 March 2021 (day precision)")).to_be_visible(timeout=SLOW_MS)
    expect(editor.get_by_role("heading", name="Preview")).to_be_visible(timeout=SLOW_MS)
    editor.get_by_role("button", name="Save to the corpus").click()
    wait_idle(editor, SLOW_MS)
    expect(editor.get_by_text("Saved. Every open tab")).to_be_visible(timeout=SLOW_MS)
    shot(editor, "add-saved")
    assert (folder / "sources.toml").read_text(encoding="utf-8").count("\n[[source]]\n") == 6

    # The tab opened before: its next interaction shows the new event on the timeline.
    watcher.get_by_test_id("stSidebarNav").get_by_role("link", name="Company cards").click()
    wait_idle(watcher, SLOW_MS)
    watcher.get_by_test_id("stSidebarNav").get_by_role("link", name="Timeline").click()
    wait_idle(watcher, SLOW_MS)
    wait_chart_drawn(watcher, SLOW_MS)
    assert watcher.evaluate(CHART_EVENTS_JS) == before + 1

    # A third browser: the new article alone on the timeline, then its quote in the viewer.
    (event,) = [e for e in load_corpus(folder).events if e.source == "005"]
    reader = browsing.new_page()
    open_view(reader, f"{url}/?source=005")
    wait_chart_drawn(reader, SLOW_MS)
    assert reader.evaluate(CHART_EVENTS_JS) == 1
    open_view(reader, f"{url}/sources?event={event.id}")
    expect(reader.locator(".ct-article mark.ct-selected")).to_contain_text("music licensing deal", timeout=SLOW_MS)
    expect(reader.get_by_text("<b>Fine</b> for Tencent").first).to_be_visible(timeout=SLOW_MS)
    shot(reader, "add-seen-in-viewer")
    assert browsing.dialogs == []
    assert browsing.page_errors == []


SAVED_PAGE = Path(__file__).resolve().parents[1] / "add_page.html"


def test_a_saved_web_page_is_uploaded_with_its_metadata_and_seen_in_another_browser(
    editable_url, browsing
):
    url, folder = editable_url
    listed_before = (folder / "sources.toml").read_text(encoding="utf-8").count("\n[[source]]\n")
    editor = open_as_editor(browsing, url)
    editor.get_by_text("A file (.txt, .md or a saved .html page)").click()
    wait_idle(editor, SLOW_MS)
    editor.locator("input[type=file]").first.set_input_files(str(SAVED_PAGE))
    wait_idle(editor, SLOW_MS)

    # The page's own metadata fills the form (trafilatura): title, outlet, author, link, date.
    expect(add_field(editor, "Title")).to_have_value("Regulators fine Tencent over deals", timeout=SLOW_MS)
    expect(add_field(editor, "Outlet")).to_have_value("Example News")
    expect(add_field(editor, "Authors (separated by ;)")).to_have_value("Ann Writer")
    expect(add_field(editor, "Original link (http:// or https://)")).to_have_value(
        "https://news.example.com/2021/03/16/tencent-fine")
    expect(editor.get_by_text("Tuesday 16 March 2021 (day precision)")).to_be_visible(timeout=SLOW_MS)
    expect(editor.get_by_role("heading", name="Preview")).to_be_visible(timeout=SLOW_MS)
    shot(editor, "add-html-preview")
    editor.get_by_role("button", name="Save to the corpus").click()
    wait_idle(editor, SLOW_MS)
    expect(editor.get_by_text("Saved. Every open tab")).to_be_visible(timeout=SLOW_MS)
    listing = (folder / "sources.toml").read_text(encoding="utf-8")
    assert listing.count("\n[[source]]\n") == listed_before + 1
    assert 'url = "https://news.example.com/2021/03/16/tencent-fine"' in listing

    # Only the article's prose was kept: no navigation, byline or copyright line.
    corpus = load_corpus(folder)
    (sid,) = [s for s, src in corpus.sources.items() if src.title.startswith("Regulators fine")]
    saved = corpus.texts[sid]
    assert "market regulator fined Tencent and Baidu" in saved
    for furniture in ("Skip to main content", "Copyright", "All rights reserved", "Home"):
        assert furniture not in saved

    # Another browser: the article alone on the timeline, and its quote in the viewer.
    fined = next(e for e in corpus.events if e.source == sid and "fined" in e.quote)
    reader = browsing.new_page()
    open_view(reader, f"{url}/?source={sid}")
    wait_chart_drawn(reader, SLOW_MS)
    assert reader.evaluate(CHART_EVENTS_JS) >= 1
    open_view(reader, f"{url}/sources?event={fined.id}")
    expect(reader.locator(".ct-article mark.ct-selected")).to_contain_text("fined Tencent", timeout=SLOW_MS)
    shot(reader, "add-html-seen-in-viewer")
    assert browsing.dialogs == []
    assert browsing.page_errors == []
