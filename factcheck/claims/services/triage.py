"""Creating claims and sorting suggestions: create, suggest, accept, reject, edit, merge, split."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from factcheck.accounts.models import User
from factcheck.accounts.permissions import (
    can_edit_article,
    require,
)
from factcheck.articles.models import Article
from factcheck.claims import derived
from factcheck.claims.models import (
    Claim,
    ClaimEvent,
    ClaimStatus,
    ClaimType,
    EventKind,
    Priority,
)
from factcheck.claims.services.analysis import (
    ANALYSED,
    analysis_of_passage,
    analysis_of_wording,
    corrected_fields,
    merged_wording,
)
from factcheck.claims.services.common import (
    MAX_CLAIM_TEXT,
    _check_version,
    _clean_quantities,
    _clean_text,
    _clean_types,
    _expect,
    _ids,
    _not_orphaned,
    _save,
    atomic_retrying,
    claim_event,
    claim_opened,
    lock_claim,
    notify,
)
from factcheck.claims.services.passages import claim_on_passage, passage_span
from factcheck.core.anchoring import crosses_paragraph, make_anchor, valid_span
from factcheck.core.errors import InvalidInput, NotFound
from factcheck.core.text import embed, shorten, shorten_end

# --- creating claims ------------------------------------------------------------------


@atomic_retrying
def claim_create(
    *,
    actor: User,
    article_id: int,
    start: int | None = None,
    end: int | None = None,
    quote: str | None = None,
    text: str | None = None,
    types: list[str] | None = None,
    quantities: list[dict] | None = None,
    attributed_to: str = "",
) -> Claim:
    """An editor marks a passage of the current revision as a claim (status open)."""
    require(can_edit_article(actor), gettext("Only editors can create claims."))
    article = Article.objects.select_for_update(of=("self",)).select_related("current_revision").filter(pk=article_id).first()
    if article is None or article.current_revision is None:
        raise InvalidInput(gettext("Article %(article_id)s does not exist.") % {"article_id": article_id},
            fields={"article": [gettext("Unknown article.")]})
    body = article.current_revision.text
    start, end = passage_span(body, start, end, quote)
    problem = valid_span(body, start, end)
    if problem:
        raise InvalidInput(gettext("Bad claim span: %(problem)s.") % {"problem": problem}, fields={"start": [problem]})
    _within_a_paragraph(body, start, end)
    anchor = make_anchor(body, start, end)
    taken = claim_on_passage(article, anchor.start, anchor.end, text)
    if taken is not None:
        return _take_up(actor, taken, text=text, types=types, quantities=quantities, attributed_to=attributed_to)
    # A selected passage is analysed like a suggestion; what the editor gave stays theirs.
    analysed = analysis_of_passage(body, anchor.start, anchor.end, language=article.language)
    given = [f for f, v in (("types", types), ("quantities", quantities), ("attributed_to", attributed_to or None))
             if v is not None]
    text = _clean_text(text, "text") if text else (analysed["wording"] or " ".join(anchor.quote.split()))[:MAX_CLAIM_TEXT]
    vector = derived.claim_vector(text)
    claim = Claim.objects.create(
        article=article,
        revision=article.current_revision,
        start=anchor.start,
        end=anchor.end,
        quote=anchor.quote,
        prefix=anchor.prefix,
        suffix=anchor.suffix,
        text=text,
        search=vector,
        types=_clean_types(types) if types is not None else analysed["types"],
        quantities=_clean_quantities(quantities) if quantities is not None else analysed["quantities"],
        attributed_to=(_clean_text(attributed_to, "attributed_to", required=False, limit=300) if attributed_to
                       else analysed["attributed_to"]),
        status=ClaimStatus.OPEN,
        created_by=actor,
        updated_by=actor,
    )
    # The instance holds the expression, not the vector: left to be read if ever wanted (deferred).
    claim.__dict__.pop("search", None)
    claim_event(claim, actor, EventKind.CREATED, from_status="", to_status=claim.status,
                data={"start": start, "end": end, **({"given": given} if given else {})},
                vector_written=vector is not None)
    claim_opened(claim, actor)
    return claim


def _take_up(actor: User, claim: Claim, *, text: str | None, types: list[str] | None,
             quantities: list[dict] | None, attributed_to: str) -> Claim:
    """Accept the suggestion the editor selected, with what they gave in the form (their corrections stay)."""
    claim = claim_accept(actor=actor, claim_id=claim.pk)
    if text or types is not None or quantities is not None or attributed_to:
        claim = claim_edit(actor=actor, claim_id=claim.pk, text=text or None, types=types, quantities=quantities,
                           attributed_to=attributed_to or None)
    # Transient, for the page's message: the editor selected a passage and got an accepted suggestion.
    claim.was_suggested = True
    return claim


class Suggested(list):
    """Every suggested claim of the current text (what the API answers), and how many of them are new."""

    def __init__(self, claims: list[Claim], created: int) -> None:
        super().__init__(claims)
        self.created = created


@atomic_retrying
def claims_suggest(*, actor: User, article_id: int) -> Suggested:
    """Run the suggestion engine and store new suggestions; existing spans are not repeated."""
    from factcheck.claims.suggest import suggest
    from factcheck.claims.suggest.wording import finished

    require(can_edit_article(actor), gettext("Only editors can ask for suggestions."))
    article = Article.objects.select_for_update(of=("self",)).select_related("current_revision").filter(pk=article_id).first()
    if article is None or article.current_revision is None:
        raise NotFound(gettext("Article %(article_id)s does not exist.") % {"article_id": article_id})
    revision = article.current_revision
    taken = set(
        Claim.objects.filter(article=article, revision=revision).values_list("start", "end")
    ) | set(Claim.objects.filter(article=article, revision=revision).values_list("quote", flat=True))
    created: list[Claim] = []
    for s in suggest(revision.text, article.language):
        # The engine is another package: a span it gets wrong must not become a claim.
        if valid_span(revision.text, s.start, s.end) is not None:
            continue
        anchor = make_anchor(revision.text, s.start, s.end)
        if (s.start, s.end) in taken or anchor.quote in taken:
            continue
        claim = Claim(
            article=article,
            revision=revision,
            start=anchor.start,
            end=anchor.end,
            quote=anchor.quote,
            prefix=anchor.prefix,
            suffix=anchor.suffix,
            # A quote without its subject ("caused $145 million in losses") gets the engine's wording; every
            # suggestion reads as a sentence, so the list does not mix full stops with none.
            text=finished(getattr(s, "wording", None) or s.text or anchor.quote)[:MAX_CLAIM_TEXT],
            types=[t for t in s.types if t in ClaimType.values],
            quantities=[dict(q) for q in s.quantities],
            attributed_to=(s.attributed_to or "")[:300],
            score=float(s.score),
            suggested=True,
            status=ClaimStatus.SUGGESTED,
            created_by=actor,
            updated_by=actor,
        )
        created.append(claim)
        taken.add((s.start, s.end))
        taken.add(anchor.quote)
    Claim.objects.bulk_create(created)
    ClaimEvent.objects.bulk_create(
        [
            ClaimEvent(claim=c, article=article, actor=actor, kind=EventKind.SUGGESTED, to_status=c.status)
            for c in created
        ]
    )
    # Bulk-written, so the derived data is brought up to date here rather than per event.
    derived.claims_search_refresh(c.pk for c in created)
    derived.article_progress_refresh(article.pk)
    return Suggested(
        list(Claim.objects.filter(article=article, revision=revision, status=ClaimStatus.SUGGESTED).order_by("start", "id")),
        created=len(created),
    )


@atomic_retrying
def claim_accept(*, actor: User, claim_id: int, version: int | None = None) -> Claim:
    require(can_edit_article(actor), gettext("Only editors can accept suggestions."))
    claim = lock_claim(claim_id)
    _check_version(claim, version)
    _expect(claim, "accept")
    claim.status = ClaimStatus.OPEN
    _save(claim, actor, "status")
    claim_event(claim, actor, EventKind.ACCEPTED, from_status=ClaimStatus.SUGGESTED, to_status=ClaimStatus.OPEN)
    claim_opened(claim, actor)
    return claim


@atomic_retrying
def claims_accept_all(*, actor: User, article_id: int) -> int:
    """Accept every suggestion of the article; answers how many claims changed.

    Idempotent, so it takes no version: the suggestions are read under their locks, and
    one that someone else accepted or rejected meanwhile is left alone and not counted.
    """
    # Checked here too: with no suggestions left, the per-claim check would never run.
    require(can_edit_article(actor), gettext("Only editors can accept suggestions."))
    return _each_suggestion(article_id, lambda pk: claim_accept(actor=actor, claim_id=pk))


def _each_suggestion(article_id: int, action) -> int:
    """Apply one claim service to every suggestion of the article, all or none.

    The suggestions are read and locked inside the transaction (in id order, the lock
    order of every bulk action), so one that changes meanwhile is not half-counted.
    """
    with transaction.atomic():
        ids = list(
            Claim.objects.select_for_update(of=("self",))
            .filter(article_id=article_id, status=ClaimStatus.SUGGESTED)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        for pk in ids:
            action(pk)
    return len(ids)


@atomic_retrying
def claim_reject(*, actor: User, claim_id: int, version: int | None = None, reason: str = "") -> Claim:
    """Set a claim aside: a suggestion or an open claim; an orphan in any state; a claim a reviewer has,
    with a reason (its reviewers are told why their work stops)."""
    require(can_edit_article(actor), gettext("Only editors can reject claims."))
    claim = lock_claim(claim_id)
    _check_version(claim, version)
    reason = " ".join((reason or "").split()) if isinstance(reason, str) else ""
    if not claim.can_reject:
        if not claim.can_take_out:
            _expect(claim, "reject")
        if not reason:
            raise InvalidInput(gettext("Say why the claim leaves the check: its reviewer is told."),
                               fields={"reason": [gettext("This field is required.")]})
    before = claim.status
    claim.status = ClaimStatus.REJECTED
    _save(claim, actor, "status")
    claim_event(claim, actor, EventKind.REJECTED, from_status=before, to_status=claim.status, note=reason[:2000])
    if before in ClaimStatus.UNDER_REVIEW:
        for person in (claim.assignee, claim.second_reviewer):
            if claim.orphaned:
                notify(person, claim, "rejected", lambda: gettext(
                    "%(name)s rejected a claim you were reviewing; its passage is no longer in the article: %(text)s") % {
                    "name": embed(actor.display_name), "text": embed(claim.text[:200])}, actor=actor)
            else:
                notify(person, claim, "rejected", lambda: gettext(
                    "%(name)s took a claim you were reviewing out of the check: %(text)s (%(reason)s)") % {
                    "name": embed(actor.display_name), "text": embed(claim.text[:200]),
                    "reason": embed(reason[:300])}, actor=actor)
    return claim


@atomic_retrying
def claim_restore(*, actor: User, claim_id: int, version: int | None = None) -> Claim:
    """Bring a rejected claim back into the check, open and unassigned (a reviewer is chosen again)."""
    require(can_edit_article(actor), gettext("Only editors can restore claims."))
    claim = lock_claim(claim_id)
    _check_version(claim, version)
    _expect(claim, "restore")
    # As after a reopen: visibly unassigned (its reviewers were told when it was set aside), and a
    # due date that passed meanwhile would show it overdue at once.
    previous = [u.username for u in (claim.assignee, claim.second_reviewer) if u is not None]
    past_due = claim.due if claim.due and claim.due < timezone.localdate() else None
    claim.status = ClaimStatus.OPEN
    claim.assignee = claim.second_reviewer = None
    claim.needs_settlement = False
    claim.due = None if past_due else claim.due
    _save(claim, actor, "status", "assignee", "second_reviewer", "needs_settlement", "due")
    data = {"previous_reviewers": previous, **({"previous_due": past_due.isoformat()} if past_due else {})}
    claim_event(claim, actor, EventKind.RESTORED, from_status=ClaimStatus.REJECTED, to_status=claim.status, data=data)
    claim_opened(claim, actor)
    return claim


@atomic_retrying
def claims_reject_all(*, actor: User, article_id: int) -> int:
    """Reject every remaining suggestion; like claims_accept_all, idempotent and counted."""
    require(can_edit_article(actor), gettext("Only editors can reject claims."))
    return _each_suggestion(article_id, lambda pk: claim_reject(actor=actor, claim_id=pk))


@atomic_retrying
def claim_edit(
    *,
    actor: User,
    claim_id: int,
    version: int | None = None,
    text: str | None = None,
    types: list[str] | None = None,
    quantities: list[dict] | None = None,
    attributed_to: str | None = None,
    priority: int | None = None,
    due: dt.date | None = None,
) -> Claim:
    """Change the editor's wording and metadata; the anchor in the text stays."""
    require(can_edit_article(actor), gettext("Only editors can edit claims."))
    claim = lock_claim(claim_id)
    _check_version(claim, version)
    _expect(claim, "edit")
    changed: dict[str, object] = {}
    if text is not None:
        changed["text"] = _clean_text(text, "text")
    if types is not None:
        changed["types"] = _clean_types(types)
    if quantities is not None:
        changed["quantities"] = _clean_quantities(quantities)
    if attributed_to is not None:
        changed["attributed_to"] = _clean_text(attributed_to, "attributed_to", required=False, limit=300)
    if priority is not None:
        if priority not in Priority.values:
            raise InvalidInput(gettext("Unknown priority."),
                fields={"priority": [gettext("Choose from %(values)s.") % {"values": Priority.values}]})
        changed["priority"] = priority
    if due is not None:
        changed["due"] = due
    analysed: list[str] = []
    if "text" in changed and changed["text"] != claim.text:
        # New wording is read again by the engine; fields the editor set by hand (now or before) stay.
        keep = corrected_fields([claim]) | {f for f in ANALYSED if f in changed}
        reading = analysis_of_wording(str(changed["text"]))
        found = {
            "types": reading["types"] if reading["quantities"] or reading["types"] != [ClaimType.OTHER] else None,
            "quantities": reading["quantities"] or None,
            "attributed_to": reading["attributed_to"] or None,
        }
        for f in ANALYSED:
            if f not in keep and found[f] is not None:
                changed[f] = found[f]
                analysed.append(f)
    changed = {k: v for k, v in changed.items() if getattr(claim, k) != v}
    analysed = [f for f in analysed if f in changed]
    if not changed:
        return claim
    before = {k: _jsonable(getattr(claim, k)) for k in changed}
    for k, v in changed.items():
        setattr(claim, k, v)
    _save(claim, actor, *changed)
    data = {"before": before, "after": {k: _jsonable(v) for k, v in changed.items()}}
    if analysed:
        data["analysed"] = analysed
    claim_event(claim, actor, EventKind.EDITED, from_status=claim.status, data=data)
    return claim


