"""Template helpers of the sources UI: the claim's sources panel, running lookups, marked-up snapshots."""

from __future__ import annotations

import re

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language_bidi

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


# A run of left-to-right words inside a right-to-left sentence: figures with their English units,
# source figures listed with commas ("1,900 dockers, 2.1 million containers").
_LTR_RUN = re.compile(r"[A-Za-z0-9$€£][A-Za-z0-9$€£%.,'’:/+\- ]*[A-Za-z0-9%]|[A-Za-z0-9]")


def isolated_runs(text: str) -> SafeString:
    """``text`` escaped; on a right-to-left page each run of left-to-right words is a <bdi> of its own.

    A figure check's summary is one sentence in the reader's language around the claim's and the
    source's figures, which keep the article's words. In Arabic "the source says 1,900 dockers, 2.1
    million containers" was laid out as "dockers, 2.1 million 1,900 containers": the bidi algorithm
    reorders the weak digits and commas between the English words. Isolating each run keeps it in
    its own order; the text itself (and so copy and paste, and the API's summary) is unchanged.
    """
    if not get_language_bidi():
        return mark_safe(escape(text))  # noqa: S308 (escaped just now)
    out, at = [], 0
    for run in _LTR_RUN.finditer(text):
        out.append(escape(text[at:run.start()]))
        out.append(f"<bdi>{escape(run.group())}</bdi>")
        at = run.end()
    out.append(escape(text[at:]))
    return mark_safe("".join(out))  # noqa: S308 (every part escaped)


@register.filter
def figure_summary(result: dict) -> SafeString:
    """A figure check's summary in the reader's language (sources.figure_messages.summary_of), its
    left-to-right runs isolated on a right-to-left page."""
    return isolated_runs(figure_messages.summary_of(result))
