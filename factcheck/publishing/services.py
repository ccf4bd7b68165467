"""Publishing a finished check: the public report and its schema.org ClaimReview data."""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from factcheck.accounts.models import User
from factcheck.accounts.permissions import is_editor, require
from factcheck.articles.models import Article
from factcheck.claims.models import Claim, ClaimEvent, ClaimStatus, EventKind, Verdict
from factcheck.core.errors import NotFound, WrongState

UNFINISHED = (ClaimStatus.OPEN, ClaimStatus.ASSIGNED, ClaimStatus.IN_REVIEW)


@transaction.atomic
def article_publish(*, actor: User, article_id: int) -> Article:
    """Publish the report; every accepted claim must be resolved first."""
    require(is_editor(actor), "Only editors can publish reports.")
    article = Article.objects.select_for_update().filter(pk=article_id).first()
    if article is None:
        raise NotFound(f"Article {article_id} does not exist.")
    waiting = Claim.objects.filter(article=article, status__in=UNFINISHED).count()
    if waiting:
        raise WrongState(f"Cannot publish: {waiting} claim(s) are not resolved yet.")
    if not Claim.objects.filter(article=article, status=ClaimStatus.RESOLVED).exists():
        raise WrongState("Cannot publish: no claim has been resolved.")
    if article.published_report:
        return article  # already public: publishing again changes nothing and records nothing
    _set_published(article, actor, published=True)
    return article


def _set_published(article: Article, actor: User, *, published: bool) -> None:
    article.published_report = published
    article.version += 1
    article.save(update_fields=["published_report", "version", "updated_at"])
    kind, note = (EventKind.PUBLISHED, "Published in the report.") if published else (
        EventKind.UNPUBLISHED, "Withdrawn from the report.")
    ClaimEvent.objects.bulk_create(
        [
            ClaimEvent(claim=c, article=article, actor=actor, kind=kind, from_status=c.status, to_status=c.status,
                       verdict=c.verdict, note=note, data={"published": published})
            for c in Claim.objects.filter(article=article, status=ClaimStatus.RESOLVED)
        ]
    )


@transaction.atomic
def article_unpublish(*, actor: User, article_id: int) -> Article:
    require(is_editor(actor), "Only editors can withdraw reports.")
    article = Article.objects.select_for_update().filter(pk=article_id).first()
    if article is None:
        raise NotFound(f"Article {article_id} does not exist.")
    if article.published_report:
        _set_published(article, actor, published=False)
    return article


def rating_value(claim: Claim) -> tuple[int, int, int, str]:
    """(value, best, worst, label) on the newsroom's scale; the scale runs best to worst."""
    scale = list(settings.RATING_SCALE)
    best, worst = len(scale), 1
    if claim.rating in scale:
        return best - scale.index(claim.rating), best, worst, claim.rating
    fallback = {Verdict.VERIFIED: 0, Verdict.DISPUTED: len(scale) - 2, Verdict.UNVERIFIABLE: len(scale) - 1}
    index = max(0, min(len(scale) - 1, fallback.get(claim.verdict, len(scale) - 1)))
    return best - index, best, worst, Verdict(claim.verdict).label if claim.verdict else scale[index]


def claim_review(claim: Claim, *, report_url: str) -> dict:
    """schema.org ClaimReview for one resolved claim (https://schema.org/ClaimReview)."""
    article = claim.article
    value, best, worst, label = rating_value(claim)
    appearance: dict = {"@type": "CreativeWork", "headline": article.title}
    if article.url:
        appearance["url"] = article.url
    if article.published_at:
        appearance["datePublished"] = article.published_at.isoformat()
    if article.outlet:
        appearance["publisher"] = {"@type": "Organization", "name": article.outlet}
    item: dict = {"@type": "Claim", "appearance": appearance}
    if claim.attributed_to or article.outlet:
        item["author"] = {"@type": "Organization", "name": claim.attributed_to or article.outlet}
    if article.published_at:
        item["datePublished"] = article.published_at.isoformat()
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": f"{report_url}#claim-{claim.pk}",
        "claimReviewed": claim.text,
        "datePublished": (claim.resolved_at or timezone.now()).date().isoformat(),
        "author": {"@type": "Organization", "name": settings.NEWSROOM_NAME, "url": settings.SITE_URL},
        "itemReviewed": item,
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": value,
            "bestRating": best,
            "worstRating": worst,
            "alternateName": label,
        },
    }


def report_url(article: Article) -> str:
    return f"{settings.SITE_URL}{reverse('report_detail', args=[article.pk])}"


def report_claims(article: Article) -> list[Claim]:
    return list(
        Claim.objects.filter(article=article, status=ClaimStatus.RESOLVED)
        .select_related("article")
        .prefetch_related("evidence__source")
        .order_by("start", "id")
    )


def claim_reviews(article: Article) -> list[dict]:
    url = report_url(article)
    return [claim_review(c, report_url=url) for c in report_claims(article)]
