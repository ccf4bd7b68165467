"""State changes of articles: create, revise (new revision + re-anchoring), edit details, delete."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction

from factcheck.accounts.models import User
from factcheck.accounts.permissions import can_edit_article, require
from factcheck.articles.models import Article, ArticleRevision
from factcheck.core.errors import InvalidInput, StaleVersion, TooLarge


def clean_article_text(text: object) -> str:
    """Validate and normalise article text; raise a domain error naming the problem."""
    if not isinstance(text, str):
        raise InvalidInput("The article text must be a string.", fields={"text": ["Must be a string."]})
    # One newline convention, so offsets mean the same in every browser and client.
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    if not text.strip():
        raise InvalidInput("The article text is empty.", fields={"text": ["Paste the article text."]})
    limit = settings.ARTICLE_MAX_CHARS
    if len(text) > limit:
        raise TooLarge(
            f"The article is {len(text):,} characters long; the limit is {limit:,}.",
            fields={"text": [f"At most {limit:,} characters."]},
        )
    return text


def _clean_title(title: object) -> str:
    if not isinstance(title, str) or not title.strip():
        raise InvalidInput("The article needs a title.", fields={"title": ["Give the article a title."]})
    title = " ".join(title.split())
    if len(title) > 300:
        raise InvalidInput("The title is too long.", fields={"title": ["At most 300 characters."]})
    return title


def stale_message(what: str, user: User | None, when: dt.datetime | None) -> str:
    who = user.display_name if user else "someone"
    stamp = when.strftime("%H:%M:%S on %d %b %Y") if when else "an unknown time"
    return f"This {what} was changed by {who} at {stamp} since you opened it. Reload to see the change; nothing was saved."


@transaction.atomic
def article_create(
    *,
    actor: User,
    title: str,
    text: str,
    outlet: str = "",
    url: str = "",
    author: str = "",
    published_at: dt.date | None = None,
) -> Article:
    require(can_edit_article(actor), "Only editors can create articles.")
    title = _clean_title(title)
    text = clean_article_text(text)
    article = Article.objects.create(
        title=title,
        outlet=(outlet or "").strip()[:200],
        url=(url or "").strip(),
        author=(author or "").strip()[:200],
        published_at=published_at,
        created_by=actor,
    )
    revision = ArticleRevision.objects.create(article=article, number=1, text=text, created_by=actor)
    article.current_revision = revision
    article.save(update_fields=["current_revision"])
    return article


@dataclass
class RevisionOutcome:
    article: Article
    revision: ArticleRevision
    orphaned: list = field(default_factory=list)
    rereview: list = field(default_factory=list)
    moved: list = field(default_factory=list)


@transaction.atomic
def article_revise(
    *, actor: User, article_id: int, text: str, version: int | None = None, note: str = ""
) -> RevisionOutcome:
    """Save new text as a new revision and re-anchor every claim of the article."""
    from factcheck.claims.services import claims_reanchor

    require(can_edit_article(actor), "Only editors can edit article text.")
    text = clean_article_text(text)
    article = Article.objects.select_for_update().get(pk=article_id)
    if version is not None and version != article.version:
        raise StaleVersion(stale_message("article", None, article.updated_at))
    current = article.current_revision
    if current is not None and current.text == text:
        return RevisionOutcome(article=article, revision=current)
    number = (current.number if current else 0) + 1
    revision = ArticleRevision.objects.create(
        article=article, number=number, text=text, created_by=actor, note=(note or "")[:300]
    )
    article.current_revision = revision
    article.version += 1
    article.save(update_fields=["current_revision", "version", "updated_at"])
    outcome = claims_reanchor(actor=actor, article=article, old_revision=current, new_revision=revision)
    return RevisionOutcome(article=article, revision=revision, **outcome)


@transaction.atomic
def article_update_details(*, actor: User, article_id: int, version: int | None = None, **fields) -> Article:
    require(can_edit_article(actor), "Only editors can edit articles.")
    article = Article.objects.select_for_update().get(pk=article_id)
    if version is not None and version != article.version:
        raise StaleVersion(stale_message("article", None, article.updated_at))
    allowed = {"title", "outlet", "url", "author", "published_at"}
    unknown = set(fields) - allowed
    if unknown:
        raise InvalidInput(f"Unknown article fields: {', '.join(sorted(unknown))}.")
    if "title" in fields:
        fields["title"] = _clean_title(fields["title"])
    for name, value in fields.items():
        setattr(article, name, value)
    article.version += 1
    article.save()
    return article


@transaction.atomic
def article_delete(*, actor: User, article_id: int) -> None:
    require(can_edit_article(actor), "Only editors can delete articles.")
    article = Article.objects.select_for_update().get(pk=article_id)
    # Claim events are append-only, but deleting the article removes its claims
    # and their history together: the one time history may go.
    article.delete()
