"""The claim page and every action on one claim (each calls one service)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext
from django.views.decorators.http import require_GET

from factcheck.accounts.permissions import can_edit_article
from factcheck.claims import services as claim_services
from factcheck.claims.models import Claim, Verdict
from factcheck.core.errors import NotAllowed
from factcheck.sources.selectors import sources_blocked, sources_unretrieved
from factcheck.web import forms
from factcheck.web.views.common import (
    _claim,
    _claim_action,
    _claim_context,
    _forbidden,
    _version,
    member_required,
    post_action,
)


@require_GET
@member_required
def claim_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return render(request, "web/claim_detail.html", _claim_context(request, _claim(pk)))


@post_action("claim_detail")
@member_required
def claim_accept(request: HttpRequest, pk: int) -> HttpResponse:
    return _claim_action(
        request, pk,
        lambda c, d: claim_services.claim_accept(actor=request.user, claim_id=pk, version=_version(d)),
        message=gettext("Suggestion accepted."), form_class=forms.VersionForm,
    )


@post_action("claim_detail")
@member_required
def claim_reject(request: HttpRequest, pk: int) -> HttpResponse:
    return _claim_action(
        request, pk,
        lambda c, d: claim_services.claim_reject(actor=request.user, claim_id=pk, version=_version(d),
                                                 reason=d.get("reason") or ""),
        # The workspace's list leaves rejected claims out: say where the claim went and that it can come back.
        message=gettext("Claim rejected. It is listed under the status filter “Rejected”, where it can be restored."),
        form_class=forms.RejectForm, form_name="take_out_form",
    )


@post_action("claim_detail")
@member_required
def claim_restore(request: HttpRequest, pk: int) -> HttpResponse:
    return _claim_action(
        request, pk,
        lambda c, d: claim_services.claim_restore(actor=request.user, claim_id=pk, version=_version(d)),
        message=gettext("Claim restored to the check. Nobody is assigned to review it: choose a reviewer."),
        form_class=forms.VersionForm,
    )


@require_GET
@member_required
def claim_edit_forms(request: HttpRequest, pk: int) -> HttpResponse:
    """The edit and split forms of one claim, fetched by the workspace when its "Edit" opens."""
    if not can_edit_article(request.user):
        return _forbidden(request, NotAllowed(gettext("Only editors can edit claims.")))
    claim = get_object_or_404(Claim.objects.defer("search"), pk=pk)
    return render(request, "web/_claim_edit_forms.html", {"c": claim, "type_choices": forms.TYPE_FILTER_CHOICES})


@post_action("claim_detail")
@member_required
def claim_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _claim_action(
        request, pk,
        lambda c, d: claim_services.claim_edit(
            actor=request.user, claim_id=pk, version=d["version"], text=d["text"], types=d["types"],
            attributed_to=d["attributed_to"], quantities=d["figures"],
        ),
        message=gettext("Claim saved."), form_class=forms.ClaimEditForm, form_name="edit_form",
    )


@post_action("claim_detail")
@member_required
def claim_split(request: HttpRequest, pk: int) -> HttpResponse:
    def run(c: Claim, d: dict):
        return claim_services.claim_split(
            actor=request.user, claim_id=pk, second_starts_with=d["before"], version=d["version"]
        )

    return _claim_action(
        request, pk, run, message=gettext("Claim split in two."), form_class=forms.SplitForm,
    )


@post_action("claim_detail")
@member_required
def claim_reanchor(request: HttpRequest, pk: int) -> HttpResponse:
    return _claim_action(
        request, pk,
        lambda c, d: claim_services.claim_reanchor(
            actor=request.user, claim_id=pk, start=d["start"], end=d["end"], version=d["version"]
        ),
        message=lambda c: gettext("Claim placed on the current text; its quoted words changed, so it needs re-review.")
        if c.needs_rereview else gettext("Claim placed on the current text."), form_class=forms.ReanchorForm,
    )


@post_action("claim_detail")
@member_required
def claim_assign(request: HttpRequest, pk: int) -> HttpResponse:
    return _claim_action(
        request, pk,
        lambda c, d: claim_services.claim_assign(
            actor=request.user, claim_id=pk, reviewer=d["reviewer"], due=d["due"], priority=d["priority"],
            version=d["version"],
        ),
        message=gettext("Claim assigned."), form_class=forms.AssignForm, form_name="assign_form",
    )


@post_action("claim_detail")
@member_required
def claim_request_second_review(request: HttpRequest, pk: int) -> HttpResponse:
    return _claim_action(
        request, pk,
        lambda c, d: claim_services.claim_request_second_review(
            actor=request.user, claim_id=pk, reviewer=d["reviewer"], version=d["version"]
        ),
        message=gettext("Second review requested."), form_class=forms.SecondReviewForm, form_name="second_form",
    )


@post_action("claim_detail")
@member_required
def claim_start(request: HttpRequest, pk: int) -> HttpResponse:
    return _claim_action(
        request, pk,
        lambda c, d: claim_services.claim_start(actor=request.user, claim_id=pk, version=_version(d)),
        message=gettext("Review started."), form_class=forms.VersionForm,
    )


@post_action("claim_detail")
@member_required
def verdict_record(request: HttpRequest, pk: int) -> HttpResponse:
    def recorded(claim: Claim) -> str:
        # A tryout recorded "verified" on two sources the guard had blocked, and nothing said so.
        if claim.verdict in (Verdict.VERIFIED, Verdict.DISPUTED) and sources_unretrieved(claim.pk):
            messages.warning(request, gettext(
                "None of this claim's sources could be retrieved (blocked, failed or still waiting): "
                "the report will mark them “not retrieved”. Attach a copy (a file) if you have one."))
        if claim.verdict in (Verdict.VERIFIED, Verdict.DISPUTED) and sources_blocked(
                claim.evidence.values_list("source_id", flat=True)):
            messages.warning(request, gettext(
                "Sources at addresses that are not public (blocked) are left out of the public report."))
        return gettext("Verdict recorded.")

    return _claim_action(
        request, pk,
        lambda c, d: claim_services.verdict_record(
            actor=request.user, claim_id=pk, verdict=d["verdict"], rationale=d["rationale"], rating=d["rating"],
            version=d["version"],
        ),
        message=recorded, form_class=forms.VerdictForm, form_name="verdict_form",
    )


@post_action("claim_detail")
@member_required
def claim_reopen(request: HttpRequest, pk: int) -> HttpResponse:
    return _claim_action(
        request, pk,
        lambda c, d: claim_services.claim_reopen(actor=request.user, claim_id=pk, reason=d["reason"], version=d["version"]),
        message=_reopened, form_class=forms.ReopenForm, form_name="reopen_form",
    )


@post_action("claim_detail")
@member_required
def claim_confirm_verdict(request: HttpRequest, pk: int) -> HttpResponse:
    return _claim_action(
        request, pk,
        lambda c, d: claim_services.claim_confirm_verdict(actor=request.user, claim_id=pk, note=d["note"],
                                                          version=d["version"]),
        message=gettext("Verdict confirmed for the new words."), form_class=forms.ConfirmVerdictForm,
        form_name="confirm_form",
    )


def _reopened(claim: Claim) -> str:
    """What happened to the reopened claim: open again, waiting for a reviewer (claim_reopen decides)."""
    return gettext("Claim reopened. Nobody is assigned to review it: choose a reviewer.")


@post_action("claim_detail")
@member_required
def claim_comment(request: HttpRequest, pk: int) -> HttpResponse:
    return _claim_action(
        request, pk,
        lambda c, d: claim_services.comment_add(actor=request.user, claim_id=pk, body=d["body"]),
        message=gettext("Comment added."), form_class=forms.CommentForm, form_name="comment_form",
    )




# Old view names (the URL names claim_second_review and claim_verdict still lead here too).
claim_second_review = claim_request_second_review
claim_verdict = verdict_record
