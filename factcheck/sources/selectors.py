"""Careful reads for the sources UI: a claim's sources panel and an article's running lookups.

The panel costs a fixed handful of queries however many sources a claim has.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet

from factcheck.accounts.permissions import can_review_claim, is_editor
from factcheck.claims.models import Claim
from factcheck.sources import providers
from factcheck.sources.figure_text import host
from factcheck.sources.models import Evidence, Lookup, LookupKind, LookupStatus, Snapshot, Source, Stance

UNFINISHED = (LookupStatus.QUEUED, LookupStatus.RUNNING)


def counting_evidence(claim: Claim) -> QuerySet[Evidence]:
    """Evidence that satisfies the verdict gate: independent, and not on the article's own site.

    Handed to the claims services at start-up (SourcesConfig.ready), which apply the gate.
    """
    qs = Evidence.objects.filter(claim=claim).exclude(source__independent=False).select_related("source")
    if not claim.article.url:
        return qs
    keep = [e.pk for e in qs if source_counts(e.source, claim.article.url)]
    return Evidence.objects.filter(pk__in=keep)


def sources_unretrieved(claim_id: int) -> bool:
    """The claim has sources and none of them was ever retrieved (every fetch blocked, failed or still
    queued): a verdict resting on them is allowed, a reviewer may have read them elsewhere, but is said so."""
    sources = Evidence.objects.filter(claim_id=claim_id).values("source_id")
    return sources.exists() and not Snapshot.objects.filter(source_id__in=sources).exists()


def sources_blocked(source_ids, *, none_kept: bool = False) -> set[int]:
    """Of these sources, those never retrieved because the URL guard refused their address (private,
    loopback, link-local, metadata): not public pages, so readers could not open them either, and an
    internal address must not reach a public report. A source later retrieved (a copy kept) is not one.

    ``none_kept``: the caller has just read the sources' snapshots and none of these has one, so
    reading them again would only cost a query."""
    ids = set(source_ids)
    if not ids:
        return set()
    kept = set() if none_kept else set(
        Snapshot.objects.filter(source_id__in=ids).values_list("source_id", flat=True).distinct())
    latest: dict[int, str] = {}
    for source_id, status in (Lookup.objects.filter(source_id__in=ids - kept, kind=LookupKind.FETCH)
                              .order_by("source_id", "created_at", "id").values_list("source_id", "status")):
        latest[source_id] = status
    return {source_id for source_id, status in latest.items() if status == LookupStatus.BLOCKED}


def source_counts(source, article_url: str) -> bool:
    """The gate for one source: not judged dependent, and not on the article's own site.

    The one statement of the rule: counting_evidence above and publishing's readiness check
    (which judges many claims' sources from one query) both read it.
    """
    if source.independent is False:
        return False
    own = host(article_url) if article_url else ""
    return not (own and source.url and host(source.url) == own)


@dataclass
class SourceRow:
    evidence: Evidence
    snapshot: Snapshot | None
    snapshots: int
    fetch: Lookup | None
    figure_check: Lookup | None

    @property
    def lookups(self) -> list[Lookup]:
        return [lk for lk in (self.fetch, self.figure_check) if lk is not None]


@dataclass
class Panel:
    claim: object
    rows: list[SourceRow]
    similar: Lookup | None
    external: Lookup | None
    can_review: bool
    is_editor: bool
    active: bool
    stances: list = field(default_factory=lambda: Stance.choices)
    attached_urls: set[str] = field(default_factory=set)
    others: list[tuple[Lookup, str]] = field(default_factory=list)  # newsroom-added kinds: (lookup, summary)
    # Sources on the article's other claims, offered to attach here too (only to whoever may attach).
    reusable: list[Source] = field(default_factory=list)

    @property
    def lookups(self) -> list[Lookup]:
        found = [lk for row in self.rows for lk in row.lookups] + [lk for lk, _ in self.others]
        return found + [lk for lk in (self.similar, self.external) if lk is not None]

    @property
    def polling(self) -> bool:
        """Keep refreshing while anything shown is still queued or running."""
        return any(not lk.is_finished for lk in self.lookups)

    @property
    def waiting_for_broker(self) -> bool:
        return any(lk.status == LookupStatus.QUEUED and lk.error for lk in self.lookups)

    @property
    def can_search(self) -> list[str]:
        """Claim-level lookups this user may (re)run from the panel."""
        if not (self.can_review and self.active):
            return []
        return [kind for kind in (LookupKind.SIMILAR, LookupKind.EXTERNAL) if providers.enabled(kind)]


def _latest(lookups, key) -> dict:
    latest: dict = {}
    for lk in lookups:  # newest first
        latest.setdefault(key(lk), lk)
    return latest


def claim_sources_panel(claim, user) -> Panel:
    evidence = list(Evidence.objects.filter(claim=claim).select_related("source", "snapshot", "added_by"))
    source_ids = [e.source_id for e in evidence]
    snapshots = {}
    for snap in Snapshot.objects.filter(source_id__in=source_ids).defer("text").order_by("source_id", "-fetched_at", "-id"):
        snapshots.setdefault(snap.source_id, snap)
    counts = dict(Snapshot.objects.filter(source_id__in=source_ids).values_list("source_id").annotate(n=Count("id")))
    lookups = list(
        Lookup.objects.filter(Q(claim=claim) | Q(source_id__in=source_ids, kind=LookupKind.FETCH))
        .order_by("-created_at", "-id")
    )
    fetches = _latest([lk for lk in lookups if lk.kind == LookupKind.FETCH], lambda lk: lk.source_id)
    checks = _latest([lk for lk in lookups if lk.kind == LookupKind.FIGURE_CHECK and lk.claim_id == claim.pk],
                     lambda lk: lk.source_id)
    claim_level = _latest([lk for lk in lookups if lk.claim_id == claim.pk and lk.source_id is None], lambda lk: lk.kind)
    rows = [
        SourceRow(ev, snapshots.get(ev.source_id), counts.get(ev.source_id, 0), fetches.get(ev.source_id),
                  checks.get(ev.source_id))
        for ev in evidence
    ]
    can_review, active = can_review_claim(user, claim), claim.can_attach_source
    reusable = []
    if can_review and active:
        reusable = list(Source.objects.filter(evidence__claim__article_id=claim.article_id)
                        .exclude(pk__in=source_ids).distinct().only("url", "title", "filename").order_by("-id")[:REUSABLE])
    return Panel(
        claim=claim, rows=rows, similar=claim_level.get(LookupKind.SIMILAR), external=claim_level.get(LookupKind.EXTERNAL),
        can_review=can_review, is_editor=is_editor(user), active=active,
        attached_urls={ev.source.url for ev in evidence if ev.source.url},
        others=[(lk, _summary(lk)) for kind, lk in claim_level.items() if kind not in BUILT_IN],
        reusable=reusable,
    )


# The newest few: an article's claims rarely share more sources than fit a short list.
REUSABLE = 12


BUILT_IN = frozenset({LookupKind.SIMILAR, LookupKind.EXTERNAL, LookupKind.FETCH, LookupKind.FIGURE_CHECK,
                      LookupKind.IMPORT})


def _summary(lookup: Lookup) -> str:
    cls = providers.get(lookup.kind)
    if cls is None or lookup.status != LookupStatus.DONE:
        return ""
    try:
        return cls.summary(lookup.result)
    except Exception:  # a newsroom's provider must not break the claim page
        return ""


def article_lookups_running(article) -> int:
    """Lookups still queued or running for the article's claims and their sources."""
    return (
        Lookup.objects.filter(status__in=UNFINISHED)
        .filter(Q(claim__article=article) | Q(source__evidence__claim__article=article))
        .values("pk").distinct().count()
    )


def snapshot_for(evidence: Evidence, snapshot_id: int | None = None) -> tuple[Snapshot | None, list[Snapshot]]:
    """The snapshot to show (the pinned one, a chosen one, else the latest) and all versions."""
    versions = list(Snapshot.objects.filter(source_id=evidence.source_id).defer("text").order_by("-fetched_at", "-id"))
    wanted = snapshot_id or evidence.snapshot_id or (versions[0].pk if versions else None)
    snap = Snapshot.objects.filter(source_id=evidence.source_id, pk=wanted).first() if wanted else None
    return snap, versions


def figure_passages(evidence: Evidence, snapshot: Snapshot) -> list[dict]:
    """Figure-check passages found in this snapshot for the evidence's claim."""
    check = (
        Lookup.objects.filter(kind=LookupKind.FIGURE_CHECK, claim_id=evidence.claim_id, source_id=evidence.source_id,
                              status=LookupStatus.DONE, result__snapshot=snapshot.pk)
        .order_by("-finished_at", "-id").first()
    )
    return list(check.result.get("passages", [])) if check else []
