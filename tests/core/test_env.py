"""Settings come from the environment and fail loudly on bad values."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.core.env import EnvError, env_bool, env_database, env_int, env_int_list, env_redis_url

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("raw,expected", [("1", True), ("yes", True), ("off", False), ("0", False), ("TRUE", True)])
def test_env_bool_reads_common_spellings(raw, expected):
    assert env_bool("DEBUG", False, environ={"DEBUG": raw}) is expected


def test_env_bool_refuses_maybe_naming_the_variable():
    with pytest.raises(EnvError, match="DEBUG='maybe' is not a boolean"):
        env_bool("DEBUG", False, environ={"DEBUG": "maybe"})


def test_env_int_refuses_words_and_small_values():
    with pytest.raises(EnvError, match="ARTICLE_MAX_CHARS='lots'"):
        env_int("ARTICLE_MAX_CHARS", 1, environ={"ARTICLE_MAX_CHARS": "lots"})
    with pytest.raises(EnvError, match="at least 1"):
        env_int("ARTICLE_MAX_CHARS", 1, minimum=1, environ={"ARTICLE_MAX_CHARS": "0"})


def test_env_int_list_refuses_a_port_that_is_not_a_number():
    assert env_int_list("FETCH_ALLOWED_PORTS", [80], environ={"FETCH_ALLOWED_PORTS": "80, 8080"}) == [80, 8080]
    with pytest.raises(EnvError, match="FETCH_ALLOWED_PORTS"):
        env_int_list("FETCH_ALLOWED_PORTS", [80], environ={"FETCH_ALLOWED_PORTS": "80,http"})


@pytest.mark.parametrize("url", ["mysql://x@y/z", "nonsense", "postgres://127.0.0.1:5432/"])
def test_env_database_refuses_unsupported_or_incomplete_urls(url):
    with pytest.raises(EnvError, match="DATABASE_URL"):
        env_database("DATABASE_URL", "sqlite:///x", environ={"DATABASE_URL": url})


def test_env_database_parses_postgres():
    config = env_database("DATABASE_URL", "", environ={"DATABASE_URL": "postgres://postgres@127.0.0.1:5432/news"})
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert config["NAME"] == "news"


def test_env_redis_url_refuses_other_schemes():
    with pytest.raises(EnvError, match="REDIS_URL"):
        env_redis_url("REDIS_URL", environ={"REDIS_URL": "http://127.0.0.1:6379"})


@pytest.mark.parametrize(
    "name,value",
    [("DEBUG", "maybe"), ("DATABASE_URL", "mysql://root@127.0.0.1/x"), ("ARTICLE_MAX_CHARS", "many")],
)
def test_start_up_stops_with_one_line_naming_the_variable(name, value, tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL",)}
    env.update({name: value, "FACTCHECK_VAR_DIR": str(tmp_path)})
    proc = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert name in lines[0]


def _site_url(tmp_path, **extra: str) -> str:
    env = {k: v for k, v in os.environ.items() if k not in ("SITE_URL", "PORT")}
    env.update({"FACTCHECK_VAR_DIR": str(tmp_path), **extra})
    proc = subprocess.run(
        [sys.executable, "-c", "import django, os; os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'factcheck.settings');"
         " django.setup(); from django.conf import settings; print(settings.SITE_URL)"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.strip()


def test_site_url_follows_the_served_port_when_unset(tmp_path):
    """`PORT=18100 make run` once sent emails and ClaimReview URLs to :8000."""
    assert _site_url(tmp_path, PORT="18100") == "http://127.0.0.1:18100"
    assert _site_url(tmp_path) == "http://127.0.0.1:8000"
    assert _site_url(tmp_path, PORT="18100", SITE_URL="https://desk.example/") == "https://desk.example"


def test_devserve_passes_its_port_to_the_web_process_and_worker():
    from factcheck.core.management.commands.devserve import child_env

    env = child_env(18100, {"PORT": "8000", "PATH": "/usr/bin"})
    assert env == {"PORT": "18100", "PATH": "/usr/bin"}
