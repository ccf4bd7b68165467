"""Browser pages (thin: parse, check permission, call a service or selector, render).

Every POST calls one service function. A refusal (DomainError) is rendered by
web/errors.py with the same status and message the API gives. Successful posts
redirect (post/redirect/get); htmx forms swap the part of the page they name
with `hx-select`, so the same views serve both.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import F, Q
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from factcheck.accounts.permissions import (
    can_comment,
    can_edit_article,
    can_review_claim,
    is_editor,
    is_member,
    require,
)
from factcheck.articles import services as article_services
from factcheck.articles.models import Article
from factcheck.claims import selectors
from factcheck.claims import services as claim_services
from factcheck.claims.models import Claim, ClaimStatus, EventKind
from factcheck.core.errors import DomainError, NotAllowed, StaleVersion
from factcheck.web import errors, forms

ARTICLE_PAGE = 50
# How often an open workspace asks for its progress and claim statuses: verdicts come in
# from reviewers elsewhere, and a few seconds late is soon enough for an editor's overview.
PROGRESS_POLL_SECONDS = 5


def member_required(view: Callable) -> Callable:
    """Logged in (else the login page) and an active newsroom member (else 403)."""

    @login_required
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not is_member(request.user):
            return render(request, "web/error.html", {"error": "Your account has no newsroom role."}, status=403)
        return view(request, *args, **kwargs)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


def _forbidden(request: HttpRequest, exc: DomainError) -> HttpResponse:
    return render(request, "web/error.html", {"error": exc.message}, status=errors.status_for(exc))


# --- dashboard -----------------------------------------------------------------------------


@require_GET
@member_required
def dashboard(request: HttpRequest) -> HttpResponse:
    user = request.user
    in_progress = (
        selectors.articles_with_progress()
        .filter(Q(claims_total=0) | Q(claims_resolved__lt=F("claims_total")))
        .order_by("-created_at", "-id")[:10]
    )
    ctx = {
        "queue": list(selectors.reviewer_queue(user)[:50]),
        "in_progress": list(in_progress),
        "notifications": list(user.notifications.filter(read_at__isnull=True).select_related("claim")[:10]),
        "is_editor": is_editor(user),
    }
    if ctx["is_editor"]:
        ctx["overdue"] = list(selectors.overdue_claims()[:25])
        ctx["unassigned"] = list(selectors.unassigned_claims()[:25])
    return render(request, "web/dashboard.html", ctx)


# --- articles --------------------------------------------------------------------------------


@require_GET
@member_required
def article_list(request: HttpRequest) -> HttpResponse:
    base = selectors.articles_with_progress().order_by("-created_at", "-id")
    filterset = forms.ArticleFilter(request.GET or None, queryset=base)
    qs = filterset.qs if filterset.is_bound else base
    page = Paginator(qs, ARTICLE_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "web/article_list.html",
        {"filter": filterset, "page": page, "articles": list(page.object_list), "query": query.urlencode(),
         "can_create": can_edit_article(request.user)},
    )


@member_required
def article_new(request: HttpRequest) -> HttpResponse:
    if not can_edit_article(request.user):
        return _forbidden(request, NotAllowed("Only editors can create articles."))
    form = forms.ArticleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            article = article_services.article_create(actor=request.user, **form.cleaned_data)
        except DomainError as exc:
            errors.attach_to_form(form, exc)
            return errors.render_error(request, exc, page="web/article_new.html", context={"form": form})
        messages.success(request, "Article saved. Suggest claims or select passages to mark them.")
        return redirect(article)
    status = 400 if request.method == "POST" else 200
    return render(request, "web/article_new.html", {"form": form}, status=status)


def _article(pk: int) -> Article:
    return get_object_or_404(Article.objects.select_related("current_revision", "created_by"), pk=pk)


def _lookups_template() -> str | None:
    # The sources UI may or may not provide a lookups counter yet.
    try:
        get_template("sources/_article_lookups.html")
    except TemplateDoesNotExist:
        return None
    return "sources/_article_lookups.html"


def _workspace_context(request: HttpRequest, article: Article, **extra) -> dict:
    claims = list(selectors.article_claims(article))
    text = article.text
    current = article.current_revision_id
    type_filter = request.GET.get("type", "")
    status_filter = request.GET.get("status", "")
    panel = claims
    if status_filter == "orphaned":
        panel = [c for c in panel if c.orphaned]
    elif status_filter:
        panel = [c for c in panel if c.status == status_filter]
    else:
        panel = [c for c in panel if c.status != ClaimStatus.REJECTED]
    if type_filter:
        panel = [c for c in panel if type_filter in (c.types or [])]
    placed = [
        c for c in claims
        if c.status != ClaimStatus.REJECTED and not c.orphaned and c.revision_id == current
    ]
    editor = can_edit_article(request.user)
    choices = [c.pk for c in claims]
    ctx = {
        "article": article,
        "text": text,
        "claims": claims,
        "panel": [c for c in panel if not c.orphaned] if status_filter != "orphaned" else panel,
        "placed": placed,
        "suggestions": [c for c in claims if c.status == ClaimStatus.SUGGESTED],
        "orphaned": [c for c in claims if c.orphaned and c.status != ClaimStatus.REJECTED],
        "rereview": [c for c in claims if c.needs_rereview and c.status != ClaimStatus.REJECTED],
        "status_counts": Counter(c.status for c in claims),
        **_progress_context(claims),
        "is_editor": editor,
        "type_filter": type_filter,
        "status_filter": status_filter,
        "type_choices": forms.TYPE_FILTER_CHOICES,
        "status_choices": forms.STATUS_FILTER_CHOICES,
        "lookups_template": _lookups_template(),
        "filtered": bool(type_filter or status_filter),
    }
    if editor:
        ctx.setdefault("create_form", forms.ClaimCreateForm())
        ctx.setdefault("bulk_form", forms.BulkAssignForm(claim_choices=choices))
        ctx.setdefault("merge_form", forms.MergeForm(claim_choices=choices))
        # One query for the reviewer list, shared by every assign control on the page.
        ctx["reviewers"] = list(forms.reviewer_choices_qs())
    ctx.update(extra)
    return ctx


def _progress_context(claims: list[Claim]) -> dict:
    """What web/_progress.html shows: resolved of counted claims, and each claim's badge."""
    counted = [c for c in claims if c.status in selectors.COUNTED]
    return {
        "progress_total": len(counted),
        "progress_resolved": sum(1 for c in counted if c.status == ClaimStatus.RESOLVED),
        "claim_states": claims,
        "progress_poll_seconds": PROGRESS_POLL_SECONDS,
    }


def _render_workspace(request: HttpRequest, article: Article, *, status: int = 200, **extra) -> HttpResponse:
    template = "web/_workspace.html" if getattr(request, "htmx", False) and status != 200 else "web/article_detail.html"
    return render(request, template, _workspace_context(request, article, **extra), status=status)


def _workspace_error(request: HttpRequest, article_id: int, exc: DomainError, **extra) -> HttpResponse:
    article = _article(article_id)
    return errors.render_error(
        request, exc, page="web/article_detail.html", partial="web/_workspace.html",
        context=lambda: _workspace_context(request, article, **extra),
    )


@require_GET
@member_required
def article_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _render_workspace(request, _article(pk))


@require_GET
@member_required
def article_progress(request: HttpRequest, pk: int) -> HttpResponse:
    """The progress fragment alone, polled by the open workspace (anyone who may read the article)."""
    article = get_object_or_404(Article.objects.only("pk"), pk=pk)
    claims = list(selectors.article_claim_states(article))
    return render(request, "web/_progress.html", {"article": article, **_progress_context(claims)})


@require_GET
@member_required
def article_history(request: HttpRequest, pk: int) -> HttpResponse:
    article = _article(pk)
    events = _mask_blind_reviews(list(selectors.article_history(article)), request.user)
    revisions = list(article.revisions.select_related("created_by").order_by("number"))
    return render(request, "web/article_history.html", {"article": article, "events": events, "revisions": revisions})


