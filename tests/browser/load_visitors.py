"""Many visitors at once: ``python -m tests.browser.load_visitors`` (``make bench``).

One ``streamlit run serve.py`` on 127.0.0.1 (loopback only), one headless
Chromium (Debian's, through Playwright's async API) with one browser context
per browser visitor, so every visitor is a separate session with no shared
cookies, and *wire visitors* (``tests/browser/wire.py``): sessions that send
over Streamlit's WebSocket what Chromium's frontend sends for the same actions,
so that the server does the same work without a browser drawing each page (25
browsers cannot draw at once on a 2-core machine; the run would measure them).

Phase 1, *hold*: ``--visitors`` visitors (``--browsers`` of them in Chromium, the
others on the wire) arrive together from shared links and,
for ``--seconds``, each goes round the same loop a reader would: pick a company
in the sidebar filter (the timeline redraws and its sentence names the
company), open the company cards, open the source viewer (an article with its
quotes highlighted), back to the timeline.

Phase 2, *churn*: ``--churn`` visitors arrive and leave (open a link in a new
tab or a new connection, filter once, close it: a new Streamlit session each),
``--lanes`` at a time (``--churn-browser-lanes`` of the lanes in Chromium), to show that the server's memory returns once sessions end (no leak).
No churn visitor starts after ``--churn-seconds``, so the full-size run ends
in about eight minutes even where drawing the pages is slow; the report says
how many came and went.

Every step is checked against the data module (the sentence is exactly the one
:func:`data.filters.describe` gives for the view, the company's card is there,
the article has highlighted quotes, the chart is drawn, no error box) and timed
from the click until the page is *ready*: Streamlit connected and its script
finished (``data-test-script-state``), nothing stale on the page, the sidebar's
filters drawn, the expected content shown, and all of it unchanged for a short
settle time. Every wait is bounded by ``--step-timeout``: a step that does not
get there is counted as failed with what was expected and what was shown (and
a screenshot), and the visitor goes on; after ``--max-failures`` failed steps,
or if the server dies, the run stops. The script always exits.

It prints: steps right and failed, dialogs and page errors (none expected), the
median, 95th percentile and slowest redraw, the server's RSS before, during
(peak) and after each phase, the server's CPU per step, and the memory per
concurrent visitor. It exits 0 when every step was right, 1 otherwise.
``tests/browser/test_load.py`` runs it scaled down in ``make test``.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import random
import statistics
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import urlencode

import psutil

from tests.browser.harness import (
    ARTIFACTS,
    CHART_DRAWN_JS,
    CHROMIUM,
    CHROMIUM_ARGS,
    SCREENSHOTS,
    SERVER,
    expected_summary,
    free_port,
    start_server,
    stop_server,
    wait_healthy,
)
from tests.browser.wire import WireSession

FAILURE = "[data-testid='stException'], [data-testid='stAlertContentError']"
SUMMARY = "p.ct-summary"
ARTICLE_MARK = ".ct-article mark.ct-mark"
COMPANIES = ("Tencent", "Alibaba", "Didi", "ByteDance", "Ant Group", "Meituan")
SETTLE_MS = 300  # Streamlit may run a page twice in a row, with a short idle gap between
STEP_TIMEOUT_S = 120.0  # a step slower than this is an error, not a wait (25 arriving at once
# on 2 cores each wait about a minute for their first page)
MAX_FAILURES = 10
FAILURE_SHOTS = 5

#: True once the page is ready for the reader and has stayed so for ``want.settle`` ms:
#: connected, script finished, nothing stale, no widget still a grey placeholder (Streamlit
#: draws one until the widget's code has loaded: seconds for a new visitor on a busy
#: machine), the sidebar's filters drawn, every
#: ``[selector, text]`` of ``want.need`` visible (with exactly that text when given),
#: and the chart drawn when ``want.chart``. ``want.token`` starts a new settle clock.
#: An error box on an idle page ends the wait at once, with its text.
READY_JS = (
    """(want) => {
  const seen = (el) => !!el && el.getClientRects().length > 0;
  const app = document.querySelector("[data-testid='stApp']");
  const idle = !!app && app.getAttribute('data-test-connection-state') === 'CONNECTED'
    && app.getAttribute('data-test-script-state') === 'notRunning'
    && !document.querySelector("[data-stale='true']");
  const failure = document.querySelector(want.failure);
  if (idle && seen(failure)) return {error: failure.innerText.slice(0, 200)};
  let ok = idle && !document.querySelector("[data-testid='stSkeleton']")
    && seen(document.querySelector("[data-testid='stSidebar'] input[role='combobox']"))
    && want.need.every(([sel, text]) => {
      const el = document.querySelector(sel);
      return seen(el) && (text === null || el.innerText.trim() === text);
    });
  if (ok && want.chart) ok = ("""
    + CHART_DRAWN_JS
    + """)();
  const now = performance.now(), w = window.__ctLoad;
  if (!ok || !w || w.token !== want.token || w.since === null) {
    window.__ctLoad = {token: want.token, since: ok ? now : null};
    return false;
  }
  return now - w.since >= want.settle;
}"""
)

#: What the page shows, for a failure message.
SHOWN_JS = """(failure) => {
  const app = document.querySelector("[data-testid='stApp']");
  const text = (sel) => {
    const el = document.querySelector(sel);
    return el ? el.innerText.trim().replace(/\\s+/g, ' ').slice(0, 160) : null;
  };
  return {
    url: location.pathname + location.search,
    app: app ? app.getAttribute('data-test-connection-state') + '/'
               + app.getAttribute('data-test-script-state') : 'no app',
    stale: document.querySelectorAll("[data-stale='true']").length,
    sidebar_filters: document.querySelectorAll(
      "[data-testid='stSidebar'] input[role='combobox']").length,
    title: text('h1'),
    sentence: text('p.ct-summary'),
    error: text(failure),
  };
}"""


@dataclass(frozen=True)
class Expect:
    """What a step must end on, in words and as what the page holds: the sentence, a
    company's card, highlighted quotes, the chart. A browser visitor looks for it in the
    page (:meth:`need`), a wire visitor in the elements the run sent (:meth:`missing`)."""

    what: str
    sentence: str | None = None
    card: str | None = None  # a company whose card must be there
    marks: bool = False
    chart: bool = False

    def need(self) -> tuple[tuple[str, str | None], ...]:
        """Selectors (with their exact text, or None) the page must show."""
        out: list[tuple[str, str | None]] = []
        if self.sentence is not None:
            out.append((SUMMARY, self.sentence))
        if self.card is not None:
            out.append((f".st-key-{card_key(self.card)}", None))
        if self.marks:
            out.append((ARTICLE_MARK, None))
        return tuple(out)

    def missing(self, drawn) -> str | None:
        """What a wire visitor's finished run drew lacks of this (None: nothing)."""
        if (error := drawn.error()) is not None:
            return error
        if self.sentence is not None and drawn.sentence() != self.sentence:
            return f"the sentence {drawn.sentence()!r}"
        if self.card is not None and not drawn.has_block(card_key(self.card)):
            return f"no card keyed {card_key(self.card)}"
        if self.marks and not drawn.has_marks():
            return "no highlighted quote"
        if self.chart and not drawn.has_chart():
            return "no chart"
        return None


def card_key(company: str) -> str:
    """The key of a company's card container (components/company.py)."""
    return "company_card_" + "".join(ch if ch.isalnum() else "_" for ch in company)


@dataclass
class Report:
    steps: list[tuple[str, float, str]] = field(default_factory=list)  # (step, seconds, kind)
    failures: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    rss: dict[str, float] = field(default_factory=dict)  # MiB at named moments
    peak_rss: float = 0.0
    cpu_s: float = 0.0
    visitors: int = 0
    browsers: int = 0
    churned: int = 0
    churn_rss: list[tuple[int, float]] = field(default_factory=list)
    aborted: str = ""
    seconds: float = 0.0

    def ok(self) -> bool:
        return not (self.failures or self.dialogs or self.page_errors or self.aborted) and bool(
            self.steps
        )

    def lines(self) -> list[str]:
        out = [
            f"visitors held at once: {self.visitors} ({self.browsers} in Chromium, "
            f"{self.visitors - self.browsers} on the wire); then {self.churned} came and went",
            f"steps: {len(self.steps)} right, {len(self.failures)} failed; dialogs "
            f"{len(self.dialogs)}, page errors {len(self.page_errors)}",
        ]
        for kind, until in (("wire", "the run finished"), ("browser", "the page is ready")):
            steps = [(name, t) for name, t, k in self.steps if k == kind]
            if not steps:
                continue
            times = sorted(t for _, t in steps)
            p95 = times[min(len(times) - 1, int(0.95 * len(times)))]
            slowest = max(steps, key=lambda s: s[1])
            out.append(
                f"{kind} visitors, {len(steps)} steps, action to {until}: median "
                f"{statistics.median(times):.2f} s, 95th percentile {p95:.2f} s, slowest "
                f"{slowest[1]:.2f} s ({slowest[0]})"
            )
        out.append("server RSS (MiB): " + ", ".join(f"{k} {v:.0f}" for k, v in self.rss.items())
                   + f"; peak while held {self.peak_rss:.0f}")  # fmt: skip
        if self.visitors and "before" in self.rss:
            per = (self.peak_rss - self.rss["before"]) / self.visitors
            out.append(f"memory per concurrent visitor: {per:.1f} MiB (peak - before) / visitors")
        if self.steps:
            out.append(f"server CPU per step: {self.cpu_s / len(self.steps) * 1000:.0f} ms "
                       f"({self.cpu_s:.1f} s over {len(self.steps)} steps)")  # fmt: skip
        if self.churn_rss:
            out.append("churn, RSS after n visitors came and went: "
                       + ", ".join(f"{n}: {mib:.0f}" for n, mib in self.churn_rss))  # fmt: skip
        if self.aborted:
            out.append(f"STOPPED EARLY: {self.aborted}")
        out += [f"FAILED {f}" for f in self.failures[:10]]
        out += [f"DIALOG {d}" for d in self.dialogs[:10]]
        out += [f"PAGE ERROR {e}" for e in self.page_errors[:10]]
        return out


