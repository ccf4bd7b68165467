"""The public report of a finished check: publish, withdraw, and its schema.org ClaimReview data."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from factcheck.api.serializers import ArticleDetailSerializer
from factcheck.api.views.articles import article_or_404
from factcheck.publishing.services import article_publish, article_unpublish, claim_reviews

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
                "properties": {
                    "@type": {"type": "string"},
                    "ratingValue": {"type": "integer"},
                    "bestRating": {"type": "integer"},
                    "worstRating": {"type": "integer"},
                    "alternateName": {"type": "string"},
                },
                "required": ["@type", "ratingValue", "bestRating", "worstRating", "alternateName"],
            },
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
        description="Every accepted claim must be resolved first, and at least one (409 otherwise, naming how many "
        "are still open). The report then shows at `/reports/{id}/` to anyone.",
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
        request=None,
        responses={200: ArticleDetailSerializer},
        tags=["publishing"],
    )
    def post(self, request: Request, pk: int) -> Response:
        article_or_404(pk)
        article_unpublish(actor=request.user, article_id=pk)
        return _detail(pk)


class ArticleClaimReviewView(APIView):
    @extend_schema(
        operation_id="articles_claimreview",
        summary="schema.org ClaimReview JSON-LD of the article's resolved claims",
        description="What the public report embeds, one object per resolved claim in text order. Members can read "
        "it before the report is published (a preview); the public reads it at `/reports/{id}/claimreview.json` "
        "once published.",
        responses={200: CLAIM_REVIEW_SCHEMA},
        tags=["publishing"],
    )
    def get(self, request: Request, pk: int) -> Response:
        return Response(claim_reviews(article_or_404(pk)))
