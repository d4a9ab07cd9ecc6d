"""Many visitors at once: ``python -m tests.browser.load_visitors`` (``make bench``).

One ``streamlit run app.py`` on 127.0.0.1 (loopback only) and one headless
Chromium (Debian's, through Playwright's async API) with one browser context
per visitor, so every visitor is a separate session with no shared cookies.

Phase 1, *hold*: ``--visitors`` visitors arrive together from shared links and,
for ``--seconds``, each goes round the same loop a reader would: pick a company
in the sidebar filter (the timeline redraws and its sentence names the
company), open the company cards, open the source viewer (an article with its
quotes highlighted), back to the timeline. Every step is checked (the page
shows what it should, no error box, no traceback) and timed from the click to
the app being idle again (Streamlit's ``data-test-script-state``).

Phase 2, *churn*: ``--churn`` visitors arrive and leave one after another
(open a link, filter once, close the context), to show that the server's
memory returns once sessions end (no leak).

It prints: steps done and failed, dialogs and page errors (none expected),
the median, 95th percentile and slowest redraw, the server's RSS before,
during (peak) and after each phase, the server's CPU seconds per step, and
the memory per concurrent visitor. A benchmark prints figures and exits 0;
``tests/browser/test_load.py`` runs it scaled down in ``make test`` and asserts
that every step was right.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import psutil

from tests.browser.harness import (
    APP_IDLE,
    ARTIFACTS,
    CHROMIUM,
    CHROMIUM_ARGS,
    ROOT,
    free_port,
    start_server,
    stop_server,
    wait_healthy,
)

FAILURE = "[data-testid='stException'], [data-testid='stAlertContentError']"
SUMMARY = "p.ct-summary"
CARD = "[class*='st-key-company_card_']"
ARTICLE = ".ct-article"
TIMEOUT_MS = 120_000  # a step slower than this on a loaded machine is an error, not a hang
COMPANIES = ("Tencent", "Alibaba", "Didi", "ByteDance", "Ant Group", "Meituan")


@dataclass
class Report:
    steps: list[tuple[str, float]] = field(default_factory=list)  # (step, seconds)
    failures: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    rss: dict[str, float] = field(default_factory=dict)  # MiB at named moments
    peak_rss: float = 0.0
    cpu_s: float = 0.0
    visitors: int = 0
    churn_rss: list[tuple[int, float]] = field(default_factory=list)

    def ok(self) -> bool:
        return not (self.failures or self.dialogs or self.page_errors) and bool(self.steps)

    def lines(self) -> list[str]:
        times = sorted(t for _, t in self.steps) or [0.0]
        p95 = times[min(len(times) - 1, int(0.95 * len(times)))]
        slowest = max(self.steps, key=lambda s: s[1]) if self.steps else ("-", 0.0)
        out = [
            f"visitors held at once: {self.visitors}",
            f"steps: {len(self.steps)} right, {len(self.failures)} failed; dialogs "
            f"{len(self.dialogs)}, page errors {len(self.page_errors)}",
            f"redraw (click to idle): median {statistics.median(times):.2f} s, 95th percentile "
            f"{p95:.2f} s, slowest {slowest[1]:.2f} s ({slowest[0]})",
            "server RSS (MiB): " + ", ".join(f"{k} {v:.0f}" for k, v in self.rss.items())
            + f"; peak while held {self.peak_rss:.0f}",
        ]
        if self.visitors and "before" in self.rss:
            per = (self.peak_rss - self.rss["before"]) / self.visitors
            out.append(f"memory per concurrent visitor: {per:.1f} MiB (peak - before) / visitors")
        if self.steps:
            out.append(f"server CPU per step: {self.cpu_s / len(self.steps) * 1000:.0f} ms "
                       f"({self.cpu_s:.1f} s over {len(self.steps)} steps)")  # fmt: skip
        if self.churn_rss:
            out.append("churn, RSS after n visitors came and went: "
                       + ", ".join(f"{n}: {mib:.0f}" for n, mib in self.churn_rss))  # fmt: skip
        out += [f"FAILED {f}" for f in self.failures[:10]]
        out += [f"DIALOG {d}" for d in self.dialogs[:10]]
        out += [f"PAGE ERROR {e}" for e in self.page_errors[:10]]
        return out


def rss_mib(proc: psutil.Process) -> float:
    return proc.memory_info().rss / 2**20


def cpu_seconds(proc: psutil.Process) -> float:
    t = proc.cpu_times()
    return t.user + t.system


class Sampler:
    """Samples the server's RSS every 0.5 s in a thread; keeps the peak."""

    def __init__(self, proc: psutil.Process):
        self.proc, self.peak, self._stop = proc, 0.0, threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        while not self._stop.wait(0.5):
            self.peak = max(self.peak, rss_mib(self.proc))

    def __enter__(self):
        self.peak = rss_mib(self.proc)
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


