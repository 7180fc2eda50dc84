# tolltrack: `make demo` and `make test` work on a fresh machine with Python 3.11, git and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= ../shared

.PHONY: demo test lint bench fuzz clean
FUZZ_SECONDS ?= 60

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@ $(VENV)/.installed

demo: $(VENV)/.installed
	$(BIN)/tolltrack ingest samples/articles.jsonl
	$(BIN)/tolltrack incidents
	$(BIN)/tolltrack incident Kramatorsk

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy

test: lint
	bash scripts/install-system-deps.sh
	$(BIN)/pytest

bench: $(VENV)/.installed
	$(BIN)/python benchmarks/bench_extract.py $(SHARED)/data/gvc-dev.jsonl
	$(BIN)/python benchmarks/bench_ingest.py $(SHARED)/data/gvc-dev.jsonl

$(VENV)/.installed-fuzz: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[fuzz]'
	touch $@

# Each reader and the extractor, FUZZ_SECONDS each, seeded with the sample articles (the
# growing corpus lives in fuzz/corpus/, not committed); crashes are saved as fuzz/crash-*.
fuzz: $(VENV)/.installed-fuzz
	cd fuzz && for kind in jsonl text html feed warc telegram extract; do \
	  mkdir -p corpus/$$kind && cp ../samples/* corpus/$$kind/ && \
	  ../$(BIN)/python fuzz_target.py $$kind corpus/$$kind -max_total_time=$(FUZZ_SECONDS) \
	    -rss_limit_mb=2048 || exit 1; \
	done

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .mypy_cache .ruff_cache .pytest_cache
