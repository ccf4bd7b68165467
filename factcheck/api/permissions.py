"""DRF glue for the newsroom's permission rules (factcheck/accounts/permissions.py).

These decide only who may call an endpoint at all; the services check the rule
for the specific claim or article again, so no surface can skip it.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy
from rest_framework.permissions import BasePermission

from factcheck.accounts.permissions import can_read_article, is_editor


class IsMember(BasePermission):
    message = gettext_lazy("Only newsroom members can use the API.")

    def has_permission(self, request, view) -> bool:
        return can_read_article(request.user)


class IsEditor(BasePermission):
    message = gettext_lazy("Only editors can do that.")

    def has_permission(self, request, view) -> bool:
        return is_editor(request.user)
