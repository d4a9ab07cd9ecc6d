"""The corpus: every article in a folder with its metadata and extraction.

``load_corpus()`` is the one call the UI makes (through one cached loader).
The folder is ``seeds/`` unless the environment variable
``CRACKDOWN_SEEDS`` names another (benchmarks use a generated corpus).
Unreadable articles, bad metadata tables and dangerous paths become entries
of ``Corpus.problems`` (naming files relative to the folder, never by an
absolute path); they never stop the others from loading.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Iterable, Iterator
from functools import partial
from pathlib import Path

from data.records import Corpus, Extraction, Source
from data.sources import (
    METADATA_FILE,
    SEEDS_DIR,
    ArticleError,
    Entry,
    Listing,
    quoted_passages,
    read_article,
    read_listing,
    shown_name,
)
from data.store import Store, StoreUnavailable, content_hash, params_hash, refresh_in_background

log = logging.getLogger("crackdown")


def seeds_dir_from_env() -> Path:
    value = os.environ.get("CRACKDOWN_SEEDS")
    return Path(value) if value else SEEDS_DIR


def corpus_fingerprint(seeds_dir: Path | None = None) -> str:
    """Changes whenever ``sources.toml`` or an article file of the folder is added,
    removed or rewritten (names, modification times and sizes; nothing is read)."""
    seeds_dir = seeds_dir or seeds_dir_from_env()
    parts = []
    try:
        with os.scandir(seeds_dir) as entries:
            for entry in entries:
                if entry.name == METADATA_FILE or entry.name.endswith(".txt"):
                    try:
                        info = entry.stat()
                    except OSError:
                        continue
                    parts.append(f"{entry.name}\0{info.st_mtime_ns}\0{info.st_size}")
    except OSError as exc:
        return f"unreadable folder ({exc.errno})"
    return hashlib.sha1("\n".join(sorted(parts)).encode()).hexdigest()


def extract_text(text: str, *args, **kwargs) -> Extraction:
    """:func:`data.extract.extract_text`, imported on first use: a server started on a
    warm store and snapshot never extracts, so it never compiles the extraction's patterns
    (a third of a second of its first page)."""
    from data.extract import extract_text as extract  # noqa: PLC0415 - see the docstring

    return extract(text, *args, **kwargs)


def extract_article(source: Source, text: str, quoted) -> Extraction:
    """One article's extraction (what the store keeps; ``data.batch`` runs it on workers)."""
    return extract_text(
        text, source.published, source.id, precision=source.published_precision, quoted=quoted
    )


def readable_articles(
    seeds_dir: Path, store: Store | None = None, known: dict | None = None
) -> tuple[Listing, list, list]:
    """The folder's listing, its readable articles as ``(entry, text, quoted, key)`` with
    their store key, and the problems of the others (``known``: see :func:`keyed_articles`)."""
    listing = read_listing(seeds_dir, store.memo if store is not None else None)
    problems = list(listing.problems)
    return listing, list(keyed_articles(listing.entries, problems, known)), problems


def keyed_articles(
    entries: Iterable[Entry], problems: list[str], known: dict | None = None
) -> Iterator[tuple]:
    """Each readable article of ``entries``, in order, as ``(entry, text, quoted, key)``
    with its store key; an unreadable one adds its notice to ``problems`` instead. Shared
    by ``load_corpus`` and ``data.batch`` (which reads the folder while its workers
    extract), so both key an article the same way.

    ``known`` (a dict this function keeps) holds what the last pass read of each file: a
    file whose inode, size and change times and whose metadata table are unchanged is not
    read and hashed again (a server whose folder gained one article of thousands)."""
    kept = {}
    for entry in entries:
        signature = _signature(entry.path) if known is not None else None
        held = known.get(entry.path) if signature else None
        if held is not None and held[:2] == (signature, entry.table):  # (its Source too)
            kept[entry.path] = held
            yield entry, *held[2:]
            continue
        try:
            text = read_article(entry.path, entry.shown)
            quoted = quoted_passages(entry.table, text)
        except ArticleError as exc:
            problems.append(str(exc))
            continue
        except ValueError as exc:
            problems.append(f"{entry.shown}: {exc}; not loaded")
            continue
        s = entry.source
        key = (content_hash(text), params_hash(s.id, s.published, s.published_precision, quoted))
        if signature:
            kept[entry.path] = (signature, entry.table, text, quoted, key)
        yield entry, text, quoted, key
    if known is not None:
        known.clear()
        known.update(kept)


