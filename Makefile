# Every target sets itself up: the first run creates .venv/ (and node_modules/
# for the tests) from the locked, hash-checked dependencies.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
# Zensical, the second builder, in a venv of its own: `make build BUILDER=zensical`.
ZENSICAL_VENV := .venv-zensical
BUILDER ?= mkdocs
BUILDER_VENVS := $(VENV)/.installed $(if $(filter zensical,$(BUILDER)),$(ZENSICAL_VENV)/.installed)
# What a build reads: `make deploy` publishes them only as committed.
DEPLOYED_SOURCES := docs data includes overrides trustsite macros.py mkdocs.yml pyproject.toml \
  requirements.txt requirements-zensical.txt
# `make test`'s processes, and its tiers (all when empty).
WORKERS ?= 2
TESTS ?=
# Where `make serve` previews the site; `make serve DEV_ADDR=127.0.0.1:8001` moves it.
DEV_ADDR ?= 127.0.0.1:8000

# Material prints an end-of-life banner about MkDocs 2; this site pins MkDocs 1.x.
export NO_MKDOCS_2_WARNING := 1

.PHONY: build pdf test test-fast check-original drill bench serve deploy lock upgrade-zensical clean

## build: the online site in site/ and the offline copy in dist/, rendered by
## MkDocs with Material, or by Zensical with BUILDER=zensical
build: $(BUILDER_VENVS)
	$(PY) -m trustsite build --builder $(BUILDER)

## pdf: as build, and the whole article printed to dist/<name>.pdf (named as the site, README.md)
## by headless Chromium (Debian's chromium package), linked from the site
pdf: $(BUILDER_VENVS)
	$(PY) -m trustsite build --builder $(BUILDER) --pdf

## test: the whole test suite, every tier (tests/unit, contracts, site, browser),
## on both builders' output; WORKERS processes (default 2; auto: one per core),
## each test file's tests in one of them, sharing its builds; TESTS="tests/site"
## runs some tiers only (the Pages workflow runs the tiers in two halves)
test: $(VENV)/.installed $(ZENSICAL_VENV)/.installed node_modules/.installed
	$(PY) -m pytest -n $(WORKERS) --dist loadscope $(TESTS)

## test-fast: the unit tier alone (tests/unit), in seconds: no build, no browser;
## run it while editing the code, and `make test` before pushing
test-fast: $(VENV)/.installed
	$(PY) -m pytest -p no:xdist tests/unit

## check-original: list every way the article's words differ from its first
## publication (original/article.txt); not part of `make test`
check-original: $(VENV)/.installed
	$(PY) -m trustsite check-original

## drill: a publisher's edits (drill/edits.yml), each committed in a copy of the
## project, which must pass `make test` there and show in every edition, PDF
## included; not part of `make test` (it runs the whole suite once more)
drill: $(VENV)/.installed $(ZENSICAL_VENV)/.installed node_modules/.installed
	$(PY) -m trustsite_tools.drill

## bench: page weight, search latency, build time and scaling against stock
## Material (takes a while: five builds of each kind, then 10x the article and
## the content budget); `$(PY) -m trustsite_tools.bench --quick` is the 1x run CI does
bench: $(VENV)/.installed
	$(PY) -m trustsite_tools.bench

## serve: preview at http://127.0.0.1:8000/<site_url's path>/ (or DEV_ADDR), reloading on every change
serve: $(VENV)/.installed
	$(PY) -m mkdocs serve --dev-addr $(DEV_ADDR) --livereload

## deploy: build as `make build` does (BUILDER=zensical too), then push site/ to
## the gh-pages branch. This is `mkdocs gh-deploy`'s publishing step (ghp-import)
## after this site's own build, so the offline archive and the build date come
## along. The build refuses mkdocs.yml's placeholder address: set SITE_URL.
## It refuses uncommitted edits to the sources too: the push is labelled with
## the last commit, so it must publish exactly that commit.
deploy: $(BUILDER_VENVS)
	@status=$$(git status --porcelain -- $(DEPLOYED_SOURCES)) || exit 1; \
	if [ -n "$$status" ]; then \
	  count=$$(printf '%s\n' "$$status" | wc -l); \
	  files=$$(printf '%s\n' "$$status" | cut -c4- | head -n 3 | paste -sd, - | sed 's/,/, /g'); \
	  if [ $$count -gt 3 ]; then files="$$files and $$((count - 3)) more"; fi; \
	  echo "make deploy publishes only committed work: commit or stash your changes to $$files, then run it again" >&2; \
	  exit 1; \
	fi
	$(PY) -m trustsite build --builder $(BUILDER) --publish
	$(VENV)/bin/ghp-import --no-jekyll --push --message "Deploy $$(git rev-parse --short HEAD)" site

## lock: re-pin requirements.txt and requirements-zensical.txt after editing
## their .in files (no index or wheel-folder lines: those name this machine)
PIN := $(PY) -m piptools compile --generate-hashes --strip-extras --allow-unsafe \
  --no-emit-index-url --no-emit-find-links --quiet
lock: $(VENV)/.installed
	$(PIN) --output-file requirements.txt requirements.in
	$(PIN) --output-file requirements-zensical.txt requirements-zensical.in

## upgrade-zensical: move Zensical to its newest release that installs, with all it needs
upgrade-zensical: $(VENV)/.installed
	$(PIN) --upgrade-package zensical --output-file requirements-zensical.txt requirements-zensical.in

clean:
	rm -rf site dist $(VENV) $(ZENSICAL_VENV) node_modules

# One rule makes each venv from its lock, checking every file's hash, then
# installs the project itself into it, editable, with nothing from outside the
# lock (setuptools, its build backend, is locked): `python -m trustsite`, the
# MkDocs plugin, and trustsite for Zensical's run of macros.py.
$(VENV)/.installed: requirements.txt pyproject.toml
$(ZENSICAL_VENV)/.installed: requirements-zensical.txt pyproject.toml
$(VENV)/.installed $(ZENSICAL_VENV)/.installed:
	$(PYTHON) -m venv $(@D)
	$(@D)/bin/python -m pip install --quiet --require-hashes --no-deps -r $<
	$(@D)/bin/python -m pip install --quiet --no-deps --no-build-isolation --editable .
	touch $@

node_modules/.installed: package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts
	touch $@
