"""Template helpers of the browser UI: highlighted text, status badges, progress."""

from __future__ import annotations

from django import template
from django.utils import formats
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext, gettext_lazy, pgettext, pgettext_lazy

from factcheck.claims import ratings
from factcheck.claims.models import ClaimStatus, ClaimType, Verdict
from factcheck.core.text import join_list
from factcheck.sources.models import LookupKind, LookupStatus
from factcheck.web import claim_rows as rows
from factcheck.web import highlight, list_rows

register = template.Library()


@register.simple_tag
def article_text(text: str, claims) -> SafeString:
    return highlight.highlighted(text, claims)


@register.simple_tag(takes_context=True)
def claim_rows(context, claims, orphan_item: bool = False) -> SafeString:
    """The workspace's side-panel entries (factcheck/web/claim_rows.py: one string per claim, not an include)."""
    return rows.claim_rows(context, claims, orphan_item=orphan_item)


@register.simple_tag
def claim_table_rows(claims, show_assignee: bool = False) -> SafeString:
    """The rows of a dashboard claim table (factcheck/web/list_rows.py: one string per claim)."""
    return list_rows.claim_table_rows(claims, show_assignee=bool(show_assignee))


@register.simple_tag
def article_rows(articles) -> SafeString:
    """The article list's rows (factcheck/web/list_rows.py)."""
    return list_rows.article_rows(articles)


@register.simple_tag
def claim_states(claims) -> str:
    return rows.claim_states(claims)


@register.simple_tag
def claim_paragraph(text: str, claim) -> SafeString:
    return highlight.claim_in_paragraph(text, claim)


@register.filter
def claim_badge(claim) -> str:
    """CSS classes of a claim's status badge (claim_rows.badge_css: the verdict wins once there is one)."""
    return rows.badge_css(claim)


@register.filter
def claim_badge_label(claim) -> str:
    return rows.badge_label(claim)


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
    return join_list(labels.get(t, t) for t in (types or []))


_FIGURE_OUTCOMES = {
    "consistent": gettext_lazy("the source states the figure"),
    "disputed": gettext_lazy("the source mentions the figure but disputes it"),
    "in_part": gettext_lazy("the source states some of the figures, not all"),  # consistent, with figures absent
    "inconsistent": gettext_lazy("the source gives a different figure"),
    "not_found": gettext_lazy("the figure was not found in the source"),
}
_LOOKUP_ACTIONS = {"queued": gettext_lazy("queued"), "gave_up": gettext_lazy("gave up after repeated attempts")}


@register.filter
def lookup_summary(event) -> str:
    """What a lookup row of a claim's history says: which lookup, and how it ended.

    ("Lookup" alone told a reviewer nothing: was it the fetch, the figure check, did it fail?)
    """
    data = event.data or {}
    kind = data.get("kind", "")
    label = LookupKind(kind).label if kind in LookupKind.values else (kind or gettext("Lookup")).replace("_", " ").capitalize()
    action = data.get("action", "")
    if action == "finished":
        status = data.get("status", "")
        text = LookupStatus(status).label.lower() if status in LookupStatus.values else (status or gettext("finished"))
        outcome = data.get("outcome")
        if data.get("in_part"):
            outcome = "in_part"
        if outcome in _FIGURE_OUTCOMES:
            text = f"{text}: {_FIGURE_OUTCOMES[outcome]}"
    else:
        text = _LOOKUP_ACTIONS.get(action, action.replace("_", " ") or gettext("requested"))
    return f"{label} {text}"


@register.filter
def status_label(status: str) -> str:
    """A claim status code of an audit row ("in_review") as the reader's word for it."""
    return ClaimStatus(status).label if status in ClaimStatus.values else status


@register.filter
def verdict_label(verdict: str) -> str:
    return Verdict(verdict).label if verdict in Verdict.values else verdict


@register.filter
def rating_label(rating: str) -> str:
    """A rating of the scale ("mostly accurate") in the reader's language (claims.ratings)."""
    return ratings.rating_label(rating)


@register.filter
def joined(items, semicolon: bool = False) -> str:
    """A list in the reader's separators: "أ، ب" in Arabic (core.text.join_list)."""
    return join_list(items, semicolon=bool(semicolon))


_QUALIFIER_WORDS = {
    "approx": pgettext_lazy("figure qualifier", "about"),
    "nearly": pgettext_lazy("figure qualifier", "nearly"),
    "more_than": pgettext_lazy("figure qualifier", "more than"),
    "less_than": pgettext_lazy("figure qualifier", "less than"),
    "at_least": pgettext_lazy("figure qualifier", "at least"),
    "at_most": pgettext_lazy("figure qualifier", "at most"),
}


