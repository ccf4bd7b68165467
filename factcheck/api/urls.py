"""The REST API under /api/ (issue 6): the paths are a contract with external clients."""

from django.urls import path, re_path

from factcheck.api.exceptions import not_found
from factcheck.api.views import articles, auth, claims, docs, sources

urlpatterns = [
    path("auth/token/", auth.TokenView.as_view(), name="api-token"),
    path("members/", auth.MemberListView.as_view(), name="api-members"),
    path("articles/", articles.ArticleListView.as_view(), name="api-articles"),
    path("articles/<int:pk>/", articles.ArticleDetailView.as_view(), name="api-article"),
    path("articles/<int:pk>/suggest/", articles.ArticleSuggestView.as_view(), name="api-article-suggest"),
    path("suggest/", articles.SuggestView.as_view(), name="api-suggest"),
    path("claims/", claims.ClaimListView.as_view(), name="api-claims"),
    path("claims/<int:pk>/", claims.ClaimDetailView.as_view(), name="api-claim"),
    path("claims/<int:pk>/accept/", claims.ClaimAcceptView.as_view(), name="api-claim-accept"),
    path("claims/<int:pk>/reject/", claims.ClaimRejectView.as_view(), name="api-claim-reject"),
    path("claims/<int:pk>/assign/", claims.ClaimAssignView.as_view(), name="api-claim-assign"),
    path("claims/<int:pk>/start/", claims.ClaimStartView.as_view(), name="api-claim-start"),
    path("claims/<int:pk>/verdict/", claims.ClaimVerdictView.as_view(), name="api-claim-verdict"),
    path("claims/<int:pk>/reopen/", claims.ClaimReopenView.as_view(), name="api-claim-reopen"),
    path("claims/<int:pk>/second-review/", claims.ClaimSecondReviewView.as_view(), name="api-claim-second-review"),
    path("claims/<int:pk>/events/", claims.ClaimEventsView.as_view(), name="api-claim-events"),
    path("claims/<int:pk>/sources/", sources.ClaimSourcesView.as_view(), name="api-claim-sources"),
    path("claims/<int:pk>/lookups/", sources.ClaimLookupsView.as_view(), name="api-claim-lookups"),
    path("sources/<int:pk>/", sources.SourceDetailView.as_view(), name="api-source"),
    path("schema/", docs.SchemaView.as_view(), name="api-schema"),
    path("docs/", docs.DocsView.as_view(), name="api-docs"),
    # Anything else under /api/ answers 404 in the API's error shape.
    re_path(r"^.*$", not_found),
]
