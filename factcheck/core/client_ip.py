"""The client's address, trusting X-Forwarded-For only as far as the configured proxies go.

One rule for everything that counts per address (DRF's throttles and django-axes'
lockout): with TRUSTED_PROXIES = 0 (the default) the header is ignored and the
socket's address is the client, so a client cannot pick its own identity by
sending a different header each time. With N trusted proxies in front, each one
appends the address it saw; the client is the N-th entry from the right, and
anything the client wrote further left is ignored.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    remote = request.META.get("REMOTE_ADDR", "") or ""
    proxies = int(getattr(settings, "TRUSTED_PROXIES", 0) or 0)
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies <= 0 or not forwarded:
        return remote
    hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
    if not hops:
        return remote
    return hops[-min(proxies, len(hops))]
