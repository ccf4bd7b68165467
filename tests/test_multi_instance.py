"""Two web processes and two workers, started separately against one PostgreSQL and one Redis, act as one site.

What a newsroom on several hosts needs (README "Deploying: several hosts"): a member logged in through
one web process is logged in on the other; a file uploaded through one is downloaded, byte for byte,
from the other; the same page attached at the same instant through both is one source fetched once, and
every lookup runs exactly once whichever worker takes it; failed logins and the API's login throttle
add up across processes. Real processes (tests/support/cluster.py), each with its own var folder.
"""

from __future__ import annotations

import pytest

from tests.faults.stack import missing_binaries
from tests.sources.support import LoopbackServer
from tests.support import services
from tests.support.cluster import (
    Cluster,
    attach_urls_everywhere,
    check_lockout,
    check_lookups,
    check_sessions,
    check_throttle,
    check_uploads,
)

pytestmark = [pytest.mark.services, pytest.mark.slow]

LOCKOUT_LIMIT = 3
LOGIN_RATE = 4


@pytest.fixture(scope="module")
def site():
    server = LoopbackServer()
    yield server
    server.close()


@pytest.fixture(scope="module")
def cluster(site):
    server = services.require_postgres()
    reason = missing_binaries()
    if reason and "redis" in reason:
        services.missing(f"the multi-instance test runs a redis-server of its own: {reason}")
    cluster = Cluster(server, site.port, extra_env={
        "AXES_FAILURE_LIMIT": str(LOCKOUT_LIMIT), "API_THROTTLE_LOGIN": f"{LOGIN_RATE}/min"})
    try:
        cluster.start(webs=2, workers=2)
        cluster.desk_info = cluster.desk(claims=8)
    except Exception:
        cluster.close()
        raise
    yield cluster
    cluster.close()


def test_a_member_logged_in_on_one_web_process_is_logged_in_on_the_other(cluster):
    check, _ = check_sessions(cluster, "reviewer0")
    assert check.ok, check.failures
    assert check.done == 2


def test_a_file_uploaded_through_one_web_process_downloads_from_the_other(cluster):
    _, browser = check_sessions(cluster, "reviewer0")
    check = check_uploads(cluster, browser, cluster.desk_info["claims"][:2])
    assert check.ok, check.failures
    assert check.done == 2
    # Nothing of the uploads is in either host's own folder: all of it is in the shared storage.
    assert len(list(cluster.media.rglob("notes-*.txt"))) == 2
    assert not [p for p in cluster.base.glob("host-*/**/notes-*") if p.is_file()]


def test_a_page_attached_through_both_web_processes_at_once_is_fetched_once(cluster, site):
    _, browser = check_sessions(cluster, "reviewer0")
    paths = attach_urls_everywhere(cluster, browser, site, cluster.desk_info["claims"][2:8], "test")
    check = check_lookups(cluster, site, paths)
    assert check.ok, check.failures
    # 3 pages: each one source, one fetch, fetched once; 2 claims each: one figure check per claim.
    assert len(paths) == 3 and check.done == 3 + 3 + 6 + 3


def test_failed_logins_on_either_web_process_lock_the_account_on_both(cluster):
    check = check_lockout(cluster, "lockme", LOCKOUT_LIMIT)
    assert check.ok, check.failures


def test_the_api_login_throttle_is_shared_by_the_web_processes(cluster):
    check = check_throttle(cluster, LOGIN_RATE)
    assert check.ok, check.failures
