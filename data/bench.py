"""Extraction benchmark: ``python -m data.bench [--articles 1000] [--baseline 40]``.

Prints, for a generated corpus of shifted copies of the seeds (``data.synth``):

Times are CPU seconds of this process (``time.process_time``), so other work
on the machine does not skew the comparison.

* our extraction (``load_corpus``): articles per second and peak memory
  (``tracemalloc``, measured in a second pass so it does not slow the timing);
* dateparser's ``search_dates`` over the same texts, on the first
  ``--baseline`` articles (it is slow; the rate is per article, so the two
  throughputs compare directly), and the ratio;
* the five seeds alone: wall time of ``load_corpus`` in this process.

A benchmark, not a test: it prints figures and exits 0.
"""

from __future__ import annotations

import argparse
import tempfile
import time
import tracemalloc
import warnings
from datetime import date
from pathlib import Path

from data.corpus import load_corpus
from data.extract import extract_text
from data.sources import SEEDS_DIR, load_metadata, read_article
from data.synth import generate


def _timed(fn, *args):
    """(result, CPU seconds of this process): robust to other work on the machine."""
    start = time.process_time()
    result = fn(*args)
    return result, time.process_time() - start


def _peak_mib(fn, *args) -> float:
    tracemalloc.start()
    try:
        fn(*args)
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def _texts(folder: Path) -> list[str]:
    entries, _ = load_metadata(folder)
    return [read_article(folder / e["file"]) for e in entries]


def _extract_all(texts: list[str]) -> int:
    anchor = date(2021, 3, 16)
    return sum(len(extract_text(text, anchor, "bench").events) for text in texts)


def _search_dates_all(texts: list[str]) -> int:
    from dateparser.search import search_dates

    found = 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for text in texts:
            found += len(search_dates(text, languages=["en"]) or [])
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m data.bench", description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--baseline", type=int, default=100,
                        help="articles given to dateparser's search_dates (default 100)")
    parser.add_argument("--runs", type=int, default=3, help="best of this many runs (default 3)")
    args = parser.parse_args(argv)

    # Warm-up: imports, compiled patterns, the gazetteer.
    _, seeds_cold = _timed(load_corpus, SEEDS_DIR)
    seeds_runs = [_timed(load_corpus, SEEDS_DIR)[1] for _ in range(5)]
    print(f"five seeds: first load {seeds_cold:.3f} s (includes compiling patterns), "
          f"then median {sorted(seeds_runs)[2]:.3f} s")

    with tempfile.TemporaryDirectory(prefix="crackdown-bench-") as tmp:
        folder = Path(tmp)
        generate(folder, args.articles)
        texts = _texts(folder)
        size = sum(len(t) for t in texts)
        corpus, loading = _timed(load_corpus, folder)
        peak = _peak_mib(load_corpus, folder)
        print(f"corpus: {len(texts)} articles, {size / 1e6:.1f} M characters; "
              f"{len(corpus.events)} events, {len(corpus.statements)} undated statements, "
              f"{len(corpus.figures)} figures")
        print(f"load_corpus:   {loading:8.2f} s  {len(texts) / loading:9.1f} articles/s  "
              f"peak {peak:.1f} MiB (tracemalloc); reads files and metadata too")
        # Like for like with search_dates: the same in-memory texts, one anchor date;
        # each side's best of --runs, the usual way to read a noisy machine.
        ours = min(_timed(_extract_all, texts)[1] for _ in range(args.runs))
        ours_rate = len(texts) / ours
        print(f"extract_text:  {ours:8.2f} s  {ours_rate:9.1f} articles/s  (texts in memory, "
              f"best of {args.runs})")

        sample = texts[: args.baseline]
        _search_dates_all(sample[:1])  # warm-up: dateparser's own imports and caches
        found = _search_dates_all(sample)
        base = min(_timed(_search_dates_all, sample)[1] for _ in range(args.runs))
        base_rate = len(sample) / base
        base_peak = _peak_mib(_search_dates_all, sample[:5])
        print(f"search_dates:  {base:8.2f} s  {base_rate:9.1f} articles/s  "
              f"(best of {args.runs}) peak {base_peak:.1f} MiB on 5 articles; on {len(sample)} "
              f"articles, {found} 'dates' found")
        print(f"throughput ratio: {ours_rate / base_rate:.1f}x search_dates (extract_text vs "
              f"search_dates on the same texts; target >= 10x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
