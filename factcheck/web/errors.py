"""One place where a domain error becomes a browser response.

The API maps the same `DomainError` subclasses to the same HTTP status and
message (see core/errors.py), so a refusal reads alike on both surfaces. For an
htmx request the partial that was being swapped is rendered with the error; for
a full POST the whole page is re-rendered with the message and the status.
"""

from __future__ import annotations

from collections.abc import Callable

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from factcheck.core.errors import DomainError


def status_for(exc: DomainError) -> int:
    """The HTTP status of a refusal; the exception class carries it so API and pages agree."""
    return exc.status


def attach_to_form(form: forms.Form | None, exc: DomainError) -> None:
    """Show the service's field messages next to the fields the user filled in."""
    if form is None:
        return
    if not hasattr(form, "cleaned_data"):
        form.is_valid()
    placed = False
    for name, messages in exc.fields.items():
        if name in form.fields:
            shown = form.errors.get(name, [])
            for message in messages:
                # A form that refused itself already carries these messages.
                if message not in shown:
                    form.add_error(name, message)
            placed = True
    if not placed:
        form.add_error(None, exc.message)


def render_error(
    request: HttpRequest,
    exc: DomainError,
    *,
    page: str,
    partial: str | None = None,
    context: dict | Callable[[], dict],
) -> HttpResponse:
    """Render `page` (or `partial` for htmx) with the error message and the error's status."""
    ctx = context() if callable(context) else dict(context)
    ctx.update({"error": exc.message, "error_code": exc.code, "error_fields": exc.fields})
    template = partial if (partial and getattr(request, "htmx", False)) else page
    return render(request, template, ctx, status=status_for(exc))
