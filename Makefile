# Parley: `make run` sets up the runtime (requirements.lock) and serves the app; `make test` adds
# the test tools (requirements-dev.lock) and runs the whole suite.
SHELL := /bin/bash
.SHELLFLAGS := -eo pipefail -c
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run setup install install-dev migrate demo test lint check pytest test-pg test-redis bench clean lock test-browser bench-timeline

run: setup
	@echo ""
	@echo "  Parley is running at http://$(HOST):$(PORT)/"
	@echo "  Editors log in at   http://$(HOST):$(PORT)/admin/  as  editor / parley-demo-editor"
	@echo ""
	$(PY) manage.py runserver $(HOST):$(PORT)

setup: install migrate demo

install: $(STAMP)

# The runtime only (what `make run` needs). The venv is rebuilt when its Python is not >= 3.12.
$(STAMP): requirements.lock pyproject.toml bin/find-python
	@if [ -x $(PY) ] && ! $(PY) -c 'import sys; sys.exit(sys.version_info < (3, 12))'; then rm -rf $(VENV); fi
	@if [ ! -x $(PY) ]; then py=$$(bin/find-python) && echo "Using $$py" && $$py -m venv $(VENV); fi
	$(PY) -m pip install --quiet --require-hashes --no-deps -r requirements.lock 2>&1 | { grep -v "is ignored: it is neither" || true; }
	$(PY) -m pip check
	$(PY) -c "from articles.extraction.model import load_model; m = load_model('en_core_web_sm').meta; print('spaCy model:', m['name'], m['version'])"
	@touch $(STAMP)

# The runtime plus the test tools (pytest, Playwright, ruff, hypothesis...): `make test` and CI.
install-dev: $(DEV_STAMP)

$(DEV_STAMP): $(STAMP) requirements-dev.lock
	$(PY) -m pip install --quiet --require-hashes --no-deps -r requirements-dev.lock 2>&1 | { grep -v "is ignored: it is neither" || true; }
	$(PY) -m pip check
	@touch $(DEV_STAMP)

migrate: install
	@mkdir -p var
	$(PY) manage.py migrate --no-input

demo: migrate
	$(PY) manage.py load_demo

lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

check: install-dev
	$(PY) manage.py check --fail-level WARNING
	$(PY) manage.py makemigrations --check --dry-run

# Browser tests run in a pytest process of their own: Playwright's event loop stays alive for
# the whole session, and Django refuses synchronous database calls beside a running loop.
pytest: install-dev
	$(VENV)/bin/pytest -q -m "not browser" $(PYTEST_ARGS)
	$(VENV)/bin/pytest -q -m browser tests/browser $(PYTEST_ARGS)

test: lint check pytest

# The same suite on PostgreSQL (CI runs it; needs a server on 127.0.0.1:5432, trust auth).
PG_URL ?= postgres://postgres@127.0.0.1:5432/parley
test-pg: install-dev
	@pg_isready -h 127.0.0.1 -p 5432 >/dev/null 2>&1 || $(PY) -c "import psycopg; psycopg.connect('$(PG_URL)'.rsplit('/', 1)[0] + '/postgres', connect_timeout=5).close()" \
		|| { echo "PostgreSQL is not reachable at 127.0.0.1:5432" >&2; exit 1; }
	DATABASE_URL=$(PG_URL) $(VENV)/bin/pytest -q --create-db -m "not browser" $(PYTEST_ARGS)
	DATABASE_URL=$(PG_URL) $(VENV)/bin/pytest -q --create-db -m browser tests/browser $(PYTEST_ARGS)

# The page-cache tests against Redis (CI runs them; needs a server on 127.0.0.1:6379). They
# empty the Redis database they use: pick a spare one with REDIS_TEST_URL.
REDIS_TEST_URL ?= redis://127.0.0.1:6379/15
test-redis: install-dev
	@redis-cli -u $(REDIS_TEST_URL) ping >/dev/null 2>&1 || { echo "Redis is not reachable at $(REDIS_TEST_URL)" >&2; exit 1; }
	REDIS_URL=$(REDIS_TEST_URL) $(VENV)/bin/pytest -q $(if $(DATABASE_URL),--create-db) tests/timeline/test_caching.py $(PYTEST_ARGS)

# Benchmarks (never tests): pipeline throughput against the bare model, then the timeline page.
bench: install
	$(PY) bench/pipeline_bench.py
	$(PY) bench/timeline_bench.py

# Re-resolve the pinned dependencies (with hashes) after editing pyproject.toml: the runtime,
# then the test tools constrained to the same runtime versions.
LOCK_FLAGS := --generate-hashes --python-version 3.12 --python-platform x86_64-manylinux_2_28
lock:
	$(PY) -m pip install --quiet uv
	$(VENV)/bin/uv pip compile pyproject.toml $(LOCK_FLAGS) -o requirements.lock
	$(VENV)/bin/uv pip compile pyproject.toml --extra dev --constraint requirements.lock \
		$(LOCK_FLAGS) -o requirements-dev.lock

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache

# Browser tests only (pytest-playwright on Debian chromium: `apt-get install chromium`).
test-browser: install-dev
	@test -x /usr/bin/chromium || { echo "Install Debian chromium: apt-get install chromium" >&2; exit 1; }
	$(VENV)/bin/pytest -q -m browser tests/browser $(PYTEST_ARGS)

# The timeline page with 100k synthetic events (its own database, var/bench.sqlite3).
bench-timeline: install
	$(PY) bench/timeline_bench.py

# Load figures: wrk against gunicorn on PostgreSQL (127.0.0.1:5432, trust auth) with 100k
# synthetic events in its own database, parley_load (dropped and recreated; BENCH_ARGS=--reuse
# keeps it). Needs wrk: `apt-get install wrk`. See bench/README.md and docs/performance.md.
.PHONY: bench-load
bench-load: install
	$(PY) bench/load_bench.py $(BENCH_ARGS)