def rss_mib(proc: psutil.Process) -> float:
    """The server's resident memory in MiB (NaN once it has died: the report says so)."""
    try:
        return proc.memory_info().rss / 2**20
    except psutil.Error:
        return float("nan")


def cpu_seconds(proc: psutil.Process) -> float:
    try:
        t = proc.cpu_times()
    except psutil.Error:
        return float("nan")
    return t.user + t.system


def alive(proc: psutil.Process) -> bool:
    try:
        return proc.is_running() and proc.status() != psutil.STATUS_ZOMBIE
    except psutil.Error:
        return False


class Sampler:
    """Samples the server's RSS every 0.5 s in a thread; keeps the peak."""

    def __init__(self, proc: psutil.Process):
        self.proc, self.peak, self._stop = proc, 0.0, threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        while not self._stop.wait(0.5):
            self.peak = max(self.peak, rss_mib(self.proc))  # NaN (a dead server) is no peak

    def __enter__(self):
        self.peak = rss_mib(self.proc)
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


@dataclass
class Run:
    """What every visitor shares: the server, the limits, the expected sentences."""

    base: str
    proc: psutil.Process
    report: Report
    sentences: dict[str, str]  # company -> the sentence its view must show; "" -> unfiltered
    step_timeout: float = STEP_TIMEOUT_S
    max_failures: int = MAX_FAILURES
    shots: int = 0  # screenshots left to take of visitor 0's steps
    think: float = 0.0  # seconds a held visitor reads each view before acting (0.5-1.5x)

    def stopping(self) -> bool:
        if not self.report.aborted:
            if not alive(self.proc):
                self.report.aborted = "the server process died"
            elif len(self.report.failures) >= self.max_failures:
                self.report.aborted = f"{len(self.report.failures)} failed steps"
        return bool(self.report.aborted)

    def timeline(self, company: str) -> Expect:
        return Expect(f"the timeline saying {self.sentences[company]!r} and its chart drawn",
                      sentence=self.sentences[company], chart=True)  # fmt: skip

    def cards(self, company: str) -> Expect:
        return Expect(f"the company cards with {company}'s card",
                      sentence=self.sentences[company], card=company)  # fmt: skip

    def viewer(self) -> Expect:
        return Expect("the source viewer with highlighted quotes", marks=True)

    def unfiltered(self) -> Expect:
        return Expect("the unfiltered sentence", sentence=self.sentences[""])


