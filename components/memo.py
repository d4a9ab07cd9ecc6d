"""What a view derives from the corpus (its chart, its list, its facet counts), kept per
corpus for the views seen last.

A rerun of a view already seen (widening back to every event, Back and Forward, a second
visitor opening the same link) reuses them instead of recounting 100,000 events. The
values are shared by every visitor, like the frames they come from: read-only. Entries
belong to one :class:`~data.frames.Frames` object and go with it when an article is
added (the loader builds new frames).
"""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Hashable
from concurrent.futures import Future
from typing import TypeVar

from data.frames import Frames

T = TypeVar("T")

#: Views kept per corpus (each a chart of at most a few hundred marks, a list of at most
#: 1,000 rows and a few counts).
MAX_VIEWS = 48

_tables: dict[int, OrderedDict] = {}  # id(frames) -> key -> value
_building: dict[tuple[int, Hashable], Future] = {}  # (id(frames), key) being built now
_lock = threading.Lock()


def _forget(ident: int) -> None:
    with _lock:
        _tables.pop(ident, None)


def remember(fr: Frames, key: Hashable, build: Callable[[], T]) -> T:
    """``build()`` for this corpus and ``key``: computed once, then reused (least recently
    used first out). Callers asking while it is being built (visitors arriving together on
    one link, or the server's start-up warm-up) wait for that build instead of repeating it;
    if it fails, each of them gets its error."""
    ident = id(fr)
    with _lock:
        table = _tables.get(ident)
        if table is None:
            table = _tables[ident] = OrderedDict()
            weakref.finalize(fr, _forget, ident)
        elif key in table:
            table.move_to_end(key)
            return table[key]
        pending = _building.get((ident, key))
        mine = pending is None
        if mine:
            pending = _building[ident, key] = Future()
    if not mine:
        return pending.result()
    try:
        value = build()
    except BaseException as exc:
        with _lock:
            del _building[ident, key]
        pending.set_exception(exc)
        raise
    with _lock:
        del _building[ident, key]
        table[key] = value
        while len(table) > MAX_VIEWS:
            table.popitem(last=False)
    pending.set_result(value)
    return value


def forget(fr: Frames) -> None:
    """Forget every view remembered for this corpus (a benchmark's cold run)."""
    with _lock:
        table = _tables.get(id(fr))
        if table is not None:
            table.clear()
