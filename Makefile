# Citynews developer commands. `make` (or `make help`) lists them; each target's `## ` comment is its help.

.DEFAULT_GOAL := help
SHELL := /bin/bash

VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.requirements-installed
ARGS ?=

.PHONY: help venv install run test lint schema newsletter clean bench

help: ## Show this list of targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z0-9_.-]+:.*## / {printf "  %-10s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

venv: $(STAMP) ## Create .venv if missing and install requirements-dev.txt (again only when they change)

install: venv ## Same as venv

$(STAMP): requirements.txt requirements-dev.txt
	@scripts/venv.sh

run: ## Migrate the SQLite database, load demo content, ensure the admin user, serve on 127.0.0.1:$PORT (8000)
	@scripts/run.sh

test: ## Lint, check migrations and run pytest on a throwaway PostgreSQL (pytest options: ARGS="-k foo")
	@scripts/test.sh $(ARGS)

bench: ## Benchmark against the floor, Wagtail API v2 and wagtail-grapple on 10,000 news items; writes BENCHMARKS.md (QUICK=1: short)
	@QUICK=$(QUICK) scripts/bench.sh

lint: venv ## ruff check, ruff format --check, mypy (strict on graphql_api/) and makemigrations --check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy
	DJANGO_SETTINGS_MODULE=cms.settings.dev $(PY) manage.py makemigrations --check --dry-run

schema: venv ## Regenerate schema.graphql (the committed API contract) from the running schema
	DJANGO_SETTINGS_MODULE=cms.settings.dev $(PY) manage.py export_graphql_schema

newsletter: venv ## Build newsletter.html from a running CMS's API: make newsletter SINCE=2024-01-01 [UNTIL= LOCALE= OUT= API_URL=]
	@test -n "$(SINCE)" || { echo "Give SINCE, e.g. make newsletter SINCE=2024-01-01"; exit 2; }
	DJANGO_SETTINGS_MODULE=cms.settings.dev $(PY) manage.py newsletter --since "$(SINCE)" --out "$(or $(OUT),newsletter.html)" \
		$(if $(UNTIL),--until "$(UNTIL)") $(if $(LOCALE),--locale "$(LOCALE)") $(if $(API_URL),--api-url "$(API_URL)")

clean: ## Remove caches and collected static files (keeps .venv, db.sqlite3 and media/)
	find . -path ./$(VENV) -prune -o -type d -name __pycache__ -exec rm -rf {} +
	rm -rf .pytest_cache .ruff_cache .mypy_cache staticfiles
