"""Template helpers for published reports: the JSON-LD block and the article text with its checked claims."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from factcheck.core import text as text_helpers
from factcheck.core.segments import segments

register = template.Library()

# The characters json_script escapes, so a "</script>" inside a claim cannot end the block.
_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}
ICONS = {"verified": "✓", "disputed": "✗", "unverifiable": "?", "review": "↻"}


@register.filter
def jsonld(value: object) -> SafeString:
    """A schema.org JSON-LD data block (not executed, so the CSP allows it)."""
    # DjangoJSONEncoder turns translatable labels (lazy strings) into text in the active language.
    data = json.dumps(value, ensure_ascii=False, cls=DjangoJSONEncoder).translate(_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(data))  # noqa: S308 - escaped above


@register.filter
def verdict_icon(badge: str) -> str:
    """A shape beside the colour, so the badges differ for readers who cannot tell the colours apart."""
    return ICONS.get(badge, "•")


@register.simple_tag
def report_text(page) -> SafeString:
    """The article's text; each checked passage links to its entry, coloured by verdict, with its number.

    Flat segments (core/segments.py) so overlapping claims need no nesting; the innermost claim of
    a segment decides its link and colour. Everything is escaped by format_html.
    """
    text = page.article.text
    parts: list[str] = []
    for seg in segments(text, page.placed):
        if not seg.claims:
            parts.append(format_html("{}", seg.text))
            continue
        top = max(seg.claims, key=lambda e: (e.start, -(e.end - e.start)))
        parts.append(format_html('<a class="hl hl-{}" href="#{}">{}</a>', top.badge, top.anchor, seg.text))
        for entry in seg.claims:
            if entry.end == seg.end:
                said = gettext("(claim %(number)s: %(verdict)s)") % {
                    "number": entry.number, "verdict": str(entry.verdict_label).lower()}
                parts.append(format_html(
                    '<sup class="ref ref-{}"><span aria-hidden="true">{}</span>'
                    '<span class="visually-hidden"> {}</span></sup>',
                    entry.badge, entry.number, said,
                ))
    return mark_safe("".join(parts))  # noqa: S308 - every piece went through format_html


@register.filter
def without_final_stop(text: str) -> str:
    """A reason inside a sentence that ends with its own full stop (never "re-check..")."""
    return text_helpers.without_final_stop(text)
