"""Dashboard speed in a real browser, side by side with Streamlit's own floor.

Run ``python -m tests.browser.bench_dashboard`` (``make bench``). In one run it
measures, with Debian's Chromium driven by Playwright:

- **start**: from launching ``streamlit run`` to the first Plotly chart drawn
  in a freshly opened page;
- **filter**: from a click in the sidebar's company filter to the chart's
  last redraw, once the app is idle again (filters alternately added and
  removed, so the chart really changes each time);

for a *floor* app written at run time (one sidebar multiselect, one Plotly
chart: what any Streamlit app costs on this machine), for the dashboard on
the seeds, and for the dashboard on a generated corpus of at least 10,000
events (``data.synth``, served through ``CRACKDOWN_SEEDS``). It prints the
medians and the margin over the floor against the issue's targets: start at
most 1 s above the floor, a filter redraw at most 0.5 s above it, and with
10,000 events a redraw within 2 s of the floor.

The chart's redraw is timed inside the page: a MutationObserver notes the
last change under ``[data-testid="stPlotlyChart"]`` and the clock stops
there, not when the wait for quiet ends.
"""

from __future__ import annotations

import argparse
import math
import re
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tests.browser.harness import (
    ARTIFACTS,
    ROOT,
    chromium_missing,
    free_port,
    launch_chromium,
    start_server,
    stop_server,
    wait_chart_drawn,
    wait_healthy,
    wait_idle,
)

FLOOR_APP = '''\
"""The floor: one sidebar filter and one Plotly chart, nothing else."""
import plotly.express as px
import streamlit as st

NAMES = ["Alibaba", "Tencent", "Baidu", "Didi", "ByteDance"]
ROWS = [(NAMES[i % 5], i, (i * 7) % 13) for i in range(50)]
chosen = st.sidebar.multiselect("Company", NAMES, key="company", bind="query-params")
shown = [r for r in ROWS if not chosen or r[0] in chosen]
fig = px.scatter(x=[r[1] for r in shown], y=[r[2] for r in shown], color=[r[0] for r in shown])
st.plotly_chart(fig, key="chart")
'''

#: The sidebar filter both apps share, and the value the benchmark toggles.
FILTER_LABEL = "Company"
FILTER_OPTION = "Tencent"

#: Notes the time of the last DOM change inside any Plotly chart element, and
#: of the last end of a script run (the root's script state turning notRunning).
OBSERVER_JS = """
window.__chartMutation = 0;
window.__runEnd = 0;
new MutationObserver((records) => {
  const inChart = (n) => n && n.nodeType === 1 && (n.closest("[data-testid='stPlotlyChart']")
      || n.querySelector("[data-testid='stPlotlyChart']"));
  const now = performance.now();
  for (const r of records) {
    const target = r.target.nodeType === 1 ? r.target : r.target.parentElement;
    if (r.attributeName === "data-test-script-state"
        && target.getAttribute("data-test-script-state") === "notRunning") {
      window.__runEnd = now;
    }
    if (inChart(target) || [...r.addedNodes].some(inChart)) {
      window.__chartMutation = now;
    }
  }
}).observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
"""
QUIET_MS = 400
EVENTS_TEXT = re.compile(r"\b\d[\d,]* events?\b")


@dataclass
class Subject:
    """One app under measurement."""

    name: str
    app: Path
    env: dict[str, str] = field(default_factory=dict)
    start: list[float] = field(default_factory=list)
    filter: list[float] = field(default_factory=list)
    script: list[float] = field(default_factory=list)  # click to the end of the script's run
    shown: str = ""  # the page's own count of events, as a check of the corpus size


def measure_start(browser, subject: Subject, log, timeout_ms: float):
    """Start a server, open a fresh page, time until its chart is drawn.

    Returns the page and the server process, both left running.
    """
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.add_init_script(OBSERVER_JS)
    page = context.new_page()
    port = free_port()
    began = time.perf_counter()
    proc = start_server(subject.app, port, subject.env, log)
    wait_healthy(proc, port)
    page.goto(f"http://127.0.0.1:{port}/")
    wait_chart_drawn(page, timeout_ms)
    subject.start.append(time.perf_counter() - began)
    wait_idle(page, timeout_ms)
    return page, proc


def toggle_filter(page, add: bool) -> None:
    box = page.get_by_test_id("stSidebar").get_by_role("combobox", name=FILTER_LABEL)
    if add:
        box.click()
        page.get_by_role("option", name=FILTER_OPTION, exact=True).click()
        page.keyboard.press("Escape")
    else:
        box.click()
        box.press("Backspace")
        page.keyboard.press("Escape")


def measure_redraw(page, action: Callable[[], None], timeout_ms: float) -> tuple[float, float]:
    """Seconds from the action to the chart's last change once the app is idle,
    and to the end of the script's last run (the server's share of the time)."""
    page.evaluate("() => { window.__benchStart = performance.now(); }")
    action()
    page.wait_for_function("() => window.__chartMutation > window.__benchStart", timeout=timeout_ms)
    wait_idle(page, timeout_ms)
    page.wait_for_function(
        f"() => performance.now() - window.__chartMutation > {QUIET_MS}", timeout=timeout_ms
    )
    wait_idle(page, timeout_ms)
    chart, script = page.evaluate(
        "() => [window.__chartMutation - window.__benchStart, window.__runEnd - window.__benchStart]"
    )
    return chart / 1000, script / 1000


