"""Dashboards, workload and notifications."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext, ngettext
from django.views.decorators.http import require_GET, require_POST

from factcheck.accounts.permissions import (
    is_editor,
)
from factcheck.claims import selectors
from factcheck.claims import services as claim_services
from factcheck.core.errors import NotAllowed
from factcheck.web.views.common import (
    _claim_ids_from,
    _forbidden,
    member_required,
)

# --- dashboard -----------------------------------------------------------------------------


@require_GET
@member_required
def dashboard(request: HttpRequest) -> HttpResponse:
    user = request.user
    in_progress = (
        selectors.articles_in_progress()
        .order_by("-created_at", "-id")[:10]
    )
    ctx = {
        "queue": list(selectors.reviewer_queue(user)[:50]),
        "in_progress": list(in_progress),
        "notifications": list(selectors.notification_rows(user.notifications.filter(read_at__isnull=True))[:10]),
        "is_editor": is_editor(user),
    }
    if ctx["is_editor"]:
        ctx["overdue"] = list(selectors.overdue_claims()[:25])
        ctx["unassigned"] = list(selectors.unassigned_claims()[:25])
    return render(request, "web/dashboard.html", ctx)


# --- workload and notifications ----------------------------------------------------------



@require_GET
@member_required
def workload(request: HttpRequest) -> HttpResponse:
    if not is_editor(request.user):
        return _forbidden(request, NotAllowed(gettext("Only editors can see the workload page.")))
    return render(request, "web/workload.html", {"people": list(selectors.workload())})


@require_GET
@member_required
def notifications(request: HttpRequest) -> HttpResponse:
    qs = selectors.notification_rows(request.user.notifications.all())
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    return render(request, "web/notifications.html", {"page": page, "items": list(page.object_list)})


@require_POST
@member_required
def notifications_read(request: HttpRequest) -> HttpResponse:
    ids = None if request.POST.get("all") else _claim_ids_from(request.POST.getlist("ids"))
    count = claim_services.notifications_mark_read(actor=request.user, ids=ids)
    if getattr(request, "htmx", False):
        items = list(selectors.notification_rows(request.user.notifications.filter(read_at__isnull=True))[:10])
        unread = request.user.notifications.filter(read_at__isnull=True).count()
        return render(
            request, "web/_notifications.html", {"notifications": items, "unread_notifications": unread, "oob": True}
        )
    messages.success(request, ngettext("Marked %(count)s notification read.", "Marked %(count)s notifications read.", count)
                     % {"count": count})
    target = request.POST.get("next") or reverse("notifications")
    return redirect(target if target.startswith("/") and not target.startswith("//") else reverse("notifications"))