@member_required
def article_edit(request: HttpRequest, pk: int) -> HttpResponse:
    article = _article(pk)
    if not can_edit_article(request.user):
        return _forbidden(request, NotAllowed("Only editors can edit article text."))
    if request.method != "POST":
        form = forms.ArticleTextForm(initial={"text": article.text, "version": article.version})
        return render(request, "web/article_edit.html", {"article": article, "form": form})
    form = forms.ArticleTextForm(request.POST)
    if not form.is_valid():
        return render(request, "web/article_edit.html", {"article": article, "form": form}, status=400)
    try:
        outcome = article_services.article_revise(
            actor=request.user, article_id=article.pk, text=form.cleaned_data["text"],
            version=form.cleaned_data["version"], note=form.cleaned_data["note"],
        )
    except DomainError as exc:
        errors.attach_to_form(form, exc)
        return errors.render_error(request, exc, page="web/article_edit.html", context={"article": article, "form": form})
    if outcome.revision.pk == article.current_revision_id:
        messages.info(request, "The text is unchanged; no new revision was saved.")
    else:
        messages.success(
            request,
            f"Saved revision {outcome.revision.number}: {len(outcome.moved)} claim(s) moved, "
            f"{len(outcome.orphaned)} orphaned, {len(outcome.rereview)} need re-review.",
        )
    return redirect(article)


def _article_action(request: HttpRequest, pk: int, action: Callable[[], object], message: str | Callable) -> HttpResponse:
    try:
        result = action()
    except DomainError as exc:
        return _workspace_error(request, pk, exc)
    messages.success(request, message(result) if callable(message) else message)
    return redirect("article_detail", pk=pk)


@require_POST
@member_required
def article_suggest(request: HttpRequest, pk: int) -> HttpResponse:
    def run():
        before = Claim.objects.filter(article_id=pk, status=ClaimStatus.SUGGESTED).count()
        return len(claim_services.claims_suggest(actor=request.user, article_id=pk)) - before

    return _article_action(request, pk, run, lambda n: f"{n} new suggestion(s).")


@require_POST
@member_required
def article_accept_all(request: HttpRequest, pk: int) -> HttpResponse:
    return _article_action(
        request, pk, lambda: claim_services.claims_accept_all(actor=request.user, article_id=pk),
        lambda n: f"Accepted {n} suggestion(s).",
    )


@require_POST
@member_required
def article_reject_all(request: HttpRequest, pk: int) -> HttpResponse:
    return _article_action(
        request, pk, lambda: claim_services.claims_reject_all(actor=request.user, article_id=pk),
        lambda n: f"Rejected {n} suggestion(s).",
    )


@require_POST
@member_required
def claim_create(request: HttpRequest, pk: int) -> HttpResponse:
    article = _article(pk)
    form = forms.ClaimCreateForm(request.POST)
    try:
        require(can_edit_article(request.user), "Only editors can create claims.")
        if not form.is_valid():
            raise forms_error(form)
        data = form.cleaned_data
        quote = (data["quote"] or "").replace("\r\n", "\n")
        start, end = data["start"], data["end"]
        text = article.text
        kwargs: dict = {}
        # Offsets from a mouse selection win when they still match the passage shown;
        # a typed passage (keyboard use) is looked up in the text instead.
        if start is not None and end is not None and (not quote.strip() or text[start:end] == quote):
            kwargs = {"start": start, "end": end}
        elif quote.strip():
            kwargs = {"quote": quote.strip()}
        else:
            raise claim_services.InvalidInput(
                "Select a passage in the article or type it.", fields={"quote": ["Select or type a passage."]}
            )
        claim = claim_services.claim_create(
            actor=request.user, article_id=article.pk, text=data["text"] or None, **kwargs
        )
    except DomainError as exc:
        errors.attach_to_form(form, exc)
        return _workspace_error(request, pk, exc, create_form=form)
    messages.success(request, f"Claim created: “{claim.text[:80]}”.")
    return redirect(f"{reverse('article_detail', args=[pk])}#claim-{claim.pk}")


def forms_error(form) -> DomainError:
    """A form that did not parse is the same refusal as bad input to the service."""
    fields = {name: [str(e) for e in errs] for name, errs in form.errors.items()}
    first = next(iter(fields.values()), ["Check the form."])[0]
    return claim_services.InvalidInput(first, fields=fields)


def _claim_ids(request: HttpRequest) -> list[int]:
    ids = []
    for raw in request.POST.getlist("claim_ids"):
        try:
            ids.append(int(raw))
        except ValueError:
            continue
    return ids


