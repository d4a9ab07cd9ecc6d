"""Reading article files and their metadata (``seeds/sources.toml``).

Every problem (a missing file, a binary or non-UTF-8 file, a bad date in the
metadata) becomes a one-line message naming the file; nothing raises to the
caller and the other articles still load.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from data.records import Source
from data.tomlwrite import toml_lines, toml_table, toml_value  # noqa: F401 (re-exported)

#: ``memo(key, compute)``: ``compute()``'s result, or a kept one for the same key.
Memo = Callable[[str, Callable[[], object]], object]

SEEDS_DIR = Path(__file__).resolve().parent.parent / "seeds"
METADATA_FILE = "sources.toml"
MAX_ARTICLE_BYTES = 5_000_000


class ArticleError(ValueError):
    """An article that cannot be read; the message names the file."""


@dataclass(frozen=True)
class QuotedPassage:
    """A span of an article quoted from an earlier report with its own date."""

    start: int
    end: int
    published: date
    precision: str
    note: str


def parse_published(value: str) -> tuple[date, str]:
    """Parse ``YYYY-MM-DD`` (day precision) or ``YYYY-MM`` (month precision).

    >>> parse_published("2021-03-16")
    (datetime.date(2021, 3, 16), 'day')
    >>> parse_published("2022-02")
    (datetime.date(2022, 2, 1), 'month')
    >>> parse_published("16/03/2021")
    Traceback (most recent call last):
    ...
    ValueError: not a date (expected YYYY-MM-DD or YYYY-MM): '16/03/2021'
    """
    text = str(value).strip()
    try:
        if len(text) == 7:
            return date.fromisoformat(text + "-01"), "month"
        if len(text) == 10:
            return date.fromisoformat(text), "day"
    except ValueError:
        pass
    raise ValueError(f"not a date (expected YYYY-MM-DD or YYYY-MM): {text!r}")


def read_article(path: Path, shown: str | None = None) -> str:
    """Read one article as UTF-8 text or raise :class:`ArticleError`.

    Only a regular file is read, and at most ``MAX_ARTICLE_BYTES`` + 1 bytes of
    it: a FIFO, a device (``/dev/zero``) or a folder is refused before any read.
    ``shown`` is the name the message uses (never an absolute server path).
    """
    shown = shown or str(path)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as exc:
        raise ArticleError(f"{shown}: cannot read ({exc.strerror or exc})") from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise ArticleError(f"{shown}: not a regular file; not read")
        chunks, left = [], MAX_ARTICLE_BYTES + 1
        while left > 0 and (chunk := os.read(fd, min(left, 1 << 20))):
            chunks.append(chunk)
            left -= len(chunk)
    except OSError as exc:
        raise ArticleError(f"{shown}: cannot read ({exc.strerror or exc})") from None
    finally:
        os.close(fd)
    raw = b"".join(chunks)
    return decode_article(raw, shown)


def decode_article(raw: bytes, shown: str) -> str:
    """An article's bytes as text, or :class:`ArticleError` saying why not."""
    if len(raw) > MAX_ARTICLE_BYTES:
        raise ArticleError(f"{shown}: too large (over {MAX_ARTICLE_BYTES:,} bytes)")
    if b"\x00" in raw:
        raise ArticleError(f"{shown}: binary file (contains NUL bytes), not an article")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ArticleError(f"{shown}: not UTF-8 text (bad byte at offset {exc.start})") from None
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise ArticleError(f"{shown}: empty file, no text to extract")
    return text


def _find_once(text: str, needle: str, what: str) -> int:
    first = text.find(needle)
    if first < 0 or text.find(needle, first + 1) >= 0:
        raise ValueError(f"{what} {needle!r} must occur exactly once in the article")
    return first