class Reader:
    """One visitor's steps and their bookkeeping; how it acts and what it looks at are its
    kind's (:class:`Visitor` in Chromium, :class:`WireVisitor` on Streamlit's protocol)."""

    kind = ""
    settle_s = 0.0  # quiet time a step waits after it is done, not counted

    def __init__(self, run: Run, name: str):
        self.run, self.name, self.company = run, name, ""
        self.rng = random.Random(name)

    async def read(self) -> None:
        """A reader looks at what was drawn before the next action (``--think``)."""
        if self.run.think > 0:
            await asyncio.sleep(self.run.think * self.rng.uniform(0.5, 1.5))

    async def step(self, name: str, action, expect: Expect) -> bool:
        """Run ``action`` and wait for ``expect``; record the time or the failure. Never hangs."""
        run = self.run
        if run.stopping():
            return False
        start = time.monotonic()
        limit = run.step_timeout

        async def go():
            await action()
            await self.ready(expect, limit - (time.monotonic() - start))

        try:
            await asyncio.wait_for(go(), timeout=limit + 5)
        except Exception as exc:  # counted, and the visitor goes on: a load run counts, never stops
            await self.failed(name, expect, exc)
            return False
        run.report.steps.append((name, time.monotonic() - start - self.settle_s, self.kind))
        if run.shots > 0 and self.name == "visitor 0":
            run.shots -= 1
            await self.shot(f"load-{self.name.replace(' ', '')}-{run.shots:02d}-{name}")
        return True

    async def failed(self, name: str, expect: Expect, exc: Exception) -> None:
        report = self.run.report
        why = f"{type(exc).__name__}: {str(exc).splitlines()[0][:160] if str(exc) else ''}"
        shown = await self.shown()
        n = len(report.failures)
        report.failures.append(f"{self.name}, {name}: expected {expect.what}; shown {shown}; {why}")
        if n < FAILURE_SHOTS:
            await self.shot(f"load-FAILED-{n}-{self.name.replace(' ', '')}-{name}")

    async def round(self, company: str, until: float | None = None) -> None:
        """Filter, company cards, source viewer, back to the timeline; once past ``until``
        the round (the visitor's last) stops after the step in hand."""
        run = self.run
        steps = (
            lambda: self.choose(company),
            lambda: self.nav("company cards", "Company cards", run.cards(company)),
            lambda: self.nav("viewer", "Source-quote viewer", run.viewer()),
            lambda: self.nav("timeline", "Timeline", run.timeline(company)),
        )
        for one in steps:
            await one()
            await self.read()
            if (until is not None and time.monotonic() >= until) or run.stopping():
                return

    # What each kind does -------------------------------------------------------------

    async def arrive(self, browser, context=None) -> None:
        raise NotImplementedError

    async def leave(self) -> None:
        raise NotImplementedError

    async def ready(self, expect: Expect, timeout_s: float) -> None:
        raise NotImplementedError

    async def shown(self) -> str:
        raise NotImplementedError

    async def shot(self, stem: str) -> None:
        """A screenshot of the page (only a browser has one)."""

    async def open_link(self, company: str) -> bool:
        raise NotImplementedError

    async def choose(self, company: str) -> bool:
        raise NotImplementedError

    async def nav(self, name: str, title: str, expect: Expect) -> bool:
        raise NotImplementedError


