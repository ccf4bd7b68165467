"""Browser endpoints for sources, evidence and lookups (thin: parse, call a service, render).

Forms post normally and redirect back to the claim page; with htmx they swap the
sources panel in place (``#claim-sources``), which also carries the notice or the
error. Domain errors keep the status the API gives them.
"""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from factcheck.accounts.permissions import can_review_claim, is_editor
from factcheck.articles import services as article_services
from factcheck.articles.models import Article
from factcheck.claims import services as claim_services
from factcheck.claims.models import Claim
from factcheck.core.errors import DomainError, InvalidInput
from factcheck.sources import selectors, services
from factcheck.sources.models import Evidence, Lookup, LookupKind, LookupStatus
from factcheck.web import errors, forms
from factcheck.web.views.common import _claim_context, member_required, post_action

PANEL = "sources/_claim_sources.html"


def _claim(pk: int) -> Claim:
    claim = Claim.objects.select_related("article", "assignee", "second_reviewer").filter(pk=pk).first()
    if claim is None:
        raise Http404("No such claim.")
    return claim


def _panel(request: HttpRequest, claim_id: int, *, notice: str = "", error: DomainError | None = None,
           attach: dict | None = None) -> HttpResponse:
    """The sources panel for htmx, or back to the claim page (post/redirect/get) for a plain form.

    ``attach`` is a refused attach form's input: both surfaces show it again in the form, with the
    service's field messages beside the fields, so nothing typed is lost.
    """
    claim = _claim(claim_id)
    refused = {"sources_error": error.message, "sources_error_code": error.code, "attach": attach} if error else {}
    if getattr(request, "htmx", False):
        ctx = {"claim": claim, "user": request.user, "sources_notice": notice, **refused}
        return render(request, PANEL, ctx, status=errors.status_for(error) if error else 200)
    if error is not None and attach is not None:
        # A plain form: the claim page again, the error at the top and in the form.
        ctx = {**_claim_context(request, claim), **refused, "error": error.message, "error_code": error.code}
        return render(request, "web/claim_detail.html", ctx, status=errors.status_for(error))
    if error is not None:
        return render(request, "web/error.html", {"error": error.message}, status=errors.status_for(error))
    if notice:
        messages.success(request, notice)
    return redirect(reverse("claim_detail", args=[claim.pk]) + "#claim-sources")


def _lookup_notice(lookup: Lookup | None, done: str) -> str:
    if lookup is not None and lookup.status == LookupStatus.QUEUED and lookup.error:
        return f"{done} {services.BROKER_DOWN}"
    return done


@require_GET
@member_required
def claim_sources(request: HttpRequest, pk: int) -> HttpResponse:
    """The panel alone: what htmx polls while lookups run."""
    return render(request, PANEL, {"claim": _claim(pk), "user": request.user})


@post_action("claim_detail")
@member_required
def source_attach(request: HttpRequest, pk: int) -> HttpResponse:
    upload = request.FILES.get("file")
    url = (request.POST.get("url") or "").strip()
    note, stance = request.POST.get("note", ""), request.POST.get("stance") or "context"
    source_id = request.POST.get("source") or None  # a source of another claim of the article, attached again
    try:
        evidence = services.source_attach(
            actor=request.user, claim_id=pk, url=url or None, upload=upload, source_id=source_id, note=note,
            stance=stance,
        )
    except DomainError as exc:
        # A browser cannot be given a file back: the form names the refused one and asks for it again.
        attach = {"url": url, "note": note, "stance": stance, "errors": exc.fields,
                  "filename": getattr(upload, "name", "") if upload is not None else ""}
        return _panel(request, pk, error=exc, attach=attach)
    if upload is not None or (source_id and evidence.source.latest_snapshot is not None):
        return _panel(request, pk, notice=gettext("Attached %(filename)s; its text is ready to read.")
                      % {"filename": evidence.source.title or evidence.source.filename or evidence.source.url})
    fetch = Lookup.objects.filter(kind=LookupKind.FETCH, source=evidence.source).order_by("-id").first()
    return _panel(request, pk, notice=_lookup_notice(fetch, gettext("Source attached; fetching it now.")))


