"""The rows of the dashboard's claim tables and of the article list, written here rather than by a
template loop.

At 50 rows a table, the template loop was most of these pages' time (issue 16): some thirty
variable lookups, two URL reversals and four translations a row, each through the template
engine. Here each address is reversed once per table, each label translated once, and a row is
one string format; the markup is the same as the templates wrote (web/_claim_rows.html,
web/article_list.html). Every text from a user is escaped; labels go through gettext like a
template's, with the same message ids, so the catalogs are unchanged.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from django.urls import reverse
from django.utils.dateformat import format as date_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from factcheck.articles.models import Article
from factcheck.claims.models import Claim, ClaimStatus, Priority
from factcheck.web.claim_rows import badge_css

_MARK = 987654321  # an id no page has, to reverse each address once and fill it per row


def _split(name: str) -> tuple[str, str]:
    before, after = reverse(name, args=[_MARK]).split(str(_MARK))
    return escape(before), escape(after)


def _truncated(text: str, length: int) -> str:
    """truncatechars: Truncator only for a text long enough to be cut (it translates its "…" each call)."""
    if len(text) <= length:
        return unicodedata.normalize("NFC", text)  # what Truncator gives a text it does not cut
    return Truncator(text).chars(length)


class _Dates(dict):
    """Each date's (ISO, "j M Y") once per table: the month's name is translated on each format."""

    def __missing__(self, day):
        self[day] = value = (date_format(day, "Y-m-d"), date_format(day, "j M Y"))
        return value


def claim_table_rows(claims: Iterable[Claim], *, show_assignee: bool) -> SafeString:
    """The <tr> of each claim of a dashboard table (claims read by selectors.claim_rows)."""
    detail, article = _split("claim_detail"), _split("article_detail")
    # str() first: escape() of a lazy label stays lazy, translated again at each use.
    statuses = {value: escape(str(label)) for value, label in ClaimStatus.choices}
    priorities = {value: escape(str(label)) for value, label in Priority.choices}
    # Translated outside the f-strings: makemessages does not read inside them.
    rereview_label, overdue_label = escape(_("re-review")), escape(_("overdue"))
    rereview = f' <span class="flag">{rereview_label}</span>'
    late = f' <span class="flag">{overdue_label}</span>'
    # Each cell names its column: on a phone the rows are stacked cards (app.css, td[data-label]).
    col = {k: escape(v) for k, v in (("article", _("Article")), ("status", _("Status")), ("reviewer", _("Reviewer")),
                                      ("due", _("Due")), ("priority", _("Priority")))}
    dates = _Dates()
    out: list[str] = []
    for c in claims:
        overdue = c.is_overdue
        row_class = ' class="overdue"' if overdue else ""
        art = c.article
        flag = rereview if c.needs_rereview else ""
        assignee = ""
        if show_assignee:
            assignee = (f'<td data-label="{col["reviewer"]}">'
                        f"{escape(c.assignee.display_name) if c.assignee else '—'}</td>")
        if c.due:
            iso, shown = dates[c.due]
            due = f'<time datetime="{iso}" class="{"is-overdue" if overdue else ""}">{shown}</time>{late if overdue else ""}'
        else:
            due = "—"
        out.append(
            f'\n  <tr data-claim-id="{c.pk}"{row_class}>\n'
            f'    <th scope="row"><a href="{detail[0]}{c.pk}{detail[1]}" dir="auto">'
            f'{escape(_truncated(c.text, 110))}</a></th>\n'
            f'    <td data-label="{col["article"]}"><a href="{article[0]}{c.article_id}{article[1]}" '
            f'lang="{escape(art.language)}" '
            f'dir="{art.text_dir}">{escape(_truncated(art.title, 50))}</a></td>\n'
            f'    <td data-label="{col["status"]}"><span class="{badge_css(c)}">'
            f'{statuses.get(c.status, escape(c.status))}</span>{flag}</td>\n'
            f'    {assignee}\n'
            f'    <td data-label="{col["due"]}">{due}</td>\n'
            f'    <td data-label="{col["priority"]}">{priorities.get(c.priority, escape(c.priority))}</td>\n'
            f'  </tr>\n  '
        )
    return mark_safe("".join(out))  # noqa: S308 - every user text above went through escape


def article_rows(articles: Iterable[Article]) -> SafeString:
    """The <tr> of each article of the article list (read by selectors.articles_with_progress)."""
    detail = _split("article_detail")
    resolved_in = _("Claims resolved in %(title)s")
    of = _("%(claims_resolved)s of %(claims_total)s")
    col = {k: escape(v) for k, v in (("outlet", _("Outlet")), ("published", _("Published")), ("progress", _("Progress")),
                                      ("suggested", _("Suggested")), ("disputed", _("Disputed")))}
    dates = _Dates()
    out: list[str] = []
    for a in articles:
        title = escape(a.title)
        done, total = a.claims_resolved, a.claims_total
        if a.published_at:
            iso, shown = dates[a.published_at]
            published = f'<time datetime="{iso}">{shown}</time>'
        else:
            published = "—"
        # As blocktranslate does: the values escaped, the translated words as they are.
        label = resolved_in % {"title": title}
        counts = of % {"claims_resolved": done, "claims_total": total}
        out.append(
            f'\n  <tr data-article-id="{a.pk}">\n'
            f'    <th scope="row"><a href="{detail[0]}{a.pk}{detail[1]}" lang="{escape(a.language)}" '
            f'dir="{a.text_dir}">{title}</a></th>\n'
            f'    <td data-label="{col["outlet"]}">{escape(a.outlet) if a.outlet else "—"}</td>\n'
            f'    <td data-label="{col["published"]}">{published}</td>\n'
            f'    <td class="progress-cell" data-label="{col["progress"]}">\n'
            f'      <progress data-testid="progress" value="{done}" max="{total if total else 1}" '
            f'aria-label="{label}">{counts}</progress>\n'
            f'      <span class="small">{done}/{total}</span>\n'
            f'    </td>\n'
            f'    <td data-label="{col["suggested"]}">{a.claims_suggested}</td>\n'
            f'    <td data-label="{col["disputed"]}">{a.claims_disputed}</td>\n'
            f'  </tr>\n  '
        )
    return mark_safe("".join(out))  # noqa: S308 - every user text above went through escape
