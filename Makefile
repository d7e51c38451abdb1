# Two commands do all set-up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
OUT    ?= out

.PHONY: install demo test system-deps lint clean eval-docs

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

# The eval result files behind the /accuracy page (docs/eval/*.json), each written by the
# command it records. Needs the public data under $(DATA) and an installed tree (make
# install). 13 minutes on 2 shared cores at load 19-22 with the stories eval's facts already
# cached in /tmp; a cold NeuS parse takes hours. docs/web.md says what each run measures.
DATA ?= ../shared/data
EVAL := $(BIN)/python -m newsprism.cli eval
eval-docs:
	$(EVAL) quotes --gold $(DATA)/polnear --split dev --no-baseline --role "report (rules built on train)" --out docs/eval/quotes.json > /dev/null
	$(EVAL) summary --gold $(DATA)/neus --limit 200 --role tune --out docs/eval/summary.json > /dev/null
	$(EVAL) summary --gold $(DATA)/neus --start 1201 --limit 200 --role "read while tuning (was blind)" --out docs/eval/summary.json > /dev/null
	$(EVAL) summary --gold $(DATA)/neus --start 1801 --limit 200 --role blind --out docs/eval/summary.json > /dev/null
	$(EVAL) compare --data $(DATA) --part tune --per-kind 40 --out docs/eval/conflicts.json > /dev/null
	$(EVAL) compare --data $(DATA) --part blind --per-kind 40 --out docs/eval/conflicts.json > /dev/null
	$(EVAL) stories --gold $(DATA)/ecbplus --no-baseline --role tune --out docs/eval/stories.json > /dev/null
	$(EVAL) stories --gold $(DATA)/neus --start 1 --limit 1226 --no-baseline --same-actor-pairs --role tune --out docs/eval/stories.json > /dev/null
	$(EVAL) stories --gold $(DATA)/neus --start 1227 --no-baseline --same-actor-pairs --role blind --out docs/eval/stories.json > /dev/null

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache
