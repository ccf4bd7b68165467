"""Report pages: the public report at its token URL, members' previews at the id URL, publish and withdraw.

Thin: find the report, check who asks, call a selector or a service, render.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext
from django.views.decorators.http import require_GET, require_POST

from factcheck.accounts.permissions import is_member
from factcheck.articles.models import Article
from factcheck.core.errors import DomainError
from factcheck.publishing import selectors
from factcheck.publishing.models import Report, ReportStatus
from factcheck.publishing.services import article_publish, article_withdraw


def _json(data: list, status: int = 200) -> JsonResponse:
    return JsonResponse(data, safe=False, status=status, json_dumps_params={"ensure_ascii": False})


def _render(request: HttpRequest, article: Article, *, status: int = 200) -> HttpResponse:
    page = selectors.report_page(article)
    return render(request, "publishing/report.html", {"page": page, "reviews": page.claim_reviews()}, status=status)


def _member_article(request: HttpRequest, pk: int) -> tuple[Article, Report | None]:
    # The id URL must not let the public walk through reports by number: members only.
    if not is_member(request.user):
        raise Http404("No such report.")
    article = get_object_or_404(Article.objects.select_related("current_revision"), pk=pk)
    return article, Report.objects.filter(article=article).first()


@require_GET
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    article, report = _member_article(request, pk)
    if report is not None and report.status != ReportStatus.DRAFT:
        return redirect(report.get_absolute_url())
    return _render(request, article)


@require_GET
def report_claimreview(request: HttpRequest, pk: int) -> HttpResponse:
    article, report = _member_article(request, pk)
    if report is not None and report.status != ReportStatus.DRAFT:
        return redirect(reverse("report_public_claimreview", kwargs={"slug": report.slug, "token": report.token}))
    return _json(selectors.report_page(article).claim_reviews())


def _public(request: HttpRequest, token: str) -> Report:
    report = selectors.report_by_token(token)
    if report is None or report.status == ReportStatus.DRAFT:
        raise Http404("No such report.")
    return report


@require_GET
def report_public(request: HttpRequest, slug: str, token: str) -> HttpResponse:
    report = _public(request, token)
    if slug != report.slug:
        return redirect(report.get_absolute_url(), permanent=True)
    # A withdrawn report answers 410 Gone with its dated note: readers with the link learn why,
    # and search engines drop the page and its ClaimReview.
    status = 410 if report.status == ReportStatus.WITHDRAWN else 200
    return _fresh(_render(request, report.article, status=status))


def _fresh(response: HttpResponse) -> HttpResponse:
    # A 410 may be kept by a browser: a reader reloading right after a report was published again still
    # saw "withdrawn" (tryout). Readers' copies are checked with the server every time.
    patch_cache_control(response, no_cache=True, max_age=0)
    return response


@require_GET
def report_public_claimreview(request: HttpRequest, slug: str, token: str) -> HttpResponse:
    report = _public(request, token)
    if report.status == ReportStatus.WITHDRAWN:
        return _fresh(_json([], status=410))
    return _fresh(_json(selectors.report_page(report.article).claim_reviews()))


@require_POST
@login_required
def report_publish(request: HttpRequest, pk: int) -> HttpResponse:
    """The workspace's Publish and Withdraw buttons (``action=withdraw`` with a ``reason``)."""
    get_object_or_404(Article.objects.only("pk"), pk=pk)
    withdraw = request.POST.get("action") in ("withdraw", "unpublish")
    workspace = reverse("article_detail", args=[pk])
    try:
        if withdraw:
            article_withdraw(actor=request.user, article_id=pk, reason=request.POST.get("reason", ""))
        else:
            article_publish(actor=request.user, article_id=pk)
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect(f"{workspace}#readiness")
    messages.success(request, gettext("The report is withdrawn; its page now shows your note.") if withdraw
                     else gettext("The report is published."))
    return redirect(f"{workspace}#readiness")
