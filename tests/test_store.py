"""The extraction store: lossless records, only changes extracted, always rebuildable."""

import shutil
import sqlite3
import threading
import time
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import Enum

import pytest

from data import corpus as corpus_module
from data import store as store_module
from data.corpus import load_corpus
from data.records import Extraction
from data.sources import SEEDS_DIR
from data.store import Store, decoder, dumps, encode, loads, store_path


@pytest.fixture
def seeds(tmp_path):
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS_DIR, folder, ignore=shutil.ignore_patterns(".crackdown-store*"))
    return folder


@pytest.fixture
def calls(monkeypatch):
    """Counts the articles extracted (by source id)."""
    seen: list[str] = []
    real = corpus_module.extract_text

    def counting(text, published, source, **kw):
        seen.append(source)
        return real(text, published, source, **kw)

    monkeypatch.setattr(corpus_module, "extract_text", counting)
    return seen


def same(a, b):
    return (a.sources, a.texts, a.events, a.statements, a.figures, a.problems) == (
        b.sources, b.texts, b.events, b.statements, b.figures, b.problems)  # fmt: skip


def test_every_record_of_the_seeds_goes_through_the_store_unchanged():
    corpus = load_corpus(SEEDS_DIR)
    for sid in corpus.sources:
        ext = Extraction(
            tuple(e for e in corpus.events if e.source == sid),
            tuple(e for e in corpus.statements if e.source == sid),
            tuple(f for f in corpus.figures if f.source == sid),
        )
        back = loads(dumps(ext))
        assert back == ext
        assert [type(f.usd) for f in back.figures] == [Decimal] * len(ext.figures)


class Colour(Enum):
    RED = "red"


@dataclass(frozen=True)
class Inner:
    when: date | None
    tags: tuple[str, ...]


@dataclass(frozen=True)
class Outer:
    colour: Colour
    kinds: dict[str, str]
    pair: tuple[int, int] | None
    money: Decimal
    inner: Inner
    flag: bool = False


def test_the_codec_follows_the_type_hints_of_any_record():
    value = Outer(Colour.RED, {"SAMR": "Chinese regulator"}, (3, 9), Decimal("1.30"),
                  Inner(date(2021, 4, 10), ("a", "b")), True)
    import json

    assert decoder(Outer)(json.loads(json.dumps(encode(value)))) == value
    empty = Outer(Colour.RED, {}, None, Decimal(0), Inner(None, ()))
    assert decoder(Outer)(json.loads(json.dumps(encode(empty)))) == empty


def test_a_warm_store_extracts_nothing_and_a_new_article_only_itself(seeds, calls):
    store = Store(store_path(seeds))
    first = load_corpus(seeds, store)
    assert sorted(calls) == ["000", "001", "002", "003", "004"]
    assert store_path(seeds).exists()
    calls.clear()
    second = load_corpus(seeds, store)
    assert calls == []
    assert same(first, second)
    assert same(second, load_corpus(seeds))  # the same as extracting without a store
    calls.clear()
    (seeds / "005_new.txt").write_text("On Friday, regulators fined Tencent.", encoding="utf-8")
    with (seeds / "sources.toml").open("a", encoding="utf-8") as fh:
        fh.write('\n[[source]]\nfile = "005_new.txt"\npublished = "2021-03-16"\n')
    third = load_corpus(seeds, store)
    assert calls == ["005"]
    assert "005" in third.sources


def test_a_server_reusing_its_results_decodes_only_the_new_article(seeds, monkeypatch):
    store = Store(store_path(seeds))
    first = load_corpus(seeds, store, reuse=True)
    asked: list[int] = []
    real = Store.fetch

    def counting(self, keys):
        keys = list(keys)
        asked.append(len(keys))
        return real(self, keys)

    monkeypatch.setattr(Store, "fetch", counting)
    (seeds / "005_new.txt").write_text("On Friday, regulators fined Tencent.", encoding="utf-8")
    with (seeds / "sources.toml").open("a", encoding="utf-8") as fh:
        fh.write('\n[[source]]\nfile = "005_new.txt"\npublished = "2021-03-16"\n')
    second = load_corpus(seeds, store, reuse=True)
    assert asked == [1]  # the five known results came from memory
    assert set(second.sources) == {*first.sources, "005"}
    monkeypatch.setattr(Store, "fetch", real)
    assert same(second, load_corpus(seeds, Store(store_path(seeds))))  # as read from the store


