# Peluit: `make run` serves the product, `make test` runs every test.
# Both set up what they need on a fresh Debian machine with Python 3.11.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
PG_URL ?= postgres://postgres@127.0.0.1:5432/peluit

.PHONY: run test test-sqlite test-postgres setup lint format messages seed clean

$(BIN)/.installed: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

setup: $(BIN)/.installed
	umask 077; $(BIN)/python manage.py migrate --noinput
	umask 077; $(BIN)/python manage.py migrate --noinput --database audit
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0

# The worker (e-mail notices) runs beside the web server. Gunicorn is not
# exec'd: exec would replace the shell and its trap with it. The shell
# waits for gunicorn instead, and when it exits (the server stopped, or
# make got Ctrl-C or SIGTERM) the trap stops both and waits for them.
run: export PELUIT_SITE_URL ?= http://$(HOST):$(PORT)
run: setup
	@$(BIN)/python manage.py peluit_setup_link
	@$(BIN)/python manage.py peluit_purge_orphans
	trap 'kill $$server $$worker 2>/dev/null; wait' EXIT; \
	trap 'exit 130' INT; trap 'exit 143' TERM; \
	$(BIN)/python manage.py peluit_worker & worker=$$!; \
	$(BIN)/gunicorn peluit.wsgi:application --config gunicorn.conf.py --bind $(HOST):$(PORT) & server=$$!; \
	wait $$server

seed: setup
	$(BIN)/python manage.py seed_samples

test: lint test-sqlite test-postgres

SYSTEM_TOOLS := /usr/bin/chromium /usr/bin/xgettext

test-sqlite: $(BIN)/.installed $(SYSTEM_TOOLS)
	$(BIN)/pytest

test-postgres: $(BIN)/.installed $(SYSTEM_TOOLS)
	@scripts/ensure-postgres
	DATABASE_URL=$(PG_URL) AUDIT_DATABASE_URL=$(PG_URL)_audit $(BIN)/pytest

# Browser tests drive Debian's Chromium; the catalogue test needs gettext.
/usr/bin/chromium /usr/bin/xgettext:
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium gettext

lint: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: $(BIN)/.installed
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# Needs GNU gettext (apt-get install gettext); the compiled catalogues are
# committed so that running Peluit does not.
messages: $(BIN)/.installed
	cd peluit && ../$(BIN)/django-admin makemessages --locale id --locale en --no-obsolete --no-location
	cd peluit && ../$(BIN)/django-admin compilemessages

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
