"""external: published fact-checks of the claim from Google's Fact Check Tools API.

``GET {FACTCHECK_TOOLS_BASE_URL}claims:search?query=...&key=...`` answers with
``{"claims": [{"text", "claimant", "claimDate", "claimReview": [{"publisher":
{"name", "site"}, "url", "title", "reviewDate", "textualRating",
"languageCode"}]}], "nextPageToken"}``. Each ClaimReview becomes a suggested
source the reviewer can attach with one click. Enabled only when
``FACTCHECK_TOOLS_API_KEY`` is set. ``languageCode`` is the article's language
(FACTCHECK_TOOLS_LANGUAGE when it is undetermined).
"""

from __future__ import annotations

import json

from django.conf import settings
from django.utils.translation import gettext_lazy

from factcheck.articles.language import Language
from factcheck.sources import fetch as fetcher
from factcheck.sources.providers import LookupProblem, Provider

MAX_QUERY_CHARS = 300
MAX_REVIEWS = 20


def parse_response(payload: dict) -> list[dict]:
    """The documented claims:search answer, flattened to one row per published review."""
    reviews: list[dict] = []
    for claim in payload.get("claims") or []:
        if not isinstance(claim, dict):
            continue
        for review in claim.get("claimReview") or []:
            if not isinstance(review, dict) or not str(review.get("url", "")).startswith(("http://", "https://")):
                continue
            publisher = review.get("publisher") or {}
            reviews.append({
                "claim_text": str(claim.get("text", ""))[:1000],
                "claimant": str(claim.get("claimant", ""))[:300],
                "claim_date": str(claim.get("claimDate", ""))[:64],
                "publisher": str(publisher.get("name") or publisher.get("site") or "")[:300],
                "site": str(publisher.get("site", ""))[:300],
                "url": str(review["url"])[:2000],
                "title": str(review.get("title", ""))[:500],
                "review_date": str(review.get("reviewDate", ""))[:64],
                "rating": str(review.get("textualRating", ""))[:200],
                "language": str(review.get("languageCode", ""))[:16],
            })
    return reviews[:MAX_REVIEWS]


class FactCheckToolsProvider(Provider):
    kind = "external"
    label = gettext_lazy("Published fact-checks elsewhere")
    triggers = frozenset({"claim_open"})
    needs_claim = True

    @classmethod
    def enabled(cls) -> bool:
        return bool(settings.FACTCHECK_TOOLS_API_KEY) and super().enabled()

    def gather(self, lookup) -> dict:
        query = " ".join((lookup.claim.text or lookup.claim.quote).split())[:MAX_QUERY_CHARS]
        base = settings.FACTCHECK_TOOLS_BASE_URL
        url = (base if base.endswith("/") else base + "/") + "claims:search"
        params = {"query": query, "key": settings.FACTCHECK_TOOLS_API_KEY, "pageSize": MAX_REVIEWS}
        # Reviews in the language the claim was made in; the setting is the fallback for an
        # article whose language is undetermined (and may be empty: every language).
        language = lookup.claim.article.language
        if language == Language.UNDETERMINED:
            language = getattr(settings, "FACTCHECK_TOOLS_LANGUAGE", "")
        if language:
            params["languageCode"] = language
        try:
            response = fetcher.fetch(url, params=params, headers={"Accept": "application/json"})
        except fetcher.FetchBlocked as exc:
            raise LookupProblem(exc.message, blocked=True) from None
        except fetcher.FetchError as exc:
            raise LookupProblem(exc.message) from None
        if response.status in (401, 403):
            raise LookupProblem(f"The Fact Check Tools API refused the key (HTTP {response.status}).")
        if not response.ok:
            raise LookupProblem(f"The Fact Check Tools API answered HTTP {response.status}.")
        try:
            payload = json.loads(response.body.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise LookupProblem("The Fact Check Tools API answered with something that is not JSON.") from None
        if not isinstance(payload, dict):
            raise LookupProblem("The Fact Check Tools API answered in an unexpected format.")
        # The key travels in the URL, so it never goes into the stored result.
        return {"query": query, "reviews": parse_response(payload)}
