# Every command anyone needs. The README names two: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/cityforum
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export PIP_DISABLE_PIP_VERSION_CHECK := 1
# The apps with strings for readers or editors, each with its own catalogues in locale/.
APPS := blog community contributions discussion importers projects subscriptions \
	vocabulary website
# The languages each app's catalogues translate into (settings.LANGUAGES but the default).
TRANSLATIONS := fr es

.PHONY: run test install install-dev migrate demo serve worker test-sqlite test-postgres test-install \
	lint format bench bench-load services chromium clean \
	messages messages-compile gettext dist

## The site with demo content on SQLite, a task worker beside it: http://127.0.0.1:8000/
run: install migrate demo serve

## The whole suite: lint, every test on SQLite and again on PostgreSQL, then the plugins
## built as a wheel and an sdist and installed into a new `wagtail start` site.
test: install-dev chromium services lint test-sqlite test-postgres test-install

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install -q -e ".[site]"
	$(MAKE) -s messages-compile

install-dev: $(BIN)/python
	$(BIN)/pip install -q -e ".[site,dev]"
	$(MAKE) -s messages-compile

## The French and Spanish catalogues (each app's locale/): `messages` collects new strings
## from the code into the .po files, `messages-compile` makes the .mo files Django reads.
messages: gettext
	for app in $(APPS); do (cd $$app && ../$(BIN)/python ../manage.py makemessages \
		$(addprefix -l ,$(TRANSLATIONS)) --add-location=file --no-obsolete --ignore="static/*" -v 0); done
	@# A new catalogue's header comes marked fuzzy and without its language: fix both.
	for po in */locale/*/LC_MESSAGES/django.po; do lang=$$(echo $$po | cut -d/ -f3); \
		sed -i -e '1,/^msgid/{/^#, fuzzy$$/d}' \
		-e "s/^\"Language: \\\\n\"$$/\"Language: $$lang\\\\n\"/" $$po; done

messages-compile: gettext
	$(BIN)/python manage.py compilemessages --ignore=".venv" -v 0

## The plugins as a wheel and an sdist in dist/, with their compiled catalogues.
dist: install-dev
	$(BIN)/python -m build --outdir dist .

gettext:
	@command -v msgfmt >/dev/null || { $(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq gettext >/dev/null; }

migrate:
	$(BIN)/python manage.py migrate --noinput -v 0

demo:
	$(BIN)/python manage.py load_demo

serve:
	@echo "Serving on http://$(HOST):$(PORT)/ (admin at /admin/); Ctrl-C stops the site and worker."
	$(BIN)/python manage.py db_worker & trap 'kill $$! 2>/dev/null' EXIT INT TERM; \
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

## Background tasks (database queue by default; RQ on Redis when REDIS_URL is set).
worker:
	@if [ -n "$$REDIS_URL" ]; then $(BIN)/python manage.py rqworker default; \
	else $(BIN)/python manage.py db_worker; fi

test-sqlite:
	DATABASE_URL=sqlite://:memory: $(BIN)/pytest -n 2 -m "not install"

test-postgres:
	DATABASE_URL=$(TEST_DATABASE_URL) $(BIN)/pytest -n 2 -m "not install"

## Once, whatever the database: it builds its own site in a temporary folder.
test-install:
	DATABASE_URL=sqlite://:memory: $(BIN)/pytest -m install

lint:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format:
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: install-dev
	$(BIN)/python bench/bench_pages.py
	$(BIN)/python bench/bench_import.py
	$(BIN)/python bench/bench_comments.py

## gunicorn and the production settings under load (wrk), on PostgreSQL and Redis.
bench-load: install-dev services
	@command -v wrk >/dev/null || { $(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq wrk >/dev/null; }
	$(BIN)/python bench/bench_load.py

## Debian's Chromium for the browser tests (Playwright never downloads its own).
chromium:
	@command -v chromium >/dev/null || { $(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium >/dev/null; }

## PostgreSQL and Redis on this machine, started if they are down.
services:
	@pg_isready -q -h 127.0.0.1 -p 5432 || \
		$(SUDO) pg_ctlcluster --skip-systemctl-redirect $$(ls /etc/postgresql) main start
	@redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 || \
		$(SUDO) redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no
	@for i in $$(seq 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done

clean:
	rm -rf $(VENV) test-artifacts *.egg-info
