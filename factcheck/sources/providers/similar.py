"""similar: earlier checks of the same claim in other articles of the newsroom."""

from __future__ import annotations

from django.conf import settings
from django.db.models import Q

from factcheck.claims.models import Claim, ClaimStatus
from factcheck.sources.figures import claim_similarity, figures_differ, keywords
from factcheck.sources.providers import Provider

MAX_CANDIDATES = 500
MAX_RESULTS = 10


class SimilarClaimsProvider(Provider):
    kind = "similar"
    label = "Earlier checks of similar claims"
    triggers = frozenset({"claim_open"})
    needs_claim = True

    def candidates(self, claim):
        """A cheap prefilter: earlier claims sharing one of the claim's rarest (longest) words."""
        words = sorted(keywords(claim.text), key=len, reverse=True)[:5]
        if not words:
            return Claim.objects.none()
        match = Q()
        for word in words:
            match |= Q(text__icontains=word)
        return (
            Claim.objects.filter(match)
            .exclude(article_id=claim.article_id)
            .exclude(status__in=[ClaimStatus.SUGGESTED, ClaimStatus.REJECTED])
            .filter(created_at__lte=claim.created_at)
            .select_related("article")
            .order_by("-created_at")[:MAX_CANDIDATES]
        )

    def gather(self, lookup) -> dict:
        from factcheck.sources.models import Evidence

        claim = lookup.claim
        threshold = getattr(settings, "SIMILAR_CLAIMS_MIN_SCORE", 75)
        scored = []
        for other in self.candidates(claim):
            score = claim_similarity(claim.text, other.text)
            if score >= threshold:
                scored.append((score, other))
        scored.sort(key=lambda pair: (-pair[0], -pair[1].pk))
        scored = scored[:MAX_RESULTS]
        sources: dict[int, list[dict]] = {}
        for ev in Evidence.objects.filter(claim__in=[o for _, o in scored]).select_related("source"):
            sources.setdefault(ev.claim_id, []).append(
                {"title": str(ev.source)[:200], "url": ev.source.url, "stance": ev.stance}
            )
        matches = [
            {
                "claim": other.pk, "article": other.article_id, "article_title": other.article.title[:200],
                "text": other.text[:500], "status": other.status, "verdict": other.verdict, "rating": other.rating,
                "score": round(score, 1), "figure_differs": figures_differ(claim.text, other.text),
                "sources": sources.get(other.pk, [])[:5],
            }
            for score, other in scored
        ]
        return {"matches": matches, "searched": len(matches)}