async def idle(page, settle_ms: int = 250) -> None:
    """The app connected and its script finished, and still so after ``settle_ms``."""
    deadline = time.monotonic() + TIMEOUT_MS / 1000
    while True:
        left = max(1.0, (deadline - time.monotonic()) * 1000)
        await page.locator(APP_IDLE).wait_for(state="attached", timeout=left)
        await page.wait_for_timeout(settle_ms)
        if await page.locator(APP_IDLE).count():
            return


async def new_visitor(browser, report: Report):
    context = await browser.new_context(viewport={"width": 1300, "height": 900})
    page = await context.new_page()
    page.set_default_timeout(TIMEOUT_MS)

    async def on_dialog(dialog):
        report.dialogs.append(f"{dialog.type}: {dialog.message}")
        await dialog.dismiss()

    page.on("dialog", on_dialog)
    page.on("pageerror", lambda exc: report.page_errors.append(str(exc)[:200]))
    return context, page


async def step(page, report: Report, name: str, action, expect_selector: str, text: str = ""):
    """Run ``action``, wait for the app, check the page shows ``expect_selector`` (with ``text``)."""
    start = time.monotonic()
    try:
        await action()
        await idle(page)
        elapsed = time.monotonic() - start - 0.25  # the settle wait is not the app's time
        target = page.locator(expect_selector).first
        await target.wait_for(state="visible", timeout=TIMEOUT_MS)
        if text and text not in await target.inner_text():
            raise AssertionError(f"{expect_selector} does not say {text!r}")
        if await page.locator(FAILURE).count():
            raise AssertionError("an error box: " + await page.locator(FAILURE).first.inner_text())
        report.steps.append((name, elapsed))
    except Exception as exc:  # recorded, the visitor goes on: a load test counts, never stops
        report.failures.append(f"{name}: {type(exc).__name__}: {str(exc)[:200]}")


async def choose_company(page, company: str) -> None:
    side = page.get_by_test_id("stSidebar")
    clear = side.get_by_role("button", name="Clear all filters")
    if await clear.count():
        await clear.click()
        await idle(page)
    await side.get_by_role("combobox", name="Company").click()
    await page.get_by_role("option", name=company, exact=True).click()
    await page.keyboard.press("Escape")


async def nav(page, title: str) -> None:
    await page.get_by_test_id("stSidebarNav").get_by_role("link", name=title).click()


async def rounds(page, report: Report, companies: list[str], rng: random.Random, until: float):
    """The reader's loop, at least once and then until the clock says stop: filter,
    company cards, source viewer, timeline."""
    while True:
        company = rng.choice(companies)
        await step(page, report, "filter", lambda c=company: choose_company(page, c), SUMMARY,
                   text=company)  # fmt: skip
        await step(page, report, "company cards", lambda: nav(page, "Company cards"), CARD)
        await step(page, report, "viewer", lambda: nav(page, "Source-quote viewer"), ARTICLE)
        await step(page, report, "timeline", lambda: nav(page, "Timeline"), SUMMARY)
        if time.monotonic() >= until:
            return


async def hold(browser, base: str, report: Report, visitors: int, seconds: float, companies):
    """``visitors`` sessions at once, each going round its loop for ``seconds``."""
    until = time.monotonic() + seconds
    opened = []

    async def one(n: int):
        context, page = await new_visitor(browser, report)
        opened.append(context)
        rng = random.Random(n)
        first = rng.choice(companies)
        await step(page, report, "open a shared link",
                   lambda: page.goto(f"{base}/?company={first}"), SUMMARY, text=first)  # fmt: skip
        await rounds(page, report, companies, rng, until)

    await asyncio.gather(*(one(n) for n in range(visitors)))
    for context in opened:
        await context.close()


