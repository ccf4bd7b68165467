"""The dashboard's claim tables and the article list, whose rows are written by factcheck/web/list_rows.py
(not a template loop), show what the templates showed; the article list pages by ids and its search
counts each article once; the workload page's counts."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from factcheck.articles.models import Article
from factcheck.claims.models import ClaimStatus
from tests.support.factories import ArticleFactory, make_claim

pytestmark = pytest.mark.django_db

TEXT = "The <b>council</b> said 4,000 homes & 12 schools flooded. " + "It also said the river rose very fast " * 4 + ".\n"


def _row(html: str, pk: int, attr: str = "data-claim-id") -> str:
    match = re.search(rf'<tr {attr}="{pk}"[^>]*>.*?</tr>', html, re.S)
    assert match, f"no row for {pk}"
    return match.group(0)


def test_dashboard_rows_show_flags_reviewer_due_date_and_escaped_wording(client, editor, reviewer):
    article = ArticleFactory(created_by=editor, title="Floods <in> Tyne & Wear", text=TEXT)
    long_wording = TEXT.strip()
    late = make_claim(article, "said 4,000 homes", status=ClaimStatus.ASSIGNED, assignee=reviewer,
                      due=timezone.localdate() - dt.timedelta(days=2), needs_rereview=True, priority=3)
    waiting = make_claim(article, "12 schools flooded", status=ClaimStatus.OPEN, text=long_wording)
    client.force_login(editor)
    html = client.get(reverse("dashboard")).content.decode()
    overdue = html[html.index('id="overdue"'):html.index('id="unassigned"')]
    row = _row(overdue, late.pk)
    assert 'class="overdue"' in row
    assert f'<a href="{reverse("claim_detail", args=[late.pk])}" dir="auto">said 4,000 homes</a>' in row
    link = reverse("article_detail", args=[article.pk])
    assert f'href="{link}" lang="en" dir="ltr">Floods &lt;in&gt; Tyne &amp; Wear</a>' in row
    assert '<span class="badge badge-assigned">Assigned</span> <span class="flag">re-review</span>' in row
    assert '<td data-label="Reviewer">Rita Reviewer</td>' in row
    day = late.due
    assert f'<time datetime="{day.isoformat()}" class="is-overdue">{day.day} {day:%b} {day.year}</time>' in row
    assert '<span class="flag">overdue</span>' in row and '<td data-label="Priority">High</td>' in row
    # The unassigned table has no reviewer column; a long wording is cut to 110 characters, escaped.
    row = _row(html[html.index('id="unassigned"'):], waiting.pk)
    assert row.count("<td ") == 4 and '<td data-label="Due">—</td>' in row  # no due date
    cut = re.search(r'dir="auto">(.*?)</a>', row).group(1)
    assert cut.startswith("The &lt;b&gt;council&lt;/b&gt; said 4,000 homes &amp; 12") and cut.endswith("…")
    assert len(cut.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")) == 110


def test_an_empty_queue_says_so(client, reviewer):
    client.force_login(reviewer)
    html = client.get(reverse("dashboard")).content.decode()
    assert '<td colspan="5" class="empty">Nothing waiting for you.</td>' in html


def test_article_rows_show_direction_progress_and_dashes_in_the_members_language(client, editor, reviewer):
    article = ArticleFactory(created_by=editor, title="جسر <المدينة>", outlet="", text=TEXT)
    Article.objects.filter(pk=article.pk).update(language="ar")
    make_claim(article, "said 4,000 homes", status=ClaimStatus.RESOLVED, verdict="verified")
    make_claim(article, "12 schools flooded", status=ClaimStatus.ASSIGNED, assignee=reviewer)
    other = ArticleFactory(created_by=editor, title="Bridge", outlet="Valley & Co", text=TEXT)
    Article.objects.filter(pk=other.pk).update(published_at=dt.date(2026, 3, 7))
    client.force_login(editor)
    html = client.get(reverse("article_list")).content.decode()
    row = _row(html, article.pk, "data-article-id")
    assert 'lang="ar" dir="rtl">جسر &lt;المدينة&gt;</a></th>' in row
    assert '<td data-label="Outlet">—</td>' in row and '<td data-label="Published">—</td>' in row  # neither
    assert ('<progress data-testid="progress" value="1" max="2" aria-label="Claims resolved in جسر &lt;المدينة&gt;">'
            "1 of 2</progress>") in row
    assert '<span class="small">1/2</span>' in row
    row = _row(html, other.pk, "data-article-id")
    assert '<td data-label="Outlet">Valley &amp; Co</td>' in row and '<time datetime="2026-03-07">7 Mar 2026</time>' in row
    assert 'value="0" max="1"' in row and "0 of 0" in row
    # The same rows in Arabic: the labels translated as the template's were.
    editor.language = "ar"
    editor.save(update_fields=["language"])
    html = client.get(reverse("article_list")).content.decode()
    row = _row(html, article.pk, "data-article-id")
    assert "1 من 2" in row and "مارس" in _row(html, other.pk, "data-article-id")


def test_article_list_pages_keep_the_newest_first_order(client, editor):
    articles = [ArticleFactory(created_by=editor, title=f"Report {n:02d}", text=TEXT) for n in range(53)]
    client.force_login(editor)
    first = client.get(reverse("article_list")).content.decode()
    second = client.get(reverse("article_list"), {"page": 2}).content.decode()
    ids = [int(x) for x in re.findall(r'<tr data-article-id="(\d+)"', first)]
    assert ids == [a.pk for a in reversed(articles)][:50]
    assert [int(x) for x in re.findall(r'<tr data-article-id="(\d+)"', second)] == [a.pk for a in articles[:3][::-1]]
    assert "53 articles" in second and "Page 2 of 2" in second


def test_article_search_counts_an_article_matching_by_title_and_by_text_once(client, editor):
    both = ArticleFactory(created_by=editor, title="Elmbridge floods inquiry", text="Floods hit Elmbridge again.\n")
    title_only = ArticleFactory(created_by=editor, title="Elmbridgeshire notes", text="Nothing here.\n")
    ArticleFactory(created_by=editor, title="Other", text="Nothing here either.\n")
    client.force_login(editor)
    html = client.get(reverse("article_list"), {"q": "Elmbridge floods"}).content.decode()
    assert re.findall(r'<tr data-article-id="(\d+)"', html) == [str(both.pk)]
    assert ">1 article<" in html
    # A half-typed name still finds the titles that hold it, the newest first.
    html = client.get(reverse("article_list"), {"q": "Elmbr"}).content.decode()
    assert re.findall(r'<tr data-article-id="(\d+)"', html) == [str(title_only.pk), str(both.pk)]
    assert ">2 articles<" in html


def test_article_search_keeps_the_web_search_syntax_and_stemming(client, editor):
    if connection.vendor != "postgresql":
        pytest.skip("the web-search syntax and stemming are PostgreSQL's (elsewhere: every word, icontains)")
    homes = ArticleFactory(created_by=editor, title="Housing", text="The council built new homes by the river.\n")
    school = ArticleFactory(created_by=editor, title="Schools", text="The council closed a school by the river.\n")
    client.force_login(editor)

    def found(q: str) -> set[int]:
        html = client.get(reverse("article_list"), {"q": q}).content.decode()
        return {int(x) for x in re.findall(r'<tr data-article-id="(\d+)"', html)}

    assert found("home") == {homes.pk}  # stemmed: "homes"
    assert found("council -school") == {homes.pk}
    assert found('"closed a school"') == {school.pk}
    assert found("homes or school") == {homes.pk, school.pk}


def test_workload_counts_each_members_open_in_review_and_overdue_claims(client, editor, reviewer, other_reviewer):
    # Counted from the covering index claim_active_assignee; resolved claims are not work in hand.
    article = ArticleFactory(created_by=editor, text=TEXT)
    past = timezone.localdate() - dt.timedelta(days=1)
    make_claim(article, "said 4,000 homes", status=ClaimStatus.ASSIGNED, assignee=reviewer, due=past)
    make_claim(article, "12 schools flooded", status=ClaimStatus.IN_REVIEW, assignee=reviewer)
    make_claim(article, "river rose", status=ClaimStatus.IN_REVIEW, assignee=reviewer, second_reviewer=other_reviewer,
               due=past)
    make_claim(article, "very fast", status=ClaimStatus.RESOLVED, verdict="verified", assignee=reviewer, due=past)
    client.force_login(editor)
    html = client.get(reverse("workload")).content.decode()
    row = re.search(r'<tr data-username="rita" class="overdue">.*?</tr>', html, re.S).group(0)
    assert re.findall(r'<td class="num"[^>]*>(?:<strong class="is-overdue">)?(\d+)', row) == ["3", "2", "0", "2"]
    other = re.search(rf'<tr data-username="{other_reviewer.username}">.*?</tr>', html, re.S).group(0)
    assert re.findall(r'<td class="num"[^>]*>(?:<strong class="is-overdue">)?(\d+)', other) == ["0", "0", "1", "0"]