@require_POST
@member_required
def evidence_detach(request: HttpRequest, pk: int) -> HttpResponse:
    evidence = get_object_or_404(Evidence, pk=pk)
    try:
        services.evidence_detach(actor=request.user, evidence_id=pk)
    except DomainError as exc:
        return _panel(request, evidence.claim_id, error=exc)
    return _panel(request, evidence.claim_id, notice=gettext("Source removed from this claim."))


@require_POST
@member_required
def evidence_pin(request: HttpRequest, pk: int) -> HttpResponse:
    evidence = get_object_or_404(Evidence, pk=pk)
    try:
        snapshot = int(request.POST["snapshot"]) if request.POST.get("snapshot") else None
        services.evidence_pin_passage(actor=request.user, evidence_id=pk, start=request.POST.get("start"),
                                      end=request.POST.get("end"), snapshot_id=snapshot)
    except ValueError:
        return _panel(request, evidence.claim_id, error=InvalidInput(gettext("Unknown snapshot.")))
    except DomainError as exc:
        return _panel(request, evidence.claim_id, error=exc)
    return _panel(request, evidence.claim_id, notice=gettext("Passage pinned as the evidence for this claim."))


@require_POST
@member_required
def lookup_retry(request: HttpRequest, pk: int) -> HttpResponse:
    lookup = get_object_or_404(Lookup, pk=pk)
    claim_id = request.POST.get("claim") or lookup.claim_id
    try:
        claim_id = int(claim_id) if claim_id else None
        new = services.lookup_request(actor=request.user, kind=lookup.kind, claim_id=claim_id,
                                      source_id=lookup.source_id)
    except ValueError:
        raise Http404("No such claim.") from None
    except DomainError as exc:
        if claim_id is None:
            return render(request, "web/error.html", {"error": exc.message}, status=errors.status_for(exc))
        return _panel(request, claim_id, error=exc)
    return _panel(request, claim_id, notice=_lookup_notice(new, gettext("Running the lookup again.")))


