"""The server's start-up warm-up (``serve.py``, ``components.warmup``): it prepares exactly
what the first page asks for, and ``streamlit run serve.py`` finds the app."""

from __future__ import annotations

import logging
from pathlib import Path

from streamlit.testing.v1 import AppTest
from streamlit.web.server.app_discovery import discover_asgi_app

from components import loader, memo, warmup
from tests.test_app_pages import APP, synthetic  # noqa: F401 - fixture

ROOT = Path(__file__).resolve().parent.parent


def test_the_warm_up_prepares_every_view_value_the_first_page_asks_for(synthetic):  # noqa: F811
    warmup.warm()
    fr = loader.frames()
    prepared = dict(memo._tables[id(fr)])
    assert {key[0] for key in prepared} == {"count", "real count", "facets", "chart", "list"}
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception
    assert loader.frames() is fr  # the page read the frames the warm-up read
    asked = memo._tables[id(fr)]
    assert set(asked) == set(prepared)  # the page built nothing new...
    assert all(asked[key] is value for key, value in prepared.items())  # ...nor again


def test_the_warm_up_thread_runs_without_a_misleading_warning(synthetic, caplog):  # noqa: F811
    with caplog.at_level(logging.WARNING):
        warmup.start().join(60)
    assert memo._tables.get(id(loader.frames()))
    assert not [r.getMessage() for r in caplog.records if "ScriptRunContext" in r.getMessage()]


def test_streamlit_run_serve_py_serves_the_app_through_its_lifespan():
    found = discover_asgi_app(ROOT / "serve.py")
    assert found.is_asgi_app
    assert found.import_string == "serve:app"
    assert not discover_asgi_app(ROOT / "app.py").is_asgi_app  # app.py stays the router
    from serve import app  # noqa: PLC0415

    assert app._user_lifespan is warmup.lifespan
    assert Path(app._script_path).name == "app.py"


def test_after_the_warm_up_an_added_article_imports_nothing(tmp_path):
    """A server started from the snapshot (written by an earlier one) never extracts, so
    the extraction (its patterns compiled: about a second) was imported by the first
    article added, on that editor's time; the warm-up imports it once the first view is
    ready."""
    import shutil  # noqa: PLC0415
    import subprocess  # noqa: PLC0415
    import sys  # noqa: PLC0415

    from data.sources import SEEDS_DIR  # noqa: PLC0415

    folder = tmp_path / "corpus"
    shutil.copytree(SEEDS_DIR, folder, ignore=shutil.ignore_patterns(".crackdown-store*"))
    script = """
import sys
from pathlib import Path
from components import loader, warmup
warmup.warm()
before = set(sys.modules)
folder = Path(sys.argv[1])
(folder / "005_new.txt").write_text("On Friday, SAMR fined Tencent.", encoding="utf-8")
with (folder / "sources.toml").open("a", encoding="utf-8") as fh:
    fh.write('\\n[[source]]\\nfile = "005_new.txt"\\npublished = "2021-03-16"\\n')
assert "005" in loader.frames().source_ids
print(sorted(m for m in set(sys.modules) - before if m.startswith("data")))
"""
    env = {**__import__("os").environ, "CRACKDOWN_SEEDS": str(folder),
           "CRACKDOWN_SNAPSHOT_KEY": str(tmp_path / "snapshot.key")}  # fmt: skip
    first = "from components import loader; loader.read_frames(''); loader.wait_for_snapshots()"
    subprocess.run([sys.executable, "-c", first], cwd=ROOT, env=env, check=True, timeout=120)
    done = subprocess.run([sys.executable, "-c", script, str(folder)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().splitlines()[-1] == "[]", done.stdout


def test_work_no_page_waits_for_waits_until_no_page_has_run_for_a_while():
    import threading  # noqa: PLC0415
    import time  # noqa: PLC0415

    warmup.note_run()
    began = time.monotonic()
    threading.Timer(0.2, warmup.note_run).start()  # a visitor's page runs meanwhile
    warmup.wait_until_quiet(quiet_s=0.3, poll_s=0.02)
    assert time.monotonic() - began >= 0.5  # 0.3 s of quiet after that run
    began = time.monotonic()
    warmup.note_run()
    warmup.wait_until_quiet(quiet_s=60, poll_s=0.02, limit_s=0.2)  # never quiet: a limit
    assert time.monotonic() - began < 5


def test_a_page_run_is_noted(synthetic):  # noqa: F811
    before = warmup._last_run[0]
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception
    assert warmup._last_run[0] > before


def test_the_warm_up_waits_before_it_reads_or_imports_anything(synthetic, monkeypatch):  # noqa: F811
    """A browser opened with the server loads the page meanwhile: a read of the frames, or
    only the loader's import, done at once made that browser's first chart 0.5-1.2 s later
    at 124,304 events (starts in turns); the warm-up waits :data:`warmup.DELAY_S` first."""
    import time  # noqa: PLC0415
    from types import SimpleNamespace  # noqa: PLC0415

    order = []
    real_frames = loader.frames
    monkeypatch.setattr(loader, "frames", lambda: order.append("read") or real_frames())
    monkeypatch.setattr(warmup, "time", SimpleNamespace(
        monotonic=time.monotonic,
        sleep=lambda s: order.append(f"wait {s > 0}")))  # fmt: skip
    monkeypatch.setattr(warmup, "prepare_first_view", lambda fr: order.append("view"))
    monkeypatch.setattr(warmup, "wait_until_quiet", lambda: order.append("quiet"))
    monkeypatch.setattr(warmup, "prepare_for_changes", lambda: order.append("changes"))
    warmup.warm(delay_s=60)
    assert order == ["wait True", "read", "view", "quiet", "changes"]
