"""All claims across articles: filters, search, sort, pages, and bulk assignment."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET

from factcheck.claims import selectors
from factcheck.claims import services as claim_services
from factcheck.core.errors import DomainError
from factcheck.web import errors, forms
from factcheck.web.views.common import _claim_ids, forms_error, member_required, post_action

PAGE_SIZE = 50


def _page_number(raw: str | None) -> int:
    try:
        return max(1, min(int(raw or 1), 10_000))
    except ValueError:
        return 1


def _context(request: HttpRequest, params, **extra) -> dict:
    form = forms.ClaimListForm(params)
    page = _page_number(params.get("page"))
    claims, has_next = selectors.claims_page(form.query(), page=page, size=PAGE_SIZE)
    query = params.copy()
    query.pop("page", None)
    ctx = {
        "form": form,
        "claims": claims,
        "page_number": page,
        "has_next": has_next,
        "query": query.urlencode(),
        "filtered": any(v for k, v in params.items() if k not in ("page", "sort")),
        "is_editor": request.user.is_editor,
        "here": f"{reverse('claim_list')}?{params.urlencode()}" if params else reverse("claim_list"),
    }
    if request.user.is_editor:
        ctx["bulk_form"] = forms.BulkAssignForm(claim_choices=[c.pk for c in claims])
        ctx["reviewers"] = list(forms.reviewer_choices_qs())
    ctx.update(extra)
    return ctx


@require_GET
@member_required
def claim_list(request: HttpRequest) -> HttpResponse:
    return render(request, "web/claim_list.html", _context(request, request.GET))


@post_action("claim_list")
@member_required
def claim_list_assign(request: HttpRequest) -> HttpResponse:
    """Assign the ticked claims of the list; back to the same filtered page."""
    back = request.POST.get("next") or reverse("claim_list")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}, require_https=False):
        back = reverse("claim_list")
    ids = _claim_ids(request)
    form = forms.BulkAssignForm(request.POST, claim_choices=ids)
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
        params = request.GET.copy()
        if "?" in back:
            from django.http import QueryDict

            params = QueryDict(back.split("?", 1)[1])
        return errors.render_error(
            request, exc, page="web/claim_list.html",
            context=lambda: _context(request, params, bulk_form=form, picked=set(ids), here=back),
        )
    messages.success(request, ngettext("Assigned %(done)s claim to %(display_name)s.",
                                        "Assigned %(done)s claims to %(display_name)s.", len(done)) % {"done": len(done),
        "display_name": data['reviewer'].display_name})
    return redirect(back)
