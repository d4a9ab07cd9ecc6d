"""The dashboard in a real browser: pages, filters in the address bar, shared links, quotes.

Expected values come from the data module (the same corpus the server
reads), so the tests follow the extraction as it improves. Screenshots land
in ``artifacts/screenshots/``.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest

from components.eventlist import event_list
from components.pages import PAGES
from data.filters import Filters, facets, filter_events
from data.titles import short_title
from tests.browser.harness import (
    ARTIFACTS,
    ROOT,
    SCREENSHOTS,
    SERVER,
    expected_summary,
    playwright_expect,
    running_server,
    wait_chart_drawn,
    wait_idle,
)

expect = playwright_expect()

pytestmark = pytest.mark.browser
expect.set_options(timeout=60_000)  # generous: the machine is shared; a real failure still fails

SUMMARY = "p.ct-summary"
NOTICE = "[data-testid='stAlertContentWarning']"
FAILURE = "[data-testid='stException'], [data-testid='stAlertContentError']"
SELECTED_MARK = ".ct-article mark.ct-selected"

#: For each marker trace of the timeline, the screen centre of each point inside the plot
#: area (the x axis may open on a narrower range) and its event id; returns the point
#: farthest from any other, so a click cannot land on a neighbour.
LONELIEST_POINT_JS = """(allowed) => {
  const gd = document.querySelector("[data-testid='stPlotlyChart'] .js-plotly-plot");
  const area = gd.querySelector('.draglayer .nsewdrag').getBoundingClientRect();
  const groups = gd.querySelectorAll('.scatterlayer .trace');
  const points = [];
  gd.data.forEach((trace, i) => {
    if (!trace.customdata || !groups[i]) return;
    groups[i].querySelectorAll('path.point').forEach((el, j) => {
      if (allowed && !allowed.includes(trace.customdata[j])) return;
      const box = el.getBoundingClientRect();
      const x = box.x + box.width / 2, y = box.y + box.height / 2;
      if (x > area.left + 4 && x < area.right - 4 && y > area.top + 4 && y < area.bottom - 4
          && y > 4 && y < window.innerHeight - 4) {  // on screen: the chart can be taller
        points.push({id: trace.customdata[j], x, y});
      }
    });
  });
  let best = null, bestGap = -1;
  for (const p of points) {
    let gap = Infinity;
    for (const q of points) if (q !== p) gap = Math.min(gap, Math.hypot(p.x - q.x, p.y - q.y));
    if (gap > bestGap) { best = p; bestGap = gap; }
  }
  return best && {...best, gap: bestGap};
}"""
#: The distinct event ids on the timeline (an event naming two companies is on two rows).
CHART_EVENTS_JS = """() => {
  const gd = document.querySelector("[data-testid='stPlotlyChart'] .js-plotly-plot");
  return new Set(gd.data.filter(t => t.customdata).flatMap(t => Array.from(t.customdata))).size;
}"""


def shot(page, name: str) -> None:
    page.screenshot(path=SCREENSHOTS / f"{name}.png")


def open_view(page, url: str) -> None:
    """Load ``url`` and wait until the app has connected and finished its script."""
    page.goto(url)
    expect(page.get_by_test_id("stSidebar")).to_be_visible()
    wait_idle(page)
    widgets_drawn(page)
    expect(page.locator(SUMMARY).or_(page.locator(".ct-article"))).to_be_visible()


def assert_no_failure(page) -> None:
    expect(page.locator(FAILURE)).to_have_count(0)
    expect(page.get_by_text("Traceback")).to_have_count(0)


def widgets_drawn(page) -> None:
    """The sidebar's widgets are drawn, not grey placeholders: a script that has finished
    does not mean a new browser has loaded the widgets' code (a click would miss them)."""
    expect(page.get_by_test_id("stSidebar").get_by_test_id("stSkeleton")).to_have_count(0)


def choose(page, label: str, option: str) -> None:
    """Pick ``option`` in the sidebar multiselect labelled ``label``, and see it chosen.

    On a busy machine, a pick made while the page's first reruns are still settling was
    seen lost (the list closed, nothing chosen, the address unchanged), as a reader's
    click would be: like that reader, the test looks and picks once more, and says so.
    """
    sidebar = page.get_by_test_id("stSidebar")
    for attempt in range(2):
        widgets_drawn(page)
        sidebar.get_by_role("combobox", name=label).click()
        page.get_by_role("option", name=option, exact=True).click()
        page.keyboard.press("Escape")
        wait_idle(page)
        chosen = sidebar.get_by_role("button", name=f"Remove {option}", exact=True)
        try:
            expect(chosen.first).to_be_visible(timeout=10_000)
            return
        except AssertionError:
            lost = SCREENSHOTS / f"LOST-{label}-{option}-{attempt + 1}.png".replace(" ", "_")
            page.screenshot(path=lost)
            print(f"the pick of {option!r} in {label!r} was lost (attempt {attempt + 1}) "
                  f"at {page.url}: {lost}")
    expect(chosen.first).to_be_visible()


