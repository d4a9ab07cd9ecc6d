"""Loading the corpus folder when its metadata or its files are wrong.

One bad ``[[source]]`` table, one bad key or one dangerous path costs only its
own article, with a notice that names the file, the entry and the key; no notice
shows an absolute server path; a FIFO or a device is never read.
"""

import os
from datetime import date
from pathlib import Path

import pytest

from data import sources
from data.corpus import load_corpus
from data.sources import ArticleError, read_article, read_listing

TEXT = "On Friday, regulators fined {}."


def folder(tmp_path: Path, toml: str, **files: str) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "sources.toml").write_text(toml, encoding="utf-8")
    for name, text in files.items():
        (corpus / f"{name}.txt").write_text(text, encoding="utf-8")
    return corpus


def table(file: str, published: str = "2021-03-16", **more: str) -> str:
    lines = ["[[source]]", f'file = "{file}"', f'published = "{published}"']
    lines += [f"{k} = {v}" for k, v in more.items()]
    return "\n".join(lines) + "\n\n"


def no_absolute_paths(problems, tmp_path: Path) -> None:
    for line in problems:
        assert str(tmp_path) not in line
        assert str(Path.cwd()) not in line


def test_an_unclosed_table_header_costs_only_its_own_article(tmp_path):
    toml = table("a_1.txt") + '[[source]\nfile = "b_1.txt"\npublished = "2021-03-16"\n\n' + table("c_1.txt")
    corpus = load_corpus(folder(tmp_path, toml, a_1=TEXT.format("Tencent"),
                                b_1=TEXT.format("Baidu"), c_1=TEXT.format("Didi")))
    assert sorted(corpus.sources) == ["a", "c"]
    (notice,) = corpus.problems
    assert "corpus/sources.toml, line 5" in notice
    assert "b_1.txt" in notice
    no_absolute_paths(corpus.problems, tmp_path)


def test_a_broken_value_costs_only_its_table_and_names_its_line(tmp_path):
    toml = table("a_1.txt") + table("b_1.txt", title='"unclosed') + table("c_1.txt")
    corpus = load_corpus(folder(tmp_path, toml, a_1=TEXT.format("Tencent"),
                                b_1=TEXT.format("Baidu"), c_1=TEXT.format("Didi")))
    assert sorted(corpus.sources) == ["a", "c"]
    (notice,) = corpus.problems
    assert "line 8" in notice  # the bad line itself, counted in the whole file
    assert "b_1.txt" in notice


@pytest.mark.parametrize(
    ("key", "value", "said"),
    [
        ("file", "42", "key 'file': expected text, got 42"),
        ("title", "42", "key 'title': expected text, got 42"),
        ("authors", '"Ann"', "key 'authors': expected a list of text"),
        ("published_precision", '"hour"', "key 'published_precision': expected one of"),
        ("published_confidence", '"sure"', "key 'published_confidence': expected one of"),
        ("titel", '"typo"', "unknown key 'titel'"),
    ],
)
def test_each_entry_is_validated_on_its_own(tmp_path, key, value, said):
    bad = table("b_1.txt").replace('file = "b_1.txt"', f"file = {value}") if key == "file" \
        else table("b_1.txt", **{key: value})
    toml = table("a_1.txt") + bad
    corpus = load_corpus(folder(tmp_path, toml, a_1=TEXT.format("Tencent"), b_1=TEXT.format("Baidu")))
    assert "a" in corpus.sources
    assert "b" not in corpus.sources
    notice = next(p for p in corpus.problems if said in p)
    assert "corpus/sources.toml" in notice
    assert "entry 2" in notice
    assert "line 5" in notice


def test_a_bad_published_date_names_the_entry_and_key(tmp_path):
    toml = table("a_1.txt", published="16 March 2021")
    corpus = load_corpus(folder(tmp_path, toml, a_1=TEXT.format("Tencent")))
    assert corpus.sources == {}
    assert any("key 'published'" in p and "a_1.txt" in p for p in corpus.problems)


@pytest.mark.parametrize("name", ["../../etc/passwd", "/etc/passwd", "../outside.txt", "/dev/zero"])
def test_a_path_outside_the_corpus_folder_is_refused(tmp_path, name):
    (tmp_path / "outside.txt").write_text(TEXT.format("Alibaba"), encoding="utf-8")
    toml = table(name) + table("a_1.txt")
    corpus = load_corpus(folder(tmp_path, toml, a_1=TEXT.format("Tencent")))
    assert list(corpus.sources) == ["a"]
    assert all("root:" not in t and "Alibaba" not in t for t in corpus.texts.values())
    notice = next(p for p in corpus.problems if "outside the corpus folder" in p)
    assert "entry 1" in notice
    no_absolute_paths(corpus.problems, tmp_path)


