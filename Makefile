# Two entry points: `make run` (the wizard) and `make test` (everything CI checks).
# Both create .venv and install what they need on first use.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
LINT   := node_modules/.bin/markdownlint-cli2

PO     := $(wildcard src/koprade_wizard/i18n/locale/*/LC_MESSAGES/*.po)

.PHONY: run test test-fast lint bench system-libs po-check clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@$(MAKE) --no-print-directory system-libs
	@touch $(STAMP)

# weasyprint subsets fonts twice as fast with libharfbuzz-subset0; the tool works
# without it, so this is best effort (root with apt only).
system-libs:
	@if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 \
	    && ! dpkg -s libharfbuzz-subset0 >/dev/null 2>&1; then \
	  (apt-get update -qq && apt-get install -y -qq libharfbuzz-subset0) >/dev/null 2>&1 \
	    || echo "note: libharfbuzz-subset0 not installed; PDFs will be slower"; \
	fi
	@# pdftotext (poppler) reads the example plans' PDFs back in the tests, 20x faster
	@# than pypdf (which the tests fall back on).
	@if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 \
	    && ! command -v pdftotext >/dev/null 2>&1; then \
	  (apt-get update -qq && apt-get install -y -qq poppler-utils) >/dev/null 2>&1 \
	    || echo "note: poppler-utils not installed; the PDF tests will be slower"; \
	fi
	@# msgfmt (GNU gettext) checks the catalogues in `make test`.
	@if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 \
	    && ! command -v msgfmt >/dev/null 2>&1; then \
	  (apt-get update -qq && apt-get install -y -qq gettext) >/dev/null 2>&1 \
	    || echo "note: gettext not installed; make test cannot check the catalogues"; \
	fi

$(LINT): package.json
	npm install --no-audit --no-fund --no-package-lock --silent
	@touch $(LINT)

# Ctrl-C (exit 130) is a normal way to pause the interview: the wizard already said how
# to resume, so make adds no error of its own.
run: $(STAMP)
	@$(BIN)/koprade-wizard $(ARGS) || status=$$?; [ "$${status:-0}" = 130 ] || exit $${status:-0}

# Every catalogue must compile cleanly (formats, plural forms, header).
po-check: $(STAMP)
	@command -v msgfmt >/dev/null 2>&1 || $(MAKE) --no-print-directory system-libs
	@for po in $(PO); do msgfmt --check --output-file=/dev/null "$$po" || exit 1; done

test: $(STAMP) $(LINT) po-check
	$(BIN)/ruff check src tests bench tools
	$(BIN)/lint-imports
	$(BIN)/mypy
	$(BIN)/pytest -n auto

# The quick loop while working: no wheel, no terminal, no whole-plan PDF.
test-fast: $(STAMP)
	$(BIN)/pytest -n auto -m "not slow and not pdf"

lint: $(STAMP)
	$(BIN)/ruff check src tests bench tools
	$(BIN)/lint-imports
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python bench/bench.py

clean:
	rm -rf $(VENV) node_modules build dist .pytest_cache