class Visitor(Reader):
    """One browser context, one Streamlit session."""

    kind = "browser"
    settle_s = SETTLE_MS / 1000

    def __init__(self, run: Run, name: str):
        super().__init__(run, name)
        self.context = self.page = None
        self.own, self.token = True, 0
    async def arrive(self, browser, context=None) -> None:
        """A new browser context of its own, or a new tab in ``context`` (a returning
        reader: the browser's cache is warm, the Streamlit session is new all the same)."""
        report = self.run.report
        self.own = context is None
        self.context = context or await browser.new_context(viewport={"width": 1300, "height": 900})
        self.page = await self.context.new_page()
        self.page.set_default_timeout(self.run.step_timeout * 1000)

        async def on_dialog(dialog):
            report.dialogs.append(f"{self.name}: {dialog.type}: {dialog.message}")
            await dialog.dismiss()

        self.page.on("dialog", on_dialog)
        self.page.on("pageerror", lambda exc: report.page_errors.append(f"{self.name}: {str(exc)[:200]}"))  # fmt: skip

    async def leave(self) -> None:
        if self.page is not None:
            # a context that will not close is the browser's to drop
            with contextlib.suppress(Exception):
                await asyncio.wait_for((self.context if self.own else self.page).close(), 30)
            self.context = self.page = None

    async def ready(self, expect: Expect, timeout_s: float) -> None:
        """Wait (at most ``timeout_s``) until the page shows ``expect`` and is quiet."""
        self.token += 1
        want = {"need": [list(n) for n in expect.need()], "chart": expect.chart,
                "settle": SETTLE_MS, "token": f"{self.name}-{self.token}", "failure": FAILURE}  # fmt: skip
        handle = await self.page.wait_for_function(
            READY_JS, arg=want, polling=100, timeout=max(1.0, timeout_s * 1000)
        )
        result = await handle.json_value()
        if isinstance(result, dict):
            raise AssertionError(f"an error box: {result['error']}")

    async def shown(self) -> str:
        try:
            return str(await asyncio.wait_for(self.page.evaluate(SHOWN_JS, FAILURE), timeout=10))
        except Exception as inner:
            return f"(page not readable: {type(inner).__name__})"

    async def shot(self, stem: str) -> None:
        path = SCREENSHOTS / (stem.replace(" ", "_").replace(":", "") + ".png")
        with contextlib.suppress(Exception):  # a screenshot is a help, never a reason to stop
            await asyncio.wait_for(self.page.screenshot(path=path), timeout=20)

    # The reader's actions -------------------------------------------------------------

    async def open_link(self, company: str) -> bool:
        self.company = company
        return await self.step(
            "open a shared link",
            lambda: self.page.goto(f"{self.run.base}/?company={company}", wait_until="commit"),
            self.run.timeline(company),
        )

    async def choose(self, company: str) -> bool:
        """Clear the filters, then pick ``company`` in the sidebar's Company filter."""
        run, page = self.run, self.page
        side = page.get_by_test_id("stSidebar")

        async def action():
            if self.company:
                await side.get_by_role("button", name="Clear all filters").click()
                await self.ready(run.unfiltered(), run.step_timeout / 2)
            box = side.get_by_role("combobox", name="Company")
            option = page.get_by_role("option", name=company, exact=True)
            # Typing the name narrows the list to it; a click right after a rerun sometimes
            # leaves the list shut, so the box is clicked again (bounded) until it shows.
            for attempt in range(1, 4):
                await box.click()
                await box.fill(company)
                try:
                    await option.wait_for(state="visible", timeout=2_000 * attempt)
                    break
                except Exception:
                    if attempt == 3:
                        raise
            await option.click()
            await page.keyboard.press("Escape")

        self.company = company
        return await self.step("filter", action, run.timeline(company))

    async def nav(self, name: str, title: str, expect: Expect) -> bool:
        link = self.page.get_by_test_id("stSidebarNav").get_by_role("link", name=title)
        return await self.step(name, link.click, expect)


