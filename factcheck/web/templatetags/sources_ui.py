"""Template helpers of the sources UI: the claim's sources panel, running lookups, marked-up snapshots."""

from __future__ import annotations

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from factcheck.sources import providers, selectors

register = template.Library()


@register.simple_tag
def claim_sources_panel(claim, user) -> selectors.Panel:
    return selectors.claim_sources_panel(claim, user)


@register.simple_tag
def article_lookups_running(article) -> int:
    return selectors.article_lookups_running(article)


@register.filter
def lookup_label(kind: str) -> str:
    return providers.label(kind)


@register.simple_tag
def marked_text(text: str, spans) -> SafeString:
    """``text`` escaped, with each span (start, end, css class, title) wrapped in <mark>.

    Overlapping spans are clipped so the marks never nest; the text content of the result is
    exactly ``text``, which is what lets static/js/sources.js turn a selection into offsets.
    """
    spans = sorted((s for s in spans if 0 <= s[0] < s[1] <= len(text)), key=lambda s: (s[0], -s[1]))
    out, pos = [], 0
    for start, end, css, title in spans:
        start = max(start, pos)
        if start >= end:
            continue
        out.append(escape(text[pos:start]))
        out.append(f'<mark class="{escape(css)}" title="{escape(title)}">{escape(text[start:end])}</mark>')
        pos = end
    out.append(escape(text[pos:]))
    return mark_safe("".join(out))  # noqa: S308 - every piece above is escaped
