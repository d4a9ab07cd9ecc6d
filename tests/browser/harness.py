"""What the browser tests and the dashboard benchmark share.

One ``streamlit run`` server per use on 127.0.0.1 and a free port, Debian's
Chromium driven by Playwright (no browser download: ``executable_path``), and
the waits that ask Streamlit itself whether it is done instead of sleeping:
the root element carries ``data-test-connection-state`` and
``data-test-script-state`` (``running`` while the script runs, ``notRunning``
when it has finished).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
#: What ``make run`` serves: the router app.py, with the server's start-up warm-up.
SERVER = ROOT / "serve.py"
ARTIFACTS = ROOT / "artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"
CHROMIUM = os.environ.get("CRACKDOWN_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    # Each new window (every browser context) of this Chromium otherwise loads the address
    # bar's WebUI popup (chrome://omnibox-popup.top-chrome, ~400 files): 0.7-0.9 s of CPU
    # per context that is no page's work, taken from the app under test on 2 cores.
    "--disable-features=WebUIOmniboxPopup,WebUIOmniboxFullPopup,WebUIOmniboxAimPopup",
]
SERVER_TIMEOUT_S = 120

APP_IDLE = (
    "[data-testid='stApp'][data-test-connection-state='CONNECTED']"
    "[data-test-script-state='notRunning']"
)

#: True once the first chart of the page is drawn: Plotly has laid it out
#: and its traces are in the page (SVG groups, or a canvas for WebGL traces).
CHART_DRAWN_JS = """() => {
  const gd = document.querySelector("[data-testid='stPlotlyChart'] .js-plotly-plot");
  return !!(gd && gd._fullLayout && gd.querySelector('.main-svg')
            && (gd.querySelector('g.trace') || gd.querySelector('canvas')));
}"""


def chromium_missing() -> str | None:
    """Why the browser cannot run here, or None when it can."""
    if not (Path(CHROMIUM).is_file() or shutil.which(CHROMIUM)):
        return f"Debian's Chromium not found at {CHROMIUM} (apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright's Python package is not installed (pip install -r requirements-dev.txt)"
    return None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def launch_chromium(playwright):
    return playwright.chromium.launch(headless=True, executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def start_server(app: Path | str, port: int, env: dict[str, str] | None = None, log=None):
    """Start ``streamlit run app`` on 127.0.0.1:port; returns the process at once."""
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(app),
        "--server.headless",
        "true",
        "--server.address",
        "127.0.0.1",
        "--server.port",
        str(port),
        "--browser.gatherUsageStats",
        "false",
        "--server.fileWatcherType",
        "none",
    ]
    return subprocess.Popen(
        command,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        stdout=log or subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
    )


def wait_healthy(proc: subprocess.Popen, port: int, timeout_s: float = SERVER_TIMEOUT_S) -> None:
    """Poll ``/_stcore/health`` until it answers ``ok``; raise if the server dies or is slow."""
    url = f"http://127.0.0.1:{port}/_stcore/health"
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited with code {proc.returncode} before answering")
        try:
            with urllib.request.urlopen(url, timeout=1) as response:
                if response.read().strip() == b"ok":
                    return
        except OSError:
            pass
        time.sleep(0.05)
    raise RuntimeError(f"streamlit did not answer {url} within {timeout_s:.0f} s")


def stop_server(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@contextmanager
def running_server(app: Path | str, env: dict[str, str] | None = None, log=None):
    """A healthy server for the ``with`` block; yields its base URL."""
    port = free_port()
    proc = start_server(app, port, env, log)
    try:
        wait_healthy(proc, port)
        yield f"http://127.0.0.1:{port}"
    finally:
        stop_server(proc)


def wait_idle(page, timeout_ms: float = 90_000, settle_ms: float = 250) -> None:
    """Wait until the app is connected and its script has finished, and stays so.

    Streamlit often runs a page twice in a row (a widget bound to the URL
    reports its value, the app calls ``st.rerun``) with a few milliseconds of
    ``notRunning`` in between; ``settle_ms`` of quiet tells the end from that gap.
    """
    deadline = time.monotonic() + timeout_ms / 1000
    while True:
        left_ms = max(1.0, (deadline - time.monotonic()) * 1000)
        page.locator(APP_IDLE).wait_for(state="attached", timeout=left_ms)
        page.wait_for_timeout(settle_ms)
        if page.locator(APP_IDLE).count():
            return


def wait_chart_drawn(page, timeout_ms: float = 90_000) -> None:
    page.wait_for_function(CHART_DRAWN_JS, timeout=timeout_ms, polling="raf")


def playwright_expect():
    """Playwright's ``expect``, for a browser test module to call at import time: without the
    package the module is skipped with the reason, except under CI (``CI`` set), where the
    ImportError fails the run (browser tests run in CI, never skip)."""
    import pytest

    try:
        from playwright.sync_api import expect
    except ImportError:
        if os.environ.get("CI"):
            raise
        pytest.skip("Playwright's Python package is not installed", allow_module_level=True)
    return expect


def expected_summary(frames, f) -> str:
    """The sentence a reader should see above view ``f`` of ``frames``, worked out apart from
    the app: real events (a merge group's reports once) and, where they differ, reports."""
    from data.filters import describe, filter_events  # noqa: PLC0415

    events = filter_events(frames.events, f)
    in_view = frames.events.index.isin(events.index)
    n_real = len(set(frames.reports[0][in_view].tolist()))
    n_statements = len(filter_events(frames.statements, f, by_date=False))
    return describe(f, n_real, n_statements, n_reports=len(events))
