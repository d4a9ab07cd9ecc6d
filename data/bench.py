"""Extraction benchmark: ``python -m data.bench [--articles 1000] [--baseline 100] [--rounds 20]``.

Prints, for a generated corpus of shifted copies of the seeds (``data.synth``):

Times are CPU seconds of this process (``time.process_time``), so other work
on the machine does not skew the comparison.

* our extraction (``load_corpus``): articles per second and peak memory
  (``tracemalloc``, measured in a second pass so it does not slow the timing);
* ``extract_text`` beside dateparser's ``search_dates`` over the same in-memory
  texts, measured side by side in interleaved rounds: each round extracts the
  next ``articles / rounds`` articles, then gives the next ``baseline / rounds``
  of the first ``baseline`` to ``search_dates`` (it is slow; the rate is per
  article, so the two throughputs compare directly). The machine's speed drifts
  over a minute (other work on the host); each round's ratio is read in one
  state of it, and the median round's is the figure (the lowest and highest are
  printed too). A round's blocks are whole cycles of the seeds, so each holds
  the same mix of articles;
* the five seeds alone: wall time of ``load_corpus`` in this process.

A benchmark, not a test: it prints figures and exits 0.
"""

from __future__ import annotations

import argparse
import statistics
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


def _blocks(items: list, rounds: int) -> list[list]:
    """``items`` cut into ``rounds`` consecutive blocks of equal size (the rest dropped)."""
    size = len(items) // rounds
    return [items[i * size : (i + 1) * size] for i in range(rounds)]


def interleaved(ours: list[str], theirs: list[str], rounds: int) -> list[tuple[float, float]]:
    """(extract_text's seconds, search_dates's seconds) of each round: a block of ``ours``
    extracted, then a block of ``theirs`` searched, one round after another."""
    out = []
    for mine, base in zip(_blocks(ours, rounds), _blocks(theirs, rounds), strict=True):
        out.append((_timed(_extract_all, mine)[1], _timed(_search_dates_all, base)[1]))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m data.bench", description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--baseline", type=int, default=100,
                        help="articles given to dateparser's search_dates (default 100)")
    parser.add_argument("--rounds", type=int, default=20,
                        help="interleaved rounds of the two (default 20; blocks of 50 and 5 articles)")
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

        sample = texts[: args.baseline]
        _search_dates_all(sample[:1])  # warm-up: dateparser's own imports and caches
        found = _search_dates_all(sample)
        base_peak = _peak_mib(_search_dates_all, sample[:5])
        rounds = interleaved(texts, sample, args.rounds)
        mine_n, base_n = len(texts) // args.rounds, len(sample) // args.rounds
        ours, base = sum(a for a, _ in rounds), sum(b for _, b in rounds)
        ratios = sorted((mine_n / a) / (base_n / b) for a, b in rounds)
        print(f"extract_text:  {ours:8.2f} s  {mine_n * args.rounds / ours:9.1f} articles/s  "
              f"(texts in memory)")
        print(f"search_dates:  {base:8.2f} s  {base_n * args.rounds / base:9.1f} articles/s  "
              f"peak {base_peak:.1f} MiB on 5 articles; on {len(sample)} articles, "
              f"{found} 'dates' found")
        print(f"throughput ratio: {statistics.median(ratios):.1f}x search_dates, the median of {len(ratios)} "
              f"interleaved rounds ({mine_n} and {base_n} articles each; lowest {ratios[0]:.1f}x, "
              f"highest {ratios[-1]:.1f}x; target >= 10x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
