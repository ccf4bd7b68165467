"""schemathesis against the live schema, as an editor and as a reviewer.

The app is served on 127.0.0.1 from a thread (tests/api/server.py), seeded with an
article and claims in every state; path ids are drawn mostly from the seeded
rows so the fuzzer exercises real objects, not only 404s. Every operation is
tested; the checks are: no 5xx, and every response (errors included) matches
the schema in status, content type and body.

Bounded by SCHEMATHESIS_MAX_EXAMPLES (default 25 per operation); set
SCHEMATHESIS_SEED to replay a run.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
from rest_framework.authtoken.models import Token

from factcheck.claims.models import ClaimStatus, Comment, Notification
from factcheck.sources.models import Evidence, Lookup, LookupKind, Snapshot, Source
from tests.api.server import serve
from tests.support.factories import ArticleFactory, make_claim

# Minutes of fuzzing: `make test-fast` leaves it out of the edit loop; `make test` and CI run it.
pytestmark = [pytest.mark.slow, pytest.mark.schemathesis]

CHECKS = "not_a_server_error,response_schema_conformance,status_code_conformance,content_type_conformance"
TEXT = (
    "The city council approved a budget of 412 million euros on Monday, 6 percent more than last year. "
    "Spending on schools rises to 96 million euros, the finance office said. "
    "Bus fares will stay at 2.10 euros, the lowest in the region, according to the mayor.\n"
)


def seed(editor, reviewer, other_reviewer) -> list[int]:
    ids: set[int] = set()
    for n in range(2):
        article = ArticleFactory(created_by=editor, text=TEXT, title=f"Council budget {n}")
        ids.add(article.pk)
        due = dt.date.today() + dt.timedelta(days=n - 1)
        rows = [
            make_claim(article, "a budget of 412 million euros", status=ClaimStatus.SUGGESTED, suggested=True,
                       types=["quantity"]),
            make_claim(article, "6 percent more than last year", types=["quantity", "comparison"]),
            make_claim(article, "Spending on schools rises to 96 million euros", status=ClaimStatus.ASSIGNED,
                       assignee=reviewer, due=due, types=["quantity"]),
            make_claim(article, "Bus fares will stay at 2.10 euros", status=ClaimStatus.IN_REVIEW, assignee=reviewer,
                       due=due, types=["quantity", "attribution"], attributed_to="the mayor"),
            make_claim(article, "the lowest in the region", status=ClaimStatus.RESOLVED, assignee=reviewer,
                       verdict="unverifiable", rationale="No regional table.", types=["superlative"]),
            make_claim(article, "the finance office said", status=ClaimStatus.IN_REVIEW, assignee=other_reviewer),
        ]
        ids.update(c.pk for c in rows)
        source = Source.objects.create(url=f"https://budget.example.org/{n}", added_by=editor, title="Budget",
                                       independent=True)
        Snapshot.objects.create(source=source, fetched_at=dt.datetime.now(dt.UTC), final_url=source.url,
                                status_code=200, content_type="text/html", sha256=f"{n:064d}", text="Budget 412m.")
        Evidence.objects.create(claim=rows[3], source=source, added_by=reviewer, stance="supports",
                                passage_start=0, passage_end=6, passage_quote="Budget")
        Lookup.objects.create(kind=LookupKind.FETCH, source=source, status="done", requested_by=reviewer,
                              result={"status": 200})
        failed = Lookup.objects.create(kind=LookupKind.SIMILAR, claim=rows[3], status="failed", error="No index.")
        Comment.objects.create(claim=rows[3], author=reviewer, body="The mayor's office confirms the fare.")
        Notification.objects.create(recipient=reviewer, claim=rows[2], kind="assigned", message="A claim for you.")
        ids.update((source.pk, failed.pk))
    return sorted(ids)


def start_schemathesis(
    base_url: str, token: str | None, ids: list[int], workdir: Path, seed: str, *, checks: str = CHECKS,
    max_examples: str | None = None,
) -> subprocess.Popen:
    workdir.mkdir(parents=True, exist_ok=True)
    config = workdir / "schemathesis.toml"
    config.write_text(
        "[dictionaries.seeded]\n"
        f"values = {ids!r}\n\n"
        "[parameters]\n"
        '"path.id" = { dictionary = "seeded", probability = 0.8 }\n'
        '"path.source_id" = { dictionary = "seeded", probability = 0.8 }\n\n'
        # A well-formed username and password that name no member answer 400 invalid_credentials:
        # the API's documented answer since issue 6, which `--checks all` would otherwise call a rejection.
        "[[operations]]\n"
        'include-path = "/api/auth/token/"\n'
        'checks.positive_data_acceptance.expected-statuses = ["200", "400", "429"]\n'
    )
    st = Path(sys.executable).with_name("st")
    cmd = [
        str(st), "--config-file", str(config), "run", f"{base_url}/api/schema/",
        *(["--header", f"Authorization: Token {token}"] if token else []),
        "--checks", checks,
        "--max-examples", max_examples or os.environ.get("SCHEMATHESIS_MAX_EXAMPLES", "10"),
        "--phases", "examples,coverage,fuzzing",
        # One worker per run: schemathesis' threads race in CPython 3.11's ast module (SystemError).
        # The two personas run as two processes at once instead.
        "--workers", "1",
        "--seed", seed,
        "--request-timeout", "30",
        "--generation-database", "none",
        "--no-color",
        "--report-dir", str(workdir / "report"),
        "--max-failures", "20",
        "--warnings", "off",
    ]
    return subprocess.Popen(cmd, cwd=workdir, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


@pytest.fixture
def seeded(transactional_db, editor, reviewer, other_reviewer):
    # The server thread shares this process's settings and patches: throttles stay out of the way and
    # Celery publishing is stubbed (conftest), so nothing the fuzzer attaches is ever fetched.
    ids = seed(editor, reviewer, other_reviewer)
    with serve() as base_url:
        yield base_url, ids


# As long as the runs' own limit (communicate(timeout=900)): on a loaded CI machine they outlast the default 300 s.
@pytest.mark.timeout(900)
def test_schemathesis_as_editor_and_reviewer_finds_no_server_error_and_no_schema_violation(
    seeded, editor, reviewer, tmp_path
):
    base_url, ids = seeded
    # Generate the schema once first: drf-spectacular loads its extensions lazily and two first
    # requests at the same instant can race in that loading (a 500 that says nothing about the API).
    with urllib.request.urlopen(f"{base_url}/api/schema/", timeout=60) as response:
        assert response.status == 200
    seed = os.environ.get("SCHEMATHESIS_SEED") or str(random.randrange(2**31))
    runs = {}
    for name, user in (("editor", editor), ("reviewer", reviewer)):
        token, _ = Token.objects.get_or_create(user=user)
        runs[name] = start_schemathesis(base_url, token.key, ids, tmp_path / name, seed)
    failed = []
    for name, proc in runs.items():
        out, _ = proc.communicate(timeout=900)
        if os.environ.get("SCHEMATHESIS_LOG"):
            Path(os.environ["SCHEMATHESIS_LOG"]).joinpath(f"st-{name}.txt").write_text(out)
        if proc.returncode != 0:
            failed.append(f"--- as {name} ---\n{out[-12000:]}")
    assert not failed, f"schemathesis (SCHEMATHESIS_SEED={seed}) found problems:\n" + "\n".join(failed)


@pytest.mark.timeout(900)
def test_schemathesis_unauthenticated_with_every_check(seeded, tmp_path):
    """A client without credentials, with all of schemathesis' checks (ignored auth, negative data, methods...).

    Nearly every answer is a 401 or 404 here, so few examples per operation are enough
    (SCHEMATHESIS_ANON_MAX_EXAMPLES, default 3), which keeps this run short in CI.
    """
    base_url, ids = seeded
    with urllib.request.urlopen(f"{base_url}/api/schema/", timeout=60) as response:
        assert response.status == 200
    seed = os.environ.get("SCHEMATHESIS_SEED") or str(random.randrange(2**31))
    proc = start_schemathesis(base_url, None, ids, tmp_path / "anon", seed, checks="all",
                              max_examples=os.environ.get("SCHEMATHESIS_ANON_MAX_EXAMPLES", "3"))
    out, _ = proc.communicate(timeout=900)
    if os.environ.get("SCHEMATHESIS_LOG"):
        Path(os.environ["SCHEMATHESIS_LOG"]).joinpath("st-anon.txt").write_text(out)
    assert proc.returncode == 0, f"schemathesis --checks all, no credentials (SCHEMATHESIS_SEED={seed}):\n{out[-12000:]}"
