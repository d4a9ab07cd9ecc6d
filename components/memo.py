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
from typing import TypeVar

from data.frames import Frames

T = TypeVar("T")

#: Views kept per corpus (each a chart of at most a few hundred marks, a list of at most
#: 1,000 rows and a few counts).
MAX_VIEWS = 48

_tables: dict[int, OrderedDict] = {}  # id(frames) -> key -> value
_lock = threading.Lock()


def _forget(ident: int) -> None:
    with _lock:
        _tables.pop(ident, None)


def remember(fr: Frames, key: Hashable, build: Callable[[], T]) -> T:
    """``build()`` for this corpus and ``key``: computed once, then reused (least recently
    used first out). Two visitors asking at once may both build it; either result is right."""
    ident = id(fr)
    with _lock:
        table = _tables.get(ident)
        if table is None:
            table = _tables[ident] = OrderedDict()
            weakref.finalize(fr, _forget, ident)
        elif key in table:
            table.move_to_end(key)
            return table[key]
    value = build()
    with _lock:
        table[key] = value
        while len(table) > MAX_VIEWS:
            table.popitem(last=False)
    return value
