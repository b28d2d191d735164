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

# Parse the example page and print its JSON.
# TODO: later this will also build a SQLite archive of the demo page.
demo: venv
	$(VENV)/bin/banmian parse examples/demo_page.txt

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .hypothesis