def quoted_passages(entry: dict, text: str) -> tuple[QuotedPassage, ...]:
    passages = []
    for q in entry.get("quoted", []):
        start = _find_once(text, q["first"], "quoted passage start")
        last = _find_once(text, q["last"], "quoted passage end")
        published, precision = parse_published(str(q["published"]))
        passages.append(
            QuotedPassage(start, last + len(q["last"]), published, precision, q.get("note", ""))
        )
    return tuple(passages)


#: The keys of a ``[[source]]`` table, declared once: (kind, required). Kinds:
#: "text", "texts" (a list of text), "date" (YYYY-MM-DD or YYYY-MM), "tables"
#: (the ``[[source.quoted]]`` list), or a tuple of the allowed values.
SOURCE_KEYS: dict[str, tuple[object, bool]] = {
    "file": ("text", True),
    "published": ("date", True),
    "title": ("text", False),
    "outlet": ("text", False),
    "authors": ("texts", False),
    "published_precision": (("day", "month"), False),
    "published_confidence": (("confirmed", "inferred"), False),
    "published_note": ("text", False),
    "url": ("text", False),
    "url_confidence": (("confirmed", "inferred"), False),
    "note": ("text", False),
    "quoted": ("tables", False),
}
#: The keys of a ``[[source.quoted]]`` table.
QUOTED_KEYS: dict[str, tuple[object, bool]] = {
    "first": ("text", True),
    "last": ("text", True),
    "published": ("date", True),
    "published_precision": (("day", "month"), False),
    "note": ("text", False),
}
_KIND_WORDS = {"text": "text", "texts": "a list of text", "date": "a date (YYYY-MM-DD or YYYY-MM)",
               "tables": "a list of [[source.quoted]] tables"}
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9.-]{0,63}")
_HEADER = re.compile(r"^[ \t]*\[{1,2}[ \t]*source[ \t]*\]{0,2}[ \t]*(?:#.*)?$", re.MULTILINE)
_AT_LINE = re.compile(r"\(at line (\d+), column (\d+)\)")
_FILE_LINE = re.compile(r"^[ \t]*file[ \t]*=[ \t]*[\"']([^\"'\n]*)[\"']", re.MULTILINE)


def _key_problem(key: str, value: object, kind: object) -> str | None:
    """What is wrong with one value, or None."""
    if kind == "date":
        if not isinstance(value, str | date):
            return f"expected {_KIND_WORDS[kind]}, got {value!r}"
        try:
            parse_published(str(value))
        except ValueError as exc:
            return str(exc)
        return None
    ok = {
        "text": lambda: isinstance(value, str),
        "texts": lambda: isinstance(value, list) and all(isinstance(v, str) for v in value),
        "tables": lambda: isinstance(value, list) and all(isinstance(v, dict) for v in value),
    }
    if isinstance(kind, tuple):
        return None if value in kind else f"expected one of {', '.join(kind)}, got {value!r}"
    return None if ok[kind]() else f"expected {_KIND_WORDS[kind]}, got {value!r}"


def validate_table(table: dict, keys: dict[str, tuple[object, bool]] = SOURCE_KEYS) -> list[str]:
    """Every problem of one metadata table, each naming its key.

    >>> validate_table({"file": 42, "published": "2021-03-16", "titel": "x"})
    ["key 'file': expected text, got 42", "unknown key 'titel'"]
    """
    problems = []
    for key, (kind, required) in keys.items():
        if key not in table:
            if required:
                problems.append(f"key {key!r} is missing")
            continue
        problem = _key_problem(key, table[key], kind)
        if problem:
            problems.append(f"key {key!r}: {problem}")
    problems += [f"unknown key {key!r}" for key in table if key not in keys]
    for n, quoted in enumerate(table.get("quoted", []) if keys is SOURCE_KEYS else (), 1):
        if isinstance(quoted, dict):
            problems += [f"quoted passage {n}: {p}" for p in validate_table(quoted, QUOTED_KEYS)]
    return problems


def source_id(filename: str) -> str:
    """The article's id: its file name up to the first "_" (the prefix)."""
    return Path(filename).name.split("_", 1)[0].removesuffix(".txt")


