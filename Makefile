# The habits of this project; each target is a one-liner you can read.
PY := .venv/bin/python
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export ANONYMIZED_TELEMETRY := False

# llama.cpp (the LLM tests' server) is compiled from source: for the x86-64-v3 level (AVX2, FMA, F16C, BMI2) that every
# machine of this kind has, never for the build host's own CPU (-march=native put AVX-512/AMX code in it, which dies
# with SIGILL on the next machine). The built wheel is never taken from pip's cache, which ignores these flags.
LLAMA_CMAKE_ARGS := -DGGML_NATIVE=OFF -DGGML_SSE42=ON -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_BMI2=ON -DGGML_FMA=ON -DGGML_F16C=ON \
	-DGGML_AVX512=OFF -DGGML_AVX_VNNI=OFF -DGGML_AMX_TILE=OFF -DGGML_AMX_INT8=OFF -DGGML_AMX_BF16=OFF
PIP_COMPILE := .venv-lock/bin/pip-compile -q --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links

.PHONY: help install install-dev browser run index test test-fast lint lock format eval bench clean

help:           ## list the targets
	@grep -E '^[a-z-]+:.*##' Makefile | sed 's/:.*##/ —/'

.venv/.installed: requirements.txt
	python3 -m venv .venv
	$(PY) -m pip install -q --require-hashes --no-deps -r requirements.txt
	touch $@

.venv/.installed-dev: .venv/.installed requirements-dev.txt
	$(PY) -m pip cache remove 'llama_cpp_python*' >/dev/null 2>&1 || true
	CMAKE_ARGS="$(LLAMA_CMAKE_ARGS)" $(PY) -m pip install -q --require-hashes --no-deps --no-cache-dir -r requirements-dev.txt
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

lock:           ## re-resolve requirements*.in (direct pins) into the hashed lock files requirements*.txt
	test -x .venv-lock/bin/pip-compile || (python3 -m venv .venv-lock && .venv-lock/bin/pip install -q pip-tools==7.6.2)
	$(PIP_COMPILE) -o requirements.txt requirements.in
	$(PIP_COMPILE) -o requirements-dev.txt requirements-dev.in

format: install-dev
	$(PY) -m ruff format . && $(PY) -m ruff check --fix .

eval: install   ## run the dev split; report in evals/runs/dev/report.html
	$(PY) -m evals run evals/sets/dev.jsonl --out evals/runs/dev

bench: install  ## print index build time and search/ask latency
	$(PY) -m evals.bench

clean:
	rm -rf index/chroma index/lexical index/*.json evals/runs
