"""claims_suggest: storing the engine's suggestions, idempotently and only with valid spans."""

from __future__ import annotations

import sys
import types
from dataclasses import dataclass, field

import pytest

from factcheck.claims.models import Claim, ClaimEvent, ClaimStatus, EventKind
from factcheck.claims.services import claim_reject, claims_suggest
from factcheck.core.errors import NotAllowed, NotFound
from tests.support.factories import ArticleFactory

pytestmark = pytest.mark.django_db

TEXT = (
    "The regional council said bus fares rose by 12% in March. Ridership fell to 41,000 trips a day, "
    "down from 55,000 a year earlier, according to the transit authority. The mayor called it the worst "
    "drop since 1998 and promised 30 new buses by next spring.\n"
)


@dataclass
class FakeSuggestion:
    start: int
    end: int
    text: str
    types: list = field(default_factory=lambda: ["quantity"])
    quantities: list = field(default_factory=list)
    attributed_to: str = ""
    score: float = 0.5


class _Spans(list):
    asked: list


@pytest.fixture
def fake_engine(monkeypatch):
    """Replace the engine with one returning whatever the test puts in `spans`."""
    spans = _Spans()
    module = types.ModuleType("factcheck.claims.suggest")
    asked: list[str | None] = []
    module.suggest = lambda text, language=None: asked.append(language) or list(spans)
    spans.asked = asked  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "factcheck.claims.suggest", module)
    return spans


def test_engine_suggestions_are_stored_once(editor):
    pytest.importorskip("factcheck.claims.suggest")
    article = ArticleFactory(created_by=editor, text=TEXT)
    first = claims_suggest(actor=editor, article_id=article.pk)
    second = claims_suggest(actor=editor, article_id=article.pk)
    assert [c.pk for c in first] == [c.pk for c in second]
    stored = list(Claim.objects.filter(article=article))
    assert len(stored) == len(first)
    assert len({(c.start, c.end) for c in stored}) == len(stored)
    for claim in stored:
        assert claim.status == ClaimStatus.SUGGESTED and claim.suggested
        assert 0 <= claim.start < claim.end <= len(TEXT)
        assert TEXT[claim.start : claim.end] == claim.quote
    assert ClaimEvent.objects.filter(kind=EventKind.SUGGESTED).count() == len(stored)


def test_fake_suggestions_are_stored_with_anchor_and_event(editor, fake_engine):
    article = ArticleFactory(created_by=editor, text=TEXT)
    start = TEXT.index("bus fares rose by 12%")
    fake_engine.append(FakeSuggestion(start, start + 21, "bus fares rose by 12%", attributed_to="regional council"))
    [claim] = claims_suggest(actor=editor, article_id=article.pk)
    claim.refresh_from_db()
    assert (claim.quote, claim.status, claim.attributed_to) == ("bus fares rose by 12%", "suggested", "regional council")
    assert claim.prefix == TEXT[:start][-32:]
    event = ClaimEvent.objects.get(claim=claim)
    assert (event.kind, event.actor, event.to_status) == ("suggested", editor, "suggested")


def test_the_engine_reads_the_article_in_its_own_language(editor, fake_engine):
    # An editor corrected the detected language: the engine must use theirs, not guess from the script.
    article = ArticleFactory(created_by=editor, text=TEXT)
    article.language = "he"
    article.save(update_fields=["language"])
    claims_suggest(actor=editor, article_id=article.pk)
    assert fake_engine.asked == ["he"]


def test_running_twice_creates_no_duplicates(editor, fake_engine):
    article = ArticleFactory(created_by=editor, text=TEXT)
    start = TEXT.index("41,000 trips")
    fake_engine.append(FakeSuggestion(start, start + 12, "41,000 trips"))
    claims_suggest(actor=editor, article_id=article.pk)
    claims_suggest(actor=editor, article_id=article.pk)
    assert Claim.objects.filter(article=article).count() == 1
    assert ClaimEvent.objects.filter(kind=EventKind.SUGGESTED).count() == 1


def test_rejected_suggestion_is_not_suggested_again(editor, fake_engine):
    article = ArticleFactory(created_by=editor, text=TEXT)
    start = TEXT.index("30 new buses")
    fake_engine.append(FakeSuggestion(start, start + 12, "30 new buses"))
    [claim] = claims_suggest(actor=editor, article_id=article.pk)
    claim_reject(actor=editor, claim_id=claim.pk)
    assert claims_suggest(actor=editor, article_id=article.pk) == []
    assert Claim.objects.filter(article=article).count() == 1


def test_bad_spans_and_duplicates_from_the_engine_are_dropped(editor, fake_engine):
    article = ArticleFactory(created_by=editor, text=TEXT)
    start = TEXT.index("since 1998")
    fake_engine.extend(
        [
            FakeSuggestion(start, start + 10, "since 1998"),
            FakeSuggestion(start, start + 10, "since 1998"),  # the same span twice
            FakeSuggestion(-4, 3, "bad"),
            FakeSuggestion(10, 10, ""),
            FakeSuggestion(len(TEXT) - 2, len(TEXT) + 40, "past the end"),
            FakeSuggestion(TEXT.index(".\n"), TEXT.index(".\n") + 1, ".", types=["not-a-type"]),
        ]
    )
    stored = claims_suggest(actor=editor, article_id=article.pk)
    assert sorted(c.quote for c in stored) == [".", "since 1998"]
    assert next(c for c in stored if c.quote == ".").types == []


def test_existing_claim_at_same_quote_is_not_repeated(editor, fake_engine):
    article = ArticleFactory(created_by=editor, text=TEXT)
    from factcheck.claims.services import claim_create

    claim_create(actor=editor, article_id=article.pk, quote="worst drop since 1998")
    start = TEXT.index("worst drop since 1998")
    fake_engine.append(FakeSuggestion(start, start + 21, "worst drop since 1998"))
    assert claims_suggest(actor=editor, article_id=article.pk) == []
    assert Claim.objects.filter(article=article).count() == 1


def test_reviewer_cannot_ask_for_suggestions(reviewer, article, fake_engine):
    with pytest.raises(NotAllowed):
        claims_suggest(actor=reviewer, article_id=article.pk)


def test_unknown_article(editor, fake_engine):
    with pytest.raises(NotFound):
        claims_suggest(actor=editor, article_id=123456)


@pytest.mark.django_db(transaction=True)
def test_suggest_runs_in_its_own_transaction_outside_any_request_transaction(editor):
    # Pages call the service with autocommit on: it must open its own transaction for the row lock.
    article = ArticleFactory(created_by=editor, text="Officials said 12 homes were destroyed on Monday.")
    created = claims_suggest(actor=editor, article_id=article.pk)
    assert Claim.objects.filter(article=article, status=ClaimStatus.SUGGESTED).count() == len(created) >= 1