def source_from_entry(entry: dict) -> Source:
    published, precision = parse_published(str(entry["published"]))
    filename = entry["file"]
    return Source(
        id=source_id(filename),
        filename=filename,
        title=entry.get("title", filename),
        outlet=entry.get("outlet", "unknown outlet"),
        authors=tuple(entry.get("authors", ())),
        published=published,
        published_precision=entry.get("published_precision", precision),
        published_confidence=entry.get("published_confidence", "inferred"),
        published_note=entry.get("published_note", ""),
        url=entry.get("url", ""),
        url_confidence=entry.get("url_confidence", "inferred"),
        note=entry.get("note", ""),
    )


@dataclass(frozen=True)
class Entry:
    """One valid ``[[source]]`` table: its article file lies inside the corpus folder."""

    table: dict
    line: int  # the line of its header in sources.toml
    path: Path
    shown: str  # the file as notices name it: "<folder>/<file>", never absolute
    source: Source


@dataclass
class Listing:
    """What ``sources.toml`` lists: the valid entries and one notice per refused table."""

    entries: list[Entry] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    named: set[str] = field(default_factory=set)  # file names any table names, valid or not


def shown_name(seeds_dir: Path, name: str) -> str:
    """How a notice names a file of the corpus folder: relative, never absolute."""
    return f"{seeds_dir.name or 'corpus'}/{name}"


def split_tables(text: str) -> list[tuple[int, str]]:
    """The text cut before each ``[[source]]`` header (even a malformed one), with the
    1-based line each piece starts on; the first piece is what precedes the first table.

    >>> [line for line, _ in split_tables('# c\\n[[source]]\\na = 1\\n[[source]\\nb = 2\\n')]
    [1, 2, 4]
    """
    cuts = [0, *(m.start() for m in _HEADER.finditer(text))]
    pieces = [text[a:b] for a, b in zip(cuts, [*cuts[1:], len(text)], strict=True)]
    lines, out = 1, []
    for piece in pieces:
        out.append((lines, piece))
        lines += piece.count("\n")
    return out


def _parse_piece(piece: str, line: int) -> tuple[dict | None, str]:
    """One table parsed on its own, or the parser's message with the file's line."""
    try:
        doc = tomllib.loads(piece)
    except tomllib.TOMLDecodeError as exc:
        where = _AT_LINE.search(str(exc))
        message = _AT_LINE.sub("", str(exc)).strip()
        at = line + int(where.group(1)) - 1 if where else line
        return None, f"line {at}: {message}"
    tables = doc.get("source")
    if set(doc) != {"source"} or not isinstance(tables, list) or len(tables) != 1:
        return None, f"line {line}: expected one [[source]] table"
    return tables[0], ""


def _whole_file_tables(text: str, count: int) -> list[dict] | None:
    """The tables when the whole file parses and holds exactly one per header (the fast
    path for a large corpus); None sends every table through its own parse."""
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return None
    tables = doc.get("source", [])
    if set(doc) - {"source"} or not isinstance(tables, list) or len(tables) != count:
        return None
    return tables


#: The tables of the last listing whose file parsed whole, by their piece of text: a file
#: that gained, lost or changed a few tables parses only those (a server whose corpus
#: gains an article re-reads a metadata file of thousands of tables).
_known_pieces: dict[str, dict] = {}
#: What validating each table of the last listing gave, by its piece of text: its problems,
#: else its Source (pure functions of the table). Where its file lies is looked at anew.
_known_entries: dict[str, tuple[list[str], Source | None]] = {}


def _holds_nothing(preamble: str) -> bool:
    try:
        return not tomllib.loads(preamble)
    except tomllib.TOMLDecodeError:
        return False


