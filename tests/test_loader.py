"""The cached loader notices a changed corpus folder on the next call, without a restart."""

import gc
import shutil
import weakref

import pytest

from components import loader
from data.corpus import load_corpus
from data.frames import build_frames
from data.sources import SEEDS_DIR
from tests.test_snapshot import same_frames


@pytest.fixture
def folder(tmp_path, monkeypatch):
    path = tmp_path / "corpus"
    shutil.copytree(SEEDS_DIR, path, ignore=shutil.ignore_patterns(".crackdown-store*"))
    monkeypatch.setenv("CRACKDOWN_SEEDS", str(path))
    loader.load_frames.clear()
    yield path
    loader.load_frames.clear()


def test_an_added_article_is_seen_on_the_next_call_and_unchanged_calls_reuse_the_frames(folder):
    first = loader.frames()
    assert loader.frames() is first  # nothing changed: the same shared frames
    (folder / "005_new.txt").write_text("On Friday, SAMR fined Tencent.", encoding="utf-8")
    with (folder / "sources.toml").open("a", encoding="utf-8") as fh:
        fh.write('\n[[source]]\nfile = "005_new.txt"\npublished = "2021-03-16"\n')
    second = loader.frames()
    assert "005" in second.source_ids
    assert "005" not in first.source_ids
    # built from the first frames (groups updated, not regrouped): the same as from scratch
    same_frames(second, build_frames(load_corpus(folder)))
    assert (folder / ".crackdown-store.sqlite3").exists()


def test_a_removed_article_disappears_on_the_next_call(folder):
    assert "003" in loader.frames().source_ids
    (folder / "removed").mkdir()
    (folder / "003_42376be6099324b4.txt").rename(folder / "removed" / "003_42376be6099324b4.txt")
    fr = loader.frames()
    assert "003" not in fr.source_ids
    assert any("003_42376be6099324b4.txt" in p for p in fr.problems)


def _collectable(obj) -> bool:
    """Whether the collector's generations (what a full collection walks) hold ``obj``."""
    return any(o is obj for o in gc.get_objects())


def test_frames_read_are_out_of_the_collectors_walk(folder):
    """Streamlit collects garbage after every script run (``runner.postScriptGC``); a full
    collection walks every object it tracks (0.1-0.2 s on this server, on every click), so
    what the loader has read is set aside once read, not walked again on each rerun."""
    try:
        fr = loader.frames()
        assert not _collectable(fr.events)
        assert not _collectable(fr)
    finally:
        gc.unfreeze()


def test_settling_the_heap_collects_cycles_set_aside_before():
    """Garbage in a cycle (freed by no reference count) among objects set aside earlier,
    e.g. frames replaced after an article was added, is still collected next time."""

    class Node:
        pass

    try:
        a, b = Node(), Node()
        a.other, b.other = b, a  # a cycle: only the collector frees it
        gone = weakref.ref(a)
        loader.settle_heap()
        assert not _collectable(a)
        del a, b
        loader.settle_heap()
        assert gone() is None
    finally:
        gc.unfreeze()


def test_the_first_read_sets_aside_without_a_collection(monkeypatch):
    """Setting aside is free; a full collection is not (seconds at 100,000 events), and
    the server's first read, on the way to the first page, has no cycles to find."""
    calls = []
    monkeypatch.setattr(gc, "collect", lambda *a: calls.append(a) or 0)
    gc.unfreeze()
    try:
        loader.settle_heap()
        assert calls == []
        assert gc.get_freeze_count() > 0
        loader.settle_heap()  # a later read: what was set aside before is collected
        assert len(calls) == 1
    finally:
        gc.unfreeze()


def test_a_start_from_the_snapshot_looks_at_the_folder_once(folder, monkeypatch):
    """The fingerprint (every article's size and time, at 10,000 articles 0.05 s) keys the
    cache and names the snapshot: worked out once for both, not once for each."""
    monkeypatch.setattr(loader, "LOOK_S", 0.0)  # every call looks
    loader.read_frames("")
    loader.wait_for_snapshots()
    loader.load_frames.clear()
    loader._latest.clear()
    looks = []
    real = loader.corpus_fingerprint
    monkeypatch.setattr(loader, "corpus_fingerprint", lambda f=None: looks.append(f) or real(f))
    monkeypatch.setattr(loader, "read_corpus", lambda d: pytest.fail("not from the snapshot"))
    assert "000" in loader.frames().source_ids
    assert len(looks) == 1
    assert loader.frames() is loader.frames()  # a later run: one look each, same frames
    assert len(looks) == 3


@pytest.mark.parametrize("page", ["", "companies", "sources"])
def test_a_page_run_looks_at_the_folder_once(folder, monkeypatch, page):
    """The router reads the frames at the start of each run; the page uses those. It
    looked again (at 10,000 articles, a third of a rerun whose view was kept)."""
    from streamlit.testing.v1 import AppTest  # noqa: PLC0415

    from components.pages import PAGES  # noqa: PLC0415
    from tests.test_app_pages import APP  # noqa: PLC0415

    monkeypatch.setattr(loader, "LOOK_S", 0.0)  # a look serves no later run
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    if page:
        at.switch_page(next(p["path"] for p in PAGES if p["url_path"] == page)).run()
    assert not at.exception
    looks = []
    real = loader.corpus_fingerprint
    monkeypatch.setattr(loader, "corpus_fingerprint", lambda f=None: looks.append(f) or real(f))
    at.run()
    assert not at.exception
    assert len(looks) == 1


def test_visitors_arriving_together_share_one_look_at_the_folder(folder, monkeypatch):
    """Under many visitors, every page run looked at every article's size and time (at
    10,000 articles about half of a rerun whose view was kept); a look is trusted for
    :data:`loader.LOOK_S` while the folder and its sources.toml are unchanged."""
    monkeypatch.setattr(loader, "LOOK_S", 60.0)
    first = loader.frames()
    loader.wait_for_snapshots()  # written into the folder: its time changed, looked again
    assert loader.frames() is first
    looks = []
    real = loader.corpus_fingerprint
    monkeypatch.setattr(loader, "corpus_fingerprint", lambda f=None: looks.append(f) or real(f))
    for _ in range(5):
        assert loader.frames() is first
    assert looks == []


def test_an_article_added_is_seen_at_once_and_one_rewritten_in_place_within_a_look(
    folder, monkeypatch
):
    monkeypatch.setattr(loader, "LOOK_S", 0.3)
    first = loader.frames()
    (folder / "005_new.txt").write_text("On Friday, SAMR fined Tencent.", encoding="utf-8")
    with (folder / "sources.toml").open("a", encoding="utf-8") as fh:
        fh.write('\n[[source]]\nfile = "005_new.txt"\npublished = "2021-03-16"\n')
    added = loader.frames()
    assert "005" in added.source_ids  # at once
    assert added is not first
    (folder / "005_new.txt").write_text("On Friday, the CAC fined Baidu.", encoding="utf-8")
    import time  # noqa: PLC0415

    time.sleep(0.35)
    rewritten = loader.frames()
    assert rewritten is not added
    assert "Baidu" in rewritten.texts["005"]
