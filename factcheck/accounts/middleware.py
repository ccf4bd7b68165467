"""The member's own interface language, on every page after login.

LocaleMiddleware (before authentication) picks a language from the request: the browser's
Accept-Language, which is what the login page and the public pages follow. Once the member is known,
the language chosen in their profile wins. It is read from the user row on each request rather than
kept in a cookie, so the choice follows the member to every browser and takes effect at once.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils import translation


class MemberLanguageMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        chosen = getattr(user, "language", "") if user is not None and user.is_authenticated else ""
        if chosen and translation.check_for_language(chosen):
            translation.activate(chosen)
            request.LANGUAGE_CODE = translation.get_language()
        return self.get_response(request)
