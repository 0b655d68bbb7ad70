# `make` lists the targets. `make run` starts the dashboard; `make test` runs every check.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
APP_STAMP := $(VENV)/.app-installed
DEV_STAMP := $(VENV)/.dev-installed

.DEFAULT_GOAL := help
AXE := tests/browser/node_modules/axe-core/axe.min.js
.PHONY: help run class test lint typecheck validate weak schema fingerprints messages unit data-tests app-tests browser-tests bench bench-quick screenshots package release chromium nginx clean

help:  ## list the targets
	@grep -E '^[a-z -]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

$(APP_STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

$(DEV_STAMP): $(APP_STAMP) requirements-dev.txt
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

run: $(APP_STAMP)  ## install what the app needs (Chromium too, for images, slides and fact cards) and start it
	@$(MAKE) --no-print-directory chromium || echo "The dashboard runs without Chromium; image, slide and fact-card downloads need it."
	$(BIN)/python -m dashboard.run run dashboard/app.py --server.port 8501

class: $(APP_STAMP) nginx  ## serve a class: one Streamlit process per core behind nginx (sticky sessions, gzip), on port 8501
	@$(MAKE) --no-print-directory chromium || echo "The dashboard runs without Chromium; image, slide and fact-card downloads need it."
	$(BIN)/python -m dashboard.serve --port 8501

test: $(DEV_STAMP) chromium nginx $(AXE)  ## install what the tests need and run every check (browser tests included)
	$(BIN)/ruff check dashboard tests data/geo bench docs
	$(BIN)/mypy
	$(BIN)/python -m dashboard.dataset.validation
	$(BIN)/python -m pytest -n 2 tests/unit tests/data tests/app  # no browser: both cores, half the time
	$(BIN)/python -m pytest -n 2 --dist loadfile tests/browser --ignore=tests/browser/test_latency.py  # a file a worker
	$(BIN)/python -m pytest tests/browser/test_latency.py  # alone: it measures speed

lint: $(DEV_STAMP)  ## ruff
	$(BIN)/ruff check dashboard tests data/geo bench docs

typecheck: $(DEV_STAMP)  ## mypy on dashboard/
	$(BIN)/mypy

validate: $(APP_STAMP)  ## check every data file; one line per problem, non-zero exit on any
	$(BIN)/python -m dashboard.dataset.validation

weak: $(APP_STAMP)  ## list every citation of a copy or personal site, most cited first (the sources still to replace)
	$(BIN)/python -m dashboard.dataset.validation --weak

schema: $(APP_STAMP)  ## rewrite data/schema/mission.schema.json from the model and vocabularies
	$(BIN)/python -m dashboard.dataset.schema > data/schema/mission.schema.json

fingerprints: $(DEV_STAMP)  ## rewrite tests/reference/figures.json after a deliberate change to what the views draw
	NPOE_TODAY=2026-11-21 $(BIN)/python -m tests.app.test_fingerprints

messages: $(APP_STAMP)  ## add new interface messages to dashboard/i18n/locales/fr.po (then translate the empty ones)
	$(BIN)/python -m dashboard.i18n.messages

unit data-tests app-tests browser-tests: $(DEV_STAMP) nginx $(AXE)  ## run one layer of tests
	$(BIN)/python -m pytest tests/$(subst -tests,,$@)

bench: $(DEV_STAMP) chromium nginx  ## the speed benchmark (about 25 min): pages, fresh browser, a class of 30, 10x/100x data -> bench/results.md
	$(BIN)/python -m bench.speed
	$(BIN)/python bench/briefing_pack.py

bench-quick: $(DEV_STAMP) chromium nginx  ## the same benchmark, short (about 4 min), to check it runs
	$(BIN)/python -m bench.speed --quick

package: $(APP_STAMP)  ## write the open-data package (datapackage.json, CSV and Parquet tables) into build/package/
	$(BIN)/python -m dashboard.outputs.package build/package

release: $(APP_STAMP)  ## write build/nato-peace-operations-<version>.zip: the package, codebook, changelog, licence, citation
	$(BIN)/python -m dashboard.outputs.package build/package --release

screenshots: $(DEV_STAMP) chromium  ## retake the README's gallery (docs/images/) from the running app; look at each before committing
	$(BIN)/python docs/screenshots.py

chromium:  ## make sure Debian's chromium is there (apt-get when root; otherwise say what to run)
	@if command -v chromium >/dev/null 2>&1; then \
		echo "chromium: $$(command -v chromium)"; \
	elif [ "$$(id -u)" = "0" ]; then \
		apt-get update -qq && apt-get install -y -qq chromium >/dev/null && echo "chromium installed"; \
	else \
		echo "Chromium is missing. Run: sudo apt-get update && sudo apt-get install -y chromium"; exit 1; \
	fi

nginx:  ## make sure Debian's nginx is there, for `make class` (apt-get when root; otherwise say what to run)
	@if command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ]; then \
		echo "nginx: $$(command -v nginx || echo /usr/sbin/nginx)"; \
	elif [ "$$(id -u)" = "0" ]; then \
		apt-get update -qq && apt-get install -y -qq nginx >/dev/null && echo "nginx installed"; \
	else \
		echo "nginx is missing. Run: sudo apt-get update && sudo apt-get install -y nginx"; exit 1; \
	fi

$(AXE): tests/browser/package.json tests/browser/package-lock.json  ## axe-core from the npm registry, for the accessibility check
	@command -v npm >/dev/null 2>&1 || { \
		if [ "$$(id -u)" = "0" ]; then apt-get update -qq && apt-get install -y -qq npm >/dev/null; \
		else echo "npm is missing (the accessibility check needs axe-core). Run: sudo apt-get install -y npm"; exit 1; fi; }
	npm ci --prefix tests/browser --no-audit --no-fund --loglevel=error
	touch $@

clean:  ## remove the virtual environment and caches
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache artifacts tests/browser/node_modules
