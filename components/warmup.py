"""The server's start: read the corpus and prepare its first view before anyone asks.

``streamlit run serve.py`` (what ``make run`` does) serves ``app.py`` through ``st.App``,
whose lifespan calls :func:`lifespan` here: it starts one background thread and returns at
once, so the server answers immediately. A few seconds later (:data:`DELAY_S`) the
thread reads the frames through the same cached loader every visitor uses (from the
snapshot on a warm start) and derives the default view (no filter) as the timeline page
does, through the same functions and keys of :mod:`components.memo`: its count, facet
counts, chart and list. A visitor who comes later finds the view ready. Started at once,
the thread slowed a browser opened with the server: by about a second at 10,000 events
(it took the cores that browser was loading Streamlit's scripts with), and reading only
the frames at once, or only importing the loader, was still 0.5-1.2 s slower at 124,304
events than waiting (starts in turns, 2026-12-01). Delayed, it finds that browser's page
already building the same view and waits for it (:func:`components.memo.remember`).

Then, once no page has run for a few seconds (:func:`wait_until_quiet`: it would take the
core a visitor's page needs), it imports the extraction, which a start from the snapshot
never needs, so that the first article added does not wait for it. Nothing waits for the thread: a visitor who arrives first waits on the same cached loader
and, at worst, builds the view alongside it. A failure is logged and costs nothing else.
"""

from __future__ import annotations

import logging
import threading
import time
from contextlib import asynccontextmanager

THREAD_NAME = "crackdown-warmup"
#: Seconds between the server's start and the warm-up: a browser opened with the server
#: (a benchmark, a developer) has then started its own first page, whose work the warm-up
#: waits for instead of competing with its loading for the machine's cores.
DELAY_S = 5.0
#: Seconds with no page run before the warm-up does work no page is waiting for (the
#: extraction's import): done while a visitor's page runs, it took the core that page
#: needed (a first filter change right after a start at 124,304 events: 3.4 s, not 1.4 s).
QUIET_S = 3.0
#: Seconds after which that work is done however busy the server is.
QUIET_LIMIT_S = 600.0
_log = logging.getLogger("crackdown")
_last_run = [float("-inf")]  # when a page run last started or ended (time.monotonic)


def note_run() -> None:
    """A page run starts or ends (``app.py`` calls this at both)."""
    _last_run[0] = time.monotonic()


def wait_until_quiet(quiet_s: float = QUIET_S, poll_s: float = 0.25,
                     limit_s: float = QUIET_LIMIT_S) -> None:  # fmt: skip
    """Return once no page has run for ``quiet_s`` seconds (or after ``limit_s``)."""
    deadline = time.monotonic() + limit_s
    while time.monotonic() < deadline and time.monotonic() - _last_run[0] < quiet_s:
        time.sleep(poll_s)


def prepare_first_view(fr) -> None:
    """Derive the default view of ``fr`` into :mod:`components.memo`, as the timeline does."""
    from components import cards, state  # noqa: PLC0415 - heavy: imported by the thread
    from data.filters import Filters  # noqa: PLC0415

    f = Filters()
    state.facet_counts(fr, f)
    events = cards.ViewEvents(fr, f)
    events.real_count  # noqa: B018 - the sentence's count, kept in the memo
    if not events.empty:
        cards.view_chart(events, f.group)
        cards.view_rows(events)


def prepare_for_changes() -> None:
    """Import the extraction: a server started from the snapshot never extracts, so the
    first article added would otherwise compile its patterns (about a second of CPU) on
    the editor's time."""
    import data.extract  # noqa: F401, PLC0415


def warm(delay_s: float = 0.0) -> None:
    time.sleep(delay_s)  # first: see DELAY_S
    try:
        from components import loader  # noqa: PLC0415

        prepare_first_view(loader.frames())
        wait_until_quiet()
        prepare_for_changes()
    except Exception:  # only a head start: the first page builds what is missing
        _log.exception("the start-up warm-up failed; pages build their views as asked")


class _NoContextNotice(logging.Filter):
    """Streamlit warns when a thread without a session uses its cache; this one has none by
    design, so its warning would only mislead an operator reading the log."""

    def filter(self, record: logging.LogRecord) -> bool:
        return threading.current_thread().name != THREAD_NAME


_NO_CONTEXT_NOTICE = _NoContextNotice()


def start(delay_s: float = 0.0) -> threading.Thread:
    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").addFilter(
        _NO_CONTEXT_NOTICE
    )
    thread = threading.Thread(target=warm, args=(delay_s,), name=THREAD_NAME, daemon=True)
    thread.start()
    return thread


@asynccontextmanager
async def lifespan(app):
    """``st.App``'s lifespan: serve at once, and warm up :data:`DELAY_S` later."""
    start(DELAY_S)
    yield
