"""The generated archive of bench/archive.py: a year and a half of a busy desk, written in bulk.

Everything is inserted with bulk_create in batches (200,000 claims take a minute or two, not an
hour) but keeps the invariants the services keep: every claim's quote is its revision's text at
[start, end) with the same prefix and suffix make_anchor() gives, resolved claims carry a verdict,
a resolved_at and a Review by their assignee, assigned and in-review claims have an assignee,
every claim has its `created` audit event (and `resolved` when resolved), every article has a
current revision. Derived data (counters, search vectors) is then rebuilt by `refresh_derived`,
exactly as after a restore.

Claims are written from templates over shared places and topics, so the same claim recurs,
reworded or with another figure, across articles: what the similar-claims lookup must find.
"""

from __future__ import annotations

import random
from datetime import timedelta

TOWNS = [
    "Elmbridge", "Ashford", "Kelso", "Marlow", "Thornbury", "Wexham", "Redcliffe", "Dunmore", "Halstead", "Brackley",
    "Corbridge", "Lydney", "Penrith", "Alnwick", "Ludlow", "Ripon", "Settle", "Tetbury", "Whitby", "Bideford",
    "Cromer", "Frome", "Hexham", "Kendal", "Malton", "Oakham", "Romsey", "Sherborne", "Totnes", "Wells",
    "Bakewell", "Clitheroe", "Devizes", "Evesham", "Glossop", "Helston", "Ilkley", "Knutsford", "Lewes", "Morpeth",
]
RIVERS = ["Avon", "Severn", "Tyne", "Wear", "Ouse", "Trent", "Exe", "Dart", "Tamar", "Wye"]
ORGS = (
    "the county council", "the health board", "the police", "the water board", "the statistics office",
    "the fire service", "the education department", "the transport authority", "the housing association",
    "the chamber of commerce", "the environment agency", "the hospital trust",
)
ATTRIB = ("said", "told reporters", "announced", "reported", "confirmed on Tuesday")

# (template, types, unit of {n}); {n} is the figure, {t} a town, {r} a river, {y} a year.
FACTS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("{n} people were treated in hospital after the floods in {t}", ("quantity",), "people"),
    ("unemployment in {t} rose to {n} percent in {y}", ("quantity", "temporal"), "percent"),
    ("{n} homes in {t} were left without power after the storm", ("quantity",), "homes"),
    ("the new bridge over the {r} cost {n} million pounds", ("quantity",), "pounds"),
    ("recorded crime in {t} fell by {n} percent last year", ("quantity", "comparison"), "percent"),
    ("{t} has the highest rate of childhood asthma in the county", ("superlative",), ""),
    ("the school building budget in {t} was cut by {n} million pounds", ("quantity",), "pounds"),
    ("{n} percent of household water pipes in {t} are older than sixty years", ("quantity",), "percent"),
    ("waiting times at the {t} hospital doubled since {y}", ("comparison", "temporal"), ""),
    ("the {r} burst its banks for the first time since {y}", ("temporal",), ""),
    ("{n} new houses will be built on the edge of {t} by {y}", ("quantity", "prediction"), "houses"),
    ("bus fares in {t} went up by {n} percent in January", ("quantity", "temporal"), "percent"),
    ("the closure of the {t} factory cost {n} jobs", ("quantity", "causal"), "jobs"),
    ("{n} pupils in {t} were excluded from school last term", ("quantity",), "pupils"),
    ("air pollution near the {t} ring road exceeded the legal limit on {n} days", ("quantity",), "days"),
    ("the {t} library lends more books than any other in the region", ("superlative", "comparison"), ""),
    ("house prices in {t} climbed {n} percent in twelve months", ("quantity",), "percent"),
    ("the fire service answered {n} calls in {t} during the heatwave", ("quantity",), "calls"),
    ("{n} tonnes of rubbish were collected from the {r} riverbank", ("quantity",), "tonnes"),
    ("the average ambulance response time in {t} is {n} minutes", ("quantity",), "minutes"),
)
# Rewordings a second outlet might print of the same facts (same slot meaning, other words).
REWORDED = {
    0: "after the {t} floods, {n} people needed hospital treatment",
    2: "the storm cut power to {n} households in {t}",
    4: "crime recorded in {t} dropped {n} percent over the past year",
    7: "in {t}, {n} percent of the household pipes are more than sixty years old",
    12: "{n} jobs were lost when the factory in {t} closed",
    16: "over twelve months {t} house prices rose by {n} percent",
}
FILLER = (
    "Residents gathered outside the town hall on Monday evening.",
    "The meeting lasted more than three hours and ended without a vote.",
    "Local businesses have asked for more time to respond to the proposals.",
    "A spokesperson declined to comment further on the details.",
    "Campaigners say the consultation was too short.",
    "The plans will be discussed again at the next session.",
)
CLAIMS_PER_ARTICLE = 20
TOPICS = ("council", "floods", "budget", "hospital", "schools", "housing", "transport", "river")


