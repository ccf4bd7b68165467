"""Row locks of the claim services on PostgreSQL: only the claim is locked, and a deadlock's loser runs again."""

from __future__ import annotations

import threading
from collections import Counter

import pytest
from django.db import transaction

from factcheck.articles.models import Article
from factcheck.claims.models import Claim
from factcheck.claims.services.common import atomic_retrying, lock_claim
from tests.claims.test_concurrency import race
from tests.support.factories import make_claim

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]


def test_a_claim_transition_leaves_the_article_row_unlocked(require_postgres, article):
    claim = make_claim(article, "14 survivors")
    held, release = threading.Event(), threading.Event()

    def hold_claim():
        with transaction.atomic():
            lock_claim(claim.pk)
            held.set()
            release.wait(timeout=10)

    def lock_article():
        held.wait(timeout=10)
        try:
            with transaction.atomic():
                # NOWAIT: fails at once if the claim's lock had taken the article row too.
                return Article.objects.select_for_update(nowait=True).get(pk=article.pk).pk
        finally:
            release.set()

    results = race(hold_claim, lock_article)
    assert results == [None, article.pk]


def test_the_transaction_that_loses_a_deadlock_is_retried_and_both_finish(require_postgres, article):
    first, second = make_claim(article, "14 survivors"), make_claim(article, "more than 300 homes")
    both_hold_one = threading.Barrier(2)
    attempts: Counter[str] = Counter()

    @atomic_retrying
    def lock_both(name: str, a: int, b: int) -> str:
        attempts[name] += 1
        list(Claim.objects.select_for_update(of=("self",)).filter(pk=a))
        if attempts[name] == 1:
            both_hold_one.wait(timeout=10)  # each holds one row and wants the other: a real deadlock
        Claim.objects.filter(pk=b).update(text=f"touched by {name}")
        return name

    results = race(lambda: lock_both("x", first.pk, second.pk), lambda: lock_both("y", second.pk, first.pk))
    assert results == ["x", "y"]
    # PostgreSQL broke the deadlock by failing one of them; that one ran a second time. (On a busy
    # machine the retry can take its first row again before the survivor wakes, and the two deadlock
    # once more: then the other one is failed and retried too. Neither runs a third time.)
    assert max(attempts.values()) == 2 and sorted(attempts) == ["x", "y"]
