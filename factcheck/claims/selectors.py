"""Reads that need care: queues, workspaces, dashboards, with flat query counts."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import connection
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
from django.utils.translation import gettext_lazy

from factcheck.accounts.models import User
from factcheck.accounts.permissions import is_editor
from factcheck.articles.models import Article
from factcheck.claims.models import Claim, ClaimEvent, ClaimStatus, EventKind, Notification, Review
from factcheck.core import search

ACTIVE = ClaimStatus.ACTIVE
COUNTED = ClaimStatus.COUNTED


def claims_base() -> QuerySet[Claim]:
    # The search vectors are for the database's eyes only: never loaded with the rows.
    return Claim.objects.select_related("article", "assignee", "second_reviewer", "updated_by", "same_as").defer(
        "search", "article__search", "same_as__search"
    )


def claim_list_base() -> QuerySet[Claim]:
    """The API's claim list: the claim and the usernames of its two reviewers."""
    return Claim.objects.select_related("assignee", "second_reviewer").defer("search")


def claim_list_values(fields: tuple[str, ...]) -> QuerySet:
    """The API's claim list as rows of `fields` (dicts): building model instances cost more than the query."""
    return Claim.objects.values(*fields)


# What a row of a claim list (web/_claim_rows.html) shows. Lists load only these columns and
# two joins: planning and building full rows with five joins cost more than the query itself.
ROW_FIELDS = (
    "id", "article_id", "text", "status", "verdict", "needs_rereview", "due", "priority", "assignee_id",
    "second_reviewer_id", "article__id", "article__title", "article__language",
    "assignee__id", "assignee__username", "assignee__first_name", "assignee__last_name",
)


def claim_search(qs: QuerySet[Claim], value: str) -> QuerySet[Claim]:
    """Claims whose wording matches a search box query, in the queryset's own order.

    PostgreSQL: the stemmed words against the GIN-indexed claim vector (kept by the services,
    claims/derived.py). Elsewhere: every word occurs in the wording (icontains).
    """
    value = (value or "").strip()
    if not value:
        return qs
    if search.fulltext():
        return qs.filter(search=search.query(value))
    return qs.filter(search.icontains_all(value, ["text"]))


def claim_rows() -> QuerySet[Claim]:
    return Claim.objects.select_related("article", "assignee").only(*ROW_FIELDS)


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
    qs = claim_rows().filter(Q(assignee=user) | Q(second_reviewer=user), status__in=ClaimStatus.UNDER_REVIEW)
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


def workspace_claims(article: Article) -> list[Claim]:
    """The article's claims as its workspace shows them, in text order, each with its reviewers.

    Not joined to the article: that repeated the article's whole text in every row (a
    1,000-claim article read its text 1,000 times); every claim gets the one already loaded.
    """
    claims = list(
        Claim.objects.filter(article=article).select_related("assignee", "second_reviewer", "updated_by")
        .defer("search").order_by("start", "id")
    )
    for claim in claims:
        claim.article = article
    return claims


def article_claim_states(article: Article) -> QuerySet[Claim]:
    """Status and verdict of every claim of the article, in workspace order: what its progress poll needs."""
    fields = ("pk", "article_id", "status", "verdict", "start", "end")
    return Claim.objects.filter(article=article).only(*fields).order_by("start", "id")


def articles_with_progress(qs: QuerySet[Article] | None = None) -> QuerySet[Article]:
    """Articles with their check progress, read from the ArticleProgress summary (claims/derived.py).

    Counting the claims of every article on each request made the article list and the
    dashboard scan the whole archive; the summary is one joined row per article. An article
    whose row is not written yet (just created, nothing claimed) counts as zero, in progress.
    """
    qs = Article.objects.all() if qs is None else qs
    return qs.select_related("created_by").defer("search").annotate(
        claims_total=Coalesce(F("progress__claims_total"), Value(0)),
        claims_resolved=Coalesce(F("progress__claims_resolved"), Value(0)),
        claims_suggested=Coalesce(F("progress__claims_suggested"), Value(0)),
        claims_disputed=Coalesce(F("progress__claims_disputed"), Value(0)),
        claims_in_progress=Coalesce(F("progress__in_progress"), Value(True)),
    )


def articles_in_progress(qs: QuerySet[Article] | None = None) -> QuerySet[Article]:
    """Articles with a claim still being checked, or none counted yet (the dashboard's list)."""
    return articles_with_progress(qs).filter(claims_in_progress=True)


def overdue_claims() -> QuerySet[Claim]:
    return claim_rows().filter(status__in=ACTIVE, due__lt=timezone.localdate()).order_by("due", "id")


def unassigned_claims() -> QuerySet[Claim]:
    return claim_rows().filter(status=ClaimStatus.OPEN, assignee__isnull=True).order_by("-priority", "created_at")


