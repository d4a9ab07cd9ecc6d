"""The extraction store: each article's extraction kept in SQLite between runs.

Where: ``<corpus folder>/.crackdown-store.sqlite3``, or the file the environment
variable ``CRACKDOWN_STORE`` names. Created on first use with the standard
library's ``sqlite3``; nothing else needs installing.

Key: the article's content hash (SHA-256 of its text), a hash of what else the
extraction reads (the source id, publication date and precision, quoted
passages) and :data:`EXTRACTOR_VERSION`. A restart, or a new article, extracts
only the articles whose key is not stored yet.

:data:`EXTRACTOR_VERSION` is a hash of the extractor's own files: every ``.py``
and ``.toml`` file under ``data/`` except the modules listed in
:data:`NOT_EXTRACTION` (the store, the corpus folder's plumbing, frames,
filters, benchmarks). Any change to a rule, a word list, the gazetteer or a
record field is a new version; nobody has to remember to bump a number.

An old version's result is still returned (marked stale) so the dashboard can
show it at once while :func:`data.corpus.load_corpus` re-extracts in a
background thread.

The store is a cache and only a cache: deleting it is always safe, and a
corrupt file (``sqlite3.DatabaseError``, or a row that does not decode) is
removed and rebuilt. A store that cannot be opened at all (a read-only folder)
raises :class:`StoreUnavailable` and the caller extracts in memory.

Records go in and out losslessly as JSON through a codec derived from the
record classes' type hints (dates, ``Decimal``, enums, tuples, optional
fields), so a new field needs no change here.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import operator
import os
import sqlite3
import threading
import time
import types
import typing
from collections.abc import Callable, Iterable
from datetime import date
from decimal import Decimal
from enum import Enum
from functools import cache
from pathlib import Path

from data.records import Event, Extraction, Figure

STORE_FILE = ".crackdown-store.sqlite3"
DATA_DIR = Path(__file__).resolve().parent
#: Modules under data/ that do not change what the extractor finds.
NOT_EXTRACTION = frozenset({
    "store.py", "corpus.py", "add.py", "frames.py", "filters.py", "merge.py", "bench.py",
    "synth.py", "batch.py", "__main__.py", "snapshot.py", "titles.py", "params.py",
})  # fmt: skip

log = logging.getLogger("crackdown")


def code_hash(leave_out: frozenset[str] = frozenset(), salt: str = "") -> str:
    """A hash of the ``.py`` and ``.toml`` files under data/ (but ``leave_out``)."""
    digest = hashlib.sha256(salt.encode())
    for path in sorted(DATA_DIR.rglob("*")):
        if path.suffix in {".py", ".toml"} and path.name not in leave_out:
            digest.update(path.relative_to(DATA_DIR).as_posix().encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


#: The extractor's version: a hash of its files (see the module docstring).
EXTRACTOR_VERSION = code_hash(NOT_EXTRACTION)


class StoreUnavailable(RuntimeError):
    """The store cannot be opened or written (a read-only folder, a full disk)."""


def store_path(seeds_dir: Path) -> Path:
    """Where the store of ``seeds_dir`` lives: ``CRACKDOWN_STORE`` or a file in the folder."""
    value = os.environ.get("CRACKDOWN_STORE")
    return Path(value) if value else seeds_dir / STORE_FILE


# -- the codec: records <-> JSON, derived from the records' type hints -------------------


def encode(value: object) -> object:
    """A record (or any value in one) as plain JSON values: an enum as its value, a date
    in ISO form, a ``Decimal`` as text, any collection as a list, a mapping with text
    keys, a record as the list of its fields' values; text, numbers, booleans and None
    as they are."""
    return _encoder(type(value))(value)


#: Classes :func:`encode` returns as they are (exactly these, not their subclasses: an
#: enum of text is a ``str`` too). Collections and records pass their items of these
#: classes through without a call.
_PLAIN = frozenset({str, int, float, bool, type(None)})


def _items(values: Iterable) -> list:
    return [v if type(v) in _PLAIN else _encoder(type(v))(v) for v in values]


@cache
def _encoder(cls: type) -> Callable[[object], object]:
    """How :func:`encode` turns a value of class ``cls``: decided once per class (a
    value's class alone decides it; the tests keep the order of the docstring's list)."""
    if issubclass(cls, Enum):
        return lambda v: encode(v.value)
    if cls is type(None) or issubclass(cls, str | int | float | bool):
        return _identity
    if issubclass(cls, date):
        return cls.isoformat  # a datetime keeps its time
    if issubclass(cls, Decimal):
        return str
    if issubclass(cls, tuple | list | frozenset | set):
        return _items
    if issubclass(cls, dict):
        return lambda v: {str(k): encode(x) for k, x in v.items()}
    if dataclasses.is_dataclass(cls):
        fields = _record_fields(cls)
        return lambda v: _items(fields(v))

    def refuse(value: object) -> object:
        raise TypeError(f"cannot store a {type(value).__name__}")

    return refuse


@cache
def _record_fields(cls: type) -> Callable[[object], tuple]:
    """The values of a record's fields (those of its ``__init__``), as a tuple."""
    names = [f.name for f in _init_fields(cls)]
    if len(names) < 2:
        return lambda v: tuple(getattr(v, n) for n in names)
    return operator.attrgetter(*names)


