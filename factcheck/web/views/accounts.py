"""The member's own account page: notification preferences and password.

(The hardening work adds API tokens to the same page; each concern is one card.)
"""

from __future__ import annotations

from django import forms as django_forms
from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth.forms import PasswordChangeForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from factcheck.accounts import preferences
from factcheck.web.views.common import member_required, post_action


class PreferencesForm(django_forms.Form):
    email_notifications = django_forms.BooleanField(label="Email me my notifications", required=False)
    daily_digest = django_forms.BooleanField(
        label="One email a day (a digest) instead of one per notification", required=False
    )


def _profile(request: HttpRequest, *, status: int = 200, **forms) -> HttpResponse:
    user = request.user
    ctx = {
        "preferences_form": forms.get("preferences_form") or PreferencesForm(
            initial={"email_notifications": user.email_notifications, "daily_digest": user.daily_digest}
        ),
        "password_form": forms.get("password_form") or PasswordChangeForm(user),
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
    messages.success(request, "Notification preferences saved.")
    return redirect("profile")


@post_action("profile")
@member_required
def profile_password(request: HttpRequest) -> HttpResponse:
    form = PasswordChangeForm(request.user, request.POST)
    if not form.is_valid():
        return _profile(request, status=400, password_form=form)
    member = preferences.member_password_change(actor=request.user, password=form.cleaned_data["new_password1"])
    # Stay logged in on this browser; other sessions of the member end with the old password.
    update_session_auth_hash(request, member)
    messages.success(request, "Password changed.")
    return redirect("profile")
