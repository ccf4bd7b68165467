"""Members' own account page (profile: API tokens) and the editors' member list (revoke tokens, deactivate).

The profile page is meant to grow (notification preferences, password change):
add sections to templates/web/profile.html and their actions here.
"""

from __future__ import annotations

from django import forms as django_forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth.forms import PasswordChangeForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from factcheck.accounts import preferences
from factcheck.accounts import services as account_services
from factcheck.accounts.models import User
from factcheck.accounts.permissions import can_deactivate_member, is_editor
from factcheck.core.errors import DomainError, NotAllowed
from factcheck.web.views.common import _forbidden, member_required, post_action


def _token_rows(tokens) -> list[dict]:
    # Never the whole key on a page: its last four characters are enough to tell tokens apart.
    return [{"created": t.created, "hint": f"…{t.key[-4:]}"} for t in tokens]


class PreferencesForm(django_forms.Form):
    email_notifications = django_forms.BooleanField(label=gettext_lazy("Email me my notifications"), required=False)
    daily_digest = django_forms.BooleanField(
        label=gettext_lazy("One email a day (a digest) instead of one per notification"), required=False
    )


class LanguageForm(django_forms.Form):
    language = django_forms.ChoiceField(
        label=gettext_lazy("Interface language"), required=False,
        choices=[("", gettext_lazy("Same as my browser")), *settings.LANGUAGES],
        # Each language is named in itself (العربية, עברית), so whoever cannot read the page still finds theirs.
        widget=django_forms.Select(attrs={"translate": "no"}),
    )


def _profile(request: HttpRequest, *, status: int = 200, **forms) -> HttpResponse:
    user = request.user
    ctx = {
        "tokens": _token_rows(account_services.member_tokens(user)),
        "preferences_form": forms.get("preferences_form") or PreferencesForm(
            initial={"email_notifications": user.email_notifications, "daily_digest": user.daily_digest}
        ),
        "password_form": forms.get("password_form") or PasswordChangeForm(user),
        "language_form": forms.get("language_form") or LanguageForm(initial={"language": user.language}),
    }
    return render(request, "web/profile.html", ctx, status=status)


@require_GET
@member_required
def profile(request: HttpRequest) -> HttpResponse:
    return _profile(request)


@post_action("profile")
@member_required
def profile_preferences(request: HttpRequest) -> HttpResponse:
    form = PreferencesForm(request.POST)
    form.is_valid()  # two check boxes: always valid
    preferences.member_preferences_set(actor=request.user, **form.cleaned_data)
    messages.success(request, _("Notification preferences saved."))
    return redirect("profile")


@post_action("profile")
@member_required
def profile_language(request: HttpRequest) -> HttpResponse:
    form = LanguageForm(request.POST)
    if not form.is_valid():
        return _profile(request, status=400, language_form=form)
    member = preferences.member_language_set(actor=request.user, language=form.cleaned_data["language"])
    # The confirmation is already in the new language: the next page is rendered in it.
    translation.activate(member.language or translation.get_language_from_request(request))
    messages.success(request, _("Language saved."))
    return redirect("profile")


@post_action("profile")
@member_required
def profile_password(request: HttpRequest) -> HttpResponse:
    form = PasswordChangeForm(request.user, request.POST)
    if not form.is_valid():
        return _profile(request, status=400, password_form=form)
    # The service also revokes the member's API tokens (whoever knew the old password may hold one).
    revoked = account_services.member_password_set(actor=request.user, member=request.user,
                                                   password=form.cleaned_data["new_password1"])
    # Stay logged in on this browser; other sessions of the member end with the old password.
    request.user.refresh_from_db(fields=["password"])
    update_session_auth_hash(request, request.user)
    messages.success(request, _("Password changed. Your API token was revoked.") if revoked else _("Password changed."))
    return redirect("profile")


@require_POST
@member_required
def profile_tokens_revoke(request: HttpRequest) -> HttpResponse:
    count = account_services.member_tokens_revoke(actor=request.user, member=request.user)
    messages.success(request, _("API token revoked: scripts using it must log in again.") if count else
                     _("You had no API token to revoke."))
    return redirect("profile")


@require_GET
@member_required
def members(request: HttpRequest) -> HttpResponse:
    if not is_editor(request.user):
        return _forbidden(request, NotAllowed(_("Only editors can manage members.")))
    people = list(User.objects.order_by("-is_active", "username").prefetch_related("auth_token"))
    rows = []
    for person in people:
        token = getattr(person, "auth_token", None)
        rows.append({"member": person, "has_token": token is not None,
                     "can_deactivate": person.is_active and can_deactivate_member(request.user, person)})
    return render(request, "web/members.html", {"rows": rows})


@require_POST
@member_required
def member_tokens_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    member = get_object_or_404(User, pk=pk)
    try:
        count = account_services.member_tokens_revoke(actor=request.user, member=member)
    except DomainError as exc:
        return _forbidden(request, exc)
    name = {"name": member.display_name}
    messages.success(request, _("%(name)s's API token revoked.") % name if count else
                     _("%(name)s had no API token.") % name)
    return redirect("members")


@require_POST
@member_required
def member_deactivate(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        member = account_services.member_deactivate(actor=request.user, member_id=pk)
    except DomainError as exc:
        return _forbidden(request, exc)
    messages.success(request, _("%(name)s is deactivated: they can no longer log in or use the API.")
                     % {"name": member.display_name})
    return redirect("members")
