"""The REST API under /api/ (issue 6): the paths are a contract with external clients."""

from django.urls import path, re_path, register_converter

from factcheck.api.exceptions import not_found
from factcheck.api.list_cache import cached_pages
from factcheck.api.views import articles, auth, claims, docs, exports, notifications, publishing, sources


class IdConverter:
    """A row id: digits that fit a 64-bit key; anything longer is an unknown path (404), not a database error."""

    regex = "[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return str(value)


register_converter(IdConverter, "id")

urlpatterns = [
    path("auth/token/", auth.TokenView.as_view(), name="api-token"),
    path("members/", auth.MemberListView.as_view(), name="api-members"),
    path("articles/", articles.ArticleListView.as_view(), name="api-articles"),
    path("articles/<id:pk>/", articles.ArticleDetailView.as_view(), name="api-article"),
    path("articles/import/", sources.ArticleImportView.as_view(), name="api-article-import"),
    path("articles/<id:pk>/suggest/", articles.ArticleSuggestView.as_view(), name="api-article-suggest"),
    path("articles/<id:pk>/accept-all/", articles.ArticleAcceptAllView.as_view(), name="api-article-accept-all"),
    path("articles/<id:pk>/reject-all/", articles.ArticleRejectAllView.as_view(), name="api-article-reject-all"),
    path("articles/<id:pk>/publish/", publishing.ArticlePublishView.as_view(), name="api-article-publish"),
    path("articles/<id:pk>/unpublish/", publishing.ArticleUnpublishView.as_view(), name="api-article-unpublish"),
    path("articles/<id:pk>/claimreview/", publishing.ArticleClaimReviewView.as_view(), name="api-article-claimreview"),
    path("articles/<id:pk>/export.csv", exports.ArticleExportCSVView.as_view(), name="api-article-export-csv"),
    path("articles/<id:pk>/export.json", exports.ArticleExportJSONView.as_view(), name="api-article-export-json"),
    path("suggest/", articles.SuggestView.as_view(), name="api-suggest"),
    path("claims/", cached_pages(claims.ClaimListView.as_view()), name="api-claims"),
    path("claims/merge/", claims.ClaimMergeView.as_view(), name="api-claims-merge"),
    path("claims/bulk-assign/", claims.ClaimBulkAssignView.as_view(), name="api-claims-bulk-assign"),
    path("claims/<id:pk>/", claims.ClaimDetailView.as_view(), name="api-claim"),
    path("claims/<id:pk>/accept/", claims.ClaimAcceptView.as_view(), name="api-claim-accept"),
    path("claims/<id:pk>/reject/", claims.ClaimRejectView.as_view(), name="api-claim-reject"),
    path("claims/<id:pk>/assign/", claims.ClaimAssignView.as_view(), name="api-claim-assign"),
    path("claims/<id:pk>/start/", claims.ClaimStartView.as_view(), name="api-claim-start"),
    path("claims/<id:pk>/verdict/", claims.ClaimVerdictView.as_view(), name="api-claim-verdict"),
    path("claims/<id:pk>/reopen/", claims.ClaimReopenView.as_view(), name="api-claim-reopen"),
    path("claims/<id:pk>/restore/", claims.ClaimRestoreView.as_view(), name="api-claim-restore"),
    path("claims/<id:pk>/confirm/", claims.ClaimConfirmVerdictView.as_view(), name="api-claim-confirm"),
    path("claims/<id:pk>/second-review/", claims.ClaimSecondReviewView.as_view(), name="api-claim-second-review"),
    path("claims/<id:pk>/split/", claims.ClaimSplitView.as_view(), name="api-claim-split"),
    path("claims/<id:pk>/link/", claims.ClaimLinkView.as_view(), name="api-claim-link"),
    path("claims/<id:pk>/reanchor/", claims.ClaimReanchorView.as_view(), name="api-claim-reanchor"),
    path("claims/<id:pk>/events/", claims.ClaimEventsView.as_view(), name="api-claim-events"),
    path("claims/<id:pk>/comments/", claims.ClaimCommentsView.as_view(), name="api-claim-comments"),
    path("claims/<id:pk>/sources/", sources.ClaimSourcesView.as_view(), name="api-claim-sources"),
    path("claims/<id:pk>/sources/<id:source_id>/", sources.ClaimSourceView.as_view(), name="api-claim-source"),
    path("claims/<id:pk>/sources/<id:source_id>/pin/", sources.ClaimSourcePinView.as_view(),
         name="api-claim-source-pin"),
    path("claims/<id:pk>/lookups/", sources.ClaimLookupsView.as_view(), name="api-claim-lookups"),
    path("sources/<id:pk>/", sources.SourceDetailView.as_view(), name="api-source"),
    path("lookups/<id:pk>/", sources.LookupDetailView.as_view(), name="api-lookup"),
    path("notifications/", notifications.NotificationListView.as_view(), name="api-notifications"),
    path("notifications/read/", notifications.NotificationReadView.as_view(), name="api-notifications-read"),
    path("schema/", docs.SchemaView.as_view(), name="api-schema"),
    path("docs/", docs.DocsView.as_view(), name="api-docs"),
    # Anything else under /api/ answers 404 in the API's error shape.
    re_path(r"", not_found),
]
