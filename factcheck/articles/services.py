"""State changes of articles: create, revise (new revision + re-anchoring), edit details, delete.

Each writes an ArticleEvent audit row. Articles sit below claims (claims import
articles, never the reverse), so re-anchoring the claims after a revision is a
function the claims package hands over at start-up (``receive_reanchor``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext

from factcheck.accounts.models import User
from factcheck.accounts.permissions import can_edit_article, require
from factcheck.articles.html_text import looks_like_html, plain_text
from factcheck.articles.language import clean_language, detect_language
from factcheck.articles.models import Article, ArticleEvent, ArticleEventKind, ArticleRevision
from factcheck.core import search
from factcheck.core.errors import AlreadyDone, InvalidInput, NotFound, StaleVersion, TooLarge, stale_message


def clean_article_text(text: object) -> str:
    """Validate and normalise article text; raise a domain error naming the problem."""
    if not isinstance(text, str):
        raise InvalidInput(gettext("The article text must be a string."), fields={"text": [gettext("Must be a string.")]})
    # One newline convention, so offsets mean the same in every browser and client.
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    # Markup is never stored: offsets must point into the words readers see (articles/html_text.py).
    text, _converted = plain_text(text)
    if not text.strip():
        raise InvalidInput(gettext("The article text is empty."), fields={"text": [gettext("Paste the article text.")]})
    limit = settings.ARTICLE_MAX_CHARS
    if len(text) > limit:
        raise TooLarge(
            gettext("The article is %(text)s characters long; the limit is %(limit)s.") % {"text": format(len(text), ','),
                "limit": format(limit, ',')},
            fields={"text": [gettext("At most %(limit)s characters.") % {"limit": format(limit, ',')}]},
        )
    return text


def _clean_title(title: object) -> str:
    if not isinstance(title, str) or not title.strip():
        raise InvalidInput(gettext("The article needs a title."), fields={"title": [gettext("Give the article a title.")]})
    # A title pasted with its markup keeps only its words, as the text does ("Shelling <b>hits</b> market").
    title = " ".join(plain_text(title)[0].split())
    if not title:
        raise InvalidInput(gettext("The article needs a title."), fields={"title": [gettext("Give the article a title.")]})
    if len(title) > 300:
        raise InvalidInput(gettext("The title is too long."), fields={"title": [gettext("At most 300 characters.")]})
    return title


def _clean_url(url: object) -> str:
    # Shown as a link on every page of the article: only web addresses, never javascript: or data:.
    if url is None:
        return ""
    if not isinstance(url, str):
        raise InvalidInput(gettext("The article URL must be text."), fields={"url": [gettext("Must be text.")]})
    url = url.strip()
    if not url:
        return ""
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError:
        raise InvalidInput(gettext("The article URL is not a web address."),
            fields={"url": [gettext("Give an http(s) address.")]}) from None
    if len(url) > 2000:
        raise InvalidInput(gettext("The article URL is too long."), fields={"url": [gettext("At most 2000 characters.")]})
    return url


def _clean_short(value: object, field: str, limit: int) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise InvalidInput(gettext("%(capitalize)s must be text.") % {"capitalize": field.capitalize()},
            fields={field: [gettext("Must be text.")]})
    return " ".join(value.split())[:limit]


def _clean_date(value: object) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise InvalidInput(gettext("The publication date must be a date."), fields={"published_at": [gettext("Must be a date.")]})
    return value


def _check_article_version(article: Article, version: object) -> None:
    if version is None:
        return
    if not isinstance(version, int) or isinstance(version, bool):
        raise InvalidInput(gettext("version must be a whole number."), fields={"version": [gettext("Must be a whole number.")]})
    if version != article.version:
        raise StaleVersion(stale_message("article", None, article.updated_at))


def _lock_article(article_id: int) -> Article:
    try:
        return Article.objects.select_for_update(of=("self",)).select_related("current_revision").get(pk=article_id)
    except (Article.DoesNotExist, ValueError, TypeError):
        raise NotFound(gettext("Article %(article_id)s does not exist.") % {"article_id": article_id}) from None


# The claims package's re-anchoring (claims.services.claims_reanchor), handed over in
# ClaimsConfig.ready(): called inside article_revise's transaction with the article locked.
Reanchor = Callable[..., dict[str, list]]
_reanchor: Reanchor | None = None

DETAIL_FIELDS = ("title", "outlet", "url", "author", "published_at", "language")


# The claims package's derived.article_deleting, handed over in ClaimsConfig.ready(): called before an
# article is deleted, it answers what to bring up to date after (the desk's claims per type and day).
ArticleDeleting = Callable[[int], Callable[[], None]]
_deleting: list[ArticleDeleting] = []


def receive_article_deleting(fn: ArticleDeleting) -> None:
    """Take a function called with an article's id before it is deleted; what it answers runs after."""
    if fn not in _deleting:
        _deleting.append(fn)


