"""The reader-step benchmark runs, and its check tells a changed result from the same one."""

from __future__ import annotations

import json

from components import bench_steps
from data.frames import build_frames
from tests.test_app_pages import synthetic_corpus


def test_the_benchmark_saves_what_views_compute_and_checks_it(tmp_path, monkeypatch, capsys):
    fr = build_frames(synthetic_corpus())
    monkeypatch.setattr(bench_steps, "read_frames", lambda folder: fr)
    saved = tmp_path / "views.json"
    assert bench_steps.main(["--corpus", "x", "--runs", "1", "--save", str(saved)]) == 0
    assert bench_steps.main(["--corpus", "x", "--runs", "1", "--check", str(saved)]) == 0
    assert "identical" in capsys.readouterr().out
    views = json.loads(saved.read_text())
    assert set(views) == set(bench_steps.views(fr))
    assert views["one company"]["count"] < views["no filter"]["count"]
    views["one company"]["facets"]["company"]["order"].reverse()
    views["no filter"]["chart"]["figure"]["data"][0]["x"][0] = "1999-01-01"
    saved.write_text(json.dumps(views))
    assert bench_steps.main(["--corpus", "x", "--runs", "1", "--check", str(saved)]) == 1
    out = capsys.readouterr().out
    assert "DIFFERENT" in out
    assert "/one company/facets/company/order" in out
    assert "/no filter/chart/figure/data[0]/x[0]" in out