def _within_a_paragraph(body: str, start: int, end: int) -> None:
    """Refuse a new claim whose passage runs over a paragraph break, from the page or the API alike.

    A claim is one assertion in one paragraph; a selection across a break (one sentence's end and the
    next paragraph's first words) was accepted without a word. The page keeps the passage typed.
    """
    inner = body[start:end].strip()  # a line break at either end is no crossing
    if not crosses_paragraph(inner, 0, len(inner)):
        return
    before = inner[: inner.index("\n")].rstrip()
    message = gettext("This passage runs across a paragraph break (after “%(before)s”). A claim stays within one "
                      "paragraph: select it again within one, or shorten the passage.") % {
        "before": shorten_end(before, 40)}
    raise InvalidInput(message, fields={"quote": [message]})


def _one_paragraph(body: str, claims: Sequence[Claim], start: int, end: int) -> None:
    """Refuse a merge whose passage would run over a paragraph break (a desk merges what one passage says).

    Merging claims far apart made one "claim" of the whole article, with every figure in it and a
    source from a sentence neither claim was in.
    """
    if not crosses_paragraph(body, start, end):
        return
    first, last = claims[0], max(claims, key=lambda c: c.end)
    raise InvalidInput(
        gettext("Cannot merge claims from different paragraphs: “%(first)s” and “%(last)s” are in separate "
                "paragraphs. Merge only claims of one paragraph; keep these as separate claims, or select the "
                "one passage you mean and create a claim from it.") % {
            "first": shorten(first.text, 40), "last": shorten(last.text, 40)},
        fields={"claims": [gettext("Not in one paragraph.")]},
    )


