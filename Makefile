# Two commands set up a fresh machine: `make regen` (generate the client) and `make test`.
# Both create the virtual environment and install the pinned dependencies themselves.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PY     := $(BIN)/python

.PHONY: venv regen check-releases check-generated test test-pythons test-releases lint typecheck pytest record bench clean mcp-docs

venv: $(STAMP)

$(STAMP): requirements/dev.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements/dev.lock
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

## Regenerate generated/anythingllm_api: from the pinned spec (spec/openapi.lock.json; found locally or
## downloaded and verified), strict; or from your server (URL=http://localhost:3001) or a spec file
## (FILE=path/to/openapi.json); only the command line sets these. Other options of scripts/regen.py go in
## ARGS (e.g. ARGS=--strict).
URL  :=
FILE :=
regen: $(STAMP)
	$(PY) scripts/regen.py $(if $(URL),--url $(URL)) $(if $(FILE),--file $(FILE)) $(ARGS)

## Regenerate every release spec of a folder into temporary folders, one line per release (DIR=...).
check-releases: $(STAMP)
	$(PY) scripts/check_releases.py $(DIR)

lint: $(STAMP)
	$(BIN)/ruff check anythingllm scripts tests bench
	$(BIN)/ruff format --check anythingllm scripts tests bench

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP)
	$(BIN)/pytest $(PYTEST_ARGS)

## The test command: lint, types, and the whole test suite (cassette replays, no network).
test: lint typecheck pytest

## The built wheel in a fresh venv of every supported Python (pyenv's 3.11, 3.12, 3.13): the README examples
## on each, the whole suite on each but the main interpreter (`make test` ran it). Missing versions are skipped.
test-pythons: $(STAMP)
	$(PY) scripts/test_pythons.py $(ARGS)

## The friendly layer's tests on the generated code of each release spec in ../shared, regenerated into
## temporary folders (ARGS="DIR --jobs 2" for another folder); skipped in one line without ../shared.
test-releases: $(STAMP)
	$(PY) scripts/test_releases.py $(ARGS)

## Record interactions the cassettes lack, against a live server you run on loopback yourself
## (ANYTHINGLLM_BASE_URL, ANYTHINGLLM_API_KEY); keys and login tokens are scrubbed before writing.
record: $(STAMP)
	ANYTHINGLLM_RECORD=new_episodes $(BIN)/pytest $(PYTEST_ARGS)

## Regenerate the MCP tool table in README.md and the tool snapshot tests/snapshots/mcp_tools.json from the code.
mcp-docs: $(STAMP)
	$(PY) scripts/mcp_docs.py

$(VENV)/.bench-installed: $(STAMP) bench/requirements.lock
	$(BIN)/pip install --quiet --no-deps -r bench/requirements.lock
	touch $@

## Benchmarks against raw httpx, openai and apything: table + bench/results.json (ARGS="--smoke" or "--only ...").
bench: $(VENV)/.bench-installed
	$(PY) -m bench $(ARGS)

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