@post_action("claim_detail")
@member_required
def claim_lookup_run(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    try:
        new = services.lookup_request(actor=request.user, kind=kind, claim_id=pk)
    except DomainError as exc:
        return _panel(request, pk, error=exc)
    return _panel(request, pk, notice=_lookup_notice(new, gettext("Search started.")))


@post_action("claim_detail")
@member_required
def claim_link(request: HttpRequest, pk: int) -> HttpResponse:
    """Link the claim to an earlier check found by the similar-claims lookup."""
    try:
        earlier = int(request.POST.get("earlier", ""))
    except ValueError:
        return _panel(request, pk, error=InvalidInput(gettext("Choose an earlier claim.")))
    relation = request.POST.get("relation", "same")
    try:
        version = int(request.POST.get("version", ""))
    except ValueError:
        return _panel(request, pk, error=InvalidInput(gettext("The form lost the claim's version; reload the page.")))
    try:
        claim_services.claim_link(actor=request.user, claim_id=pk, earlier_id=earlier, relation=relation, version=version)
    except DomainError as exc:
        return _panel(request, pk, error=exc)
    if relation == "same":
        notice = gettext("Marked as the same claim as claim %(earlier)s.") % {"earlier": earlier}
    else:
        notice = gettext("Marked as related to (figure differs) claim %(earlier)s.") % {"earlier": earlier}
    return _panel(request, pk, notice=notice)


@require_GET
@member_required
def evidence_snapshot(request: HttpRequest, pk: int) -> HttpResponse:
    """The snapshot text of an attached source, with figure-check passages marked, for pinning."""
    evidence = get_object_or_404(Evidence.objects.select_related("source", "claim__article"), pk=pk)
    try:
        wanted = int(request.GET["snapshot"]) if request.GET.get("snapshot") else None
    except ValueError:
        raise Http404("No such snapshot.") from None
    snapshot, versions = selectors.snapshot_for(evidence, wanted)
    spans = []
    if snapshot is not None:
        for p in selectors.figure_passages(evidence, snapshot):
            css = "passage passage-" + ("match" if p.get("verdict") == "matches" else "differs")
            spans.append((p["start"], p["end"], css, gettext("Figure check: %(figure)s") % {"figure": p.get("figure", "")}))
        if evidence.snapshot_id == snapshot.pk and evidence.passage_end:
            spans.append((evidence.passage_start, evidence.passage_end, "passage passage-pinned", gettext("Pinned passage")))
    ctx = {
        "evidence": evidence, "claim": evidence.claim, "snapshot": snapshot, "versions": versions, "spans": spans,
        "can_pin": can_review_claim(request.user, evidence.claim) and evidence.claim.can_attach_source,
    }
    return render(request, "sources/snapshot.html", ctx)


@require_GET
@member_required
def evidence_file(request: HttpRequest, pk: int) -> HttpResponse:
    """The uploaded file as it was uploaded, read from STORAGES["default"] (so any web process on any host serves it)."""
    source = get_object_or_404(Evidence.objects.select_related("source"), pk=pk).source
    if not source.file:
        return render(request, "web/error.html", {"error": "This source is a web page, not an uploaded file."},
                      status=404)
    try:
        handle = source.file.open("rb")
    except FileNotFoundError:
        # Another host's local folder, most likely: MEDIA_ROOT must be shared, or STORAGE_BACKEND=s3 (README).
        return render(request, "web/error.html", {"error": "The uploaded file is missing from the file storage; "
                      "its text is still in the snapshot."}, status=404)
    # An attachment, never rendered here: an uploaded HTML file must not run as one of our pages.
    return FileResponse(handle, as_attachment=True, filename=source.filename or source.file.name.rsplit("/", 1)[-1])


@require_GET
@member_required
def article_lookups(request: HttpRequest, pk: int) -> HttpResponse:
    return render(request, "sources/_article_lookups.html", {"article": get_object_or_404(Article, pk=pk)})


# --- article import ---------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@member_required
def article_import(request: HttpRequest) -> HttpResponse:
    if not is_editor(request.user):
        return render(request, "web/error.html", {"error": gettext("Only editors can import articles.")}, status=403)
    error = ""
    status = 200
    if request.method == "POST":
        try:
            lookup = services.article_import_request(actor=request.user, url=request.POST.get("url", ""))
        except DomainError as exc:
            error, status = exc.message, errors.status_for(exc)
        else:
            if lookup.error:
                messages.info(request, services.BROKER_DOWN)
            return redirect("article_import_confirm", pk=lookup.pk)
    return render(request, "sources/article_import.html",
                  {"error": error, "url": request.POST.get("url", "")}, status=status)


def _published(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


@require_http_methods(["GET", "POST"])
@member_required
def article_import_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    """Wait for the import lookup, then let the editor correct the draft and create the article."""
    lookup = get_object_or_404(Lookup, pk=pk, kind=LookupKind.IMPORT)
    if lookup.requested_by_id != request.user.pk and not is_editor(request.user):
        return render(request, "web/error.html", {"error": gettext("Only editors can import articles.")}, status=403)
    draft = lookup.result if lookup.status == LookupStatus.DONE else {}
    initial = {"title": draft.get("title", ""), "text": draft.get("text", ""), "outlet": draft.get("outlet", ""),
               "author": draft.get("author", ""), "url": draft.get("url", lookup.url),
               # ISO text, not a date: a date input only understands YYYY-MM-DD, whatever the locale.
               "published_at": d.isoformat() if (d := _published(draft.get("published", ""))) else ""}
    form = forms.ArticleForm(request.POST or None, initial=initial)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                article = article_services.article_create(actor=request.user, **form.cleaned_data)
            except DomainError as exc:
                errors.attach_to_form(form, exc)
                status = errors.status_for(exc)
            else:
                messages.success(request, gettext("Article imported. Suggest claims or select passages to mark them."))
                return redirect(article)
        else:
            status = 400
    template = "sources/_import_status.html" if getattr(request, "htmx", False) else "sources/article_import_confirm.html"
    return render(request, template, {"lookup": lookup, "form": form}, status=status)


