"""The public report of a finished check: publish, withdraw, and its schema.org ClaimReview data."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from factcheck.api.serializers import ArticleDetailSerializer
from factcheck.api.views.articles import article_or_404
from factcheck.publishing.services import article_publish, article_unpublish, claim_reviews

WITHDRAW_REQUEST = inline_serializer(
    name="ArticleWithdrawRequest",
    fields={"reason": serializers.CharField(help_text="Why the report is withdrawn; shown, dated, on its page.")},
)

# The JSON-LD of one claim as publishing/services.py builds it (https://schema.org/ClaimReview).
_THING = {"type": "object", "additionalProperties": True}
CLAIM_REVIEW_SCHEMA = {
    "type": "array",
    "items": {
        "type": "object",
        "properties": {
            "@context": {"type": "string", "example": "https://schema.org"},
            "@type": {"type": "string", "example": "ClaimReview"},
            "url": {"type": "string", "description": "The claim's place in the public report."},
            "claimReviewed": {"type": "string"},
            "datePublished": {"type": "string", "format": "date"},
            "author": _THING,
            "itemReviewed": _THING,
            "reviewRating": {
                "type": "object",
                "description": "ratingValue, bestRating and worstRating are left out for ratings that are not on "
                "the true-false scale (RATING_UNSCORED, e.g. unproven); see the README.",
                "properties": {
                    "@type": {"type": "string"},
                    "ratingValue": {"type": "integer"},
                    "bestRating": {"type": "integer"},
                    "worstRating": {"type": "integer"},
                    "alternateName": {"type": "string"},
                    "name": {"type": "string"},
                    "ratingExplanation": {"type": "string"},
                },
                "required": ["@type", "alternateName"],
            },
            "dateModified": {"type": "string", "format": "date", "description": "After a correction."},
        },
        "required": ["@context", "@type", "url", "claimReviewed", "datePublished", "author", "itemReviewed",
                     "reviewRating"],
    },
}


def _detail(pk: int) -> Response:
    return Response(ArticleDetailSerializer(article_or_404(pk)).data)


class ArticlePublishView(APIView):
    api_errors = (409,)

    @extend_schema(
        operation_id="articles_publish",
        summary="Publish the article's fact-check report (editors)",
        description="Every accepted claim must be resolved, every verified or disputed one with an independent "
        "source, and none orphaned (409 otherwise, naming what blocks it). The report then shows to anyone at its "
        "own unguessable address (`/reports/{slug}-{token}/`); `/reports/{id}/` leads members there.",
        request=None,
        responses={200: ArticleDetailSerializer},
        tags=["publishing"],
    )
    def post(self, request: Request, pk: int) -> Response:
        article_or_404(pk)
        article_publish(actor=request.user, article_id=pk)
        return _detail(pk)


class ArticleUnpublishView(APIView):
    @extend_schema(
        operation_id="articles_unpublish",
        summary="Withdraw the article's published report (editors)",
        description="Needs a `reason` (400 without one): the report's address then shows a dated withdrawal note "
        "with it instead of the verdicts. Withdrawing a report that is not published changes nothing.",
        request=WITHDRAW_REQUEST,
        responses={200: ArticleDetailSerializer},
        tags=["publishing"],
    )
    def post(self, request: Request, pk: int) -> Response:
        article_or_404(pk)
        data = request.data if isinstance(request.data, dict) else {}
        article_unpublish(actor=request.user, article_id=pk, reason=data.get("reason", ""))
        return _detail(pk)


class ArticleClaimReviewView(APIView):
    @extend_schema(
        operation_id="articles_claimreview",
        summary="schema.org ClaimReview JSON-LD of the article's resolved claims",
        description="What the public report embeds, one object per claim whose verdict stands, in text order "
        "(claims under review again are left out until resolved). Before publication it is a members' preview of "
        "the resolved claims; the public reads it at the report's own `claimreview.json` once published.",
        responses={200: CLAIM_REVIEW_SCHEMA},
        tags=["publishing"],
    )
    def get(self, request: Request, pk: int) -> Response:
        return Response(claim_reviews(article_or_404(pk)))
