"""The workspace's claim list, one <li> per claim, written here rather than by a template include.

Including web/_claim_item.html once per claim cost about 1.4 ms a claim (some fifty variable
lookups, four URL reversals and two CSRF tokens each): a 1,000-claim article took 20 times as
long as a 10-claim one (issue 16). Here each address is reversed once per page and each row is one
string format. A row carries only what is particular to its claim: the accept and reject buttons
submit the workspace's one shared form (`#claim-act`, with the CSRF token) to their own
`formaction`, and the edit and split forms are fetched when *Edit* is opened
(`data-edit-forms`, static/js/app.js). Every text from a user is escaped; labels go through
gettext like a template's.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.middleware.csrf import get_token
from django.template.loader import get_template
from django.urls import reverse
from django.utils.dateformat import format as date_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from factcheck.claims.models import Claim, ClaimStatus, ClaimType, Priority
from factcheck.core.text import join_list

_MARK = 987654321  # a claim id no page has, to reverse each address once and fill it per row


@dataclass(frozen=True)
class _Urls:
    detail: tuple[str, str]
    accept: tuple[str, str]
    reject: tuple[str, str]
    place: tuple[str, str]
    edit_forms: tuple[str, str]

    @classmethod
    def build(cls) -> _Urls:
        def split(name: str) -> tuple[str, str]:
            before, after = reverse(name, args=[_MARK]).split(str(_MARK))
            return escape(before), escape(after)

        return cls(split("claim_detail"), split("claim_accept"), split("claim_reject"),
                   split("claim_reanchor"), split("claim_edit_forms"))


def _url(parts: tuple[str, str], pk: int) -> str:
    return f"{parts[0]}{pk}{parts[1]}"


def badge_css(claim: Claim) -> str:
    """CSS classes of a claim's status badge: the verdict wins once there is one."""
    if claim.status == ClaimStatus.RESOLVED and claim.verdict:
        return f"badge badge-{claim.verdict}"
    return f"badge badge-{claim.status}"


def badge_label(claim: Claim) -> str:
    """The badge's word, by the same rule as badge_css."""
    if claim.status == ClaimStatus.RESOLVED and claim.verdict:
        return str(claim.get_verdict_display())
    return str(claim.get_status_display())


def badge(claim: Claim, *, testid: bool = True) -> str:
    """The claim's status badge, as web/_claim_badge.html writes it (both read badge_css/badge_label)."""
    css, label = badge_css(claim), badge_label(claim)
    test = ' data-testid="claim-status"' if testid else ""
    return f'<span class="{css}"{test}>{escape(label)}</span>'