@require_POST
@member_required
def claims_merge(request: HttpRequest, pk: int) -> HttpResponse:
    def run():
        require(can_edit_article(request.user), "Only editors can merge claims.")
        ids = _claim_ids(request)
        if Claim.objects.filter(pk__in=ids).exclude(article_id=pk).exists():
            raise claim_services.InvalidInput("Only claims of this article can be merged here.")
        return claim_services.claims_merge(actor=request.user, claim_ids=ids, text=request.POST.get("text") or None)

    return _article_action(request, pk, run, lambda c: f"Merged into claim “{c.text[:80]}”.")


@require_POST
@member_required
def claims_assign_bulk(request: HttpRequest, pk: int) -> HttpResponse:
    form = forms.BulkAssignForm(request.POST, claim_choices=list(
        Claim.objects.filter(article_id=pk).values_list("pk", flat=True)
    ))
    try:
        require(is_editor(request.user), "Only editors can assign claims.")
        if not form.is_valid():
            raise forms_error(form)
        data = form.cleaned_data
        done = claim_services.claims_assign_bulk(
            actor=request.user, claim_ids=data["claim_ids"], reviewer=data["reviewer"], due=data["due"],
            priority=data["priority"],
        )
    except DomainError as exc:
        errors.attach_to_form(form, exc)
        return _workspace_error(request, pk, exc, bulk_form=form)
    messages.success(request, f"Assigned {len(done)} claim(s) to {data['reviewer'].display_name}.")
    return redirect("article_detail", pk=pk)


# --- claims ----------------------------------------------------------------------------------


def _mask_blind_reviews(events: list, user, claim: Claim | None = None) -> list:
    """Hide another reviewer's verdict and rationale in a history while double review is blind.

    The same rule as selectors.visible_reviews: editors always see; reviewers see
    the other verdict only once the claim is resolved or waits for settlement.
    """
    if is_editor(user):
        return events
    for e in events:
        c = claim or e.claim
        open_book = c.status == ClaimStatus.RESOLVED or c.needs_settlement or not c.second_reviewer_id
        if e.kind == EventKind.REVIEWED and e.actor_id != user.pk and not open_book:
            e.hidden = True
    return events


def _claim(pk: int) -> Claim:
    try:
        return selectors.claim_detail(pk)
    except Claim.DoesNotExist:
        raise Http404("No such claim.") from None


def _claim_context(request: HttpRequest, claim: Claim, **extra) -> dict:
    user = request.user
    editor = is_editor(user)
    reviewer_ok = can_review_claim(user, claim)
    text = claim.revision.text if claim.revision_id else ""
    ctx = {
        "claim": claim,
        "article": claim.article,
        "paragraph_text": text,
        "is_editor": editor,
        "can_review": reviewer_ok,
        "can_comment": can_comment(user, claim),
        "history": _mask_blind_reviews(list(selectors.claim_history(claim, user)), user, claim),
        "reviews": selectors.visible_reviews(claim, user),
        "comments": list(claim.comments.all()),
        "active": claim.status in (ClaimStatus.OPEN, ClaimStatus.ASSIGNED, ClaimStatus.IN_REVIEW),
        "reviewable": claim.status in (ClaimStatus.ASSIGNED, ClaimStatus.IN_REVIEW),
    }
    ctx["verdict_form"] = forms.VerdictForm(initial={"version": claim.version})
    ctx["version_form"] = forms.VersionForm(initial={"version": claim.version})
    ctx["comment_form"] = forms.CommentForm()
    if editor:
        ctx["assign_form"] = forms.AssignForm(
            initial={"reviewer": claim.assignee_id, "due": claim.due, "priority": claim.priority, "version": claim.version}
        )
        ctx["second_form"] = forms.SecondReviewForm(initial={"version": claim.version})
        ctx["reopen_form"] = forms.ReopenForm(initial={"version": claim.version})
        ctx["edit_form"] = forms.ClaimEditForm(
            initial={"text": claim.text, "types": claim.types, "attributed_to": claim.attributed_to,
                     "version": claim.version}
        )
    ctx.update({k: v for k, v in extra.items() if v is not None})
    return ctx


@require_GET
@member_required
def claim_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return render(request, "web/claim_detail.html", _claim_context(request, _claim(pk)))


def _refresh_version(request: HttpRequest, form_class, claim: Claim, exc: DomainError, **kwargs):
    """Keep what the user typed; after a stale refusal the form carries the version they now see."""
    data = request.POST.copy()
    if isinstance(exc, StaleVersion) and "version" in data:
        data["version"] = str(claim.version)
    form = form_class(data, **kwargs)
    errors.attach_to_form(form, exc)
    return form


