"""Which real services the tests can reach, and what to do when one is missing.

On a fresh machine tests that need PostgreSQL, Redis or a worker skip with a
reason; with REQUIRE_SERVICES=1 (CI) they fail instead, so a broken service
can never turn into a green run.
"""

from __future__ import annotations

import os
import socket
from urllib.parse import urlsplit

import pytest

REQUIRE = os.environ.get("REQUIRE_SERVICES", "") == "1"


def missing(reason: str) -> None:
    if REQUIRE:
        pytest.fail(f"REQUIRE_SERVICES=1 but {reason}", pytrace=False)
    pytest.skip(reason)


def reachable(url: str, default_port: int) -> bool:
    parts = urlsplit(url)
    host = parts.hostname or "127.0.0.1"
    if host not in ("127.0.0.1", "localhost", "::1"):
        # Tests only ever talk to services on this machine.
        return False
    try:
        with socket.create_connection((host, parts.port or default_port), timeout=1):
            return True
    except OSError:
        return False


def redis_url() -> str | None:
    url = os.environ.get("REDIS_URL")
    if url and reachable(url, 6379):
        return url
    return None


def require_redis() -> str:
    url = redis_url()
    if not url:
        missing("Redis is not configured or not reachable (set REDIS_URL=redis://127.0.0.1:6379/0)")
    return url


def postgres_url() -> str | None:
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")) and reachable(url, 5432):
        return url
    return None


def require_postgres() -> str:
    url = postgres_url()
    if not url:
        missing("PostgreSQL is not configured or not reachable (set DATABASE_URL=postgres://postgres@127.0.0.1:5432/test)")
    return url
