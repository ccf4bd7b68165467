"""fetch: download a URL source through the safe fetcher and keep a snapshot of it."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone

from factcheck.sources import fetch as fetcher
from factcheck.sources.extract import Extracted, ExtractError, extract, sha256
from factcheck.sources.providers import LookupProblem, Provider


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


def save_snapshot(source, *, digest: str, doc: Extracted, final_url: str = "", status: int | None = None,
                  content_type: str = ""):
    """One snapshot per distinct content of a source; returns (snapshot, created).

    A second fetch of the same bytes finds the existing row (the unique constraint settles a
    race between two workers); different bytes make a new row marked ``changed``.
    """
    from factcheck.sources.models import Snapshot

    known = set(Snapshot.objects.filter(source=source).values_list("sha256", flat=True))
    if digest in known:
        return Snapshot.objects.get(source=source, sha256=digest), False
    had_previous = bool(known)
    try:
        with transaction.atomic():
            snapshot = Snapshot.objects.create(
                source=source, fetched_at=timezone.now(), final_url=final_url[:2000], status_code=status,
                content_type=content_type, sha256=digest, title=doc.title, publisher=doc.publisher,
                author=doc.author, published=doc.published, text=doc.text,
                metadata={"kind": doc.kind, **doc.metadata}, changed=had_previous,
            )
    except IntegrityError:
        return Snapshot.objects.get(source=source, sha256=digest), False
    fields = []
    for name in ("title", "publisher", "author", "published"):
        value = getattr(doc, name)
        if value and (not getattr(source, name) or had_previous):
            setattr(source, name, value)
            fields.append(name)
    if fields:
        source.save(update_fields=fields)
    return snapshot, True


class FetchProvider(Provider):
    kind = "fetch"
    label = "Fetch and snapshot"
    triggers = frozenset({"source_attached"})
    needs_source = True

    def gather(self, lookup) -> Fetched:
        if not lookup.source.url:
            raise LookupProblem("This source is an uploaded file; there is nothing to fetch.")
        return fetch_document(lookup.source.url)

    def store(self, lookup, data: Fetched) -> dict:
        from factcheck.sources.services import after_snapshot

        source = type(lookup.source).objects.select_for_update().get(pk=lookup.source_id)
        snapshot, created = save_snapshot(source, digest=data.sha256, doc=data.doc, final_url=data.final_url,
                                          status=data.status, content_type=data.content_type)
        after_snapshot(source, snapshot, created=created, actor=lookup.requested_by)
        return {
            "snapshot": snapshot.pk, "new_snapshot": created, "changed": snapshot.changed and created,
            "final_url": data.final_url, "status": data.status, "content_type": data.content_type,
            "sha256": data.sha256, "chars": len(data.doc.text), "title": data.doc.title,
        }
