"""Seed a demo newsroom on first run: an editor, two reviewers, and articles at every stage.

The stages a newcomer should see in a minute: suggestions waiting for triage, claims
assigned with a due date, a review under way with a source and its lookups done, a check
resolved, and a published report. Everything is built through the service functions, so
the audit trail reads as if people had done it. Runs on every `make run` but does nothing
once any member exists, so a second run never reseeds over real data.

(It lives in `publishing`, the top of the domain packages, because it calls all of them.)
"""

from __future__ import annotations

import datetime as dt
import secrets
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management.base import BaseCommand
from django.utils import timezone

from factcheck.accounts.models import Role, User
from factcheck.articles.models import Article
from factcheck.articles.services import article_create
from factcheck.claims import services as claims
from factcheck.publishing.demo import languages, newsroom
from factcheck.publishing.services import article_publish
from factcheck.sources import services as sources
from factcheck.sources.models import Lookup, LookupKind, LookupStatus
from factcheck.sources.tasks import run_lookup

HARBOUR = Path(__file__).resolve().parents[2] / "demo" / "harbour_flood.txt"


def _article(editor: User, spec: dict) -> Article:
    return article_create(actor=editor, title=spec["title"], text=spec["text"], outlet=spec["outlet"],
                          author=spec["author"])


def _claims(editor: User, article: Article, spec: dict) -> list:
    return [claims.claim_create(actor=editor, article_id=article.pk, quote=q) for q in spec["claims"]]


def _attach(reviewer: User, claim, spec: dict):
    name, text = spec["source"]
    upload = SimpleUploadedFile(name, text.encode(), content_type="text/plain")
    return sources.source_attach(actor=reviewer, claim_id=claim.pk, upload=upload, stance="supports",
                                 note="From the office's own publication.")


def _pin(reviewer: User, evidence, passage: str) -> None:
    text = evidence.source.latest_snapshot.text
    start = text.find(passage)
    if start >= 0:
        sources.evidence_pin_passage(actor=reviewer, evidence_id=evidence.pk, start=start, end=start + len(passage))


def _run_local_lookups() -> None:
    """Similar claims and figure checks need no network: run them now, so the demo shows results."""
    for _ in range(3):  # a figure check may queue after a snapshot
        pending = list(Lookup.objects.filter(status=LookupStatus.QUEUED)
                       .exclude(kind__in=[LookupKind.FETCH, LookupKind.EXTERNAL, LookupKind.IMPORT])
                       .values_list("pk", flat=True))
        if not pending:
            return
        for pk in pending:
            run_lookup(pk)


class Command(BaseCommand):
    help = "Create demo members and a newsroom's articles at every stage, if the database has no members yet."

    def handle(self, *args, **options):
        if User.objects.exists():
            self.stdout.write("Demo already seeded (members exist); leaving the data as it is.")
            return
        passwords, people = {}, {}
        for username, role, first, last in (
            ("editor", Role.EDITOR, "Elena", "Marsh"),
            ("reviewer", Role.REVIEWER, "Ravi", "Okafor"),
            ("reviewer2", Role.REVIEWER, "Sofia", "Lund"),
        ):
            password = secrets.token_urlsafe(12)
            user = User(username=username, role=role, first_name=first, last_name=last, email=f"{username}@example.org")
            user.set_password(password)
            user.save()
            passwords[username], people[username] = password, user
        editor, reviewer, reviewer2 = people["editor"], people["reviewer"], people["reviewer2"]
        soon = timezone.localdate() + dt.timedelta(days=4)

        # 1. Suggested: the engine's proposals wait for the editor.
        title, _, body = HARBOUR.read_text(encoding="utf-8").partition("\n\n")
        flood = article_create(actor=editor, title=title.strip(), text=body.strip() + "\n", outlet="Kessling Courier",
                               author="Desk staff")
        claims.claims_suggest(actor=editor, article_id=flood.pk)

        # 2. Assigned: two claims with a reviewer and a due date, one still open.
        trams = _article(editor, newsroom.TRAMS)
        tram_claims = _claims(editor, trams, newsroom.TRAMS)
        claims.claims_assign_bulk(actor=editor, claim_ids=[c.pk for c in tram_claims[:2]], reviewer=reviewer, due=soon)

        # 3. In review: a source attached, its passage pinned, lookups done.
        meals = _article(editor, newsroom.MEALS)
        meal_claims = _claims(editor, meals, newsroom.MEALS)
        claims.claims_assign_bulk(actor=editor, claim_ids=[c.pk for c in meal_claims], reviewer=reviewer2, due=soon)
        claims.claim_start(actor=reviewer2, claim_id=meal_claims[0].pk)
        evidence = _attach(reviewer2, meal_claims[0], newsroom.MEALS)
        _pin(reviewer2, evidence, "on an average school day 8,700 children took a free lunch")
        claims.comment_add(actor=reviewer2, claim_id=meal_claims[0].pk,
                           body="The board's report says 8,700, not 9,300. Asking the press office which is current.")

        # 4. Resolved: both claims checked against the authority's notice, not yet published.
        # 5. Published: a finished check with its public report.
        done = []
        for spec in (newsroom.BRIDGE, newsroom.LIBRARY):
            article = _article(editor, spec)
            article_claims = _claims(editor, article, spec)
            claims.claims_assign_bulk(actor=editor, claim_ids=[c.pk for c in article_claims], reviewer=reviewer,
                                      due=soon)
            for claim, (verdict, rating, rationale) in zip(article_claims, spec["verdicts"], strict=True):
                _attach(reviewer, claim, spec)
                claims.verdict_record(actor=reviewer, claim_id=claim.pk, verdict=verdict, rationale=rationale,
                                      rating=rating)
            done.append(article)
        article_publish(actor=editor, article_id=done[1].pk)

        # 6. The region's languages: an Arabic article with its suggestions, a Hebrew check published.
        water = _article(editor, languages.WATER)
        claims.claims_suggest(actor=editor, article_id=water.pk)
        nurses = _article(editor, languages.NURSES)
        nurse_claims = _claims(editor, nurses, languages.NURSES)
        claims.claims_assign_bulk(actor=editor, claim_ids=[c.pk for c in nurse_claims], reviewer=reviewer2, due=soon)
        for claim, (verdict, rating, rationale) in zip(nurse_claims, languages.NURSES["verdicts"], strict=True):
            _attach(reviewer2, claim, languages.NURSES)
            claims.verdict_record(actor=reviewer2, claim_id=claim.pk, verdict=verdict, rationale=rationale,
                                  rating=rating)
        article_publish(actor=editor, article_id=nurses.pk)

        _run_local_lookups()
        self.stdout.write(self.style.SUCCESS(
            "Demo newsroom seeded: 7 articles (suggested, assigned, in review, resolved, published; one in Arabic, "
            "one in Hebrew). "
            "These passwords are shown once:"))
        for username, password in passwords.items():
            self.stdout.write(f"  {username:<9} {password}")