def _claim_action(
    request: HttpRequest,
    pk: int,
    action: Callable[[Claim, dict], object],
    *,
    message: str,
    form_class=None,
    form_name: str | None = None,
    check: Callable[[Claim], None] | None = None,
) -> HttpResponse:
    """Run one claim service; redirect on success, re-render the page the form came from on refusal."""
    claim = get_object_or_404(Claim.objects.only("pk", "article_id", "assignee_id", "second_reviewer_id"), pk=pk)
    form = form_class(request.POST) if form_class else None
    try:
        if check:
            check(claim)
        if form is not None and not form.is_valid():
            raise forms_error(form)
        action(claim, form.cleaned_data if form is not None else {})
    except DomainError as exc:
        fresh = _claim(pk)
        bound = _refresh_version(request, form_class, fresh, exc) if form_class else None
        extra = {form_name: bound} if form_name else {}
        if request.POST.get("return_to") == "workspace":
            return _workspace_error(request, claim.article_id, exc, failed_claim_id=pk, failed_form=bound)
        return errors.render_error(
            request, exc, page="web/claim_detail.html", context=lambda: _claim_context(request, fresh, **extra)
        )
    messages.success(request, message)
    if request.POST.get("return_to") == "workspace":
        return redirect(f"{reverse('article_detail', args=[claim.article_id])}#claim-{pk}")
    return redirect("claim_detail", pk=pk)


def _version(data: dict) -> int | None:
    return data.get("version")


@require_POST
@member_required
def claim_accept(request: HttpRequest, pk: int) -> HttpResponse:
    return _claim_action(
        request, pk,
        lambda c, d: claim_services.claim_accept(actor=request.user, claim_id=pk, version=_version(d)),
        message="Suggestion accepted.", form_class=forms.VersionForm,
        check=lambda c: require(can_edit_article(request.user), "Only editors can accept suggestions."),
    )


@require_POST
@member_required
def claim_reject(request: HttpRequest, pk: int) -> HttpResponse:
    return _claim_action(
        request, pk,
        lambda c, d: claim_services.claim_reject(actor=request.user, claim_id=pk, version=_version(d)),
        message="Claim rejected.", form_class=forms.VersionForm,
        check=lambda c: require(can_edit_article(request.user), "Only editors can reject claims."),
    )


@require_POST
@member_required
def claim_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _claim_action(
        request, pk,
        lambda c, d: claim_services.claim_edit(
            actor=request.user, claim_id=pk, version=d["version"], text=d["text"], types=d["types"],
            attributed_to=d["attributed_to"],
        ),
        message="Claim wording saved.", form_class=forms.ClaimEditForm, form_name="edit_form",
        check=lambda c: require(can_edit_article(request.user), "Only editors can edit claims."),
    )


@require_POST
@member_required
def claim_split(request: HttpRequest, pk: int) -> HttpResponse:
    def run(c: Claim, d: dict):
        claim = Claim.objects.get(pk=pk)
        marker = d["before"].replace("\r\n", "\n").strip()
        index = claim.quote.find(marker, 1) if marker else -1
        if index <= 0:
            raise claim_services.InvalidInput(
                "Type words from inside the passage where the second part should start.",
                fields={"before": ["Not found inside the passage (after its first character)."]},
            )
        return claim_services.claim_split(actor=request.user, claim_id=pk, at=claim.start + index, version=d["version"])

    return _claim_action(
        request, pk, run, message="Claim split in two.", form_class=forms.SplitForm,
        check=lambda c: require(can_edit_article(request.user), "Only editors can split claims."),
    )


@require_POST
@member_required
def claim_reanchor(request: HttpRequest, pk: int) -> HttpResponse:
    return _claim_action(
        request, pk,
        lambda c, d: claim_services.claim_reanchor_manual(
            actor=request.user, claim_id=pk, start=d["start"], end=d["end"], version=d["version"]
        ),
        message="Claim placed on the current text.", form_class=forms.ReanchorForm,
        check=lambda c: require(can_edit_article(request.user), "Only editors can move claims."),
    )


