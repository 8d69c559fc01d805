# Gongkai — the two commands a new machine needs are `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
PYTEST_ARGS ?=
PORT ?= 8000

.PHONY: run test test-sqlite test-postgres bench lint check format docs sysdeps venv native clean

# gongkai and, from demo/, gongkai-demo: the demo and test data production installs do not get.
$(STAMP): pyproject.toml demo/pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]' -e ./demo
	@touch $(STAMP)

venv: $(STAMP)

# The annual-report reader's hot modules compiled to C (mypyc) into the environment, when
# their sources changed since the last build; plain Python where there is no C compiler
# (scripts/build_native.py, gongkai/annual/parse/native.py).
native: $(STAMP)
	$(PY) scripts/build_native.py

# Debian packages the documents and browser tests need; best effort, never fatal.
sysdeps:
	@sh scripts/sysdeps.sh

# The site on http://127.0.0.1:$(PORT) (default 8000; `make run PORT=8001`) with the demo
# region (plain HTTP, so cookies are not marked Secure: GONGKAI_HTTPS=0), and the background
# worker (scripts/run.sh). Foreground.
RUN_ENV := GONGKAI_HTTPS=0 GONGKAI_BASE_URL=http://127.0.0.1:$(PORT)
run: $(STAMP) sysdeps native
	$(RUN_ENV) $(PY) manage.py migrate --noinput
	$(RUN_ENV) $(PY) manage.py load_demo --base-url http://127.0.0.1:$(PORT)
	@echo "启动服务：http://127.0.0.1:$(PORT)/ 与后台任务进程（按 Ctrl-C 停止）"
	$(RUN_ENV) VENV=$(VENV) PORT=$(PORT) sh scripts/run.sh

# The suite runs on the compiled reader, and fails if it is not in use (GONGKAI_NATIVE_REQUIRED)
# on a machine that could build it.
test: $(STAMP) sysdeps native
	$(VENV)/bin/ruff check src demo/src tests benchmarks scripts
	$(VENV)/bin/ruff format --check src demo/src tests benchmarks scripts
	$(VENV)/bin/mypy
	GONGKAI_NATIVE_REQUIRED=1 sh scripts/test-databases.sh $(PYTEST_ARGS)

bench: $(STAMP) sysdeps native
	$(PY) benchmarks/run.py

lint: $(STAMP)
	$(VENV)/bin/ruff check src demo/src tests benchmarks
	$(VENV)/bin/ruff format --check src demo/src tests benchmarks
	$(VENV)/bin/mypy

check: lint

# docs/cli.md from the --help of every command and docs/workflows.md from the workflow tables
# (tests/test_cli_docs.py and tests/test_workflow_docs.py fail when they are stale),
# then the documentation site (mkdocs.yml) into var/site/, strictly: a broken link fails.
docs: $(STAMP)
	$(PY) scripts/gen_cli_docs.py
	$(PY) scripts/gen_workflow_docs.py
	$(PY) -m mkdocs build --strict -d var/site

format: $(STAMP)
	$(VENV)/bin/ruff format src demo/src tests benchmarks
	$(VENV)/bin/ruff check --fix src demo/src tests benchmarks

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache
