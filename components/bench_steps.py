"""Server CPU of a reader's step: ``python -m components.bench_steps --corpus DIR``.

A step (a filter changed, a page switched, an event picked) reruns the page script, and
what it costs the server at a large corpus is mostly the view's own work: counting its
events, the sidebar's facet counts, the chart, the event list. This loads the frames
once, then for a fixed sequence of views does that work *cold* (:mod:`components.memo`
and the masks the frames' index keeps emptied first, as for a view nobody has seen; what
is worked out once per frames is kept) and prints the CPU seconds of this process
(``time.process_time``, so other work on a shared machine does not skew them) of each
part, the least of ``--runs`` runs. Then *warm* steps that reuse a view seen before
(an event picked in it, a page switched back to it).

``--save FILE`` writes what each view computed (chart figures, lists, facet counts and
their order, counts) as JSON; ``--check FILE`` compares this code's with a saved file
and exits 1 on any difference: a faster version must compute exactly the same.

The frames are the folder's snapshot when it is current; otherwise they are built, which
writes the folder's extraction store and snapshot as a server start would: point it at a
copy of a corpus nobody else may have written. A benchmark: prints figures, exits 0.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

from components import cards, memo, state
from components.loader import read_frames, settle_heap
from data.filters import PARAMS, Filters, describe, figures_in_view
from data.frames import Frames

FACETED = [p.key for p in PARAMS if p.facet is not None]


def views(fr: Frames) -> dict[str, Filters]:
    """The fixed sequence of views: what readers do first."""
    return {
        "no filter": Filters(),
        "one company": Filters(company=fr.companies[:1]),
        "a regulator kind": Filters(kind=("Chinese regulator",)),
        "a date range": Filters(date_from=date(2021, 1, 1), date_to=date(2021, 12, 31)),
        "a text search": Filters(q="fine"),
        "group by regulator": Filters(group="regulator"),
    }


def page_parts(fr: Frames, f: Filters) -> dict[str, Callable[[], object]]:
    """What a run of the timeline page computes for view ``f``, part by part, in order
    (each part through the same memo the page uses)."""
    events = cards.ViewEvents(fr, f)
    return {
        "count": lambda: len(events),
        "statements": lambda: cards.view_statements(fr, f),
        "facets": lambda: state.facet_counts(fr, f),
        "chart": lambda: cards.view_chart(events, f.group),
        "list": lambda: cards.view_rows(events),
        "figures": lambda: figures_in_view(fr.figures_indexed, f),
        "sentence": lambda: describe(f, len(events)),
    }


def run_view(fr: Frames, f: Filters) -> tuple[dict[str, float], dict[str, object]]:
    """CPU seconds of each part of a page run for ``f``, and what each part returned."""
    seconds, results = {}, {}
    for name, part in page_parts(fr, f).items():
        start = time.process_time()
        results[name] = part()
        seconds[name] = time.process_time() - start
    return seconds, results


def outputs(results: dict[str, object]) -> dict[str, object]:
    """What a view computed, as plain JSON values (compared by ``--check``)."""
    chart, rows = results["chart"], results["list"]
    return {
        "count": results["count"],
        "sentence": results["sentence"],
        "statements": results["statements"]["id"].tolist(),
        "facets": {
            key: {"order": [[str(v), int(n)] for v, n in counts.items()],
                  "index": str(counts.index.dtype), "name": str(counts.name)}
            for key, counts in results["facets"].items()
        },  # fmt: skip
        "chart": {
            "figure": json.loads(chart.figure.to_json()),
            "summary": chart.summary, "period": chart.period, "far": chart.far,
            "ahead": chart.ahead,
        },  # fmt: skip
        "list": {
            "frame": json.loads(rows.to_json(orient="split", date_format="iso")),
            "dtypes": {c: str(t) for c, t in rows.dtypes.items()},
            "attrs": dict(rows.attrs),
        },
        "figures": results["figures"]["id"].tolist(),
    }


def differences(saved: dict, now: dict, path: str = "") -> list[str]:
    """Where two JSON values differ (the first few places)."""
    if type(saved) is not type(now):
        return [f"{path or '/'}: {type(saved).__name__} -> {type(now).__name__}"]
    if isinstance(saved, dict):
        out = [f"{path}/{k}: only in one" for k in saved.keys() ^ now.keys()]
        for k in saved.keys() & now.keys():
            out += differences(saved[k], now[k], f"{path}/{k}")
        return out
    if isinstance(saved, list):
        if len(saved) != len(now):
            return [f"{path}: {len(saved)} items -> {len(now)}"]
        out = []
        for i, (a, b) in enumerate(zip(saved, now, strict=True)):
            out += differences(a, b, f"{path}[{i}]")
            if len(out) > 5:
                break
        return out
    return [] if saved == now else [f"{path}: {saved!r:.80} -> {now!r:.80}"]


def _row(label: str, seconds: dict[str, float]) -> str:
    parts = " ".join(f"{k} {v * 1000:5.0f}" for k, v in seconds.items())
    return f"{label:<28} {parts}  | total {sum(seconds.values()) * 1000:6.0f} ms"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", required=True, help="the corpus folder (see above)")
    parser.add_argument("--runs", type=int, default=3, help="runs per view; the least is shown")
    parser.add_argument("--save", help="write what each view computed to this JSON file")
    parser.add_argument("--check", help="compare what each view computes with this file")
    args = parser.parse_args(argv)

    start = time.process_time()
    fr = read_frames(str(Path(args.corpus)))
    settle_heap()  # as the server does once the frames are read (no full walks of them)
    print(f"frames of {args.corpus}: {len(fr.events):,} dated events, {len(fr.statements):,}"
          f" undated statements ({time.process_time() - start:.1f} s CPU to read)")  # fmt: skip
    start = time.process_time()
    for key in FACETED:
        fr.indexed.coded(key)
        fr.statements_indexed.coded(key)
    for key in ("company", "source"):
        fr.figures_indexed.coded(key)
    fr.reports  # noqa: B018 - worked out on first use
    print(f"worked out once per frames (their index and reports; the first view pays it, or"
          f" the warm-up): {(time.process_time() - start) * 1000:.0f} ms")  # fmt: skip
    print("CPU ms per part of a page run, each view cold (nothing remembered), least of"
          f" {args.runs} runs:")  # fmt: skip
    computed, total = {}, 0.0
    for label, f in views(fr).items():
        best: dict[str, float] = {}
        for _ in range(max(1, args.runs)):
            memo.forget(fr)
            fr.indexed.forget()
            fr.statements_indexed.forget()
            fr.figures_indexed.forget()
            seconds, results = run_view(fr, f)
            best = {k: min(v, best.get(k, v)) for k, v in seconds.items()}
        computed[label] = outputs(results)
        total += sum(best.values())
        print(_row(f"{label} ({results['count']:,})", best), flush=True)
    print(f"{'all six views, cold':<28} {total * 1000:.0f} ms")

    # Warm: the view "one company" seen, then an event of it picked, then the page reran.
    company = views(fr)["one company"]
    memo.forget(fr)
    fr.indexed.forget()
    fr.statements_indexed.forget()
    run_view(fr, company)
    event = cards.view_rows(cards.ViewEvents(fr, company))["id"].iloc[0]
    for label, f in (("an event picked in it", replace(company, event=event)),
                     ("the same view again", company)):  # fmt: skip
        seconds, _ = run_view(fr, f)
        print(_row(f"warm: {label}", seconds), flush=True)

    if args.save:
        Path(args.save).write_text(json.dumps(computed), encoding="utf-8")
        print(f"what each view computed: written to {args.save}")
    if args.check:
        saved = json.loads(Path(args.check).read_text(encoding="utf-8"))
        found = differences(saved, json.loads(json.dumps(computed)))
        print(f"compared with {args.check}: " + ("identical" if not found else "DIFFERENT"))
        for line in found[:20]:
            print("  " + line)
        return 1 if found else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
