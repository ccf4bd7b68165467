"""DRF throttles whose rates are read from settings on each request, counted in one cache round trip.

DRF's own throttles copy the rates once, at import, so neither the environment
(API_THROTTLE_*) nor a test's settings override could change them afterwards. They also keep
a list of every request's time per client and read and rewrite it whole on each request: at
1,200 a minute that was 1,200 floats pickled twice per request, and two processes could
overwrite each other's list. Here each client has a counter per window of the rate's duration
(one INCR, its expiry and a read of the previous window's counter, pipelined: core/cache.py),
and the rate is applied to a sliding estimate, the previous window's count weighted by how much
of it still lies within the last duration plus the current count. A refused request is taken
back off the counter, as DRF does not count it either.
The client's address comes from core/client_ip.py, the rule django-axes uses too.
"""

from __future__ import annotations

import math
import time

from rest_framework import throttling
from rest_framework.settings import api_settings

from factcheck.core import cache
from factcheck.core.client_ip import client_ip


class _LiveRates:
    def get_rate(self) -> str | None:
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)

    def get_ident(self, request) -> str:
        # The same address django-axes counts (core/client_ip.py): X-Forwarded-For counts only
        # through TRUSTED_PROXIES, so rotating the header does not make a new client.
        return client_ip(request._request if hasattr(request, "_request") else request)

    def allow_request(self, request, view) -> bool:
        if self.rate is None:
            return True
        key = self.get_cache_key(request, view)
        return True if key is None else self.allow_key(key)

    def allow_key(self, key: str) -> bool:
        """Count one request of the client ``key``; False (and not counted) when over the rate."""
        now = time.time()
        current, previous = cache.count(*self.window_keys(key, now))
        return self.judge(key, now, current, previous)

    def window_keys(self, key: str, now: float) -> tuple[str, str, int]:
        """The counters of the client's current and previous windows, and how long a counter is kept."""
        window = int(now // self.duration)
        return f"{key}:{window}", f"{key}:{window - 1}", self.duration * 2

    def judge(self, key: str, now: float, current: int, previous: int) -> bool:
        """Whether the request just counted (``current`` includes it) is within the rate; if not, uncount it."""
        window = int(now // self.duration)
        elapsed = now / self.duration - window  # how far into the current window, 0 to 1
        if previous * (1 - elapsed) + current <= self.num_requests:
            return True
        self.uncount(key, now)
        self._wait = self.duration * _until_allowed(current - 1, previous, elapsed, self.num_requests)
        return False

    def uncount(self, key: str, now: float) -> None:
        cache.count(*self.window_keys(key, now), delta=-1)

    def wait(self) -> float:
        return max(1, math.ceil(getattr(self, "_wait", self.duration)))


def _until_allowed(current: int, previous: int, elapsed: float, limit: int) -> float:
    """In windows: when one more request fits (``current`` not counting it)."""
    room = limit - current - 1
    if room >= 0 and previous > 0:
        # Still in this window, once enough of the previous one has slid out.
        later = 1 - room / previous
        if later < 1:
            return max(0.0, later - elapsed)
    # In the next window: this one's requests slide out as it goes on.
    return (1 - elapsed) + (max(0.0, 1 - (limit - 1) / current) if current > 0 and limit >= 1 else 0.0)


class AnonRateThrottle(_LiveRates, throttling.AnonRateThrottle):
    """Per client address, for requests without credentials."""


class UserRateThrottle(_LiveRates, throttling.UserRateThrottle):
    """Per member, for authenticated requests."""

    def allow_request(self, request, view) -> bool:
        # Counted already, in the round trip that read the token's member (api/authentication.py).
        counted = getattr(getattr(request, "_request", request), COUNTED, None)
        if counted is not None and self.rate is not None and counted[0] == self.get_cache_key(request, view):
            delattr(getattr(request, "_request", request), COUNTED)
            return self.judge(*counted)
        return super().allow_request(request, view)


# The request attribute holding (counter, time, current, previous) of a request whose member's counter
# was counted with the token's lookup, until UserRateThrottle judges it (or uncounted()).
COUNTED = "_factcheck_member_counted"


def member_throttle(view_class) -> UserRateThrottle | None:
    """The view's per-member throttle, when it is the only one that counts a member's requests."""
    classes = set(view_class.throttle_classes)
    if classes - {AnonRateThrottle, UserRateThrottle} or UserRateThrottle not in classes:
        return None
    throttle = UserRateThrottle()
    return throttle if throttle.rate is not None else None


def uncount_unjudged(request) -> None:
    """Take back a count made with the token's lookup that no throttle judged (refused before, another member)."""
    target = getattr(request, "_request", request)
    counted = getattr(target, COUNTED, None)
    if counted is None:
        return
    delattr(target, COUNTED)
    throttle = UserRateThrottle()
    if throttle.rate is not None:
        throttle.uncount(counted[0], counted[1])


class LoginRateThrottle(_LiveRates, throttling.SimpleRateThrottle):
    """Token requests per client address, whoever is logged in (scope "login")."""

    scope = "login"

    def get_cache_key(self, request, view) -> str:
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}
