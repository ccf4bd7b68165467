"""What a locked-out login sees (django-axes calls this)."""

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render


def lockout_response(request: HttpRequest, credentials: dict | None = None, *args, **kwargs) -> HttpResponse:
    message = "Too many failed logins: this account is locked for a while. Try again later or ask an admin."
    if request.path.startswith("/api/"):
        return JsonResponse({"error": {"code": "locked", "message": message}}, status=429)
    # Rendered now: axes returns this from its middleware, where nothing would render a
    # TemplateResponse any more (CommonMiddleware then failed with ContentNotRenderedError, a 500).
    return render(request, "registration/locked.html", {"message": message}, status=429)
