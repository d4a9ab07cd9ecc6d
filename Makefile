# Two commands for a new user: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8501

.PHONY: run test lint bench clean

$(VENV)/.installed: requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

run: $(VENV)/.installed
	$(PY) -m streamlit run serve.py --server.headless true --server.address 127.0.0.1 --server.port $(PORT)

test: $(VENV)/.installed
	$(PY) -m ruff check .
	$(PY) -m pytest -n auto --dist loadfile

lint: $(VENV)/.installed
	$(PY) -m ruff check .

bench: $(VENV)/.installed
	$(PY) -m data.bench
	$(PY) -m tests.browser.bench_dashboard
	$(PY) -m tests.browser.load_visitors
	$(PY) -m tests.browser.bench_large

clean:
	rm -rf $(VENV) .pytest_cache
