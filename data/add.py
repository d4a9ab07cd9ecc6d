"""Adding, editing and removing articles of the corpus folder, safely.

An article joins the folder like the seeds: its text as ``<id>_<hash>.txt`` and
its ``[[source]]`` table appended to ``sources.toml``. Every write goes to a
hidden temporary file in the folder, is flushed to disk (``fsync``) and then
renamed over its target, so a reader sees the old file or the new one, never
half of one; a process killed before the rename leaves the corpus as it was
(the temporary file is swept away by the next save). All changes take an
exclusive lock (``fcntl.flock`` on ``.crackdown-add.lock`` in the folder), so two
people adding at once both succeed, one after the other. The same text twice is
recognised by its content hash and not added again. A removed article is moved
to ``removed/`` with its table, never destroyed.

Command line (run by the operator on the server; no editor token)::

    python -m data.add PATH... [--published DATE]

A saved ``.html`` page gives its text, title, authors, date and link
(trafilatura, with htmldate for the date when trafilatura finds none);
``.txt`` and ``.md`` files need ``--published``. A refused file gets a one-line
message and exit status 2; the others are still added.
"""

from __future__ import annotations

import argparse
import fcntl
import os
import secrets
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from data.sources import (
    MAX_ARTICLE_BYTES,
    METADATA_FILE,
    ArticleError,
    decode_article,
    parse_published,
    read_article,
    read_listing,
    source_id,
    split_tables,
    toml_table,
    validate_table,
)
from data.store import content_hash

LOCK_FILE = ".crackdown-add.lock"
TEMP_PREFIX = ".crackdown-tmp-"
REMOVED_DIR = "removed"
MAX_HTML_BYTES = 4 * MAX_ARTICLE_BYTES
LOCK_TIMEOUT_S = 15.0
TEXT_SUFFIXES = (".txt", ".md")


class AddError(ValueError):
    """An input refused, or a change that could not be made; the message says why."""


@dataclass(frozen=True)
class Draft:
    """An article ready to be saved: its text and its metadata table (no ``file`` yet)."""

    text: str
    table: dict


@dataclass(frozen=True)
class Saved:
    id: str
    filename: str
    added: bool  # False: the same text was already in the corpus as ``id``


# -- dates as people type them -----------------------------------------------------------


def resolve_date(typed: str, today: date | None = None) -> tuple[date, str]:
    """A publication date typed freely: ``YYYY-MM-DD``/``YYYY-MM`` or anything dateparser
    reads ("27 April 2021", "Apr 27", "yesterday"), as (date, "day" or "month").

    >>> resolve_date("27 April 2021", date(2026, 1, 1))
    (datetime.date(2021, 4, 27), 'day')
    >>> resolve_date("April 2021", date(2026, 1, 1))
    (datetime.date(2021, 4, 1), 'month')
    >>> resolve_date("yesterday", date(2021, 3, 17))
    (datetime.date(2021, 3, 16), 'day')
    """
    today = today or date.today()
    text = " ".join(str(typed).split())
    if not text:
        raise AddError("no publication date given")
    try:
        found, precision = parse_published(text)
    except ValueError:
        from dateparser.date import DateDataParser  # noqa: PLC0415 - slow import, used rarely

        settings = {"PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": True,
                    "RELATIVE_BASE": datetime(today.year, today.month, today.day)}  # fmt: skip
        parsed = DateDataParser(languages=["en"], settings=settings).get_date_data(text[:100])
        if parsed.date_obj is None:
            raise AddError(f"publication date {text[:60]!r} is not a date") from None
        if parsed.period not in ("day", "time", "month"):
            raise AddError(f"publication date {text[:60]!r} is not a day or a month") from None
        found = parsed.date_obj.date()
        precision = "month" if parsed.period == "month" else "day"
        found = found.replace(day=1) if precision == "month" else found
    if found > today:
        raise AddError(f"publication date {found.isoformat()} is in the future")
    if found.year < 1900:
        raise AddError(f"publication date {found.isoformat()} is before 1900")
    return found, precision


