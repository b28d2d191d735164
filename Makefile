# banmian developer tasks. `make test` is what CI runs (see .ci/run).
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp

.PHONY: venv build test demo clean pagesim-tools sim-deps

venv: $(STAMP)

# Reinstall only when pyproject.toml or setup.py is newer than the stamp (or the venv is
# missing). The install compiles the text path with mypyc (setup.py; 2-3 minutes) into
# extensions beside the sources in src/banmian, or stays pure Python where it cannot.
$(STAMP): pyproject.toml setup.py
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q -e '.[test,bench,ocr]'
	touch $(STAMP)

# Recompile after editing the sources: until then banmian runs them as pure Python (the
# extensions are stale; banmian/_compiled.py checks). BANMIAN_PURE=1 runs pure Python anyway.
build: venv
	$(PY) -m pip install -q --no-deps -e .
	@$(PY) -c "import banmian; print('banmian:', 'compiled' if banmian.COMPILED else 'pure Python (' + banmian.PURE_REASON + ')')"
	@$(PY) -c "import sys; from banmian._compiled import mypyc_refused; f = mypyc_refused(); sys.exit('make build: mypyc refused the sources, see above: ' + f if f else 0)"

# The PostgreSQL tests run against a throwaway server on a private port (scripts/pg-test-server
# installs Debian's postgresql when missing, starts it, and stops it after the tests).
# The suite runs on the build the venv holds (compiled, unless stale or impossible); then the
# tests that patch compiled modules (marked pure_python, skipped above) in pure Python.
test: venv browser-deps sim-deps
	@$(PY) -c "import banmian; print('banmian:', 'compiled' if banmian.COMPILED else 'pure Python (' + banmian.PURE_REASON + ')')"
	scripts/pg-test-server run $(PY) -m pytest -q tests
	if $(PY) -c "import banmian, sys; sys.exit(not banmian.COMPILED)"; then BANMIAN_PURE=1 $(PY) -m pytest -q -m pure_python tests; fi
	if [ -f bench/gate.py ]; then $(PY) bench/gate.py; fi

# Parse the example page and print its JSON, then build a SQLite archive of the examples,
# search it, and say how to open the reader.
DEMO_DB := demo.sqlite
demo: venv
	$(VENV)/bin/banmian parse examples/demo_page.txt
	$(VENV)/bin/banmian ingest examples --db $(DEMO_DB)
	$(VENV)/bin/banmian search 农田 --db $(DEMO_DB)
	@echo
	@echo "The archive is $(DEMO_DB). Open the reader with:"
	@echo "  $(VENV)/bin/banmian serve --db $(DEMO_DB)    # then browse http://127.0.0.1:8000"

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .hypothesis .mypy_cache $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	find src -name '*.so' -delete
	rm -f src/banmian/_compiled.txt src/banmian/_build_fallback.txt

# A real browser drives the reader: Debian's chromium (installed with apt when missing),
# headless, through Playwright, with a small Chinese font so the screenshots are legible; the
# screenshots land in bench/out/ (git-ignored).
.PHONY: browser-test browser-deps
browser-test: venv
	command -v chromium || (apt-get update && apt-get install -y chromium)
	fc-list :lang=zh | grep -q . || (apt-get update && apt-get install -y fonts-wqy-microhei)
	$(PY) -m pip install -q -e '.[test]'
	BANMIAN_BROWSER_TEST=required $(PY) -m pytest -q tests/test_browser.py

# For `make test`: try to install chromium and a Chinese font (Debian packages) so the browser
# test runs; where apt cannot (no root, no network), the browser test skips and says why.
browser-deps:
	-@command -v chromium >/dev/null || (command -v apt-get >/dev/null && apt-get update -qq && apt-get install -y -qq chromium >/dev/null) || echo "browser-deps: chromium not installed; the browser test will skip"
	-@fc-list :lang=zh 2>/dev/null | grep -q . || (command -v apt-get >/dev/null && apt-get install -y -qq fonts-wqy-microhei >/dev/null) || true

# The page simulator's tools (bench/pagesim: poppler-utils, the two CJK fonts, reportlab, PyMuPDF).
pagesim-tools: venv
	bench/pagesim/install.sh $(PY)

# For `make test`: try to install them so the gate also scores simulated pages
# (bench/sim_gate.py); where they cannot be installed the gate says so and skips those pages.
sim-deps: venv
	-@bench/pagesim/install.sh $(PY) >/dev/null 2>&1 || echo "sim-deps: pagesim tools not installed; the gate's simulated pages will skip"
