"""Batch extraction on every core (or every machine) into the extraction store, with Dask.

::

    python -m data.batch [FOLDER]                          # a LocalCluster: one worker per core
    python -m data.batch FOLDER --workers 2                # as many local worker processes
    python -m data.batch FOLDER --scheduler tcp://HOST:8786  # an existing Dask cluster

It lists the corpus folder (``seeds/`` or ``CRACKDOWN_SEEDS`` by default) as
:func:`data.corpus.load_corpus` does, skips every article whose result is
already in the store for this extractor version (:mod:`data.store`: the key is
the text's hash, the metadata the extraction reads and the extractor version),
and sends the rest to Dask in chunks of ``--chunk`` articles. Workers only
compute: each chunk's texts travel to a worker and its records come back, and
this process alone writes the store (SQLite wants one writer), chunk by chunk as
they finish, so an interrupted run keeps what it finished. A server started
afterwards on the same folder finds every result warm and extracts nothing.

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
import logging
import os
import sys
import time
from pathlib import Path

from data.corpus import extract_article, readable_articles, seeds_dir_from_env
from data.store import Store, StoreUnavailable, dumps, store_path

DEFAULT_CHUNK = 100


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


def _client(scheduler: str, workers: int):
    from dask.distributed import Client, LocalCluster  # noqa: PLC0415 - heavy, only here

    if scheduler:
        return Client(scheduler), None
    cluster = LocalCluster(
        n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
        silence_logs=logging.ERROR,
    )  # fmt: skip
    return Client(cluster), cluster


def run_batch(
    folder: Path, scheduler: str = "", workers: int = 0, chunk: int = DEFAULT_CHUNK
) -> dict[str, object]:
    """Extract what the store lacks; returns the figures printed by :func:`main`."""
    started = time.perf_counter()
    store = Store(store_path(folder))
    _, readable, problems = readable_articles(folder, store)
    try:
        stored = store.fetch([key for *_, key in readable])
    except StoreUnavailable:
        stored = {}
    todo = [
        (key, entry.source, text, quoted)
        for entry, text, quoted, key in readable
        if not stored.get(key, (None, False))[1]
    ]
    figures = {"articles": len(readable), "warm": len(readable) - len(todo), "extracted": 0,
               "events": 0, "failed": [], "problems": problems, "workers": 0, "worker_cpu_s": 0.0}  # fmt: skip
    if todo:
        from dask.distributed import as_completed  # noqa: PLC0415

        client, cluster = _client(scheduler, workers or os.cpu_count() or 1)
        try:
            figures["workers"] = len(client.scheduler_info()["workers"])
            cpu_before = sum(client.run(_cpu_seconds).values())
            # Several chunks per worker, so one slow chunk does not leave the others idle.
            size = max(1, min(chunk, -(-len(todo) // (4 * max(1, figures["workers"])))))
            chunks = [todo[i : i + size] for i in range(0, len(todo), size)]
            # Texts travel as data (scattered), not inside the task graph.
            futures = client.map(extract_chunk, client.scatter(chunks), pure=False)
            for future in as_completed(futures):
                results = future.result()
                done = [(key, x) for key, x, _, _ in results if x is not None]
                figures["failed"] += [f"{k[0][:12]}: {err}" for k, x, _, err in results if x is None]
                store.put_encoded(done)
                figures["extracted"] += len(done)
                figures["events"] += sum(n for _, x, n, _ in results if x is not None)
                future.release()
            figures["worker_cpu_s"] = sum(client.run(_cpu_seconds).values()) - cpu_before
        finally:
            client.close()
            if cluster is not None:
                cluster.close()
    figures["seconds"] = time.perf_counter() - started
    return figures


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
