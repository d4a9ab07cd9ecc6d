"""The timeline's overview in Chromium: a large view drawn as squares of counts, zoomed by a click.

A server on a generated corpus of a few hundred events (shifted copies of the seeds), so
the unfiltered view is above :data:`components.charts.DETAIL_LIMIT`. As a reader: open it,
click a square, see the view narrowed to that period and row with every event drawn; copy
the address into another browser; walk Back and Forward.
"""

from __future__ import annotations

import re

import pytest

from components.charts import DETAIL_LIMIT, ZOOM
from components.state import vocabulary
from data.corpus import load_corpus
from data.filters import Filters, filter_events, parse_params
from data.frames import build_frames
from data.synth import generate
from tests.browser.harness import (
    ARTIFACTS,
    SERVER,
    playwright_expect,
    running_server,
    wait_idle,
)
from tests.browser.test_dashboard import (
    LONELIEST_POINT_JS,
    SUMMARY,
    expected_summary,
    open_view,
    query,
    shot,
)

pytestmark = pytest.mark.browser
expect = playwright_expect()

ARTICLES = 90  # shifted copies of the five seeds: a few hundred dated events
#: The click targets of the chart's points (event ids, or an overview square's zoom).
TARGETS_JS = """() => {
  const gd = document.querySelector("[data-testid='stPlotlyChart'] .js-plotly-plot");
  return gd.data.filter(t => t.customdata).flatMap(t => Array.from(t.customdata));
}"""


@pytest.fixture(scope="module")
def large(chromium, tmp_path_factory):
    """(base URL, frames) of a server on the generated corpus."""
    folder = tmp_path_factory.mktemp("overview-corpus")
    generate(folder, ARTICLES)
    frames = build_frames(load_corpus(folder))
    assert len(filter_events(frames.events, Filters())) > DETAIL_LIMIT
    env = {"CRACKDOWN_SEEDS": str(folder)}
    with (
        (ARTIFACTS / "streamlit-overview.log").open("wb") as log,
        running_server(SERVER, env=env, log=log) as url,
    ):
        yield url, frames


def targets(page) -> list[str]:
    page.locator("[data-testid='stPlotlyChart'] .js-plotly-plot").wait_for()
    return page.evaluate(TARGETS_JS)


def view_of(page, frames) -> Filters:
    """The view the address bar holds, read as the app reads a link."""
    parsed = parse_params(query(page), vocabulary(frames))
    assert not parsed.notices, parsed.notices
    return parsed.filters


def test_a_click_on_a_square_zooms_in_and_the_link_back_and_forward_keep_the_view(
    large, browsing
):
    url, frames = large
    page = browsing.tab()
    open_view(page, url)
    every = filter_events(frames.events, Filters())
    expect(page.locator(SUMMARY)).to_have_text(expected_summary(frames, Filters()))
    expect(page.get_by_text(f"{len(every):,} reports of events are too many to draw one by one")
           ).to_be_visible()  # fmt: skip
    squares = targets(page)
    assert squares
    assert all(t.startswith(f"{ZOOM}:") for t in squares)  # counts, not events
    shot(page, "overview")
    page.set_viewport_size({"width": 390, "height": 844})
    page.wait_for_timeout(500)
    shot(page, "overview-390")
    page.set_viewport_size({"width": 1400, "height": 1000})

    companies = set(frames.companies)
    on_a_company = [t for t in squares if t.split(":", 3)[3] in companies]
    steps = page.evaluate("history.length")
    page.locator("[data-testid='stPlotlyChart']").first.scroll_into_view_if_needed()
    page.wait_for_timeout(300)
    point = page.evaluate(LONELIEST_POINT_JS, on_a_company)
    assert point, "no square of a company is on screen"
    _, start, end, row = point["id"].split(":", 3)
    page.mouse.move(point["x"], point["y"])
    expect(page.locator(".hoverlayer .hovertext")).to_contain_text(row)
    page.mouse.click(point["x"], point["y"])
    expect(page).to_have_url(re.compile(rf"[?&]to={end}(&|$)"))
    wait_idle(page)
    assert query(page) == {"company": [row], "from": [start], "to": [end]}
    assert page.evaluate("history.length") == steps + 1  # one step for Back
    zoomed = view_of(page, frames)
    shown = filter_events(frames.events, zoomed)
    assert 0 < len(shown) <= DETAIL_LIMIT
    expect(page.locator(SUMMARY)).to_have_text(expected_summary(frames, zoomed))
    assert set(targets(page)) == set(shown["id"])  # every event of the square, drawn
    shot(page, "overview-zoomed")

    other = browsing.new_page()  # the address bar, copied into another browser
    open_view(other, page.url)
    expect(other.locator(SUMMARY)).to_have_text(expected_summary(frames, zoomed))
    assert set(targets(other)) == set(shown["id"])

    page.go_back()
    wait_idle(page)
    assert query(page) == {}
    expect(page.locator(SUMMARY)).to_have_text(expected_summary(frames, Filters()))
    expect(page.get_by_text("too many to draw one by one")).to_be_visible()
    page.go_forward()
    wait_idle(page)
    assert query(page) == {"company": [row], "from": [start], "to": [end]}
    expect(page.locator(SUMMARY)).to_have_text(expected_summary(frames, zoomed))