def _tables(text: str, pieces: list[tuple[int, str]]) -> list[dict] | None:
    """:func:`_whole_file_tables`, with the tables of pieces parsed before reused: when
    the preamble holds nothing and every piece is known or parses on its own as one
    table, the pieces' tables are what the whole file gives."""
    if _known_pieces and _holds_nothing(pieces[0][1]):
        by_piece = _PieceTables(text, pieces)
        for n in range(1, len(pieces)):
            by_piece.table(n)
        tables = by_piece.all()
    else:
        tables = _whole_file_tables(text, len(pieces) - 1)
    _keep_pieces(pieces, tables)
    return tables


def _keep_pieces(pieces: list[tuple[int, str]], tables: list[dict] | None) -> None:
    """Remember each piece's table for the next listing (when the file gave them all)."""
    global _known_pieces
    if tables is not None:
        _known_pieces = {piece: t for (_, piece), t in zip(pieces[1:], tables, strict=True)}


def _place_problem(resolved: Path, sid: str, root: Path, by_path: dict[Path, int],
                   by_id: dict[str, str]) -> str:
    """Why an entry's file cannot be loaded from where it is ("" when it can): outside the
    corpus folder, listed twice, an id that is not one, or an id already taken."""
    if not resolved.is_relative_to(root) or resolved == root:
        return "the file is outside the corpus folder; not read"
    if resolved in by_path:
        return f"the file is listed twice (first in entry {by_path[resolved]}); skipped"
    if not _ID.fullmatch(sid):
        return (f"key 'file': its id {sid!r} (the name before '_') must be letters, "
                "digits, '.' or '-'; not loaded")
    if sid in by_id:
        return f"id {sid!r} is already used by {by_id[sid]}; not loaded"
    return ""


def read_listing(seeds_dir: Path = SEEDS_DIR, memo: Memo | None = None) -> Listing:
    """Read and validate ``sources.toml`` table by table: a bad table costs only itself.

    ``memo(key, compute)`` may return a kept result of ``compute()`` for the same file
    text (the extraction store keeps the parsed tables of a large corpus)."""
    listing = Listing()
    listing.entries.extend(_listed(seeds_dir, listing, memo, stream=False))
    return listing


def stream_listing(seeds_dir: Path, listing: Listing, memo: Memo | None = None) -> Iterator[Entry]:
    """:func:`read_listing`'s entries one by one as their tables are parsed, for a reader
    that starts on the first before the last is parsed (``data.batch``: parsing 10,000
    tables takes seconds). ``listing`` receives the problems and names as they come (its
    entries are the caller's to keep); once exhausted, the same as :func:`read_listing`."""
    return _listed(seeds_dir, listing, memo, stream=True)


class _NotKept(Exception):
    """A memo asked only whether it keeps a value."""


def _not_kept():
    raise _NotKept


class _PieceTables:
    """The tables of a file's pieces parsed one at a time as asked (a piece known from the
    last listing is not parsed again): each piece alone while every piece parses alone, else the
    whole file's tables (those of the pieces before are the same), else none (each piece
    then goes through its own parse, with its problem)."""

    def __init__(self, text: str, pieces: list[tuple[int, str]]):
        self.text, self.pieces = text, pieces
        self.parsed: list[dict] = []
        self.whole: list[dict] | None | bool = False  # False: not parsed (yet)

    def table(self, n: int) -> dict | None:
        """The table of piece ``n`` (1-based, in order), or None."""
        if self.whole is False:
            line, piece = self.pieces[n]
            table = _known_pieces.get(piece) or _parse_piece(piece, line)[0]
            if table is not None:
                self.parsed.append(table)
                return table
            self.whole = _whole_file_tables(self.text, len(self.pieces) - 1)
        return None if self.whole is None else self.whole[n - 1]

    def all(self) -> list[dict] | None:
        """Every table, once each piece has been asked for."""
        return self.parsed if self.whole is False else self.whole


