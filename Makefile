# Every target sets itself up: the first run creates .venv/ (and node_modules/
# for the tests) from the locked, hash-checked dependencies.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
# Where `make serve` previews the site; `make serve DEV_ADDR=127.0.0.1:8001` moves it.
DEV_ADDR ?= 127.0.0.1:8000

# Material prints an end-of-life banner about MkDocs 2; this site pins MkDocs 1.x.
export NO_MKDOCS_2_WARNING := 1

.PHONY: build pdf test check-original bench serve deploy lock clean

## build: the online site in site/ and the offline copy in dist/
build: $(VENV)/.installed
	$(PY) scripts/build.py

## pdf: as build, and the whole article printed to dist/trust-in-therapy.pdf
## by headless Chromium (Debian's chromium package), linked from the site
pdf: $(VENV)/.installed
	$(PY) scripts/build.py --pdf

## test: the whole test suite, browser tests included
test: $(VENV)/.installed node_modules/.installed
	$(PY) -m pytest

## check-original: list every way the article's words differ from its first
## publication (tests/fixtures/article.txt); not part of `make test`
check-original: $(VENV)/.installed
	$(PY) scripts/check_original.py

## bench: page weight, search latency, build time and scaling against stock
## Material (takes a while: five builds of each kind, then 10x to 1000x the
## article); `$(PY) scripts/bench.py --quick` is the 1x run CI does
bench: $(VENV)/.installed
	$(PY) scripts/bench.py

## serve: preview at http://127.0.0.1:8000/trust-in-therapy/ (or DEV_ADDR), reloading on every change
serve: $(VENV)/.installed
	$(PY) -m mkdocs serve --dev-addr $(DEV_ADDR) --livereload

## deploy: build as `make build` does, then push site/ to the gh-pages branch.
## This is `mkdocs gh-deploy`'s publishing step (ghp-import) after this site's
## own build, so the offline archive and the build date come along. The build
## refuses mkdocs.yml's placeholder address: set SITE_URL.
deploy: $(VENV)/.installed
	$(PY) scripts/build.py --publish
	$(VENV)/bin/ghp-import --no-jekyll --push --message "Deploy $$(git rev-parse --short HEAD)" site

## lock: re-pin requirements.txt after editing requirements.in
## (no index or wheel-folder lines: those name this machine, not the project)
lock: $(VENV)/.installed
	$(PY) -m piptools compile --generate-hashes --strip-extras --allow-unsafe \
	  --no-emit-index-url --no-emit-find-links \
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
