# factcheck: two commands on a fresh machine with Python 3.11.
#   make run   - create .venv, migrate, seed a demo, serve on PORT (8000) with gunicorn and a Celery worker
#   make dev   - the same with Django's auto-reloading runserver instead of gunicorn
#   make test  - create .venv and run the whole test suite
#   make test-fast - the suite without the slow tests (schemathesis), for the edit loop; CI runs `make test`
#   make lock  - re-resolve requirements-dev.lock / requirements.lock after changing requirements*.txt
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
export PORT

.PHONY: run dev test test-fast lint bench venv clean lock

# The whole environment comes from the lock: every package, transitive ones too, at one
# version with its hashes (pip refuses anything else). requirements*.txt say what we chose;
# the locks are generated from them (`make lock`).
$(VENV)/.installed: requirements-dev.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements-dev.lock
	touch $@

# The interface's translations: .po files are committed, .mo files are compiled here (msgfmt, or
# Babel where GNU gettext is missing; see README "Languages"). Only stale catalogs are rebuilt.
venv: $(VENV)/.installed
	$(PY) manage.py compiletranslations

run: venv
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo
	$(PY) manage.py devserve --port $(PORT)

dev: venv
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo
	$(PY) manage.py devserve --port $(PORT) --reload

test: venv
	# (venv compiled the translations: the locale tests read the .mo files.)
	# A broker folder of its own, so a running `make run` worker never takes test tasks.
	CELERY_BROKER_SUBDIR=celery-test $(PY) -m pytest $(PYTEST_ARGS)

test-fast: venv
	CELERY_BROKER_SUBDIR=celery-test $(PY) -m pytest -m "not slow" $(PYTEST_ARGS)

# Needs pip-tools (not part of the app's environment): pip install pip-tools==7.6.2
# (LOCK_TOOL, not PIP_*: pip reads every PIP_* variable as one of its options).
LOCK_TOOL ?= pip-compile
LOCK_FLAGS := --quiet --generate-hashes --strip-extras --no-emit-index-url --no-emit-find-links
lock:
	$(LOCK_TOOL) $(LOCK_FLAGS) --output-file requirements-dev.lock requirements-dev.txt
	# The image's lock is the runtime part of the same resolution (a test tool may hold a shared package back).
	$(LOCK_TOOL) $(LOCK_FLAGS) --constraint requirements-dev.lock --output-file requirements.lock requirements.txt

lint: venv
	$(VENV)/bin/ruff check .

bench: venv
	$(PY) bench/suggest_speed.py
	$(PY) bench/suggest_eval.py
	$(PY) bench/suggest_eval.py --corpus bench/corpus/holdout
	$(PY) bench/figure_eval.py

clean:
	rm -rf var/celery var/test.sqlite3 .pytest_cache
