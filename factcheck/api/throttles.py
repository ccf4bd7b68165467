"""DRF throttles whose rates are read from settings on each request.

DRF's own throttles copy the rates once, at import, so neither the environment
(API_THROTTLE_*) nor a test's settings override could change them afterwards.
The client's address comes from core/client_ip.py, the rule django-axes uses too.
"""

from __future__ import annotations

from rest_framework import throttling
from rest_framework.settings import api_settings

from factcheck.core.client_ip import client_ip


class _LiveRates:
    def get_rate(self) -> str | None:
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)

    def get_ident(self, request) -> str:
        # The same address django-axes counts (core/client_ip.py): X-Forwarded-For counts only
        # through TRUSTED_PROXIES, so rotating the header does not make a new client.
        return client_ip(request._request if hasattr(request, "_request") else request)


class AnonRateThrottle(_LiveRates, throttling.AnonRateThrottle):
    """Per client address, for requests without credentials."""


class UserRateThrottle(_LiveRates, throttling.UserRateThrottle):
    """Per member, for authenticated requests."""


class LoginRateThrottle(_LiveRates, throttling.SimpleRateThrottle):
    """Token requests per client address, whoever is logged in (scope "login")."""

    scope = "login"

    def get_cache_key(self, request, view) -> str:
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}