def run_subject(browser, subject: Subject, changes: int, timeout_ms: float) -> None:
    """One server start and ``changes`` filter changes on it."""
    log_path = ARTIFACTS / f"bench-{subject.name.split(',')[0]}.log"
    with log_path.open("ab") as log:
        page, proc = measure_start(browser, subject, log, timeout_ms)
        try:
            shown = page.get_by_text(EVENTS_TEXT).first
            if shown.count():
                subject.shown = shown.inner_text().strip()[:160]
            for n in range(changes):
                chart, script = measure_redraw(
                    page, lambda n=n: toggle_filter(page, n % 2 == 0), timeout_ms
                )
                subject.filter.append(chart)
                subject.script.append(script)
        finally:
            page.context.close()
            stop_server(proc)


def corpus_for(events: int, outdir: Path) -> int:
    """Generate a corpus with at least ``events`` events; returns its article count."""
    from data.corpus import load_corpus
    from data.synth import generate

    seeds = load_corpus()
    if not seeds.events:
        raise SystemExit("the seeds yield no events: the extraction is not working yet")
    n_articles = len(seeds.sources) * math.ceil(events / len(seeds.events))
    generate(outdir, n_articles)
    return n_articles


def median(values: list[float]) -> float:
    return statistics.median(values) if values else math.nan


def report(floor: Subject, subjects: list[tuple[Subject, float | None, float]]) -> str:
    """A Markdown table: medians, margins over the floor and the issue's targets."""
    rows = [
        "| measure | floor (median) | ours (median) | margin | target | met |",
        "|---|---|---|---|---|---|",
    ]
    for subject, start_budget, filter_budget in subjects:
        for what, budget in (("start", start_budget), ("filter", filter_budget)):
            ours, base = median(getattr(subject, what)), median(getattr(floor, what))
            margin = ours - base
            target, met = ("—", "—") if budget is None else (f"≤ +{budget:g} s", "yes")
            if budget is not None and not margin <= budget:
                met = "NO"
            runs = len(getattr(subject, what))
            rows.append(
                f"| {subject.name}: {what} ({runs} runs) | {base:.2f} s | {ours:.2f} s "
                f"| {margin:+.2f} s | {target} | {met} |"
            )
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.browser.bench_dashboard")
    parser.add_argument("--repeat", type=int, default=3, help="server starts per app (default 3)")
    parser.add_argument("--changes", type=int, default=4, help="filter changes per start")
    parser.add_argument("--events", type=int, default=10_000, help="events in the large corpus")
    parser.add_argument("--corpus", type=Path, help="reuse a corpus made by python -m data.synth")
    parser.add_argument("--no-large", action="store_true", help="skip the large corpus")
    parser.add_argument("--timeout", type=float, default=600, help="seconds to wait for a chart")
    args = parser.parse_args(argv)

    reason = chromium_missing()
    if reason:
        raise SystemExit(reason)
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    timeout_ms = args.timeout * 1000
    with tempfile.TemporaryDirectory(prefix="crackdown-bench-") as tmp:
        floor_app = Path(tmp) / "floor_app.py"
        floor_app.write_text(FLOOR_APP, encoding="utf-8")
        floor = Subject("floor", floor_app)
        ours = Subject("dashboard, seeds", ROOT / "app.py", {"CRACKDOWN_SEEDS": ""})
        subjects = [(ours, 1.0, 0.5)]
        if not args.no_large:
            corpus = args.corpus
            if corpus is None:
                corpus = Path(tmp) / "corpus"
                n_articles = corpus_for(args.events, corpus)
                print(f"generated {n_articles} articles in {corpus}")
            large = Subject(f"dashboard, {args.events:,} events", ROOT / "app.py")
            large.env["CRACKDOWN_SEEDS"] = str(corpus)
            subjects.append((large, None, 2.0))
        with sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            try:
                # Interleave the apps so a slow spell of the machine hits all of them.
                for _ in range(args.repeat):
                    for subject in [floor, *(s for s, _, _ in subjects)]:
                        run_subject(browser, subject, args.changes, timeout_ms)
                        print(
                            f"{subject.name}: start {subject.start[-1]:.2f} s, filter "
                            + ", ".join(f"{t:.2f}" for t in subject.filter[-args.changes :])
                            + " s",
                            flush=True,
                        )
            finally:
                browser.close()
    for subject in [floor, *(s for s, _, _ in subjects)]:
        print(
            f"{subject.name}: a filter change's script run ends {median(subject.script):.2f} s"
            f" after the click (median), the chart's redraw {median(subject.filter):.2f} s"
            + (f"; the page says: {subject.shown}" if subject.shown else "")
        )
    print()
    print(report(floor, subjects))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