def published_value(day: date, precision: str) -> str:
    return f"{day:%Y-%m}" if precision == "month" else day.isoformat()


# -- drafts from inputs ------------------------------------------------------------------


def draft_from_text(
    raw: bytes | str, name: str, published: str, precision: str = "", **meta: object
) -> Draft:
    """Pasted text or a ``.txt``/``.md`` file with its metadata (``title``, ``outlet``...).

    ``precision`` ("day" or "month") overrides the precision of the date as typed.
    """
    if isinstance(raw, str):
        raw = raw.encode("utf-8")
    try:
        text = decode_article(raw, name)
    except ArticleError as exc:
        raise AddError(str(exc)) from None
    day, typed_precision = resolve_date(published)
    if precision == "day" and typed_precision == "month":
        raise AddError(f"publication date {published!r} names a month, not a day")
    precision = precision or typed_precision
    day = day.replace(day=1) if precision == "month" else day
    table = {"published": published_value(day, precision), "published_precision": precision}
    table.update({k: v for k, v in meta.items() if v not in (None, "", [], ())})
    table.setdefault("title", first_line(text))
    return finish(Draft(text.replace("\r\n", "\n"), table), name)


def html_parts(raw: bytes, name: str) -> tuple[str, dict]:
    """A saved web page's main text and metadata (trafilatura; htmldate for the date when
    trafilatura has none). ``published`` is None when the page carries no date."""
    if len(raw) > MAX_HTML_BYTES:
        raise AddError(f"{name}: too large (over {MAX_HTML_BYTES:,} bytes)")
    if b"\x00" in raw:
        raise AddError(f"{name}: binary file (contains NUL bytes), not a web page")
    import trafilatura  # noqa: PLC0415 - heavy import, only for HTML
    from htmldate import find_date  # noqa: PLC0415

    html = raw.decode("utf-8", errors="replace")
    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    body = (getattr(doc, "text", None) or "").strip()
    if not body:
        raise AddError(f"{name}: no article text found in the page")
    authors = [a.strip() for a in (getattr(doc, "author", None) or "").split(";") if a.strip()]
    meta = {
        "title": getattr(doc, "title", None),
        "outlet": getattr(doc, "sitename", None) or getattr(doc, "hostname", None),
        "authors": authors,
        "url": getattr(doc, "url", None),
        "published": getattr(doc, "date", None) or find_date(html, original_date=True),
    }
    text = "\n\n".join(p.strip() for p in body.split("\n") if p.strip()) + "\n"
    return text, meta


def draft_from_html(raw: bytes, name: str, published: str | None = None) -> Draft:
    """A saved web page; ``published`` (typed) wins over the page's own date."""
    text, meta = html_parts(raw, name)
    found = meta.pop("published")
    if not (published or found):
        raise AddError(f"{name}: the page has no publication date; give one")
    meta["published_confidence"] = "inferred" if published else "confirmed"
    meta["published_note"] = "" if published else "From the saved page's own metadata."
    meta["url_confidence"] = "confirmed"
    return draft_from_text(text, name, str(published or found), **meta)


def draft_from_file(path: Path, published: str | None = None) -> Draft:
    """A file given on the command line, by its suffix."""
    shown = str(path)
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm"):
        try:
            raw = _read_bounded(path, MAX_HTML_BYTES)
        except ArticleError as exc:
            raise AddError(str(exc)) from None
        return draft_from_html(raw, shown, published)
    if suffix not in TEXT_SUFFIXES:
        raise AddError(f"{shown}: not a .txt, .md or .html file")
    try:
        text = read_article(path, shown)
    except ArticleError as exc:
        raise AddError(str(exc)) from None
    if not published:
        raise AddError(f"{shown}: no --published date given; relative dates cannot resolve")
    return draft_from_text(text, shown, published)


def _read_bounded(path: Path, limit: int) -> bytes:
    if not path.is_file():
        raise ArticleError(f"{path}: not a regular file; not read")
    with path.open("rb") as fh:
        return fh.read(limit + 1)


def first_line(text: str) -> str:
    line = next((ln.strip() for ln in text.splitlines() if ln.strip()), "Untitled")
    return line.lstrip("#").strip()[:200] or "Untitled"


