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
from django.core.cache.backends.redis import RedisCache

log = logging.getLogger(__name__)

# Seconds to skip Redis after a failure. Short: the first request after Redis returns only
# has to wait this long to use it again.
SKIP_SECONDS = 5.0


def _redis_errors() -> tuple[type[BaseException], ...]:
    from redis.exceptions import RedisError

    return (RedisError, OSError)


class FailOpenRedisCache(RedisCache):
    """Django's RedisCache, answering like an empty cache while Redis cannot be reached."""

    def __init__(self, server: str, params: dict) -> None:
        super().__init__(server, params)
        self._down_until = 0.0
        self._lock = threading.Lock()
        self._errors = _redis_errors()

    def is_down(self) -> bool:
        """True while the last failure is recent (for /healthz: no need to wait on a timeout)."""
        return time.monotonic() < self._down_until

    def _guard(self, name: str, default: Any, *args: Any, **kwargs: Any) -> Any:
        if self.is_down():
            return default
        try:
            return getattr(super(), name)(*args, **kwargs)
        except self._errors as exc:
            with self._lock:
                first = not self.is_down()
                self._down_until = time.monotonic() + SKIP_SECONDS
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
            log.warning("cache unavailable (%s: %s)", exc.__class__.__name__, exc)
            return False
