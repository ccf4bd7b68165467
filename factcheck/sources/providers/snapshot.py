"""The "fetch" lookup: download a URL source through the safe fetcher (``sources/fetch.py``) and keep a
snapshot of it (``services.save_snapshot``)."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy

from factcheck.core.locks import lock_name
from factcheck.sources import fetch as fetcher
from factcheck.sources.extract import Extracted, ExtractError, extract, sha256
from factcheck.sources.providers import LookupProblem, Provider
from factcheck.sources.services import after_snapshot, save_snapshot


@dataclass
class Fetched:
    url: str
    final_url: str
    status: int
    content_type: str
    sha256: str
    doc: Extracted


def fetch_document(url: str) -> Fetched:
    """Fetch and extract; every failure becomes a LookupProblem worded for the reviewer."""
    try:
        response = fetcher.fetch(url, policy=fetcher.FetchPolicy.from_settings())
        response.raise_for_status()
    except fetcher.FetchBlocked as exc:
        raise LookupProblem(exc.message, blocked=True) from None
    except fetcher.FetchError as exc:
        raise LookupProblem(exc.message) from None
    try:
        doc = extract(response.body, response.content_type, url=response.final_url)
    except ExtractError as exc:
        raise LookupProblem(exc.message) from None
    return Fetched(url, response.final_url, response.status, response.content_type[:200], sha256(response.body), doc)


class FetchProvider(Provider):
    kind = "fetch"
    label = gettext_lazy("Fetch and snapshot")
    triggers = frozenset({"source_attached"})
    needs_source = True

    def gather(self, lookup) -> Fetched:
        if not lookup.source.url:
            raise LookupProblem("This source is an uploaded file; there is nothing to fetch.")
        return fetch_document(lookup.source.url)

    def store(self, lookup, data: Fetched) -> dict:
        # The lock source_attach takes, first (before the source's row, which an attach's evidence row
        # waits for): an attach of this page meanwhile either is seen here or sees this snapshot.
        lock_name(f"source-url:{lookup.source.url}")
        source = type(lookup.source).objects.select_for_update().get(pk=lookup.source_id)
        snapshot, created = save_snapshot(source, digest=data.sha256, doc=data.doc, final_url=data.final_url,
                                          status=data.status, content_type=data.content_type)
        after_snapshot(source, snapshot, created=created, actor=lookup.requested_by)
        return {
            "snapshot": snapshot.pk, "new_snapshot": created, "changed": snapshot.changed and created,
            "final_url": data.final_url, "status": data.status, "content_type": data.content_type,
            "sha256": data.sha256, "chars": len(data.doc.text), "title": data.doc.title,
        }
