# factcheck: two commands on a fresh machine with Python 3.11.
#   make run   - create .venv, migrate, seed a demo, serve on PORT (8000) with gunicorn and a Celery worker
#   make dev   - the same with Django's auto-reloading runserver instead of gunicorn
#   make test  - create .venv and run the whole test suite
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
export PORT

.PHONY: run dev test lint bench venv clean

$(VENV)/.installed: requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

venv: $(VENV)/.installed

run: venv
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo
	$(PY) manage.py devserve --port $(PORT)

dev: venv
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo
	$(PY) manage.py devserve --port $(PORT) --reload

test: venv
	# A broker folder of its own, so a running `make run` worker never takes test tasks.
	CELERY_BROKER_SUBDIR=celery-test $(PY) -m pytest $(PYTEST_ARGS)

lint: venv
	$(VENV)/bin/ruff check .

bench: venv
	$(PY) bench/suggest_speed.py
	$(PY) bench/suggest_eval.py

clean:
	rm -rf var/celery var/test.sqlite3 .pytest_cache