def receive_reanchor(fn: Reanchor) -> None:
    """Take the function that moves an article's claims into a new revision (called once, at start-up)."""
    global _reanchor
    _reanchor = fn


def _audit(article: Article, actor: User | None, kind: str, data: dict | None = None) -> ArticleEvent:
    return ArticleEvent.objects.create(article=article, actor=actor, kind=kind, data=data or {})


def _jsonable(value: object) -> object:
    return value.isoformat() if isinstance(value, dt.date) else value


def may_create_article(actor: User) -> None:
    """The rule article_create enforces; the new-article page asks it before showing the form."""
    require(can_edit_article(actor), gettext("Only editors can create articles."))


def may_revise_article(actor: User) -> None:
    """The rule article_revise enforces; the edit page asks it before showing the text to edit."""
    require(can_edit_article(actor), gettext("Only editors can edit article text."))


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
    language: str | None = None,
    form_token: str = "",
) -> Article:
    """Create an article with its first revision; without a ``language`` it is detected from the text.

    ``form_token`` is the one-time token of the page's form: sent again (the browser's Back, then
    Save once more), it is refused with AlreadyDone naming the article the first send created,
    instead of silently making a second copy.
    """
    may_create_article(actor)
    form_token = form_token if isinstance(form_token, str) else ""
    title = _clean_title(title)
    converted = looks_like_html(text) if isinstance(text, str) else False
    text = clean_article_text(text)
    if form_token:
        _refuse_a_second_send(actor, form_token[:64], title, text)
    detected = language is None or language == ""
    language = detect_language(text) if detected else clean_language(language)
    article = Article.objects.create(
        title=title,
        outlet=_clean_short(outlet, "outlet", 200),
        url=_clean_url(url),
        author=_clean_short(author, "author", 200),
        published_at=_clean_date(published_at),
        language=language,
        created_by=actor,
    )
    revision = ArticleRevision.objects.create(article=article, number=1, text=text, created_by=actor)
    article.current_revision = revision
    article.save(update_fields=["current_revision"])
    article_search_refresh(article.pk)
    created = {"revision": 1, "characters": len(text), "language": language, "language_detected": detected,
               "converted_from_html": converted}
    if form_token:
        created["form_token"] = form_token[:64]
    _audit(article, actor, ArticleEventKind.CREATED, created)
    return article


# A form is sent again within minutes or hours of the first send; a week bounds the search.
FORM_TOKEN_DAYS = 7
# The same title and text from the same member this soon after is the same form sent again, even
# when the browser read the page afresh on Back (a new token; it restores what was typed).
SAME_PASTE_MINUTES = 30


def _refuse_a_second_send(actor: User, token: str, title: str, text: str) -> None:
    # The member's row is locked so that two sends of one form (a double click) cannot both pass.
    User.objects.select_for_update().filter(pk=actor.pk).exists()
    now = timezone.now()
    earlier = (ArticleEvent.objects.filter(actor=actor, kind=ArticleEventKind.CREATED,
                                           at__gte=now - dt.timedelta(days=FORM_TOKEN_DAYS), data__form_token=token)
               .select_related("article").first())
    article = earlier.article if earlier is not None else (
        Article.objects.filter(created_by=actor, created_at__gte=now - dt.timedelta(minutes=SAME_PASTE_MINUTES),
                               title=title, current_revision__number=1, current_revision__text=text)
        .order_by("created_at", "id").first()
    )
    if article is not None:
        raise AlreadyDone(
            gettext("This form was already saved, as the article “%(title)s”; it was not saved a second time.")
            % {"title": article.title}, existing=article,
        )


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
    may_revise_article(actor)
    converted = looks_like_html(text) if isinstance(text, str) else False
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
    article_search_refresh(article.pk)
    if _reanchor is None:  # pragma: no cover - the claims app is always installed
        raise RuntimeError("No re-anchoring was handed to the articles services (is the claims app installed?)")
    outcome = _reanchor(actor=actor, article=article, old_revision=current, new_revision=revision)
    _audit(article, actor, ArticleEventKind.REVISED, {
        "revision": number, "previous": current.number if current else None, "note": revision.note,
        "converted_from_html": converted,
        **{k: [c.pk for c in v] for k, v in outcome.items()},
    })
    return RevisionOutcome(article=article, revision=revision, **outcome)