def _distinct(quantities: list[dict]) -> list[dict]:
    """Figures in order, each once (two parts may read the same figure where their passages overlap)."""
    seen, out = set(), []
    for q in quantities:
        key = (q.get("value"), q.get("unit"), q.get("text"))
        if key not in seen:
            seen.add(key)
            out.append(q)
    return out


def _union_types(first: list[str], more: list[str]) -> list[str]:
    """The parts' types, then what the engine reads in the whole; "other" only when nothing else."""
    types = list(dict.fromkeys([*first, *more]))
    return [t for t in types if t != ClaimType.OTHER] or [ClaimType.OTHER]


def _jsonable(value: object) -> object:
    return value.isoformat() if isinstance(value, dt.date) else value


@atomic_retrying
def claims_merge(
    *, actor: User, claim_ids: Sequence[int], text: str | None = None, article_id: int | None = None
) -> Claim:
    """Merge claims of one article into the first; the others are closed as merged.

    ``article_id``: the workspace the request came from; claims of another article are refused.
    """
    require(can_edit_article(actor), gettext("Only editors can merge claims."))
    ids = _ids(claim_ids)
    if len(ids) < 2:
        raise InvalidInput(gettext("Choose at least two claims to merge."), fields={"claims": [gettext("At least two.")]})
    # Locked in id order (the bulk lock order), then taken in text order.
    claims = [derived.due_seen(c) for c in Claim.objects.select_for_update(of=("self",)).filter(pk__in=ids).order_by("pk")]
    claims.sort(key=lambda c: (c.start, c.pk))
    if len(claims) != len(ids):
        raise NotFound(gettext("One of the claims to merge does not exist."))
    if article_id is not None and any(c.article_id != article_id for c in claims):
        raise InvalidInput(gettext("Only claims of this article can be merged here."))
    if len({c.article_id for c in claims}) != 1 or len({c.revision_id for c in claims}) != 1:
        raise InvalidInput(gettext("Only claims of the same article text can be merged."))
    for c in claims:
        _expect(c, "merge")
        _not_orphaned(c, "merge")
    keep, rest = claims[0], claims[1:]
    body = keep.revision.text
    start, end = min(c.start for c in claims), max(c.end for c in claims)
    _one_paragraph(body, claims, start, end)
    # The merged claim asserts what its parts assert: each part's own passage is read (its figures, and a
    # source named in its own sentence), never the words between them, which belong to other sentences.
    readings = [analysis_of_passage(body, c.start, c.end, language=keep.article.language) for c in claims]
    anchor = make_anchor(body, start, end)
    whole = None if text else analysis_of_passage(body, start, end, language=keep.article.language)["wording"]
    wording = _clean_text(text, "text") if text else merged_wording(claims, body, anchor.quote, readings, whole)
    keep.start, keep.end, keep.quote, keep.prefix, keep.suffix = (
        anchor.start, anchor.end, anchor.quote, anchor.prefix, anchor.suffix,
    )
    # The history shows each step with the wording the claim had then: the merge keeps the one it replaced.
    wording_before = keep.text
    keep.text = wording
    # A field an editor corrected on any part keeps the parts' values.
    corrected = corrected_fields(claims)
    parts_types = list(dict.fromkeys(t for c in claims for t in c.types))
    read_types = [t for r in readings for t in r["types"]]
    keep.types = parts_types if "types" in corrected else _union_types(parts_types, read_types)
    keep.quantities = [q for c in claims for q in c.quantities] if "quantities" in corrected else _distinct(
        [q for r in readings for q in r["quantities"]])
    keep.attributed_to = next((c.attributed_to for c in claims if c.attributed_to), "") if "attributed_to" in corrected \
        else next((r["attributed_to"] for r in readings if r["attributed_to"]), "")
    before = keep.status
    keep.status = ClaimStatus.OPEN
    _save(keep, actor, "start", "end", "quote", "prefix", "suffix", "text", "types", "quantities", "attributed_to", "status")
    claim_event(keep, actor, EventKind.MERGED, from_status=before, to_status=keep.status,
                data={"merged": [c.pk for c in rest], "wording_before": wording_before,
                      **({"given": sorted(corrected)} if corrected else {})})
    for c in rest:
        was = c.status
        c.status = ClaimStatus.REJECTED
        _save(c, actor, "status")
        claim_event(c, actor, EventKind.MERGED, from_status=was, to_status=c.status, note=f"Merged into claim {keep.pk}.",
               data={"into": keep.pk})
    # The merged wording is a claim of its own: look for earlier checks of it.
    claim_opened(keep, actor)
    return keep


