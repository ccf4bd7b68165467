"""Shared helpers of the browser views: membership, refusals, the workspace and claim page contexts, the action wrapper."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext

from factcheck.accounts.models import User
from factcheck.accounts.permissions import (
    can_comment,
    can_edit_article,
    can_review_claim,
    is_editor,
    is_member,
)
from factcheck.articles.models import Article
from factcheck.claims import selectors
from factcheck.claims.models import Claim, ClaimStatus, EventKind, Verdict
from factcheck.claims.services.placement import best_placement
from factcheck.claims.services.review import confirm_refusal
from factcheck.core.errors import DomainError, InvalidInput, StaleVersion
from factcheck.publishing.selectors import article_readiness
from factcheck.web import errors, forms, history

ARTICLE_PAGE = 50
# How often an open workspace asks for its progress and claim statuses: verdicts come in
# from reviewers elsewhere, and a few seconds late is soon enough for an editor's overview.
PROGRESS_POLL_SECONDS = 5



def post_action(back: str) -> Callable[[Callable], Callable]:
    """POST only; a GET of the action's address goes back to the page the action belongs to.

    After a refused POST the browser's address bar shows the action URL (say
    /claims/7/verdict/); reloading it or coming back to it must land on the claim,
    not on a blank 405 page.
    """

    def decorate(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if request.method in ("GET", "HEAD"):
                return redirect(back, **({"pk": kwargs["pk"]} if "pk" in kwargs else {}))
            if request.method != "POST":
                return HttpResponseNotAllowed(["POST"])
            return view(request, *args, **kwargs)

        return wrapped

    return decorate


def member_required(view: Callable) -> Callable:
    """Logged in (else the login page) and an active newsroom member (else 403)."""

    @login_required
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not is_member(request.user):
            return render(request, "web/error.html", {"error": gettext("Your account has no newsroom role.")}, status=403)
        response = view(request, *args, **kwargs)
        # A desk page is the state of the moment: Back reads it again rather than showing a copy that
        # still says "Resolved" after a reopen. Not for a page answering a POST (its copy is what
        # Back can show; app.js then reads its address again), nor for a form that must come back as
        # it was (keep_on_back: New article, whose one-time token refuses a second send).
        if request.method == "GET" and not getattr(view, "keep_on_back", False):
            add_never_cache_headers(response)
        return response

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


def keep_on_back(view: Callable) -> Callable:
    """Mark a form page that Back must bring back as it was (see member_required); put it under member_required."""
    view.keep_on_back = True
    return view


def _forbidden(request: HttpRequest, exc: DomainError) -> HttpResponse:
    return render(request, "web/error.html", {"error": exc.message}, status=errors.status_for(exc))


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
    claims = selectors.workspace_claims(article)
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
        # Orphans stay in the list, first and marked, with their own actions (place again, reject): an
        # orphan listed only under a filter or below the list went unnoticed while it blocked the report.
        "panel": [c for c in panel if not c.orphaned],
        "panel_orphans": [c for c in panel if c.orphaned],
        "panel_count": len(panel),
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
        # A refused bulk form keeps its ticks, so confirming (a past due date) is one click.
        "picked": set(_claim_ids(request)) if request.method == "POST" else set(),
        # Publishing's readiness panel reads the claims already loaded here (no query per claim).
        "readiness": article_readiness(article, claims),
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
        # Suggestions are not counted, but "0 of 0 claims resolved" beside twenty of them read as an empty check.
        "progress_suggested": sum(1 for c in claims if c.status == ClaimStatus.SUGGESTED),
        "claim_states": claims,
        # Each badge's label once (the states carry only status and verdict).
        "badge_choices": [*ClaimStatus.choices, *Verdict.choices],
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


def _article_action(request: HttpRequest, pk: int, action: Callable[[], object], message: str | Callable) -> HttpResponse:
    try:
        result = action()
    except DomainError as exc:
        return _workspace_error(request, pk, exc)
    messages.success(request, message(result) if callable(message) else message)
    return redirect("article_detail", pk=pk)


def forms_error(form) -> DomainError:
    """A form that did not parse is the same refusal as bad input to the service."""
    fields = {name: [str(e) for e in errs] for name, errs in form.errors.items()}
    first = next(iter(fields.values()), [gettext("Check the form.")])[0]
    return InvalidInput(first, fields=fields)


def _claim_ids(request: HttpRequest) -> list[int]:
    ids = []
    for raw in request.POST.getlist("claim_ids"):
        try:
            ids.append(int(raw))
        except ValueError:
            continue
    return ids


# --- claims ----------------------------------------------------------------------------------


def _claim(pk: int) -> Claim:
    try:
        return selectors.claim_detail(pk)
    except Claim.DoesNotExist:
        raise Http404("No such claim.") from None


def _reviewer_before_reopen(claim: Claim) -> int | None:
    """A reopened claim is unassigned: its form offers the reviewer who had it (one click to give it back)."""
    if claim.status != ClaimStatus.OPEN:
        return None
    event = claim.events.filter(kind=EventKind.REOPENED).order_by("-id").values_list("data", flat=True).first()
    name = (event or {}).get("previous_assignee")
    return User.objects.filter(username=name, is_active=True).values_list("pk", flat=True).first() if name else None


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
        "history": history.with_people(selectors.claim_history(claim, user)),
        "reviews": selectors.visible_reviews(claim, user),
        "comments": list(claim.comments.all()),
    }
    ctx["verdict_form"] = forms.VerdictForm(initial={"version": claim.version})
    ctx["version_form"] = forms.VersionForm(initial={"version": claim.version})
    ctx["comment_form"] = forms.CommentForm()
    if reviewer_ok and claim.can_confirm_verdict:
        ctx["confirm_refused"] = confirm_refusal(claim)
        if not ctx["confirm_refused"]:
            ctx["confirm_form"] = forms.ConfirmVerdictForm(initial={"version": claim.version})
    if editor:
        ctx["assign_form"] = forms.AssignForm(
            initial={"reviewer": claim.assignee_id or _reviewer_before_reopen(claim), "due": claim.due,
                     "priority": claim.priority, "version": claim.version}
        )
        ctx["second_form"] = forms.SecondReviewForm(initial={"version": claim.version})
        ctx["reopen_form"] = forms.ReopenForm(initial={"version": claim.version})
        ctx["take_out_form"] = forms.RejectForm(initial={"version": claim.version})
        if claim.orphaned and claim.status != ClaimStatus.REJECTED:
            # What the readiness panel promises: place it again (the likeliest passage offered, or a
            # selection in the current text) or reject it.
            current = claim.article.current_revision
            ctx["current_text"] = current.text if current else ""
            ctx["placement"] = best_placement(claim)
            ctx["no_claims"] = []
            ctx["place_again"] = True
        ctx["type_choices"] = forms.TYPE_FILTER_CHOICES
        ctx["edit_form"] = forms.ClaimEditForm(
            initial={"text": claim.text, "types": claim.types, "attributed_to": claim.attributed_to,
                     "version": claim.version}
        )
    ctx.update({k: v for k, v in extra.items() if v is not None})
    return ctx


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
    message: str | Callable[[object], str],
    form_class=None,
    form_name: str | None = None,
) -> HttpResponse:
    """Run one claim service; redirect on success, re-render the page the form came from on refusal."""
    claim = get_object_or_404(Claim.objects.only("pk", "article_id", "assignee_id", "second_reviewer_id"), pk=pk)
    form = form_class(request.POST) if form_class else None
    try:
        # Who may do it is the service's call (it ``require``s the rule); the view only parses.
        if form is not None and not form.is_valid():
            raise forms_error(form)
        result = action(claim, form.cleaned_data if form is not None else {})
    except DomainError as exc:
        fresh = _claim(pk)
        bound = _refresh_version(request, form_class, fresh, exc) if form_class else None
        extra = {form_name: bound} if form_name else {}
        # A refused edit keeps the user's typing in the form (failed_edit), beside the current version.
        edit = {"failed_edit": bound, "failed_edit_id": pk} if form_class is forms.ClaimEditForm else {}
        extra.update(edit)
        if request.POST.get("return_to") == "workspace":
            return _workspace_error(request, claim.article_id, exc, failed_claim_id=pk, failed_form=bound, **edit)
        return errors.render_error(
            request, exc, page="web/claim_detail.html", context=lambda: _claim_context(request, fresh, **extra)
        )
    messages.success(request, message(result) if callable(message) else message)
    if request.POST.get("return_to") == "workspace":
        return redirect(f"{reverse('article_detail', args=[claim.article_id])}#claim-{pk}")
    return redirect("claim_detail", pk=pk)


def _version(data: dict) -> int | None:
    return data.get("version")


def _claim_ids_from(values: list[str]) -> list[int]:
    out = []
    for v in values:
        try:
            out.append(int(v))
        except ValueError:
            continue
    return out