def query(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def test_a_new_browser_window_loads_no_browser_interface_pages(chromium, browsing):
    """Every test (and benchmark) opens fresh browser contexts; Chromium's own WebUI pages
    (its address bar's popup) would take CPU from the app under test on every one."""
    page = browsing.new_page()
    page.goto("data:text/html,<p>a page</p>")
    page.wait_for_timeout(500)
    session = chromium.new_browser_cdp_session()
    targets = session.send("Target.getTargets")["targetInfos"]
    assert [t["url"] for t in targets if t["type"] != "page"] == []


@pytest.mark.parametrize("spec", PAGES, ids=[p["url_path"] or "timeline" for p in PAGES])
def test_each_page_loads(app_url, browsing, spec, frames):
    page = browsing.new_page()  # a fresh context: its cache has not got the chart library
    library = []  # the chart library's bundle: fetched once by a page with a chart, else never
    page.on("response", lambda r: library.append(r.status) if "/PlotlyChart." in r.url else None)
    open_view(page, f"{app_url}/{spec['url_path']}")
    assert_no_failure(page)
    assert library == ([200] if spec["chart"] else []), library
    nav = page.get_by_test_id("stSidebarNav")
    for other in PAGES:
        expect(nav.get_by_role("link", name=other["title"])).to_be_visible()
    if spec["url_path"] == "":
        wait_chart_drawn(page)
        expect(page.locator(SUMMARY)).to_have_text(expected_summary(frames, Filters()))
        assert page.evaluate(CHART_EVENTS_JS) == len(filter_events(frames.events, Filters()))
    elif spec["url_path"] == "companies":
        expect(page.locator("[class*='st-key-company_card_']").first).to_be_visible()
    elif spec["url_path"] == "add":
        expect(page.get_by_text("This dashboard is read-only:")).to_be_visible()
    else:
        expect(page.locator(".ct-article mark.ct-mark").first).to_be_visible()
    shot(page, f"page-{spec['url_path'] or 'timeline'}")


def test_filters_go_into_the_address_and_a_fresh_browser_sees_the_same(
    app_url, browsing, frames, pair
):
    company, regulator = pair
    page = browsing.tab()
    open_view(page, app_url)
    wait_chart_drawn(page)

    choose(page, "Company", company)
    expect(page).to_have_url(re.compile(r"[?&]company="))
    choose(page, "Regulator or state actor", regulator)
    expect(page).to_have_url(re.compile(r"[?&]regulator="))
    assert query(page) == {"company": [company], "regulator": [regulator]}
    wanted = expected_summary(frames, Filters(company=(company,), regulator=(regulator,)))
    expect(page.locator(SUMMARY)).to_have_text(wanted)
    n_events = len(
        filter_events(frames.events, Filters(company=(company,), regulator=(regulator,)))
    )
    if n_events:
        wait_chart_drawn(page)
        assert page.evaluate(CHART_EVENTS_JS) == n_events
    shot(page, "filtered-by-widgets")

    other = browsing.new_page()  # a new context: no cookies, storage or session in common
    open_view(other, page.url)
    expect(other.locator(SUMMARY)).to_have_text(wanted)
    expect(other.locator(NOTICE)).to_have_count(0)
    if n_events:
        wait_chart_drawn(other)
        assert other.evaluate(CHART_EVENTS_JS) == n_events
    assert query(other) == query(page)
    shot(other, "filtered-link-in-fresh-browser")


def test_a_link_in_another_case_applies_and_the_address_shows_canonical_names(
    app_url, page, frames, pair
):
    company, regulator = pair
    open_view(page, f"{app_url}/?company={company.lower()}&regulator={regulator.upper()}")
    wanted = expected_summary(frames, Filters(company=(company,), regulator=(regulator,)))
    expect(page.locator(SUMMARY)).to_have_text(wanted)
    expect(page.locator(NOTICE)).to_have_count(0)
    # The address bar is what the user copies: it must still hold the view.
    assert query(page) == {"company": [company], "regulator": [regulator]}


def test_moving_between_pages_keeps_the_filters(app_url, page, frames, pair):
    company, regulator = pair
    f = Filters(company=(company,), regulator=(regulator,))
    open_view(page, f"{app_url}/?company={company}&regulator={regulator}")
    wanted = expected_summary(frames, f)
    expect(page.locator(SUMMARY)).to_have_text(wanted)
    nav = page.get_by_test_id("stSidebarNav")

    nav.get_by_role("link", name="Company cards").click()
    expect(page).to_have_url(re.compile(r"/companies\?"))
    wait_idle(page)
    expect(page.get_by_role("heading", name="Company cards")).to_be_visible()
    expect(page.locator(SUMMARY)).to_have_text(wanted)
    assert query(page) == {"company": [company], "regulator": [regulator]}
    shot(page, "companies-keeps-filters")

    nav.get_by_role("link", name="Timeline").click()
    expect(page).to_have_url(re.compile(r"/\?"))
    wait_idle(page)
    expect(page.locator(SUMMARY)).to_have_text(wanted)
    assert query(page) == {"company": [company], "regulator": [regulator]}
    sidebar = page.get_by_test_id("stSidebar")
    expect(sidebar.get_by_test_id("stMultiSelect").first).to_contain_text(company)


def click_loneliest_point(page, allowed: list[str] | None = None) -> dict:
    """Click the chart point farthest from the others (among ``allowed`` ids); wait for the
    event to reach the address bar. Returns the point (its event id, x and y)."""
    wait_chart_drawn(page)
    page.locator("[data-testid='stPlotlyChart']").first.scroll_into_view_if_needed()
    page.wait_for_timeout(300)
    point = page.evaluate(LONELIEST_POINT_JS, allowed)
    assert point, "the timeline has no event points"
    assert point["gap"] > 12, f"no point stands clear of the others: {point}"
    page.mouse.move(point["x"], point["y"])
    expect(page.locator(".hoverlayer .hovertext")).to_have_count(1)  # plotly sees the point
    page.mouse.click(point["x"], point["y"])
    expect(page).to_have_url(re.compile(rf"[?&]event={re.escape(point['id'])}(&|$)"))
    wait_idle(page)
    return point


def test_clicking_a_point_opens_its_card_and_its_highlighted_quote(app_url, browsing, frames):
    page = browsing.tab()
    open_view(page, app_url)
    point = click_loneliest_point(page)
    assert query(page)["event"] == [point["id"]]
    card = page.locator(".st-key-event_card")
    quote = frames.events.set_index("id").loc[point["id"], "quote"]
    expect(card.locator("blockquote")).to_have_text(" ".join(quote.split()))
    shot(page, "event-card-from-chart-click")

    link = card.get_by_role("link", name="Show the quote in its article")
    # the link's own address, as "open in a new tab" or "copy link address" take it
    other = browsing.new_page()
    open_view(other, urljoin(page.url, link.get_attribute("href")))
    assert_selected_quote(other, point["id"], quote)
    link.click()
    expect(page).to_have_url(re.compile(r"/sources\?.*event="))
    wait_idle(page)
    assert_selected_quote(page, point["id"], quote)
    shot(page, "viewer-from-chart-click")


@pytest.mark.parametrize("which", ["first", "last"])
def test_a_link_with_an_event_opens_its_article_at_the_marked_quote(app_url, page, frames, which):
    """The event's article opens, scrolled to its quote (last: far down a long article)."""
    events = frames.events.sort_values(["source", "start"])
    row = events.iloc[0 if which == "first" else -1]
    open_view(page, f"{app_url}/sources?event={row['id']}")
    assert_no_failure(page)
    title = frames.sources.loc[row["source"], "title"]
    expect(page.get_by_role("heading", name=title)).to_be_visible()
    assert_selected_quote(page, row["id"], row["quote"])
    shot(page, f"viewer-event-link-{which}")


LIST_ROWS_DRAWN = 8  # the list draws the rows in its window; the test clicks events among these
SELECTED_LIST_ROW = ".st-key-event_list tr[role='row'][aria-selected='true']"


def list_row_of(frames, event_id: str) -> int | None:
    """Where ``event_id``'s row is in the unfiltered event list (a merged event's row)."""
    rows = event_list(filter_events(frames.events, Filters()), frames.groups, event_id)
    marked = (rows["selected"] != "").to_numpy().nonzero()[0]
    return int(marked[0]) if len(marked) else None


def expect_list_selects(page, frames, event_id: str | None) -> None:
    """The event list's selected row is ``event_id``'s (None: no row is selected)."""
    page.locator(".st-key-event_list [data-testid='stDataFrame']").wait_for()
    rows = page.locator(SELECTED_LIST_ROW)
    if event_id is None:
        expect(rows).to_have_count(0)
        return
    expect(rows).to_have_count(1)
    expect(rows).to_have_attribute("aria-rowindex", str(list_row_of(frames, event_id) + 2))
    expect(rows).to_contain_text("▶")


def test_clicking_a_point_selects_its_row_in_the_list_as_one_history_step(
    app_url, browsing, frames
):
    """Chart and list linked both ways: a chart click is the same as clicking the event's row
    (the row selected, the link holds the event), one step for Back, and the copied link
    reopens with the row selected."""
    ids = list(frames.events["id"])
    near_top = [i for i in ids if (list_row_of(frames, i) or 99) < LIST_ROWS_DRAWN]
    page = browsing.tab()
    open_view(page, app_url)
    expect_list_selects(page, frames, None)
    steps = page.evaluate("history.length")
    point = click_loneliest_point(page, near_top)
    expect_list_selects(page, frames, point["id"])
    expect(page.locator(".st-key-event_card")).to_be_visible()
    assert page.evaluate("history.length") == steps + 1
    shot(page, "chart-click-selects-row")

    other = browsing.new_page()  # the address bar, copied into another browser
    open_view(other, page.url)
    expect(other.locator(NOTICE)).to_have_count(0)
    assert query(other) == {"event": [point["id"]]}
    expect_list_selects(other, frames, point["id"])

    page.go_back()
    wait_idle(page)
    assert "event" not in query(page)
    expect_list_selects(page, frames, None)
    expect(page.locator(".st-key-event_card")).to_have_count(0)
    page.go_forward()
    wait_idle(page)
    assert query(page) == {"event": [point["id"]]}
    expect_list_selects(page, frames, point["id"])
    page.set_viewport_size({"width": 390, "height": 844})
    page.wait_for_timeout(500)
    shot(page, "chart-click-selects-row-390")
    page.set_viewport_size({"width": 1400, "height": 1000})

    page.locator(".st-key-event_card").get_by_role("button", name="Close").click()
    expect(page).not_to_have_url(re.compile(r"[?&]event="))
    wait_idle(page)
    expect_list_selects(page, frames, None)


def assert_selected_quote(page, event_id: str, quote: str) -> None:
    """One quote is marked as selected, it is the event's, and it is scrolled into view."""
    mark = page.locator(SELECTED_MARK)
    expect(mark).to_have_count(1)
    expect(mark).to_have_attribute("id", re.sub(r"[^A-Za-z0-9_-]", "_", f"q-{event_id}"))
    assert quote in mark.inner_text() or " ".join(quote.split()) in " ".join(
        mark.inner_text().split()
    )
    expect(mark).to_be_in_viewport()


HOSTILE = (
    "company=%3Cscript%3Ealert(1)%3C%2Fscript%3E&from=notadate&company=Nonexistent"
    "&company={company}&regulator=%3Cimg%20src%3Dx%20onerror%3Dalert(2)%3E"
    "&to=2021-02-30&to=2022-01-01&q=" + "x" * 5000 + "&event=%22%3E%3Csvg%20onload%3Dalert(3)%3E"
)


@pytest.mark.parametrize("path", ["", "companies", "sources"])
def test_a_hostile_link_shows_a_notice_not_an_error(app_url, browsing, pair, path):
    company = pair[0]
    page = browsing.tab()
    open_view(page, f"{app_url}/{path}?" + HOSTILE.format(company=company))
    notice = page.locator(NOTICE)
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("could not be used")
    assert_no_failure(page)
    if path != "sources":
        expect(page.locator(SUMMARY)).to_contain_text(company)  # the rest of the link applies
    assert query(page).get("company") == [company]
    page.wait_for_timeout(500)  # give any injected handler (onerror, onload) time to fire
    shot(page, f"hostile-link-{path or 'timeline'}")
    assert not browsing.dialogs, f"a script from the link ran: {browsing.dialogs}"
    assert page.locator("script:has-text('alert(1)'), img[src='x'], svg[onload]").count() == 0


#: The focused element: whether it is inside the undated statements' tab panel, its role,
#: and its accessible name (aria-label, its label element, or its text).
FOCUSED_JS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const panel = el.closest('[role=tabpanel]');
  const labelled = el.getAttribute('aria-labelledby');
  const name = el.getAttribute('aria-label')
    || (labelled && document.getElementById(labelled)?.innerText)
    || (el.labels && el.labels[0]?.innerText) || el.innerText || '';
  return {inPanel: !!panel && panel.innerText.includes('Statements with no date'),
          role: el.getAttribute('role') || el.tagName.toLowerCase(), name: name.trim()};
}"""


def test_undated_statements_are_one_keyboard_stop_not_twenty_select_buttons(
    app_url, browsing, frames
):
    """Keyboard only: the statements tab holds one control (not a "Select" button per
    statement); choosing a statement with the keys opens its card and goes into the link."""
    statements = filter_events(frames.statements, Filters(), by_date=False)
    page = browsing.tab()
    open_view(page, app_url)
    tab = page.get_by_role("tab", name=re.compile(r"^Undated statements"))
    page.get_by_role("tab", name=re.compile(r"^Events")).focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Enter")
    expect(tab).to_have_attribute("aria-selected", "true")
    expect(page.get_by_role("button", name="Select", exact=True)).to_have_count(0)
    # the panel drawn before the walk: on a busy machine the first Tab was seen to leave a
    # panel whose control was not yet on the page (as a reader's would, before it appears)
    panel = page.get_by_role("tabpanel", name=re.compile(r"^Undated statements"))
    expect(panel.get_by_role("combobox")).to_be_visible()
    wait_idle(page)

    stops = []
    for _ in range(40):  # walk forward until focus has gone through the panel and out
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED_JS)
        if focused and focused["inPanel"]:
            stops.append(focused)
        elif stops:
            break
    assert stops, "Tab never reached the undated statements"
    names = [s["name"] for s in stops]
    assert len(stops) <= 3, f"the statements take {len(stops)} Tab stops: {names}"
    assert len(set(names)) == len(names), names
    assert [s["role"] for s in stops if s["role"] != "tabpanel"] == ["combobox"], stops
    assert stops[-1]["role"] == "combobox"

    page.keyboard.press("Shift+Tab")  # back to the one control, and choose with the keys
    assert page.evaluate(FOCUSED_JS)["role"] == "combobox"
    page.keyboard.press("ArrowDown")
    expect(page.get_by_role("option").first).to_be_visible()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"[?&]event="))
    wait_idle(page)
    chosen = query(page)["event"][0]
    assert chosen in set(statements["id"])
    expect(tab).to_have_attribute("aria-selected", "true")  # its tab stays open
    quote = statements.set_index("id").loc[chosen, "quote"]
    card = page.locator(".st-key-event_card")
    expect(card.locator("blockquote")).to_have_text(" ".join(quote.split()))
    shot(page, "statement-chosen-by-keyboard")

    other = browsing.new_page()
    open_view(other, page.url)
    expect(other.locator(NOTICE)).to_have_count(0)
    expect(other.locator(".st-key-event_card blockquote")).to_have_text(" ".join(quote.split()))
    other.get_by_role("tab", name=re.compile(r"^Undated statements")).click()
    picker = other.get_by_role("combobox", name="Open a statement")  # shows the chosen one
    expect(picker).to_have_value(re.compile("^" + re.escape(short_title(quote)[:30])))
    other.set_viewport_size({"width": 390, "height": 844})
    other.wait_for_timeout(500)
    shot(other, "statement-link-390")

    page.go_back()
    wait_idle(page)
    assert "event" not in query(page)
    expect(page.locator(".st-key-event_card")).to_have_count(0)


#: The open dropdown's options: each one's name (its accessible name, without the count)
#: and the count drawn beside it.
OPTION_COUNTS_JS = """() => Array.from(document.querySelectorAll('[role=option]')).map(o => {
  const count = o.querySelector('.ct-count');
  const full = o.textContent;
  return {name: (count ? full.slice(0, full.length - count.textContent.length) : full).trim(),
          count: count ? count.textContent : null};
})"""


def open_options(page, label: str) -> dict[str, int]:
    """Open the sidebar filter ``label``; the counts its options show, by value."""
    page.get_by_test_id("stSidebar").get_by_role("combobox", name=label).click()
    expect(page.locator("[role=option] .ct-count").first).to_be_visible()
    shown = page.evaluate(OPTION_COUNTS_JS)
    uncounted = [o["name"] for o in shown if not o["count"]]
    assert uncounted in ([], ["Select all"]), f"options without their count: {uncounted}"
    return {o["name"]: int(re.sub(r"\D", "", o["count"])) for o in shown if o["count"]}


def test_each_filter_lists_its_values_with_their_counts_and_the_link_keeps_plain_values(
    app_url, browsing, frames
):
    """Datasette's facets in the options themselves: "Tencent (12)"; picking one shows that
    many events; the link holds the plain value, and a fresh browser sees the same."""
    page = browsing.tab()
    open_view(page, app_url)
    counts = open_options(page, "Company")
    expected = facets(frames.events, Filters(), ["company"])["company"]
    assert counts == {k: int(v) for k, v in expected.items()}  # every value with events, no other
    shot(page, "facet-counts-company")
    company = max(counts, key=lambda c: (counts[c] > 1, -counts[c], c))  # a mid-sized one
    page.get_by_role("option", name=company, exact=True).click()  # the count is not its name
    page.keyboard.press("Escape")
    wait_idle(page)
    assert query(page) == {"company": [company]}
    events_tab = page.get_by_role("tab", name=re.compile(r"^Events"))
    expect(events_tab).to_have_text(f"Events ({counts[company]:,})")

    f = Filters(company=(company,))
    by_category = open_options(page, "Category")  # counts follow the view
    expected = facets(frames.events, f, ["category"])["category"]
    assert by_category == {k: int(v) for k, v in expected.items()}
    page.set_viewport_size({"width": 390, "height": 844})
    page.wait_for_timeout(500)
    shot(page, "facet-counts-category-390")
    page.keyboard.press("Escape")
    page.set_viewport_size({"width": 1400, "height": 1000})

    other = browsing.new_page()
    open_view(other, page.url)
    expect(other.locator(NOTICE)).to_have_count(0)
    expect(other.get_by_role("tab", name=re.compile(r"^Events"))).to_have_text(
        f"Events ({counts[company]:,})"
    )
    assert open_options(other, "Category") == by_category

    page.go_back()
    wait_idle(page)
    assert "company" not in query(page)
    assert open_options(page, "Company") == counts


#: Boxes of the timeline's legend, its row names (y ticks) and its dates (x ticks).
CHART_BOXES_JS = """() => {
  const gd = document.querySelector("[data-testid='stPlotlyChart'] .js-plotly-plot");
  const box = (el) => { const r = el.getBoundingClientRect();
                        return [r.left, r.top, r.right, r.bottom, el.textContent]; };
  return {legend: [...gd.querySelectorAll('.legend .traces')].map(box),
          names: [...gd.querySelectorAll('.ytick text')].map(box),
          dates: [...gd.querySelectorAll('.xtick text')].map(box)};
}"""


@pytest.fixture(scope="module")
def many_rows_url(chromium):
    """A second server, on blind batch 16 (twenty rows of companies and a key of ten
    categories): its first row's name was hidden (Plotly drops a name it cannot place)."""
    log_path = ARTIFACTS / "streamlit-many-rows.log"
    folder = ROOT / "tests" / "heldout" / "blind16" / "articles"
    with log_path.open("wb") as log, running_server(
            SERVER, env={"CRACKDOWN_SEEDS": str(folder)}, log=log) as url:
        yield url


