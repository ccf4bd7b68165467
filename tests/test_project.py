"""Project-level promises: migrations, deploy checks, the compose file, the import rules."""

from __future__ import annotations

import ast
import os
import shlex
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
import yaml

from tests.support import services

ROOT = Path(__file__).resolve().parents[1]


def run_manage(*args: str, env: dict | None = None, timeout: int = 180) -> subprocess.CompletedProcess:
    full = dict(os.environ)
    full.update(env or {})
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=full, capture_output=True, text=True, timeout=timeout
    )


def test_models_and_migrations_agree():
    proc = run_manage("makemigrations", "--check", "--dry-run")
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_migrations_apply_on_sqlite(tmp_path):
    proc = run_manage("migrate", "--noinput", env={"DATABASE_URL": f"sqlite:///{tmp_path / 'm.sqlite3'}"})
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "m.sqlite3").stat().st_size > 0


@pytest.mark.services
def test_migrations_apply_on_postgresql():
    url = services.require_postgres()
    import psycopg

    name = f"fc_migrate_{uuid.uuid4().hex[:8]}"
    base = url.rsplit("/", 1)[0]
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        proc = run_manage("migrate", "--noinput", env={"DATABASE_URL": f"{base}/{name}"})
        assert proc.returncode == 0, proc.stderr
        with psycopg.connect(f"{base}/{name}") as conn:
            tables = {r[0] for r in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname='public'")}
        assert {"claims_claim", "claims_claimevent", "sources_lookup", "articles_articlerevision"} <= tables
    finally:
        with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_deploy_check_passes_with_production_values(tmp_path):
    env = {
        "DEBUG": "0",
        "SECRET_KEY": "x" * 20 + uuid.uuid4().hex + "-Production-Secret",
        "ALLOWED_HOSTS": "factcheck.example.org",
        "SECURE_COOKIES": "1",
        "SECURE_SSL_REDIRECT": "1",
        "SECURE_HSTS_SECONDS": "31536000",
        "BEHIND_TLS_PROXY": "1",
        "SECURE_HSTS_PRELOAD": "1",
        "FACTCHECK_VAR_DIR": str(tmp_path),
    }
    proc = run_manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "no issues" in proc.stdout


def test_deploy_check_warns_with_local_defaults(tmp_path):
    proc = run_manage("check", "--deploy", "--fail-level", "WARNING", env={"FACTCHECK_VAR_DIR": str(tmp_path)})
    assert proc.returncode != 0
    assert "SECURE_HSTS_SECONDS" in proc.stderr + proc.stdout


def _compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_compose_describes_the_production_stack():
    compose = _compose()
    assert set(compose["services"]) == {"web", "worker", "beat", "postgres", "redis"}
    for name in ("web", "worker", "postgres", "redis"):
        assert "healthcheck" in compose["services"][name], name
    assert "pgdata:/var/lib/postgresql/data" in compose["services"]["postgres"]["volumes"]
    assert "pgdata" in compose["volumes"]
    assert "gunicorn" in compose["services"]["web"]["command"]
    assert compose["services"]["web"]["environment"]["DATABASE_URL"].startswith("postgres://")


def _commands(compose: dict) -> list[list[str]]:
    found = []
    for service in compose["services"].values():
        command = service.get("command")
        if not command or (service.get("image", "").startswith(("postgres", "redis")) and "build" not in service):
            continue
        parts = shlex.split(command) if isinstance(command, str) else list(command)
        if parts[:2] == ["sh", "-c"]:
            for piece in parts[2].split("&&"):
                found.append(shlex.split(piece))
        else:
            found.append(parts)
    return found


def test_every_compose_command_exists_in_the_project():
    import importlib

    from django.core.management import get_commands

    commands = _commands(_compose())
    assert commands
    for parts in commands:
        program = parts[0]
        if program == "python" and parts[1] == "manage.py":
            assert parts[2] in get_commands(), parts
        elif program == "gunicorn":
            module, _, attr = parts[1].partition(":")
            assert hasattr(importlib.import_module(module), attr or "application"), parts
        elif program == "celery":
            assert parts[1:3] == ["-A", "factcheck"], parts
            assert parts[3] in ("worker", "beat"), parts
            importlib.import_module("factcheck.celery")
            if "--queues" in parts:
                from django.conf import settings

                queues = set(parts[parts.index("--queues") + 1].split(","))
                routed = {r["queue"] for r in settings.CELERY_TASK_ROUTES.values()} | {"default"}
                assert routed <= queues, (routed, queues)
        else:
            pytest.fail(f"unexpected program in docker-compose.yml: {parts}")
    # The image the services run is built here, and it installs what they need.
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "requirements.lock" in dockerfile and "--require-hashes" in dockerfile and "collectstatic" in dockerfile


def _pins(path: Path) -> dict[str, str]:
    """name -> version of every `name==version` line (extras dropped, names normalised as pip does)."""
    pins = {}
    for line in path.read_text().splitlines():
        line = line.split("#")[0].strip().rstrip("\\").strip()
        if "==" not in line or line.startswith("-"):
            continue
        name, version = line.split("==", 1)
        name = name.split("[")[0].strip().lower().replace("_", "-").replace(".", "-")
        pins[name] = version.split(";")[0].strip()
    return pins


def test_every_chosen_pin_is_in_the_locks_at_the_same_version():
    # make installs only from the locks: a package added to requirements*.txt without `make lock`
    # would be missing on a fresh machine while a developer's old venv still has it.
    dev_lock, image_lock = _pins(ROOT / "requirements-dev.lock"), _pins(ROOT / "requirements.lock")
    for name, version in _pins(ROOT / "requirements.txt").items():
        assert dev_lock.get(name) == version, f"{name}=={version} is not in requirements-dev.lock; run make lock"
        assert image_lock.get(name) == version, f"{name}=={version} is not in requirements.lock; run make lock"
    for name, version in _pins(ROOT / "requirements-dev.txt").items():
        assert dev_lock.get(name) == version, f"{name}=={version} is not in requirements-dev.lock; run make lock"


# --- import rules from the design ---------------------------------------------------------

PACKAGES = ROOT / "factcheck"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _files(package: str) -> list[Path]:
    return sorted((PACKAGES / package).rglob("*.py"))


def _in(module: str, package: str) -> bool:
    # "factcheck.webhooks" is not inside "factcheck.web".
    return module == package or module.startswith(package + ".")


@pytest.mark.parametrize("package", ["articles", "claims", "sources", "accounts", "core", "publishing", "webhooks"])
def test_domain_packages_never_import_the_web_or_api_layers(package):
    for path in _files(package):
        bad = {n for n in _imports(path) if _in(n, "factcheck.web") or _in(n, "factcheck.api")}
        assert not bad, f"{path.relative_to(ROOT)} imports {bad}"


def test_core_imports_no_domain_package():
    for path in _files("core"):
        bad = {
            n for n in _imports(path)
            if n.startswith("factcheck.") and not n.startswith(("factcheck.core", "factcheck.celery"))
        }
        assert not bad, f"{path.relative_to(ROOT)} imports {bad}"


def test_web_and_api_never_import_each_other():
    for a, b in (("web", "factcheck.api"), ("api", "factcheck.web")):
        for path in _files(a):
            assert not {n for n in _imports(path) if _in(n, b)}, path


def test_only_fetch_opens_outbound_connections():
    network = ("requests", "urllib.request", "http.client", "urllib3", "httpx", "socket", "aiohttp")
    for path in PACKAGES.rglob("*.py"):
        if path.name == "fetch.py" and path.parent.name == "sources":
            continue
        bad = {n for n in _imports(path) if n.split(".")[0] in {x.split(".")[0] for x in network} and n in network}
        assert not bad, f"{path.relative_to(ROOT)} imports {bad}"


# Domain packages import each other one way (DESIGN.md): a package may import those below it.
LAYERS = ["core", "accounts", "articles", "claims", "sources", "publishing"]


def _target(name: str) -> str | None:
    parts = name.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "factcheck" and parts[1] in LAYERS else None


@pytest.mark.parametrize("package", LAYERS)
def test_domain_packages_import_only_the_packages_below_them(package):
    allowed = set(LAYERS[: LAYERS.index(package) + 1])
    for path in _files(package):
        bad = {n for n in _imports(path) if _target(n) and _target(n) not in allowed}
        assert not bad, f"{path.relative_to(ROOT)} imports {bad}: {package} may import only {sorted(allowed)}"


# Function-level imports between packages hide a loop or a dependency the module list does
# not show. The few kept, with the reason each one must wait until it runs:
FUNCTION_IMPORTS_ALLOWED = {
    # AppConfig.ready() is where Django wires packages together at start-up; models are not
    # importable before it runs. Each hands a lower package a function it calls back.
    ("factcheck/claims/apps.py", "factcheck.articles.services"): "hands re-anchoring to article_revise",
    ("factcheck/sources/apps.py", "factcheck.claims.services.common"): "hands the evidence gate and claim-opened lookups",
    ("factcheck/publishing/apps.py", "factcheck.claims.services.common"): "hands the claim-event hook (corrections)",
}


def _function_imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    found = set()
    for func in ast.walk(tree):
        if not isinstance(func, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        for node in ast.walk(func):
            if isinstance(node, ast.Import):
                found.update(a.name for a in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.add(node.module)
    return found


def test_no_function_level_imports_between_packages():
    offenders = []
    for path in sorted(PACKAGES.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        rel = path.relative_to(ROOT).as_posix()
        home = path.relative_to(PACKAGES).parts[0]
        for name in _function_imports(path):
            parts = name.split(".")
            if parts[0] != "factcheck" or len(parts) < 2 or parts[1] == home:
                continue
            if (rel, name) not in FUNCTION_IMPORTS_ALLOWED:
                offenders.append(f"{rel} imports {name} inside a function")
    assert not offenders, "\n".join(offenders)


# A module past this many lines holds more than one idea; split it (as claims/services/ was).
MAX_MODULE_LINES = 600
LONG_MODULES_ALLOWED = {
    "factcheck/claims/suggest/engine.py": "being split on the engine branch (_judge in parts)",
    "tests/sources/test_fetch.py": "one table of hostile addresses per rule of the fetcher; read as one list",
}


def test_no_module_is_too_long():
    long = []
    for path in sorted([*PACKAGES.rglob("*.py"), *(ROOT / "tests").rglob("*.py"), *(ROOT / "bench").rglob("*.py")]):
        rel = path.relative_to(ROOT).as_posix()
        if "migrations" in path.parts or rel in LONG_MODULES_ALLOWED:
            continue
        lines = len(path.read_text().splitlines())
        if lines > MAX_MODULE_LINES:
            long.append(f"{rel}: {lines} lines")
    assert not long, "\n".join(long)