@cache
def _init_fields(cls: type) -> tuple[dataclasses.Field, ...]:
    return tuple(f for f in dataclasses.fields(cls) if f.init)


def _identity(value):
    return value


@cache
def decoder(tp: object) -> Callable[[object], object] | None:
    """The function turning :func:`encode`'s output back into a value of type ``tp``,
    or None where JSON already gives the value (text, numbers, booleans)."""
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        inner = [decoder(a) for a in args if a is not type(None)]
        if len(inner) != 1:
            return None
        one = inner[0]
        return None if one is None else (lambda v: None if v is None else one(v))
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            item = decoder(args[0])
            return tuple if item is None else (lambda v: tuple(map(item, v)))
        items = [decoder(a) for a in args]
        if not any(items):
            return tuple
        items = [d or _identity for d in items]
        return lambda v: tuple(d(x) for d, x in zip(items, v, strict=True))
    if origin in (list, frozenset, set):
        item = (decoder(args[0]) if args else None) or _identity
        return lambda v: origin(map(item, v))
    if origin is dict:
        value = decoder(args[1]) if len(args) == 2 else None
        return dict if value is None else (lambda v: {k: value(x) for k, x in v.items()})
    if tp is date:
        return date.fromisoformat
    if tp is Decimal:
        return Decimal
    if isinstance(tp, type) and issubclass(tp, Enum):
        return tp
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return _record_decoder(tp)
    return None


def _record_decoder(cls: type) -> Callable[[list], object]:
    hints = typing.get_type_hints(cls)
    names = [f.name for f in _init_fields(cls)]
    convert = [(i, d) for i, n in enumerate(names) if (d := decoder(hints[n])) is not None]
    width = len(names)

    def decode(values: list) -> object:
        if len(values) != width:
            raise ValueError(f"{cls.__name__}: {len(values)} values for {width} fields")
        for i, d in convert:
            values[i] = d(values[i])
        return cls(*values)

    return decode


def dumps(extraction: Extraction) -> str:
    """``json.dumps(encode(extraction), ensure_ascii=False, separators=(",", ":"))``,
    the same text, without the converted copy: json's C encoder writes the tuples, text
    and numbers itself and asks :func:`_written` only for what it does not know (a batch
    worker encodes every result; tests/test_encode.py compares the two)."""
    return _WRITER.encode(extraction)


@cache
def _writer(cls: type) -> Callable[[object], object]:
    if dataclasses.is_dataclass(cls) and not issubclass(cls, Enum | date | Decimal | frozenset | set):
        return _record_fields(cls)  # json writes the tuple as a list, each value in turn
    return _encoder(cls)


def _written(value: object) -> object:
    """A value json's encoder does not know as :func:`encode` gives it, but a record as
    the tuple of its fields' values (text enums and numbers json writes as their values)."""
    return _writer(type(value))(value)


_WRITER = json.JSONEncoder(
    ensure_ascii=False, separators=(",", ":"), default=_written, check_circular=False
)  # records are trees


def loads(text: str) -> Extraction:
    """Raises ``ValueError``/``TypeError``/``KeyError`` on a row that does not decode."""
    result = decoder(Extraction)(json.loads(text))
    if not all(isinstance(e, Event) for e in (*result.events, *result.statements)) or not all(
        isinstance(f, Figure) for f in result.figures
    ):
        raise TypeError("not an extraction")
    return result


# -- the store ------------------------------------------------------------------------

Key = tuple[str, str]  # (content hash, parameters hash)
#: Up to this many keys are looked up one by one; more, by reading the version's rows.
_FEW = 64

_SCHEMA = """
CREATE TABLE IF NOT EXISTS extraction (
    content TEXT NOT NULL,   -- SHA-256 of the article text
    params TEXT NOT NULL,    -- hash of the source id, publication date, precision, quotes
    version TEXT NOT NULL,   -- EXTRACTOR_VERSION that produced the result
    result TEXT NOT NULL,    -- the Extraction as JSON (see encode)
    stored REAL NOT NULL,
    PRIMARY KEY (content, params, version)
);
CREATE TABLE IF NOT EXISTS memo (key TEXT PRIMARY KEY, value TEXT NOT NULL)
"""


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def params_hash(*parts: object) -> str:
    return hashlib.sha256(json.dumps(encode(list(parts))).encode()).hexdigest()[:32]


def _lookup(con: sqlite3.Connection, wanted: set[Key], column: str, where: str, args: tuple):
    """``column`` of the rows matching ``where`` for the ``wanted`` keys (the last row
    wins where several match): a few keys are looked up by their index, many by reading
    every row matching ``where``."""
    if len(wanted) <= _FEW:
        return _indexed(con, wanted, column, where, args)
    return {(c, p): r for c, p, r in con.execute(
        f"SELECT content, params, {column} FROM extraction WHERE {where}", args)
        if (c, p) in wanted}  # fmt: skip


def _indexed(con: sqlite3.Connection, wanted: set[Key], column: str, where: str, args: tuple):
    """:func:`_lookup` through the primary key's index, a few hundred texts a query."""
    contents = sorted({c for c, _ in wanted})
    found = {}
    for i in range(0, len(contents), 500):
        part = contents[i : i + 500]
        sql = (f"SELECT content, params, {column} FROM extraction "
               f"WHERE content IN ({','.join('?' * len(part))}) AND {where}")  # fmt: skip
        rows = con.execute(sql, (*part, *args))
        found.update(((c, p), r) for c, p, r in rows if (c, p) in wanted)
    return found


class Store:
    """One SQLite file; every call opens its own connection (safe across threads)."""

    def __init__(self, path: Path, version: str = EXTRACTOR_VERSION):
        self.path = Path(path)
        self.version = version

    def _connect(self) -> sqlite3.Connection:
        con = sqlite3.connect(self.path, timeout=10)
        con.execute("PRAGMA journal_mode=WAL")
        con.executescript(_SCHEMA)
        return con

    def _run(self, work: Callable[[sqlite3.Connection], object]) -> object:
        """Run ``work`` in one transaction; rebuild a corrupt file once, then give up."""
        for attempt in (1, 2):
            try:
                con = self._connect()
                try:
                    with con:
                        return work(con)
                finally:
                    con.close()
            except sqlite3.OperationalError as exc:  # locked, read-only, cannot open
                raise StoreUnavailable(f"extraction store unavailable ({exc})") from None
            except sqlite3.DatabaseError as exc:  # not a database, malformed image
                if attempt == 2:
                    raise StoreUnavailable(f"extraction store unusable ({exc})") from None
                log.warning("extraction store %s is corrupt (%s); rebuilding it", self.path, exc)
                self.remove()
        raise AssertionError("unreachable")

    def remove(self) -> None:
        for suffix in ("", "-wal", "-shm", "-journal"):
            try:
                Path(f"{self.path}{suffix}").unlink()
            except FileNotFoundError:
                pass
            except OSError as exc:
                raise StoreUnavailable(f"cannot remove the extraction store ({exc})") from None

    def fetch(self, keys: Iterable[Key]) -> dict[Key, tuple[Extraction, bool]]:
        """Stored results for ``keys``: (extraction, current). ``current`` is False for a
        result of another extractor version (shown while a new one is computed). A few
        keys are looked up one by one, many by reading the version's rows."""
        wanted = set(keys)

        def work(con):
            current = _lookup(con, wanted, "result", "version = ?", (self.version,))
            old = {}
            if wanted - current.keys():
                others = "version != ? ORDER BY stored"  # the newest last: it wins
                old = _lookup(con, wanted, "result", others, (self.version,))
            return current, old

        current, old = self._run(work)
        found: dict[Key, tuple[Extraction, bool]] = {}
        for key in wanted:
            for rows_, is_current in ((current, True), (old, False)):
                if key in rows_:
                    try:
                        found[key] = (loads(rows_[key]), is_current)
                        break
                    except (ValueError, TypeError, KeyError, IndexError) as exc:
                        log.warning("extraction store row for %s does not decode (%s)", key, exc)
        return found

    def present(self, keys: Iterable[Key]) -> set[Key]:
        """The keys among ``keys`` that have a result of this extractor version, found
        from the keys alone: no result is read or decoded (``data.batch`` learns what to
        extract without decoding every stored result). A row that would not decode still
        counts; :meth:`fetch` drops it, and the corpus loader extracts that article again."""
        wanted = set(keys)
        if not wanted:
            return set()
        current = ("version = ?", (self.version,))
        return set(self._run(lambda con: _indexed(con, wanted, "1", *current)))

    def put(self, results: Iterable[tuple[Key, Extraction]]) -> None:
        """Store results of this version and drop other versions' rows for the same keys."""
        self.put_encoded((key, dumps(x)) for key, x in results)

    def put_encoded(self, results: Iterable[tuple[Key, str]]) -> None:
        """:meth:`put` for results already encoded by :func:`dumps` (a batch's workers
        encode their own, so the one process writing the store only writes)."""
        rows = [(c, p, self.version, text, time.time()) for (c, p), text in results]
        if not rows:
            return

        def work(con):
            con.executemany("INSERT OR REPLACE INTO extraction VALUES (?, ?, ?, ?, ?)", rows)
            con.executemany(
                "DELETE FROM extraction WHERE content = ? AND params = ? AND version != ?",
                [(c, p, v) for c, p, v, _, _ in rows],
            )

        self._run(work)

    def memo(self, key: str, compute: Callable[[], object]) -> object:
        """``compute()``'s JSON-able result, kept under ``key`` (e.g. the parsed tables of
        a ``sources.toml``, by its hash); any failure of the store just computes."""
        try:
            row = self._run(lambda con: con.execute(
                "SELECT value FROM memo WHERE key = ?", (key,)).fetchone())  # fmt: skip
            if row is not None:
                return json.loads(row[0])
        except (StoreUnavailable, ValueError):
            pass
        value = compute()
        try:
            text = json.dumps(encode(value))
            self._run(lambda con: (con.execute("DELETE FROM memo"), con.execute(
                "INSERT INTO memo VALUES (?, ?)", (key, text))))  # fmt: skip
        except (StoreUnavailable, TypeError):
            pass
        return value

    def count(self) -> int:
        return self._run(lambda con: con.execute("SELECT COUNT(*) FROM extraction").fetchone()[0])


