# The two commands: `make run` and `make test`. Everything else is a helper.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
ADDR ?= 127.0.0.1:8000
LOCAL_ENV := DEBUG=true

.PHONY: run test install demo messages bench clean lock

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --editable ".[test,local]"
	touch $@

install: $(VENV)/.installed

# axe-core for the accessibility checks of the browser tests (package.json); nothing is built.
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --silent

run: install
	$(LOCAL_ENV) $(BIN)/python manage.py migrate --noinput
	$(LOCAL_ENV) $(BIN)/python manage.py load_demo
	$(LOCAL_ENV) $(BIN)/python manage.py runserver $(ADDR)

# Without DATABASE_URL both commands use an embedded PostgreSQL in .pgdata/ (newsroom/embedded_postgres.py).
test: install node_modules/.package-lock.json
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# Refresh the German catalogues after changing UI strings (needs GNU gettext): django.po for
# Python and templates, djangojs.po for the admin's scripts (the article body's editor).
messages: install
	$(BIN)/python manage.py makemessages --locale de --ignore "$(VENV)/*" --ignore "node_modules/*" --no-obsolete
	$(BIN)/python manage.py makemessages --domain djangojs --locale de --ignore "$(VENV)/*" --ignore "node_modules/*" --ignore "staticfiles/*" --no-obsolete
	$(BIN)/python manage.py compilemessages --locale de --ignore "$(VENV)/*"

bench: install
	$(BIN)/python bench/run.py $(BENCH_ARGS)

# Pin pyproject.toml's runtime dependencies, with hashes, in requirements.lock for the Docker image,
# after changing them (needs uv: pip install uv). LOCK_ARGS=--upgrade moves every pin to the newest.
UV ?= uv
lock:
	$(UV) pip compile pyproject.toml --python-version 3.12 --python-platform x86_64-manylinux_2_28 \
		--generate-hashes --quiet --custom-compile-command "make lock" --output-file requirements.lock $(LOCK_ARGS)

clean:
	rm -rf $(VENV) media staticfiles .pytest_cache test-artifacts
	-pkill -f "postgres -D $(CURDIR)/.pgdata" ; rm -rf .pgdata
