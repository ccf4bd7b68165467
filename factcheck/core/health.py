"""Probes of the services a web process depends on, each bounded by a short timeout.

Used by ``/healthz``. Each probe answers ``(ok, detail)`` and never raises: a probe that
hangs or fails is exactly what it is there to report.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection


def _timed(fn) -> dict:
    started = time.monotonic()
    try:
        ok, detail = fn()
    except Exception as exc:  # any failure of the probed service is a finding, not an error
        ok, detail = False, f"{exc.__class__.__name__}: {str(exc)[:200]}"
    result = {"ok": ok, "ms": round((time.monotonic() - started) * 1000)}
    if detail:
        result["detail"] = detail
    return result


def database() -> dict:
    def probe() -> tuple[bool, str]:
        from factcheck.core.postgresql.base import no_wait

        try:
            with no_wait(), connection.cursor() as cursor:
                cursor.execute("SELECT 1")
            return True, ""
        except DatabaseError as exc:
            connection.close()  # the next request starts on a fresh connection
            return False, f"{exc.__class__.__name__}: {str(exc).strip()[:200]}"

    return _timed(probe)


def cache_backend() -> dict:
    def probe() -> tuple[bool, str]:
        ping = getattr(cache, "ping", None)
        if ping is None:
            return True, "local memory"
        return (True, "") if ping() else (False, "Redis does not answer; throttles and cache are skipped")

    return _timed(probe)


def broker() -> dict:
    def probe() -> tuple[bool, str]:
        url = settings.CELERY_BROKER_URL
        if not url.startswith(("redis://", "rediss://", "unix://")):
            return True, "filesystem"
        import redis

        options = settings.CELERY_BROKER_TRANSPORT_OPTIONS
        client = redis.Redis.from_url(url, socket_connect_timeout=options.get("socket_connect_timeout", 1),
                                      socket_timeout=1.0)
        try:
            client.ping()
        finally:
            client.close()
        return True, ""

    result = _timed(probe)
    if not result["ok"]:
        result["detail"] = "the task queue does not answer; new lookups wait in their rows for the sweeper"
    return result
