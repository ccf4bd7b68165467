"""Every API error in one JSON shape: `{"error": {"code", "message", "fields"?}}`.

DRF calls `exception_handler` for anything a view raises. Domain errors keep the
status and message the services chose (the browser shows the same ones, see
web/errors.py); DRF's own exceptions and Django's request-size and lookup errors
are translated into the same shape, so a client needs one error parser.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from django.core.exceptions import DisallowedHost, ObjectDoesNotExist, RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext, gettext_lazy
from django.views import defaults
from django.views.decorators.csrf import csrf_exempt
from rest_framework import exceptions, status
from rest_framework.response import Response

from factcheck.core.errors import DomainError


class RequestTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = gettext_lazy("The request body is larger than this server accepts.")
    default_code = "too_large"


def error_body(code: str, message: str, fields: Mapping[str, list[str]] | None = None) -> dict:
    body: dict = {"code": code, "message": message}
    if fields:
        body["fields"] = dict(fields)
    return {"error": body}


def flatten_fields(detail: object, prefix: str = "") -> dict[str, list[str]]:
    """DRF nests errors (lists of objects, objects in objects); clients get dotted paths."""
    out: dict[str, list[str]] = {}
    if isinstance(detail, Mapping):
        for key, value in detail.items():
            name = f"{prefix}.{key}" if prefix else str(key)
            for k, v in flatten_fields(value, name).items():
                out.setdefault(k, []).extend(v)
    elif isinstance(detail, Sequence) and not isinstance(detail, str):
        if all(isinstance(item, str) for item in detail):
            out[prefix or "non_field_errors"] = [str(item) for item in detail]
        else:
            for i, item in enumerate(detail):
                if item in ({}, [], None):
                    continue  # DRF pads list errors with empties for the valid items
                for k, v in flatten_fields(item, f"{prefix}.{i}" if prefix else str(i)).items():
                    out.setdefault(k, []).extend(v)
    else:
        out[prefix or "non_field_errors"] = [str(detail)]
    return out


def _validation_message(fields: dict[str, list[str]]) -> str:
    if list(fields) == ["non_field_errors"]:
        return fields["non_field_errors"][0]
    first = next(iter(fields), "")
    if len(fields) == 1 and fields[first]:
        return f"{first}: {fields[first][0]}"
    return gettext("Some fields are invalid: %(fields)s.") % {"fields": ", ".join(fields)}


def exception_handler(exc: Exception, context: dict) -> Response | None:
    # Imported here: rest_framework.views loads the parser classes from settings,
    # and our parsers import this module.
    from rest_framework.views import set_rollback

    if isinstance(exc, DomainError):
        set_rollback()
        return Response(exc.as_dict(), status=exc.status)
    if isinstance(exc, RequestDataTooBig):
        exc = RequestTooLarge()
    elif isinstance(exc, TooManyFieldsSent | TooManyFilesSent):
        exc = exceptions.ParseError(str(exc) or gettext("Too many fields in the request."))
    elif isinstance(exc, Http404 | ObjectDoesNotExist):
        exc = exceptions.NotFound(gettext("Not found."))
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied(*(exc.args or (gettext("You are not allowed to do that."),)))
    if not isinstance(exc, exceptions.APIException):
        return None  # a bug: let Django log it and answer 500

    headers: dict[str, str] = {}
    if getattr(exc, "auth_header", None):
        headers["WWW-Authenticate"] = exc.auth_header
    if getattr(exc, "wait", None):
        headers["Retry-After"] = f"{int(exc.wait)}"

    if isinstance(exc, exceptions.ValidationError):
        fields = flatten_fields(exc.detail)
        body = error_body("invalid", _validation_message(fields), fields)
    else:
        detail = exc.detail
        if isinstance(detail, list | dict):
            fields = flatten_fields(detail)
            message = _validation_message(fields)
        else:
            message = str(detail)
        body = error_body(_code_for(exc), message)
    set_rollback()
    return Response(body, status=exc.status_code, headers=headers)


def _code_for(exc: exceptions.APIException) -> str:
    if isinstance(exc, exceptions.NotAuthenticated | exceptions.AuthenticationFailed):
        return "not_authenticated" if isinstance(exc, exceptions.NotAuthenticated) else "authentication_failed"
    if isinstance(exc, exceptions.PermissionDenied):
        return "forbidden"
    if isinstance(exc, exceptions.ParseError):
        return "malformed"
    return str(getattr(exc, "default_code", "error"))


@csrf_exempt  # a 404 is the answer whatever the method; no CSRF page in between
def not_found(request: HttpRequest, *args, **kwargs) -> JsonResponse:
    """Unknown paths under /api/ answer in the API's shape, not with an HTML page."""
    return JsonResponse(error_body("not_found", gettext("No API endpoint at %(path)s.") % {"path": request.path}), status=404)


# --- Django's own error pages (handler400/403/404/500 in factcheck/urls.py) -------------------
# Errors raised before or outside a DRF view (a bad Host header, a bug that escapes a view,
# CSRF failures of Django's middleware) are answered by these. Under /api/ they keep the
# API's error shape; everywhere else Django's pages are used as before.


def _is_api(request: HttpRequest) -> bool:
    # request.path, never get_host(): a bad Host header is what may have brought us here.
    return request.path.startswith("/api/")


def bad_request(request: HttpRequest, exception: Exception, *args, **kwargs) -> HttpResponse:
    if _is_api(request):
        if isinstance(exception, DisallowedHost):
            return JsonResponse(error_body("bad_host", gettext("This server does not answer to that Host header.")), status=400)
        return JsonResponse(error_body("bad_request", gettext("The request could not be understood.")), status=400)
    return defaults.bad_request(request, exception, *args, **kwargs)


def permission_denied(request: HttpRequest, exception: Exception, *args, **kwargs) -> HttpResponse:
    if _is_api(request):
        return JsonResponse(error_body("forbidden", gettext("You are not allowed to do that.")), status=403)
    return defaults.permission_denied(request, exception, *args, **kwargs)


def page_not_found(request: HttpRequest, exception: Exception, *args, **kwargs) -> HttpResponse:
    if _is_api(request):
        return JsonResponse(error_body("not_found", gettext("No API endpoint at %(path)s.") % {"path": request.path}), status=404)
    return defaults.page_not_found(request, exception, *args, **kwargs)


def server_error(request: HttpRequest, *args, **kwargs) -> HttpResponse:
    if _is_api(request):
        # The traceback is in the server's log; the client learns only that it was not their fault.
        return JsonResponse(error_body("server_error", gettext("Something went wrong on the server; it has been logged.")),
                            status=500)
    return defaults.server_error(request, *args, **kwargs)
