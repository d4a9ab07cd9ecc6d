"""Batch extraction on Dask into the store (``python -m data.batch``), scaled down.

A few varied articles (``data.synth``); the full 10,000 are ``make bench``
(``python -m tests.browser.bench_large``). What must hold at any size: every
article is extracted once and stored, nothing is lost (the corpus read through
the warm store equals the corpus extracted in memory), a second run extracts
nothing, and the same command works on a cluster given by address.
"""

from __future__ import annotations

import sqlite3
import sys

import pytest

import data.batch
import data.corpus
import data.store
from data.batch import LOCAL_CLUSTER_CONFIG, main, run_batch
from data.corpus import load_corpus
from data.store import Store, store_path
from data.synth import generate

N_ARTICLES = 12


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    path = tmp_path_factory.mktemp("batch") / "corpus"
    generate(path, N_ARTICLES, varied=True)
    return path


def test_a_local_cluster_fills_the_store_and_loses_nothing(folder, capsys):
    Store(store_path(folder)).remove()
    assert main([str(folder), "--workers", "2", "--chunk", "3"]) == 0
    line = capsys.readouterr().out
    assert f"{N_ARTICLES} articles: 0 already in the store, {N_ARTICLES} extracted" in line
    assert "0 failed, 0 not readable" in line
    warm = load_corpus(folder, Store(store_path(folder)))
    fresh = load_corpus(folder)  # no store: extracted here, in memory
    assert sorted(warm.sources) == sorted(fresh.sources)
    assert warm.events == fresh.events
    assert warm.figures == fresh.figures
    assert warm.statements == fresh.statements


def test_a_second_run_extracts_nothing_and_a_scheduler_address_is_used(folder):
    from dask.distributed import LocalCluster

    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                      dashboard_address=None) as cluster:  # fmt: skip
        again = run_batch(folder, scheduler=cluster.scheduler_address)
        assert again["warm"] == N_ARTICLES
        assert again["extracted"] == 0
        Store(store_path(folder)).remove()
        cold = run_batch(folder, scheduler=cluster.scheduler_address, chunk=5)
    assert cold["extracted"] == N_ARTICLES
    assert cold["workers"] == 1
    assert cold["events"] == len(load_corpus(folder).events)


def test_a_missing_folder_is_a_message_not_a_traceback(tmp_path, capsys):
    assert main([str(tmp_path / "nope")]) == 2
    assert "is not a folder" in capsys.readouterr().err


def test_the_local_cluster_runs_without_the_dashboard_diagnostics():
    import dask

    client, cluster = data.batch._client("", 1)
    try:
        on_workers = client.run(lambda: {k: dask.config.get(k) for k in LOCAL_CLUSTER_CONFIG})
        imported = client.run(lambda: "data.extract" in sys.modules)
        ticks = client.run_on_scheduler(
            lambda dask_scheduler: dask_scheduler.periodic_callbacks["tick"].callback_time
        )
    finally:
        data.batch._close_client(client, cluster)
    assert list(on_workers.values()) == [LOCAL_CLUSTER_CONFIG]
    assert list(imported.values()) == [True]  # the extraction imported before the first task
    assert ticks == 1000  # ms: the scheduler's event-loop watchdog
    assert dask.config.get("distributed.worker.profile.enabled")  # only that cluster's setting


def test_the_local_workers_are_forked_from_a_server_that_imported_the_extraction():
    import os

    import psutil

    client, cluster = data.batch._client("", 2)
    try:
        parents = set(client.run(os.getppid).values())
    finally:
        data.batch._close_client(client, cluster)
    assert len(parents) == 1
    assert os.getpid() not in parents  # not spawned by this process
    server = " ".join(psutil.Process(parents.pop()).cmdline())
    assert "multiprocessing.forkserver" in server
    assert all(repr(module) in server for module in data.batch.WORKER_PRELOAD)


def test_a_cold_store_starts_the_cluster_early_and_a_warm_one_starts_none(
    folder, monkeypatch
):
    Store(store_path(folder)).remove()
    assert data.batch._probably_cold(folder, Store(store_path(folder)))
    assert run_batch(folder, workers=1)["extracted"] == N_ARTICLES
    assert not data.batch._probably_cold(folder, Store(store_path(folder)))

    started = []
    monkeypatch.setattr(data.batch, "_client", lambda *args: started.append(args))
    assert run_batch(folder)["warm"] == N_ARTICLES
    assert started == []


def test_a_partly_filled_store_gets_what_it_lacks_read_as_the_workers_extract(
    folder, monkeypatch
):
    from dask.distributed import LocalCluster

    Store(store_path(folder)).remove()
    expected = load_corpus(folder, Store(store_path(folder)))  # every article stored
    with sqlite3.connect(store_path(folder)) as con:
        con.execute("DELETE FROM extraction WHERE rowid IN (SELECT rowid FROM extraction LIMIT 7)")
    decoded, steps = [], []
    monkeypatch.setattr(data.store, "loads", lambda text: decoded.append(text))
    real_read, real_send = data.corpus.read_article, data.batch._Batch._send
    sizes = []
    monkeypatch.setattr(data.corpus, "read_article",
                        lambda *a: steps.append("read") or real_read(*a))  # fmt: skip
    monkeypatch.setattr(data.batch._Batch, "_send", lambda self, piece: steps.append("send")
                        or sizes.append(len(piece)) or real_send(self, piece))  # fmt: skip
    monkeypatch.setattr(data.batch, "_READ", 3)
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                      dashboard_address=None) as cluster:  # fmt: skip
        figures = run_batch(folder, scheduler=cluster.scheduler_address, chunk=2)
    assert (figures["warm"], figures["extracted"]) == (N_ARTICLES - 7, 7)
    assert decoded == []  # the stored results were only looked up, not decoded
    assert steps.index("send") < len(steps) - 1 - steps[::-1].index("read")  # sent while reading
    # 7 missing, one worker: chunks of 2, then the last chunk's worth (and what is left
    # over) one by one, so that the workers finish together
    assert sizes == [2, 2, 1, 1, 1]
    monkeypatch.undo()
    warm = load_corpus(folder, Store(store_path(folder)))
    assert (warm.events, warm.statements, warm.figures) == (
        expected.events, expected.statements, expected.figures)  # fmt: skip
