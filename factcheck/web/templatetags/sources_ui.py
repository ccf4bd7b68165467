"""Template helpers of the sources UI: the claim's sources panel, running lookups, marked-up snapshots."""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString

from factcheck.sources import figure_messages, providers, selectors
from factcheck.web import highlight

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
    """``text`` escaped, with each span (start, end, css class, title) wrapped in <mark> (web.highlight.marked)."""
    return highlight.marked(text, spans)


@register.filter
def figure_partly(result: dict) -> bool:
    """Some of the claim's figures found, not all (sources.figure_messages.found_in_part)."""
    return figure_messages.found_in_part(result)


@register.filter
def figure_summary(result: dict) -> str:
    """A figure check's summary in the reader's language (sources.figure_messages.summary_of)."""
    return figure_messages.summary_of(result)
