"""Adding, editing and removing articles: validated, atomic, locked, never lost."""

import os
import shutil
import subprocess
import sys
import threading
from datetime import date, timedelta
from pathlib import Path

import pytest

from data import add
from data.add import AddError, draft_from_html, draft_from_text, remove, save, update_metadata
from data.corpus import load_corpus
from data.sources import SEEDS_DIR

ROOT = Path(__file__).resolve().parent.parent
PAGE = Path(__file__).with_name("add_page.html")  # a saved page written for this test
TEXT = "On Friday, SAMR fined Tencent for deals it had not reported.\n"


@pytest.fixture
def folder(tmp_path):
    path = tmp_path / "corpus"
    shutil.copytree(SEEDS_DIR, path, ignore=shutil.ignore_patterns(".crackdown-*"))
    return path


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()
            if p.is_file() and not p.name.startswith(".crackdown-")}


def test_pasted_text_joins_the_corpus_with_its_metadata(folder):
    draft = draft_from_text(TEXT, "pasted text", "16 March 2021", title="Fine for Tencent",
                            outlet="Example Wire", authors=["Ann Writer"],
                            url="https://example.com/a")
    saved = save(draft, folder)
    assert (saved.id, saved.added) == ("005", True)
    corpus = load_corpus(folder)
    assert corpus.problems == ()
    source = corpus.sources["005"]
    assert (source.title, source.outlet, source.authors) == ("Fine for Tencent", "Example Wire", ("Ann Writer",))
    assert (source.published, source.published_precision) == (date(2021, 3, 16), "day")
    assert corpus.texts["005"] == TEXT
    (event,) = [e for e in corpus.events if e.source == "005"]
    assert (event.date_start, event.companies) == (date(2021, 3, 12), ("Tencent",))
    assert "# Metadata of the articles" in (folder / "sources.toml").read_text(encoding="utf-8")


def test_the_same_text_twice_is_not_duplicated(folder):
    first = save(draft_from_text(TEXT, "a", "2021-03-16"), folder)
    again = save(draft_from_text(TEXT, "b", "2021-04-01", title="Other"), folder)
    assert (again.id, again.added) == (first.id, False)
    seed = (SEEDS_DIR / "004_7453d6cf74103d0d.txt").read_text(encoding="utf-8")
    assert save(draft_from_text(seed, "c", "2021-03-16"), folder).id == "004"
    assert len(load_corpus(folder).sources) == 6


