"""Editors' webhook pages: register, edit, switch off, send a test event, read deliveries and answers."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext, gettext_lazy
from django.views.decorators.http import require_POST

from factcheck.accounts.permissions import is_editor
from factcheck.core.errors import DomainError, NotAllowed
from factcheck.web import errors
from factcheck.web.views.common import _forbidden, member_required
from factcheck.webhooks import services
from factcheck.webhooks.models import SUBSCRIBABLE, Webhook


class WebhookForm(forms.Form):
    # Types only; the service checks the URL with the fetcher's guard and the events against the list.
    url = forms.CharField(label=gettext_lazy("URL"), max_length=2000, widget=forms.URLInput(attrs={"autocomplete": "off"}),
                          help_text=gettext_lazy("Where factcheck POSTs each event (public addresses only). "
                          "A Slack incoming-webhook URL works as it is."))
    description = forms.CharField(label=gettext_lazy("Description"), max_length=200, required=False,
        help_text=gettext_lazy("For you: what listens here."))
    events = forms.MultipleChoiceField(label=gettext_lazy("Events"), choices=[(k.value, k.label) for k in SUBSCRIBABLE],
                                       widget=forms.CheckboxSelectMultiple, initial=[k.value for k in SUBSCRIBABLE])
    active = forms.BooleanField(required=False, initial=True, label=gettext_lazy("Active"))
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)


def _editors_only(request: HttpRequest) -> HttpResponse | None:
    if not is_editor(request.user):
        return _forbidden(request, NotAllowed(gettext("Only editors can manage webhooks.")))
    return None


@member_required
def webhook_list(request: HttpRequest) -> HttpResponse:
    if refusal := _editors_only(request):
        return refusal
    form = WebhookForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                hook = services.webhook_create(actor=request.user, url=data["url"], events=data["events"],
                                               description=data["description"], active=data["active"])
            except DomainError as exc:
                errors.attach_to_form(form, exc)
                status = errors.status_for(exc)
            else:
                messages.success(request, gettext("Webhook registered. Its secret signs every event."))
                return redirect("webhook_detail", pk=hook.pk)
        else:
            status = 400
    hooks = list(Webhook.objects.select_related("created_by").order_by("-created_at", "-id"))
    return render(request, "web/webhooks.html", {"form": form, "hooks": hooks}, status=status)


@member_required
def webhook_detail(request: HttpRequest, pk: int) -> HttpResponse:
    if refusal := _editors_only(request):
        return refusal
    hook = get_object_or_404(Webhook, pk=pk)
    initial = {"url": hook.url, "description": hook.description, "events": hook.events, "active": hook.active,
               "version": hook.version}
    form = WebhookForm(request.POST or None, initial=initial, prefix="edit")
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.webhook_update(actor=request.user, webhook_id=hook.pk, version=data["version"] or 0,
                                        url=data["url"], events=data["events"], description=data["description"],
                                        active=data["active"])
            except DomainError as exc:
                errors.attach_to_form(form, exc)
                status = errors.status_for(exc)
            else:
                messages.success(request, gettext("Webhook saved."))
                return redirect("webhook_detail", pk=hook.pk)
        else:
            status = 400
    ctx = {"hook": hook, "form": form, "deliveries": services.webhook_deliveries(hook),
           "signature_header": services.SIGNATURE_HEADER}
    return render(request, "web/webhook_detail.html", ctx, status=status)


@require_POST
@member_required
def webhook_ping(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        services.webhook_ping(actor=request.user, webhook_id=pk)
    except DomainError as exc:
        return _forbidden(request, exc)
    messages.success(request, gettext("Test event queued; its delivery is listed below."))
    return redirect("webhook_detail", pk=pk)


@require_POST
@member_required
def webhook_delete(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        services.webhook_delete(actor=request.user, webhook_id=pk)
    except DomainError as exc:
        return _forbidden(request, exc)
    messages.success(request, gettext("Webhook deleted."))
    return redirect("webhook_list")
