"""Articles: list, create, read, edit (details or text), delete, and claim suggestions."""

from __future__ import annotations

from contextlib import contextmanager

from django.conf import settings
from django.utils.translation import gettext
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.generics import ListAPIView
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from factcheck.api.filters import StrictOrderingFilter
from factcheck.api.pagination import Pagination
from factcheck.api.serializers import (
    ArticleCreateSerializer,
    ArticleDetailSerializer,
    ArticleRevisedSerializer,
    ArticleSerializer,
    ArticleUpdateSerializer,
    ClaimSerializer,
    CountSerializer,
    SuggestionSerializer,
    SuggestTextSerializer,
)
from factcheck.api.views.base import valid
from factcheck.articles.models import Article
from factcheck.articles.services import article_create, article_delete, article_edit
from factcheck.claims.selectors import articles_with_progress, claims_base
from factcheck.claims.services import claims_accept_all, claims_reject_all, claims_suggest
from factcheck.claims.suggest import suggest
from factcheck.core.errors import NotFound, StaleVersion, TooLarge


def article_or_404(pk: int) -> Article:
    article = articles_with_progress(Article.objects.select_related("current_revision")).filter(pk=pk).first()
    if article is None:
        raise NotFound(gettext("Article %(pk)s does not exist.") % {"pk": pk})
    return article


@contextmanager
def _current_version_on_conflict(pk: int):
    try:
        yield
    except StaleVersion as exc:
        raise StaleVersion(gettext("%(message)s The article is now at version %(version)s.") % {"message": exc.message,
            "version": article_or_404(pk).version}) from exc


class ArticleListView(ListAPIView):
    pagination_class = Pagination
    filter_backends = [StrictOrderingFilter]
    ordering_fields = ["id", "title", "created_at", "updated_at", "published_at"]
    ordering = ["-created_at", "-id"]
    serializer_class = ArticleSerializer

    def get_queryset(self):
        # The list leaves the (possibly long) text out; the detail has it.
        return articles_with_progress(Article.objects.select_related("current_revision").defer("current_revision__text"))

    @extend_schema(operation_id="articles_list", summary="List articles with their check progress", tags=["articles"])
    def get(self, request: Request) -> Response:
        return self.list(request)

    @extend_schema(
        operation_id="articles_create",
        summary="Create an article (editors)",
        request=ArticleCreateSerializer,
        responses={201: ArticleDetailSerializer},
        tags=["articles"],
    )
    def post(self, request: Request) -> Response:
        data = valid(ArticleCreateSerializer, request.data)
        article = article_create(actor=request.user, **data)
        return Response(ArticleDetailSerializer(article_or_404(article.pk)).data, status=status.HTTP_201_CREATED)


class ArticleDetailView(APIView):
    api_errors = (409,)

    @extend_schema(
        operation_id="articles_retrieve", summary="Read an article and its current text",
        responses={200: ArticleDetailSerializer}, tags=["articles"],
    )
    def get(self, request: Request, pk: int) -> Response:
        return Response(ArticleDetailSerializer(article_or_404(pk)).data)

    @extend_schema(
        operation_id="articles_partial_update",
        summary="Edit an article (editors)",
        description="Details change in place. New `text` is saved as a new revision and every claim is re-anchored; "
        "claims whose quote is gone are listed in `orphaned_claims` (they are kept, flagged `orphaned`).",
        request=ArticleUpdateSerializer,
        responses={200: ArticleRevisedSerializer},
        tags=["articles"],
    )
    def patch(self, request: Request, pk: int) -> Response:
        article_or_404(pk)
        data = dict(valid(ArticleUpdateSerializer, request.data))
        with _current_version_on_conflict(pk):
            outcome = article_edit(actor=request.user, article_id=pk, **data)
        orphaned = [c.pk for c in outcome.orphaned]
        rereview = [c.pk for c in outcome.rereview]
        article = article_or_404(pk)
        claims = {c.pk: c for c in claims_base().filter(pk__in=orphaned + rereview)}
        article.orphaned_claims = [claims[i] for i in orphaned]
        article.rereview_claims = [claims[i] for i in rereview]
        return Response(ArticleRevisedSerializer(article).data)

    @extend_schema(
        operation_id="articles_destroy", summary="Delete an article and its claims (editors)",
        responses={204: None}, tags=["articles"],
    )
    def delete(self, request: Request, pk: int) -> Response:
        article_or_404(pk)
        article_delete(actor=request.user, article_id=pk)
        return Response(status=status.HTTP_204_NO_CONTENT)


class ArticleSuggestView(APIView):
    api_errors = (404,)

    @extend_schema(
        operation_id="articles_suggest",
        summary="Store the suggestion engine's claims (editors)",
        description="Runs the engine on the current text and stores new suggestions as `suggested` claims. "
        "Idempotent: spans already claimed are not repeated. Returns every suggested claim of the current text.",
        request=None,
        responses={200: ClaimSerializer(many=True)},
        tags=["articles"],
    )
    def post(self, request: Request, pk: int) -> Response:
        article_or_404(pk)
        stored = claims_suggest(actor=request.user, article_id=pk)
        claims = claims_base().filter(pk__in=[c.pk for c in stored]).order_by("start", "id")
        return Response(ClaimSerializer(claims, many=True).data)


class ArticleAcceptAllView(APIView):
    @extend_schema(
        operation_id="articles_accept_all",
        summary="Accept every suggested claim of the article (editors)",
        description="Each suggestion becomes `open`, as if accepted one by one; all or none. "
        "`count` is how many were accepted (0 when none was left).",
        request=None,
        responses={200: CountSerializer},
        tags=["articles"],
    )
    def post(self, request: Request, pk: int) -> Response:
        article_or_404(pk)
        return Response(CountSerializer({"count": claims_accept_all(actor=request.user, article_id=pk)}).data)


class ArticleRejectAllView(APIView):
    @extend_schema(
        operation_id="articles_reject_all",
        summary="Reject every suggested claim of the article (editors)",
        description="`count` is how many suggestions were rejected; claims already accepted are left alone.",
        request=None,
        responses={200: CountSerializer},
        tags=["articles"],
    )
    def post(self, request: Request, pk: int) -> Response:
        article_or_404(pk)
        return Response(CountSerializer({"count": claims_reject_all(actor=request.user, article_id=pk)}).data)


class SuggestView(APIView):
    @extend_schema(
        operation_id="suggest",
        summary="Suggest claims in a text without storing anything",
        description="The answer is a bare JSON array, exactly what `manage.py suggest_claims FILE --json` prints "
        "for the same text: offsets are in the text as sent (no newline normalisation).",
        request=SuggestTextSerializer,
        responses={200: SuggestionSerializer(many=True)},
        tags=["claims"],
    )
    def post(self, request: Request) -> Response:
        text = valid(SuggestTextSerializer, request.data)["text"]
        limit = settings.ARTICLE_MAX_CHARS
        if len(text) > limit:
            raise TooLarge(
                gettext("The text is %(text)s characters long; the limit is %(limit)s.") % {"text": format(len(text), ','),
                    "limit": format(limit, ',')},
                fields={"text": [gettext("At most %(limit)s characters.") % {"limit": format(limit, ',')}]},
            )
        return Response([s.to_dict() for s in suggest(text)])