@pytest.mark.parametrize(
    ("raw", "published", "said"),
    [
        (b"", "2021-03-16", "empty"),
        (b"   \n\n", "2021-03-16", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00binary", "2021-03-16", "binary"),
        ("caf\u00e9".encode("latin-1"), "2021-03-16", "not UTF-8"),
        (TEXT.encode(), (date.today() + timedelta(days=3)).isoformat(), "in the future"),
        (TEXT.encode(), "tomorrow", "in the future"),
        (TEXT.encode(), "not a date at all", "is not a date"),
        (TEXT.encode(), "2021", "not a day or a month"),
        (TEXT.encode(), "", "no publication date"),
    ],
)
def test_refused_inputs_say_why_and_change_nothing(folder, raw, published, said):
    before = snapshot(folder)
    with pytest.raises(AddError, match=said):
        save(draft_from_text(raw, "upload.txt", published), folder)
    assert snapshot(folder) == before


def test_an_oversized_text_and_a_script_link_are_refused(folder, monkeypatch):
    monkeypatch.setattr(add, "decode_article", _small_limit(100))
    with pytest.raises(AddError, match="too large"):
        draft_from_text("x" * 200, "big.txt", "2021-03-16")
    with pytest.raises(AddError, match="must start with http"):
        draft_from_text(TEXT, "t", "2021-03-16", url="javascript:alert(1)")
    with pytest.raises(AddError, match="key 'authors'"):
        draft_from_text(TEXT, "t", "2021-03-16", authors="Ann")


def _small_limit(limit):
    from data import sources

    def decode(raw, shown):
        if len(raw) > limit:
            raise sources.ArticleError(f"{shown}: too large (over {limit:,} bytes)")
        return sources.decode_article(raw, shown)

    return decode


def test_a_saved_page_gives_text_title_authors_date_and_link_without_furniture(folder):
    draft = draft_from_html(PAGE.read_bytes(), "page.html")
    table = draft.table
    assert table["title"] == "Regulators fine Tencent over deals"
    assert table["authors"] == ["Ann Writer"]
    assert table["url"] == "https://news.example.com/2021/03/16/tencent-fine"
    assert (table["published"], table["published_precision"]) == ("2021-03-16", "day")
    assert table["outlet"] == "Example News"
    assert "On Friday, the market regulator fined Tencent" in draft.text
    assert "Skip to main content" not in draft.text
    assert "Copyright" not in draft.text
    saved = save(draft, folder)
    corpus = load_corpus(folder)
    assert {e.date_start for e in corpus.events if e.source == saved.id} >= {date(2021, 3, 12)}


def test_a_page_without_any_date_needs_one(folder):
    html = b"<html><body><article><p>" + b"Regulators fined Tencent on Friday. " * 20 + b"</p></article></body></html>"
    with pytest.raises(AddError, match="no publication date"):
        draft_from_html(html, "page.html")
    assert draft_from_html(html, "page.html", "2021-03-16").table["published"] == "2021-03-16"


def test_four_concurrent_adds_all_succeed(folder):
    errors = []

    def one(n):
        try:
            save(draft_from_text(f"On Friday, SAMR fined company number {n}.\n", f"t{n}",
                                 "2021-03-16"), folder)
        except Exception as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=one, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    corpus = load_corpus(folder)
    assert corpus.problems == ()
    assert sorted(corpus.sources) == ["000", "001", "002", "003", "004", "005", "006", "007", "008"]


def test_two_processes_adding_at_once_both_succeed(folder):
    script = ("import sys; from pathlib import Path; from data.add import save, draft_from_text;"
              "save(draft_from_text(f'On Friday, SAMR fined firm {sys.argv[1]}.', 't', "
              "'2021-03-16'), Path(sys.argv[2]))")
    procs = [subprocess.Popen([sys.executable, "-c", script, str(n), str(folder)], cwd=ROOT)
             for n in range(2)]
    assert [p.wait(60) for p in procs] == [0, 0]
    assert len(load_corpus(folder).sources) == 7


@pytest.mark.parametrize("which", [1, 2])
def test_a_process_killed_before_renaming_leaves_the_corpus_as_it_was(folder, which):
    """Killed before its first (the text's) or its second (sources.toml's) rename."""
    before = snapshot(folder)
    script = (
        "import os, sys; from pathlib import Path; from data import add\n"
        "real = os.replace; calls = []\n"
        "def dying(a, b):\n"
        "    calls.append(b)\n"
        f"    if len(calls) == {which}: os._exit(9)\n"
        "    real(a, b)\n"
        "add.os.replace = dying\n"
        "add.save(add.draft_from_text('On Friday, SAMR fined Tencent.', 't', '2021-03-16'), "
        "Path(sys.argv[1]))\n"
    )
    proc = subprocess.run([sys.executable, "-c", script, str(folder)], cwd=ROOT, check=False)
    assert proc.returncode == 9
    if which == 1:
        assert snapshot(folder) == before
    corpus = load_corpus(folder)
    assert sorted(corpus.sources) == ["000", "001", "002", "003", "004"]
    assert [p for p in corpus.problems if "sources.toml" in p and "line" in p] == []
    save(draft_from_text("On Monday, CAC fined Baidu.", "t", "2021-03-16"), folder)
    assert not list(folder.glob(".crackdown-tmp-*"))  # the next save sweeps leftovers


def test_editing_metadata_rewrites_one_table_and_refuses_bad_values(folder):
    new = update_metadata(folder, "004", {"title": "A new headline", "published": "2021-03-15"})
    assert new["title"] == "A new headline"
    corpus = load_corpus(folder)
    assert corpus.problems == ()
    assert corpus.sources["004"].title == "A new headline"
    assert corpus.sources["004"].published == date(2021, 3, 15)
    assert corpus.sources["001"].title == "Is this China's technology moment?"
    assert "# Metadata of the articles in this folder" in (folder / "sources.toml").read_text(encoding="utf-8")
    before = snapshot(folder)
    with pytest.raises(AddError, match="published_precision"):
        update_metadata(folder, "004", {"published_precision": "hour"})
    with pytest.raises(AddError, match="no article"):
        update_metadata(folder, "999", {"title": "x"})
    assert snapshot(folder) == before


def test_a_removed_article_is_kept_aside_with_its_table(folder):
    aside = remove(folder, "001")
    assert aside == folder / "removed" / "001_13f90858121c82e9.txt"
    assert aside.read_bytes() == (SEEDS_DIR / "001_13f90858121c82e9.txt").read_bytes()
    kept = (folder / "removed" / "sources.toml").read_text(encoding="utf-8")
    assert "Is this China's technology moment?" in kept
    assert "[[source.quoted]]" in kept
    corpus = load_corpus(folder)
    assert sorted(corpus.sources) == ["000", "002", "003", "004"]
    assert corpus.problems == ()


def test_the_command_line_adds_good_files_and_refuses_bad_ones_with_one_line_each(
    folder, tmp_path, monkeypatch, capsys
):
    monkeypatch.setenv("CRACKDOWN_SEEDS", str(folder))
    good = tmp_path / "good.md"
    good.write_text("# Fine\n\nOn Friday, SAMR fined Tencent.\n", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    other = tmp_path / "image.png"
    other.write_bytes(b"\x89PNG")
    status = add.main([str(good), str(empty), str(other), str(tmp_path / "missing.txt"),
                       "--published", "2021-03-16"])
    out, err = capsys.readouterr()
    assert status == 2
    lines = err.strip().splitlines()
    assert len(lines) == 3
    for line, name in zip(lines, ("empty.txt", "image.png", "missing.txt"), strict=True):
        assert name in line
    assert "Traceback" not in err
    assert "added:" in out
    corpus = load_corpus(folder)
    assert corpus.sources["005"].title == "Fine"
    assert add.main([str(PAGE)]) == 0  # a saved page dates itself
    assert add.main([str(good), "--published", "2022-01-01"]) == 0  # the same text: not added
    assert "already in the corpus: " in capsys.readouterr().out
    assert len(load_corpus(folder).sources) == 7
    assert os.path.exists(folder / ".crackdown-store.sqlite3")


def test_a_full_disk_while_saving_is_a_message_and_the_corpus_stays_as_it_was(folder, monkeypatch):
    before = snapshot(folder)
    real_fsync = os.fsync
    calls = []

    def full(fd):
        calls.append(fd)
        if len(calls) == 3:  # the text is in place; sources.toml's temporary file fails
            raise OSError(28, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(add.os, "fsync", full)
    with pytest.raises(AddError, match="No space left on device"):
        save(draft_from_text(TEXT, "t", "2021-03-16"), folder)
    monkeypatch.setattr(add.os, "fsync", real_fsync)
    assert snapshot(folder) == before  # the text written first is taken back
    assert not list(folder.glob(".crackdown-tmp-*"))
    corpus = load_corpus(folder)
    assert sorted(corpus.sources) == ["000", "001", "002", "003", "004"]
    assert corpus.problems == ()


def test_an_id_is_never_given_again_after_its_article_is_removed(folder):
    """A shared link to article 005 must not open another article once 005 is removed, and
    moving 005 back from removed/ must restore it, not collide with a newcomer."""
    first = save(draft_from_text(TEXT, "pasted text", "16 March 2021"), folder)
    assert first.id == "005"
    remove(folder, "005")
    other = "On Monday, the CAC ordered Didi off app stores.\n"
    second = save(draft_from_text(other, "pasted text", "5 July 2021"), folder)
    assert second.id == "006"
    remove(folder, "004")  # a removed article below the highest live id: its id stays free
    third = save(draft_from_text("Regulators fined Meituan.\n", "pasted text", "8 October 2021"),
                 folder)  # fmt: skip
    assert third.id == "007"
