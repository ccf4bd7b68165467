"""Browser routes for sources, evidence and lookups (owned with the sources package's UI)."""

from django.urls import path

from factcheck.web import views_sources as views

urlpatterns = [
    path("claims/<int:pk>/sources/", views.claim_sources, name="claim_sources"),
    path("claims/<int:pk>/sources/attach/", views.source_attach, name="source_attach"),
    path("claims/<int:pk>/lookups/<slug:kind>/", views.claim_lookup_run, name="claim_lookup_run"),
    path("claims/<int:pk>/link/", views.claim_link, name="claim_link_earlier"),
    path("evidence/<int:pk>/detach/", views.evidence_detach, name="evidence_detach"),
    path("evidence/<int:pk>/pin/", views.evidence_pin, name="evidence_pin"),
    path("evidence/<int:pk>/snapshot/", views.evidence_snapshot, name="evidence_snapshot"),
    path("lookups/<int:pk>/retry/", views.lookup_retry, name="lookup_retry"),
    path("articles/<int:pk>/lookups/", views.article_lookups, name="article_lookups"),
    path("articles/import/", views.article_import, name="article_import"),
    path("articles/import/<int:pk>/", views.article_import_confirm, name="article_import_confirm"),
]
