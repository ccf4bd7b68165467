"""The fault-injection stack: one per test module, with a loopback site for the worker to fetch."""

from __future__ import annotations

import pytest

from tests.faults.stack import Stack, missing_binaries
from tests.sources.support import LoopbackServer
from tests.support.services import missing


@pytest.fixture(scope="module")
def site():
    server = LoopbackServer()
    yield server
    server.close()


@pytest.fixture(scope="module")
def stack(site):
    reason = missing_binaries()
    if reason:
        missing(f"fault tests need their own Redis and PostgreSQL: {reason}")
    stack = Stack(fetch_port=site.port)
    try:
        stack.start()
    except Exception:
        stack.close()
        raise
    stack.desk_info = stack.desk()
    yield stack
    stack.close()
