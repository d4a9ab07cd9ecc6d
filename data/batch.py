"""Batch extraction on every core (or every machine) into the extraction store, with Dask.

::

    python -m data.batch [FOLDER]                          # a LocalCluster: one worker per core
    python -m data.batch FOLDER --workers 2                # as many local worker processes
    python -m data.batch FOLDER --scheduler tcp://HOST:8786  # an existing Dask cluster

It lists the corpus folder (``seeds/`` or ``CRACKDOWN_SEEDS`` by default) as
:func:`data.corpus.load_corpus` does, then reads the articles a hundred at a
time, skips every article whose result is already in the store for this
extractor version (:mod:`data.store`: the key is the text's hash, the metadata
the extraction reads and the extractor version; :meth:`~data.store.Store.present`
looks the keys up without decoding a result), and sends the rest to Dask in
chunks of ``--chunk`` articles as they are read: the workers extract the first
chunks while the rest of the folder is read and hashed. Workers only
compute: each chunk's texts travel to a worker and its records come back, and
this process alone writes the store (SQLite wants one writer), chunk by chunk as
they finish, so an interrupted run keeps what it finished. A server started
afterwards on the same folder finds every result warm and extracts nothing.

On a cluster this command starts itself, the worker processes start while the
folder is read (when the store holds fewer results than the folder has
articles), forked from a fork server that has imported the extraction, and
Dask's dashboard diagnostics are turned down
(:data:`LOCAL_CLUSTER_CONFIG`): a batch opens no dashboard, and they cost the
extraction CPU on a small machine.

Scaling past one machine: start ``dask scheduler`` on one host and ``dask worker
tcp://HOST:8786`` on each of the others (same Python packages and the same
checkout of this repository, so ``data`` imports there), then pass
``--scheduler tcp://HOST:8786``. Only texts and records cross the network; the
store stays where this command runs (or where ``CRACKDOWN_STORE`` points).

Pure Python; never imports streamlit. Prints one line of figures and exits 0,
or 2 when the folder cannot be read.
"""

from __future__ import annotations

import argparse
import itertools
import logging
import os
import sys
import time
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from data.corpus import extract_article, keyed_articles, seeds_dir_from_env
from data.sources import Listing, stream_listing
from data.store import Store, StoreUnavailable, dumps, store_path

DEFAULT_CHUNK = 100

#: Dask settings for the cluster this command starts itself. Dask's diagnostics serve its
#: dashboard, which a batch never opens, and on a small machine they take CPU from the
#: extraction: each worker samples its own stack every 10 ms (the profiler), and every
#: server's event loop wakes every 20 ms (the tick watchdog), every 500 ms (host metrics)
#: and every 100 ms (the memory limit check). Measured on an idle two-worker cluster over
#: 15 s: the process running the scheduler used 1.14 CPU s and each worker 0.85 CPU s
#: with the defaults, 0.19 and 0.08 with these; in a cold batch of 2,000 articles the
#: workers' CPU outside the extraction fell from about 3.3 to 1.5 s each. Memory limits
#: still hold (checked each second). The workers are forked from a fork server (see
#: :func:`_start_forkserver`). An existing cluster (``--scheduler``) keeps its own.
LOCAL_CLUSTER_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.worker.multiprocessing-method": "forkserver",
}

#: What the fork server of a local cluster imports before it forks the workers.
#: Not this module: a worker runs the main module again as ``__mp_main__`` (``python -m
#: data.batch``), and runpy warns when it is imported already.
WORKER_PRELOAD = ("distributed", "data.corpus", "data.extract")


def extract_chunk(jobs: list[tuple]) -> list[tuple[tuple[str, str], str | None, int, str]]:
    """On a worker: (key, the extraction encoded for the store or None, its number of
    events, the error's name) for each (key, source, text, quoted). Encoding here keeps
    the work on the workers: the records cross as one string each, and the process
    writing the store only writes."""
    out = []
    for key, source, text, quoted in jobs:
        try:
            result = extract_article(source, text, quoted)
            out.append((key, dumps(result), len(result.events), ""))
        except Exception as exc:  # one article the extractor cannot handle costs only itself
            out.append((key, None, 0, type(exc).__name__))
    return out


def _cpu_seconds() -> float:
    """On a worker: the CPU seconds its process has used (user + system)."""
    times = os.times()
    return times.user + times.system


def _warm_up() -> None:
    """On a worker: import the extraction, which compiles its patterns (a third of a
    second), before the first chunk arrives."""
    import data.extract  # noqa: F401, PLC0415


