# The habits of this project; each target is a one-liner you can read.
PY := .venv/bin/python
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export ANONYMIZED_TELEMETRY := False

.PHONY: help install install-dev browser run index test test-fast lint format eval bench clean

help:           ## list the targets
	@grep -E '^[a-z-]+:.*##' Makefile | sed 's/:.*##/ —/'

.venv/.installed: requirements.txt
	python3 -m venv .venv
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -r requirements.txt
	touch $@

.venv/.installed-dev: .venv/.installed requirements-dev.txt
	$(PY) -m pip install -q -r requirements-dev.txt
	touch $@

install: .venv/.installed                  ## install the app in .venv

install-dev: .venv/.installed-dev browser  ## install the app, test tools and the test browser

browser:        ## Debian's headless Chromium for the browser tests
	@command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium chromium-driver >/dev/null)

index: install  ## build or update the index
	$(PY) -m bot index

run: install    ## install, build the index if needed and start the web chat on http://127.0.0.1:7860
	$(PY) app.py

test: install-dev  ## install everything and run the test suite (what CI runs)
	$(PY) -m pytest

lint: install-dev  ## ruff lint and format check
	$(PY) -m ruff check . && $(PY) -m ruff format --check .

format: install-dev
	$(PY) -m ruff format . && $(PY) -m ruff check --fix .

eval: install   ## run the dev split; report in evals/runs/dev/report.html
	$(PY) -m evals run evals/sets/dev.jsonl --out evals/runs/dev

bench: install  ## print index build time and search/ask latency
	$(PY) -m evals.bench

clean:
	rm -rf index/chroma index/lexical index/*.json evals/runs
