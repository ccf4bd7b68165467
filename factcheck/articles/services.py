"""State changes of articles: create, revise (new revision + re-anchoring), edit details, delete."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone

from factcheck.accounts.models import User
from factcheck.accounts.permissions import can_edit_article, require
from factcheck.articles.models import Article, ArticleChange, ArticleRevision
from factcheck.core.errors import InvalidInput, NotFound, StaleVersion, TooLarge


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


def _clean_url(url: object) -> str:
    # Shown as a link on every page of the article: only web addresses, never javascript: or data:.
    if url is None:
        return ""
    if not isinstance(url, str):
        raise InvalidInput("The article URL must be text.", fields={"url": ["Must be text."]})
    url = url.strip()
    if not url:
        return ""
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError:
        raise InvalidInput("The article URL is not a web address.", fields={"url": ["Give an http(s) address."]}) from None
    if len(url) > 2000:
        raise InvalidInput("The article URL is too long.", fields={"url": ["At most 2000 characters."]})
    return url


def _clean_short(value: object, field: str, limit: int) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise InvalidInput(f"{field.capitalize()} must be text.", fields={field: ["Must be text."]})
    return " ".join(value.split())[:limit]


def _clean_date(value: object) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise InvalidInput("The publication date must be a date.", fields={"published_at": ["Must be a date."]})
    return value


def _check_article_version(article: Article, version: object) -> None:
    if version is None:
        return
    if not isinstance(version, int) or isinstance(version, bool):
        raise InvalidInput("version must be a whole number.", fields={"version": ["Must be a whole number."]})
    if version != article.version:
        raise StaleVersion(stale_message("article", None, article.updated_at))


def _lock_article(article_id: int) -> Article:
    try:
        return Article.objects.select_for_update(of=("self",)).select_related("current_revision").get(pk=article_id)
    except (Article.DoesNotExist, ValueError, TypeError):
        raise NotFound(f"Article {article_id} does not exist.") from None


def stale_message(what: str, user: User | None, when: dt.datetime | None) -> str:
    who = user.display_name if user else "someone"
    # In the newsroom's time zone: a UTC clock time would read as the wrong hour.
    stamp = timezone.localtime(when).strftime("%H:%M:%S on %d %b %Y") if when else "an unknown time"
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
        outlet=_clean_short(outlet, "outlet", 200),
        url=_clean_url(url),
        author=_clean_short(author, "author", 200),
        published_at=_clean_date(published_at),
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
    article = _lock_article(article_id)
    _check_article_version(article, version)
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
    article = _lock_article(article_id)
    _check_article_version(article, version)
    allowed = {"title", "outlet", "url", "author", "published_at"}
    unknown = set(fields) - allowed
    if unknown:
        raise InvalidInput(f"Unknown article fields: {', '.join(sorted(unknown))}.")
    cleaners = {
        "title": _clean_title,
        "outlet": lambda v: _clean_short(v, "outlet", 200),
        "author": lambda v: _clean_short(v, "author", 200),
        "url": _clean_url,
        "published_at": _clean_date,
    }
    fields = {name: cleaners[name](value) for name, value in fields.items()}
    changed = {name: value for name, value in fields.items() if getattr(article, name) != value}
    if not changed:
        return article
    shown = lambda v: v.isoformat() if hasattr(v, "isoformat") else v  # noqa: E731 - JSON for dates
    before = {name: shown(getattr(article, name)) for name in changed}
    for name, value in changed.items():
        setattr(article, name, value)
    article.version += 1
    article.save()
    ArticleChange.objects.create(article=article, actor=actor, version=article.version, before=before,
                                 after={name: shown(value) for name, value in changed.items()})
    return article


@transaction.atomic
def article_delete(*, actor: User, article_id: int) -> None:
    require(can_edit_article(actor), "Only editors can delete articles.")
    article = _lock_article(article_id)
    # Claim events are append-only, but deleting the article removes its claims
    # and their history together: the one time history may go.
    article.delete()