@register.simple_tag
def figure_readings(quantities) -> str:
    """Each figure as written and as the engine read it (qualifier, value, unit): what the figure check
    looks for in sources, so an editor sees a misreading ("of about 18,000" read as 18) before a reviewer
    checks the wrong number, and corrects it in the edit form."""
    items = []
    for q in quantities or []:
        value = q.get("value")
        if isinstance(value, bool) or not isinstance(value, int | float):
            items.append(format_html("<bdi>{}</bdi>", q.get("text") or ""))
            continue
        number = formats.number_format(int(value) if float(value).is_integer() else value, use_l10n=True,
                                       force_grouping=True)
        reading = " ".join(str(part) for part in (_QUALIFIER_WORDS.get(q.get("qualifier") or ""), number,
                                                  q.get("unit") or "") if part)
        # The reading keeps the English unit code: isolated, so a right-to-left sentence around it
        # does not move its number ("41 (read as: ships)").
        label = escape(gettext("(read as %(reading)s)")) % {"reading": format_html("<bdi>{}</bdi>", reading)}
        items.append(format_html('<bdi>{}</bdi> <span data-testid="figure-reading">{}</span>',
                                 q.get("text") or number, mark_safe(label)))  # noqa: S308 (both parts escaped)
    return format_html_join(pgettext("list separator", "; "), "{}", ((item,) for item in items))


@register.simple_tag
def source_titles(sources) -> str:
    return join_list((Truncator(s.get("title", "")).chars(60) for s in sources or []), semicolon=True)


@register.filter
def get_item(mapping, key):
    """mapping[key] in a template (an audit row's before/after values)."""
    return mapping.get(key, "") if hasattr(mapping, "get") else ""


def _figures(quantities) -> str:
    return join_list(q.get("text") or q.get("value", "") for q in (quantities or [])) or "—"


def _types(types) -> str:
    return join_list(str(ClaimType(t).label) if t in ClaimType.values else str(t) for t in (types or [])) or "—"


@register.filter
def edit_summary(event) -> list[str]:
    """What an edit row of a claim's history changed, before → after (claim_edit's audit data): a reviewer
    reading the trail sees what the wording said before the editor changed it."""
    data = event.data if isinstance(event.data, dict) else {}
    before, after = data.get("before") or {}, data.get("after") or {}
    lines = []
    for field in after:
        old, new = before.get(field), after.get(field)
        if field == "text":
            lines.append(gettext("Wording: “%(before)s” → “%(after)s”") % {
                "before": str(old or "")[:300], "after": str(new or "")[:300]})
        elif field == "quantities":
            lines.append(gettext("Figures: %(before)s → %(after)s") % {"before": _figures(old), "after": _figures(new)})
        elif field == "types":
            lines.append(gettext("Types: %(before)s → %(after)s") % {"before": _types(old), "after": _types(new)})
        elif field == "attributed_to":
            lines.append(gettext("Attributed to: “%(before)s” → “%(after)s”") % {
                "before": old or "—", "after": new or "—"})
        elif field == "priority":
            lines.append(gettext("Priority: %(before)s → %(after)s") % {"before": old or "—", "after": new or "—"})
        elif field == "due":
            lines.append(gettext("Due: %(before)s → %(after)s") % {"before": old or "—", "after": new or "—"})
    return lines


@register.filter
def reanchor_summary(event) -> list[str]:
    """What a re-anchoring row of a claim's history says changed: its words, wording and figures, and
    an editor's correction kept where the new words read otherwise (claims_reanchor's audit data)."""
    data = event.data or {}
    before, after = (data.get("before") or {}).get("quote"), (data.get("after") or {}).get("quote")
    lines = []
    if before and after and before != after:
        lines.append(gettext("Quoted words changed: “%(before)s” → “%(after)s”") % {"before": before[:200],
                                                                                   "after": after[:200]})
    changed = data.get("changed") or {}
    if "text" in changed:
        lines.append(gettext("Wording: “%(after)s”") % {"after": changed["text"].get("after", "")[:200]})
    if "quantities" in changed:
        lines.append(gettext("Figures: %(before)s → %(after)s") % {
            "before": _figures(changed["quantities"].get("before")), "after": _figures(changed["quantities"].get("after"))})
    conflicts = data.get("conflicts") or {}
    if "quantities" in conflicts:
        lines.append(gettext("Figures kept as an editor set them; the new words read: %(figures)s") % {
            "figures": _figures(conflicts["quantities"])})
    for field in ("types", "attributed_to"):
        if field in conflicts:
            lines.append(gettext("Kept as an editor set it: %(field)s") % {
                "field": gettext("types") if field == "types" else gettext("attribution")})
    return lines