def _listed(seeds_dir: Path, listing: Listing, memo: Memo | None, stream: bool) -> Iterator[Entry]:
    global _known_entries
    shown_toml = shown_name(seeds_dir, METADATA_FILE)
    try:
        raw = (seeds_dir / METADATA_FILE).read_bytes()
        text = raw.decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else "not UTF-8 text"
        listing.problems.append(f"{shown_toml}: cannot read the article metadata ({reason})")
        return
    root = seeds_dir.resolve()
    by_path: dict[Path, int] = {}
    by_id: dict[str, str] = {}
    pieces = split_tables(text)
    key = hashlib.sha256(text.encode("utf-8")).hexdigest() if memo is not None else ""
    lazy = None
    if stream and _holds_nothing(pieces[0][1]):
        try:
            tables = memo(key, _not_kept) if memo is not None else None
        except _NotKept:
            tables = None
        if tables is None:
            lazy = _PieceTables(text, pieces)
    elif memo is None:
        tables = _tables(text, pieces)
    else:
        tables = memo(key, lambda: _tables(text, pieces))
    preamble_line, preamble = pieces[0]
    if preamble.strip() and tables is None:
        _, problem = _parse_piece(preamble + "\n[[source]]\n", preamble_line)
        keys = [m.group(1) for m in re.finditer(r"^[ \t]*([\w.-]+)[ \t]*=", preamble, re.M)]
        if problem or keys:
            listing.problems.append(
                f"{shown_toml}: before the first [[source]] table: "
                f"{problem or 'unknown key ' + repr(keys[0])}; ignored"
            )
    validated: dict[str, tuple[list[str], Source | None]] = {}
    for n, (line, piece) in enumerate(pieces[1:], 1):
        named = _FILE_LINE.search(piece)
        if named:
            listing.named.add(Path(named.group(1)).name)
        where = f"{shown_toml}, entry {n} at line {line}"
        if lazy is not None:
            entry = lazy.table(n)
            entry, problem = (entry, "") if entry is not None else _parse_piece(piece, line)
        else:
            entry, problem = (tables[n - 1], "") if tables else _parse_piece(piece, line)
        if entry is None:
            what = f" (the table of {named.group(1)})" if named else ""
            listing.problems.append(f"{shown_toml}, {problem}{what}; that article is not loaded")
            continue
        label = entry.get("file") if isinstance(entry.get("file"), str) else None
        where += f" ({label})" if label else ""
        known = _known_entries.get(piece)
        if known is None:
            problems = validate_table(entry)
            known = (problems, None if problems else source_from_entry(entry))
        validated[piece] = known
        problems, source = known
        if problems:
            listing.problems.append(f"{where}: {'; '.join(problems)}; not loaded")
            continue
        path = seeds_dir / entry["file"]
        resolved = _resolve(root, path, entry["file"])
        problem = _place_problem(resolved, source.id, root, by_path, by_id)
        if problem:
            listing.problems.append(f"{where}: {problem}")
            continue
        by_path[resolved], by_id[source.id] = n, entry["file"]
        shown = shown_name(seeds_dir, resolved.relative_to(root).as_posix())
        yield Entry(entry, line, path, shown, source)
    _known_entries = validated
    if lazy is not None:
        tables = lazy.all()
        _keep_pieces(pieces, tables)
        if tables is not None and memo is not None:
            memo(key, lambda: tables)


def _resolve(root: Path, path: Path, name: str) -> Path:
    """``path.resolve()``, without walking every folder of the path again when ``name`` is
    one plain file name and not a symlink: ``root`` (the folder, resolved) holds it."""
    if name and name not in (".", "..") and "/" not in name and "\\" not in name:
        try:
            if not stat.S_ISLNK(os.lstat(path).st_mode):
                return root / name
        except OSError:  # missing: resolve() names it all the same (read_article says why)
            pass
    return path.resolve()


def load_metadata(seeds_dir: Path = SEEDS_DIR) -> tuple[list[dict], list[str]]:
    """The valid metadata tables and the notices about the others."""
    listing = read_listing(seeds_dir)
    return [e.table for e in listing.entries], listing.problems