def finish(draft: Draft, name: str) -> Draft:
    """Validate a draft's table with the same rules as ``sources.toml`` on load."""
    table = dict(draft.table)
    for key in ("title", "outlet", "note", "published_note", "url"):
        if isinstance(table.get(key), str):
            table[key] = " ".join(table[key].split())[:500]
    url = table.get("url", "")
    if url and not url.lower().startswith(("http://", "https://")):
        raise AddError(f"{name}: the original link must start with http:// or https://")
    problems = validate_table({"file": "x.txt", **table})
    if problems:
        raise AddError(f"{name}: {'; '.join(problems)}")
    return Draft(draft.text, table)


# -- writing: atomic, locked -------------------------------------------------------------


@contextmanager
def folder_lock(seeds_dir: Path, timeout: float = LOCK_TIMEOUT_S) -> Iterator[None]:
    """Exclusive lock on the corpus folder; temporary files left by a killed save go."""
    try:
        handle = (seeds_dir / LOCK_FILE).open("a")
    except OSError as exc:
        raise AddError(f"cannot write to the corpus folder ({exc.strerror})") from None
    with handle:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise AddError("another save is in progress; try again in a moment") from None
                time.sleep(0.05)
        try:
            for left in seeds_dir.glob(TEMP_PREFIX + "*"):
                left.unlink(missing_ok=True)
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def write_atomic(target: Path, content: bytes) -> None:
    """Temporary file, fsync, rename: ``target`` is the old file or the new one."""
    temp = target.parent / f"{TEMP_PREFIX}{secrets.token_hex(6)}"
    try:
        with temp.open("xb") as fh:
            fh.write(content)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(temp, target)
        dir_fd = os.open(target.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise AddError(f"could not save {target.name} ({exc.strerror or exc}); nothing changed") from None


def _metadata_text(seeds_dir: Path) -> str:
    path = seeds_dir / METADATA_FILE
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return "# Metadata of the articles in this folder, one [[source]] table per file.\n"
    except (OSError, UnicodeDecodeError) as exc:
        raise AddError(f"{METADATA_FILE} cannot be read ({exc}); nothing changed") from None


def _next_id(ids: list[str]) -> str:
    numbers = [int(i) for i in ids if i.isdigit()]
    width = max([3, *(len(i) for i in ids if i.isdigit())])
    return f"{max(numbers, default=-1) + 1:0{width}d}"


def _removed_ids(seeds_dir: Path) -> list[str]:
    """The ids of the articles kept in ``removed/``: never given again, so a link to a
    removed article never opens another one, and moving it back restores it."""
    try:
        return [source_id(p.name) for p in (seeds_dir / REMOVED_DIR).iterdir() if p.is_file()]
    except OSError:  # no removed/ folder (nothing removed yet), or unreadable
        return []


def _same_text(entries, digest: str):
    """The listed article among ``entries`` whose text has this content hash, or None."""
    for entry in entries:
        try:
            if content_hash(read_article(entry.path, entry.shown)) == digest:
                return entry
        except ArticleError:
            continue
    return None


def already_in(draft: Draft, seeds_dir: Path) -> str | None:
    """The id of the article of the folder with the same text as ``draft``, or None: what
    the preview says before any save. Only files of the text's size are read (a preview at
    10,000 articles must not read them all); :func:`save` still compares every one."""
    size = len(draft.text.encode("utf-8"))
    same_size = [e for e in read_listing(seeds_dir).entries if _size(e.path) == size]
    entry = _same_text(same_size, content_hash(draft.text))
    return entry.source.id if entry is not None else None


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return -1


def save(draft: Draft, seeds_dir: Path) -> Saved:
    """Add ``draft`` to the folder, or find it there already (same content hash)."""
    digest = content_hash(draft.text)
    with folder_lock(seeds_dir):
        listing = read_listing(seeds_dir)
        same = _same_text(listing.entries, digest)
        if same is not None:
            return Saved(same.source.id, same.path.name, added=False)
        sid = _next_id([e.source.id for e in listing.entries] + _removed_ids(seeds_dir))
        filename = f"{sid}_{digest[:16]}.txt"
        table = {"file": filename, **draft.table}
        metadata = _metadata_text(seeds_dir).rstrip("\n") + "\n\n" + toml_table(table)
        try:
            write_atomic(seeds_dir / filename, draft.text.encode("utf-8"))
            write_atomic(seeds_dir / METADATA_FILE, metadata.encode("utf-8"))
        except AddError:
            (seeds_dir / filename).unlink(missing_ok=True)  # unlisted: take it back
            raise
    return Saved(sid, filename, added=True)


def _pieces_by_id(seeds_dir: Path, sid: str) -> tuple[list[tuple[int, str]], int, dict]:
    listing = read_listing(seeds_dir)
    entry = next((e for e in listing.entries if e.source.id == sid), None)
    if entry is None:
        raise AddError(f"no article {sid!r} in the corpus")
    pieces = split_tables(_metadata_text(seeds_dir))
    index = next(i for i, (line, _) in enumerate(pieces) if line == entry.line)
    return pieces, index, entry.table


def update_metadata(seeds_dir: Path, sid: str, changes: dict) -> dict:
    """Rewrite one article's table with ``changes`` (validated); returns the new table."""
    with folder_lock(seeds_dir):
        pieces, index, table = _pieces_by_id(seeds_dir, sid)
        new = {**table, **changes, "file": table["file"]}
        new = {k: v for k, v in new.items() if v not in (None, "")}
        finish(Draft("", {k: v for k, v in new.items() if k != "file"}), f"article {sid}")
        pieces[index] = (pieces[index][0], toml_table(new) + "\n")
        write_atomic(seeds_dir / METADATA_FILE, "".join(p for _, p in pieces).encode("utf-8"))
    return new


def remove(seeds_dir: Path, sid: str) -> Path:
    """Move an article and its table to ``removed/``; returns where the text went."""
    with folder_lock(seeds_dir):
        pieces, index, table = _pieces_by_id(seeds_dir, sid)
        aside = seeds_dir / REMOVED_DIR
        try:
            aside.mkdir(exist_ok=True)
        except OSError as exc:
            raise AddError(f"cannot create {REMOVED_DIR}/ ({exc.strerror}); nothing changed") from None
        source = seeds_dir / table["file"]
        target = aside / source.name
        if target.exists():
            target = aside / f"{source.stem}.{int(time.time())}{source.suffix}"
        kept = _metadata_text(aside) if (aside / METADATA_FILE).exists() else ""
        write_atomic(aside / METADATA_FILE, (kept + "\n" + pieces[index][1]).encode("utf-8"))
        del pieces[index]
        write_atomic(seeds_dir / METADATA_FILE, "".join(p for _, p in pieces).encode("utf-8"))
        try:
            os.replace(source, target)
        except OSError as exc:
            raise AddError(f"the article is unlisted but its file stays ({exc.strerror})") from None
    return target


# -- command line --------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    from data.corpus import load_corpus, seeds_dir_from_env  # noqa: PLC0415 - avoids a cycle
    from data.store import Store, store_path  # noqa: PLC0415

    parser = argparse.ArgumentParser(prog="python -m data.add", description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="+", metavar="PATH", help=".txt, .md or saved .html files")
    parser.add_argument("--published", metavar="DATE",
                        help="publication date (2021-03-16, 2021-03, '16 March 2021')")
    args = parser.parse_args(argv)
    folder = seeds_dir_from_env()
    refused = 0
    for raw in args.paths:
        try:
            saved = save(draft_from_file(Path(raw), args.published), folder)
        except AddError as exc:
            refused += 1
            print(f"refused: {exc}", file=sys.stderr)
            continue
        verb = "added" if saved.added else "already in the corpus"
        print(f"{verb}: {raw} as {saved.id} ({saved.filename})")
    # Extract the new articles now, so the dashboard finds them in the store.
    load_corpus(folder, Store(store_path(folder)))
    return 2 if refused else 0


if __name__ == "__main__":
    raise SystemExit(main())
