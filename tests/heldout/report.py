"""Score the extractor on the held-out articles in ``tests/heldout/``.

Run ``python -m tests.heldout.report`` from the project root. The articles in
``articles/`` were written for the tests (realistic news and opinion pieces about
real events of the 2020-2023 crackdown) and nobody tuned the extractor on them;
``expected/NNN.json`` are their hand-checked lists in the format and under the
rules of ``tests/golden/README.md``. Scoring is the seeds' own code
(``tests.golden_report``); only the bar is looser, because the text is unseen:
exact recall >= 0.85, spurious < 0.15, every figure with its USD value.
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

from tests.golden_report import (
    COMPANIES,
    REGULATORS,
    Report,
    article_text,
    load_golden,
    score,
    validate_golden,
)

HELDOUT_DIR = Path(__file__).resolve().parent
GAZETTEER = HELDOUT_DIR.parent.parent / "data" / "gazetteer.toml"

RECALL_MIN = 0.85
SPURIOUS_MAX = 0.15  # strictly below


def canonical_names() -> tuple[frozenset[str], frozenset[str]]:
    """Company and actor display names: the seeds' lists plus the gazetteer's."""
    doc = tomllib.loads(GAZETTEER.read_text(encoding="utf-8"))
    companies = COMPANIES | {c["name"] for c in doc.get("company", [])}
    actors = REGULATORS | {a["name"] for a in doc.get("actor", [])}
    return frozenset(companies), frozenset(actors)


def load_expected(batch: Path = HELDOUT_DIR) -> list[dict]:
    return load_golden(batch / "expected")


def problems(expected: list[dict] | None = None, batch: Path = HELDOUT_DIR) -> list[str]:
    """Every problem with the expected lists themselves (empty when sound)."""
    companies, actors = canonical_names()
    return [p for g in (expected if expected is not None else load_expected(batch))
            for p in validate_golden(g, article_text(g["source"], batch / "articles"),
                                     companies, actors)]


def run(batch: Path = HELDOUT_DIR) -> Report:
    """Extract a held-out folder (``articles/`` beside ``expected/``) as a user would, and score it."""
    from data.corpus import load_corpus

    corpus = load_corpus(batch / "articles")
    if corpus.problems:
        raise RuntimeError("held-out corpus did not load cleanly:\n" + "\n".join(corpus.problems))
    report = score(corpus, load_expected(batch))
    report.recall_min, report.spurious_max = RECALL_MIN, SPURIOUS_MAX
    return report


def passes(report: Report) -> bool:
    return (report.recall_exact >= RECALL_MIN and report.spurious_rate < SPURIOUS_MAX
            and not report.figure_misses and not report.not_event_hits)


def main(argv: list[str] | None = None) -> int:
    """``python -m tests.heldout.report [BATCH]``: BATCH is a folder under tests/heldout/
    holding ``articles/`` and ``expected/`` (default: the held-out set itself)."""
    args = sys.argv[1:] if argv is None else argv
    batch = HELDOUT_DIR / args[0] if args else HELDOUT_DIR
    found = problems(batch=batch)
    if found:
        print("expected lists have problems:\n" + "\n".join(found))
        return 1
    report = run(batch)
    print(report.text())
    return 0 if passes(report) else 1


if __name__ == "__main__":
    sys.exit(main())
