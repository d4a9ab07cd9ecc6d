"""Reading article files and their metadata (``seeds/sources.toml``).

Every problem (a missing file, a binary or non-UTF-8 file, a bad date in the
metadata) becomes a one-line message naming the file; nothing raises to the
caller and the other articles still load.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from data.records import Source

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


def read_article(path: Path) -> str:
    """Read one article as UTF-8 text or raise :class:`ArticleError`."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ArticleError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if len(raw) > MAX_ARTICLE_BYTES:
        raise ArticleError(f"{path}: too large ({len(raw):,} bytes; at most {MAX_ARTICLE_BYTES:,})")
    if b"\x00" in raw:
        raise ArticleError(f"{path}: binary file (contains NUL bytes), not an article")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ArticleError(f"{path}: not UTF-8 text (bad byte at offset {exc.start})") from None
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise ArticleError(f"{path}: empty file, no text to extract")
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
        published, precision = parse_published(q["published"])
        passages.append(
            QuotedPassage(start, last + len(q["last"]), published, precision, q.get("note", ""))
        )
    return tuple(passages)


def source_from_entry(entry: dict) -> Source:
    published, precision = parse_published(entry["published"])
    filename = entry["file"]
    return Source(
        id=filename.split("_", 1)[0].removesuffix(".txt"),
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


def load_metadata(seeds_dir: Path = SEEDS_DIR) -> tuple[list[dict], list[str]]:
    """Return the metadata entries and problems found reading them."""
    path = seeds_dir / METADATA_FILE
    try:
        doc = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return [], [f"{path}: cannot read the article metadata ({exc})"]
    return list(doc.get("source", [])), []
