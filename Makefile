# banmian developer tasks. `make test` is what CI runs (see .ci/run).
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp

.PHONY: venv test demo clean

venv: $(STAMP)

# Reinstall only when pyproject.toml is newer than the stamp (or the venv is missing).
$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q -e '.[test,bench]'
	touch $(STAMP)

test: venv
	$(PY) -m pytest -q tests
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
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .hypothesis $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
