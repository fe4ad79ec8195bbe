# Every target sets itself up: the first run creates .venv/ (and node_modules/
# for the tests) from the locked, hash-checked dependencies.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python

# Material prints an end-of-life banner about MkDocs 2; this site pins MkDocs 1.x.
export NO_MKDOCS_2_WARNING := 1

.PHONY: build test serve lock clean

## build: the online site in site/ and the offline copy in dist/
build: $(VENV)/.installed
	$(PY) scripts/build.py

## test: the whole test suite, browser tests included
test: $(VENV)/.installed node_modules/.installed
	$(PY) -m pytest

## serve: preview at http://127.0.0.1:8000, reloading on every change
serve: $(VENV)/.installed
	$(PY) -m mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

## lock: re-pin requirements.txt after editing requirements.in
lock: $(VENV)/.installed
	$(PY) -m piptools compile --generate-hashes --strip-extras --allow-unsafe \
	  --quiet --output-file requirements.txt requirements.in

clean:
	rm -rf site dist $(VENV) node_modules

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes --no-deps -r requirements.txt
	touch $@

node_modules/.installed: package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts
	touch $@
