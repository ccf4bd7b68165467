"""Health endpoint for load balancers and monitors.

``GET /healthz`` answers 200 while the database answers, because that is when this web
process can serve pages: without Redis the pages and the API keep working (throttles and
cache fail open, new lookups wait in their rows for the sweeper), so taking the process out of
a load balancer then would only turn a degraded desk into a dead one. It answers 503 when the
database is down. The body reports each dependency separately, and ``status`` is ``ok``,
``degraded`` (database up, something else down) or ``down``. Monitors that want a non-200 for
"degraded" too ask ``/healthz?strict=1``.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache

from factcheck.core import health
from factcheck.sources.workers import live_workers


@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    checks = {"database": health.database(), "cache": health.cache_backend(), "broker": health.broker()}
    if checks["database"]["ok"]:
        try:
            alive = live_workers()
            checks["workers"] = {"ok": bool(alive), "alive": len(alive),
                                 "running": sum(w.running for w in alive),
                                 "heartbeat_within_seconds": settings.LOOKUP_LEASE_SECONDS}
            if not alive:
                checks["workers"]["detail"] = "no lookup worker has sent a heartbeat; lookups wait in their rows"
        except Exception as exc:  # the database went away between the two probes
            checks["workers"] = {"ok": False, "detail": exc.__class__.__name__}
    else:
        checks["workers"] = {"ok": False, "detail": "unknown while the database is down"}
    if not checks["database"]["ok"]:
        status, code = "down", 503
    elif all(check["ok"] for check in checks.values()):
        status, code = "ok", 200
    else:
        status, code = "degraded", 200
    if status == "degraded" and request.GET.get("strict") == "1":
        code = 503
    return JsonResponse({"status": status, **checks}, status=code)
