"""Token authentication that remembers each token's member in the cache, checked against the ``auth`` stamp.

DRF's TokenAuthentication reads the token and its member from the database on every request.
Here the member's row (without the password hash) is kept in the cache under the ``auth`` change
stamp (core/stamps.py) it was read under: any write to the members or the tokens (a revoked
token, a deactivated member, a new role, a password change, which revokes the tokens) replaces
the stamp, so the next request reads the database again and is refused at once. The answer,
including every refusal and its message, is the one TokenAuthentication gives.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import cache
from rest_framework.authentication import TokenAuthentication
from rest_framework.authtoken.models import Token

from factcheck.accounts.models import User
from factcheck.core import stamps

TTL = 3600
# Every column but the password hash: the member is rebuilt with it deferred (read only if asked for,
# and a save() writes only the loaded columns).
USER_FIELDS = tuple(f.attname for f in User._meta.concrete_fields if f.attname != "password")


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
    def authenticate_credentials(self, key):
        if not settings.CACHE_SHARED:
            return super().authenticate_credentials(key)
        found = cache.get_many(cache_keys(key))
        stamp = stamps.current(found, stamps.AUTH)
        hit = cached_member(key, found, stamp)
        if hit is not None:
            return hit
        user, token = super().authenticate_credentials(key)  # refusals are never cached
        remember(key, user, token, stamp)
        return user, token
