"""factory_boy factories for the nouns of factcheck."""

from __future__ import annotations

import factory

from factcheck.accounts.models import Role, User
from factcheck.articles.models import Article, ArticleRevision
from factcheck.claims.models import Claim, ClaimStatus

SAMPLE_TEXT = (
    "Rescue teams pulled 14 survivors from a collapsed apartment block in Varnhold on Sunday, "
    "the city fire service said. The quake, measured at magnitude 6.1, damaged more than 300 homes "
    "and left at least 9 people dead, according to the interior ministry. It was the strongest "
    "tremor to hit the province in over 40 years.\n"
)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"member{n}")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    role = Role.REVIEWER
    password = factory.django.Password("correct horse battery")


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Sample article {n}")
    outlet = "Valley Tribune"
    created_by = factory.SubFactory(UserFactory, role=Role.EDITOR)

    @factory.post_generation
    def text(obj, create, extracted, **kwargs):
        revision = ArticleRevision.objects.create(
            article=obj, number=1, text=extracted or SAMPLE_TEXT, created_by=obj.created_by
        )
        obj.current_revision = revision
        obj.save(update_fields=["current_revision"])
        # Rows written directly, as an import would: derived data as the services keep it.
        from factcheck.articles.services import article_search_refresh

        article_search_refresh(obj.pk)


def make_claim(article: Article, quote: str, *, status: str = ClaimStatus.OPEN, occurrence: int = 0, **fields) -> Claim:
    """A claim on the n-th occurrence of quote in the article's current text."""
    from factcheck.core.anchoring import make_anchor

    text = article.current_revision.text
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(quote, start + 1)
    anchor = make_anchor(text, start, start + len(quote))
    defaults = {
        "text": quote,
        "created_by": article.created_by,
        "updated_by": article.created_by,
    }
    defaults.update(fields)
    claim = Claim.objects.create(
        article=article,
        revision=article.current_revision,
        start=anchor.start,
        end=anchor.end,
        quote=anchor.quote,
        prefix=anchor.prefix,
        suffix=anchor.suffix,
        status=status,
        **defaults,
    )
    # Written directly, not through a service: bring the derived data up to date as they do.
    from factcheck.claims import derived

    derived.claims_search_refresh([claim.pk])
    derived.article_progress_refresh(article.pk)
    return claim
