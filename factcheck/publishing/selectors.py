"""Reads of publishing: is an article ready to publish (and what blocks it), and what its report shows.

Both read the claims in a fixed number of queries, so the workspace and the report cost the
same for 5 claims as for 500.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Max
from django.urls import reverse
from django.utils.translation import gettext, ngettext

from factcheck.articles.models import Article
from factcheck.claims.models import Claim, ClaimStatus, Review, Verdict
from factcheck.claims.ratings import rating_label
from factcheck.core.text import join_list
from factcheck.publishing.claimreview import claim_review, label
from factcheck.publishing.models import (
    PUBLIC_NOTES,
    PublishingEvent,
    PublishingEventKind,
    Report,
    ReportEntry,
    ReportStatus,
)
from factcheck.sources.models import Evidence, Snapshot
from factcheck.sources.selectors import source_counts, sources_blocked

NEEDS_SOURCE = (Verdict.VERIFIED, Verdict.DISPUTED)
# Report order of the verdicts in the summary: the finding first, then what could not be settled.
VERDICT_ORDER = (Verdict.VERIFIED, Verdict.DISPUTED, Verdict.UNVERIFIABLE)


# --- readiness -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Blocker:
    kind: str  # "unresolved", "no_source", "orphaned", "rereview", "empty"
    message: str
    claim: Claim | None = None

    @property
    def url(self) -> str:
        return reverse("claim_detail", args=[self.claim.pk]) if self.claim is not None else ""


@dataclass
class Readiness:
    article: Article
    blockers: list[Blocker] = field(default_factory=list)
    resolved: int = 0
    report: Report | None = None
    # What readers will see, said beside the Publish button: one click makes it public.
    verdicts: Counter = field(default_factory=Counter)
    # Suggestions nobody accepted or rejected: the report leaves them out, which the editor is told
    # before publishing (a tryout's editor published past six of them without a word from the page).
    untouched: int = 0
    # Once published: claims being checked that the report does not hold (accepted after publishing).
    not_in_report: list[Blocker] = field(default_factory=list)

    @property
    def ready(self) -> bool:
        return not self.blockers

    @property
    def published(self) -> bool:
        # The article's flag is what publish/withdraw lock and check, so the panel agrees with the service.
        return self.article.published_report

    @property
    def withdrawn(self) -> bool:
        return self.report is not None and self.report.status == ReportStatus.WITHDRAWN

    def count(self, kind: str) -> int:
        return sum(1 for b in self.blockers if b.kind == kind)

    @property
    def changed_since_published(self) -> list[Blocker]:
        """While the report is public: claims whose words an edit changed after their verdict (readers
        see them under review again until the verdict is confirmed or given again)."""
        return [b for b in self.blockers if b.kind == "rereview"] if self.published else []

    def refusal(self) -> str:
        """Why publishing is refused, in one sentence (the service's WrongState message)."""
        parts = []
        if n := self.count("unresolved"):
            parts.append(ngettext("%(n)s claim is not resolved yet", "%(n)s claims are not resolved yet", n) % {"n": n})
        if n := self.count("no_source"):
            parts.append(ngettext("%(n)s verified or disputed claim has no independent source",
                                  "%(n)s verified or disputed claims have no independent source", n) % {"n": n})
        if n := self.count("orphaned"):
            parts.append(ngettext("%(n)s claim lost its place in the edited text",
                                  "%(n)s claims lost their place in the edited text", n) % {"n": n})
        if n := self.count("rereview"):
            parts.append(ngettext("%(n)s claim changed after its verdict", "%(n)s claims changed after their verdicts",
                                  n) % {"n": n})
        if self.count("empty"):
            parts.append(gettext("no claim has been resolved"))
        return gettext("Cannot publish: %(reasons)s.") % {"reasons": join_list(parts, semicolon=True)}


def _short(claim: Claim) -> str:
    text = " ".join(claim.text.split())
    return f"“{text[:90]}…”" if len(text) > 90 else f"“{text}”"


def article_readiness(article: Article, claims: list[Claim] | None = None) -> Readiness:
    """What stands between the article and a published report, one item per claim (in text order).

    `claims` may be the workspace's own list (any order, already loaded) to save the query.
    """
    if claims is None:
        claims = list(Claim.objects.filter(article=article).order_by("start", "id"))
    claims = sorted(claims, key=lambda c: (c.start, c.pk))
    counted = [c for c in claims if c.status in ClaimStatus.COUNTED]
    report = Report.objects.filter(article=article).first()
    out = Readiness(article=article, report=report)
    out.resolved = sum(1 for c in counted if c.status == ClaimStatus.RESOLVED)
    out.verdicts = Counter(c.verdict for c in counted if c.status == ClaimStatus.RESOLVED)
    need = [c for c in counted if c.status == ClaimStatus.RESOLVED and c.verdict in NEEDS_SOURCE and not c.orphaned]
    need_ids = {c.pk for c in need}
    backed: set[int] = set()
    if need:
        rows = Evidence.objects.filter(claim__in=need).select_related("source").only(
            "claim_id", "source__url", "source__independent"
        )
        backed = {e.claim_id for e in rows if source_counts(e.source, article.url)}
    for c in counted:
        if c.orphaned:
            out.blockers.append(Blocker("orphaned", gettext("%(claim)s lost its place in the edited text: place it "
                                                            "again or reject it.") % {"claim": _short(c)}, c))
        elif c.status in ClaimStatus.ACTIVE:
            status = ClaimStatus(c.status).label.lower()
            out.blockers.append(Blocker("unresolved", gettext("%(claim)s is not resolved yet (%(status)s).")
                                        % {"claim": _short(c), "status": status}, c))
        elif c.status == ClaimStatus.RESOLVED and c.needs_rereview:
            # Its verdict was given on other words ("12" may now read "14"): publishing it would put the
            # old verdict under the new words.
            out.blockers.append(Blocker("rereview", gettext(
                "%(claim)s changed after its verdict: confirm the verdict still holds for the new words, "
                "or reopen it.") % {"claim": _short(c)}, c))
        elif c.pk in need_ids and c.pk not in backed:
            verdict = Verdict(c.verdict).label
            out.blockers.append(Blocker("no_source", gettext("%(claim)s is %(verdict)s without an independent source.")
                                        % {"claim": _short(c), "verdict": str(verdict).lower()}, c))
    # Only when nothing else blocks (no claim at all, or every one rejected): beside "N claims are not resolved
    # yet" it was one item more than the claims the panel counts (a tryout read "0 of 7 resolved" over 8 items).
    if not out.resolved and not out.blockers:
        out.blockers.append(Blocker("empty", gettext("No claim has been resolved yet.")))
    out.untouched = sum(1 for c in claims if c.status == ClaimStatus.SUGGESTED)
    active = [c for c in counted if c.status in ClaimStatus.ACTIVE]
    if article.published_report and report is not None and active:
        # A reopened claim keeps its entry (the report shows it under review again); a new one has none.
        held = set(ReportEntry.objects.filter(report=report, claim__in=active).values_list("claim_id", flat=True))
        out.not_in_report = [Blocker("not_in_report", _short(c), c) for c in active if c.pk not in held]
    return out


# --- the report ------------------------------------------------------------------------------------


@dataclass
class SourceView:
    title: str
    url: str
    stance: str
    passage: str
    retrieved_at: object | None

    @property
    def retrieved(self) -> bool:
        """False for a source no copy was ever kept of (its fetch failed or never ran): a reader
        is not told it supports the claim when nobody could read it."""
        return self.retrieved_at is not None


@dataclass
class EntryView:
    number: int
    claim: Claim
    verdict: str
    rating: str
    rationale: str
    under_review: bool = False
    under_review_since: object | None = None
    review_reason: str = ""
    sources: list[SourceView] = field(default_factory=list)
    notes: list[PublishingEvent] = field(default_factory=list)
    published_at: object | None = None
    corrected_at: object | None = None

    @property
    def anchor(self) -> str:
        return f"claim-{self.claim.pk}"

    @property
    def text_changed(self) -> bool:
        """Under review again because an edit changed its words (not reopened by an editor, with a reason)."""
        return self.under_review and not self.review_reason and self.claim.needs_rereview

    @property
    def badge(self) -> str:
        """The badge's CSS class: the verdict, or "review" while the claim is being checked again."""
        return "review" if self.under_review else self.verdict

    @property
    def verdict_label(self) -> str:
        return gettext("Under review again") if self.under_review else Verdict(self.verdict).label

    @property
    def published_label(self) -> str:
        """The verdict readers saw before the claim was reopened."""
        return Verdict(self.verdict).label if self.verdict in Verdict.values else label(self.verdict)

    @property
    def rating_label(self) -> str:
        return rating_label(self.rating)

    # What the text highlighter reads.
    @property
    def start(self) -> int:
        return self.claim.start

    @property
    def end(self) -> int:
        return self.claim.end

    @property
    def pk(self) -> int:
        return self.claim.pk


@dataclass
class ReportPage:
    article: Article
    report: Report | None
    entries: list[EntryView]
    notes: list[PublishingEvent]
    reviewers: list[str]
    url: str
    preview: bool

    @property
    def checked(self) -> list[EntryView]:
        return [e for e in self.entries if not e.under_review]

    @property
    def under_review(self) -> list[EntryView]:
        return [e for e in self.entries if e.under_review]

    @property
    def counts(self) -> list[tuple[str, str, int]]:
        """(verdict, label, count) in summary order, verdicts with no claim left out."""
        tally = Counter(e.verdict for e in self.checked)
        return [(v, Verdict(v).label, tally[v]) for v in VERDICT_ORDER if tally[v]]

    @property
    def placed(self) -> list[EntryView]:
        """Entries whose passage is in the current text (the ones the text can highlight)."""
        current = self.article.current_revision_id
        return [e for e in self.entries if not e.claim.orphaned and e.claim.revision_id == current]

    @property
    def withdrawn(self) -> bool:
        return self.report is not None and self.report.status == ReportStatus.WITHDRAWN

    @property
    def checked_on(self):
        return self.report.first_published_at if self.report and self.report.first_published_at else None

    def claim_reviews(self) -> list[dict]:
        """ClaimReview of every claim whose verdict stands (not those under review again)."""
        if self.withdrawn:
            return []
        # The article's text names a surname's person in full; read once for every claim (one
        # query at most, when a caller deferred it).
        text = self.article.text
        return [
            claim_review(
                claim=e.claim, verdict=e.verdict, rating=e.rating, rationale=e.rationale,
                url=f"{self.url}#{e.anchor}", date_published=e.published_at, date_modified=e.corrected_at,
                text=text,
            )
            for e in self.checked
        ]


def report_by_token(token: str) -> Report | None:
    return Report.objects.select_related("article").filter(token=token).first()


def public_url(report: Report) -> str:
    return f"{settings.SITE_URL}{report.get_absolute_url()}"


def public_report_url(article: Article) -> str | None:
    """The absolute public address of the article's report once it has been published (even if withdrawn since)."""
    report = Report.objects.filter(article=article).exclude(status=ReportStatus.DRAFT).first()
    return public_url(report) if report is not None else None


def _claims_qs():
    return Claim.objects.select_related("article", "revision")


def report_page(article: Article) -> ReportPage:
    """Everything the report (or, before publication, its preview) shows, in a fixed number of queries."""
    report = Report.objects.filter(article=article).first()
    preview = report is None or report.status == ReportStatus.DRAFT
    if preview:
        claims = list(_claims_qs().filter(article=article, status=ClaimStatus.RESOLVED).order_by("start", "id"))
        entries = [
            EntryView(number=i, claim=c, verdict=c.verdict, rating=c.rating, rationale=c.rationale,
                      published_at=c.resolved_at or c.updated_at)
            for i, c in enumerate(claims, 1)
        ]
        url = f"{settings.SITE_URL}{reverse('report_detail', args=[article.pk])}"
        notes: list[PublishingEvent] = []
    else:
        rows = list(
            ReportEntry.objects.filter(report=report).select_related("claim__article", "claim__revision")
            .order_by("claim__start", "claim_id")
        )
        entries = []
        for i, row in enumerate(rows, 1):
            c = row.claim
            under_review = row.under_review_since is not None or c.status != ClaimStatus.RESOLVED
            entries.append(EntryView(
                number=i, claim=c, verdict=row.verdict, rating=row.rating, rationale=row.rationale,
                under_review=under_review, under_review_since=row.under_review_since, review_reason=row.review_reason,
                published_at=row.published_at, corrected_at=row.corrected_at,
            ))
        url = public_url(report)
        notes = list(
            PublishingEvent.objects.filter(report=report, kind__in=PUBLIC_NOTES).order_by("at", "id")
        )
        by_claim: dict[int, list[PublishingEvent]] = {}
        for n in notes:
            if n.claim_id and n.kind != PublishingEventKind.REPORT_PUBLISHED:
                by_claim.setdefault(n.claim_id, []).append(n)
        for e in entries:
            e.notes = by_claim.get(e.claim.pk, [])
    _attach_sources(entries)
    return ReportPage(
        article=article, report=report, entries=entries, notes=notes,
        reviewers=_reviewers([e.claim for e in entries]) if settings.REPORT_SHOW_REVIEWERS else [],
        url=url, preview=preview,
    )


def _attach_sources(entries: list[EntryView]) -> None:
    if not entries:
        return
    by_id = {e.claim.pk: e for e in entries}
    evidence = list(
        Evidence.objects.filter(claim_id__in=by_id).select_related("source", "snapshot").order_by("created_at", "id")
    )
    unpinned = {ev.source_id for ev in evidence if ev.snapshot_id is None}
    latest = dict(
        Snapshot.objects.filter(source_id__in=unpinned).values("source_id").annotate(at=Max("fetched_at"))
        .values_list("source_id", "at")
    ) if unpinned else {}
    # A page the URL guard refused (an intranet or loopback address) is no source a reader can open, and
    # its address is the newsroom's own business: it is left out, not listed as "not retrieved".
    blocked = sources_blocked((s for s in unpinned if s not in latest), none_kept=True)
    for ev in evidence:
        if ev.source_id in blocked:
            continue
        source = ev.source
        by_id[ev.claim_id].sources.append(SourceView(
            title=source.title or source.url or source.filename or "Source",
            url=source.url if source.url.lower().startswith(("http://", "https://")) else "",
            stance=ev.get_stance_display(),
            passage=ev.passage_quote,
            retrieved_at=ev.snapshot.fetched_at if ev.snapshot_id else latest.get(ev.source_id),
        ))


def _reviewers(claims: list[Claim]) -> list[str]:
    """Who reviewed the reported claims, by name, in order of first review."""
    names: list[str] = []
    for r in Review.objects.filter(claim__in=claims).select_related("reviewer").order_by("created_at", "id"):
        name = r.reviewer.display_name
        if name not in names:
            names.append(name)
    return names
