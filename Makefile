# Two commands on a fresh machine:
#   make demo   set up .venv, regenerate the student notebooks, autograde the example submissions
#   make test   set up .venv, run the test suite and execute every solution notebook
# Also: make install | generate | test-fast | bench | clean (README.md lists what each does)
PYTHON ?= python3
VENV := .venv
BIN := $(CURDIR)/$(VENV)/bin
# nbgrader starts alembic from PATH, so the venv's bin/ goes first
RUN := PATH="$(BIN):$$PATH" $(BIN)/python

.PHONY: install demo generate test test-fast bench clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@

generate: install
	$(RUN) -m tools.course generate

demo: generate
	$(RUN) -m tools.course grade-examples

# the last line says which dataset the solution notebooks ran on, whether they passed or not;
# CS231N_QUICK=1 makes the notebooks with long training runs train on fewer images and epochs
# (same cells and checks; BENCHMARKS.md records their full runs)
test: install
	$(RUN) -m pytest tests
	CS231N_QUICK=1 $(RUN) -m pytest --nbval-lax --nbval-current-env --nbval-cell-timeout=900 -p no:cacheprovider solutions; \
	status=$$?; $(DATASET_LINE); exit $$status

DATASET_LINE = $(RUN) -c 'from cs231n_utils.data import describe_dataset; \
	print("make test: the solution notebooks ran on", describe_dataset())'

test-fast: install
	$(RUN) -m pytest tests -m "not nbgrader"

bench: install
	$(RUN) benchmarks/bench_knn.py
	$(RUN) benchmarks/bench_linear.py
	$(RUN) benchmarks/bench_conv.py
	$(RUN) benchmarks/bench_grading.py lecture02_knn --students 40 --jobs 2

clean:
	rm -rf $(VENV) gradebook.db submitted autograded feedback .pytest_cache
