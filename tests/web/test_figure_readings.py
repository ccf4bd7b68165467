"""The claim page shows how the engine read each figure (tryout, round 11: only the words as written
were shown, so a misreading stayed hidden until a reviewer checked the wrong number)."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from factcheck.articles.services import article_create
from factcheck.claims.services import claim_create

pytestmark = pytest.mark.django_db

TEXT = "Floodwaters forced nearly 3,200 residents from Eastbrook, a town of about 18,000 people, on Tuesday.\n"


def _readings(client, user, claim) -> list[str]:
    client.force_login(user)
    html = client.get(reverse("claim_detail", args=[claim.pk])).content.decode()
    # The words a reader sees: the reading itself is isolated (<bdi>) for right-to-left pages.
    return [re.sub(r"</?bdi>", "", r) for r in re.findall(r'data-testid="figure-reading">(.*?)</span>', html)]


def test_each_figure_is_shown_with_its_qualifier_value_and_unit(client, editor):
    article = article_create(actor=editor, title="Flood", text=TEXT, language="en")
    claim = claim_create(actor=editor, article_id=article.pk, quote="Floodwaters forced nearly 3,200 residents")
    assert _readings(client, editor, claim) == ["(read as nearly 3,200 residents)"]


def test_a_corrected_figure_is_shown_as_corrected(client, editor):
    article = article_create(actor=editor, title="Flood", text=TEXT, language="en")
    claim = claim_create(actor=editor, article_id=article.pk, quote="a town of about 18,000 people",
                         quantities=[{"value": 18000, "qualifier": "approx", "unit": "people", "text": "about 18,000"},
                                     {"value": 2.5, "qualifier": "at_least", "unit": "percent", "text": "2.5%"}])
    assert _readings(client, editor, claim) == ["(read as about 18,000 people)", "(read as at least 2.5 percent)"]


def test_the_reading_is_in_the_interface_language(client, editor):
    editor.language = "ar"
    editor.save(update_fields=["language"])
    article = article_create(actor=editor, title="Flood", text=TEXT, language="en")
    claim = claim_create(actor=editor, article_id=article.pk, quote="Floodwaters forced nearly 3,200 residents")
    [reading] = _readings(client, editor, claim)
    assert reading.startswith("(قُرئ: قرابة ") and reading.endswith(" residents)")
