"""The article's audit trail shows each step with the claim's wording as it was then (a tryout's finding:
a 14:58 "suggested" row showed the editor's 14:59 rewording), and an edit row says what changed."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from factcheck.claims.models import ClaimEvent, EventKind
from factcheck.claims.services import claim_create, claim_edit, claim_split, claims_merge
from factcheck.web import history
from tests.support.factories import SAMPLE_TEXT

pytestmark = pytest.mark.django_db


def rows(page: str) -> list[tuple[str, str]]:
    """(kind, the claim's wording as the row links it) for each row of "Every step", oldest first."""
    ol = page.split('data-testid="history"')[1].split("</ol>")[0]
    found = re.findall(r'data-kind="([a-z_]+)".*?class="event-claim" dir="auto">([^<]*)</a>', ol, flags=re.S)
    # Lookups (earlier checks of similar claims) run on their own; these tests follow the wording's steps.
    return [(kind, wording.strip()) for kind, wording in found if kind in {"created", "edited", "merged", "split"}]


def span(text: str, words: str) -> dict:
    start = SAMPLE_TEXT.index(words)
    return {"start": start, "end": start + len(words)}


def test_a_created_row_keeps_the_wording_it_had_after_an_edit(client, editor, article):
    claim = claim_create(actor=editor, article_id=article.pk, **span(SAMPLE_TEXT, "damaged more than 300 homes"),
                         text="The quake damaged more than 300 homes.")
    claim_edit(actor=editor, claim_id=claim.pk, version=claim.version,
               text="The Varnhold quake damaged more than 300 homes.")
    client.force_login(editor)
    page = client.get(reverse("article_history", args=[article.pk])).content.decode()
    assert rows(page) == [("created", "The quake damaged more than 300 homes."),
                          ("edited", "The Varnhold quake damaged more than 300 homes.")]
    # The edit row says what the wording was before and what it became.
    assert "Wording: “The quake damaged more than 300 homes.” → “The Varnhold quake damaged more than 300 homes.”" \
        in page.replace("&quot;", '"')


def test_an_edit_row_names_each_field_it_changed(client, editor, article):
    claim = claim_create(actor=editor, article_id=article.pk, **span(SAMPLE_TEXT, "left at least 9 people dead"),
                         text="The quake left at least 9 people dead.")
    claim_edit(actor=editor, claim_id=claim.pk, version=claim.version, attributed_to="the Varnhold coroner",
               types=["quantity", "causal"])
    client.force_login(editor)
    page = client.get(reverse("claim_detail", args=[claim.pk])).content.decode()
    lines = re.findall(r'data-testid="edit-change" dir="auto">([^<]*)</p>', page)
    assert any(line.startswith("Attributed to: “") and line.endswith("” → “the Varnhold coroner”") for line in lines), lines
    assert any(line.startswith("Types: ") and line.endswith("→ Quantity, Causal") for line in lines), lines


def test_merge_and_split_rows_show_the_wording_of_their_time(client, editor, article):
    one = claim_create(actor=editor, article_id=article.pk, **span(SAMPLE_TEXT, "damaged more than 300 homes"),
                       text="The quake damaged more than 300 homes.")
    two = claim_create(actor=editor, article_id=article.pk, **span(SAMPLE_TEXT, "left at least 9 people dead"),
                       text="The quake left at least 9 people dead.")
    merged = claims_merge(actor=editor, claim_ids=[one.pk, two.pk], text="The quake damaged homes and killed 9.")
    merged.refresh_from_db()
    first, _second = claim_split(actor=editor, claim_id=merged.pk, second_starts_with="and left", version=merged.version)
    first.refresh_from_db()
    client.force_login(editor)
    page = client.get(reverse("article_history", args=[article.pk])).content.decode()
    mine = [r for r in rows(page) if r[1] != "The quake left at least 9 people dead."]
    kinds_then = [(kind, wording) for kind, wording in mine[:3]]
    assert kinds_then[0] == ("created", "The quake damaged more than 300 homes.")
    assert ("merged", "The quake damaged homes and killed 9.") in kinds_then
    assert ("split", first.text) in rows(page)


def test_rows_written_before_merges_kept_their_wording_fall_back_to_the_next_known(editor, article):
    """Merge rows written before this round carry no old wording: the walk keeps the newer one, no error."""
    one = claim_create(actor=editor, article_id=article.pk, **span(SAMPLE_TEXT, "damaged more than 300 homes"),
                       text="Wording one.")
    two = claim_create(actor=editor, article_id=article.pk, **span(SAMPLE_TEXT, "left at least 9 people dead"))
    claims_merge(actor=editor, claim_ids=[one.pk, two.pk], text="Wording merged.")
    events = list(ClaimEvent.objects.filter(claim=one, kind__in=[EventKind.CREATED, EventKind.MERGED])
                  .select_related("claim").order_by("at", "id"))
    assert events[1].data.pop("wording_before") == "Wording one."  # as an older row reads (rows are append-only)
    history.with_wording_then(events)
    assert [(e.kind, e.wording_then) for e in events] == [("created", "Wording merged."), ("merged", "Wording merged.")]