async def warm_up(browser, base: str, report: Report, companies) -> None:
    context, page = await new_visitor(browser, report)
    await step(page, report, "warm-up", lambda: page.goto(f"{base}/?company={companies[0]}"),
               SUMMARY, text=companies[0])  # fmt: skip
    await context.close()


async def churn(browser, base: str, report: Report, n: int, proc, companies, every: int):
    """``n`` visitors one after another: open a link, filter once, leave."""
    for i in range(n):
        context, page = await new_visitor(browser, report)
        company = companies[i % len(companies)]
        await step(page, report, "churn: open", lambda p=page, c=company: p.goto(f"{base}/?company={c}"),
                   SUMMARY, text=company)  # fmt: skip
        other = companies[(i + 1) % len(companies)]
        await step(page, report, "churn: filter", lambda p=page, c=other: choose_company(p, c), SUMMARY,
                   text=other)  # fmt: skip
        await context.close()
        if (i + 1) % every == 0 or i + 1 == n:
            await asyncio.sleep(1.0)  # the server notices the closed socket
            report.churn_rss.append((i + 1, rss_mib(proc)))


def known_companies(seeds: str) -> list[str]:
    """Companies of the corpus the server reads that the loop can pick."""
    from data.corpus import load_corpus  # noqa: PLC0415
    from data.frames import build_frames  # noqa: PLC0415

    fr = build_frames(load_corpus(Path(seeds) if seeds else None))
    # The company filter offers only values with events in the default view (crackdown
    # events: background is hidden unless the link asks for it); pick among those.
    shown = fr.events[fr.events["relevance"] != "background"]["companies"]
    offered = sorted({c for names in shown for c in names})
    names = [c for c in COMPANIES if c in offered]
    return names or offered[:3]


async def run_load(visitors: int, seconds: float, churn_n: int, seeds: str = "") -> Report:
    from playwright.async_api import async_playwright  # noqa: PLC0415

    report = Report(visitors=visitors)
    companies = known_companies(seeds)
    port = free_port()
    log_path = ARTIFACTS / "streamlit-load.log"
    ARTIFACTS.mkdir(exist_ok=True)
    with log_path.open("wb") as log:
        server = start_server(ROOT / "app.py", port, env={"CRACKDOWN_SEEDS": seeds}, log=log)
        try:
            wait_healthy(server, port)
            proc = psutil.Process(server.pid)
            base = f"http://127.0.0.1:{port}"
            async with async_playwright() as pw:
                browser = await pw.chromium.launch(
                    headless=True, executable_path=CHROMIUM, args=CHROMIUM_ARGS
                )
                # One visitor first: the corpus is loaded and cached, as on a live server.
                warm = Report()
                await warm_up(browser, base, warm, companies)
                report.failures += warm.failures
                await asyncio.sleep(1.0)
                report.rss["before"] = rss_mib(proc)
                cpu0 = cpu_seconds(proc)
                with Sampler(proc) as sampler:
                    await hold(browser, base, report, visitors, seconds, companies)
                report.cpu_s = cpu_seconds(proc) - cpu0
                report.peak_rss = sampler.peak
                await asyncio.sleep(2.0)
                report.rss["after the held visitors left"] = rss_mib(proc)
                if churn_n:
                    every = max(1, churn_n // 4)
                    await churn(browser, base, report, churn_n, proc, companies, every)
                    report.rss["after churn"] = rss_mib(proc)
                await browser.close()
        finally:
            stop_server(server)
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.browser.load_visitors",
                                     description=__doc__.split("\n")[0])  # fmt: skip
    parser.add_argument("--visitors", type=int, default=25, help="held at once (default 25)")
    parser.add_argument("--seconds", type=float, default=180, help="how long (default 180)")
    parser.add_argument("--churn", type=int, default=200,
                        help="visitors arriving and leaving one after another (default 200)")
    parser.add_argument("--seeds", default="", help="corpus folder (default: seeds/)")
    args = parser.parse_args(argv)
    started = time.monotonic()
    report = asyncio.run(run_load(args.visitors, args.seconds, args.churn, args.seeds))
    print(f"load: {args.visitors} visitors for {args.seconds:.0f} s, then {args.churn} one after "
          f"another; {time.monotonic() - started:.0f} s in all")  # fmt: skip
    for line in report.lines():
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
