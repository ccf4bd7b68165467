"""An article's claims as a spreadsheet (CSV) or a JSON document, for editors and reviewers.

One selector builds the rows (`article_export`), so the workspace download and the API give the
same data. Reviews follow the blind-review rule of `claims.selectors.review_is_blind`: while two
reviewers answer independently, a reviewer's export carries only their own review.

CSV is written for spreadsheet tools, which are where these files are opened:
* UTF-8 with a byte-order mark, or Excel guesses the legacy code page and mangles quotes in
  Arabic, Hebrew or accented names;
* a cell that starts with ``= + - @`` (or a tab / carriage return) is prefixed with ``'``, because
  spreadsheets run such cells as formulas (CSV injection, OWASP) and claim text comes from
  articles and reviewers, not from us.
"""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from typing import Any

from django.db.models import Prefetch
from django.utils.text import slugify

from factcheck.accounts.models import User
from factcheck.articles.models import Article
from factcheck.claims.models import Claim, Review
from factcheck.claims.selectors import review_is_blind
from factcheck.publishing.models import Report
from factcheck.publishing.selectors import public_url
from factcheck.sources.models import Evidence

EXPORT_FORMAT = "factcheck-article-claims"
EXPORT_VERSION = 1
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

CSV_COLUMNS = [
    "claim_id", "quote", "claim", "types", "quantities", "attributed_to", "status", "verdict", "rating",
    "rationale", "assignee", "second_reviewer", "reviews", "due", "priority", "orphaned", "needs_rereview",
    "source_count", "sources", "pinned_passages", "created_at", "updated_at", "resolved_at", "published_at",
    "corrected_at", "start", "end",
]


def _iso(value: datetime | date | None) -> str | None:
    return value.isoformat() if value else None


def _name(user: User | None) -> str | None:
    return user.username if user else None


def _claims(article: Article):
    return (
        Claim.objects.filter(article=article)
        .exclude(status__in=("suggested", "rejected"))
        .select_related("assignee", "second_reviewer", "report_entry")
        .prefetch_related(
            Prefetch("reviews", queryset=Review.objects.select_related("reviewer").order_by("round", "created_at", "id")),
            Prefetch(
                "evidence",
                queryset=Evidence.objects.select_related("source", "snapshot").order_by("created_at", "id"),
            ),
        )
        .order_by("start", "id")
    )


def _source(ev: Evidence) -> dict[str, Any]:
    src, snap = ev.source, ev.snapshot
    return {
        "source_id": src.pk,
        "url": src.url or None,
        "file": src.filename or None,
        "title": src.title,
        "publisher": src.publisher,
        "independent": src.independent,
        "independence_reason": src.independence_reason,
        "stance": ev.stance,
        "note": ev.note,
        "passage": {"quote": ev.passage_quote, "start": ev.passage_start, "end": ev.passage_end}
        if ev.passage_quote
        else None,
        "snapshot": {
            "fetched_at": _iso(snap.fetched_at),
            "final_url": snap.final_url,
            "sha256": snap.sha256,
        }
        if snap
        else None,
        "attached_at": _iso(ev.created_at),
    }


def _claim(claim: Claim, user: User | None) -> dict[str, Any]:
    blind = review_is_blind(claim, user)
    reviews = [r for r in claim.reviews.all() if not blind or r.reviewer_id == getattr(user, "pk", None)]
    return {
        "id": claim.pk,
        "quote": claim.quote,
        "text": claim.text,
        "start": claim.start,
        "end": claim.end,
        "types": list(claim.types),
        "quantities": list(claim.quantities),
        "attributed_to": claim.attributed_to,
        "status": claim.status,
        "verdict": claim.verdict or None,
        "rating": claim.rating or None,
        "rationale": claim.rationale,
        "assignee": _name(claim.assignee),
        "second_reviewer": _name(claim.second_reviewer),
        "reviews": [
            {
                "reviewer": r.reviewer.username,
                "reviewer_name": r.reviewer.display_name,
                "verdict": r.verdict,
                "rating": r.rating or None,
                "rationale": r.rationale,
                "round": r.round,
                "at": _iso(r.created_at),
            }
            for r in reviews
        ],
        "due": _iso(claim.due),
        "priority": claim.get_priority_display(),
        "orphaned": claim.orphaned,
        "needs_rereview": claim.needs_rereview,
        "sources": [_source(ev) for ev in claim.evidence.all()],
        "created_at": _iso(claim.created_at),
        "updated_at": _iso(claim.updated_at),
        "resolved_at": _iso(claim.resolved_at),
        "report": _entry(claim),
    }


