"""claim_create: an editor marks a passage, by offsets or by a unique quote."""

from __future__ import annotations

import pytest

from factcheck.claims.models import Claim, ClaimEvent, ClaimStatus, EventKind
from factcheck.claims.services import claim_create
from factcheck.core.errors import AlreadyDone, InvalidInput, NotAllowed
from tests.claims.conftest import workflow_events
from tests.support.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_editor_creates_open_claim_from_offsets(editor, article):
    text = article.text
    start = text.index("magnitude 6.1")
    claim = claim_create(actor=editor, article_id=article.pk, start=start, end=start + len("magnitude 6.1"))
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.OPEN
    assert claim.quote == "magnitude 6.1"
    assert claim.text == "magnitude 6.1"
    assert claim.revision_id == article.current_revision_id
    assert claim.prefix == text[start - 32 : start]
    assert claim.suffix == text[claim.end : claim.end + 32]
    assert claim.created_by == editor and claim.version == 1
    event = workflow_events(claim).get()
    assert (event.kind, event.actor, event.from_status, event.to_status) == (EventKind.CREATED, editor, "", "open")
    assert event.data == {"start": start, "end": start + len("magnitude 6.1")}


def test_editor_creates_claim_from_unique_quote_with_own_wording(editor, article):
    claim = claim_create(
        actor=editor, article_id=article.pk, quote="at least 9 people dead", text="  Nine dead.  ", types=["quantity"]
    )
    claim.refresh_from_db()
    assert article.text[claim.start : claim.end] == "at least 9 people dead"
    assert claim.text == "Nine dead."
    assert claim.types == ["quantity"]


def test_quote_that_occurs_twice_is_refused(editor):
    article = ArticleFactory(created_by=editor, text="Prices rose 5%. Wages rose 5%. Rents fell.")
    with pytest.raises(InvalidInput, match="more than once"):
        claim_create(actor=editor, article_id=article.pk, quote="rose 5%")
    assert not Claim.objects.exists()


def test_repeated_quote_can_be_marked_by_offsets(editor):
    article = ArticleFactory(created_by=editor, text="Prices rose 5%. Wages rose 5%. Rents fell.")
    second = article.text.index("rose 5%", 10)
    claim = claim_create(actor=editor, article_id=article.pk, start=second, end=second + 7)
    claim.refresh_from_db()
    assert claim.start == second and claim.prefix.endswith("Wages ")


def test_quote_not_in_text_is_refused(editor, article):
    with pytest.raises(InvalidInput, match="does not occur"):
        claim_create(actor=editor, article_id=article.pk, quote="a sentence nobody wrote")
    assert not Claim.objects.exists()


@pytest.mark.parametrize(
    ("start", "end", "why"),
    [
        (-1, 5, "outside the text"),
        (10, 10_000, "outside the text"),
        (20, 20, "empty"),
        (30, 20, "empty"),
        ("3", 9, "whole numbers"),
        (None, None, "whole numbers"),
        (True, 9, "whole numbers"),
    ],
)
def test_bad_spans_are_refused(editor, article, start, end, why):
    with pytest.raises(InvalidInput, match=why) as exc:
        claim_create(actor=editor, article_id=article.pk, start=start, end=end)
    assert "start" in exc.value.fields
    assert not Claim.objects.exists()
    assert not ClaimEvent.objects.exists()


def test_whitespace_only_span_is_refused(editor):
    article = ArticleFactory(created_by=editor, text="First line.\n\n   \nSecond line.")
    start = article.text.index("\n\n")
    with pytest.raises(InvalidInput, match="white space"):
        claim_create(actor=editor, article_id=article.pk, start=start, end=start + 5)
    assert not Claim.objects.exists()


def test_whitespace_quote_is_refused(editor):
    article = ArticleFactory(created_by=editor, text="One.   Two.")
    with pytest.raises(InvalidInput, match="white space"):
        claim_create(actor=editor, article_id=article.pk, quote="   ")
    assert not Claim.objects.exists()


