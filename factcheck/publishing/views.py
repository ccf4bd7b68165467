"""Public report pages and their ClaimReview JSON (readable without logging in once published)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from factcheck.accounts.permissions import is_member
from factcheck.articles.models import Article
from factcheck.core.errors import DomainError
from factcheck.publishing.services import article_publish, article_unpublish, claim_reviews, report_claims


def _visible(request: HttpRequest, pk: int) -> Article:
    article = get_object_or_404(Article, pk=pk)
    # Members can preview an unpublished report; the public sees only published ones.
    if not article.published_report and not is_member(request.user):
        raise Http404("No such report.")
    return article


def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    article = _visible(request, pk)
    context = {"article": article, "claims": report_claims(article), "reviews": claim_reviews(article)}
    return render(request, "publishing/report.html", context)


def report_claimreview(request: HttpRequest, pk: int) -> JsonResponse:
    article = _visible(request, pk)
    return JsonResponse(claim_reviews(article), safe=False, json_dumps_params={"ensure_ascii": False})


@require_POST
@login_required
def report_publish(request: HttpRequest, pk: int) -> HttpResponse:
    action = article_unpublish if request.POST.get("action") == "unpublish" else article_publish
    try:
        article = action(actor=request.user, article_id=pk)
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect("article_detail", pk=pk)
    if article.published_report:
        messages.success(request, "The report is published.")
        return redirect("report_detail", pk=pk)
    messages.success(request, "The report is withdrawn.")
    return redirect("article_detail", pk=pk)
