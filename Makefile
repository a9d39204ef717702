# The observatory's commands. Run from the project's root; `make help` lists them.
# The first target that needs Python creates .venv and installs the pinned dependencies
# (again whenever requirements.txt changes).

PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
PYTHON := $(BIN)/python
PELICAN := $(BIN)/pelican
STAMP := $(VENV)/.installed-stamp
# The map's Leaflet and the test tools come from npm (package-lock.json); `npm ci` installs them.
NODE_STAMP := node_modules/.installed-stamp

BASEDIR := $(CURDIR)
INPUTDIR ?= $(BASEDIR)/content
ORGDIR ?= $(BASEDIR)/organizations
OUTPUTDIR ?= $(BASEDIR)/output
CONFFILE := $(BASEDIR)/pelicanconf.py
PUBLISHCONF := $(BASEDIR)/publishconf.py
HOST ?= 127.0.0.1
PORT ?= 8000
# The web editor's local backend (decap-server) of `make edit`, on 127.0.0.1 only.
EDIT_PROXY_PORT ?= 8081

BUILDOPTS ?=
ifeq ($(DEBUG), 1)
	BUILDOPTS += --debug
endif
BUILD = $(PYTHON) -m kalo.build --input $(INPUTDIR) --orgs $(ORGDIR) --output $(OUTPUTDIR)
export PYTHONPATH := $(BASEDIR)/plugins

CATALOG_DIR := theme/translations
PO_FILES := $(wildcard $(CATALOG_DIR)/*/LC_MESSAGES/messages.po)
MO_FILES := $(PO_FILES:.po=.mo)

.DEFAULT_GOAL := help
.PHONY: help setup html publish serve devserver edit check seo test lint bench bench-deps clean new-org schema \
        translations-extract translations-update translations-compile

help:
	@echo "make serve      build the sample site and serve it at http://localhost:$(PORT)"
	@echo "make test       run the whole test suite (lint first)"
	@echo "make lint       ruff: the Python code's lint and format check"
	@echo "make html       build into OUTPUTDIR (default: output/)"
	@echo "make publish    production build with publishconf.py"
	@echo "make check      validate all content without building"
	@echo "make seo        build, then print the keyword analysis of every page"
	@echo "make devserver  the live preview: every save shown at once, the browser reloads by itself"
	@echo "make edit       the same, with the web editor at http://localhost:$(PORT)/admin/"
	@echo "make new-org NAME=\"Όνομα φορέα\"   start a new organization folder"
	@echo "make schema     regenerate schema/*.json and the field references in docs/"
	@echo "make translations-update / translations-compile   interface strings"
	@echo "make bench      measure the build, the live preview and search against the targets (BENCH_LARGE=1 adds N = 10,000)"
	@echo "make bench-deps install hugo for the preview's comparison (as root)"
	@echo "make clean      remove the built site (the image cache stays)"
	@echo "Overrides: INPUTDIR=, ORGDIR=, OUTPUTDIR=, PORT=, DEBUG=1"

$(STAMP): requirements.txt
	@test -x $(PYTHON) || $(PY) -m venv $(VENV)
	$(BIN)/pip install --disable-pip-version-check --quiet --requirement requirements.txt
	@touch $@

setup: $(STAMP) $(NODE_STAMP)

%.mo: %.po $(STAMP)
	$(BIN)/pybabel compile --domain messages --input-file $< --output-file $@ >/dev/null

translations-compile: $(MO_FILES)

translations-extract: $(STAMP)
	$(BIN)/pybabel extract --mapping-file babel.cfg --no-location --sort-output \
		--keywords translate:2 --keywords translate_plural:2,3 --keywords counted:2,3 \
		--output-file $(CATALOG_DIR)/messages.pot .

translations-update: translations-extract
	$(BIN)/pybabel update --domain messages --input-file $(CATALOG_DIR)/messages.pot \
		--output-dir $(CATALOG_DIR) --no-fuzzy-matching --ignore-obsolete

html: $(STAMP) $(MO_FILES) $(NODE_STAMP)
	$(BUILD) $(BUILDOPTS) --settings $(CONFFILE)

publish: $(STAMP) $(MO_FILES) $(NODE_STAMP)
	$(BUILD) $(BUILDOPTS) --settings $(PUBLISHCONF)

serve: html
	@echo "Serving the site at http://localhost:$(PORT)/ (Ctrl+C stops)"
	$(PELICAN) --listen --bind $(HOST) --port $(PORT) -o $(OUTPUTDIR) -s $(CONFFILE)

devserver: $(STAMP) $(MO_FILES) $(NODE_STAMP)
	$(PYTHON) -m kalo.devserver --input $(INPUTDIR) --orgs $(ORGDIR) --output $(OUTPUTDIR) \
		--settings $(CONFFILE) --bind $(HOST) --port $(PORT)

# The live preview and the web editor's local backend (decap-server, 127.0.0.1 only);
# the editor at http://$(HOST):$(PORT)/admin/ writes into the working tree.
edit: $(STAMP) $(MO_FILES) $(NODE_STAMP)
	$(PYTHON) -m web_editor.serve --input $(INPUTDIR) --orgs $(ORGDIR) --output $(OUTPUTDIR) \
		--settings $(CONFFILE) --bind $(HOST) --port $(PORT) --proxy-port $(EDIT_PROXY_PORT)

seo: html
	@cat $(OUTPUTDIR)/seo/report.txt
	@echo "The full report with advice: $(OUTPUTDIR)/seo/index.html (also /seo/ on the served site)"

# In GitHub Actions the findings also go on the pull request's lines; CODE_QUALITY=file.json
# writes them as a GitLab Code Quality report for the merge request.
check: $(STAMP) $(MO_FILES)
	$(PYTHON) -m kalo_cli check --orgdir $(ORGDIR) --inputdir $(INPUTDIR) --settings $(CONFFILE) \
		$(if $(CODE_QUALITY),--code-quality $(CODE_QUALITY),)

# The JSON Schemas (schema/) and field references (docs/) made from the content descriptions.
schema: $(STAMP)
	$(PYTHON) -m kalo_cli schema

new-org: $(STAMP)
	@test -n "$(NAME)" || { echo 'Give the name: make new-org NAME="Όνομα φορέα"'; exit 2; }
	$(PYTHON) -m kalo_cli new-org --orgdir $(ORGDIR) "$(NAME)"

# Lint first: a finding fails `make test` (and CI) before the long suite starts.
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: $(STAMP) $(MO_FILES) lint
	$(BIN)/pytest

bench: $(STAMP) $(MO_FILES) $(NODE_STAMP)
	$(PYTHON) bench/build.py $(if $(BENCH_LARGE),--large,)
	@if [ -f bench/images.py ]; then $(PYTHON) bench/images.py; fi
	@command -v hugo >/dev/null || echo "hugo is missing: run 'make bench-deps' as root to compare the preview with hugo server"
	$(PYTHON) bench/preview.py
	$(PYTHON) bench/search.py
	$(PYTHON) bench/targets.py

# What only the benchmark needs (as root): Debian's hugo, for `hugo server` in bench/preview.py.
BENCH_PACKAGES := hugo
bench-deps:
	@if command -v hugo >/dev/null; then echo "hugo: installed"; exit 0; fi; \
	if [ "$$(id -u)" != 0 ]; then echo "Missing: hugo. Run as root: apt-get install $(BENCH_PACKAGES)"; exit 1; fi; \
	DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $(BENCH_PACKAGES)

clean:
	rm -rf $(OUTPUTDIR)

include mk/publish.mk