@require_POST
@member_required
def claim_assign(request: HttpRequest, pk: int) -> HttpResponse:
    return _claim_action(
        request, pk,
        lambda c, d: claim_services.claim_assign(
            actor=request.user, claim_id=pk, reviewer=d["reviewer"], due=d["due"], priority=d["priority"],
            version=d["version"],
        ),
        message="Claim assigned.", form_class=forms.AssignForm, form_name="assign_form",
        check=lambda c: require(is_editor(request.user), "Only editors can assign claims."),
    )


@require_POST
@member_required
def claim_second_review(request: HttpRequest, pk: int) -> HttpResponse:
    return _claim_action(
        request, pk,
        lambda c, d: claim_services.claim_request_second_review(
            actor=request.user, claim_id=pk, reviewer=d["reviewer"], version=d["version"]
        ),
        message="Second review requested.", form_class=forms.SecondReviewForm, form_name="second_form",
        check=lambda c: require(is_editor(request.user), "Only editors can request a second review."),
    )


@require_POST
@member_required
def claim_start(request: HttpRequest, pk: int) -> HttpResponse:
    return _claim_action(
        request, pk,
        lambda c, d: claim_services.claim_start(actor=request.user, claim_id=pk, version=_version(d)),
        message="Review started.", form_class=forms.VersionForm,
        check=lambda c: require(can_review_claim(request.user, c), "Only the assigned reviewer can start this review."),
    )


@require_POST
@member_required
def claim_verdict(request: HttpRequest, pk: int) -> HttpResponse:
    return _claim_action(
        request, pk,
        lambda c, d: claim_services.verdict_record(
            actor=request.user, claim_id=pk, verdict=d["verdict"], rationale=d["rationale"], rating=d["rating"],
            version=d["version"],
        ),
        message="Verdict recorded.", form_class=forms.VerdictForm, form_name="verdict_form",
        check=lambda c: require(
            can_review_claim(request.user, c), "Only the assigned reviewer can record a verdict on this claim."
        ),
    )


@require_POST
@member_required
def claim_reopen(request: HttpRequest, pk: int) -> HttpResponse:
    return _claim_action(
        request, pk,
        lambda c, d: claim_services.claim_reopen(actor=request.user, claim_id=pk, reason=d["reason"], version=d["version"]),
        message="Claim reopened.", form_class=forms.ReopenForm, form_name="reopen_form",
        check=lambda c: require(is_editor(request.user), "Only editors can reopen claims."),
    )


@require_POST
@member_required
def claim_comment(request: HttpRequest, pk: int) -> HttpResponse:
    return _claim_action(
        request, pk,
        lambda c, d: claim_services.comment_add(actor=request.user, claim_id=pk, body=d["body"]),
        message="Comment added.", form_class=forms.CommentForm, form_name="comment_form",
        check=lambda c: require(can_comment(request.user, c), "Only the claim's reviewers and editors can comment."),
    )


# --- workload and notifications ----------------------------------------------------------


@require_GET
@member_required
def workload(request: HttpRequest) -> HttpResponse:
    if not is_editor(request.user):
        return _forbidden(request, NotAllowed("Only editors can see the workload page."))
    return render(request, "web/workload.html", {"people": list(selectors.workload())})


@require_GET
@member_required
def notifications(request: HttpRequest) -> HttpResponse:
    qs = request.user.notifications.select_related("claim")
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    return render(request, "web/notifications.html", {"page": page, "items": list(page.object_list)})


@require_POST
@member_required
def notifications_read(request: HttpRequest) -> HttpResponse:
    ids = None if request.POST.get("all") else _claim_ids_from(request.POST.getlist("ids"))
    count = claim_services.notifications_mark_read(actor=request.user, ids=ids)
    if getattr(request, "htmx", False):
        items = list(request.user.notifications.filter(read_at__isnull=True).select_related("claim")[:10])
        unread = request.user.notifications.filter(read_at__isnull=True).count()
        return render(
            request, "web/_notifications.html", {"notifications": items, "unread_notifications": unread, "oob": True}
        )
    messages.success(request, f"Marked {count} notification(s) read.")
    target = request.POST.get("next") or reverse("notifications")
    return redirect(target if target.startswith("/") and not target.startswith("//") else reverse("notifications"))


def _claim_ids_from(values: list[str]) -> list[int]:
    out = []
    for v in values:
        try:
            out.append(int(v))
        except ValueError:
            continue
    return out


def healthz(request: HttpRequest) -> JsonResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})

