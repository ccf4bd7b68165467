"""Assignment and review: assign, second review, start, verdicts (single and double review), reopen, confirm, link."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.utils import formats, timezone
from django.utils.translation import gettext, ngettext

from factcheck.accounts.models import User
from factcheck.accounts.permissions import (
    can_assign_claim,
    can_review_claim,
    can_settle_claim,
    is_assigned_reviewer,
    is_editor,
    require,
)
from factcheck.claims.models import (
    Claim,
    ClaimEvent,
    ClaimStatus,
    EventKind,
    Priority,
    Review,
    Verdict,
)
from factcheck.claims.services import verdict_sql
from factcheck.claims.services.common import (
    _check_version,
    _clean_text,
    _expect,
    _ids,
    _reviewer,
    _save,
    atomic_retrying,
    claim_event,
    counting_evidence,
    lock_claim,
    notify,
)
from factcheck.core.errors import EvidenceMissing, InvalidInput, WrongState
from factcheck.core.text import embed, join_list

# --- assignment and review ---------------------------------------------------------------


@atomic_retrying
def claim_assign(
    *,
    actor: User,
    claim_id: int,
    reviewer: User | str | int,
    due: dt.date | None = None,
    priority: int | None = None,
    version: int | None = None,
    notify_reviewer: bool = True,
) -> Claim:
    """Assign a claim to a reviewer; the reviewer is told unless a batch tells them once (notify_reviewer)."""
    require(can_assign_claim(actor), gettext("Only editors can assign claims."))
    claim = lock_claim(claim_id)
    _check_version(claim, version)
    _expect(claim, "assign")
    if claim.needs_settlement:
        raise WrongState(gettext("Cannot assign: the two reviewers disagree and an editor must settle the claim first."))
    person = _reviewer(reviewer)
    if claim.second_reviewer_id == person.pk:
        raise InvalidInput(gettext("%(username)s is already the second reviewer.") % {"username": person.username},
            fields={"reviewer": [gettext("Taken.")]})
    if priority is not None and priority not in Priority.values:
        raise InvalidInput(gettext("Unknown priority."),
            fields={"priority": [gettext("Choose from %(values)s.") % {"values": Priority.values}]})
    before = claim.status
    previous = claim.assignee
    claim.assignee = person
    claim.due = due if due is not None else claim.due
    claim.priority = priority if priority is not None else claim.priority
    claim.status = ClaimStatus.ASSIGNED
    _save(claim, actor, "assignee", "due", "priority", "status")
    claim_event(
        claim,
        actor,
        EventKind.ASSIGNED,
        from_status=before,
        to_status=claim.status,
        data={
            "assignee": person.username,
            "previous": previous.username if previous else None,
            "due": due.isoformat() if due else None,
        },
    )
    if notify_reviewer:
        notify(person, claim, "assigned", lambda: assigned_message(actor, claim), actor=actor)
    return claim


def claims_assign_bulk(
    *, actor: User, claim_ids: Sequence[int], reviewer: User | str | int, due: dt.date | None = None,
    priority: int | None = None,
) -> list[Claim]:
    """Assign several claims at once; the reviewer gets one notification for the batch, not one per claim.

    (22 claims once meant 22 emails and 22 notifications.)
    """
    require(can_assign_claim(actor), gettext("Only editors can assign claims."))
    with transaction.atomic():
        # Ids in ascending order: every bulk action locks in the same order, so two never deadlock.
        done = [
            claim_assign(actor=actor, claim_id=pk, reviewer=reviewer, due=due, priority=priority,
                         notify_reviewer=False)
            for pk in _ids(claim_ids)
        ]
        if len(done) == 1:
            only = done[0]
            notify(only.assignee, only, "assigned", lambda: assigned_message(actor, only), actor=actor)
        elif done:
            # About one article, the batch joins (or starts) that article's group; across articles it stands alone.
            articles = {c.article_id for c in done}
            notify(done[0].assignee, None, "assigned", lambda: batch_message(actor, done), actor=actor,
                   article=done[0].article if len(articles) == 1 else None, count=len(done))
    return done


def assigned_message(actor: User, claim: Claim) -> str:
    """The notice of one assignment, in the active language (notify runs it in the reviewer's)."""
    values = {"name": embed(actor.display_name), "text": embed(claim.text[:200])}
    if claim.due:
        return gettext("%(name)s assigned you a claim, due %(due)s: %(text)s") % {
            **values, "due": formats.date_format(claim.due, "d M Y")}
    return gettext("%(name)s assigned you a claim: %(text)s") % values


def batch_message(actor: User, claims: Sequence[Claim]) -> str:
    """'Elena assigned you 22 claims in “Ridgeline fire…”, due 5 Dec' (or 'in 3 articles')."""
    titles = list(dict.fromkeys(c.article.title for c in claims))
    if len(titles) == 1:
        # Cut at a word, so the title never ends mid-word.
        title = titles[0] if len(titles[0]) <= 40 else titles[0][:40].rsplit(" ", 1)[0].rstrip(" :,;") + "…"
        where = gettext("in “%(title)s”") % {"title": embed(title)}
    else:
        where = ngettext("in %(n)s article", "in %(n)s articles", len(titles)) % {"n": len(titles)}
    dues = {c.due for c in claims}
    due = next(iter(dues)) if len(dues) == 1 else None
    if due:
        due_text = gettext(", due %(due)s") % {"due": formats.date_format(due, "j M")}
    else:
        due_text = gettext(", due dates vary") if any(dues) else ""
    return ngettext("%(name)s assigned you %(n)s claim %(where)s%(due)s",
                    "%(name)s assigned you %(n)s claims %(where)s%(due)s", len(claims)) % {
        "name": embed(actor.display_name), "n": len(claims), "where": where, "due": due_text}


@atomic_retrying
def claim_request_second_review(
    *, actor: User, claim_id: int, reviewer: User | str | int, version: int | None = None
) -> Claim:
    require(can_assign_claim(actor), gettext("Only editors can request a second review."))
    claim = lock_claim(claim_id)
    _check_version(claim, version)
    _expect(claim, "request_second_review", gettext("request a second review"))
    person = _reviewer(reviewer)
    if claim.assignee_id == person.pk:
        raise InvalidInput(gettext("The second reviewer must be someone other than the first."),
            fields={"reviewer": [gettext("Same person.")]})
    claim.second_reviewer = person
    _save(claim, actor, "second_reviewer")
    claim_event(claim, actor, EventKind.SECOND_REVIEW, from_status=claim.status, data={"reviewer": person.username})
    notify(person, claim, "assigned", lambda: gettext("%(name)s asked you for a second review: %(text)s") % {
        "name": embed(actor.display_name), "text": embed(claim.text[:200])}, actor=actor)
    return claim


@atomic_retrying
def claim_start(*, actor: User, claim_id: int, version: int | None = None) -> Claim:
    claim = lock_claim(claim_id)
    require(can_review_claim(actor, claim), gettext("Only the assigned reviewer can start this review."))
    _check_version(claim, version)
    _expect(claim, "start", gettext("start the review"))
    claim.status = ClaimStatus.IN_REVIEW
    _save(claim, actor, "status")
    claim_event(claim, actor, EventKind.STARTED, from_status=ClaimStatus.ASSIGNED, to_status=claim.status,
                moved_from=(ClaimStatus.ASSIGNED, claim.verdict))
    return claim


def _current_round(claim: Claim) -> int:
    return 1 + ClaimEvent.objects.filter(claim=claim, kind=EventKind.REOPENED).count()


def _current_reviews(claim: Claim, round_: int) -> QuerySet:
    """This round's reviews by the claim's current reviewers.

    A reviewer taken off the claim (reassigned) keeps their review on record, but it no
    longer counts towards the double review: the two people now on the claim decide.
    """
    on_claim = [pk for pk in (claim.assignee_id, claim.second_reviewer_id) if pk is not None]
    return Review.objects.filter(claim=claim, round=round_, reviewer_id__in=on_claim)


@atomic_retrying
def verdict_record(
    *,
    actor: User,
    claim_id: int,
    verdict: str,
    rationale: str,
    rating: str = "",
    version: int | None = None,
) -> Claim:
    """A reviewer's verdict; resolves the claim, or waits for the second reviewer / the editor."""
    claim = lock_claim(claim_id)
    require(can_review_claim(actor, claim), gettext("Only the assigned reviewer can record a verdict on this claim."))
    if claim.needs_settlement:
        # Both reviewers have spoken and disagree: only an editor decides now.
        require(can_settle_claim(actor, claim), gettext("The reviewers disagree on this claim; only an editor can settle it."))
    _check_version(claim, version)
    if not isinstance(verdict, str) or verdict not in Verdict.values:
        raise InvalidInput(
            gettext("Unknown verdict %(verdict)s.") % {"verdict": repr(verdict)},
            fields={"verdict": [gettext("Choose from %(values)s.") % {"values": ', '.join(Verdict.values)}]}
        )
    rationale = _clean_text(rationale, "rationale", limit=20000)
    if rating is not None and not isinstance(rating, str):
        raise InvalidInput(gettext("rating must be text."), fields={"rating": [gettext("Must be text.")]})
    rating = (rating or "").strip()
    if rating and rating not in settings.RATING_SCALE:
        raise InvalidInput(
            gettext("Unknown rating %(rating)s.") % {"rating": repr(rating)},
            fields={"rating": [gettext("Choose from %(RATING_SCALE)s.") % {"RATING_SCALE": ', '.join(settings.RATING_SCALE)}]}
        )
    _expect(claim, "record_verdict", gettext("record a verdict"))
    if verdict in (Verdict.VERIFIED, Verdict.DISPUTED) and not counting_evidence(claim).exists():
        raise EvidenceMissing(
            gettext("A %(verdict)s verdict needs at least one independent source attached; "
                    "a source on the article's own site does not count.")
            % {"verdict": verdict}
        )
    double = claim.second_reviewer_id is not None
    if not double and claim.assignee_id and claim.assignee_id != actor.pk:
        # An editor decided a claim its reviewer had: it leaves their queue, and they hear so (a tryout's
        # reviewer saw sixteen claims vanish without a word). A burst is one notice (grouped "resolved").
        notify(claim.assignee, claim, "resolved", lambda: gettext(
            "%(name)s recorded the verdict (%(verdict)s) on a claim you were reviewing: %(text)s") % {
            "name": embed(actor.display_name), "verdict": str(Verdict(verdict).label).lower(),
            "text": embed(claim.text[:200])}, actor=actor)
    if not double and not claim.needs_settlement and verdict_sql.available():
        # The common case, a single review: every write in one statement (verdict_sql; the rules
        # checked above, the same rows as the path below, tests/api/test_verdict_sql.py).
        return verdict_sql.single_review(claim, actor, verdict=verdict, rationale=rationale, rating=rating,
                                         notice=resolved_notice(actor, claim, verdict))
    if claim.status == ClaimStatus.ASSIGNED:
        claim.status = ClaimStatus.IN_REVIEW
        # Written now (the version moves with the verdict's save below): the article's counts move
        # from assigned to in review, and a recount (an article without its progress row) must read it.
        Claim.objects.filter(pk=claim.pk).update(status=claim.status)
        claim_event(claim, actor, EventKind.STARTED, from_status=ClaimStatus.ASSIGNED, to_status=claim.status,
                    moved_from=(ClaimStatus.ASSIGNED, claim.verdict))
    round_ = _current_round(claim)
    as_reviewer = is_assigned_reviewer(actor, claim)

    if claim.needs_settlement or (double and not as_reviewer):
        # The editor's decision is a record of its own; the reviews it settles stay untouched.
        # The same holds for an editor who decides a double review before both reviewers have
        # spoken (the rule is deliberate, see README "Second review"): it settles the claim,
        # the verdicts already in are kept, and the audit row says the review was unfinished.
        unfinished = not claim.needs_settlement
        in_time = list(_current_reviews(claim, round_).exclude(reviewer=actor).values_list("reviewer__username", flat=True))
        Review.objects.get_or_create(
            claim=claim, reviewer=actor, round=round_,
            defaults={"verdict": verdict, "rating": rating, "rationale": rationale},
        )
        claim_event(claim, actor, EventKind.SETTLED, from_status=claim.status, verdict=verdict, note=rationale,
                    data={"unfinished": unfinished, "reviews": in_time} if unfinished else None)
        return _resolve(claim, actor, verdict, rationale, rating)

    if as_reviewer and double:
        if _current_reviews(claim, round_).filter(reviewer=actor).exists():
            raise WrongState(gettext("You have already recorded your verdict on this claim; the other reviewer's is awaited."))
        Review.objects.create(claim=claim, reviewer=actor, verdict=verdict, rating=rating, rationale=rationale, round=round_)
        claim_event(claim, actor, EventKind.REVIEWED, from_status=claim.status, verdict=verdict, note=rationale)
        reviews = list(_current_reviews(claim, round_).select_related("reviewer"))
        if len(reviews) < 2:
            _save(claim, actor, "status")
            return claim
        if len({r.verdict for r in reviews}) == 1:
            combined = "\n\n".join(f"{r.reviewer.display_name}: {r.rationale}" for r in reviews)
            return _resolve(claim, actor, verdict, combined, rating)
        claim.needs_settlement = True
        _save(claim, actor, "status", "needs_settlement")
        editor = claim.article.created_by
        notify(editor, claim, "needs_settlement", lambda: gettext(
            "Reviewers disagree on a claim; please settle it: %(text)s") % {"text": embed(claim.text[:200])})
        return claim

    # A single review, or an editor checking the claim themselves.
    # Insert, or update this reviewer's review of the round: one statement (update_or_create took
    # six, with two savepoints and a row lock the claim's own lock makes unnecessary).
    Review.objects.bulk_create(
        [Review(claim=claim, reviewer=actor, round=round_, verdict=verdict, rating=rating, rationale=rationale)],
        update_conflicts=True, unique_fields=["claim", "reviewer", "round"],
        update_fields=["verdict", "rating", "rationale"],
    )
    claim_event(claim, actor, EventKind.REVIEWED, from_status=claim.status, verdict=verdict, note=rationale)
    return _resolve(claim, actor, verdict, rationale, rating)


def _resolve(claim: Claim, actor: User, verdict: str, rationale: str, rating: str) -> Claim:
    # Always entered from in_review: a verdict on an assigned claim first logs the start.
    from_status = claim.status
    before = (claim.status, claim.verdict)
    claim.status = ClaimStatus.RESOLVED
    claim.verdict = verdict
    claim.rationale = rationale
    claim.rating = rating
    claim.needs_settlement = False
    claim.needs_rereview = False
    claim.resolved_at = timezone.now()
    _save(claim, actor, "status", "verdict", "rationale", "rating", "needs_settlement", "needs_rereview", "resolved_at")
    claim_event(claim, actor, EventKind.RESOLVED, from_status=from_status, to_status=claim.status, verdict=verdict,
           note=rationale, moved_from=before)
    notify(claim.article.created_by, claim, *resolved_notice(actor, claim, verdict), actor=actor)
    return claim


def resolved_notice(actor: User, claim: Claim, verdict: str) -> tuple[str, Callable[[], str]]:
    """The kind and text of the article's editor's notice that a claim resolved (both verdict paths)."""
    kind = verdict if verdict == Verdict.DISPUTED else "resolved"
    return kind, lambda: gettext("%(name)s marked a claim %(verdict)s: %(text)s") % {
        "name": embed(actor.display_name), "verdict": str(Verdict(verdict).label).lower(),
        "text": embed(claim.text[:200])}


@atomic_retrying
def claim_reopen(*, actor: User, claim_id: int, reason: str, version: int | None = None) -> Claim:
    require(can_assign_claim(actor), gettext("Only editors can reopen claims."))
    claim = lock_claim(claim_id)
    _check_version(claim, version)
    reason = _clean_text(reason, "reason", limit=2000)
    _expect(claim, "reopen")
    old = {"verdict": claim.verdict, "rating": claim.rating, "rationale": claim.rationale}
    # The claim is open again (the documented lifecycle: resolved -> open on reopen) and visibly
    # unassigned: before, it kept showing "Reviewer: X" while it had left X's queue and nobody was told.
    # Its reviewers are taken off (named in the audit row, their reviews kept) and told; the article's
    # editor hears that it waits for a reviewer; the page says so and offers the assign form.
    previous = [u for u in (claim.assignee, claim.second_reviewer) if u is not None]
    claim.status = ClaimStatus.OPEN
    claim.assignee = None
    claim.second_reviewer = None
    claim.verdict = ""
    claim.rating = ""
    claim.rationale = ""
    claim.resolved_at = None
    claim.needs_settlement = False
    # A due date that passed during the first round would show the reopened claim overdue at once.
    past_due = claim.due if claim.due and claim.due < timezone.localdate() else None
    if past_due:
        claim.due = None
    _save(claim, actor, "status", "verdict", "rating", "rationale", "resolved_at", "needs_settlement", "assignee",
          "second_reviewer", "due")
    data = {"previous": old, "assignee": None, "previous_reviewers": [u.username for u in previous]}
    if previous:
        data["previous_assignee"] = previous[0].username
    if past_due:
        data["previous_due"] = past_due.isoformat()
    claim_event(claim, actor, EventKind.REOPENED, from_status=ClaimStatus.RESOLVED, to_status=claim.status, note=reason,
           data=data)
    for person in previous:
        if person.pk != actor.pk:
            notify(person, claim, "reopened", lambda: gettext(
                "%(name)s reopened a claim you reviewed; it is open again until it is assigned: %(text)s — %(reason)s") % {
                "name": embed(actor.display_name), "text": embed(claim.text[:200]), "reason": reason[:200]}, actor=actor)
    notify(claim.article.created_by, claim, "reopened", lambda: gettext(
        "%(name)s reopened a claim and nobody is assigned to review it: %(text)s — %(reason)s") % {
        "name": embed(actor.display_name), "text": embed(claim.text[:200]), "reason": reason[:200]}, actor=actor)
    return claim


def _figure_key(quantities: Sequence[dict]) -> list[str]:
    return sorted(repr((q.get("value"), q.get("qualifier") or "exact", q.get("unit"))) for q in quantities or [])


def figures_changed_since_verdict(claim: Claim) -> tuple[list[dict], list[dict]] | None:
    """(the figures its verdict was given on, the figures now) when an edit changed them since; else None.

    Read from the re-anchoring rows after the verdict: the engine's new reading of the words, or the
    reading an editor's correction kept out (``conflicts``) — either way the words now say another figure.
    """
    if claim.resolved_at is None:
        return None
    before = after = None
    rows = ClaimEvent.objects.filter(claim=claim, kind=EventKind.REANCHORED, at__gte=claim.resolved_at).order_by(
        "at", "id").values_list("data", flat=True)
    for data in rows:
        changed, conflicts = (data or {}).get("changed") or {}, (data or {}).get("conflicts") or {}
        if "quantities" in changed:
            before = changed["quantities"].get("before") or [] if before is None else before
            after = changed["quantities"].get("after") or []
        elif "quantities" in conflicts:
            before = list(claim.quantities or []) if before is None else before
            after = conflicts["quantities"] or []
    if before is None or _figure_key(before) == _figure_key(after):
        return None
    return before, after


def confirm_refusal(claim: Claim) -> str:
    """Why the verdict cannot simply be confirmed for the new words ("" when it can).

    A copy edit may be confirmed; a new figure may not: the sources were checked against the old one
    (a tryout confirmed "23 injured" → "25 injured" and published it as verified on a source saying 23).
    """
    changed = figures_changed_since_verdict(claim)
    if changed is None:
        return ""
    before, after = (join_list(str(q.get("text") or q.get("value", "")) for q in qs) or "—" for qs in changed)
    return gettext("Its figures changed after the verdict (%(before)s → %(after)s): its sources were checked "
                   "against the old figure, so reopen it for a new review.") % {"before": before, "after": after}


@atomic_retrying
def claim_confirm_verdict(*, actor: User, claim_id: int, note: str, version: int | None = None) -> Claim:
    """A reviewer or editor says the verdict still holds for the claim's changed words.

    An edit of the article that changes a resolved claim's quoted words flags it for re-review, and the
    flag blocks the report: the verdict was given on other words ("12" may now read "14"). When the
    change does not touch what was checked (a copy edit), this clears the flag without a new round;
    otherwise the editor reopens the claim. The note is kept in the audit row with the words confirmed.
    """
    claim = lock_claim(claim_id)
    require(can_review_claim(actor, claim), gettext("Only an editor or the claim's reviewer can confirm its verdict."))
    _check_version(claim, version)
    _expect(claim, "confirm_verdict", gettext("confirm the verdict"))
    if not claim.needs_rereview:
        raise WrongState(gettext("The claim's words have not changed since its verdict: there is nothing to confirm."))
    refused = confirm_refusal(claim)
    if refused:
        raise WrongState(refused)
    note = _clean_text(note, "note", limit=2000)
    claim.needs_rereview = False
    _save(claim, actor, "needs_rereview")
    claim_event(claim, actor, EventKind.CONFIRMED, from_status=claim.status, to_status=claim.status, note=note,
                data={"verdict": claim.verdict, "quote": claim.quote})
    return claim


@atomic_retrying
def claim_link(
    *, actor: User, claim_id: int, earlier_id: int | None, relation: str = "same", note: str = "",
    version: int | None = None,
) -> Claim:
    """Link a claim to an earlier check of the same claim, or note a related one whose figure differs."""
    require(is_editor(actor), gettext("Only editors can link claims."))
    claim = lock_claim(claim_id)
    _check_version(claim, version)
    _expect(claim, "link", gettext("link the claim"))
    if relation not in ("same", "related", "none"):
        raise InvalidInput(gettext("relation must be same, related or none."), fields={"relation": [gettext("Unknown.")]})
    earlier = None
    if relation != "none":
        earlier = Claim.objects.filter(pk=earlier_id).first()
        if earlier is None or earlier.pk == claim.pk:
            raise InvalidInput(gettext("Choose an earlier claim."), fields={"earlier": [gettext("Unknown claim.")]})
    claim.same_as = earlier if relation == "same" else None
    claim.related_note = _clean_text(note, "note", required=False, limit=300) if relation == "related" else ""
    if relation == "related" and not claim.related_note:
        claim.related_note = f"Related to claim {earlier.pk}; figure differs."
    _save(claim, actor, "same_as", "related_note")
    claim_event(claim, actor, EventKind.LINKED, from_status=claim.status,
           data={"relation": relation, "earlier": earlier.pk if earlier else None}, note=note or "")
    return claim


