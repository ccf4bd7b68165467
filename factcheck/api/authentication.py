"""Token authentication that remembers each token's member in the cache, checked against the ``auth`` stamp.

DRF's TokenAuthentication reads the token and its member from the database on every request.
Here the member's row (without the password hash) is kept in the cache under the ``auth`` change
stamp (core/stamps.py) it was read under: any write to the members or the tokens (a revoked
token, a deactivated member, a new role, a password change, which revokes the tokens) replaces
the stamp, so the next request reads the database again and is refused at once. The answer,
including every refusal and its message, is the one TokenAuthentication gives.

On a view that says ``counts_with_token`` (the claim actions), the member's throttle counter is
counted in the same round trip as the token is read (api/throttles.py), once the process knows
the token's member: UserRateThrottle then judges that count instead of counting again, and the
view takes back a count no throttle judged (api/throttles.uncount_unjudged), so what is counted
and refused is what the view's own throttles count and refuse.
"""

from __future__ import annotations

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from rest_framework.authentication import TokenAuthentication
from rest_framework.authtoken.models import Token

from factcheck.accounts.models import User
from factcheck.api import throttles
from factcheck.core import cache as core_cache
from factcheck.core import stamps

TTL = 3600
# Every column but the password hash: the member is rebuilt with it deferred (read only if asked for,
# and a save() writes only the loaded columns).
USER_FIELDS = tuple(f.attname for f in User._meta.concrete_fields if f.attname != "password")
# Token key -> its member's id, in this process: only to name the member's throttle counter so it
# is counted in the same round trip as the token is read. A token never changes hands (revoking
# deletes it); whether it is still valid is decided from the cache's entry as ever.
TOKEN_OWNERS: dict[str, int] = {}


def token_cache_key(key: str) -> str:
    return "api:token:" + hashlib.sha256(key.encode()).hexdigest()[:40]


def cache_keys(key: str) -> list[str]:
    """What one ``get_many`` must read to find a token's member (with ``cached_member``)."""
    return [stamps.KEYS[stamps.AUTH], token_cache_key(key)]


def cached_member(key: str, found: dict, stamp: int | None) -> tuple[User, Token] | None:
    """The token's active member from ``get_many`` results, if stored under ``stamp`` (the current ``auth``)."""
    entry = found.get(token_cache_key(key))
    if entry is None or stamp is None or entry[0] != stamp:
        return None
    _, values, created = entry
    user = User.from_db("default", USER_FIELDS, values)
    token = Token.from_db("default", ("key", "user_id", "created"), (key, user.pk, created))
    token.user = user
    return user, token


def remember(key: str, user: User, token: Token, stamp: int | None) -> None:
    """Keep an active member under the ``auth`` stamp read before the rows were."""
    if stamp is None or not settings.CACHE_SHARED or not stamps.may_store():
        return
    values = tuple(getattr(user, name) for name in USER_FIELDS)
    cache.set(token_cache_key(key), (stamp, values, token.created), TTL)


class CachedTokenAuthentication(TokenAuthentication):
    def authenticate(self, request):
        self._drf_request = request  # one instance per request (APIView.get_authenticators)
        return super().authenticate(request)

    def authenticate_credentials(self, key):
        if not settings.CACHE_SHARED:
            return super().authenticate_credentials(key)
        found = self._read_counting(key)
        if found is None:
            found = cache.get_many(cache_keys(key))
        stamp = stamps.current(found, stamps.AUTH)
        hit = cached_member(key, found, stamp)
        if hit is None:
            user, token = super().authenticate_credentials(key)  # refusals are never cached
            remember(key, user, token, stamp)
            hit = user, token
        if len(TOKEN_OWNERS) > 10_000:
            TOKEN_OWNERS.clear()
        TOKEN_OWNERS[key] = hit[0].pk
        return hit

    def _read_counting(self, key: str) -> dict | None:
        """The token's cache entries, read as its member's throttle counter is counted; None if not here."""
        request = getattr(self, "_drf_request", None)
        view = (getattr(request, "parser_context", None) or {}).get("view")
        owner = TOKEN_OWNERS.get(key)
        if owner is None or not getattr(view, "counts_with_token", False):
            return None
        throttle = throttles.member_throttle(type(view))
        if throttle is None:
            return None
        now = time.time()
        counter = throttle.cache_format % {"scope": throttle.scope, "ident": owner}
        found, (current, previous) = core_cache.get_many_and_count(cache_keys(key), *throttle.window_keys(counter, now))
        setattr(request._request, throttles.COUNTED, (counter, now, current, previous))
        return found