def test_a_symlink_leading_out_of_the_folder_is_refused(tmp_path):
    corpus_dir = folder(tmp_path, table("a_1.txt") + table("b_1.txt"), a_1=TEXT.format("Tencent"))
    (tmp_path / "secret.txt").write_text("a server secret", encoding="utf-8")
    (corpus_dir / "b_1.txt").symlink_to(tmp_path / "secret.txt")
    corpus = load_corpus(corpus_dir)
    assert list(corpus.sources) == ["a"]
    assert any("b_1.txt" in p and "outside the corpus folder" in p for p in corpus.problems)


def test_a_fifo_or_a_folder_is_never_read(tmp_path):
    corpus_dir = folder(tmp_path, table("a_1.txt") + table("f_1.txt") + table("d_1.txt"),
                        a_1=TEXT.format("Tencent"))
    os.mkfifo(corpus_dir / "f_1.txt")  # opening it for reading would block forever
    (corpus_dir / "d_1.txt").mkdir()
    corpus = load_corpus(corpus_dir)
    assert list(corpus.sources) == ["a"]
    assert sum("not a regular file" in p for p in corpus.problems) == 2


def test_read_article_reads_at_most_the_limit_plus_one_byte(tmp_path, monkeypatch):
    monkeypatch.setattr(sources, "MAX_ARTICLE_BYTES", 100)
    path = tmp_path / "big.txt"
    path.write_text("x" * 5000, encoding="utf-8")
    with pytest.raises(ArticleError, match="too large"):
        read_article(path)
    with pytest.raises(ArticleError, match="not a regular file"):
        read_article(Path("/dev/zero"))


def test_a_duplicate_id_prefix_keeps_the_first_article_intact(tmp_path):
    toml = table("000_a.txt", title='"First"') + table("000_dup.txt", title='"Second"')
    corpus = load_corpus(folder(tmp_path, toml, **{"000_a": TEXT.format("Tencent"),
                                                    "000_dup": TEXT.format("Baidu")}))
    assert list(corpus.sources) == ["000"]
    assert corpus.sources["000"].title == "First"
    assert "Tencent" in corpus.texts["000"]
    assert any("000_dup.txt" in p and "id '000'" in p and "000_a.txt" in p for p in corpus.problems)


def test_a_file_listed_twice_is_loaded_once_with_a_notice(tmp_path):
    toml = table("a_1.txt") + table("a_1.txt", published="2022-01-01")
    corpus = load_corpus(folder(tmp_path, toml, a_1=TEXT.format("Tencent")))
    assert list(corpus.sources) == ["a"]
    assert corpus.sources["a"].published == date(2021, 3, 16)
    ids = [e.id for e in corpus.events]
    assert len(ids) == len(set(ids)) == 1
    assert any("listed twice" in p and "entry 2" in p for p in corpus.problems)


def test_an_unreadable_metadata_file_is_a_notice_without_its_absolute_path(tmp_path):
    corpus_dir = tmp_path / "corpus"
    corpus_dir.mkdir()
    (corpus_dir / "sources.toml").write_bytes(b"\xff\xfe not utf-8")
    (corpus_dir / "a_1.txt").write_text(TEXT.format("Tencent"), encoding="utf-8")
    corpus = load_corpus(corpus_dir)
    assert corpus.sources == {}
    assert corpus.problems
    no_absolute_paths(corpus.problems, tmp_path)


def test_the_seeds_metadata_validates_cleanly():
    listing = read_listing(sources.SEEDS_DIR)
    assert listing.problems == []
    assert [e.source.id for e in listing.entries] == ["000", "001", "002", "003", "004"]
    assert listing.entries[1].line > listing.entries[0].line


_NEW_TABLE = '\n[[source]]\nfile = "005_new.txt"\npublished = 2021-03-16\ntitle = "New"\n'


METADATA_CHANGES = [
    lambda t: t + _NEW_TABLE,  # an article added
    lambda t: t.replace('published = "2021', 'published = "2020', 1),  # a date edited
    lambda t: t + "\n[[source]\nfile = \"006_broken.txt\"\n",  # a broken header
    lambda t: t + '\n[other]\nx = 1\n',  # a table that is not a source
    lambda t: 'stray = 1\n' + t,  # a key before the first table
    lambda t: t + '\n[[source]]\nfile = "007.txt"\nnote = """a\n[[source]]\nb"""\n',
    lambda t: t[: t.rindex("[[source]]")],  # the last article removed
    lambda t: t.replace('published = "2021', 'published = 2021"', 1),  # a broken value first
]


@pytest.mark.parametrize("change", METADATA_CHANGES)
def test_a_listing_that_reuses_known_tables_is_the_listing_read_afresh(tmp_path, change):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for path in sources.SEEDS_DIR.glob("*.txt"):
        (folder / path.name).write_bytes(path.read_bytes())
    (folder / "005_new.txt").write_text("On Friday, SAMR fined Tencent.", encoding="utf-8")
    metadata = folder / sources.METADATA_FILE
    text = (sources.SEEDS_DIR / sources.METADATA_FILE).read_text(encoding="utf-8")
    metadata.write_text(text, encoding="utf-8")
    read_listing(folder)  # the tables are now known
    metadata.write_text(change(text), encoding="utf-8")
    reused = read_listing(folder)
    sources._known_pieces.clear()
    sources._known_entries.clear()
    assert reused == read_listing(folder)


