from django.contrib.auth import views as auth_views
from django.urls import include, path

from factcheck.web import views

urlpatterns = [
    path("accounts/login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("", views.dashboard, name="dashboard"),
    path("articles/", views.article_list, name="article_list"),
    path("articles/new/", views.article_new, name="article_new"),
    path("articles/<int:pk>/", views.article_detail, name="article_detail"),
    path("articles/<int:pk>/progress/", views.article_progress, name="article_progress"),
    path("articles/<int:pk>/history/", views.article_history, name="article_history"),
    path("articles/<int:pk>/edit/", views.article_edit, name="article_edit"),
    path("articles/<int:pk>/suggest/", views.article_suggest, name="article_suggest"),
    path("articles/<int:pk>/accept-all/", views.article_accept_all, name="article_accept_all"),
    path("articles/<int:pk>/reject-all/", views.article_reject_all, name="article_reject_all"),
    path("articles/<int:pk>/claims/", views.claim_create, name="claim_create"),
    path("articles/<int:pk>/merge/", views.claims_merge, name="claims_merge"),
    path("articles/<int:pk>/assign/", views.claims_assign_bulk, name="claims_assign_bulk"),
    path("claims/<int:pk>/", views.claim_detail, name="claim_detail"),
    path("claims/<int:pk>/accept/", views.claim_accept, name="claim_accept"),
    path("claims/<int:pk>/reject/", views.claim_reject, name="claim_reject"),
    path("claims/<int:pk>/edit/", views.claim_edit, name="claim_edit"),
    path("claims/<int:pk>/split/", views.claim_split, name="claim_split"),
    path("claims/<int:pk>/place/", views.claim_reanchor, name="claim_reanchor"),
    path("claims/<int:pk>/assign/", views.claim_assign, name="claim_assign"),
    path("claims/<int:pk>/second-review/", views.claim_second_review, name="claim_second_review"),
    path("claims/<int:pk>/start/", views.claim_start, name="claim_start"),
    path("claims/<int:pk>/verdict/", views.claim_verdict, name="claim_verdict"),
    path("claims/<int:pk>/reopen/", views.claim_reopen, name="claim_reopen"),
    path("claims/<int:pk>/comments/", views.claim_comment, name="claim_comment"),
    path("workload/", views.workload, name="workload"),
    path("notifications/", views.notifications, name="notifications"),
    path("notifications/read/", views.notifications_read, name="notifications_read"),
    path("healthz", views.healthz, name="healthz"),
    path("", include("factcheck.web.urls_sources")),
]
