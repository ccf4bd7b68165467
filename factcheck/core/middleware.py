"""A database that is down answers 503 with a message, not a bare 500.

What remains after the backend's short wait (core/postgresql/base.py) is an outage, not a
blip: clients and load balancers should retry later, and people should be told so.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse

log = logging.getLogger(__name__)

MESSAGE = "The database is unavailable for a moment; nothing was saved. Please try again in a few seconds."


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, (OperationalError, InterfaceError)):
            return None
        log.error("database unavailable during %s %s: %s", request.method, request.path, exception)
        if request.path.startswith("/api/"):
            response: HttpResponse = JsonResponse({"error": {"code": "unavailable", "message": MESSAGE}}, status=503)
        else:
            response = HttpResponse(f"<!doctype html><title>Unavailable</title><h1>Unavailable</h1><p>{MESSAGE}</p>",
                                    status=503, content_type="text/html; charset=utf-8")
        response["Retry-After"] = "5"
        return response
