"""Request and response rules that hold for every view: body framing, caching of private answers,
and a database that is down answering 503 with a message instead of a bare 500.

No domain knowledge: the error bodies use the one error shape of core/errors.py. What remains of a
database outage after the backend's short wait (core/postgresql/base.py) is an outage, not a blip:
clients and load balancers should retry later, and people should be told so.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from csp import middleware as csp_middleware
from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.utils import build_policy
from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext

from factcheck.core.errors import LengthRequired

log = logging.getLogger(__name__)

MESSAGE = "The database is unavailable for a moment; nothing was saved. Please try again in a few seconds."
BODY_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


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


class RequestFramingMiddleware:
    """Refuse a chunked request body with 411 instead of silently reading it as empty.

    Django reads exactly CONTENT_LENGTH bytes of a body; a request sent with
    `Transfer-Encoding: chunked` and no length would reach the view as an empty body,
    so a client's data vanished without an error. Every client we know of can send a
    length, and refusing keeps the size cap simple (no unbounded stream to read).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        chunked = "chunked" in request.META.get("HTTP_TRANSFER_ENCODING", "").lower()
        if chunked and request.method in BODY_METHODS and not request.META.get("CONTENT_LENGTH"):
            error = LengthRequired(gettext("Send the request body with a Content-Length header; chunked bodies are not "
                                   "accepted."))
            if request.path.startswith("/api/"):
                return JsonResponse(error.as_dict(), status=error.status)
            return HttpResponse(error.message, status=error.status, content_type="text/plain; charset=utf-8")
        return self.get_response(request)


class PrivateJsonMiddleware:
    """JSON answered to a logged-in member (session or token) is theirs alone: no shared or stored copies."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        # Read after the view: DRF's token authentication sets request.user during the view.
        user = getattr(request, "user", None)
        is_json = response.get("Content-Type", "").startswith("application/json")
        if is_json and user is not None and user.is_authenticated:
            response["Cache-Control"] = "private, no-store"
        return response



class CSPMiddleware(csp_middleware.CSPMiddleware):
    """django-csp's middleware, building each policy header once per settings object instead of per response.

    django-csp (4.x) builds both headers from the settings on every response, a JSON answer included,
    though they change only with the settings, a view's decorator or a nonce (none of ours use the
    last two). A response without either gets the header built last from the same settings object;
    anything else is built as django-csp builds it. The rules for setting the headers are django-csp's.
    """

    _built: dict[bool, tuple[object, str]] = {}

    def _policy(self, request: HttpRequest, response: HttpResponse, report_only: bool) -> str:
        parts = self.get_policy_parts(request=request, response=response, report_only=report_only)
        if parts.config is not None or parts.update is not None or parts.replace is not None or parts.nonce is not None:
            return build_policy(config=parts.config, update=parts.update, replace=parts.replace, nonce=parts.nonce,
                                report_only=report_only)
        source = getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY" if report_only else "CONTENT_SECURITY_POLICY", None)
        built = self._built.get(report_only)
        if built is None or built[0] is not source:
            built = self._built[report_only] = (source, build_policy(report_only=report_only))
        return built[1]

    def process_response(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        # csp.middleware.CSPMiddleware.process_response, with _policy for its build_policy calls.
        if response.status_code in (500, 404) and settings.DEBUG:  # django-csp leaves Django's debug pages alone
            return response
        for report_only, header, exempt, name in (
            (False, HEADER, "_csp_exempt", "CONTENT_SECURITY_POLICY"),
            (True, HEADER_REPORT_ONLY, "_csp_exempt_ro", "CONTENT_SECURITY_POLICY_REPORT_ONLY"),
        ):
            policy = self._policy(request, response, report_only)
            if not policy:
                continue
            prefixes = (getattr(settings, name, None) or {}).get("EXCLUDE_URL_PREFIXES", None) or ()
            if header not in response and getattr(response, exempt, False) is False \
                    and not request.path_info.startswith(tuple(prefixes)):
                response[header] = policy
        if getattr(request, "_csp_nonce", None) is None:
            request.csp_nonce = csp_middleware.CheckableLazyObject(self._csp_nonce_post_response)
        return response