class WireVisitor(Reader):
    """One Streamlit session over the WebSocket, sending what Chromium's frontend sends
    (``tests/browser/wire.py``); the server does the same work as for a browser visitor."""

    kind = "wire"

    def __init__(self, run: Run, name: str):
        super().__init__(run, name)
        self.session: WireSession | None = None
        self.last = None  # the last finished run

    async def arrive(self, browser=None, context=None) -> None:
        self.session = WireSession(self.run.base, self.run.step_timeout)

    async def leave(self) -> None:
        if self.session is not None:
            await self.session.close()
            self.session = None

    async def ready(self, expect: Expect, timeout_s: float) -> None:
        missing = expect.missing(self.last)
        if missing is not None:
            raise AssertionError(missing)

    async def shown(self) -> str:
        if self.session is None or self.last is None:
            return "(nothing drawn)"
        run = self.last
        return str({"query": self.session.query, "sentence": run.sentence(),
                    "chart": run.has_chart(), "error": run.error()})  # fmt: skip

    async def _rerun(self, **how) -> None:
        self.last = await self.session.rerun(**how)

    async def open_link(self, company: str) -> bool:
        self.company = company

        async def action():
            await self.session.connect()
            await self._rerun(query=urlencode({"company": company}))

        return await self.step("open a shared link", action, self.run.timeline(company))

    async def choose(self, company: str) -> bool:
        """Clear the filters, then pick ``company`` in the sidebar's Company filter."""
        run = self.run

        async def action():
            if self.company:
                await self._rerun(click="clear_filters")
                await self.ready(run.unfiltered(), run.step_timeout / 2)
            await self._rerun(change=("company", [company]))

        self.company = company
        return await self.step("filter", action, run.timeline(company))

    async def nav(self, name: str, title: str, expect: Expect) -> bool:
        return await self.step(name, lambda: self._rerun(page=title), expect)


async def hold(browser, run: Run, plan: Plan, companies: list[str]) -> None:
    """``plan.visitors`` sessions at once, each going round its loop for ``plan.seconds``;
    the first ``plan.browsers`` in Chromium, the others on the wire."""
    until = time.monotonic() + plan.seconds

    async def one(n: int):
        visitor = (Visitor if n < plan.browsers else WireVisitor)(run, f"visitor {n}")
        rng = random.Random(n)

        def another(company: str) -> str:  # a filter that changes the view
            return rng.choice([c for c in companies if c != company] or companies)
        try:
            await visitor.arrive(browser)
            await visitor.open_link(rng.choice(companies))
            await visitor.read()
            await visitor.round(another(visitor.company))  # one whole round, however slow
            while time.monotonic() < until and not run.stopping():
                await visitor.round(another(visitor.company), until)
        finally:
            await visitor.leave()

    await asyncio.gather(*(one(n) for n in range(plan.visitors)))


async def churn(browser, run: Run, plan: Plan, companies, every: int):
    """``plan.churn`` visitors in ``plan.lanes`` lanes, one after another in each: open a
    link, filter once, leave. In the first ``plan.churn_browser_lanes`` lanes each is a new
    tab of the lane's browser context (a new Streamlit session; the browser's cache warm,
    as for a returning reader, so that drawing the page costs the machine less), closed
    after; in the others a new connection on the wire, closed after. No new visitor starts
    after ``plan.churn_seconds``."""
    queue = list(range(plan.churn))
    lock = asyncio.Lock()
    until = time.monotonic() + plan.churn_seconds

    async def lane(in_browser: bool):
        context = None
        if in_browser:
            context = await browser.new_context(viewport={"width": 1300, "height": 900})
        try:
            while queue and time.monotonic() < until and not run.stopping():
                await one(queue.pop(0), context)
        finally:
            if context is not None:
                with contextlib.suppress(Exception):
                    await asyncio.wait_for(context.close(), 30)

    async def one(i: int, context):
        visitor = (Visitor if context is not None else WireVisitor)(run, f"churn {i}")
        try:
            await visitor.arrive(browser, context)
            if await visitor.open_link(companies[i % len(companies)]):
                await visitor.choose(companies[(i + 1) % len(companies)])
        finally:
            await visitor.leave()
            async with lock:
                run.report.churned += 1
                done = run.report.churned
                if done % every == 0 or done == plan.churn:
                    run.report.churn_rss.append((done, rss_mib(run.proc)))

    lanes = max(1, plan.lanes)
    await asyncio.gather(*(lane(i < plan.churn_browser_lanes) for i in range(lanes)))
    if not run.report.churn_rss or run.report.churn_rss[-1][0] != run.report.churned:
        run.report.churn_rss.append((run.report.churned, rss_mib(run.proc)))


