"""Derived data (progress, claims per type and day and per due date, search vectors): what the services keep equals a rebuild.

A check goes through the services (suggest, accept, edit, merge, split, assign, verdict,
reopen, reject, a new revision, new details); then `manage.py refresh_derived` rebuilds
everything from the rows. The rebuild must find nothing to change, and after the derived data
is wiped (as after a restore of the tables alone) it must write back exactly what the services
had kept.
"""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from factcheck.articles.models import Article
from factcheck.articles.services import article_create, article_revise, article_update_details
from factcheck.claims import services
from factcheck.claims.models import ArticleProgress, Claim, ClaimStatus, DueDay, Review, TypeDay
from factcheck.claims.selectors import articles_with_progress
from tests.claims.conftest import attach_source

pytestmark = pytest.mark.django_db

TEXT = (
    "The county council said 38 percent of household pipes in Elmbridge are older than 60 years. "
    "Repairs will cost 12.5 million pounds over five years, according to the finance director. "
    "Leaks fell by a fifth last winter, the lowest level since records began in 1998. "
    "The mayor promised 400 new homes by 2030. Unemployment in the county rose to 7 percent in 2023, "
    "the statistics office said.\n"
)


NOTHING_WRITTEN = ("progress rows updated: 0, article vectors: 0, claim vectors: 0, type days: 0, due days: 0, "
                   "review assignments: 0\n")


def derived_state() -> dict:
    """Everything derived, as the pages read it (an article without a progress row counts zero)."""
    progress = {
        a.pk: (a.claims_total, a.claims_resolved, a.claims_suggested, a.claims_disputed, a.claims_in_progress)
        for a in articles_with_progress()
    }
    # The Insights page's derived data: every progress column, the claims per type and day, and the
    # reviews' assignment times.
    empty = {f.attname: f.get_default() for f in ArticleProgress._meta.concrete_fields}
    stored = {p["article_id"]: p for p in ArticleProgress.objects.values()}
    progress_rows = {pk: stored.get(pk, {**empty, "article_id": pk}) for pk in Article.objects.values_list("pk", flat=True)}
    type_days = sorted(TypeDay.objects.filter(claims__gt=0).values_list("day", "type", "claims"))  # zero rows may stay
    due_days = sorted(DueDay.objects.filter(claims__gt=0).values_list("day", "claims"))
    assignments = sorted(Review.objects.values_list("pk", "assigned_at"))
    vectors = {}
    if connection.vendor == "postgresql":
        with connection.cursor() as cur:
            cur.execute("SELECT id, search::text FROM articles_article ORDER BY id")
            vectors["articles"] = cur.fetchall()
            cur.execute("SELECT id, search::text FROM claims_claim ORDER BY id")
            vectors["claims"] = cur.fetchall()
    return {"progress": progress, "progress_rows": progress_rows, "type_days": type_days, "due_days": due_days,
            "assignments": assignments, **vectors}


def refresh() -> str:
    out = io.StringIO()
    call_command("refresh_derived", stdout=out)
    return out.getvalue()


def due_counts() -> dict[dt.date, int]:
    """The claims being checked per due date, counted from the claims themselves."""
    counts: dict[dt.date, int] = {}
    for due in Claim.objects.filter(status__in=ClaimStatus.ACTIVE, due__isnull=False).values_list("due", flat=True):
        counts[due] = counts.get(due, 0) + 1
    return counts


def kept_due_counts() -> dict[dt.date, int]:
    return dict(DueDay.objects.filter(claims__gt=0).values_list("day", "claims"))


