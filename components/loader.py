"""The one cached loader: the corpus as frames, shared by every visitor.

The cache is keyed on the corpus folder's fingerprint (names, modification
times and sizes of ``sources.toml`` and the article files) and on the
extraction store's generation, so an article added, edited or removed while
the server runs is seen by every open tab on its next interaction, and
results re-extracted in the background replace the old ones. Extraction
results come from the store (:mod:`data.store`): only what changed is
extracted. A server started on an unchanged corpus reads the frames from
their signed snapshot (:mod:`data.snapshot`) instead of rebuilding them.
"""

from __future__ import annotations

import dataclasses
import gc
import logging
import os
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import streamlit as st

from data import snapshot
from data.corpus import corpus_fingerprint, restore_reuse_state, reuse_state, seeds_dir_from_env
from data.frames import Frames, build_frames
from data.sources import METADATA_FILE
from data.store import Store, generation, store_path


def read_corpus(seeds_dir: str):
    """The corpus of ``seeds_dir`` ("" for the default folder); tests replace this."""
    from data.corpus import load_corpus  # noqa: PLC0415 - imported late so tests can stub it

    folder = Path(seeds_dir) if seeds_dir else seeds_dir_from_env()
    return load_corpus(folder, Store(store_path(folder)), background=True, reuse=True)


#: folder -> (the fingerprint they were read or built under, the frames read last), which
#: the next build of that folder updates
_latest: dict[str, tuple[str, Frames]] = {}

#: Snapshots are written by one background thread, in the order they were built (the
#: newest last): pickling and writing them (0.3 s at 10,000 events, seconds at 100,000)
#: is for the next start, not for the visitor who just added an article.
_snapshots = ThreadPoolExecutor(max_workers=1, thread_name_prefix="frames-snapshot")


def _save_snapshot(path: Path, key: str, frames: Frames, reuse: tuple[dict, dict]) -> None:
    try:
        snapshot.save(path, key, frames, reuse)
    except Exception:  # a snapshot is only a shortcut: say so in the log, never fail
        logging.getLogger("crackdown").exception("frames snapshot %s not written", path.name)


def wait_for_snapshots() -> None:
    """Return when every snapshot asked for so far is written (or was refused)."""
    _snapshots.submit(lambda: None).result()


def read_frames(seeds_dir: str, fingerprint: str = "") -> Frames:
    """The frames of the folder: its snapshot's when the folder is unchanged since it
    was written, else built (and snapshotted in the background when every article is
    current; :func:`wait_for_snapshots`), updated from the frames read last.
    ``fingerprint``: the folder's, if the caller has just worked it out."""
    folder = Path(seeds_dir) if seeds_dir else seeds_dir_from_env()
    path = snapshot.snapshot_path(store_path(folder))
    key = fingerprint or corpus_fingerprint(folder)
    frames = snapshot.load(path, key)
    if frames is None:
        previous = _previous(folder, path)
        corpus = read_corpus(seeds_dir)
        frames = build_frames(corpus, previous=previous)
        if not corpus.stale and corpus_fingerprint(folder) == key:  # unchanged while read
            _snapshots.submit(_save_snapshot, path, key, frames, reuse_state(folder))
    _latest[str(folder)] = (key, frames)
    return frames


def _previous(folder: Path, path: Path) -> Frames | None:
    """The frames read last of the folder, with what updating them needs. Frames read
    from a snapshot hold neither the grouping nor the records: those are read from beside
    the snapshot they came from (and what reading the folder kept is restored), so the
    first change after a start reads and groups only what changed."""
    held = _latest.get(str(folder))
    if held is None:
        return None
    key, frames = held
    if frames.grouping is None:
        records = snapshot.load_records(path, key)
        if records is not None:
            restore_reuse_state(folder, records.read, records.results)
            frames = dataclasses.replace(
                frames, grouping=records.grouping, built_from=records.built_from
            )
    return frames


def settle_heap() -> None:
    """Set every object the garbage collector tracks aside from its walk (``gc.freeze``).

    Streamlit collects garbage after every script run (``runner.postScriptGC``), and a
    full collection walks every object the collector tracks: the server's modules and
    the frames, 0.1 s per rerun on the seeds and 0.2 s at 10,000 events, on every click
    of every visitor (in a load run, nearly half of the script thread's time). Objects
    set aside are still freed when nothing refers to them any more. Setting aside costs
    nothing; collecting does, so the first read (the server's start, where reading the
    frames left no cyclic garbage: 0 objects found at 10,296 events) only sets aside, and
    a later read (the corpus changed) first collects everything set aside before
    (``gc.unfreeze``), which finds the cycles among frames an added article replaced.
    """
    if gc.get_freeze_count():
        gc.unfreeze()
        gc.collect()
    gc.freeze()


@st.cache_resource(show_spinner="Reading the articles…", max_entries=2)
def load_frames(seeds_dir: str, fingerprint: str = "", generation: int = 0) -> Frames:
    """Shared by every visitor: treat the frames as read-only. Once read, they (and the
    server's modules) are set aside from the garbage collector's walk (:func:`settle_heap`).
    Keyed on what the frames depend on besides the folder's name: its ``fingerprint`` and
    the store's ``generation`` (:func:`data.store.generation`)."""
    frames = read_frames(seeds_dir, fingerprint)
    settle_heap()
    return frames


_run = threading.local()  # the frames app.py read for the page run on this thread


def frames_for_run() -> Frames:
    """``app.py``, at the start of each page run: :func:`frames`, kept for the run's page."""
    _run.frames = None
    _run.frames = fr = frames()
    return fr


def run_frames() -> Frames:
    """The frames ``app.py`` read at the start of this page run, else :func:`frames`. The
    folder is looked at once per run, not again by the page: a look is every article's
    size and time (10,000 articles: a third of a rerun that found its view kept)."""
    held = getattr(_run, "frames", None)
    return held if held is not None else frames()


#: Seconds a look at the folder (every article's size and time: 10,000 stat calls at 10,000
#: articles, half of a rerun whose view was kept) serves the page runs that follow, while
#: the folder and its sources.toml are unchanged: an article added, removed or renamed, or
#: the listing changed, is seen at once; one rewritten in place, within this.
LOOK_S = 1.0
_looked: dict[str, tuple[float, tuple, str]] = {}  # folder -> (when, quick look, fingerprint)


def _quick_look(folder: Path) -> tuple:
    """The folder's and its listing's own times and sizes (two stat calls)."""
    out = []
    for path in (folder, folder / METADATA_FILE):
        try:
            info = path.stat()
        except OSError:
            out.append(None)
        else:
            out.append((info.st_mtime_ns, info.st_size, info.st_ino))
    return tuple(out)


def _fingerprint(folder: Path) -> str:
    quick, now = _quick_look(folder), time.monotonic()
    held = _looked.get(str(folder))
    if held is not None and held[1] == quick and now - held[0] < LOOK_S:
        return held[2]
    fingerprint = corpus_fingerprint(folder)
    _looked[str(folder)] = (now, quick, fingerprint)
    return fingerprint


def frames() -> Frames:
    """The folder's frames as they are now (a look at the folder, then the cached read)."""
    seeds_dir = os.environ.get("CRACKDOWN_SEEDS", "")
    folder = Path(seeds_dir) if seeds_dir else seeds_dir_from_env()
    return load_frames(seeds_dir, _fingerprint(folder), generation())
