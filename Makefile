# Fazhi: `make run` serves the demo district, `make test` runs the whole suite.
SHELL := /bin/bash
PYTHON ?= python3
export UV_PYTHON_DOWNLOADS := never
UV := $(shell command -v uv 2>/dev/null || echo .tools/bin/uv)
VENV := .venv
FAZHI := $(VENV)/bin/fazhi
TEST_POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/postgres
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install translations lint migrate demo bench clean

# uv itself, when the machine has none: into a small venv in .tools, or, where Python has no
# venv module (Debian without python3-venv), straight into .tools with pip --target.
.tools/bin/uv:
	$(PYTHON) -m venv .tools && .tools/bin/pip install --quiet uv \
		|| { rm -rf .tools && $(PYTHON) -m pip install --quiet --target .tools uv; }

$(VENV)/.installed: pyproject.toml uv.lock | $(UV)
	$(UV) sync --frozen --python $(PYTHON)
	touch $@

install: $(VENV)/.installed

translations: install
	DJANGO_DEBUG=1 $(FAZHI) compile_translations

migrate: install
	DJANGO_DEBUG=1 $(FAZHI) migrate --noinput

run: translations migrate
	DJANGO_DEBUG=1 $(FAZHI) demo --year 2019 --if-empty
	@echo
	@echo "  法治工作平台  Fazhi is serving at http://$(HOST):$(PORT)/"
	@DJANGO_DEBUG=1 $(FAZHI) demo --logins
	@echo
	DJANGO_DEBUG=1 $(FAZHI) runserver $(HOST):$(PORT)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	DJANGO_DEBUG=1 $(FAZHI) makemigrations --check --dry-run
	DJANGO_DEBUG=1 $(FAZHI) compile_translations --check

# The suite on SQLite and on PostgreSQL when one answers (REQUIRE_POSTGRES=1: it must), the
# two at once; browser tests (once: in the PostgreSQL pass when there is one) when /usr/bin/chromium
# exists (REQUIRE_BROWSER=1: it must).
test: lint
	@VENV=$(VENV) TEST_POSTGRES_URL='$(TEST_POSTGRES_URL)' REQUIRE_POSTGRES=$(REQUIRE_POSTGRES) \
		bash scripts/test-suites.sh

# Performance figures, each as a ratio to a baseline measured in the same run. On PostgreSQL
# (a database of its own, BENCH_POSTGRES_URL, holding the demo and the scale data) when one
# answers; otherwise on the SQLite development database, without the PostgreSQL-only figures.
BENCH_POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/fazhi_bench
bench: install
	@if $(VENV)/bin/python -m bench.database '$(BENCH_POSTGRES_URL)'; then \
		echo "== make bench on PostgreSQL ($(BENCH_POSTGRES_URL)) =="; \
		DATABASE_URL='$(BENCH_POSTGRES_URL)' DJANGO_DEBUG=1 $(FAZHI) migrate --noinput -v0 && \
		DATABASE_URL='$(BENCH_POSTGRES_URL)' $(VENV)/bin/python -m bench; \
	else \
		echo "== PostgreSQL not reachable: make bench on SQLite =="; \
		DJANGO_DEBUG=1 $(FAZHI) migrate --noinput -v0 && $(VENV)/bin/python -m bench; \
	fi

clean:
	rm -rf $(VENV) .tools .pytest_cache .ruff_cache
