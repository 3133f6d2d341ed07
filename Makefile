# Flensburg digital – the documented entry points.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev
HOST ?= 127.0.0.1
PORT ?= 8000
# pytest-xdist workers for `make test` (a number or "auto": one per CPU core).
TEST_WORKERS ?= auto

.PHONY: run test install install-dev messages extract-messages lint format clean demo

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP): requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(DEV_STAMP): requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $(STAMP) $@

install: $(STAMP) messages

install-dev: $(DEV_STAMP) messages

## Compile the gettext catalogues (only when a .po is newer than its .mo).
messages: $(STAMP)
	@$(BIN)/python scripts/compile_messages.py

## Install, migrate, load the demo content, create a local admin and serve.
run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo_content
	$(BIN)/python manage.py ensure_dev_admin
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

demo: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo_content

## Lint and run the whole test suite (on DATABASE_URL, SQLite when unset): everything but the
## browser tests in parallel (pytest-xdist, one database per worker; tests marked
## xdist_group stay together on one worker), then the Chromium tests on their own, one at a time.
test: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DJANGO_SETTINGS_MODULE=website.settings.test $(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadgroup -m "not browser"
	$(BIN)/python -m pytest -p no:xdist -m browser

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) db.sqlite3 media static

## Re-extract UI strings into locale/*/django.po (needs GNU gettext: apt-get install gettext).
extract-messages: install
	$(BIN)/python manage.py makemessages --no-obsolete --no-location -l de -l da -l en \
		--ignore=.venv --ignore=static --ignore=media --ignore=tests --ignore=bench --ignore=node_modules
	$(BIN)/python scripts/fill_source_catalogue.py
