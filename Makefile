# One entry point for every task. `make demo` and `make test` are the README's two commands.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
SHARED ?= ../shared/data

.PHONY: install demo test test-slow lint typecheck pytest bundle clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

install: $(VENV)/.installed  ## create the virtualenv and install workshift with its dev tools

demo: install  ## prepare the caches, show one occupation, code titles, inspect, analyse and review an HRIS export, analyse the example workforce for HR and (disclosure controlled, in German) for its works council, project and redeploy it, and write the works-council pack
	$(BIN)/workshift setup
	$(BIN)/workshift occupation 43-4051
	$(BIN)/workshift match examples/titles.csv --output out/matches.csv
	$(BIN)/workshift inspect examples/hris_export.csv
	$(BIN)/workshift analyze examples/hris_export.csv --output out/hris
	$(BIN)/workshift review examples/hris_export.csv --output out/review.xlsx
	$(BIN)/workshift analyze examples/workforce.csv --overrides examples/overrides.csv --tasks examples/role_tasks.csv --output out/analysis
	$(BIN)/workshift analyze examples/workforce.csv --overrides examples/overrides.csv --tasks examples/role_tasks.csv --audience council --lang de --output out/council
	$(BIN)/workshift scenario examples/workforce.csv --portfolio examples/portfolio.yaml --scenario examples/scenario.yaml --overrides examples/overrides.csv --tasks examples/role_tasks.csv --draws 2000 --seed 1 --output out/scenario
	$(BIN)/workshift reskill examples/workforce.csv --openings examples/openings.csv --catalog examples/courses.csv --affected examples/affected.csv --priority protected=1 --priority tenure_years=0.02 --overrides examples/overrides.csv --tasks examples/role_tasks.csv --output out/reskill
	$(BIN)/workshift council examples/workforce.csv --portfolio examples/portfolio.yaml --scenario examples/scenario.yaml --council-scenario examples/council_scenario.yaml --catalog examples/courses.csv --openings examples/openings.csv --affected examples/affected.csv --priority protected=1 --priority tenure_years=0.02 --overrides examples/overrides.csv --tasks examples/role_tasks.csv --output out/council_pack

lint: install
	$(BIN)/ruff check conftest.py src tests benchmarks docs examples
	$(BIN)/ruff format --check conftest.py src tests benchmarks docs examples

typecheck: install
	$(BIN)/mypy

pytest: install  ## the test suite in parallel, the slow end-to-end checks left out (caches warmed first)
	$(BIN)/workshift setup
	$(BIN)/pytest -n auto -m "not slow"

test-slow: install  ## the slow end-to-end checks only (README output, whole-demo runs); .ci/run runs them
	$(BIN)/workshift setup
	$(BIN)/pytest -n auto -m slow

test: lint typecheck pytest  ## ruff, mypy (strict) and the test suite

bundle: install  ## maintainer step: rebuild the shipped reference bundle from $(SHARED)
	$(BIN)/python -m workshift.reference.build $(SHARED)

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache .hypothesis
