"""A visitor that speaks Streamlit's own protocol over the WebSocket, as its frontend does.

A browser visitor costs the machine the server's work *and* the browser's (Streamlit's
9 MB of scripts, Plotly's bundle, drawing the page): on this 2-core machine 25 Chromium
contexts cannot all draw their first page while one server answers them, so the browser,
not the server, is what a 25-visitor run measures. A *wire visitor* is what a locust user
is to a web site: it opens ``/_stcore/stream`` and sends what Chromium's frontend sends
(recorded from Chromium, see ``README``): a ``rerun_script`` with the link's query string,
every widget's state, the page's script hash and the hashes of the messages it keeps,
and it reads what the server answers (the elements of each run) until the run finishes.
The server cannot tell it from a browser: it runs the same script for the same session
state, and sends the same elements.

What it keeps, as the frontend does:

- the *widgets* of the last finished run, each with its value (the server's when it sets
  one, ``set_value``; else the visitor's own if the widget was there before; else the
  widget's default), sent whole with every rerun; a button's click is a trigger sent once;
- the *query string*, written from the widgets bound to the link (``query_param_key``),
  each value that differs from its widget's default, in the page's order;
- the *page*: the navigation's pages by name and script hash; moving to another page drops
  the old page's own widgets and keeps the app's (the sidebar's filters);
- *cached messages*: a message the server marks cacheable is kept by its hash for the two
  runs after it (Streamlit's ``global.maxCachedMessageAge``), and the server may then send
  only its hash.

Each step's checks read the finished run's elements: the sentence (the ``ct-summary``
paragraph's text), a company's card (the container keyed ``company_card_…``), highlighted
quotes (``<mark class="ct-mark"``), the chart (a Plotly element with data), and no
exception or error box.
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import json
import re
from dataclasses import dataclass, field
from urllib.parse import urlencode, urlsplit

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

#: Finished runs a kept message outlives unused (``global.maxCachedMessageAge``'s default).
CACHE_RUNS = 2
#: The widget kinds whose state the frontend sends with every rerun (buttons only when
#: clicked; charts, tables and download buttons only on a selection or never).
STATEFUL = ("multiselect", "radio", "selectbox", "text_input", "date_input")
_TAGS = re.compile(r"<[^>]+>")
_SUMMARY = re.compile(r'<p class="ct-summary"[^>]*>(.*?)</p>', re.S)
FINISHED = ForwardMsg.ScriptFinishedStatus.Value("FINISHED_SUCCESSFULLY")
COMPILE_ERROR = ForwardMsg.ScriptFinishedStatus.Value("FINISHED_WITH_COMPILE_ERROR")


class WireError(AssertionError):
    """What the server sent is not what the step expected (or it sent an error)."""


@dataclass
class Widget:
    id: str
    kind: str  # STATEFUL, or "button"
    value: object  # list[str] | str | None
    default: object
    bound: str | None  # the link parameter it is bound to
    script: str  # the script hash that drew it (app or page)


@dataclass
class Drawn:
    """What one finished script run drew: elements and blocks by delta path."""

    elements: dict[tuple[int, ...], object] = field(default_factory=dict)
    blocks: dict[tuple[int, ...], object] = field(default_factory=dict)
    scripts: dict[tuple[int, ...], str] = field(default_factory=dict)  # path -> script hash

    def sentence(self) -> str | None:
        for el in self.elements.values():
            if el.WhichOneof("type") == "html":
                m = _SUMMARY.search(el.html.body)
                if m:
                    return html.unescape(_TAGS.sub("", m.group(1))).strip()
        return None

    def has_block(self, key: str) -> bool:
        return any(b.id == key or b.id.endswith("-" + key) for b in self.blocks.values())

    def has_marks(self) -> bool:
        return any(
            el.WhichOneof("type") == "html" and '<mark class="ct-mark' in el.html.body
            for el in self.elements.values()
        )

    def has_chart(self) -> bool:
        for el in self.elements.values():
            if el.WhichOneof("type") == "plotly_chart" and el.plotly_chart.spec:
                return bool(json.loads(el.plotly_chart.spec).get("data"))
        return False

    def error(self) -> str | None:
        for el in self.elements.values():
            kind = el.WhichOneof("type")
            if kind == "exception":
                return f"an exception: {el.exception.type}: {el.exception.message[:160]}"
            if kind == "alert" and el.alert.format == el.alert.ERROR:
                return f"an error box: {el.alert.body[:160]}"
        return None


def widget_of(el, script: str, known: dict[str, Widget]) -> Widget | None:
    """The widget ``el`` draws with its value as the frontend holds it, or None."""
    kind = el.WhichOneof("type")
    if kind == "button":
        return Widget(el.button.id, "button", None, None, None, script)
    if kind not in STATEFUL:
        return None
    w = getattr(el, kind)
    bound = w.query_param_key if w.HasField("query_param_key") else None
    if kind == "multiselect":
        default = [w.options[i] for i in w.default]
        setv = list(w.raw_values)
    elif kind in ("radio", "selectbox"):
        default = w.options[w.default] if w.HasField("default") else None
        setv = w.raw_value if w.HasField("raw_value") else None
    elif kind == "text_input":
        default = w.default if w.HasField("default") else None
        setv = w.value if w.HasField("value") else None
    else:  # date_input
        default = list(w.default)
        setv = list(w.value)
    if w.set_value:
        value = setv
    elif w.id in known:
        value = known[w.id].value
    else:
        value = default
    return Widget(w.id, kind, value, default, bound, script)


def state_of(w: Widget) -> WidgetState:
    s = WidgetState(id=w.id)
    if w.kind in ("multiselect", "date_input"):
        s.string_array_value.data.extend(w.value or [])
    elif w.value is not None:
        s.string_value = w.value
    return s


def query_of(widgets: list[Widget]) -> str:
    """The link the frontend writes from the bound widgets: values other than the default."""
    pairs: list[tuple[str, str]] = []
    for w in widgets:
        if w.bound is None or w.value == w.default or w.value in (None, "", []):
            continue
        values = w.value if isinstance(w.value, list) else [w.value]
        pairs += [(w.bound, v) for v in values]
    return urlencode(pairs)


class WireSession:
    """One Streamlit session over one WebSocket; ``rerun`` sends and waits for the run."""

    def __init__(self, base: str, timeout_s: float):
        parts = urlsplit(base)
        self.url = f"ws://{parts.netloc}/_stcore/stream"
        self.base, self.timeout_s = base, timeout_s
        self.widgets: dict[str, Widget] = {}  # of the last finished run, in page order
        self.pages: dict[str, str] = {}  # page name -> script hash
        self.page_hash = ""  # the page shown ("" until the server has said)
        self.query = ""
        self.cache: dict[str, tuple[ForwardMsg, int]] = {}  # hash -> (message, run seen)
        self.runs = 0
        self.ws = None
        self._reader: asyncio.Task | None = None
        self._finished: asyncio.Queue = asyncio.Queue()
        self._run = Drawn()
        self.sent: list[BackMsg] = []  # every message sent, in order

    async def connect(self) -> None:
        from websockets.asyncio.client import connect  # noqa: PLC0415

        self.ws = await connect(self.url, subprotocols=["streamlit"], max_size=None,
                                open_timeout=self.timeout_s, compression=None)  # fmt: skip
        self._reader = asyncio.create_task(self._read())

    async def close(self) -> None:
        if self._reader is not None:
            self._reader.cancel()
            with contextlib.suppress(BaseException):
                await self._reader
        if self.ws is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self.ws.close(), 10)
        self.ws = self._reader = None

    async def _read(self) -> None:
        try:
            async for payload in self.ws:
                msg = ForwardMsg()
                msg.ParseFromString(payload)
                self._take(msg)
        except Exception as exc:  # the connection ended: whoever waits learns why
            self._finished.put_nowait(exc)
        else:
            self._finished.put_nowait(ConnectionError("the server closed the connection"))

    def _take(self, msg: ForwardMsg) -> None:
        kind = msg.WhichOneof("type")
        if kind == "ref_hash":
            cached = self.cache.get(msg.ref_hash)
            if cached is None:
                self._finished.put_nowait(WireError(f"unknown cached message {msg.ref_hash}"))
                return
            self.cache[msg.ref_hash] = (cached[0], self.runs)  # used again: kept longer
            full = ForwardMsg()
            full.CopyFrom(cached[0])
            full.metadata.CopyFrom(msg.metadata)  # where it goes this time
            msg, kind = full, full.WhichOneof("type")
        elif msg.metadata.cacheable and msg.hash:
            self.cache[msg.hash] = (msg, self.runs)
        if kind == "new_session":
            self._run = Drawn()
        elif kind == "navigation":
            self.pages = {p.page_name: p.page_script_hash for p in msg.navigation.app_pages}
            self.page_hash = msg.navigation.page_script_hash or self.page_hash
        elif kind == "delta":
            path = tuple(msg.metadata.delta_path)
            delta = msg.delta
            which = delta.WhichOneof("type")
            if which == "new_element":
                self._run.elements[path] = delta.new_element
                self._run.scripts[path] = msg.metadata.active_script_hash
            elif which == "add_block":
                self._run.blocks[path] = delta.add_block
        elif kind == "page_not_found":
            self._finished.put_nowait(WireError(f"page not found: {msg.page_not_found.page_name}"))
        elif kind == "script_finished":
            status = msg.script_finished
            if status == FINISHED:
                self._finished.put_nowait(self._run)
            elif status == COMPILE_ERROR:
                self._finished.put_nowait(WireError("the script did not compile"))

    def _widgets_of(self, run: Drawn) -> dict[str, Widget]:
        out: dict[str, Widget] = {}
        for path in sorted(run.elements):
            w = widget_of(run.elements[path], run.scripts.get(path, ""), self.widgets)
            if w is not None:
                out[w.id] = w
        return out

    async def rerun(self, *, page: str | None = None, click: str | None = None,
                    change: tuple[str, object] | None = None, query: str | None = None) -> Drawn:  # fmt: skip
        """Send one rerun as the frontend would after a user's action; the finished run.

        ``query``: a link opened (the session's first run); ``page``: a page's name in
        the navigation; ``click``: the key of a button clicked; ``change``: (key, value)
        of a widget the user changed.
        """
        widgets = self.widgets
        page_hash = self.page_hash
        if page is not None:
            page_hash = self.pages[page]
            if page_hash != self.page_hash:  # the old page's own widgets go with it
                widgets = {i: w for i, w in widgets.items() if w.script != self.page_hash}
        if change is not None:
            key, value = change
            w = self._find(key)
            widgets = {**widgets, w.id: Widget(w.id, w.kind, value, w.default, w.bound, w.script)}
        states = [state_of(w) for w in widgets.values() if w.kind != "button"]
        if click is not None:
            states.append(WidgetState(id=self._find(click).id, trigger_value=True))
        if query is None:
            query = query_of(list(widgets.values()))
        self.widgets = widgets  # what the frontend holds while the run is on its way
        msg = BackMsg()
        rs = msg.rerun_script
        rs.query_string = query
        rs.widget_states.SetInParent()  # sent even when empty, as the frontend does
        rs.widget_states.widgets.extend(states)
        rs.page_script_hash = page_hash
        rs.cached_message_hashes.extend(
            h for h, (_, seen) in self.cache.items() if self.runs - seen <= CACHE_RUNS
        )
        ci = rs.context_info
        ci.timezone, ci.timezone_offset, ci.locale = "UTC", 0, "en-US"
        ci.url, ci.is_embedded, ci.color_scheme = self.base + "/", False, "light"
        while not self._finished.empty():  # nothing stale from an earlier run
            self._finished.get_nowait()
        self.sent.append(msg)
        await self.ws.send(msg.SerializeToString())
        result = await asyncio.wait_for(self._finished.get(), self.timeout_s)
        if isinstance(result, BaseException):
            raise result
        self.runs += 1
        self.cache = {h: v for h, v in self.cache.items() if self.runs - v[1] <= CACHE_RUNS}
        self.widgets = self._widgets_of(result)
        self.query = query_of(list(self.widgets.values()))
        if page is not None:
            self.page_hash = page_hash
        return result

    def _find(self, key: str) -> Widget:
        for w in self.widgets.values():
            if w.id == key or w.id.endswith("-" + key):
                return w
        raise WireError(f"no widget keyed {key!r} on the page")
