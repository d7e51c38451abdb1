# Two commands do all set-up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
OUT    ?= out

.PHONY: install demo test system-deps lint clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e ".[dev,eval]"
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(BIN)/newsprism demo --out-dir $(OUT)

# System packages for the integration tests (PostgreSQL, Chromium). Best effort: when they
# cannot be installed the tests that need them skip and say why.
system-deps:
	bash scripts/system-deps.sh

test: install system-deps
	$(BIN)/python -m pytest

# ruff (with C901 complexity at 15) and mypy over the package, as configured in pyproject.toml.
# The layout checks (long functions, private imports, import cycles) are tests in
# tests/test_code_checks.py, so `make test` runs them too.
lint: install
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/mypy

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache
