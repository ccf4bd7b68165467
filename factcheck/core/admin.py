"""Admin helpers shared by the domain packages' admin modules."""

from __future__ import annotations


class ServiceOwnedAdmin:
    """Mixin for a ModelAdmin whose rows change only through the services.

    The services lock the row, check its version and state, and write the audit
    trail; a save here would do none of that (a raw edit of ``Source.independent``
    would silently change what the evidence gate counts). So these rows are shown,
    never added or changed here: staff use the desk, or the API, for changes.
    Deleting stays possible for clean-up, as before.
    """

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