@pytest.mark.parametrize("persona", ["reviewer", "outsider"])
def test_only_editors_create_claims(request, article, persona):
    with pytest.raises(NotAllowed):
        claim_create(actor=request.getfixturevalue(persona), article_id=article.pk, quote="14 survivors")
    assert not Claim.objects.exists()


def test_unknown_article_is_refused(editor):
    with pytest.raises(InvalidInput):
        claim_create(actor=editor, article_id=999_999, start=0, end=3)


def test_unknown_claim_type_is_refused(editor, article):
    with pytest.raises(InvalidInput, match="Unknown claim type"):
        claim_create(actor=editor, article_id=article.pk, quote="14 survivors", types=["gossip"])
    assert not Claim.objects.exists()


def test_html_in_text_is_kept_verbatim_as_data(editor):
    body = 'The council said <script>alert("x")</script> costs rose by 12% & more.'
    article = ArticleFactory(created_by=editor, text=body)
    claim = claim_create(actor=editor, article_id=article.pk, quote='<script>alert("x")</script> costs rose by 12%')
    claim.refresh_from_db()
    assert claim.quote == '<script>alert("x")</script> costs rose by 12%'
    assert claim.text == claim.quote
    assert claim.suffix == " & more."


# --- selecting a passage that is already a suggestion or a claim -----------------------------------


def _suggested(editor, article, quote):
    start = article.text.index(quote)
    return Claim.objects.create(
        article=article, revision=article.current_revision, start=start, end=start + len(quote), quote=quote,
        text=quote, types=["quantity"], status=ClaimStatus.SUGGESTED, created_by=editor, updated_by=editor,
    )


def test_selecting_a_suggested_passage_accepts_that_suggestion(editor, article):
    suggestion = _suggested(editor, article, "at least 9 people dead")
    claim = claim_create(actor=editor, article_id=article.pk, quote="at least 9 people dead")
    assert claim.pk == suggestion.pk and claim.was_suggested
    assert Claim.objects.filter(article=article).count() == 1
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.OPEN
    assert list(workflow_events(claim).values_list("kind", flat=True)) == [EventKind.ACCEPTED]


def test_selecting_a_suggested_passage_with_own_wording_keeps_the_wording(editor, article):
    suggestion = _suggested(editor, article, "at least 9 people dead")
    claim = claim_create(actor=editor, article_id=article.pk, quote="at least 9 people dead", text="Nine people died.")
    claim.refresh_from_db()
    assert (claim.pk, claim.status, claim.text) == (suggestion.pk, ClaimStatus.OPEN, "Nine people died.")
    assert [e.kind for e in workflow_events(claim).order_by("pk")] == [EventKind.ACCEPTED, EventKind.EDITED]


def test_selecting_a_passage_that_is_already_a_claim_names_it_and_adds_nothing(editor, article):
    first = claim_create(actor=editor, article_id=article.pk, quote="at least 9 people dead")
    with pytest.raises(AlreadyDone, match="already a claim: “at least 9 people dead” \\(Open\\)") as caught:
        claim_create(actor=editor, article_id=article.pk, quote="at least 9 people dead")
    assert caught.value.existing.pk == first.pk
    assert Claim.objects.filter(article=article).count() == 1


def test_a_second_wording_on_the_same_passage_is_a_claim_of_its_own(editor, article):
    first = claim_create(actor=editor, article_id=article.pk, quote="at least 9 people dead")
    second = claim_create(actor=editor, article_id=article.pk, quote="at least 9 people dead", text="Nine died.")
    assert second.pk != first.pk and second.text == "Nine died."
    with pytest.raises(AlreadyDone):
        claim_create(actor=editor, article_id=article.pk, quote="at least 9 people dead", text="  Nine   died. ")


def test_a_rejected_claim_leaves_its_passage_free(editor, article):
    from factcheck.claims.services import claim_reject

    first = claim_create(actor=editor, article_id=article.pk, quote="at least 9 people dead")
    claim_reject(actor=editor, claim_id=first.pk)
    again = claim_create(actor=editor, article_id=article.pk, quote="at least 9 people dead")
    assert again.pk != first.pk and again.status == ClaimStatus.OPEN
