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
    assert {key[0] for key in prepared} == {"count", "facets", "chart", "list"}
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
