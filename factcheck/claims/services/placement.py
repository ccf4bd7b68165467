"""Keeping claims on the right words when the article text changes: re-anchoring, manual re-placing."""

from __future__ import annotations

from django.utils.translation import gettext

from factcheck.accounts.models import User
from factcheck.accounts.permissions import (
    can_edit_article,
    require,
)
from factcheck.articles.models import Article, ArticleRevision
from factcheck.claims import derived
from factcheck.claims.models import (
    Claim,
    ClaimStatus,
    EventKind,
)
from factcheck.claims.services.analysis import ANALYSED, reread_moved
from factcheck.claims.services.common import (
    _check_version,
    _save,
    atomic_retrying,
    claim_event,
    lock_claim,
)
from factcheck.core.anchoring import Anchor, best_match, make_anchor, reanchor, valid_span
from factcheck.core.errors import InvalidInput

# --- re-anchoring after an article edit -------------------------------------------------


def claims_reanchor(
    *, actor: User, article: Article, old_revision: ArticleRevision | None, new_revision: ArticleRevision
) -> dict[str, list[Claim]]:
    """Move every claim of the article into the new revision (called inside article_revise)."""
    old_length = len(old_revision.text) if old_revision else len(new_revision.text)
    orphaned, rereview, moved = [], [], []
    claims = [derived.due_seen(c) for c in
              Claim.objects.select_for_update(of=("self",)).filter(article=article).exclude(revision=new_revision).order_by("pk")]
    for claim in claims:
        # An orphan's offsets refer to an older text than old_revision, so only a
        # claim anchored in old_revision can use it to place repeats.
        old_text = old_revision.text if old_revision and claim.revision_id == old_revision.pk and not claim.orphaned else None
        found = reanchor(
            new_revision.text, claim.quote, claim.prefix, claim.suffix, claim.start, old_length, old_text=old_text
        )
        before = {"start": claim.start, "end": claim.end, "quote": claim.quote}
        claim.revision = new_revision
        if found is None:
            # Never dropped: keep the old quote so the editor can re-place it.
            was_orphan = claim.orphaned
            claim.orphaned = True
            _save(claim, actor, "revision", "orphaned")
            if not was_orphan:
                claim_event(claim, actor, EventKind.ORPHANED, from_status=claim.status, data=before)
            orphaned.append(claim)
            continue
        claim.start, claim.end, claim.prefix, claim.suffix = found.start, found.end, found.prefix, found.suffix
        claim.orphaned = False
        fields = ["revision", "start", "end", "prefix", "suffix", "orphaned"]
        data = {"before": before, "after": {"start": found.start, "end": found.end, "quote": found.quote},
                "method": found.method}
        if found.changed:
            claim.quote = found.quote
            fields.append("quote")
            if _flag_changed_words(claim, data, old_quote=before["quote"], body=new_revision.text, language=article.language):
                rereview.append(claim)
            fields += ["text", *ANALYSED, "needs_rereview"]
        _save(claim, actor, *fields)
        if found.changed or (found.start, found.end) != (before["start"], before["end"]):
            claim_event(claim, actor, EventKind.REANCHORED, from_status=claim.status, data=data)
            moved.append(claim)
    return {"orphaned": orphaned, "rereview": rereview, "moved": moved}


# Claims whose words someone has taken up (an editor accepted or made it, a reviewer has it, a verdict
# rests on it): when those words change, the claim is flagged for re-review. A suggestion or a rejected
# claim is not: nobody has relied on it yet.
FLAGGED = ClaimStatus.COUNTED


def _flag_changed_words(claim: Claim, data: dict, *, old_quote: str, body: str, language: str) -> bool:
    """The claim's quote changed: its wording and figures follow the new words (editor corrections kept),
    ``data`` (the audit row) gets what changed, and a claim in the check is flagged. Answers whether flagged."""
    if claim.status == ClaimStatus.REJECTED:
        return False
    data.update(reread_moved(claim, old_quote=old_quote, body=body, language=language))
    if claim.status in FLAGGED:
        claim.needs_rereview = True
        return True
    return False


def best_placement(claim: Claim) -> Anchor | None:
    """Where an orphaned claim most likely lies in the article's current text (offered, never applied)."""
    revision = claim.article.current_revision
    if revision is None:
        return None
    return best_match(revision.text, claim.quote)


@atomic_retrying
def claim_reanchor(*, actor: User, claim_id: int, start: int, end: int, version: int | None = None) -> Claim:
    """The editor re-places an orphaned (or misplaced) claim on the current text."""
    require(can_edit_article(actor), gettext("Only editors can move claims."))
    claim = lock_claim(claim_id)
    _check_version(claim, version)
    revision = claim.article.current_revision
    problem = valid_span(revision.text, start, end)
    if problem:
        raise InvalidInput(gettext("Bad claim span: %(problem)s.") % {"problem": problem}, fields={"start": [problem]})
    anchor = make_anchor(revision.text, start, end)
    before = {"start": claim.start, "end": claim.end, "quote": claim.quote}
    claim.revision = revision
    claim.start, claim.end, claim.quote, claim.prefix, claim.suffix = (
        anchor.start, anchor.end, anchor.quote, anchor.prefix, anchor.suffix,
    )
    claim.orphaned = False
    data = {"before": before, "after": {"start": start, "end": end, "quote": anchor.quote}, "method": "manual"}
    if before["quote"] != anchor.quote:
        _flag_changed_words(claim, data, old_quote=before["quote"], body=revision.text, language=claim.article.language)
    _save(claim, actor, "revision", "start", "end", "quote", "prefix", "suffix", "orphaned", "needs_rereview", "text",
          *ANALYSED)
    claim_event(claim, actor, EventKind.REANCHORED, from_status=claim.status, data=data)
    return claim
