"""A Redis cache that fails open: when Redis is down or hung, reads miss and writes are dropped.

Everything the project keeps in the cache (DRF's throttle histories above all) is a hint
that can be lost, never the only copy of anything. Django's RedisCache lets the
ConnectionError out, which made every API request a 500 while Redis was away (issue 13). Here
a failing call logs one warning, returns what an empty cache would, and the next few
seconds skip Redis entirely, so a hung server costs one socket timeout per process, not one
per request. Throttling is therefore off while Redis is: a deliberate choice, since refusing
all newsroom traffic would be worse than a few unthrottled minutes.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Any

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient

log = logging.getLogger(__name__)
# Called once when the cache answers again after a failure in this process: writes made meanwhile
# could not replace their change stamps (core/stamps.py), so they are replaced now.
ON_RECOVERY: list = []

# Seconds to skip Redis after a failure. Short: the first request after Redis returns only
# has to wait this long to use it again.
SKIP_SECONDS = 5.0


def _redis_errors() -> tuple[type[BaseException], ...]:
    from redis.exceptions import RedisError

    return (RedisError, OSError)


class ReusedClientsRedisCacheClient(RedisCacheClient):
    """Django's Redis client, keeping one ``redis.Redis`` per connection pool.

    Django builds a new ``redis.Redis`` for every cache call; with redis-py 8 that took about
    0.2 ms, more than the round trip itself, twice per API request. A ``redis.Redis`` is safe to
    share between threads (each command takes a connection from the pool), and the pool itself
    starts afresh in a forked process.
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._clients: dict[int, Any] = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            client = self._clients[index] = self._client(connection_pool=self._get_connection_pool(write))
        return client

    def set_many(self, data, timeout):
        if timeout is not None:
            return super().set_many(data, timeout)
        # Without expiry (the change stamps, core/stamps.py: once per write): one MSET, atomic by
        # itself, instead of Django's MULTI/MSET/EXEC pipeline and the Pipeline object it builds.
        self.get_client(None, write=True).mset({k: self._serializer.dumps(v) for k, v in data.items()})
        return None


class FailOpenRedisCache(RedisCache):
    """Django's RedisCache, answering like an empty cache while Redis cannot be reached."""

    def __init__(self, server: str, params: dict) -> None:
        super().__init__(server, params)
        self._class = ReusedClientsRedisCacheClient
        self._down_until = 0.0
        self._failed = False
        self._lock = threading.Lock()
        self._errors = _redis_errors()

    def is_down(self) -> bool:
        """True while the last failure is recent (for /healthz: no need to wait on a timeout)."""
        return time.monotonic() < self._down_until

    def _guard(self, name: str, default: Any, *args: Any, **kwargs: Any) -> Any:
        # ``name`` is a method of RedisCache (or our own ``_count``), run unless Redis is away.
        if self.is_down():
            return default
        if self._failed:
            # Before anything is read again: what was cached under the old stamps is dropped.
            self._failed = False
            for hook in ON_RECOVERY:
                hook()
            if self._failed:
                return default
        try:
            method = getattr(self, name) if name.startswith("_") else getattr(super(), name)
            return method(*args, **kwargs)
        except self._errors as exc:
            with self._lock:
                first = not self.is_down()
                self._down_until = time.monotonic() + SKIP_SECONDS
                self._failed = True
            if first:
                log.warning("cache unavailable (%s: %s); carrying on without it for %.0f s",
                            exc.__class__.__name__, exc, SKIP_SECONDS)
            return default

    def get(self, key, default=None, version=None):
        return self._guard("get", default, key, default, version)

    def get_many(self, keys, version=None):
        return self._guard("get_many", {}, keys, version)

    def has_key(self, key, version=None):
        return self._guard("has_key", False, key, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guard("add", False, key, value, timeout, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guard("set", None, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guard("set_many", list(data), data, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guard("touch", False, key, timeout, version)

    def delete(self, key, version=None):
        return self._guard("delete", False, key, version)

    def delete_many(self, keys, version=None):
        return self._guard("delete_many", None, keys, version)

    def incr(self, key, delta=1, version=None):
        # Django raises ValueError for a missing key; an unreachable cache behaves as one.
        result = self._guard("incr", None, key, delta, version)
        if result is None:
            raise ValueError(f"Key '{key}' not found")
        return result

    def clear(self):
        return self._guard("clear", False)

    def count(self, key: str, previous: str, timeout: int, delta: int = 1) -> tuple[int, int]:
        """Add ``delta`` to the counter ``key`` (kept ``timeout`` s) and read ``previous``, in one round trip.

        (0, 0) while Redis is away: the throttles built on it let requests through (fail open).
        """
        return self._guard("_count", (0, 0), key, previous, timeout, delta)

    def _count(self, key, previous, timeout, delta, *, reads=()):
        # make_key, not make_and_validate_key: these keys are ours, and the check walks every
        # character of each looking for what memcached would refuse.
        now, before = self.make_key(key), self.make_key(previous)
        pipe = self._cache.get_client(now, write=True).pipeline(transaction=False)
        made = [self.make_key(k) for k in reads]
        if made:
            pipe.mget(made)
        pipe.incrby(now, delta)
        pipe.expire(now, timeout)
        pipe.get(before)
        *values, total, _, earlier = pipe.execute()
        if not made:
            return int(total), int(earlier or 0)
        loads = self._cache._serializer.loads
        found = {k: loads(v) for k, v in zip(reads, values[0], strict=True) if v is not None}
        return found, (int(total), int(earlier or 0))

    def get_many_and_count(self, keys: list[str], key: str, previous: str, timeout: int):
        """``get_many(keys)`` and ``count(key, previous, timeout)`` in the same round trip."""
        return self._guard("_count", ({}, (0, 0)), key, previous, timeout, 1, reads=keys)

    def ping(self) -> bool:
        """Whether Redis answers now (the /healthz check); marks it down when not."""
        def _ping() -> bool:
            return bool(self._cache.get_client(write=False).ping())

        if self.is_down():
            return False
        try:
            return _ping()
        except self._errors as exc:
            self._down_until = time.monotonic() + SKIP_SECONDS
            self._failed = True
            log.warning("cache unavailable (%s: %s)", exc.__class__.__name__, exc)
            return False


def get_many_and_count(keys: list[str], key: str, previous: str, timeout: int) -> tuple[dict, tuple[int, int]]:
    """``get_many`` and ``count`` on the default cache, in one round trip where it is Redis."""
    from django.core.cache import caches

    cache = caches["default"]
    if isinstance(cache, FailOpenRedisCache):
        return cache.get_many_and_count(keys, key, previous, timeout)
    return cache.get_many(keys), count(key, previous, timeout)


def count(key: str, previous: str, timeout: int, delta: int = 1) -> tuple[int, int]:
    """``FailOpenRedisCache.count`` on the default cache, or the same with plain cache calls elsewhere."""
    from django.core.cache import caches

    cache = caches["default"]
    if isinstance(cache, FailOpenRedisCache):
        return cache.count(key, previous, timeout, delta)
    cache.add(key, 0, timeout)
    try:
        total = cache.incr(key, delta)
    except ValueError:  # expired in between
        cache.set(key, max(delta, 0), timeout)
        total = max(delta, 0)
    return total, int(cache.get(previous) or 0)