def claim_rows(context, claims: Iterable[Claim], *, orphan_item: bool = False) -> SafeString:
    """The side panel's entries of `claims`, as the workspace shows them to whoever is looking.

    Context (the workspace's): is_editor, picked, failed_claim_id, error; for the claim whose edit
    came back refused, what web/_claim_edit_forms.html needs (it is rendered open, with the input kept).
    """
    urls = _Urls.build()
    editor = bool(context.get("is_editor"))
    picked = context.get("picked") or ()
    failed_id = context.get("failed_claim_id")
    error = context.get("error")
    types = dict(ClaimType.choices)
    priorities = dict(Priority.choices)
    labels = {
        "accept": escape(_("Accept")), "reject": escape(_("Reject")), "edit": escape(_("Edit")),
        "edit_page": escape(_("Edit on the claim's page")), "place": escape(_("Place at selection")),
        "rereview": escape(_("Needs re-review")), "settlement": escape(_("Needs settlement")),
        "orphaned": escape(_("Orphaned")), "old_quote": escape(_("Old quote:")), "quote": escape(_("Quote:")),
        "overdue": escape(_("(overdue)")), "due": escape(pgettext("due date", "due")),
    }
    # The quote is the article's words: its language and direction (rtl's per-article lang/dir).
    article = context.get("article")
    quote_lang = (f' lang="{escape(article.language)}" dir="{escape(article.text_dir)}"'
                  if article is not None and getattr(article, "language", "") else "")
    csrf = ""
    out: list[str] = []
    for c in claims:
        pk = c.pk
        overdue = c.is_overdue
        css = f"claim-item st-{c.status}"
        if c.verdict:
            css += f" v-{c.verdict}"
        if overdue:
            css += " overdue"
        row = [f'<li id="claim-{pk}" class="{css}" data-claim-id="{pk}" data-start="{c.start}" data-end="{c.end}" '
               f'data-status="{c.status}"><div class="claim-head">']
        can_edit = c.can_edit
        if editor and can_edit and not orphan_item:
            checked = " checked" if pk in picked else ""
            row.append(f'<input type="checkbox" name="claim_ids" value="{pk}" form="bulk-form" id="pick-{pk}" '
                       f'data-testid="select-claim"{checked} aria-labelledby="claim-text-{pk}">')
        row.append(f'<a href="{_url(urls.detail, pk)}" class="claim-text" id="claim-text-{pk}" dir="auto">{escape(c.text)}</a>'
                   f'</div><p class="claim-meta">{badge(c)}')
        if c.types:
            row.append(f' <span class="types">{escape(join_list(types.get(t, t) for t in c.types))}</span>')
        for q in (c.quantities or [])[:3]:
            row.append(f' <span class="qty">{escape(q.get("text") or q.get("value", ""))}</span>')
        if c.assignee_id:
            row.append(f' <span class="assignee">→ {escape(c.assignee.display_name)}</span>')
        if c.second_reviewer_id:
            row.append(f' <span class="assignee">+ {escape(c.second_reviewer.display_name)}</span>')
        if c.due:
            late = f" {labels['overdue']}" if overdue else ""
            row.append(f' <span class="due{" is-overdue" if overdue else ""}">{labels["due"]} '
                       f'<time datetime="{c.due.isoformat()}">{date_format(c.due, "j M")}</time>{late}</span>')
        if c.priority >= 3:
            row.append(f' <span class="prio prio-{c.priority}">{escape(priorities.get(c.priority, ""))}</span>')
        if c.needs_rereview:
            row.append(f' <span class="flag" data-testid="needs-rereview">{labels["rereview"]}</span>')
        if c.needs_settlement:
            row.append(f' <span class="flag">{labels["settlement"]}</span>')
        if c.orphaned:
            row.append(f' <span class="flag" data-testid="orphaned">{labels["orphaned"]}</span>')
        row.append("</p>")
        if c.orphaned or c.text != c.quote:
            quote = c.quote if len(c.quote) <= 400 else c.quote[:399] + "…"
            row.append(f'<blockquote class="quote"{quote_lang}><span class="visually-hidden">'
                       f'{labels["old_quote"] if c.orphaned else labels["quote"]} </span>{escape(quote)}</blockquote>')
        if failed_id == pk and error:
            row.append(f'<p class="error" role="alert">{escape(error)}</p>')
        if editor:
            row.append('<div class="claim-actions">')
            for action, css_class in (("accept", "small primary"), ("reject", "small secondary danger")):
                if getattr(c, f"can_{action}"):
                    row.append(f'<button type="submit" form="claim-act" formaction="{_url(getattr(urls, action), pk)}" '
                               f'name="version" value="{c.version}" class="{css_class}" data-testid="{action}" '
                               f'aria-describedby="claim-text-{pk}">{labels[action]}</button>')
            if orphan_item:
                if not csrf:
                    csrf = escape(get_token(context.request))
                place = _url(urls.place, pk)
                row.append(f'<form method="post" action="{place}" hx-post="{place}" class="place-form">'
                           f'<input type="hidden" name="csrfmiddlewaretoken" value="{csrf}">'
                           f'<input type="hidden" name="version" value="{c.version}">'
                           f'<input type="hidden" name="return_to" value="workspace">'
                           f'<input type="hidden" name="start" value="" class="sel-start">'
                           f'<input type="hidden" name="end" value="" class="sel-end">'
                           f'<button type="submit" class="small secondary" data-testid="place-at-selection" '
                           f'data-needs-selection>{labels["place"]}</button></form>')
            elif can_edit:
                if failed_id == pk:
                    # Its edit came back refused: the forms are open, with what was typed.
                    forms = get_template("web/_claim_edit_forms.html").render({**context.flatten(), "c": c},
                                                                               context.request)
                    row.append(f'<details class="inline-edit" open><summary data-testid="edit-claim">'
                               f'{labels["edit"]}</summary>{forms}</details>')
                else:
                    # Without JavaScript the link leads to the claim page, which has the full form.
                    row.append(f'<details class="inline-edit" data-edit-forms="{_url(urls.edit_forms, pk)}">'
                               f'<summary data-testid="edit-claim">{labels["edit"]}</summary>'
                               f'<a class="edit-slot" href="{_url(urls.detail, pk)}#edit">{labels["edit_page"]}</a>'
                               f'</details>')
            row.append("</div>")
        row.append("</li>")
        out.append("".join(row))
    return mark_safe("".join(out))  # noqa: S308 - every user text above went through escape


def claim_states(claims: Iterable[Claim]) -> str:
    """Each claim's state for the progress poll, packed as "id status verdict start end" joined by ";"
    (a span per claim was most of a 1,000-claim poll). static/js/app.js recolours the page from it,
    taking each badge's label from the list rendered once beside it (#claim-badges)."""
    return ";".join(f"{c.pk} {c.status} {c.verdict or '-'} {c.start} {c.end}" for c in claims)
