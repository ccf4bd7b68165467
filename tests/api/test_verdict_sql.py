"""A single-review verdict written as one PostgreSQL statement (claims/services/verdict_sql.py) writes
what the ORM path writes: the same verdicts, through the API, once with each path on two identical
articles, leave the same claim, review, audit, progress and notification rows, enqueue the same
tasks on commit and answer the same body."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from factcheck.claims import derived, services
from factcheck.claims.models import ArticleProgress, Claim, ClaimEvent, ClaimStatus, Notification, Review
from factcheck.sources.models import Evidence, Source
from tests.support.factories import ArticleFactory, make_claim

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("require_postgres")]

QUOTES = ["Rescue teams pulled 14 survivors", "measured at magnitude 6.1", "damaged more than 300 homes",
          "left at least 9 people dead", "the strongest tremor to hit the province"]
# What differs between two worlds by construction (ids, times, the wording's vector).
SKIP = {"id", "article", "revision", "created_at", "updated_at", "resolved_at", "search", "same_as"}


def world(editor, reviewer, *, title: str, progress: bool = True) -> dict:
    article = ArticleFactory(created_by=editor, title=title)
    c = {}
    for i, status in enumerate(["assigned", "in_review", "assigned", "assigned"]):
        c[i] = make_claim(article, QUOTES[i], status=status, assignee=reviewer, types=["quantity"])
    # A claim in its second round: reviewed once, reopened, assigned again (its review is round 2).
    again = make_claim(article, QUOTES[4], status=ClaimStatus.ASSIGNED, assignee=reviewer)
    services.claim_start(actor=reviewer, claim_id=again.pk)
    services.verdict_record(actor=reviewer, claim_id=again.pk, verdict="unverifiable", rationale="First look.")
    services.claim_reopen(actor=editor, claim_id=again.pk, reason="A new record turned up.")
    services.claim_assign(actor=editor, claim_id=again.pk, reviewer=reviewer)
    c[4] = again
    source = Source.objects.create(url=f"https://harbour.example.org/{article.pk}", added_by=editor)
    for i in (2, 4):
        Evidence.objects.create(claim=c[i], source=source, added_by=reviewer)
    derived.article_progress_refresh(article.pk)
    if not progress:
        ArticleProgress.objects.filter(article=article).delete()
    return {"article": article, "claims": [c[i] for i in range(5)]}


def run(w, as_reviewer, as_editor, capture) -> list[dict]:
    """The verdicts: three by the reviewer (one disputed), one by the editor, one in round 2."""
    steps = [(as_reviewer, 0, "unverifiable", "unproven"), (as_reviewer, 1, "unverifiable", ""),
             (as_reviewer, 2, "disputed", ""), (as_editor, 3, "verified", ""), (as_reviewer, 4, "disputed", "misleading")]
    answers = []
    for client, i, verdict, rating in steps:
        claim = Claim.objects.get(pk=w["claims"][i].pk)
        if verdict == "verified":
            source = Source.objects.create(url=f"https://port.example.org/{claim.pk}", added_by=claim.created_by)
            Evidence.objects.create(claim=claim, source=source, added_by=claim.created_by)
        with capture(execute=True) as hooks:
            response = client.post(f"/api/claims/{claim.pk}/verdict/", {
                "verdict": verdict, "rationale": f"Checked against the {i} registry.", "rating": rating,
                "version": claim.version}, format="json")
        assert response.status_code == 200, response.content[:300]
        body = response.json()
        assert body == client.get(f"/api/claims/{claim.pk}/").json()
        answers.append({"hooks": len(hooks), **{k: v for k, v in body.items() if k not in {
            "id", "article", "created_at", "updated_at", "resolved_at", "url"}}})
    return answers


def rows(w) -> dict:
    article = w["article"]
    index = {c.pk: n for n, c in enumerate(w["claims"])}
    claims = [
        {k: v for k, v in row.items() if k.removesuffix("_id") not in SKIP} | {"resolved": row["resolved_at"] is not None}
        for row in Claim.objects.filter(article=article).order_by("start").values()
    ]
    reviews = sorted((index[r.claim_id], r.reviewer.username, r.round, r.verdict, r.rating, r.rationale)
                     for r in Review.objects.filter(claim__article=article))
    events = [(index[e.claim_id], e.actor.username if e.actor else None, e.kind, e.from_status, e.to_status,
               e.verdict, e.note, e.data) for e in ClaimEvent.objects.filter(article=article).order_by("id")]
    progress = list(ArticleProgress.objects.filter(article=article).values(
        "claims_total", "claims_resolved", "claims_suggested", "claims_disputed", "in_progress"))
    notes = [(n.recipient.username, index.get(n.claim_id), n.kind, n.count, n.message, n.read_at, n.emailed_at)
             for n in Notification.objects.filter(article=article).order_by("id")]
    return {"claims": claims, "reviews": reviews, "events": events, "progress": progress, "notes": notes}


@pytest.mark.parametrize("progress", [True, False], ids=["progress-kept", "progress-missing"])
def test_the_one_statement_verdict_writes_what_the_orm_path_writes(
        settings, editor, reviewer, as_reviewer, as_editor, no_broker, django_capture_on_commit_callbacks, progress):
    settings.VERDICT_SQL = False
    worlds = {path: world(editor, reviewer, title="Quake in Varnhold", progress=progress) for path in ("orm", "sql")}
    seen = {}
    for path, w in worlds.items():
        settings.VERDICT_SQL = path == "sql"
        no_broker.clear()
        answers = run(w, as_reviewer, as_editor, django_capture_on_commit_callbacks)
        tasks = [name for name, _ in no_broker]
        seen[path] = {"answers": answers, "tasks": tasks, **rows(w)}
    orm, sql = seen["orm"], seen["sql"]
    for part in ("answers", "claims", "reviews", "events", "progress", "notes", "tasks"):
        assert sql[part] == orm[part], part
    # What the verdicts did, so a shared mistake cannot pass: the grouped notice, round 2, the counts.
    # (The first "resolved" was the round-1 verdict of claim 4; the second tells rita that the editor decided
    # claim 3, which she had; "ready" is the readiness check after commit.)
    assert [n[2:4] for n in sql["notes"]] == [("resolved", 3), ("reopened", 1), ("assigned", 1), ("disputed", 2),
                                              ("resolved", 1), ("ready", 1)]
    assert [n[0] for n in sql["notes"]][4] == "rita"
    assert (4, "rita", 2, "disputed", "misleading", "Checked against the 4 registry.") in sql["reviews"]
    assert sql["progress"] == [{"claims_total": 5, "claims_resolved": 5, "claims_suggested": 0,
                                "claims_disputed": 2, "in_progress": False}]


def test_the_one_statement_verdict_is_two_statements_and_refuses_like_the_orm(reviewer, editor, as_reviewer):
    w = world(editor, reviewer, title="Quake in Varnhold")
    claim = w["claims"][0]
    stale = as_reviewer.post(f"/api/claims/{claim.pk}/verdict/", {
        "verdict": "unverifiable", "rationale": "Late.", "version": claim.version + 1}, format="json")
    assert stale.status_code == 409
    assert Claim.objects.get(pk=claim.pk).status == ClaimStatus.ASSIGNED
    with CaptureQueriesContext(connection) as queries:
        services.verdict_record(actor=reviewer, claim_id=claim.pk, verdict="unverifiable", rationale="Checked.",
                                version=claim.version)
    writes = [q["sql"] for q in queries.captured_queries if not q["sql"].startswith(("SAVEPOINT", "RELEASE"))]
    # The lock, the statement, the publishing hook's lookup of the article's report, and the editor's
    # open group of "resolved" notices (from the round-1 verdict of claim 4) given its new count.
    assert writes[0].startswith("SELECT") and "FOR UPDATE" in writes[0]
    assert writes[1].startswith("WITH upd AS (UPDATE")
    assert writes[2].startswith('SELECT id, status FROM "publishing_report"')
    assert writes[3].startswith('UPDATE "claims_notification"') and len(writes) == 4, writes
