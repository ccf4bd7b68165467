"""Downloads of an article's claims (CSV and JSON) from the workspace."""

from __future__ import annotations

import json

from django.http import HttpRequest, HttpResponse
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET

from factcheck.publishing.exports import article_export, article_export_csv, export_filename
from factcheck.web.views.common import _article, member_required


def _download(body: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


@require_GET
@member_required
def article_export_csv_view(request: HttpRequest, pk: int) -> HttpResponse:
    article = _article(pk)
    return _download(article_export_csv(article, user=request.user), "text/csv; charset=utf-8",
                     export_filename(article, "csv"))


@require_GET
@member_required
def article_export_json_view(request: HttpRequest, pk: int) -> HttpResponse:
    article = _article(pk)
    body = json.dumps(article_export(article, user=request.user), ensure_ascii=False, indent=2).encode()
    return _download(body, "application/json; charset=utf-8", export_filename(article, "json"))
