# tolltrack: `make demo` and `make test` work on a fresh machine with Python 3.11, git and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= ../shared

.PHONY: demo test lint bench clean

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

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .mypy_cache .ruff_cache .pytest_cache
