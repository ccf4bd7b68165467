"""Similar claims are looked for across the whole archive, not only among the most recent claims.

PostgreSQL only: SQLite keeps the older method (the most recent claims sharing a long word).
"""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from django.utils import timezone

from factcheck.articles.models import Article, ArticleRevision
from factcheck.claims.derived import refresh_all
from factcheck.claims.models import Claim, ClaimStatus
from factcheck.claims.services import claim_create
from factcheck.sources.providers.similar import MAX_CANDIDATES, SimilarClaimsProvider
from tests.support.factories import ArticleFactory, make_claim

pytestmark = pytest.mark.django_db

NOISE = "Elmbridge residents said the river district park was busy on Saturday number {n}."


def _import_noise(editor, count: int) -> None:
    """Many later claims sharing the long words of the claim, written in bulk as an import would."""
    article = Article.objects.create(title="Weekly notes", created_by=editor)
    text = " ".join(NOISE.format(n=i) for i in range(count))
    revision = ArticleRevision.objects.create(article=article, number=1, text=text, created_by=editor)
    claims, pos = [], 0
    for i in range(count):
        sentence = NOISE.format(n=i)
        claims.append(Claim(article=article, revision=revision, start=pos, end=pos + len(sentence), quote=sentence,
                            text=sentence, status=ClaimStatus.OPEN, created_by=editor))
        pos += len(sentence) + 1
    Claim.objects.bulk_create(claims)
    refresh_all()


def test_an_old_check_of_the_same_claim_is_found_behind_hundreds_of_newer_claims(require_postgres, editor):
    years_ago = ArticleFactory(created_by=editor, text="About 1,500 homes were flooded in the Elmbridge river district.\n")
    old = make_claim(years_ago, "About 1,500 homes were flooded in the Elmbridge river district",
                     status=ClaimStatus.RESOLVED, verdict="verified")
    Claim.objects.filter(pk=old.pk).update(created_at=timezone.now() - dt.timedelta(days=700))
    _import_noise(editor, MAX_CANDIDATES + 100)
    today = ArticleFactory(created_by=editor, text="Nearly 2,200 homes were flooded in the Elmbridge river district.\n")
    claim = claim_create(actor=editor, article_id=today.pk,
                         quote="Nearly 2,200 homes were flooded in the Elmbridge river district")
    provider = SimilarClaimsProvider()
    matches = {m["claim"]: m for m in provider.gather(SimpleNamespace(claim=claim))["matches"]}
    assert old.pk in matches
    assert matches[old.pk]["figure_differs"] is True and matches[old.pk]["verdict"] == "verified"
    # What the lookup used to do: the 500 most recent claims sharing a long word never reach it.
    assert old.pk not in dict(provider.recent_candidates(claim))
