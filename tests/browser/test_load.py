"""The load script scaled down for ``make test``: a few visitors at once, then a few in turn.

Full size (25 visitors for minutes, then 200 one after another) is ``make bench``
(``python -m tests.browser.load_visitors``); here it must simply be right: every
step shows what it should, no dialog, no page error. Its figures are printed
(``pytest -s``), not asserted: speed and memory goals live in the benchmark.
"""

from __future__ import annotations

import asyncio
import threading

import pytest

from tests.browser.load_visitors import run_load

pytestmark = pytest.mark.browser


@pytest.mark.usefixtures("chromium")  # skips without Chromium (fails under CI), as the others
def test_a_few_visitors_at_once_then_some_one_after_another():
    result = {}
    # Its own thread, so Playwright's async API never meets the session's sync one.
    worker = threading.Thread(
        target=lambda: result.update(report=asyncio.run(run_load(2, 10, 4))), daemon=True
    )
    worker.start()
    worker.join()
    report = result["report"]
    print("\n".join(report.lines()))
    assert report.ok(), "\n".join(report.lines())
    names = {name for name, _ in report.steps}
    assert {"open a shared link", "filter", "company cards", "viewer"} <= names
    assert sum(name == "open a shared link" for name, _ in report.steps) == 2  # both held
    assert len(report.churn_rss) >= 1  # the churn ran to its end
