"""import: read an article page so an editor can create the article from it."""

from __future__ import annotations

import datetime as dt
import re

from django.utils.translation import gettext_lazy

from factcheck.sources.providers import LookupProblem, Provider
from factcheck.sources.providers.snapshot import fetch_document


def parse_date(value: str) -> str:
    """An ISO date (YYYY-MM-DD) from whatever the page said, or ''."""
    match = re.search(r"(\d{4})-(\d{2})-(\d{2})", value or "")
    if match:
        try:
            return dt.date(*map(int, match.groups())).isoformat()
        except ValueError:
            return ""
    return ""


class ArticleImportProvider(Provider):
    kind = "import"
    label = gettext_lazy("Article import")

    def gather(self, lookup) -> dict:
        if not lookup.url:
            raise LookupProblem("No URL to import.")
        fetched = fetch_document(lookup.url)
        doc = fetched.doc
        if len(doc.text) < 40:
            raise LookupProblem("The page has too little text to be an article.")
        return {
            "url": fetched.final_url, "title": doc.title[:300], "text": doc.text, "outlet": doc.publisher[:200],
            "author": doc.author[:200], "published": parse_date(doc.published), "content_type": fetched.content_type,
        }