@pytest.mark.parametrize(
    "change",
    [
        lambda seeds, name: (seeds / name).write_text("On Friday, SAMR fined Alibaba.", "utf-8"),
        lambda seeds, name: (seeds / "sources.toml").write_text(  # its metadata edited
            (seeds / "sources.toml").read_text("utf-8").replace("2021-", "2020-", 1), "utf-8"
        ),
        lambda seeds, name: (seeds / name).unlink(),
    ],
)
def test_a_server_reading_its_folder_again_reads_only_what_changed(seeds, monkeypatch, change):
    store = Store(store_path(seeds))
    load_corpus(seeds, store, reuse=True)
    read: list[str] = []
    real = corpus_module.read_article
    monkeypatch.setattr(
        corpus_module, "read_article", lambda path, shown: read.append(path.name) or real(path, shown)
    )
    first = sorted(seeds.glob("*.txt"))[0].name
    change(seeds, first)
    again = load_corpus(seeds, store, reuse=True)
    assert read == [first]  # (a removed file is asked for, and its notice says so)
    monkeypatch.setattr(corpus_module, "read_article", real)
    corpus_module._last_read.clear()
    assert same(again, load_corpus(seeds, store))  # what reading every file gives


@pytest.mark.parametrize("few", [0, 1000])
def test_looking_keys_up_one_by_one_or_all_at_once_gives_the_same(seeds, monkeypatch, few):
    store = Store(store_path(seeds))
    load_corpus(seeds, store)
    monkeypatch.setattr(store_module, "_FEW", few)
    assert same(load_corpus(seeds, store), load_corpus(seeds))


def test_a_changed_text_or_publication_date_is_extracted_again(seeds, calls):
    store = Store(store_path(seeds))
    load_corpus(seeds, store)
    calls.clear()
    toml = (seeds / "sources.toml").read_text(encoding="utf-8")
    (seeds / "sources.toml").write_text(toml.replace('"2021-03-16"', '"2021-03-17"'), encoding="utf-8")
    with (seeds / "000_9117d1d2233037f2.txt").open("a", encoding="utf-8") as fh:
        fh.write("\nOn Friday, regulators fined Baidu.\n")
    corpus = load_corpus(seeds, store)
    assert sorted(calls) == ["000", "004"]
    assert corpus.sources["004"].published == date(2021, 3, 17)


def test_a_new_extractor_version_shows_the_old_results_and_re_extracts_behind(seeds, monkeypatch):
    old = load_corpus(seeds, Store(store_path(seeds), version="old"))
    release = threading.Event()
    real = corpus_module.extract_text
    foreground: list[str] = []

    def slow(text, published, source, **kw):
        if threading.current_thread() is threading.main_thread():
            foreground.append(source)
        else:
            release.wait(10)
        return real(text, published, source, **kw)

    monkeypatch.setattr(corpus_module, "extract_text", slow)
    new_store = Store(store_path(seeds), version="new")
    before = store_module.generation()
    shown = load_corpus(seeds, new_store, background=True)
    assert foreground == []  # nothing extracted before the page could be drawn
    assert same(shown, old)
    assert all(not current for _, current in new_store.fetch(_keys(new_store)).values())
    release.set()
    deadline = time.monotonic() + 20
    while store_module.generation() == before and time.monotonic() < deadline:
        time.sleep(0.05)
    assert store_module.generation() > before
    rows = new_store.fetch(_keys(new_store))
    assert len(rows) == 5
    assert all(current for _, current in rows.values())
    with sqlite3.connect(store_path(seeds)) as con:  # old versions' rows are dropped
        assert {v for (v,) in con.execute("SELECT version FROM extraction")} == {"new"}


def _keys(store):
    with sqlite3.connect(store.path) as con:
        return [(c, p) for c, p in con.execute("SELECT content, params FROM extraction")]


