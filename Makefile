# Labbaik: `make run` starts the whole product locally, `make test` runs the full suite.
# Both set everything up first, idempotently: the bot's environment (Python 3.11),
# Rasa's environment (Python 3.10), the database schema, the trained NLU model and,
# for tests, Chromium and the PostgreSQL service.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

PYENV_ROOT ?= $(shell pyenv root 2>/dev/null || echo $$HOME/.pyenv)
PYTHON311 ?= $(firstword $(wildcard $(PYENV_ROOT)/versions/3.11.*/bin/python) $(shell command -v python3.11))
PYTHON310 ?= $(firstword $(wildcard $(PYENV_ROOT)/versions/3.10.*/bin/python) $(shell command -v python3.10))

VENV := .venv
RASA_VENV := .venv-rasa
BOT := $(VENV)/.installed
RASA := $(RASA_VENV)/.installed
LABBAIK := $(VENV)/bin/labbaik
PG_URL ?= postgresql+psycopg://postgres@127.0.0.1:5432/labbaik_test

.PHONY: help setup run test bench fuzz lint model chromium services db

help:
	@echo "make run    - set up and start Labbaik locally (web chat at http://127.0.0.1:8080)"
	@echo "make test   - set up and run the full test suite"
	@echo "make bench  - speed and memory: side by side with the Rasa peer, both databases (QUICK=1: short runs)"
	@echo "make fuzz   - 10,000 hostile requests against labbaik run, on SQLite and PostgreSQL"
	@echo "make lint   - ruff, mypy and the import contracts (lint-imports)"

$(BOT): pyproject.toml requirements.lock
	@test -n "$(PYTHON311)" || { echo "Python 3.11 not found (pyenv or python3.11)"; exit 1; }
	test -x $(VENV)/bin/python || $(PYTHON311) -m venv $(VENV)
	$(VENV)/bin/pip install -q --upgrade pip
	$(VENV)/bin/pip install -q -r requirements.lock
	$(VENV)/bin/pip install -q --no-deps -e .
	@# our own modules' bytecode now: with PYTHONDONTWRITEBYTECODE set (as here, and in many
	@# container images) every start would compile them again (~0.4 s of CPU of `labbaik run`)
	$(VENV)/bin/python -m compileall -q bot dialogs locales nlu storage >/dev/null
	touch $@

$(RASA): nlu/requirements-rasa.lock
	@test -n "$(PYTHON310)" || { echo "Python 3.10 not found (pyenv or python3.10); Rasa 3.6 needs it"; exit 1; }
	test -x $(RASA_VENV)/bin/python || $(PYTHON310) -m venv $(RASA_VENV)
	$(RASA_VENV)/bin/pip install -q --upgrade 'pip<24.1' setuptools wheel
	$(RASA_VENV)/bin/pip install -q -r nlu/requirements-rasa.lock
	touch $@

setup: $(BOT) $(RASA) db model

db: $(BOT)
	$(LABBAIK) db upgrade

model: $(BOT) $(RASA)
	$(LABBAIK) nlu train

# Debian's Chromium for the browser tests, with Arabic-script (Naskh, Nastaliq) and emoji fonts
BROWSER_PACKAGES := chromium fonts-noto-core fonts-noto-color-emoji
chromium:
	@dpkg -s $(BROWSER_PACKAGES) >/dev/null 2>&1 || { \
	  echo "installing $(BROWSER_PACKAGES) for the browser tests"; \
	  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q $(BROWSER_PACKAGES); }

services:
	@bash tests/services.sh

run: setup
	$(LABBAIK) run

test: setup chromium services
	LABBAIK_TEST_PG_URL=$(PG_URL) LABBAIK_REQUIRE_SERVICES=1 $(VENV)/bin/pytest -q -p no:cacheprovider

# the peer and labbaik run side by side (both webhooks, SQLite and PostgreSQL), then the
# in-process figures; `make bench QUICK=1` for short runs
bench: setup services
	$(VENV)/bin/python -m bench.sidebyside $(if $(QUICK),--quick)
	$(VENV)/bin/python -m bench $(if $(QUICK),--quick)

fuzz: setup services
	$(VENV)/bin/python -m bench.fuzz

lint: $(BOT)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy bot dialogs storage nlu locales bench
	$(VENV)/bin/lint-imports
