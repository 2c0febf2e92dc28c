# Two commands set up a fresh machine: `make regen` (generate the client) and `make test`.
# Both create the virtual environment and install the pinned dependencies themselves.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PY     := $(BIN)/python

.PHONY: venv regen check-generated test test-releases lint typecheck pytest record bench clean

venv: $(STAMP)

$(STAMP): requirements/dev.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements/dev.lock
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

## Regenerate generated/anythingllm_api from the pinned spec (ARGS="--url http://host:3001" for a live server).
regen: $(STAMP)
	$(PY) scripts/regen.py --strict $(ARGS)

lint: $(STAMP)
	$(BIN)/ruff check anythingllm scripts tests bench
	$(BIN)/ruff format --check anythingllm scripts tests bench

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP)
	$(BIN)/pytest $(PYTEST_ARGS)

## The test command: lint, types, and the whole test suite (cassette replays, no network).
test: lint typecheck pytest

## The friendly layer's tests on the generated code of each release spec in ../shared, regenerated into
## temporary folders (ARGS="DIR --jobs 2" for another folder); skipped in one line without ../shared.
test-releases: $(STAMP)
	$(PY) scripts/test_releases.py $(ARGS)

## Record interactions the cassettes lack, against a live server you run on loopback yourself
## (ANYTHINGLLM_BASE_URL, ANYTHINGLLM_API_KEY); keys and login tokens are scrubbed before writing.
record: $(STAMP)
	ANYTHINGLLM_RECORD=new_episodes $(BIN)/pytest $(PYTEST_ARGS)

$(VENV)/.bench-installed: $(STAMP) bench/requirements.lock
	$(BIN)/pip install --quiet --no-deps -r bench/requirements.lock
	touch $@

## Benchmarks against raw httpx, openai and apything: table + bench/results.json (ARGS="--smoke" or "--only ...").
bench: $(VENV)/.bench-installed
	$(PY) -m bench $(ARGS)

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