@pytest.mark.parametrize("damage", ["garbage", "truncated", "deleted", "bad row"])
def test_a_damaged_or_missing_store_is_rebuilt(seeds, calls, damage):
    path = store_path(seeds)
    expected = load_corpus(seeds, Store(path))
    if damage == "garbage":
        path.write_bytes(b"this is not a database" * 100)
    elif damage == "truncated":
        raw = path.read_bytes()
        path.write_bytes(raw[: len(raw) // 3] + b"\xff" * 500)
    elif damage == "deleted":
        Store(path).remove()
    else:
        with sqlite3.connect(path) as con:
            con.execute("UPDATE extraction SET result = '[\"not\", 1]' WHERE rowid = 1")
    calls.clear()
    corpus = load_corpus(seeds, Store(path))
    assert same(corpus, expected)
    assert calls  # something was extracted again
    assert Store(path).count() == 5
    calls.clear()
    load_corpus(seeds, Store(path))
    assert calls == []


def test_a_store_that_cannot_be_opened_leaves_the_corpus_whole(seeds, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    corpus = load_corpus(seeds, Store(blocker / "store.sqlite3"))
    assert same(corpus, load_corpus(seeds))


def test_the_store_location_can_be_chosen(tmp_path, monkeypatch):
    monkeypatch.setenv("CRACKDOWN_STORE", str(tmp_path / "elsewhere.sqlite3"))
    assert store_path(SEEDS_DIR) == tmp_path / "elsewhere.sqlite3"
    monkeypatch.delenv("CRACKDOWN_STORE")
    assert store_path(SEEDS_DIR) == SEEDS_DIR / ".crackdown-store.sqlite3"


def test_the_parsed_metadata_kept_in_the_store_gives_the_same_corpus(seeds):
    store = Store(store_path(seeds))
    assert same(load_corpus(seeds, store), load_corpus(seeds))
    assert same(load_corpus(seeds, store), load_corpus(seeds))  # from the kept tables
    toml = (seeds / "sources.toml").read_text(encoding="utf-8")
    (seeds / "sources.toml").write_text(toml.replace('title = "Is this', 'title = Is this'),
                                        encoding="utf-8")  # one broken table
    broken = load_corpus(seeds, store)
    assert same(broken, load_corpus(seeds))
    assert sorted(broken.sources) == ["000", "002", "003", "004"]


def test_the_command_line_says_where_the_store_is_and_times_a_warm_load(seeds, capsys):
    assert store_module.main([str(seeds), "--time"]) == 0
    out = capsys.readouterr().out
    assert "load 2:" in out
    assert f"store: {store_path(seeds)} (5 results" in out


def test_no_module_left_out_of_the_extractor_version_is_used_by_the_extractor():
    import subprocess  # noqa: PLC0415
    import sys  # noqa: PLC0415

    loaded = subprocess.run(
        [sys.executable, "-c", "import sys, data.corpus; print(' '.join(sys.modules))"],
        capture_output=True, text=True, check=True,
    ).stdout.split()  # fmt: skip
    used = {m.split(".")[-1] + ".py" for m in loaded if m.startswith("data.")}
    # the corpus plumbing and the store run the extractor; nothing else left out is loaded
    assert used & store_module.NOT_EXTRACTION == {"corpus.py", "store.py"}


@pytest.mark.parametrize("few", [0, 1000])
def test_present_names_the_current_results_without_decoding_them(seeds, monkeypatch, few):
    store = Store(store_path(seeds))
    load_corpus(seeds, store)
    keys = _keys(store)
    Store(store_path(seeds), version="old").put([(keys[0], Extraction((), (), ()))])
    Store(store_path(seeds), version="old").put([(("not", "current"), Extraction((), (), ()))])
    monkeypatch.setattr(store_module, "_FEW", few)
    decoded: list[str] = []
    monkeypatch.setattr(store_module, "loads", lambda text: decoded.append(text))
    asked = [*keys, ("not", "current"), ("never", "stored")]
    # keys[0]'s current row was replaced by the old version's: only a stale result is left
    assert store.present(asked) == set(keys[1:])
    assert decoded == []
    assert Store(store_path(seeds), version="old").present(asked) == {keys[0], ("not", "current")}
    assert store.present([]) == set()