def _client(scheduler: str, workers: int):
    """A client of the cluster at ``scheduler``, or of a new local one, whose workers
    have imported the extraction (this runs while the folder is read)."""
    if not scheduler:
        _start_forkserver()  # it imports what the workers need while this process imports Dask
    import dask  # noqa: PLC0415 - heavy, only here
    import distributed.utils  # noqa: PLC0415
    from dask.distributed import Client, LocalCluster  # noqa: PLC0415

    if scheduler:
        client, cluster = Client(scheduler), None
    else:
        # Dask would otherwise import its optional packages here (pandas: a CPU second)
        # only to name them to a fork server that is already running with its own list.
        distributed.utils._forkserver_preload_set = True
        with dask.config.set(LOCAL_CLUSTER_CONFIG):  # the nannies pass it on to their workers
            cluster = LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True,
                dashboard_address=None, silence_logs=logging.ERROR,
            )  # fmt: skip
        client = Client(cluster)
    try:
        client.run(_warm_up)
    except BaseException:
        _close_client(client, cluster)
        raise
    return client, cluster


def _start_forkserver() -> None:
    """Start multiprocessing's fork server, which imports :data:`WORKER_PRELOAD` once;
    each worker of the local cluster is forked from it with the extraction imported. Spawned,
    every worker imported Dask and the extraction itself, about 1.5 CPU s each on the
    cores the listing and the first chunks need; a cold batch of 2,000 articles used
    1.1-1.5 CPU s less in all, and its workers started their first chunk sooner."""
    import multiprocessing  # noqa: PLC0415
    from multiprocessing import forkserver  # noqa: PLC0415

    multiprocessing.get_context("forkserver").set_forkserver_preload(list(WORKER_PRELOAD))
    forkserver.ensure_running()


def _stored_rows(store: Store) -> int:
    try:
        return store.count()
    except StoreUnavailable:
        return 0


def _article_files(folder: Path) -> int | None:
    """How many article files the folder holds (None: it cannot be listed)."""
    try:
        with os.scandir(folder) as entries:
            return sum(1 for e in entries if e.name.endswith(".txt"))
    except OSError:
        return None


def _probably_cold(folder: Path, store: Store) -> bool:
    """Whether the store holds fewer results than the folder has article files: then the
    cluster is started while the folder is read (its worker processes take seconds to
    start). Only a guess about timing: what is extracted is decided by the keys."""
    files = _article_files(folder)
    return files is None or _stored_rows(store) < files


def run_batch(
    folder: Path, scheduler: str = "", workers: int = 0, chunk: int = DEFAULT_CHUNK
) -> dict[str, object]:
    """Extract what the store lacks; returns the figures printed by :func:`main`."""
    started = time.perf_counter()
    store = Store(store_path(folder))
    workers = workers or os.cpu_count() or 1
    figures = {"articles": 0, "warm": 0, "extracted": 0, "events": 0, "failed": [],
               "problems": [], "workers": 0, "worker_cpu_s": 0.0}  # fmt: skip
    with ThreadPoolExecutor(1) as starter:
        # Worker processes take seconds to start: if the store looks cold, they start
        # while this process reads the listing.
        cold = _probably_cold(folder, store)
        early = starter.submit(_client, scheduler, workers) if cold else None
        opened = batch = None
        try:
            # The tables are parsed as the articles are read: the workers start on the
            # first chunk while the rest of a large sources.toml is still being parsed.
            listing, unreadable = Listing(), []
            entries = stream_listing(folder, listing, store.memo)
            for jobs in _missing(keyed_articles(entries, unreadable), store, figures):
                if batch is None:
                    starting, early = early or starter.submit(_client, scheduler, workers), None
                    opened = starting.result()
                    expected = (_article_files(folder) or 0) - _stored_rows(store)
                    batch = _Batch(opened[0], expected, chunk, figures)
                batch.add(jobs)
            figures["problems"] = listing.problems + unreadable
            if batch is not None:
                batch.finish(store)
        finally:
            if opened is not None:
                _close_client(*opened)
            _close(early)
    figures["seconds"] = time.perf_counter() - started
    return figures


#: Articles read (and their keys looked up in the store) at a time.
_READ = 100


