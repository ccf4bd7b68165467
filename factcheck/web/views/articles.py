"""Article pages and the workspace's actions on several claims (create, merge, accept or reject all, bulk assign)."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext, ngettext
from django.views.decorators.http import require_GET

from factcheck.accounts.permissions import (
    can_edit_article,
)
from factcheck.articles import services as article_services
from factcheck.articles.html_text import looks_like_html
from factcheck.articles.models import Article
from factcheck.claims import selectors
from factcheck.claims import services as claim_services
from factcheck.claims.models import Claim
from factcheck.core.errors import AlreadyDone, DomainError, NotAllowed, StaleVersion
from factcheck.core.text import join_list, shorten
from factcheck.web import errors, forms, history
from factcheck.web.views.common import (
    ARTICLE_PAGE,
    _article,
    _article_action,
    _claim_ids,
    _forbidden,
    _progress_context,
    _render_workspace,
    _workspace_error,
    forms_error,
    keep_on_back,
    member_required,
    post_action,
)

# --- articles --------------------------------------------------------------------------------


@require_GET
@member_required
def article_list(request: HttpRequest) -> HttpResponse:
    base = selectors.articles_with_progress().order_by("-created_at", "-id")
    filterset = forms.ArticleFilter(request.GET or None, queryset=base)
    qs = filterset.qs if filterset.is_bound else base
    # The page's ids first (from the (-created_at, -id) index alone), then their rows: an OFFSET
    # over the joined rows made PostgreSQL sort the whole archive for a deep page.
    page = Paginator(qs.values_list("pk", flat=True), ARTICLE_PAGE).get_page(request.GET.get("page"))
    articles = list(base.filter(pk__in=page.object_list))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "web/article_list.html",
        {"filter": filterset, "page": page, "articles": articles, "query": query.urlencode(),
         "can_create": can_edit_article(request.user)},
    )


@member_required
@keep_on_back
def article_new(request: HttpRequest) -> HttpResponse:
    try:
        article_services.may_create_article(request.user)
    except DomainError as exc:
        return _forbidden(request, exc)
    form = forms.ArticleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            article = article_services.article_create(actor=request.user, **form.cleaned_data)
        except AlreadyDone as exc:
            # Sent again (a double click without JavaScript, or Back and Save): no second copy, and the
            # browser lands where the first send would have taken it, told why.
            messages.warning(request, exc.message)
            return redirect(exc.existing)
        except DomainError as exc:
            errors.attach_to_form(form, exc)
            return errors.render_error(request, exc, page="web/article_new.html", context={"form": form})
        messages.success(request, gettext("Article saved. Suggest claims or select passages to mark them."))
        _tell_if_converted(request, form.cleaned_data["text"])
        return redirect(article)
    status = 400 if request.method == "POST" else 200
    return render(request, "web/article_new.html", {"form": form}, status=status)


def _tell_if_converted(request: HttpRequest, text: str) -> None:
    if looks_like_html(text):
        messages.info(request, gettext("The pasted text was HTML: it was saved as the plain text a reader sees "
                                       "(tags, scripts and styles removed, paragraphs kept). Check it before marking claims."))


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
    events = history.with_wording_then(history.with_people(list(selectors.article_history(article, request.user))))
    revisions = list(article.revisions.select_related("created_by").order_by("number"))
    changes = list(article.events.select_related("actor").order_by("at", "id"))
    return render(request, "web/article_history.html",
                  {"article": article, "events": events, "revisions": revisions, "changes": changes})


@member_required
def article_edit(request: HttpRequest, pk: int) -> HttpResponse:
    article = _article(pk)
    try:
        article_services.may_revise_article(request.user)
    except DomainError as exc:
        return _forbidden(request, exc)
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
        messages.info(request, gettext("The text is unchanged; no new revision was saved."))
    else:
        messages.success(
            request,
            gettext("Saved revision %(number)s: %(changes)s.") % {"number": outcome.revision.number, "changes": join_list([
                ngettext("%(n)s claim moved", "%(n)s claims moved", len(outcome.moved)) % {"n": len(outcome.moved)},
                ngettext("%(n)s orphaned", "%(n)s orphaned", len(outcome.orphaned)) % {"n": len(outcome.orphaned)},
                ngettext("%(n)s needs re-review", "%(n)s need re-review", len(outcome.rereview))
                % {"n": len(outcome.rereview)},
            ])},
        )
    _tell_if_converted(request, form.cleaned_data["text"])
    return redirect(article)


@member_required
def article_details(request: HttpRequest, pk: int) -> HttpResponse:
    """Edit an article's title, outlet, author, date and URL (versioned; each change audited)."""
    article = _article(pk)
    if not can_edit_article(request.user):
        return _forbidden(request, NotAllowed(gettext("Only editors can edit articles.")))
    if request.method != "POST":
        form = forms.ArticleDetailsForm(initial={
            "title": article.title, "outlet": article.outlet, "author": article.author,
            "published_at": article.published_at, "url": article.url, "language": article.language,
            "version": article.version,
        })
        return render(request, "web/article_details.html", {"article": article, "form": form})
    form = forms.ArticleDetailsForm(request.POST)
    try:
        if not form.is_valid():
            raise forms_error(form)
        data = dict(form.cleaned_data)
        version = data.pop("version")
        if not data.get("language"):
            data.pop("language", None)
        article_services.article_update_details(actor=request.user, article_id=pk, version=version, **data)
    except DomainError as exc:
        errors.attach_to_form(form, exc)
        if isinstance(exc, StaleVersion):
            # Keep what they typed; the form now carries the version they see beside it.
            data = request.POST.copy()
            data["version"] = str(_article(pk).version)
            form = forms.ArticleDetailsForm(data)
            errors.attach_to_form(form, exc)
        return errors.render_error(request, exc, page="web/article_details.html",
                                   context={"article": _article(pk), "form": form})
    messages.success(request, gettext("Article details saved."))
    return redirect(article)


@post_action("article_detail")
@member_required
def article_suggest(request: HttpRequest, pk: int) -> HttpResponse:
    return _article_action(
        request, pk, lambda: claim_services.claims_suggest(actor=request.user, article_id=pk),
        lambda stored: ngettext("%(n)s new suggestion.", "%(n)s new suggestions.", stored.created)
        % {"n": stored.created},
    )


@post_action("article_detail")
@member_required
def article_accept_all(request: HttpRequest, pk: int) -> HttpResponse:
    return _article_action(
        request, pk, lambda: claim_services.claims_accept_all(actor=request.user, article_id=pk),
        lambda n: ngettext("Accepted %(n)s suggestion.", "Accepted %(n)s suggestions.", n) % {"n": n},
    )


@post_action("article_detail")
@member_required
def article_reject_all(request: HttpRequest, pk: int) -> HttpResponse:
    return _article_action(
        request, pk, lambda: claim_services.claims_reject_all(actor=request.user, article_id=pk),
        lambda n: ngettext("Rejected %(n)s suggestion.", "Rejected %(n)s suggestions.", n) % {"n": n},
    )


@post_action("article_detail")
@member_required
def claim_create(request: HttpRequest, pk: int) -> HttpResponse:
    article = _article(pk)
    form = forms.ClaimCreateForm(request.POST)
    try:
        if not form.is_valid():
            raise forms_error(form)
        data = form.cleaned_data
        claim = claim_services.claim_create(
            actor=request.user, article_id=article.pk, start=data["start"], end=data["end"], quote=data["quote"],
            text=data["text"] or None,
        )
    except AlreadyDone as exc:
        # The passage is in the check already: show that claim rather than a second copy.
        messages.warning(request, exc.message)
        return redirect(f"{reverse('article_detail', args=[pk])}#claim-{exc.existing.pk}")
    except DomainError as exc:
        errors.attach_to_form(form, exc)
        return _workspace_error(request, pk, exc, create_form=form)
    if getattr(claim, "was_suggested", False):
        messages.success(request, gettext("That passage was already suggested: the suggestion is accepted as claim "
                                          "“%(text)s”.") % {"text": shorten(claim.text, 80)})
    else:
        messages.success(request, gettext("Claim created: “%(text)s”.") % {"text": shorten(claim.text, 80)})
    return redirect(f"{reverse('article_detail', args=[pk])}#claim-{claim.pk}")


@post_action("article_detail")
@member_required
def claims_merge(request: HttpRequest, pk: int) -> HttpResponse:
    def run():
        return claim_services.claims_merge(
            actor=request.user, claim_ids=_claim_ids(request), text=request.POST.get("text") or None, article_id=pk
        )

    return _article_action(request, pk, run, lambda c: gettext("Merged into claim “%(text)s”.") % {"text": shorten(c.text, 80)})


@post_action("article_detail")
@member_required
def claims_assign_bulk(request: HttpRequest, pk: int) -> HttpResponse:
    form = forms.BulkAssignForm(request.POST, claim_choices=list(
        Claim.objects.filter(article_id=pk).values_list("pk", flat=True)
    ))
    try:
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
    messages.success(request, ngettext("Assigned %(done)s claim to %(display_name)s.",
                                        "Assigned %(done)s claims to %(display_name)s.", len(done)) % {"done": len(done),
        "display_name": data['reviewer'].display_name})
    return redirect("article_detail", pk=pk)