def workload() -> list[User]:
    """Open, in-review, overdue and second-review claims per member, busiest first.

    Counted per request from the claims still being checked only: the partial indexes on
    active claims (models.Claim.Meta) hold the work in hand, which does not grow with the
    archive, and "overdue" depends on today's date, so it could not be a stored counter anyway.
    Two grouped queries (first and second reviewer) replace a join of both relations, which
    multiplied the rows.
    """
    today = timezone.localdate()
    active = Claim.objects.filter(status__in=ACTIVE).order_by()
    firsts = {
        r["assignee_id"]: r
        # Counting the assignee column (never null here), not the id: then the covering index
        # claim_active_assignee (assignee, due; status) holds all the query reads.
        for r in active.filter(assignee__isnull=False).values("assignee_id").annotate(
            open_claims=Count("assignee"),
            in_review=Count("assignee", filter=Q(status=ClaimStatus.IN_REVIEW)),
            overdue=Count("assignee", filter=Q(due__lt=today)),
        )
    }
    seconds = dict(
        active.filter(second_reviewer__isnull=False).values("second_reviewer_id").annotate(n=Count("id"))
        .values_list("second_reviewer_id", "n")
    )
    people = list(User.objects.filter(Q(is_active=True) & (Q(role__in=["reviewer", "editor"]) | Q(pk__in=list(firsts)))))
    for person in people:
        r = firsts.get(person.pk, {})
        person.open_claims = r.get("open_claims", 0)
        person.in_review = r.get("in_review", 0)
        person.overdue = r.get("overdue", 0)
        person.second_reviews = seconds.get(person.pk, 0)
    people.sort(key=lambda p: (-p.overdue, -p.open_claims, p.username))
    return people


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


# --- all claims, across articles ------------------------------------------------------------

CLAIM_SORTS: dict[str, tuple] = {
    # name: (label, ordering); every ordering ends on id so pages never overlap.
    "due": (gettext_lazy("Due date"), (F("due").asc(nulls_last=True), "-priority", "id")),
    "-priority": (gettext_lazy("Priority"), ("-priority", F("due").asc(nulls_last=True), "id")),
    "-created": (gettext_lazy("Newest"), ("-created_at", "-id")),
    "article": (gettext_lazy("Article"), ("article__title", "article_id", "start", "id")),
    "status": (gettext_lazy("Status"), ("status", F("due").asc(nulls_last=True), "id")),
}


@dataclass(frozen=True)
class ClaimQuery:
    """The all-claims page's filters: the API's (status, verdict, type, assignee, overdue) plus a due range and search."""

    status: str = ""
    verdict: str = ""
    type: str = ""
    assignee: str = ""  # a username; "none" for unassigned
    overdue: bool | None = None
    due_from: dt.date | None = None
    due_to: dt.date | None = None
    q: str = ""
    sort: str = "due"


def claims_of_type(qs: QuerySet[Claim], value: str) -> QuerySet[Claim]:
    """Claims that have this type (page and API alike)."""
    if connection.vendor == "postgresql":
        # jsonb containment, served by the claim_types_gin index (claims migration 0003).
        return qs.filter(types__contains=[value])
    # `types` is a JSON list of names. A substring match on the quoted name works on SQLite's
    # text JSON; the quotes stop "other" matching inside a longer name.
    return qs.filter(types__icontains=json.dumps(value))


def claims_search(qs: QuerySet[Claim], q: str) -> QuerySet[Claim]:
    """The claims page's search box: the same search as the API's (``claim_search``: full text on PostgreSQL)."""
    return claim_search(qs, q)


def claims_filtered(query: ClaimQuery) -> QuerySet[Claim]:
    """Every claim matching the query, in the query's order (plain ORM filters on indexed columns)."""
    qs = Claim.objects.select_related("article", "assignee", "second_reviewer")
    qs = qs.filter(status=query.status) if query.status else qs.exclude(status=ClaimStatus.REJECTED)
    if query.verdict:
        qs = qs.filter(verdict=query.verdict)
    if query.type:
        qs = claims_of_type(qs, query.type)
    if query.assignee == "none":
        qs = qs.filter(assignee__isnull=True)
    elif query.assignee:
        qs = qs.filter(assignee__username=query.assignee)
    late = Q(status__in=ClaimStatus.ACTIVE, due__lt=timezone.localdate())
    if query.overdue is True:
        qs = qs.filter(late)
    elif query.overdue is False:
        qs = qs.exclude(late)
    if query.due_from:
        qs = qs.filter(due__gte=query.due_from)
    if query.due_to:
        qs = qs.filter(due__lte=query.due_to)
    qs = claims_search(qs, query.q)
    ordering = CLAIM_SORTS.get(query.sort, CLAIM_SORTS["due"])[1]
    return qs.order_by(*ordering)


def claims_page(query: ClaimQuery, *, page: int = 1, size: int = 50) -> tuple[list[Claim], bool]:
    """One page of claims and whether another follows.

    No COUNT over the table: at 200,000 claims that count costs more than the page
    itself, so the page reads one row more than it shows to know if there is a next.
    """
    page = max(1, page)
    offset = (page - 1) * size
    rows = list(claims_filtered(query)[offset:offset + size + 1])
    return rows[:size], len(rows) > size


def notification_rows(qs: QuerySet[Notification]) -> QuerySet[Notification]:
    """Notifications with the title of the article each is about (its own, or its claim's).

    A notice quoting a claim did not say which story it came from: with several articles on the
    desk, "Dana assigned you a claim: 43 reservists…" sent the reviewer searching.
    """
    return qs.annotate(article_title=Coalesce("article__title", "claim__article__title"))
