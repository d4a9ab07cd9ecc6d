"""The command line: ``python -m data`` (or ``python -m data.extract``).

    python -m data.extract [--published YYYY-MM-DD] [PATH ...]

prints ``{"events": [...], "figures": [...], "statements": [...]}``, each record
as ``data.records.record_dict`` gives it. Without PATHs it extracts the corpus
(``data.corpus.load_corpus``). A file that cannot be read, or a bad
``--published``, is a one-line message on stderr and exit status 2; the other
files still come out.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from data.corpus import load_corpus
from data.extract import extract_text
from data.sources import ArticleError, parse_published, read_article


def _extract_paths(paths: list[str], published: date | None):
    results, errors = [], []
    for raw in paths:
        path = Path(raw)
        try:
            text = read_article(path)
        except ArticleError as exc:
            errors.append(str(exc))
            continue
        if published is None:
            errors.append(f"{path}: no --published date given; relative dates cannot resolve")
            continue
        results.append(extract_text(text, published, path.stem))
    return results, errors


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m data.extract",
        description="Extract dated events and money figures as JSON.",
    )
    parser.add_argument("--published", metavar="YYYY-MM-DD",
                        help="publication date of the PATHs (anchors relative dates)")
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="article text files (default: the corpus in seeds/)")
    args = parser.parse_args(argv)
    errors: list[str] = []
    published = None
    if args.published is not None:
        try:
            published, _ = parse_published(args.published)
        except ValueError as exc:
            errors.append(f"--published: {exc}")
    if args.paths:
        results, more = _extract_paths(args.paths, published)
        errors.extend(more)
        events = [e for r in results for e in r.events]
        statements = [e for r in results for e in r.statements]
        figures = [f for r in results for f in r.figures]
    else:
        corpus = load_corpus()
        errors.extend(corpus.problems)
        events, statements, figures = corpus.events, corpus.statements, corpus.figures
    out = {
        "events": [e.to_dict() for e in events],
        "figures": [f.to_dict() for f in figures],
        "statements": [e.to_dict() for e in statements],
    }
    json.dump(out, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    for message in errors:
        print(f"error: {message}", file=sys.stderr)
    return 2 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