def figure(rng: random.Random, unit: str) -> int | float:
    if unit == "percent":
        return rng.choice([3, 4, 5, 6, 7, 8, 9, 12, 15, 18, 22, 38, 41])
    if unit == "pounds":
        return rng.choice([2, 3.5, 4, 7, 12.5, 18, 25, 40])
    return rng.choice([12, 40, 85, 120, 240, 300, 450, 1200, 2200, 3400, 5000])


def claim_sentence(rng: random.Random) -> tuple[str, tuple[str, ...], list[dict]]:
    """One claim sentence, its types and its quantity (as the suggestion engine would store it)."""
    index = rng.randrange(len(FACTS))
    template, types, unit = FACTS[index]
    if index in REWORDED and rng.random() < 0.4:
        template = REWORDED[index]
    n = figure(rng, unit)
    fact = template.format(n=f"{n:,}", t=rng.choice(TOWNS), r=rng.choice(RIVERS), y=rng.randint(1990, 2024))
    org = rng.choice(ORGS)
    if rng.random() < 0.5:
        sentence = f"{org[0].upper()}{org[1:]} {rng.choice(ATTRIB)} that {fact}."
        types = (*types, "attribution")
    else:
        sentence = f"{fact[0].upper()}{fact[1:]}, according to {org}."
    quantities = [{"value": float(n), "qualifier": "exact", "unit": unit, "text": f"{n:,} {unit}"}] if unit else []
    return sentence, tuple(dict.fromkeys(types)), quantities


def article_text(rng: random.Random) -> tuple[str, list[tuple[int, int, tuple[str, ...], list[dict]]]]:
    """An article body and the spans of its claim sentences."""
    parts: list[str] = []
    spans = []
    pos = 0
    for i in range(CLAIMS_PER_ARTICLE):
        sentence, types, quantities = claim_sentence(rng)
        spans.append((pos, pos + len(sentence), types, quantities))
        parts.append(sentence)
        pos += len(sentence)
        sep = " " if i % 3 != 2 else f" {rng.choice(FILLER)}\n\n"
        parts.append(sep)
        pos += len(sep)
    return "".join(parts).rstrip() + "\n", spans


