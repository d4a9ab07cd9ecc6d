"""The load script scaled down for ``make test``, and its wire visitors checked against Chromium.

Scaled down: four visitors at once (one in Chromium, three on the wire), then six in turn.

Full size (25 visitors for minutes, then 200 arriving and leaving) is ``make bench``
(``python -m tests.browser.load_visitors``); here it must simply be right: every step
shows what it should, no dialog, no page error, and the server's memory after the
visitors came and went is back near where it was after the hold. The script runs as
a child process with a time limit (its own process group, killed whole on timeout),
so a broken app fails this test instead of hanging the suite. Its figures are printed
(``pytest -s``), not asserted: speed goals live in the benchmark.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys

import pytest

from tests.browser.harness import ARTIFACTS, ROOT
from tests.browser.load_visitors import SCALED_DOWN, parse

pytestmark = pytest.mark.browser

LIMIT_S = 540  # the script stops itself well before this (3 failed steps of 120 s at most)
#: 4 sessions, held by the server for its disconnected-session time (120 s) after they
#: close: a little memory is expected, tens of MiB (frames rebuilt per session) are not.
MEMORY_SLACK_MIB = 10
STEPS = {"open a shared link", "filter", "company cards", "viewer", "timeline"}


@pytest.mark.usefixtures("chromium")  # skips without Chromium, fails under CI, as the others
def test_a_few_visitors_at_once_then_a_few_in_turn():
    out = ARTIFACTS / "load-test.json"
    out.unlink(missing_ok=True)
    command = [sys.executable, "-m", "tests.browser.load_visitors", *SCALED_DOWN, "--json", str(out)]
    proc = subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        start_new_session=True,
    )  # fmt: skip
    try:
        printed, _ = proc.communicate(timeout=LIMIT_S)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)  # the script, its server and its browser
        printed, _ = proc.communicate()
        pytest.fail(f"the load script did not finish within {LIMIT_S} s:\n{printed[-3000:]}")
    print(printed)
    assert out.is_file(), f"the load script wrote no report (exit {proc.returncode}):\n{printed[-3000:]}"
    report = json.loads(out.read_text())
    assert report["failures"] == [], printed
    assert report["dialogs"] == [], printed
    assert report["page_errors"] == [], printed
    assert not report["aborted"], printed
    assert proc.returncode == 0, printed
    names = [name for name, _, _ in report["steps"]]
    assert set(names) == STEPS, printed  # every kind of step was done and checked
    for kind in ("browser", "wire"):  # by visitors of both kinds
        assert {name for name, _, k in report["steps"] if k == kind} == STEPS, printed
    plan, _ = parse(list(SCALED_DOWN))
    assert report["churned"] == plan.churn, printed  # the time budget did not cut the churn
    assert names.count("open a shared link") == plan.visitors + plan.churn, printed
    rss = report["rss"]
    assert rss["after churn"] <= rss["after the held visitors left"] + MEMORY_SLACK_MIB, printed


def _sent(msg) -> tuple:
    """A rerun as the server reads it: link, page, each widget's state, the cached messages."""
    rs = msg.rerun_script
    states = []
    for w in rs.widget_states.widgets:
        kind = w.WhichOneof("value")
        states.append((w.id, kind or "", str(getattr(w, kind)) if kind else ""))
    states.sort()
    return (rs.query_string, rs.page_script_hash, tuple(states), tuple(sorted(rs.cached_message_hashes)))


def test_a_wire_visitor_sends_what_chromium_sends(app_url, page):
    """The load script's wire visitors stand for browsers: for a reader's steps, each rerun
    they send (link, page, every widget's state, the messages kept) must be Chromium's."""
    import asyncio  # noqa: PLC0415
    from concurrent.futures import ThreadPoolExecutor  # noqa: PLC0415

    from streamlit.proto.BackMsg_pb2 import BackMsg  # noqa: PLC0415

    from tests.browser.harness import wait_idle  # noqa: PLC0415
    from tests.browser.wire import WireSession  # noqa: PLC0415

    chromium: list[list[tuple]] = []

    def on_frame(payload):
        msg = BackMsg()
        msg.ParseFromString(payload if isinstance(payload, bytes) else payload.encode("latin-1"))
        if msg.WhichOneof("type") == "rerun_script":
            chromium[-1].append(_sent(msg))

    page.on("websocket", lambda ws: ws.on("framesent", on_frame))
    side = page.get_by_test_id("stSidebar")
    nav = page.get_by_test_id("stSidebarNav")

    def pick():
        box = side.get_by_role("combobox", name="Company")
        box.click()
        box.fill("Alibaba")
        page.get_by_role("option", name="Alibaba", exact=True).click()
        page.keyboard.press("Escape")

    steps = [
        (lambda: page.goto(f"{app_url}/?company=Tencent"), {"query": "company=Tencent"}),
        (lambda: side.get_by_role("button", name="Clear all filters").click(), {"click": "clear_filters"}),
        (pick, {"change": ("company", ["Alibaba"])}),
        (lambda: nav.get_by_role("link", name="Company cards").click(), {"page": "Company cards"}),
        (lambda: nav.get_by_role("link", name="Source-quote viewer").click(), {"page": "Source-quote viewer"}),
        (lambda: nav.get_by_role("link", name="Timeline").click(), {"page": "Timeline"}),
    ]  # fmt: skip
    for act, _ in steps:
        chromium.append([])
        act()
        wait_idle(page)
        # The page is idle before its sidebar's multiselects are mounted; a click then sends
        # no state for them (a loaded machine showed it): the next step waits for them.
        for name in ("Company", "Regulator or state actor", "Kind of state actor", "Category"):
            side.get_by_role("combobox", name=name).wait_for(state="visible")

    async def wire() -> list[list[tuple]]:
        session = WireSession(app_url, 90)
        sent: list[list[tuple]] = []
        await session.connect()
        try:
            for _, how in steps:
                before = len(session.sent)
                await session.rerun(**how)
                sent.append([_sent(msg) for msg in session.sent[before:]])
        finally:
            await session.close()
        return sent

    with ThreadPoolExecutor(1) as pool:
        ours = pool.submit(asyncio.run, wire()).result(timeout=300)
    for n, (theirs, mine) in enumerate(zip(chromium, ours, strict=True)):
        assert mine == theirs, f"step {n}: Chromium sent {theirs}, the wire visitor {mine}"
