"""Exports of an article's claims: CSV a spreadsheet opens safely, JSON with every field, workspace and API."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from urllib.parse import unquote

import pytest
from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from factcheck.claims.models import ClaimStatus, Review, Verdict
from factcheck.sources.models import Evidence, Snapshot, Source, Stance
from tests.support.factories import ArticleFactory, make_claim

TEXT = (
    "=HYPERLINK(\"http://evil.example\") said the mayor. The council said 38 percent of pipes in Ørsted are older "
    "than 60 years. Repairs will cost 12.5 million pounds, according to the board.\n"
)


@pytest.fixture
def checked(editor, reviewer, other_reviewer):
    article = ArticleFactory(created_by=editor, title="Ørsted water pipes", text=TEXT, url="https://echo.example/p")
    pipes = make_claim(
        article, "38 percent of pipes in Ørsted are older than 60 years", status=ClaimStatus.RESOLVED,
        verdict=Verdict.VERIFIED, rating="accurate", rationale="-1 is what the board's survey does not say; it says 38.",
        assignee=reviewer, types=["quantity"], attributed_to="the council",
        quantities=[{"value": 38, "qualifier": "", "unit": "percent", "text": "38 percent"}],
        due=dt.date(2030, 6, 30), resolved_at=timezone.now(),
    )
    Review.objects.create(claim=pipes, reviewer=reviewer, verdict=Verdict.VERIFIED, rating="accurate",
                          rationale="Survey table 3.")
    source = Source.objects.create(url="https://board.example/survey", title="@Pipe survey 2026", publisher="Board",
                                   added_by=reviewer, independent=True)
    snap = Snapshot.objects.create(source=source, fetched_at=timezone.now(), final_url="https://board.example/survey",
                                   status_code=200, sha256="ab" * 32, text="38 percent of pipes are older than 60 years")
    Evidence.objects.create(claim=pipes, source=source, stance=Stance.SUPPORTS, snapshot=snap, passage_start=0,
                            passage_end=43, passage_quote="38 percent of pipes are older than 60 years", added_by=reviewer)
    formula = make_claim(article, '=HYPERLINK("http://evil.example") said the mayor', status=ClaimStatus.OPEN,
                         types=["attribution"])
    make_claim(article, "Repairs will cost 12.5 million pounds", status=ClaimStatus.REJECTED)
    return article, pipes, formula


def _rows(body: bytes) -> list[dict]:
    assert body.startswith(b"\xef\xbb\xbf"), "spreadsheet tools need the UTF-8 byte-order mark"
    return list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"), newline="")))


def test_workspace_csv_opens_in_the_csv_module_with_every_field(client, checked, reviewer):
    article, pipes, _ = checked
    client.force_login(reviewer)
    response = client.get(f"/articles/{article.pk}/export.csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"] and ".csv" in response["Content-Disposition"]
    rows = _rows(response.content)
    assert [int(r["claim_id"]) for r in rows] == [checked[2].pk, pipes.pk]  # text order; rejected claim left out
    row = rows[1]
    assert row["quote"] == "38 percent of pipes in Ørsted are older than 60 years"
    assert row["types"] == "quantity"
    assert row["quantities"] == "38 percent"
    assert (row["status"], row["verdict"], row["rating"]) == ("resolved", "verified", "accurate")
    assert row["assignee"] == "rita"
    assert row["reviews"].startswith("rita: verified / accurate (round 1")
    assert row["due"] == "2030-06-30"
    assert row["source_count"] == "1"
    assert "<https://board.example/survey>" in row["sources"]
    assert row["pinned_passages"] == "38 percent of pipes are older than 60 years <https://board.example/survey>"
    assert row["resolved_at"] and row["created_at"]


def test_csv_cells_cannot_start_a_formula(client, checked, editor):
    article, _, formula = checked
    client.force_login(editor)
    rows = _rows(client.get(f"/articles/{article.pk}/export.csv").content)
    cells = [value for row in rows for value in row.values()]
    assert not [c for c in cells if c and c[0] in "=+-@"], "a spreadsheet would run these as formulas"
    assert rows[0]["quote"] == "'" + formula.quote
    assert rows[1]["rationale"].startswith("'-1 is what")
    assert rows[1]["sources"].startswith("'@Pipe survey 2026")


def test_json_export_has_sources_with_pinned_passages_and_dates(client, checked, reviewer):
    article, pipes, _ = checked
    client.force_login(reviewer)
    response = client.get(f"/articles/{article.pk}/export.json")
    assert response.status_code == 200
    data = json.loads(response.content)
    assert data["format"] == "factcheck-article-claims"
    assert data["article"]["title"] == "Ørsted water pipes"
    claim = next(c for c in data["claims"] if c["id"] == pipes.pk)
    assert claim["quantities"][0]["value"] == 38
    assert claim["reviews"][0]["rationale"] == "Survey table 3."
    source = claim["sources"][0]
    assert source["passage"] == {"quote": "38 percent of pipes are older than 60 years", "start": 0, "end": 43}
    assert source["snapshot"]["sha256"] == "ab" * 32
    assert source["independent"] is True
    assert claim["due"] == "2030-06-30" and claim["resolved_at"]


def test_exports_carry_the_report_dates(client, finished, editor):
    from factcheck.publishing.services import article_publish

    article = finished["article"]
    article_publish(actor=editor, article_id=article.pk)
    client.force_login(editor)
    data = json.loads(client.get(f"/articles/{article.pk}/export.json").content)
    assert data["article"]["report"]["status"] == "published" and data["article"]["report"]["first_published_at"]
    assert "/reports/" in data["article"]["report"]["url"]
    dead = next(c for c in data["claims"] if c["id"] == finished["dead"].pk)
    assert dead["report"]["verdict"] == "verified" and dead["report"]["published_at"]
    rows = _rows(client.get(f"/articles/{article.pk}/export.csv").content)
    assert all(r["published_at"] for r in rows if r["status"] == "resolved")


def test_blind_second_review_stays_blind_in_a_reviewers_export(client, checked, reviewer, other_reviewer, editor):
    article, _, formula = checked
    formula.status, formula.assignee, formula.second_reviewer = ClaimStatus.IN_REVIEW, reviewer, other_reviewer
    formula.save()
    Review.objects.create(claim=formula, reviewer=other_reviewer, verdict=Verdict.DISPUTED, rationale="Oscar's secret")
    client.force_login(reviewer)
    assert b"Oscar's secret" not in client.get(f"/articles/{article.pk}/export.json").content
    client.force_login(editor)
    assert b"Oscar's secret" in client.get(f"/articles/{article.pk}/export.json").content


def test_workspace_offers_both_downloads(client, checked, reviewer):
    client.force_login(reviewer)
    html = client.get(f"/articles/{checked[0].pk}/").content.decode()
    assert f'href="/articles/{checked[0].pk}/export.csv"' in html
    assert f'href="/articles/{checked[0].pk}/export.json"' in html


def test_outsiders_get_no_export(client, checked, outsider):
    assert client.get(f"/articles/{checked[0].pk}/export.csv").status_code == 302  # to the login page
    client.force_login(outsider)
    assert client.get(f"/articles/{checked[0].pk}/export.csv").status_code in (302, 403)


def _api(user) -> APIClient:
    api = APIClient()
    token, _ = Token.objects.get_or_create(user=user)
    api.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return api


def test_api_exports_match_the_workspace_downloads(client, checked, editor):
    article = checked[0]
    client.force_login(editor)
    api = _api(editor)
    csv_response = api.get(f"/api/articles/{article.pk}/export.csv")
    assert csv_response.status_code == 200
    assert csv_response["Content-Type"].startswith("text/csv")
    assert csv_response.content == client.get(f"/articles/{article.pk}/export.csv").content
    json_response = api.get(f"/api/articles/{article.pk}/export.json")
    assert json_response.status_code == 200
    assert json_response.json() == json.loads(client.get(f"/articles/{article.pk}/export.json").content)
    assert api.get("/api/articles/999999/export.json").json()["error"]["code"]
    assert APIClient().get(f"/api/articles/{article.pk}/export.csv").status_code == 401


def test_exports_are_in_the_openapi_schema(checked, editor):
    schema = _api(editor).get("/api/schema/?format=json").json()
    csv_op = schema["paths"]["/api/articles/{id}/export.csv"]["get"]
    assert "text/csv" in csv_op["responses"]["200"]["content"]
    json_op = schema["paths"]["/api/articles/{id}/export.json"]["get"]
    assert "claims" in json_op["responses"]["200"]["content"]["application/json"]["schema"]["properties"]


def test_an_arabic_or_hebrew_title_names_the_download_in_its_own_script(client, editor):
    arabic = ArticleFactory(created_by=editor, title="فيضانات البصرة: الحصيلة")
    hebrew = ArticleFactory(created_by=editor, title="שריפה בכרמל")
    client.force_login(editor)
    header = client.get(f"/articles/{arabic.pk}/export.csv")["Content-Disposition"]
    # RFC 6266/5987: browsers save it under the Arabic name, not "claims-N-article.csv".
    assert header.startswith("attachment; filename*=utf-8''")
    assert unquote(header.split("''", 1)[1]) == f"claims-{arabic.pk}-فيضانات-البصرة-الحصيلة.csv"
    header = _api(editor).get(f"/api/articles/{hebrew.pk}/export.json")["Content-Disposition"]
    assert unquote(header.split("''", 1)[1]) == f"claims-{hebrew.pk}-שריפה-בכרמל.json"
    plain = ArticleFactory(created_by=editor, title="Port fees: 2026")
    assert client.get(f"/articles/{plain.pk}/export.json")["Content-Disposition"] == (
        f'attachment; filename="claims-{plain.pk}-port-fees-2026.json"')
