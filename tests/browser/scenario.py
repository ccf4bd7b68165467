"""Texts and service-level set-ups the browser journeys start from (all texts written for these tests)."""

from __future__ import annotations

import datetime as dt

from factcheck.articles.services import article_create
from factcheck.claims.services import claim_assign, claim_create

TITLE = "Council backs desalination plant for Port Ellery"
PARAGRAPHS = [
    "The regional council approved a new desalination plant for Port Ellery on Tuesday. Its backers say the "
    "project will cost 84 million euros.",
    "Council leader Mara Voss said the plant would supply nearly 2,400 households by 2027.",
    "Water use in the district rose by 18 percent over the past decade, according to the utility's annual "
    "report. Opponents argue that the plant will double the price of tap water for small farms.",
    "The harbour authority said construction would create 350 local jobs. Unemployment in Port Ellery stands "
    "at 11.2 percent, twice the national rate, according to the statistics office.",
    "Rainfall in the region has fallen below the long-term average in six of the last eight summers, the "
    "weather service said. The council will vote on the final budget in March.",
]
TEXT = "\n\n".join(PARAGRAPHS) + "\n"

# The passages the journeys turn into claims by hand.
HOUSEHOLDS = "the plant would supply nearly 2,400 households by 2027"
JOBS = "construction would create 350 local jobs"
RAINFALL = "Rainfall in the region has fallen below the long-term average in six of the last eight summers"

# A page of the loopback source site that contradicts the households figure.
SOURCE_PATH = "/utility/capacity-2024.html"
SOURCE_TITLE = "Port Ellery Water Utility: capacity statement 2024"
SOURCE_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Port Ellery Water Utility: capacity statement 2024</title>
<meta name="author" content="Hanna Lindqvist">
<meta property="og:site_name" content="Port Ellery Water Utility">
<meta property="article:published_time" content="2024-03-05">
</head><body><article>
<h1>Capacity statement 2024</h1>
<p>The utility publishes this statement every spring so that residents can follow how the supply network grows.</p>
<p>According to the engineering study, the planned desalination plant would supply about 1,500 households once
both intake lines are complete, and not before 2029. The study notes that a second phase could raise that number,
but no budget has been set aside for it.</p>
<p>Average household consumption in the district was 142 litres per person per day last year. The utility expects
the figure to fall slightly as older pipes are replaced in the harbour quarter.</p>
<p>Questions about this statement can be sent to the utility's press office.</p>
</article></body></html>
"""
PINNED = "the planned desalination plant would supply about 1,500 households"


def article_with_claims(editor, *, title: str = TITLE, text: str = TEXT, quotes=(HOUSEHOLDS, JOBS, RAINFALL)):
    article = article_create(actor=editor, title=title, text=text, outlet="Harbour Gazette")
    claims = [claim_create(actor=editor, article_id=article.pk, quote=q) for q in quotes]
    return article, claims


def assigned_claims(editor, reviewer, *, due: dt.date | None = None):
    """An article with three open claims, the first two assigned to reviewer."""
    article, claims = article_with_claims(editor)
    due = due or dt.date.today() + dt.timedelta(days=3)
    assigned = [claim_assign(actor=editor, claim_id=c.pk, reviewer=reviewer, due=due) for c in claims[:2]]
    return article, assigned + claims[2:]
