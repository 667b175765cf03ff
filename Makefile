# findable: `make demo` sets up and audits the demo brand; `make test` sets up and runs the tests.
# Both are idempotent: a second run only re-installs when pyproject.toml changed.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: demo test setup dev chromium lint bench bench-keywords bench-audit fuzz clean

demo: setup chromium
	$(BIN)/findable demo

test: dev chromium
	$(BIN)/python -m pytest -q

setup: $(VENV)/.installed
dev: $(VENV)/.installed-dev

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else "findable needs Python 3.10 or newer")'
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install -q --disable-pip-version-check -e .
	@# An editable install leaves our own modules uncompiled: compile them once here
	@# (pip does this for what it installs), so no run has to.
	@$(BIN)/python -m compileall -q audit checks reports >/dev/null
	@touch $@

$(VENV)/.installed-dev: pyproject.toml $(VENV)/.installed
	$(BIN)/python -m pip install -q --disable-pip-version-check -e '.[dev]'
	@touch $@

# A Chromium for Playwright: FINDABLE_CHROMIUM, Playwright's own, or a system one. When none is
# found: Debian's package when we are root with apt (our machines and CI), else Playwright's.
chromium: setup
	@if $(BIN)/findable browser >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "Installing Debian's chromium package..."; \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-color-emoji >/dev/null) || true; \
	else \
		echo "Installing Playwright's Chromium..."; \
		$(BIN)/python -m playwright install chromium || true; \
	fi
	@$(BIN)/findable browser

lint: dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

# Benchmarks print numbers; they are never part of the tests. BASELINE=DIR measures another
# checkout (with its own .venv, e.g. a git worktree of an older commit) side by side.
bench: bench-keywords bench-audit

bench-keywords: dev
	$(BIN)/python bench/keywords.py

bench-audit: setup chromium
	$(BIN)/python bench/audit.py $(if $(BASELINE),--baseline $(BASELINE))

# 10,000 damaged inputs across all platforms (FUZZ_ARGS="-n 50000 --seed 1" for more):
# prints crashes, hangs, the slowest inputs and peak memory; exit 1 on any crash or hang.
fuzz: dev
	$(BIN)/python bench/fuzz.py $(FUZZ_ARGS)

clean:
	rm -rf $(VENV) findable-report .pytest_cache .mypy_cache .ruff_cache *.egg-info
