"""An article's claims as CSV or JSON, the same files the workspace offers for download."""

from __future__ import annotations

from django.http import HttpResponse
from django.utils.http import content_disposition_header
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from factcheck.api.views.articles import article_or_404
from factcheck.publishing.exports import CSV_COLUMNS, article_export, article_export_csv, export_filename

_SOURCE = {
    "type": "object",
    "properties": {
        "source_id": {"type": "integer"},
        "url": {"type": "string", "nullable": True},
        "file": {"type": "string", "nullable": True},
        "title": {"type": "string"},
        "publisher": {"type": "string"},
        "independent": {"type": "boolean", "nullable": True},
        "independence_reason": {"type": "string"},
        "stance": {"type": "string", "enum": ["supports", "refutes", "context"]},
        "note": {"type": "string"},
        "passage": {
            "type": "object", "nullable": True,
            "properties": {"quote": {"type": "string"}, "start": {"type": "integer", "nullable": True},
                           "end": {"type": "integer", "nullable": True}},
        },
        "snapshot": {
            "type": "object", "nullable": True,
            "properties": {"fetched_at": {"type": "string", "format": "date-time"}, "final_url": {"type": "string"},
                           "sha256": {"type": "string"}},
        },
        "attached_at": {"type": "string", "format": "date-time"},
    },
}
_REVIEW = {
    "type": "object",
    "properties": {
        "reviewer": {"type": "string"}, "reviewer_name": {"type": "string"}, "verdict": {"type": "string"},
        "rating": {"type": "string", "nullable": True}, "rationale": {"type": "string"}, "round": {"type": "integer"},
        "at": {"type": "string", "format": "date-time"},
    },
}
_NULLABLE_STR = {"type": "string", "nullable": True}
EXPORT_SCHEMA = {
    "type": "object",
    "required": ["format", "version", "article", "claims"],
    "properties": {
        "format": {"type": "string", "example": "factcheck-article-claims"},
        "version": {"type": "integer", "example": 1},
        "article": {"type": "object", "additionalProperties": True},
        "claims": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "id": {"type": "integer"}, "quote": {"type": "string"}, "text": {"type": "string"},
                    "start": {"type": "integer"}, "end": {"type": "integer"},
                    "types": {"type": "array", "items": {"type": "string"}},
                    "quantities": {"type": "array", "items": {"type": "object", "additionalProperties": True}},
                    "attributed_to": {"type": "string"}, "status": {"type": "string"},
                    "verdict": _NULLABLE_STR, "rating": _NULLABLE_STR, "rationale": {"type": "string"},
                    "assignee": _NULLABLE_STR, "second_reviewer": _NULLABLE_STR,
                    "reviews": {"type": "array", "items": _REVIEW}, "due": {**_NULLABLE_STR, "format": "date"},
                    "priority": {"type": "string"}, "orphaned": {"type": "boolean"}, "needs_rereview": {"type": "boolean"},
                    "sources": {"type": "array", "items": _SOURCE},
                    "created_at": {"type": "string", "format": "date-time"},
                    "updated_at": {"type": "string", "format": "date-time"},
                    "resolved_at": {**_NULLABLE_STR, "format": "date-time"},
                    "report": {"type": "object", "nullable": True, "additionalProperties": True,
                               "description": "The claim as the public report last showed it, with its dates."},
                },
            },
        },
    },
}


def _attachment(response: HttpResponse | Response, filename: str) -> HttpResponse | Response:
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


class ArticleExportJSONView(APIView):
    @extend_schema(
        operation_id="articles_export_json",
        summary="The article's claims as a JSON document (members)",
        description="Every accepted claim with its quote, types, quantities, status, verdict, rating, rationale, "
        "reviews, sources with pinned passages and snapshot times, and dates. While a double review is blind, a "
        "reviewer sees only their own review.",
        responses={200: EXPORT_SCHEMA},
        tags=["exports"],
    )
    def get(self, request: Request, pk: int) -> Response:
        article = article_or_404(pk)
        return _attachment(Response(article_export(article, user=request.user)), export_filename(article, "json"))


class ArticleExportCSVView(APIView):
    @extend_schema(
        operation_id="articles_export_csv",
        summary="The article's claims as CSV (members)",
        description="UTF-8 with a byte-order mark, one row per claim, columns: " + ", ".join(CSV_COLUMNS) + ". "
        "Cells with several values hold one per line. A cell that would start with `=`, `+`, `-` or `@` starts "
        "with `'` instead, so spreadsheets never run it as a formula.",
        responses={(200, "text/csv"): OpenApiResponse(response=OpenApiTypes.STR, description="The CSV file.")},
        tags=["exports"],
    )
    def get(self, request: Request, pk: int) -> HttpResponse:
        article = article_or_404(pk)
        response = HttpResponse(article_export_csv(article, user=request.user), content_type="text/csv; charset=utf-8")
        return _attachment(response, export_filename(article, "csv"))
