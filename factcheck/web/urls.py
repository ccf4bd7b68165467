from django.contrib.auth import views as auth_views
from django.urls import include, path

from factcheck.web import views

urlpatterns = [
    path("accounts/login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("", views.dashboard, name="dashboard"),
    path("articles/<int:pk>/", views.article_detail, name="article_detail"),
    path("claims/<int:pk>/", views.claim_detail, name="claim_detail"),
    path("healthz", views.healthz, name="healthz"),
    path("", include("factcheck.web.urls_sources")),
]