def generate(*, articles: int, seed: int = 16, batch: int = 2000, log=print) -> None:
    """Write the archive; the database must be empty of articles."""
    import time

    from django.contrib.auth.hashers import make_password
    from django.db import connection, transaction
    from django.utils import timezone

    from factcheck.accounts.models import Role, User
    from factcheck.articles.models import Article, ArticleRevision
    from factcheck.claims.models import Claim, ClaimEvent, ClaimStatus, EventKind, Review
    from factcheck.core.anchoring import make_anchor

    rng = random.Random(seed)
    started = time.monotonic()
    password = make_password("bench-archive-password")
    people = [User(username=f"editor{i}", role=Role.EDITOR, password=password) for i in range(4)]
    people += [User(username=f"reviewer{i}", role=Role.REVIEWER, password=password, first_name=f"Rev{i}")
               for i in range(30)]
    User.objects.bulk_create(people)
    editors = list(User.objects.filter(role=Role.EDITOR))
    reviewers = list(User.objects.filter(role=Role.REVIEWER))
    now = timezone.now()
    today = timezone.localdate()
    # 10,000 articles over ~540 days: older ones are finished, the last few weeks are in progress.
    span_days = 540

    claim_rows = 0
    for first in range(0, articles, batch // CLAIMS_PER_ARTICLE * 5):
        count = min(batch // CLAIMS_PER_ARTICLE * 5, articles - first)
        with transaction.atomic():
            arts, texts, ages = [], [], []
            for i in range(first, first + count):
                age = span_days * (articles - i) / articles  # days ago; the last article is the newest
                text, spans = article_text(rng)
                arts.append(Article(
                    title=f"{rng.choice(TOWNS)} {rng.choice(TOPICS)} report {i}",
                    outlet=rng.choice(["Elmbridge Echo", "County Herald", "Valley Times", "Morning Post", "The Courier"]),
                    author=rng.choice(["A. Reporter", "B. Writer", "C. Journalist", ""]),
                    published_at=today - timedelta(days=int(age)),
                    created_by=rng.choice(editors),
                ))
                texts.append((text, spans))
                ages.append(age)
            Article.objects.bulk_create(arts)
            revs = [
                ArticleRevision(article=a, number=1, text=t, created_by=a.created_by)
                for a, (t, _) in zip(arts, texts, strict=True)
            ]
            ArticleRevision.objects.bulk_create(revs)
            claims: list[Claim] = []
            for a, rev, (text, spans), age in zip(arts, revs, texts, ages, strict=True):
                a.current_revision = rev
                for start, end, types, quantities in spans:
                    anchor = make_anchor(text, start, end)
                    c = Claim(
                        article=a, revision=rev, start=start, end=end, quote=anchor.quote, prefix=anchor.prefix,
                        suffix=anchor.suffix, text=anchor.quote, types=list(types), quantities=quantities,
                        score=round(rng.random(), 3), suggested=True, created_by=a.created_by,
                        priority=rng.choice([1, 2, 2, 2, 3, 4]),
                    )
                    _state(c, rng, age=age, today=today, now=now, reviewers=reviewers)
                    claims.append(c)
            Article.objects.bulk_update(arts, ["current_revision"])
            Claim.objects.bulk_create(claims, batch_size=batch)
            events, reviews = [], []
            for c in claims:
                created = c.resolved_at - timedelta(days=3) if c.resolved_at else now - timedelta(days=1)
                events.append(ClaimEvent(claim=c, article_id=c.article_id, actor_id=c.created_by_id, at=created,
                                         kind=EventKind.SUGGESTED, to_status=ClaimStatus.SUGGESTED))
                if c.status == ClaimStatus.RESOLVED:
                    reviews.append(Review(claim=c, reviewer_id=c.assignee_id, verdict=c.verdict,
                                          rationale=c.rationale, round=1))
                    events.append(ClaimEvent(claim=c, article_id=c.article_id, actor_id=c.assignee_id,
                                             at=c.resolved_at, kind=EventKind.RESOLVED, from_status=ClaimStatus.IN_REVIEW,
                                             to_status=ClaimStatus.RESOLVED, verdict=c.verdict))
            ClaimEvent.objects.bulk_create(events, batch_size=batch)
            Review.objects.bulk_create(reviews, batch_size=batch)
            # auto_now_add stamps every row "now": spread articles and claims over the archive's time.
            ids = [a.pk for a in arts]
            with connection.cursor() as cur:
                for a, age in zip(arts, ages, strict=True):
                    a._when = now - timedelta(days=age)
                cur.executemany(
                    "UPDATE articles_article SET created_at = %s, updated_at = %s WHERE id = %s",
                    [(a._when, a._when, a.pk) for a in arts],
                )
                cur.execute(
                    "UPDATE claims_claim c SET created_at = a.created_at, "
                    "updated_at = COALESCE(c.resolved_at, a.created_at) "
                    "FROM articles_article a WHERE c.article_id = a.id AND a.id = ANY(%s)",
                    [ids],
                )
        claim_rows += len(claims)
        log(f"  {first + count:>6} articles, {claim_rows:>7} claims  ({time.monotonic() - started:.0f} s)")


def _state(c, rng: random.Random, *, age: float, today, now, reviewers) -> None:
    """Status, verdict, assignee and dates by the article's age: old checks are finished."""
    from factcheck.claims.models import ClaimStatus, Verdict

    roll = rng.random()
    if age > 30:
        choice = ClaimStatus.RESOLVED if roll < 0.85 else ClaimStatus.REJECTED
    else:
        choice = (
            ClaimStatus.SUGGESTED if roll < 0.2 else ClaimStatus.OPEN if roll < 0.35
            else ClaimStatus.ASSIGNED if roll < 0.6 else ClaimStatus.IN_REVIEW if roll < 0.75
            else ClaimStatus.RESOLVED if roll < 0.92 else ClaimStatus.REJECTED
        )
    c.status = choice
    if choice in (ClaimStatus.ASSIGNED, ClaimStatus.IN_REVIEW, ClaimStatus.RESOLVED):
        c.assignee = rng.choice(reviewers)
        c.due = today + timedelta(days=int(-age + rng.randint(-3, 10)))
    elif choice == ClaimStatus.OPEN and rng.random() < 0.5:
        c.due = today + timedelta(days=rng.randint(-5, 10))
    if choice == ClaimStatus.RESOLVED:
        c.verdict = rng.choice([Verdict.VERIFIED, Verdict.VERIFIED, Verdict.DISPUTED, Verdict.UNVERIFIABLE])
        c.rationale = "Checked against the published figures of the responsible body."
        c.resolved_at = now - timedelta(days=max(age - 2, 0))
        c.version = 5
    elif choice != ClaimStatus.SUGGESTED:
        c.version = 2
