"""Template helpers for published reports."""

import json

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

# The characters json_script escapes, so a "</script>" inside a claim cannot end the block.
_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def jsonld(value: object) -> SafeString:
    """A schema.org JSON-LD data block (not executed, so the CSP allows it)."""
    data = json.dumps(value, ensure_ascii=False).translate(_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(data))  # noqa: S308 - escaped above