def _signature(path: Path) -> tuple | None:
    """What changes when a file is written, replaced or moved (taken before reading it)."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


#: folder -> the current results the last ``load_corpus(..., reuse=True)`` of it had, by
#: key: a corpus that gained one article decodes one result, not all of them.
_last_results: dict[str, dict] = {}
#: folder -> what its last ``load_corpus(..., reuse=True)`` read of each file
#: (:func:`keyed_articles`): the unchanged ones are not read again.
_last_read: dict[str, dict] = {}


def reuse_state(seeds_dir: Path) -> tuple[dict, dict]:
    """What the last ``load_corpus(..., reuse=True)`` of the folder kept (what it read of
    each file, the current results by key), copied: a snapshot keeps it for the first
    change after a server start (:mod:`data.snapshot`)."""
    folder = str(seeds_dir)
    return dict(_last_read.get(folder, {})), dict(_last_results.get(folder, {}))


def restore_reuse_state(seeds_dir: Path, read: dict, results: dict) -> None:
    """Hold ``read`` and ``results`` (from :func:`reuse_state`) as what the last read of
    the folder kept. A file changed since is read again: its inode, size, times or
    metadata table differ."""
    folder = str(seeds_dir)
    _last_read[folder] = dict(read)
    _last_results[folder] = dict(results)


def _stored(store: Store | None, keys, known: dict) -> dict:
    found = {key: (known[key], True) for key in keys if key in known}
    if store is None:
        return found
    try:
        return found | store.fetch(key for key in keys if key not in found)
    except StoreUnavailable as exc:
        log.warning("%s; extracting in memory", exc)
        return found


def load_corpus(
    seeds_dir: Path | None = None,
    store: Store | None = None,
    background: bool = False,
    reuse: bool = False,
) -> Corpus:
    """Every listed article with its extraction.

    With a ``store`` (:mod:`data.store`), only articles whose text, metadata or
    extractor version changed are extracted; with ``background``, a result of an
    older extractor version is used at once and re-extracted in a background thread;
    with ``reuse``, results this process already holds for the folder are not decoded
    again (a server whose corpus gained an article).
    """
    seeds_dir = seeds_dir or seeds_dir_from_env()
    read = _last_read.setdefault(str(seeds_dir), {}) if reuse else None
    listing, readable, problems = readable_articles(seeds_dir, store, read)
    known = _last_results.get(str(seeds_dir), {}) if reuse else {}
    stored = _stored(store, [key for *_, key in readable], known)
    fresh, stale, held = [], [], {}
    sources, texts, events, statements, figures = {}, {}, [], [], []
    for entry, text, quoted, key in readable:
        result, current = stored.get(key, (None, False))
        if result is not None and not current and background:
            stale.append((key, partial(extract_article, entry.source, text, quoted)))
        elif result is None or not current:
            try:
                result = extract_article(entry.source, text, quoted)
            except Exception as exc:  # one article the extractor cannot handle costs only itself
                log.exception("extracting %s failed", entry.shown)
                problems.append(f"{entry.shown}: could not be extracted ({type(exc).__name__})")
                continue
            fresh.append((key, result))
            current = True
        if current:
            held[key] = result
        sources[entry.source.id] = entry.source
        texts[entry.source.id] = text
        events.extend(result.events)
        statements.extend(result.statements)
        figures.extend(result.figures)
    if reuse:
        _last_results[str(seeds_dir)] = held
    if store is not None:
        try:
            store.put(fresh)
        except StoreUnavailable as exc:
            log.warning("%s; results not kept", exc)
        if stale:
            refresh_in_background(store, stale)
    listed = {e.path.name for e in listing.entries} | listing.named
    for path in sorted(seeds_dir.glob("*.txt")):
        if path.name not in listed:
            problems.append(
                f"{shown_name(seeds_dir, path.name)}: no entry in "
                f"{shown_name(seeds_dir, METADATA_FILE)}; not loaded"
            )
    return Corpus(
        sources=sources,
        texts=texts,
        events=tuple(events),
        statements=tuple(statements),
        figures=tuple(figures),
        problems=tuple(problems),
        stale=len(stale),
    )