def _entry(claim: Claim) -> dict[str, Any] | None:
    """The claim as the public report last showed it (None if it was never published)."""
    entry = getattr(claim, "report_entry", None)
    if entry is None:
        return None
    return {"verdict": entry.verdict, "rating": entry.rating or None, "published_at": _iso(entry.published_at),
            "corrected_at": _iso(entry.corrected_at), "under_review_since": _iso(entry.under_review_since)}


def _report(article: Article) -> dict[str, Any] | None:
    report = Report.objects.filter(article=article).first()
    if report is None:
        return None
    return {"status": report.status, "url": public_url(report), "first_published_at": _iso(report.first_published_at),
            "published_at": _iso(report.published_at), "modified_at": _iso(report.modified_at),
            "withdrawn_at": _iso(report.withdrawn_at)}


def article_export(article: Article, *, user: User | None) -> dict[str, Any]:
    """Every accepted claim of the article (suggested and rejected ones are not part of the check)."""
    return {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "article": {
            "id": article.pk,
            "title": article.title,
            "outlet": article.outlet,
            "url": article.url,
            "author": article.author,
            "published_at": _iso(article.published_at),
            "revision": article.current_revision.number if article.current_revision_id else None,
            "published_report": article.published_report,
            "report": _report(article),
        },
        "claims": [_claim(c, user) for c in _claims(article)],
    }


def safe_cell(value: Any) -> Any:
    """A value a spreadsheet shows as text: no formula can start the cell."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _quantity(q: dict) -> str:
    parts = [str(q.get(k)) for k in ("qualifier", "value", "unit") if q.get(k) not in (None, "")]
    return " ".join(parts) or str(q.get("text", ""))


def _csv_row(claim: dict[str, Any]) -> list[Any]:
    sources, passages = [], []
    for s in claim["sources"]:
        where = s["url"] or s["file"] or ""
        sources.append(f"{s['title'] or where} <{where}> ({s['stance']})" if s["title"] else f"{where} ({s['stance']})")
        if s["passage"]:
            passages.append(f"{s['passage']['quote']} <{where}>")
    reviews = [
        f"{r['reviewer']}: {r['verdict']}{' / ' + r['rating'] if r['rating'] else ''} (round {r['round']}, {r['at']})"
        for r in claim["reviews"]
    ]
    row = [
        claim["id"], claim["quote"], claim["text"], ", ".join(claim["types"]),
        "; ".join(_quantity(q) for q in claim["quantities"]), claim["attributed_to"], claim["status"],
        claim["verdict"] or "", claim["rating"] or "", claim["rationale"], claim["assignee"] or "",
        claim["second_reviewer"] or "", "\n".join(reviews), claim["due"] or "", claim["priority"],
        "yes" if claim["orphaned"] else "no", "yes" if claim["needs_rereview"] else "no", len(claim["sources"]),
        "\n".join(sources), "\n".join(passages), claim["created_at"] or "", claim["updated_at"] or "",
        claim["resolved_at"] or "", (claim["report"] or {}).get("published_at") or "",
        (claim["report"] or {}).get("corrected_at") or "", claim["start"], claim["end"],
    ]
    return [safe_cell(v) for v in row]


def article_export_csv(article: Article, *, user: User | None) -> bytes:
    """The export as CSV bytes: UTF-8 with BOM, one row per claim, multi-valued cells one item per line."""
    data = article_export(article, user=user)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for claim in data["claims"]:
        writer.writerow(_csv_row(claim))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def export_filename(article: Article, ext: str) -> str:
    """The download's name: the title's words in its own script ("claims-7-فيضانات-البصرة.csv"), not an ASCII
    slug, which left every Arabic or Hebrew export called "claims-7-article"."""
    return f"claims-{article.pk}-{slugify(article.title, allow_unicode=True)[:50] or 'article'}.{ext}"
