"""The corpus: every article in a folder with its metadata and extraction.

``load_corpus()`` is the one call the UI makes (through one cached loader).
The folder is ``seeds/`` unless the environment variable
``CRACKDOWN_SEEDS`` names another (benchmarks use a generated corpus).
Unreadable articles, bad metadata tables and dangerous paths become entries
of ``Corpus.problems`` (naming files relative to the folder, never by an
absolute path); they never stop the others from loading.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from data.extract import extract_text
from data.records import Corpus
from data.sources import (
    METADATA_FILE,
    SEEDS_DIR,
    ArticleError,
    quoted_passages,
    read_article,
    read_listing,
    shown_name,
)

log = logging.getLogger("crackdown")


def seeds_dir_from_env() -> Path:
    value = os.environ.get("CRACKDOWN_SEEDS")
    return Path(value) if value else SEEDS_DIR


def load_corpus(seeds_dir: Path | None = None) -> Corpus:
    seeds_dir = seeds_dir or seeds_dir_from_env()
    listing = read_listing(seeds_dir)
    problems = list(listing.problems)
    sources, texts, events, statements, figures = {}, {}, [], [], []
    for entry in listing.entries:
        source = entry.source
        try:
            text = read_article(entry.path, entry.shown)
            quoted = quoted_passages(entry.table, text)
            result = extract_text(
                text, source.published, source.id,
                precision=source.published_precision, quoted=quoted,
            )
        except ArticleError as exc:
            problems.append(str(exc))
            continue
        except ValueError as exc:
            problems.append(f"{entry.shown}: {exc}; not loaded")
            continue
        except Exception as exc:  # one article the extractor cannot handle costs only itself
            log.exception("extracting %s failed", entry.shown)
            problems.append(f"{entry.shown}: could not be extracted ({type(exc).__name__})")
            continue
        sources[source.id] = source
        texts[source.id] = text
        events.extend(result.events)
        statements.extend(result.statements)
        figures.extend(result.figures)
    listed = {e.path.name for e in listing.entries} | listing.named
    for path in sorted(seeds_dir.glob("*.txt")):
        if path.name not in listed:
            problems.append(
                f"{shown_name(seeds_dir, path.name)}: no entry in "
                f"{shown_name(seeds_dir, METADATA_FILE)}; not loaded"
            )
    return Corpus(
        sources=sources,
        texts=texts,
        events=tuple(events),
        statements=tuple(statements),
        figures=tuple(figures),
        problems=tuple(problems),
    )