@transaction.atomic
def article_update_details(*, actor: User, article_id: int, version: int | None = None, **fields) -> Article:
    require(can_edit_article(actor), gettext("Only editors can edit articles."))
    article = _lock_article(article_id)
    _check_article_version(article, version)
    unknown = set(fields) - set(DETAIL_FIELDS)
    if unknown:
        raise InvalidInput(gettext("Unknown article fields: %(unknown)s.") % {"unknown": ', '.join(sorted(unknown))})
    cleaners = {
        "title": _clean_title,
        "outlet": lambda v: _clean_short(v, "outlet", 200),
        "author": lambda v: _clean_short(v, "author", 200),
        "url": _clean_url,
        "published_at": _clean_date,
        "language": clean_language,
    }
    fields = {name: cleaners[name](value) for name, value in fields.items()}
    changed = {name: value for name, value in fields.items() if getattr(article, name) != value}
    before = {name: _jsonable(getattr(article, name)) for name in changed}
    for name, value in fields.items():
        setattr(article, name, value)
    article.version += 1
    article.save()
    article_search_refresh(article.pk)
    if changed:
        _audit(article, actor, ArticleEventKind.EDITED,
               {"before": before, "after": {k: _jsonable(v) for k, v in changed.items()}})
    return article


@transaction.atomic
def article_edit(
    *, actor: User, article_id: int, version: int | None = None, text: str | None = None, note: str = "",
    **details,
) -> RevisionOutcome:
    """Change an article's details and/or its text in one step: both succeed or neither does.

    The version the client read is checked once, before anything changes; the text
    then goes in as a new revision (re-anchoring every claim), as article_revise does.
    """
    unknown = set(details) - set(DETAIL_FIELDS)
    if unknown:
        raise InvalidInput(gettext("Unknown article fields: %(unknown)s.") % {"unknown": ', '.join(sorted(unknown))})
    article = None
    if details:
        article = article_update_details(actor=actor, article_id=article_id, version=version, **details)
        version = article.version if version is not None else None
    if text is not None:
        return article_revise(actor=actor, article_id=article_id, text=text, version=version, note=note)
    if article is None:  # nothing to change: nothing is checked either (as before the two were one call)
        article = Article.objects.select_related("current_revision").filter(pk=article_id).first()
        if article is None:
            raise NotFound(gettext("Article %(article_id)s does not exist.") % {"article_id": article_id})
    return RevisionOutcome(article=article, revision=article.current_revision)


@transaction.atomic
def article_delete(*, actor: User, article_id: int) -> None:
    require(can_edit_article(actor), gettext("Only editors can delete articles."))
    article = _lock_article(article_id)
    # Claim events are append-only, but deleting the article removes its claims
    # and their history together: the one time history may go.
    after = [fn(article.pk) for fn in _deleting]
    article.delete()
    for fn in after:
        fn()


# --- derived: the article's search vector ----------------------------------------------
# Weighted so a word in the title ranks above one deep in the text (A > B > C). Only rows whose
# vector differs are written, so rebuilding twice writes nothing the second time.
ARTICLE_VECTOR_SQL = (
    "WITH v AS (SELECT a.id,"
    " setweight(to_tsvector(%(config)s::regconfig, coalesce(a.title, '')), 'A')"
    " || setweight(to_tsvector(%(config)s::regconfig, coalesce(a.outlet, '') || ' ' || coalesce(a.author, '')), 'B')"
    " || setweight(to_tsvector(%(config)s::regconfig, coalesce(r.text, '')), 'C') AS vector"
    " FROM articles_article a LEFT JOIN articles_articlerevision r ON r.id = a.current_revision_id"
    " WHERE %(id)s::bigint IS NULL OR a.id = %(id)s::bigint)"
    " UPDATE articles_article a SET search = v.vector FROM v WHERE v.id = a.id AND a.search IS DISTINCT FROM v.vector"
)


def article_search_refresh(article_id: int | None = None) -> int:
    """Recompute the tsvector of one article, or of every article whose vector is out of date.

    PostgreSQL only: elsewhere searches fall back to icontains and this does nothing.
    """
    if not search.fulltext():
        return 0
    with connection.cursor() as cur:
        cur.execute(ARTICLE_VECTOR_SQL, {"config": search.config(), "id": article_id})
        return cur.rowcount
