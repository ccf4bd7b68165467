"""Reads that need care: queues, workspaces, dashboards, with flat query counts."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from factcheck.accounts.models import User
from factcheck.accounts.permissions import is_editor
from factcheck.articles.models import Article
from factcheck.claims.models import Claim, ClaimEvent, ClaimStatus, EventKind, Review

ACTIVE = ClaimStatus.ACTIVE
COUNTED = ClaimStatus.COUNTED


def claims_base() -> QuerySet[Claim]:
    return Claim.objects.select_related("article", "assignee", "second_reviewer", "updated_by", "same_as")


def _current_round() -> Coalesce:
    """The review round of each claim: one more than the times it was reopened (as in verdict_record)."""
    reopened = (
        ClaimEvent.objects.filter(claim=OuterRef("pk"), kind=EventKind.REOPENED)
        .order_by()
        .values("claim")
        .annotate(n=Count("id"))
        .values("n")
    )
    return Coalesce(Subquery(reopened), Value(0)) + Value(1)


def reviewer_queue(user: User) -> QuerySet[Claim]:
    """Claims waiting for this reviewer: overdue first, then by due date, then priority."""
    today = timezone.localdate()
    qs = claims_base().filter(
        Q(assignee=user) | Q(second_reviewer=user), status__in=ClaimStatus.UNDER_REVIEW
    )
    # A reviewer who has answered in this round is not waited on any more (the other
    # reviewer or the editor is); after a reopen the new round brings the claim back.
    answered = Review.objects.filter(claim=OuterRef("pk"), reviewer=user, round=OuterRef("review_round"))
    return (
        qs.annotate(
            review_round=_current_round(),
            overdue_flag=Case(When(due__lt=today, then=Value(1)), default=Value(0), output_field=IntegerField()),
        )
        .filter(~Exists(answered))
        .order_by("-overdue_flag", F("due").asc(nulls_last=True), "-priority", "id")
    )


def article_claims(article: Article) -> QuerySet[Claim]:
    return claims_base().filter(article=article).order_by("start", "id")


def article_claim_states(article: Article) -> QuerySet[Claim]:
    """Status and verdict of every claim of the article, in workspace order: what its progress poll needs."""
    fields = ("pk", "article_id", "status", "verdict", "start", "end")
    return Claim.objects.filter(article=article).only(*fields).order_by("start", "id")


def articles_with_progress(qs: QuerySet[Article] | None = None) -> QuerySet[Article]:
    qs = Article.objects.all() if qs is None else qs
    return qs.select_related("created_by").annotate(
        claims_total=Count("claims", filter=Q(claims__status__in=COUNTED)),
        claims_resolved=Count("claims", filter=Q(claims__status=ClaimStatus.RESOLVED)),
        claims_suggested=Count("claims", filter=Q(claims__status=ClaimStatus.SUGGESTED)),
        claims_disputed=Count("claims", filter=Q(claims__verdict="disputed")),
    )


def overdue_claims() -> QuerySet[Claim]:
    return claims_base().filter(status__in=ACTIVE, due__lt=timezone.localdate()).order_by("due", "id")


def unassigned_claims() -> QuerySet[Claim]:
    return claims_base().filter(status=ClaimStatus.OPEN, assignee__isnull=True).order_by("-priority", "created_at")


def workload() -> QuerySet[User]:
    today = timezone.localdate()
    return (
        User.objects.filter(is_active=True)
        .annotate(
            open_claims=Count("assigned_claims", filter=Q(assigned_claims__status__in=ACTIVE), distinct=True),
            in_review=Count("assigned_claims", filter=Q(assigned_claims__status=ClaimStatus.IN_REVIEW), distinct=True),
            overdue=Count(
                "assigned_claims",
                filter=Q(assigned_claims__status__in=ACTIVE, assigned_claims__due__lt=today),
                distinct=True,
            ),
            second_reviews=Count(
                "second_review_claims",
                filter=Q(second_review_claims__status__in=ACTIVE),
                distinct=True,
            ),
        )
        .filter(Q(role__in=["reviewer", "editor"]) | Q(open_claims__gt=0))
        .order_by("-overdue", "-open_claims", "username")
    )


def review_is_blind(claim: Claim, user: User | None) -> bool:
    """The one blind-review rule, read by the claim page, the history pages and the API.

    While a second reviewer is asked for, the two reviewers record verdicts
    independently: neither may read the other's until the claim is settled
    (resolved, or waiting for the editor because they disagree). Editors always
    see everything; with a single reviewer there is nobody to be blind to.
    """
    if user is None or is_editor(user):
        return False
    return bool(claim.second_reviewer_id) and claim.status != ClaimStatus.RESOLVED and not claim.needs_settlement


def visible_events(events: Iterable[ClaimEvent], user: User | None, claim: Claim | None = None) -> list[ClaimEvent]:
    """Events as ``user`` may read them: another reviewer's verdict and rationale blanked while review is blind.

    The event itself stays (the history shows that the other reviewer has answered,
    as the claim page's second-review notice does); only what it says is hidden,
    and ``hidden`` tells the page to say so. Pass ``claim`` when every event is of
    that claim, else each event's ``claim`` is read (select it with the events).
    """
    out = list(events)
    for event in out:
        if event.kind != EventKind.REVIEWED or (user is not None and event.actor_id == user.pk):
            continue
        if review_is_blind(claim or event.claim, user):
            event.verdict, event.note, event.hidden = "", "", True
    return out


def claim_history(claim: Claim, user: User | None = None) -> list[ClaimEvent]:
    """The claim's audit trail, oldest first; given the viewer, a blind second review stays blind."""
    events = claim.events.select_related("actor").order_by("at", "id")
    return visible_events(events, user, claim)


def article_history(article: Article, user: User | None = None) -> list[ClaimEvent]:
    """Every claim event of the article, oldest first, with the same blind-review rule per claim."""
    events = ClaimEvent.objects.filter(article=article).select_related("actor", "claim").order_by("at", "id")
    return visible_events(events, user)


def visible_reviews(claim: Claim, user: User) -> list[Review]:
    """The recorded verdicts the viewer may read (the same rule as the history: review_is_blind)."""
    reviews = list(claim.reviews.select_related("reviewer").order_by("round", "created_at"))
    if not review_is_blind(claim, user):
        return reviews
    return [r for r in reviews if r.reviewer_id == user.pk]


def claim_detail(pk: int) -> Claim:
    return (
        claims_base()
        .select_related("revision", "article__current_revision")
        .prefetch_related(Prefetch("comments", queryset=Claim.comments.rel.related_model.objects.select_related("author")))
        .get(pk=pk)
    )