@pytest.mark.parametrize(("width", "corpus"), [(390, "seeds"), (1400, "seeds"),
                                               (390, "many rows"), (1400, "many rows")])
def test_the_key_covers_no_row_name_and_no_date(app_url, browsing, request, width, corpus):
    """On a phone the key takes four lines: laid over the plot it hid the first row's name.
    With twenty rows the first row's name stood outside the plot, and Plotly hid it."""
    url = f"{app_url}/?company=Alibaba" if corpus == "seeds" else (
        request.getfixturevalue("many_rows_url") + "/")
    page = browsing.tab()
    page.set_viewport_size({"width": width, "height": 1000})
    page.goto(url)
    wait_idle(page)
    wait_chart_drawn(page)
    boxes = page.evaluate(CHART_BOXES_JS)
    assert all(boxes[k] for k in ("legend", "names", "dates")), boxes

    def overlap(a, b):
        return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]

    # every row keeps its name on the screen (Plotly drops a tick label it cannot place)
    hidden = [name[4] for name in boxes["names"] if name[3] - name[1] <= 0]
    assert not hidden, f"at {width} px the rows {hidden} have no name on the screen"
    covered = [(key[4], text[4]) for key in boxes["legend"]
               for text in boxes["names"] + boxes["dates"] if overlap(key, text)]
    assert not covered, f"at {width} px the key covers {covered}"