def run_a_check(editor, reviewer) -> tuple[Article, Article]:
    today = timezone.localdate()
    first = article_create(actor=editor, title="Elmbridge water pipes", text=TEXT, outlet="Echo")
    second = article_create(actor=editor, title="Empty so far", text="Nothing checkable here yet.\n")
    suggested = services.claims_suggest(actor=editor, article_id=first.pk)
    assert len(suggested) >= 4
    a, b, c, d = suggested[:4]
    services.claim_accept(actor=editor, claim_id=a.pk)
    services.claim_accept(actor=editor, claim_id=b.pk)
    services.claim_accept(actor=editor, claim_id=c.pk)
    services.claim_edit(actor=editor, claim_id=a.pk, version=2, text="Pipes in Elmbridge are old", types=["quantity"],
                        attributed_to="council")
    services.claim_reject(actor=editor, claim_id=d.pk)
    merged = services.claims_merge(actor=editor, claim_ids=[b.pk, c.pk])
    services.claim_assign(actor=editor, claim_id=a.pk, reviewer=reviewer, due=today - dt.timedelta(days=2))
    services.claim_start(actor=reviewer, claim_id=a.pk)
    attach_source(Claim.objects.get(pk=a.pk))
    services.verdict_record(actor=reviewer, claim_id=a.pk, verdict="disputed", rationale="The survey says 31 percent.")
    services.claim_assign(actor=editor, claim_id=merged.pk, reviewer=reviewer, due=today + dt.timedelta(days=3))
    services.verdict_record(actor=reviewer, claim_id=merged.pk, verdict="unverifiable", rationale="No figures published.")
    services.claim_reopen(actor=editor, claim_id=merged.pk, reason="The finance report is out now.")
    extra = services.claim_create(actor=editor, article_id=first.pk, quote="Repairs will cost 12.5 million pounds")
    services.claim_split(actor=editor, claim_id=extra.pk, at=extra.start + len("Repairs will"))
    services.claim_assign(actor=editor, claim_id=extra.pk, reviewer=reviewer, due=today - dt.timedelta(days=5))
    article_revise(actor=editor, article_id=first.pk, text=TEXT.replace("400 new homes", "500 new homes"))
    article_update_details(actor=editor, article_id=second.pk, title="Still empty", author="A. Reporter")
    return first, second


def test_rebuild_equals_what_the_services_kept(editor, reviewer, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):  # the claims per type and day are recounted after commit
        first, second = run_a_check(editor, reviewer)
    kept = derived_state()
    # The pages show what the claims say: one disputed and resolved, the rest open.
    counted = Claim.objects.filter(article=first, status__in=["open", "assigned", "in_review", "resolved"]).count()
    # How many suggestions are left untouched depends on the engine; the count must match them.
    left = Claim.objects.filter(article=first, status="suggested").count()
    assert kept["progress"][first.pk] == (counted, 1, left, 1, True)
    assert kept["progress"][second.pk] == (0, 0, 0, 0, True)

    assert refresh() == NOTHING_WRITTEN
    assert derived_state() == kept

    assert kept["type_days"] and all(at is not None for _, at in kept["assignments"])
    # The reopened claim is due in three days, the split one was due five days ago; the disputed one left its day.
    today = timezone.localdate()
    assert dict(kept["due_days"]) == due_counts() == {today + dt.timedelta(days=3): 1, today - dt.timedelta(days=5): 1}
    # Wipe it all, as after restoring the tables without the derived data.
    ArticleProgress.objects.all().delete()
    TypeDay.objects.all().delete()
    DueDay.objects.all().delete()
    Review.objects.update(assigned_at=None)
    if connection.vendor == "postgresql":
        Article.objects.update(search=None)
        Claim.objects.update(search=None)
    assert derived_state() != kept
    refresh()
    assert derived_state() == kept
    # Idempotent: a second rebuild finds nothing to write.
    assert refresh() == NOTHING_WRITTEN


def test_verdicts_move_the_article_from_in_progress_to_done(editor, reviewer):
    article = article_create(actor=editor, title="One claim", text=TEXT)
    claim = services.claim_create(actor=editor, article_id=article.pk, quote="The mayor promised 400 new homes by 2030")
    row = articles_with_progress().get(pk=article.pk)
    assert (row.claims_total, row.claims_resolved, row.claims_in_progress) == (1, 0, True)
    services.claim_assign(actor=editor, claim_id=claim.pk, reviewer=reviewer)
    services.verdict_record(actor=reviewer, claim_id=claim.pk, verdict="unverifiable", rationale="Only a promise.")
    row = articles_with_progress().get(pk=article.pk)
    assert (row.claims_total, row.claims_resolved, row.claims_in_progress) == (1, 1, False)
    services.claim_reopen(actor=editor, claim_id=claim.pk, reason="A plan was published.")
    row = articles_with_progress().get(pk=article.pk)
    assert (row.claims_total, row.claims_resolved, row.claims_in_progress) == (1, 0, True)
    assert Claim.objects.get(pk=claim.pk).status == ClaimStatus.OPEN  # open again, to be assigned


def test_every_way_a_verdict_resolves_a_claim_moves_the_counts_as_a_recount_would(editor, reviewer, other_reviewer):
    # A resolution moves the article's counts by the one claim (derived.article_progress_moved) instead
    # of recounting them: single, agreed double and settled double reviews, disputed or not.
    from factcheck.claims.derived import _counts

    article = article_create(actor=editor, title="Three claims", text=TEXT)
    quotes = ("38 percent of household pipes", "12.5 million pounds", "400 new homes")
    single, agreed, settled = (services.claim_create(actor=editor, article_id=article.pk, quote=q) for q in quotes)
    for claim in (single, agreed, settled):
        services.claim_assign(actor=editor, claim_id=claim.pk, reviewer=reviewer)
        attach_source(Claim.objects.get(pk=claim.pk), url=f"https://stats.example.net/{claim.pk}")
    for claim in (agreed, settled):
        services.claim_request_second_review(actor=editor, claim_id=claim.pk, reviewer=other_reviewer)

    def stored() -> dict:
        row = ArticleProgress.objects.get(article_id=article.pk)
        return {f: getattr(row, f) for f in _counts(article.pk)}

    services.verdict_record(actor=reviewer, claim_id=single.pk, verdict="disputed", rationale="31 percent.")
    assert stored() == _counts(article.pk) and stored()["claims_disputed"] == 1
    for who in (reviewer, other_reviewer):
        services.verdict_record(actor=who, claim_id=agreed.pk, verdict="verified", rationale="Finance report.")
    services.verdict_record(actor=reviewer, claim_id=settled.pk, verdict="verified", rationale="Plan published.")
    services.verdict_record(actor=other_reviewer, claim_id=settled.pk, verdict="disputed", rationale="Only 300.")
    assert stored() == _counts(article.pk) and stored()["claims_resolved"] == 2
    services.verdict_record(actor=editor, claim_id=settled.pk, verdict="disputed", rationale="Settled: 300.")
    assert stored() == _counts(article.pk) == {"claims_total": 3, "claims_resolved": 3, "claims_suggested": 0,
                                               "claims_disputed": 2, "claims_all": 3, "in_progress": False,
                                               "claims_open": 0, "claims_assigned": 0, "claims_in_review": 0,
                                               "claims_rejected": 0, "resolved_verified": 1, "resolved_disputed": 2,
                                               "resolved_unverifiable": 0}


def test_accepting_many_suggestions_recounts_their_day_once(editor, django_capture_on_commit_callbacks):
    # One transaction that changes twenty claims of a day waits for one recount of that day, not twenty.
    from django.db import transaction

    from tests.support.factories import ArticleFactory, make_claim

    article = ArticleFactory(created_by=editor, text=" ".join(f"{n} people were counted." for n in range(10, 30)))
    for n in range(10, 30):
        make_claim(article, f"{n} people were counted", status=ClaimStatus.SUGGESTED, suggested=True,
                   types=["quantity"])
    with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
        assert services.claims_accept_all(actor=editor, article_id=article.pk) == 20
    recounts = [c for c in callbacks if getattr(c, "__module__", "") == "factcheck.claims.derived"]
    assert len(recounts) == 1
    assert TypeDay.objects.get(type="quantity", claims__gt=0).claims == 20


def test_a_rolled_back_change_does_not_keep_its_recount_waiting(editor, django_capture_on_commit_callbacks):
    from django.db import transaction

    from factcheck.claims import derived
    from tests.support.factories import ArticleFactory, make_claim

    article = ArticleFactory(created_by=editor, text="Rescuers freed 14 people.")
    claim = make_claim(article, "freed 14 people", status=ClaimStatus.SUGGESTED, suggested=True, types=["quantity"])
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                derived.type_days_refresh_later([derived.claim_day(claim)])
                raise RuntimeError("rolled back")
        except RuntimeError:
            pass
        services.claim_accept(actor=editor, claim_id=claim.pk)
    # The accept after the rollback queued a recount of its own, which ran: the claim is counted.
    assert TypeDay.objects.get(type="quantity", claims__gt=0).claims == 1


def test_the_overdue_count_follows_every_change_of_a_claims_due_day(editor, reviewer, django_capture_on_commit_callbacks):
    # DueDay is recounted for the day a claim leaves and the day it joins: a new due date, a verdict
    # (one statement on PostgreSQL), a reopen that clears a passed date, a rejection and a restore.
    from factcheck.publishing.insights import overdue_claims

    today = timezone.localdate()
    late, later = today - dt.timedelta(days=4), today - dt.timedelta(days=40)
    article = article_create(actor=editor, title="Three claims", text=TEXT)
    with django_capture_on_commit_callbacks(execute=True):
        one, two = (services.claim_create(actor=editor, article_id=article.pk, quote=q)
                    for q in ("38 percent of household pipes", "400 new homes"))
        services.claim_assign(actor=editor, claim_id=one.pk, reviewer=reviewer, due=late)
        services.claim_assign(actor=editor, claim_id=two.pk, reviewer=reviewer, due=late)
    assert kept_due_counts() == due_counts() == {late: 2}
    assert overdue_claims().total == 2

    steps = [
        lambda: services.claim_assign(actor=editor, claim_id=two.pk, reviewer=reviewer, due=later),
        lambda: (attach_source(Claim.objects.get(pk=one.pk)),
                 services.verdict_record(actor=reviewer, claim_id=one.pk, verdict="verified", rationale="Survey.")),
        lambda: services.claim_reopen(actor=editor, claim_id=one.pk, reason="New survey."),
        lambda: services.claim_assign(actor=editor, claim_id=one.pk, reviewer=reviewer, due=late),
        lambda: services.claim_reject(actor=editor, claim_id=two.pk, reason="Not checkable after all."),
        lambda: services.claim_restore(actor=editor, claim_id=two.pk),
    ]
    totals = []
    for step in steps:
        with django_capture_on_commit_callbacks(execute=True):
            step()
        assert kept_due_counts() == due_counts()
        totals.append(overdue_claims().total)
    assert totals == [2, 1, 1, 2, 1, 1]
    assert [n for _, _, n in overdue_claims().rows] == [1, 0, 0]  # only the claim four days late is left
    assert refresh() == NOTHING_WRITTEN


def test_assigning_many_claims_recounts_their_due_day_once(editor, reviewer, django_capture_on_commit_callbacks):
    from tests.support.factories import ArticleFactory, make_claim

    article = ArticleFactory(created_by=editor, text=" ".join(f"{n} people were counted." for n in range(10, 30)))
    claims = [make_claim(article, f"{n} people were counted", types=["quantity"]) for n in range(10, 30)]
    due = timezone.localdate() - dt.timedelta(days=1)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        services.claims_assign_bulk(actor=editor, claim_ids=[c.pk for c in claims], reviewer=reviewer, due=due)
    recounts = [c for c in callbacks if getattr(c, "__module__", "") == "factcheck.claims.derived"]
    assert len(recounts) == 1
    assert kept_due_counts() == {due: 20}