# -- background re-extraction -----------------------------------------------------------

_generation = 0
_lock = threading.Lock()
_pending: set[tuple[str, Key]] = set()


def generation() -> int:
    """Grows each time a background re-extraction has stored new results."""
    return _generation


def refresh_in_background(store: Store, jobs: list[tuple[Key, Callable[[], Extraction]]]) -> None:
    """Extract ``jobs`` in a daemon thread and store them; :func:`generation` grows when
    done, so a loader keyed on it picks the new results up. A job already running in
    this process is not started twice."""
    with _lock:
        jobs = [(k, fn) for k, fn in jobs if (str(store.path), k) not in _pending]
        _pending.update((str(store.path), k) for k, _ in jobs)
    if not jobs:
        return

    def run() -> None:
        global _generation
        try:
            done = []
            for key, fn in jobs:
                try:
                    done.append((key, fn()))
                except Exception:  # one article costs only itself
                    log.exception("background re-extraction failed for %s", key)
            store.put(done)
        except StoreUnavailable as exc:
            log.warning("%s", exc)
        finally:
            with _lock:
                _pending.difference_update((str(store.path), k) for k, _ in jobs)
                _generation += 1

    threading.Thread(target=run, name="crackdown-reextract", daemon=True).start()


# -- command line: where the store is, what it holds, how fast a warm load is ------------


def main(argv: list[str] | None = None) -> int:
    """``python -m data.store [FOLDER] [--time]``."""
    import argparse  # noqa: PLC0415

    from data.corpus import load_corpus, seeds_dir_from_env  # noqa: PLC0415 - avoids a cycle

    parser = argparse.ArgumentParser(prog="python -m data.store",
                                     description="The extraction store of a corpus folder.")
    parser.add_argument("folder", nargs="?", type=Path, help="corpus folder (default: seeds/)")
    parser.add_argument("--time", action="store_true",
                        help="load the corpus through the store twice and print the times")
    args = parser.parse_args(argv)
    folder = args.folder or seeds_dir_from_env()
    store = Store(store_path(folder))
    for n in (1, 2) if args.time else ():
        wall, cpu = time.perf_counter(), time.process_time()
        corpus = load_corpus(folder, store)
        print(f"load {n}: {time.perf_counter() - wall:.2f} s wall, "
              f"{time.process_time() - cpu:.2f} s CPU, {len(corpus.sources):,} articles, "
              f"{len(corpus.events):,} dated events")  # fmt: skip
    try:
        rows = store.count()
    except StoreUnavailable as exc:
        print(exc)
        return 2
    print(f"store: {store.path} ({rows:,} results, extractor version {store.version})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
