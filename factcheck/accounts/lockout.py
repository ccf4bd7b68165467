"""What a locked-out login sees (django-axes calls this)."""

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.response import TemplateResponse


def lockout_response(request: HttpRequest, credentials: dict | None = None, *args, **kwargs) -> HttpResponse:
    message = "Too many failed logins: this account is locked for a while. Try again later or ask an admin."
    if request.path.startswith("/api/"):
        return JsonResponse({"error": {"code": "locked", "message": message}}, status=429)
    return TemplateResponse(request, "registration/locked.html", {"message": message}, status=429)
