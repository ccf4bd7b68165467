"""Whole pages of the claim list kept in the cache, each checked against the ``lists`` change stamp.

A GET of the list with a token is answered from the cache when the page stored for the same
request (address with its query string, Accept, the active language and time zone, today's
date, the site's address and page size) was computed under the current ``lists`` stamp and for
the same audience. Every database write a list could show (core/stamps.py: claims, articles,
members, reviews, sources, ...) replaces that stamp, at once and again on commit, so a change
is in the very next answer; pages expire after ``TTL`` in any case.

A hit costs one round trip to the cache: the ``auth`` stamp, the token's member, the ``lists``
stamp and the page, read in the same pipeline as the member's throttle counter is counted
(api/throttles.py; the first request of a token in a process reads, then counts). The token's
member comes from the cache as in api/authentication.py, the permission and the throttle are the
view's own classes, and the stored status, headers and body are the ones the view gave. Anything unusual (no token, a
refusal, a throttled client, not a 200) goes through the view as before.

Every member reads the same claim list today (api/claim_pages.py), so the audience is one. If
the list ever differs by role, ``audience`` must say so: pages are kept apart by it.
"""

from __future__ import annotations

import functools
import hashlib
import time
from types import SimpleNamespace

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.urls import get_script_prefix
from django.utils import timezone, translation
from rest_framework.settings import api_settings

from factcheck.api.authentication import TOKEN_OWNERS as _OWNERS
from factcheck.api.authentication import cache_keys, cached_member
from factcheck.api.throttles import member_throttle as _member_throttle
from factcheck.core import cache as core_cache
from factcheck.core import stamps

TTL = 600


def audience(user) -> str:
    """Which members see the same claim list: all of them (see the module's docstring)."""
    return "member"


def page_cache_key(request: HttpRequest) -> str:
    parts = (
        request.build_absolute_uri(), request.META.get("HTTP_ACCEPT", ""), translation.get_language(),
        timezone.get_current_timezone_name(), timezone.localdate().isoformat(), settings.SITE_URL,
        get_script_prefix(), api_settings.PAGE_SIZE,
    )
    return "api:page:" + hashlib.blake2b(repr(parts).encode(), digest_size=20).hexdigest()


def _token(request: HttpRequest) -> str | None:
    # The header as TokenAuthentication reads it; anything else takes the view's own path.
    parts = request.META.get("HTTP_AUTHORIZATION", "").split()
    if len(parts) != 2 or parts[0].lower() != "token" or not parts[1].isascii():
        return None
    return parts[1]


def _permitted(view_class, user) -> bool:
    """The view's permission classes, as DRF would apply them to this member."""
    shim = SimpleNamespace(user=user, method="GET")
    return all(p().has_permission(shim, None) for p in view_class.permission_classes)


def _admitted(view_class, user) -> bool:
    """The view's permission and throttle classes (each throttle counts the request)."""
    shim = SimpleNamespace(user=user, method="GET")
    return _permitted(view_class, user) and all(t().allow_request(shim, None) for t in view_class.throttle_classes)


def cached_pages(view):
    """Wrap a list view's function (``as_view()``) so its GET pages are answered from the cache."""
    view_class = view.cls

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        key = _token(request) if request.method == "GET" and settings.CACHE_SHARED else None
        if key is None:
            return view(request, *args, **kwargs)
        page_key = page_cache_key(request)
        keys = [*cache_keys(key), stamps.KEYS[stamps.LISTS], page_key]
        owner, throttle = _OWNERS.get(key), _member_throttle(view_class)
        counted = None
        if owner is not None and throttle is not None:
            now = time.time()
            counter = throttle.cache_format % {"scope": throttle.scope, "ident": owner}
            found, (current, previous) = core_cache.get_many_and_count(keys, *throttle.window_keys(counter, now))
            counted = (counter, now, current, previous)
        else:
            found = cache.get_many(keys)
        auth_stamp = stamps.current(found, stamps.AUTH)
        stamp = stamps.current(found, stamps.LISTS)
        member = cached_member(key, found, auth_stamp)
        entry = found.get(page_key)
        hit = member is not None and entry is not None and stamp is not None and entry[0] == stamp \
            and entry[1] == audience(member[0])
        if counted is not None:
            if hit and member[0].pk == owner and _permitted(view_class, member[0]):
                admitted = throttle.judge(*counted)  # a refusal is uncounted: the view counts and answers it
            else:
                admitted = False
                throttle.uncount(counted[0], counted[1])
        else:
            admitted = hit and _admitted(view_class, member[0])
        if member is not None:
            if len(_OWNERS) > 10_000:
                _OWNERS.clear()
            _OWNERS[key] = member[0].pk
        if admitted:
            request.user = member[0]
            _, _, headers, content = entry
            response = HttpResponse(content)
            for name, value in headers:
                response[name] = value
            return response
        response = view(request, *args, **kwargs)
        user = getattr(request, "user", None)
        if response.status_code == 200 and stamp is not None and user is not None and user.is_authenticated \
                and stamps.may_store():
            response.render()
            cache.set(page_key, (stamp, audience(user), list(response.items()), response.content), TTL)
        return response

    return wrapped