def _missing(keyed: Iterator[tuple], store: Store, figures: dict) -> Iterator[list[tuple]]:
    """The jobs (key, source, text, quoted) the store lacks, a few at a time as the
    articles are read: the workers extract the first while the rest are read."""
    while group := list(itertools.islice(keyed, _READ)):
        try:
            present = store.present(key for *_, key in group)
        except StoreUnavailable:
            present = set()
        figures["articles"] += len(group)
        figures["warm"] += len(present)
        if jobs := [(key, e.source, text, q) for e, text, q, key in group if key not in present]:
            yield jobs


class _Batch:
    """The jobs sent to the cluster in chunks as they come, and their results stored."""

    def __init__(self, client, expected: int, chunk: int, figures: dict):
        self.client, self.figures = client, figures
        figures["workers"] = len(client.scheduler_info()["workers"])
        self.cpu_before = sum(client.run(_cpu_seconds).values())
        # Several chunks per worker, so one slow chunk does not leave the others idle
        # (``expected``: the articles the store probably lacks).
        self.size = max(1, min(chunk, -(-expected // (4 * max(1, figures["workers"])))))
        # The last chunks are smaller, so the workers finish nearly together: the jobs
        # for the last chunk of each worker wait (the rest keep the workers busy for
        # much longer than the reading takes), then go in quarter chunks.
        self.reserve = self.size * max(1, figures["workers"])
        self.pending: list[tuple] = []
        self.futures: list = []

    def add(self, jobs: list[tuple]) -> None:
        self.pending += jobs
        while len(self.pending) >= self.size + self.reserve:
            self._send(self.pending[: self.size])
            del self.pending[: self.size]

    def _send(self, piece: list[tuple]) -> None:
        # The texts travel inside the task, chunk by chunk as they are read, so the
        # workers start on the first while the others are read and sent (all 10,000
        # articles' texts took 2-3 s to scatter at once, the workers idle). The scheduler
        # holds each task until a worker is free (scattered texts tie a task to the worker
        # holding them: one worker was left with a second of work after the other ran
        # out), and this costs the process no more CPU than scattering did.
        self.futures.append(self.client.submit(extract_chunk, piece, pure=False))

    def finish(self, store: Store) -> None:
        """Store each chunk's results as it finishes."""
        from dask.distributed import as_completed  # noqa: PLC0415

        last = max(1, self.size // 4)
        for i in range(0, len(self.pending), last):
            self._send(self.pending[i : i + last])
        figures = self.figures
        for future in as_completed(self.futures):
            results = future.result()
            done = [(key, x) for key, x, _, _ in results if x is not None]
            figures["failed"] += [f"{k[0][:12]}: {err}" for k, x, _, err in results if x is None]
            store.put_encoded(done)
            figures["extracted"] += len(done)
            figures["events"] += sum(n for _, x, n, _ in results if x is not None)
            future.release()
        figures["worker_cpu_s"] = sum(self.client.run(_cpu_seconds).values()) - self.cpu_before


def _close_client(client, cluster) -> None:
    client.close()
    if cluster is not None:
        cluster.close()


def _close(starting: Future | None) -> None:
    """Close a cluster started early that turned out not to be needed (one that failed
    to start is not needed either)."""
    if starting is not None and starting.exception() is None:
        _close_client(*starting.result())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m data.batch", description=__doc__.split("\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=None,
                        help="corpus folder (default: CRACKDOWN_SEEDS or seeds/)")  # fmt: skip
    parser.add_argument("--scheduler", default="", help="a Dask scheduler address (tcp://…)")
    parser.add_argument("--workers", type=int, default=0,
                        help="local worker processes (default: one per core)")  # fmt: skip
    parser.add_argument("--chunk", type=int, default=DEFAULT_CHUNK,
                        help=f"articles per task (default {DEFAULT_CHUNK})")  # fmt: skip
    args = parser.parse_args(argv)
    folder = args.folder or seeds_dir_from_env()
    if not folder.is_dir():
        print(f"error: {folder} is not a folder", file=sys.stderr)
        return 2
    try:
        f = run_batch(folder, args.scheduler, args.workers, args.chunk)
    except StoreUnavailable as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    rate = f["extracted"] / f["seconds"] if f["extracted"] else 0.0
    print(f"{f['articles']:,} articles: {f['warm']:,} already in the store, {f['extracted']:,} "
          f"extracted ({f['events']:,} events) on {f['workers']} Dask workers in "
          f"{f['seconds']:.1f} s ({rate:.0f} articles/s; the workers used "
          f"{f['worker_cpu_s']:.1f} CPU s); {len(f['failed'])} failed, "
          f"{len(f['problems'])} not readable")  # fmt: skip
    for line in [*f["problems"], *f["failed"]][:20]:
        print(f"  {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