@atomic_retrying
def claim_split(
    *, actor: User, claim_id: int, at: int | None = None, version: int | None = None,
    second_starts_with: str | None = None,
) -> tuple[Claim, Claim]:
    """Split a claim into two open claims, at an offset of the article text or where given words start.

    ``second_starts_with``: words from inside the quote where the second part begins (what
    a person types); found in the locked claim's quote, after its first character.
    """
    require(can_edit_article(actor), gettext("Only editors can split claims."))
    claim = lock_claim(claim_id)
    _check_version(claim, version)
    _expect(claim, "split")
    _not_orphaned(claim, "split")
    if second_starts_with is not None:
        marker = second_starts_with.replace("\r\n", "\n").strip()
        index = claim.quote.find(marker, 1) if marker else -1
        if index <= 0:
            raise InvalidInput(
                gettext("Type words from inside the passage where the second part should start."),
                fields={"before": [gettext("Not found inside the passage (after its first character).")]},
            )
        at = claim.start + index
    if not isinstance(at, int) or isinstance(at, bool) or not (claim.start < at < claim.end):
        raise InvalidInput(
            gettext("Split point must lie inside the claim (%(start)s..%(end)s).") % {"start": claim.start + 1,
                "end": claim.end - 1}, fields={"at": [gettext("Outside.")]}
        )
    body = claim.revision.text
    first, second = make_anchor(body, claim.start, at), make_anchor(body, at, claim.end)
    if not first.quote.strip() or not second.quote.strip():
        raise InvalidInput(gettext("Both parts of a split need some text."), fields={"at": [gettext("Empty part.")]})
    before = claim.status
    # Each part is analysed on its own; a field the editor corrected is kept (and copied to the new part).
    corrected = corrected_fields([claim])
    language = claim.article.language
    one = analysis_of_passage(body, first.start, first.end, language=language)
    two = analysis_of_passage(body, second.start, second.end, language=language)
    kept = {"types": list(claim.types), "attributed_to": claim.attributed_to,
            "quantities": [q for q in claim.quantities if (q.get("text") or "") in first.quote]}
    second_kept = {**kept, "quantities": [q for q in claim.quantities if (q.get("text") or "") in second.quote]}
    part_one = {f: kept[f] if f in corrected else one[f] for f in ANALYSED}
    part_two = {f: second_kept[f] if f in corrected else two[f] for f in ANALYSED}
    claim.start, claim.end, claim.quote, claim.prefix, claim.suffix = (
        first.start, first.end, first.quote, first.prefix, first.suffix,
    )
    wording_before = claim.text
    claim.text = one["wording"] or " ".join(first.quote.split())
    claim.types, claim.quantities, claim.attributed_to = part_one["types"], part_one["quantities"], part_one["attributed_to"]
    claim.status = ClaimStatus.OPEN
    _save(claim, actor, "start", "end", "quote", "prefix", "suffix", "text", "types", "quantities", "attributed_to",
          "status")
    other = Claim.objects.create(
        article_id=claim.article_id,
        revision_id=claim.revision_id,
        start=second.start,
        end=second.end,
        quote=second.quote,
        prefix=second.prefix,
        suffix=second.suffix,
        text=two["wording"] or " ".join(second.quote.split()),
        types=part_two["types"],
        quantities=part_two["quantities"],
        attributed_to=part_two["attributed_to"],
        status=ClaimStatus.OPEN,
        created_by=actor,
        updated_by=actor,
    )
    claim_event(claim, actor, EventKind.SPLIT, from_status=before, to_status=claim.status,
                data={"new": other.pk, "at": at, "wording_before": wording_before})
    claim_event(other, actor, EventKind.CREATED, from_status="", to_status=other.status, note=f"Split from claim {claim.pk}.",
                data={"given": sorted(corrected)} if corrected else None)
    # Each part is a new wording, so each looks for earlier checks of itself.
    claim_opened(claim, actor)
    claim_opened(other, actor)
    return claim, other


