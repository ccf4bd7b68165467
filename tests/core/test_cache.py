"""The Redis cache fails open: a Redis that is down or hung makes reads miss, not requests fail."""

from __future__ import annotations

import logging
import socket
import threading

import pytest

from factcheck.core.cache import FailOpenRedisCache


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def black_hole():
    """A loopback port that accepts connections and never answers, like a hung (SIGSTOPped) Redis."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(server.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield server.getsockname()[1]
    stop.set()
    thread.join(2)
    for conn in held:
        conn.close()
    server.close()


def make(port: int) -> FailOpenRedisCache:
    return FailOpenRedisCache(f"redis://127.0.0.1:{port}/0",
                              {"OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}})


def test_a_stopped_redis_reads_as_an_empty_cache_and_says_so_once(caplog):
    cache = make(closed_port())
    with caplog.at_level(logging.WARNING, logger="factcheck.core.cache"):
        assert cache.get("throttle_user_1", []) == []
        cache.set("throttle_user_1", [1.0], 60)  # dropped, not raised
        assert cache.add("k", 1) is False and cache.get_many(["a", "b"]) == {}
        with pytest.raises(ValueError):
            cache.incr("counter")
    warnings = [r for r in caplog.records if "cache unavailable" in r.getMessage()]
    assert len(warnings) == 1 and "ConnectionError" in warnings[0].getMessage()
    assert cache.is_down() and cache.ping() is False


def test_a_hung_redis_costs_one_read_timeout_then_is_skipped(black_hole):
    cache = make(black_hole)
    assert cache.get("key", "default") == "default"  # one socket timeout
    assert cache.is_down()
    assert cache.get("key", "again") == "again"  # skipped: no second wait while it is down


def test_a_reachable_redis_works_as_usual(require_redis):
    cache = FailOpenRedisCache(require_redis, {"KEY_PREFIX": "fail-open-test"})
    cache.set("x", {"n": 1}, 30)
    assert cache.get("x") == {"n": 1} and cache.ping() is True
    cache.delete("x")


def test_after_an_outage_the_change_stamps_are_replaced_before_anything_is_read(require_redis):
    # Writes made while Redis was away could not replace their stamps (core/stamps.py): whatever was
    # cached under the old ones must not be served once Redis answers again.
    from django.core.cache import caches

    from factcheck.core import stamps

    cache = caches["default"]
    if not isinstance(cache, FailOpenRedisCache):
        pytest.skip("the default cache is not Redis")
    stamps.replace(stamps.KEYS)
    before = cache.get_many(list(stamps.KEYS.values()))
    cache._failed = True  # as after a failed call
    after = cache.get_many(list(stamps.KEYS.values()))
    assert set(after) == set(before) and all(after[k] != before[k] for k in before)


def test_a_counter_counts_in_one_call_and_reads_the_previous_window(require_redis):
    from django.core.cache import caches

    from factcheck.core import cache as core_cache

    cache = caches["default"]
    cache.delete_many(["count:now", "count:before"])
    cache.set("count:before", 7, 60)
    assert [core_cache.count("count:now", "count:before", 60) for _ in range(3)] == [(1, 7), (2, 7), (3, 7)]
    assert core_cache.count("count:now", "count:before", 60, delta=-1) == (2, 7)
    assert make(closed_port()).count("count:now", "count:before", 60) == (0, 0)
