"""The Insights page translates each figure's labels once (web/views/insights._labels_once): the
page it writes is the one written with the lazy labels, in every language."""

from __future__ import annotations

import re

import pytest

from factcheck.web.views import insights as view
from tests.publishing.test_insights import newsroom  # noqa: F401 - the fixture

pytestmark = pytest.mark.django_db

_PER_REQUEST = re.compile(rb'nonce="[^"]*"|name="csrfmiddlewaretoken" value="[^"]*"')


@pytest.mark.parametrize("language", ["en", "ar", "he"])
def test_the_page_is_the_one_written_with_lazy_labels(client, newsroom, editor, monkeypatch, language):  # noqa: F811
    client.force_login(editor)
    once = client.get("/insights/", HTTP_ACCEPT_LANGUAGE=language)
    monkeypatch.setattr(view, "_labels_once", lambda data: None)
    lazy = client.get("/insights/", HTTP_ACCEPT_LANGUAGE=language)
    assert once.status_code == lazy.status_code == 200
    assert _PER_REQUEST.sub(b"", once.content) == _PER_REQUEST.sub(b"", lazy.content)
    assert b"Verified" in once.content or language != "en"
