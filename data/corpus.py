"""The corpus: every article in a folder with its metadata and extraction.

``load_corpus()`` is the one call the UI makes (through one cached loader).
The folder is ``seeds/`` unless the environment variable
``CRACKDOWN_SEEDS`` names another (benchmarks use a generated corpus).
Unreadable articles become entries of ``Corpus.problems``; they never stop
the others from loading.
"""

from __future__ import annotations

import os
from pathlib import Path

from data.extract import extract_text
from data.records import Corpus
from data.sources import (
    SEEDS_DIR,
    ArticleError,
    load_metadata,
    quoted_passages,
    read_article,
    source_from_entry,
)


def seeds_dir_from_env() -> Path:
    value = os.environ.get("CRACKDOWN_SEEDS")
    return Path(value) if value else SEEDS_DIR


def load_corpus(seeds_dir: Path | None = None) -> Corpus:
    seeds_dir = seeds_dir or seeds_dir_from_env()
    entries, problems = load_metadata(seeds_dir)
    sources, texts, events, statements, figures = {}, {}, [], [], []
    listed = set()
    for entry in entries:
        path = seeds_dir / str(entry.get("file", ""))
        listed.add(path.name)
        try:
            source = source_from_entry(entry)
            text = read_article(path)
            quoted = quoted_passages(entry, text)
        except (ArticleError, KeyError, ValueError, TypeError) as exc:
            problems.append(str(exc) if isinstance(exc, ArticleError) else f"{path}: {exc}")
            continue
        result = extract_text(
            text, source.published, source.id,
            precision=source.published_precision, quoted=quoted,
        )
        sources[source.id] = source
        texts[source.id] = text
        events.extend(result.events)
        statements.extend(result.statements)
        figures.extend(result.figures)
    for path in sorted(seeds_dir.glob("*.txt")):
        if path.name not in listed:
            problems.append(f"{path}: no entry in {seeds_dir / 'sources.toml'}; not loaded")
    return Corpus(
        sources=sources,
        texts=texts,
        events=tuple(events),
        statements=tuple(statements),
        figures=tuple(figures),
        problems=tuple(problems),
    )
