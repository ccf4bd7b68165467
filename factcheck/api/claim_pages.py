"""The claim list's rows, each claim's JSON encoded once per version and kept in the cache.

A claim's representation (serializers.claims.claim_representation) depends on its row, its two
reviewers' usernames, today's date (``overdue``) and the site's address (``url``), and on nobody's
permissions: every member reads the same claim list (blind review hides reviews and events, which
the list does not carry). Every change of a claim's row goes through ``claims.services.common._save``,
which bumps ``version``; so an entry keyed by (id, version, the reviewers' usernames, today, site) is
never stale, and a change is in the very next list: its new version is a new key. Deleted claims
are never asked for (the page's ids come from the database each time). Entries expire after a day,
unused ones sooner or later.

A page then costs its ids, their versions and reviewers (one query by primary key) and one
``get_many``; only the claims changed since they were last listed are read and encoded. ``SplicingJSONRenderer``
writes the stored bytes into the page as they are: the output is byte for byte what
``JSONRenderer`` gives for the same dicts (tests/api/test_claim_list_cache.py).
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.urls import get_script_prefix
from django.utils import timezone
from rest_framework.renderers import JSONRenderer

from factcheck.api.serializers.claims import CLAIM_VALUES, claim_representation
from factcheck.claims.models import Claim
from factcheck.claims.selectors import claim_list_values

TTL = 24 * 3600


class Encoded(list):
    """A page's results as already-encoded JSON values (bytes), in order."""


# What a claim's entry is keyed by besides its id: its version and its two reviewers' usernames
# (a renamed member changes no claim's version).
KEY_VALUES = ("pk", "version", "assignee__username", "second_reviewer__username")


def _keys(rows: list[tuple]) -> dict[int, str]:
    site = hashlib.blake2s(f"{settings.SITE_URL}|{get_script_prefix()}|{settings.TIME_ZONE}".encode(),
                           digest_size=6).hexdigest()
    today = timezone.localdate().isoformat()
    out = {}
    for pk, version, *names in rows:
        who = hashlib.blake2s(repr(names).encode(), digest_size=6).hexdigest()
        out[pk] = f"api:claim:{pk}:{version}:{who}:{today}:{site}"
    return out


def encoded_rows(ids: list[int]) -> dict[int, bytes]:
    """Each claim of ``ids`` as its JSON bytes, from the cache where its current version is there."""
    versions = list(Claim.objects.filter(pk__in=ids).values_list(*KEY_VALUES))
    keys = _keys(versions)
    found = cache.get_many(list(keys.values()))
    out: dict[int, bytes] = {}
    missing = []
    for pk, key in keys.items():
        if key in found:
            out[pk] = found[key]
        else:
            missing.append(pk)
    if missing:
        render = JSONRenderer().render
        fresh = {}
        for row in claim_list_values(CLAIM_VALUES).filter(pk__in=missing):
            body = render(claim_representation(row))
            out[row["id"]] = body
            # Keyed by the version just read with the row: if the claim changed between the two
            # queries, the bytes are filed under the version they show, never under a newer one.
            key = (row["id"], row["version"], row["assignee__username"], row["second_reviewer__username"])
            fresh[_keys([key])[row["id"]]] = body
        cache.set_many(fresh, TTL)
    return out


class SplicingJSONRenderer(JSONRenderer):
    """JSONRenderer, except that a page whose results are ``Encoded`` has them written in as stored."""

    def render(self, data, accepted_media_type=None, renderer_context=None) -> bytes:
        results = data.get("results") if isinstance(data, dict) else None
        if not isinstance(results, Encoded):
            return super().render(data, accepted_media_type, renderer_context)
        if self.get_indent(accepted_media_type or "", renderer_context or {}) is not None:
            # An indented answer was asked for (Accept: application/json; indent=N): encode it whole.
            import json

            decoded = [json.loads(item) for item in results]
            return super().render({**data, "results": decoded}, accepted_media_type, renderer_context)
        head = super().render({**data, "results": []}, accepted_media_type, renderer_context)
        # "results" is the last key of both paginations' pages, so the encoding ends with its "[]}".
        assert head.endswith(b"[]}")
        return b"".join((head[:-3], b"[", b",".join(results), b"]}"))
