"""Template helpers of the browser UI: highlighted text, status badges, progress."""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString

from factcheck.claims.models import ClaimType
from factcheck.web import highlight

register = template.Library()


@register.simple_tag
def article_text(text: str, claims) -> SafeString:
    return highlight.highlighted(text, claims)


@register.simple_tag
def claim_paragraph(text: str, claim) -> SafeString:
    return highlight.claim_in_paragraph(text, claim)


@register.filter
def claim_badge(claim) -> str:
    """CSS classes of a claim's status badge: the verdict wins once there is one."""
    if claim.verdict and claim.status == "resolved":
        return f"badge badge-{claim.verdict}"
    return f"badge badge-{claim.status}"


@register.filter
def percent(part: int, whole: int) -> int:
    return round(100 * part / whole) if whole else 0


@register.filter
def web_url(value: str) -> str:
    """An article or source URL fit for an href: only http(s); anything else (javascript:, data:) gives ''."""
    value = (value or "").strip()
    return value if value.lower().startswith(("http://", "https://")) else ""


@register.filter
def type_labels(types) -> str:
    labels = dict(ClaimType.choices)
    return ", ".join(labels.get(t, t) for t in (types or []))
