"""The frames snapshot: a warm start reads it, any change rebuilds, and nothing but a
file signed by this installation is ever unpickled."""

from __future__ import annotations

import os
import pickle
import shutil
import stat
import threading
from dataclasses import replace

import pandas as pd
import pytest

from components import loader
from data import corpus as corpus_module
from data import snapshot
from data.corpus import corpus_fingerprint, load_corpus
from data.frames import build_frames
from data.merge import Grouping
from data.sources import SEEDS_DIR
from data.store import store_path


@pytest.fixture
def folder(tmp_path, monkeypatch):
    path = tmp_path / "corpus"
    shutil.copytree(SEEDS_DIR, path, ignore=shutil.ignore_patterns(".crackdown-store*"))
    monkeypatch.setenv("CRACKDOWN_SEEDS", str(path))
    monkeypatch.setenv("CRACKDOWN_SNAPSHOT_KEY", str(tmp_path / "cache" / "snapshot.key"))
    return path


@pytest.fixture
def reads(monkeypatch):
    """How many times the loader read the corpus (rather than its snapshot)."""
    calls = []
    real = loader.read_corpus

    def counting(seeds_dir):
        calls.append(seeds_dir)
        return real(seeds_dir)

    monkeypatch.setattr(loader, "read_corpus", counting)
    return calls


def _snapshot(folder):
    return snapshot.snapshot_path(store_path(folder))


def same_frames(a, b):
    """Every frame (values, dtypes, index) and every vocabulary, group and text the same."""
    for name in ("events", "statements", "figures", "sources"):
        pd.testing.assert_frame_equal(getattr(a, name), getattr(b, name), obj=name)
    for name in ("texts", "groups", "companies", "regulators", "categories", "source_ids",
                 "problems"):  # fmt: skip
        assert getattr(a, name) == getattr(b, name), name


def read():
    """A visitor's read of the frames, then the snapshot it asked for written (in the
    background: the visitor does not wait for it)."""
    frames = loader.read_frames("")
    loader.wait_for_snapshots()
    return frames


def test_a_warm_start_reads_the_snapshot_and_gets_the_same_frames(folder, reads):
    built = read()
    assert len(reads) == 1
    assert _snapshot(folder).exists()
    again = read()
    assert len(reads) == 1  # the corpus was not read again
    same_frames(built, again)


def test_an_added_article_rebuilds_and_is_shown(folder, reads):
    read()
    (folder / "005_new.txt").write_text("On Friday, SAMR fined Tencent.", encoding="utf-8")
    with (folder / "sources.toml").open("a", encoding="utf-8") as fh:
        fh.write('\n[[source]]\nfile = "005_new.txt"\npublished = "2021-03-16"\n')
    fr = read()
    assert len(reads) == 2
    assert "005" in fr.source_ids
    assert "005" in read().source_ids
    assert len(reads) == 2


def test_the_key_is_private_and_kept_outside_the_corpus_folder(folder):
    read()
    key = snapshot.key_path()
    assert folder not in key.parents
    assert stat.S_IMODE(key.stat().st_mode) == 0o600


@pytest.mark.parametrize("damage", ["flip a byte", "truncate", "another key", "garbage"])
def test_a_damaged_or_foreign_snapshot_is_ignored_and_rebuilt(folder, reads, damage):
    built = read()
    path = _snapshot(folder)
    blob = bytearray(path.read_bytes())
    if damage == "flip a byte":
        blob[-10] ^= 0xFF
    elif damage == "truncate":
        blob = blob[: len(blob) // 2]
    elif damage == "another key":
        snapshot.key_path().write_bytes(os.urandom(32))
    else:
        blob = bytearray(b"not a snapshot at all")
    path.write_bytes(bytes(blob))
    fr = read()
    assert len(reads) == 2  # rebuilt from the corpus
    same_frames(built, fr)


class _Payload:
    def __reduce__(self):
        return (os.mkdir, (os.environ["CRACKDOWN_SNAPSHOT_MARKER"],))


def test_a_planted_pickle_is_never_unpickled(folder, tmp_path, monkeypatch, reads):
    marker = tmp_path / "code-ran"
    monkeypatch.setenv("CRACKDOWN_SNAPSHOT_MARKER", str(marker))
    read()
    payload = pickle.dumps(_Payload())
    header = snapshot._header(corpus_fingerprint(folder))
    # the right header signed with a key the attacker made up, no header, no signature
    for blob in (
        snapshot.MAGIC + header + os.urandom(32) + payload,
        snapshot.MAGIC + os.urandom(32) + payload,
        payload,
    ):
        _snapshot(folder).write_bytes(blob)
        fr = read()
        assert not marker.exists()
        assert "000" in fr.source_ids


def test_a_missing_key_or_an_unwritable_folder_only_costs_the_snapshot(folder, reads, monkeypatch):
    read()
    snapshot.key_path().unlink()
    assert "000" in read().source_ids
    assert len(reads) == 2
    monkeypatch.setenv("CRACKDOWN_SNAPSHOT_KEY", str(folder / "no" / "such" / "dir" / "key"))
    (folder / "no").write_text("a file where a folder should be", encoding="utf-8")
    assert "000" in read().source_ids
    assert "000" in read().source_ids
    assert len(reads) == 4


def test_frames_shown_from_an_older_extractor_are_not_snapshotted(folder, monkeypatch):
    real = loader.read_corpus
    monkeypatch.setattr(loader, "read_corpus", lambda d: _with_stale(real(d)))
    read()
    assert not _snapshot(folder).exists()


def _with_stale(corpus):
    return replace(corpus, stale=1)


def test_servers_starting_at_once_agree_on_one_key(folder):
    from concurrent.futures import ThreadPoolExecutor  # noqa: PLC0415

    for attempt in range(20):  # a race shows in some attempts, not all: try many times
        shutil.rmtree(snapshot.key_path().parent, ignore_errors=True)
        start = threading.Barrier(8)

        def first_key(_, start=start):
            start.wait()
            return snapshot._signing_key(create=True)

        with ThreadPoolExecutor(8) as pool:
            keys = list(pool.map(first_key, range(8)))
        assert len(set(keys)) == 1, f"attempt {attempt}: {len(set(keys))} keys"
    assert len(set(keys)) == 1
    assert snapshot.key_path().read_bytes() == keys[0]
    assert [p.name for p in snapshot.key_path().parent.iterdir()] == ["snapshot.key"]


def test_a_damaged_key_is_replaced_by_a_whole_one(folder):
    snapshot.key_path().parent.mkdir(parents=True)
    snapshot.key_path().write_bytes(b"short")
    key = snapshot._signing_key(create=True)
    assert len(key) == 32
    assert snapshot.key_path().read_bytes() == key


def test_a_snapshot_of_another_folder_state_is_left_unread(folder, reads, monkeypatch):
    """After an article is added the old snapshot is outdated: one short read of its header
    says so, its frames are neither read nor unpickled."""
    read()
    unpickled = []
    monkeypatch.setattr(snapshot.pickle, "loads", lambda blob: unpickled.append(len(blob)))
    assert snapshot.load(_snapshot(folder), "another fingerprint") is None
    assert unpickled == []
    assert snapshot.load(_snapshot(folder), corpus_fingerprint(folder)) is None  # unpickled
    assert len(unpickled) == 1


def fresh_server():
    """What a newly started server process holds of the folder: nothing in memory."""
    loader._latest.clear()
    corpus_module._last_read.clear()
    corpus_module._last_results.clear()


def test_the_first_article_added_after_a_start_from_the_snapshot_reads_and_groups_only_it(
    folder, monkeypatch
):
    """A server started from the snapshot holds no records; the first article added then
    read every article, decoded every result and regrouped every event (5 s at 10,296
    events, against 1.3-1.7 s for the next ones). The records kept beside the snapshot
    spare that: only the new article is read, and the groups are updated, not remade."""
    read()  # built and snapshotted, with the records beside it
    fresh_server()
    assert read().grouping is None  # started from the snapshot
    (folder / "005_new.txt").write_text("On Friday, SAMR fined Tencent.", encoding="utf-8")
    with (folder / "sources.toml").open("a", encoding="utf-8") as fh:
        fh.write('\n[[source]]\nfile = "005_new.txt"\npublished = "2021-03-16"\n')
    opened, regrouped = [], []
    real_read, real_of = corpus_module.read_article, Grouping.of
    monkeypatch.setattr(corpus_module, "read_article",
                        lambda path, *a: opened.append(path.name) or real_read(path, *a))  # fmt: skip
    monkeypatch.setattr(Grouping, "of", lambda events: regrouped.append(1) or real_of(events))
    fr = read()
    assert opened == ["005_new.txt"]
    assert regrouped == []
    monkeypatch.undo()
    same_frames(fr, build_frames(load_corpus(folder)))


def test_records_of_another_folder_state_or_unsigned_are_not_used(folder, reads):
    """The records beside the snapshot are checked as the snapshot is: what they were made
    from, and the signature; anything else means reading everything, never an error."""
    read()
    records = snapshot.records_path(_snapshot(folder))
    assert records.exists()
    records.write_bytes(records.read_bytes()[:-10] + b"0123456789")  # not what was signed
    fresh_server()
    read()
    (folder / "005_new.txt").write_text("On Friday, SAMR fined Tencent.", encoding="utf-8")
    with (folder / "sources.toml").open("a", encoding="utf-8") as fh:
        fh.write('\n[[source]]\nfile = "005_new.txt"\npublished = "2021-03-16"\n')
    fr = read()
    assert "005" in fr.source_ids
    same_frames(fr, build_frames(load_corpus(folder)))


def test_the_snapshot_is_unpickled_with_the_collector_paused(folder, monkeypatch):
    """Unpickling 124,304 events makes objects by the hundred thousand, each batch a
    collection that finds nothing to free (a tenth to a fifth of the read); the collector
    is paused while they are made and left as it was."""
    import gc  # noqa: PLC0415

    read()
    seen = []
    real = pickle.loads

    def loads(payload):
        seen.append(gc.isenabled())
        return real(payload)

    monkeypatch.setattr(snapshot.pickle, "loads", loads)
    assert gc.isenabled()
    assert snapshot.load(_snapshot(folder), corpus_fingerprint(folder)) is not None
    assert seen == [False]
    assert gc.isenabled()
    gc.disable()
    try:  # a caller that paused it itself keeps it paused
        snapshot.load(_snapshot(folder), corpus_fingerprint(folder))
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_signature_covers_the_header_and_the_frames_as_one_message(folder):
    """The layout on disk: magic, header line, HMAC-SHA256 of header and pickle together,
    pickle. A file laid out so by hand loads; the same frames under a header it was not
    signed with do not (the signature is computed in parts, never by joining them)."""
    import hashlib  # noqa: PLC0415
    import hmac  # noqa: PLC0415

    frames = read()
    key = snapshot._signing_key(create=False)
    header = snapshot._header(corpus_fingerprint(folder))
    payload = pickle.dumps(frames)
    signed = hmac.new(key, header + payload, hashlib.sha256).digest()
    _snapshot(folder).write_bytes(snapshot.MAGIC + header + signed + payload)
    same_frames(snapshot.load(_snapshot(folder), corpus_fingerprint(folder)), frames)
    other = snapshot._header("another fingerprint")
    _snapshot(folder).write_bytes(snapshot.MAGIC + other + signed + payload)
    assert snapshot.load(_snapshot(folder), "another fingerprint") is None