def expected_views(seeds: str) -> tuple[list[str], dict[str, str]]:
    """The companies the loop picks and, for each, the sentence its view must show
    ("" is the unfiltered view), from the same corpus the server reads."""
    from components.loader import read_frames, wait_for_snapshots  # noqa: PLC0415
    from data.filters import Filters, filter_events  # noqa: PLC0415

    fr = read_frames(seeds)  # as the server reads them: from the snapshot when it is current
    wait_for_snapshots()  # (and written for the server when it was not)

    def sentence(f: Filters) -> str:
        return expected_summary(fr, f)

    # The company filter offers values with events in the current view; with no filter,
    # those of the dated events the timeline shows.
    offered = {c for names in filter_events(fr.events, Filters())["companies"] for c in names}
    names = [c for c in COMPANIES if c in offered] or sorted(offered)[:3]
    sentences = {c: sentence(Filters(company=(c,))) for c in names}
    sentences[""] = sentence(Filters())
    return names, sentences


@dataclass(frozen=True)
class Plan:
    """How big a run is; the defaults are the full-size run (``make bench``)."""

    visitors: int = 25  # held at once
    browsers: int = 3  # of them in Chromium (the others on the wire)
    seconds: float = 180  # how long they are held
    think: float = 3.0  # seconds a held visitor reads each view (0 is a stress test)
    churn: int = 200  # visitors arriving and leaving after the hold
    lanes: int = 4  # churn visitors at a time, one after another in each lane
    churn_browser_lanes: int = 1  # of the lanes, those in Chromium (the others on the wire)
    churn_seconds: float = 210  # no churn visitor starts after this
    step_timeout: float = STEP_TIMEOUT_S
    max_failures: int = MAX_FAILURES
    shots: int = 0  # screenshots of visitor 0's first steps
    seeds: str = ""  # corpus folder ("" is seeds/)


#: The scaled-down run ``make test`` does (tests/browser/test_load.py).
SCALED_DOWN = ("--visitors", "4", "--browsers", "1", "--seconds", "10", "--think", "0.5",
               "--churn", "6", "--lanes", "2", "--max-failures", "3")  # fmt: skip

HELP = {
    "visitors": "visitors held at once",
    "browsers": "how many of them are Chromium contexts; the others speak Streamlit's protocol",
    "seconds": "how long they are held, in seconds",
    "think": "seconds a held visitor reads each view before its next action, each pause "
    "drawn from 0.5-1.5 times it (0: no pause, a stress test)",
    "churn": "visitors arriving and leaving after the hold",
    "lanes": "churn visitors at a time, one after another in each lane",
    "churn_browser_lanes": "how many of the lanes are in Chromium; the others on the wire",
    "churn_seconds": "no churn visitor starts after this many seconds",
    "step_timeout": "seconds a step may take before it counts as failed",
    "max_failures": "stop the run after this many failed steps",
    "shots": "screenshots of visitor 0's first steps",
    "seeds": "corpus folder (default: seeds/)",
}


async def run_load(plan: Plan) -> Report:
    """Start a server and a browser, run ``plan``, stop both; the report."""
    from playwright.async_api import async_playwright  # noqa: PLC0415

    started = time.monotonic()
    report = Report(visitors=plan.visitors, browsers=min(plan.browsers, plan.visitors))
    companies, sentences = expected_views(plan.seeds)
    port = free_port()
    log_path = ARTIFACTS / "streamlit-load.log"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for stale in SCREENSHOTS.glob("load-*.png"):
        stale.unlink()
    with log_path.open("wb") as log:
        server = start_server(SERVER, port, env={"CRACKDOWN_SEEDS": plan.seeds}, log=log)
        try:
            wait_healthy(server, port)
            run = Run(f"http://127.0.0.1:{port}", psutil.Process(server.pid), report, sentences,
                      plan.step_timeout, plan.max_failures, plan.shots, plan.think)  # fmt: skip
            async with async_playwright() as pw:
                browser = await pw.chromium.launch(
                    headless=True, executable_path=CHROMIUM, args=CHROMIUM_ARGS
                )
                try:
                    await measure(browser, run, plan, companies)
                finally:
                    with contextlib.suppress(Exception):
                        await asyncio.wait_for(browser.close(), timeout=30)
        finally:
            stop_server(server)
    report.seconds = time.monotonic() - started
    return report