def seeds_metadata_alone(tmp_path: Path) -> tuple[Path, Path, str]:
    """A corpus folder holding only a copy of the seeds' metadata (folder, file, text)."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    metadata = folder / sources.METADATA_FILE
    text = (sources.SEEDS_DIR / sources.METADATA_FILE).read_text(encoding="utf-8")
    metadata.write_text(text, encoding="utf-8")
    return folder, metadata, text


def test_a_metadata_file_that_gained_a_table_validates_only_that_table(tmp_path, monkeypatch):
    folder, metadata, text = seeds_metadata_alone(tmp_path)
    first = read_listing(folder)
    validated = []
    real = sources.validate_table
    monkeypatch.setattr(sources, "validate_table", lambda t: validated.append(t["file"]) or real(t))
    metadata.write_text(text + _NEW_TABLE, encoding="utf-8")
    listing = read_listing(folder)
    # the new table, and the one before (its piece gained the new table's leading newline)
    assert validated == [first.entries[-1].table["file"], "005_new.txt"]
    assert listing.entries[:-1] == first.entries


def test_a_known_table_whose_file_became_a_symlink_out_of_the_folder_is_refused(tmp_path):
    corpus_dir = folder(tmp_path, table("a_1.txt") + table("b_1.txt"),
                        a_1=TEXT.format("Tencent"), b_1=TEXT.format("Alibaba"))
    assert [e.source.id for e in read_listing(corpus_dir).entries] == ["a", "b"]
    (tmp_path / "secret.txt").write_text("a server secret", encoding="utf-8")
    (corpus_dir / "b_1.txt").unlink()
    (corpus_dir / "b_1.txt").symlink_to(tmp_path / "secret.txt")
    listing = read_listing(corpus_dir)
    assert [e.source.id for e in listing.entries] == ["a"]
    assert any("b_1.txt" in p and "outside the corpus folder" in p for p in listing.problems)


def test_a_metadata_file_that_gained_a_table_parses_only_that_table(tmp_path, monkeypatch):
    folder, metadata, text = seeds_metadata_alone(tmp_path)
    read_listing(folder)
    parsed = []
    real = sources.tomllib.loads
    monkeypatch.setattr(sources.tomllib, "loads", lambda s: parsed.append(s) or real(s))
    metadata.write_text(text + _NEW_TABLE, encoding="utf-8")
    read_listing(folder)
    # the preamble, the table before (it gained the new table's leading newline), the new one
    assert len(parsed) == 3
    assert "005_new.txt" in parsed[-1]
    assert all(piece.count("[[source]]") <= 1 for piece in parsed)


@pytest.mark.parametrize("memo", [False, True])
@pytest.mark.parametrize("change", [lambda t: t, *METADATA_CHANGES])
def test_a_streamed_listing_is_the_listing_read_whole(tmp_path, change, memo):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for path in sources.SEEDS_DIR.glob("*.txt"):
        (folder / path.name).write_bytes(path.read_bytes())
    text = (sources.SEEDS_DIR / sources.METADATA_FILE).read_text(encoding="utf-8")
    (folder / sources.METADATA_FILE).write_text(change(text), encoding="utf-8")
    kept: dict = {}

    def keep(key, compute):
        if key not in kept:
            kept[key] = compute()
        return kept[key]

    sources._known_pieces.clear()
    sources._known_entries.clear()
    streamed = sources.Listing()
    streamed.entries = list(sources.stream_listing(folder, streamed, keep if memo else None))
    sources._known_pieces.clear()
    sources._known_entries.clear()
    assert streamed == read_listing(folder)
    if memo and kept:  # what the stream kept is what a whole read keeps
        sources._known_pieces.clear()
        sources._known_entries.clear()
        assert list(kept.values()) == [sources._tables(change(text), sources.split_tables(
            change(text)))]  # fmt: skip
        again = sources.Listing()
        again.entries = list(sources.stream_listing(folder, again, keep))
        assert again == streamed


def test_a_streamed_listing_gives_its_first_entry_before_parsing_the_rest(tmp_path, monkeypatch):
    body = "".join(table(f"{n:03d}_a.txt") for n in range(50))
    corpus = folder(tmp_path, body, **{f"{n:03d}_a": TEXT.format("Tencent") for n in range(50)})
    sources._known_pieces.clear()
    parsed = []
    real = sources.tomllib.loads
    monkeypatch.setattr(sources.tomllib, "loads", lambda s: parsed.append(s) or real(s))
    stream = sources.stream_listing(corpus, sources.Listing())
    first = next(stream)
    assert first.source.id == "000"
    assert sum(p.count("[[source]]") for p in parsed) == 1  # its own table, nothing more
    assert len(list(stream)) == 49