async def measure(browser, run: Run, plan: Plan, companies: list[str]) -> None:
    report, proc = run.report, run.proc
    # One visitor first: the corpus is loaded and cached, as on a live server. Its step
    # is checked (a failure counts) but not timed with the others.
    warm = Visitor(run, "warm-up")
    await warm.arrive(browser)
    await warm.open_link(companies[0])
    await warm.leave()
    report.steps.clear()
    await asyncio.sleep(1.0)
    report.rss["before"] = rss_mib(proc)
    cpu0 = cpu_seconds(proc)
    with Sampler(proc) as sampler:
        await hold(browser, run, plan, companies)
    report.cpu_s = cpu_seconds(proc) - cpu0
    report.peak_rss = sampler.peak
    await asyncio.sleep(2.0)
    report.rss["after the held visitors left"] = rss_mib(proc)
    if plan.churn and not run.stopping():
        every = max(1, plan.churn // 4)
        await churn(browser, run, plan, companies, every)
        await asyncio.sleep(2.0)
        report.rss["after churn"] = rss_mib(proc)


def parse(argv: list[str] | None = None) -> tuple[Plan, Path | None]:
    defaults = Plan()
    parser = argparse.ArgumentParser(
        prog="python -m tests.browser.load_visitors",
        description=__doc__.split("\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=(
            f"Full size (the defaults; `make bench` runs it): {defaults.visitors} visitors held\n"
            f"for {defaults.seconds:.0f} s, then {defaults.churn} arriving and leaving in "
            f"{defaults.lanes} lanes for at most\n{defaults.churn_seconds:.0f} s: about "
            f"{(defaults.seconds + defaults.churn_seconds) / 60 + 1:.1f} minutes in all with the "
            "start and the steps in hand (longer only if\nsteps time out). Run it alone on a "
            "quiet machine:\n"
            "  python -m tests.browser.load_visitors\n"
            "Scaled down, as `make test` runs it (tests/browser/test_load.py):\n"
            f"  python -m tests.browser.load_visitors {' '.join(SCALED_DOWN)}\n"
            "Screenshots of visitor 0's steps (--shots N) and of the first failed steps go to\n"
            "artifacts/screenshots/load-*.png; the server's log to artifacts/streamlit-load.log.\n"
            "Exit status 0 when every step was right, 1 otherwise."
        ),
    )
    for name, default in asdict(defaults).items():
        flag = "--" + name.replace("_", "-")
        shown = f" (default {default})" if default != "" else ""
        parser.add_argument(flag, type=type(default), default=default, help=HELP[name] + shown)
    parser.add_argument("--json", type=Path, help="also write the report to this JSON file")
    args = vars(parser.parse_args(argv))
    out = args.pop("json")
    return Plan(**args), out


def main(argv: list[str] | None = None) -> int:
    plan, out = parse(argv)
    report = asyncio.run(run_load(plan))
    print(f"load: {plan.visitors} visitors for {plan.seconds:.0f} s (reading each view "
          f"{plan.think:g} s), then {plan.churn} arriving "
          f"and leaving in {plan.lanes} lanes; {report.seconds:.0f} s in all")  # fmt: skip
    for line in report.lines():
        print(line)
    if out:
        out.write_text(json.dumps({**asdict(report), "ok": report.ok()}, indent=1))
    return 0 if report.ok() else 1


if __name__ == "__main__":
    raise SystemExit(main())
